"""Parts of a scenario that act on nothing in it, and changes that can have no effect there:
told as notes, since a figure that does not move reads as "this makes no difference" when
the truth is "nothing used it"."""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from sim.lane_catalogue import PATHS
from sim.scenario.base import TRADER_CLASSES
from sim.scenario.call_pattern import pattern_notes
from sim.scenario.cost_notes import slips, unpriced_staff
from sim.scenario.enforcement import cut_samples
from sim.scenario.export_selection import idle_export_tables
from sim.scenario.org_notes import idle_heads, unpriced_heads
from sim.scenario.organisation import unused_alerts, unused_local_knowledge
from sim.scenario.partial_exam import partial_exam_notes
from sim.scenario.risk_idle import idle_risk
from sim.scenario.schedule import schedule_notes, unscheduled_fields
from sim.scenario.schema import Lane
from sim.scenario.unfound import unfound_types


def dormant(scenario: Any) -> dict[str, str]:
    """Field prefixes whose values act on nothing in ``scenario`` -> why."""
    out: dict[str, str] = {}
    risk = scenario.risk
    if risk is not None and not risk.enabled:
        out["risk."] = "the risk engine is off there (risk.enabled false)"
    elif risk is not None and scenario.organisation is not None:
        for field in ("delay", "scope"):
            out[f"risk.alert.{field}"] = (
                "alerts travel through the organisation's tree there: its hops and structure "
                "set when and where an alert arrives"
            )
    for name in _unused_routes(scenario):
        why = f"no smuggling group uses route {name!r}"
        if scenario.smuggling.routes[name].lane is None:
            out[f"smuggling.routes.{name}."] = why
        else:  # (its lane's members still cross, at its patrol's officers, in its hours)
            for field in ("cost", "perceived", "patrol.per_officer", "direction"):
                out[f"smuggling.routes.{name}.{field}"] = why
    for name, port in scenario.ports.items():
        exam = getattr(port, "exam", None)
        if exam is not None and exam.trader_attendance.share == 0:
            out[f"ports.{name}.exam.trader_attendance.delay"] = (
                f"no trader attends an examination at {name!r} "
                f"(ports.{name}.exam.trader_attendance.share is 0)"
            )
    audit = scenario.enforcement.audit if scenario.enforcement is not None else None
    if audit is not None and audit.targeting == "random":
        out["enforcement.audit.auc"] = (
            "the audit picks declarations at random there (enforcement.audit.targeting "
            "'random'): the AUC of its risk score counts only with targeting 'risk'"
        )
    if scenario.costs is None:
        out["enforcement.audit.staff"] = (
            "auditors count only in the cost of audit, and the scenario has no [costs] section"
        )
    for name in _never_statutory(scenario):
        why = (
            f"commodity {name!r} is never subject to statutory inspection (statutory 0), "
            "and only such goods get a quarantine check"
        )
        out[f"selection.quarantine.{name}"] = why
        for port in scenario.ports:
            out[f"ports.{port}.selection.quarantine.{name}"] = why
    out.update(unscheduled_fields(scenario))
    out.update(_idle_recordation(scenario))
    out.update(idle_export_tables(scenario))
    return out


def _idle_recordation(scenario: Any) -> dict[str, str]:
    """``enforcement.recordation`` and ``enforcement.ipr`` act only on counterfeits (declared,
    or a smuggling group's through a port); recordation's document and exam figures, and the
    IPR procedure's ex officio part (the holder's reply to customs' notice, the
    investigation), only on a share recorded."""
    e = scenario.enforcement
    if e is None:
        return {}
    groups = scenario.smuggling.groups.values() if scenario.smuggling is not None else []
    if not e.prevalence.get("counterfeit", 0) > 0 and all(
        g.illicit != "counterfeit" for g in groups
    ):
        why = ("no goods are counterfeit there (enforcement.prevalence.counterfeit is 0 and "
               "no smuggling group carries counterfeits): {} acts only on counterfeits")
        return {f"enforcement.{k}.": why.format(what)
                for k, what in (("recordation", "recordation"), ("ipr", "the IPR procedure"))}
    if e.recordation.share == 0:
        why = "no counterfeit is of a recorded brand there (enforcement.recordation.share is 0)"
        ex_officio = ("holder_confirms", "reply_days", "investigation_days", "decided_share",
                      "decided_days", "undecided_days")  # (recorded only)
        return {**{f"enforcement.recordation.{f}": why for f in ("document", "exam")},
                **{f"enforcement.ipr.{f}": why for f in ex_officio}}
    return {}


