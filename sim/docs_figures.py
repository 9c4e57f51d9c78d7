"""``python -m sim.docs_figures PAGE [--only NAME]``: are a docs page's figures still what
its commands print?

Re-runs each command a figures marker names (:mod:`sim.docs_figures_page` says how a writer
marks a table), a ``compare`` or a ``run``, with ``--json`` into a scratch folder, and sets
every keyed figure against the new output at the page's printed precision
(:mod:`sim.docs_figures_verdict`). Prints one line a figure, ``same`` or ``moved`` (old,
new, drift or change), and exits 1 if any moved, 2 if the page or a marker cannot be read
or a command fails. A ``hours --recovery`` listing marked ``figures: recovery`` is checked
lane by lane (:mod:`sim.docs_figures_recovery`); a table's ``hours --peak`` figures, keyed
``peak:PORT:LANE:FIELD``, are read from the rerun's folder (:mod:`sim.docs_figures_peak`).
Runs full simulations, so it
is run on demand (``make docs-figures``, before a release), never by the test suite.
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sim.docs_figures_page import FiguresError, Row, commands, marked_rows, value
from sim.docs_figures_peak import add_peaks, wanted
from sim.docs_figures_recovery import check_page, listings
from sim.docs_figures_verdict import Verdict, judge

_RUN = "import sys; from sim.entry import main; sys.exit(main())"


def command_args(line: str, out: Path) -> list[str]:
    """A page's ``bordersim compare ...`` (or ``run ...``) line as arguments, with ``--json``
    and ``--out`` set to a scratch folder (the page's own ``--out``, if any, dropped)."""
    words = shlex.split(line)[1:]
    if not words or words[0] not in ("compare", "run"):
        raise FiguresError(
            f"{line!r}: only 'bordersim compare' and 'bordersim run' commands can be checked"
        )
    args: list[str] = []
    skip = False
    for w in words:
        if skip or w == "--json":
            skip = False
            continue
        if w == "--out":
            skip = True
            continue
        if not w.startswith("--out="):
            args.append(w)
    return [*args, "--json", "--out", str(out)]


def run_command(line: str, scratch: Path, peaks: bool = False) -> dict[str, Any]:
    """The ``--json`` output of one of the page's commands, run as written; with ``peaks``,
    each lane's ``hours --peak`` figures of its folder too (:mod:`sim.docs_figures_peak`)."""
    out = scratch / f"run{len(list(scratch.iterdir()))}"
    args = command_args(line, out)
    done = subprocess.run(
        [sys.executable, "-c", _RUN, *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise FiguresError(f"{line!r} failed ({done.returncode}): {done.stderr.strip()[-800:]}")
    output = as_compare(json.loads(done.stdout), args[0])
    return add_peaks(output, out) if peaks else output


def as_compare(output: dict[str, Any], command: str) -> dict[str, Any]:
    """A command's ``--json`` output in ``compare``'s shape: a ``run``'s ``{metric: {mean,
    ci_low, ci_high}}`` is one option, ``run``, with no differences (its keys: ``METRIC``)."""
    if command == "run":
        return {"options": {"run": output}, "differences": {}}
    return output


def check(rows: list[Row], outputs: dict[str, dict[str, Any]]) -> list[tuple[Row, Verdict]]:
    """Every keyed figure of ``rows`` against its command's new output (a share in
    percent, or its difference in points, where the row says ``percent``)."""
    out = []
    for row in rows:
        for key, printed in row.figures:
            try:
                mean, low, high = value(key, outputs[row.command])
            except FiguresError as e:
                raise FiguresError(f"line {row.line} (row {row.row}): {e}") from None
            if row.percent:
                mean, low, high = 100 * mean, 100 * low, 100 * high
            out.append((row, judge(key, printed, mean, low, high)))
    return out


def figures_page(page: Path, only: str | None = None) -> int:
    """Check one page; print a line a figure and return the exit status."""
    text = page.read_text(encoding="utf-8")
    rows = [r for r in marked_rows(text, str(page)) if only is None or r.command == only]
    found = listings(text, page) if only in (None, "recovery") else []
    if not rows and not found:
        raise FiguresError(f"{page}: no marked figures" + (f" of {only!r}" if only else ""))
    with tempfile.TemporaryDirectory() as scratch:
        lanes = check_page(found, Path(scratch))
    if lanes:
        print(f"{len(lanes)} lanes: {lanes.count(False)} same, {lanes.count(True)} moved")
    if not rows:
        return 1 if any(lanes) else 0
    lines = commands(text)
    missing = sorted({r.command for r in rows} - set(lines))
    if missing:
        raise FiguresError(f"{page}: no ```sh command labelled {', '.join(missing)}")
    outputs = {}
    with tempfile.TemporaryDirectory() as scratch:
        for name in dict.fromkeys(r.command for r in rows):
            started = time.monotonic()
            keyed = [k.metric for r in rows if r.command == name for k, _ in r.figures]
            outputs[name] = (run_command(lines[name], Path(scratch), True) if wanted(keyed)
                             else run_command(lines[name], Path(scratch)))
            took = time.monotonic() - started
            print(f"{name}: {lines[name]}  ({took:.0f} s)", flush=True)
    try:
        verdicts = check(rows, outputs)
    except FiguresError as e:
        raise FiguresError(f"{page}, {e}") from None
    for row, v in verdicts:
        print(f"  {row.command}, line {row.line} (row {row.row}), column {row.column}: "
              f"{v.line()}")
    moved = [v for _, v in verdicts if v.moved]
    changes = sum(not v.drift for v in moved)
    print(f"{len(verdicts)} figures: {len(verdicts) - len(moved)} same, {len(moved)} moved "
          f"({len(moved) - changes} drift, {changes} change)")
    return 1 if moved or any(lanes) else 0


def main(argv: list[str] | None = None) -> int:
    """The command line: exit 0 (all same), 1 (a figure moved) or 2 (cannot check)."""
    p = argparse.ArgumentParser(prog="python -m sim.docs_figures", description=__doc__)
    p.add_argument("page", type=Path, help="a docs page with figures markers")
    p.add_argument(
        "--only", metavar="NAME",
        help="check only the rows of the command labelled NAME (such as 'compare 1' or "
        "'run 1'), or, with 'recovery', only the page's hours --recovery listings",
    )
    args = p.parse_args(argv)
    try:
        return figures_page(args.page, args.only)
    except (FiguresError, OSError, json.JSONDecodeError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
