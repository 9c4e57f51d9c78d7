"""The report's headline: for each option, in plain words, what it does to the three outcomes
a planner weighs (clearance time, enforcement, cost and who pays), when the scenario has
smugglers what becomes of their attempts (tried, deterred, interdicted outside the ports, and
the total value that slipped through, at the ports and outside them), and, when it has
an organisation, its key figures (escalation latency, the goods' wait per hold, how many ports
alerts reach, staff cost), each a paired difference from the baseline with its 95 % interval,
and "no clear change" where that interval holds 0. The table below it has every figure; this
is what an official reads first."""

from __future__ import annotations

import html
import math
import re
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

from sim.report.brief_money import staff_unit
from sim.report.headline_moves import deterred_or_displaced
from sim.report.headline_overhead import overhead_cost
from sim.report.headline_patrol import patrol_cost
from sim.report.headline_unpriced import unpriced
from sim.report.periods import Periods, in_force_words
from sim.report.price_year import money_unit

if TYPE_CHECKING:
    from sim.experiment.compare import CompareResult

#: (metric, what it is, kind: hours / points (a share) / money / count, words for down and
#: up); a row shows only where the comparison has the metric (``value_slipped_total`` and the
#: smuggling counts: with smugglers in the scenario)
HEADLINE: tuple[tuple[str, str, str, tuple[str, str]], ...] = (
    ("clearance_h_mean_import", "import clearance (arrival to release)", "hours",
     ("shorter", "longer")),
    ("clearance_h_mean_export", "export clearance", "hours", ("shorter", "longer")),
    ("overall_clearance_h_mean_import", "imports' time to leave the port", "hours",
     ("shorter", "longer")),
    ("departure_h_mean_export", "exports' time to departure (arrival to their vessel, flight "
     "or truck leaving)", "hours", ("shorter", "longer")),
    ("released_within_24h_import", "imports released within 24 h", "points",
     ("lower", "higher")),
    ("inspection_rate_import", "share of imports inspected (scan, exam or quarantine)",
     "points", ("lower", "higher")),
    ("inspection_rate_export", "share of exports inspected (scan, exam or quarantine)",
     "points", ("lower", "higher")),
    ("detection_rate", "share of illicit consignments detected", "points", ("lower", "higher")),
    ("detection_rate_all_routes", "share of illicit loads detected over every route (the "
     "ports' finds + the patrols' interdictions outside them, by count)", "points",
     ("lower", "higher")),
    ("detection_rate_value_all_routes", "share of illicit value detected over every route (as "
     "above, by the goods' value)", "points", ("lower", "higher")),
    ("detection_rate_outside_ports", "share of smuggling attempts on routes outside the ports "
     "interdicted by patrols (outside the ports only)", "points", ("lower", "higher")),
    ("detection_rate_with_audit", "share of illicit consignments detected, finds after "
     "release included (tax review, recall, post-clearance audit, whenever they fall due)",
     "points", ("lower", "higher")),
    ("consignments_seized", "consignments seized (a count: goods seized at the ports over "
     "the observed days, a replication's mean)", "count", ("fewer", "more")),
    ("consignments_detained", "consignments detained (a count, as for those seized)", "count",
     ("fewer", "more")),
    ("consignments_rejected", "consignments rejected after a find (a count, as for those "
     "seized)", "count", ("fewer", "more")),
    ("value_slipped", "value of illicit goods slipping through the ports (over the observed "
     "days, not a year)", "money", ("less", "more")),
    ("value_slipped_total", "value of illicit goods slipping through in all (ports + "
     "smuggling routes outside them; over the observed days, not a year)", "money",
     ("less", "more")),
    ("harm_slipped", "harm of illicit goods slipping through the ports, a year (pests, disease "
     "and unsafe food at the harm each type does, not at the goods' value)", "money",
     ("less", "more")),
    ("revenue_evaded", "duty evaded a year (illicit goods never found, before release or "
     "after it; the duty rates and the hidden truth are assumptions)", "money",
     ("less", "more")),
    ("revenue_found_after_release", "duty found after release a year (tax review, recall, "
     "post-clearance audit, whenever the find falls due)", "money", ("less", "more")),
    ("smuggling_attempts", "smuggling attempts (every route)", "count", ("fewer", "more")),
    ("attempts_deterred", "smuggling opportunities deterred (not tried)", "count",
     ("fewer", "more")),
    ("smuggling_interdicted", "smuggling attempts interdicted by patrols outside the ports",
     "count", ("fewer", "more")),
    ("smuggling_caught_share", "share of smuggling attempts caught (by patrols outside the "
     "ports or by the ports' checks)", "points", ("lower", "higher")),
    ("total_cost_per_consignment", "cost per declaration, agencies and traders (every port "
     "pooled: a parcel is one declaration, as a sea import of several containers is; per "
     "declaration and per container at each sea or rail port below)", "money",
     ("less", "more")),
    ("agency_cost_per_consignment", "of which the agencies'", "money", ("less", "more")),
    ("trader_cost_per_consignment", "of which the traders' (fees and time)", "money",
     ("less", "more")),
    ("ipr_trader_hold_cost_per_held", "a trader's storage and demurrage for goods held for "
     "an IPR holder's reply, per consignment so held (part of its storage; with "
     "enforcement.ipr)", "money", ("less", "more")),
    ("agency_cost_per_year", "agencies' cost per year (staff, equipment, systems, each "
     "check's own cost and the terminal handling the state pays for traders, the observed "
     "days scaled to a year)", "money", ("less", "more")),
)

