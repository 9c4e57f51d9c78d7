"""Each option of a comparison's folder with the TFA measures its reforms implement
(:mod:`sim.reforms.tfa`) beside its paired change in release time, the Time Release Study's
figure that TFA Article 7.6 asks members to measure: the mean and median hours from arrival
to release (``clearance_h_mean``, ``clearance_h_median``), over all goods and, where the
folder has them, imports and exports apart, with their 95 % paired intervals as
``differences.csv`` holds them. Nothing is simulated again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from sim.report.folder import ResultsFolderError, kind_of, read_csv, read_object

#: the release-time metrics shown: (metric, statistic, goods)
METRICS = [(f"clearance_h_{stat}{suffix}", stat, goods)
           for suffix, goods in (("", "all"), ("_import", "imports"), ("_export", "exports"))
           for stat in ("mean", "median")]
COLUMNS = ["option", "reform", "tfa_articles", "metric", "statistic", "goods", "baseline_h",
           "option_h", "change_h", "ci_low", "ci_high", "n", "significant", "note"]


def _options(path: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The options compare.json records (the baseline left out) and the record, or an error
    naming the file."""
    if kind_of(path) != "compare":
        raise ResultsFolderError(
            f"{path} is a {kind_of(path)}'s results folder, not a comparison's: give the folder "
            "of bordersim compare (e.g. --reforms single_window), whose options are set "
            "against its baseline", repair=False)
    record = read_object(path / "compare.json")
    options = [o for o in record.get("options") or [] if isinstance(o, dict)
               and o.get("name") != "baseline"]
    if not options:
        raise ResultsFolderError(f"{path / 'compare.json'} names no option beside the baseline")
    return options, record


#: the heads of an option's note (:func:`_note`) and the articles cell of an option that is no
#: reform (:func:`_articles`): the keys of their Chinese (:mod:`sim.cli_zh_tfa`)
NO_EFFECT_NOTE = "no effect in this scenario"
PART_NOTE = "only part of it acts in this scenario"
NOT_A_REFORM = "not a reform of the library"


def _note(record: dict[str, Any], name: str) -> str:
    """What the comparison said of the option's effect in its scenario ('' if nothing): a
    reform with no effect there, or one of which only part acts."""
    for key, said in (("no_effect", NO_EFFECT_NOTE), ("caveats", PART_NOTE)):
        why = (record.get(key) or {}).get(name) if isinstance(record.get(key), dict) else None
        if why:
            return f"{said}: {why}"
    return ""


def _articles(option: dict[str, Any]) -> str:
    """What the option's reforms implement, as one cell: ``7.1; 10.4``, ``none``, or why
    there is nothing to say (an option that is not a reform of the library)."""
    from sim.reforms.tfa import articles_of

    text = str(option.get("reform") or "")
    if not text:
        return NOT_A_REFORM
    found, unknown = articles_of(text)
    cell = "; ".join(found) or "none"
    return cell + (f" (not in the TFA table: {', '.join(unknown)})" if unknown else "")


def tfa_changes(path: Path) -> pd.DataFrame:
    """The table (``COLUMNS``): one row per option and release-time metric the folder has;
    a :class:`ResultsFolderError` naming the file for a folder that is not a finished
    comparison."""
    options, record = _options(path)
    diffs = read_csv(path / "differences.csv")
    levels = read_csv(path / "summary.csv")
    for file, table, need in ((path / "differences.csv", diffs, ("option", "metric", "mean",
                               "ci_low", "ci_high", "n")),
                              (path / "summary.csv", levels, ("option", "metric", "mean"))):
        missing = [c for c in need if c not in table.columns]
        if missing:
            raise ResultsFolderError(f"{file} has no column {', '.join(missing)} (not what "
                                     "bordersim compare writes)")
    diff = {(str(d["option"]), str(d["metric"])): d for d in diffs.to_dict("records")}
    level = {(str(d["option"]), str(d["metric"])): d["mean"] for d in levels.to_dict("records")}
    rows = []
    for o in options:
        name = str(o["name"])
        for metric, stat, goods in METRICS:
            d = diff.get((name, metric))
            if d is None:
                continue
            rows.append([name, str(o.get("reform") or ""), _articles(o), metric, stat, goods,
                         level.get(("baseline", metric)), level.get((name, metric)),
                         d["mean"], d["ci_low"], d["ci_high"], int(d["n"]),
                         _significant(d.get("significant")), _note(record, name)])
    if not rows:
        raise ResultsFolderError(f"{path / 'differences.csv'} has no release time "
                                 "(clearance_h_mean) of any option: the comparison is "
                                 "unfinished; run its command again into the folder")
    return pd.DataFrame(rows, columns=COLUMNS)


def _significant(x: Any) -> bool:
    """A ``significant`` cell as read: an empty one (NaN: not judged) is not significant."""
    return False if x is None or pd.isna(x) else bool(x)


def hours(x: Any, sign: str = "") -> str:
    """Hours to two decimals; below 0.005 h (18 s), not 0, to one significant digit, so that
    a median of seconds does not read as 0 (a -0.00 is shown as 0.00)."""
    if x is None or pd.isna(x):
        return ""
    x = float(x)
    if x != 0 and abs(x) < 0.005:
        return f"{x:{sign}.1g}"
    return f"{round(x, 2) + 0.0:{sign}.2f}"


def tfa_lines(table: pd.DataFrame) -> list[str]:
    """The table as text: each option, its TFA articles, and its changes in release time."""
    from sim.reforms.tfa import ARTICLES, title

    out = ["release time (arrival to release, hours): each option's paired change from the "
           "baseline and its 95 % interval; * significant at 5 % after Holm's correction"]
    for name, rows in table.groupby("option", sort=False):
        first = rows.iloc[0]
        cell = str(first["tfa_articles"])
        named = [title(a) for a in cell.split("; ") if a in ARTICLES]
        out += ["", f"{name}" + (f" (reform {first['reform']})" if first["reform"] and
                                  first["reform"] != name else ""),
                "  WTO TFA: " + ("; ".join(named) if named else cell)]
        if first["note"]:
            out.append(f"  note: {first['note']}")
        out.append(f"  {'':<16}{'baseline':>10}{'option':>10}{'change':>10}  95 % interval")
        for _, r in rows.iterrows():
            label = f"{r['statistic']}, {r['goods']}"
            if none_released(r):
                out.append(f"  {label:<16}{NONE_RELEASED}")
                continue
            star = " *" if r["significant"] else ""
            out.append(f"  {label:<16}{hours(r['baseline_h']):>10}{hours(r['option_h']):>10}"
                       f"{hours(r['change_h'], '+'):>10}  {hours(r['ci_low'], '+')} to "
                       f"{hours(r['ci_high'], '+')}"
                       f"{star}")
    return out


#: a row whose goods neither the baseline nor the option released (a run without exports)
NONE_RELEASED = "none released in the baseline or the option: no figures"


def none_released(row: Any) -> bool:
    """Whether a row of the table has no figures: neither run released such goods."""
    return bool(pd.isna(row["baseline_h"]) and pd.isna(row["option_h"]))
