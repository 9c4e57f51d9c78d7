"""What a run's selection makes of China's credit rules, where the selection tables decide.

The risk engine holds the rules (a floor for discredited traders, a cap on advanced AEO
traders' rate as a share of ordinary traders'); the static selection tables hold none, so a
table fitted elsewhere can leave a class on the wrong side of a rule without a word. These
notes say so, from the means over a run's replications; where the engine decides, they
explain a cap its measured rates seem to overstep.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from sim.scenario.risk import RiskConfig

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

#: China's credit rules as the risk engine's defaults (GACC Order 237, in force in 2019; Order
#: 251 kept them from November 2021; published 2019 rates:
#: discredited 84.76 %, advanced AEO 0.57 %: english.www.gov.cn, 2020-06-03)
_RULES = RiskConfig.model_fields
FLOOR = float(_RULES["floors"].get_default(call_default_factory=True)["discredited"])
CAP = float(_RULES["caps"].get_default(call_default_factory=True)["aeo_advanced"])


def credit_rules(
    means: Mapping[str, float], caps: Mapping[str, float] | None = None, directed: bool = False
) -> dict[str, str]:
    """By rule (``floor``, ``cap_<class>``), a note for each credit rule a run's selection
    tables break. Where the risk engine decides (its runs carry ``risk_auc`` figures) it
    holds the rules itself; a cap it seems to overstep is explained (:func:`_engine_cap`).
    ``caps``: the engine's caps as its scenario sets them (:func:`engine_caps`; default
    China's). ``directed``: the scenario's exports have selection tables of their own
    (:func:`sim.scenario.export_selection.has_export_tables`); the rules apply to each
    declaration whatever its direction, so each direction is checked apart (a pooled rate
    can hide one direction's breach behind the other's), by
    :func:`sim.model.credit_directions.direction_rules`."""
    if any(k.startswith("risk_auc") for k in means):
        return _engine_caps(means, {"aeo_advanced": CAP} if caps is None else caps)
    if directed:
        from sim.model.credit_directions import direction_rules

        return direction_rules(means)
    out: dict[str, str] = {}
    low = _rate(means, "discredited")
    if low is not None and low == low and low < FLOOR:
        out["floor"] = (
            f"the selection tables inspect {low:.1%} of discredited traders' declarations, "
            f"below the {pct(FLOOR)} floor of China's credit rules (2019: 84.76 %): the "
            "tables apply no credit rules; raise their discredited rates (selection.<check>."
            "<commodity>.discredited), or let the risk engine decide ([risk] enabled = "
            "true), which holds the floor"
        )
    aeo, general = _rate(means, "aeo_advanced"), _rate(means, "general")
    if aeo is not None and general is not None and general > 0 and aeo > CAP * general:
        out["cap_aeo_advanced"] = (
            f"the selection tables inspect advanced AEO traders at {aeo:.2%}, "
            f"{aeo / general:.1%} of ordinary traders' {general:.1%}, above the {pct(CAP)} "
            "cap of China's credit rules (2019: 0.57 % for advanced AEO traders): the tables "
            "apply no credit rules; lower their aeo_advanced rates, or let the risk engine "
            "decide"
        )
    return out


def engine_caps(scenario: Scenario) -> dict[str, float] | None:
    """The caps a scenario's risk engine holds (class -> a fraction of ordinary traders'
    rate); None without an engine (the tables: China's rules are the reference)."""
    risk = scenario.risk
    return dict(risk.caps) if risk is not None and risk.enabled else None


def pct(x: float) -> str:
    """A share as a percentage with the digits it needs (0.2 -> '20%', 0.125 -> '12.5%')."""
    return f"{100 * x:.4g}%"


def _rate(means: Mapping[str, float], cls: str) -> float | None:
    """A class's inspection rate, of goods declarations where a post hub runs beside goods
    ports (it scans nearly every parcel, and the rules are of goods declarations)."""
    return means.get(f"inspection_rate_{cls}_goods", means.get(f"inspection_rate_{cls}"))


def _engine_caps(means: Mapping[str, float], caps: Mapping[str, float]) -> dict[str, str]:
    """Each capped class's rate above its cap times ordinary traders' rate, as a run
    measures them: said, with why (see :mod:`sim.model.risk_rules`), so that it is not read
    as a breach."""
    general = _rate(means, "general")
    out: dict[str, str] = {}
    for cls, cap in caps.items():
        rate = _rate(means, cls)
        if rate is None or general is None or not general > 0 or not rate > cap * general:
            continue
        out[f"cap_{cls}"] = (
            f"the risk engine inspects {_CLASS.get(cls, cls)} at {rate:.2%}, "
            f"{rate / general:.1%} of ordinary traders' {general:.1%} over the observed days, "
            f"above the {pct(cap)} cap it holds (risk.caps.{cls}): it holds the cap against "
            "ordinary traders' rate of the time at each port (its recent decisions, warm-up "
            "included) and may bank two inspections a port, so a short run with few such "
            "declarations can show it above; a longer run shrinks the gap"
        )
    return out


_CLASS = {"aeo_advanced": "advanced AEO traders", "aeo_general": "general AEO traders",
          "discredited": "discredited traders"}  # fmt: skip
