"""Declarations returned for correction (退单 / 修改申报): the officer who reviews a
declaration sends a share back (a wrong HS code, a missing licence, values that do not add
up); the broker corrects it and lodges it again, and it queues for review a second time.
Absent: no reviewed declaration is returned."""

from __future__ import annotations

from pydantic import Field, model_validator

from sim.scenario.base import ANY, TRADER_CLASSES, Strict
from sim.scenario.distributions import DurationDist
from sim.scenario.limits import AtField, Probability


class Returns(Strict):
    """``[declaration.returns]``: which reviewed declarations come back, and how long the
    broker (the trader's side) takes to correct one."""

    share: dict[str, Probability] = Field(
        description="share of reviewed declarations the officer returns for correction, by "
        "trader class or '*' (a class not listed: '*', else 0)",
    )
    correction: DurationDist = Field(
        description="the broker's time to correct a returned declaration and lodge it again "
        "(minutes to a day when the trader must send documents); booked to the trader",
    )

    @model_validator(mode="after")
    def _classes(self) -> Returns:
        for k in self.share:
            if k != ANY and k not in TRADER_CLASSES:
                raise AtField(
                    ("share", k), f"unknown trader class {k!r}; allowed: *, "
                    f"{', '.join(TRADER_CLASSES)}"
                )
        return self

    def of(self, trader_class: str) -> float:
        """The share returned of ``trader_class``'s reviewed declarations."""
        return self.share.get(trader_class, self.share.get(ANY, 0.0))
