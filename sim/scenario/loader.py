"""Load a scenario file: TOML, ``extends`` chains, validation, and readable errors.

A bad file never produces a traceback: :class:`ScenarioError` names the file, the field path,
the bad value and what is allowed.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import tomllib
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from sim.scenario import limits
from sim.scenario.base import ByDirection
from sim.scenario.dist_hints import dist_hint, key_hint
from sim.scenario.files import MAX_SCENARIO_BYTES, FileProblem, deep_path, read_text
from sim.scenario.files import depth as nesting
from sim.scenario.inherit import (
    apply_drops,
    drop_paths,
    dropped_hint,
    emptied_entries,
    note_drops,
)
from sim.scenario.local_risks import BY_PORT
from sim.scenario.orders import WRITTEN
from sim.scenario.patch import RIVALS, PathProblem, displace, get_path, plain_changes, set_path
from sim.scenario.schema import Scenario
from sim.scenario.text_chars import control_problems
from sim.scenario.toml_errors import toml_problem

#: The scenarios shipped inside the package (``sim/scenarios``), found wherever it is installed.
BUNDLED = Path(__file__).resolve().parents[1] / "scenarios"


class ScenarioError(Exception):
    """A scenario that cannot be used, with every problem found."""

    def __init__(self, problems: list[tuple[str, str, Any, str]]):
        self.problems = problems  # (file, field path, bad value, what is wrong / allowed)
        super().__init__(self.format())

    def format(self) -> str:
        lines = []
        for file, path, value, msg in self.problems:
            where = f"{file}: {path}" if path else file
            shown = "" if value is _MISSING else f" = {_show(value)}"
            lines.append(f"{where}{shown}: {msg}")
        return "\n".join(lines)

    def reword(self, say: Callable[[str], str]) -> None:
        """Say each problem through ``say`` (the Python API's words for the command line's:
        :func:`sim.python_words.python_errors`), so that :meth:`format` and the message say
        the same; the file, field path and value as they were."""
        self.problems = [(file, path, value, say(msg)) for file, path, value, msg in
                         self.problems]
        self.args = (self.format(),)


_MISSING = object()


def _show(value: Any) -> str:
    if nesting(value) > limits.MAX_DEPTH:
        return "(nested too deeply to show)"
    if isinstance(value, dt.date | dt.time):  # a TOML date or time, unquoted
        return f"{value.isoformat()} (a date or time, not quoted)"
    if isinstance(value, bool):  # as the file or command line writes it (TOML), not Python
        return "true" if value else "false"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def default_scenario_path() -> Path:
    """The bundled default scenario (``scenarios/default.toml`` inside the package)."""
    return BUNDLED / "default.toml"


def load_scenario(
    path: str | Path | Mapping[str, Any],
    overrides: Mapping[str, Any] | None = None,
    source: str = "overrides",
) -> Scenario:
    """Read, merge (``extends``) and validate a scenario file (TOML), or read back a results
    folder's ``scenario.json`` (a path ending ``.json``: the resolved scenario of that run).
    A plain name (``"guangdong"``) where no such file is names a bundled scenario, as on the
    command line. A dict is taken as a scenario's data (as :func:`sim.scenario_data` gives
    it: times in hours, rates per hour, or written with units as in a file).

    ``overrides`` are applied last, by dotted path (``{"days": 7}``), as a user's command-line
    changes would be; an error they cause names ``source`` (the "overrides"; the command line
    passes "command line"), not the file.
    """
    if overrides is not None and not isinstance(overrides, Mapping):
        raise TypeError(
            "overrides must map dotted paths to values, e.g. {'days': 7}; got "
            f"{type(overrides).__name__}"
        )
    if isinstance(path, Mapping):
        from sim.scenario.patch import patch

        return patch(patch(dict(path), {}, "scenario data"), overrides or {}, source)
    path = Path(path)
    path = bundled_scenario(path) or path
    if path.suffix.lower() == ".json":
        from sim.scenario.check import load_resolved

        return load_resolved(path, overrides or {}, source)
    _no_plain_name(path)
    data, origin = _read_chain(path, [])
    return validate_changed(data, origin, path, overrides or {}, source)


def _no_plain_name(path: Path) -> None:
    """Refuse a plain name (no folder) that is no file here, with the bundled scenarios and
    the nearest name: a bundled scenario's, mistyped, is likelier than a file here (or a
    reform's name, given where a scenario goes)."""
    if not path.exists() and not path.is_symlink() and Path(path.name) == path:
        raise ScenarioError([(str(path), "", _MISSING, "no such file" + bundled_hint(path))])


