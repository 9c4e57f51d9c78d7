"""``bordersim reforms [NAME [SCENARIO]]``: the reform library on the command line.

Without NAME: every reform with its one-line mechanism. With NAME (a reform, or a composition
``A+B``, ``A>B``, with strengths ``A:K=V`` and dates ``A@60d``): its mechanism, strengths,
sources and the field changes it makes on SCENARIO (default: the bundled default).

Only the standard library is imported at start-up (like ``sim.cli``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def add_reforms_parser(sub: Any) -> None:
    """Add the ``reforms`` subcommand to the ``bordersim`` parser."""
    p = sub.add_parser(
        "reforms",
        help="list the reform library, or show one reform's field changes on a scenario",
        description="Without NAME, list every reform and its mechanism. With NAME (e.g. "
        "single_window, single_window:uptake=0.8, joint_inspection+training, "
        "joint_inspection@60d), show its mechanism, strengths, sources and the field changes "
        "it makes on SCENARIO.",
    )
    p.add_argument("name", nargs="?", metavar="NAME", help="a reform or a composition")
    p.add_argument(
        "scenario",
        nargs="?",
        type=Path,
        metavar="SCENARIO",
        help="scenario TOML file (default: the bundled scenarios/default.toml)",
    )


def run_reforms(args: argparse.Namespace) -> int:
    from sim.cli import UsageError
    from sim.reforms import REFORMS
    from sim.reforms.reform import MissingSection, ReformError

    if args.name is None:
        width = max(len(n) for n in REFORMS)
        for name, r in REFORMS.items():
            why = r.missing()
            note = f"  [not available: {why.split(' needs ', 1)[-1]}]" if why else ""
            print(f"{name:<{width}}  {r.mechanism}{note}")
        return 0
    try:
        return _show(args)
    except ReformError as exc:
        if args.scenario is None and isinstance(exc, MissingSection):
            # (the bundled default has no organisation: the reform is described above)
            print(
                f"note: {exc}; give a scenario that has one to see its field changes (the "
                f"bundled guangdong.toml: bordersim reforms {args.name} "
                "scenarios/guangdong.toml in a checkout)",
                file=sys.stderr,
            )
            return 0
        raise UsageError(str(exc)) from None


def _show(args: argparse.Namespace) -> int:
    from sim.cli import _load
    from sim.reforms.compose import parse

    plan = parse(args.name)
    for r in plan.reforms + [parse(label).reforms[0] for label, _ in plan.dated]:
        print(f"{r.name}: {r.mechanism}")
        for k, v in r.strengths.items():
            print(f"  strength {k} = {v!r}: {r.params[k].doc}")
        for s in r.sources:
            print(f"  source: {s}")
        if r.missing():
            print(f"  not available: {r.missing()}")
    for label, when in plan.dated:
        print(f"dated: {label} switches on at {when} (consignments arriving from then on)")
    scenario = _load(args.scenario, {})
    if any(r.missing() for r in plan.reforms):
        return 1
    changes = plan.fields(scenario)
    after = plan.apply(scenario)  # the changes validate
    print(
        f"field changes on scenario {scenario.name!r} (the model's units: times in hours, "
        "rates per hour):"
    )
    from sim.scenario.patch import get_path, scenario_data

    data, new = scenario_data(scenario), scenario_data(after)
    same = 0
    for dotted, value in changes.items():
        old = get_path(data, dotted)
        note = ""
        if old == get_path(new, dotted):  # (compared as validated: "0 h" and 0.0 alike)
            note, same = "  (already so: no change)", same + 1
        print(f"  {dotted}: {_short(old)} -> {_short(value)}{note}")
    if not changes:
        print(
            f"  (none: scenario {scenario.name!r} has none of the parts this reform acts on, "
            "so it changes nothing there)"
        )
    if changes and same == len(changes):
        print(
            f"this reform changes no field of scenario {scenario.name!r}: it is already in "
            "effect there (only its strengths, such as a transition, may still act)"
        )
    elif changes and (why := plan.no_effect(scenario)):
        print(f"these changes can have no effect in scenario {scenario.name!r}: {why}")
    elif changes and (part := plan.caveat(scenario)):
        print(f"only part of it can act in scenario {scenario.name!r}: {part}")
    return 0


def _short(value: Any) -> str:
    from sim.reforms.fields import rounded

    if isinstance(value, dict) and value.get("dist") == "deterministic":  # (a plain number,
        value = value.get("value")  # as validated: shown as the number the user writes)
    text = json.dumps(rounded(value), default=str)
    return text if len(text) <= 100 else text[:97] + "..."
