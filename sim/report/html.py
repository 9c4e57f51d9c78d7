r"""``report.html`` of a comparison (or of a run, a comparison of one option): what was run,
the table, stability, plots, who gains; with the :class:`~sim.report.folder.Variant`\ s of a
results folder also the scenario, the tail, the milestone intervals, the hidden truth, queues
over time and the organisation tree (:mod:`sim.report.sections`).

Self-contained: plots are PNGs embedded as base64, no scripts, no external files. Every number
of the results table carries its exact value in ``data-*`` attributes.
"""

from __future__ import annotations

import dataclasses
import html
import math
import shlex
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sim.experiment.gains import COST
from sim.model.stability import flagged, too_short
from sim.report import page_policy, plots, sections
from sim.report.brief_money import scaled_volumes
from sim.report.brief_state import state_partial
from sim.report.brief_structure import blind
from sim.report.class_section import class_section
from sim.report.headline import headline
from sim.report.numbers import (
    CUT,
    CUT_NOTE,
    cut_marks,
    cut_note_once,
    decimals_of,
    interval_bounds,
    tiny,
)
from sim.report.options_table import options_rows, what_it_is
from sim.report.periods import Periods, in_force_words, periods_of
from sim.report.read_first import read_first
from sim.report.risk_section import risk_section
from sim.report.seizure_layers_section import folder_section as layers_section
from sim.report.trading_section import trading_section
from sim.report.validation_section import validation_section

if TYPE_CHECKING:
    import pandas as pd

    from sim.experiment.compare import CompareResult
    from sim.report.folder import Variant