def load_with_option(
    path: str | Path,
    overrides: Mapping[str, Any],
    changes: Mapping[str, Any],
    source: str,
    given: str = "command line",
) -> Scenario:
    """The scenario file with ``overrides`` (given on the command line, or where ``given``
    says), then ``changes`` from ``source`` (a comparison's option): an error the overrides
    cause names ``given``; one only ``changes`` cause names ``source``, whatever field it is
    found in. A plain name where no such file is names a bundled scenario; a ``.json`` is
    a results folder's resolved ``scenario.json``, as :func:`load_scenario` reads it."""
    path = bundled_scenario(Path(path)) or Path(path)
    if path.suffix.lower() == ".json":  # (a results folder's resolved scenario.json)
        from sim.scenario.check import load_resolved

        load_resolved(path, overrides, given)  # (an error of the overrides names them)
        return load_resolved(path, {**overrides, **changes}, source)
    _no_plain_name(path)
    data, origin = _read_chain(path, [])
    if not changes:
        return validate_changed(data, origin, path, overrides, given)
    validate_changed(data, origin, path, overrides, given)  # (sets them in data)
    origin = {**origin, **{tuple(k.split(".")): given for k in overrides}}
    return validate_changed(data, origin, path, changes, source)


def validate_changed(
    data: dict[str, Any],
    origin: dict[tuple, str],
    path: Path,
    changes: Mapping[str, Any],
    source: str,
) -> Scenario:
    """Apply ``changes`` (dotted path -> value) from ``source`` to ``data`` (whose keys
    ``origin`` maps to their files) and validate.

    An error that ``data`` alone does not have, found where a change was made, is the
    change's: it names ``source`` and (when one change lies in the table at fault) that
    change's path and value.
    """
    changes = plain_changes(changes, source)
    before = copy.deepcopy(data) if changes else data
    origin = dict(origin)
    done: list[str] = []
    for dotted, value in changes.items():
        problem = _new_entry(data, dotted) or _rival_set(data, dotted, value, done)
        if problem:
            raise ScenarioError([(source, dotted, value, problem)])
        try:
            set_path(data, dotted, value)
        except PathProblem as exc:
            raise ScenarioError([(source, dotted, value, str(exc))]) from None
        origin[tuple(dotted.split("."))] = source
        done.append(dotted)
    _check_depth(data, source if changes else str(path))
    try:
        return validate(data, origin, path)
    except ScenarioError as exc:
        if not changes:
            raise
        own = _problems_of(before, origin, path)
        problems = [_blame(p, own, before, changes, source) for p in exc.problems]
        raise ScenarioError(_created_needs(problems, before, changes, source)) from None


def _problems_of(data: dict[str, Any], origin: dict[tuple, str], path: Path) -> set[tuple]:
    """The (field path, message) of each problem ``data`` has (none when it is valid)."""
    try:
        validate(data, origin, path)
    except ScenarioError as exc:
        return {(dotted, msg) for _, dotted, _, msg in exc.problems}
    return set()


def _blame(
    problem: tuple[str, str, Any, str],
    own: set[tuple],
    before: dict[str, Any],
    changes: Mapping[str, Any],
    source: str,
) -> tuple[str, str, Any, str]:
    """``problem`` named after the changes, if they caused it (see :func:`validate_changed`):
    ``own`` are the problems of the data ``before`` the changes."""
    file, dotted, value, msg = problem
    if (dotted, msg) in own:
        return problem
    if own and not any(_touches(k, dotted, before) for k in changes):
        return problem  # the file is bad anyway, and no change was made here
    inside = [k for k in changes if not dotted or k == dotted or k.startswith(dotted + ".")]
    if len(inside) == 1:  # the one change in the table at fault: its path and value
        return (source, inside[0], changes[inside[0]], msg)
    return (source, dotted, value, msg)


