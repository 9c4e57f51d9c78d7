"""``bordersim operating-curve [SCENARIO] --port NAME --clear C1,C2,... [--auc A1,A2,...]
[--share S1,...] --reps R [--seed S] [--days D] [--set KEY=VALUE] [--out DIR] [--lang en|zh]``:
an AI image reviewer's operating points at one port run on the same seeds, each against the
scenario's own point, and what the better of the AUCs is worth at each threshold
(:mod:`sim.experiment.operating_curve`). Only the standard library is imported at start-up."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import Any


def _floats(text: str) -> list[float]:
    """A comma-separated list of numbers."""
    try:
        return [float(v) for v in text.split(",") if v.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a list of numbers: {text!r} (give them separated by commas: 0.5,0.7)"
        ) from None


def add_parser(sub: Any) -> None:
    from sim.cli import _add_executor, _add_settings, _reps, _seed, out_path

    p = sub.add_parser(
        "operating-curve",
        help="an AI image reviewer's operating points at a port, paired, and an AUC's worth",
        description="Run the scenario at every AI operating point of one port (each AUC x "
        "share of images the AI reads x share of ordinary images it clears), on the same "
        "seeds as the scenario's own point (point 0). For each point: the AI's exact miss "
        "share (images that show illicit goods cleared unread), the share of ordinary "
        "images officers still read, the port's clearance, the image officers' utilisation, "
        "queue and wait, detection of tobacco, frozen goods and counterfeits and the value "
        "slipped, each as a paired difference from point 0 with its 95 % interval; with "
        "two AUCs or more, the highest against the lowest at each threshold, and the share "
        "the better one clears at the worse one's miss share. The AUC is the port's own "
        "(scan.image_review.ai_auc; point 0: its effective AUC, the scenario's "
        "enforcement.detection.ai_auc where the port gives none): the other ports keep "
        "their AI and its AUC. The results folder is a sweep's, with frontier.csv and "
        "auc-worth.csv.",
    )
    p.add_argument("scenario", nargs="?", type=Path, metavar="SCENARIO",
                   help="scenario file or bundled name (default: the bundled default)")
    p.add_argument("--port", required=True, metavar="NAME", help="the port whose AI it is")
    p.add_argument("--clear", type=_floats, required=True, metavar="C1,C2,...",
                   help="shares of ordinary AI-read images cleared (0 to 1)")
    p.add_argument("--auc", type=_floats, metavar="A1,A2,...",
                   help="AUCs of this port's AI (0.5 to 0.9999; default: the port's)")
    p.add_argument("--share", type=_floats, metavar="S1,S2,...",
                   help="shares of images the AI reads (0 to 1; default: the port's)")
    p.add_argument("--reps", type=_reps, required=True, help="replications a point")
    p.add_argument("--seed", type=_seed, default=1, help="root seed (default 1)")
    p.add_argument("--days", type=float, help="observed days (default: the scenario's)")
    _add_settings(p)
    p.add_argument("--out", type=out_path, help="results folder (default: a new "
                   "results/sweep-<scenario>-<time>); rerunning into it resumes")
    _add_executor(p)
    from sim.cli_lang import add_lang

    add_lang(p)  # (the lines and notes printed; the files written stay English)


def run(args: argparse.Namespace) -> int:
    from sim.cli import UsageError, _executor, lock_out, settings_with_days
    from sim.cli_lang import chosen
    from sim.experiment import operating_curve as oc
    from sim.experiment.sweep import sweep
    from sim.model.truth import port_ai_auc
    from sim.scenario.loader import default_scenario_path, load_scenario

    zh = chosen(args) == "zh"
    overrides = settings_with_days(args)
    path = args.scenario or default_scenario_path()
    base = load_scenario(path, overrides)
    review = _review(base, args.port)
    current = {"ai_auc": port_ai_auc(base, base.ports[args.port]),
               "ai_share": review.ai_share, "ai_clear": review.ai_clear}
    try:
        clears = oc.check_values("--clear", args.clear, 0.0, 1.0)
        aucs = oc.check_values("--auc", args.auc or [current["ai_auc"]], 0.5, 0.9999)
        shares = oc.check_values("--share", args.share or [current["ai_share"]], 0.0, 1.0)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    points = oc.design(current, args.port, aucs, clears, shares)
    if args.out is not None:
        out = lock_out(Path(args.out), "sweep")
    else:
        from sim.cli import _default_out

        out = lock_out(_default_out(base.model_copy(update={"name": f"sweep-{base.name}"})),
                       "sweep")
    rows = sweep(path, points, args.reps, args.seed, executor=_executor(args),
                 overrides=overrides, out=out, on_warning=_warner(zh),
                 command=["bordersim", "operating-curve", *_argv(args)])
    centre = review.pool
    _notes(base, args, rows, oc.key_metrics(args.port, centre), centre, len(points) == 1, zh)
    table = oc.frontier(rows, args.port, centre)
    table.to_csv(out / "frontier.csv", index=False)
    worth = None
    if len(aucs) > 1:
        worth = oc.auc_worth(rows, args.port, min(aucs), max(aucs), centre)
        worth.to_csv(out / "auc-worth.csv", index=False)
    said = _said_zh if zh else _said
    metrics = oc.key_metrics(args.port, centre)
    print("\n".join(said(args, metrics, table, worth, (min(aucs), max(aucs)), out)))
    return 0


def _said(args: argparse.Namespace, metrics: list[str], table: Any, worth: Any,
          aucs: tuple[float, float], out: Path) -> list[str]:
    """The lines printed on stdout: the heading, each point's, the AUCs' worth (``worth``,
    with two AUCs or more) and the results folder."""
    port, low, high, n = args.port, *aucs, len(table)
    said = [f"{port}: {n} operating point(s) x {args.reps} replication(s); "
            f"point 0 is the scenario's own; the AUC is {port}'s own AI's, the other "
            "ports keep their AI and its AUC; each figure is the point's mean and, after it, "
            "its paired difference from point 0 [95 % interval]; detection by type and value "
            "slipped are over every port (the others run on the same seeds)",
            *_lines(table, metrics, port)]
    if worth is not None:
        said += [f"\n{port}'s AUC {high:g} against {low:g} at the same threshold (paired "
                 "difference [95 % interval]); clear_same_miss: the share the better AI clears "
                 "at the worse one's miss share", *_worth_lines(worth, metrics, port)]
    return [*said, f"results: {out} (frontier.csv, auc-worth.csv with two AUCs or more, and "
            "the sweep's files)"]


def _said_zh(args: argparse.Namespace, metrics: list[str], table: Any, worth: Any,
             aucs: tuple[float, float], out: Path) -> list[str]:
    """:func:`_said` in Chinese (:mod:`sim.cli_zh_operating_curve`), the same figures."""
    from sim import cli_zh_operating_curve as zh

    port, low, high, n = args.port, *aucs, len(table)
    said = [zh.heading(port, n, args.reps), *zh.point_lines(table, metrics, port)]
    if worth is not None:
        said += [zh.worth_heading(port, high, low), *zh.worth_lines(worth, metrics, port)]
    return [*said, zh.results(out)]


def _warner(zh: bool) -> Any:
    """What tells of a doubt about a resumed folder, on stderr in the console's language."""
    from sim.cli_lang import line

    def told(message: str) -> None:
        print(line(f"warning: {message}", "zh" if zh else "en"), file=sys.stderr)

    return told