#: ``detection_rate``'s words when smuggling routes outside the ports are in the scenario
PORTS_ONLY = ("share of illicit consignments detected at the ports only (the patrols' "
              "interdictions outside them not counted)")

#: the organisation's key figures, after :data:`HEADLINE` (their rows exist only when the
#: scenario has an organisation); its staff are costed in CNY whatever the currency
ORGANISATION: tuple[tuple[str, str, str, tuple[str, str]], ...] = (
    ("escalation_latency_h_mean", "organisation: escalation latency (request to decision "
     "back at the port)", "hours", ("shorter", "longer")),
    ("org_hold_h_mean", "organisation: goods' wait per hold that held them", "hours",
     ("shorter", "longer")),
    ("org_holds", "organisation: goods held by it (holds a replication)", "count",
     ("fewer", "more")),
    ("alert_reach", "organisation: share of ports its alerts reach", "points",
     ("lower", "higher")),
    ("org_staff_cost_per_year", "organisation: staff cost per year", "CNY",
     ("less", "more")),
)


#: an option's lines for each port it changes, when it changes only some ports (``{p}``: the
#: port): a change at one port is diluted in figures pooled over every port
AT_PORT: tuple[tuple[str, str, str, tuple[str, str]], ...] = (
    ("clearance_h_mean_port_{p}_import", "import clearance", "hours", ("shorter", "longer")),
    ("clearance_h_mean_port_{p}_export", "export clearance", "hours", ("shorter", "longer")),
    ("overall_clearance_h_mean_port_{p}_import", "imports' time to leave the port", "hours",
     ("shorter", "longer")),
    ("departure_h_mean_port_{p}_export", "exports' time to departure", "hours",
     ("shorter", "longer")),
    ("inspection_rate_port_{p}_import", "share of imports inspected", "points",
     ("lower", "higher")),
    ("inspection_rate_port_{p}_export", "share of exports inspected", "points",
     ("lower", "higher")),
    ("total_cost_per_consignment_port_{p}_import", "cost per import declaration, agencies and "
     "traders", "money", ("less", "more")),
    ("total_cost_per_consignment_port_{p}_export", "cost per export declaration, agencies and "
     "traders", "money", ("less", "more")),
)


#: an option's lines for each period of a comparison with dated reforms (``{k}``: the
#: period's number): the pooled figures mix the weeks before a date with those after it
PERIODS: tuple[tuple[str, str, str, tuple[str, str]], ...] = (
    ("clearance_h_mean_era_{k}_import", "import clearance", "hours", ("shorter", "longer")),
    ("clearance_h_mean_era_{k}_export", "export clearance", "hours", ("shorter", "longer")),
    ("inspection_rate_era_{k}", "share inspected (scan, exam or quarantine)", "points",
     ("lower", "higher")),
    ("detection_rate_era_{k}", "share of illicit consignments detected", "points",
     ("lower", "higher")),
    ("total_cost_per_consignment_era_{k}", "cost per declaration, agencies and traders",
     "money", ("less", "more")),
    ("agency_cost_per_year_era_{k}", "agencies' cost per year (this period's own, scaled to a "
     "year: a reform's running cost counts from its date)", "money", ("less", "more")),
)


