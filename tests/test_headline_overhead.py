"""The overhead per declaration (costs of no port shared over the ports' declarations,
``agency_cost_overhead_per_consignment``) follows the agencies' cost per declaration in the
report's headline (English and Chinese), the console's table and the workbook's headline
sheet, only where some option has overhead above 0. Made-up figures: nothing is run."""

from __future__ import annotations

import html
import re
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from sim.experiment.options import Option
from sim.report.headline import headline
from sim.report.headline_overhead import METRIC, OVERHEAD
from sim.report.translate import text

AGENCY = ("agency_cost_per_consignment", 1.2, 0.3, 2.1)
#: the option's change in its overhead per declaration: clear of 0
CHANGE = (METRIC, 1.1, 0.2, 2.0)


def _res(overhead: float) -> SimpleNamespace:
    """A comparison of one option ``o`` (a baseline with none) whose overhead per declaration
    is ``overhead``, its agencies' cost and its overhead changed as :data:`CHANGE` says."""
    columns = ["option", "metric", "mean", "shown_low", "shown_high"]
    diffs = pd.DataFrame([("o", *r) for r in (AGENCY, CHANGE)], columns=columns)
    summary = pd.DataFrame([("baseline", METRIC, 0.0), ("o", METRIC, overhead),
                            ("baseline", "agency_cost_per_consignment", 4.0),
                            ("o", "agency_cost_per_consignment", 5.2)],
                           columns=["option", "metric", "mean"])
    return SimpleNamespace(names=["baseline", "o"], options=[Option("baseline"), Option("o")],
                           differences=diffs, summary=summary,
                           meta={"currency": "USD", "days": 14.0},
                           unstable=lambda name: False)


def _items(res: SimpleNamespace) -> list[str]:
    page = "".join(headline(res))  # type: ignore[arg-type]
    return [html.unescape(i) for i in re.findall(r"<li>(.*?)</li>", page)]


def test_the_overhead_follows_the_agencies_cost_in_english_and_chinese() -> None:
    items = _items(_res(1.1))
    at = [k for k, i in enumerate(items) if i.startswith(OVERHEAD)]
    assert len(at) == 1 and items[at[0] - 1].startswith("of which the agencies': "), items
    line = items[at[0]]
    assert line == f"{OVERHEAD}: 1.10 USD more (95 % CI 0.20 to 2.00)", line
    zh = text(line)
    assert zh is not None and zh.startswith("其中不属于任何口岸的成本（管理费用"), zh
    assert "增加 1.10 USD" in zh


def test_no_overhead_line_where_no_option_has_overhead() -> None:
    items = _items(_res(0.0))
    assert items and not any(i.startswith(OVERHEAD) for i in items), items


@pytest.mark.parametrize("overhead, shown", [(0.0, False), (1.1, True)])
def test_the_consoles_table_has_the_overhead_after_the_agencies_cost(overhead: float,
                                                                   shown: bool) -> None:
    from sim.cli_compare import table_rows

    res = _res(overhead)
    rows = [r for r in table_rows(res) if r in (METRIC, AGENCY[0])]  # type: ignore[arg-type]
    assert rows == ([AGENCY[0], METRIC] if shown else [AGENCY[0]])


@pytest.mark.parametrize("overhead, shown", [(0.0, False), (1.1, True)])
def test_the_workbooks_headline_sheet_has_the_overhead_only_with_some(tmp_path: Path,
                                                                      overhead: float,
                                                                      shown: bool) -> None:
    """Both options' rows, right after the agencies' cost per declaration, where one has
    overhead; none where neither has (0 in every scenario without costs of no port)."""
    from sim.report.workbook_sheets import headline_table

    res = _res(overhead)
    summary = res.summary.assign(unit="USD per consignment", shown_low=0.0, shown_high=9.0,
                                 n=2)
    summary.to_csv(tmp_path / "summary.csv", index=False)
    pd.DataFrame(columns=["option", "metric", "mean", "ci_low", "ci_high", "significant",
                          "steady_state"]).to_csv(tmp_path / "differences.csv", index=False)
    (tmp_path / "compare.json").write_text('{"options": []}')
    table = headline_table(tmp_path, "compare", "en")
    metrics = list(table["metric"])
    assert metrics.count(METRIC) == (2 if shown else 0)
    if shown:
        assert metrics[metrics.index(METRIC) - 1] == AGENCY[0]
