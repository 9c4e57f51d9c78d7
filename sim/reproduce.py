"""Re-run a finished results folder from what it records, into a new folder, and compare
every figure with the original (``bordersim reproduce``; docs/reproduce.md).

A reviewer has the folder a paper published and a checkout of the code. The folder records
the resolved scenario (``scenario.json``, a comparison's baseline under
``options/baseline/``), the root seed, the replications, the observed days and the command;
this re-runs the same (the scenario from the folder, not the file the command named, which
may have changed or be absent), then compares each replication's metrics and table checksums
and, when every replication was re-run, every summary table byte for byte. Replication ``r``
runs under ``SeedSequence(seed, spawn_key=(r,))`` whatever the executor, so the same code on
the same platform gives the same bytes; where they differ, the differences of version,
build, Python, libraries and machine between the two folders are named beside the figures
that moved. A sweep's folder is re-run point by point (:mod:`sim.reproduce_sweep`). A folder
that cannot be re-run (unfinished, a scenario file missing) is refused with exit status 2."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sim.experiment.command_paths import located, recorded_typed_in
from sim.shell_line import bordersim_line

#: what the command line of a comparison says about its options, kept as recorded
_OPTION_FLAGS = ("--option", "--options-file", "--reforms")
#: flags of the recorded command that change what is written, kept as recorded
_KEPT_SWITCHES = {"run": ("--log", "--observed"),
                  "compare": ("--no-gains", "--declarations-a-year", "--certification-once",
                              "--certification-a-year", "--payback-port",
                              "--payback-direction")}  # (the last five: aeo-payback.csv)
#: flags of the recorded command that name a file the re-run reads
_FILE_FLAGS = ("--observed", "--options-file")
#: a --precision target's flags, kept when every replication is re-run
_PRECISION = ("--precision", "--metric", "--precision-on", "--max-reps", "--reps")


class Refused(Exception):
    """A folder that cannot be re-run; the message says why and what would do."""


@dataclass
class Recorded:
    """What a finished folder records of how it was made."""

    folder: Path
    kind: str  # "run" or "compare"
    scenario: Path
    seed: int
    reps: int
    days: float
    command: list[str]
    options: list[str]  # a comparison's option names, "baseline" first; a run: [""]
    points: int = 0  # a sweep's points
    typed_in: str | None = None  # where the command was typed, relative to the folder


@dataclass(frozen=True)
class Executing:
    """Where a re-run's replications run: ``executor`` for one made in this process (a
    sweep's, a folder made from Python), ``words`` (``--executor processes --workers 2``)
    for one re-run by its command. Replication ``r`` runs under its own seed whatever runs
    it, so the results are the same bit for bit."""

    executor: Any = "serial"
    words: tuple[str, ...] = ()


def require_finished(folder: Path, scenario: Path, last: str, kind: str) -> None:
    """Refuse a folder without its resolved ``scenario`` (what is re-run) or without ``last``,
    the file its ``kind`` of command writes when it finishes."""
    if not scenario.is_file():
        raise Refused(f"{scenario}: missing; the folder's resolved scenario is what is "
                      "re-run (the file the command named may have changed)")
    if not (folder / last).is_file():
        raise Refused(f"{folder}: no {last}, so the {kind} did not finish; finish it "
                      "(the same command again resumes it) before reproducing it")


def read_json(path: Path) -> dict[str, Any]:
    """A JSON object of the folder, read as a report reads one (never through a symbolic
    link, of bounded size: :func:`sim.report.folder.read_object`), or :class:`Refused`."""
    from sim.report.folder import ResultsFolderError, read_object

    if not path.exists() and not path.is_symlink():
        raise Refused(f"{path}: missing; a finished folder has it")
    try:
        return read_object(path)
    except ResultsFolderError as exc:
        raise Refused(str(exc)) from None


def _unfinished(meta: dict[str, Any], where: Path) -> None:
    """Refuse a folder whose history says a command into it did not finish."""
    for entry in meta.get("history") or []:
        if isinstance(entry, dict) and (entry.get("interrupted") or entry.get("killed")):
            raise Refused(f"{where}: its history records an interrupted command; finish the "
                          "run (the same command again resumes it) before reproducing it")


def read_folder(folder: Path, checking: bool = False) -> Recorded:
    """What ``folder`` records, or :class:`Refused` naming what is missing (``checking``:
    for checking it against itself only). A folder made from Python records no command
    (``command`` is empty): it is re-run by the same Python call (a run's or a comparison's:
    :mod:`sim.reproduce_python`; a sweep's is re-run by :func:`sim.experiment.sweep.sweep`
    as a command's is: :mod:`sim.reproduce_sweep`)."""
    if not folder.is_dir():
        raise Refused(f"{folder}: not a folder")
    compare = folder / "compare.json"
    if compare.exists():
        meta = read_json(compare)
        names = [str(o.get("name")) for o in meta.get("options") or [] if isinstance(o, dict)]
        kind, scenario = "compare", folder / "options" / "baseline" / "scenario.json"
    else:
        meta = read_json(folder / "meta.json")
        names, scenario = [""], folder / "scenario.json"
        kind = "sweep" if meta.get("kind") == "sweep" else "run"
    command = [str(c) for c in meta.get("command") or []]
    if command[:1] != ["bordersim"]:  # (made by sim.compare, sim.sweep, or by
        command = []  # sim.replicate under Python's argv: re-run by the same Python call)
    if not checking and command and command[1:2] != [kind]:
        raise Refused(f"{folder}: its command {' '.join(command)!r} is not a `bordersim "
                      f"{kind}`; only folders of run, compare and sweep can be re-run")
    _unfinished(meta, folder)
    if kind == "sweep":
        from sim.reproduce_sweep import read_sweep_record

        return read_sweep_record(folder, meta)
    require_finished(folder, scenario, "summary.json", "run")
    try:
        seed, reps, days = int(meta["seed"]), int(meta["reps"]), float(meta["days"])
    except (KeyError, TypeError, ValueError) as exc:
        raise Refused(f"{folder}: its record has no usable seed, reps or days ({exc})") from None
    return Recorded(folder, kind, scenario, seed, reps, days, command, names,
                    typed_in=recorded_typed_in(meta))


def run_dir(folder: Path, option: str) -> Path:
    """The folder of one option's runs (a run's own folder for ``""``)."""
    return folder / "options" / option if option else folder


def _own_file(rec: Recorded, option: str) -> str:
    """``NAME:@FILE[,changes]`` as ``NAME:@<its resolved scenario.json in the folder>``:
    the option's own scenario as it ran (its changes applied), not the file as it is now."""
    flag, eq, option = option.rpartition("=") if option.startswith("--") else ("", "", option)
    name, sep, rest = option.partition(":@")
    own = rec.folder / "options" / name / "scenario.json"
    if sep and own.is_file():
        option = f"{name}:@{own}"
    return f"{flag}{eq}{option}"


def _carried(words: list[str], flag: str) -> list[list[str]]:
    """Each use of ``flag`` in a recorded command with its values (``--reforms`` takes
    several; ``--log`` none), as ``[flag, value, ...]``."""
    takes = {"--log": 0, "--no-gains": 0, "--reforms": -1}.get(flag, 1)
    found = []
    for i, word in enumerate(words):
        name, eq, value = word.partition("=")
        if name != flag:
            continue
        if eq or not takes:
            found.append([name] + ([value] if eq else []))
            continue
        values: list[str] = []
        for more in words[i + 1:]:
            if more.startswith("--") or (takes > 0 and len(values) == takes):
                break
            values.append(more)
        found.append([flag, *values])
    return found


def precise(rec: Recorded) -> bool:
    """Whether the folder's replications were added until a --precision target held."""
    return bool(_carried(rec.command[2:], "--precision"))


def rerun_argv(rec: Recorded, out: Path, reps: int, words: tuple[str, ...] = ()) -> list[str]:
    """The command that re-runs ``rec`` into ``out``: its scenario from the folder, its
    seed, days and the first ``reps`` replications (all of a --precision run: by its own
    target again, so that its notes are the same), and from the recorded command only what
    defines the options of a comparison and what changes the files written; ``words``: the
    executor options of this re-run (``--executor``, ``--workers``, ``--dask``), which
    change where replications run, not their results."""
    argv = [rec.kind, str(rec.scenario), "--seed", str(rec.seed), "--days", repr(rec.days),
            "--out", str(out), *words]
    carried = list(_KEPT_SWITCHES[rec.kind])
    if rec.kind == "compare":
        carried += _OPTION_FLAGS
    if reps == rec.reps and precise(rec):
        carried += _PRECISION
    else:
        argv += ["--reps", str(reps)]
    for flag in carried:
        for use in _carried(rec.command[2:], flag):
            if flag in _FILE_FLAGS:  # (from where the command was typed: command_paths)
                use = [use[0], *(located(v, rec.folder, rec.typed_in) for v in use[1:])]
            if flag == "--observed" and not Path(use[-1]).is_file():
                continue  # (validation.csv is then left out, and the verdict says so)
            argv += [use[0], *(_own_file(rec, v) if flag == "--option" else v
                               for v in use[1:])]
    if rec.kind == "compare":
        argv.append("--no-report")
    return argv


def check_new(out: Path) -> None:
    """Refuse an ``--out`` that is not empty or lies inside a results folder."""
    from sim.experiment.nesting import check_not_nested
    from sim.experiment.store import StoreMismatch

    try:
        check_not_nested(out)  # (said here, not as the re-run's error)
    except StoreMismatch as exc:
        raise Refused(str(exc)) from None
    if out.exists() and any(out.iterdir()):
        raise Refused(f"{out}: not empty; the re-run goes to a new folder (name one with "
                      "--out)")


def rerun(rec: Recorded, out: Path, reps: int, words: tuple[str, ...] = ()) -> tuple[int, str]:
    """Run :func:`rerun_argv` in this process, its tables and notes kept quiet (the
    verdict compares the folders): its status and what it said on stderr."""
    from sim.cli import main

    check_new(out)
    printed, said = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(said):
        status = main(rerun_argv(rec, out, reps, words))
    return status, said.getvalue()


def free_name(folder: Path) -> Path:
    """The default folder of a re-run: ``RESULTS_DIR-reproduced``, or when that one is
    taken and not empty (an earlier re-run) the first free ``RESULTS_DIR-reproduced-N``."""
    base = folder.with_name(folder.name + "-reproduced")
    new, n = base, 1
    while new.exists() and (not new.is_dir() or any(new.iterdir())):
        n += 1
        new = base.with_name(f"{base.name}-{n}")
    return new


def _rerun_any(rec: Recorded, new: Path, k: int, picked: list[int], runs: Executing) -> Any:
    """Re-run ``rec`` (a sweep's ``picked`` points) into ``new`` on ``runs`` and compare:
    the outcome, the original checked against its own checksums first (as it was handed
    over)."""
    import sys

    from sim.reproduce_stored import stored_problems, sweep_problems

    if rec.kind == "sweep":
        from sim.reproduce_sweep import compare_sweep, rerun_sweep

        stored = sweep_problems(rec.folder) or []
        check_new(new)
        rerun_sweep(rec, new, k, picked, runs.executor)
        outcome = compare_sweep(rec, new, k, picked)
    elif not rec.command:  # (made from Python: re-run by the same Python call)
        from sim.reproduce_compare import compare_folders
        from sim.reproduce_python import rerun_python

        stored = stored_problems(rec)
        rerun_python(rec, new, k, runs.executor)
        outcome = compare_folders(rec, new, k)
    else:
        stored = stored_problems(rec)
        status, said = rerun(rec, new, k, runs.words)
        if status != 0:
            print(said, end="", file=sys.stderr)
            raise Refused(f"the re-run `{bordersim_line(*rerun_argv(rec, new, k, runs.words))}` "
                          f"exited with status {status} (its error is above)")
        from sim.reproduce_compare import compare_folders

        outcome = compare_folders(rec, new, k)
    outcome.stored = stored
    return outcome


def rerun_and_compare(folder: Path, out: Path | None = None, reps: int | None = None,
                      points: list[int] | None = None,
                      runs: Executing | None = None) -> tuple[Recorded, Path, Any]:
    """Re-run ``folder`` (its first ``reps`` replications; a sweep's ``points``) into
    ``out`` (default: :func:`free_name`) on ``runs`` (default: one at a time) and compare:
    what it records, the re-run's folder and the outcome; a folder that cannot be re-run
    is :class:`Refused`."""
    rec = read_folder(folder)
    if reps is not None and not 1 <= reps <= rec.reps:
        many = "replication" if rec.reps == 1 else "replications"
        raise Refused(f"--reps {reps}: the folder has {rec.reps} {many}; "
                      f"check 1 to {rec.reps}")
    from sim.reproduce_sweep import picked_points

    picked = picked_points(rec, points)
    k = rec.reps if reps is None else reps
    new = out or free_name(folder)
    return rec, new, _rerun_any(rec, new, k, picked, runs or Executing())


def reproduce(folder: Path, out: Path | None = None, reps: int | None = None,
              lang: str = "en", points: list[int] | None = None,
              runs: Executing | None = None) -> int:
    """Re-run ``folder`` (a sweep's: its ``points``, else all; on ``runs``) and print the
    verdict (in ``lang``: ``zh``, :mod:`sim.cli_zh_verdict`): 0 reproduced, 1 not, 2
    refused."""
    import sys

    from sim.cli_zh_errors import error_line

    try:
        rec, new, outcome = rerun_and_compare(folder, out, reps, points, runs)
    except Refused as exc:
        print(error_line(str(exc), lang), file=sys.stderr)
        return 2
    from sim import cli_zh_verdict
    from sim.reproduce_compare import verdict

    lines_of = cli_zh_verdict.verdict if lang == "zh" else verdict
    print("\n".join(lines_of(rec, new, outcome)))
    return 0 if outcome.same else 1
