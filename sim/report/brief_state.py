"""The brief's line on what the state's cost leaves out when a scenario prices no scanner and
no standing post at any port (the Guangdong scenarios): its agencies' cost is then the lanes'
staff, the organisation's heads, laboratories and checks only. A provincial planner asked what
the state pays for staff, scanners and posts would otherwise read the partial figure as whole,
and a reform's unchanged agency cost as a finding about scanners and posts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: the brief's line for a scenario with costs but no scanner and no post priced
STATE = ("The state's cost: this scenario prices no scanner and no standing post at any port "
         "(no port has a scan lane, costs.posts is empty): the agencies' cost counts the lanes' "
         "staff, the organisation's heads, laboratories and checks only, so what the state "
         "pays here is partial; give ports scan sections and costs.posts to count them")

STATE_ZH = ("政府成本：本情景未对任何口岸的机检设备和固定岗位定价（没有口岸设有机检作业线，"
            "costs.posts 为空）：政府部门成本只计作业线人员、海关组织人员、实验室和检查费用，"
            "因此本情景中政府支付的成本并不完整；如需计入，请为口岸设置 scan 部分并给出 "
            "costs.posts")


def partial(scenario: Mapping[str, Any]) -> bool:
    """Whether a scenario (as dumped) has costs but prices no scanner (no port with a scan
    lane) and no standing post (``costs.posts`` empty)."""
    costs = scenario.get("costs")
    if not costs:
        return False
    ports = scenario.get("ports") or {}
    return not costs.get("posts") and not any((p or {}).get("scan") for p in ports.values())


def state_partial(variants: Mapping[str, Any]) -> bool:
    """Whether the scenario of a results folder's ``variants`` (the first: the baseline)
    prices no scanner and no post (:func:`partial`)."""
    first = next(iter(variants.values()), None)
    return first is not None and partial(first.scenario)


def text(en: str) -> str | None:
    """The Chinese of :data:`STATE`, or None for another line."""
    return STATE_ZH if en == STATE else None
