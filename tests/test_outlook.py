"""The outlook under growing trade (sim.experiment.outlook, bordersim outlook): every port's
arrivals grown, the year each lane stops keeping up, the year to plan for and what it needs."""

from __future__ import annotations

import json
import math
from types import SimpleNamespace

import pandas as pd
import pytest

import sim
from sim.cli import main
from sim.experiment.outlook import (
    OutlookError,
    _crossing,
    _lanes,
    _names,
    _stops,
    check_growth,
    growth_changes,
    outlook,
)
from sim.model.stability import check
from sim.model.weekly import rising_warning

MMC = "teaching-mmc"  # M/M/2, lambda 2/h, mu 2/h a server: rho 0.5 in year 0


def test_growth_multiplies_every_ports_imports_and_exports():
    s = sim.load_scenario("default")
    changes = growth_changes(s, 1.5)
    flows = sum(1 + (p.exports is not None) for p in s.ports.values())
    assert len(changes) == flows and flows > len(s.ports)  # (the default has exports)
    grown = sim.patch(s, changes)
    for name, port in s.ports.items():
        assert grown.ports[name].arrivals.rate == pytest.approx(1.5 * port.arrivals.rate)
        if port.exports is not None:
            assert grown.ports[name].exports.arrivals.rate == pytest.approx(
                1.5 * port.exports.arrivals.rate)


def test_a_schedule_of_calls_cannot_be_grown():
    flow = SimpleNamespace(schedule=[1], rate=1.0)
    fake = SimpleNamespace(name="berths", ports={"sea": SimpleNamespace(arrivals=flow,
                                                                         exports=None)})
    with pytest.raises(OutlookError, match=r"'berths'.*ports\.sea\.arrivals\.schedule"):
        growth_changes(fake, 1.1)  # type: ignore[arg-type]


def test_years_and_bad_growth():
    assert check_growth(0.05, 10, 3) == [0, 3, 6, 9, 10]  # (the horizon always in)
    for bad, what in [((2.0, 10, 1), "growth 2.0.*-0.5 to 1"), ((0.05, 0, 1), "years 0"),
                      ((0.05, 4, 5), "every 5.*1 to the horizon")]:
        with pytest.raises(OutlookError, match=what):
            check_growth(*bad)


def test_a_lane_is_split_from_the_longest_port_name_its_metric_starts_with():
    fake = SimpleNamespace(ports={"sea": None, "sea_port": None})
    cols = ["utilisation_sea_port_exam_bays", "utilisation_sea_gate", "wait_h_mean_sea_gate",
            "utilisation_org/hq_analyst"]
    assert _lanes(fake, cols) == [  # type: ignore[arg-type]
        ("sea_port", "exam_bays", "utilisation_sea_port_exam_bays"),
        ("sea", "gate", "utilisation_sea_gate")]


def test_stops_only_from_a_year_every_later_one_repeats():
    assert _stops([0, 2, 4, 6, 8], [True, False, True, False, False]) == 6
    assert math.isnan(_stops([0, 2, 4], [True, False, True]))  # (a passing warning)
    assert _stops([0, 1], [False, False]) == 0


def test_crossing_is_the_first_year_above_85_percent():
    assert _crossing(0, 0.5, 0.1, 10) == 6  # 0.5 * 1.1**5 = 0.81, * 1.1**6 = 0.89
    assert _crossing(0, 0.684, 0.1, 10) == 3  # 0.684 * 1.1**2 = 0.83, * 1.1**3 = 0.91
    assert _crossing(2, 0.9, 0.1, 10) == 2
    assert math.isnan(_crossing(0, 0.5, 0.1, 5))  # (not by the horizon)
    assert math.isnan(_crossing(0, 0.5, 0.0, 10))


def test_warnings_name_their_lane_as_the_stability_rules_write_them():
    lane = SimpleNamespace(port="sea_port", name="exam_bays", unlimited=False, hourly=[0],
                           weekly_waits=lambda: {})
    over = check([lane], (0.0, 168.0), {("sea_port", "exam_bays"): 0.99})
    assert over and _names(over[0], "sea_port", "exam_bays")
    assert not _names(over[0], "sea_port", "exam")
    rising = rising_warning("sea_port", "the exam appointment slots",
                            {w: 10.0 * w ** 2 + 1 for w in range(6)}, (0.0, 6 * 168.0))
    assert rising and _names(rising[0], "sea_port", "exam_slots")
    assert not _names(rising[0], "land_border", "exam_slots")


def test_mmc_lane_stops_when_its_load_passes_one():
    s = sim.load_scenario(MMC, {"days": 21})
    table, plan = outlook(s, 0.25, 4, 1, every=1,
                          options={"three": {"ports.crossing.document_check.capacity": 3}})
    lane = table[(table["option"] == "baseline") & (table["lane"] == "document_check")]
    # utilisation grows with the volume while the lane keeps up: rho = 0.5 * 1.25 ** year
    assert lane["utilisation"].iloc[:3].tolist() == pytest.approx(
        [0.5 * 1.25 ** y for y in range(3)], rel=0.1)
    row = plan[(plan["option"] == "baseline") & (plan["lane"] == "document_check")].iloc[0]
    assert row["stops_year"] in (3, 4)  # (rho 0.98 in year 3, 1.22 in year 4)
    assert row["plan_year"] == 3  # (0.78 in year 2, the last that keeps up)
    assert row["servers_now"] == 2 and row["servers_needed"] == 3  # 2.44 servers' work / 0.85
    # projected from year 2 (0.78, a true load), not year 4's 100 % (a capped one)
    assert row["factor"] == pytest.approx(0.5 * 1.25 ** 4 / 0.85, rel=0.1)
    three = plan[(plan["option"] == "three") & (plan["lane"] == "document_check")].iloc[0]
    assert math.isnan(three["stops_year"])  # (rho 0.81 by year 4 with three)
    assert three["servers_now"] == 3


