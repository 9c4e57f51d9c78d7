"""Shocks to test reforms against: an e-commerce surge, an epidemic, smuggling pressure, an
outbreak abroad.

Added traffic comes from streams of its own (``arrivals.extra``), so the baseline's
consignments keep their identity and their draws.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sim.reforms.fields import at, ports, table_scaled
from sim.reforms.imports_only import exports_keep
from sim.reforms.prevalence_room import refuse_overflow
from sim.reforms.reform import Changes, Param, Reform
from sim.reforms.sharing import named, origins_of
from sim.scenario.base import ILLICIT


def _surge(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    fields: dict[str, Any] = {"extra": s["extra"]}
    if s["from_day"] > 0 or s["days"] > 0:  # a peak placed in time (else the whole run)
        fields["extra_from"] = f"{s['from_day']:g} d"
        if s["days"] > 0:
            fields["extra_for"] = f"{s['days']:g} d"
    out: Changes = {}
    for name, port in ports(data, "post"):
        flows = ["arrivals"] + (["exports.arrivals"] if at(port, "exports.arrivals") else [])
        for flow in flows:
            out.update({f"ports.{name}.{flow}.{k}": v for k, v in fields.items()})
    return out


def _epidemic(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    if not any(port.get("quarantine") is not None for _, port in ports(data)):
        return {}  # (no quarantine checks to intensify)
    table = dict((data.get("selection") or {}).get("quarantine") or {})
    table = table_scaled(table, s["intensity"])
    table[s["cold_chain"]] = {"*": 1.0}  # every frozen consignment checked and tested
    out: Changes = {"selection.quarantine": table, **exports_keep(data, "quarantine")}
    for name, port in ports(data):
        q = port.get("quarantine")
        if q is not None and q.get("lab") is not None:
            out[f"ports.{name}.quarantine.sample_share"] = max(q["sample_share"], s["sampling"])
    return out


def _smuggling(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    return refuse_overflow("smuggling_pressure", "factor", _more_smuggling, data, s)


def _more_smuggling(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    prevalence = data["enforcement"]["prevalence"]
    out: Changes = {"enforcement.prevalence": {k: v * s["factor"] for k, v in prevalence.items()}}
    groups = (data.get("smuggling") or {}).get("groups") or {}
    for name, group in groups.items():  # adaptive smuggling groups: more opportunities
        out[f"smuggling.groups.{name}.rate"] = group["rate"] * s["factor"]
    return out


def _outbreak(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    return refuse_overflow("outbreak", "factor", _stricken, data, s)


def _stricken(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    """One illicit type's prevalence multiplier of the stricken origins times ``factor``
    (``enforcement.by_origin``): dated, it changes the hidden truth of the consignments of
    those origins assessed from its date on, and nothing else."""
    stricken = named(data, "outbreak: origins", s["origins"], origins_of(data))
    have = data["enforcement"].get("by_origin") or {}
    kind = s["kind"]
    out: Changes = {}
    for o in stricken:
        table = dict(have.get(o) or {})
        table[kind] = float(table.get(kind, 1.0)) * s["factor"]
        out[f"enforcement.by_origin.{o}"] = table
    return out


def _none_carried(data: dict[str, Any], s: Mapping[str, Any]) -> str:
    """An outbreak multiplies one illicit type's prevalence: where the scenario's goods
    carry none of that type, a multiple of none is none, and no consignment changes."""
    kind = s["kind"]
    if float((at(data, "enforcement.prevalence") or {}).get(kind, 0.0)) > 0:
        return ""
    return (
        f"the scenario's goods carry no {kind} (enforcement.prevalence.{kind} is 0), so "
        "more of it in the stricken origins' goods is still none"
    )


SHOCKS = [
    Reform(
        "ecommerce_surge",
        "extra parcels at the post hubs, imports and (where a hub has them) exports alike, "
        "from streams of their own (the baseline's parcels keep their draws)",
        _surge,
        (
            "assumption: extra, the added parcels as a multiple of today's",
            "a peak day: Singles' Day 2017 brought 16.2 million orders on 11 Nov against 660 "
            "million CBEC lists in the year, 1.81 million a day, so extra = 8 for one day "
            "(days = 1) gives its nine times the day's parcels "
            "(china-figures.md §3.8)",
            "assumption: from_day, the surge's first day (the study's to choose)",
        ),
        {
            "extra": Param(1.0, "added arrivals as a multiple of today's rate", 0.0, 20.0),
            "from_day": Param(
                0.0, "day of the run the surge starts, counted from the warm-up's first "
                "(arrivals.extra_from; 0 with days 0: the whole run)", 0.0, 365.0),
            "days": Param(
                0.0, "days the surge lasts (arrivals.extra_for; 0: until arrivals stop)",
                0.0, 365.0),
        },
    ),
    Reform(
        "epidemic",
        "imports' quarantine selection more intense, every imported cold-chain (frozen) "
        "consignment checked and sampled (laboratory tests of frozen food); exports keep "
        "their quarantine selection (export_selection.quarantine holds what they had; with "
        "the risk engine on, whose tables have no direction, exports are checked more too); the "
        "raised sample share applies to every quarantine check, exports' included",
        _epidemic,
        (
            "assumption: 2020-22 Covid cold-chain testing of frozen food (no figure in the "
            "research notes)",
            "assumption: intensity and sampling",
        ),
        {
            "intensity": Param(2.0, "factor on quarantine selection probabilities", 1.0, 100.0),
            "sampling": Param(0.8, "share of quarantine checks that take a lab sample (at least)"),
            "cold_chain": Param("frozen", "the commodity group tested", None, None, ("frozen",)),
        },
    ),
    Reform(
        "smuggling_pressure",
        "more illicit attempts: every illicit type's prevalence times a factor (the same "
        "consignments, more of them carry illicit goods) and, with [smuggling], the groups' "
        "opportunities times the same factor (their attempts come from their own streams)",
        _smuggling,
        ("assumption: factor",),
        {
            "factor": Param(
                1.3,
                "factor on every illicit type's prevalence (refused when it makes some group's "
                "illicit shares add up to more than 1)",
                0.0,
                50.0,
            )
        },
    ),
    Reform(
        "outbreak",
        "an outbreak abroad (African swine fever, say): one illicit type's prevalence in the "
        "goods of the stricken origins times a factor (enforcement.by_origin), the same "
        "consignments, more of them carry it; dated (outbreak@10d, or in the timeline), only "
        "those assessed from its date on; the origin's exports, where the scenario has them, "
        "alike",
        _outbreak,
        ("assumption: origins, kind and factor (what the outbreak does to the goods shipped)",),
        {
            "origins": Param(
                "all", 'stricken origins: a list (["europe"]) or "all"', kind="names"
            ),
            "kind": Param(
                "frozen", "the illicit type it raises", None, None, ILLICIT
            ),
            "factor": Param(
                2.0,
                "factor on that type's prevalence in their goods (refused when it makes some "
                "group's illicit shares add up to more than 1)",
                0.0,
                50.0,
            ),
        },
        idle=_none_carried,
    ),
]
