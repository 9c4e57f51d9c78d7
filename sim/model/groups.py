"""A result table's group names taken apart into columns: ``port``, ``direction`` and
``trader_class`` beside ``group`` (``sea_port/import/aeo_advanced``), so that a reader in
pandas filters and pivots by port and direction without parsing strings
(``t[t.dimension == "port_direction"].pivot(index="port", columns="direction", ...)``).
``group`` stays as it was: scripts that read it keep working."""

from __future__ import annotations

import pandas as pd

#: what each part of a group's name is, by dimension (``port_direction``'s
#: ``sea_port/import``: its port and direction); None: a part with no column of its own
GROUP_PARTS: dict[str, tuple[str | None, ...]] = {
    "port": ("port",),
    "direction": ("direction",),
    "trader_class": ("trader_class",),
    "port_direction": ("port", "direction"),
    "direction_class": ("direction", "trader_class"),
    "port_direction_class": ("port", "direction", "trader_class"),
    "era_direction": (None, "direction"),
    "era_port_direction": (None, "port", "direction"),
    "transit_direction": (None, "direction"),  # (direct/, transit/, integrated/import: 转关)
    "port_direction_channel": ("port", "direction", None),  # (the cost table's)
}
#: the columns :func:`with_group_parts` adds beside ``group``
PART_COLUMNS = ("port", "direction", "trader_class")


def with_group_parts(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` (with ``dimension`` and ``group`` columns) with ``port``, ``direction`` and
    ``trader_class`` beside ``group``: its name taken apart (``sea_port/import``: port
    ``sea_port``, direction ``import``), None where the dimension has no such part, so that
    a table filters and pivots by port and direction without parsing ``group``."""
    if table.empty or "group" not in table or "dimension" not in table:
        return table
    keys = list(zip(table["dimension"].astype(str).tolist(),
                    table["group"].astype(str).tolist(), strict=True))  # fmt: skip
    split = {key: _parts(*key) for key in dict.fromkeys(keys)}  # (each group once: a table
    parts = list(zip(*[split[key] for key in keys], strict=True))  # repeats it per metric)
    old = [c for c in PART_COLUMNS if c in table.columns]
    out = table.drop(columns=old) if old else table.copy(deep=False)
    at = list(out.columns).index("group") + 1
    for k, (column, values) in enumerate(zip(PART_COLUMNS, parts, strict=True)):
        # (three inserts into a copy: cheaper than a frame made again from every column)
        out.insert(at + k, column, pd.Series(values, index=table.index, dtype=object))
    return out


def _parts(dimension: str, group: str) -> tuple[str | None, ...]:
    """A group's name taken apart, as :data:`PART_COLUMNS` (None: no such part)."""
    names = GROUP_PARTS.get(dimension, ())
    values = dict(zip(names, group.split("/"), strict=False)) if names else {}
    return tuple(values.get(column) for column in PART_COLUMNS)