def headline(
    res: CompareResult, ports: Mapping[str, list[str]] | None = None,
    periods: Periods | None = None, described: Mapping[str, str] | None = None,
    scaled: bool = False, state: bool = False, blind: Collection[str] = (),
) -> list[str]:
    """The headline section of a comparison (none for a run); ``ports``: by option, the
    ports it changes (each gets lines of its own when not every port is changed);
    ``periods``: the words of its periods (from the folder's scenarios; else from
    ``compare.json`` alone, by date); ``described``: by option, what it is, said under its
    heading; ``scaled``: the scenario's volumes are scaled down (the brief says to quote
    differences, not levels); ``state``: it prices no scanner and no post (the brief says
    what the state's cost leaves out, :mod:`sim.report.brief_state`); ``blind``: the options
    whose structure cannot move seizures, with no risk engine (the brief says why,
    :mod:`sim.report.brief_structure`)."""
    from sim.report.brief import brief

    if len(res.names) < 2 or res.differences.empty:
        return []
    rows = {(r["option"], r["metric"]): r for r in res.differences.to_dict("records")}
    summary = getattr(res, "summary", None)
    if summary is not None and not summary.empty:  # (each row knows the baseline's value)
        base = summary[summary["option"] == res.names[0]].set_index("metric")["mean"]
        for (_, metric), row in rows.items():
            row["base"] = float(base.get(metric, math.nan))
    currency = money_unit(res.meta)  # ("USD at 2019 prices": the scenario's price year)
    out = ["<h2>Headline</h2>", READING]
    periods = periods if periods is not None and periods.labels else _dates_only(res.meta)
    if periods.note:
        out.append(f"<p class='note'>{html.escape(periods.note)} A dated reform applies to "
                   "goods assessed from its date; a change from one period to the next is "
                   "not the reform's effect.</p>")
    for name in res.names[1:]:
        items = _items(res, rows, name, currency)
        if items and (cost := unpriced(rows, name)):
            items.append(cost)
        reach = _reach(res, name)
        if items and reach:
            items.append(reach)
        if items:
            at_ports = _at_ports(rows, name, ports, currency)
            parts = {**_by_period(periods, rows, name, currency), **at_ports}
            in_force = periods.in_force.get(name)
            scope = f" (over the whole run: its reform {in_force_words(in_force)})" if (
                in_force) else ""
            is_ = (described or {}).get(name)
            said = (f"<p class='what'>What it is: {html.escape(is_)}</p>" if is_ else "",
                    brief(rows, name, list(at_ports), currency, scope, _uncosted(res, name),
                          float(res.meta.get("days") or 0) or None,
                          _brief_notes(res.meta, (name, "org_staff_cost_per_year") in rows,
                                       scaled, state)
                          + _local(rows, name) + _cash(rows, name, currency),
                          name in blind))
            out.append(_option(res, name, items, parts, in_force, said))
    return _with_cut_note(out)


def _brief_notes(
    meta: Mapping[str, Any], staff: bool, scaled: bool, state: bool = False
) -> tuple[str, ...]:
    """The brief's closing lines: its money's currency and price year, its volumes' scaling
    (:mod:`sim.report.brief_money`), and what the state's cost leaves out
    (:mod:`sim.report.brief_state`)."""
    from sim.report.brief_money import SCALED, money_line
    from sim.report.brief_state import STATE

    lines = (money_line(meta, staff), SCALED if scaled else "", STATE if state else "")
    return tuple(line for line in lines if line)


def _local(rows: Mapping[tuple[Any, Any], Mapping[Any, Any]], name: str) -> tuple[str, ...]:
    """The brief's line on the local knowledge the option changes (none: no line)."""
    from sim.report.brief_local import line

    said = line(rows, name)
    return (said,) if said else ()


def _cash(
    rows: Mapping[tuple[Any, Any], Mapping[Any, Any]], name: str, currency: str
) -> tuple[str, ...]:
    """The brief's line on the agencies' saving, cash apart from capacity freed (none: no
    line)."""
    from sim.report.brief_cash import line

    said = line(rows, name, currency)
    return (said,) if said else ()


def _with_cut_note(out: list[str]) -> list[str]:
    """The headline's paragraphs and, when a sentence quotes an interval end cut to what is
    possible (marked :data:`~sim.report.numbers.CUT`), the note saying where its uncut end
    is, as under the tables."""
    from sim.report.numbers import CUT, CUT_NOTE

    if not any(CUT in part for part in out[2:]):  # (not READING's)
        return out
    return [*out, f"<p class='note'>{html.escape(CUT_NOTE)}</p>"]


def _items(
    res: CompareResult, rows: Mapping[tuple[Any, Any], Mapping[Any, Any]], name: str,
    currency: str,
) -> list[str]:
    """Option ``name``'s headline lines, metric by metric in :data:`HEADLINE` order, each
    followed by the lines that explain it (by kind, by route, per container, per hour)."""
    idle = str(res.meta.get("unused_parts", {}).get(name, ""))
    went = _routes(rows, name)  # (after the smuggling lines, before the costs)
    days = float(res.meta.get("days") or 0) or None
    items = []
    for m, what, kind, words in HEADLINE + ORGANISATION:
        if m == "detection_rate" and (name, "detection_rate_all_routes") in rows:
            what = PORTS_ONLY  # (beside the figure over every route, said apart from it)
        if (name, m) in rows:  # (the staff's CNY with its price year, as money is said)
            line = (_sentence(rows[(name, m)], what, kind, words, currency) if kind != "CNY"
                    else _sentence(rows[(name, m)], what, "money", words, staff_unit(res.meta)))
            items.append(line + _baseline_count(m, rows[(name, m)], line) + _idle(m, idle))
        if m == "detection_rate" and (kinds := _by_kind(rows, name)):
            items.append(kinds)
        if m == "smuggling_caught_share" and went:
            items.append(went)
            if split := deterred_or_displaced(rows, name, days):
                items.append(split)
        if m == "agency_cost_per_consignment" and (overhead := overhead_cost(
                rows, name, currency, getattr(res, "summary", None))):
            items.append(overhead)
        if m == "trader_cost_per_consignment":
            items += _per_container(rows, name, res.meta, currency)
        if m == "agency_cost_per_year" and (patrol := patrol_cost(rows, name, currency)):
            items.append(patrol)
        if m == "agency_cost_per_year" and (per_hour := _per_hour(rows, name, res.meta)):
            items.append(per_hour + _losses(rows, name, currency) + _uncosted(res, name))
    return items


