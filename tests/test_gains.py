"""Who gains and who loses counts every consignment: overall clearance ends at an import's exit
and at an export's loading, as everywhere else; and the report of a comparison or a run says
what it does: the currency of the scenario, the p95 of clearance, how its tail was drawn."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sim.cli import main
from sim.experiment.compare import compare
from sim.experiment.gains import gains_one, trim_log
from sim.report.folder import read_compare
from sim.report.folder_report import render_folder
from sim.report.html import render

REPO = Path(__file__).resolve().parents[1]
SMALL = REPO / "tests" / "scenarios" / "small.toml"
SHORT = {"days": 2, "warmup_days": 1, "drain_days": 3}
MORE_REVIEW = "review4:ports.sea.review.capacity=4"
COLUMNS = ["port", "index", "direction", "trader_class", "commodity", "arrived", "released",
           "exited", "loaded"]  # fmt: skip


def _costs() -> dict:
    """The default scenario's prices (USD), for the small scenario's two commodities."""
    costs = tomllib.loads((REPO / "sim" / "scenarios" / "default.toml").read_text())["costs"]
    keep = {k: v for k, v in costs.get("commodities", {}).items() if k in ("general", "frozen")}
    return {**costs, "commodities": keep}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A costed comparison of the small scenario (imports and exports), with its report."""
    out = tmp_path_factory.mktemp("gains") / "c"
    compare(SMALL, [MORE_REVIEW], reps=2, overrides={**SHORT, "costs": _costs()}, out=out)
    return out


def test_an_exports_overall_clearance_ends_at_its_loading():
    """An export is never ``exited``: its overall clearance runs to ``loaded``."""
    nan = np.nan
    base = pd.DataFrame(
        [
            ("p", 0, "import", "A", "g", 0.0, 1.0, 5.0, nan),
            ("p", 1, "export", "A", "g", 0.0, 1.0, nan, 8.0),
            ("p", 2, "export", "A", "g", 0.0, 1.0, nan, nan),  # never loaded: left out
        ],
        columns=COLUMNS,
    )
    opt = base.copy()
    opt.loc[1, "loaded"] = 6.0  # the export gains 2 h
    opt.loc[0, "exited"] = 6.0  # the import loses 1 h
    g = gains_one(base, opt)
    g = g[g["measure"] == "overall_clearance"].set_index(["dimension", "port", "direction"])
    export = g.loc[("port_direction", "p", "export")]
    assert export["n"] == 1 and export["sum_h"] == pytest.approx(-2.0)
    assert export["base_sum_h"] == pytest.approx(8.0) and export["better"] == 1
    everyone = g.loc[("all", "all", "all")]
    assert everyone["n"] == 2 and everyone["sum_h"] == pytest.approx(-1.0)


def test_all_consignments_of_who_gains_are_imports_and_exports(folder: Path):
    """gains.csv has export rows for overall clearance, and its "all consignments" row (as the
    report's table shows it) counts the imports and the exports."""
    gains = pd.read_csv(folder / "gains.csv")
    overall = gains[(gains["measure"] == "overall_clearance") & (gains["option"] == "review4")]
    strata = overall[overall["dimension"] == "port_direction"]
    assert set(strata["direction"]) == {"import", "export"}
    assert (strata["n"] > 0).all()
    everyone = int(overall.loc[overall["dimension"] == "all", "n"].iloc[0])
    assert everyone == strata["n"].sum()
    text = (folder / "report.html").read_text(encoding="utf-8")
    counts = dict(re.findall(
        r'data-who="([^"]+)"><td>review4</td><td>[^<]+</td><td class=.n.>([\d,]+)<', text))
    assert int(counts["all consignments"].replace(",", "")) == everyone
    per_stratum = [int(v.replace(",", "")) for k, v in counts.items() if " \u00b7 " in k]
    assert len(per_stratum) == 2 and sum(per_stratum) == everyone


def test_who_gains_compares_only_consignments_released_by_the_end_of_the_run():
    """A censored consignment may carry a release and an exit planned beyond the end of the
    run; it is not among those released (consignments_released), so not compared."""
    nan = np.nan
    base = pd.DataFrame(
        [
            ("p", 0, "import", "A", "g", 0.0, 1.0, 5.0, nan, "released"),
            ("p", 1, "import", "A", "g", 0.0, 1.0, 900.0, nan, "censored"),
            ("p", 2, "import", "A", "g", 0.0, nan, nan, nan, "seized"),
        ],
        columns=[*COLUMNS, "outcome"],
    )
    opt = base.copy()
    opt.loc[0, "exited"] = 4.0
    for measure, g in gains_one(base, opt).groupby("measure"):
        everyone = g[g["dimension"] == "all"].iloc[0]
        assert everyone["n"] == 1, measure
    assert trim_log(base.assign(cohort=True))["outcome"].tolist() == list(base["outcome"])


