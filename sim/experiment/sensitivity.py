"""Global sensitivity analysis: Sobol indices of a metric over chosen parameter ranges.

Saltelli's sampling scheme (``SALib.sample.sobol``: a scrambled, seeded Sobol' sequence)
gives ``N * (k + 2)`` points for ``k`` parameters (``N * (2k + 2)`` with second-order indices);
the sweep runs replications at each point (common random numbers: replication ``r`` has the
same seed at every point) and the metric's mean over replications at each point goes to
``SALib.analyze.sobol``. The result is a DataFrame, one row per parameter, with the
first-order index ``S1``, the total index ``ST`` and their bootstrap confidence half-widths
``S1_conf`` and ``ST_conf``; the bootstrap is seeded from the sample's seed, so the same
results give the same half-widths (a rerun that simulates nothing, another executor).

Sampling is done on the unit cube and mapped to each :class:`~sim.experiment.sweep.Range`, so
integer ranges (staff numbers) and ranges with units (``10:30 min``) work; the indices then
describe the parameter as it enters the model.

Simulation noise is not in the bootstrap intervals: they resample the parameter sample only.
Replication ``r`` has the same random numbers at every point, so its outputs form one realised
response surface, and the noise left in the mean over replications does not just add
variance that no parameter explains: it can move index mass from one parameter to another
(two interchangeable parameters can get non-overlapping intervals). With ``reps >= 2`` the
indices of each replication's outputs are computed too (:mod:`sim.experiment.sobol_noise`):
their mean, ``S1_reps`` and ``ST_reps``, and its t half-width, ``S1_noise`` and ``ST_noise``,
are reported beside the bootstrap half-widths (an interval about ``S1_reps``, not ``S1``: the
index of the outputs averaged over replications is another estimator), with a warning when
it is wider; with one replication a warning says the intervals exclude
the noise. More replications and longer runs reduce the noise; a larger N does not.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from sim.experiment.executors import Executor
from sim.experiment.metric_names import MetricError, check_metrics, metric_names
from sim.experiment.sobol_noise import noise_halfwidths, noise_warning, per_replication
from sim.experiment.store import StoreMismatch, atomic_write, dump_json
from sim.experiment.sweep import Range, _ranges, check_sample_size, sweep
from sim.python_words import as_python, given_in_python_words, warnings_as_python
from sim.scenario.schema import Scenario

Ranges = Mapping[str, Range | tuple[float, float] | str]


def _problem(names: list[str]) -> dict[str, Any]:
    return {"num_vars": len(names), "names": names, "bounds": [[0.0, 1.0]] * len(names)}


def saltelli_unit(k: int, n: int, seed: int = 0, second_order: bool = False) -> np.ndarray:
    """Saltelli's sample of ``k`` parameters on the unit cube (one row per point)."""
    import warnings

    from SALib.sample import sobol as sobol_sample

    if n < 2:
        raise ValueError(f"N must be at least 2; got {n}")
    check_sample_size(n, "N")
    names = [f"x{j}" for j in range(k)]
    with warnings.catch_warnings():  # N not a power of 2 works, with slower convergence
        warnings.simplefilter("ignore", UserWarning)
        return np.asarray(
            sobol_sample.sample(_problem(names), n, calc_second_order=second_order, seed=seed),
            dtype=float,
        )


def sobol_design(ranges: Ranges, n: int, seed: int = 0, second_order: bool = False) -> pd.DataFrame:
    """The points (a sweep design) of Saltelli's sample over ``ranges``."""
    rs = _ranges(ranges)
    u = saltelli_unit(len(rs), n, seed, second_order)
    return pd.DataFrame(
        {key: [r.setting(r.number(x)) for x in u[:, j]] for j, (key, r) in enumerate(rs.items())}
    )


