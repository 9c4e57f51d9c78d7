"""What the organisation's messages deliver to listeners: a port's receipt of an alert."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Alert:
    """A port's receipt of an alert: a risk engine raises its scores only from ``received``."""

    port: str  # the receiving port
    received: float
    seizing_port: str
    seized: float
    illicit: int  # the truth code of the goods seized (sim.scenario.base.ILLICIT index + 1)
    commodity: int
    origin: int


Listener = Callable[[Alert], None]
