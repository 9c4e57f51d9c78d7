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

The times are the samples' (one every ``queue_sample``): with samples finer than an hour the
lines say the peak and the recovery to the minute (``14:35``, ``2 h 35 min later``); with
hourly or coarser ones they say whole hours, and :func:`resolution_note` says which, so an
``HH:00`` is not read as exact.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from sim.report.peak_backlog import _NOT_QUEUES, FINE, clock, every_text

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


def duration_text(hours: float) -> str:
    """A recovery's length to the minute: ``69 h``, ``2 h 35 min``, ``35 min``."""
    h, m = divmod(int(round(hours * 60)), 60)
    return f"{h} h {m} min" if h and m else f"{h} h" if h else f"{m} min"


def back_text(peak_h: float, recovered_h: float, every_h: float) -> str:
    """When the option's queue is back at the baseline's: with samples finer than an hour the
    moment (day, ``HH:MM``) and the time since the peak to the minute, else whole hours."""
    if not math.isfinite(recovered_h):
        return "not back to the baseline's queue before the run ends"
    if every_h >= 1:
        return f"back to the baseline's queue {recovered_h:.0f} h later"
    day, at = clock(peak_h + recovered_h)
    return f"back to the baseline's queue on day {day} at {at}, {duration_text(recovered_h)} later"


def resolution_note(every_h: float) -> str:
    """How exact the lines' times are: to the sample (``every_h`` hours apart); with hourly
    or coarser samples, that a moment between two samples shows at the next, and how to
    sample finely enough for minutes."""
    every = every_text(every_h)
    if every_h < 1:
        return (f"times are to the queue sample, one every {every} (queue_sample): a backlog "
                f"shows as cleared at the first sample at or below the baseline's, at most "
                f"{every} after it is")
    return (f"times are to the {'hour' if every_h == 1 else 'sample'} only: the folder's queue "
            f"samples are one every {every} (queue_sample), so a backlog cleared between two "
            f"samples shows at the next; for minutes, run again with "
            f"--set queue_sample='{FINE}'")


def excess_lines(rows: pd.DataFrame, every_h: float = 1.0) -> list[str]:
    """One line per lane: ``sea_port  declaration_review  +648 above the baseline on day 23
    at 08:00 (queue 660, baseline 12); back to the baseline's queue 41 h later``; with
    samples ``every_h`` < 1 hour apart, the recovery's moment and minutes too."""
    lines = []
    for r in rows.to_dict("records"):
        day, at = clock(float(r["peak_h"]))
        back = back_text(float(r["peak_h"]), float(r["recovered_h"]), every_h)
        lines.append(
            f"{r['port']}  {r['lane']}  {r['excess_queue']:+.1f} above the baseline on day "
            f"{day} at {at} (queue {r['queue']:.1f}, baseline "
            f"{r['baseline_queue']:.1f}); {back}"
        )
    return lines