def _notes(base: Any, args: argparse.Namespace, rows: Any, metrics: list[str],
           centre: str, alone: bool = False, zh: bool = False) -> None:
    """On stderr, never silently: values that give only the scenario's own point (nothing
    to compare); a pooled port's officers are a review centre's; figures the runs did not
    measure are left out; the window's notes (short runs, one replication), as ``sweep``
    gives them; in Chinese with ``zh`` (:mod:`sim.cli_zh_operating_curve`)."""
    from sim import cli_zh_operating_curve as cn
    from sim.cli_lang import line
    from sim.model.window import window_notes

    said = []
    if alone:
        said.append(cn.alone_note() if zh else
                    "note: the values given make only the scenario's own point (point 0), so "
                    "no point is compared with it; give a --clear, --auc or --share other "
                    "than the scenario's")
    if centre:
        others = sorted(p for p, v in base.ports.items() if p != args.port and v.scan
                        and v.scan.image_review.pool == centre)
        said.append(cn.centre_note(args.port, centre, others) if zh else
                    f"note: {args.port}'s images are read at the review centre {centre!r}, "
                    f"shared with {', '.join(others) or 'no other port'}: the officers' "
                    "utilisation, queue and wait are the centre's")
    missing = [m for m in metrics if m not in rows.columns]
    if missing:
        said.append(cn.missing_note(missing) if zh else
                    f"note: not measured by these runs, so left out: {', '.join(missing)}")
    said += [line(n, "zh" if zh else "en")
             for n in window_notes(base.warmup_days, base.days, args.reps, points=True)]
    for text in said:
        print(text, file=sys.stderr)


