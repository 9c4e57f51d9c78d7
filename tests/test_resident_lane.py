"""The border-resident lane (sim.model.resident_lane): first come first served booking at a
staffed schedule, members' waits and the smugglers' carriers in the same queue, a detailed
check that finds split loads, the field only on resident-trade routes and out of the dump
when unset, the overload warning, and the bundled example's run."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from sim.cli import main
from sim.experiment.compare import metric_unit
from sim.model.resident_lane import FifoOfficers, on_duty_after
from sim.model.run import simulate
from sim.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "scenarios" / "small.toml"
EXAMPLE = ROOT / "docs" / "examples" / "resident-lane" / "beilun-lane.toml"
DAY = [1 if 8 <= h < 18 else 0 for h in range(24)]
SUFFIX = "_route_market"

#: a tobacco group on a resident-trade route with a lane, on the small scenario
LANE = """
[smuggling]
learning = 0.0

[smuggling.routes.market]
kind = "border_resident_trade"
cost = 100
perceived = 0.1
open_hours = ["08:00", "18:00"]
patrol = {{ schedule = {schedule}, per_officer = 0.0 }}
{lane}

[smuggling.groups.ring]
illicit = "tobacco"
commodity = "frozen"
value = {{ dist = "lognormal", mean = 10000, cv = 0.3 }}
margin = 0.5
rate = "4/d"
profit_scale = 1000
routes = ["market"]
"""


def lane_text(members: str = "200/d", check_share: float = 0.1, finds: float = 0.5) -> str:
    return (
        f'lane = {{ members = "{members}", allowance = 1000, '
        'service = { dist = "lognormal", mean = "2 min", cv = 0.5 }, '
        f'check_share = {check_share}, '
        'check = { dist = "lognormal", mean = "10 min", cv = 0.5 }, '
        f'finds = {finds} }}'
    )


def scenario(tmp_path: Path, lane: str | None = None, officers: int = 4):
    schedule = [officers * d for d in DAY]
    text = SMALL.read_text() + LANE.format(
        schedule=schedule, lane=lane_text() if lane is None else lane
    )
    path = tmp_path / "lane.toml"
    path.write_text(text)
    return load_scenario(path)


def test_officers_start_when_on_duty_and_serve_first_come_first_served():
    staff = [1 if 8 <= h < 18 else 0 for h in range(24)] * 7
    staff[9] = 2  # a second officer from 09:00 to 10:00 on the first day only
    after = on_duty_after(staff, 2)
    assert after[0, 7] == 1 and after[0, 8] == 0 and after[0, 18] == 14
    assert after[1, 8] == 1 and after[1, 10] == 168 - 1
    desk = FifoOfficers(staff)
    assert desk.book(7.0, 0.5) == 8.0  # waits for the morning
    assert desk.book(7.5, 0.75) == 8.5  # behind the first, one officer on duty
    assert desk.book(8.6, 0.25) == 9.0  # the second officer comes on at 09:00
    assert desk.book(17.9, 0.5) == 17.9  # starts before the shift ends and finishes
    assert desk.book(18.0, 0.1) == 32.0  # nobody on duty: the next day's opening


def test_never_staffed_officers_never_start_first():
    desk = FifoOfficers([0] * 167 + [1])
    assert desk.book(0.0, 1.0) == 167.0
    assert math.isinf(on_duty_after([1] * 168, 2)[1, 0])


def test_an_unset_lane_is_left_out_of_the_dump_and_a_given_one_is_in_it(tmp_path):
    without = load_scenario(ROOT / "scenarios" / "beilun-border.toml").model_dump()
    assert "lane" not in without["smuggling"]["routes"]["resident_trade"]
    given = load_scenario(EXAMPLE).model_dump()["smuggling"]["routes"]["resident_trade"]
    assert given["lane"]["check_share"] == 0.05 and given["lane"]["allowance"] == 1150


def test_a_lane_on_a_route_that_is_not_resident_trade_is_refused(tmp_path, capsys):
    text = SMALL.read_text() + LANE.format(schedule=[2] * 24, lane=lane_text())
    path = tmp_path / "bad.toml"
    path.write_text(text.replace('"border_resident_trade"', '"river"'))
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "smuggling.routes.market.lane" in err and "border_resident_trade" in err


def test_a_lane_with_no_officer_ever_on_duty_is_refused(tmp_path, capsys):
    path = tmp_path / "bad.toml"
    path.write_text(SMALL.read_text() + LANE.format(schedule=[0] * 24, lane=lane_text()))
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "smuggling.routes.market.patrol" in err and "officer on duty" in err


def test_a_bad_lane_value_is_named_with_its_field(tmp_path, capsys):
    text = SMALL.read_text() + LANE.format(schedule=[2] * 24, lane=lane_text(check_share=1.5))
    path = tmp_path / "bad.toml"
    path.write_text(text)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "smuggling.routes.market.lane.check_share" in err and "1.5" in err


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The lane at a light check and at a crackdown (half the crossings checked), same
    seed."""
    folder = tmp_path_factory.mktemp("lane")
    light = simulate(scenario(folder), 3).metrics()
    crackdown = simulate(scenario(folder, lane_text(check_share=0.5)), 3).metrics()
    return light, crackdown


