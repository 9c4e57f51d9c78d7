"""The ``expedited_shipments`` reform (WTO TFA Art. 7.8): at air ports, the express share of
declarations lodges before arrival and is reviewed on a minimum of documents, so more goods
are declared in advance, the declaration review and the document check are shorter, and
imports are released sooner; selection is unchanged and ports of other modes are untouched."""

from __future__ import annotations

from pathlib import Path

import numpy as np

import sim
from sim.reforms import REFORMS, apply

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
SHORT = {"days": 2, "warmup_days": 0, "drain_days": 2}
AIR = {**SHORT, "ports.sea.mode": "air"}  # the small scenario's port as an air cargo terminal


def test_an_air_port_lodges_more_in_advance_on_fewer_documents_and_no_other_port_changes():
    reform = REFORMS["expedited_shipments"](express_share=0.5, doc_cut=0.4)
    changes = reform.fields(sim.load_scenario(SMALL, AIR))
    assert changes == {
        "ports.sea.declaration.advance_share": {"import": 0.65, "export": 0.9},  # half way to 1
        "ports.sea.review.service": {"dist": "exponential", "mean": 0.266667},  # 0.8 x 20 min
        "ports.sea.document_check.service": {"dist": "exponential", "mean": 0.4},  # 0.8 x 30 min
    }  # the review and check shorter by express_share x doc_cut = 0.2
    assert reform.fields(sim.load_scenario(SMALL, SHORT)) == {}  # a sea port: nothing


def test_expedited_goods_are_declared_earlier_checked_faster_and_released_sooner():
    """Same seed, so the same consignments draw the same uniforms: those lodged in advance
    before still are, a fifth of the others move to it (imports: 0.3 -> 0.44); every review
    and document check takes express_share x doc_cut (0.2 x 0.5 = 10 %) less; the same goods are
    selected; and the imports' mean time from arrival to release falls."""
    base = sim.load_scenario(SMALL, AIR)
    before = sim.simulate(base, 1, log=True).log
    after = sim.simulate(apply(base, "expedited_shipments"), 1, log=True).log
    imports = (before.direction == "import").to_numpy()
    was, now = before.advance.to_numpy(bool), after.advance.to_numpy(bool)
    assert (now >= was).all() and now[imports].mean() > was[imports].mean() + 0.08
    for sel in ("sel_document", "sel_scan", "sel_physical", "sel_quarantine"):
        np.testing.assert_array_equal(after[sel], before[sel])
    reviewed = before.review.to_numpy(bool)
    checked = before.sel_document.to_numpy(bool)
    assert reviewed.sum() > 50 and checked.sum() > 30
    np.testing.assert_allclose(after.review_time[reviewed], 0.9 * before.review_time[reviewed])
    np.testing.assert_allclose(after.doc_time[checked], 0.9 * before.doc_time[checked])
    waited = (before.released - before.arrived)[imports].mean()
    assert (after.released - after.arrived)[imports].mean() < waited - 0.5  # hours
