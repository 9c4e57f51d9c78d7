"""The office's holidays and make-up working days the run does not reach
(``organisation.office_hours.holidays`` and ``workdays``): a date before the run's
``start_date`` changes nothing, and a list none of whose dates falls in the run's arriving
days closes or opens no arriving day. Either is most often a year mistyped, which would
otherwise pass in silence (the run would read as one without the holiday)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

_DOES = {"holidays": "close", "workdays": "open"}


def unused_office_dates(scenario: Any) -> list[str]:
    """A warning per list of dates with some before the run's start, or none within its
    arriving days (warm-up and observed). Dates after the arriving days are kept quiet when
    others fall within: a year's holidays listed for a month's run are not a mistake, and
    they still count for goods in the flow after the arrivals end and for detained
    counterfeits' working days (:mod:`sim.model.ipr_calendar`)."""
    start = scenario.start_date
    org = scenario.organisation
    office = org.office_hours if org is not None else None
    if start is None or office is None:
        return []
    last = start + dt.timedelta(days=int(np.ceil(scenario.warmup_days + scenario.days)) - 1)
    out = []
    for name in ("holidays", "workdays"):
        dates = sorted(dt.date.fromisoformat(d) for d in getattr(office, name))
        before = [d for d in dates if d < start]
        within = [d for d in dates if start <= d <= last]
        if not dates or (not before and within):
            continue
        outside = [d for d in dates if not start <= d <= last]
        none = f", none within them, so they {_DOES[name]} no arriving day" if not within else ""
        early = f"; the {len(before)} before its start change nothing" if before else ""
        out.append(
            f"organisation.office_hours.{name}: {len(outside)} of its {len(dates)} dates "
            f"({outside[0]} to {outside[-1]}) fall outside the run's arriving days ({start} to "
            f"{last}, warm-up included){none}{early}; check their year or the start_date"
        )
    return out
