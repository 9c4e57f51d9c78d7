"""A green lane (绿色通道) for perishables: fresh fruit, vegetables and frozen goods go first
at inspection and at the laboratory (``ports.<port>.green_lane``; the rule at work:
:mod:`sim.model.green_lane`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sim.reforms.fields import at, ports
from sim.reforms.reform import Changes, MissingSection, Param, Reform
from sim.reforms.sharing import named


def perishables(data: dict[str, Any]) -> list[str]:
    """The commodities a scenario marks perishable: a shelf life (``spoils_after``) or a
    port's cold-chain measures (``quarantine.cold_chain.commodities``), in its order."""
    marked = {c for c, spec in data["commodities"].items()
              if (spec or {}).get("spoils_after") is not None}
    for _, port in ports(data):
        marked |= set(at(port, "quarantine.cold_chain.commodities") or ())
    return [c for c in data["commodities"] if c in marked]


def _carried(port: dict[str, Any]) -> set[str]:
    """The commodities a port's traffic carries, imports or exports (a share above 0)."""
    mixes = [at(port, "traffic.commodities"), at(port, "exports.traffic.commodities")]
    return {c for mix in mixes if mix for c, share in mix.items() if share > 0}


def _covered(data: dict[str, Any], given: Any) -> list[str]:
    """The commodities covered: those given, else the scenario's perishables (a
    MissingSection saying what to give when it marks none)."""
    if given is not None:
        return named(data, "green_lane: commodities", given, list(data["commodities"]),
                     "commodity")
    found = perishables(data)
    if not found:
        raise MissingSection(
            f"reform green_lane: the scenario {data.get('name', '')!r} marks no perishable "
            "commodity (commodities.<c>.spoils_after, or a port's quarantine.cold_chain); "
            'name those the lane covers, e.g. green_lane:commodities=["frozen"]; it has: '
            + ", ".join(data["commodities"]))
    return found


def _green(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    """``ports.<port>.green_lane`` at the ports named (default: the land crossings, or every
    port of a scenario without one) that examine or sample and carry covered goods."""
    covered = _covered(data, s["commodities"])
    every = [name for name, _ in ports(data)]
    if s["ports"] is None:
        where = [name for name, _ in ports(data, "land")] or every
    else:
        where = named(data, "green_lane: ports", s["ports"], every, "port")
    out: Changes = {}
    for name in where:
        port = data["ports"][name]
        lane = [c for c in covered if c in _carried(port)]
        queues = port.get("exam") is not None or at(port, "quarantine.lab") is not None
        if lane and queues:  # (a port without the goods or the queues: nothing to change)
            out[f"ports.{name}.green_lane"] = lane
    return out


GREEN_LANE = [
    Reform(
        "green_lane",
        "a green lane (绿色通道) for perishables: the covered commodities' consignments go "
        "first in the two queues that keep a priority, the exam yard's (bays, exam teams, "
        "quarantine officers and movers, as AEO examinations with exam.aeo_priority) and "
        "the laboratory's batches (ahead of every other sample of the same test); it does "
        "not model a lane of their own, fewer checks or a faster check, nor priority at "
        "the review, the documentary check, the scan or the cold-chain teams, whose "
        "queues keep their order (sim/model/green_lane.py)",
        _green,
        ("assumption: the practice of China's land crossings (fast clearance of fresh fruit, "
         "vegetables and frozen goods) as described by the trucking company asking; no "
         "published source on green lanes is in docs/research/, and what goes first, and "
         "where, is this model's reading",),
        {
            "commodities": Param(
                None, 'commodities covered: a list (["frozen"]) or "all" (none: the '
                "scenario's perishables, those with spoils_after or under a cold chain; "
                "required where it marks none)", kind="names",
            ),
            "ports": Param(
                None, 'ports with the lane: a list or "all" (none: every land crossing, or '
                "every port of a scenario without one)", kind="names",
            ),
        },
        acts_on="an exam yard or a laboratory at a port whose traffic carries covered goods",
    ),
]
