"""The library reform ``patrol_staff``: the officers on duty on the smuggling routes outside the
ports times a factor, hour by hour (on beilun-border, loaded without a run); nothing on a
scenario without such routes; its Chinese texts exist."""

from __future__ import annotations

import pytest

import sim
from sim.reforms import REFORMS
from sim.reforms.compose import parse
from sim.reforms.reform import ReformError
from sim.scenario.loader import default_scenario_path

BEILUN = default_scenario_path().parent / "beilun-border.toml"


@pytest.fixture(scope="module")
def beilun() -> sim.Scenario:
    return sim.load_scenario(BEILUN)


def _weekly(scenario: sim.Scenario) -> dict[str, list[int]]:
    assert scenario.smuggling is not None
    return {n: r.patrol.weekly() for n, r in scenario.smuggling.routes.items()
            if r.patrol is not None}


def test_strength_2_doubles_every_routes_patrol_in_every_hour(beilun):
    before = _weekly(beilun)
    assert set(before) == {"beilun_river", "resident_trade", "coastal_boats"}
    after = _weekly(parse("patrol_staff").apply(beilun))
    assert after == {n: [2 * k for k in hours] for n, hours in before.items()}
    half = _weekly(parse("patrol_staff:factor=0.5").apply(beilun))  # whole officers, half up
    assert half["beilun_river"][:8] == [3] * 6 + [1] * 2
    assert half["resident_trade"][8] == 2  # (3 x 0.5 = 1.5: 2)


def test_one_named_route_only(beilun):
    before = _weekly(beilun)
    after = _weekly(parse('patrol_staff:routes=["coastal_boats"],factor=3').apply(beilun))
    assert after["coastal_boats"] == [3 * k for k in before["coastal_boats"]]
    assert {n: after[n] for n in ("beilun_river", "resident_trade")} == {
        n: before[n] for n in ("beilun_river", "resident_trade")}
    with pytest.raises(ReformError, match="unknown route with a patrol 'dongxing_road'"):
        parse('patrol_staff:routes=["dongxing_road"]').fields(beilun)  # (a port, not patrolled)


def test_a_scenario_without_routes_outside_the_ports_is_left_unchanged():
    default = sim.load_scenario(default_scenario_path())
    assert REFORMS["patrol_staff"].fields(default) == {}
    assert parse("patrol_staff").apply(default) == default


def test_its_chinese_texts_exist():
    from sim.cli_zh_reform_show import describe
    from sim.report.zh_reforms import UNTRANSLATED, mechanism
    from sim.report.zh_tfa import reason

    assert "巡查人员" in (mechanism("patrol_staff", REFORMS["patrol_staff"].mechanism) or "")
    assert "缉私巡查" in reason("patrol_staff")
    shown = "\n".join(describe(parse("patrol_staff")))
    assert UNTRANSLATED not in shown and "每小时当班巡查人员" in shown


def test_a_reports_line_of_the_reform_at_a_given_strength_is_in_chinese():
    from sim.experiment.options import Option
    from sim.report.options_table import mechanism
    from sim.report.zh_reforms import described

    line = mechanism(Option("o", reform='patrol_staff:routes=["beilun_river"]'))
    zh = described(line) or ""
    assert zh.startswith('patrol_staff（routes = ["beilun_river"]）：口岸外走私路线')
