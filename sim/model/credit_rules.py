"""What a run's selection makes of China's credit rules, where the selection tables decide.

The risk engine holds the rules (a floor for discredited traders, a cap on advanced AEO
traders' rate as a share of ordinary traders'); the static selection tables hold none, so a
table fitted elsewhere can leave a class on the wrong side of a rule without a word. These
notes say so, from the means over a run's replications; where the engine decides, they
explain a cap its measured rates seem to overstep.
"""

from __future__ import annotations

from collections.abc import Mapping

from sim.scenario.risk import RiskConfig

#: China's credit rules as the risk engine's defaults (GAC Order 251; published 2019 rates:
#: discredited 84.76 %, advanced AEO 0.57 %: english.www.gov.cn, 2020-06-03)
_RULES = RiskConfig.model_fields
FLOOR = float(_RULES["floors"].get_default(call_default_factory=True)["discredited"])
CAP = float(_RULES["caps"].get_default(call_default_factory=True)["aeo_advanced"])


def credit_rules(means: Mapping[str, float]) -> dict[str, str]:
    """By rule (``floor``, ``cap``), a note for each credit rule a run's selection tables
    break. Where the risk engine decides (its runs carry ``risk_auc`` figures) it holds the
    rules itself; a cap it seems to overstep is explained (:func:`_engine_cap`)."""
    if any(k.startswith("risk_auc") for k in means):
        return _engine_cap(means)
    out: dict[str, str] = {}
    low = _rate(means, "discredited")
    if low is not None and low == low and low < FLOOR:
        out["floor"] = (
            f"the selection tables inspect {low:.0%} of discredited traders' declarations, "
            f"below the {FLOOR:.0%} floor of China's credit rules (2019: 84.76 %): the tables "
            "apply no credit rules; raise their discredited rates (selection.<check>.<"
            "commodity>.discredited), or let the risk engine decide ([risk] enabled = true), "
            "which holds the floor"
        )
    aeo, general = _rate(means, "aeo_advanced"), _rate(means, "general")
    if aeo is not None and general is not None and general > 0 and aeo > CAP * general:
        out["cap"] = (
            f"the selection tables inspect advanced AEO traders at {aeo:.2%}, "
            f"{aeo / general:.0%} of ordinary traders' {general:.1%}, above the {CAP:.0%} cap "
            "of China's credit rules (2019: 0.57 % for advanced AEO traders): the tables "
            "apply no credit rules; "
            "lower their aeo_advanced rates, or let the risk engine decide"
        )
    return out


def _rate(means: Mapping[str, float], cls: str) -> float | None:
    """A class's inspection rate, of goods declarations where a post hub runs beside goods
    ports (it scans nearly every parcel, and the rules are of goods declarations)."""
    return means.get(f"inspection_rate_{cls}_goods", means.get(f"inspection_rate_{cls}"))


def _engine_cap(means: Mapping[str, float]) -> dict[str, str]:
    """The risk engine's advanced AEO rate above the cap times ordinary traders' rate, as a
    run measures them: said, with why (see :mod:`sim.model.risk_rules`), so that it is not
    read as a breach."""
    aeo, general = _rate(means, "aeo_advanced"), _rate(means, "general")
    if aeo is None or general is None or not general > 0 or not aeo > CAP * general:
        return {}
    return {
        "cap": (
            f"the risk engine inspects advanced AEO traders at {aeo:.2%}, {aeo / general:.0%} "
            f"of ordinary traders' {general:.1%} over the observed days, above the {CAP:.0%} "
            "cap it holds: it holds the cap against ordinary traders' rate of the time at "
            "each port (its recent decisions, warm-up included) and may bank two inspections "
            "a port, so a short run with few such declarations can show it above; a longer "
            "run shrinks the gap"
        )
    }
