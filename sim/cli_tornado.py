"""``bordersim tornado SCENARIO --reform NAME[:K=V,...] [--metric NAME ...] [--range
SETTING=LOW,HIGH ...] --reps R [--seed S] [--days D] [--set KEY=VALUE] [--format
markdown|latex] [--out DIR]``: whether a reform's effect keeps its sign across the settings
it rests on that no source fixes (:mod:`sim.experiment.tornado`), as one table for a paper
(:mod:`sim.report.paper_render`) and ``tornado.csv`` in the comparison's results folder.
Only the standard library is imported at start-up."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

#: the outcomes when no --metric is given
DEFAULT_METRICS = ("clearance_h_mean", "clearance_h_p90")


def _range(text: str) -> tuple[str, str, str]:
    """``SETTING=LOW,HIGH`` -> (setting, low, high), the ends as written."""
    key, eq, ends = text.partition("=")
    low, comma, high = ends.partition(",")
    if not (eq and comma and key.strip() and low.strip() and high.strip()) or "," in high:
        raise argparse.ArgumentTypeError(
            f"expected SETTING=LOW,HIGH (e.g. uptake=0.5,1 or "
            f"'organisation.transfer_to.national.mean=1 h,8 h'); got {text!r}")
    return key.strip(), low.strip(), high.strip()


def add_parser(sub: Any) -> None:
    from sim.cli import _add_executor, _add_settings, _reps, _seed, out_path

    p = sub.add_parser(
        "tornado",
        help="whether a reform's effect keeps its sign across its assumptions",
        description="Run a reform against the baseline with the same seeds (one "
        "comparison) with each setting its effect rests on that no source fixes (a strength "
        "the reform library marks as an assumption or that no source names, or a scenario "
        "field the library lists for it) at the low and the high end of a stated range, the "
        "others as given; a field's baseline runs at the same end. Print, per setting and "
        "outcome, the paired effect and its 95 % interval at each end and as given, and "
        "whether its sign holds or flips across the range (widest swing first), as a "
        "Markdown or LaTeX table; the ends and their reasons are in the notes, and "
        "tornado.csv in the results folder holds every figure. The intervals are "
        "run-to-run variation at each end: a flip whose ends' intervals cover 0 is not shown.",
    )
    p.add_argument("scenario", type=Path, metavar="SCENARIO",
                   help="scenario TOML file, or a bundled scenario's name")
    p.add_argument("--reform", required=True, metavar="NAME[:K=V,...]",
                   help="the reform, as --reforms takes one (one reform, undated); its "
                   "strengths as written give the effect as given")
    p.add_argument("--metric", action="append", metavar="NAME",
                   help="an outcome to give rows to (repeatable; default clearance_h_mean and "
                   "clearance_h_p90)")
    p.add_argument("--range", dest="ranges", action="append", type=_range, default=[],
                   metavar="SETTING=LOW,HIGH",
                   help="the ends of a setting instead of the library's (a strength of the "
                   "reform, or a dotted scenario field; repeatable); a strength the library "
                   "gives no range is varied only when given one here")
    p.add_argument("--reps", type=_reps, required=True, help="replications an option")
    p.add_argument("--seed", type=_seed, default=1, help="root seed, 0 or more (default 1)")
    p.add_argument("--days", type=float, help="observed days (overrides the scenario's days)")
    _add_settings(p)
    p.add_argument("--format", choices=("markdown", "latex"), default="markdown",
                   help="the table's markup: markdown (a pipe table) or latex (a table "
                   "float with a tabular; no package needed); default markdown")
    p.add_argument("--out", type=out_path, metavar="DIR",
                   help="results folder (default: a new results/tornado-<scenario>-<time>); "
                   "rerunning into it resumes")
    _add_executor(p)
    from sim.cli_lang import ENV, add_lang

    add_lang(p, f"language of the table, its notes and the messages (en or zh: Simplified "
                f"Chinese; default: the environment variable {ENV}, else en); tornado.csv "
                "stays in English")


def run(args: argparse.Namespace) -> int:
    """Run the comparison, write tornado.csv and the table; 2 with a clear error for a
    reform, range or outcome it cannot use."""
    from sim.cli_lang import chosen as language
    from sim.cli_zh_paper import error
    from sim.experiment import tornado as tn
    from sim.experiment.metric_names import MetricError
    from sim.experiment.options import OptionError
    from sim.reforms.reform import ReformError
    from sim.report.paper_table import PaperTableError

    args.lang = language(args)
    try:
        reform = tn.reform_of(args.reform)
        chosen, missing = tn.settings(reform, _spans(args.ranges))
        if not chosen:
            raise ReformError(f"reform {reform.name}: no setting to vary (no range is stated "
                              "for its assumptions); give one: --range SETTING=LOW,HIGH")
        return _run(args, reform, chosen, missing)
    except (ReformError, OptionError, MetricError, PaperTableError) as exc:
        print(error(str(exc), args.lang), file=sys.stderr)
        return 2


def _spans(ranges: list[tuple[str, str, str]]) -> dict[str, Any]:
    """The ``--range`` ends as spans, each end a number where it reads as one."""
    from sim.reforms.ranges import Span

    def value(text: str) -> Any:
        try:
            return float(text)
        except ValueError:
            return text

    return {k: Span(value(lo), value(hi), "given here (--range)") for k, lo, hi in ranges}


def _run(args: argparse.Namespace, reform: Any, chosen: list[Any], missing: list[str]) -> int:
    """The comparison into its folder, then the table printed and written beside it."""
    from sim.cli import _default_out, _executor, lock_out, settings_with_days
    from sim.experiment import tornado as tn
    from sim.report.paper_render import render
    from sim.scenario.loader import load_scenario

    overrides = settings_with_days(args)
    base = load_scenario(args.scenario, overrides)
    out = args.out or _default_out(base.model_copy(
        update={"name": f"tornado-{base.name}-{reform.name}"}))
    _check_metrics(args, base, reform)
    out = lock_out(Path(out), "compare")
    res = tn.run(args.scenario, reform, chosen, args.reps, args.seed, overrides=overrides,
                 out=out, executor=_executor(args), command=["bordersim", "tornado", *_argv(args)],
                 metrics=args.metric or None)  # (an outcome checked before any run)
    metrics = _metrics(args.metric, res)
    table = tn.tornado(res, reform, chosen, metrics)
    table.to_csv(out / "tornado.csv", index=False)
    from sim.cli_zh_paper import results
    from sim.report.paper_tornado import build

    paper = build(table, reform, res.meta, missing, out)
    if args.lang == "zh":
        from sim.report.zh_paper import chinese

        paper = chinese(paper)
    text = render(paper, args.format, args.lang)
    (out / ("tornado.tex" if args.format == "latex" else "tornado.md")).write_text(
        text, encoding="utf-8")
    sys.stdout.write(text)
    print(results(out, args.lang), file=sys.stderr)
    return 0


def _check_metrics(args: argparse.Namespace, base: Any, reform: Any) -> None:
    """Each ``--metric`` one the baseline or the reform yields, checked before any run and
    refused in the command's words (``--metric``, ``bordersim check``), which its Chinese
    error line says too."""
    from sim.experiment.metric_names import check_metrics, metric_names

    if args.metric:
        check_metrics(args.metric, [metric_names(base, args.scenario),
                                    metric_names(reform.apply(base))])


def _argv(args: argparse.Namespace) -> list[str]:
    """The command as asked (kept in the folder's history and under the table)."""
    from sim.scenario.loader import BUNDLED

    bundled = Path(args.scenario).resolve().parent == Path(BUNDLED).resolve()
    out = [Path(args.scenario).stem if bundled else str(args.scenario), "--reform", args.reform]
    for key, low, high in args.ranges:
        out += ["--range", f"{key}={low},{high}"]
    for metric in args.metric or []:
        out += ["--metric", metric]
    out += ["--reps", str(args.reps), "--seed", str(args.seed)]
    out += [] if args.days is None else ["--days", f"{args.days:g}"]
    from sim.reforms.reform import _item  # (a value as TOML writes it: --set reads it back)

    for key, value in args.settings:
        out += ["--set", f"{key}={_item(value)}"]
    out += [] if getattr(args, "lang", "en") == "en" else ["--lang", args.lang]
    return out + ["--format", args.format] + ([] if args.out is None else ["--out", str(args.out)])


def _metrics(asked: list[str] | None, res: Any) -> list[str]:
    """The outcomes asked for (default :data:`DEFAULT_METRICS`), each one the comparison
    measured; a PaperTableError naming the nearest for one it did not."""
    from sim.experiment.metric_names import did_you_mean
    from sim.report.paper_table import PaperTableError

    have = set(res.summary["metric"])
    chosen = asked or [m for m in DEFAULT_METRICS if m in have]
    for m in chosen:
        if m not in have:
            raise PaperTableError(f"--metric {m!r}: not a metric of this comparison"
                                  f"{did_you_mean(m, sorted(have))}")
    return list(chosen)
