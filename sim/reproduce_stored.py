"""Whether a results folder is still as it was written, checked before it is re-run
(:mod:`sim.reproduce`): the re-run is compared with what the replication records say, so a
table edited, truncated or deleted after the run (a replication's CSV, its Parquet log), a
``scenario.json`` that is no longer the one run, a ``meta.json`` that no longer agrees with
its replications, or a comparison's pooled file changed after its finish would otherwise go
unseen and the folder be called reproduced. Each is named here, file by file, by the
checksums the folder keeps of itself: each replication's record and tables
(:meth:`sim.experiment.store.RunStore.verify`), each option's scenario hash, and a
comparison's who-gains tables (:func:`sim.experiment.compare.stored_gains`) and
``finished.json`` seal of its pooled files."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sim.rep_warnings_check import warnings_files
from sim.reproduce import Recorded, read_json, run_dir


def stored_problems(rec: Recorded) -> list[str]:
    """Every file of ``rec``'s folder that no longer matches the checksum the folder keeps of
    it, one line each naming the file (empty: the folder is as it was written)."""
    from sim.record_check import record_problems

    problems = record_problems(rec.folder, rec.kind, rec.options)
    for option in rec.options:
        folder = run_dir(rec.folder, option)
        problems += _scenario(folder)
        problems += _replications(folder, rec.reps)
        problems += warnings_files(folder, rec.reps, rec.kind)[0]
    if rec.kind == "compare":
        from sim.appraisal_check import appraisal_problems

        problems += _gains(rec.folder, rec.reps) + appraisal_problems(rec.folder)
    return problems + _sealed(rec.folder, "comparison" if rec.kind == "compare" else "run")


def _gains(folder: Path, reps: int) -> list[str]:
    """A comparison's who-gains tables of each replication (``gains/rep-NNNN.csv``) against
    the checksum beside each (none: run with ``--no-gains``)."""
    from sim.experiment.compare import stored_gains

    if not (folder / "gains").is_dir():
        return []
    problems = []
    for r in range(reps):
        path = folder / "gains" / f"rep-{r:04d}.csv"
        if not path.is_file() or path.is_symlink():
            problems.append(f"{path}: missing, though every replication has one")
        elif stored_gains(path, r) is None:
            problems.append(f"{path} does not match its checksum (changed, truncated or "
                            "written by another version)")
    return problems


def _scenario(folder: Path) -> list[str]:
    """``scenario.json`` against the ``scenario_hash`` its ``meta.json`` records."""
    from sim.experiment.store import record_hash

    scenario, meta = folder / "scenario.json", folder / "meta.json"
    if record_hash(read_json(scenario)) == read_json(meta).get("scenario_hash"):
        return []
    return [f"{scenario} does not match the scenario_hash of {meta} (one of them was changed "
            "after the run): the scenario re-run is not the one that made the figures"]


def _replications(folder: Path, reps: int) -> list[str]:
    """Each replication's record and tables against their checksums and ``meta.json``."""
    from sim.experiment.store import RunStore

    try:
        store = RunStore.reading(folder)
    except ValueError as exc:
        return [str(exc)]
    problems = []
    for r in range(reps):
        try:
            store.verify(r)
        except ValueError as exc:  # (a Disagree too: it names both files)
            problems.append(str(exc))
    return problems


def _sealed(folder: Path, what: str) -> list[str]:
    """A comparison's, a run's or a sweep's (``what``) pooled files against the checksums its
    ``finished.json`` records of them as written (:mod:`sim.experiment.run_seal`; nothing
    when it has none: a folder finished before seals were kept, :func:`unsealed`)."""
    from sim.experiment.finish_seal import FILE

    seal = folder / FILE
    if not seal.exists() and not seal.is_symlink():
        return []
    files = read_json(seal).get("files")
    if not isinstance(files, dict):
        return [f"{seal}: no files listed (damaged)"]
    problems = []
    for name, sha in files.items():
        path = folder / str(name)
        if not path.is_file() or path.is_symlink():
            problems.append(f"{path}: missing, though {seal} records it as written")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != sha:
            problems.append(f"{path}: changed after the {what} finished (its SHA-256 is "
                            f"not the one {seal} records)")
    return problems


def unsealed(rec: Recorded) -> str | None:
    """The line that says a run's or a sweep's folder has no list of its pooled files
    (written before they kept one), so a pooled file deleted or emptied cannot be noticed;
    None when it has one, or is a comparison's."""
    from sim.experiment.finish_seal import FILE

    seal = rec.folder / FILE
    if rec.kind not in ("run", "sweep") or seal.exists() or seal.is_symlink():
        return None
    return (f"{rec.folder} has no {FILE} (written before {rec.kind} folders listed their "
            "pooled files): a pooled file deleted or emptied since cannot be noticed; "
            "reproduce without --check-only compares every one")


