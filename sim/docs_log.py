"""The page of the per-consignment log's columns (``docs/log.md``), generated from the
named-draws registry and the milestones, so that it lists every column a log has."""

from __future__ import annotations

import inspect

from sim.model import cost_log
from sim.model.draws import DRAWS
from sim.model.milestones import DUE_AFTER_RELEASE, MILESTONES, OWNERS

#: the columns before the draws: who the consignment is and how its flow ended
IDENTITY = {
    "port": "the port of entry (a key of `[ports]`)",
    "index": "its arrival index at the port (exports from 2^40, smugglers' loads from 2^41, "
    "arrivals added by a surge from 2^42: streams of their own); with `port`, it names the "
    "consignment",
    "cohort": "it arrived in the observed window (every statistic is of the cohort)",
    "outcome": "`released` (and out of the flow by the end), `seized`, `rejected`, `detained` "
    "or `censored` (still in the flow at the end of the run, released or not)",
    "channel": "the most intrusive customs check it had (`physical` over `scan` over "
    "`document`; `green`: none), with `+quarantine` when it also had a quarantine check "
    "(`quarantine` alone: only that); the other checks it had are in the milestones "
    "(`doc_start`, `scan_start`, ...). For a consignment still in the system at the end, "
    "it also names a check booked in its lane's queue to start after the end (its start "
    "milestone NaN), which the metrics do not count as had",
}

#: meanings of the draws whose transform has no docstring to say it
DRAW_NOTES = {
    "direction": "`import` or `export` (each from streams of its own)",
    "illicit": "the hidden truth: `compliant` or the illicit type it carries (`tobacco`, "
    "`counterfeit`, `frozen`: frozen products without quarantine clearance, `pest`: a "
    "quarantine pest, a frozen product's animal disease too, `undervaluation`, `wildlife`: "
    "endangered species); "
    "never seen by customs",
    "commodity": "its commodity group (a key of `[commodities]`)",
    "trader_class": "the trader's credit class: `aeo_advanced`, `aeo_general`, `general`, "
    "`discredited`",
    "value": "the declared value of the goods, in the scenario's currency",
    "origin": "the index of its origin in its port's `traffic.origins`",
    "containers": "its containers (boxes; 1 for a truck, a parcel or an air shipment)",
    "concealed": "illicit goods concealed deep in the load (a scan sees them less often)",
    "advance": "lodged in advance, before the goods arrive",
    "lodging_delay": "hours from the goods' arrival to the declaration's lodging",
    "review": "the declaration goes to officer review",
    "review_time": "hours of officer review",
    "second_submission": "separate declarations: hours until the quarantine declaration",
    "sel_document": "selected for a document check (see *Decisions* below)",
    "sel_scan": "selected for a scan (see *Decisions* below)",
    "sel_physical": "selected for a physical exam (see *Decisions* below)",
    "sel_quarantine": "selected for a quarantine check (see *Decisions* below)",
    "doc_time": "hours of the document check",
    "ai_read": "AI reads the scan image first",
    "sample": "quarantine takes a sample for the laboratory",
    "clearance_form": "hours to issue the quarantine clearance form",
    "audit_lag": "hours from release to a post-clearance audit",
    "pickup": "hours from release to the trader's pick-up (imports); a ship-side pick-up user "
    "whose goods were not inspected takes the port's `release.direct.time` instead",
    "gate_time": "hours at the exit gate (imports)",
    "treatment_time": "hours of quarantine treatment (fumigation, heat)",
}


#: what the column ``found_by`` holds (computed from the others when the log is built)
FOUND_BY = (
    "the check credited with finding its illicit goods: `document`, `exam`, `quarantine`, "
    "or after release `review` (a tax review of two-step processing), `recall` (goods "
    "released before their laboratory result, recovered) or `audit` (post-clearance); "
    "empty (NaN) when it is compliant or its goods were not found. Goods found by more "
    "than one check are credited as `detection_rate_by_<finder>` credits them (the first in "
    "that order; in separate inspection, a quarantine check that started before the exam "
    "over the exam), and a check after release only for goods released (out of the flow "
    "by the run's end). Not the same as a seizure: pests found and treated, and "
    "undervalued goods found, are released"
)


def _cost(column: str) -> str:
    """A cost column's meaning (only with a `[costs]` section)."""
    if column in cost_log.SUMS:
        mean = f"metric `{column}_per_consignment`"
        text = cost_log.SUMS[column]
    else:
        item = column.removeprefix("cost_")
        mean = f"cost tables' column `{item}` (row `all`)"
        text = f"the trader's cost item `{item}` (how-results-are-computed.md, *The cost tables*)"
    return (f"with a `[costs]` section only: {text}, in the scenario's currency; NaN where "
            f"censored; its mean over the finished cohort is the {mean}")