def _created_needs(
    problems: list[tuple[str, str, Any, str]],
    before: dict[str, Any],
    changes: Mapping[str, Any],
    source: str,
) -> list[tuple[str, str, Any, str]]:
    """``problems`` with the required fields missing from a section that ``changes``
    created (absent from the data ``before`` them: ``risk.enabled = true`` on a scenario
    without ``[risk]``) told as one per section: the change that created it, and the fields
    it still needs (with what each is), so that the user sees why a field they never named
    is asked for."""
    made: dict[str, str] = {}  # the section created -> the first change that created it
    for change, value in changes.items():
        keys = change.split(".")
        last = len(keys) if isinstance(value, dict) else len(keys) - 1  # (a whole table)
        for n in range(1, last + 1):
            if get_path(before, ".".join(keys[:n])) is None:
                made.setdefault(".".join(keys[:n]), change)
                break
    missing = "required, but missing"

    def section_of(problem: tuple[str, str, Any, str]) -> str | None:
        file, dotted, _, msg = problem
        if file != source or msg != missing:
            return None
        return next((s for s in made if dotted.startswith(s + ".")), None)

    out, told = [], set()
    for problem in problems:
        section = section_of(problem)
        if section is None:
            out.append(problem)
        elif section not in told:
            told.add(section)
            needs = [p[1] for p in problems if section_of(p) == section]
            change = made[section]
            them = " and ".join(n + (f" ({d})" if (d := _described(n)) else "") for n in needs)
            out.append((source, change, changes[change], (
                f"created [{section}], absent from the scenario, which also needs {them}; "
                f"set {'it' if len(needs) == 1 else 'them'} too"
            )))
    return out


def _described(dotted: str) -> str | None:
    """The description in the schema of the scenario field at ``dotted`` (None: none)."""
    found = _walk(dotted)
    field = found[1] if found is not None else None
    return field.description if field is not None else None


def _walk(dotted: str) -> tuple[Any, FieldInfo | None] | None:
    """The schema's type at the scenario field ``dotted``, and the field it is (None: a
    value of a table); None when the schema has no such field."""
    model: Any = Scenario
    field: FieldInfo | None = None
    for part in dotted.split("."):
        model = _strip(model)
        if isinstance(model, type) and issubclass(model, BaseModel):
            field = _field(model, part)
            if field is None:
                return None
            model = field.annotation
        elif typing.get_origin(model) is dict:
            field, model = None, typing.get_args(model)[1]
        else:
            return None
    return model, field


def _touches(change: str, dotted: str, before: dict[str, Any]) -> bool:
    """Whether ``change`` was made at the field ``dotted``, inside it or around it, or
    created the table that holds it."""
    a, b = change.split("."), dotted.split(".") if dotted else []
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n > 0 and (n in (len(a), len(b)) or get_path(before, ".".join(a[:n])) is None)


def _along(keys: list[str]) -> Iterator[tuple[int, bool]]:
    """Walk the schema along a field path: for each key that names an entry of a table of
    named entries (``ports.<name>``), ``(its index, whether its entries have required
    fields)``; stops where the path leaves the schema's models and tables."""
    model: Any = Scenario
    for i, key in enumerate(keys):
        tp = _strip(model)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            field = _field(tp, key)
            if field is None:
                return
            model = field.annotation
        elif typing.get_origin(tp) is dict:
            model = typing.get_args(tp)[1]
            yield i, _needs_fields(model)
        else:
            return


def _new_entry(data: dict[str, Any], dotted: str) -> str | None:
    """Why setting ``dotted`` cannot work: it passes through a name missing from a table of
    named entries (``ports``) whose entries have required fields; setting one field of a
    new port cannot give it the rest."""
    keys = dotted.split(".")
    for i, needs in _along(keys[:-1]):
        node = get_path(data, ".".join(keys[:i])) if i else data
        if not isinstance(node, dict):
            return None  # (set_path says why)
        key = keys[i]
        if needs and key not in node:
            # the table by its whole path: `idling.ports` names fewer ports than `ports`
            table, noun = ".".join(keys[:i]), _noun(keys[i - 1])
            near = _near_entry(data, keys, i)
            return (
                f"unknown {noun} {key!r}"
                + (f"; did you mean {near!r}? The" if near else "; the")
                + f" scenario's {table} are "
                f"{', '.join(map(str, node)) or '(none)'} (a new {noun} cannot be created "
                f"by setting one of its fields: add [{table}.{key}] in a scenario file)"
            )
    return None


def _entry_at(keys: list[str]) -> int | None:
    """The index in ``keys`` (a field path) of the name of an entry of a table of named
    entries whose entries have required fields (``ports.<name>``), if the path has one."""
    return next((i for i, needs in _along(keys) if needs), None)


def _noun(table: str) -> str:
    """One entry of the table ``table`` (``ports``: port, ``commodities``: commodity)."""
    return table[:-3] + "y" if table.endswith("ies") else table.removesuffix("s")


def _near_entry(data: Mapping[str, Any], keys: list[str], at: int) -> str | None:
    """Another entry of the table holding ``keys[at]`` whose name is close to it (a typo)."""
    siblings = get_path(data, ".".join(keys[:at]))
    if not isinstance(siblings, Mapping):
        return None
    others = [str(k) for k in siblings if k != keys[at]]
    close = difflib.get_close_matches(keys[at], others, n=1, cutoff=0.75)
    return close[0] if close else None