def test_cli_prints_the_lanes_due_and_json(capsys):
    args = ["outlook", MMC, "--growth", "25%", "--years", "4", "--every", "2", "--reps", "1",
            "--days", "21"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "trade growing 25.0% a year, to year 4" in out
    assert "crossing     document_check" in out and "years simulated every 2" in out
    assert main([*args, "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    row = next(r for r in got["lanes"] if r["lane"] == "document_check")
    assert row["stops_year"] == 4 and row["plan_year"] == 3 and row["option"] == "baseline"


@pytest.mark.parametrize(("extra", "said"), [
    (["--growth", "300%"], "--growth 3.0: a yearly growth is a share from -0.5 to 1"),
    (["--growth", "5%", "--every", "20"], "--every 20: the step is 1 to the horizon (10)"),
    (["--growth", "5%", "--option", "direct_pickup"], "an outlook's option is NAME:KEY=VALUE"),
    (["--growth", "5%", "--option", "x:ports.crossing.nope=1"], "option x: ports.crossing.nope"),
    (["--growth", "5%", "--reform", "nope"], "--reform 'nope': unknown reform 'nope'"),
    (["--growth", "5%", "--option", "direct_pickup:days=7", "--reform", "direct_pickup"],
     "--reform 'direct_pickup': the name 'direct_pickup' is taken"),
    (["--growth", "100%", "--years", "50", "--every", "10"],
     "year 20 (1.049e+06 times year 0's volume): ports.crossing.arrivals.rate = '2097152.0/h'"
     ": out of range"),
])
def test_cli_bad_input_is_one_line_before_anything_runs(capsys, extra, said):
    assert main(["outlook", MMC, "--reps", "1", *extra]) == 2
    assert said in capsys.readouterr().err


def test_every_option_is_checked_before_any_year_runs(monkeypatch):
    import sim.experiment.outlook as mod

    def ran(*args, **kwargs):
        raise AssertionError("a year ran before the options were checked")

    monkeypatch.setattr(mod, "yearly", ran)
    s = sim.load_scenario(MMC)
    with pytest.raises(sim.ScenarioError, match="option bad"):
        outlook(s, 0.1, 1, 1, options={"ok": {"days": 7}, "bad": {"ports.crossing.x": 1}})


def test_an_option_may_be_the_scenario_a_reform_made():
    s = sim.load_scenario(MMC, {"days": 7})
    three = sim.patch(s, {"ports.crossing.document_check.capacity": 3})
    table, plan = outlook(s, 0.1, 1, 1, options={"three": three})
    got = plan.set_index("option")["servers_now"]
    assert got["baseline"] == 2 and got["three"] == 3
    u = table.set_index(["option", "year"])["utilisation"]
    assert u["three", 0] == pytest.approx(u["baseline", 0] * 2 / 3, rel=0.05)  # (same seeds)


def test_csv_holds_every_year_and_option(tmp_path, capsys):
    path = tmp_path / "years.csv"
    assert main(["outlook", MMC, "--growth", "0.1", "--years", "1", "--reps", "1", "--days",
                 "7", "--csv", str(path), "--option", "three:ports.crossing."
                 "document_check.capacity=3"]) == 0
    got = pd.read_csv(path)
    assert set(got["year"]) == {0, 1} and set(got["option"]) == {"baseline", "three"}
    assert got.loc[got["year"] == 1, "factor"].iloc[0] == pytest.approx(1.1)
    # (7 days hold one whole week: the rising-wait rule could not look)
    assert "only by overload (above 95 %), not by a wait that keeps rising" in (
        capsys.readouterr().err)


def test_the_page_shows_the_table_as_the_command_prints_it():
    from pathlib import Path

    from sim.cli_outlook import lines

    page = (Path(__file__).parents[1] / "docs" / "outlook.md").read_text(encoding="utf-8")
    row = {"port": "sea_port", "lane": "document_check", "now": 0.72, "stops_year": 6.0,
           "plan_year": 4.0, "factor": 1.4, "servers_now": None, "servers_needed": None}
    plan = pd.DataFrame([{**row, "option": o, "stops_year": y} for o, y in
                         [("baseline", 6.0), ("airport_bays", 6.0),
                          ("aeo_mutual_recognition", 8.0)]])
    printed = lines(plan, 0.05, 10)
    assert printed[0] in page and printed[1] in page  # (the heading and the columns)
    assert printed[2] in page  # (a lane's line as printed)
    assert "[docs/outlook.md](docs/outlook.md)" in (Path(__file__).parents[1]
                                                    / "README.md").read_text(encoding="utf-8")