REPORT_METRICS = (
    "clearance_h_mean",
    "clearance_h_median",
    "clearance_h_p90",
    "clearance_h_p95",
    "released_within_24h",
    "declared_to_release_h_mean",
    "overall_clearance_h_mean",
    "overall_clearance_h_mean_goods_import",
    "overall_clearance_h_median",
    "overall_clearance_h_p90",
    "overall_clearance_h_p95",
    "exited_within_24h",
    "consignments_released",
    "consignments_censored",
    "consignments_seized",
    "inspection_rate",
    "inspection_rate_goods",
    "detection_rate",
    "detection_rate_with_audit",
    "value_slipped",
    "total_cost_per_consignment",
    "agency_cost_per_consignment",
    "trader_cost_per_consignment",
    "trader_fees_per_consignment",
    "agency_cost_per_year",
)
#: the detection rate of the cost against detection plot: with finds after release where the
#: run has them (so it agrees with what slips through), else before release only
DETECTION = ("detection_rate_with_audit", "detection_rate")
MEDIAN_NOTE = (
    "Most consignments go green and are released within seconds of arriving (their "
    "declaration was lodged in advance; only automated steps remain), so the median clearance "
    "(arrived \u2192 released) is often 0 h or a few thousandths of an hour, and a reform cannot "
    "move it: the mean, the p90 and the p95 and the share within 24 h "
    "show what happens to the consignments that do wait. Overall clearance (arrived \u2192 "
    "exited for an import, \u2192 loaded for an export) also counts the trader's pick-up and "
    "the terminal's time."
)

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1200px;
margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.8em;border-bottom:1px solid #ddd}
h3{overflow-wrap:anywhere}
table{border-collapse:collapse;font-size:.88em;margin:.6em 0;display:block;max-width:100%;
overflow-x:auto}
th,td{padding:.25em .6em;border-bottom:1px solid #eee;text-align:right}
th:first-child,td:first-child{text-align:left}
td.changes{text-align:left}th{background:#f6f6f6}.warn{color:#a94400}.sig{font-weight:bold}.note{color:#555}
img{max-width:100%}.wide{overflow-x:auto}.wide img{max-width:none;width:auto}
table.results td:not(.opt){white-space:nowrap}
table.results th[scope=row],table.results td.opt{overflow-wrap:anywhere;min-width:8em}
ul.headline{margin:.3em 0 1em}
p.brief{margin:.4em 0 0}ul.brief{background:#f4f7fb;padding:.4em 1em .4em 2em}
ul.read-first{border-left:4px solid #a94400;padding:.4em 1em .4em 2em;font-weight:bold}
th[scope=row]{background:none;font-weight:normal;text-align:left}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
"""


def _fmt(x: Any, digits: int = 3) -> str:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return html.escape(str(x))
    if math.isnan(v):
        return "\u2013"
    if 1e-9 < abs(v) < 0.5 * 10.0**-digits and digits >= 3:  # (not "0.000" beside a mark)
        return tiny(v)
    if abs(v) >= 1000:
        text = f"{v:,.0f}"
    else:
        text = f"{v:.{digits}f}" if abs(v) < 10 else f"{v:.{min(digits, 2)}f}"
    return text[1:] if text.startswith("-") and not any(c in "123456789" for c in text) else text


#: an interval of no width, in words: every replication gave the same figure, which a
#: "[0.000, 0.000]" would present as a 95 % interval, as if the figure were known exactly
SAME = "(the same in every replication)"


def no_width(low: float, high: float) -> bool:
    """An interval of no width (up to float rounding: a mean of equal figures can differ
    from each of them in its last bit): its replications all gave the same figure."""
    return abs(high - low) <= 1e-12 * max(1.0, abs(low), abs(high))


def _interval(low: Any, high: Any) -> str:
    """An interval's bounds in brackets as tables show them (``–`` without one, :data:`SAME`
    when it has no width)."""
    low, high = float(low), float(high)
    if math.isnan(low) or math.isnan(high):
        return "\u2013"
    if no_width(low, high):
        return SAME
    shown = interval_bounds(low, high, _fmt)
    return f"[{shown[0]}, {shown[1]}]"


def shared_decimals(mean: float, low: float, high: float) -> int | None:
    """The decimals a figure and its interval share in a table: those :func:`_fmt` gives the
    one farthest from 0 (three below 10, two below 1,000, none from there), so that 9.31
    [5.55, 13.07] reads as one precision, not 9.307 [5.546, 13.07]; below 10, more where one
    of them is too small for three (two digits of it: 0.00031 [-0.00112, 0.00174]). None
    where any is missing, below 10\u207b\u2075 or too small beside one of 10 or more (each
    keeps its own form then). :func:`_figures` adds decimals to an interval whose ends would
    read the same."""
    values = (mean, low, high)
    if not all(math.isfinite(v) for v in values) or any(0 < abs(v) < 1e-5 for v in values):
        return None
    far = max(abs(v) for v in values)
    small = decimals_of(values)  # (a figure too small for three decimals: two digits of it)
    if small is not None:
        return max(small, 3) if far < 10 else None
    return 0 if far >= 1000 else 2 if far >= 10 else 3


def _fixed(v: float, decimals: int) -> str:
    text = f"{v:,.{decimals}f}"
    return text[1:] if text.startswith("-") and not any(c in "123456789" for c in text) else text


def _figures(
    mean: Any, low: Any, high: Any, raw: tuple[float, float] | None = None
) -> tuple[str, str]:
    """A mean (or change) and its interval as a table's cells give them, to the same
    decimals (:func:`shared_decimals`); an interval of no width in words (:data:`SAME`);
    ``raw``: the uncut t-interval, each end that ``low``/``high`` cut marked (:data:`CUT`)."""
    m, lo, hi = float(mean), float(low), float(high)
    k = shared_decimals(m, lo, hi)
    if k is None or no_width(lo, hi):
        return _fmt(m), _interval(lo, hi)
    while _fixed(lo, k) == _fixed(hi, k) and k < 12:  # (a narrow interval: not "[0.004, 0.004]")
        k += 1
    a, b = cut_marks(raw, (lo, hi)) if raw is not None else ("", "")
    return _fixed(m, k), f"[{_fixed(lo, k)}{a}, {_fixed(hi, k)}{b}]"


def _img(fig: Any, name: str, alt: str) -> str:
    """A figure named ``name`` (its ``data-plot``, spaces as dashes), described by ``alt``
    for a reader who cannot see it."""
    return sections.img(fig, alt, name.replace(" ", "-"))


def _exact(prefix: str, row: Mapping[str, Any]) -> str:
    """``data-*`` attributes with the exact mean and raw interval of a table row."""
    return "".join(
        f' data-{prefix}{k.replace("_", "-")}="{float(row[k])!r}"'
        for k in ("mean", "ci_low", "ci_high")
    )


def _target(meta: Mapping[str, Any]) -> str:
    """The precision target and what it held (``0.02 on the differences``)."""
    if not meta.get("precision"):
        return "none (fixed replications)"
    on = meta.get("precision_on")
    held = {"differences": " on the paired differences", "levels": " on the levels",
            "both": " on the levels and the paired differences"}.get(str(on), "")
    return f"{meta['precision']:g}{held}"


def _what_was_run(res: CompareResult, variants: Mapping[str, Variant]) -> str:
    m = res.meta
    rows = [
        ("scenario", m.get("scenario")),
        ("observed days", m.get("days")),
        ("warm-up days", m.get("warmup_days")),
        ("drain days (limit)", m.get("drain_days")),
        ("replications" + (" per option" if len(res.names) > 1 else ""), m.get("reps")),
        ("root seed", f"{m.get('seed')} (replication r of every option uses the same seed)"),
        ("precision target", _target(m)),
        ("bordersim version", m.get("version")),
        ("build", m.get("build") or "not recorded (a folder made before it was)"),
    ]
    if m.get("money"):
        rows.append(("money", m["money"]))
    command = [str(x) for x in m.get("command") or []]
    if command:  # what was changed from the scenario file, and the whole command
        rows.append(("set from the command line (--set)", ", ".join(_settings(command)) or "none"))
        rows.append(("command", shlex.join(command)))
    body = "".join(
        f"<tr><th scope='row'>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>"
        for k, v in rows
    )
    opts = options_rows(res.options, variants)
    body = f"<table>{body}</table>" + "".join(
        f"<p class='warn'>warning: {html.escape(str(w))}</p>" for w in m.get("warnings", [])
    )  # (a precision target not reached at --max-reps)
    from sim.experiment.composition import empty_note, empty_runs

    body += "".join(  # (an option where nothing arrived: its figures are blanks)
        f"<p class='warn'>warning ({html.escape(str(name))}): {html.escape(empty_note(*c))}</p>"
        for name, c in empty_runs(res.per_rep, "option").items()
    )
    body += "".join(f"<p class='note'>note: {html.escape(str(n))}</p>" for n in _notes(m))
    from sim.experiment.compare_notes import idle_notes

    # (an option that is the baseline again, or whose figures are: its zeros measure nothing)
    body += "".join(f"<p class='note'>{html.escape(n)}</p>" for n in idle_notes(m))
    if len(res.names) == 1:
        return body
    return (
        f"{body}<h3>Options (reforms)</h3>"
        f"<table><tr><th>option</th><th>what it changes</th></tr>{opts}</table>"
    )



def _notes(meta: dict[str, Any]) -> list[str]:
    """Parts of the scenario that act on nothing in it: a run's (``notes`` of its
    ``warnings.json``, put in its meta by the reader) or a comparison's (``unused_parts``
    of ``compare.json``, by option); then too small a sample (:func:`_sample_notes`)."""
    found = [str(n) for n in meta.get("notes", [])]
    unused = meta.get("unused_parts") or {}
    if isinstance(unused, dict):  # one note per reason, naming its options (all: none)
        for text in dict.fromkeys(map(str, unused.values())):
            names = [n for n, t in unused.items() if str(t) == text]
            every = len(names) == len(meta.get("options") or names)
            found.append(text if every else f"{', '.join(names)}: {text}")
    caveats = meta.get("caveats") or {}
    found += [f"{name}: only part of it can act here: {why}" for name, why in caveats.items()]
    for key in ("unpriced", "engine_switched", "structure_assumptions"):
        found += [f"{name}: {why}" for name, why in (meta.get(key) or {}).items()]
    return found + _sample_notes(meta)


def _sample_notes(meta: dict[str, Any]) -> list[str]:
    """Fewer observed days than a week, or one replication (see
    :func:`sim.model.window.sample_notes`), from the lengths and replications run."""
    from sim.model.window import sample_notes

    try:
        days, warmup = float(meta["days"]), float(meta.get("warmup_days") or 0)
    except (KeyError, TypeError, ValueError):
        return []
    reps = meta.get("reps") if isinstance(meta.get("reps"), int) else None
    return [n.removeprefix("note: ") for n in sample_notes(warmup, days, reps)]


def _settings(command: list[str], flag: str = "--set") -> list[str]:
    """The values of ``flag`` in a recorded command line (``--set KEY=VALUE``)."""
    out = []
    for i, arg in enumerate(command):
        if arg == flag and i + 1 < len(command):
            out.append(command[i + 1])
        elif arg.startswith(f"{flag}="):
            out.append(arg.removeprefix(f"{flag}="))
    return out


def shown_rows(command: list[str], names: set[str]) -> list[str]:
    """The metrics a recorded command asked to see (``--show``: names or shell patterns),
    among ``names``, in its order: the report shows them as the terminal did."""
    import fnmatch

    out: list[str] = []
    for text in _settings([str(x) for x in command], "--show"):
        for pattern in filter(None, (p.strip() for p in text.split(","))):
            out += [m for m in fnmatch.filter(sorted(names), pattern) if m not in out]
    return out


def report_rows(
    res: CompareResult, variants: Mapping[str, Variant] | None = None
) -> tuple[str, ...]:
    """The report's main table rows: :data:`REPORT_METRICS`, the pooled clearance and cost
    rows each followed by its imports' and exports' (as the terminal's table), the
    organisation's rows and the rows of the ports options touch and of the lanes they size
    or load (by their changes, or, with ``variants``, by the fields their reforms change
    too); rows it lacks are skipped."""
    from sim.experiment.metric_names import (
        class_rows,
        era_rows,
        lane_rows,
        measured,
        organisation_rows,
        port_rows,
        with_directions,
    )
    from sim.experiment.one_direction import once

    names = set(res.summary["metric"]) if "metric" in res.summary else set()
    main = tuple(once(with_directions(REPORT_METRICS, names), measured(res.summary)))
    eras = era_rows(measured(res.summary), main)  # (the periods some replication measured)
    rows = [*main, *eras, *organisation_rows(names)]
    fields = [f for each in _option_fields(res, variants or {}).values() for f in each]
    ports = _ports_named(fields)
    asked = shown_rows(res.meta.get("command") or [], names)
    classes = class_rows(fields)  # (a class mix moved)
    lanes = lane_rows(fields)  # (the lanes options size or load: their queues)
    return tuple(dict.fromkeys([*rows, *port_rows(ports), *lanes, *classes, *asked]))


def _option_fields(res: CompareResult, variants: Mapping[str, Variant]) -> dict[str, list[str]]:
    """By option, the fields it changes: its own changes, and those its scenario changes (a
    reform's too: from the resolved scenarios of a results folder, as ``changed_fields``
    writes them)."""
    from sim.report.options_table import changed_fields

    out = {o.name: list(o.overrides) for o in res.options}
    base = variants.get(res.names[0]) if variants and res.names else None
    if base is None:
        return out
    for name in res.names[1:]:
        v = variants.get(name)
        if v is not None:
            out.setdefault(name, []).extend(changed_fields(base.scenario, v.scenario))
    return out


def changed_ports(res: CompareResult, variants: Mapping[str, Variant]) -> dict[str, list[str]]:
    """By option, the ports it changes (the fields it changes name them)."""
    return {name: _ports_named(fields) for name, fields in _option_fields(res, variants).items()}


def _ports_named(fields: list[str]) -> list[str]:
    """The ports changed fields name (``ports.sea_port.…``; not every port's, ``ports.*``)."""
    return [f.split(".")[1] for f in fields
            if f.startswith("ports.") and f.count(".") >= 2 and not f.startswith("ports.*")]


def metric_table(res: CompareResult, metrics: tuple[str, ...] | None = None) -> str:
    """Per metric and option: mean and 95 % CI (clipped for display), difference, Holm mark.

    Each row carries ``data-metric`` and ``data-option``, its mean cell the exact mean and raw
    interval (``data-mean``, ``data-ci-low``, ``data-ci-high``), its difference cell the same
    with ``data-diff-``. A run (one option) has no difference columns.
    """
    metrics = report_rows(res) if metrics is None else metrics
    paired = len(res.names) > 1
    head = "<tr><th>metric (unit)</th><th>option</th>" + (
        "<th><abbr title='significant after Holm's correction'>sig.</abbr></th>"
        if paired else "") + "<th>mean</th><th>95 % CI</th><th>n</th>"
    head += "<th>difference vs baseline</th><th>95 % CI (paired)</th></tr>" if paired else "</tr>"
    s = _records(res.summary)
    d = _records(res.differences)
    rows = [
        _metric_row(res, metric, name, s[(metric, name)], d.get((metric, name)), paired)
        for metric in metrics
        for name in res.names
        if (metric, name) in s
    ]
    return f"<table class='results'>{head}{''.join(rows)}</table>"


def _metric_row(
    res: CompareResult,
    metric: str,
    name: str,
    a: dict[str, Any],
    diff: dict[str, Any] | None,
    paired: bool,
) -> str:
    from sim.experiment.compare import shown_unit
    from sim.experiment.metric_names import note

    unit = shown_unit(str(a["unit"]), res.meta.get("currency"))  # (the scenario's own: USD)
    label = f"{metric} ({unit}){note(metric)}"
    if name != res.names[0]:  # (said once a metric; a screen reader still hears it)
        label = f"<span class='sr'>{html.escape(label)}</span>"
    else:
        label = html.escape(label)
    unstable = "warn opt" if res.unstable(name) else "opt"
    cells = (
        f"<th scope='row'>{label}</th><td class='{unstable}'>{html.escape(name)}"
        f"{' (unstable)' if res.unstable(name) else ''}</td>"
    )
    after = ""
    if paired:
        if diff is None or name == "baseline":
            cells += "<td class='sig'></td>"
            after = "<td></td><td></td>"
        else:
            mark = "*" if bool(diff["significant"]) else ""
            if flagged(diff["steady_state"]):  # (only a known False: not a missing value)
                mark += " \u26a0"
            cells += f"<td class='sig'>{mark}</td>"
            change, span = _figures(diff["mean"], diff["shown_low"], diff["shown_high"],
                                    (float(diff["ci_low"]), float(diff["ci_high"])))
            after = f"<td class='diff'{_exact('diff-', diff)}>{change}</td><td>{span}</td>"
    mean, span = _figures(a["mean"], a["shown_low"], a["shown_high"],
                          (float(a["ci_low"]), float(a["ci_high"])))
    cells += (
        f"<td class='mean'{_exact('', a)}>{mean}</td>"
        f"<td>{span}</td><td>{int(a['n'])}</td>{after}"
    )
    return (
        f'<tr data-metric="{html.escape(metric)}" data-option="{html.escape(name)}">'
        f"{cells}</tr>"
    )


def _records(table: pd.DataFrame) -> dict[tuple[str, str], dict[str, Any]]:
    """Rows of a long table by (metric, option)."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for row in table.to_dict("records"):
        out[(str(row["metric"]), str(row["option"]))] = {str(k): v for k, v in row.items()}
    return out


def _stability(res: CompareResult) -> str:
    run = len(res.names) <= 1  # (a run's folder: one option, no differences)
    parts = []
    for name in res.names:
        ws = res.warnings.get(name, [])
        if ws:
            items = "".join(f"<li>{html.escape(w)}</li>" for w in ws)
            parts.append(f"<p class='warn'>{_unstable_head(res, name, run)}.</p><ul>{items}</ul>")
    warmup, days = float(res.meta.get("warmup_days") or 0), float(res.meta["days"])
    if not parts:
        return _no_warning(warmup, days, "replication" if run else "option")
    short = too_short(warmup, days)  # (the options that did not warn were not checked either)
    if short is not None:
        others = "Besides" if run else "The others did not warn, but"
        parts.append(f"<p class='warn'>{others} {short}.</p>")
    return "".join(parts)


def _unstable_head(res: CompareResult, name: str, run: bool) -> str:
    """What an option's (or a run's) warnings make of its figures."""
    if run:
        return (
            "<b>The run is not steady-state</b>: a queue or smugglers did not settle (its "
            "figures are flagged \u26a0)"
            if res.unstable(name)
            else "<b>The run</b> warned (its figures are steady-state, so they are not flagged)"
        )
    head = (
        "is unstable: its figures are not steady-state and its differences are flagged \u26a0"
        if res.unstable(name)
        else "warned (its figures are steady-state, so they are not flagged)"
    )
    return f"<b>{html.escape(name)}</b> {head}"


def _no_warning(warmup: float, days: float, what: str = "option") -> str:
    """What no warning means: settled queues, or (fewer than three whole weeks observed,
    the rising-wait check's minimum) only that no lane was overloaded. ``what`` warned: an
    option of a comparison, or a replication of a run (which has no options)."""
    short = too_short(warmup, days)
    if short is None:
        return f"<p>No {what} warned: every lane settled in every replication.</p>"
    return f"<p class='warn'>No {what} warned, but {short}.</p>"


def _failures(res: CompareResult) -> str:
    if not res.failures:
        return ""
    rows = "".join(
        f"<tr><td>{html.escape(f['option'])}</td><td>{f['replication']}</td>"
        f"<td>{html.escape(str(f['seed']))}</td><td>{html.escape(f['scenario'])}</td>"
        f"<td>{html.escape(f['error'])}</td></tr>"
        for f in res.failures
    )
    return (
        "<h2 id='failures'>Replications that failed</h2><table><tr><th>option</th>"
        f"<th>replication</th><th>seed</th><th>scenario</th><th>error</th></tr>{rows}</table>"
    )


def _percent(share: float) -> str:
    """A share in % with one decimal; one above 0 too small for it says "< 0.1 %" (not
    "0.0 %" beside a visible bar)."""
    if 0 < share < 0.0005:
        return "&lt; 0.1 %"
    return f"{_fmt(100 * share, 1)} %"


def _in_order(g: pd.DataFrame) -> pd.DataFrame:
    """Who-gains rows grouped by option (in their first order), each option's all-consignments
    row first, then its ports and directions by name, then its trader classes: gains.csv puts a
    port seen in only some replications (a small port over a short run) after every option's
    rows, where a reader of one option's block would miss it."""
    if g.empty:
        return g
    option = {o: i for i, o in enumerate(dict.fromkeys(g["option"]))}
    rank = {"all": 0, "port_direction": 1, "trader_class_standardised": 2}
    by_port = g["dimension"] == "port_direction"  # (classes keep their own order)
    keys = g[[]].assign(o=g["option"].map(option), d=g["dimension"].map(rank),
                        p=g["port"].astype(str).where(by_port, ""),
                        r=g["direction"].astype(str).where(by_port, ""))
    return g.loc[keys.sort_values(["o", "d", "p", "r"], kind="stable").index]


def gains_table(
    gains: pd.DataFrame, measure: str = "overall_clearance", currency: str = "currency"
) -> str:
    """Who gains and who loses, by port and direction, and standardised by trader class: in
    time, or (``measure`` ``trader_cost``) in what the trader pays, in ``currency``."""
    g = _in_order(gains[
        (gains["measure"] == measure)
        & gains["dimension"].isin(["all", "port_direction", "trader_class_standardised"])
    ])
    # an option's replications: those of its "all" row (a group absent from some
    # replications is still summed over all of them)
    every = g[g["dimension"] == "all"]
    runs = dict(zip(every["option"], every["reps"], strict=True)) if "reps" in g else {}
    reps = sorted({int(x) for x in runs.values()})
    summed = (
        f"summed over {reps[0]} replication{'s' if reps[0] != 1 else ''}" if len(reps) == 1
        else "summed over the option's replications (how many: in brackets)"
    )
    head = (
        f"<tr><th>option</th><th>who</th><th>consignments ({summed})</th>"
        + ("<th>mean change (h; below 0: faster)</th><th>95 % CI</th><th>better off</th>"
           "<th>worse off</th></tr>" if measure != COST else
           f"<th>mean change ({html.escape(currency)}; below 0: pays less)</th><th>95 % CI</th>"
           "<th>pays less</th><th>pays more</th></tr>")
    )
    rows = []
    for r in g.to_dict("records"):
        of = f" ({int(runs[r['option']])})" if len(reps) > 1 and r["option"] in runs else ""
        if r["dimension"] == "all":
            who = "all consignments"
        elif r["dimension"] == "port_direction":
            who = f"{r['port']} \u00b7 {r['direction']}"
        else:
            who = f"class {r['group']} (standardised)"
        rows.append(
            f"<tr data-option=\"{html.escape(str(r['option']))}\" "
            f"data-who=\"{html.escape(who)}\"><td>{html.escape(str(r['option']))}</td>"
            f"<td>{html.escape(who)}</td>"
            f"<td class='n'>{int(r['n']):,}{of}</td>"
            f"<td class='gain' data-mean=\"{float(r['mean_change'])!r}\">"
            f"{'</td><td>'.join(_figures(r['mean_change'], r['ci_low'], r['ci_high']))}</td>"
            f"<td>{_percent(float(r['share_better']))}</td>"
            f"<td>{_percent(float(r['share_worse']))}</td></tr>"
        )
    return f"<table>{head}{''.join(rows)}</table>"


def render(res: CompareResult, variants: Mapping[str, Variant] | None = None,
           business: Sequence[str] = ()) -> str:
    """The report as one HTML string; ``variants`` (from a results folder) add the scenario,
    the tail, the milestone intervals, the truth, queues and the organisation tree;
    ``business``: the business case section after the headline (``bordersim appraise``)."""
    variants = variants or {}
    if variants and not res.tables:
        res = dataclasses.replace(res, tables={n: v.tables for n, v in variants.items()})
    kind = "comparison" if len(res.names) > 1 else "run"
    periods = periods_of(res.meta, res.options, variants)
    raw = "summary.csv and differences.csv" if kind == "comparison" else "summary.json"
    results = metric_table(res, report_rows(res, variants))
    parts = [
        f"<h1>bordersim {kind}: {html.escape(res.scenario)}</h1>",
        *read_first(res),
        *headline(res, changed_ports(res, variants), periods,
                  what_it_is(list(res.options), variants), scaled_volumes(variants),
                  state_partial(variants), blind(variants)),
        *business,
        *sections.scenario_section(variants),
        "<h2>What was run</h2>",
        _what_was_run(res, variants),
        "<h2 id='stability'>Stability</h2>",
        _stability(res),
        "<h2>Results</h2>",
        "<p class='note'>Means over replications with 95 % Student-t intervals, shown clipped "
        "to what is possible (no negative times or counts, shares within 0\u20131; the raw "
        f"intervals are in {raw}). "
        + (
            "Differences are paired (same seeds, same consignments). * = significant at 5 % "
            "after Holm's correction for the number of options (the intervals are each "
            "difference's own, uncorrected: one clear of 0 may lack the star); \u26a0 = not "
            "steady-state. "
            if kind == "comparison" else ""
        )
        + "Times in hours.</p>",
        results,
        *([f"<p class='note'>{html.escape(CUT_NOTE)}</p>"] if CUT in results else []),
        f"<p class='note'>{html.escape(MEDIAN_NOTE)}</p>",
        *validation_section(variants),
    ]
    parts += _smuggling(res, variants) + layers_section(res.path)
    parts += _interactions(res) + _plots(res, variants)
    parts += _gains(res, periods)
    parts += sections.org_section(variants) + _org_detail(res)
    parts.append(_failures(res))
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{page_policy.META}"
        f"<title>bordersim {kind}: {html.escape(res.scenario)}</title>"
        f"<style>{_CSS}</style></head><body>{cut_note_once(''.join(parts))}</body></html>\n"
    )  # (the cut note once: the headline's and the results' may both carry the mark)


#: the organisation's figures by kind, in the report's order (each prefix's rows sorted)
_ORG_DETAIL = (
    "escalation_latency_h_mean_",
    "org_staff_heads_",
    "org_staff_cost_per_year_",
    "org_manager_posts_",
    "org_manager_cost_per_year_",
    "alert_reach_port_",
    "alert_propagation_h_mean_port_",
    "org_hold_h_mean_port_",
)


def _org_detail(res: CompareResult) -> list[str]:
    """With an organisation: its figures by escalation type and deciding level, by staff
    role and by port, with intervals (summary.json has them; the main table only the
    pooled ones)."""
    names = sorted(set(res.summary["metric"])) if "metric" in res.summary else []
    rows = tuple(m for p in _ORG_DETAIL for m in names if m.startswith(p))
    if not rows:
        return []
    return [
        "<h3>The organisation by escalation, role and port</h3>",
        "<p class='note'>Escalation latency by type (<code>case</code>, <code>ruling</code>, "
        "<code>quarantine</code>) and by type and deciding level; staff and their cost per "
        "year by role; the share of alerts that reach each port and the time they take; the "
        "goods' wait per hold at each port (where a structure's gain at one port is another's "
        "loss).</p>",
        metric_table(res, rows),
    ]


def _smuggling(res: CompareResult, variants: Mapping[str, Variant]) -> list[str]:
    """With smuggling in the scenario: its totals and attempts by route, with intervals, and
    what slipped through at the ports beside them (none without smuggling); a run's, by
    illicit type and group too (:mod:`sim.report.smuggling_types`)."""
    from sim.experiment.metric_names import smuggling_rows
    from sim.report import smuggling_types

    names = set(res.summary["metric"]) if "metric" in res.summary else set()
    rows = smuggling_rows(names)
    if not rows:
        return []
    return [
        "<h2>Smuggling</h2>",
        "<p class='note'>The hidden truth of goods run past customs: attempts (outside the "
        "ports, and through them declared under a false description), those deterred, those a "
        "patrol interdicted, the "
        "value that slipped through outside the ports, then attempts by route (a patrol can "
        "move attempts to another route). value_slipped counts goods declared at the ports "
        "(smugglers' loads through a port included), smuggling_value_slipped_outside the "
        "routes outside them: the two add up to the total that slipped through, "
        "value_slipped_total.</p>",
        metric_table(res, (*rows, "value_slipped")),
        *smuggling_types.section(res, next((v.scenario for v in variants.values()), None)),
        *_beliefs(res),
        *_weekly(res),
    ]


def _weekly(res: CompareResult) -> list[str]:
    """The groups' route shares by week with their intervals, where the folder has them
    (``smuggling-weekly.csv``; a folder written before it was kept has none)."""

    from sim.experiment.smuggling_series import FILE
    from sim.report import smuggling_plots
    from sim.report.route_labels import legend_names
    from sim.report.zh_labels import plot_groups

    file = res.path / FILE if res.path is not None else None
    if file is None or not file.is_file():
        return []
    from sim.report.folder import read_csv

    table = read_csv(file)
    if table.empty:
        return []
    return [
        f"<p class='note'>Where each group's loads went, week by week: each route's share of "
        f"its opportunities (not_smuggled: deterred), the mean over the replications, the "
        f"first option's 95 % interval shaded; the figures with their intervals, and each "
        f"option's difference from the baseline paired by replication, are in {FILE}. A part "
        f"week (its days column) counts fewer loads, not a smaller share.</p>",
        sections.img(lambda: smuggling_plots.weekly_shares(
                         table, legend_names(res.path), plot_groups(res.path)),
                     "Each smuggling group's route shares by week, with 95 % intervals",
                     "smuggling-weekly"),
    ]


def _beliefs(res: CompareResult) -> list[str]:
    """The groups' perceived detection by day, where the folders kept it."""
    from sim.report import smuggling_plots
    from sim.report.route_labels import legend_names
    from sim.report.zh_labels import plot_groups

    found = {n: (res.tables.get(n) or {}).get("smuggling") for n in res.names}
    if not smuggling_plots.has_beliefs(found):
        return []
    tables = {n: t for n, t in found.items() if t is not None}
    return [
        "<p class='note'>What the groups believed of each route, day by day: they learn it "
        "from their own outcomes there, so a line still moving after day 0 (the dashed line; "
        "before it, the warm-up) means their choices had not settled, and the run warns.</p>",
        sections.img(lambda: smuggling_plots.beliefs(
                         tables, legend_names(res.path), plot_groups(res.path)),
                     "Each smuggling group's perceived detection of its routes, by day",
                     "smuggling-beliefs"),
    ]


def _interactions(res: CompareResult) -> list[str]:
    """Interactions of combined options, when there are any."""
    out: list[str] = []
    if not res.interactions.empty:
        from sim.analysis.stats import is_quantile
        from sim.experiment.compare import QUANTILE_INTERACTION

        dagger = " \u2020"
        it = res.interactions[res.interactions["metric"].isin(REPORT_METRICS)]
        rows = "".join(
            f"<tr><td>{html.escape(str(r['option']))}</td><td>{html.escape(str(r['metric']))}"
            f"{dagger if is_quantile(str(r['metric'])) else ''}"
            f"</td><td>{'</td><td>'.join(_figures(r['mean'], r['ci_low'], r['ci_high']))}"
            "</td></tr>"
            for r in it.to_dict("records")
        )
        out += [
            "<h2>Interactions</h2><p class='note'>(A+B) \u2212 A \u2212 B + baseline: zero when"
            " the effects of the parts simply add up. \u2020 "
            f"{html.escape(QUANTILE_INTERACTION)}.</p>",
            f"<table><tr><th>option</th><th>metric</th><th>interaction</th><th>95 % CI</th>"
            f"</tr>{rows}</table>",
        ]
    return out


def same_hours(*figs: Any) -> tuple[Any, ...]:
    """Figures of one axis each, on one hour scale (the widest): charts one above the other
    that look comparable are (overall clearance runs longer than customs clearance)."""
    right = max(fig.axes[0].get_xlim()[1] for fig in figs)
    for fig in figs:
        fig.axes[0].set_xlim(0, right)
    return figs


def _plots(res: CompareResult, variants: Mapping[str, Variant]) -> list[str]:
    """Clearance by port and direction and its tail, time by owner and by milestone interval,
    the truth, queues, utilisation by lane, cost against detection."""
    tables = res.tables
    names = [n for n in res.names if n in tables]
    clear = {n: tables[n]["clearance"] for n in names if "clearance" in tables[n]}
    out = _clearance_plots(clear) if clear else []
    out += sections.tail_section(variants, comparison=len(res.names) > 1)
    owners = {n: tables[n]["owners"] for n in names if "owners" in tables[n]}
    if owners:
        out += _owner_plots(owners)
    out += sections.intervals_section(variants)
    out += trading_section(variants)
    out += class_section(variants)
    out += sections.truth_section(variants, res)
    out += risk_section(variants, res)
    out += sections.queues_section(variants)
    resources = {n: tables[n]["resources"] for n in names if "resources" in tables[n]}
    if resources:
        out += [
            "<h2>Utilisation by lane</h2>",
            _img(lambda: plots.utilisation_by_lane(resources), "utilisation by lane",
                 "Bars: each lane's utilisation (busy time over duty time), by port, for each "
                 "option"),
        ]
    return out + _cost_against_detection(res)


def _clearance_plots(clear: dict[str, Any]) -> list[str]:
    """Overall and customs clearance by port and direction, on one hour scale (the pair made
    together when first asked for: not at all where figures are left out unbuilt)."""
    pair: list[Any] = []

    def both() -> list[Any]:
        if not pair:
            pair.extend(same_hours(plots.clearance_distribution(clear, "overall_clearance"),
                                   plots.clearance_distribution(clear, "clearance")))
        return pair

    return [
        "<h2>Clearance time by port and direction</h2>",
        _img(lambda: both()[0], "overall clearance",
             "Overall clearance time in hours (arrival to exit or loading), its spread by "
             "port and direction, for each option"),
        _img(lambda: both()[1], "clearance",
             "Clearance time in hours (arrival to release), its spread by port and "
             "direction, for each option, on the hour scale of the chart above"),
    ]


#: whose an export's wait for its vessel or flight is (the owners' plot's note)
CARRIER_NOTE = (
    "An export's wait from its release to the cut-off of the vessel or flight it makes is the "
    "carrier's (its sailing schedule), not the terminal's: the terminal's hours are its own "
    "handling (the discharge, the moves to and from the exam bays, the exit gate)."
)

#: why the carrier's bar to release is always 0 (the owners' to-release plot's note)
CARRIER_TO_RELEASE_NOTE = (
    "The carrier's hours to release are 0 by construction, not a fault: in the model the "
    "carrier's schedule holds an export only after its release (its wait for the cut-off), "
    "never before it. That wait is in the carrier's hours to exit above, and on the "
    "terminal's ground in the export boxes' dwell after release."
)


def _owner_plots(owners: dict[str, Any]) -> list[str]:
    """The hours each owner holds, to exit and (where measured) to release."""
    out = [
        "<h2>Where the time goes, by owner</h2>",
        "<p class='note'>The trader's hours include the time from release until the goods "
        "leave the port (an import's pick-up, <code>ports.X.release.pickup</code>), which "
        "in the bundled scenarios is an assumption and often the largest part of an "
        "import's time: a reform of customs' work does not shorten it. Customs' and "
        "quarantine's hours are the ones their reforms act on.</p>",
        f"<p class='note'>{CARRIER_NOTE}</p>",
        _img(lambda: plots.time_by_owner(owners), "time by owner",
             "Bars: the hours of a consignment's time each owner holds (customs, "
             "quarantine, the trader, the terminal, the carrier's schedule), for each option"),
    ]
    if any("mean_h_to_release_import" in t for t in owners.values()):
        out += [
            "<p class='note'>Up to release only (a Time Release Study's arrival to "
            "release): the trader's hours are its lodging after arrival, customs' and "
            "quarantine's their checks and queues; they add up to the clearance time of "
            "the consignments out of the flow (the milestone intervals' clearance row, "
            "<code>owner_hours_to_release_&lt;owner&gt;_&lt;direction&gt;</code>).</p>",
            f"<p class='note'>{CARRIER_TO_RELEASE_NOTE}</p>",
            _img(lambda: plots.time_by_owner(owners, "to_release"), "time to release by owner",
                 "Bars: the hours from arrival to release each owner holds, for each "
                 "option, imports and exports apart"),
        ]
    return out


def _cost_against_detection(res: CompareResult) -> list[str]:
    """Each option's change in cost per consignment against its change in detection (finds
    after release counted where the run has them: what slips is what none finds)."""
    metrics = set(res.summary["metric"]) if not res.summary.empty else set()
    detection = next((m for m in DETECTION if m in metrics), DETECTION[-1])
    after = ", finds after release included," if detection != DETECTION[-1] else ","
    out: list[str] = []
    if {"total_cost_per_consignment", detection} <= metrics and len(res.names) > 1:
        out += [
            "<h2>Cost against detection</h2>",
            "<p class='note'>Each option's change from the baseline in total cost per "
            "consignment (agency and trader: fees and the value of time; upper panel) and in "
            "the agencies' cost alone (public money, the terminal handling the state pays "
            "included; lower panel: an option that moves a bill from the state to traders "
            "sits at the origin above and shows here) against its change in the share of "
            f"illicit consignments detected{after} both paired over the same replications, "
            "with 95 % intervals; the baseline is the origin."
            + (" A hollow diamond under each point is its detection before release alone "
               "(the checks at the border, without the finds after release)."
               if detection != DETECTION[-1] else "") + " Who pays is in the table above "
            "(agency, trader, trader's fees). What slips through (revenue evaded, harm) is "
            "reported apart, so a cheap option that detects little is not a free one.</p>",
            _img(lambda: plots.cost_against_detection(
                     res.differences, detection=detection, currency=res.meta.get("currency"),
                     before=DETECTION[-1]),
                 "cost against detection",
                 "Points with 95 % intervals: each option's change in total cost per "
                 "consignment, and in the agencies' cost per consignment, against its change "
                 "in the share of illicit consignments detected; the baseline at the origin"),
        ]
    return out


def _unpaired_note(res: CompareResult) -> str:
    """How many released consignments who-gains leaves out per option, port and direction
    as not the same as the baseline's (empty where it leaves out none)."""
    parts = [
        f"{html.escape(option)}: {n:,} of {total:,} at {html.escape(where)}"
        for option, by in res.meta.get("unpaired", {}).items()
        for where, (n, total) in by.items()
    ]
    return f" Left out so: {'; '.join(parts)}." if parts else ""


#: where the report's who-gains table by port is had as one page (a brief, a paper)
PAPER_GAINS = ("The same table by port and direction on one page, for a brief or a paper "
               "(Markdown or LaTeX; in Chinese with --lang zh; trader_cost for what traders "
               "pay):")


def _gains(res: CompareResult, periods: Periods | None = None) -> list[str]:
    """Who gains and who loses, when logs were joined: in time, then in trader cost; with
    ``periods``, a caveat for each option whose dated reform was in force for part of the run."""
    out: list[str] = []
    if len(res.names) == 1:
        return [
            "<h2>Who gains and who loses</h2><p class='note'>A run has nothing to compare "
            "with: <code>bordersim compare</code> pairs each consignment with itself under "
            "a reform.</p>"
        ]
    if not res.gains.empty:
        out += [
            "<h2>Who gains and who loses</h2>",
            "<p class='note'>Each consignment of the arrival cohort released in both the option "
            "and the baseline (out by the end of the run, as consignments_released counts them: "
            "not seized, rejected, detained or censored), compared with itself: its change in "
            "overall clearance time (to an import's exit, an export's loading). The counts are "
            "consignments summed over the replications, not per replication; better or worse off "
            f"means by more than {_fmt(60 * float(res.meta.get('tolerance_h', 1 / 60)), 0)} "
            "min. Trader classes are compared within port and direction, then standardised to "
            "the mix of all consignments, so a class is not credited with its ports' gains. "
            "Smuggling groups' loads are left out (an option that moves smugglers between "
            "routes makes a group's k-th load at a port another load), and so are a surge's "
            "added arrivals where the option changes the surge, and consignments whose arrival "
            "or declared goods the option changes (it changes a port's arrivals: the k-th "
            "arrival is then another consignment)." + _unpaired_note(res) + "</p>",
            _img(lambda: plots.who_gains(res.gains), "who gains",
                 "Bars: the % of consignments better off (right) and worse off (left) under "
                 "each option, by port and direction"),
            gains_table(res.gains),
            f"<p class='note'>{PAPER_GAINS}<br><code>bordersim paper-table RESULTS_DIR "
            "--gains overall_clearance</code></p>",
            *_cost_gains(res),
            *_in_force_note(periods),
        ]
    return out


def _cost_gains(res: CompareResult) -> list[str]:
    """Who pays more and who pays less (``gains.csv``'s trader cost), or, when the folder has
    no trader cost per consignment, that the section covers time only."""
    if COST not in set(res.gains["measure"]):
        return ["<p class='note'>This section covers time only: the folder holds no trader "
                "cost per consignment (the scenario has no costs).</p>"]
    currency = str(res.meta.get("currency") or "currency")
    tolerance = _fmt(float(res.meta.get("tolerance_h", 1 / 60)), 3)
    return [
        "<h3>Who pays more and who pays less</h3>",
        "<p class='note'>The same consignments, compared with themselves in what the trader "
        "pays (fees and the value of the time goods are held, as trader_cost_per_consignment "
        f"counts it), in {html.escape(currency)}; paying more or less means by more than "
        f"{tolerance} {html.escape(currency)}. A reform that only adds a fee leaves times "
        "alone but shows here.</p>",
        gains_table(res.gains, COST, currency),
    ]


def _in_force_note(periods: Periods | None) -> list[str]:
    """Beside who gains: the options whose dated reform was in force for part of the run."""
    return [f"<p class='note'>{html.escape(name)}: its reform {in_force_words(span)}.</p>"
            for name, span in (periods.in_force if periods else {}).items()]


def write_report(
    res: CompareResult, path: str | Path, variants: Mapping[str, Variant] | None = None
) -> Path:
    """Write ``report.html`` atomically; return its path."""
    from sim.experiment.store import atomic_write

    path = Path(path)
    atomic_write(path, render(res, variants))
    return path
