"""How far a change of the quarantine sampling plan could reach in a comparison: an option
that changes ``enforcement.sampling`` acts only on the infested consignments a quarantine
check sampled for the laboratory, so when its figures are the baseline's to the last digit
the reason to give is how few were sampled (``pest_sampled_share_<commodity>``), not that it
has no effect. The share is the baseline's, over its replications: the infested consignments
sampled over those that arrived (a commodity's, or all commodities' together)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from sim.experiment.options import BASELINE, Option

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

#: the settings of the sampling plan (the scenario-wide ones and ``by_commodity``)
SAMPLING = "enforcement.sampling"
_BY = f"{SAMPLING}.by_commodity"


def plan_commodities(overrides: Mapping[str, Any]) -> list[str] | None:
    """The commodities whose sampling plan ``overrides`` change: ``[]`` for the
    scenario-wide plan (every commodity), None when they leave the plan alone."""
    named: list[str] = []
    wide = False
    for key, value in overrides.items():
        if key == _BY and isinstance(value, Mapping):
            named += [str(c) for c in value]
        elif key.startswith(_BY + "."):
            named.append(key.removeprefix(_BY + ".").split(".")[0])
        elif key == SAMPLING or key.startswith(SAMPLING + "."):
            wide = True
    if wide or not named:
        return [] if wide else None
    return list(dict.fromkeys(named))


def sampled_share(baseline: pd.DataFrame, commodities: Sequence[str]) -> float:
    """The share of infested consignments the baseline sampled, over its replications
    (``commodities`` empty: all of them); NaN when none arrived."""
    prefix = "pest_consignments_"
    names = list(commodities) or [c.removeprefix(prefix) for c in baseline.columns
                                  if c.startswith(prefix)]
    arrived = sampled = 0.0
    for c in names:
        n = baseline.get(f"{prefix}{c}")
        share = baseline.get(f"pest_sampled_share_{c}")
        if n is None or share is None:
            continue
        n, share = n.astype(float), share.astype(float)
        held = n > 0  # (a share is NaN where none arrived)
        arrived += float(n[held].sum())
        sampled += float((n[held] * share[held]).sum())
    return sampled / arrived if arrived else math.nan


def plan_reach(per_rep: pd.DataFrame, opts: Sequence[Option],
               identical: Sequence[str]) -> dict[str, list[Any]]:
    """Each option of ``identical`` (figures the baseline's to the last digit) that changes
    the sampling plan -> [its commodity, or "" for all; the baseline's share of infested
    consignments sampled]: where infested consignments arrived."""
    base = per_rep[per_rep["option"] == BASELINE]
    out: dict[str, list[Any]] = {}
    for o in opts:
        commodities = plan_commodities(o.overrides) if o.name in identical else None
        if commodities is None:
            continue
        share = sampled_share(base, commodities)
        if not math.isnan(share):
            out[o.name] = [commodities[0] if len(commodities) == 1 else "", share]
    return out


def reach_words(commodity: str, share: float) -> str:
    """The clause of the identical-figures note: how few infested consignments were
    sampled, and what to raise to see the plan act."""
    whose = f"{commodity} " if commodity else ""
    metric = f"pest_sampled_share_{commodity or '<commodity>'}"
    selection = f"selection.quarantine.{commodity or '<commodity>'}"
    return (f"; the sampling plan changed, but only {100 * share:.0f} % of infested {whose}"
            f"consignments are sampled ({metric}): raise the quarantine check's selection "
            f"({selection}) or its share sampled (ports.<port>.quarantine.sample_share) to "
            "see it")


def changed_plan(baseline: Scenario, option: Scenario) -> list[str] | None:
    """:func:`plan_commodities` read off two scenarios rather than an option's overrides
    (the workshop page has the scenarios): ``[]`` where the scenario-wide plan differs, the
    commodities whose own plans differ, None where the plans are the same."""
    from sim.scenario.enforcement import CommodityPlan

    a, b = baseline.enforcement.sampling, option.enforcement.sampling
    if a == b:
        return None
    if a.model_copy(update={"by_commodity": {}}) != b.model_copy(update={"by_commodity": {}}):
        return []
    none = CommodityPlan()
    named = [c for c in dict.fromkeys([*a.by_commodity, *b.by_commodity])
             if a.by_commodity.get(c, none) != b.by_commodity.get(c, none)]  # fmt: skip
    return named or None


def page_reach(baseline: Scenario, option: Scenario,
               rows: Sequence[Mapping[str, float]]) -> str:
    """The workshop page's sampling clause (:func:`reach_words`) for an option whose
    figures are the baseline's, from the baseline's replications' metrics (``rows``); empty
    where the option leaves the plan alone or no infested consignment arrived."""
    commodities = changed_plan(baseline, option)
    if commodities is None or not rows:
        return ""
    share = sampled_share(pd.DataFrame(list(rows)), commodities)
    if math.isnan(share):
        return ""
    return reach_words(commodities[0] if len(commodities) == 1 else "", share)
