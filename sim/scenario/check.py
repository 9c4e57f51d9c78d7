"""What the Python entry points check of what they are given: the scenario, again, the seed,
the number of replications and flags.

A :class:`Scenario` is validated when it is loaded or patched, but pydantic's
``model_copy(update=...)`` makes a changed copy without validating it: a bad value is kept,
and a misspelt field is kept beside the fields, where no dump sees it. So ``simulate``,
``replicate``, ``compare`` and ``sweep`` validate the scenario they are given once more
(:func:`checked`; a few milliseconds for the default scenario), names that are not fields
included (:mod:`sim.scenario.strays`), and values it holds otherwise than validation reads
them, or cannot dump at all (:mod:`sim.scenario.as_given`), and refuse it with the loader's
:class:`ScenarioError`: the field path, the bad value and what is allowed. The same object
checked before and unchanged since is not validated again (:mod:`sim.scenario.validated`).
The program's own copies are not checked on the way (a reform's, a sweep point's), only as
they reach a run, as before.
"""

from __future__ import annotations

import json
import numbers
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sim.scenario.schema import Scenario

#: what an entry point's ``scenario`` may be, for a wrong type's message
ACCEPTED = "a Scenario (from sim.load_scenario) or the path of a scenario file (str or Path)"


def checked(scenario: Any, source: str | None = None) -> Scenario:
    """``scenario`` (a :class:`Scenario`, or a scenario file's path, then loaded) once it has
    been validated again: a :class:`ScenarioError` names ``source`` (default: "scenario
    NAME"), each field path, its value and what is allowed. A wrong type is a TypeError."""
    from sim.scenario.loader import load_scenario

    if isinstance(scenario, str | Path):
        return load_scenario(scenario)
    if not isinstance(scenario, Scenario):
        raise TypeError(f"scenario must be {ACCEPTED}; got {type(scenario).__name__}")
    from sim.scenario import validated

    source = source or f"scenario {scenario.name!r}"
    text = _fingerprint(scenario, source)
    if validated.known_valid(scenario, text):
        return scenario
    refuse_strays(scenario, source)
    refuse_changed(scenario, revalidate(scenario, source), source)
    validated.remember(scenario, text)
    return scenario


def _fingerprint(scenario: Scenario, source: str) -> str | None:
    """:func:`sim.scenario.validated.fingerprint` of ``scenario``; one that cannot be dumped
    (a part replaced by a value of another kind) is refused, naming its field path."""
    from sim.scenario import validated
    from sim.scenario.as_given import HOW, unreadable
    from sim.scenario.loader import ScenarioError

    try:
        return validated.fingerprint(scenario)
    except Exception:
        found = unreadable(scenario)
        if found is None:
            raise
        path, value, reason = found
        raise ScenarioError([(source, path, value, f"cannot be read as scenario data: "
                              f"{reason}; {HOW.format(path=path)}")]) from None


def refuse_changed(scenario: Scenario, valid: Scenario, source: str) -> None:
    """Refuse ``scenario`` where it holds a value otherwise than ``valid`` (the same validated
    again) does, as a bool for a number or text for hours (:mod:`sim.scenario.as_given`)."""
    from sim.scenario.as_given import differences, message
    from sim.scenario.loader import ScenarioError

    found = [(source, p, held, message(held, v, p))
             for p, held, v in differences(scenario, valid)]
    if found:
        raise ScenarioError(found)


def refuse_strays(scenario: Scenario, source: str) -> None:
    """Refuse ``scenario`` if it holds a name that is not a field (a misspelt field given to
    ``model_copy(update=...)``): a :class:`ScenarioError` naming ``source``, each name's
    field path, its value, the near field and the fields allowed."""
    from sim.scenario.loader import ScenarioError
    from sim.scenario.strays import strays

    found = [(source, path, value, msg) for path, value, msg in strays(scenario)]
    if found:
        raise ScenarioError(found)


def revalidate(scenario: Scenario, source: str) -> Scenario:
    """``scenario`` validated again from its own data (bare hours, rates per hour); errors
    name ``source`` as their file. Returns the new, equal, scenario."""
    from sim.scenario.loader import ScenarioError, validate
    from sim.scenario.patch import scenario_data
    from sim.scenario.units import canonical_units

    data = scenario_data(scenario)
    try:
        with canonical_units():
            return validate(data, {}, Path(source))
    except ScenarioError as exc:
        raise ScenarioError([(source, p, v, m) for _, p, v, m in exc.problems]) from None


