"""Transit goods (转关货物): imports that land at a border or sea port but are declared and
examined at the inland customs of their destination. At the entry port only the transit
declaration is checked and the container sealed (an electronic seal or GPS lock); the truck
then travels under seal to the inland office's supervised yard, where the goods join the
ordinary clearance. Absent: every import is cleared where it arrives."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, field_validator, model_validator

from sim.scenario.base import Extended
from sim.scenario.by_class import ByClass, known_classes, of_class
from sim.scenario.distributions import DurationDist
from sim.scenario.lanes import Lane
from sim.scenario.limits import AtField, Probability


class Transit(Extended):
    """``[ports.<name>.transit]``: which imports arrive in transit, the formalities at the
    entry port and the journey under customs seal to this (inland) office; with ``desk``,
    the transit officers who do the formalities, a lane with a queue."""

    ADDED: ClassVar[tuple[str, ...]] = ("desk",)

    share: ByClass = Field(
        description="share of imports that arrive in transit from an entry port, by trader "
        "class or '*' (a class not listed: '*', else 0)",
    )
    formalities: DurationDist = Field(
        description="the transit declaration's check and sealing at the entry port: a delay "
        "per consignment without a desk, the officers' service time at the desk with one; "
        "booked to customs",
    )
    travel: DurationDist = Field(
        description="the journey under customs seal from the entry port to this office's "
        "supervised yard (hours to days); booked to the trader (the carrier)",
    )
    integrated: Probability = Field(
        default=0.0,
        description="share of transit goods that instead declare here and are examined and "
        "released at the entry port (clearance integration, 属地申报 口岸验放): their transit "
        "leg leaves clearance time (their journey follows release)",
    )

    desk: Lane | None = Field(
        default=None,
        description="the transit desk's officers who check and seal the transit goods bound "
        "here (capacity, schedule or shifts; their service is formalities): the goods queue "
        "for them, first come first served, and the wait is customs'; none: no queue, "
        "formalities is a delay",
    )

    _check = field_validator("share")(lambda v: known_classes(v))

    @model_validator(mode="after")
    def _desk_service(self) -> Transit:
        if self.desk is not None and self.desk.service is not None:
            raise AtField(
                ("desk", "service"),
                "the desk's service is the transit formalities: give it as formalities",
            )
        return self

    def of(self, trader_class: str) -> float:
        """The share of ``trader_class``'s imports that still travel in transit before
        clearance (those under clearance integration are cleared at the entry port)."""
        return of_class(self.share, trader_class) * (1.0 - self.integrated)
