"""Check a folder of warehouse tables against :mod:`sim.warehouse.schema` before loading:
the schema's version, every table of that version present with its declared columns in
order and their Arrow types, no null in a required column, its primary key unique and its
``run_id`` (and ``option``) found in the table it refers to. Each problem is one line naming
the file, the column and what was found; none is the folder being fit to load."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from sim.shell_line import bordersim_line
from sim.warehouse.schema import BY_NAME, OLDER_VERSIONS, SCHEMA_VERSION, TABLES, Table


def _read(folder: Path, table: Table, problems: list[str]) -> pa.Table | None:
    path = folder / f"{table.name}.parquet"
    if not path.is_file():
        problems.append(f"{path}: missing (every table of the schema is written, empty or not)")
        return None
    try:
        return pq.read_table(path)
    except (OSError, pa.ArrowException) as exc:
        problems.append(f"{path}: not a readable Parquet file ({exc})")
        return None


def _check_columns(path: Path, table: Table, data: pa.Table) -> list[str]:
    expected = table.arrow_schema()
    if data.schema.names != expected.names:
        return [f"{path}: columns {data.schema.names}; the schema declares {expected.names}"]
    out = []
    for field in expected:
        got = data.schema.field(field.name).type
        if got != field.type:
            out.append(f"{path}: column {field.name!r} is {got}; declared {field.type}")
        elif not field.nullable and data.column(field.name).null_count:
            out.append(f"{path}: column {field.name!r} has "
                       f"{data.column(field.name).null_count} null(s); it is required")
    return out


def _keys(data: pa.Table, names: tuple[str, ...]) -> list[tuple[object, ...]]:
    return list(zip(*(data.column(n).to_pylist() for n in names), strict=True))


def _not_tables(folder: Path) -> str | None:
    """One line for a folder that holds no tables to check at all, rather than a line for
    each table missing from it: none there, or a results folder given in place of its
    export (a first reader's likely slip)."""
    if not folder.is_dir():
        return (f"{folder}: no such folder; give the folder bordersim tables wrote "
                "(its --out DIR)")
    if (folder / "meta.json").is_file() or (folder / "compare.json").is_file():
        return (f"{folder}: a results folder, not its tables; export it first "
                f"({bordersim_line('tables', folder)} --out DIR) and check DIR")
    return None


def validate(folder: Path) -> list[str]:
    """The problems of the warehouse tables in ``folder``; [] when they match the schema."""
    folder = Path(folder)
    wrong = _not_tables(folder)
    if wrong is not None:
        return [wrong]
    problems: list[str] = []
    package = folder / "datapackage.json"
    version: object = SCHEMA_VERSION
    try:
        version = json.loads(package.read_text(encoding="utf-8")).get("schema_version")
    except (OSError, ValueError, AttributeError) as exc:
        problems.append(f"{package}: not a readable schema ({exc})")
    else:
        if version != SCHEMA_VERSION and version not in OLDER_VERSIONS:
            problems.append(f"{package}: schema_version {version!r}; this bordersim's is "
                            f"{SCHEMA_VERSION!r} (export the folder again)")
    held = [t for t in TABLES if t.in_version(str(version))]  # (an earlier one has fewer)
    read = {t.name: _read(folder, t, problems) for t in held}
    shaped: dict[str, pa.Table] = {}
    for t in (t.as_of(str(version)) for t in held):  # (an earlier version's: it opens)
        data = read[t.name]
        if data is None:
            continue
        found = _check_columns(folder / f"{t.name}.parquet", t, data)
        problems += found
        if found:
            continue
        shaped[t.name] = data
        keys = _keys(data, t.primary_key)
        dup = next((k for k, n in Counter(keys).items() if n > 1), None)
        if dup is not None:
            problems.append(f"{folder / (t.name + '.parquet')}: primary key "
                            f"{list(t.primary_key)} repeats {list(dup)}")
    for t in held:
        if not t.parent or t.name not in shaped or t.parent not in shaped:
            continue
        names = BY_NAME[t.parent].primary_key
        known = set(_keys(shaped[t.parent], names))
        stray = [k for k in dict.fromkeys(_keys(shaped[t.name], names)) if k not in known]
        if stray:
            problems.append(f"{folder / (t.name + '.parquet')}: {list(names)} "
                            f"{list(stray[0])} is not in {t.parent}.parquet")
    return problems