def _misspelt_entries(
    problems: list[tuple[str, str, Any, str]], data: Mapping[str, Any]
) -> list[tuple[str, str, Any, str]]:
    """``problems`` with those of a new entry that lacks required fields and whose name is
    close to another's (``[ports.sea_prot.review]`` beside ``sea_port``) told as one: a
    misspelt name, not a port to complete."""
    entries: dict[str, tuple[str, str]] = {}  # entry's path -> (its near name, its noun)
    for _, dotted, _, msg in problems:
        keys = dotted.split(".")
        at = _entry_at(keys)
        if msg != "required, but missing" or at is None or at == len(keys) - 1:
            continue
        near = _near_entry(data, keys, at)
        if near is not None:
            entries.setdefault(".".join(keys[: at + 1]), (near, _noun(keys[at - 1])))
    if not entries:
        return problems
    out, told = [], set()
    for problem in problems:
        file, dotted, _, msg = problem
        entry = next((e for e in entries if dotted.startswith(e + ".")), None)
        if entry is None or msg != "required, but missing":
            out.append(problem)
        elif entry not in told:
            told.add(entry)
            near, noun = entries[entry]
            lacks = [
                p[1][len(entry) + 1 :]
                for p in problems
                if p[1].startswith(entry + ".") and p[3] == msg
            ]
            name = entry.rpartition(".")[2]
            out.append((file, entry, _MISSING, (
                f"unknown {noun} {name!r}; did you mean {near!r}? (as a new {noun} it lacks "
                f"the required fields {', '.join(lacks)})"
            )))
    return out


def _needs_fields(tp: Any) -> bool:
    """Whether ``tp`` is a model (a table) with fields that must be given."""
    return (
        isinstance(tp, type)
        and issubclass(tp, BaseModel)
        and any(f.is_required() for f in tp.model_fields.values())
    )


def _rival_set(data: dict[str, Any], dotted: str, value: Any, done: list[str]) -> str | None:
    """Why ``dotted`` cannot be set: an earlier change set its rival (:data:`RIVALS`), the
    ``schedule`` of a lane whose ``capacity`` it sets, say."""
    head, _, key = dotted.rpartition(".")
    if value is None:
        return None
    for rival in RIVALS.get(key, ()):
        there = f"{head}.{rival}" if head else rival
        if get_path(data, there) is None:
            continue
        if any(there == d or there.startswith(d + ".") for d in done):
            pair = sorted((key, rival))
            return f"give either {pair[0]!r} or {pair[1]!r}, not both ({there} is set too)"
    return None


def _check_depth(data: dict, file: str) -> None:
    if nesting(data) > limits.MAX_DEPTH:
        raise ScenarioError(
            [
                (
                    file,
                    deep_path(data, limits.MAX_DEPTH),
                    _MISSING,
                    f"tables and arrays nested more than {limits.MAX_DEPTH} levels deep; "
                    "a scenario needs far fewer",
                )
            ]
        )


def validate(data: dict[str, Any], origin: dict[tuple, str], path: Path) -> Scenario:
    """Validate merged data; turn pydantic's errors into :class:`ScenarioError`."""
    bad = control_problems(data, lambda at: _file_of(at, origin, path))
    if bad:  # (before the fields: a control character is refused in any text, known or not)
        raise ScenarioError(bad)
    try:
        return Scenario.model_validate(data, context={"base_dir": str(path.parent)})
    except RecursionError:
        raise ScenarioError(
            [(str(path), "", _MISSING, "nested too deeply to be a scenario")]
        ) from None
    except ValidationError as exc:
        problems = []
        seen = set()
        for err in _merge_unions(exc.errors(include_url=False)):
            loc = _clean_loc(err["loc"])
            cause = (err.get("ctx") or {}).get("error")
            sources = ""
            if isinstance(cause, limits.AtField):
                sources = _sources(cause.sources, loc, origin)
                sources += f"; {cause.hint}" if cause.hint else ""
                loc = loc + cause.path
                if cause.value is limits.UNSHOWN:
                    err = {**err, "input": _MISSING}
                elif cause.value is not limits.NOTHING:
                    err = {**err, "input": cause.value}
                elif err.get("input", _MISSING) is not _MISSING:
                    err = {**err, "input": _at(err["input"], cause.path)}
            dotted = ".".join(str(x) for x in loc)
            msg = _message(err, loc) + sources
            key = (dotted, msg)
            if key in seen:
                continue
            seen.add(key)
            value = err.get("input", _MISSING)
            if err["type"] == "missing" or not loc:
                value = _MISSING
            problems.append((_file_of(loc, origin, path), dotted, value, msg))
        raise ScenarioError(_misspelt_entries(dropped_hint(problems, origin), data)) from None


