"""When the right holder's reply period ends (``enforcement.ipr.reply_days``), and when the
detained goods' legal working days end (:func:`sim.model.ipr.detained_days`), on the run's
calendar of working days when the scenario has one.

IPR Regulations art. 16 (State Council Decree 395, as amended 2018) gives the holder
**3 working days** from the service of customs' notice to apply for detention. The run's
working week is that of ``organisation.office_hours`` (its ``days``, opening and closing;
time 0 is Monday 00:00, as in every weekly schedule): with it the period runs from the day
after the notice (the day of service is not counted, an assumption after the usual Chinese
rule that a period's first day is not counted) and ends at the close of the last working
day counted; a fraction of a day ends that share of the way through the next working day's
office hours. The notice is taken as served the day the goods are found (art. 16: customs
notify the holder at once; an assumption). The office's public holidays are skipped and its
make-up working days counted (``office_hours.holidays``/``workdays``:
:mod:`sim.model.holidays`). Without office hours every working day is 7/5 calendar days
(weekends; holidays ignored), as before: the same hours, bit for bit.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from sim.model.holidays import NONE, Closures, closures_of
from sim.scenario.ipr import CALENDAR_PER_WORKING_DAY
from sim.scenario.office_hours import WEEKDAYS

if TYPE_CHECKING:
    from sim.scenario.office_hours import OfficeHours
    from sim.scenario.schema import Scenario

#: hours per working day without a calendar (7/5 calendar days: weekends; holidays ignored)
HOURS_PER_WORKING_DAY = 24.0 * CALENDAR_PER_WORKING_DAY
DAY = 24.0


def office_of(scenario: Scenario) -> OfficeHours | None:
    """The run's working week: ``organisation.office_hours`` (None: no calendar)."""
    org = scenario.organisation
    return None if org is None else org.office_hours


def calendar_of(scenario: Scenario) -> tuple[OfficeHours | None, Closures]:
    """The run's working week and its holidays and make-up days (for :func:`reply_end`)."""
    office = office_of(scenario)
    return office, NONE if office is None else closures_of(scenario)


def reply_end(
    t: float, days: float, office: OfficeHours | None, closures: Closures = NONE
) -> float:
    """When a reply period of ``days`` working days from a notice at ``t`` (hours from
    Monday 00:00) ends: on ``office``'s working days less ``closures``' holidays, with its
    make-up days, as the module says, else ``days`` times 7/5 calendar days later."""
    if office is None:
        return t + days * HOURS_PER_WORKING_DAY
    if days <= 0:
        return t
    working = {WEEKDAYS.index(d) for d in office.days}
    whole = math.ceil(days)  # (the working day the period ends in, counted from 1)
    share = days - (whole - 1)  # (of that day's office hours: 1 for whole days)
    day, counted = math.floor(t / DAY), 0
    while counted < whole:  # (at least one working day a week: ends within 7 x days)
        day += 1
        counted += closures.works(day, day % 7 in working) if closures else day % 7 in working
    return day * DAY + office.open + share * (office.close - office.open)


def reply_hours(
    t: float, days: float, office: OfficeHours | None, closures: Closures = NONE
) -> float:
    """The hours a consignment found at ``t`` waits for the holder's reply."""
    return reply_end(t, days, office, closures) - t
