"""Who gains and who loses (``gains.csv``), by port and direction, as a
:class:`~sim.report.paper_table.PaperTable`, so that ``bordersim paper-table --gains`` prints
it in a terminal (Markdown) or for a paper (LaTeX) with the same renderer: a row for all
consignments and one per port and direction, a column per option, each cell the mean change
of a consignment against itself in the baseline, its 95 % interval and the shares better and
worse off, as the report's who-gains table gives them."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sim.report.html import _figures, _percent
from sim.report.paper_table import PaperTable, PaperTableError
from sim.report.price_year import money_unit


def build_gains(folder: Path, measure: str) -> PaperTable:
    """The who-gains table of ``measure`` (``overall_clearance``, ``clearance``,
    ``trader_cost``, ...) from a finished comparison ``folder`` (read as the report reads
    it); a folder with no ``gains.csv`` or no such measure raises PaperTableError."""
    from sim.experiment.gains import COST
    from sim.report.folder import read_compare

    res, _ = read_compare(folder)
    g = res.gains
    if g is None or g.empty:
        raise PaperTableError(f"{folder} has no gains.csv: the comparison ran with --no-gains "
                              "(no consignment logs); run it again without it")
    have = sorted(set(g["measure"]))
    if measure not in have:
        raise PaperTableError(f"--gains {measure!r}: not a measure of {folder / 'gains.csv'}; "
                              f"allowed: {', '.join(have)}")
    g = g[(g["measure"] == measure) & g["dimension"].isin(["all", "port_direction"])]
    options = [n for n in res.names[1:] if n in set(g["option"])]
    rows: list[tuple[str, list[str]]] = []
    for (port, direction), part in g.groupby(["port", "direction"], sort=False):
        by = {str(r["option"]): r for r in part.to_dict("records")}
        who = "all consignments" if port == "all" else f"{port} \u00b7 {direction}"
        rows.append((who, [_cell(by[o]) if o in by else "" for o in options]))
    paying = measure == COST  # (money in the scenario's currency at its price year)
    unit = money_unit(res.meta) if paying else str(g["unit"].iloc[0]) if len(g) else ""
    caption = (f"Who gains and who loses, {measure} ({unit}): each "
               "consignment against itself in the baseline, pooled over the replications; "
               "mean change, 95 % interval, share "
               + ("paying less / paying more" if paying else "better off / worse off")
               + " (below 0: " + ("pays less" if paying else "faster") + ")")
    return PaperTable(options, rows, caption, head="who")


def _cell(r: Mapping[Any, Any]) -> str:
    """``-0.07 [-1.17, 1.00]; 2.6 % / 0.0 %``: the change and interval as the report's
    who-gains table gives them, then the shares better and worse off (unescaped)."""
    mean, ci = _figures(r["mean_change"], r["ci_low"], r["ci_high"])
    better, worse = (_percent(float(r[k])).replace("&lt;", "<")
                     for k in ("share_better", "share_worse"))
    return f"{mean} {ci}; {better} / {worse}"