def _review(scenario: Any, port: str) -> Any:
    from sim.cli import UsageError

    ports = scenario.ports
    if port not in ports:
        raise UsageError(f"--port {port!r}: no such port; the scenario's ports: "
                         f"{', '.join(ports)}")
    scan = ports[port].scan
    if scan is None:
        with_scan = [p for p, v in ports.items() if v.scan is not None]
        raise UsageError(f"--port {port!r} has no scanners, so no image review; ports with "
                         f"scanners: {', '.join(with_scan) or 'none'}")
    return scan.image_review


def _argv(args: argparse.Namespace) -> list[str]:
    """The command as asked (kept in the folder's history)."""
    out = [str(args.scenario)] if args.scenario else []
    out += ["--port", args.port, "--clear", ",".join(f"{v:g}" for v in args.clear)]
    for flag in ("auc", "share"):
        if getattr(args, flag):
            out += [f"--{flag}", ",".join(f"{v:g}" for v in getattr(args, flag))]
    out += ["--reps", str(args.reps), "--seed", str(args.seed)]
    return out + ([] if args.days is None else ["--days", f"{args.days:g}"])


def _short(metric: str, port: str) -> str:
    """A metric's name without the port, which the heading names."""
    if metric == f"detection_rate_port_{port}":
        return "detection_rate_this_port"
    for prefix in ("utilisation_", "queue_mean_", "wait_h_mean_"):
        if metric.startswith(prefix) and metric.endswith("_image_officers"):
            lane = metric.removeprefix(prefix).removesuffix("_image_officers")
            return prefix + ("officers" if lane == port else "centre_officers")
    return metric.replace(f"_port_{port}", "")


def _figure(value: float) -> str:
    if math.isnan(value):
        return "nan"
    return f"{value:.4g}" if abs(value) < 1e5 else f"{value:,.0f}"


def _change(rec: dict[str, Any], m: str) -> str:
    """A paired difference and its 95 % interval; one replication a point has none (its
    note says so), which is said in words rather than as ``[+nan, +nan]``."""
    low, high = rec[m + "_low"], rec[m + "_high"]
    span = ("[no interval]" if math.isnan(low) and math.isnan(high)
            else f"[{low:+.4g}, {high:+.4g}]")
    return f"{rec[m + '_diff']:+.4g} {span}"


def _lines(table: Any, metrics: list[str], port: str) -> list[str]:
    shown = [m for m in metrics if m in table.columns]
    out = []
    for rec in table.to_dict(orient="records"):
        out.append(f"point {rec['point']}: auc {rec['ai_auc']:g}, share {rec['ai_share']:g}, "
                   f"clear {rec['ai_clear']:g}; AI misses {rec['ai_miss']:.3f} of images "
                   f"that show something; officers read {rec['officers_read']:.3f} of "
                   "ordinary images" + ("" if rec["on_frontier"] else
                                        "; off the frontier (another point misses no more "
                                        "and leaves officers no more to read)")
                   + ("; UNSTABLE: a queue did not settle" if rec["unstable"] else ""))
        for m in shown:
            diff = "" if rec["point"] == 0 else f"  {_change(rec, m)}"
            out.append(f"  {_short(m, port):<26} {_figure(rec[m]):>12}{diff}")
    return out


def _worth_lines(table: Any, metrics: list[str], port: str) -> list[str]:
    out = []
    for rec in table.to_dict(orient="records"):
        out.append(f"share {rec['ai_share']:g}, clear {rec['ai_clear']:g}: AI misses "
                   f"{rec['miss_low']:.3f} -> {rec['miss_high']:.3f}; clear_same_miss "
                   f"{rec['clear_same_miss']:.3f}")
        for m in metrics:
            if f"{m}_diff" in rec:
                need = rec[f"{m}_reps_to_tell"]
                told = "" if math.isnan(need) else f"  (about {need:,.0f} replications to tell)"
                out.append(f"  {_short(m, port):<26} {_change(rec, m)}{told}")
    return out
