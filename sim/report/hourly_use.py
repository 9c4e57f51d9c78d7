"""Utilisation by hour of the day (or of the week) and each hour's busiest lane, from a
results folder's queue samples: which team is the bottleneck at 03:00, and which at 10:00.

A lane's utilisation over the whole run (``utilisation_<port>_<lane>``) averages a night
when two officers idle with a morning when eight cannot keep up; a roster is planned hour by
hour. Every ``queue_sample`` (1 h by default) a run samples each lane's busy servers,
servers on duty and queue; pooled over the observed days of every replication (the mean
sample of the folder), busy servers over servers on duty at the samples of an hour give
that hour's utilisation (a server busy past its shift's end counted on duty, as the run's
utilisation counts it). They are samples at instants, not the hour's time-weighted figure:
``queue_sample = "15 min"`` gives four an hour.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
#: a lane at least this utilisation is binding (as the report's binding lane)
BINDING = 0.7


def hourly_use(
    queues: pd.DataFrame, window: tuple[float, float], week: bool = False
) -> pd.DataFrame:
    """Per port, lane and hour of the day (``week``: of the week, 0 = Monday 00:00): the
    samples in ``window`` (hours from the start), mean busy servers, mean servers scheduled,
    mean servers on duty (at least the busy ones: overtime), mean queue and utilisation
    (busy over on duty; NaN where no one is on duty).
    Unlimited lanes, the laboratory and the appointment slots (no servers) are left out."""
    q = staffed_samples(queues, window)
    return use_by(q, "hour", (q["t_h"] // 1 % (168 if week else 24)).astype(int))


def staffed_samples(queues: pd.DataFrame, window: tuple[float, float]) -> pd.DataFrame:
    """The samples in ``window`` of the lanes with a number of servers (not unlimited, not
    the laboratory or the appointment slots): port, lane, t_h, busy, scheduled (servers on
    the schedule), duty (at least the busy ones: overtime) and queue."""
    q = queues[(queues["t_h"] >= window[0]) & (queues["t_h"] < window[1])]
    q = q[~q["lane"].isin(["lab", "exam_slots"])]
    q = q[q["capacity"].map(lambda c: math.isfinite(float(c)))]
    return pd.DataFrame({"port": q["port"], "lane": q["lane"], "t_h": q["t_h"],
                         "busy": q["busy"], "duty": q[["capacity", "busy"]].max(axis=1),
                         "scheduled": q["capacity"], "queue": q["queue"]})


def use_by(
    samples: pd.DataFrame, key: str, values: pd.Series, peak: bool = False
) -> pd.DataFrame:
    """:func:`staffed_samples` per port, lane and ``key`` (its ``values``, one a sample):
    their number, mean busy servers, servers scheduled and on duty, mean queue (``peak``:
    and highest) and utilisation (busy over on duty; NaN where no one is on duty)."""
    aggs = {"samples": ("busy", "size"), "busy_mean": ("busy", "mean"),
            "scheduled_mean": ("scheduled", "mean"), "servers_mean": ("duty", "mean"),
            "queue_mean": ("queue", "mean")}
    if peak:
        aggs["queue_peak"] = ("queue", "max")
    g = samples.assign(**{key: values}).groupby(["port", "lane", key], sort=False)
    out = g.agg(**aggs).reset_index()
    out["utilisation"] = out["busy_mean"] / out["servers_mean"].where(out["servers_mean"] > 0)
    return out.sort_values(["port", key, "lane"], kind="stable").reset_index(drop=True)


def busiest(use: pd.DataFrame) -> pd.DataFrame:
    """Per port and hour, the lane with the highest utilisation among those with servers
    scheduled in the hour (a team off duty but finishing a job in overtime is busy all its
    overtime: no bottleneck), its utilisation and queue, and ``binding``: whether it is at
    least :data:`BINDING` utilised."""
    staffed = use[use["scheduled_mean"] > 0].dropna(subset=["utilisation"])
    top = staffed.loc[staffed.groupby(["port", "hour"], sort=False)["utilisation"].idxmax()]
    top = top[["port", "hour", "lane", "utilisation", "queue_mean"]].reset_index(drop=True)
    top["binding"] = top["utilisation"] >= BINDING
    return top


def busiest_lines(use: pd.DataFrame, week: bool = False) -> list[str]:
    """One line per port and hour: ``sea_port 08:00  exam_teams 0.93 (queue 4.1) binding``."""
    lines = []
    for r in busiest(use).to_dict("records"):
        lines.append(
            f"{r['port']}  {_hour(int(r['hour']), week)}  {r['lane']} {r['utilisation']:.2f} "
            f"(queue {r['queue_mean']:.1f}){'  binding' if r['binding'] else ''}"
        )
    return lines


def _hour(hour: int, week: bool) -> str:
    if not week:
        return f"{hour:02d}:00"
    return f"{DAYS[hour // 24]} {hour % 24:02d}:00"


def observed_window(scenario: dict[str, Any]) -> tuple[float, float]:
    """The observed hours of a run's resolved scenario (``scenario.json``)."""
    warmup = float(scenario["warmup_days"]) * 24
    return warmup, warmup + float(scenario["days"]) * 24
