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
PINNED_LOW = {
    "direct_pickup": 31,
    "direct_loading": 34,
    "quarantine_seen": 30,
    "origin_inspection": 2,
    "recorded": 49,
    "holder_reply": 54,
    "amended": 10,
    "amend_time": 11,
    "transit": 3,
    "transit_formalities": 4,
    "transit_travel": 5,
    "integrated": 3,  # (a second reading of transit's uniform: ``of="transit"``)
}


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
    columns = [(d.column, d.low) for d in DRAWS.draws if not d.of]
    assert len(set(columns)) == len(columns)
    assert all(0 <= c < WIDTH for c, _ in columns)
    assert {(d.column, d.low) for d in DRAWS.draws if d.of} <= set(columns)
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


def test_free_lists_every_part_of_a_column_no_one_reads():
    """Worked out here from the declarations themselves, so a new draw never breaks it."""
    taken = {(d.column, d.low) for d in DRAWS.draws} | {(r.column, r.low) for r in DRAWS.reserved}
    lead = [c for c in range(WIDTH) if (c, False) not in taken]
    low = [c for c in range(WIDTH) if (c, True) not in taken and (c, False) in taken]
    assert DRAWS.free_columns() == lead
    assert DRAWS.free_low() == low
    assert DRAWS.free().startswith("free: columns ")


def test_every_declaration_records_the_module_it_is_in():
    modules = {d.name: d.module for d in DRAWS.draws}
    assert modules["direction"] == "sim.model.draws.goods"
    assert modules["exam_finds"] == "sim.model.draws.checks"  # (its transform is in truth)
    assert modules["sel_scan"] == "sim.model.draws.declaration"
    assert modules["loading_delay"] == "sim.model.draws.release"
    assert {r.module for r in DRAWS.reserved} == {"sim.model.draws.declaration"}


#: run in a fresh interpreter: a new draw at the end of the checks' module, at column 34,
#: which loading_delay (in release, imported later) reads
_NEW_DRAW_AT_34 = """
import importlib.abc, importlib.machinery, sys

class AppendToChecks(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "sim.model.draws.checks":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            exec("declare('sniff', 34)(lambda x, u: u)", vars(module))
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, AppendToChecks())
try:
    import sim.model.draws
except ValueError as e:
    print(e)
else:
    print("no error")
"""


def test_a_clash_with_a_draw_of_a_later_module_names_both_and_what_is_really_free():
    """The clash is found once every module has declared: the error names both draws and
    where each is declared, and its free list counts the modules imported after (following
    it must not give the same error again)."""
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-c", _NEW_DRAW_AT_34], capture_output=True, text=True, check=True
    )
    msg = run.stdout
    assert "draw sniff (declared in sim.model.draws.checks)" in msg
    assert "draw loading_delay (declared in sim.model.draws.release)" in msg
    assert "leading part of uniform column 34" in msg
    assert DRAWS.free() in msg  # (column 34 was taken already: the same free parts)


def test_a_clashing_declaration_is_refused():
    reg = Registry(4)
    reg.declare("a", 0)(lambda x, u: u)
    with pytest.raises(ValueError, match="draw a .* and draw b .* clash: both read the leading"):
        reg.declare("b", 0)(lambda x, u: u)
    with pytest.raises(ValueError, match="draw a .* and draw a .* clash: the same name"):
        reg.declare("a", 1)(lambda x, u: u)
    with pytest.raises(ValueError, match="outside"):
        reg.declare("c", 4)(lambda x, u: u)
    reg.declare("a_low", 0, low=True)(lambda x, u: u)  # the low part of column 0: allowed
    with pytest.raises(ValueError, match="clash"):
        reg.declare("b_low", 0, low=True)(lambda x, u: u)
    assert reg.names == ("a", "a_low")  # the refused ones are not left behind


def test_a_second_reading_shares_its_draws_uniform_and_nothing_else():
    """``of``: a quantity read from an earlier draw's uniform (a band of it) takes no part
    of a column; one naming a draw not declared before it on that part is refused."""
    import numpy as np

    from sim.model.registry import Context

    reg = Registry(2)
    reg.declare("flag", 0, "bool", low=True)(lambda x, u: u < 0.3)
    with pytest.raises(ValueError, match="draw band .* reads the uniform of draw flag"):
        reg.declare("band", 0, "bool", of="flag")(lambda x, u: u)  # (its leading part)
    with pytest.raises(ValueError, match="reads the uniform of draw later"):
        reg.declare("early", 1, of="later")(lambda x, u: u)
    reg.declare("lead", 0)(lambda x, u: u)
    reg.declare("band", 0, "bool", low=True, of="flag")(lambda x, u: (u >= 0.3) & (u < 0.5))
    assert reg.free_low() == [] and reg.free_columns() == [1]
    u = np.random.default_rng(2).random((1000, 2))
    table = reg.table(Context(None, None, [], np.zeros(len(u))), u)  # type: ignore[arg-type]
    low = u[:, 0] * 2.0**24 % 1
    assert (table[:, 2] == ((low >= 0.3) & (low < 0.5))).all()
    assert not (table[:, 0] * table[:, 2]).any()  # (the same uniform: never both)


#: parts of columns read outside the draws (``u * SPLIT % 1``), by whom
RESERVED = {13: "random selection", 14: "coverage", 15: "score noise", 48: "inspection at origin"}


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
    assert f"draw vet_flag (declared in {__name__})" in msg
    assert "(reserved in sim.model.draws.declaration)" in msg
    assert DRAWS.free() in msg  # (the free parts: see the test of free above)
    assert reg.draws == DRAWS.draws  # the refused draw is not left behind
    for free in DRAWS.free_columns()[:1]:  # a free column, if any is left, is taken
        reg.declare("vet_flag", free, "bool")(lambda x, u: u)


def test_a_reservation_clashes_with_a_draw_whatever_comes_first():
    reg = Registry(2)
    reg.declare("flag", 0, "bool", low=True)(lambda x, u: u)
    with pytest.raises(ValueError, match="draw flag .* and someone .* both read the low part"):
        reg.reserve(0, "someone")
    reg.reserve(1, "someone")
    with pytest.raises(ValueError, match="draw other .* and someone .* both read the low part"):
        reg.declare("other", 1, low=True)(lambda x, u: u)
    reg.declare("lead", 1)(lambda x, u: u)  # the leading part stays free
