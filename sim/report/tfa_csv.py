"""What ``bordersim tfa --csv FILE`` writes: every figure the command prints, in one tidy
table, unrounded, a row per option and figure. A block per printed block (``block``):
``release_time`` (:mod:`sim.report.tfa_changes`), ``release_stage`` and
``released_within_target`` (:mod:`sim.report.tfa_stages`), ``released_on_arrival``
(:mod:`sim.report.tfa_arrival`) and ``trading_across_borders``
(:mod:`sim.report.tfa_trading`), so that an officer pasting the file into a report keeps the
World Bank's measures and the share released on arrival beside the release times. A block
the folder has no figures for gives one row with the printed line in ``note``. The heads are
English under ``--lang zh`` too, as every ``--csv`` of the project's commands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from sim.report.folder import read_csv

#: the file's columns
COLUMNS = ["block", "option", "reform", "tfa_articles", "metric", "statistic", "goods", "port",
           "unit", "baseline_value", "option_value", "change", "ci_low", "ci_high", "n",
           "significant", "note"]
#: a direction of ``trading-across-borders.csv``'s groups as the release times name goods
_GOODS = {"import": "imports", "export": "exports"}


def _release_rows(table: pd.DataFrame) -> list[dict[str, Any]]:
    """The release times (:func:`sim.report.tfa_changes.tfa_changes`), in hours."""
    return [{"block": "release_time", **{k: r[k] for k in (
        "option", "reform", "tfa_articles", "metric", "statistic", "goods", "ci_low",
        "ci_high", "n", "significant", "note")}, "unit": "h", "baseline_value": r["baseline_h"],
        "option_value": r["option_h"], "change": r["change_h"]}
        for r in table.to_dict("records")]


def _arrival_rows(path: Path, tags: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The share released on arrival (a share, 0 to 1; printed as a percentage), or the
    printed line saying how to get it."""
    from sim.report.tfa_arrival import METRICS, MISSING

    diffs = read_csv(path / "differences.csv")
    names = dict(METRICS)
    if "metric" not in diffs.columns or not diffs["metric"].isin(list(names)).any():
        return [{"block": "released_on_arrival", "note": MISSING}]
    levels = read_csv(path / "summary.csv")
    level = {(str(r["option"]), str(r["metric"])): r["mean"] for r in levels.to_dict("records")}
    return [{"block": "released_on_arrival", "option": r["option"],
             **tags.get(str(r["option"]), {}), "metric": r["metric"], "statistic": "share",
             "goods": names[str(r["metric"])], "unit": "share",
             "baseline_value": level.get(("baseline", str(r["metric"]))),
             "option_value": level.get((str(r["option"]), str(r["metric"]))),
             "change": r["mean"], "ci_low": r["ci_low"], "ci_high": r["ci_high"],
             "n": r.get("n"), "significant": r.get("significant")}
            for r in diffs[diffs["metric"].isin(list(names))].to_dict("records")]


def _stage_rows(path: Path, tags: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The other stages (block ``release_stage``, hours) and the shares released within each
    target above 0 h (``released_within_target``, a share, 0 to 1; printed as a
    percentage), or the printed line saying the folder has none."""
    from sim.report.tfa_stages import WORDS, stage_rows

    found = stage_rows(path)
    if found is None:
        return [{"block": "release_stage", "note": WORDS["missing"]}]
    goods = WORDS["goods"]
    return [{"block": "release_stage" if r["kind"] == "stage" else "released_within_target",
             "option": r["option"], **tags.get(r["option"], {}), "metric": r["metric"],
             "statistic": "mean" if r["kind"] == "stage" else "share",
             "goods": goods[r["direction"]], "unit": "h" if r["kind"] == "stage" else "share",
             "baseline_value": r["baseline"], "option_value": r["value"],
             "change": r["change"], "ci_low": r["ci_low"], "ci_high": r["ci_high"],
             "n": r["n"], "significant": r["significant"]} for r in found]


def _trading_rows(path: Path, tags: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The World Bank's measures at each port and direction: the baseline's level with its
    interval, then each option's paired change with the change's interval (as printed), or
    the printed line saying the folder has none."""
    from sim.report.tfa_trading import FIGURES, LOWER_BOUND, MISSING, trading_rows

    found = trading_rows(path)
    if found is None:
        return [{"block": "trading_across_borders", "note": MISSING}]
    t, currency = found
    base = {str(r["group"]): r for r in t[t["option"] == "baseline"].to_dict("records")}
    out = []
    for r in t.to_dict("records"):
        name, group = str(r["option"]), str(r["group"])
        port, _, direction = group.partition("/")
        for col, unit in ((c, u) for c, u in FIGURES if c in t.columns):
            change = name != "baseline"
            fig = f"{col}_diff" if change else col
            out.append({"block": "trading_across_borders", "option": name,
                        **tags.get(name, {}), "metric": col, "statistic": "mean",
                        "goods": _GOODS.get(direction, direction), "port": port,
                        "unit": "h" if unit == "h" else currency,
                        "baseline_value": base.get(group, {}).get(col),
                        "option_value": r.get(col) if change else None,
                        "change": r.get(fig) if change else None,
                        "ci_low": r.get(f"{fig}_ci_low"), "ci_high": r.get(f"{fig}_ci_high"),
                        "n": r.get("reps"),
                        "note": LOWER_BOUND if col == "documentary_time_h" else None})
    return out


def tfa_csv(path: Path, table: pd.DataFrame) -> pd.DataFrame:
    """The whole file (:data:`COLUMNS`): the release times ``table`` of the folder ``path``,
    then the other stages and the shares within the targets, then the share released on
    arrival, then the World Bank's measures."""
    tags = {str(r["option"]): {"reform": r["reform"], "tfa_articles": r["tfa_articles"]}
            for r in table.drop_duplicates("option").to_dict("records")}
    rows = [*_release_rows(table), *_stage_rows(path, tags), *_arrival_rows(path, tags),
            *_trading_rows(path, tags)]
    return pd.DataFrame(rows, columns=COLUMNS)
