"""What the IPR tests share: the small scenario with counterfeits found by an exam (60 % of
them of recorded brands), and one detained consignment found on a Friday at 15:00 (time 0 is
Monday 00:00), whose days held are worked out by hand on an office keeping Monday to Friday,
08:30 to 17:30."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from sim.model.ipr import SuspectTally, ipr_metrics
from sim.scenario.ipr import IprProcedure
from sim.scenario.office_hours import OfficeHours

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: counterfeits on general goods found by an exam, 60 % of them of recorded brands
FAKES = {
    "enforcement.prevalence": {"counterfeit": 0.08},
    "enforcement.detection.exam": {"counterfeit": 0.8},
    "enforcement.recordation": {"share": 0.6},
}
FRI_3PM = 4 * 24 + 15.0
#: Friday 15:00 to the close (17:30) of a later working day: whole days plus 2.5 hours
LATE = 2.5 / 24


def one_detained(recorded: int, at: float = FRI_3PM) -> SuspectTally:
    """A tally of one detained import at the first port, found at ``at`` (``recorded``: 1
    for a recorded brand, detained ex officio; 0 for one detained on application)."""
    t = SuspectTally(["sea"])
    t.found[0, 0, recorded] = t.detained[0, 0, recorded] = 1
    t.caught.append(np.array([[0, 0, recorded, at]]))
    return t


def held(office: OfficeHours | None, recorded: int = 0, **case: float) -> dict[str, float]:
    """The IPR metrics of :func:`one_detained` under the procedure ``case`` sets."""
    return ipr_metrics(one_detained(recorded), IprProcedure(**case), office)