def check_seed(seed: Any, name: str = "seed") -> int:
    """``seed`` as an int: a whole number >= 0 (an int or a numpy integer). A float, a bool or
    a string is refused, never rounded or read: 2.9 would run seed 2's replications."""
    return _whole(seed, name, 0)


def check_reps(reps: Any, name: str = "reps") -> int:
    """``reps`` as an int: a whole number >= 1 (an int or a numpy integer). A float, a bool or
    a string is refused, never rounded or read."""
    return _whole(reps, name, 1)


def _whole(value: Any, name: str, least: int) -> int:
    """``value`` as an int, a whole number >= ``least`` (TypeError for any other type,
    ValueError below ``least``)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"{name} must be a whole number >= {least} (an int); got {value!r} "
            f"({type(value).__name__})"
        )
    if value < least:
        raise ValueError(f"{name} must be a whole number >= {least} (an int); got {value!r}")
    return int(value)


def check_flag(value: Any, name: str) -> bool:
    """``value`` as a bool: True or False only ("yes", 1 or None is refused, not read as
    true or false)."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False; got {value!r} ({type(value).__name__})")
    return value


def load_resolved(
    path: Path, overrides: Mapping[str, Any], source: str, text: str | None = None
) -> Scenario:
    """A resolved scenario written as JSON (a results folder's ``scenario.json``: times in
    hours and rates per hour, without units), with ``overrides`` (named ``source`` in an error
    they cause) applied, validated: the scenario that run used. ``text``: the file's text as
    its caller already read it (so what was checked is what is loaded), else read here."""
    from sim.scenario.files import MAX_SCENARIO_BYTES, FileProblem, read_text
    from sim.scenario.loader import ScenarioError, validate_changed
    from sim.scenario.units import canonical_units

    twice: dict[int, tuple[str, list[Any]]] = {}  # an object's id -> its key given twice
    try:
        data = json.loads(
            read_text(path, MAX_SCENARIO_BYTES) if text is None else text,
            object_pairs_hook=lambda p: _object(p, twice),
        )
    except FileProblem as exc:
        raise ScenarioError([(str(path), "", str(path), _file_problem(exc))]) from None
    except (ValueError, RecursionError) as exc:
        raise ScenarioError([(str(path), "", str(path), f"not valid JSON: {exc}")]) from None
    if not isinstance(data, dict):
        raise ScenarioError(
            [(str(path), "", type(data).__name__, "a scenario.json holds one JSON object")]
        )
    if twice:
        where, key, values = _first_twice(data, twice)
        raise ScenarioError([(
            str(path), ".".join([*where, key]), values[-1],
            f"given twice in one JSON object ({', '.join(map(repr, values))}); JSON keeps "
            "only the last, so give each key once",
        )])
    with canonical_units():  # as written by a run: bare hours and rates per hour
        return validate_changed(data, {}, path, dict(overrides), source)


def _object(pairs: list[tuple[str, Any]], twice: dict[int, tuple[str, list[Any]]]) -> dict:
    """A JSON object from its ``pairs``; its first key given more than once, with each of its
    values, noted in ``twice`` by the object's id (json would keep the last, silently)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out and id(out) not in twice:
            twice[id(out)] = (key, [v for k, v in pairs if k == key])
        out[key] = value
    return out


def _first_twice(
    data: Any, twice: dict[int, tuple[str, list[Any]]]
) -> tuple[list[str], str, list[Any]]:
    """Where in ``data`` the first object noted in ``twice`` is (its path, key and values)."""
    stack: list[tuple[list[str], Any]] = [([], data)]
    while stack:
        where, node = stack.pop(0)
        if isinstance(node, dict) and id(node) in twice:
            key, values = twice[id(node)]
            return where, key, values
        items = node.items() if isinstance(node, dict) else enumerate(node) \
            if isinstance(node, list) else ()
        stack += [([*where, str(k)], v) for k, v in items]
    raise AssertionError("a noted object is in the data")


def _file_problem(exc: Exception) -> str:
    return "no such file" if getattr(exc, "missing", False) else str(exc)