#: the seizure counts, whose headline lines also give the baseline's own count: a minister
#: asks how many, and "2 fewer" means little without it
SEIZURES = ("consignments_seized", "consignments_detained", "consignments_rejected")


def _baseline_count(metric: str, row: Mapping[Any, Any], line: str) -> str:
    """``; the baseline's: 16`` after a seizure count's ``line`` (empty for other lines,
    when the baseline's count is not known or the line gives it already)."""
    base = float(row.get("base", math.nan))
    if metric not in SEIZURES or not math.isfinite(base) or "the baseline's" in line:
        return ""
    return f"; the baseline's: {count_words(base)}"


def count_words(n: float) -> str:
    """A mean count over replications: whole when it is (16, not 16.0), else one decimal."""
    return f"{n:,.{0 if n == round(n) else 1}f}"


def _dates_only(meta: Mapping[str, Any]) -> Periods:
    """The periods of ``meta["periods"]`` (``era_<k> from <when>[: <what>]``) by their dates
    alone (without the options' scenarios: what begins then is not known per option)."""
    labels = {}
    for period in meta.get("periods") or []:
        era, _, when = str(period).partition(" from ")
        labels[era] = f"Goods arriving from {when.partition(': ')[0]}"
    if len(labels) < 2:
        return Periods()
    note = ("Every option's results are also split by the goods' arrival (the table's rows "
            "named _era_<k>: " + "; ".join(f"{e}: {w[0].lower()}{w[1:]}"
                                           for e, w in labels.items()) + "), each period set "
            "against the baseline's same period.")
    return Periods(labels, {}, note)


def _by_period(
    periods: Periods, rows: Mapping[tuple[Any, Any], Mapping[Any, Any]], name: str,
    currency: str,
) -> dict[str, list[str]]:
    """By period (``periods.labels``), the option's lines for the goods that arrived in it,
    each period's heading saying when the option's own dated reform switches on."""
    out = {}
    for era, label in periods.labels.items():
        k = era.removeprefix("era_")
        lines = [
            _sentence(rows[(name, key)], what, kind, words, currency)
            for m, what, kind, words in PERIODS
            if (name, key := m.format(k=k)) in rows
        ]
        mine = periods.own.get(name, {}).get(era)
        if lines and k.isdigit():
            out[f"{label}{f', its own {mine} in force' if mine else ''}:"] = lines
    return out if len(out) > 1 else {}


def _at_ports(
    rows: Mapping[tuple[Any, Any], Mapping[Any, Any]],
    name: str,
    ports: Mapping[str, list[str]] | None,
    currency: str,
) -> dict[str, list[str]]:
    """By port it changes, the option's lines there (none if it changes every port)."""
    mine = list(dict.fromkeys((ports or {}).get(name, [])))
    every = {str(m).split("_port_")[1].rsplit("_", 1)[0] for (_, m) in rows
             if str(m).startswith("clearance_h_mean_port_")}  # fmt: skip
    if not mine or every <= set(mine):
        return {}
    out = {
        p: [
            _sentence(rows[(name, key)], what, kind, words, currency)
            for m, what, kind, words in AT_PORT
            if (name, key := m.format(p=p)) in rows
        ]
        for p in mine
    }
    return {p: lines for p, lines in out.items() if lines}


def _per_container(
    rows: Mapping[tuple[Any, Any], Mapping[Any, Any]], name: str, meta: Mapping[str, Any],
    currency: str,
) -> list[str]:
    """At each port whose declarations carry containers (sea, rail: ``meta
    ["container_ports"]``), imports and exports apart, the option's change in cost per
    declaration and per container: the pooled figure is per declaration, a parcel's as a
    sea import's."""
    out = []
    for p in meta.get("container_ports") or []:
        for d in ("import", "export"):
            per = rows.get((name, f"total_cost_per_consignment_port_{p}_{d}"))
            box = rows.get((name, f"total_cost_per_container_port_{p}_{d}"))
            if per is None or box is None:
                continue
            what = f"at {p}, cost per {d} declaration, agencies and traders"
            out.append(f"{_sentence(per, what, 'money', ('less', 'more'), currency)}; "
                       f"{_sentence(box, 'per container', 'money', ('less', 'more'), currency)}")
    return out


