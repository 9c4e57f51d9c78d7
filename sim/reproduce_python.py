"""Re-run a results folder made from Python (``sim.compare(..., out=...)``,
``sim.replicate(..., store=...)``) for ``bordersim reproduce`` (:mod:`sim.reproduce`); a
sweep's (``sim.sweep(..., out=...)``) is re-run as a command's sweep is
(:mod:`sim.reproduce_sweep`), whose re-run is a Python call already.

Such a folder records no ``bordersim`` command, so the command line's re-run (which takes
the options from the recorded command) has nothing to take them from. It is re-run by the
same Python call instead, rebuilt from what the folder records: the resolved scenario, the
seed, the days (in the scenario), and for a comparison each option as ``compare.json``
keeps it (name, changes, reform, parts, description; one given by a scenario file of its
own from its resolved ``options/NAME/scenario.json``), whether it kept the logs for who
gains (``log``) and its precision target. The re-run is made by Python too, so the two
folders hold the same files (a command's also writes ``scenario-source.json`` and
``warning-records.json``) and are compared as two command folders are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sim.reproduce import Recorded, Refused, read_json


def recorded_options(folder: Path) -> list[Any]:
    """A comparison's options as its ``compare.json`` records them, ``baseline`` first,
    ready to be given to :func:`sim.experiment.compare.compare` again."""
    from sim.experiment.options import Option, OptionError

    out = []
    for o in read_json(folder / "compare.json").get("options") or []:
        if not isinstance(o, dict):
            raise Refused(f"{folder / 'compare.json'}: an option that is not a record: {o!r}")
        name = str(o.get("name"))
        own = folder / "options" / name / "scenario.json" if o.get("scenario") else None
        try:  # (an own file's changes are in its resolved scenario already)
            out.append(Option(name, {} if own else dict(o.get("overrides") or {}),
                              str(o.get("description") or ""), tuple(o.get("parts") or ()),
                              str(o.get("reform") or ""), scenario=str(own or "")))
        except OptionError as exc:
            raise Refused(f"{folder / 'compare.json'}: option {name!r}: {exc}") from None
    return out


def rerun_python(rec: Recorded, out: Path, reps: int, executor: Any = "serial") -> None:
    """Re-run ``rec``, a folder made from Python, into ``out`` by the same Python call (its
    first ``reps`` replications; all of a precision run by its own target again) on
    ``executor``; what the call refuses is :class:`Refused` naming it."""
    from sim.reproduce import check_new

    check_new(out)
    try:
        if rec.kind == "compare":
            _compare_again(rec, out, reps, executor)
        else:
            _replicate_again(rec, out, reps, executor)
    except Refused:
        raise
    except (ValueError, TypeError, OSError) as exc:  # (ScenarioError, OptionError, ...)
        raise Refused(f"{rec.folder}: its re-run from Python failed: {exc}") from None


def _compare_again(rec: Recorded, out: Path, reps: int, executor: Any) -> None:
    """:func:`sim.experiment.compare.compare` of the recorded options, seed and target."""
    from sim.experiment.compare import compare

    meta = read_json(rec.folder / "compare.json")
    target: dict[str, Any] = {}
    if meta.get("precision") is not None and reps == rec.reps:
        target = {"precision": meta["precision"], "metrics": meta.get("precision_metrics"),
                  "precision_on": meta.get("precision_on") or "both",
                  "max_reps": int(meta["max_reps"])}
        reps = int(meta.get("reps_first") or reps)
    compare(rec.scenario, recorded_options(rec.folder), reps=reps, seed=rec.seed,
            log=bool(meta.get("log", True)), out=out, report=False,
            tolerance_h=float(meta["tolerance_h"]), executor=executor, **target)


def _replicate_again(rec: Recorded, out: Path, reps: int, executor: Any) -> None:
    """:func:`sim.experiment.runner.replicate` of the recorded scenario and seed, keeping
    the logs when the folder kept them."""
    from sim.experiment.runner import replicate

    log = (rec.folder / "reps" / "rep-0000-log.parquet").is_file()
    replicate(rec.scenario, reps, rec.seed, log=log, store=out, executor=executor)
