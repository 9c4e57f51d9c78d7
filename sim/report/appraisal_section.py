"""The report's business case section: the folder's ``appraisal.json``, written by
``bordersim appraise`` (:mod:`sim.experiment.appraisal`), as a table of each option's figures
with their 95 % intervals; none where the folder has not been appraised."""

from __future__ import annotations

import html
import json
import math
from pathlib import Path
from typing import Any

from sim.experiment.appraisal import FIGURES
from sim.report.folder import ResultsFolderError, own_bytes


def appraisal_section(folder: Path) -> list[str]:
    """The section's HTML parts (none without ``appraisal.json``); a damaged file is a
    :class:`ResultsFolderError` naming it."""
    file = folder / "appraisal.json"
    if not file.is_file():
        return []
    raw = own_bytes(file, 64 * 2**20)  # (never through a link: a ResultsFolderError)
    try:
        data = json.loads(raw.decode("utf-8"))
        options: dict[str, dict[str, dict[str, Any]]] = data["options"]
        terms = (int(data["years"]), float(data["discount_rate"]), str(data["money"]),
                 float(data["time_value_scale"]), dict(data["setup"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ResultsFolderError(f"{file}: cannot be read ({exc}); run bordersim appraise "
                                 f"{folder} again", repair=False) from None
    years, rate, money, scale, _ = terms
    unknown = data.get("setup_unknown") or {}  # (options with a reform of no set-up figure)
    head = "".join(f"<th scope='col'>{html.escape(o)}</th>" for o in options)
    rows = []
    for figure, words in FIGURES:
        shown = [NOT_KNOWN if figure == "payback_years" and o in unknown
                 else _cell(options[o].get(figure), figure) for o in options]
        cells = "".join(f"<td>{cell}</td>" for cell in shown)
        rows.append(f"<tr><th scope='row'>{html.escape(words)}</th>{cells}</tr>")
        rows += _source_row(figure, options, data.get("cost_sources"))
    note = (f"Against the baseline over {years} years at a discount rate of {rate:g}; money "
            f"in {money or 'the scenario currency'}"
            + ("" if scale == 1 else f"; the value of the goods' time x {scale:g}")
            + ". Mean and 95 % interval over the replications (paired). Year 0: the set-up "
            "cost (given, or the reform library's default) and the equipment added; years 1 "
            "on: running cost and traders' saving. Written by bordersim appraise "
            "(appraisal.csv); see docs/how-results-are-computed.md, \"A business case over "
            "years\".")
    from sim.experiment.appraisal_folder import CAPACITY_COUNTED, CASH_ONLY
    from sim.experiment.price_index import from_record

    counts = CAPACITY_COUNTED if data.get("count_freed_capacity") else CASH_ONLY
    carried = from_record(data.get("carried"))
    from sim.experiment.appraisal_folder import RESIDUAL_APART, RESIDUAL_COUNTED

    residual = RESIDUAL_COUNTED if data.get("count_residual_value") else RESIDUAL_APART
    from sim.report.appraisal_spread_section import spread_section
    return ["<h2>Business case over years</h2>", *_older(folder, data),
            f"<p class='note'>{html.escape(note)}</p>",
            *([] if carried is None else [f"<p class='note'>{html.escape(carried.said())}</p>"]),
            f"<p class='note'>{html.escape(counts)}</p>",
            f"<p class='note'>{html.escape(residual)}</p>",
            f"<table><tr><th></th>{head}</tr>{''.join(rows)}</table>", *spread_section(data)]


def _older(folder: Path, terms: dict[str, Any]) -> list[str]:
    """A warning where the appraisal is of fewer (or more) replications than the folder now
    holds (a comparison resumed after appraising): its figures are older than the rest of
    the page's. Said, not refused: the rest of the report stands; the command to run again
    carries the terms it was given (``terms``: appraisal.json's), as the workbook's does."""
    from sim.report.folder import read_csv
    from sim.report.workbook_appraisal import given_flags, older_than_replications
    from sim.shell_line import bordersim_line

    file = folder / "appraisal.csv"
    if not file.is_file():
        return []
    table = read_csv(file, dtype={"option": str, "figure": str})
    if not {"option", "n"} <= set(table.columns):
        raise ResultsFolderError(f"{file}: not what bordersim appraise writes; run bordersim "
                                 f"appraise {folder} again", repair=False)
    older = older_than_replications(folder, table)
    if older is None:
        return []
    option, n, held = older
    again = bordersim_line("appraise", folder, *given_flags(folder, terms))
    said = (f"This business case is older than the figures above: it is of {n} replications "
            f"of {option}, the folder now holds {held}. Run {again} again (the terms it was "
            "given, from appraisal.json) for a business case of them all.")
    return [f"<p class='warn'>{html.escape(said)}</p>"]


#: the row under the set-up and the running cost added that says where each option's came from
SOURCE_ROWS = {"setup_cost": "where the set-up cost came from",
               "running_cost_given_per_year": "where the running cost added came from"}


def _source_row(figure: str, options: dict[str, Any], sources: Any) -> list[str]:
    """Under the set-up cost (the running cost added): where each option's came from, given
    or the reform library's default (an assumption); none for an appraisal written before
    sources were recorded, or for another figure."""
    from sim.experiment.appraisal_sources import SOURCED, WORDS, part

    if figure not in SOURCE_ROWS or not isinstance(sources, dict):
        return []
    kind = SOURCED[figure]
    cells = "".join(f"<td>{html.escape(WORDS.get(str(part(sources, o).get(kind)), '–'))}</td>"
                    for o in options)
    return [f"<tr><th scope='row'>{html.escape(SOURCE_ROWS[figure])}</th>{cells}</tr>"]


#: a payback of 0 years in a cell: nothing at year 0 to repay (the console's words, shorter)
AT_ONCE = "at once"
#: a payback whose set-up cost is not known (a reform of no figure and none given)
NOT_KNOWN = "not known"


def _cell(figure: dict[str, Any] | None, name: str = "") -> str:
    """A figure's mean and interval, as text ('never' for a payback beyond the horizon, 'at
    once' for one of 0 years: a 0 would read as no payback at all)."""
    if not figure:
        return "\u2013"
    mean, low, high = (AT_ONCE if name == "payback_years" and figure.get(k) == 0 else
                       _number(figure.get(k)) for k in ("mean", "ci_low", "ci_high"))
    shown = mean if low == "\u2013" or high == "\u2013" else f"{mean} [{low}, {high}]"
    return html.escape(shown)


def _number(x: Any) -> str:
    if x is None:
        return "\u2013"
    if isinstance(x, str):
        return x
    v = float(x)
    if not math.isfinite(v):
        return "\u2013"
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.3g}"
