"""Public holidays and make-up working days of the office's week
(``organisation.office_hours.holidays``/``workdays``) as run-day numbers (day 0: the run's
first, a Monday, time 0), in order and as a set: the office hours
(:mod:`sim.model.org.holiday_hours`) and the IPR holder's reply days and the detained
goods' days (:mod:`sim.model.ipr_calendar`) consult them. Imports nothing of the model, so that both
can."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario


class Closures:
    """The days the week gets wrong, as run-day numbers: ``off`` working days closed
    (holidays), ``on`` days off opened (make-up working days)."""

    __slots__ = ("off", "on", "off_set", "on_set")

    def __init__(self, off: Iterable[int] = (), on: Iterable[int] = ()):
        self.off, self.on = tuple(sorted(off)), tuple(sorted(on))
        self.off_set, self.on_set = frozenset(self.off), frozenset(self.on)

    def __bool__(self) -> bool:
        return bool(self.off or self.on)

    def works(self, day: int, weekly: bool) -> bool:
        """Whether the office works on run day ``day`` (``weekly``: a working day of the
        week)."""
        return day not in self.off_set if weekly else day in self.on_set


#: no holidays, no make-up days
NONE = Closures()


def closures_of(scenario: Scenario) -> Closures:
    """The holidays and make-up days of ``scenario``'s office hours (NONE without them)."""
    org = scenario.organisation
    office = None if org is None else org.office_hours
    if office is None or scenario.start_date is None:
        return NONE
    if not (office.holidays or office.workdays):
        return NONE
    return Closures(*office.exception_days(scenario.start_date))
