"""A credit downgrade as a counterfactual: ``credit_downgrade:shift=...`` moves a share of
general traders to ``discredited``, the same consignments, as illicit as before, now selected
as discredited traders' are (what a trader asks before risking a downgrade); the old spelling,
``aeo_mutual_recognition:into=discredited``, is refused with the new name."""

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


def test_a_downgrade_moves_general_traders_to_discredited_and_their_checks_with_them():
    a, b = _log(""), _log("credit_downgrade:shift=0.5")
    both = a.index.intersection(b.index)
    before, after = (x.loc[both, "trader_class"].astype(str) for x in (a, b))
    moved = before != after
    assert list((before + " -> " + after)[moved].unique()) == ["general -> discredited"]
    general = int((before == "general").sum())
    share = moved.sum() / general
    assert abs(share - 0.5) < 3.3 * math.sqrt(0.25 / general), (share, general)
    # the same goods (the hidden truth is the traders' behaviour, not their new class) ...
    assert (a.loc[both, "illicit"].astype(str) == b.loc[both, "illicit"].astype(str)).all()
    # ... selected for an exam as discredited traders' are (0.8 here), not as before (0.03)
    was = a.loc[both][moved]["sel_physical"].astype(bool).mean()
    now = b.loc[both][moved]["sel_physical"].astype(bool).mean()
    assert was < 0.15 < 0.6 < now, (was, now)


def test_certification_and_a_downgrade_share_one_rule():
    """The two reforms move the same traders the same way, only into another class."""
    base = sim.load_scenario(SMALL, {"days": 1})
    down = REFORMS["credit_downgrade"](shift=0.3).fields(base)
    up = REFORMS["aeo_mutual_recognition"](shift=0.3, into="aeo_general").fields(base)
    assert down.keys() == up.keys() and down
    for path, classes in down.items():
        if path.endswith("trader_classes"):
            before = down[path.replace("trader_classes", "behaviour_classes")]
            assert classes["general"] == up[path]["general"] < before["general"]
            gained = classes["discredited"] - before.get("discredited", 0.0)
            assert gained == pytest.approx(up[path]["aeo_general"] - before.get("aeo_general", 0.0))


def test_the_old_spelling_of_a_downgrade_names_the_new_reform():
    with pytest.raises(ReformError) as caught:
        parse("aeo_mutual_recognition:shift=0.01,into=discredited")
    said = str(caught.value)
    assert "aeo_mutual_recognition" in said and "'discredited'" in said, said
    assert "credit_downgrade:shift=" in said and "aeo_advanced, aeo_general" in said, said
    from sim.cli_zh_errors import reason

    zh = reason(said)
    assert zh is not None and "credit_downgrade:shift=" in zh and "信用降级" in zh, said
