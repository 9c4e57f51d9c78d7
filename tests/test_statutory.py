"""Statutory goods only: before the 2018 merger only goods subject to statutory inspection
needed the second declaration to inspection & quarantine, its independent selection and its
clearance form; and only they can be selected for a quarantine check at all."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
SOME = {
    "commodities.general.statutory": 0.2,
    "commodities.frozen.statutory": 1.0,
    "selection.quarantine": {"*": {"*": 0.3}},
    "declaration.second_submission": "6 h",
}


def log(mode: str) -> sim.RunResult:
    over = {**SOME, "declaration.mode": mode}
    return sim.simulate(sim.load_scenario(SMALL, over), 4, log=True).log


def test_only_statutory_goods_make_the_second_declaration_and_need_the_form():
    df = log("separate")
    stat, other = df[df.statutory], df[~df.statutory]
    assert len(other) > 1000 and len(stat) > 1000
    assert other.lodged_quarantine.isna().all() and other.quarantine_cleared.isna().all()
    assert (stat.lodged_quarantine - stat.lodged).to_numpy() == pytest.approx(6.0)
    released = stat[stat.outcome == "released"]
    assert released.quarantine_cleared.notna().all()
    assert (released.released >= released.quarantine_cleared).all()


@pytest.mark.parametrize("mode", ["single", "separate"])
def test_only_statutory_goods_are_selected_for_quarantine(mode):
    df = log(mode)
    assert not df[~df.statutory].sel_quarantine.any()
    assert df[df.statutory].sel_quarantine.mean() == pytest.approx(0.3, abs=0.03)


def test_the_statutory_share_is_drawn_per_declaration():
    df = log("single")
    general = df[df.commodity == "general"]
    assert general.statutory.mean() == pytest.approx(0.2, abs=0.02)
    assert df[df.commodity == "frozen"].statutory.all()


def test_waiting_for_the_second_declaration_is_the_traders_not_quarantines():
    """Goods with no check wait for their clearance form, which quarantine issues from their
    own declaration to it (6 h after the first): until then the wait is the trader's, as it
    is before an examination, and quarantine owns the form's issue alone."""
    df = log("separate")
    done = df[(df.outcome == "released") & df.statutory & df.channel.eq("green")]
    assert len(done) > 500
    declared = done.lodged_quarantine
    held = done[declared > done[["assessed", "arrived"]].max(axis=1) + 1e-9]
    assert len(held) > 100
    assert (held.own_quarantine <= held.clearance_form + 1e-9).all()
    late = held.lodged_quarantine - held[["assessed", "arrived"]].max(axis=1)
    assert (held.own_trader >= late - 1e-9).all()
