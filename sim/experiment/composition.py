"""Options that change which consignments arrive (a surge, a port's traffic): their pooled
figures compare other mixes of goods than the baseline's, so a table or headline must say so.

A surge of fast, cheap parcels lowers the mean clearance time and cost over every port while
every parcel is slower: the pooled means move the wrong way. Per port and direction, and per
consignment in who gains and who loses, the comparison stays like with like.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

#: a relative change of the cohort's arrivals below this is noise of the arrivals themselves
#: (a reform that only moves a few smugglers' loads, say), not another mix of goods
SMALL_SHARE = 0.005


def changed_arrivals(
    per_rep: pd.DataFrame, baseline: str, metric: str = "consignments_arrived"
) -> dict[str, float]:
    """Options whose cohort arrivals (``consignments_arrived``; or another count, ``metric``)
    differ from the baseline's by more than :data:`SMALL_SHARE` on average over the
    replications both ran -> the mean difference a replication (option - baseline)."""
    if metric not in per_rep or per_rep.empty:
        return {}
    runs = per_rep.pivot_table(index="replication", columns="option", values=metric,
                               aggfunc="first")  # fmt: skip
    if baseline not in runs:
        return {}
    out: dict[str, float] = {}
    for name in runs.columns:
        if name == baseline:
            continue
        both = runs[[baseline, name]].dropna()
        if both.empty:
            continue
        base = float(both[baseline].mean())
        diff = float((both[name] - both[baseline]).mean())
        if base > 0 and math.isfinite(diff) and abs(diff) > SMALL_SHARE * base:
            out[str(name)] = diff
    return out


def arrivals_note(diff: float) -> str:
    """What a table or report says of an option that changes the arrivals by ``diff`` a
    replication."""
    more = "more" if diff > 0 else "fewer"
    return (
        f"it changes which consignments arrive ({abs(diff):,.0f} {more} in the cohort a "
        "replication): figures pooled over every port and direction then compare another mix "
        "of goods than the baseline's and can move the wrong way (fast, cheap parcels added "
        "lower the mean while each parcel waits longer); read each port and direction "
        "(`..._port_<port>_<direction>`), and who gains and who loses, which pairs the same "
        "consignments and leaves the added ones out"
    )


def empty_runs(per_rep: pd.DataFrame, by: str) -> dict[Any, tuple[int, int]]:
    """Groups of ``per_rep`` (by the column ``by``: an option, a sweep's point) with
    replications in which no consignment arrived in the observed days
    (``consignments_arrived`` 0) -> (how many such replications, how many ran): their times,
    shares and rates are blanks, not zeros."""
    if per_rep.empty or by not in per_rep or "consignments_arrived" not in per_rep:
        return {}
    out: dict[Any, tuple[int, int]] = {}
    for key, runs in per_rep.groupby(by, sort=False):
        arrived = runs["consignments_arrived"]
        empty = int((arrived.fillna(0) == 0).sum())
        if empty:
            out[key] = (empty, len(arrived))
    return out


def empty_note(empty: int, ran: int) -> str:
    """What a table says of an option or point whose ``empty`` of ``ran`` replications saw
    no arrival (see :func:`empty_runs`)."""
    which = "any replication" if empty == ran else f"{empty} of its {ran} replications"
    return (
        f"no consignment arrived in the observed days of {which}: there is nothing to measure "
        "there, so its times, shares and rates are blanks (counts 0), not figures; check its "
        "arrival rates, or run longer (--days)"
    )


def changed_truth(per_rep: pd.DataFrame, baseline: str) -> dict[str, list[float]]:
    """Options that change how many of the cohort's declarations are illicit
    (``illicit_declarations``) by more than :data:`SMALL_SHARE`, among those whose arrivals
    do not change (:func:`changed_arrivals` speaks for those) -> [the baseline's count, the
    mean difference] a replication."""
    moved = changed_arrivals(per_rep, baseline)
    out = {}
    for name, diff in changed_arrivals(per_rep, baseline, "illicit_declarations").items():
        if name not in moved:
            base = per_rep.loc[per_rep["option"] == baseline, "illicit_declarations"].mean()
            out[name] = [float(base), diff]
    return out


def truth_note(base: float, diff: float) -> str:
    """What a table or report says of an option that changes the illicit declarations from
    ``base`` by ``diff`` a replication."""
    more = "more" if diff > 0 else "fewer"
    return (
        f"it changes which goods are illicit ({abs(diff):,.1f} {more} illicit declarations in "
        f"the cohort a replication, {diff / base:+.1%} of the baseline's {base:,.1f}): its "
        "detection rates, values found and slipped and seizures compare other illicit goods "
        "than the baseline's, not only how well the same ones are found. The hidden truth is "
        "drawn from the traffic's classes, commodities and origins and from the prevalence, so "
        "an option changing these redraws it (with smugglers, so do loads it displaces to or "
        "from a port, and loads it deters: see smuggling_attempts_route_*); read "
        "illicit_declarations beside them"
    )


#: what a comparison says of an option that switches on the risk engine the baseline lacks
ENGINE_SWITCHED = (
    "it switches the risk engine on, where the baseline's selection tables decide: its "
    "differences mix the engine's own selection (its inspection rate, the goods it picks) with "
    "the change itself; for the change alone, compare with the engine on in both "
    "(--set risk.enabled=true)"
)


def switched_engine(base: Any, variants: Mapping[str, Any]) -> dict[str, str]:
    """Options whose scenario runs the risk engine where the baseline's does not -> why
    their differences are not the change alone (:data:`ENGINE_SWITCHED`)."""

    def on(s: Any) -> bool:
        return s.risk is not None and bool(s.risk.enabled)

    return {} if on(base) else {name: ENGINE_SWITCHED for name, v in variants.items() if on(v)}


def structure_assumptions(base: Any, variants: Mapping[str, Any]) -> dict[str, str]:
    """Options that change the organisation's structure -> the stated assumptions their
    result rests on (the sign of a structure's effect can turn on one of them)."""
    org = getattr(base, "organisation", None)
    if org is None:
        return {}
    moved = [
        name for name, v in variants.items()
        if v.organisation is not None and v.organisation.structure != org.structure
    ]
    return {name: assumptions(variants[name].organisation) + running_in(variants[name])
            for name in moved}  # fmt: skip


def running_in(scenario: Any) -> str:
    """When a newly adopted structure's running-in (``advantages.transition_days`` from the
    run's start, or from the first observed day) reaches into the observed days: how much of
    them it covers, so that a running-in cost is not read as the structure's lasting one; ""
    otherwise."""
    org = scenario.organisation
    adv = org.advantages
    if org.structure in adv.today or not adv.transition_loss > 0:
        return ""
    warmup, days, t = float(scenario.warmup_days), float(scenario.days), adv.transition_days
    if adv.transition_from == "observation":
        return _running_in_from_reform(t, days)
    if not t > warmup:
        return ""
    if t >= warmup + days:
        return (f"; every observed day is running-in (organisation.advantages.transition_days "
                f"= {t:g}, the dumbbell reform's running_in_days, from the run's start; "
                f"{warmup:g} warm-up and {days:g} observed days): its figures are the "
                "transition's, not the structure's lasting effect; observe past day "
                f"{t:g} (--days {max(1, math.ceil(t - warmup + 21)):g} or more) for that")
    return (f"; its first {t - warmup:g} of {days:g} observed days are running-in "
            f"(transition_days = {t:g} from the run's start, after {warmup:g} warm-up days): "
            "its figures mix the transition with the structure's lasting effect")


def _running_in_from_reform(t: float, days: float) -> str:
    """:func:`running_in` of a running-in counted from the first observed day (the reform's
    start, ``transition_from = "observation"``)."""
    if not t > 0:
        return ""
    if t >= days:
        return (f"; every observed day is running-in, counted from the first observed day "
                f"(organisation.advantages.transition_days = {t:g}): its figures are the "
                "transition's, not the structure's lasting effect; observe more than "
                f"{math.ceil(t + 21):g} days (--days) for that")
    return (f"; the first {t:g} of its {days:g} observed days are running-in, counted from "
            "the first observed day (the reform's start): its figures mix the transition with "
            "the structure's lasting effect")


def assumptions(org: Any) -> str:
    """The stated assumptions an option's structure rests on, as the option runs them (its
    own running-in and transfer times, which a reform's strengths may have set)."""
    transfer = "; ".join(
        f"to {level}: {_dist(d.model_dump())}" for level, d in (org.transfer_to or {}).items()
    )
    adv = {k: v for k, v in org.advantages.model_dump().items() if k != "today"}
    return (
        "which structure decides faster, and what it does to clearance, rests on the "
        "scenario's stated assumptions, not on the structure alone: organisation.transfer_to "
        + (f"({transfer}: a request passed up to that level waits this long first) and "
           if transfer else "(none: a request passed up waits for no transfer) and ")
        + "organisation.advantages ("
        + ", ".join(f"{k} {v}{_ALIAS.get(k, '')}" for k, v in adv.items())
        + "); try other values with --set (e.g. --set 'organisation.transfer_to={}')"
        + ("; every structure places the same heads (organisation.generate.staff), so the "
           "structure alone leaves the staff cost unchanged by construction"
           if getattr(org, "generate", None) is not None else "")
    )


#: the reforms' names of an advantage (the ``dumbbell`` reform's strengths set them)
_ALIAS = {
    "transition_loss": " (the dumbbell reform's running_in_loss)",
    "transition_days": " (its running_in_days)",
    "transition_shape": " (its running_in_shape)",
    "transition_from": " (its running_in_from)",
    "uniform_standards": " (the dumbbell reform's uniform_standards multiplies it)",
}


def _dist(d: Mapping[str, Any]) -> str:
    """A distribution's fields in a line (times in hours)."""
    mean = d.get("mean_", d.get("mean"))
    rest = ", ".join(f"{k} {v}" for k, v in d.items() if k not in ("dist", "mean_", "mean"))
    return f"{d.get('dist')} mean {mean} h" + (f", {rest}" if rest else "")
