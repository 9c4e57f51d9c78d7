"""The report's section of seizures as truth, effectiveness and what customs sees, by illicit
commodity and place (``seizures-by-layer.csv``, :mod:`sim.experiment.seizure_layers`): one
table where a bureau chief otherwise reads the enforcement table, the by-port figures and
``bordersim compliance`` apart. A comparison's table is the baseline's, followed by each
option's paired change in the totals (:mod:`sim.report.seizure_layers_changes`); the file
has every place's."""

from __future__ import annotations

import html
import math
from typing import Any

import pandas as pd

from sim.report.seizure_layers_changes import changes_parts

HEADING = "Seizures: truth, effectiveness and what customs sees"
#: the inspections' header: a place's consignments inspected are of every type, the same on
#: each illicit type's row of the place, which the header says so that a type's row is not
#: read as that type's inspections
INSPECTED = "Inspected, every type"
#: the missed that were found after release (tax review, recall, post-clearance audit)
AFTER_RELEASE = "Of the missed, found after release"
#: the two detection shares' headers: the mean of each replication's share, and the share
#: over every replication's loads at once, which weights each load once (the one to read)
MEAN_SHARE = "Detection share, mean of the replications' [95 % CI]"
POOLED_SHARE = "Detection share, pooled: read this [95 % CI]"
#: the table's columns: (the file's column, its header)
COLUMNS = (
    ("arrived", "Arrived (truth)"),
    ("seized_at_port", "Seized at the port"),
    ("stopped_by_patrols", "Stopped by patrols"),
    ("found_not_seized", "Found, not seized"),
    ("missed", "Missed"),
    ("found_after_release", AFTER_RELEASE),
    ("detection_share", MEAN_SHARE),
    ("detection_share_pooled", POOLED_SHARE),
    ("inspected", INSPECTED),
    ("hits", "Hits"),
    ("hit_rate", "Hit rate"),
    ("document_finds", "Found by document checks"),
)
#: each row's kind of place, in words
KINDS = {"port": "port", "patrol": "route outside the ports", "all": "total"}
#: the words in the truth and place columns' total rows
ALL_TYPES, ALL_PLACES = "all illicit types", "all places"
NOTE = (
    "Per illicit type and place (a port, or a smuggling route outside the ports with its "
    "patrol), the mean over the replications of: the illicit consignments that arrived (the "
    "hidden truth), those seized, detained or rejected at the port, the loads the patrols "
    "stopped outside the ports, those found before release at a port but not seized "
    "(undervaluation re-assessed, goods treated and released, or still held at the end: a "
    "find is not a seizure), and the rest, missed (arrived = seized + stopped + found, not "
    "seized + missed), and of the missed those found after release by the tax review, a "
    "recall or the post-clearance audit (counted whenever the find falls due, even after "
    "the run's end); "
    "the detection share, found before release or stopped by a patrol over those whose "
    "outcome is known, with its 95 % interval (effectiveness), twice: the mean of the "
    "replications' own shares, and pooled, every replication's loads at once (total "
    "detected over total known, its interval the ratio estimator's), which weights a "
    "replication with 3 loads like one with 300 no more: read the pooled one; and what "
    "customs' own records "
    "show: the consignments inspected at the place (of every type), its finds of the type "
    "before release by a scan's exam, an exam or a quarantine check (hits, as China's "
    "published figures count them), hits per inspected consignment (hit rate) and, apart, "
    "the finds of the document check alone, which are no inspection's hits. Totals: the rows "
    "of all places and of all illicit types. The figures with their intervals, and in a "
    "comparison each option's with its paired difference from the baseline, are in "
    "seizures-by-layer.csv."
)


#: a port's hits where its replications' tables did not count them (a folder written before
#: ``found_on_inspection`` was): unknown, not none
NOT_RECORDED = "not recorded"
#: the figures made from the hits
_FROM_HITS = ("hits", "hit_rate", "document_finds")


