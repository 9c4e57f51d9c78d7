"""Dated reforms: a scenario's ``timeline`` switches reforms on at times inside the run.

``[[timeline]] reform = "joint_inspection", at = "60 d"`` (time after the run's start, the
start of the warm-up) or ``at = "2018-04-20"`` (a date, with the scenario's ``start_date``,
the calendar date of the run's start). The reform applies to consignments arriving from that
time on (see :mod:`sim.reforms.timeline`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import Field, field_validator

from sim.scenario.base import Strict
from sim.scenario.distributions import _quantity

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Dated(Strict):
    """One dated reform of the timeline."""

    reform: str = Field(
        description="a reform of the library with its strengths, e.g. 'single_window' or "
        "'advance_declaration:uptake=0.8' (see `bordersim reforms`)"
    )
    at: str | float = Field(
        description="when it switches on: a time after the run's start ('60 d', in hours when "
        "a number) or a date ('2018-04-20', with start_date)"
    )

    @field_validator("reform")
    @classmethod
    def _known(cls, v: str) -> str:
        from sim.reforms.compose import parse
        from sim.reforms.reform import ReformError

        try:
            plan = parse(v)
        except ReformError as exc:
            raise ValueError(str(exc)) from None
        if plan.dated:
            raise ValueError("a timeline entry's reform takes no '@': its time is 'at'")
        for r in plan.reforms:
            why = r.missing()
            if why:
                raise ValueError(why)
        return v

    @field_validator("at")
    @classmethod
    def _when(cls, v: Any) -> str | float:
        if isinstance(v, str) and _DATE.match(v.strip()):
            try:
                dt.date.fromisoformat(v.strip())
            except ValueError:
                raise ValueError(f"not a date: {v!r} (write YYYY-MM-DD)") from None
            return v.strip()
        return _quantity(v, "duration")

    def hours(self, start: dt.date | None) -> float:
        """When the reform switches on, in hours after the run's start."""
        if isinstance(self.at, float | int):
            return float(self.at)
        if start is None:
            raise ValueError(f"at = {self.at!r} is a date: the scenario needs a start_date")
        return (dt.date.fromisoformat(self.at) - start).days * 24.0
