"""The risk engine's throttle (``[risk.throttle]``): a port's target rate scaled down while its
exam queue is long, and what the throttle read, so that a run can say when it never engaged
(its results are then the run's without it, which no figure shows)."""

from __future__ import annotations

from sim.scenario.risk import Throttle


class ThrottleReadings:
    """The throttle's readings of each port's exam queue (one at each refresh of the port's
    thresholds): how many, how many above the throttle's queue, and the longest."""

    def __init__(self, ports: list[str]):
        self.read = dict.fromkeys(ports, 0)
        self.engaged = dict.fromkeys(ports, 0)
        self.peak = dict.fromkeys(ports, 0.0)

    def factor(self, throttle: Throttle, port: str, length: float) -> float:
        """The target's scale at ``port`` with ``length`` consignments in its exam queue: 1
        up to ``throttle.queue``, then queue / length, never below ``min_share``."""
        self.read[port] += 1
        self.peak[port] = max(self.peak[port], length)
        if length <= throttle.queue:
            return 1.0
        self.engaged[port] += 1
        return max(throttle.min_share, throttle.queue / length)

    def metrics(self) -> dict[str, float]:
        """``throttle_engaged_share`` (the readings above the throttle's queue, over all)
        and ``throttle_queue_peak`` (the longest exam queue read), overall and per port
        (``_port_<port>``, ports read at least once); none where nothing was read."""
        ports = [p for p, n in self.read.items() if n]
        if not ports:
            return {}
        out = {
            "throttle_engaged_share": sum(self.engaged.values()) / sum(self.read.values()),
            "throttle_queue_peak": max(self.peak.values()),
        }
        for p in ports:
            out[f"throttle_engaged_share_port_{p}"] = self.engaged[p] / self.read[p]
            out[f"throttle_queue_peak_port_{p}"] = self.peak[p]
        return out
