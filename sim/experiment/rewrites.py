"""A file of a results folder that a resumed command writes again (``replications.csv``,
``summary.csv``, ``differences.csv``, ``warnings.json``, ...) is compared first with what is
about to be written: when the command before ended having written it from the same
replications, a file that differs was changed or damaged since, and the command says so in
a note (as it does for a damaged replication file), once, as it writes the file again.

Tables are compared as the report compares them: the same columns and rows, text equal and
numbers to the last digit a CSV keeps (NaN equals NaN); JSON alike, numbers to nine digits.
"""

from __future__ import annotations

import io
import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


def stale(path: Path, text: str) -> bool:
    """Whether ``path`` is there and does not hold ``text`` (what is about to be written
    there: a CSV table, or JSON for a ``.json`` file); a file that cannot be read is stale."""
    if not path.is_file() or path.is_symlink():
        return False
    try:
        old = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return True
    if path.suffix == ".json":
        try:
            return not json_alike(json.loads(old), json.loads(text))
        except ValueError:
            return True
    try:
        return not frames_alike(_table(old), _table(text))
    except (ValueError, TypeError):
        return True


def _table(text: str) -> pd.DataFrame:
    import pandas as pd

    try:
        return pd.read_csv(io.StringIO(text))
    except pd.errors.EmptyDataError:
        return pd.DataFrame()


def frames_alike(table: pd.DataFrame, built: pd.DataFrame) -> bool:
    """Same columns and rows: text equal, numbers to the last digit CSV keeps (NaN = NaN)."""
    import numpy as np
    import pandas as pd

    if list(table.columns) != list(built.columns) or len(table) != len(built):
        return False
    for col in table.columns:
        a, b = table[col].reset_index(drop=True), built[col].reset_index(drop=True)
        if pd.api.types.is_numeric_dtype(b) and not pd.api.types.is_bool_dtype(b):
            try:
                x = a.to_numpy(dtype=float)
            except (TypeError, ValueError):
                return False
            if not np.allclose(x, b.to_numpy(dtype=float), rtol=1e-12, atol=0, equal_nan=True):
                return False
        elif a.astype(str).tolist() != b.astype(str).tolist():
            return False
    return True


def json_alike(a: Any, b: Any) -> bool:
    """The same JSON: the same keys and items, numbers to nine digits (None equals None)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_alike(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_alike(x, y) for x, y in zip(a, b, strict=True))
    numbers = (int, float)
    if isinstance(a, numbers) and isinstance(b, numbers) and not isinstance(a, bool) and (
            not isinstance(b, bool)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    return bool(a == b) and type(a) is type(b)