def _clear(row: Mapping[Any, Any] | None) -> float | None:
    """A difference's mean when its interval is clear of 0 (None otherwise)."""
    if row is None:
        return None
    d, low, high = (float(row[k]) for k in ("mean", "shown_low", "shown_high"))
    return d if math.isfinite(d) and (low > 0 or high < 0) else None


def _per_hour(
    rows: Mapping[tuple[Any, Any], Mapping[Any, Any]], name: str, meta: Mapping[str, Any]
) -> str:
    """Where an option changes both the total cost per year and overall clearance clearly:
    the change in total cost per year (agencies and traders, the value of the goods' time
    included) over the consignment-hours it saves a year (or the saving per hour it adds),
    and the agencies' cost alone; empty otherwise. The hours: the change in mean overall
    clearance x the baseline's consignments out of the flow, scaled to a year."""
    cost = _clear(rows.get((name, "total_cost_per_year")))
    time = _clear(rows.get((name, "overall_clearance_h_mean")))
    count = float(rows.get((name, "consignments_released"), {}).get("base", math.nan))
    days = float(meta.get("days") or math.nan)
    if cost is None or time is None or not (math.isfinite(count) and days > 0):
        return ""
    hours = abs(time) * count * 365.0 / days  # consignment-hours a year
    money = money_unit(meta)  # (with the price year, as the other money lines)
    agency = float(rows.get((name, "agency_cost_per_year"), {}).get("mean", math.nan))
    change = (f"total cost per year (agencies and traders, the value of the goods' time "
              f"included) {_num(abs(cost))} {money} {'more' if cost > 0 else 'less'}, "
              f"{_num(hours)} consignment-hours of overall clearance a year "
              f"{'saved' if time < 0 else 'added'}; point estimates")
    if (cost < 0) == (time < 0):  # (no trade-off to price)
        return (f"{'cheaper and faster' if cost < 0 else 'dearer and slower'} at once: "
                f"{change}")
    word, per = ("cost", "saved") if time < 0 else ("saving", "added")
    text = f"{word} per consignment-hour {per}: {_num(abs(cost) / hours)} {money} ({change})"
    if math.isfinite(agency):
        text += (f"; the agencies' cost per year alone changes by {_num(agency / hours)} "
                 f"{money} per consignment-hour {per}")
    return text


def _reach(res: CompareResult, name: str) -> str:
    """Whom the option touches: the shares of the released consignments out more than the
    tolerance sooner and later (who gains and who loses), and what its average change is per
    consignment touched: a reform worth a minute on average may be worth hours to the few
    it acts on (a merged inspection acts only on goods both agencies examine)."""
    g = getattr(res, "gains", None)
    if g is None or g.empty:
        return ""
    row = g[(g["option"] == name) & (g["measure"] == "overall_clearance")
            & (g["dimension"] == "all")]  # fmt: skip
    if row.empty:
        return ""
    better, worse, mean = (float(row[c].iloc[0]) for c in
                           ("share_better", "share_worse", "mean_change"))  # fmt: skip
    touched = better + worse
    tol = 60 * float(res.meta.get("tolerance_h", 1 / 60))
    text = (f"whom it touches: {_pct(better)} of the released consignments leave the port more "
            f"than {tol:g} min sooner, {_pct(worse)} later")
    if touched > 0 and math.isfinite(mean):
        text += (f"; its average, {_hours(mean)} over all, is about {_hours(mean / touched)} "
                 "for each consignment it touches (who gains and who loses, below)")
    return text


def _uncosted(res: CompareResult, name: str) -> str:
    """The verdict's caveat when the option's reforms were given no running cost (what
    ``bordersim appraise`` takes instead, or that it is not known)."""
    from sim.experiment.compare_notes import uncosted_words

    reforms = res.meta.get("uncosted", {}).get(name)
    return f"; but {uncosted_words(reforms)}" if reforms else ""


#: the illicit types in a planner's words (detection by type: :func:`_by_kind`)
KINDS = {"tobacco": "tobacco", "counterfeit": "counterfeits", "frozen": "frozen products "
         "without quarantine clearance", "pest": "quarantine pests and disease",
         "undervaluation": "undervaluation", "wildlife": "endangered species"}  # fmt: skip


def _by_kind(rows: Mapping[tuple[Any, Any], Mapping[Any, Any]], name: str) -> str:
    """The share detected of each illicit type, its change with its interval, largest first:
    fewer quarantine samples can cost pests a quarter of their detection while the rate
    pooled over every type barely moves. Empty without types measured."""
    parts = []
    found = [(k, [100 * float(r[c]) for c in ("mean", "shown_low", "shown_high")], r)
             for k in KINDS if (r := rows.get((name, f"detection_rate_{k}"))) is not None]
    found = [f for f in found if all(math.isfinite(x) for x in f[1])]  # (measured)
    for kind, (d, low, high), row in sorted(found, key=lambda x: -abs(x[1][0])):
        if d == low == high == 0:
            parts.append(f"{KINDS[kind]} no change")
        elif low <= 0 <= high:
            mid, lo, hi = _quoted(row, d, low, high)
            parts.append(f"{KINDS[kind]} no clear change ({mid}; {lo} to {hi})")
        else:
            size, a, b = _quoted(row, d, low, high, by_size=True)
            parts.append(f"{KINDS[kind]} {size} {'lower' if d < 0 else 'higher'} "
                         f"({a} to {b}{UNCONFIRMED if _unconfirmed(row) else ''})")
    if not parts:
        return ""
    return ("share of each illicit type's consignments detected, in percentage points "
            "(95 % CI): " + "; ".join(parts))


