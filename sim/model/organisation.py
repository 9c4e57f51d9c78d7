"""The customs organisation as a journey sees it: places where a consignment may wait on it.

This base class is the organisation of a scenario without an ``[organisation]`` section:
nothing escalates, no alert travels, and the ``organisation`` owner stays at zero. The tree of
units with staff, escalations, alerts and directives is :class:`sim.model.org.OrgModel`,
which overrides these hooks. It is injected into the World, so another organisation is a
constructor argument away.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any

import numpy as np
import simpy

from sim.model.consignment import Consignment

if TYPE_CHECKING:
    from sim.model.org.units import StaffQueue


class Organisation:
    """No escalations: every decision is taken where the consignment is."""

    def __init__(self, env: simpy.Environment):
        self.env = env
        #: the staff queues of the units, by (unit, role): none without an organisation
        self.queues: dict[tuple[str, str], StaffQueue] = {}

    def wait(
        self, c: Consignment, t: float, point: str, clock: Any
    ) -> Generator[simpy.Event, Any, float]:
        """Wait, if needed, for a decision at escalation ``point``; return the new clock time."""
        return t
        yield  # pragma: no cover - makes this a generator

    def escalates(self, r: np.ndarray) -> np.ndarray:
        """Which rows of a requirement table wait on the organisation at assessment."""
        return np.zeros(len(r), bool)

    def admit(self, port: str, index: np.ndarray, lodged: np.ndarray, r: np.ndarray) -> None:
        """A block of consignments was made (or, bound for a transit desk, left it): start
        the escalations they raise that do not hold the goods, from their lodging at
        ``lodged`` (see :mod:`sim.model.transit_plans`)."""

    def caught(self, port: str, c: Consignment, t: float) -> None:
        """Goods were seized or detained at ``t``: a case, and an alert."""

    def start(self) -> None:
        """Start the organisation's own processes (directives) when the run starts."""

    def subscribe(self, listener: Any) -> None:
        """Hear every port's receipt of an alert (none without an organisation)."""

    def alert_receipt(self, seizure_port: str, t: float) -> dict[str, float]:
        """The earliest each port can receive an alert of a seizure at ``t`` (none)."""
        return {}

    def auc_bonus(self, port: str) -> float:
        """The risk-score AUC bonus for locally known risks at ``port``."""
        return 0.0

    def staff_queues(self) -> list[StaffQueue]:
        """The staff queues of the units, one per unit and role, for the stability check."""
        return list(self.queues.values())

    def result_rows(self) -> list[dict[str, Any]]:
        """Rows for the resources table (none until units have staff)."""
        return []

    def metrics(self) -> dict[str, float]:
        """The organisation's headline numbers (none without one)."""
        return {}