def not_covered(rec: Recorded) -> list[str]:
    """What of ``rec``'s folder could not be checked: its pooled files when it has no list of
    them (:func:`unsealed`), and each replication's warnings file its record cannot vouch
    for (written before records kept their warnings: :mod:`sim.rep_warnings_check`)."""
    notes = [n for n in [unsealed(rec)] if n]
    for option in rec.options:
        notes += warnings_files(run_dir(rec.folder, option), rec.reps, rec.kind)[1]
    return notes


def pooled_problems(rec: Recorded) -> list[str]:
    """The first pooled table of ``rec``'s folder (``summary.csv``, ``enforcement.csv``,
    ``metrics.csv``, the weekly series, ...) that does not match the tables worked out again
    from its replications, as ``bordersim tables`` checks them before exporting."""
    from sim.report.folder import ResultsFolderError, read_compare, read_run
    from sim.warehouse.derived import check_exported

    try:
        res, variants = (read_compare if rec.kind == "compare" else read_run)(rec.folder)
        check_exported(rec.folder, rec.kind, res, variants, ())  # (the seal: _sealed)
    except ResultsFolderError as exc:
        return [str(exc)]
    from sim.layer_check import layer_problems

    return layer_problems(rec.folder)


#: the verdict of a folder checked against itself (``reproduce --check-only``)
AS_WRITTEN = ("AS WRITTEN: every file matches the checksums the folder keeps of it, and its "
              "pooled tables match its replications (nothing was re-run: reproduce without "
              "--check-only re-runs it and compares every figure)")


def check_only(folder: Path, lang: str = "en") -> int:
    """``bordersim reproduce --check-only``: ``folder`` checked against itself, re-running
    nothing; 0 as written, 1 a file changed (each named), 2 refused."""
    import sys

    from sim.cli_zh_errors import error_line
    from sim.reproduce import Refused, read_folder

    sweep = sweep_problems(folder)
    try:
        if sweep is not None:  # (a sweep's files are checked as a report reads them)
            rec = Recorded(folder, "sweep", folder, 0, 0, 0.0, [], [""])
            problems = _sweep_and_seal(folder, sweep)
        else:
            rec = read_folder(folder, checking=True)  # (one made from Python too)
            problems = stored_problems(rec)
            problems = problems or pooled_problems(rec)  # (those would repeat the first)
    except Refused as exc:
        print(error_line(str(exc), lang), file=sys.stderr)
        return 2
    notes = not_covered(rec)
    if lang == "zh":
        from sim.cli_zh_verdict import checked

        print("\n".join(checked(rec, problems, notes)))
    else:
        print("\n".join(_checked(rec, problems, notes)))
    return 1 if problems else 0


def _sweep_and_seal(folder: Path, read: list[str]) -> list[str]:
    """A sweep's pooled files against its seal, file by file, and then what reading it as a
    report does found (``read``), unless that names a file the seal named already."""
    sealed = _sealed(folder, "sweep")
    return sealed + [p for p in read if not any(s.partition(": ")[0] in p for s in sealed)]


def sweep_problems(folder: Path) -> list[str] | None:
    """A sweep's folder checked as ``bordersim report`` reads one (each point file by its
    checksum and identity, ``design.csv``, ``sweep.csv`` and the tables pooled from them:
    :func:`sim.report.sweep_folder.read_sweep`): the first file that fails, or nothing;
    None when ``folder`` is not a sweep's."""
    from sim.report.folder import ResultsFolderError, kind_of
    from sim.report.sweep_folder import read_sweep

    try:
        if kind_of(folder) != "sweep":
            return None
    except ResultsFolderError:
        return None  # (refused as reproduce refuses it)
    try:
        read_sweep(folder)
    except ResultsFolderError as exc:
        return [str(exc)]
    return []


def _checked(rec: Recorded, problems: list[str], notes: list[str] | None = None) -> list[str]:
    """The lines of :func:`check_only`'s verdict (``notes``: what could not be checked)."""
    from sim.reproduce_compare import SHOWN, STORED, count, files_named

    options = f", {count(len(rec.options), 'option')}" if rec.kind == "compare" else ""
    reps = f", {count(rec.reps, 'replication')}" if rec.kind != "sweep" else ""
    lines = [f"checked {rec.folder} against itself, re-running nothing: {rec.kind}{options}"
             f"{reps}"] + [f"not checked: {note}" for note in notes or []]
    if not problems:
        return [*lines, AS_WRITTEN]
    lines += [f"CHANGED: {count(files_named(problems, rec.folder), 'file')} of the folder "
              "changed since it was written", f"  {STORED}:"]
    lines += [f"  {p}" for p in problems[:SHOWN]]
    if len(problems) > SHOWN:
        lines.append(f"  ... and {count(len(problems) - SHOWN, 'more problem')}")
    return lines
