"""A hostile user's battery: mutations of every leaf of every bundled scenario, broken files,
``extends`` and CSV tricks, and command-line arguments.

Each :class:`Case` is tagged with the root cause of the hardening issue it probes:

1. numbers finite and bounded          4. the command's own inputs
2. no silent coercion                  6. nothing leaks, nothing escapes
3. files that are not what they seem

(Results folders, cause 5, are tested in ``tests/test_store.py``.)

Every case must end in one of two ways: a clean scenario error (exit 2 through the command,
:class:`ScenarioError` through the API) whose message names the file and the field path, or a
scenario that is safe to run (:func:`unsafe_reason` finds nothing). A traceback, a hang or an
unsafe scenario is a failure.

``python tests/battery.py`` runs every case and prints the counts by root cause;
``tests/test_battery.py`` runs a sample in CI and everything under ``-m battery``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import math
import os
import random
import re
import signal
import stat
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DELETE = object()  # mutation: remove the key

#: What "safe to run" means to the battery, independently of the schema's own limits.
SAFE_MAX_HOURS = 100 * 366 * 24  # no time, sampled or given, beyond 100 years
SAFE_MAX_SERVERS = 1e6
SAFE_MAX_COUNT = 1e7  # declarations per call, containers per declaration, lab batch
SAFE_MAX_CONSIGNMENTS = 1e9  # expected per run
SAFE_MAX_QUEUE_SAMPLES = 1e8
U_GRID = (0.0, 1e-300, 1e-12, 0.25, 0.5, 0.75, 1 - 1e-12, math.nextafter(1.0, 0.0))

CAUSES = {
    1: "numbers finite and bounded",
    2: "no silent coercion",
    3: "files that are not what they seem",
    4: "the command's own inputs",
    6: "nothing leaks, nothing escapes",
}

SECRET = "TOP-SECRET-DO-NOT-ECHO"


@dataclass(eq=False)
class Case:
    id: str
    cause: int
    #: files to write into the case's folder (bytes, or a callable that makes it at ``path``)
    files: dict[str, bytes | Callable[[Path], None]]
    #: the scenario to load, relative to the folder
    main: str = "scenario.toml"
    #: the field path the message must name (a prefix of it is enough); None: any
    field: str | None = None
    #: command-line arguments after ``bordersim`` ({dir} is the case's folder); None: API
    argv: list[str] | None = None
    #: words that must not appear in the message (leaks)
    forbidden: tuple[str, ...] = ()
    #: the mutation was a boolean (a load that accepts it coerced it)
    boolean: bool = False
    #: the exit statuses this command case may end with (besides 2)
    ok_status: tuple[int, ...] = ()
    #: extra conditions on the message (substrings)
    needs: tuple[str, ...] = ()
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)


# -- a small TOML writer (tomllib only reads) ----------------------------------------------


def _key(k: str) -> str:
    return json.dumps(k, ensure_ascii=False)


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(x)}" for k, x in v.items()) + "}"
    raise TypeError(type(v))


def dumps(data: dict[str, Any]) -> str:
    """TOML for ``data``: one ``key = value`` line per top-level key, tables inline."""
    return "".join(f"{_key(k)} = {_value(v)}\n" for k, v in data.items())


# -- leaf mutations ------------------------------------------------------------------------


def _is_duration(s: str) -> bool:
    from sim.scenario.units import parse_duration

    try:
        parse_duration(s)
    except ValueError:
        return False
    return True


def _is_rate(s: str) -> bool:
    from sim.scenario.units import parse_rate

    try:
        parse_rate(s)
    except ValueError:
        return False
    return "/" in s


def _is_clock(s: str) -> bool:
    return len(s) in (4, 5) and s.count(":") == 1 and s.replace(":", "").isdigit()


NUMBERS: list[Any] = [
    -1,
    0,
    0.5,
    math.nan,
    math.inf,
    -math.inf,
    1e300,
    1e-300,
    9.2e18,
    2**63 - 1,
    "3",
    "abc",
    True,
    False,
    [],
    {},
]
DURATIONS: list[Any] = [
    "-1 h",
    "0 h",
    "nan h",
    "inf h",
    "1e300 h",
    "1e30 d",
    "1e-300 h",
    "1e6 w",
    15,
    "15 parsecs",
    "",
    True,
    [],
]
RATES: list[Any] = [
    "1e300/d",
    "1e12/h",
    "-1/d",
    "0/h",
    "1e-300/h",
    "5/0 h",
    "1/1e-300 h",
    "inf/h",
    "5 per day",
    5,
    True,
]
CLOCKS: list[Any] = ["25:00", "24:30", "9:99", "-1:00", 9, True]
STRINGS: list[Any] = [1, True, "", "x" * 5000, "../../../../tmp/escape"]


def _walk(node: Any, path: tuple) -> Iterator[tuple[tuple, Any]]:
    yield path, node
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _walk(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk(v, (*path, i))


def _set(data: Any, path: tuple, value: Any) -> Any:
    """A deep copy of ``data`` with ``path`` set to ``value`` (or deleted)."""
    out = json.loads(json.dumps(data))  # the bundled scenarios hold no NaN
    node = out
    for k in path[:-1]:
        node = node[k]
    if value is DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return out


def _dist_mutations(d: dict[str, Any]) -> list[dict[str, Any]]:
    dur = any(isinstance(v, str) and _is_duration(v) for v in d.values())
    big, one = ("1e300 h", "1 h") if dur else (1e300, 1)
    inf = "inf h" if dur else math.inf
    out: list[dict[str, Any]] = [
        {"dist": "lognormal", "mean": one, "cv": 1e200},
        {"dist": "lognormal", "mean": one, "cv": math.inf},
        {"dist": "lognormal", "mean": one, "cv": math.nan},
        {"dist": "lognormal", "mean": one, "cv": 50.0},
        {"dist": "lognormal", "mean": one, "cv": True},
        {"dist": "lognormal", "mean": big, "cv": 0.5},
        {"dist": "gamma", "mean": one, "cv": 1e-9},
        {"dist": "gamma", "mean": one, "cv": 1e9},
        {"dist": "exponential", "mean": big},
        {"dist": "exponential", "mean": inf},
        {"dist": "triangular", "low": 0 if not dur else "0 h", "mode": one, "high": big},
        {"dist": "uniform", "low": one, "high": big},
        {"dist": "deterministic", "value": big},
        {"dist": "empirical", "values": [math.nan]},
        {"dist": "empirical", "values": [one, math.inf] if not dur else [one, "inf h"]},
        {"dist": "empirical", "values": []},
        {"dist": "empirical", "values": [True, False]},
        {"dist": "weibull", "mean": one},
        {"mean": one},
    ]
    if dur:
        out.append({"dist": "empirical", "values": [1e300], "unit": "h"})
        out.append({"dist": "empirical", "values": [math.inf], "unit": "h"})
    return out


def mutations(data: dict[str, Any]) -> Iterator[tuple[tuple, Any, int]]:
    """(path, new value, root cause) for every leaf and table of ``data``."""
    for path, node in _walk(data, ()):
        if not path:
            continue
        last = path[-1]
        if isinstance(node, bool):
            values = [0, 1, "true", 2]
        elif isinstance(node, int | float):
            values = NUMBERS
        elif isinstance(node, str):
            if _is_rate(node):
                values = RATES
            elif _is_duration(node):
                values = DURATIONS
            elif _is_clock(node):
                values = CLOCKS
            else:
                values = STRINGS
        elif isinstance(node, list):
            n = len(node)
            values = [[], node[:-1], [*node, node[-1]], ["a"] * n, [True] * n, [node]]
            if n and all(isinstance(x, int | float) for x in node):
                values += [[math.inf] + node[1:], [1e300] * n, [-1] * n]
        elif isinstance(node, dict):
            values = [1, "x", []]
            if "dist" in node:
                values = values + _dist_mutations(node)
        else:
            values = []
        if not isinstance(last, int):
            values = [*values, DELETE]
        for v in values:
            yield path, v, _cause_of(v)


def _cause_of(v: Any) -> int:
    if isinstance(v, bool) or (isinstance(v, list) and v and isinstance(v[0], bool)):
        return 2
    if isinstance(v, dict) and any(isinstance(x, bool) for x in v.values()):
        return 2
    if isinstance(v, dict) and v.get("dist") == "empirical":
        return 2
    if isinstance(v, float | int | str | list | dict) or v is DELETE:
        return 1
    return 1


def bundled_scenarios() -> list[Path]:
    from sim.scenario.loader import default_scenario_path

    return sorted(default_scenario_path().parent.glob("*.toml"))


def _dotted(path: tuple) -> str:
    return ".".join(str(p) for p in path)


@dataclass(eq=False)
class _Mutated:
    """Writes the mutated scenario when the case runs (cheap to generate 10,000 of them)."""

    data: dict[str, Any]
    path: tuple
    value: Any

    def __call__(self, target: Path) -> None:
        target.write_text(dumps(_set(self.data, self.path, self.value)), encoding="utf-8")


def _parents(src: Path, data: dict[str, Any]) -> dict[str, bytes]:
    """The files a bundled scenario extends (a variant of another), to copy beside it."""
    out: dict[str, bytes] = {}
    parent = data.get("extends")
    while isinstance(parent, str) and parent not in out:
        text = (src.parent / parent).read_bytes()
        out[parent] = text
        parent = tomllib.loads(text.decode("utf-8")).get("extends")
    return out


def leaf_cases() -> list[Case]:
    cases = []
    for src in bundled_scenarios():
        data = tomllib.loads(src.read_text(encoding="utf-8"))
        parents = _parents(src, data)
        for path, value, cause in mutations(data):
            shown = "DELETE" if value is DELETE else repr(value)[:40]
            cases.append(
                Case(
                    id=f"{src.stem}:{_dotted(path)}={shown}",
                    cause=cause,
                    files={"scenario.toml": _Mutated(data, path, value), **parents},
                    # deleting a definition may be reported where it is used
                    field=None if value is DELETE else _dotted(path),
                    boolean="True" in shown or "False" in shown,
                )
            )
    return cases


# -- files, extends and CSV tricks -----------------------------------------------------------


def _small() -> str:
    return (Path(__file__).parent / "scenarios" / "small.toml").read_text(encoding="utf-8")


def _with_empirical(csv: str, column: str | None = "t", unit: str | None = "min") -> bytes:
    spec = f'{{dist = "empirical", csv = "{csv}"'
    if column is not None:
        spec += f', column = "{column}"'
    if unit is not None:
        spec += f', unit = "{unit}"'
    spec += "}"
    old = 'pickup = {dist = "lognormal", mean = "24 h", cv = 1}'
    return _small().replace(old, f"pickup = {spec}").encode("utf-8")


PICKUP = "ports.sea.release.pickup"


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _symlink(target: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.symlink_to(target)

    return make


def _nested_arrays(depth: int) -> bytes:
    return (_small() + "deep = " + "[" * depth + "]" * depth + "\n").encode()


def _nested_tables(depth: int) -> bytes:
    return (_small() + "deep = " + "{a = " * depth + "1" + "}" * depth + "\n").encode()


def _dotted_keys(depth: int) -> bytes:
    return (_small() + ".".join(["k"] * depth) + " = 1\n").encode()


def file_cases() -> list[Case]:
    small = _small()
    child = b'extends = "parent.toml"\nname = "child"\n'
    cases = [
        Case("latin-1 scenario", 3, {"scenario.toml": ("# caf\u00e9\n" + small).encode("latin-1")}),
        Case("utf-16 scenario", 3, {"scenario.toml": small.encode("utf-16")}),
        Case("binary scenario", 3, {"scenario.toml": bytes(range(256)) * 4}),
        Case("empty scenario", 3, {"scenario.toml": b""}, field="name"),
        Case("nul in scenario", 3, {"scenario.toml": small.encode() + b"\0\n"}),
        Case("deep arrays", 3, {"scenario.toml": _nested_arrays(600)}),
        Case("deep arrays 5000", 3, {"scenario.toml": _nested_arrays(5000)}),
        Case("deep inline tables", 3, {"scenario.toml": _nested_tables(600)}),
        Case("deep dotted keys", 3, {"scenario.toml": _dotted_keys(600)}),
        Case("deep dotted keys 3000", 3, {"scenario.toml": _dotted_keys(3000)}),
        Case("dev zero scenario", 3, {"scenario.toml": _symlink("/dev/zero")}),
        Case("fifo scenario", 3, {"scenario.toml": _fifo}),
        Case(
            "dev zero parent",
            3,
            {"scenario.toml": child, "parent.toml": _symlink("/dev/zero")},
            field="extends",
        ),
        Case("fifo parent", 3, {"scenario.toml": child, "parent.toml": _fifo}, field="extends"),
        Case(
            "latin-1 parent",
            3,
            {"scenario.toml": child, "parent.toml": ("# \u00e9\n" + small).encode("latin-1")},
        ),
        Case(
            "parent is a folder",
            3,
            {"scenario.toml": child, "parent.toml/x": b""},
            field="extends",
        ),
        Case("extends a number", 3, {"scenario.toml": b"extends = 3\n"}, field="extends"),
        Case(
            "extends a list",
            3,
            {"scenario.toml": b'extends = ["a.toml"]\n'},
            field="extends",
        ),
        Case(
            "huge scenario",
            3,
            {"scenario.toml": small.encode() + b"# " + b"x" * (12 * 2**20) + b"\n"},
        ),
        Case(
            "csv latin-1",
            3,
            {
                "scenario.toml": _with_empirical("d.csv"),
                "d.csv": "t\n5\n\u00e9\n".encode("latin-1"),
            },
            field=PICKUP,
        ),
        Case(
            "csv utf-16",
            3,
            {"scenario.toml": _with_empirical("d.csv"), "d.csv": "t\n5\n6\n".encode("utf-16")},
            field=PICKUP,
        ),
        Case(
            "csv binary",
            3,
            {"scenario.toml": _with_empirical("d.csv"), "d.csv": bytes(range(256)) * 4},
            field=PICKUP,
        ),
        Case(
            "csv huge cell",
            3,
            {"scenario.toml": _with_empirical("d.csv"), "d.csv": b"t\n" + b"9" * 200_000 + b"\n"},
            field=PICKUP,
        ),
        Case(
            "csv huge quoted cell",
            3,
            {"scenario.toml": _with_empirical("d.csv"), "d.csv": b't\n"' + b"9" * 200_000 + b'"\n'},
            field=PICKUP,
        ),
        Case(
            "csv nul byte",
            3,
            {"scenario.toml": _with_empirical("d.csv"), "d.csv": b"t\n5\x00\n"},
            field=PICKUP,
        ),
        Case(
            "csv dev zero",
            3,
            {"scenario.toml": _with_empirical("d.csv"), "d.csv": _symlink("/dev/zero")},
            field=PICKUP,
        ),
        Case(
            "csv fifo",
            3,
            {"scenario.toml": _with_empirical("d.csv"), "d.csv": _fifo},
            field=PICKUP,
        ),
        Case(
            "csv is a folder",
            3,
            {"scenario.toml": _with_empirical("d.csv"), "d.csv/x": b""},
            field=PICKUP,
        ),
        Case(
            "csv many rows",
            3,
            {"scenario.toml": _with_empirical("d.csv"), "d.csv": b"t\n" + b"5\n" * 3_000_000},
            field=PICKUP,
        ),
        Case(
            "csv missing",
            3,
            {"scenario.toml": _with_empirical("nope.csv")},
            field=PICKUP,
        ),
    ]
    # an extends chain 1,500 files deep
    chain: dict[str, bytes | Callable[[Path], None]] = {"f0.toml": small.encode()}
    for i in range(1, 1500):
        chain[f"f{i}.toml"] = f'extends = "f{i - 1}.toml"\n'.encode()
    cases.append(Case("extends chain 1500", 3, chain, main="f1499.toml", field="extends"))
    # CSV values that are not finite, with a unit and without
    for name, body in [
        ("nan", "t\n5\nnan\n"),
        ("inf", "t\n5\ninf\n"),
        ("-inf", "t\n5\n-inf\n"),
        ("1e400", "t\n5\n1e400\n"),
        ("1e300", "t\n5\n1e300\n"),
        ("negative", "t\n5\n-3\n"),
        ("empty", "t\n"),
        ("true", "t\ntrue\n"),
    ]:
        cases.append(
            Case(
                f"csv {name} with unit",
                2,
                {"scenario.toml": _with_empirical("d.csv"), "d.csv": body.encode()},
                field=PICKUP,
            )
        )
    # leaks: an error about a CSV or a parent must not echo its content
    secret_csv = f"user,{SECRET},x\nroot:x:0:0:{SECRET}:/root:/bin/bash\n".encode()
    cases += [
        Case(
            "csv column missing leaks header",
            6,
            {"scenario.toml": _with_empirical("d.csv", column="t"), "d.csv": secret_csv},
            field=PICKUP,
            forbidden=(SECRET, "root:x"),
        ),
        Case(
            "csv no column leaks row",
            6,
            {"scenario.toml": _with_empirical("d.csv", column=None), "d.csv": secret_csv},
            field=PICKUP,
            forbidden=("root:x", "/bin/bash"),
        ),
        Case(
            "csv outside the scenario's folder",
            6,
            {"scenario.toml": _with_empirical("/proc/self/environ", column="t")},
            field=PICKUP,
            forbidden=("PATH=", "HOME="),
        ),
        Case(
            "csv /etc/passwd",
            6,
            {"scenario.toml": _with_empirical("/etc/passwd", column=None, unit="min")},
            field=PICKUP,
            forbidden=("root:", "/bin/"),
        ),
        Case(
            "parent not toml leaks",
            6,
            {"scenario.toml": child, "parent.toml": f"{SECRET} secret\n".encode()},
            forbidden=(SECRET,),
        ),
        Case(
            "parent /proc/self/environ",
            6,
            {"scenario.toml": b'extends = "/proc/self/environ"\nname = "x"\n'},
            forbidden=("PATH=", "HOME="),
            field="extends",
        ),
        Case(
            "unknown key is a secret",
            6,
            {"scenario.toml": (small + f"{SECRET[:8]} = 1\n").encode()},
        ),
    ]
    return cases


# -- command-line cases -----------------------------------------------------------------------


def cli_cases() -> list[Case]:
    small = _small().encode()
    s = {"scenario.toml": small}
    fast = ["--reps", "1", "--set", "warmup_days=0", "--set", "drain_days=1", "--days", "1"]

    def run(*extra: str, out: str = "{dir}/out") -> list[str]:
        return ["run", "{dir}/scenario.toml", *fast, "--out", out, *extra]

    def readonly(path: Path) -> None:
        path.mkdir()
        path.chmod(stat.S_IRUSR | stat.S_IXUSR)

    cases = [
        Case(
            "set deep table",
            4,
            s,
            argv=["check", "{dir}/scenario.toml", "--set", "v=" + "{a=" * 600 + "1" + "}" * 600],
        ),
        Case(
            "set deep array",
            4,
            s,
            argv=["check", "{dir}/scenario.toml", "--set", "days=" + "[" * 600 + "]" * 600],
        ),
        Case(
            "set deep key",
            4,
            s,
            argv=["check", "{dir}/scenario.toml", "--set", ".".join(["k"] * 3000) + "=1"],
        ),
        Case(
            "set inf days",
            1,
            s,
            argv=["check", "{dir}/scenario.toml", "--set", "days=inf"],
            field="days",
        ),
        Case(
            "set nan",
            1,
            s,
            argv=["check", "{dir}/scenario.toml", "--set", "days=nan"],
            field="days",
        ),
        Case("days inf", 1, s, argv=run("--days", "inf"), field="days"),
        Case("days nan", 1, s, argv=run("--days", "nan"), field="days"),
        Case("days 1e30", 1, s, argv=run("--days", "1e30"), field="days"),
        Case("seed negative", 4, s, argv=run("--seed", "-1"), needs=("seed",)),
        Case("seed huge", 4, s, argv=run("--seed", str(2**200)), ok_status=(0,)),
        Case("reps huge", 4, s, argv=run("--reps", "100000000"), needs=("reps",)),
        Case(
            "out read-only",
            4,
            {**s, "ro": readonly},
            argv=run(out="{dir}/ro/out"),
            needs=("--out",),
            ok_status=(0,) if os.geteuid() == 0 else (),  # root may write anyway
        ),
        Case("out under a file", 4, {**s, "f": b""}, argv=run(out="{dir}/f/out"), needs=("--out",)),
        Case("out is /dev/null", 4, s, argv=run(out="/dev/null"), needs=("--out",)),
        Case(
            "nothing arrives",
            4,
            s,
            argv=[
                "run",
                "{dir}/scenario.toml",
                "--reps",
                "1",
                "--days",
                "0.001",
                "--set",
                "warmup_days=0",
                "--set",
                "drain_days=0",
                "--out",
                "{dir}/out",
            ],
            needs=("arriv",),
        ),
        Case("scenario is a folder", 3, {"d/x": b""}, argv=["check", "{dir}/d"]),
        Case("scenario is /dev/zero", 3, {}, argv=["check", "/dev/zero"]),
        Case(
            "name escapes results",
            6,
            {
                "scenario.toml": _small()
                .replace('name = "small"', 'name = "../../../escape"')
                .encode()
            },
            argv=["run", "{dir}/scenario.toml", *fast],
            ok_status=(0,),
            extra={"cwd": True, "no_escape": True},
        ),
    ]
    return cases


def all_cases() -> list[Case]:
    return leaf_cases() + file_cases() + cli_cases()


# -- judging one case ----------------------------------------------------------------------


class Hang(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def handler(signum, frame):  # noqa: ARG001
        raise Hang(f"no answer within {seconds} s")

    old = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def materialise(case: Case, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if callable(content):
            content(path)
        else:
            path.write_bytes(content)
    return folder / case.main


def _dist_problem(dist: Any, where: str, cap: float) -> str | None:
    import numpy as np

    try:
        with np.errstate(all="ignore"):
            x = np.asarray(dist.ppf(np.array(U_GRID)), dtype=float)
    except (ArithmeticError, ValueError) as exc:
        return f"{where}: sampling fails ({type(exc).__name__})"
    if not np.all(np.isfinite(x)):
        return f"{where}: samples not finite"
    if np.any(x < 0) or np.any(x > cap):
        return f"{where}: samples out of [0, {cap:g}]"
    return None


def unsafe_reason(scenario: Any) -> str | None:
    """Why a validated scenario is not safe to run, or None."""
    from pydantic import BaseModel

    from sim.scenario.distributions import _Dist

    def walk(obj: Any, where: str) -> Iterator[tuple[str, Any]]:
        yield where, obj
        if isinstance(obj, dict):
            for k, v in obj.items():
                yield from walk(v, f"{where}.{k}")
        elif isinstance(obj, list | tuple):
            for i, v in enumerate(obj):
                yield from walk(v, f"{where}.{i}")
        elif isinstance(obj, BaseModel):
            for k in type(obj).model_fields:
                yield from walk(getattr(obj, k), f"{where}.{k}")

    for where, v in walk(scenario, "scenario"):
        if isinstance(v, float) and not math.isfinite(v):
            return f"{where} = {v!r}"
        if isinstance(v, int | float) and not isinstance(v, bool) and abs(v) > 1e15:
            return f"{where} = {v!r} is huge"
        if isinstance(v, _Dist):
            numbers = ("size", "value", "containers")
            if where.rsplit(".", 1)[-1] in numbers:
                cap = SAFE_MAX_COUNT if not where.endswith("value") else 1e15
            else:
                cap = SAFE_MAX_HOURS
            problem = _dist_problem(v, where, cap)
            if problem:
                return problem
        if where.endswith((".capacity",)) and isinstance(v, int) and v > SAFE_MAX_SERVERS:
            return f"{where} = {v} servers"
        if where.endswith(".schedule") and v and max(v) > SAFE_MAX_SERVERS:
            return f"{where}: {max(v)} servers"
        if where.endswith(".batch_size") and v > SAFE_MAX_COUNT:
            return f"{where} = {v}"
    run_h = (scenario.days + scenario.warmup_days + scenario.drain_days) * 24
    if run_h > SAFE_MAX_HOURS:
        return f"run of {run_h / 24:g} days"
    if run_h / scenario.queue_sample > SAFE_MAX_QUEUE_SAMPLES:
        return f"{run_h / scenario.queue_sample:g} queue samples"
    arriving_h = (scenario.days + scenario.warmup_days) * 24
    total = 0.0
    for port in scenario.ports.values():
        rate = port.arrivals.rate
        if port.arrivals.batch is not None:
            rate *= port.arrivals.batch.size.mean
        total += rate * arriving_h
        if not math.isfinite(sum(port.arrivals.weekly_rates())):
            return "arrival profile not finite"
    if not total <= SAFE_MAX_CONSIGNMENTS:
        return f"{total:g} consignments expected"
    return None


@dataclass
class Outcome:
    ok: bool
    kind: str  # "error", "safe", "traceback", "hang", "unsafe", "vague", "leak", "coerced", ...
    detail: str = ""


def _names_field(message: str, folder: str, wanted: str | None) -> bool:
    """Does a line say ``<a file in folder>: <field>``, the field a prefix of ``wanted``?"""
    found = re.findall(re.escape(folder) + r"[^:\n]*: ([^\s:]*)", message)
    if not found:
        return False
    if wanted is None:
        return True
    parts = wanted.split(".")
    prefixes = {".".join(parts[:n]) for n in range(1, len(parts) + 1)}
    # the field itself, a table holding it, or a part of the (table) value put there
    return any(path in prefixes or path.startswith(wanted + ".") for path in found)


def judge_api(case: Case, folder: Path, seconds: float = 5.0) -> Outcome:
    from sim.scenario.loader import ScenarioError, load_scenario

    path = materialise(case, folder)
    try:
        with time_limit(seconds):
            scenario = load_scenario(path)
    except ScenarioError as exc:
        msg = exc.format()
        for word in case.forbidden:
            if word in msg:
                return Outcome(False, "leak", msg[:300])
        if not _names_field(msg, str(folder), case.field):
            return Outcome(False, "vague", msg[:300])
        return Outcome(True, "error", msg[:300])
    except Hang as exc:
        return Outcome(False, "hang", str(exc))
    except RecursionError as exc:
        return Outcome(False, "traceback", f"RecursionError: {str(exc)[:200]}")
    except BaseException as exc:  # noqa: BLE001 - the battery records every escape
        if isinstance(exc, KeyboardInterrupt):
            raise
        return Outcome(False, "traceback", f"{type(exc).__name__}: {str(exc)[:200]}")
    if case.boolean:
        return Outcome(False, "coerced", "a boolean was accepted as a number")
    reason = unsafe_reason(scenario)
    if reason:
        return Outcome(False, "unsafe", reason)
    return Outcome(True, "safe")


def judge_cli(case: Case, folder: Path, seconds: float = 20.0) -> Outcome:
    from sim.cli import main

    materialise(case, folder)
    argv = [a.replace("{dir}", str(folder)) for a in case.argv or []]
    err, out = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    code: Any
    try:
        if case.extra.get("cwd"):
            (folder / "work").mkdir(exist_ok=True)
            os.chdir(folder / "work")
        with time_limit(seconds), contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            try:
                code = main(argv)
            except SystemExit as exc:
                code = exc.code
    except Hang as exc:
        return Outcome(False, "hang", str(exc))
    except BaseException as exc:  # noqa: BLE001
        if isinstance(exc, KeyboardInterrupt):
            raise
        return Outcome(False, "traceback", f"{type(exc).__name__}: {str(exc)[:200]}")
    finally:
        os.chdir(cwd)
    msg = err.getvalue()
    if case.extra.get("no_escape"):
        escaped = [p for p in folder.parent.rglob("escape*") if not p.is_relative_to(folder)]
        escaped += list(Path("/tmp").glob("escape*"))
        if escaped or not (folder / "work" / "results").is_dir():
            return Outcome(False, "escape", f"results written outside results/: {escaped}")
        for p in (folder / "work" / "results").iterdir():
            if not p.resolve().is_relative_to((folder / "work" / "results").resolve()):
                return Outcome(False, "escape", str(p))
    if "Traceback" in msg:
        return Outcome(False, "traceback", msg[-300:])
    if code in case.ok_status:
        return Outcome(True, "safe")
    if code != 2:
        return Outcome(False, f"exit {code}", msg[:300])
    for word in case.needs:
        if word not in msg:
            return Outcome(False, "vague", msg[:300])
    if case.field is not None and case.field not in msg:
        return Outcome(False, "vague", msg[:300])
    return Outcome(True, "error", msg[:300])


def judge(case: Case, folder: Path) -> Outcome:
    return judge_cli(case, folder) if case.argv is not None else judge_api(case, folder)


def sample(cases: list[Case], n: int, seed: int = 0) -> list[Case]:
    """``n`` leaf cases chosen at random (fixed seed), plus every file and command case."""
    leaf = [c for c in cases if c.argv is None and ":" in c.id]
    chosen = {id(c) for c in leaf}
    rest = [c for c in cases if id(c) not in chosen]
    rng = random.Random(seed)
    return rng.sample(leaf, min(n, len(leaf))) + rest


def main() -> None:  # pragma: no cover - a tool
    import argparse
    import collections
    import resource
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], allow_abbrev=False)
    parser.add_argument("--sample", type=int, help="only this many leaf cases")
    parser.add_argument("--show", type=int, default=3, help="failures shown per root cause")
    parser.add_argument("--json", type=Path, help="write every outcome here")
    args = parser.parse_args()
    limit = 6 * 2**30
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    cases = all_cases()
    if args.sample:
        cases = sample(cases, args.sample)
    counts: dict[int, collections.Counter] = collections.defaultdict(collections.Counter)
    shown: dict[int, list[str]] = collections.defaultdict(list)
    records = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, case in enumerate(cases):
            outcome = judge(case, Path(tmp) / f"c{i}")
            counts[case.cause]["total"] += 1
            counts[case.cause]["pass" if outcome.ok else outcome.kind] += 1
            records.append({"id": case.id, "cause": case.cause, **outcome.__dict__})
            if not outcome.ok and len(shown[case.cause]) < args.show:
                shown[case.cause].append(f"  {case.id}: {outcome.kind}: {outcome.detail[:160]}")
    total = sum(c["total"] for c in counts.values())
    passed = sum(c["pass"] for c in counts.values())
    print(f"battery: {total} cases, {passed} pass ({100 * passed / total:.1f} %)")
    for cause in sorted(counts):
        c = counts[cause]
        fails = ", ".join(f"{k} {v}" for k, v in sorted(c.items()) if k not in ("total", "pass"))
        print(f"{cause}. {CAUSES[cause]}: {c['pass']}/{c['total']} pass; {fails or 'no failures'}")
        print("\n".join(shown[cause]))
    if args.json:
        args.json.write_text(json.dumps(records, indent=1))


if __name__ == "__main__":  # pragma: no cover
    main()
