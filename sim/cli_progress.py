"""A command's progress through its replications, on stderr: a bar on a terminal; elsewhere
(a batch job's log, ``nohup``, a pipe) a plain line at most every ``BORDERSIM_PROGRESS_EVERY``
seconds (60 by default; 0: none), so that a job of hours shows it is alive and when it
should end, after a first line as it starts (what it runs, how many)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol

#: the environment variable that sets how often a plain progress line may come, in seconds
EVERY_VARIABLE = "BORDERSIM_PROGRESS_EVERY"
EVERY_DEFAULT = 60.0


class Tracker(Protocol):
    def advance(self) -> None: ...
    def grow(self, total: int) -> None: ...
    def say(self, text: str) -> None: ...


def every() -> float:
    """The seconds between plain progress lines (ValueError: not a number of seconds)."""
    raw = os.environ.get(EVERY_VARIABLE, "").strip()
    if not raw:
        return EVERY_DEFAULT
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not value >= 0 or value == float("inf"):
        raise ValueError(
            f"{EVERY_VARIABLE}={raw!r}: not a number of seconds; give 0 (no progress "
            f"lines) or more (default {EVERY_DEFAULT:g})"
        )
    return value


def _span(seconds: float) -> str:
    """``seconds`` as ``1 h 02 min``, ``3 min 05 s`` or ``12 s``."""
    s = int(round(seconds))
    if s >= 3600:
        return f"{s // 3600} h {s % 3600 // 60:02d} min"
    if s >= 60:
        return f"{s // 60} min {s % 60:02d} s"
    return f"{s} s"


def started(what: str, total: int, seconds: float, lang: str = "en") -> str:
    """The first plain line, said as the command starts: what it runs and how many, and how
    often a progress line may follow (a long job's log otherwise showed nothing for the
    first ``seconds``); in ``lang`` (Chinese: :mod:`sim.cli_zh_bar`)."""
    often = _span(seconds) if seconds >= 1 else f"{seconds:g} s"
    if lang == "zh":
        from sim.cli_zh_bar import started_zh

        return started_zh(what, total, often)
    return f"started: {what}, {total} in all (a progress line at most every {often})"


class Lines:
    """Plain progress lines: how many of how many are done, the time so far and an estimate
    of the time left (from the pace so far)."""

    def __init__(self, err: Any, what: str, total: int, seconds: float, lang: str = "en"):
        self.err, self.what, self.total, self.seconds = err, what, total, seconds
        self.lang = lang
        self.done = 0
        self.started = self.last = time.monotonic()

    def advance(self) -> None:
        self.done += 1
        now = time.monotonic()
        if self.seconds <= 0 or now - self.last < self.seconds:
            return
        self.last = now
        spent = now - self.started
        left = spent / self.done * max(self.total - self.done, 0)
        share = 100 * self.done / self.total if self.total else 100.0
        if self.lang == "zh":
            from sim.cli_zh_bar import line_zh

            self.say(line_zh(self.what, self.done, self.total, share, _span(spent),
                             _span(left)))
            return
        self.say(
            f"progress: {self.what} {self.done}/{self.total} ({share:.0f} %), "
            f"{_span(spent)} so far, about {_span(left)} to go"
        )

    def grow(self, total: int) -> None:
        self.total = max(self.total, total)

    def say(self, text: str) -> None:
        self.err.print(text, markup=False, highlight=False, soft_wrap=True)


class _Bar:
    """A rich progress bar's task as a :class:`Tracker`."""

    def __init__(self, progress: Any, task: Any):
        self.progress, self.task = progress, task

    def advance(self) -> None:
        self.progress.advance(self.task)

    def grow(self, total: int) -> None:
        now = self.progress.tasks[0].total or 0
        self.progress.update(self.task, total=max(now, total))

    def say(self, text: str) -> None:
        self.progress.console.print(text)


@contextmanager
def progress(err: Any, what: str, total: int, elapsed: bool = False,
             lang: str = "en") -> Iterator[Tracker]:
    """Track ``total`` things named ``what`` (``scenario: replications``) on the console
    ``err``: a bar on a terminal (with the time elapsed if ``elapsed``), else plain lines;
    in ``lang``."""
    if not err.is_terminal:
        lines = Lines(err, what, total, every(), lang)
        if lines.seconds > 0:  # (a log shows the run began, not only after the first lines)
            lines.say(started(what, total, lines.seconds, lang))
        yield lines
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    columns: list[Any] = [TextColumn("[bold]{task.description}"), BarColumn(),
                          MofNCompleteColumn()]  # fmt: skip
    if elapsed:
        columns.append(TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        if lang == "zh":
            from sim.cli_zh_bar import what_zh

            what = what_zh(what)
        yield _Bar(bar, bar.add_task(what, total=total))