def _unrecorded(row: pd.Series) -> bool:
    """Whether ``row``'s hits are unknown though customs inspected there (a patrol's route,
    where nothing is inspected, has none to record)."""
    return bool(math.isnan(float(row.get("hits", math.nan)))
                and not math.isnan(float(row.get("inspected", math.nan))))


def _count(x: Any) -> str:
    v = float(x)
    return "\u2013" if math.isnan(v) else f"{v:,.1f}"


def _share(row: pd.Series, col: str) -> str:
    v = float(row.get(col, math.nan))  # (a folder written before the pooled share: none)
    if math.isnan(v):
        return "\u2013"
    low, high = (float(row.get(f"{col}_ci_{e}", math.nan)) for e in ("low", "high"))
    span = "" if math.isnan(low) or math.isnan(high) else f" [{low:.1%}, {high:.1%}]"
    return f"{v:.1%}{span}"


def _cells(row: pd.Series) -> list[str]:
    truth = ALL_TYPES if row["truth"] == "all" else str(row["truth"])
    place = ALL_PLACES if row["place"] == "all" else str(row["place"])
    kind = KINDS.get(str(row["kind"]), str(row["kind"]))
    out = [truth, place, kind]
    for col, _ in COLUMNS:
        if col in _FROM_HITS and _unrecorded(row):
            out.append(NOT_RECORDED)
        elif col.startswith("detection_share"):
            out.append(_share(row, col))
        elif col == "hit_rate":
            out.append(_share(row, col).split(" [")[0])
        else:
            out.append(_count(row[col]))
    return out


def section(table: pd.DataFrame | None) -> list[str]:
    """The section's HTML parts from a folder's ``seizures-by-layer.csv`` (its first
    option's rows in a comparison, then each other option's change from it); none without
    the file or its rows."""
    if table is None or table.empty or "truth" not in table:
        return []
    changes = changes_parts(table)
    if "option" in table:
        table = table[table["option"] == table["option"].iloc[0]]
    heads = ["Illicit type", "Place", "Kind", *(h for _, h in COLUMNS)]
    head = "".join(f"<th>{html.escape(h)}</th>" for h in heads)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in _cells(row)) + "</tr>"
        for _, row in table.iterrows()
    )
    return [f"<h2>{html.escape(HEADING)}</h2>", f"<p class='note'>{html.escape(NOTE)}</p>",
            f"<table class='layers'><tr>{head}</tr>{body}</table>", *changes]


def folder_section(path: Any) -> list[str]:
    """:func:`section` of the results folder ``path`` (none when it has no such file)."""
    from sim.experiment.seizure_layers import FILE

    file = path / FILE if path is not None else None
    if file is None or not file.is_file():
        return []
    from sim.report.folder import read_csv

    return section(read_csv(file))


def console_lines(path: Any, lang: str = "en") -> list[str]:
    """A run's console lines of the table's totals by illicit type (each type at all its
    places), in ``lang``: where smuggling groups make the patrols' stops seizures that
    ``seizures_per_1000`` cannot count. None without the file or without patrol rows."""
    from sim.experiment.seizure_layers import FILE

    file = path / FILE if path is not None else None
    if file is None or not file.is_file():
        return []
    from sim.report.folder import read_csv

    t = read_csv(file)
    if t.empty or "kind" not in t or not (t["kind"] == "patrol").any():
        return []
    rows = t[(t["place"] == "all") & (t["truth"] != "all")]
    return [_line(row, lang) for _, row in rows.iterrows()]


