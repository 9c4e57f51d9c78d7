"""``bordersim tornado``'s table (:mod:`sim.experiment.tornado`) as a
:class:`~sim.report.paper_table.PaperTable`, rendered as paper-table renders its tables: a
row per setting and outcome (widest swing first), the paired effect of the reform at the
low end, as given and at the high end, each with its 95 % interval, and whether its sign
holds across the range; the ends' reasons and the assumptions left at one value in the
notes, so that a referee sees which signs rest on which guesses."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from sim.report.paper_table import PaperTable, _command, _days

#: the table's columns after the setting's
COLUMNS = ["basis", "range", "effect at low", "effect as given", "effect at high", "sign"]


def build(table: pd.DataFrame, reform: Any, meta: Mapping[str, Any],
          missing: Sequence[str], folder: Path | None = None) -> PaperTable:
    """The paper table of a tornado ``table`` of ``reform``; ``meta`` the comparison's
    (its scenario, days and command; ``folder`` its results folder, named in the command
    by its name alone), ``missing`` the assumptions no range was stated for."""
    from sim.experiment.compare import metric_unit

    rows = []
    for r in (dict(zip(table.columns, v, strict=True)) for v in table.itertuples(index=False)):
        sign = str(r["sign"]) + ("" if r["shown"] else " (not shown)")
        rows.append((f"{r['setting']}: {r['metric']} ({metric_unit(str(r['metric']))})",
                     [str(r["basis"]), f"{_end(r['low'])} to {_end(r['high'])}",
                      _cell(r, "low"), _cell(r, "given"), _cell(r, "high"), sign]))
    reps = int(table["n"].min()) if len(table) else 0
    caption = (
        f"Does the effect of {reform.label} on scenario {meta.get('scenario')} keep its sign "
        "across the settings it rests on that no source fixes? Each setting at the low and "
        "the high end of its range, the others as given; each cell the reform's paired "
        f"change from the baseline (the same seeds) over {reps} replications of "
        f"{_days(meta.get('days') or 0)} observed, with its 95 % Student-t interval "
        "(run-to-run variation at that end). Sign: holds (one sign as given and at both "
        "ends) or flips; not shown where an end's interval covers 0.")
    notes = [f"Range of {s}: {why}" for s, why in
             dict(zip(table["setting"], table["why"], strict=True)).items()]
    if missing:
        notes.append("Assumptions left as given (no range stated; give one with --range "
                     f"SETTING=LOW,HIGH): {', '.join(missing)}.")
    out = PaperTable(COLUMNS, rows, caption, notes=notes, head="setting: outcome", align="l")
    out.command = _command(meta, folder)
    return out


def _end(value: Any) -> str:
    """A range's end as written: ``0.5``, ``1 h``, ``aeo_general``."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def _cell(row: Mapping[str, Any], at: str) -> str:
    """An effect and its interval: ``-0.36 [-0.36, -0.36]``."""
    mean, lo, hi = (float(row[f"{at}_{c}"]) for c in ("mean", "ci_low", "ci_high"))
    return f"{_num(mean)} [{_num(lo)}, {_num(hi)}]"


def _num(x: float) -> str:
    """Three significant figures, a minus sign never on 0, no exponent for ordinary sizes."""
    text = f"{x:.3g}" if x == x else "\u2013"
    return "0" if text in ("-0", "0") else text