#: enforcement figures and the direction that is a loss (+1: a rise; -1: a fall)
_LOSSES = (("detection_rate", -1, "share of illicit consignments detected"),
           *((f"detection_rate_{k}", -1, f"{w} detected") for k, w in KINDS.items()),
           ("value_slipped", 1, "value slipping through over the observed days"),
           ("harm_slipped", 1, "harm slipping through a year"),
           ("revenue_evaded", 1, "duty evaded a year"))  # fmt: skip


def _losses(rows: Mapping[tuple[Any, Any], Mapping[Any, Any]], name: str, currency: str) -> str:
    """What a cheaper or faster option costs enforcement, clearly (an interval clear of 0):
    the verdict on time and money must not read as free when it lets a type through."""
    found = []
    for metric, worse, what in _LOSSES:
        d = _clear(rows.get((name, metric)))
        if d is None or d * worse <= 0:
            continue
        size = f"{_num(abs(d) * 100)} percentage points" if worse < 0 else (
            f"{_num(abs(d))} {currency}")
        unconfirmed = _unconfirmed(rows[(name, metric)])
        found.append(f"{what} {'lower' if worse < 0 else 'higher'} by {size}"
                     + (f" ({UNCONFIRMED.removeprefix(', ')})" if unconfirmed else ""))
    if not found:
        return ""
    return "; at an enforcement cost: " + ", ".join(found) + " (95 % CI clear of 0)"


def _routes(rows: Mapping[tuple[Any, Any], Mapping[Any, Any]], name: str) -> str:
    """Where the option sent smuggling attempts: each route's change of attempts a
    replication, and of opportunities not tried, largest first (a patrol that displaces
    loads changes little in the totals and much route by route); empty without smugglers or
    when no route's attempts changed clearly."""
    prefix = "smuggling_attempts_route_"
    found = [(str(m).removeprefix(prefix), r) for (o, m), r in rows.items()
             if o == name and str(m).startswith(prefix)]  # fmt: skip
    if not found:
        return ""
    if (name, "attempts_deterred") in rows:
        found.append(("not tried (deterred)", rows[(name, "attempts_deterred")]))
    parts, clear = [], False
    for route, r in sorted(found, key=lambda x: -abs(float(x[1]["mean"]))):
        d, low, high = (float(r[k]) for k in ("mean", "shown_low", "shown_high"))
        if not all(math.isfinite(x) for x in (d, low, high)):
            continue
        mid, lo, hi = _quoted(r, d, low, high)
        if low <= 0 <= high:
            parts.append(f"{route} no clear change ({mid}; {lo} to {hi})")
            continue
        clear = True  # (the word carries the sign: "3.00 fewer (1.00 to 5.00)")
        size, a, b = _quoted(r, d, low, high, by_size=True)
        parts.append(f"{route} {size} {'fewer' if d < 0 else 'more'} ({a} to {b})")
    if not clear:
        return ""
    return ("where smuggling attempts went, a replication (95 % CI): " + "; ".join(parts)
            + ". Loads a patrol turns away from one route go to others, or are not tried")


def _pct(share: float) -> str:
    return f"{100 * share:.2g} %" if 0 < share < 0.01 else f"{100 * share:.1f} %"


def _hours(h: float) -> str:
    """A change of time in words (sooner, later): minutes under an hour."""
    size = f"{abs(h):.2f} h" if abs(h) >= 1 else f"{60 * abs(h):.1f} min"
    return f"{size} {'sooner' if h < 0 else 'later'}"


def _idle(metric: str, unused: str) -> str:
    """A caveat on a headline line whose figure the option's scenario says acts on nothing
    (``unused``: its notes on parts that act on nothing, which name the metrics they
    concern, e.g. alerts that reach ports where no risk engine reads them); the notes on
    staff left unpriced name the cost figures too, but say nothing of what the option does."""
    from sim.scenario.cost_notes import UNPRICED_NOTE

    if not re.search(rf"\b{re.escape(metric)}\b", UNPRICED_NOTE.sub("", unused)):
        return ""
    return " (it changes nothing for goods or seizures in this scenario: see the notes)"


def _listed(lines: list[str]) -> str:
    return "<ul class='headline'>" + "".join(f"<li>{html.escape(i)}</li>" for i in lines) + (
        "</ul>")


