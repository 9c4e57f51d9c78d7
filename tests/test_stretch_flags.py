"""The stretch rows' flags (sim/stretches.py): the lists that once named stretches by hand,
the intervals table's ``WHOLE``, ``NO_WHOLE`` and ``POSITIVE_ONLY`` and the trucks'
``HOLD_STRETCHES``, are views of them, in route order, each equal to the list it replaced;
and the flags agree with what the model computes of each stretch."""

from __future__ import annotations

import numpy as np

from sim import stretches as st
from sim.analysis import trucks
from sim.model import intervals as iv
from sim.model.interval_whole import whole_stretches
from sim.model.milestones import MILESTONES

#: the lists as they were written by hand before the rows carried their flags, and the
#: stretches added since with a flag (a new one joins its set: a flag set by mistake, or
#: lost, on an existing row fails here)
WRITTEN = {
    "WHOLE": {"lodging", "acceptance", "assessment", "document_check", "quarantine_form",
              "duty_payment", "correction", "second_review"},
    "NO_WHOLE": {"escalation", "document_check_wait", "awaiting_goods", "scan_wait",
                 "second_declaration_wait", "exam_yard"},
    "POSITIVE_ONLY": {"escalation", "awaiting_goods", "second_declaration_wait",
                      "awaiting_discharge", "gate", "vessel_discharge"},
    "HOLD": {"exam_yard", "physical_exam", "quarantine_check", "laboratory", "treatment"},
}  # fmt: skip
#: the trucks' hold is summed in this order (a float sum: another order changes its last digits)
HOLD_ORDER = ("exam_yard", "physical_exam", "quarantine_check", "laboratory", "treatment")


def test_each_view_is_the_list_it_replaced():
    for name, written in WRITTEN.items():
        assert set(getattr(st, name)) == written, name


def test_the_ordered_views_are_in_route_order():
    route = [s.name for s in st.STRETCHES]
    for view in (st.WHOLE, st.HOLD):
        assert list(view) == sorted(view, key=route.index)
    assert trucks.HOLD_STRETCHES == HOLD_ORDER


def test_the_model_reads_the_views():
    assert (iv.WHOLE, iv.NO_WHOLE, iv.POSITIVE_ONLY) == (st.WHOLE, st.NO_WHOLE, st.POSITIVE_ONLY)
    assert trucks.HOLD_STRETCHES == st.HOLD


def test_a_whole_stretch_is_one_the_model_computes_whole():
    col = {m: np.full(2, np.nan) for m in MILESTONES}
    assert set(whole_stretches(col, np.zeros(2, bool))) == set(st.WHOLE)


def test_a_stretch_from_where_the_last_ended_has_a_whole_stretch_or_none():
    """Such a stretch either keeps its whole run apart or has none to give, never both."""
    for s in st.STRETCHES:
        assert not (s.whole and s.no_whole), s.name
        if s.start == st.PREVIOUS:
            assert s.whole or s.no_whole, s.name
