"""Notes on what a run's risk engine did that a reader of its figures should know: alerts in
force over most of its decisions, which then shift nearly every score alike (see the
``alert_raised_share`` and ``risk_auc`` metrics); a throttle that never engaged, whose run
then equals the run without it (``throttle_engaged_share``, ``throttle_queue_peak``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: alerts in force over more than this share of the decisions crowd the threshold
CROWDED = 0.5


def engine_throttle(scenario: Any) -> float | None:
    """The exam-queue length above which a scenario's risk engine throttles its target
    (``risk.throttle.queue``); None without an engine on or a throttle."""
    risk = scenario.risk
    if risk is None or not risk.enabled or risk.throttle is None:
        return None
    return float(risk.throttle.queue)


def risk_notes(means: Mapping[str, float], throttle: float | None = None) -> dict[str, str]:
    """By topic (``alerts``, ``throttle_<port>``), notes on the risk engine's decisions from
    the means of a run's metrics over its replications (none without a risk engine);
    ``throttle``: the scenario's :func:`engine_throttle`."""
    out = _idle_throttle(means, throttle)
    share = means.get("alert_raised_share")
    if share is None or not share > CROWDED:
        return out
    return {**out,
        "alerts": (
            f"alerts were in force over {share:.0%} of the risk engine's decisions "
            "(alert_raised_share): a raise on most declarations shifts nearly every score "
            "alike, so it cannot point at riskier goods and can lower the separation "
            "(risk_auc); a narrower signature (risk.alert.match_class = true, "
            "risk.alert.scope = \"port\") or a shorter risk.alert.window targets fewer. "
            "This is what the alert settings imply, not a fault: a signature whose goods are "
            "seized n times within risk.alert.window on average is under an alert a share "
            "1 - e^(-n) of the time, so tens of seizures a week over a few dozen signatures "
            "keep alerts on (docs/risk-analyst.md). Alerts add knowledge only where risk "
            "changes during the run (smuggling groups' loads, a surge): a steady prevalence "
            "is in the prior already"
        )
    }


def _idle_throttle(means: Mapping[str, float], queue: float | None) -> dict[str, str]:
    """A note for each port whose throttle never engaged in any replication (its share of
    readings above the queue averages exactly 0): the run is then the run without it."""
    out = {}
    stem = "throttle_engaged_share_port_"
    limit = f"its threshold of {queue:g}" if queue is not None else "its threshold"
    for name, share in means.items():
        if not name.startswith(stem) or share != 0:
            continue
        port = name.removeprefix(stem)
        peak = means.get(f"throttle_queue_peak_port_{port}", float("nan"))
        out[f"throttle_{port}"] = (
            f"the throttle never engaged at {port}: the exam queue it read (at each refresh) "
            f"peaked at {peak:.3g} consignment(s) (mean over the replications), never above "
            f"{limit} (risk.throttle.queue), so the target held and the results are those "
            "of the run without a throttle"
        )
    return out
