"""Whether two run results hold the same figures (:meth:`RunResult.equals`): every table
and number equal, a missing figure (NaN) equal to a missing one, as a determinism check
needs; ``==`` on results compares identity, as for any object holding DataFrames."""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np
import pandas as pd


def same(a: Any, b: Any) -> bool:
    """``a`` and ``b`` hold the same values: DataFrames by :meth:`DataFrame.equals` (values,
    dtypes, labels), mappings key by key, sequences item by item, floats with NaN == NaN."""
    if isinstance(a, pd.DataFrame) or isinstance(b, pd.DataFrame):
        return isinstance(a, pd.DataFrame) and isinstance(b, pd.DataFrame) and a.equals(b)
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return bool(np.array_equal(a, b, equal_nan=np.asarray(a).dtype.kind == "f"))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return bool(a == b)


def same_result(a: Any, b: Any) -> bool:
    """Every field of two results (dataclasses of one type) holds the same values."""
    if type(a) is not type(b):
        return False
    return all(same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
