"""Smart sharing: data from partner customs, per partner origin, in the risk engine
(``[risk.partners.<origin>]``; the mechanism is :mod:`sim.model.sharing`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sim.reforms.fields import ports
from sim.reforms.reform import Changes, Param, Reform, ReformError


def origins_of(data: dict[str, Any]) -> list[str]:
    """Every origin the scenario's ports' traffic names, in order of first mention."""
    seen: dict[str, None] = {}
    for _, port in ports(data):
        seen.update(dict.fromkeys(port["traffic"].get("origins") or {"unspecified": 1.0}))
    return list(seen)


def named(
    data: dict[str, Any], where: str, given: Any, known: list[str], one: str = "origin"
) -> list[str]:
    """The names a reform's strength gives (``"all"``: every one ``known``), each one the
    scenario has; else a ReformError naming ``where`` (the reform and its strength), the bad
    name and what the scenario has."""
    names = known if given == "all" else list(given)
    for name in names:
        if name not in known:
            raise ReformError(
                f"reform {where}: unknown {one} {name!r}; the scenario "
                f"{data.get('name', '')!r} has: {', '.join(known)}"
            )
    return names


def _sharing(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    partners = named(data, "smart_sharing: partners", s["partners"], origins_of(data))
    have = data["risk"].get("partners") or {}
    out: Changes = {"risk.enabled": True}
    for o in partners:
        old = have.get(o) or {}
        delay = s["alert_delay_h"]
        if old.get("alert_delay") is not None:  # sharing never slows an existing channel
            delay = min(delay, _hours(old["alert_delay"]))
        out[f"risk.partners.{o}"] = {
            "coverage": max(s["uptake"], old.get("coverage", 0.0)),
            "auc_uplift": max(s["auc_uplift"], old.get("auc_uplift", 0.0)),
            "alert_rate": max(s["alerts_per_day"], old.get("alert_rate", 0.0)),
            "alert_delay": delay,
            "certificates": max(s["certificates"], old.get("certificates", 0.0)),
        }
    return out


def _hours(value: Any) -> float:
    from sim.scenario.distributions import hours

    return float(value) if isinstance(value, int | float) else float(hours(value))


REFORMS = [
    Reform(
        "smart_sharing",
        "data from partner customs on goods of their origins: better scores for the "
        "declarations it covers (a higher AUC), the partner's seizures as alerts here within "
        "hours, electronic certificates in place of a share of document checks",
        _sharing,
        (
            "seed paper: 'Smart Customs, Smart Borders, Smart Connectivity' (Smart Sharing)",
            "China: 38 of 41 regulatory certificates applied for online by 2020 "
            "(china-figures.md §3.4)",
            "assumption: uptake, auc_uplift, alerts_per_day, alert_delay_h, certificates "
            "(no published figure on partner data's effect on targeting was found)",
        ),
        {
            "partners": Param(
                "all", 'partner origins: a list (["asia", "europe"]) or "all"', kind="names"
            ),
            "uptake": Param(0.5, "share of partner-origin declarations the shared data covers"),
            "auc_uplift": Param(0.1, "added to each illicit type's AUC for covered ones", 0, 0.49),
            "alerts_per_day": Param(
                1.0, "partner seizures reported per day and partner origin", 0.0, 1000.0
            ),
            "alert_delay_h": Param(1.0, "hours from a partner's seizure to its alert here", 0, 720),
            "certificates": Param(
                0.5, "share of covered declarations' document checks done by e-certificate"
            ),
        },
        requires=("risk",),
    ),
]