def idle_changes(scenario: Any, keys: Iterable[str]) -> str | None:
    """Why every field of ``keys`` (dotted paths) acts on nothing in ``scenario``, or None if
    one of them may act."""
    found = dormant(scenario)
    whys: list[str] = []
    keys = list(keys)
    for key in keys:
        hit = [why for prefix, why in found.items() if _under(key, prefix)]
        if not hit or key == "risk.enabled":
            return None
        whys.append(f"{key}: {hit[0]}")
    return "; ".join(whys) if whys else None


#: fields of a port's declaration that its exports section may set for the exports (then the
#: port's value acts on the imports only)
EXPORTS_OWN = ("advance_share", "advance_lead", "lodging_delay")


def shadowed(scenario: Any, keys: Iterable[str]) -> list[str]:
    """Why changes (dotted paths) to a port's declaration act on its imports only: the port's
    exports section sets that field for the exports (a change to an import value is left
    alone)."""
    out = []
    for key in keys:
        parts = key.split(".")
        if len(parts) < 4 or parts[0] != "ports" or parts[2] != "declaration":
            continue
        if parts[3] not in EXPORTS_OWN or parts[4:5] == ["import"]:
            continue
        port = scenario.ports.get(parts[1])
        exports = getattr(port, "exports", None)
        if exports is not None and getattr(exports, parts[3], None) is not None:
            out.append(
                f"{key} acts on the imports only: ports.{parts[1]}.exports.{parts[3]} sets "
                "the exports' own"
            )
    return out


#: a lane's path in a port (after ``ports.<port>.``) -> its key in ``costs.staff``
LANE_PATHS = PATHS


#: a lane's fields that give its number of servers
LANE_SIZES = ("capacity", "schedule", "shifts")


def unpriced(scenario: Any, keys: Iterable[str]) -> list[str]:
    """Changes to a lane's capacity or schedule that no price reaches (``costs.staff`` does
    not list the lane and, but for scanners, no equipment is priced): the cost figures then
    leave out what the added capacity costs (a terminal's bays, movers and gate, say); and
    a change of the audit's share without its staff (:func:`_audit_headcount`). Nothing
    without a ``[costs]`` section (no cost figures to mislead)."""
    costs = getattr(scenario, "costs", None)
    if costs is None:
        return []
    keys = list(keys)
    out = _audit_headcount(scenario, keys)
    for key in keys:
        parts = key.split(".")
        if "shifts" in parts[3:-1]:  # a shift's headcount: ...officers.shifts.night.servers
            parts = parts[: parts.index("shifts", 3) + 1]
        if len(parts) < 4 or parts[0] != "ports" or parts[-1] not in LANE_SIZES:
            continue
        lane = LANE_PATHS.get(".".join(parts[2:-1]))
        if lane is None or lane in costs.staff or (lane == "scanners" and costs.scanner):
            continue
        out.append(
            f"{key}: no price reaches this lane's capacity in scenario {scenario.name!r} "
            f"(costs.staff lists no {lane}: its servers are not the agencies'), so the cost "
            "figures leave out what the change costs; add it beside them"
        )
    return out


def _audit_headcount(scenario: Any, keys: list[str]) -> list[str]:
    """A change of what the post-clearance audit covers (``enforcement.audit.share``) that
    leaves its headcount (``enforcement.audit.staff``) as it is: the audit's cost is that
    headcount, so the cost figures give a larger share for nothing."""
    if "enforcement.audit.share" not in keys or any(
        k in ("enforcement", "enforcement.audit", "enforcement.audit.staff") for k in keys
    ):
        return []
    enforcement = getattr(scenario, "enforcement", None)
    staff = enforcement.audit.staff if enforcement is not None else 0
    return [
        f"enforcement.audit.share: the post-clearance audit's cost is its headcount "
        f"(enforcement.audit.staff: {staff:g} auditors in scenario {scenario.name!r}), which "
        "this option leaves as it is, so the cost figures give the changed share at the same "
        "cost; set enforcement.audit.staff beside it (audits_per_auditor_per_year is each "
        "auditor's workload)"
    ]


