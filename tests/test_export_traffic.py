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
