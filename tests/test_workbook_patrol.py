"""The workbook's headline sheet gives the smuggling patrols' cost (their own line, in no
port's cost per consignment) after the agencies' cost it is part of, as the console's
headline does (sim/report/headline_patrol.py), in English and Chinese; a scenario without
patrols has no such row (its patrol cost is 0). Read from the written workbooks."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from sim.cli import main
from sim.report.workbook_sheets import HEADLINE_COLUMNS, headline_table

#: a day of Beilun (three patrolled routes) with its staff priced, as tests/test_patrol_cost.py
PRICED = ["--set", "warmup_days=1", "--set", "drain_days=1", "--set", "costs.price_year=2019",
          "--set", "costs.roles.customs_officer=21100"]
PATROL = ("agency_cost_patrol_per_consignment", "agency_cost_patrol_per_year")


@pytest.fixture(scope="module")
def beilun(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A run of Beilun priced, one observed day, one replication, with both workbooks."""
    out = tmp_path_factory.mktemp("patrol-workbook") / "run"
    argv = ["run", "beilun-border", *PRICED, "--days", "1", "--reps", "1", "--executor",
            "serial", "--out", str(out)]
    assert main(argv) == 0
    for lang in ("en", "zh"):
        assert main(["workbook", str(out), "--lang", lang]) == 0
    return out


def _headline(book: Path, lang: str) -> list[tuple[str, str, object]]:
    """The headline sheet's (figure, metric, mean) rows, read from the written workbook."""
    ws = openpyxl.load_workbook(book, read_only=True).worksheets[1]
    rows = list(ws.iter_rows(values_only=True))
    at = [rows[0].index(HEADLINE_COLUMNS[c][lang == "zh"]) for c in ("figure", "metric", "mean")]
    return [(str(r[at[0]]), str(r[at[1]]), r[at[2]]) for r in rows[1:]]


@pytest.mark.parametrize("lang, name, words", [
    ("en", "workbook.xlsx", "of which the smuggling patrols' outside the ports"),
    ("zh", "workbook-zh.xlsx", "口岸外巡查"),
])
def test_the_patrols_cost_follows_the_agencies_cost_it_is_part_of(beilun, lang, name, words):
    rows = _headline(beilun / name, lang)
    metrics = [m for _, m, _ in rows]
    summary = pd.read_csv(beilun / "summary.csv").set_index("metric")["mean"]
    for after, patrol in zip(("agency_cost_per_consignment", "agency_cost_per_year"), PATROL,
                             strict=True):
        assert metrics[metrics.index(after) + 1] == patrol, metrics
        figure, _, mean = rows[metrics.index(patrol)]
        assert words in figure, figure
        assert isinstance(mean, float) and mean > 0
        assert mean == pytest.approx(float(summary[patrol]))


@pytest.mark.parametrize("patrol, shown", [(0.0, False), (5000.0, True)])
def test_a_comparison_without_patrols_has_no_patrol_row(tmp_path, patrol, shown):
    """The patrol cost is 0 without patrols: no row of it then; with patrols in one option
    (the baseline has none), both rows, for each option."""
    summary = [{"option": option, "metric": metric, "unit": "USD", "mean": mean,
                "shown_low": mean, "shown_high": mean, "n": 2}
               for option, scale in (("baseline", 0.0), ("patrols", 1.0))
               for metric, mean in (("agency_cost_per_year", 9e5), (PATROL[1], patrol * scale),
                                    (PATROL[0], patrol * scale / 1e3))]
    pd.DataFrame(summary).to_csv(tmp_path / "summary.csv", index=False)
    pd.DataFrame(columns=["option", "metric", "mean", "ci_low", "ci_high", "significant",
                          "steady_state"]).to_csv(tmp_path / "differences.csv", index=False)
    (tmp_path / "compare.json").write_text('{"options": []}')
    table = headline_table(tmp_path, "compare", "en")
    assert (PATROL[1] in set(table["metric"])) == shown
    assert len(table[table["metric"].isin(PATROL)]) == (4 if shown else 0)  # (2 a side)
