"""Each reform's default set-up (one-off) and running (yearly) cost for an appraisal.

A reform's ``setup_cost`` and ``cost_per_year`` default to 0 in the run (costs of reforms enter
the appraisal, not the simulation: a run's results never change with them). This table gives
``bordersim appraise`` a default for each reform instead, priced from the scenario's own unit
prices, so that the figure is in the scenario's currency at its price year:

- ``officer_year``: a customs officer's cost a year (``costs.roles.customs_officer``);
- ``scanner``: the capital of one scanner of the port's mode (``costs.scanner``).

and scaled by what the reform acts on: ``port`` (each port whose fields it changes; every
port where it changes none of one port's), ``scanner`` (each scanner at those ports), ``head``
(each head of the organisation a reorganisation may move) or ``once``. A reform with no
defensible figure has none (``None``): the appraisal then says its payback is not known, never
"at once". The research notes give no published price for a customs IT system or an AI
review licence, so every figure here is an assumption built on the scenario's sourced pay and
scanner prices; the reasoning is given with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

#: the unit prices a default is counted in, as a reader is told them
UNITS = {"officer_year": "a customs officer's cost a year (costs.roles.customs_officer)",
         "scanner": "a scanner's capital (costs.scanner of the port's mode)"}
#: the heading of the default costs ``bordersim reforms NAME`` shows
HEAD = ("default costs for bordersim appraise on scenario {s!r}, in its money (the reform's "
        "setup_cost and cost_per_year, or appraise's --setup and --running, replace them):")
#: what a default is scaled by
PER = {"port": "port it acts on", "scanner": "scanner at the ports it acts on",
       "head": "head of the organisation (its staff, organisation.generate.staff or its "
       "units' staff)", "once": "once"}


@dataclass(frozen=True)
class Item:
    """A default cost: ``amount`` of ``unit`` for each ``per``, on the grounds ``why``."""

    amount: float
    unit: str
    per: str
    why: str

    def said(self) -> str:
        """The rule in words: ``0.5 x a customs officer's cost a year, per port (why)``."""
        return f"{self.rule()} ({self.why})"

    def rule(self) -> str:
        """The rule without its grounds: ``0.5 x a customs officer's cost a year, per port``."""
        per = "" if self.per == "once" else f", per {PER[self.per]}"
        return f"{self.amount:g} x {UNITS[self.unit]}{per}"


@dataclass(frozen=True)
class ReformCost:
    """A reform's default set-up and running cost; ``None`` where no figure is defensible
    (``missing`` says why)."""

    setup: Item | None
    running: Item | None
    missing: str = ""


def _none(why: str) -> ReformCost:
    return ReformCost(None, None, why)


def _free(why: str) -> ReformCost:
    """A reform that builds nothing and runs nothing the model does not count already."""
    zero = Item(0.0, "officer_year", "once", f"assumption: {why}")
    return ReformCost(zero, zero)


def _it(setup: float, running: float, why: str) -> ReformCost:
    """A system or procedure rolled out port by port: officer-years to set up and run."""
    return ReformCost(Item(setup, "officer_year", "port", f"assumption: {why}"),
                      Item(running, "officer_year", "port", f"assumption: {why}"))


_NATIONAL = ("built nationally: the research notes give no price for the national system, "
             "and no share of one for these ports is defensible")
_REORG = ("planning, moving and retraining the heads of a port, as staff time; the "
          "productivity lost in the change is the reform's transition_days, counted apart; "
          "equal headcount, so no running cost")
_SHOCK = "a shock, not a programme: nothing is bought"