def unused_parts(scenario: Any) -> list[str]:
    """Why parts written into ``scenario`` act on nothing there, or keep goods for ever: the
    organisation's local knowledge without a risk engine, quarantine selection of goods never
    subject to statutory inspection, lanes never staffed, staffed lanes no price reaches,
    patrols on routes no group uses, dated reforms that change nothing at their date, a risk
    engine's refresh or alert delays as long as the run; laboratory samples larger than a
    consignment's units; illicit types carried that no check can find;
    distributions whose draws the limits cut below their stated mean; exports that carry
    their port's import mix; and time targets longer than the drain."""
    from sim.scenario.capped import capped_draws
    from sim.scenario.export_mix import shared_export_mix
    from sim.scenario.shift_fit import scans_unread

    out = capped_draws(scenario)  # (draws the limits cut: a distribution's mean not met)
    out += shared_export_mix(scenario)  # (no exports.traffic: the imports' goods go out)
    if scenario.timeline:
        from sim.reforms.timeline import idle_dated

        out += idle_dated(scenario)
    out += _unused_commodities(scenario)
    out += _idle_lanes(scenario)
    for idle in (unused_local_knowledge(scenario), unused_alerts(scenario)):
        if idle is not None:
            out.append(idle)
    for name in _never_statutory(scenario):
        if _quarantine_selected(scenario, name):
            out.append(
                f"selection.quarantine gives commodity {name!r} a quarantine check, but it is "
                "never subject to statutory inspection (statutory 0), and only such goods get "
                "one: the check never happens"
            )
    out += [
        f"{path} has no one on duty at any hour: goods sent there wait for ever and end the "
        "run censored, so their clearance is missing from the figures"
        for path in never_staffed(scenario)
    ]
    out += _shifts_and_slots(scenario)
    out += scans_unread(scenario)  # (scanners on duty when no image officer is)
    out += _unrun_tests(scenario)
    out += unpriced_staff(scenario)  # (a staffed lane [costs.staff] does not price)
    out += unpriced_heads(scenario)  # (organisation staff whose role has no price)
    out += idle_heads(scenario)  # (organisation staff with no modelled work)
    out += slips(scenario)  # ([costs] values that look like a slip of units or spelling)
    out += _idle_auditors(scenario)
    out += _smuggling_notes(scenario)
    out += idle_risk(scenario)  # (a refresh or an alert delay as long as the run)
    out += cut_samples(scenario)  # (a laboratory sample larger than some goods' units)
    out += unfound_types(scenario)  # (an illicit type carried that no check can find)
    out += partial_exam_notes(scenario)  # (boxes_opened below 1: exam time unchanged)
    out += schedule_notes(scenario)  # (a schedule leaving the warm-up or the end without calls)
    out += pattern_notes(scenario)  # (a call pattern with no slot in the observed days)
    from sim.scenario.call_share import share_notes

    out += share_notes(scenario)  # (a call pattern's share its boxes do not bring)
    from sim.scenario.target_drain import targets_past_drain

    out += targets_past_drain(scenario)  # (a time target longer than the drain)
    return out


def _idle_auditors(scenario: Any) -> list[str]:
    """Post-clearance auditors who change nothing: without ``[costs]`` (they count only in
    the cost of audit), or paid while the audit finds nothing (no share audited, or no
    type its ``finds`` finds): their cost then buys no revenue."""
    audit = scenario.enforcement.audit if scenario.enforcement is not None else None
    if audit is None or audit.staff <= 0:
        return []
    heads = f"enforcement.audit.staff ({audit.staff:g} auditors)"
    if scenario.costs is None:
        return [f"{heads} counts only in the cost of audit, and the scenario has no [costs] "
                "section: it changes nothing"]
    if audit.share > 0 and any(v > 0 for v in audit.finds.values()):
        return []
    why = ("enforcement.audit.share is 0" if audit.share <= 0
           else "enforcement.audit.finds finds no illicit type")
    return [f"{heads} is paid (audit_staff_cost_per_year) but the audit finds nothing "
            f"({why}): its cost buys no revenue; set both, or neither"]


