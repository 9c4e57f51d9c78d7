"""Change a scenario by dotted paths and validate it again: the one way a command line, a
comparison option or a reform changes a scenario.

``patch(scenario, {"inspection.mode": "separate"}, source="reform joint_inspection")`` returns a
new, re-validated :class:`Scenario`; any error is a :class:`ScenarioError` whose "file" is
``source``, so the user sees which reform (or option) set which field to which bad value.
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from sim.scenario.schema import Scenario
from sim.scenario.units import canonical_units


class PathProblem(ValueError):
    """A dotted path that cannot be set (a value stands where a table is needed)."""


#: Keys of a table that replace each other, the either/or choices of the schema: a lane's
#: ``capacity`` written over a table (by ``--set``, an option, a reform or a child file's
#: table) drops the ``schedule`` or ``shifts`` it had, and so on for each of the three; so
#: do a patrol's ``staff`` and ``schedule``, export loading's ``departures`` (with its
#: ``cutoff``), ``from_calls`` (departures made from the call pattern) and ``delay``, the
#: organisation's tree written out (``units``) and generated (``generate``), and a port's
#: calls listed (``arrivals.schedule``) and drawn from a pattern (``arrivals.calls``).
RIVALS: dict[str, tuple[str, ...]] = {
    "capacity": ("schedule", "shifts"),
    "schedule": ("capacity", "staff", "shifts", "calls"),
    "calls": ("schedule",),
    "shifts": ("capacity", "schedule"),
    "staff": ("schedule",),
    "departures": ("delay", "from_calls"),
    "delay": ("departures", "cutoff", "from_calls"),
    "from_calls": ("departures", "delay"),
    "units": ("generate",),
    "generate": ("units",),
}


def displace(table: dict[str, Any], written: Collection[str]) -> None:
    """Drop from ``table`` the rivals (:data:`RIVALS`) of the keys about to be ``written``
    over it. Called before writing: keys written together both stay (and are refused)."""
    for key in written:
        for rival in RIVALS.get(key, ()):
            if rival not in written:
                table.pop(rival, None)


def set_path(data: dict[str, Any], dotted: str, value: Any) -> None:
    """Set ``dotted`` (``"ports.sea_port.scan.scanners.capacity"``) in nested ``data`` to a copy
    of ``value``; ``None`` removes the key (TOML has no null). Missing tables are created.
    A lane's ``capacity`` replaces its ``schedule`` and vice versa (:func:`displace`)."""
    node = data
    keys = dotted.split(".")
    for depth, k in enumerate(keys[:-1]):
        if node.get(k) is None:  # (a scenario's data holds an absent section as None)
            node[k] = {}
        node = node[k]
        if not isinstance(node, dict):
            where = ".".join(keys[: depth + 1])
            raise PathProblem(f"{where} is a value, not a table: cannot set {dotted}")
    if value is None:
        node.pop(keys[-1], None)
    else:  # a copy: a later change must never write into the caller's own tables
        displace(node, (keys[-1],))
        node[keys[-1]] = copy.deepcopy(value)


def plain_changes(changes: Mapping[str, Any], source: str) -> dict[str, Any]:
    """``changes`` as a scenario file would give them: each key a dotted path whose quoted
    names are unquoted as the command line reads them (``selection.scan."*".general``), each
    value plain Python (numpy's numbers and arrays, as a sweep in code makes them, become
    ints, floats and lists). A key that is not a text is a :class:`ScenarioError`."""
    from sim.scenario.keys import KeyProblem, dotted_key
    from sim.scenario.loader import ScenarioError

    out: dict[str, Any] = {}
    for key, value in changes.items():
        if not isinstance(key, str):
            raise ScenarioError([(source, repr(key), value, "a change's key is a dotted path "
                                  "as text, e.g. 'ports.sea_port.scan.scanners.capacity'")])
        try:
            out[dotted_key(key)] = _plain(value)
        except KeyProblem as exc:
            raise ScenarioError([(source, key, value, str(exc))]) from None
    return out


