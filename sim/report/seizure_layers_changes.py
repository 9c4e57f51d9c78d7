"""A comparison's seizures by layer, option against baseline (``seizures-by-layer.csv``,
:mod:`sim.experiment.seizure_layers`): for each option, each illicit type's totals over all
places and the overall row, the baseline's level beside the option's paired change, with its
95 % interval, in the illicit consignments that arrived, those seized at the ports, the
loads stopped by the patrols outside them and the detection share, as the mean of the
replications' shares and pooled (the one to read). What an anti-smuggling
chief reads to judge an operation against the baseline; the report's section shows it under
the baseline's table (:mod:`sim.report.seizure_layers_section`)."""

from __future__ import annotations

import html
import math

import pandas as pd

HEADING = "Seizures by layer: each option's change from the baseline"
#: the two detection shares' words: the mean of the replications' own, and the pooled one
MEAN_SHARE = "Detection share, mean of the replications'"
POOLED_SHARE = "Detection share, pooled: read this"
#: the paired figures shown: (the file's column, the words of its two headers)
FIGURES = (
    ("arrived", "Arrived"),
    ("seized_at_port", "Seized at the port"),
    ("stopped_by_patrols", "Stopped by patrols"),
    ("detection_share", MEAN_SHARE),
    ("detection_share_pooled", POOLED_SHARE),
)
#: the figures that are shares, their change in percentage points
SHARES = ("detection_share", "detection_share_pooled")
#: each figure's two columns, after its words
BASELINE, CHANGE = "baseline", "change [95 % CI]"
#: the detection share's change, which is in percentage points
CHANGE_POINTS = "change, percentage points [95 % CI]"
OPTION, TYPE = "Option", "Illicit type"
ALL_TYPES = "all illicit types"
NOTE = (
    "The table above is the baseline's. Here, for each option, each illicit type's totals "
    "over all places and the total of all types: the baseline's mean over the replications "
    "beside the option's change from it, paired by replication (same seeds), with its 95 % "
    "interval; a change whose interval holds 0 is not clear of chance. The detection shares' "
    "changes are in percentage points: of the mean of the replications' own shares, and of "
    "the pooled shares (every replication's loads at once), the option's minus the "
    "baseline's, its interval from each replication's residuals paired by seed; read the "
    "pooled one. Every place's rows are in seizures-by-layer.csv."
)


def _level(v: float, share: bool) -> str:
    if math.isnan(v):
        return "\u2013"
    return f"{v:.1%}" if share else f"{v:,.1f}"


def _change(row: pd.Series, col: str, share: bool) -> str:
    """The option's paired change in ``col`` with its interval, signed; percentage points
    for a share."""
    scale = 100.0 if share else 1.0
    v, low, high = (float(row.get(f"{col}_diff{e}", math.nan)) * scale
                    for e in ("", "_ci_low", "_ci_high"))  # fmt: skip
    if math.isnan(v):
        return "\u2013"
    span = "" if math.isnan(low) or math.isnan(high) else f" [{low:+,.1f}, {high:+,.1f}]"
    return f"{v:+,.1f}{span}"


def change_points(row: pd.Series, col: str) -> str:
    """A share's paired change from the baseline in percentage points, with its interval
    (a comparison's console lines: :mod:`sim.report.seizure_layers_section`)."""
    return _change(row, col, True)


def _rows(table: pd.DataFrame) -> list[list[str]]:
    """Each option's (not the baseline's) cells: its type totals, then the overall row."""
    totals = table[table["place"].astype(str) == "all"]
    first = str(table["option"].iloc[0])
    base = totals[totals["option"].astype(str) == first].set_index("truth")
    out = []
    for option, mine in totals.groupby("option", sort=False):
        if str(option) == first:
            continue
        mine = pd.concat([mine[mine["truth"] != "all"], mine[mine["truth"] == "all"]])
        for _, row in mine.iterrows():
            truth = row["truth"]
            cells = [str(option), ALL_TYPES if truth == "all" else str(truth)]
            for col, _ in FIGURES:
                share = col in SHARES
                # (a type that came only under the option: none of it at the baseline; a
                # folder written before the pooled share has none)
                levels = base[col].to_dict() if col in base else {}
                level = levels.get(truth, math.nan if share else 0.0)
                cells += [_level(float(level), share), _change(row, col, share)]
            out.append(cells)
    return out


def changes_parts(table: pd.DataFrame) -> list[str]:
    """The HTML parts of each option's change from the baseline (the file's first option),
    from a comparison's ``seizures-by-layer.csv``; none for a run's (one option) or a file
    without the paired columns."""
    if "option" not in table or table["option"].nunique() < 2 or "arrived_diff" not in table:
        return []
    rows = _rows(table)
    if not rows:
        return []
    top = (f"<th rowspan='2'>{html.escape(OPTION)}</th><th rowspan='2'>{html.escape(TYPE)}</th>"
           + "".join(f"<th colspan='2'>{html.escape(w)}</th>" for _, w in FIGURES))
    sub = "".join(f"<th>{html.escape(BASELINE)}</th>"
                  f"<th>{html.escape(CHANGE_POINTS if c in SHARES else CHANGE)}</th>"
                  for c, _ in FIGURES)  # fmt: skip
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>"
                   for cells in rows)  # fmt: skip
    return [f"<h3>{html.escape(HEADING)}</h3>", f"<p class='note'>{html.escape(NOTE)}</p>",
            f"<table class='layers-changes'><tr>{top}</tr><tr>{sub}</tr>{body}</table>"]