#: each reform's default cost (a name missing here has no figure)
COSTS: dict[str, ReformCost] = {
    "smart_image_review": ReformCost(
        Item(0.1, "scanner", "scanner", "assumption: AI review software, its integration "
             "with the scanner and the analysts' training at a tenth of the machine's price; "
             "no published price in the research notes"),
        Item(0.02, "scanner", "scanner", "assumption: licence and model updates a year at a "
             "fifth of the software's price, a usual software maintenance rate")),
    "single_window": _it(3.0, 0.5, "connecting a port's systems to the portal and training "
                         "its officers and traders: three officer-years; keeping it up half "
                         "of one a year; the national portal itself is not counted"),
    "integrated_declaration": _it(2.0, 0.0, "merging two agencies' declaration forms and "
                                  "selection at a port: two officer-years; one form runs at "
                                  "no more cost than two"),
    "electronic_certificates": _it(1.0, 0.2, "a port's link to the issuing authorities' data "
                                   "and its officers' training: one officer-year; support a "
                                   "fifth of one a year"),
    "expedited_shipments": _it(0.5, 0.1, "an air port's expedited procedure (approving "
                               "the express operators, their pre-arrival manifests in the "
                               "clearance system) and its officers' training: half an "
                               "officer-year; supervising the operators a tenth of one a "
                               "year"),
    "low_value_threshold": _it(0.5, 0.1, "a post hub's simplified path (the consolidated "
                               "list's rules in the clearance system, the threshold's checks) "
                               "and its officers' training: half an officer-year; watching "
                               "the declared values a tenth of one a year"),
    "electronic_payment": _it(0.2, 0.05, "a port's officers' and traders' training in paying "
                              "online: a fifth of an officer-year; its cashiers' "
                              "reconciliation of the electronic receipts a twentieth of one "
                              "a year; the national payment system and the banks' links are "
                              "not counted; no price in the research notes"),
    "clearance_integration": _it(2.0, 0.0, "procedures and system links between inland and "
                                 "port offices: two officer-years a port"),
    "big_data_targeting": _it(5.0, 2.0, "a data team building and validating the risk models "
                              "at a port: five officer-years; two analysts to keep them up"),
    "remote_image_review": _it(2.0, 0.5, "links and workstations for the review centre and "
                               "moving the analysts: two officer-years a port; links half "
                               "of one a year"),
    "training": _it(0.5, 0.1, "about 20 officers a port trained 5 days with their trainers: "
                    "half an officer-year; refreshers a tenth of one a year"),
    "joint_inspection": _it(1.0, 0.0, "joint procedures and cross-training at a port"),
    "dumbbell": ReformCost(
        Item(0.1, "officer_year", "head", "assumption: moving each head to where its work is "
             "decided: two weeks' retraining in the new level's procedures, a week's handover "
             "and two weeks' pay as relocation allowance, about five weeks or a tenth of an "
             "officer-year; re-routing the clearance system's approvals taken as within it "
             "(the national centres' systems exist since 2017); every head counted, though "
             "those already at their level do not move: an upper bound; the productivity "
             "lost while running in is the reform's running_in_loss and running_in_days, "
             "counted in the run only where given; no figure in the research notes"),
        Item(0.0, "officer_year", "once", "assumption: every head stays in post (equal "
             "headcount), so no running cost beyond the staff the model counts")),
    "merge_affiliated": _it(1.0, 0.0, _REORG),
    "merge_field_departments": _it(1.0, 0.0, _REORG),
    "merged_inspection": _it(1.0, 0.0, _REORG),
    "cancel_clearance_form": _free("abolishing a form builds nothing"),
    "reduce_certificates": _free("fewer certificates build nothing"),
    "green_lane": _free("a queue priority builds nothing"),
    "control_order": _free("an order issued builds nothing; its checks' staff are the model's"),
    "credit_downgrade": _free("a sanction builds nothing"),
    "aeo_lapse": _free("a lapsed certification builds nothing (the trader's own cost of "
                       "keeping it is compare's --certification-a-year)"),
    "exam_hours": ReformCost(
        Item(0.0, "officer_year", "once", "assumption: re-rostering the yard's staff builds "
             "nothing"),
        Item(2.5, "officer_year", "port", "assumption: the terminal's cost of keeping the exam "
             "yard open longer (lighting, a tally clerk and two reach-stacker drivers for "
             "the extra hours), about 4 hours a day x 365 days x 3 people = 4,380 hours, or "
             "2.3 years of 1,900 hours, priced at an officer's cost a year and rounded up "
             "for fuel: 2.5 a port, for the default 4 extra hours; no figure in the research "
             "notes; the extra shifts of the agencies' staff are the model's (their "
             "schedules' hours at the scenario's wages)")),
    "patrol_staff": _free("its patrol heads are priced by the model itself"),
    "state_pays_no_find": _free("who pays the handling; the handling itself is the model's"),
    "trader_pays_no_find": _free("who pays the handling; the handling itself is the model's"),
    "epidemic": _free(_SHOCK),
    "outbreak": _free(_SHOCK),
    "ecommerce_surge": _free(_SHOCK),
    "smuggling_pressure": _free(_SHOCK),
    "separate_inspection": _free("a return to the practice before 2018 builds nothing; its "
                                 "second queue's staff are the model's"),
    "exam_without_trader": _free("a rule change builds nothing; the exam teams are the model's"),
    "double_random": _free("random selection within the same inspection target builds "
                           "nothing; its checks' staff are the model's"),
    "risk_based_audit": _free("the same auditors pick by a score the risk engine has; their "
                              "staff are the model's"),
    "fewer_returns": _free("stricter review guidance builds nothing"),
    "flexible_staffing": _it(0.5, 0.1, "cross-training a port's exam teams and quarantine "
                             "officers: half an officer-year, as the training reform; "
                             "refreshers a tenth of one a year"),
    "direct_pickup": _none("the terminal's and the traders' systems, not the agencies'; no "
                           "figure in the research notes"),
    "direct_loading": _none("the terminal's and the traders' systems, not the agencies'; no "
                            "figure in the research notes"),
    "aeo_mutual_recognition": _none("negotiating mutual recognition and validating traders: "
                                    "no figure in the research notes, and the traders "
                                    "certified are not counted"),
    "aeo_partner_recognition": _none("negotiating mutual recognition and exchanging the "
                                     "partners' AEO lists: no figure in the research notes"),
    "origin_pre_inspection": _none("officers posted abroad: no figure in the research notes"),
    "smart_sharing": _none(_NATIONAL),
    "release_before_test": _none("the recall system and its guarantees: no figure in the "
                                 "research notes"),
    "cold_chain_mandate": _none("the supervision warehouses' building: no figure in the "
                                "research notes (its teams' staff are the model's)"),
    "advance_declaration": _it(0.5, 0.1, "a port's procedure for declarations lodged before "
                               "arrival (matching them to the manifest, release on arrival) "
                               "and its officers' and traders' training: half an "
                               "officer-year; handling changed vessels and dates (Guangzhou's "
                               "fault-tolerance rule, china-figures.md §3.1) a tenth of one a "
                               "year; the national system that takes them is not counted; no "
                               "price in the research notes"),
    "two_step_declaration": _none(_NATIONAL),
    "two_step_processing": ReformCost(
        Item(1.0, "officer_year", "port", "assumption: moving a port's tax review after "
             "release (its procedure, the post-clearance review's cases in the clearance "
             "system, its officers' training): one officer-year a port; the national "
             "centres of the 2017 integration (published-figures.md §2.7) are not counted; "
             "no price in the research notes"),
        Item(0.0, "officer_year", "once", "assumption: each review after release is the "
             "scenario's costs.post_release_review, counted in the run for each one that "
             "falls due; nothing else runs")),
}


