"""The Time Release Study's other stages and the shares released within the time targets in
a comparison's folder, for ``bordersim tfa``: arrival to lodgement (the trader's time
before the declaration, ``arrival_to_lodgement_h_mean``), lodgement to release
(``declared_to_release_h_mean``) and arrival to exit (``overall_clearance_h_mean``) of
imports and exports, and the share released within each of the comparison's targets above
0 h (``released_within_<target>_<direction>``: 24 h always, the scenario's ``within_hours``
too), each option's paired change from the baseline with the 95 % interval
``differences.csv`` holds. Arrival to release is the block before (:mod:`sim.report.
tfa_changes`), the share released on arrival (a 0 h target) its own
(:mod:`sim.report.tfa_arrival`). Nothing is simulated again."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd

from sim.report.folder import read_csv
from sim.report.tfa_changes import NONE_RELEASED

#: the stages' metrics, in the order printed: (metric's stem, stage)
STAGES = [("arrival_to_lodgement_h_mean", "arrival to lodgement"),
          ("declared_to_release_h_mean", "lodgement to release"),
          ("overall_clearance_h_mean", "arrival to exit")]
#: a target's share of one direction, over every port and class (``released_within_24h``)
_TARGET = re.compile(r"^released_within_(\d+)(h|min)_(import|export)$")
#: the words printed (another language's given to :func:`stage_lines`)
WORDS: dict[str, Any] = {
    "heading": "release time by stage (Time Release Study, mean hours: arrival to lodgement, "
               "0 for a declaration lodged in advance; lodgement to release, "
               "from the later of lodgement and arrival; arrival to exit from the port, an "
               "export's to its loading) and the share released within each time target "
               "(within_hours): each option's paired change from the baseline and its 95 % "
               "interval; * significant at 5 % after Holm's correction",
    "heads": ("baseline", "option", "change", "95 % interval"),
    "stages": dict(STAGES),
    "within": "released within {target}",
    "units": {"h": "h", "min": "min"},
    "goods": {"import": "imports", "export": "exports"},
    "missing": "release time by stage: not in the folder (a comparison of an older version)",
    "to": "to",
    "sep": ", ",
    "none": NONE_RELEASED,
}
#: the label column's width
_WIDTH = 40


def _target(number: str, unit: str) -> float:
    """A target's hours from its part of a metric's name (``24h``, ``30min``)."""
    return int(number) / (60 if unit == "min" else 1)


def stage_metrics(metrics: Any) -> list[tuple[str, str, str, str]]:
    """(metric, kind, what, direction) of every stage and target above 0 h among
    ``metrics``, in the order printed: kind ``stage`` (what: its stem) or ``within`` (what:
    the target as written in the name, ``24 h``, ``30 min``)."""
    names = set(map(str, metrics))
    out = [(f"{stem}_{d}", "stage", stem, d) for stem, _ in STAGES
           for d in ("import", "export") if f"{stem}_{d}" in names]
    targets = sorted({(_target(m[1], m[2]), f"{m[1]} {m[2]}") for m in map(_TARGET.match, names)
                      if m is not None and int(m[1]) > 0})
    return out + [(f"released_within_{t.replace(' ', '')}_{d}", "within", t, d)
                  for _, t in targets for d in ("import", "export")
                  if f"released_within_{t.replace(' ', '')}_{d}" in names]


def stage_rows(path: Path) -> list[dict[str, Any]] | None:
    """Each option's stages and targets, a dict per option and metric (option, metric, kind,
    what, direction, baseline, value, change, ci_low, ci_high, n, significant); None where
    the folder has none of them."""
    diffs = read_csv(path / "differences.csv")
    if "metric" not in diffs.columns:
        return None
    found = stage_metrics(diffs["metric"].unique())
    if not found:
        return None
    levels = read_csv(path / "summary.csv")
    level = {(str(r["option"]), str(r["metric"])): r["mean"] for r in levels.to_dict("records")}
    kinds = {m: (k, w, d) for m, k, w, d in found}
    order = {m: i for i, (m, *_) in enumerate(found)}
    picked = diffs[diffs["metric"].isin(list(kinds))].copy()
    picked["_order"] = picked["metric"].map(order)
    options = list(dict.fromkeys(picked["option"].astype(str)))
    picked["_option"] = picked["option"].astype(str).map({o: i for i, o in enumerate(options)})
    out = []
    for r in picked.sort_values(["_option", "_order"], kind="stable").to_dict("records"):
        name, metric = str(r["option"]), str(r["metric"])
        kind, what, direction = kinds[metric]
        sig = r.get("significant")
        out.append({"option": name, "metric": metric, "kind": kind, "what": what,
                    "direction": direction, "baseline": level.get(("baseline", metric)),
                    "value": level.get((name, metric)), "change": r["mean"],
                    "ci_low": r["ci_low"], "ci_high": r["ci_high"], "n": r.get("n"),
                    "significant": sig is not None and not pd.isna(sig) and bool(sig)})
    return out


def _cell(x: Any, kind: str, sign: str = "") -> str:
    """A figure as printed: hours to two decimals, a share as a percentage to one (a -0.0
    shown as 0.0; nothing where neither run released such goods)."""
    if x is None or pd.isna(x):
        return ""
    if kind == "within":
        return f"{round(float(x) * 100, 1) + 0.0:{sign}.1f} %"
    return f"{round(float(x), 2) + 0.0:{sign}.2f} h"


def stage_lines(path: Path, words: dict[str, Any] | None = None) -> list[str]:
    """The block as text: a part per option, a line per stage or target and direction (the
    words given for another language)."""
    from sim.cli_lang import pad

    w = words or WORDS
    rows = stage_rows(path)
    if rows is None:
        return [w["missing"]]
    heads = w["heads"]
    out = [w["heading"]]
    current = None
    for r in rows:
        if r["option"] != current:
            current = r["option"]
            out += ["", current, "  " + " " * _WIDTH + "".join(pad(h, 12) for h in heads[:3])
                    + "  " + heads[3]]
        kind = r["kind"]
        number, _, unit = str(r["what"]).partition(" ")
        what = (w["stages"][r["what"]] if kind == "stage"
                else w["within"].format(target=f"{number} {w['units'][unit]}"))
        label = f"{what}{w['sep']}{w['goods'][r['direction']]}"
        if pd.isna(r["change"]):  # (neither run released such goods: no exports)
            out.append(f"  {pad(label, _WIDTH, right=False)}{w['none']}")
            continue
        star = " *" if r["significant"] else ""
        interval = (f"{_cell(r['ci_low'], kind, '+')} {w['to']} "
                    f"{_cell(r['ci_high'], kind, '+')}{star}")
        out.append(f"  {pad(label, _WIDTH, right=False)}{_cell(r['baseline'], kind):>12}"
                   f"{_cell(r['value'], kind):>12}{_cell(r['change'], kind, '+'):>12}  "
                   f"{interval}")
    return out
