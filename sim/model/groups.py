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
    parts: dict[str, list[str | None]] = {c: [] for c in PART_COLUMNS}
    split: dict[tuple[str, str], tuple[str | None, ...]] = {}  # (each group once: a table
    for row in zip(table["dimension"].astype(str).tolist(),  # repeats it per metric)
                   table["group"].astype(str).tolist(), strict=True):  # fmt: skip
        if row not in split:
            names = GROUP_PARTS.get(row[0], ())
            values = dict(zip(names, row[1].split("/"), strict=False)) if names else {}
            split[row] = tuple(values.get(column) for column in PART_COLUMNS)
        for column, value in zip(PART_COLUMNS, split[row], strict=True):
            parts[column].append(value)
    columns: dict[str, pd.Series] = {}
    for name in table.columns:  # (the frame made once: a drop and three inserts cost more)
        if name in PART_COLUMNS:
            continue
        columns[name] = table[name]
        if name == "group":
            for column in PART_COLUMNS:
                columns[column] = pd.Series(parts[column], index=table.index, dtype=object)
    return pd.DataFrame(columns, index=table.index)
