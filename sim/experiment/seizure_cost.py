"""A comparison's note of what each option's extra seizures cost: for an anti-smuggling
bureau planning an operation (more officers on a route, more inspection at one port, a
better risk model), the paired change of every seizure, the ports' and the patrols'
outside them, beside the paired change of the agencies' cost, and their ratio.

``cost_per_seizure`` spreads the agencies' whole cost, compliant goods' clearance
included, over the seizures, so its change is no operation's price; and with smuggling
groups, ``seizures_per_1000`` counts only the ports' consignments, so a patrol that stops
more loads on the river reads as seizing fewer when some move to a port. The note counts
both, over the observed days, and divides the cost's change by the seizures' with
Fieller's interval (:func:`sim.analysis.stats.ratio_interval`): unbounded when the
seizures' change is within the noise, and then said so rather than printed."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from sim.analysis.stats import confidence_interval, ratio_interval
from sim.model.costs import HOURS_PER_YEAR

if TYPE_CHECKING:
    from sim.experiment.compare import CompareResult

#: the ports' seizures (consignments seized, detained or rejected after a find)
AT_PORTS = ("consignments_seized", "consignments_detained", "consignments_rejected")
#: the loads the patrols outside the ports stopped (only with smuggling groups)
PATROLS = "smuggling_interdicted"
COST = "agency_cost_per_year"


def _paired(res: CompareResult, name: str) -> pd.DataFrame | None:
    """Per replication, option ``name`` minus the baseline: the seizures at the ports, by
    patrols and in all, and the agencies' cost over the observed days; None without costs."""
    r = res.per_rep
    if not {"option", "replication", COST, *AT_PORTS} <= set(r.columns):
        return None
    cols = [c for c in (*AT_PORTS, PATROLS, COST) if c in r.columns]
    base = r[r["option"] == res.names[0]].set_index("replication")[cols]
    mine = r[r["option"] == name].set_index("replication")[cols]
    d = (mine - base).dropna(subset=[COST])
    out = pd.DataFrame({"ports": d[list(AT_PORTS)].sum(axis=1)})
    out["patrols"] = d[PATROLS] if PATROLS in d else 0.0
    out["all"] = out["ports"] + out["patrols"]
    out["cost"] = d[COST] * float(res.meta["days"]) * 24.0 / HOURS_PER_YEAR
    return out


def _money(x: float) -> str:
    return f"{x:+,.0f}"


def seizure_cost_note(name: str, d: pd.DataFrame, days: float, currency: str) -> str | None:
    """The note of option ``name`` from its paired replications ``d`` (:func:`_paired`);
    None when neither its cost nor its seizures moved."""
    cost, caught = float(d["cost"].mean()), float(d["all"].mean())
    if not len(d) or cost == 0 or caught == 0 or math.isnan(cost):
        return None
    _, low, high = confidence_interval(np.asarray(d["all"], float))
    span = "" if low is None or high is None else f" (95 % CI {low:+.2f} to {high:+.2f})"
    split = (f"; the ports' consignments seized, detained or rejected {d['ports'].mean():+.2f}, "
             f"the patrols' interdictions outside them ({PATROLS}) {d['patrols'].mean():+.2f}"
             if bool((d["patrols"] != 0).any()) else "")
    money = f" {currency}" if currency else ""
    head = (f"note ({name}): seizures in all {caught:+.2f} a replication over the {days:g} "
            f"observed days, paired{span}{split}; the agencies' cost {_money(cost)}{money} "
            f"over those days ({COST} {_money(cost * HOURS_PER_YEAR / (days * 24))} a year)")
    if caught < 0 or cost < 0:
        return (f"{head}: {'dearer' if cost > 0 else 'cheaper'} with "
                f"{'fewer' if caught < 0 else 'more'} seizures, so no cost per additional "
                "seizure")
    ratio, lo, hi = ratio_interval(d["cost"], d["all"])
    if math.isnan(lo) or math.isnan(hi):
        return (f"{head}: {ratio:,.0f}{money} for each additional seizure as a ratio of "
                f"the means, but the seizures' change is within the noise of {len(d)} "
                "replications, so the ratio has no bounded interval: run more replications "
                "before quoting it")
    return (f"{head}: {ratio:,.0f}{money} for each additional seizure (95 % CI "
            f"{lo:,.0f} to {hi:,.0f}, Fieller), what the operation costs a seizure, unlike "
            "cost_per_seizure, which spreads the whole cost over every seizure")


def seizure_cost_notes(res: CompareResult) -> list[str]:
    """:func:`seizure_cost_note` of each option of a priced comparison."""
    if getattr(res, "per_rep", None) is None or "days" not in res.meta:
        return []
    out = []
    for name in res.names[1:]:
        d = _paired(res, name)
        note = None if d is None else seizure_cost_note(
            name, d, float(res.meta["days"]), str(res.meta.get("currency") or ""))
        if note is not None:
            out.append(note)
    return out
