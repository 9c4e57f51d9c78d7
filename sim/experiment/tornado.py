"""Whether a reform's effect keeps its sign across its assumptions (``bordersim tornado``).

A comparison's intervals cover run-to-run variation only: the settings a reform's effect
rests on that no source fixes (its strengths the library marks as an assumption or that no
source names, and the scenario fields listed in :mod:`sim.reforms.ranges`) stay at one
value. Here each such setting with a stated span is set to its low and its high end, the
others at the reform's values, and the reform is run against the baseline at each end
with common random numbers: one comparison (:func:`sim.experiment.compare.compare`) holds
the baseline, the reform as given and every end, so every run shares its seeds. A field
setting also changes the baseline, so the baseline is run at that end too and the effect
is the reform's at that value. Each end's paired effect and its 95 % interval are made as a
sweep's points are (:func:`sim.experiment.sweep_pairs.point_differences`); a setting's sign
``holds`` when the effect as given and at both ends have one sign, ``flips`` when two of
them have opposite signs, and is ``zero at an end`` otherwise; ``shown`` says whether both
ends' intervals are clear of 0 (a flip inside run-to-run noise is not shown).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from sim.reforms.ranges import Span, span_of
from sim.reforms.reform import Reform, ReformError

#: the columns of :func:`tornado`'s table (``tornado.csv``)
COLUMNS = ["setting", "basis", "low", "high", "why", "metric", "given_mean", "given_ci_low",
           "given_ci_high", "low_mean", "low_ci_low", "low_ci_high", "high_mean", "high_ci_low",
           "high_ci_high", "n", "swing", "sign", "shown"]
HOLDS, FLIPS, ZERO = "holds", "flips", "zero at an end"


@dataclass(frozen=True)
class Setting:
    """One setting varied: a strength of the reform, or (dotted) a scenario field."""

    name: str
    basis: str
    span: Span

    @property
    def field(self) -> bool:
        return "." in self.name


def reform_of(text: str) -> Reform:
    """The one reform ``text`` names (``NAME[:K=V,...]``); a :class:`ReformError` for a
    combination or a dated reform, whose settings are not one reform's."""
    from sim.reforms.compose import parse_one, split_top

    if len(split_top(text, "+")) > 1 or len(split_top(text, ">")) > 1:
        raise ReformError(f"reform {text!r}: give one reform (its assumptions are varied "
                          "one at a time), not a combination")
    reform, when = parse_one(text)
    if when is not None:
        raise ReformError(f"reform {text!r}: give it undated (@{when}): the ends are "
                          "compared over the whole run")
    return reform


def settings(reform: Reform, given: Mapping[str, Span] | None = None,
             ) -> tuple[list[Setting], list[str]]:
    """The settings to vary (each with its span: ``given`` before the library's) and the
    names of the reform's assumption strengths no span is stated for. A strength backed by
    a source is varied only when ``given`` names it; a span's ends are checked as
    ``--reforms NAME:K=V`` checks them."""
    from sim.reforms.reform import RUNNING_COST, TRANSITION
    from sim.report.paper_assumptions import SOURCED, basis

    given = dict(given or {})
    out, missing = [], []
    for key, param in reform.params.items():
        said = basis(key, reform.sources)
        span = given.pop(key, None) or (None if said == SOURCED else span_of(reform.name, key))
        if span is None:
            unstated = said != SOURCED and param.kind in ("number", "whole")
            if unstated and key not in TRANSITION and key not in RUNNING_COST:
                missing.append(key)
            continue
        for end in (span.low, span.high):
            param.check(reform.name, key, end)
        out.append(Setting(key, said, span))
    from sim.reforms.ranges import RANGES

    fields = {k: s for k, s in RANGES.get(reform.name, {}).items() if "." in k}
    for key in [k for k in given if "." not in k]:
        raise ReformError(f"range {key!r}: not a strength of reform {reform.name} (its "
                          f"strengths: {', '.join(reform.params)}) nor a dotted scenario field")
    for key, span in {**fields, **given}.items():
        out.append(Setting(key, "assumption" if key in fields else "given here", span))
    return out, missing


