"""Exports carry their own goods where a port's ``[exports.traffic]`` says so: a land
border's exports to Vietnam are not its imports of fruit and frozen meat. Imports keep their
draws (exports come from a stream of their own), and a bad mix names its path."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim
from sim.scenario.loader import ScenarioError

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
OWN = {
    "ports.sea.exports.traffic": {
        "commodities": {"general": 1.0},
        "trader_classes": {"aeo_advanced": 0.5, "general": 0.5},
    }
}


def _log(over: dict) -> pd.DataFrame:
    r = sim.simulate(sim.load_scenario(SMALL, {"days": 4, **over}), 3, log=True)
    return r.log.astype({"direction": str, "commodity": str, "trader_class": str})


def test_exports_draw_from_their_own_mix_and_imports_keep_theirs():
    base, own = _log({}), _log(OWN)
    exports = own[own.direction == "export"]
    assert len(exports) > 300
    assert (exports.commodity == "general").all()
    share = (exports.trader_class == "aeo_advanced").mean()
    n = len(exports)
    assert abs(share - 0.5) < 3.29 * np.sqrt(0.25 / n)  # (99.9 % binomial interval)
    assert set(exports.trader_class) == {"aeo_advanced", "general"}
    assert (base[base.direction == "export"].commodity != "general").any()  # (it had others)
    pd.testing.assert_frame_equal(  # the imports are the same consignments, drawn alike
        base[base.direction == "import"][["index", "commodity", "trader_class", "value"]],
        own[own.direction == "import"][["index", "commodity", "trader_class", "value"]],
    )


def test_a_field_left_out_is_the_imports_and_a_bad_mix_names_its_path():
    s = sim.load_scenario(SMALL, {"ports.sea.exports.traffic": {"commodities": {"general": 1}}})
    port = s.ports["sea"]
    assert port.export_traffic.commodities == {"general": 1}
    assert port.export_traffic.trader_classes == port.traffic.trader_classes
    with pytest.raises(ScenarioError, match=r"ports.sea.exports.traffic.commodities: unknown "
                                             r"commodity 'gold'"):  # fmt: skip
        sim.load_scenario(SMALL, {"ports.sea.exports.traffic": {"commodities": {"gold": 1}}})
    with pytest.raises(ScenarioError, match=r"exports.traffic.commodities.*add up to 1"):
        sim.load_scenario(SMALL, {"ports.sea.exports.traffic": {"commodities": {"general": 0.5}}})


def test_aeo_recognition_shifts_the_exports_own_class_mix_too():
    from sim.reforms.compose import apply

    s = sim.load_scenario(SMALL, OWN)
    after = apply(s, "aeo_mutual_recognition:shift=0.5").ports["sea"]
    assert after.export_traffic.trader_classes == {"aeo_advanced": 0.75, "general": 0.25}


def test_exports_without_their_own_traffic_are_noted_and_the_bundled_scenarios_have_none(
    tmp_path, capsys
):
    """A port whose exports have no traffic table sends out its imports' goods (and, with no
    ``by_direction.export``, their prevalence): said, with how to give them their own; not
    once they have one, or an empty table that keeps the imports' mix on purpose."""
    from sim.cli import main
    from sim.scenario.dormant import unused_parts
    from sim.scenario.loader import default_scenario_path

    text = SMALL.read_text(encoding="utf-8")  # (its exports keep the imports' mix on purpose)
    assert "[ports.sea.exports.traffic]\n" in text
    bare = tmp_path / "small.toml"
    bare.write_text(text.replace("[ports.sea.exports.traffic]\n", ""), encoding="utf-8")
    said = [n for n in unused_parts(sim.load_scenario(bare)) if "import mix" in n]
    assert len(said) == 1 and said[0].startswith("ports.sea.exports has no traffic"), said
    assert "[ports.<name>.exports.traffic]" in said[0]
    assert "[enforcement.by_direction.export]" in said[0]  # (small.toml has none)
    for own in (OWN, {"ports.sea.exports.traffic": {}}):
        assert not [n for n in unused_parts(sim.load_scenario(bare, own)) if "import mix" in n]
    assert not [n for n in unused_parts(sim.load_scenario(SMALL)) if "import mix" in n]
    main(["check", str(bare)])
    assert "ports.sea.exports has no traffic table" in capsys.readouterr().err
    bundled = default_scenario_path().parent
    for path in sorted(bundled.glob("*.toml")):
        found = [n for n in unused_parts(sim.load_scenario(path)) if "import mix" in n]
        assert not found, (path.name, found)


def _illicit(s: sim.Scenario, port: str, direction: str) -> float:
    """The expected share of a port's declarations in ``direction`` carrying something
    illicit (the sum over types, before any smuggling group)."""
    e = s.enforcement
    p = s.ports[port]
    traffic = p.export_traffic if direction == "export" else p.traffic
    return sum(
        cs * ks * e.prevalence.get(t, 0.0)
        * e.multiplier("by_port", port, t) * e.multiplier("by_commodity", c, t)
        * e.multiplier("by_class", k, t) * e.multiplier("by_direction", direction, t)
        for c, cs in traffic.commodities.items()
        for k, ks in traffic.trader_classes.items()
        for t in e.prevalence
    )  # fmt: skip


def test_guangdong_exports_have_their_own_goods_and_prevalence():
    """Guangdong's exports are not its imports: fewer statutory (quarantine) goods and less
    illicit prevalence than the imports at every port with exports, so import-only measures
    (cold-chain testing) reach them less and they do not show more seizures than imports."""
    from sim.scenario.loader import default_scenario_path

    s = sim.load_scenario(default_scenario_path().parent / "guangdong.toml")
    assert "export" in s.enforcement.by_direction and not s.enforcement.by_origin
    exporting = [name for name, p in s.ports.items() if p.exports is not None]
    assert len(exporting) == 4, exporting
    for name in exporting:
        port = s.ports[name]
        assert port.exports.traffic is not None and port.exports.traffic.commodities, name

        def statutory(mix: dict[str, float]) -> float:
            return sum(share * s.commodities[c].statutory for c, share in mix.items())

        out, into = port.export_traffic.commodities, port.traffic.commodities
        assert statutory(out) < 0.6 * statutory(into), name
        assert out.get("frozen", 0) <= into.get("frozen", 0) / 2, name
        assert _illicit(s, name, "export") < 0.8 * _illicit(s, name, "import"), name