def test_who_gains_counts_are_those_released_summed_over_the_replications(folder: Path):
    """The report's counts say they are summed over the replications, and how many; they are
    never more than the consignments released (replications.csv) summed over them."""
    per_rep = pd.read_csv(folder / "replications.csv")
    text = (folder / "report.html").read_text(encoding="utf-8")
    assert "<th>consignments (summed over 2 replications)</th>" in text
    gains = pd.read_csv(folder / "gains.csv")
    everyone = gains[(gains["option"] == "review4") & (gains["dimension"] == "all")]
    released = per_rep.groupby("option")["consignments_released"].sum()
    assert 0 < everyone["n"].max() <= released[["baseline", "review4"]].min()


def test_a_comparisons_report_draws_the_tail_from_every_consignment(folder: Path):
    """A comparison keeps exports' loading in its logs, so its tail of overall clearance is
    drawn from every consignment; without logs the note says why, not to run with --log
    (compare has no such option)."""
    text = (folder / "report.html").read_text(encoding="utf-8")
    assert "overall_clearance: from every consignment of the kept logs" in text
    assert "--log" not in text
    res, variants = read_compare(folder)
    for v in variants.values():
        v.samples = {}
    text = render(res, variants)
    assert "--log" not in text
    assert "the logs this comparison kept do not give every consignment's time" in text


@pytest.mark.parametrize("older", [False, True])
def test_a_comparisons_report_shows_money_in_the_scenarios_currency(
    folder: Path, older: bool, tmp_path: Path
):
    """compare.json records the currency; a folder made before it did takes it from the
    baseline's scenario.json."""
    if older:
        folder = Path(shutil.copytree(folder, tmp_path / "older"))
        meta = json.loads((folder / "compare.json").read_text())
        assert meta.pop("currency") == "USD"
        (folder / "compare.json").write_text(json.dumps(meta))
    text = render_folder(folder)
    assert "<td>total_cost_per_consignment (USD per consignment)</td>" in text
    assert "(currency" not in text


def test_a_runs_report_shows_money_in_the_scenarios_currency(tmp_path: Path):
    out = tmp_path / "r"
    argv = ["run", "--days", "1", "--set", "warmup_days=0", "--set", "drain_days=1",
            "--reps", "1", "--out", str(out)]  # fmt: skip
    assert main(argv) == 0  # the default scenario, priced in USD
    text = render_folder(out)
    assert "<td>total_cost_per_consignment (USD per consignment)</td>" in text
    assert "(currency" not in text
    assert "run with --log for every consignment" in text  # (a run has --log)


def test_the_results_table_has_the_p95_of_clearance(folder: Path):
    """docs/reports.md: clearance, customs' and overall, with its p95 (the tail)."""
    text = (folder / "report.html").read_text(encoding="utf-8")
    for metric in ("clearance_h_p95", "overall_clearance_h_p95"):
        assert f'data-metric="{metric}" data-option="review4"' in text, metric


def test_who_gains_table_says_over_how_many_replications_its_counts_are_summed():
    """A group missing from some replications is still summed over all of the option's."""
    from sim.report.html import gains_table

    row = {"measure": "overall_clearance", "port": "all", "direction": "all", "group": "all",
           "mean_change_h": -0.5, "ci_low": -0.6, "ci_high": -0.4, "share_worse": 0.0,
           "share_better": 0.3}
    gains = pd.DataFrame([
        {**row, "option": "a", "dimension": "all", "n": 22222, "reps": 3},
        {**row, "option": "a", "dimension": "port_direction", "port": "p", "direction": "import",
         "n": 5, "reps": 2},
    ])
    text = gains_table(gains)
    assert "<th>consignments (summed over 3 replications)</th>" in text
    assert "<td class='n'>22,222</td>" in text and "<td class='n'>5</td>" in text
    other = {**row, "option": "b", "dimension": "all", "n": 10, "reps": 2}
    text = gains_table(pd.concat([gains, pd.DataFrame([other])]))
    assert "how many: in brackets" in text
    assert "<td class='n'>22,222 (3)</td>" in text and "<td class='n'>10 (2)</td>" in text