def _shifts_and_slots(scenario: Any) -> list[str]:
    """Exam slots booked when no team is on duty, and teams on duty when none can be
    booked."""
    out = [
        f"ports.{name}.exam.slots books examinations {hours} when no exam team is on duty "
        f"(ports.{name}.exam.teams): goods booked then wait in the yard for the next shift"
        for name, hours in slots_off_duty(scenario)
    ]
    return out + [
        f"ports.{name}.exam.teams puts exam teams on duty {hours} when no examination can be "
        f"booked (ports.{name}.exam.slots): they only examine boxes booked earlier and late "
        "traders'; extend exam.slots.day_end or day_start to give them work"
        for name, hours in teams_without_slots(scenario)
    ]


def _smuggling_notes(scenario: Any) -> list[str]:
    """Patrols on routes no smuggling group uses, and groups that never have an
    opportunity."""
    out = []
    smuggling = scenario.smuggling
    for name in _unused_routes(scenario):
        patrol = smuggling.routes[name].patrol
        if patrol is not None and max(patrol.weekly()) > 0:
            out.append(
                f"smuggling.routes.{name} has a patrol, but no smuggling group uses the route: "
                "it interdicts nothing (its staff still count in the costs"
                + ("; its officers still serve the lane's members)"
                   if smuggling.routes[name].lane is not None else ")")
            )
    for name, group in (smuggling.groups.items() if smuggling is not None else ()):
        if group.rate == 0:
            out.append(
                f"smuggling.groups.{name} has a rate of 0: it never has an opportunity, so "
                "it never smuggles and its routes see nothing of it"
            )
    return out


def _unrun_tests(scenario: Any) -> list[str]:
    """Laboratory tests priced in ``costs.checks.lab_tests`` that no laboratory runs (a
    shared cost table may price more than one scenario runs; a typo prices nothing)."""
    if scenario.costs is None:
        return []
    runs = {"standard"}
    for port in scenario.ports.values():
        lab = port.quarantine.lab if port.quarantine is not None else None
        runs |= set(lab.tests) if lab is not None else set()
    return [
        f"costs.checks.lab_tests prices a test {test!r} that no laboratory here runs "
        f"(they run: {', '.join(sorted(runs))}): it prices nothing"
        for test in scenario.costs.checks.lab_tests if test not in runs
    ]


def slots_off_duty(scenario: Any) -> list[tuple[str, str]]:
    """Ports whose exam appointment slots open in hours when no exam team is on duty, each
    with those hours (``at 18:00-20:00`` when every slot day has them, else a count)."""
    out = []
    for name, port in scenario.ports.items():
        exam = getattr(port, "exam", None)
        if exam is None or exam.slots.every == 0:
            continue
        teams = exam.teams.hourly_capacity()
        if teams is None:
            continue
        slots = exam.slots
        first, last = math.floor(slots.day_start), math.ceil(slots.day_end)
        off = [
            (day, h)
            for day in slots.weekdays
            for h in range(first, min(last, 24))
            if teams[(day - 1) * 24 + h] == 0
        ]
        if off:
            out.append((name, _hours_words(off, len(slots.weekdays))))
    return out


def _hours_words(off: list[tuple[int, int]], days: int) -> str:
    """(day, hour) pairs in words: ``at 18:00-20:00`` when they are one stretch of hours on
    each of ``days`` days, else a count of the week's hours."""
    daily = sorted({h for _, h in off})
    if len(off) == len(daily) * days and daily == list(range(daily[0], daily[-1] + 1)):
        return f"at {daily[0]:02d}:00-{daily[-1] + 1:02d}:00"
    return f"in {len(off)} hour(s) of the week"


#: hours after the appointment window in which teams still finish its last examinations
FINISH_H = 1


