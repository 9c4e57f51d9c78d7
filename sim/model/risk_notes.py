"""Notes on what a run's risk engine did that a reader of its figures should know: alerts in
force over most of its decisions, which then shift nearly every score alike (see the
``alert_raised_share`` and ``risk_auc`` metrics)."""

from __future__ import annotations

from collections.abc import Mapping

#: alerts in force over more than this share of the decisions crowd the threshold
CROWDED = 0.5


def risk_notes(means: Mapping[str, float]) -> dict[str, str]:
    """By topic (``alerts``), a note on the risk engine's decisions from the means of a
    run's metrics over its replications (none without a risk engine)."""
    share = means.get("alert_raised_share")
    if share is None or not share > CROWDED:
        return {}
    return {
        "alerts": (
            f"alerts were in force over {share:.0%} of the risk engine's decisions "
            "(alert_raised_share): a raise on most declarations shifts nearly every score "
            "alike, so it cannot point at riskier goods and can lower the separation "
            "(risk_auc); a narrower signature (risk.alert.match_class = true, "
            "risk.alert.scope = \"port\") or a shorter risk.alert.window targets fewer. "
            "Alerts add knowledge only where risk changes during the run (smuggling groups' "
            "loads, a surge): a steady prevalence is in the prior already"
        )
    }
