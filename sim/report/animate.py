"""An animated port: one port's lanes over simulated time, as a GIF (matplotlib, Pillow writer).

Each frame is one queue sample of the run (:attr:`RunResult.queues`, every ``queue_sample``):
per lane, its servers as squares (filled when busy, outlined when idle, none when off shift)
and its queue as stacks of boxes, one box a waiting consignment; the clock (day, weekday and
time); counters of arrivals and releases at the port; and, from the per-consignment log's
``outcome`` column, each seizure or quarantine rejection flagged in the frame in which it
happens (the end of the check that found it).

    result = sim.simulate(scenario, seed=1, log=True)
    frames = port_frames(result, "sea_port", start_h=168, hours=24)
    write_gif(frames, "sea_port.gif")
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from sim.report.plots import PALETTE, _figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.text import Text

    from sim.model.result import RunResult

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")  # t = 0 is Monday 00:00
MAX_SERVERS = 20  # squares drawn per lane; more are shown as "+N" (clear of the queue count)
MAX_BOXES = 60  # boxes drawn per queue; more are shown as "+N"
STACK = 3  # boxes per stack
QUEUE_X = 13.0  # where the queues start
UNLIMITED = 10**6  # a capacity at least this large is drawn as "unlimited"
FLAGGED = ("seized", "rejected")
CHECK_ENDS = ("exam_end", "quarantine_end", "lab_end")


@dataclass(frozen=True)
class LaneState:
    """One lane at one moment: consignments waiting, servers busy, servers on shift."""

    name: str
    queue: int
    busy: int
    capacity: int


@dataclass(frozen=True)
class Frame:
    """What one frame shows."""

    t_h: float
    lanes: tuple[LaneState, ...]
    events: tuple[str, ...] = ()  # seizures and rejections since the previous frame
    seized: int = 0  # in the window so far
    rejected: int = 0
    arrived: int = 0
    released: int = 0


def clock(t_h: float) -> str:
    """``day 8, Mon 14:30`` for a time in hours from the start of the run (Monday 00:00)."""
    minutes = int(round(t_h * 60))
    day, rest = divmod(minutes, 24 * 60)
    return f"day {day + 1}, {WEEKDAYS[day % 7]} {rest // 60:02d}:{rest % 60:02d}"


def _whole(x: float) -> int:
    return 0 if x is None or (isinstance(x, float) and math.isnan(x)) else int(x)


def flagged_events(log: pd.DataFrame, port: str) -> pd.DataFrame:
    """The port's seizures and rejections with the time each happened (``t_h``), by time."""
    rows = log[(log["port"] == port) & log["outcome"].isin(FLAGGED)]
    ends = [c for c in CHECK_ENDS if c in rows]
    out = rows[["outcome", "commodity", "trader_class"]].copy()
    out["t_h"] = rows[ends].max(axis=1, skipna=True) if ends else np.nan
    return out.dropna(subset=["t_h"]).sort_values("t_h")


def port_frames(result: RunResult, port: str, start_h: float, hours: float) -> list[Frame]:
    """The frames of ``port`` for the queue samples in ``[start_h, start_h + hours)``.

    ``result`` must come from ``simulate(..., log=True)``.
    """
    if result.log is None:
        raise ValueError("the animation needs the per-consignment log: simulate(..., log=True)")
    queues = result.queues[result.queues["port"] == port]
    if queues.empty:
        known = ", ".join(sorted(result.queues["port"].unique()))
        raise ValueError(f"no port {port!r} in the run; ports: {known}")
    window = queues[(queues["t_h"] >= start_h) & (queues["t_h"] < start_h + hours)]
    times = sorted(window["t_h"].unique())
    if not times:
        last = float(queues["t_h"].max())
        raise ValueError(f"no queue sample between {start_h:g} h and {start_h + hours:g} h; "
                         f"the run's samples end at {last:g} h")
    log = result.log[result.log["port"] == port]
    events = flagged_events(result.log, port)
    frames, previous = [], -math.inf
    for t in times:
        now = window[window["t_h"] == t]
        lanes = tuple(
            LaneState(str(r.lane), _whole(r.queue), _whole(r.busy), _whole(r.capacity))
            for r in now.itertuples()
        )
        new = events[(events["t_h"] > previous) & (events["t_h"] <= t)]
        so_far = events[(events["t_h"] >= start_h) & (events["t_h"] <= t)]
        frames.append(Frame(
            float(t), lanes,
            tuple(f"{r.outcome.upper()}: {r.commodity} ({r.trader_class})"
                  for r in new.itertuples() if r.t_h >= start_h),
            int((so_far["outcome"] == "seized").sum()),
            int((so_far["outcome"] == "rejected").sum()),
            int(((log["arrived"] >= start_h) & (log["arrived"] <= t)).sum()),
            int(((log["released"] >= start_h) & (log["released"] <= t)).sum()),
        ))
        previous = t
    return frames


