"""A docs page's ``bordersim hours --recovery`` listing, set against what its commands print
now (:mod:`sim.docs_figures`).

A page may show a comparison of disruptions and the recovery it prints in a ```console
block, its commands after ``$``. A writer marks the block with an HTML comment just before
it, naming the folder its commands run in, relative to the page::

    <!-- figures: recovery, in examples/disruptions -->

The check re-runs the block's ``bordersim compare`` into a scratch folder, then ``bordersim
hours --recovery --csv`` on it, and sets each lane line of the page (``sea_port
declaration_review +616.0 above the baseline on day 11 at 10:00 (queue 621.0, baseline 5.0);
back to the baseline's queue 69 h later``) against the CSV's row of the same option, port
and lane, each figure at its printed precision. The CSV is read, not the printed text, so a
change of wording is not taken for a change of figures. One replication prints no interval,
so a figure is ``same`` or ``moved``; a lane the page lacks or the run no longer prints is
reported too.
"""

from __future__ import annotations

import csv
import math
import re
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sim.docs_figures_page import FiguresError

_RUN = "import sys; from sim.entry import main; sys.exit(main())"
_MARKER = re.compile(r"<!--\s*figures:\s*recovery\s*,\s*in\s+(\S+?)\s*-->\s*```console\n(.*?)```",
                     re.S)
_LANE = re.compile(
    r"(?P<port>\S+)\s+(?P<lane>\S+)\s+(?P<excess>[-+]?\d+\.\d) above the baseline on day "
    r"(?P<day>\d+) at (?P<clock>\d\d:\d\d) \(queue (?P<queue>\d+\.\d), baseline "
    r"(?P<baseline>\d+\.\d)\); (?:back to the baseline's queue (?P<hours>\d+) h later"
    r"|back to the baseline's queue on day \d+ at \d\d:\d\d, "
    r"(?P<back>\d+ h \d+ min|\d+ h|\d+ min) later"
    r"|not back to the baseline's queue before the run ends)"
)
Lanes = dict[tuple[str, str, str], dict[str, str | None]]


@dataclass(frozen=True)
class Listing:
    """One marked ```console block: where its commands run, its ``compare`` and ``hours``
    lines (without ``$``), and each lane line's printed figures by (option, port, lane)."""

    folder: Path
    compare: str
    hours: str
    lanes: Lanes
    line: int


def listings(text: str, page: Path) -> list[Listing]:
    """Every recovery listing a page marks; a block without both commands is an error."""
    out = []
    for m in _MARKER.finditer(text):
        at = text.count("\n", 0, m.start()) + 1
        cmds = [s[2:].strip() for s in m[2].splitlines() if s.startswith("$ ")]
        compare = [c for c in cmds if c.startswith("bordersim compare ")]
        hours = [c for c in cmds if c.startswith("bordersim hours ") and "--recovery" in c]
        if len(compare) != 1 or len(hours) != 1:
            raise FiguresError(f"{page}, the recovery marker at line {at}: its block needs one "
                               "'$ bordersim compare' and one '$ bordersim hours ... --recovery'")
        out.append(Listing(page.parent / m[1], compare[0], hours[0], printed(m[2]), at))
    return out


def printed(block: str) -> Lanes:
    """The lane lines of a listing, under their option's ``NAME:`` line: the peak's time
    ``HH:MM`` (``HH:00`` from hourly samples, minutes from finer ones) and the recovery's
    length as :func:`sim.report.recovery.duration_text` words (``69 h``, ``2 h 35 min``),
    whichever way the line told it (whole hours, or the moment and the minutes)."""
    lanes: Lanes = {}
    option = ""
    for line in block.splitlines():
        if re.fullmatch(r"[\w.+-]+:", line.strip()):
            option = line.strip()[:-1]
        elif (m := _LANE.fullmatch(line.strip())) is not None:
            lanes[(option, m["port"], m["lane"])] = {
                "excess": m["excess"], "day": m["day"], "clock": m["clock"],
                "queue": m["queue"], "baseline": m["baseline"],
                "back": f"{m['hours']} h" if m["hours"] is not None else m["back"],
            }
    return lanes


def from_csv(path: Path) -> Lanes:
    """``hours --recovery --csv``'s rows as the page prints their figures: the peak's day and
    ``HH:MM`` and the recovery's length to the minute, as ``hours --recovery`` tells them
    (whole hours from hourly samples, where the two forms agree)."""
    from sim.report.peak_backlog import clock
    from sim.report.recovery import duration_text

    lanes: Lanes = {}
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            day, at = clock(float(r["peak_h"]))
            back = float(r["recovered_h"])
            lanes[(r["option"], r["port"], r["lane"])] = {
                "excess": f"{float(r['excess_queue']):+.1f}", "day": str(day),
                "clock": at, "queue": f"{float(r['queue']):.1f}",
                "baseline": f"{float(r['baseline_queue']):.1f}",
                "back": duration_text(back) if math.isfinite(back) else None,
            }
    return lanes


def _bordersim(line: str, folder: Path, out: Path, extra: list[str]) -> None:
    """Run one of the listing's commands in its folder, its results folder ``out``."""
    words = shlex.split(line)[1:]
    args, skip = [], False
    for w in words:
        if skip:
            skip = False
        elif w == "--out":
            skip = True
        elif words[0] == "hours" and w == words[1]:
            args.append(str(out))
        else:
            args.append(w)
    if words[0] == "compare":
        args += ["--out", str(out)]
    done = subprocess.run([sys.executable, "-c", _RUN, *args, *extra], cwd=folder,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise FiguresError(f"{line!r} failed ({done.returncode}): {done.stderr.strip()[-800:]}")


def check_listing(listing: Listing, scratch: Path) -> Lanes:
    """Re-run a listing's commands; the new figures, by (option, port, lane)."""
    out = (scratch / f"recovery{listing.line}").resolve()
    _bordersim(listing.compare, listing.folder, out, [])
    _bordersim(listing.hours, listing.folder, out, ["--csv", str(out / "recovery-check.csv")])
    return from_csv(out / "recovery-check.csv")


def compare_lanes(old: Lanes, new: Lanes) -> list[tuple[str, bool]]:
    """One line a lane, and whether it moved: each printed figure against the new one."""
    out = []
    for key in dict.fromkeys([*old, *new]):
        name = "/".join(key)
        if key not in new:
            out.append((f"{name}: moved, no longer above the baseline's queue", True))
        elif key not in old:
            out.append((f"{name}: moved, now above the baseline's queue ({_show(new[key])})",
                        True))
        elif old[key] != new[key]:
            out.append((f"{name}: moved, {_show(old[key])} -> {_show(new[key])}", True))
        else:
            out.append((f"{name}: same, {_show(old[key])}", False))
    return out


def check_page(found: list[Listing], scratch: Path) -> list[bool]:
    """Re-run and print every listing of a page, a line a lane; whether each lane moved."""
    moved = []
    for listing in found:
        started = time.monotonic()
        new = check_listing(listing, scratch)
        print(f"recovery (line {listing.line}): {listing.compare}; {listing.hours}  "
              f"({time.monotonic() - started:.0f} s)", flush=True)
        for text, m in compare_lanes(listing.lanes, new):
            print(f"  recovery, {text}")
            moved.append(m)
    return moved


def _show(f: dict[str, str | None]) -> str:
    back = f"back {f['back']} later" if f["back"] is not None else "not back"
    return (f"{f['excess']} on day {f['day']} at {f['clock']} (queue {f['queue']}, "
            f"baseline {f['baseline']}), {back}")
