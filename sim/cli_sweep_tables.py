"""The tables ``bordersim sweep`` prints: each point's means with their 95 % half-widths, and
a Latin-hypercube sweep's partial rank correlations (``prcc.csv``)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd


def means_with_intervals(summary: pd.DataFrame, rows: pd.DataFrame, params: list[str],
                         metrics: list[str], lang: str = "en") -> pd.DataFrame:  # fmt: skip
    """``summary``'s ``params``, ``unstable`` and ``metrics``, each metric's mean shown as
    ``mean ±h``: ``h`` the larger side of its 95 % t-interval over the point's replications
    (as ``intervals.csv``; a quantile's is never narrower than its histogram's resolution),
    the mean alone where there is no interval (one replication); an interval reaching past
    what is possible as the comparison table shows it, ``mean (low to high)`` cut there, the
    cut end marked (:data:`sim.report.numbers.CUT`; ``lang`` ``zh``: 至 for "to")."""
    from sim.experiment.sweep_store import point_intervals

    spans = point_intervals(rows, params)
    spans = spans[spans["metric"].isin(metrics)].set_index(["point", "metric"])
    raw = {k: (float(m), float(lo), float(hi)) for k, m, lo, hi in
           zip(spans.index, spans["mean"], spans["ci_low"], spans["ci_high"], strict=True)}
    shown = summary[[*params, "unstable"]].copy()
    for metric in metrics:
        means = summary[metric].astype(float)
        shown[metric] = [_cell(float(means[p]), metric, raw.get((p, metric)), lang)
                         for p in summary.index]  # fmt: skip
    return shown


def _cell(mean: float, metric: str, span: tuple[float, float, float] | None, lang: str) -> str:
    """A point's mean of ``metric`` and ``span``'s 95 % interval (its mean, raw ends) as
    :func:`means_with_intervals` shows them."""
    from sim.cli_compare import _ci
    from sim.experiment.compare import clip_interval

    if mean != mean:  # (NaN: nothing measured there)
        return "NaN"
    half = np.fmax(span[0] - span[1], span[2] - span[0]) if span is not None else np.nan
    if span is None or half != half:
        return f"{mean:.3f}"
    raw = (span[1], span[2])
    low, high = clip_interval(metric, *raw)
    if (low, high) == raw or low != low or high != high:
        return f"{mean:.3f} ±{half:.3f}"
    ends = _ci(low, high, raw)
    return f"{mean:.3f} ({ends.replace(' to ', ' 至 ') if lang == 'zh' else ends})"


def cut_note(table: pd.DataFrame, lang: str = "en") -> str:
    """The cut mark's note (:data:`sim.report.numbers.CUT_NOTE`, in ``lang``) when a cell of
    ``table`` holds the mark, else ``""``."""
    from sim.cli_zh import CUT_NOTE_ZH
    from sim.report.numbers import CUT, CUT_NOTE

    if not any(CUT in str(v) for v in table.to_numpy().ravel()):
        return ""
    return CUT_NOTE_ZH if lang == "zh" else CUT_NOTE


def write_prcc(
    rows: pd.DataFrame, metrics: list[str], shown: list[str], out: Path,
    said: list[str] | None = None, lang: str = "en",
) -> pd.DataFrame:
    """``prcc.csv`` in ``out``: per metric of ``metrics`` and ``shown`` and swept parameter,
    the PRCC over the points' means with its 95 % interval, p-value and Holm's verdict;
    returned. Warns on stderr (in ``lang``) when the points are too few to rank the
    parameters, or the simulation noise blurs ``shown``'s PRCCs (each line, in English, also
    added to ``said``, the sweep's warning records)."""
    from sim.cli_lang import line
    from sim.experiment.store import atomic_write
    from sim.experiment.sweep_prcc import noise_warning, prcc_warning, sweep_prcc

    table = sweep_prcc(rows, list(dict.fromkeys([*metrics, *shown])))
    atomic_write(out / "prcc.csv", table.to_csv(index=False))
    warnings = (
        prcc_warning(int(rows["point"].nunique()), int(table["parameter"].nunique())),
        noise_warning(rows, shown),
    )
    for warning in warnings:
        if warning:
            print(line(f"warning: {warning}", lang), file=sys.stderr)
            if said is not None:
                said.append(f"warning: {warning}")
    return table


def print_prcc(table: pd.DataFrame, shown: list[str], points: int, lang: str = "en",
               keyed: list[str] | None = None) -> None:
    """Print the PRCC of each of ``shown`` per parameter (``table``: :func:`write_prcc`'s),
    with its 95 % interval and ``*`` where Holm's correction over the parameters finds it
    clear of 0; in ``lang`` (``zh``: the words of :mod:`sim.cli_zh_sweep`, the metrics not
    in ``keyed`` named in Chinese below)."""
    from sim import cli_zh_sweep as zh

    wide = pd.DataFrame({
        metric: {str(r["parameter"]): _prcc_cell(r) for _, r in part.iterrows()}
        for metric, part in table[table["metric"].isin(shown)].groupby("metric", sort=False)
    })  # fmt: skip
    if lang == "zh":
        print(zh.prcc_title(points))
        print(wide.replace(r"\[no interval\]", zh.NO_INTERVAL, regex=True)
              .rename_axis("参数").to_string())  # fmt: skip
        unkeyed = [m for m in wide.columns if m not in (keyed or [])]
        if unkeyed:
            print(zh.metric_key(unkeyed))
    else:
        print(f"partial rank correlation (PRCC) over the {points} points' means, 95 % interval "
              "(* clear of 0 after Holm's correction over the parameters):")  # fmt: skip
        print(wide.rename_axis("parameter").to_string())
    if (wide == "NaN").any().any():
        print(zh.PRCC_NAN if lang == "zh" else "NaN: the metric does not vary over the points "
              "(or the parameter, net of the others, does not)")  # fmt: skip


def _prcc_cell(row: pd.Series) -> str:
    if row["prcc"] != row["prcc"]:
        return "NaN"
    if row["ci_low"] != row["ci_low"]:
        return f"{row['prcc']:+.2f} [no interval]"
    star = " *" if row["significant"] else ""
    return f"{row['prcc']:+.2f} [{row['ci_low']:+.2f}, {row['ci_high']:+.2f}]{star}"