Box = tuple[float, float, float, float, str]  # x, y, width, height, colour


def _server_boxes(y: float, lane: LaneState) -> tuple[list[Box], str]:
    """A lane's servers as squares (green when busy) and the note beside them."""
    if lane.capacity >= UNLIMITED:
        return [], f"unlimited ({lane.busy} busy)"
    if lane.capacity == 0:
        return [], "off shift"
    shown = min(lane.capacity, MAX_SERVERS)
    boxes = [(i * 0.5, y - 0.2, 0.4, 0.4, PALETTE[2] if i < lane.busy else "white")
             for i in range(shown)]
    return boxes, f"+{lane.capacity - shown}" if lane.capacity > shown else ""


def _queue_boxes(y: float, lane: LaneState) -> tuple[list[Box], str]:
    """A lane's queue as stacks of boxes, one box a consignment, and the overflow note."""
    shown = min(lane.queue, MAX_BOXES)
    boxes = [(QUEUE_X + (i // STACK) * 0.42, y - 0.33 + (i % STACK) * 0.23, 0.36, 0.2,
              PALETTE[1]) for i in range(shown)]
    return boxes, f"+{lane.queue - shown}" if lane.queue > shown else ""


class PortView:
    """The drawing of one port: static labels drawn once, the rest updated per frame."""

    def __init__(self, fig: Figure, lanes: Sequence[str], title: str = ""):
        from matplotlib.collections import PatchCollection

        self.fig, self.title, n = fig, title, len(lanes)
        self.say = _words()
        self.rows = {name: n - 1 - k for k, name in enumerate(lanes)}
        ax = fig.add_axes((0.17, 0.05, 0.81, 0.78))
        for name, y in self.rows.items():
            ax.text(-0.3, y, self.say(name.replace("_", " ")), ha="right", va="center",
                    fontsize=9)
        ax.text(0, n - 0.3, self.say("servers (green = busy)"), fontsize=8, color="grey")
        ax.text(QUEUE_X, n - 0.3, self.say("waiting (one box a consignment)"), fontsize=8,
                color="grey")
        ax.set_xlim(-0.2, 39)
        ax.set_ylim(-0.7, n + 0.1)
        ax.axis("off")
        self.boxes = PatchCollection([], edgecolors="#333333", linewidths=0.6)
        ax.add_collection(self.boxes)

        def note(x: float, y: float, **kw: object) -> Text:
            return ax.text(x, y, "", va="center", fontsize=8, **kw)  # type: ignore[arg-type]

        self.server_notes = {name: note(0, y) for name, y in self.rows.items()}
        self.counts = {name: note(QUEUE_X - 0.4, y, ha="right") for name, y in self.rows.items()}
        self.overflow = {name: note(QUEUE_X, y) for name, y in self.rows.items()}
        self.clock = fig.text(0.02, 0.95, "", fontsize=12, weight="bold")
        self.totals = fig.text(0.02, 0.90, "", fontsize=9)
        self.flag = fig.text(0.98, 0.95, "", ha="right", fontsize=10, weight="bold",
                             color="white", bbox={"facecolor": PALETTE[3], "edgecolor": "none",
                                                  "pad": 3})
        from matplotlib.text import Text

        from sim.report.plot_lang import in_plot_font

        in_plot_font(fig.findobj(Text))  # (the Chinese font, where the words are Chinese)

    def update(self, frame: Frame) -> None:
        """Show ``frame``."""
        from matplotlib.patches import Rectangle

        boxes: list[Box] = []
        for lane in frame.lanes:
            y = self.rows[lane.name]
            servers, note = _server_boxes(y, lane)
            queue, more = _queue_boxes(y, lane)
            boxes += servers + queue
            self.server_notes[lane.name].set_text(self.say(note))
            self.server_notes[lane.name].set_x(len(servers) * 0.5 + 0.1)
            self.counts[lane.name].set_text(str(lane.queue))
            self.overflow[lane.name].set_text(more)
            self.overflow[lane.name].set_x(QUEUE_X + (len(queue) + STACK - 1) // STACK * 0.42 + 0.2)
        self.boxes.set_paths([Rectangle((x, y), w, h) for x, y, w, h, _ in boxes])
        self.boxes.set_facecolor([b[4] for b in boxes])
        self.clock.set_text(self.say(f"{self.title}  {clock(frame.t_h)}"))
        self.totals.set_text(self.say(
            f"in this window: {frame.arrived} arrived, {frame.released} released, "
            f"{frame.seized} seized, {frame.rejected} rejected"
        ))
        shown = "; ".join(frame.events[:3]) + (" ..." if len(frame.events) > 3 else "")
        self.flag.set_text(self.say(shown))
        self.flag.set_visible(bool(frame.events))


def _words() -> Callable[[str], str]:
    """How the animation's words are said: in Chinese (:mod:`sim.report.animate_zh`) within
    :func:`sim.report.plot_lang.plots_in` ``("zh")`` on a machine with a Chinese font; as
    written otherwise (never a word in boxes)."""
    from sim.report.plot_lang import drawn_in_chinese

    if not drawn_in_chinese():
        return str
    from sim.report.animate_zh import said

    return said


def drawable(text: str) -> bool:
    """Whether the fonts the GIF's title is drawn with have every character of ``text``: a
    Chinese port label on a machine without a Chinese font would be drawn as boxes."""
    from matplotlib import font_manager

    prop = font_manager.FontProperties(weight="bold")  # (the title's, as PortView draws it)
    # the fonts with their fallbacks, as matplotlib's text layout takes them (a call its type
    # stubs declare); the first font alone where a matplotlib lacks it
    fonts = getattr(font_manager.fontManager, "_find_fonts_by_props", None)
    paths = fonts(prop) if fonts is not None else [font_manager.findfont(prop)]
    charmaps = [font_manager.get_font(path).get_charmap() for path in paths]
    return all(any(ord(c) in m for m in charmaps) for c in text if not c.isspace())


def _port_figure(frames: Sequence[Frame]) -> Figure:
    return _figure(10, 0.45 * len(frames[0].lanes) + 1.6)


def frame_image(frame: Frame, title: str = "", dpi: int = 80) -> np.ndarray:
    """One frame as an RGB array (what the GIF shows for it)."""
    fig = _port_figure([frame])
    try:
        PortView(fig, [lane.name for lane in frame.lanes], title).update(frame)
        fig.set_dpi(dpi)
        fig.canvas.draw()
        return np.asarray(fig.canvas.buffer_rgba())[..., :3].copy()  # type: ignore[attr-defined]
    finally:
        import matplotlib.pyplot as plt

        plt.close(fig)


def write_gif(
    frames: Sequence[Frame], path: str | Path, title: str = "", fps: int = 4, dpi: int = 80
) -> Path:
    """Write the frames as an animated GIF (matplotlib's Pillow writer); returns the path.

    The GIF is drawn into a private temporary folder and then put in place by a rename
    (:func:`~sim.experiment.store.atomic_write`): a symbolic link already at ``path`` is
    replaced, never followed, so a link planted in a shared folder cannot make the write
    land on another file; a folder, device or named pipe there is refused."""
    import tempfile

    import matplotlib.pyplot as plt
    from matplotlib.animation import PillowWriter

    from sim.experiment.store import atomic_write, check_target

    if not frames:
        raise ValueError("no frames to write")
    path = Path(path)
    check_target(path)  # (before drawing: a bad target is told at once)
    fig = _port_figure(frames)
    view = PortView(fig, [lane.name for lane in frames[0].lanes], title)
    writer = PillowWriter(fps=fps)
    try:
        with tempfile.TemporaryDirectory(prefix="bordersim-gif-") as folder:
            drawn = Path(folder) / "frames.gif"
            with writer.saving(fig, str(drawn), dpi):
                for frame in frames:
                    view.update(frame)
                    writer.grab_frame()
            atomic_write(path, drawn.read_bytes())
    finally:
        plt.close(fig)
    return path