def _meaning(name: str, transform: object) -> str:
    if name in DRAW_NOTES:
        return DRAW_NOTES[name]
    doc = inspect.getdoc(transform) or ""
    first = " ".join(doc.split("\n\n")[0].split())
    return first.rstrip(".").replace("``", "`") or name


#: milestones whose column needs more than "when it was reached"
_MEANINGS = {
    "inspected": (
        "when the box is back from its examination: its move out from the bay done (at the "
        "trader's premises, the examination's end; when customs and quarantine examine apart, "
        "after the second): the exam yard's stretch, waits and moves included, ends here (NaN: "
        "not examined, or not by the run's end)"
    ),
    "picked_up": (
        "when the trader has picked an import up (released and discharged): it then queues at "
        "the exit gate, the terminal's, where the port has one, else leaves (`exited` = "
        "`picked_up`) (NaN: an export, or not by the run's end)"
    ),
}


def _milestone(name: str) -> str:
    """What a milestone column holds."""
    if name == "departed":
        return (
            "an export's departure: the vessel or flight it was loaded for (`loaded` plus its "
            "cut-off's lead), or its truck's crossing (= `loaded`); set when it is loaded, so "
            "it may lie after the run's end (NaN: an import, or not loaded)"
        )
    if name == "lab_start":
        return (
            "when its sample was submitted to the laboratory, not when its test began: the "
            "sample then waits for a cut-off with room in its batch (the lab's wait in the "
            "resources table), so `lab_end - lab_start` is that wait plus its batch's "
            "incubation (NaN: no sample, or not by the run's end)"
        )
    if name in _MEANINGS:
        return _MEANINGS[name]
    if name in DUE_AFTER_RELEASE:
        return (
            "when it falls due, booked when it becomes known (NaN: never); for a consignment "
            "out of the flow it may lie after the run's end, for a censored one never"
        )
    return "when it was reached (NaN: never, or not by the run's end)"


#: the page's text before the table of columns
_INTRO = [
    "# The per-consignment log",
    "",
    "<!-- generated by `python -m sim.docs` from the named draws and the milestones -->",
    "",
    "`sim.simulate(..., log=True).log` and `bordersim run --log` (Parquet, one file per "
    "replication) hold one row per consignment that arrived, in the warm-up or the "
    "observed window (none arrives in the drain: arrivals stop when the window ends). "
    "Times are hours from the start of the run (the warm-up's start). The draws are the "
    "consignment's requirements, drawn when it is made from "
    "streams keyed by its port and index (the common random numbers of a comparison); "
    "decisions are set when they are taken (see *Decisions*). Milestones follow the WCO Time "
    "Release Study; `exited` ends an import's flow and `loaded` an export's. A released "
    "consignment's owners' hours add up to its time from arrival to the end of its flow. "
    "A censored one is logged as it stood when the run ended: a milestone it would have "
    "reached later is NaN, and its owners' hours stop at the end (they add up to the "
    "time booked by then: from arrival to the end when its steps had run on past it, "
    "less when it was waiting in a queue, a wait not booked until it is served).",
    "",
    "Every statistic of a run is of its cohort, the consignments that arrived in the "
    "observed window (column `cohort`); the warm-up's are in the log too (most of its "
    "rows when the run is shorter than its warm-up). Filter to the cohort before "
    "recomputing a metric, e.g. the mean clearance (`clearance_h_mean`, arrival to "
    "release of the released):",
    "",
    "```python",
    "log = result.log",
    "cohort = log[log.cohort]",
    "released = cohort[cohort.released.notna()]",
    "(released.released - released.arrived).mean()   "
    "# = result.metrics()[\"clearance_h_mean\"]",
    "```",
    "",
    "The log holds milestones, not the intervals between them: `sim.with_clearance(log)` "
    "gives a copy with each consignment's clearance hours (`clearance_h`, `released - "
    "arrived`, NaN where it was not released) after its `released` column, for a log from "
    "Python or one read back with `pandas.read_parquet`. It is derived on demand, not "
    "written as a column: every Parquet log would carry a copy of two columns it already "
    "holds, and a log written before would lack it.",
    "",
    "Which check found a consignment's illicit goods is `found_by`, not its `outcome`: "
    "pests found and treated are released, undervalued goods found are reassessed and "
    "released. Counted over the cohort, its finds before release are the numerators of "
    "`detection_rate_by_document`, `_exam` and `_quarantine` (over the illicit "
    "declarations whose outcome is known, `illicit_declarations - illicit_held`), and "
    "together the enforcement table's `detected`; those after release (`review`, "
    "`recall`, `audit`) its `audit_detected`:",
    "",
    "```python",
    "found = cohort.found_by.value_counts()   # finds credited to each check",
    "m = result.metrics()",
    "found[\"exam\"] / (m[\"illicit_declarations\"] - m[\"illicit_held\"])   "
    "# = m[\"detection_rate_by_exam\"]",
    "```",
    "",
    "With a `[costs]` section the log ends with each consignment's trader cost: its items "
    "(`cost_<item>`, which add up to `trader_cost`), `trader_fees` (without the value of "
    "time) and `border_burden` (the part the border imposes), NaN where censored. Their "
    "means over the finished cohort are the cost metrics, by any grouping the log allows "
    "(a trader class at one port and direction, an inspection channel):",
    "",
    "```python",
    "done = cohort[cohort.outcome != \"censored\"]",
    "done.border_burden.mean()   # = m[\"border_burden_per_consignment\"]",
    "done.groupby([\"port\", \"direction\", \"trader_class\"], observed=True).border_burden.mean()",
    "```",
    "",
    "*Decisions.* The selection columns `sel_document`, `sel_scan`, `sel_physical` and "
    "`sel_quarantine` are decisions only where `assessed` is set. Selection tables decide "
    "when the consignment is made (they depend on its own draws, nothing that changes in "
    "the run), so a consignment never assessed (still in the system when the run ended, "
    "`assessed` NaN) holds what its assessment would have taken, for checks it never "
    "reached. The risk engine decides at assessment, and a consignment it never assessed "
    "holds no selection: its `sel_*` may hold no decision at all (each reads True, as for "
    "most declarations still waiting for officer review) or a decision taken before its "
    "own assessment was logged. Count selections "
    "over `log[log.cohort & log.assessed.notna()]`; what a consignment went through is in "
    "its milestones (`doc_start`, `scan_start`, ...).",
    "",
    "To save a log from Python and read it back, use pandas: `result.log.to_parquet(\"log."
    "parquet\")` and `pandas.read_parquet(\"log.parquet\")` give the same table back "
    "(types and categories kept). For a results folder as `bordersim run --log` writes it "
    "(`reps/rep-0000-log.parquet` per replication, its first column `replication` so that "
    "`pandas.concat` of a folder's logs keeps it, `replications.csv`, `summary.json`, "
    "...), give `replicate` a store: `replicate(scenario, reps=5, seed=1, log=True, "
    "store=RunStore(\"results/mine\"))`, with `from sim.experiment.runner import "
    "replicate` and `from sim.experiment.store import RunStore`.",
    "",
]


