"""Load a scenario file: TOML, ``extends`` chains, validation, and readable errors.

A bad file never produces a traceback: :class:`ScenarioError` names the file, the field path,
the bad value and what is allowed.
"""

from __future__ import annotations

import difflib
import tomllib
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from sim.scenario.schema import Scenario

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


_MISSING = object()


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def default_scenario_path() -> Path:
    """The bundled default scenario (``scenarios/default.toml`` inside the package)."""
    return BUNDLED / "default.toml"


def load_scenario(path: str | Path, overrides: dict[str, Any] | None = None) -> Scenario:
    """Read, merge (``extends``) and validate a scenario file.

    ``overrides`` are applied last, by dotted path (``{"days": 7}``), as a user's command-line
    changes would be.
    """
    path = Path(path)
    data, origin = _read_chain(path, [])
    for dotted, value in (overrides or {}).items():
        node = data
        keys = dotted.split(".")
        for depth, k in enumerate(keys[:-1]):
            node = node.setdefault(k, {})
            if not isinstance(node, dict):
                where = ".".join(keys[: depth + 1])
                raise ScenarioError(
                    [
                        (
                            "command line",
                            dotted,
                            value,
                            f"{where} is a value, not a table: cannot set {dotted}",
                        )
                    ]
                )
        if value is None:
            node.pop(keys[-1], None)  # None removes a key (TOML has no null)
        else:
            node[keys[-1]] = value
        origin[tuple(keys)] = "command line"
    return validate(data, origin, path)


def validate(data: dict[str, Any], origin: dict[tuple, str], path: Path) -> Scenario:
    """Validate merged data; turn pydantic's errors into :class:`ScenarioError`."""
    try:
        return Scenario.model_validate(data, context={"base_dir": str(path.parent)})
    except ValidationError as exc:
        problems = []
        seen = set()
        for err in exc.errors(include_url=False):
            loc = _clean_loc(err["loc"])
            dotted = ".".join(str(x) for x in loc)
            msg = _message(err, loc)
            key = (dotted, msg)
            if key in seen:
                continue
            seen.add(key)
            value = err.get("input", _MISSING)
            if err["type"] == "missing" or not loc:
                value = _MISSING
            problems.append((_file_of(loc, origin, path), dotted, value, msg))
        raise ScenarioError(problems) from None


def _read_chain(path: Path, stack: list[Path]) -> tuple[dict, dict]:
    path = path.resolve() if path.exists() else path
    if path in stack:
        chain = " -> ".join(str(p) for p in [*stack, path])
        raise ScenarioError(
            [(str(stack[0]), "extends", _MISSING, f"extends forms a cycle: {chain}")]
        )
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        where = str(stack[-1]) if stack else str(path)
        raise ScenarioError(
            [(where, "extends" if stack else "", str(path), "no such file")]
        ) from None
    except OSError as exc:
        raise ScenarioError([(str(path), "", _MISSING, f"cannot read: {exc.strerror}")]) from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError([(str(path), "", _MISSING, f"not valid TOML: {exc}")]) from None
    parent = raw.pop("extends", None)
    origin = {k: str(path) for k in _leaves(raw)}
    if parent is None:
        return raw, origin
    if not isinstance(parent, str):
        raise ScenarioError([(str(path), "extends", parent, "must be a file name (a string)")])
    base, base_origin = _read_chain(path.parent / parent, [*stack, path])
    base_origin.update(origin)
    return _merge(base, raw), base_origin


def _merge(base: dict, over: dict) -> dict:
    """Tables merge key by key; any other value (arrays included) replaces the base's."""
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
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
            part in _TAGS or part.startswith("function-") or part in ("int", "literal['unlimited']")
        ):
            continue
        out.append(part)
    return tuple(out)


def _message(err: ErrorDetails, loc: tuple) -> str:
    kind = err["type"]
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    if kind == "extra_forbidden":
        allowed = _allowed_keys(loc[:-1])
        msg = f"unknown key {loc[-1]!r}"
        if allowed:
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
            if close:
                msg += f"; did you mean {close[0]!r}?"
            msg += f" Allowed here: {', '.join(allowed)}"
    elif kind == "missing":
        msg = "required, but missing"
    elif kind in ("union_tag_invalid", "union_tag_not_found"):
        msg = f"unknown distribution; allowed 'dist' values: {', '.join(sorted(_TAGS))}"
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        msg = f"out of range: {msg.lower()}"
    return msg


def _allowed_keys(loc: tuple) -> list[str]:
    """The keys a table at ``loc`` may hold, walking the schema (best effort)."""
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
    model = _strip(model)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return [f.alias or name for name, f in model.model_fields.items()]
    return []


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