def bootstrap_seed(seed: int) -> int:
    """The seed handed to SALib's bootstrap for ``seed``: a positive number, the same for the
    same ``seed`` (SALib takes a seed of 0 as none at all and then resamples unseeded, so
    the intervals would change on every analysis)."""
    digest = hashlib.sha256(f"sobol-bootstrap:{seed}".encode()).digest()
    return int.from_bytes(digest[:8], "big") | 1


def sobol_indices(
    names: list[str],
    y: np.ndarray | pd.Series | list[float],
    *,
    second_order: bool = False,
    level: float = 0.95,
    resamples: int = 1000,
    seed: int = 0,
) -> pd.DataFrame:
    """First-order and total Sobol indices of ``y`` (evaluated at Saltelli's sample, in its
    order) with their ``level`` confidence half-widths: columns ``S1, S1_conf, ST, ST_conf``,
    index ``parameter``. The bootstrap behind the half-widths is seeded from ``seed``, so
    the same ``y`` and ``seed`` give the same half-widths."""
    from SALib.analyze import sobol as sobol_analyze

    values = np.asarray(y, dtype=float)
    if np.isnan(values).any():
        raise ValueError(
            f"{int(np.isnan(values).sum())} of {len(values)} outputs are NaN (no consignment "
            "measured at those points?); choose another metric or longer runs"
        )
    if np.ptp(values) == 0:
        raise ValueError("the output does not vary over the sample: every index is undefined")
    si = sobol_analyze.analyze(
        _problem(list(names)),
        values,
        calc_second_order=second_order,
        conf_level=level,
        num_resamples=resamples,
        seed=bootstrap_seed(seed),
    )
    out = pd.DataFrame(
        {k: np.asarray(si[k], dtype=float) for k in ("S1", "S1_conf", "ST", "ST_conf")},
        index=pd.Index(list(names), name="parameter"),
    )
    return out


