"""The share released on arrival in a comparison's folder, for ``bordersim tfa``: what
pre-arrival processing (TFA Art. 7.1) aims at, ``released_within_0h`` of imports and exports
(a comparison run with ``--set 'within_hours=[0]'``), the baseline's and each option's share
and its paired change with the 95 % interval ``differences.csv`` holds. Nothing is simulated
again; a folder without the metric gives one line saying how to get it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from sim.report.folder import read_csv

#: the metrics shown: (metric, goods)
METRICS = [("released_within_0h_import", "imports"), ("released_within_0h_export", "exports")]
#: the block's heading, its columns' heads, and its line where the folder has no such metric
HEADING = ("released on arrival (share of consignments released no later than their "
           "arrival, TFA Art. 7.1's aim): each option's paired change from the baseline and "
           "its 95 % interval")
HEADS = ("baseline", "option", "change", "95 % interval")
GOODS = {"imports": "imports", "exports": "exports"}
MISSING = ("released on arrival: not in the folder; compare with --set 'within_hours=[0]' "
           "for the share released on arrival (released_within_0h)")


def _pct(x: Any, sign: str = "") -> str:
    """A share as a percentage to one decimal (a -0.0 shown as 0.0)."""
    return "" if x is None or pd.isna(x) else f"{round(float(x) * 100, 1) + 0.0:{sign}.1f} %"


def arrival_lines(path: Path, heading: str = HEADING, heads: tuple[str, ...] = HEADS,
                  goods: dict[str, str] | None = None, missing: str = MISSING,
                  to: str = "to", sep: str = ", ") -> list[str]:
    """The block as text, a line per option and direction (the words given for another
    language)."""
    from sim.cli_lang import pad

    diffs, levels = read_csv(path / "differences.csv"), read_csv(path / "summary.csv")
    if "metric" not in diffs.columns or not diffs["metric"].isin(
            [m for m, _ in METRICS]).any():
        return [missing]
    level = {(str(r["option"]), str(r["metric"])): r["mean"] for r in levels.to_dict("records")}
    names = goods or GOODS
    out = [heading, "  " + " " * 30 + "".join(pad(h, 12) for h in heads[:3])
           + "  " + heads[3]]
    for r in diffs[diffs["metric"].isin([m for m, _ in METRICS])].to_dict("records"):
        name, metric = str(r["option"]), str(r["metric"])
        label = f"{name}{sep}{names[dict(METRICS)[metric]]}"
        sig = r.get("significant")
        star = " *" if sig is not None and not pd.isna(sig) and bool(sig) else ""
        out.append(f"  {pad(label, 30, right=False)}{_pct(level.get(('baseline', metric))):>12}"
                   f"{_pct(level.get((name, metric))):>12}{_pct(r['mean'], '+'):>12}  "
                   f"{_pct(r['ci_low'], '+')} {to} {_pct(r['ci_high'], '+')}{star}")
    return out
