"""The World Bank's trading-across-borders measures of a comparison's folder, for
``bordersim tfa``: at each port and direction, the baseline's time and cost of documentary
and border compliance per consignment, then each option's paired change from it, each with
its 95 % interval, as the folder's ``trading-across-borders.csv`` holds them
(:mod:`sim.experiment.trading_table`, docs/trading-across-borders.md). A reform's TFA
articles say what it implements; these say what it does to a trader's time and money in
Doing Business's terms. Nothing is simulated again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from sim.report.folder import read_csv

#: the figures shown, in Doing Business's order: (column, unit: ``h`` or ``money``)
FIGURES = [("documentary_time_h", "h"), ("border_time_h", "h"),
           ("documentary_cost", "money"), ("border_cost", "money")]
#: the file it reads
FILE = "trading-across-borders.csv"
#: what documentary time is, said wherever it is shown: the model counts the documents' hold
#: on the goods after arrival, Doing Business also the work done before it
#: (docs/trading-across-borders.md)
LOWER_BOUND = ("documentary time is a lower bound: only the documents' hold on the goods "
               "after arrival counts, not documents prepared before it")
#: the heads of the block's columns
HEADS = {"documentary_time_h": "documentary h", "border_time_h": "border h",
         "documentary_cost": "documentary {cur}", "border_cost": "border {cur}"}
#: the block's heading line, and its line where the folder has no such file
HEADING = ("trading across borders (World Bank, per consignment, at each port and direction): "
           "time and cost of documentary and border compliance, the baseline's level and "
           f"each option's paired change, [95 % interval]; {LOWER_BOUND}")
MISSING = f"trading across borders: the folder has no {FILE} (a comparison of an older version)"


def trading_rows(path: Path) -> tuple[pd.DataFrame, str] | None:
    """The folder's port and direction rows of every option (the baseline's first) and the
    money's currency ('' without costs); None when the folder has no such file."""
    if not (path / FILE).is_file():
        return None
    t = read_csv(path / FILE)
    if t.empty or "dimension" not in t.columns:
        return None
    t = t[t["dimension"] == "port_direction"]
    currency = ""
    if "currency" in t.columns and t["currency"].notna().any():
        currency = str(t["currency"].dropna().iloc[0])
    return t, currency


def _cell(r: Any, col: str) -> str:
    """One figure with its interval, ``-6.98 [-8.10, -5.86]``; empty where the file has no
    such column or value (no costs, one replication)."""
    if col not in r or pd.isna(r[col]):
        return ""
    lo, hi = r.get(f"{col}_ci_low"), r.get(f"{col}_ci_high")
    sign = "+" if col.endswith("_diff") else ""
    said = _num(r[col], sign)
    if lo is None or hi is None or pd.isna(lo) or pd.isna(hi):
        return said
    return f"{said} [{_num(lo, sign)}, {_num(hi, sign)}]"


def _num(x: Any, sign: str) -> str:
    """A figure to two decimals, a -0.00 shown as 0.00."""
    return f"{round(float(x), 2) + 0.0:{sign}.2f}"


def trading_lines(path: Path, heads: dict[str, str] | None = None,
                  heading: str = HEADING, missing: str = MISSING) -> list[str]:
    """The block as text: the baseline's levels, then each option's changes, a line per port
    and direction (``heads``, ``heading`` and ``missing``: the words, for another language)."""
    from sim.cli_lang import pad

    found = trading_rows(path)
    if found is None:
        return [missing]
    t, currency = found
    figures = [(c, u) for c, u in FIGURES if c in t.columns]
    words = {c: w.format(cur=currency) for c, w in (heads or HEADS).items()}
    width = 26
    out = [heading]
    for name, rows in t.groupby("option", sort=False):
        change = name != "baseline"
        out += ["", str(name), "  " + " " * 20 + "".join(pad(words[c], width)
                                                         for c, _ in figures)]
        for _, r in rows.iterrows():
            cells = [_cell(r, f"{c}_diff" if change else c) for c, _ in figures]
            out.append(f"  {str(r['group']):<20}" + "".join(f"{x:>{width}}" for x in cells))
    return out