def test_members_and_carriers_share_the_lane_and_a_crackdown_costs_members_time(runs):
    light, crackdown = runs
    members = light[f"resident_lane_members{SUFFIX}"]
    assert 0.8 * 200 * 7 < members < 1.2 * 200 * 7  # 200 a day over 7 observed days
    carriers = light[f"resident_lane_carriers{SUFFIX}"]
    assert carriers > 0
    share = light[f"resident_lane_smuggled_share{SUFFIX}"]
    assert share == pytest.approx(carriers / (carriers + members))
    assert light[f"resident_lane_member_checked_share{SUFFIX}"] == pytest.approx(0.1, abs=0.03)
    checked = crackdown[f"resident_lane_member_checked_share{SUFFIX}"]
    assert checked == pytest.approx(0.5, abs=0.05)
    wait = f"resident_lane_member_wait_h_mean{SUFFIX}"
    assert crackdown[wait] > 3 * light[wait] > 0
    assert crackdown[f"resident_lane_member_time_h_mean{SUFFIX}"] > crackdown[wait] + 0.05
    assert crackdown[f"resident_lane_member_wait_h_p90{SUFFIX}"] > crackdown[wait]


def test_a_detailed_check_finds_split_loads_and_the_group_is_told(runs):
    light, crackdown = runs
    # no patrol hazard (per_officer 0): every load caught was found at the lane
    for m in (light, crackdown):
        assert m["smuggling_caught_route_market"] == m[f"resident_lane_loads_found{SUFFIX}"]
    # about ten carriers a load, each checked (half or a tenth of them) and found half the
    # time: 1 - 0.75^10 = 94 % of loads caught, or 1 - 0.95^10 = 40 %
    assert crackdown["smuggling_caught_share_route_market"] > 0.85
    assert 0.15 < light["smuggling_caught_share_route_market"] < 0.7


def test_a_check_that_never_finds_catches_nothing(tmp_path):
    m = simulate(scenario(tmp_path, lane_text(check_share=1.0, finds=0.0)), 3).metrics()
    assert m[f"resident_lane_loads_found{SUFFIX}"] == 0
    assert m["smuggling_caught_route_market"] == 0


def test_a_route_without_a_lane_has_no_lane_metrics(tmp_path):
    m = simulate(scenario(tmp_path, lane=""), 3).metrics()
    assert not [k for k in m if k.startswith("resident_lane_")]
    assert m["smuggling_attempts_route_market"] > 0


def test_an_overloaded_lane_warns(tmp_path):
    r = simulate(scenario(tmp_path, lane_text(members="2000/d"), officers=1), 3)
    assert any("resident lane of route 'market'" in w for w in r.warnings), r.warnings
    ok = simulate(scenario(tmp_path), 3)
    assert not any("resident lane" in w for w in ok.warnings)


def test_lane_counts_have_their_units():
    assert metric_unit(f"resident_lane_members{SUFFIX}") == "crossings"
    assert metric_unit(f"resident_lane_loads_found{SUFFIX}") == "attempts"
    assert metric_unit(f"resident_lane_member_wait_h_mean{SUFFIX}") == "hours"
    assert metric_unit(f"resident_lane_smuggled_share{SUFFIX}") == "share (0-1)"


def test_the_example_runs_and_its_members_wait_minutes():
    m = simulate(load_scenario(EXAMPLE, {"days": 7, "warmup_days": 14}), 1).metrics()
    wait = m["resident_lane_member_wait_h_mean_route_resident_trade"]
    assert 0 < wait < 0.5
    assert 0 < m["resident_lane_smuggled_share_route_resident_trade"] < 0.1
    assert np.isfinite(m["resident_lane_member_wait_h_p90_route_resident_trade"])


