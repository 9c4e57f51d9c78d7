"""Utilisation and queues by day of the run and each day's busiest lane, from a results
folder's queue samples: on which days a port falls behind (``bordersim hours --day``).

:mod:`sim.report.hourly_use` folds the observed days onto one day (or week): right for a
roster, which repeats, wrong for a berth plan's month of vessel calls, whose busy days do not.
Here the samples are grouped by day of the run (day 0 is the warm-up's first, as ``--peak``
and ``extra_from`` count), over the observed days: each lane's utilisation (busy servers over
servers on duty at the samples, as ``hourly_use`` counts it), mean and highest queue.
"""

from __future__ import annotations

import pandas as pd

from sim.report.hourly_use import BINDING, staffed_samples, use_by


def daily_use(queues: pd.DataFrame, window: tuple[float, float]) -> pd.DataFrame:
    """Per port, lane and day of the run (``t_h // 24``) the samples in ``window`` (hours
    from the start): mean busy servers, mean servers on duty (at least the busy ones:
    overtime), mean and highest queue, and utilisation (NaN where no one is on duty).
    Unlimited lanes, the laboratory and the appointment slots are left out."""
    q = staffed_samples(queues, window)
    return use_by(q, "day", (q["t_h"] // 24).astype(int), peak=True)


def busiest_days(use: pd.DataFrame) -> pd.DataFrame:
    """Per port and day, the lane with the highest utilisation among those with servers
    scheduled that day, its utilisation, mean and highest queue, ``binding`` (at least
    :data:`BINDING` utilised), and the lane whose queue ran highest that day
    (``deepest``, with ``deepest_peak``): a desk can wait on a backlog it is not the
    busiest for. A day no lane of the port had staff on duty (a closure: a holiday, a
    typhoon) is kept, its ``lane`` empty and its utilisation NaN, not left out."""
    staffed = use[use["scheduled_mean"] > 0].dropna(subset=["utilisation"])
    top = staffed.loc[staffed.groupby(["port", "day"], sort=False)["utilisation"].idxmax()]
    cols = ["port", "day", "lane", "utilisation", "queue_mean", "queue_peak"]
    days = use[["port", "day"]].drop_duplicates()
    top = days.merge(top[cols], on=["port", "day"], how="left").fillna({"lane": ""})
    top["binding"] = top["utilisation"] >= BINDING
    deep = use.loc[use.groupby(["port", "day"], sort=False)["queue_peak"].idxmax()]
    deep = deep[["port", "day", "lane", "queue_peak"]].rename(
        columns={"lane": "deepest", "queue_peak": "deepest_peak"})
    return top.merge(deep, on=["port", "day"], how="left")


def daily_lines(use: pd.DataFrame) -> list[str]:
    """One line per port and day: ``sea_port  day 28  document_check 0.91 (queue 7.9, at
    most 17.7)  binding; longest queue declaration_review, at most 74.0``."""
    lines = []
    for r in busiest_days(use).to_dict("records"):
        if not r["lane"]:
            lines.append(f"{r['port']}  day {int(r['day'])}  no lane on duty (closed); "
                         f"longest queue {r['deepest']}, at most {r['deepest_peak']:.1f}")
            continue
        line = (f"{r['port']}  day {int(r['day'])}  {r['lane']} {r['utilisation']:.2f} (queue "
                f"{r['queue_mean']:.1f}, at most {r['queue_peak']:.1f})")
        line += "  binding" if r["binding"] else ""
        if r["deepest_peak"] > r["queue_peak"]:  # (another lane)
            line += f"; longest queue {r['deepest']}, at most {r['deepest_peak']:.1f}"
        lines.append(line)
    return lines
