"""The report's validation table: a run's ``validation.csv`` (``run --observed FILE``), the
observed figures beside the simulated means and intervals, inside or not."""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sim.report.folder import Variant


def validation_section(variants: Mapping[str, Variant]) -> list[str]:
    """The section of a run folder holding ``validation.csv`` (none otherwise, nor for a
    comparison, whose options were not run with observed figures)."""
    from sim.cli_validation import VALIDATION_FILE
    from sim.experiment.validation import TABLE_COLUMNS, read_observed, validation_rows
    from sim.report.folder import ResultsFolderError, read_object

    if len(variants) != 1:
        return []
    folder = next(iter(variants.values())).path
    path = folder / VALIDATION_FILE
    if not path.is_file():
        return []
    try:  # (its observed figures, set against the folder's summary: never a stale copy)
        figures = read_observed(path, TABLE_COLUMNS)
    except ValueError as exc:
        raise ResultsFolderError(f"{path} cannot be read ({exc})") from None
    records = validation_rows(figures, read_object(folder / "summary.json"))
    inside = sum(str(r.get("inside")) == "yes" for r in records)
    judged = sum(str(r.get("inside")) in ("yes", "no") for r in records)
    own = any(r.get("agree") for r in records)  # figures with intervals of their own
    head = "".join(
        f"<th>{c}</th>" for c in
        ("metric", "what", "observed", "simulated", "95 % CI", "sim \u2212 obs", "inside",
         *(("difference 95 % CI", "agree") if own else ()), "source")
    )
    rows = "".join(_row(r, own) for r in records)
    agree = sum(str(r.get("agree")) == "yes" for r in records)
    return [
        "<h2>Observed against simulated</h2>",
        f"<p class='note'>{inside} of {judged} observed figure(s) fall inside the run's 95 % "
        "interval. The interval is the simulation's own randomness over its replications, not "
        "the observed figure's sampling error nor the uncertainty of the scenario's "
        f"assumptions ({VALIDATION_FILE} has every column)."
        + (f" {agree} agree: the difference's 95 % interval, from the run's interval and the "
           "figure's own, holds 0." if own else "") + "</p>",
        f"<table class='validation'><tr>{head}</tr>{rows}</table>",
    ]


def _row(r: Mapping[str, Any], own: bool = False) -> str:
    from sim.experiment.validation import observed_decimals
    from sim.report.html import _figures, _fmt

    low, high = _float(r.get("ci_low")), _float(r.get("ci_high"))
    rel = _float(r.get("relative_difference"))
    diff = _fmt(_float(r.get("difference")))
    if not math.isnan(rel):
        diff += f" ({rel:+.0%})"
    observed, mean = _float(r.get("observed")), _float(r.get("simulated_mean"))
    simulated, span = _figures(mean, low, high)
    shown = _fmt(observed)
    digits = None if math.isnan(observed) else observed_decimals(observed)
    if digits is not None and all(abs(v) < 10 for v in (mean, low, high)):
        # (a published 0.0057 beside a simulated 0.006 reads as a match to the third place)
        shown, simulated = f"{observed:.{digits}f}", f"{mean:.{digits}f}"
        span = f"[{low:.{digits}f}, {high:.{digits}f}]"
    cells = (
        f"<code>{html.escape(str(r.get('metric', '')))}</code>",
        html.escape(str(r.get("label", ""))),
        shown,
        simulated,
        span,
        diff,
        html.escape(str(r.get("inside", ""))),
        *(_agreement(r) if own else ()),
        html.escape(str(r.get("source", ""))),
    )
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _agreement(r: Mapping[str, Any]) -> tuple[str, str]:
    """The difference's interval and ``agree`` (blank for a figure without its own)."""
    from sim.report.html import _figures

    low, high = _float(r.get("difference_low")), _float(r.get("difference_high"))
    span = "" if math.isnan(low) else _figures(_float(r.get("difference")), low, high)[1]
    return span, html.escape(str(r.get("agree") or ""))


def _float(x: Any) -> float:
    """A cell as a number (an empty cell or text: NaN, shown as a dash)."""
    try:
        return float(x)
    except (TypeError, ValueError):
        return math.nan