def _option(
    res: CompareResult, name: str, items: list[str], at_ports: dict[str, list[str]],
    in_force: tuple[float, float] | None = None, said: tuple[str, str] = ("", ""),
) -> str:
    """One option's heading, what it is and caveats, its brief (``said``: these two) and
    lines: at each port it
    changes (if it leaves some alone), then pooled over every port (with ``in_force``, its
    dated reform's observed days in force and the observed days, a caveat that they mix its
    periods)."""
    from sim.experiment.composition import arrivals_note, truth_note

    flag = ""
    if res.unstable(name):
        flag = " (not steady-state: read with care)"
    elif res.unstable(res.names[0]):  # (its differences are flagged all the same)
        flag = " (its baseline is not steady-state: read with care)"
    changed = res.meta.get("arrivals_changed", {}).get(name)
    truth = res.meta.get("truth_changed", {}).get(name)
    text = f"<h3>{html.escape(name)}{flag}</h3>{said[0]}" + ("" if changed is None else (
        f"<p class='note'>Read with care: {html.escape(arrivals_note(changed))}.</p>"))
    if truth is not None:
        text += f"<p class='note'>Read with care: {html.escape(truth_note(*truth))}.</p>"
    for key in ("engine_switched", "structure_assumptions"):
        why = res.meta.get(key, {}).get(name)
        if why is not None:
            text += f"<p class='note'>Read with care: {html.escape(why)}.</p>"
    held = _held(res, name)
    if held:
        text += f"<p class='note'>Read with care: {html.escape(held)}.</p>"
    mixed = f" (its reform {in_force_words(in_force)})" if in_force else ""
    text += said[1]
    if not at_ports:
        return text + (f"<p>Over the whole run{mixed}:</p>" if mixed else "") + _listed(items)
    for part, lines in at_ports.items():
        heading = part if part.endswith(":") else f"At {part}, which it changes:"
        text += f"<p>{html.escape(heading)}</p>" + _listed(lines)
    pooled = (f"Over the whole run, every port{mixed}:" if any(
        p.endswith(":") for p in at_ports) else
        f"Pooled over every port (its change diluted by the ports it leaves alone){mixed}:")
    return text + f"<p>{pooled}</p>" + _listed(items)


#: a cohort share still held at the end above which an option's figures are said to flatter
#: it (as the stability check's ``UNFINISHED``)
HELD = 0.01


def _held(res: CompareResult, name: str) -> str:
    """What an option's figures leave out when much of its cohort was still held by customs
    at the end (censored): its means are of the goods that got out, so they flatter it."""
    summary = getattr(res, "summary", None)
    if summary is None or summary.empty or "metric" not in summary:
        return ""
    means = summary.set_index(["option", "metric"])["mean"]

    def share(option: str) -> float:
        censored = means.get((option, "consignments_censored"), math.nan)
        arrived = means.get((option, "consignments_arrived"), math.nan)
        return float(censored) / float(arrived) if arrived and arrived == arrived else 0.0

    mine, base = share(name), share(res.names[0])
    if not mine > max(HELD, 2 * base):
        return ""
    return (f"{mine:.1%} of its cohort was still held when the run ended (the baseline: "
            f"{base:.1%}); they are left out of its clearance and cost figures, which then "
            "flatter it: a time or cost it seems to save may be goods it never cleared")


#: an interval holding 0 wider than this share of the baseline's value each side tells
#: nothing either way: too few replications, not "no change"
IMPRECISE = 0.25


#: how to read the headline, in plain words, for a reader who has never met a confidence
#: interval (a minister's briefing quotes these lines as they are)
READING = (
    "<p class='note reading'><b>How to read these figures.</b> Each option runs on the same "
    "simulated traffic as the baseline (the same replications, paired), and each line gives "
    "its change from the baseline with a 95 % interval (\u201c95 % CI\u201d): the range "
    "the change lies in, with 95 % confidence, given the model's assumptions; the wider it "
    "is, the less the runs pin the change down. Where the interval includes 0, the change "
    "cannot be told apart from the chance variation between runs: the line says "
    "\u201cno clear change\u201d (which is not proof that there is no effect), or "
    "\u201ctoo imprecise to tell\u201d where the interval also reaches a quarter of the "
    "baseline's value either way (more replications would narrow it). With several options, "
    "a change clear of 0 could still be chance among so many tries: one that Holm's "
    "correction for the number of options does not confirm (no * in the table) says "
    "\u201cnot significant once corrected for the number of options\u201d. A star says a "
    "change is not chance, not that it is large: read its size. The intervals measure the "
    "variation between the model's runs, not the uncertainty of its assumptions (the "
    "scenario's sources say which figures are assumed). Every figure is in the table under "
    "Results.</p>"
)


