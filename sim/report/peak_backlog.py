"""Each lane's worst backlog, from a results folder's queue samples: how many jobs waited at
the peak, when, and how long the lane took to work it off.

A lane's ``queue_mean`` averages a peak of a day (a parcel hub's Singles' Day) with weeks of
ordinary traffic, and ``bordersim hours`` averages each hour of the day over all days: neither
says how deep the backlog ran on the peak day, nor how long it lasted. Here the folder's
mean sample (the replications' mean queue at each sample time) is read over the observed
days: its highest value, the time of it (day of the run, counted from the warm-up's first day
as the timeline and ``extra_from`` count, and hour), the observed days' mean queue, and the
hours from the peak until the queue first falls back to that mean (the drain days included;
none when it never does before the run ends).

The samples are snapshots, one every ``queue_sample``: a peak between two of them is not
seen (a teaching scenario sampled once a day reads a midnight queue). :func:`sampling` and
:func:`measured_note` say on the output how the peak was read, and :func:`none_note` why a
run shows none; ``--set queue_sample='5 min'`` samples finely enough to find a peak.
"""

from __future__ import annotations

import math

import pandas as pd

#: lanes whose "queue" is no backlog of jobs waiting for servers
_NOT_QUEUES = ("exam_slots",)


def peak_backlog(queues: pd.DataFrame, window: tuple[float, float]) -> pd.DataFrame:
    """Per port and lane with any queue in ``window`` (hours from the start), its peak queue,
    ``peak_h`` (the first sample at the peak), ``mean_queue`` over the window and
    ``cleared_h``: hours from the peak until the queue is at or below that mean (NaN: not
    before the samples end). Ports in order, lanes by peak queue, deepest first."""
    q = queues[~queues["lane"].isin(_NOT_QUEUES)]
    rows = []
    for (port, lane), g in q.groupby(["port", "lane"], sort=False):
        g = g.sort_values("t_h", kind="stable")
        inside = g[(g["t_h"] >= window[0]) & (g["t_h"] < window[1])]
        if inside.empty or inside["queue"].max() <= 0:
            continue
        at = int(inside["queue"].to_numpy().argmax())  # (the first sample at the peak)
        peak_h = float(inside["t_h"].iloc[at])
        peak = float(inside["queue"].iloc[at])
        mean = float(inside["queue"].mean())
        after = g[(g["t_h"] > peak_h) & (g["queue"] <= mean)]
        cleared = float(after["t_h"].iloc[0]) - peak_h if len(after) else math.nan
        rows.append({"port": port, "lane": lane, "peak_queue": peak, "peak_h": peak_h,
                     "mean_queue": mean, "cleared_h": cleared})
    out = pd.DataFrame(rows, columns=["port", "lane", "peak_queue", "peak_h", "mean_queue",
                                      "cleared_h"])
    order = {p: i for i, p in enumerate(dict.fromkeys(queues["port"]))}
    out["_port"] = out["port"].map(order)
    out = out.sort_values(["_port", "peak_queue"], ascending=[True, False], kind="stable")
    return out.drop(columns="_port").reset_index(drop=True)


#: the interval suggested for a peak when the samples are coarser than an hour
FINE = "5 min"


def clock(t_h: float) -> tuple[int, str]:
    """Day of the run and ``HH:MM`` of a moment ``t_h`` hours from the start (minutes too:
    samples finer than an hour put a peak between the hours)."""
    minutes = int(round(t_h * 60))
    day, minute = divmod(minutes, 24 * 60)
    return day, f"{minute // 60:02d}:{minute % 60:02d}"


def every_text(hours: float) -> str:
    """A sampling interval as the scenario would write it: ``1 d``, ``6 h``, ``5 min``."""
    if hours >= 24 and float(hours / 24).is_integer():
        return f"{hours / 24:g} d"
    return f"{hours:g} h" if hours >= 1 else f"{hours * 60:.3g} min"


def sampling(queues: pd.DataFrame, window: tuple[float, float]) -> int:
    """How many queue samples (distinct sample times) fall in the observed ``window``."""
    t = queues["t_h"]
    return int(t[(t >= window[0]) & (t < window[1])].nunique())


def measured_note(every_h: float, samples: int) -> str:
    """How ``--peak`` measured the peaks: the highest of ``samples`` snapshots one every
    ``every_h`` hours, not the lane's true maximum; with samples coarser than an hour, how
    to sample finely enough to find it."""
    text = (f"peaks are the highest of {samples} queue sample(s) over the observed days, one "
            f"every {every_text(every_h)} (queue_sample; the replications' mean at "
            "each): a queue between two samples is not seen")
    if every_h > 1:
        text += f"; to find the peak, run again with --set queue_sample='{FINE}'"
    return text


def none_note(every_h: float, samples: int) -> str:
    """Why ``--peak`` shows no lane: none had a queue at any of the observed days' samples."""
    return (f"  no lane had a queue at any of the {samples} queue sample(s) over the observed "
            f"days (one every {every_text(every_h)}); run again with --set "
            f"queue_sample='{FINE}' to read the queues between")


def peak_lines(peaks: pd.DataFrame) -> list[str]:
    """One line per lane: ``post_hub  exam_bays  peak queue 52.3 on day 17 at 21:00 (mean
    4.9 over the observed days); back to the mean 19 h later``."""
    lines = []
    for r in peaks.to_dict("records"):
        day, hour = clock(float(r["peak_h"]))
        cleared = (f"back to the mean {r['cleared_h']:.0f} h later"
                   if math.isfinite(r["cleared_h"]) else "not back to the mean before the run ends")
        lines.append(
            f"{r['port']}  {r['lane']}  peak queue {r['peak_queue']:.1f} on day {day} at "
            f"{hour} (mean {r['mean_queue']:.2g} over the observed days); {cleared}"
        )
    return lines
