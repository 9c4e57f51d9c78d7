"""An option's answer in brief, atop its headline lines: one line each for the outcomes a
decision weighs (clearance time, the detection of illicit goods and what slips through,
seizures, with the baseline's own counts, and cost), giving only the changes that are clear
and confirmed, each with its 95 % interval, and otherwise one plain verdict (no change, the
same in every replication; no clear change; too imprecise to tell; a change Holm's
correction does not confirm). The headline's twenty-odd lines an option has are all true,
but a reader who stops after a few of them could miss the one change that matters or take a
line on an unchanged figure for the answer."""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from typing import Any

from sim.report import headline as hl
from sim.report.headline_patrol import patrol_cost

#: the outcomes, each with its pooled metrics and its metrics at a port the option changes
#: (``{p}``), each with a short name (the headline's lines below give the long one)
OUTCOMES: tuple[tuple[str, tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]], ...] = (
    ("Clearance time",
     (("clearance_h_mean_import", "import clearance"),
      ("clearance_h_mean_export", "export clearance"),
      ("overall_clearance_h_mean_import", "imports' time to leave the port"),
      ("departure_h_mean_export", "exports' time to departure")),
     (("clearance_h_mean_port_{p}_import", "import clearance"),
      ("clearance_h_mean_port_{p}_export", "export clearance"),
      ("overall_clearance_h_mean_port_{p}_import", "imports' time to leave the port"),
      ("departure_h_mean_port_{p}_export", "exports' time to departure"))),
    ("Illicit goods detected and slipping through",
     (("detection_rate", "share of illicit consignments detected"),
      ("detection_rate_with_audit", "share detected, finds after release included"),
      ("value_slipped", "value of illicit goods slipping through the ports, over the observed "
       "days"),
      ("value_slipped_total", "value slipping through in all, smuggling routes included, "
       "over the observed days"),
      ("harm_slipped", "harm slipping through, a year"),
      ("revenue_evaded", "duty evaded, a year")), ()),
    ("Seizures",
     (("consignments_seized", "consignments seized"),
      ("consignments_detained", "consignments detained"),
      ("consignments_rejected", "consignments rejected after a find"),
      ("smuggling_interdicted", "loads stopped by patrols outside the ports")), ()),
    ("Cost",
     (("total_cost_per_consignment", "cost per declaration, agencies and traders"),
      ("trader_cost_per_consignment", "traders' cost per declaration (fees and time)"),
      ("agency_cost_per_year", "agencies' cost per year")),
     (("total_cost_per_consignment_port_{p}_import", "cost per import declaration"),
      ("total_cost_per_consignment_port_{p}_export", "cost per export declaration"))),
)

#: an outcome none of whose figures moves in any replication (the headline's words): an
#: option that cannot reach it in the scenario (the organisation's structure with no risk
#: engine, for seizures) is not "no clear change", which reads as a change lost in noise
SAME = "no change (the same in every replication)"

_WORDS = {m: (kind, words) for m, _, kind, words in (*hl.HEADLINE, *hl.AT_PORT)}


def brief(
    rows: Mapping[tuple[Any, Any], Mapping[Any, Any]], name: str, ports: Sequence[str],
    currency: str, scope: str = "", cost_caveat: str = "", days: float | None = None,
    notes: Sequence[str] = (), structure_blind: bool = False,
) -> str:
    """The option's brief as HTML (empty when it has none of the outcomes' rows); ``ports``:
    those it changes, whose own lines come before the pooled ones; ``scope``: a caveat on
    the figures (a dated reform in force for part of the run: they mix its periods);
    ``cost_caveat``: one on its cost (``; but`` its reform's running cost was not given);
    ``days``: the observed days, which the baseline's seizure counts are of; ``notes``:
    lines after the outcomes' (the money's currency and price year, scaled volumes);
    ``structure_blind``: the option changes the organisation's structure in a scenario with
    no risk engine, so an unchanged seizures line says why (:mod:`sim.report.brief_structure`)."""
    from sim.report.brief_structure import OUTCOMES as BLIND
    from sim.report.brief_structure import WHY

    lines = []
    for outcome, pooled, at_port in OUTCOMES:
        found = [(f"at {p}, {what}", m.format(p=p), m) for m, what in at_port for p in ports]
        found += [(what, m, m) for m, what in pooled]
        said = [_said(rows[(name, key)], what, spec, currency)
                for what, key, spec in found if (name, key) in rows]  # fmt: skip
        if said:
            caveat = cost_caveat if outcome == "Cost" else ""
            if outcome == "Cost" and (patrol := patrol_cost(rows, name, currency)):
                caveat = f"; {patrol}{caveat}"
            level = _counts(rows, name, pooled, days) if outcome == "Seizures" else ""
            verdict = _verdict(said)
            if structure_blind and outcome in BLIND and verdict == SAME:
                caveat = WHY
            lines.append(f"{outcome}{level}: {verdict}{caveat}")
    if not lines:
        return ""
    lines += notes
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    head = f"<p class='brief'><b>In brief</b>{html.escape(scope)}:</p>"
    return f"{head}<ul class='brief'>{items}</ul>"


def _counts(
    rows: Mapping[tuple[Any, Any], Mapping[Any, Any]], name: str,
    metrics: tuple[tuple[str, str], ...], days: float | None,
) -> str:
    """The baseline's own counts, `` (the baseline, a replication's mean over 7 observed
    days: 16 consignments seized, ...)``: a change in seizures means little to a reader who
    does not know how many there are (empty when the baseline's counts are not known)."""
    known = [(what, float(rows[(name, m)].get("base", math.nan))) for m, what in metrics
             if (name, m) in rows]  # fmt: skip
    known = [(what, n) for what, n in known if math.isfinite(n)]
    if not known:
        return ""
    over = f" over {days:g} observed days" if days else ""
    counts = ", ".join(f"{hl.count_words(n)} {what}" for what, n in known)
    return f" (the baseline, a replication's mean{over}: {counts})"


def _said(row: Mapping[Any, Any], what: str, spec: str, currency: str) -> tuple[str, str]:
    """(verdict, sentence) of one figure (``spec``: its metric as the headline's tables name
    it): ``clear`` (and confirmed by Holm), ``unconfirmed`` (clear of 0, not confirmed),
    ``imprecise``, ``same`` (not a hair's change in any replication) or ``none``."""
    kind, words = _WORDS[spec]
    text = hl._sentence(row, what, kind, words, currency)
    if text.endswith(SAME):
        return "same", text
    if hl._clear(row) is None:
        return ("imprecise" if "too imprecise to tell" in text else "none"), text
    return ("unconfirmed" if hl._unconfirmed(row) else "clear"), text


def _verdict(said: list[tuple[str, str]]) -> str:
    """The clear changes, each as the headline says it; else the weakest word that is true."""
    clear = [text for kind, text in said if kind == "clear"]
    if clear:
        rest = len(said) - len(clear)
        tail = f" (no confirmed change in the {rest} other figure{'s' if rest != 1 else ''})"
        return "; ".join(clear) + (tail if rest else "")
    kinds = {kind for kind, _ in said}
    if "unconfirmed" in kinds:
        return ("no confirmed change: a change clear of 0 is not confirmed once corrected for "
                "the number of options (see below)")
    if "imprecise" in kinds:
        return "too imprecise to tell: more replications would narrow it (see below)"
    if kinds == {"same"}:  # (not "no clear change", which implies a change lost in noise)
        return SAME
    return "no clear change"
