"""Two run folders set against each other (``bordersim difference``), from their
files alone: nothing is simulated again.

An analyst who ran a district's scenario last week and an edited one this week wants each
metric's difference with its 95 % interval. When both runs' replications ran under the same
seeds rep for rep (the same root seed: common random numbers), each replication's difference
is paired (:func:`~sim.analysis.paired.paired_interval` over the replications both have);
otherwise the runs are independent and Welch's interval
(:func:`~sim.analysis.paired.unpaired_interval`) is the honest one. What differs between the
two resolved scenarios is listed with :func:`sim.scenario.changes.changes`.

A run stopped before it finished (a machine restarted overnight) has no ``summary.json``, but
its finished replications are on disk, each checked by its checksum: such a folder is set
against the other over the replications it finished, and the difference says so, with the
command that resumes it when ``meta.json`` keeps it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sim.shell_line import bordersim_line

if TYPE_CHECKING:
    import pandas as pd

    from sim.experiment.store import RunStore
    from sim.report.folder import ResultsFolderError
    from sim.scenario.changes import Change

#: the run lengths whose difference a difference of the runs also measures
LENGTHS = ("days", "warmup_days", "drain_days")


@dataclass(frozen=True)
class Row:
    """One metric: each run's mean and the difference (after - before) with its interval;
    ``n_before``/``n_after``: the replications that measured it (paired: the pairs)."""

    metric: str
    before: float
    after: float
    mean: float
    low: float | None
    high: float | None
    n_before: int
    n_after: int


@dataclass
class RunDifference:
    """What ``bordersim difference`` shows of two run folders."""

    before: Path
    after: Path
    paired: bool
    why: str  # why paired or unpaired, in a few words
    rows: list[Row]
    only: dict[str, list[str]]  # "before"/"after": metrics the other run lacks; "neither"
    changes: list[Change]
    lengths: list[str]  # notes: days, warm-up or replications that differ
    warnings: dict[str, list[str]] = field(default_factory=dict)
    unstable: dict[str, bool] = field(default_factory=dict)
    #: "before"/"after": the replications each finished of those planned
    progress: dict[str, Progress] = field(default_factory=dict)

    @property
    def interrupted(self) -> list[str]:
        """The lines above the table for each side whose run was interrupted."""
        return [p.said(side) for side, p in self.progress.items() if p.interrupted]

    @property
    def method(self) -> str:
        return "paired" if self.paired else "unpaired (Welch)"


@dataclass(frozen=True)
class Progress:
    """How far a run got: the replications it ``finished`` of those ``planned``
    (``meta.json``'s ``reps``), whether it was ``interrupted`` (no pooled tables yet, or
    replications missing), the command that resumes it (``resume``; "" when not known) and,
    when other code made it, that code's build (``made_by``: only it resumes the folder)."""

    finished: int
    planned: int
    interrupted: bool = False
    resume: str = ""
    made_by: str = ""

    def said(self, side: str) -> str:
        """The line above the table for an interrupted run (``side``: before or after)."""
        code = f" with the code that made it (build {self.made_by})" if self.made_by else ""
        how = (f"resume it{code or ' with'}: {self.resume}" if self.resume else
               f"resume it{code} by giving its bordersim run command again with the same --out")
        return (f"{side}: an interrupted run, {self.finished} of {self.planned} replications "
                f"finished; compared over those ({how})")


@dataclass
class RunRead:
    """A run folder as read: its meta, replications' metrics, seeds and warnings, and how
    far it got (a finished run: every replication)."""

    path: Path
    meta: dict[str, Any]
    per_rep: pd.DataFrame  # replication, then one column per metric
    seeds: dict[int, tuple[int, ...]]
    warnings: list[str]
    progress: Progress | None = None  # None: finished, as meta.json planned


