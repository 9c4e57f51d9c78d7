"""The named draws: every quantity keeps its uniform column for ever (the common random numbers
that pair a reform with its baseline), and the registry refuses clashes."""

from __future__ import annotations

import pytest

from sim.model.draws import DRAWS, REQUIREMENTS, WIDTH, R
from sim.model.registry import Registry

#: never change a number here: a reform or refactor that moves a column re-pairs every run
PINNED = {
    "direction": 0,
    "commodity": 1,
    "trader_class": 2,
    "value": 3,
    "origin": 4,
    "containers": 5,
    "goods_ready": 6,
    "advance": 7,
    "advance_lead": 8,
    "lodging_delay": 9,
    "review": 10,
    "review_time": 11,
    "second_submission": 12,
    "sel_document": 13,
    "sel_scan": 14,
    "sel_physical": 15,
    "sel_quarantine": 16,
    "doc_time": 17,
    "scan_time": 18,
    "ai_read": 19,
    "ai_clear": 20,
    "image_time": 21,
    "refer": 22,
    "move": 23,
    "exam_time": 24,
    "quarantine_time": 25,
    "sample": 26,
    "incubation": 27,
    "clearance_form": 28,
    "exam_finds": 29,
    "quarantine_finds": 30,
    "pickup": 31,
    "gate_time": 32,
    "quarantine_move": 33,
    "loading_delay": 34,
    "attend": 38,
    "attend_delay": 39,
    "premises": 40,
    "move_out": 41,
    "statutory": 42,
    "quarantine_treat": 43,
    "treatment_time": 44,
    "two_step": 45,
    "duty_payment": 46,
    "full_declaration": 47,
    # the hidden truth's own stream
    "illicit": 48,
    "concealed": 49,
    "score_noise": 50,
    "true_value": 51,
    "doc_alarm": 52,
    "image_shows": 53,
    "pest_treated": 54,
    "audit_finds": 55,
    "audit_lag": 56,
    "escalate_ruling": 57,
    "escalate_quarantine": 58,
    "escalate_case": 59,
    "escalate_holds": 60,
    "release_early": 61,
    "sold": 62,
    "tax_after": 63,
}


#: quantities that read the low-order part of a column another reads the leading part of
PINNED_LOW = {"direct_pickup": 31, "direct_loading": 34}


def test_every_existing_quantity_keeps_its_column():
    declared = {d.name: (d.column, d.low) for d in DRAWS.draws}
    for name, column in PINNED.items():
        assert declared.get(name) == (column, False), f"{name} must read uniform column {column}"
    for name, column in PINNED_LOW.items():
        assert declared.get(name) == (column, True), f"{name} must read column {column}'s low part"


def test_every_declared_quantity_is_pinned():
    """A new draw fails here until its column is pinned above (PINNED, or PINNED_LOW for a
    low part): from then on, moving it fails the test before."""
    pinned = PINNED.keys() | PINNED_LOW.keys()
    unpinned = [d.name for d in DRAWS.draws if d.name not in pinned]
    assert not unpinned, f"pin the column of {unpinned} in tests/test_draws.py (PINNED)"


def test_columns_are_unique_and_inside_the_row():
    columns = [(d.column, d.low) for d in DRAWS.draws]
    assert len(set(columns)) == len(columns)
    assert all(0 <= c < WIDTH for c, _ in columns)
    leading = {c for c, low in columns if not low}
    assert all(c in leading for c, low in columns if low)  # (a low part shares a column)


def test_a_low_draw_reads_the_low_part_of_its_column_and_leaves_the_leading_one_alone():
    """The leading draw gets the uniform itself; the low one ``u * 2^24 mod 1``, which is
    spread evenly whatever the leading part is (so a flag drawn from it pairs nothing)."""
    import numpy as np

    from sim.model.registry import SPLIT, Context

    reg = Registry(1)
    reg.declare("time", 0)(lambda x, u: u)
    reg.declare("flag", 0, low=True)(lambda x, u: u)
    u = np.random.default_rng(1).random((100_000, 1))
    ctx = Context(None, None, [], np.zeros(len(u)))  # type: ignore[arg-type]
    table = reg.table(ctx, u)
    assert (table[:, 0] == u[:, 0]).all()
    assert (table[:, 1] == u[:, 0] * SPLIT % 1).all()
    low = table[:, 1][u[:, 0] < 0.1]  # the low part of small uniforms is still uniform
    assert abs(low.mean() - 0.5) < 4 * (1 / 12 / len(low)) ** 0.5


def test_table_order_and_indices_come_from_the_registry():
    assert REQUIREMENTS == tuple(d.name for d in DRAWS.draws)
    for i, name in enumerate(REQUIREMENTS):
        assert getattr(R, name) == i
    with pytest.raises(AttributeError, match="no draw named"):
        _ = R.scan_tme  # a misspelt name never silently reads column 0


def test_a_clashing_declaration_is_refused():
    reg = Registry(4)
    reg.declare("a", 0)(lambda x, u: u)
    with pytest.raises(ValueError, match="clashes"):
        reg.declare("b", 0)(lambda x, u: u)
    with pytest.raises(ValueError, match="clashes"):
        reg.declare("a", 1)(lambda x, u: u)
    with pytest.raises(ValueError, match="outside"):
        reg.declare("c", 4)(lambda x, u: u)
    reg.declare("a_low", 0, low=True)(lambda x, u: u)  # the low part of column 0: allowed
    with pytest.raises(ValueError, match="clashes"):
        reg.declare("b_low", 0, low=True)(lambda x, u: u)


#: parts of columns read outside the draws (``u * SPLIT % 1``), by whom
RESERVED = {13: "random selection", 14: "coverage", 15: "score noise"}


def test_the_low_parts_read_outside_the_draws_are_reserved():
    reserved = {r.column: r.user for r in DRAWS.reserved if r.low}
    assert reserved.keys() == RESERVED.keys()
    for column, what in RESERVED.items():
        assert what in reserved[column]


@pytest.mark.parametrize("column", sorted(RESERVED))
def test_a_draw_on_a_reserved_low_part_is_refused_naming_its_user(column: int):
    reg = Registry(DRAWS.width)  # (a copy: the real one must stay as declared)
    reg.draws, reg.reserved = list(DRAWS.draws), list(DRAWS.reserved)
    with pytest.raises(ValueError) as e:
        reg.declare("vet_flag", column, "bool", low=True)(lambda x, u: u)
    msg = str(e.value)
    assert f"low part of uniform column {column}" in msg
    assert RESERVED[column] in msg
    assert "free: columns 35-37" in msg
    reg.declare("vet_flag", 35, "bool")(lambda x, u: u)  # a free column is taken


def test_a_reservation_clashes_with_a_draw_whatever_comes_first():
    reg = Registry(2)
    reg.declare("flag", 0, "bool", low=True)(lambda x, u: u)
    with pytest.raises(ValueError, match="low part of uniform column 0 is read by draw flag"):
        reg.reserve(0, "someone")
    reg.reserve(1, "someone")
    with pytest.raises(ValueError, match="read by someone"):
        reg.declare("other", 1, low=True)(lambda x, u: u)
    reg.declare("lead", 1)(lambda x, u: u)  # the leading part stays free
