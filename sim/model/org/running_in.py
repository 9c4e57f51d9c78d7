"""A newly adopted structure's running-in: the share of productivity its staff lose, by time.

A structural change is not free (``organisation.advantages.transition_loss`` for
``transition_days``). ``transition_shape`` says how the loss goes: ``constant`` (the whole
loss until the last day, then none; the original rule) or ``linear`` (the whole loss on the
first day, fading in a straight line to none on the last: an assumption, the simplest curve
with a dip and a recovery). ``transition_from`` says when it starts: ``run`` (the run's start,
warm-up included; the original rule) or ``observation`` (the first observed day, taken as the
reform's start date: the structure is built once for the run, so the warm-up runs it at full
productivity to fill its queues, an assumption, and the loss begins with the observed days).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RunningIn:
    """A productivity loss from ``start`` to ``end`` (hours of the run), constant or fading
    linearly to none (``linear``); no loss (the default) leaves every service as drawn."""

    loss: float = 0.0
    start: float = 0.0
    end: float = 0.0
    linear: bool = False

    def loss_at(self, t: float) -> float:
        """The share of productivity lost at time ``t`` (hours)."""
        if not self.loss or not self.start <= t < self.end:
            return 0.0
        if not self.linear:
            return self.loss
        return self.loss * (self.end - t) / (self.end - self.start)

    def service(self, t: float, service: float) -> float:
        """A service that starts being asked for at ``t``, longer by the loss then."""
        lost = self.loss_at(t)
        return service / (1.0 - lost) if lost else service


def running_in(advantages: Any, changed: bool, window: tuple[float, float]) -> RunningIn:
    """The running-in of a structure's staff: none unless the structure is ``changed`` (newly
    adopted); ``window`` is the observation window (hours), whose start is the reform's
    start date under ``transition_from = "observation"``."""
    if not changed or not advantages.transition_loss > 0:
        return RunningIn()
    start = window[0] if advantages.transition_from == "observation" else 0.0
    return RunningIn(float(advantages.transition_loss), start,
                     start + float(advantages.transition_days) * 24.0,
                     advantages.transition_shape == "linear")
