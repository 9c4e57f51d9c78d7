"""``bordersim compare --by-port``: a compact table of each port's clearance time under the
baseline and its change under each option (imports and exports, with the change's 95 %
interval), printed under the comparison's table. A provincial brief reads the ports one by
one; the main table pools them, and the report's who-gains table by port needs a browser."""

from __future__ import annotations

import argparse
import math
import re
from typing import Any

#: the metric of each port's clearance time (``clearance_h_mean_port_{p}_{d}``)
BASE = "clearance_h_mean"
_METRIC = re.compile(rf"{BASE}_port_(?P<p>.+)_(?P<d>import|export)")
#: the table's words, by language
WORDS = {
    "en": {"title": "Clearance time by port (h): the baseline's, and each option's change "
                    "[95 % CI]", "port": "port", "imports": "imports", "exports": "exports",
           "base": "baseline", "sep": ": "},
    "zh": {"title": "各口岸通关时间（小时）：基准方案的水平，以及各方案的变化 [95% 置信区间]",
           "port": "口岸", "imports": "进口", "exports": "出口", "base": "基准方案",
           "sep": "："},
}


def add_by_port(p: argparse.ArgumentParser) -> None:
    """The ``--by-port`` flag of ``bordersim compare``."""
    p.add_argument("--by-port", action="store_true",
                   help="also print each port's clearance time, imports and exports: the "
                   "baseline's and each option's change with its 95 %% CI (one compact table), "
                   "under the headline metrics only (--all: the whole usual table)")
    from sim.cli_compare_short import add_all

    add_all(p)


def _change(row: dict[str, Any] | None) -> str:
    """``-0.42 [-0.81, -0.03]``; the change alone without an interval; empty without a row."""
    if row is None:
        return ""
    mean, low, high = (float(row.get(k, math.nan)) for k in ("mean", "shown_low", "shown_high"))
    if not math.isfinite(mean):
        return ""
    if not (math.isfinite(low) and math.isfinite(high)):
        return f"{mean:+.2f}"
    return f"{mean:+.2f} [{low:+.2f}, {high:+.2f}]"


def port_rows(res: Any) -> tuple[list[str], list[list[str]]]:
    """The table's header and rows: per port, the baseline's hours and each option's change
    for imports then exports (a direction no port has is left out)."""
    found = [(m, _METRIC.fullmatch(str(m))) for m in res.differences["metric"]]
    keys = {m: (k["p"], k["d"]) for m, k in found if k is not None}
    if not keys:
        return [], []
    s = res.summary
    base = s[s["option"] == res.names[0]].set_index("metric")["mean"]
    by = {(r["option"], *keys[r["metric"]]): r for r in res.differences.to_dict("records")
          if r["metric"] in keys}
    directions = [x for x in ("import", "export") if x in {d for _, d in keys.values()}]
    ports = list(dict.fromkeys(p for p, _ in keys.values()))
    head = [f"{x}:{o}" for x in directions for o in res.names]
    rows = []
    for port in ports:
        cells = []
        for x in directions:
            level = float(base.get(f"{BASE}_port_{port}_{x}", math.nan))
            cells.append(f"{level:.2f}" if math.isfinite(level) else "")
            cells += [_change(by.get((o, port, x))) for o in res.names[1:]]
        rows.append([port, *cells])
    return head, rows


def port_table(res: Any, lang: str = "en") -> Any:
    """The ``--by-port`` table (a rich Table), or None when no port has its own figure."""
    from rich.table import Table

    head, rows = port_rows(res)
    if not rows:
        return None
    w = WORDS.get(lang, WORDS["en"])
    table = Table(title=w["title"])
    table.add_column(w["port"])
    for key in head:
        direction, option = key.split(":", 1)
        side = w["imports" if direction == "import" else "exports"]
        name = w["base"] if option == res.names[0] else option
        table.add_column(f"{side}{w['sep']}{name}", justify="right")
    for row in rows:
        table.add_row(*row)
    return table