def cost_of(name: str) -> ReformCost:
    """Reform ``name``'s default cost (no figure where the table has none)."""
    return COSTS.get(name) or _none("no figure in the research notes, and no assumption "
                                    "made for it yet")


def rule_said(name: str) -> str:
    """Reform ``name``'s default costs as rules, with their grounds (a paper's note)."""
    rule = cost_of(name)
    setup = (rule.setup.said() if rule.setup is not None else
             f"no figure ({rule.missing}): appraise leaves its payback not known")
    running = rule.running.said() if rule.running is not None else "no figure"
    return f"set-up {setup}; running a year {running}"


def _scanners(port: Mapping[str, Any]) -> int:
    """A port's scanners: its lane's most at once (as the model prices their capital)."""
    lane = ((port.get("scan") or {}).get("scanners")) or {}
    schedule = lane.get("schedule")
    return int(max(schedule)) if schedule else int(lane.get("capacity") or 0)


def price(item: Item, data: Mapping[str, Any], ports: list[str]) -> float | None:
    """``item`` in the scenario's money at ``ports`` (every port where empty); None where the
    scenario's [costs] lacks the unit price, or a cost per head has no organisation."""
    costs = data.get("costs") or {}
    every = data.get("ports") or {}
    ports = ports or sorted(every)
    if item.amount == 0:
        return 0.0
    if item.unit == "officer_year":
        pay = (costs.get("roles") or {}).get("customs_officer")
        if pay is None or (item.per == "head" and not heads(data)):
            return None
        return item.amount * float(pay) * counted(item, data, ports)
    machines = costs.get("scanner") or {}
    if not machines:
        return None
    total = 0.0
    for name in ports:
        port = every.get(name) or {}
        unit = machines.get(port.get("mode")) or machines.get("*")
        if unit is None:
            continue
        total += item.amount * float(unit["capital"]) * _scanners(port)
    return total


def counted(item: Item, data: Mapping[str, Any], ports: list[str]) -> int:
    """How many of what ``item`` is counted per (ports, scanners; 1 for once)."""
    every = data.get("ports") or {}
    ports = ports or sorted(every)
    if item.per == "port":
        return len(ports)
    if item.per == "scanner":
        return sum(_scanners(every.get(p) or {}) for p in ports)
    if item.per == "head":
        return heads(data)
    return 1


def heads(data: Mapping[str, Any]) -> int:
    """The organisation's heads a reorganisation may move: its generated staff
    (``organisation.generate.staff``), else its units' staff; 0 without an organisation."""
    org = data.get("organisation") or {}
    staff = (org.get("generate") or {}).get("staff") or {}
    if staff:
        return int(sum(staff.values()))
    return int(sum(role.get("count", 0) for unit in (org.get("units") or {}).values()
                   for role in ((unit or {}).get("staff") or {}).values()))


def shown(name: str, data: Mapping[str, Any], ports: list[str]) -> list[str]:
    """Reform ``name``'s default costs on a scenario (plain data), as ``bordersim reforms
    NAME`` prints them: each figure, its rule, how many it counts and its grounds."""
    from sim.experiment.appraisal_folder import figure_text

    rule = cost_of(name)
    out = []
    for what, item, unit in (("set-up", rule.setup, ""), ("running", rule.running, " a year")):
        if item is None:
            out.append(f"    default {what} cost: no figure ({rule.missing}); appraise says "
                       "the payback is not known unless a set-up cost is given"
                       if what == "set-up" else f"    default {what} cost: no figure")
            continue
        amount = price(item, data, ports)
        figure = ("not priced (the scenario's [costs] has no such unit price)" if amount is None
                  else figure_text(amount) + unit)
        count = "" if item.per == "once" else f", {counted(item, data, ports)} counted"
        out.append(f"    default {what} cost: {figure}: {item.said()}{count}")
    return out