def teams_without_slots(scenario: Any) -> list[tuple[str, str]]:
    """Ports whose exam teams are scheduled on duty in hours when no examination can be
    booked (outside the appointment slots' window, or on a day without slots, leaving
    :data:`FINISH_H` after the window to finish its last examinations), each with those hours:
    such a shift examines only boxes booked earlier (and late traders'), so extending it
    past the slots changes little. Teams with a constant capacity are no shift: left out."""
    out = []
    for name, port in scenario.ports.items():
        exam = getattr(port, "exam", None)
        if exam is None or (exam.teams.schedule is None and exam.teams.shifts is None):
            continue
        teams = exam.teams.hourly_capacity()
        if teams is None:
            continue
        slots = exam.slots
        first, last = math.floor(slots.day_start), math.ceil(slots.day_end) + FINISH_H
        days = slots.weekdays
        bookable = {((day - 1) * 24 + h) % 168 for day in days for h in range(first, last)}
        off = [(w // 24 + 1, w % 24) for w in range(168) if teams[w] > 0 and w not in bookable]
        if off:
            days = len({d for d, _ in off})
            words = _hours_words(off, days)
            out.append((name, words + (f" on {days} day(s) a week" if days < 7 and
                                       words.startswith("at") else "")))  # fmt: skip
    return out


def _unused_commodities(scenario: Any) -> list[str]:
    """A note per commodity no consignment can be of: in no port's traffic mix, declared by
    no smuggling group (a misspelt name in a child file, ``[commodities.genral]``, say)."""
    used = {c for port in scenario.ports.values()
            for t in (port.traffic, port.export_traffic) for c in t.commodities}
    if scenario.smuggling is not None:
        used |= {g.commodity for g in scenario.smuggling.groups.values()}
    out = []
    for name in scenario.commodities:
        if name in used:
            continue
        near = difflib.get_close_matches(name, sorted(used), n=1, cutoff=0.75)
        out.append(
            f"commodities.{name} is in no port's traffic mix and no smuggling group declares "
            "its goods as it: no consignment is of it"
            + (f" (did you mean {near[0]!r}?)" if near else "")
        )
    return out


def never_staffed(scenario: Any) -> list[str]:
    """The dotted paths of the lanes of ``scenario``'s ports with no server at any hour of
    the week (a capacity of 0, or a schedule of zeros)."""
    out: list[str] = []
    for name, port in scenario.ports.items():
        _lanes(port, f"ports.{name}", out)
    return out


def _lanes(node: Any, path: str, out: list[str]) -> None:
    if isinstance(node, Lane):
        hours = node.hourly_capacity()
        if hours is not None and max(hours) == 0:
            out.append(path)
        return
    if isinstance(node, BaseModel):
        for field in type(node).model_fields:
            _lanes(getattr(node, field), f"{path}.{field}", out)


def _under(key: str, prefix: str) -> bool:
    """``key`` is the field ``prefix`` or inside it (a prefix ending in "." names a section)."""
    if prefix.endswith("."):
        return key.startswith(prefix)
    return key == prefix or key.startswith(prefix + ".")


def _unused_routes(scenario: Any) -> list[str]:
    smuggling = scenario.smuggling
    if smuggling is None:
        return []
    used = {r for g in smuggling.groups.values() for r in g.routes}
    return [name for name in smuggling.routes if name not in used]


def _idle_lanes(scenario: Any) -> list[str]:
    """A note per lane no consignment is ever sent to: officer review where no class is sent
    to review, a document check or scanners that the selection tables never select (when
    they decide: no risk engine on)."""
    out = []
    classes = TRADER_CLASSES
    if not any(scenario.declaration.review(k) > 0 for k in classes):
        out += [
            f"ports.{name}.review: no declaration is sent to officer review "
            "(declaration.review_share is 0 for every class), so its officers never work"
            for name, port in scenario.ports.items()
            if port.review is not None
        ]
    if scenario.risk is not None and scenario.risk.enabled:
        return out
    for name, port in scenario.ports.items():
        for check, lane in (("document", "document_check"), ("scan", "scan")):
            if getattr(port, lane) is None:
                continue
            if not any(
                scenario.probability(check, c, k, name, d) > 0
                for c in scenario.commodities
                for k in classes
                for d in ("import", "export")  # (exports may have tables of their own)
            ):
                out.append(
                    f"ports.{name}.{lane}: the selection tables send no goods there "
                    f"(selection.{check} is 0 for every commodity and class at {name}), so "
                    "it never works"
                )
    return out


def _never_statutory(scenario: Any) -> list[str]:
    return [name for name, c in scenario.commodities.items() if c.statutory <= 0]


def _quarantine_selected(scenario: Any, commodity: str) -> bool:
    ports = [None, *scenario.ports]
    return any(
        scenario.probability("quarantine", commodity, k, port, d) > 0
        for port in ports
        for k in TRADER_CLASSES
        for d in ("import", "export")
    )
