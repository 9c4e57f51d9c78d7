"""The risk engine's alerts by a timeline's period: how many alerts the ports received on
each commodity's signatures in each period of the observed days. An outbreak's question,
"when does our targeting catch up?", needs when the first alerts on the goods it concerns
arrived, not only the share of decisions alerts raised (``alert_raised_share``)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from sim.scenario.schema import Scenario


class AlertTally:
    """Alert receipts at the ports (one per port an alert reaches) by period and the
    commodity of its signature, counted when received within ``[warmup, stop)``."""

    def __init__(
        self, commodities: Sequence[str], periods: Sequence[float], warmup: float, stop: float
    ):
        self.commodities = list(commodities)
        self.periods = np.asarray(periods, float)  # (the periods' starts, hours)
        self.warmup, self.stop = warmup, stop
        self.counts = np.zeros((len(self.periods), len(self.commodities)), np.int64)

    @classmethod
    def of(cls, scenario: Scenario, warmup: float, stop: float) -> AlertTally | None:
        """The tally of a run of ``scenario`` (none without a timeline's periods)."""
        from sim.scenario.timeline import periods

        starts = [t for t, _ in periods(scenario) if t < stop]
        if len(starts) < 2:
            return None
        return cls(list(scenario.commodities), starts, warmup, stop)

    def add(self, at: float, commodity: int) -> None:
        """One port's receipt, at ``at``, of an alert on ``commodity``'s signature."""
        if self.warmup <= at < self.stop:
            k = int(np.searchsorted(self.periods, at, side="right")) - 1
            self.counts[k, commodity] += 1

    def metrics(self) -> dict[str, float]:
        """``risk_alert_receipts_<commodity>_era_<k>``: the receipts of each period."""
        return {
            f"risk_alert_receipts_{com}_era_{k}": float(self.counts[k, c])
            for k in range(len(self.periods))
            for c, com in enumerate(self.commodities)
        }
