"""A comparison's notes and warnings in plain language, one source for the command line
(which prints them on stderr and keeps them in its JSON) and the Python API
(``CompareResult.notes``): options that change nothing, dated reforms after the run,
unstable options, a warm-up that is not whole weeks, a run too short to check whether a
queue keeps rising, and the like."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sim.experiment.compare import CompareResult


def periods_note(spans: list[str], costed: bool) -> str:
    """A run's note of the periods its results are split by (``spans``: as
    :func:`sim.scenario.timeline.observed_periods` gives them; ``costed``: with the cost
    metrics by period too)."""
    costs = (", agency_cost_per_year_era_<k>, total_cost_per_consignment_era_<k>"
             if costed else "")
    return (f"the results are also split by the period the goods arrived in "
            f"(clearance_h_mean_era_<k>, overall_clearance_h_mean_era_<k>, "
            f"inspection_rate_era_<k>, seizures_per_1000_era_<k>, detection_rate_era_<k>"
            f"{costs}): {'; '.join(spans)}; a period's figures are not an effect of its "
            f"reform (compare the reform against the baseline for that)")


def compare_notes(res: CompareResult) -> list[str]:
    """Every note and warning of ``res``, each as the command line prints it (``note
    (OPTION): ...``, ``warning (OPTION): ...``), in the order it prints them."""
    from sim.experiment.composition import empty_note, empty_runs
    from sim.experiment.seizure_cost import seizure_cost_notes
    from sim.experiment.seizure_cost_scope import patrols_only_notes
    from sim.experiment.seizure_notes import seizure_notes
    from sim.model.stability import unsettled
    from sim.model.window import window_notes

    m = res.meta
    out = [f"warning ({name}): {message}"
           for name, messages in m.get("after_the_run", {}).items() for message in messages]
    if m.get("periods"):  # (every option split at the dated reforms' dates)
        out.append("note: every option's results are also split by the period the goods "
                   f"arrived in, with a paired difference per period: {'; '.join(m['periods'])}")
    out += idle_notes(m)
    out += _composition_notes(m)
    out += [f"warning ({name}): {empty_note(*counts)}"
            for name, counts in empty_runs(res.per_rep, "option").items()]
    for o in res.options:  # (a paired difference of counts over other days means little)
        longer = sorted(k for k in o.overrides if k in ("days", "warmup_days", "drain_days"))
        if longer:
            out.append(f"note ({o.name}): it changes the run's length ({', '.join(longer)}): "
                       "its counts and totals cover other days than the baseline's, so compare "
                       "its times, shares and rates, not its counts")
    for name, other in m.get("same_as", {}).items():
        out.append(f"note ({name}): in scenario {m['scenario']!r} it makes the same change as "
                   f"{other} (their scenarios are alike to the last field): its figures are "
                   f"{other}'s")
    for name, why in m.get("caveats", {}).items():
        out.append(f"note ({name}): only part of it can act in scenario {m['scenario']!r}: {why}")
    for name, why in m.get("unpriced", {}).items():
        out.append(f"note ({name}): {why}")
    for name, reforms in m.get("uncosted", {}).items():
        out.append(f"note ({name}): {uncosted_words(reforms)}")
    for key in ("engine_switched", "structure_assumptions"):
        out += [f"note ({name}): {why}" for name, why in m.get(key, {}).items()]
    unused = m.get("unused_parts", {})
    for why in dict.fromkeys(unused.values()):
        names = [n for n, w in unused.items() if w == why]
        who = "" if len(names) == len(res.names) else f" ({', '.join(names)})"
        out.append(f"note{who}: {why}")
    for name in res.names:  # ("unstable" on the warnings that make it so: not a missed
        for w in res.warnings.get(name, []):  # risk target, whose figures are steady)
            unstable = ", unstable" if res.unstable(name) and unsettled([w]) else ""
            out.append(f"warning ({name}{unstable}): {w}")
    out += _static_overload(res)
    out += _notes_of_means(res)
    out += headroom_notes(res)
    out += uncosted_scenario(res)
    out += quantile_notes(res)
    out += unpaired_notes(res)
    out += seizure_notes(res)
    out += seizure_cost_notes(res)
    out += patrols_only_notes(res)
    reps = m.get("reps") if isinstance(m.get("reps"), int) else None
    return out + window_notes(float(m.get("warmup_days") or 0), float(m["days"]), reps)


def uncosted_words(reforms: list[str]) -> str:
    """What an option's cost figures leave out when its reforms were given no running cost
    (``cost_per_year`` 0): the run counts none (a reform's own costs enter the appraisal);
    what ``bordersim appraise`` takes instead (the reform library's default, as its rule:
    :mod:`sim.reforms.cost_library`), or that the cost is not known where the library has
    no figure. Said wherever they are read (the notes, the headline's verdict)."""
    from sim.reforms.cost_library import cost_of

    known = [r for r in reforms if cost_of(r).running is not None]
    unknown = [r for r in reforms if r not in known]
    out = (f"the run counts no running cost of {', '.join(reforms)} (cost_per_year not "
           "given: a reform's own costs enter the appraisal, not the run, whose cost figures "
           "count only the staff and equipment the model changes)")
    if known:
        rules = "; ".join(f"{r}: {_rule(r)}" for r in known)
        out += (f"; bordersim appraise takes the reform library's default running cost of "
                f"{', '.join(known)} (a year: {rules}; bordersim reforms NAME prices it on a "
                "scenario)")
    if unknown:
        out += (f"; the running cost of {', '.join(unknown)} is not known (the reform "
                "library has no figure for the IT, licences or training it needs): give "
                f"cost_per_year (e.g. {unknown[0]}:cost_per_year=...) for a cost-benefit, or "
                "give it a year to bordersim appraise afterwards (--running OPTION=AMOUNT)")
    return out


def _rule(reform: str) -> str:
    """Reform ``reform``'s default running cost a year as a rule, without its grounds."""
    from sim.reforms.cost_library import cost_of

    item = cost_of(reform).running
    return "0" if item is None or item.amount == 0 else item.rule()


def idle_notes(m: dict[str, Any]) -> list[str]:
    """Options that change nothing, can have no effect, or whose figures are the baseline's
    to the last digit: their differences of 0 are no measured 'no effect' (a change of the
    sampling plan: how few infested consignments were sampled, ``plan_reach``)."""
    from sim.experiment.plan_reach import reach_words

    out = []
    idle = m.get("no_effect", {})
    unchanged = m.get("unchanged", [])
    reused = m.get("reused", {})  # (a folder written before it was kept has none)
    for name in unchanged:
        why = idle.get(name, "it is already in effect there")
        again = ": its replications are the baseline's, reused, not run again" * (
            name in reused)
        out.append(f"note ({name}): it changes nothing in scenario {m['scenario']!r}: {why}; "
                   f"its figures are the baseline's{again}")
    for name, why in idle.items():
        if name not in unchanged:
            out.append(f"note ({name}): it can have no effect in scenario {m['scenario']!r}: "
                       f"{why}; its figures match the baseline's")
    reach = m.get("plan_reach", {})  # (a folder written before it was kept has none)
    for name in m.get("identical", []):
        if name not in unchanged and name not in idle:
            plan = reach_words(*reach[name]) if name in reach else ""
            out.append(f"note ({name}): its figures are the baseline's to the last digit in "
                       "every replication: what it changes acted on no consignment in these "
                       f"runs, so its differences of exactly 0 are no estimate of its effect{plan}"
                       " (it may act on rare consignments: more --reps or --days would show it)")
    same = m.get("same_as", {})
    for name, twin in m.get("identical_to", {}).items():
        if name not in same:
            out.append(f"note ({name}): its figures are {twin}'s to the last digit in every "
                       f"replication: what it has that {twin} lacks acted on nothing in these "
                       "runs (for a combination: its other part adds nothing once this one "
                       "is in place, which is all its interaction says)")
    return out


def _composition_notes(m: dict[str, Any]) -> list[str]:
    """Options that compare other consignments than the baseline's: some left out of who
    gains (their arrival or declared attributes changed), other arrivals, other illicit
    goods."""
    from sim.experiment.composition import arrivals_note, truth_note

    out = []
    for name, where in m.get("unpaired", {}).items():
        parts = ", ".join(f"{n:,} of {total:,} at {pd}" for pd, (n, total) in where.items())
        out.append(f"note ({name}): who gains and who loses leaves out {parts} released "
                   "consignments: the option changes their arrival or declared attributes, so "
                   "they are not the same consignments as the baseline's (its table covers "
                   "the others)")
    out += [f"note ({name}): {arrivals_note(diff)}"
            for name, diff in m.get("arrivals_changed", {}).items()]
    out += [f"note ({name}): {truth_note(base, diff)}"
            for name, (base, diff) in m.get("truth_changed", {}).items()]
    return out


def _static_overload(res: CompareResult) -> list[str]:
    """Each option's note that its exam yard did not settle while its selection tables kept
    selecting (:func:`sim.model.static_overload.static_overload_notes`): an option without
    a risk engine (its ``caps`` None; a folder written before records none: no note)."""
    from sim.model.static_overload import static_overload_notes

    caps = res.meta.get("caps", {})
    return [f"note ({name}): {message}" for name in res.names
            for message in static_overload_notes(res.warnings.get(name, []),
                                                 name in caps and caps[name] is None)]


def _notes_of_means(res: CompareResult) -> list[str]:
    """Each option's lanes near saturation on average over its replications and transit
    goods a dated rule passed by at a transit desk (:mod:`sim.model.desk_eras`), and the
    credit rules its selection tables break and alerts crowding its risk engine's
    decisions: the baseline's once, an option's only where the baseline has no such note
    (they come from the scenario: each option would repeat them)."""
    from sim.model.credit_rules import credit_rules
    from sim.model.desk_eras import desk_era_notes
    from sim.model.risk_notes import risk_notes
    from sim.model.stability import near_saturation

    if res.summary.empty or "metric" not in res.summary:
        return []
    out = []
    broken: dict[str, str] | None = None  # (the baseline's)
    base: dict[str, float] = {}
    for name in res.names:
        rows = res.summary[res.summary["option"] == name]
        means = dict(zip(rows["metric"], rows["mean"], strict=True))
        caps = res.meta.get("caps", {}).get(name)  # (a folder written before: China's)
        throttle = res.meta.get("throttles", {}).get(name)
        directed = bool(res.meta.get("directed", {}).get(name))  # (a folder written before)
        rules = {**credit_rules(means, caps, directed),
                 **_keyed(risk_notes(means, throttle), throttle)}
        new = [m for rule, m in rules.items()
               if broken is None or rule not in broken or _crowds_more(rule, means, base)]
        broken, base = (rules, means) if broken is None else (broken, base)
        own = near_saturation(means) + desk_era_notes(means)  # (each option's own dates)
        out += [f"note ({name}): {message}" for message in own + new]
    return out


def _keyed(notes: dict[str, str], throttle: float | None) -> dict[str, str]:
    """Risk notes keyed so that an idle throttle at another threshold than the baseline's is
    the option's own note, not the scenario's."""
    return {f"{k}@{throttle:g}" if k.startswith("throttle_") and throttle else k: m
            for k, m in notes.items()}


def _crowds_more(rule: str, means: Mapping[str, float], base: Mapping[str, float]) -> bool:
    """Whether an option's alerts crowd its risk engine clearly more than the baseline's
    (ten points of ``alert_raised_share`` or more): its note is its own, not the scenario's
    (a dumbbell whose alerts reach every port: 0.89 of the decisions, the baseline's 0.60)."""
    share, was = means.get("alert_raised_share"), base.get("alert_raised_share")
    return rule == "alerts" and share is not None and was is not None and share >= was + 0.1


def uncosted_scenario(res: CompareResult) -> list[str]:
    """A scenario without prices whose organisation has staff: no cost figure at all, the
    organisation's staff included (money is given in ``[costs]``'s currency alone)."""
    names = set(res.summary["metric"]) if "metric" in res.summary else set()
    if "org_staff_heads" not in names or "total_cost_per_consignment" in names:
        return []
    return ["note: the scenario has no [costs] section: the agencies' and traders' costs of "
            "clearance are not measured, nor the organisation's staff cost (its heads are "
            "priced in CNY, and without [costs] there is no currency to report them in: "
            "bordersim org shows them in CNY); a cost-benefit needs prices (see the default "
            "scenario's [costs])"]


#: the busiest organisation unit's utilisation below which a change of its headcount cannot
#: show in how long decisions take (a queue forms only near saturation)
HEADROOM = 0.5


def headroom_notes(res: CompareResult) -> list[str]:
    """Options that change the organisation's headcount while its busiest unit stays far
    from saturation: their staff cost moves, their times cannot, and a cut looks free."""
    s = res.summary
    if s.empty or "metric" not in s:
        return []
    means = s.set_index(["option", "metric"])["mean"]
    base = means.get((res.names[0], "org_staff_heads"))
    out = []
    for name in res.names[1:]:
        heads = means.get((name, "org_staff_heads"))
        if base is None or heads is None or heads == base:
            continue
        busy = means[name][[m for m in means[name].index if m.startswith("utilisation_org/")]]
        busy = busy.dropna()
        if busy.empty or busy.max() >= HEADROOM:
            continue
        unit = str(busy.idxmax()).removeprefix("utilisation_org/")
        out.append(f"note ({name}): it has {heads - base:+g} organisation staff, yet its "
                   f"busiest unit and role ({unit}) is {busy.max():.0%} busy: a change of "
                   "headcount changes the staff cost here, not how long decisions take (a "
                   "queue forms only near saturation), so a cut looks free and an addition "
                   "useless; try it with more escalations or fewer staff to find the limit")
    return out


def quantile_notes(res: CompareResult) -> list[str]:
    """A quantile's interaction whose interval excludes 0 reads as an interaction found:
    a note says why it is not one."""
    from sim.analysis.stats import is_quantile
    from sim.experiment.compare import QUANTILE_INTERACTION

    if res.interactions.empty:
        return []
    it = res.interactions
    clear = (it["ci_low"] > 0) | (it["ci_high"] < 0)
    names = sorted({str(m) for m in it.loc[clear, "metric"] if is_quantile(str(m))})
    if not names:
        return []
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return [f"note: the interactions of {shown} have intervals clear of 0, but "
            f"{QUANTILE_INTERACTION}"]


#: the settings that only turn a count on: given to one option alone, its metrics have no
#: baseline figure to be paired with
COUNTING_SETTINGS = "commodities.<c>.spoils_after, enforcement.report_by_port, enforcement.ipr"


def unpaired_notes(res: CompareResult) -> list[str]:
    """Each option's metrics measured in some of its replications and in none of the
    baseline's: they have no paired difference (the table shows the baseline as from 0
    replications), most often because the option alone turned a count on."""
    s = res.summary
    if s.empty or not {"metric", "n"} <= set(s.columns) or len(res.names) < 2:
        return []
    measured = {name: set(s.loc[(s["option"] == name) & (s["n"] > 0), "metric"])
                for name in res.names}
    return unpaired(measured, res.names[0])


def unpaired(measured: Mapping[str, set[str]], base: str) -> list[str]:
    """The notes of :func:`unpaired_notes` from the metrics each option measured."""
    out = []
    for name, metrics in measured.items():
        alone = sorted(metrics - measured[base]) if name != base else []
        if not alone:
            continue
        shown = ", ".join(alone[:3]) + (f" and {len(alone) - 3} more" if len(alone) > 3 else "")
        head = (f"note ({name}): {len(alone)} metric(s) measured in it and in no "
                f"replication of the baseline ({shown}): they have no paired difference")
        if all(m.startswith(LANE_FIGURES) for m in alone):
            out.append(f"{head}. They are the queue figures of lanes the option alone has "
                       "(new teams, places, a warehouse): read their levels, there is "
                       "nothing in the baseline to pair them with")
            continue
        out.append(f"{head}. If the option only turns their count on ({COUNTING_SETTINGS}), "
                   "give that setting to every option (--set) to compare them")
    return out


#: the metric families of a lane's queue (a lane only an option builds has no baseline)
LANE_FIGURES = (
    "utilisation_", "queue_mean_", "wait_h_mean_", "wait_h_p90_", "waited_share_",
    "arrivals_per_hour_", "in_service_mean_",
)