def _sources(sources: dict[str, tuple[str, ...]], table: tuple, origin: dict[tuple, str]) -> str:
    """Where each of a problem's ``sources`` (label -> path in ``table``) was set: the file (or
    command line) that set it or the field holding it, else the field's default; "" for
    none. A parent's value keeps its file through an ``extends`` chain."""
    said = []
    for label, path in sources.items():
        full = tuple(str(x) for x in (*table, *path))
        field = len(table) + 1  # (above the field itself, a file sets no value of it)
        found = next(
            (origin[full[:n]] for n in range(len(full), field - 1, -1) if full[:n] in origin),
            None,
        )
        said.append(f"{label} set in {found}" if found else f"{label} by default")
    return f" ({', '.join(said)})" if said else ""


#: what a share that may differ by direction (ByDirection) allows
_BY_DIRECTION = "a share from 0 to 1, or a table by direction {import = ..., export = ...}"


def _branch(part: Any) -> str | None:
    """What the union member pydantic names by ``part`` of a location allows
    (``literal['table']``: 'table'), or None when ``part`` names no member."""
    if not isinstance(part, str):
        return None
    if part.startswith("literal[") and part != "literal['unlimited']":
        return part[len("literal[") : -1].replace(", ", " or ")
    return _BY_DIRECTION if part == "ByDirection" else None