def _plain(value: Any) -> Any:
    """``value`` with numpy's scalars and arrays (anywhere inside) as Python's own."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if type(value).__module__ == "numpy" and hasattr(value, "tolist"):
        return _plain(value.tolist())
    return value


def displaced(data: Mapping[str, Any], changes: Mapping[str, Any]) -> list[str]:
    """What ``changes`` replace in ``data`` by setting a rival (:data:`RIVALS`): a note per
    rival dropped, so that "8 teams" is not read as "8 teams in the same hours"."""
    notes = []
    for dotted, value in changes.items():
        head, _, key = dotted.rpartition(".")
        for rival in RIVALS.get(key, ()):
            there = f"{head}.{rival}" if head else rival
            old = get_path(data, there)
            if old is None or there in changes:
                continue
            notes.append(
                f"{dotted} = {value!r} replaces {there} ({_rival_said(rival, old)}); "
                f"set {there} instead to keep its shape"
            )
    return notes


#: what creating an optional section switches on, beyond its fields' defaults
SWITCHED_ON = {
    "risk": "the risk engine is then on and selects instead of the selection tables",
    "smuggling": "smuggling is then simulated",
    "organisation": "decisions then go through the organisation above the ports",
    "costs": "the run is then costed",
}


def created(data: Mapping[str, Any], changes: Mapping[str, Any]) -> list[str]:
    """A note per optional section that ``changes`` create by setting a field inside it
    when ``data`` (a scenario's, :func:`scenario_data`) lacks it: ``risk.target = 0.1``
    on a scenario without ``[risk]`` turns the engine on, with defaults for the rest."""
    made: dict[str, list[str]] = {}
    for dotted in changes:
        keys = dotted.split(".")
        for n in range(1, len(keys)):
            parent = get_path(data, ".".join(keys[: n - 1])) if n > 1 else data
            key = keys[n - 1]
            if isinstance(parent, Mapping) and key in parent and parent[key] is None:
                made.setdefault(".".join(keys[:n]), []).append(dotted)
                break
    notes = []
    for section, by in made.items():
        what = SWITCHED_ON.get(section)
        if what and changes.get(f"{section}.enabled") is False:
            what = None
        given = ", ".join(f"{k} = {changes[k]!r}" for k in by)
        notes.append(
            f"{given} creates the [{section}] section, absent from the scenario"
            + (f"; {what}" if what else "")
            + "; its other fields take their defaults (bordersim check shows them)"
        )
    return notes


#: what a rival field's list holds, as a note names its entries (a list of numbers in a
#: field not named here is a profile of hourly values)
LISTED = {"departures": "departure hours in the week", "shifts": "shifts", "calls": "calls",
          "units": "units"}


def _rival_said(rival: str, value: Any) -> str:
    """A displaced rival's value by what it is: a list of departure hours in the week, a
    profile of hourly values, a distribution, a list of entries, or the value itself."""
    numbers = isinstance(value, list) and value and all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in value)
    if numbers and rival == "departures":
        return (f"a list of {len(value)} {LISTED[rival]}, from hour {min(value):g} to "
                f"{max(value):g}")
    if numbers:
        return f"a profile of {_brief(value)}"
    if isinstance(value, Mapping) and "dist" in value:
        given = ", ".join(f"{k} {v:g}" if isinstance(v, int | float) else f"{k} {v}"
                          for k, v in value.items() if k != "dist" and v is not None)
        return f"a {value['dist']} distribution: {given}" if given else (
            f"a {value['dist']} distribution")
    if isinstance(value, list):
        return f"a list of {LISTED.get(rival, 'entries')}, {len(value)} in all"
    return f"the value {_brief(value)}"


def _brief(value: Any) -> str:
    if isinstance(value, list) and value and all(isinstance(v, int | float) for v in value):
        return f"{len(value)} hourly values from {min(value):g} to {max(value):g}"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def set_twice(settings: Sequence[tuple[str, Any]]) -> tuple[str, Any, str] | None:
    """The first field that ``settings`` (dotted key and value, in the order given, as
    ``--set`` gives them) set twice, as (field path, the later value, what is wrong); None
    when each is set once. A table's keys count as set (``arrivals = {extra = 1}`` sets
    ``arrivals.extra``), and a table given after a field inside it would drop that field."""
    seen: dict[str, tuple[Any, str]] = {}  # field -> (its value, the key that set it)
    for key, value in settings:
        fields = dict(fields_set(key, value))
        for field, v in fields.items():
            if field in seen:
                then = f"{_set_by(field, *seen[field])}, then {_set_by(field, v, key)}"
                return field, v, f"set twice ({then}); give it one value"
        for field, (old, _) in seen.items():
            if field.startswith(key + "."):
                return key, value, (
                    f"replaces the whole table {key}, dropping {field} = {_brief(old)} set "
                    f"before it; give {field} inside the table, or after it"
                )
        seen.update({field: (v, key) for field, v in fields.items()})
    return None


def _set_by(field: str, value: Any, key: str) -> str:
    return f"= {_brief(value)}" + ("" if key == field else f" inside {key}")


def fields_set(key: str, value: Any) -> list[tuple[str, Any]]:
    """The fields a setting of ``key`` to ``value`` sets: each key of a table, nested."""
    if not isinstance(value, dict) or not value:
        return [(key, value)]
    return [f for k, v in value.items() for f in fields_set(f"{key}.{k}", v)]


def get_path(data: Mapping[str, Any], dotted: str, default: Any = None) -> Any:
    """The value at ``dotted`` in nested ``data`` (``default`` when it is not there)."""
    node: Any = data
    for k in dotted.split("."):
        if not isinstance(node, Mapping) or k not in node:
            return default
        node = node[k]
    return node


def scenario_data(scenario: Scenario) -> dict[str, Any]:
    """A scenario as plain data that validates back to the same scenario."""
    return scenario.model_dump(mode="json", by_alias=True)


def patch(
    scenario: Scenario | dict[str, Any],
    changes: Mapping[str, Any],
    source: str = "changes",
    base_dir: str | Path = ".",
) -> Scenario:
    """``scenario`` with ``changes`` (dotted path -> value) applied, validated again: the way
    to change a scenario in code (``sim.patch(sc, {"days": 14})``; pydantic's
    ``model_copy(update=...)`` validates nothing). ``sim.patch`` is :func:`python_patch`.

    Values are written as in a scenario file (``"20 min"``, ``"15/h"``); a bare number in a
    duration or rate field is read as hours or per hour, the units the scenario holds. Errors
    (a path through a value, a bad value) name ``source`` (by default "changes": say who made
    them, e.g. "option faster_review") as their file, the field path and the bad value.
    """
    from sim.scenario.loader import ScenarioError, validate_changed

    if not changes and isinstance(scenario, Scenario):
        return scenario
    data = scenario_data(scenario) if isinstance(scenario, Scenario) else copy.deepcopy(scenario)
    try:
        with canonical_units():  # the data holds hours and rates per hour, without units
            new = validate_changed(data, {}, Path(base_dir) / f"<{source}>", changes, source)
    except ScenarioError as exc:
        # every problem names the change's source, even one found in a field it did not set
        problems = [(source, p, v, m) for _, p, v, m in exc.problems]
        missing = [p for _, p, _, m in problems if "missing" in m]
        raise ScenarioError(_nested_hint(changes, source, missing) + problems) from None
    if isinstance(scenario, Scenario):  # (its file and the changes so far, kept beside it)
        from sim.scenario.loaded_from import patched

        patched(scenario, new, changes, source)
    return new


def _nested_hint(
    changes: Mapping[str, Any], source: str, missing: list[str]
) -> list[tuple[str, str, Any, str]]:
    """For a change whose value is a dict (``{"ports": {"sea_port": {...}}}``, as pandas or
    pydantic would take it) that left fields of its table ``missing``: it replaced the whole
    table; say that changes are dotted paths, with the same change written so."""
    out = []
    for key, value in changes.items():
        inside = any(p.startswith(f"{key}.") for p in missing)
        if isinstance(value, Mapping) and value and inside:
            dotted = dict(list(_dotted(str(key), value).items())[:3])
            out.append((source, str(key), value,
                        f"a dict replaces the whole table {key} (what it leaves out is then "
                        f"missing); changes are dotted paths: {dotted!r}"))
    return out


def _dotted(prefix: str, value: Any) -> dict[str, Any]:
    """A nested dict as dotted paths to its leaves."""
    if not isinstance(value, Mapping) or not value:
        return {prefix: value}
    out: dict[str, Any] = {}
    for k, v in value.items():
        out.update(_dotted(f"{prefix}.{k}", v))
    return out


def python_patch(
    scenario: Scenario | dict[str, Any],
    changes: Mapping[str, Any],
    source: str = "changes",
    base_dir: str | Path = ".",
) -> Scenario:
    """``sim.patch``: ``scenario`` with ``changes`` (dotted path -> value) applied, validated
    again, as :func:`patch` makes it (``sim.patch(sc, {"days": 14})``; values as in a scenario
    file, errors naming ``source``, the field path and the bad value). A scenario holding a
    name that is not a field (a misspelt one given to ``model_copy(update=...)``, which the
    patch's dump would drop silently) is refused first, naming its path
    (:mod:`sim.scenario.strays`); the program's own patches (reforms, sweeps' points) skip
    that walk of every part."""
    if isinstance(scenario, Scenario):
        from sim.scenario.check import refuse_strays

        refuse_strays(scenario, f"scenario {scenario.name!r}")
    return patch(scenario, changes, source, base_dir)