def plan(reform: Reform, chosen: Sequence[Setting]) -> list[Any]:
    """The comparison's options: the reform as given, then each setting's two ends (a
    field's with the baseline at that end beside it)."""
    from sim.experiment.options import Option

    opts = [Option(reform.name, reform=reform.label)]
    for s in chosen:
        for end, value in (("low", s.span.low), ("high", s.span.high)):
            name = f"{s.name}.{end}"
            if s.field:
                opts += [Option(f"{name}.baseline", overrides={s.name: value}),
                         Option(name, overrides={s.name: value}, reform=reform.label)]
            else:
                opts.append(Option(name, reform=reform(**{s.name: value}).label))
    return opts


def run(scenario: str | Path, reform: Reform, chosen: Sequence[Setting], reps: int,
        seed: int = 1, **compare_args: Any) -> Any:
    """The comparison of :func:`plan`'s options on ``scenario`` (``compare_args``: those of
    :func:`sim.experiment.compare.compare`, e.g. ``overrides``, ``out``, ``executor``)."""
    from sim.experiment.compare import compare

    compare_args.setdefault("log", False)
    compare_args.setdefault("report", False)
    return compare(scenario, plan(reform, chosen), reps, seed, **compare_args)


def effect(per_rep: pd.DataFrame, option: str, reference: str) -> dict[str, dict[str, float]]:
    """``option`` - ``reference``, paired by replication: metric -> mean, ci_low, ci_high, n."""
    from sim.experiment.sweep_pairs import point_differences

    rows = per_rep[per_rep["option"].isin([reference, option])].copy()
    rows["point"] = (rows["option"] == option).astype(int)
    rows = rows.drop(columns=["option"])
    table = point_differences(rows, []).set_index("metric")[["mean", "ci_low", "ci_high", "n"]]
    return {str(m): {str(k): float(v) for k, v in r.items()}
            for m, r in table.to_dict("index").items()}


def tornado(res: Any, reform: Reform, chosen: Sequence[Setting],
            metrics: Sequence[str]) -> pd.DataFrame:
    """A row per setting and metric (:data:`COLUMNS`), each metric's settings by swing (the
    distance between the two ends' effects), the widest first."""
    given = effect(res.per_rep, reform.name, "baseline")
    rows = []
    for s in chosen:
        low, high = (effect(res.per_rep, f"{s.name}.{end}", reference(s, end))
                     for end in ("low", "high"))
        for m in metrics:
            g, lo, hi = given[m], low[m], high[m]
            rows.append({
                "setting": s.name, "basis": s.basis, "low": s.span.low, "high": s.span.high,
                "why": s.span.why, "metric": m,
                **{f"{k}_{c}": r[c] for k, r in (("given", g), ("low", lo), ("high", hi))
                   for c in ("mean", "ci_low", "ci_high")},
                "n": int(min(lo["n"], hi["n"])), "swing": abs(hi["mean"] - lo["mean"]),
                "sign": sign_verdict([g["mean"], lo["mean"], hi["mean"]]),
                "shown": all(_clear(r) for r in (lo, hi)),
            })
    table = pd.DataFrame(rows, columns=COLUMNS)
    order = {m: i for i, m in enumerate(metrics)}
    table["_m"] = table["metric"].map(order)
    table = table.sort_values(["_m", "swing"], ascending=[True, False], kind="stable")
    return table.drop(columns="_m").reset_index(drop=True)


def reference(setting: Setting, end: str) -> str:
    """The option an end's effect is paired against: the baseline, run at that end when
    the setting is a scenario field (it changes the baseline too)."""
    return f"{setting.name}.{end}.baseline" if setting.field else "baseline"


def sign_verdict(means: Sequence[float]) -> str:
    """``flips`` when two of ``means`` have opposite signs, ``zero at an end`` when one is 0
    and none is opposite, else ``holds``."""
    if any(m > 0 for m in means) and any(m < 0 for m in means):
        return FLIPS
    return ZERO if any(m == 0 for m in means) else HOLDS


def _clear(row: Mapping[str, float]) -> bool:
    """Whether an effect's interval is clear of 0 (both ends on one side)."""
    return row["ci_low"] > 0 or row["ci_high"] < 0
