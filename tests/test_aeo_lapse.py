"""A lapsed certification as a counterfactual: ``aeo_lapse:shift=...`` moves a share of advanced
AEOs to general traders (or to general AEOs), the same consignments, as illicit as before, now
selected as their new class's are: what keeping the status is worth to a certified trader."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import sim
from sim.reforms import REFORMS
from sim.reforms.compose import parse
from sim.reforms.reform import ReformError
from tests.class_logs import class_log

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


_log = class_log


def test_a_lapse_moves_advanced_aeos_to_general_and_their_checks_with_them():
    a, b = _log(""), _log("aeo_lapse:shift=0.6")
    both = a.index.intersection(b.index)
    before, after = (x.loc[both, "trader_class"].astype(str) for x in (a, b))
    moved = before != after
    assert list((before + " -> " + after)[moved].unique()) == ["aeo_advanced -> general"]
    advanced = int((before == "aeo_advanced").sum())
    share = moved.sum() / advanced
    assert abs(share - 0.6) < 3.3 * math.sqrt(0.24 / advanced), (share, advanced)
    # the same goods: the hidden truth is the traders' behaviour, not their new class
    assert (a.loc[both, "illicit"].astype(str) == b.loc[both, "illicit"].astype(str)).all()


def test_the_share_lost_goes_to_general_traders_alone():
    base = sim.load_scenario(SMALL, {"days": 1})
    fields = REFORMS["aeo_lapse"](shift=0.25).fields(base)
    assert fields
    for path, classes in fields.items():
        if path.endswith(".trader_classes"):
            before = fields[path.replace("trader_classes", "behaviour_classes")]
            lost = before["aeo_advanced"] - classes["aeo_advanced"]
            assert lost == pytest.approx(0.25 * before["aeo_advanced"]) and lost > 0
            assert classes["general"] - before.get("general", 0.0) == pytest.approx(lost)
            assert classes.get("discredited") == before.get("discredited")


def test_into_general_aeo_keeps_the_others_and_other_classes_are_refused():
    base = sim.load_scenario(SMALL, {"days": 1})
    fields = REFORMS["aeo_lapse"](shift=0.5, into="aeo_general").fields(base)
    for path, classes in fields.items():
        if path.endswith(".trader_classes"):
            before = fields[path.replace("trader_classes", "behaviour_classes")]
            assert classes["general"] == before["general"]
            assert classes["aeo_general"] > before.get("aeo_general", 0.0)
    with pytest.raises(ReformError) as caught:
        parse("aeo_lapse:into=discredited")
    assert "general, aeo_general" in str(caught.value), str(caught.value)