#: a rejected lot's wait at its port's disposal facility (sim/model/disposal_facility.py)
DISPOSAL_WAIT = (
    "a rejected lot's hours from its rejection to a place at its port's disposal facility "
    "(`ports.<port>.quarantine.disposal_facility`, for a commodity whose `disposal.work` is "
    "above 0): its box stays on the ground that much longer (the yard's dwell and level) and "
    "its storage (`cost_disposal_storage`) runs from the rejection to the disposal's end, "
    "this wait included. 0 for every other consignment, and without a facility"
)


def log_page() -> str:
    """The markdown page of the log's columns, in the log's order."""
    rows = [(name, "identity", text) for name, text in IDENTITY.items()]
    for d in DRAWS.draws:
        kind = "decision" if d.transform is None else "draw"
        rows.append((d.name, f"{kind}, {d.dtype.split(':')[0]}", _meaning(d.name, d.transform)))
    rows += [(m, "milestone, hours", _milestone(m)) for m in MILESTONES]
    rows += [(f"own_{o}", "owner, hours", f"the hours of its flow owned by the {o}")
             for o in OWNERS]
    rows += [(f"to_release_{o}", "owner, hours",
              f"of `own_{o}`, the hours from arrival to customs' release: the {o}'s part of "
              f"the milestone intervals' stretches to release, which add up to `released - "
              f"arrived` ([trs.md](trs.md)); `own_{o}` less it is the {o}'s hours after "
              f"release. NaN where the consignment was not out of the flow by the end of the "
              f"run (the intervals split only a whole flow)")
             for o in OWNERS]
    rows.append(("disposal_wait", "disposal, hours", DISPOSAL_WAIT))
    rows.append(("found_by", "enforcement, category", FOUND_BY))
    rows += [(c, "cost, float", _cost(c)) for c in cost_log.COLUMNS]
    out = [
        *_INTRO,
        "| Column | Kind | Meaning |",
        "|---|---|---|",
        *(f"| `{name}` | {kind} | {text.replace('|', '/')} |" for name, kind, text in rows),
    ]
    return "\n".join(out) + "\n"
