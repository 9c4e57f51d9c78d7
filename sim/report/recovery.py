"""Each lane's backlog in a disruption set against the baseline's queue at the same moment:
how far above it the queue ran, when, and how long it took to get back to it.

``bordersim hours --peak`` reads one variant alone: its peak, and the hours until its queue
falls back to its own observed mean, a mean the disruption's backlog itself raises. A
comparison runs every option on the same seeds (the same arrivals, the same service draws),
so the baseline's queue at each sample is what the lane would have held without the
disruption: here the option's queue less the baseline's, sample by sample (each the
replications' mean), gives the excess backlog, its peak and the hours from that peak until
the option's queue is first at or below the baseline's again (back to normal; none when not
before the samples end).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from sim.report.peak_backlog import _NOT_QUEUES

COLUMNS = ["port", "lane", "excess_queue", "peak_h", "queue", "baseline_queue", "recovered_h"]


def excess_backlog(
    option: pd.DataFrame, baseline: pd.DataFrame, window: tuple[float, float]
) -> pd.DataFrame:
    """Per port and lane whose queue ran above the baseline's in ``window`` (hours from the
    start): the largest excess (option - baseline at one sample), ``peak_h`` (its first
    sample), both queues then and ``recovered_h``: hours from it until the option's queue is
    at or below the baseline's (NaN: not before the samples end). Deepest first by port."""
    keys = ["t_h", "port", "lane"]
    both = option[keys + ["queue"]].merge(
        baseline[keys + ["queue"]], on=keys, suffixes=("", "_base"), validate="one_to_one"
    )
    both = both[~both["lane"].isin(_NOT_QUEUES)]
    rows = []
    for (port, lane), g in both.groupby(["port", "lane"], sort=False):
        g = g.sort_values("t_h", kind="stable")
        t = g["t_h"].to_numpy(float)
        q, qb = g["queue"].to_numpy(float), g["queue_base"].to_numpy(float)
        excess = q - qb
        inside = np.flatnonzero((t >= window[0]) & (t < window[1]))
        if not len(inside) or excess[inside].max() <= 0:
            continue
        at = int(inside[excess[inside].argmax()])  # (the first sample at the largest excess)
        back = np.flatnonzero((t > t[at]) & (excess <= 0))
        rows.append({
            "port": port, "lane": lane, "excess_queue": float(excess[at]),
            "peak_h": float(t[at]), "queue": float(q[at]), "baseline_queue": float(qb[at]),
            "recovered_h": float(t[back[0]] - t[at]) if len(back) else math.nan,
        })
    out = pd.DataFrame(rows, columns=COLUMNS)
    order = {p: i for i, p in enumerate(dict.fromkeys(option["port"]))}
    out["_port"] = out["port"].map(order)
    out = out.sort_values(["_port", "excess_queue"], ascending=[True, False], kind="stable")
    return out.drop(columns="_port").reset_index(drop=True)


def excess_lines(rows: pd.DataFrame) -> list[str]:
    """One line per lane: ``sea_port  declaration_review  +648 above the baseline on day 23
    at 08:00 (queue 660, baseline 12); back to the baseline's queue 41 h later``."""
    lines = []
    for r in rows.to_dict("records"):
        day, hour = divmod(int(r["peak_h"]), 24)
        back = (f"back to the baseline's queue {r['recovered_h']:.0f} h later"
                if math.isfinite(r["recovered_h"])
                else "not back to the baseline's queue before the run ends")
        lines.append(
            f"{r['port']}  {r['lane']}  {r['excess_queue']:+.1f} above the baseline on day "
            f"{day} at {hour:02d}:00 (queue {r['queue']:.1f}, baseline "
            f"{r['baseline_queue']:.1f}); {back}"
        )
    return lines