def _merge_unions(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """One error per field that fits no member of a union (``'table'`` or a rate): pydantic
    gives one per member, each located inside the member's name. The message names every
    member, then why the value fails the one it resembles (a table, say) when that says
    more than its type."""
    out: list[ErrorDetails] = []
    groups: dict[tuple, list[tuple[str, ErrorDetails]]] = {}
    for err in errors:
        at = next((i for i, part in enumerate(err["loc"]) if _branch(part)), None)
        if at is None:
            out.append(err)
            continue
        key = tuple(err["loc"][:at])
        if key not in groups:
            groups[key] = []
            out.append({**err, "type": "union_merged", "loc": key})  # (filled in below)
        groups[key].append((str(err["loc"][at]), err))
    for i, err in enumerate(out):
        if err["type"] != "union_merged":
            continue
        branches = groups[tuple(err["loc"])]
        allowed = list(dict.fromkeys(_branch(b) or b for b, _ in branches))
        msg = f"allowed: {', or '.join(allowed)}"
        inner = [(e["loc"], e) for b, e in branches if len(e["loc"]) > len(err["loc"]) + 1]
        if inner:
            loc, e = inner[0]
            where = ".".join(str(x) for x in loc[len(err["loc"]) + 1 :])
            if not isinstance(e.get("input"), dict) and not isinstance(err.get("input"), dict):
                where = ""  # (a number stands for every key of the table: no key to name)
            msg += f" ({where + ': ' if where else ''}{_message(e, tuple(loc))})"
        out[i] = {**err, "msg": msg, "input": branches[0][1].get("input")}
    return out


def _at(value: Any, path: tuple) -> Any:
    """The part of ``value`` at ``path`` (the whole value when it is not there)."""
    node = value
    for key in path:
        if isinstance(node, dict) and key in node:
            node = node[key]
        else:
            return _MISSING
    return node


def _parsed(path: Path, given: Path, stack: list[Path], problem: Any) -> dict:
    """The file's TOML as a table (``problem`` makes its errors: see :func:`_read_chain`):
    read within the size limit, parsed, and no deeper than the nesting limit."""
    try:
        text = read_text(path, MAX_SCENARIO_BYTES)
    except FileProblem as exc:
        if exc.missing and not stack:  # (the path looked at, if not the one given)
            looked = str(path) if str(path) != str(given) else _MISSING
            raise problem("no such file", looked) from None
        if exc.missing:  # a parent: say where it was looked for, and what is there
            raise problem(_missing_parent(path, stack[-1])) from None
        raise problem(str(exc)) from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise problem(toml_problem(exc, text)) from None
    except RecursionError:
        raise problem(
            f"not a usable scenario: tables or arrays nested more than "
            f"{limits.MAX_DEPTH} levels deep"
        ) from None
    if nesting(raw) > limits.MAX_DEPTH:
        where = deep_path(raw, limits.MAX_DEPTH)
        raise problem(
            f"{where}: tables or arrays nested more than {limits.MAX_DEPTH} levels deep; "
            "a scenario needs far fewer"
        )
    return raw


def _read_chain(path: Path, stack: list[Path]) -> tuple[dict, dict]:
    given = path
    try:
        path = path.resolve() if path.exists() else path
    except (OSError, RuntimeError):  # a symlink loop, a name too long
        pass
    _check_chain(path, stack)

    def problem(msg: str, value: Any = _MISSING) -> ScenarioError:
        if stack:  # a parent: name the file that extends it, and the parent
            return ScenarioError([(str(stack[-1]), "extends", str(path), msg)])
        return ScenarioError([(str(given), "", value, msg)])

    raw = _parsed(path, given, stack, problem)
    parent = raw.pop("extends", None)
    drops, wrong = drop_paths(raw, path, parent)
    if wrong:
        raise ScenarioError(wrong)
    origin = {k: str(path) for k in _leaves(raw)}
    if parent is None:
        return raw, origin
    if not isinstance(parent, str):
        raise ScenarioError([(str(path), "extends", parent, "must be a file name (a string)")])
    if not parent.strip():
        raise ScenarioError(
            [(str(path), "extends", parent, "is empty: give a bundled scenario's name or a file")]
        )
    parent_path = _parent_path(path, parent)
    base, base_origin = _read_chain(parent_path, [*stack, path])
    wrong = apply_drops(base, base_origin, drops, path, parent_path)
    wrong += emptied_entries(base, raw, path, parent_path, _names_entry)
    if wrong:
        raise ScenarioError(wrong)
    note_drops(base_origin, drops, path)
    for gone in _replaced(base, raw):  # (what is missing there is the child's to give)
        for key in [k for k in base_origin if len(k) > len(gone) and k[: len(gone)] == gone]:
            del base_origin[key]
    base_origin.update(origin)
    return _merge(base, raw), base_origin


def _names_entry(keys: list[str]) -> bool:
    """Whether ``keys`` (a field path) ends at an entry of a table of named entries whose
    entries have required fields (``ports.<name>``)."""
    return _entry_at(keys) == len(keys) - 1


def _replaced(base: dict, over: dict, prefix: tuple = ()) -> list[tuple]:
    """Paths of the tables of ``base`` that ``over`` replaces whole (:func:`_merge`: a
    table naming another distribution, or a value that is not a table)."""
    out: list[tuple] = []
    for k, v in over.items():
        old, key = base.get(k), (*prefix, k)
        if not isinstance(old, dict):
            continue
        if isinstance(v, dict) and v and v.get("dist", old.get("dist")) == old.get("dist"):
            out += _replaced(old, v, key)
        else:
            out.append(key)
    return out


def _check_chain(path: Path, stack: list[Path]) -> None:
    """Refuse an ``extends`` chain that comes back to a file of its own, or is too long."""
    if path in stack:
        chain = " -> ".join(str(p) for p in [*stack, path])
        raise ScenarioError(
            [(str(stack[0]), "extends", _MISSING, f"extends forms a cycle: {chain}")]
        )
    if len(stack) >= limits.MAX_EXTENDS:
        raise ScenarioError(
            [
                (
                    str(stack[-1]),
                    "extends",
                    str(path),
                    f"an extends chain of more than {limits.MAX_EXTENDS} files (from {stack[0]})",
                )
            ]
        )


def _missing_parent(path: Path, child: Path) -> str:
    """Why a parent named by ``extends`` was not found: where it was looked for, and the
    scenario files there (the nearest name as a hint; never ``child``, the file that extends
    it, nor a name that is not a file)."""
    names = {p.name for p in path.parent.glob("*.toml") if p.is_file() and p != child}
    names |= {p.name for p in BUNDLED.glob("*.toml")}
    near = _near_name(path.name, sorted(names))
    hint = f"; did you mean {near!r}?" if near else ""
    return (
        f"no such file beside the file that extends it, nor among the bundled scenarios "
        f"({', '.join(sorted(p.name for p in BUNDLED.glob('*.toml')))}){hint}"
    )


def bundled_scenario(path: Path) -> Path | None:
    """The bundled scenario a plain name (``guangdong`` or ``guangdong.toml``) names when
    no such file is here, as ``extends`` finds it; else None."""
    if path.exists() or path.is_symlink() or Path(path.name) != path or not path.name:
        return None
    for name in (path.name, f"{path.name}.toml"):
        if (BUNDLED / name).is_file():
            return BUNDLED / name
    return None


def as_named(path: str | Path) -> str:
    """A scenario as a command the user pastes should name it: a bundled scenario's file by
    its name (``beilun-border``, which every command takes), any other by its path as given
    (a machine's install path in a suggested command is noise, and breaks elsewhere)."""
    path = Path(path)
    if path.suffix == ".toml" and path.resolve().parent == BUNDLED and path.is_file():
        return path.stem
    return str(path)


def missing_scenario(path: Path) -> str:
    """Why the scenario file ``path`` was not found: the bundled scenarios (which a name alone
    gives) and the nearest name, beside it or bundled."""
    return f"scenario file not found: {path}" + bundled_hint(path)


def bundled_hint(path: Path) -> str:
    """The bundled scenarios, which a name alone gives, and the nearest name to ``path``'s,
    beside it or bundled (for a file not found)."""
    here = {p.name for p in path.parent.glob("*.toml") if p.is_file()} if (
        path.parent.is_dir()) else set()
    bundled = sorted(p.name for p in BUNDLED.glob("*.toml"))
    near = _near_name(path.name, sorted(here | set(bundled)))
    hint = ""
    if near is not None:
        hint = f"; did you mean {str(path.parent / near) if near in here else Path(near).stem}?"
    from sim.reforms import REFORMS

    if path.stem in REFORMS:
        hint = (f"; {path.stem} is a reform of the library, not a scenario: compare it with "
                f"--reforms {path.stem} (bordersim reforms {path.stem} gives its strengths)")
    return (
        f" (the bundled scenarios, which their name alone gives: "
        f"{', '.join(Path(n).stem for n in bundled)}){hint}"
    )


def _near_name(name: str, names: list[str]) -> str | None:
    """The file of ``names`` whose name is close to ``name`` (a typo, a missing suffix), if
    one is: names are compared without ``.toml``, which would make any two look alike."""
    stem = Path(name).stem
    stems = {Path(n).stem: n for n in names}
    close = difflib.get_close_matches(stem, list(stems), n=1, cutoff=0.75)
    if close:
        return stems[close[0]]
    longer = [n for s, n in stems.items() if len(stem) >= 4 and s.startswith(stem)]
    return longer[0] if len(longer) == 1 else None


def _parent_path(path: Path, parent: str) -> Path:
    """The file ``extends`` names: beside the file that names it, else (a plain name of a
    bundled scenario, such as ``default.toml``, or ``default`` as the command line takes it)
    the bundled one."""
    near = path.parent / parent
    if near.exists() or Path(parent).name != parent:
        return near
    for name in (parent, f"{parent}.toml"):
        if (BUNDLED / name).is_file():
            return BUNDLED / name
    return near


def _merge(base: dict, over: dict) -> dict:
    """Tables merge key by key; any other value (arrays included) replaces the base's, and
    so does a table naming another distribution (its keys are not the base's) and an empty
    table (``caps = {}``: it clears the base's, as a ``--set`` of ``{}`` does). A lane's
    ``capacity`` replaces the base's ``schedule`` and vice versa (:func:`displace`)."""
    out = dict(base)
    displace(out, over.keys())
    for k, v in over.items():
        old = out.get(k)
        if (
            isinstance(v, dict)
            and v
            and isinstance(old, dict)
            and v.get("dist", old.get("dist")) == old.get("dist")
        ):
            out[k] = _merge(old, v)
        else:
            out[k] = v
    return out


def _leaves(d: dict, prefix: tuple = ()) -> list[tuple]:
    out = []
    for k, v in d.items():
        key = (*prefix, k)
        out.append(key)
        if isinstance(v, dict):
            out.extend(_leaves(v, key))
    return out


def _file_of(loc: tuple, origin: dict[tuple, str], path: Path) -> str:
    for n in range(len(loc), 0, -1):
        f = origin.get(tuple(str(x) for x in loc[:n]))
        if f is not None:
            return f
    return str(path)


_TAGS = {"exponential", "lognormal", "gamma", "triangular", "uniform", "deterministic", "empirical"}


def _clean_loc(loc: tuple) -> tuple:
    """Drop pydantic's internal parts (union tags, validator names) from a location."""
    out = []
    for part in loc:
        if isinstance(part, str) and (
            part in _TAGS
            or part.startswith("function-")
            or part in ("int", "float", "str", "literal['unlimited']", BY_PORT)
        ):
            continue
        out.append(part)
    if out[:1] == ["orders"]:  # (control orders are written in the selection section)
        out[:1] = WRITTEN
    return tuple(out)


def _message(err: ErrorDetails, loc: tuple) -> str:
    kind = err["type"]
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    if kind == "extra_forbidden":
        # (a distribution's keys are those of the one its 'dist' names: a tag in pydantic's loc)
        tags = [x for x in err["loc"] if isinstance(x, str) and x in _TAGS]
        allowed = _allowed_keys(loc[:-1], tags[-1] if tags else None)
        msg = f"unknown key {loc[-1]!r}"
        if allowed:
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
            msg += f"; did you mean {close[0]!r}?" if close else ";"
            msg += f" Allowed here: {', '.join(allowed)}"
        msg += key_hint(tags[-1] if tags else None, str(loc[-1]))
    elif kind == "missing":
        msg = "required, but missing"
    elif kind in ("union_tag_invalid", "union_tag_not_found"):
        msg = f"unknown distribution; allowed 'dist' values: {', '.join(sorted(_TAGS))}"
        msg += dist_hint(err.get("input"))
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        msg = f"out of range: {msg.lower()}" + _percent_hint(err)
    elif kind in ("model_type", "model_attributes_type", "dict_type"):
        msg = _table_expected(err, loc)
    elif kind in ("too_short", "too_long"):
        ctx = err.get("ctx") or {}
        bound = ctx.get("min_length" if kind == "too_short" else "max_length")
        word = "at least" if kind == "too_short" else "at most"
        noun = "entry" if bound == 1 else "entries"
        msg = f"{word} {bound} {noun}; got {ctx.get('actual_length')}"
    return msg


def _percent_hint(err: ErrorDetails) -> str:
    """For a share (at most 1) given as a percentage (above 1, up to 100: ``ai_clear = 90``
    for 90 %), how to write it; else ''."""
    value, bound = err.get("input"), (err.get("ctx") or {}).get("le")
    if bound != 1 or isinstance(value, bool) or not isinstance(value, int | float):
        return ""
    if not 1 < value <= 100:
        return ""
    return f"; a share is from 0 to 1: write {value:g} % as {value / 100:g}"


def _table_expected(err: ErrorDetails, loc: tuple) -> str:
    """What a field that needs a table allows, when it got a value (plain words)."""
    if (err.get("ctx") or {}).get("class_name") == "ByDirection":
        return _BY_DIRECTION
    keys = _allowed_keys(loc)
    return "a table" + (f" with the keys {', '.join(keys)}" if keys else "")


def _allowed_keys(loc: tuple, tag: str | None = None) -> list[str]:
    """The keys a table at ``loc`` may hold, walking the schema (best effort); ``tag``: the
    distribution the table names, if it is one."""
    model: Any = Scenario
    for part in loc:
        model = _strip(model)
        if isinstance(model, type) and issubclass(model, BaseModel):
            field = _field(model, str(part))
            if field is None:
                return []
            model = field.annotation
        elif typing.get_origin(model) is dict:
            model = typing.get_args(model)[1]
        else:
            return []
    model = _member(model, tag) or _strip(model)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return [f.alias or name for name, f in model.model_fields.items()]
    return []


def number_kind(dotted: str) -> str | None:
    """What numbers the scenario field at ``dotted`` holds, by the schema: ``"real"`` (a
    share, a time, a rate: a float, possibly among other forms), ``"integer"`` (servers, a
    count), or None (not a number, or no such field)."""
    found = _walk(dotted)
    if found is None:
        return None
    kinds = _leaf_types(found[0])
    return "real" if float in kinds else "integer" if int in kinds else None


def _leaf_types(tp: Any) -> set[Any]:
    """The plain types a (possibly annotated) union holds (a share by direction holds a
    float: a number stands for both directions)."""
    if tp is ByDirection:
        return {float}
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _leaf_types(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return {t for arg in typing.get_args(tp) for t in _leaf_types(arg)}
    return {tp}


def _member(tp: Any, tag: str | None) -> Any:
    """The model in a (possibly annotated, optional) union whose ``dist`` is ``tag``, if any."""
    if tag is None:
        return None
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _member(typing.get_args(tp)[0], tag)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            found = _member(arg, tag)
            if found is not None:
                return found
        return None
    field = getattr(tp, "model_fields", {}).get("dist")
    return tp if field is not None and tag in typing.get_args(field.annotation) else None


def _field(model: type[BaseModel], key: str) -> FieldInfo | None:
    for name, f in model.model_fields.items():
        if key in (name, f.alias):
            return f
    return None


def _strip(tp: Any) -> Any:
    """Unwrap Annotated and Optional to the model type inside (first model in a union)."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            tp = models[0] if models else args[0]
        else:
            return tp