def _line(row: pd.Series, lang: str) -> str:
    """One illicit type's totals in words: the counts a replication's mean, the detection
    share pooled over the replications (the one to read) before the mean of their shares."""
    n = {c: _count(row.get(c, math.nan)) for c in (
        "arrived", "seized_at_port", "stopped_by_patrols", "found_not_seized", "missed", "hits",
        "inspected")}  # fmt: skip
    pooled, mean = _share(row, "detection_share_pooled"), _share(row, "detection_share")
    unknown = _unrecorded(row)
    if lang == "zh":
        from sim.report.zh_glossary import VALUES

        kind = VALUES["type"].get(str(row["truth"]), str(row["truth"]))
        return (f"{kind}（{FILE_NAME}，票数为每次重复运行均值）：实际到达 {n['arrived']} "
                f"票，口岸查扣 {n['seized_at_port']}，口岸外缉私巡查截获 "
                f"{n['stopped_by_patrols']}，查出未查扣 {n['found_not_seized']}，未查获 "
                f"{n['missed']}；{ZH_POOLED}{pooled}，{ZH_MEAN} {mean}；海关所见："
                f"查验（各类型合计）{n['inspected']} 票中查验发现"
                + ("未记录" if unknown else f" {n['hits']}"))
    hits = (f"{n['inspected']} inspected of every type, their hits {NOT_RECORDED}" if unknown
            else f"{n['hits']} hits in {n['inspected']} inspected of every type")
    return (f"{row['truth']} ({FILE_NAME}, counts a replication's mean): {n['arrived']} "
            f"arrived, {n['seized_at_port']} seized at the ports, {n['stopped_by_patrols']} "
            f"stopped by patrols, {n['found_not_seized']} found but not seized, {n['missed']} "
            f"missed; {EN_POOLED} {pooled}, {EN_MEAN} {mean}; customs saw {hits}")


#: the console's words for the two detection shares: pooled over the replications' loads
#: (the one to read, as the table's column) and the mean of the replications' own shares
EN_POOLED = "detection share pooled over the replications (read this)"
EN_MEAN = "mean of the replications' shares"
ZH_POOLED = "查出比例（合并各次重复运行，以此为准）"
ZH_MEAN = "各次重复运行比例的平均"


def compare_console_lines(path: Any, lang: str = "en") -> list[str]:
    """A comparison's console lines of each option's detection share by illicit type (its
    total over all places) from ``seizures-by-layer.csv`` in ``path``, in ``lang``: pooled
    and the mean of the replications' shares, each with its interval and, but for the
    baseline, its paired change from the baseline's in points. None without the file or
    without patrol rows (no smuggling groups), as a run's :func:`console_lines`."""
    from sim.experiment.seizure_layers import FILE

    file = path / FILE if path is not None else None
    if file is None or not file.is_file():
        return []
    from sim.report.folder import read_csv

    t = read_csv(file)
    if t.empty or "option" not in t or "kind" not in t or not (t["kind"] == "patrol").any():
        return []
    rows = t[(t["place"] == "all") & (t["truth"] != "all")]
    first = str(t["option"].iloc[0])
    return [_option_line(row, str(row["option"]) == first, lang) for _, row in rows.iterrows()]


def _option_line(row: pd.Series, baseline: bool, lang: str) -> str:
    """One option's detection shares of one illicit type, with their changes but for the
    ``baseline``'s."""
    from sim.report.seizure_layers_changes import change_points

    pooled, mean = _share(row, "detection_share_pooled"), _share(row, "detection_share")
    if lang == "zh":
        from sim.report.zh_glossary import VALUES

        kind = VALUES["type"].get(str(row["truth"]), str(row["truth"]))
        more = ("" if baseline else
                f"，较基准方案变化（百分点）{change_points(row, 'detection_share_pooled')}")
        rest = ("" if baseline else
                f"，变化（百分点）{change_points(row, 'detection_share')}")
        name = "基准方案" if str(row["option"]) == "baseline" else str(row["option"])
        return (f"{name}，{kind}（{FILE_NAME}）：{ZH_POOLED}{pooled}{more}；"
                f"{ZH_MEAN} {mean}{rest}")
    more = ("" if baseline else
            f", change from the baseline in points {change_points(row, 'detection_share_pooled')}")
    rest = "" if baseline else f", change in points {change_points(row, 'detection_share')}"
    return (f"{row['option']}, {row['truth']} ({FILE_NAME}): {EN_POOLED} {pooled}{more}; "
            f"{EN_MEAN} {mean}{rest}")


#: the file the console's lines point to
FILE_NAME = "seizures-by-layer.csv"
