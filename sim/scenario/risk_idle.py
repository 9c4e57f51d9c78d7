"""Risk engine settings that are legal but cannot act in a run this short: a refresh interval
or an alert delay as long as the run's arrivals. Told as notes with the scenario's unused
parts (:func:`sim.scenario.dormant.unused_parts`): a figure that does not move reads as "this
makes no difference" when the truth is "nothing used it"."""

from __future__ import annotations

from typing import Any

HOURS_PER_DAY = 24.0


def _shown(hours: float) -> str:
    """A duration as a reader writes it: days from a day up, else hours."""
    return f"{hours / HOURS_PER_DAY:g} d" if hours >= HOURS_PER_DAY else f"{hours:g} h"


def _reach(hours: float, scenario: Any) -> str | None:
    """How much of a run a state or alert first available ``hours`` after its start can
    reach: None if it comes before arrivals stop (warm-up and observed days)."""
    arrivals = scenario.warmup_days + scenario.days
    if hours < arrivals * HOURS_PER_DAY:
        return None
    if hours >= (arrivals + scenario.drain_days) * HOURS_PER_DAY:
        return (
            f"as long as the whole run ({arrivals + scenario.drain_days:g} days: warm-up, "
            "observed and drain days) or longer: it comes after the run's last decision"
        )
    return (
        f"as long as the run's {arrivals:g} days of arrivals (warm-up "
        f"{scenario.warmup_days:g} d and {scenario.days:g} observed days) or longer: it comes "
        "only after arrivals stop, for the few declarations still decided in the drain days "
        "(lodged late), if any"
    )


def idle_risk(scenario: Any) -> list[str]:
    """Notes on a risk engine's ``refresh`` and alert delays (``alert.delay`` without an
    organisation, a partner customs' ``alert_delay``) at least as long as the run's arrivals
    (warm-up and observed days): decisions are taken as goods are declared, so state
    refreshed, or an alert received, only after that acts on few decisions or none."""
    risk = scenario.risk
    if risk is None or not risk.enabled:
        return []
    out = []
    reach = _reach(risk.refresh, scenario)
    if reach is not None:
        out.append(
            f"risk.refresh ({_shown(risk.refresh)}) is {reach}. Before that every decision "
            "uses the state of the run at its start: no alert raises a score, and the "
            "threshold stops following its window once the window first fills (nor are a "
            "throttle or learning recomputed); a refresh of hours lets them act"
        )
    if risk.alert.boost == 0:
        return out
    reach = _reach(risk.alert.delay, scenario)
    if scenario.organisation is None and reach is not None:
        out.append(
            f"risk.alert.delay ({_shown(risk.alert.delay)}) is {reach}. Before that no "
            "seizure's alert arrives, so alerts raise no score"
        )
    for origin, partner in risk.partners.items():
        reach = _reach(partner.alert_delay, scenario)
        if partner.alert_rate > 0 and reach is not None:
            out.append(
                f"risk.partners.{origin}.alert_delay ({_shown(partner.alert_delay)}) is "
                f"{reach}. Before that none of the partner's alerts arrives, so they raise "
                "no score"
            )
    return out