def _read(path: Path) -> RunRead:
    """A run folder's replications, checked (:func:`sim.report.folder.read_run`; an
    interrupted run's: those it finished), and the seeds each ran under; a
    :class:`ResultsFolderError` naming the file otherwise."""
    from sim.report.folder import ResultsFolderError, _store, kind_of, read_run

    kind = kind_of(path)
    if kind != "run":
        what = {"compare": "a comparison's", "sweep": "a sweep's"}[kind]
        raise ResultsFolderError(
            f"{path} is {what} folder, not a run's: difference sets two folders of "
            "bordersim run against each other (a comparison already holds its options' "
            f"differences: {bordersim_line('report', path)})", repair=False
        )
    store = _store(path)
    planned, finished = _finished(path, store)
    if not (path / "summary.json").exists() or len(finished) < planned:
        return _read_interrupted(path, store, planned, finished)
    res, _ = read_run(path)
    per_rep = res.per_rep.drop(columns=["option"])
    seeds = {int(r): store.verify(int(r))[1] for r in per_rep["replication"]}
    return RunRead(path, dict(res.meta), per_rep, seeds, list(res.warnings.get("run", [])),
                   Progress(len(per_rep), planned))


def _finished(path: Path, store: RunStore) -> tuple[int, list[int]]:
    """The replications ``meta.json`` plans and those of them whose record is on disk (files
    beyond its ``reps`` are an earlier, longer run's)."""
    from sim.report.folder import ResultsFolderError, read_object

    planned = read_object(path / "meta.json").get("reps")
    if not isinstance(planned, int) or isinstance(planned, bool) or planned < 1:
        raise ResultsFolderError(f"{path / 'meta.json'} does not say how many replications "
                                 f"ran (its reps is {planned!r}; a whole number from 1)")
    finished = [r for r in range(planned) if store.holds(r)]
    if not finished:  # (only files beyond its reps: an earlier, longer run's)
        raise _none_finished(path, read_object(path / "meta.json"))
    return planned, finished


def _none_finished(path: Path, meta: dict[str, Any]) -> ResultsFolderError:
    """The error for a run folder with no finished replication of its own, ending with the
    command that runs it on when ``meta.json`` keeps it."""
    from sim.report.folder import ResultsFolderError
    from sim.report.remedy import _command

    command = _command(meta, "run", path)
    how = (f"finish it first: {command}" if command else "finish it first by giving its "
           "bordersim run command again with the same --out")
    return ResultsFolderError(
        f"{path} has no finished replication (reps/ holds none): nothing to set "
        f"against the other run; {how}", repair=False
    )


def _read_interrupted(path: Path, store: RunStore, planned: int, finished: list[int]) -> RunRead:
    """A run stopped before it wrote its pooled tables: its finished replications, each
    checked by its checksum as a resume checks it, and their own warnings."""
    import pandas as pd

    from sim.build import build
    from sim.report.folder import _verified, read_object
    from sim.report.remedy import _command

    meta = read_object(path / "meta.json")
    metrics = _verified(store, finished)
    per_rep = pd.DataFrame([{"replication": r, **metrics[r]} for r in finished])
    seeds = {r: store.verify(r)[1] for r in finished}
    warnings = sorted({w for r in finished for w in store.rep_warnings(r)})
    made = meta.get("build")
    other = made if isinstance(made, str) and made != build() else ""
    progress = Progress(len(finished), planned, True, _command(meta, "run", path), other)
    return RunRead(path, meta, per_rep, seeds, warnings, progress)


def _pairing(before: RunRead, after: RunRead) -> tuple[bool, str, list[int]]:
    """Whether the runs pair, why, and the replications both have (in order)."""
    common = sorted(set(before.seeds) & set(after.seeds))
    if not common:  # (never: a run has replication 0)
        return False, "no replication in common: unpaired (Welch)", []
    if all(before.seeds[r] == after.seeds[r] for r in common):
        return True, (f"same seeds rep for rep (root seed {before.meta.get('seed')}): "
                      f"paired over the {len(common)} replication(s) both have"), common
    return False, (f"seeds differ (root seed {before.meta.get('seed')} before, "
                   f"{after.meta.get('seed')} after): unpaired (Welch)"), common


def _figure(x: float | None) -> float | None:
    return None if x is None or math.isnan(x) else float(x)