def plot_sobol(indices: pd.DataFrame, path: str | Path, title: str | None = None) -> Path:
    """A bar chart of ``S1`` and ``ST`` per parameter with confidence error bars, as PNG."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    names = [str(n) for n in indices.index]
    x = np.arange(len(names))
    fig = Figure(figsize=(max(5.0, 1.4 * len(names) + 2), 4.0), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    width = 0.38
    ax.bar(
        x - width / 2,
        indices["S1"],
        width,
        yerr=indices["S1_conf"],
        capsize=4,
        label="first order S1",
    )
    ax.bar(
        x + width / 2, indices["ST"], width, yerr=indices["ST_conf"], capsize=4, label="total ST"
    )
    ax.set_xticks(x, names, rotation=20, ha="right")
    ax.set_ylabel("Sobol index")
    ax.axhline(0, color="black", linewidth=0.8)
    ax.legend()
    if title:
        ax.set_title(title)
    path = Path(path)
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=120)
    atomic_write(path, buf.getvalue())
    return path


#: a confidence half-width above which Sobol indices (between 0 and 1) cannot be ranked
UNCERTAIN = 0.1


def unbalanced(n: int | None) -> str | None:
    """A warning when the base sample size ``n`` is not a power of two: the Sobol' sequence
    behind Saltelli's sample is balanced only at powers of two (SALib says so, and the
    sampler hides it: :func:`saltelli_unit`), so the indices converge more slowly."""
    if n is None or n < 2 or n & (n - 1) == 0:
        return None
    lower = 1 << (n.bit_length() - 1)
    return (
        f"the Sobol sample's base size N = {n:,} is not a power of two: the Sobol' sequence "
        "behind Saltelli's sample is balanced only at powers of two, so the indices converge "
        f"more slowly than N says; use --sobol {lower:,} or {2 * lower:,}"
    )


@dataclass
class SobolResult:
    indices: pd.DataFrame  # per parameter: S1, S1_conf, ST, ST_conf (and S1_noise, ST_noise)
    runs: pd.DataFrame  # the sweep: one row per (point, replication)
    metric: str
    #: the indices of each replication's outputs alone (replication, parameter, S1, ST)
    per_rep: pd.DataFrame | None = None
    reps: int = 1
    n: int | None = None  # the base sample size the design was made with
    #: whether its warnings are said in Python's words (``n=8`` for ``--sobol 8``), as
    #: ``sim.sobol`` gives them; the command line's words otherwise, as sobol.json keeps them
    python: bool = False

    def warnings(self, n: int | None = None) -> list[str]:
        """Every warning about the indices: too wide an interval, a base sample size that is
        not a power of two, and simulation noise that the intervals leave out (``n``: the
        base sample size, by default the design's)."""
        found = [unbalanced(self.n if n is None else n)]
        if "S1_noise" in self.indices.columns:
            found.append(noise_warning(self.indices, self.reps))
        return [w for w in [self.uncertainty(n), *map(self._said, found)] if w]

    def _said(self, warning: str | None) -> str | None:
        """``warning`` in the words this result speaks (:attr:`python`)."""
        if warning is None or not self.python:
            return warning
        return as_python(warning)

    def uncertainty(self, n: int | None = None) -> str | None:
        """A warning when the widest confidence half-width exceeds ``UNCERTAIN`` (``n``: the
        base sample size used, by default the design's), else None: indices that wide say
        little."""
        n = self.n if n is None else n
        widest = float(np.nanmax(self.indices[["S1_conf", "ST_conf"]].to_numpy()))
        if not widest > UNCERTAIN:
            return None
        return self._said(
            f"the Sobol indices are uncertain: the widest 95 % half-width is {widest:.3g}, "
            f"while an index lies between 0 and 1; raise --sobol N (now {n}; doubling it "
            "narrows the intervals by about 1/sqrt(2), around the values these random numbers "
            "give), and --reps or --days, which reduce the simulation noise the intervals "
            "leave out"
        )


def sobol(
    scenario: str | Path | Scenario,
    ranges: Ranges,
    n: int,
    metric: str,
    reps: int = 3,
    seed: int = 1,
    *,
    executor: str | Executor = "serial",
    workers: int | None = None,
    overrides: Mapping[str, Any] | None = None,
    out: str | Path | None = None,
    sample_seed: int = 0,
    second_order: bool = False,
    command: list[str] | None = None,
    on_notice: Callable[[str], None] | None = None,
    on_done: Callable[[int, int, dict[str, float]], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> SobolResult:
    """Sobol indices of ``metric`` over ``ranges`` of ``scenario`` (a file or a
    :class:`Scenario`), with ``reps`` replications per point (3, as on the command line: with
    one the indices may be confidently wrong, see the warnings).

    A ``metric`` that no run of the scenario yields raises :class:`MetricError` before
    anything runs.

    Runs a sweep over Saltelli's sample (``n`` base points; ``sample_seed`` seeds the sample
    and the bootstrap of the intervals, ``seed`` the simulations) with ``reps`` replications
    per point (``on_done``: told of each, as :func:`~sim.experiment.sweep.sweep` tells it;
    ``on_warning`` too).
    With ``out`` the sweep is resumable there, and ``sobol.csv``, ``sobol-replications.csv``
    (each replication's own indices), ``sobol.png`` and ``sobol.json`` are written beside it.
    """
    rs = _ranges(ranges)
    _check_metric(scenario, overrides, metric, command)  # before anything runs
    design = sobol_design(rs, n, sample_seed, second_order)
    runs = sweep(
        scenario,
        design,
        reps,
        seed,
        executor=executor,
        workers=workers,
        overrides=overrides,
        out=out,
        command=command,
        on_notice=on_notice,
        on_done=on_done,
        on_warning=on_warning,
    )
    _check_measured(runs, metric)
    res = _analysed(list(rs), runs, metric, reps, second_order, sample_seed)
    res.n = n
    if out is not None:
        _write(Path(out), res, n)
    return res


def _in_python_words(res: SobolResult) -> None:
    """Its warnings, and those of its sweep's points, in Python's words (``n=8`` for
    ``--sobol 8``, ``reps=2`` for ``--reps 2``)."""
    res.python = True
    res.runs.attrs["warnings"] = warnings_as_python(res.runs.attrs.get("warnings", {}))


#: :func:`sobol` as ``sim.sobol`` gives it to a Python user: its warnings, an unknown or
#: unmeasured metric's error and a folder that is not its own in Python's words (the
#: command line runs :func:`sobol` itself)
python_sobol = given_in_python_words(
    sobol, _in_python_words, errors=(MetricError, StoreMismatch), nested=True
)


def _check_metric(
    scenario: str | Path | Scenario,
    overrides: Mapping[str, Any] | None,
    metric: str,
    command: list[str] | None,
) -> None:
    """Refuse a ``metric`` that no run of the scenario yields (:class:`MetricError`), before
    anything runs; an error the overrides cause names the "command line" when there is one."""
    given = "command line" if command else "overrides"
    base = _base_of(scenario, overrides, given)
    source = "" if isinstance(scenario, Scenario) else scenario
    check_metrics([metric], [metric_names(base, source)])


def _check_measured(runs: pd.DataFrame, metric: str) -> None:
    """Refuse a ``metric`` the scenario names but no run of the sweep measured."""
    if metric not in runs.columns:  # a name of the scenario that no run measured
        raise MetricError(
            f"--metric {metric!r}: no run measured it (a port where nothing was released, "
            "say); choose another metric or run longer"
        )


def _base_of(
    scenario: str | Path | Scenario, overrides: Mapping[str, Any] | None, given: str
) -> Scenario:
    """The scenario every point starts from: loaded (or patched) with ``overrides``, an
    error they cause naming ``given``."""
    from sim.scenario.loader import load_scenario
    from sim.scenario.patch import patch

    if isinstance(scenario, Scenario):
        return patch(scenario, dict(overrides or {}), given) if overrides else scenario
    return load_scenario(scenario, dict(overrides or {}), given)


def _analysed(
    names: list[str], runs: pd.DataFrame, metric: str, reps: int, second_order: bool, seed: int
) -> SobolResult:
    """The indices of the mean over replications at each point, with their bootstrap
    half-widths and the noise half-widths from each replication's own indices."""
    y = runs.groupby("point")[metric].mean().sort_index().to_numpy()
    indices = sobol_indices(names, y, second_order=second_order, seed=seed)
    per_rep = per_replication(
        names,
        runs,
        metric,
        lambda names, v: sobol_indices(names, v, second_order=second_order, resamples=10),
    )
    indices = indices.join(noise_halfwidths(per_rep, names))
    return SobolResult(indices, runs, metric, per_rep, reps)


def _write(out: Path, res: SobolResult, n: int) -> None:
    """sobol.csv, sobol-replications.csv, sobol.png and sobol.json (for the report)."""
    atomic_write(out / "sobol.csv", res.indices.to_csv())
    if res.per_rep is not None:
        atomic_write(out / "sobol-replications.csv", res.per_rep.to_csv(index=False))
    plot_sobol(res.indices, out / "sobol.png", title=f"Sobol indices of {res.metric}")
    warnings = res.warnings(n)
    about = {
        "metric": res.metric,
        "n": n,
        "reps": res.reps,
        "warning": res.uncertainty(n),
        "warnings": warnings,
        "noise": {
            **{k: _plain(res.indices[k]) for k in ("S1_reps", "S1_noise", "ST_reps", "ST_noise")},
            "replications_used": 0 if res.per_rep is None else res.per_rep["replication"].nunique(),
            "intervals_include_noise": False,
        },
    }
    atomic_write(out / "sobol.json", dump_json(about))


def _plain(column: pd.Series) -> dict[str, float | None]:
    return {str(k): (None if not np.isfinite(v) else float(v)) for k, v in column.items()}