def test_the_reforms_of_the_docs_page_apply_to_the_example():
    """Each option of the page's options file is a valid change of the example."""
    import tomllib

    options = tomllib.loads((EXAMPLE.parent / "reforms.toml").read_text())["options"]
    assert set(options) == {"tighter_check", "more_officers", "processing_markets",
                            "river_patrols"}
    for option in options.values():
        s = load_scenario(EXAMPLE, option["set"])
        assert s.smuggling is not None
    lane = load_scenario(EXAMPLE, options["tighter_check"]["set"]).smuggling
    assert lane is not None and lane.routes["resident_trade"].lane.check_share == 0.2


def test_the_tables_and_the_report_show_the_lanes_rows(runs):
    """The compare table and the report's smuggling section list the lane's rows after the
    routes' (the members' wait is what a lane is asked about); none without a lane."""
    from sim.experiment.metric_names import smuggling_rows

    light, _ = runs
    rows = smuggling_rows(light)
    lane = [r for r in rows if r.startswith("resident_lane_")]
    assert lane[:2] == [f"resident_lane_member_wait_h_mean{SUFFIX}",
                        f"resident_lane_member_wait_h_p90{SUFFIX}"]
    assert f"resident_lane_smuggled_share{SUFFIX}" in lane
    assert rows.index(lane[0]) > rows.index("smuggling_caught_share_route_market")
    without = [k for k in light if not k.startswith("resident_lane_")]
    assert not [r for r in smuggling_rows(without) if r.startswith("resident_lane_")]


def test_an_allowance_that_splits_a_load_among_thousands_is_refused(tmp_path, capsys):
    """An allowance written in thousands (8 for 8,000) splits the group's 10,000 USD loads
    among 1,250 carriers, who swamp the officers (at Dongxing, allowance 1: members waited 98
    days, and no warning said so): refused, naming the field, the group and the split; 10
    (1,000 carriers) loads."""
    lane = lane_text().replace("allowance = 1000", "allowance = 8")
    path = tmp_path / "bad.toml"
    path.write_text(SMALL.read_text() + LANE.format(schedule=[2] * 24, lane=lane))
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "smuggling.routes.market.lane.allowance = 8" in err
    assert "group ring's mean load of 10,000 USD would be split among 1,250 carriers" in err
    path.write_text(path.read_text().replace("allowance = 8,", "allowance = 10,"))
    assert load_scenario(path).smuggling.routes["market"].lane.allowance == 10


def carriers_swamp(tmp_path: Path):
    """A lane the members alone keep light (200 a day, 4 officers) whose allowance splits
    each 10,000 USD load among about 800 carriers: they fill the queue for days."""
    lane = lane_text().replace("allowance = 1000", "allowance = 12.5")
    return simulate(scenario(tmp_path, lane), 3)


def test_carriers_that_swamp_the_lane_warn_though_members_alone_would_not(tmp_path):
    r = carriers_swamp(tmp_path)
    said = [w for w in r.warnings if w.startswith("resident lane of route 'market'")]
    assert len(said) == 1 and "members who came on the last observed day waited" in said[0]
    assert r.metrics()[f"resident_lane_member_wait_h_mean{SUFFIX}"] > 24
    ok = simulate(scenario(tmp_path), 3)
    assert not any("resident lane" in w for w in ok.warnings)


def test_a_lane_on_a_route_no_group_uses_still_acts_on_its_members():
    """Its members still cross at its patrol's officers: a change to the lane or the
    patrol's schedule is not said to act on nothing (it did: 'can have no effect', while
    the members' wait moved from minutes to days); the route's cost and the like still are."""
    from sim.scenario.dormant import idle_changes, unused_parts

    s = load_scenario(EXAMPLE, {"smuggling.groups.tobacco_ring.routes":
                                ["dongxing_road", "beilun_river", "fangchenggang_sea"]})
    route = "smuggling.routes.resident_trade"
    assert idle_changes(s, [f"{route}.lane.check_share"]) is None
    assert idle_changes(s, [f"{route}.patrol.schedule"]) is None
    assert "no smuggling group uses route" in str(idle_changes(s, [f"{route}.cost"]))
    assert any("still serve the lane's members" in u for u in unused_parts(s))
