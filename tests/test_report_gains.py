"""Who gains and who loses counts what the trader pays too: a reform that only adds a fee
leaves every time alone, but gains.csv's trader cost says who pays more; a folder without it
says the section covers time only. An option whose dated reform was in force for part of the
run is said to be so beside it."""

from __future__ import annotations

import html
from types import SimpleNamespace

import pandas as pd

from sim.report.html import _gains
from sim.report.periods import Periods

COLUMNS = ["option", "measure", "dimension", "port", "direction", "group", "unit", "n", "reps",
           "mean_change", "ci_low", "ci_high", "share_worse", "share_better"]  # fmt: skip


def _res(measures: tuple[str, ...]) -> SimpleNamespace:
    rows = []
    for m in measures:
        unit, change, worse = ("USD", 1.6, 0.61) if m == "trader_cost" else ("h", 0.0, 0.0)
        rows += [("fee", m, "all", "all", "all", "all", unit, 1000, 2, change / 3, 0.2, 0.6,
                  worse / 3, 0.0),
                 ("fee", m, "port_direction", "sea", "import", "all", unit, 300, 2, change,
                  1.5, 1.7, worse, 0.0)]  # fmt: skip
    return SimpleNamespace(names=["baseline", "fee"], gains=pd.DataFrame(rows, columns=COLUMNS),
                           meta={"currency": "USD"})  # fmt: skip


def test_who_pays_more_is_shown_beside_who_waits_longer():
    text = html.unescape("".join(_gains(_res(("overall_clearance", "trader_cost")))))  # type: ignore[arg-type]
    time, cost = text.split("Who pays more and who pays less")
    assert "61.0 %" not in time and "worse off" in time
    assert "mean change (USD; below 0: pays less)" in cost and "pays more" in cost
    row = cost.split('data-who="sea \u00b7 import"')[1].split("</tr>")[0]
    assert "61.0 %" in row and "1.600" in row
    assert "covers time only" not in text


def test_without_trader_cost_the_section_says_it_covers_time_only():
    text = "".join(_gains(_res(("overall_clearance",))))  # type: ignore[arg-type]
    assert "covers time only" in text and "pays more" not in text


def test_a_dated_reform_in_force_for_part_of_the_run_is_said_so_beside_who_gains():
    periods = Periods(in_force={"fee": (7.0, 14.0)})
    text = "".join(_gains(_res(("overall_clearance",)), periods))  # type: ignore[arg-type]
    assert "fee: its reform in force for 7 of 14 observed days: whole-run figures mix" in text


def test_who_gains_points_to_its_one_page_table_by_port_in_both_languages():
    """A provincial brief wants the table by port on one page: the section names the command
    that prints it (paper-table --gains), and the Chinese report says so in Chinese; each
    scenario page of more than one port points to it too."""
    from pathlib import Path

    from sim.docs import BY_PORT, scenario_page
    from sim.report.translate import translate

    page = ("<html lang='en'><body>" + "".join(_gains(_res(("overall_clearance",))))  # type: ignore[arg-type]
            + "</body></html>")
    assert "<code>bordersim paper-table RESULTS_DIR --gains overall_clearance</code>" in page
    zh = translate(page, "zh")
    assert "同一张按口岸和方向的表可单页输出" in zh and "data-untranslated" not in zh, zh
    scenarios = Path(__file__).parents[1] / "sim" / "scenarios"
    assert BY_PORT in scenario_page(scenarios / "guangdong.toml")
    assert BY_PORT not in scenario_page(scenarios / "teaching-mmc.toml")
