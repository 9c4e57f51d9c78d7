"""A comparison's note that seizures are not a measure of success in themselves.

A risk analyst who raises the target rate, the random share or an alert's window sees
seizures rise and reads it as a gain. Whether it is depends on what the offenders do: in a
scenario without smuggling groups the illicit goods arrive at the same rate whatever
customs does, so the model cannot show deterrence, and more seizures are only more of the
same goods found; with smuggling groups, who choose by what they expect to lose, seizures
can fall because fewer try, or rise because they move to the ports. Either way the gain is
what no longer slips, weighed against the burden on compliant traders. The note says so
for each option whose seizures moved, and names the figures to read instead; not for one
that seizes fewer a 1,000 declarations at the ports while its seizures in all, the patrols'
outside the ports included, rose (the cost note then gives the rise)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sim.experiment.compare import CompareResult

#: the seizure figure whose paired change the note reports
SEIZURES = "seizures_per_1000"
#: a metric only a scenario with smuggling groups has
SMUGGLERS = "smuggling_attempts"
_BURDEN = "the burden on compliant traders (burden_share_goods, burden_clearance_h_goods)"


def seizure_note(name: str, diff: float, smugglers: bool) -> str:
    """The note of option ``name`` whose seizures a 1,000 declarations changed by ``diff``
    (paired, mean over replications); ``smugglers``: the scenario has smuggling groups."""
    head = (f"note ({name}): it seizes {'more' if diff > 0 else 'fewer'} than the baseline "
            f"({diff:+,.3f} seizures a 1,000 declarations, paired), which is not a gain or a "
            "loss in itself")
    if smugglers:
        return (f"{head}: smuggling groups here choose by what they expect to lose, so "
                "seizures can fall because fewer try (attempts_deterred) or rise because they "
                "move to the ports; judge it by what slips in all (value_slipped_total) and "
                f"{_BURDEN}")
    return (f"{head}: here the illicit goods arrive at the same rate whatever customs does "
            "(no smuggling groups), so the model cannot show deterrence, nor displacement (a "
            "port that tightens moves no illicit goods to another), and more seizures are "
            "more of the same goods found; judge it by what slips (value_slipped, "
            f"harm_slipped) and {_BURDEN}")


def all_seizures_change(res: CompareResult, name: str) -> float:
    """Option ``name``'s paired change of every seizure, the ports' consignments seized,
    detained or rejected and the patrols' interdictions outside them, a replication's mean
    (NaN without those counts): ``seizures_per_1000`` counts the ports' only, so a patrol
    that stops more loads, some of which then go to a port, reads there as seizing fewer."""
    from sim.experiment.seizure_cost import AT_PORTS, PATROLS

    r = getattr(res, "per_rep", None)
    if r is None or not {"option", "replication", *AT_PORTS} <= set(r.columns):
        return math.nan
    cols = [*AT_PORTS, *([PATROLS] if PATROLS in r.columns else [])]
    total = r[cols].fillna(0.0).sum(axis=1)
    by = {o: total[r["option"] == o].set_axis(r.loc[r["option"] == o, "replication"])
          for o in (res.names[0], name)}  # fmt: skip
    diff = (by[name] - by[res.names[0]]).dropna()
    return float(diff.mean()) if len(diff) else math.nan


def seizure_notes(res: CompareResult) -> list[str]:
    """:func:`seizure_note` of each option whose seizures changed: any change where
    smuggling groups adapt, a rise where the illicit flow is fixed (a fall is then plainly
    fewer found)."""
    d, s = getattr(res, "differences", None), getattr(res, "summary", None)
    if d is None or s is None or d.empty or s.empty:  # (a result without its tables)
        return []
    if not {"option", "metric", "mean"} <= set(d.columns) or "metric" not in s:
        return []
    smugglers = bool((s["metric"] == SMUGGLERS).any())
    rows = d[(d["metric"] == SEIZURES) & (d["option"] != res.names[0])]
    out = []
    for name, diff in zip(rows["option"], rows["mean"], strict=True):
        change = float(diff)
        if math.isnan(change) or change == 0 or (change < 0 and not smugglers):
            continue
        if change < 0 and all_seizures_change(res, str(name)) > 0:
            continue  # (fewer a 1,000 at the ports, more in all: the patrols stopped more)
        out.append(seizure_note(str(name), change, smugglers))
    return out
