"""The warm-up pilot's plot: daily means, Welch's moving average and the cumulative running
mean, with the suggested warm-up marked."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from sim.experiment.store import atomic_write

if TYPE_CHECKING:
    from sim.experiment.warmup import Pilot

WEEK_D = 7


def plot_warmup(p: Pilot, path: str | Path, window: int = WEEK_D) -> Path:
    """Daily means, Welch's moving average (``window`` days) and the cumulative running mean,
    with the suggested warm-up marked; written as PNG."""
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    s = p.suggestion
    days = np.arange(len(p.mean))
    y = p.mean.to_numpy(dtype=float)
    fig = Figure(figsize=(8.0, 4.2), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.plot(days, y, color="0.6", linewidth=0.8, label=f"daily mean over {s.reps} replication(s)")
    moving = p.mean.rolling(window, center=True, min_periods=1).mean()
    ax.plot(days, moving, linewidth=1.6, label=f"Welch moving average ({window} d)")
    cumulative = p.mean.expanding().mean()
    ax.plot(days, cumulative, linewidth=1.6, linestyle="--", label="cumulative running mean")
    ax.axvline(s.truncation_days, color="tab:red", linewidth=1, linestyle=":",
               label=f"MSER-{s.batch} truncation ({s.truncation_days} d)")  # fmt: skip
    ax.axvline(s.days, color="tab:red", linewidth=1.5,
               label=f"suggested warm-up ({s.weeks} week(s))")  # fmt: skip
    ax.set_xlabel("day of the pilot (arrival day)")
    ax.set_ylabel(
        f"overall clearance (h), {s.series}" if s.output == "clearance" else "total queue length"
    )
    ax.set_title(f"Warm-up of {s.scenario}")
    ax.legend(fontsize="small")
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    path = Path(path)
    atomic_write(path, buf.getvalue())
    return path
