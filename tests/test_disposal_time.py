"""A rejected lot's disposal time (``commodities.<c>.disposal``, sim/model/disposal_yard.py):
its box stays in the yard for it, to whose account it goes, and the clearance figures do not
move; without it (or with 0) every figure is as before."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

import sim
from sim.model.milestones import OWNERS

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: short runs with frozen goods often rejected (pests common, half of them not treated)
SHORT = {"days": 2, "warmup_days": 1, "drain_days": 2, "ports.sea.quarantine.sample_share": 1.0,
         "enforcement.by_commodity.frozen": {"pest": 5}, "enforcement.pest_treat": 0.5}
FINDS = ["doc_end", "image_end", "exam_end", "quarantine_end", "lab_end"]


def _run(disposal: dict[str, str] | None, log: bool = False) -> sim.Result:
    given = {} if disposal is None else {"commodities.frozen.disposal": disposal}
    return sim.simulate(sim.load_scenario(SMALL, {**SHORT, **given}), seed=1, log=log)


def _same(a: float, b: float) -> bool:
    return a == b or (math.isnan(a) and math.isnan(b))


@pytest.fixture(scope="module")
def runs() -> dict[str, sim.Result]:
    return {"none": _run(None), "return": _run({"kind": "return", "time": "1 d"}, log=True),
            "destruction": _run({"kind": "destruction", "time": "3 d"})}


def test_the_disposal_adds_its_days_to_the_rejected_boxes_dwell_and_none_to_clearance(runs):
    one, three = runs["return"].metrics(), runs["destruction"].metrics()
    log = runs["return"].log
    assert log is not None
    rejected = log[log["cohort"].astype(bool) & (log["outcome"] == "rejected")
                   & (log["commodity"] == "frozen") & (log["port"] == "sea")]
    assert len(rejected)
    boxes = rejected["containers"]
    on_ground = np.where(rejected["direction"] == "export", rejected["arrived"],
                         np.fmax(rejected["discharged"], rejected["arrived"]))
    dwell = rejected[FINDS].max(axis=1) + 24.0 - on_ground
    want = float((boxes * dwell).sum() / boxes.sum())
    assert one["quarantine_disposal_yard_h_mean_frozen"] == pytest.approx(want, rel=1e-12)
    # two days more of disposal: exactly 48 h more a rejected box, and its box-hours in the
    # sea port's yard (the boxes on the ground at once, over the 48 observed hours)
    more = three["quarantine_disposal_yard_h_mean_frozen"] - one[
        "quarantine_disposal_yard_h_mean_frozen"]
    assert more == pytest.approx(48.0, rel=1e-12)
    added = sum((three[f"yard_boxes_mean_port_sea_{d}"] - one[f"yard_boxes_mean_port_sea_{d}"])
                for d in ("import", "export")) * 48.0
    assert added == pytest.approx(48.0 * float(boxes.sum()), rel=1e-9)
    # whose time: a return the trader's, a destruction quarantine's supervision
    assert one["quarantine_disposal_boxes_mean_trader"] > 0
    assert one["quarantine_disposal_boxes_mean_quarantine"] == 0
    assert three["quarantine_disposal_boxes_mean_trader"] == 0
    assert three["quarantine_disposal_boxes_mean_quarantine"] > 0
    # the rejected goods are not released: nothing outside the yard's figures moves
    old = runs["none"].metrics()
    for name, value in old.items():
        if not name.startswith("yard_"):
            assert _same(one[name], value) and _same(three[name], value), name


def test_the_yard_level_counts_the_boxes_under_disposal(runs):
    old, three = runs["none"].metrics(), runs["destruction"].metrics()
    assert three["yard_boxes_max_port_sea_import"] > old["yard_boxes_max_port_sea_import"]
    assert three["yard_dwell_h_mean_port_sea_import"] > old["yard_dwell_h_mean_port_sea_import"]


def test_a_zero_disposal_time_gives_the_old_results_bit_for_bit(runs):
    old = runs["none"].metrics()
    zero = _run({"kind": "destruction", "time": "0 h"}).metrics()
    assert zero.keys() == old.keys()
    assert all(_same(zero[k], v) for k, v in old.items())


@pytest.mark.parametrize(("disposal", "words"), [
    ({"kind": "return", "time": "-1 d"}, "a duration must be finite and >= 0"),
    ({"kind": "burn", "time": "1 d"}, "'return' or 'destruction'"),
])
def test_a_bad_disposal_is_refused_with_its_field(disposal, words):
    with pytest.raises(sim.ScenarioError) as err:
        sim.load_scenario(SMALL, {"commodities.frozen.disposal": disposal})
    text = str(err.value)
    assert "commodities.frozen.disposal" in text and words in text, text


def test_the_owners_hours_before_release_add_up_with_the_rejected_boxes_in_them(runs):
    """A rejected box kept for its disposal counts its hours before the rejection in the
    dwell to release, and shares them among its owners: they still add up to it."""
    m, old = runs["return"].metrics(), runs["none"].metrics()
    for d in ("import", "export"):
        tail = f"port_sea_{d}"
        parts = [m[f"yard_dwell_h_to_release_{o}_{tail}"] for o in OWNERS]
        assert sum(parts) == pytest.approx(m[f"yard_dwell_h_to_release_{tail}"], rel=1e-12)
    assert m["yard_dwell_h_to_release_port_sea_import"] != old[
        "yard_dwell_h_to_release_port_sea_import"]  # (the rejected boxes are in it)
