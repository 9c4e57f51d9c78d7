"""How the sweep a results folder holds differs from a sweep asked to resume into it, for
the refusal to say (as a run's names the field that differs): its parameters, values or
ranges and sample (from the command its ``meta.json`` keeps), its number of points, its
points' values (``design.csv``), the ``--days`` and ``--set`` every point has (``meta.json``),
the scenario (``scenario.json``) and the seed; each as ``what then (this sweep: what now)``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

#: the options of ``bordersim sweep`` that make its points (with a value; ``--grid`` without)
_DESIGN_FLAGS = ("--param", "--range", "--grid", "--lhs", "--sobol", "--sample-seed")
_MOST = 3  # differing points or fields named; the rest counted


@dataclass(frozen=True)
class Asked:
    """The sweep asked for: its scenario (as the folder names it), points, overrides (as
    JSON values), resolved common scenario (or None) and command line (or None)."""

    scenario: str
    design: pd.DataFrame
    overrides: dict[str, Any]
    base: dict[str, Any] | None
    command: list[str] | None


def differences(folder: Path, old: dict[str, Any], asked: Asked) -> list[str]:
    """How the points of the sweep of ``folder`` (``old``: its meta.json) differ from those
    ``asked``: its design, its overrides, else its scenario."""
    found = _design(folder, old, asked) + _overrides(old.get("overrides"), asked.overrides)
    return found or _scenario(folder, old, asked)


def _design(folder: Path, old: dict[str, Any], asked: Asked) -> list[str]:
    """Other parameters, another number of points, or other values: from the commands when
    both are known (ranges and samples, not only their points), else from design.csv."""
    then, now = old.get("parameters"), [str(c) for c in asked.design.columns]
    if then != now:
        shown = ", ".join(map(str, then)) if isinstance(then, list) else "unknown"
        return [f"parameters {shown} (this sweep: {', '.join(now)})"]
    found = _flags(old.get("command"), asked.command)
    if old.get("points") != len(asked.design):
        found.append(f"{old.get('points')} points (this sweep: {len(asked.design)})")
    return found or _values(folder / "design.csv", asked.design)


def _flags(then: Any, now: list[str] | None) -> list[str]:
    """The options that make the points, where the two commands give them otherwise."""
    if not (isinstance(then, list) and now and then[:2] == now[:2] == ["bordersim", "sweep"]):
        return []
    found = []
    for flag in _DESIGN_FLAGS:
        was, is_ = _given(then, flag), _given(now, flag)
        if was != is_:
            found.append(f"{flag} {_shown(was)} (this sweep: {_shown(is_)})")
    return found


def _given(command: list[Any], flag: str) -> list[str]:
    """The values ``command`` gives ``flag`` (``["yes"]`` for ``--grid``), in order."""
    out = []
    args = [str(a) for a in command]
    for i, arg in enumerate(args):
        if arg == flag:
            out.append("yes" if flag == "--grid" else (args[i + 1] if i + 1 < len(args) else ""))
        elif arg.startswith(flag + "="):
            out.append(arg[len(flag) + 1:])
    return out


def _shown(values: list[str]) -> str:
    return " ".join(values) if values else "not given"


def _values(path: Path, design: pd.DataFrame) -> list[str]:
    """The points whose values differ from those ``design.csv`` holds."""
    import pandas as pd

    try:
        old = pd.read_csv(path, index_col="point")
    except (OSError, ValueError, UnicodeDecodeError):
        return []
    found = []
    for i in range(min(len(old), len(design))):
        for key in design.columns:
            was, is_ = old.iloc[i].get(key), design.iloc[i][key]
            if not _same(was, is_):
                found.append(f"point {i}: {key} {_brief(was)} (this sweep: {_brief(is_)})")
    more = f" and {len(found) - _MOST} more" if len(found) > _MOST else ""
    return [", ".join(found[:_MOST]) + more] if found else []


def _same(a: Any, b: Any) -> bool:
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return str(a) == str(b)


def _overrides(then: Any, now: dict[str, Any]) -> list[str]:
    """``--days`` and ``--set`` given otherwise (every point has them)."""
    then = then if isinstance(then, dict) else {}
    now = json.loads(json.dumps(now, default=str))
    found = []
    for key in [*then, *(k for k in now if k not in then)]:
        if key in then and key in now and _same_json(then[key], now[key]):
            continue
        flag = "--days" if key == "days" else f"--set {key}"
        was = _brief(then[key]) if key in then else "not given"
        is_ = _brief(now[key]) if key in now else "not given"
        found.append(f"{flag} {was} (this sweep: {is_})")
    return found


def _same_json(a: Any, b: Any) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float):
        return float(a) == float(b)
    return bool(a == b)


def _scenario(folder: Path, old: dict[str, Any], asked: Asked) -> list[str]:
    """Another scenario file, or the same one changed: its fields, from scenario.json."""
    from sim.experiment.store import scenario_differences

    name = f"scenario {old.get('scenario')!r}"
    if old.get("scenario") != asked.scenario:
        name += f" (this sweep: {asked.scenario!r})"
    try:
        then = json.loads((folder / "scenario.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        then = None
    found = scenario_differences(then, asked.base, this="this sweep") if (
        then is not None and asked.base is not None) else []
    if not found:
        return [f"{name}, whose points' scenarios differ"]
    more = f" and {len(found) - _MOST} more field(s)" if len(found) > _MOST else ""
    return [f"{name} with {', '.join(found[:_MOST])}{more}"]


def _brief(value: Any) -> str:
    from sim.experiment.store import _brief as brief

    if hasattr(value, "item"):  # (a numpy scalar)
        value = value.item()
    return brief(value)