def _sentence(
    row: Mapping[Any, Any], what: str, kind: str, words: tuple[str, str], currency: str
) -> str:
    """``what`` 0.46 h shorter (95 % CI 0.11 to 0.81), or no clear change (...); an
    interval holding 0 and wide against the baseline's value (``row["base"]``, if known) is
    too imprecise to tell; a change clear of 0 that Holm's correction does not confirm (the
    table's ``*``, ``row["significant"]``) says so."""
    base = float(row.get("base", math.nan))
    scale = 100.0 if kind == "points" else 1.0
    d = float(row["mean"]) * scale
    low, high = float(row["shown_low"]) * scale, float(row["shown_high"]) * scale
    if not all(math.isfinite(x) for x in (d, low, high)):
        return f"{what}: not measured"
    if d == low == high == 0:
        return f"{what}: no change (the same in every replication)"
    unit, per = _unit(kind, currency, max(abs(d), abs(low), abs(high)))
    d, low, high = d * per, low * per, high * per
    if low <= 0 <= high:
        said = _quoted(row, d, low, high)
        ci = f"{said[0]}{unit}; 95 % CI {said[1]} to {said[2]}"
        if math.isfinite(base) and max(-low, high) > IMPRECISE * abs(base * scale * per):
            return (f"{what}: too imprecise to tell ({ci}, against the baseline's "
                    f"{_num(base * scale * per)}{unit}): more replications would narrow it")
        return f"{what}: no clear change ({ci})"
    word = words[0] if d < 0 else words[1]
    size, a, b = _quoted(row, d, low, high, by_size=True)
    text = f"{what}: {size}{unit} {word} (95 % CI {a} to {b})"
    return text + (UNCONFIRMED if _unconfirmed(row) else "")


#: said of a change clear of 0 that Holm's correction for the number of options does not
#: confirm (the table's missing ``*``)
UNCONFIRMED = ", not significant once corrected for the number of options (Holm)"


def _unconfirmed(row: Mapping[Any, Any]) -> bool:
    return row.get("significant") is False or str(row.get("significant")) == "False"


def _unit(kind: str, currency: str, size: float) -> tuple[str, float]:
    """The unit to show a difference of ``size`` in, and its factor: a time under 0.1 h in
    minutes, under a minute in seconds (0.3 s, not 0.000077 h)."""
    if kind == "hours":
        if size < 1 / 60:
            return " s", 3600.0
        if size < 0.1:
            return " min", 60.0
        return " h", 1.0
    units = {"points": " percentage points", "money": f" {currency}", "CNY": " CNY",
             "count": ""}
    return units[kind], 1.0


def _num(x: float) -> str:
    """Enough digits for a small difference, thousands separated for a large one."""
    return f"{x:,.{_decimals(x)}f}"


def _decimals(x: float) -> int:
    """:func:`_num`'s decimals: none from 1,000, one from 10, two from 0.1, below it two
    significant digits."""
    if abs(x) >= 1000:
        return 0
    if abs(x) >= 10:
        return 1
    if abs(x) >= 0.1 or x == 0:
        return 2
    return 1 - math.floor(math.log10(abs(x)))


def _quoted(
    row: Mapping[Any, Any], d: float, low: float, high: float, by_size: bool = False
) -> tuple[str, str, str]:
    """A change and its interval's ends as a sentence quotes them (:func:`_nums`), each end
    the tables cut to what is possible marked :data:`~sim.report.numbers.CUT` as they mark
    it (``row``: the difference's, its raw ``ci_low``/``ci_high`` and shown ends; ``low``,
    ``high``: its shown ends, scaled); ``by_size``: the change's size and the ends' sizes,
    smaller first, for a sentence whose word carries the sign (each mark kept on its end)."""
    from sim.report.numbers import cut_marks

    raw = (float(row.get("ci_low", math.nan)), float(row.get("ci_high", math.nan)))
    marks = cut_marks(raw, (float(row["shown_low"]), float(row["shown_high"])))
    if not by_size:
        mid, a, b = _nums(d, low, high)
        return mid, a + marks[0], b + marks[1]
    (x, ma), (y, mb) = sorted(zip((abs(low), abs(high)), marks, strict=True))
    size, a, b = _nums(abs(d), x, y)
    return size, a + ma, b + mb


def _nums(d: float, low: float, high: float) -> tuple[str, str, str]:
    """A change and its interval's ends to the same decimals, those :func:`_num` gives the
    end farther from 0 (29.8 (95 % CI 8.9 to 50.7), not 29.8 (8.89 to 50.7)): figures quoted
    together read as one precision, the interval's, and a briefing can copy them as they
    are."""
    far = max(abs(low), abs(high))
    k = _decimals(far) if far > 0 else None
    said = tuple(_num(x) if k is None else f"{x:,.{k}f}" for x in (d, low, high))
    return tuple(  # type: ignore[return-value]
        t[1:] if t.startswith("-") and not t.strip("-0.,") else t for t in said  # (no "-0.00")
    )