def _row(metric: str, b: Any, a: Any, paired: bool) -> Row:
    """One metric's row from its per-replication values (``b`` before, ``a`` after;
    paired: aligned replication by replication)."""
    import numpy as np

    from sim.analysis.paired import paired_interval, unpaired_interval

    b, a = np.asarray(b, dtype=float), np.asarray(a, dtype=float)
    if paired:
        both = ~(np.isnan(a) | np.isnan(b))
        a, b = a[both], b[both]
        mean, low, high, _ = paired_interval(a, b)
    else:
        a, b = a[~np.isnan(a)], b[~np.isnan(b)]
        mean, low, high = unpaired_interval(a, b)
    nan = math.nan
    return Row(metric, float(b.mean()) if len(b) else nan, float(a.mean()) if len(a) else nan,
               float(mean), _figure(low), _figure(high), len(b), len(a))


def _metrics(before: RunRead, after: RunRead) -> tuple[list[str], dict[str, list[str]]]:
    """The metrics both runs have (the before run's order, then the after run's), and
    those only one has."""
    b = [c for c in before.per_rep.columns if c != "replication"]
    a = [c for c in after.per_rep.columns if c != "replication"]
    both = [m for m in b if m in set(a)]
    return both, {"before": [m for m in b if m not in set(a)],
                  "after": [m for m in a if m not in set(b)]}


def _lengths(before: RunRead, after: RunRead) -> list[str]:
    """A note for each run length (days, warm-up, drain) that differs, and one when the runs
    finished different numbers of replications (which changes the intervals' width, not
    what the differences measure)."""
    out = []
    for key in LENGTHS:
        x, y = before.meta.get(key), after.meta.get(key)
        if x != y:
            out.append(f"the runs' {key} differ ({x} before, {y} after): the differences "
                       "also measure that")
    nb, na = len(before.per_rep), len(after.per_rep)
    if nb != na:
        out.append(f"the runs finished different numbers of replications ({nb} before, {na} "
                   "after): each run's mean is over its own")
    return out


def _changes(before: Path, after: Path) -> list[Change]:
    """The resolved scenario fields that differ (``scenario.json`` of each folder)."""
    from sim.report.folder import ResultsFolderError
    from sim.scenario.changes import changes
    from sim.scenario.loader import ScenarioError, load_scenario

    scenarios = []
    for folder in (before, after):
        try:
            scenarios.append(load_scenario(folder / "scenario.json"))
        except (OSError, ValueError, ScenarioError) as exc:
            raise ResultsFolderError(
                f"{folder / 'scenario.json'} cannot be read as a scenario ({exc})"
            ) from None
    return changes(scenarios[0], scenarios[1], {})


def read_runs(before: Path, after: Path) -> tuple[RunRead, RunRead]:
    """Both run folders, checked (an error naming the file of the first that is not one)."""
    return _read(before), _read(after)


def run_difference(before: Path, after: Path, metrics: list[str] | None = None) -> RunDifference:
    """Set run folder ``after`` against ``before``: every metric (or ``metrics``, in their
    order) with after - before and its 95 % interval, paired when the seeds match."""
    return set_against(*read_runs(before, after), metrics)


def set_against(b: RunRead, a: RunRead, metrics: list[str] | None = None) -> RunDifference:
    """:func:`run_difference` of two runs already read."""
    from sim.model.stability import unsettled

    paired, why, common = _pairing(b, a)
    both, only = _metrics(b, a)
    if metrics is not None:
        only = {k: [m for m in v if m in metrics] for k, v in only.items()}
        seen = {*both, *only["before"], *only["after"]}
        only["neither"] = [m for m in metrics if m not in seen]
        both = [m for m in metrics if m in both]
    bt, at = b.per_rep.set_index("replication"), a.per_rep.set_index("replication")
    if paired:
        bt, at = bt.loc[common], at.loc[common]
    rows = [_row(m, bt[m], at[m], paired) for m in both]
    return RunDifference(
        b.path, a.path, paired, why, rows, only, _changes(b.path, a.path), _lengths(b, a),
        warnings={"before": b.warnings, "after": a.warnings},
        unstable={"before": unsettled(b.warnings), "after": unsettled(a.warnings)},
        progress={side: r.progress or Progress(len(r.per_rep), len(r.per_rep))
                  for side, r in (("before", b), ("after", a))},
    )
