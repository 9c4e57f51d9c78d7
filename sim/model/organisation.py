"""The customs organisation as a journey sees it: places where a consignment may wait on it.

Today this is the escalation step after risk assessment, and nothing escalates: the
organisation issue (spindle and dumbbell trees, case decisions, rulings, risk alerts) replaces
:meth:`Organisation.wait` with real waits, booked to the ``organisation`` owner. It is
injected into the World, so another organisation is a constructor argument away.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import simpy

from sim.model.consignment import Consignment


class Organisation:
    """No escalations: every decision is taken where the consignment is."""

    def __init__(self, env: simpy.Environment):
        self.env = env

    def wait(
        self, c: Consignment, t: float, point: str, clock: Any
    ) -> Generator[simpy.Event, Any, float]:
        """Wait, if needed, for a decision at escalation ``point``; return the new clock time."""
        return t
        yield  # pragma: no cover - makes this a generator

    def result_rows(self) -> list[dict[str, Any]]:
        """Rows for the resources table (none until units have staff)."""
        return []
