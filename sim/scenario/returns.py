"""Declarations returned for correction (退单 / 修改申报): the officer who reviews a
declaration sends a share back (a wrong HS code, a missing licence, values that do not add
up); the broker corrects it and lodges it again, and it queues for review a second time.
Absent: no reviewed declaration is returned."""

from __future__ import annotations

from pydantic import Field, field_validator

from sim.scenario.base import Strict
from sim.scenario.by_class import ByClass, known_classes, of_class
from sim.scenario.distributions import DurationDist


class Returns(Strict):
    """``[declaration.returns]``: which reviewed declarations come back, and how long the
    broker (the trader's side) takes to correct one."""

    share: ByClass = Field(
        description="share of reviewed declarations the officer returns for correction, by "
        "trader class or '*' (a class not listed: '*', else 0)",
    )
    correction: DurationDist = Field(
        description="the broker's time to correct a returned declaration and lodge it again "
        "(minutes to a day when the trader must send documents); booked to the trader",
    )

    _check = field_validator("share")(lambda v: known_classes(v))

    def of(self, trader_class: str) -> float:
        """The share returned of ``trader_class``'s reviewed declarations."""
        return of_class(self.share, trader_class)
