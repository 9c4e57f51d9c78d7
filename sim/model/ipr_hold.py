"""Suspected counterfeits whose right holder does not ask for detention: released after the
reply days (``enforcement.ipr``; :mod:`sim.model.ipr` counts them).

Customs that find suspected counterfeits of a brand recorded with them suspend their release
and notify the right holder, who has ``reply_days`` working days to ask for detention (IPR
Regulations art. 16). The holder's answer is the consignment's ``holder_reply`` draw: if it
asks, the goods are caught (``enforcement.outcome``) and leave the flow; if not, they wait
out the reply days in a customs warehouse (counted on the run's working days, if it has
them: :mod:`sim.model.ipr_calendar`) and then go on to release, so their release and
clearance times include the hold. Goods of a brand not recorded are held only on the
holder's own application (arts. 12-14): customs do not suspend them on their own initiative,
so without one they go on to release at once. Only the consignments found this way pass here
(the steps call it on a find), so no other consignment's flow changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sim.model.draws import R
from sim.model.ipr_calendar import HOURS_PER_WORKING_DAY, calendar_of, reply_end
from sim.model.milestones import CUSTOMS
from sim.model.truth import COUNTERFEIT

if TYPE_CHECKING:
    from sim.model.journey import Journey

__all__ = ["HOURS_PER_WORKING_DAY", "released_after_reply"]


def released_after_reply(j: Journey) -> bool:
    """Whether ``j``'s goods, just found, are counterfeits the holder does not ask to detain
    (``enforcement.ipr`` set, ``holder_reply`` false): they go on to release instead of being
    caught, a recorded brand's after the reply days (its clock moves on, customs' time), a
    brand not recorded at once (no suspension without the holder's application)."""
    ipr = j.port.scenario.enforcement.ipr
    if ipr is None or int(j.r[R.illicit]) != COUNTERFEIT or j.r[R.holder_reply]:
        return False
    if j.r[R.recorded]:
        j.t = reply_end(j.t, ipr.reply_days, *calendar_of(j.port.scenario))  # (ipr_calendar.py)
        j.clock.to(j.t, CUSTOMS)
    return True
