"""docs/spring-festival.md: its example scenarios load as the page describes them (the
closure, the staff on leave by lane, the dated traffic) and the page is linked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sim

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "docs" / "examples" / "spring-festival"


def test_the_example_says_the_holiday_as_the_page_does():
    base = sim.load_scenario(EXAMPLES / "dongxing.toml")
    assert base.start_date == dt.date(2026, 1, 26)
    closed = [w for w in base.capacity_windows if w.servers == 0]
    assert [(w.lane, w.at) for w in closed] == [("*", "2026-02-16")]
    leave = {lane: w.added for w in base.capacity_windows if w.added is not None
             for lane in ([w.lane] if isinstance(w.lane, str) else w.lane)}
    assert leave == {"declaration_review": -1, "document_check": -1, "exam_teams": -1,
                     "quarantine_officers": -2}  # (by lane: "*" would close the one scanner)
    factors = [d.factor for d in base.ports["dongxing"].arrivals.dated]
    assert factors == [1.4, 0, 0.5, 1.2]
    extra = sim.load_scenario(EXAMPLES / "extra-staff.toml")
    assert {lane: w.added for w in extra.capacity_windows if w.added for lane in w.lane} == {
        "declaration_review": 1, "document_check": 1}
    page = (ROOT / "docs" / "spring-festival.md").read_text(encoding="utf-8")
    assert "examples/spring-festival/dongxing.toml" in page
    assert "(spring-festival.md)" in (ROOT / "docs" / "README.md").read_text(encoding="utf-8")
