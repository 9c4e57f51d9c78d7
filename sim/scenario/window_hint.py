"""How to switch the risk engine on in a scenario that has none, at its volumes.

A note that says "--set risk.target=0.05" to a scenario without a ``[risk]`` section sends
the reader to the engine with its default window of 5,000 recent scores. At a scaled-down
scenario's volumes (the Guangdong ones: a few hundred ordinary declarations a port in a run)
the window never fills, the threshold never settles, and every replication warns that the
target was missed. The hint here sizes a window to the scenario's quietest flow instead.
"""

from __future__ import annotations

from typing import Any

from sim.scenario.call_pattern import with_pattern

#: the engine's default window and its credit classes (risk.window, risk.caps, risk.floors)
DEFAULT_WINDOW = 5000
CREDIT_CLASSES = ("aeo_advanced", "discredited")
#: the window suggested is at most this share of the quietest flow's ordinary declarations,
#: so that it fills in the first part of the run (an assumption of what "settles" needs)
FILL_SHARE = 0.5


def quietest_flow(scenario: Any) -> tuple[str, float]:
    """The port and direction with the fewest ordinary (no credit rule) declarations over the
    run's warm-up and observed days, and that count, at the mean arrival rate."""
    hours = (float(scenario.warmup_days) + float(scenario.days)) * 24.0
    flows = []
    for name, port in scenario.ports.items():
        parts = [(f"{name} imports", port.arrivals, port.traffic)]
        if port.exports is not None:
            parts.append((f"{name} exports", port.exports.arrivals, port.export_traffic))
        for label, arrivals, traffic in parts:
            per_call = arrivals.batch.size.mean if arrivals.batch is not None else 1.0
            classes = traffic.trader_classes
            ordinary = 1.0 - sum(classes.get(c, 0.0) for c in CREDIT_CLASSES)
            per_hour = arrivals.rate * per_call * (1.0 + arrivals.extra)
            count = with_pattern(arrivals, per_hour) * hours * ordinary
            if count > 0:
                flows.append((label, count))
    return min(flows, key=lambda f: f[1]) if flows else ("", 0.0)


def window_for(scenario: Any) -> tuple[int, str]:
    """A ``risk.window`` the quietest flow fills in half the run, and why (0 and "" where the
    default fills)."""
    where, count = quietest_flow(scenario)
    if count >= DEFAULT_WINDOW:
        return 0, ""
    window = max(10, int(count * FILL_SHARE) // 50 * 50 or int(count * FILL_SHARE))
    return window, (
        f"the quietest flow, {where}, has about {count:,.0f} ordinary declarations in the "
        f"run's {scenario.warmup_days:g} warm-up and {scenario.days:g} observed days, too few "
        f"to fill the default window of {DEFAULT_WINDOW:,} scores: its threshold would never "
        "settle and each replication would warn that the target was missed"
    )


def risk_switch_hint(scenario: Any, target: float = 0.05) -> str:
    """``--set risk.target=...``, and a shorter ``risk.window`` where the default would not
    fill in the quietest flow's run (then sized to fill in its first half)."""
    hint = f"--set risk.target={target:g}"
    window, why = window_for(scenario)
    return f"{hint} --set risk.window={window} ({why})" if window else hint
