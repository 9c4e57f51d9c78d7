"""``bordersim org``: run a scenario's organisation and others side by side, print what
each structure does to escalations, alerts, directives and staff, and draw the trees."""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

STRUCTURES = ("spindle", "hybrid", "dumbbell")
SHOWN = (
    ("escalation_latency_h_mean", "escalation latency, mean (h)"),
    ("escalation_latency_h_p90", "escalation latency, p90 (h)"),
    ("alert_propagation_h_mean", "alert propagation, mean (h)"),
    ("alert_reach", "alert reach (share of alerts x ports)"),
    ("directive_propagation_h_mean", "directive propagation, mean (h)"),
    ("alert_units", "units an alert queues at, up + down (mean)"),
    ("org_hold_h_mean", "goods' wait per hold that held them (h)"),
    ("clearance_h_p90_import", "clearance p90, imports (h)"),
    ("clearance_h_p90_export", "clearance p90, exports (h)"),
    ("org_staff_heads", "organisation staff"),
    ("org_staff_cost_per_year", "staff cost per year (CNY)"),
)


def add_parser(sub: Any, add_settings: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser(
        "org",
        help="run a scenario's organisation in several structures and draw the trees",
        description="Run one replication of the scenario in each structure asked for (same "
        "seed) and print escalation latency, alert and directive propagation and staff; "
        "with --plot, draw the trees one above the other with staff and utilisation per unit.",
    )
    p.add_argument("scenario", type=Path, metavar="SCENARIO", help="scenario TOML file")
    p.add_argument(
        "--structures",
        default="spindle,dumbbell",
        help="comma-separated structures to compare (default spindle,dumbbell)",
    )
    from sim.cli import _seed

    p.add_argument("--seed", type=_seed, default=1, help="root seed, 0 or more (default 1)")
    p.add_argument("--plot", type=Path, metavar="FILE.png", help="write the trees to FILE.png")
    p.add_argument("--days", type=float, help="observed days (overrides the scenario's days)")
    add_settings(p)


def _names(structures: str) -> list[str] | None:
    """The structures asked for (None: an error said so on stderr)."""
    names = [s.strip() for s in structures.split(",") if s.strip()]
    bad = [s for s in names if s not in STRUCTURES]
    if bad or not names:
        what = f"unknown {', '.join(map(repr, bad))}" if bad else "none given"
        print(f"error: --structures: {what}; allowed: {', '.join(STRUCTURES)}", file=sys.stderr)
        return None
    return names


def _variants(scenario: Any, names: list[str], path: Path) -> dict[str, tuple[Any, Any]] | None:
    """Each structure's scenario and its checked tree, before anything runs (None: a tree
    that cannot work in one structure, said on stderr)."""
    from sim.scenario.org_tree import TreeError, check

    out = {}
    for name in names:
        org = scenario.organisation.model_copy(update={"structure": name})
        try:
            tree = check(org, list(scenario.ports))
        except TreeError as exc:
            print(f"error: {path} as the {name}: {exc}", file=sys.stderr)
            return None
        out[name] = (scenario.model_copy(update={"organisation": org}), tree)
    return out


def _writable(plot: Path) -> bool:
    """Whether the picture can be written where ``--plot`` says (else an error on stderr)."""
    folder = plot.parent if str(plot.parent) else Path(".")
    if folder.is_dir() and os.access(folder, os.W_OK) and not plot.is_dir():
        return True
    why = "is a folder" if plot.is_dir() else f"{folder} is not a folder that can be written"
    print(f"error: --plot {plot}: {why}; give a file in a folder that exists", file=sys.stderr)
    return False


def run(args: argparse.Namespace, load: Callable[[Path, dict[str, Any]], Any]) -> int:
    from sim.cli import settings_with_days
    from sim.model.run import simulate
    from sim.report.org_plot import draw_organisations, utilisation_by_unit

    scenario = load(args.scenario, settings_with_days(args))
    if scenario.organisation is None:
        print(f"error: {args.scenario} has no [organisation] section", file=sys.stderr)
        return 2
    names = _names(args.structures)
    variants = _variants(scenario, names, args.scenario) if names is not None else None
    if names is None or variants is None:
        return 2
    if args.plot and not _writable(args.plot):  # (before the runs, not after them)
        return 2
    panels, table = [], {}
    for name, (sc, tree) in variants.items():
        result = simulate(sc, args.seed)
        table[name] = result.metrics()
        panels.append((name, tree, utilisation_by_unit(result.resources)))
    for name, (sc, tree) in variants.items():
        table[name]["alert_units"] = alert_units(sc.organisation, tree, list(sc.ports))
    _print_table(table, names)
    print(
        f"one replication per structure (seed {args.seed}), so no intervals: a first look. For "
        f"differences with 95 % intervals: {compare_command(args.scenario, scenario, names)}"
    )
    _notes(scenario, variants)
    if args.plot:
        draw_organisations(panels).savefig(args.plot)
        print(f"trees written to {args.plot}")
    return 0


def _print_table(table: dict[str, dict[str, float]], names: list[str]) -> None:
    """The structures' figures, one row per :data:`SHOWN`."""
    width = max(len(label) for _, label in SHOWN)
    print(f"{'':{width}}  " + "  ".join(f"{n:>12}" for n in names))
    for key, label in SHOWN:
        cells = [table[n].get(key, math.nan) for n in names]
        whole = key.endswith(("_heads", "_per_year"))  # (whole people; a budget in units)
        spec = "12,.0f" if whole else "12,.2f"
        print(f"{label:{width}}  " + "  ".join(f"{c:{spec}}" for c in cells))


def alert_units(org: Any, tree: Any, ports: list[str]) -> float:
    """The units an alert queues at on its way, up from a seizure's port to the unit that
    issues it and down to a port it reaches, over every such pair of ports (each adds a
    transfer and a review: why one structure's alerts take longer than another's)."""
    level, hops = org.level_of("alert"), []
    for port in ports:
        up = tree.path(port, "alert", level)
        issuer = up[-1]
        for q in tree.ports_under(tree.scope_root(issuer)):
            hops.append(len(up) + len(tree.down(issuer, q, "alert")))
    return sum(hops) / len(hops) if hops else math.nan


def compare_command(path: Path, scenario: Any, names: list[str]) -> str:
    """The comparison of the structures in the table, with intervals: the first as the
    baseline (the scenario set to it, if it is not its own), the others as options."""
    own = scenario.organisation.structure
    base = [] if names[0] == own else [f"--set 'organisation.structure=\"{names[0]}\"'"]
    options = [f"--option '{n}:organisation.structure=\"{n}\"'" for n in names[1:]]
    return " ".join(["bordersim compare", str(path), *base, *options, "--reps 10"])


def _notes(scenario: Any, variants: dict[str, tuple[Any, Any]]) -> None:
    """On stderr: parts of the scenario that act on nothing, and the stated assumptions every
    structure's result rests on (the scenario's own included, when it is run with others)."""
    from sim.experiment.composition import assumptions, structure_assumptions
    from sim.scenario.dormant import unused_parts

    for message in unused_parts(scenario):  # (as run and compare say them)
        print(f"note: {message}", file=sys.stderr)
    runs = {n: sc for n, (sc, _) in variants.items()}
    moved = structure_assumptions(scenario, runs)
    own = scenario.organisation.structure  # (not run unless listed)
    if moved:  # (the own structure's figures, when run, rest on them as much)
        moved = {n: assumptions(sc.organisation) for n, sc in runs.items()}
    for why in dict.fromkeys(moved.values()):  # (as compare says it, once for all it fits)
        who = ", ".join(n for n, w in moved.items() if w == why)
        print(f"note ({who}; the scenario's own structure is {own}): {why}", file=sys.stderr)
    if scenario.organisation.generate is not None and "dumbbell" in runs:
        print("note (dumbbell): the generated dumbbell keeps the headcount and puts the "
              "deciding staff of every task the national level decides in national centres "
              "(the General Administration and its centres straight to the field points; the "
              "customs keep coordination only, as docs/DESIGN.md has it); the front line's "
              "inspection staff are the ports' lanes, the same in every structure. For "
              "decision staff at the front line, give the units yourself "
              "([organisation.units]).", file=sys.stderr)
