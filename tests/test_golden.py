"""The model reproduces its golden outputs bit for bit (see ``tests/golden_io.py``).

Per-consignment logs (as chunked digests of every column) and lane statistics must match
exactly; the tables folded from streamed sums may differ only by summation order (1e-12).
A log column added since the goldens were made is a new quantity and is not compared.
"""

from __future__ import annotations

import math

import pytest

from tests import golden_io as G


def _first_difference(want: dict, got: dict) -> str:
    """The first golden column that is not reproduced (columns added since are new
    quantities: a new draw must not change the old ones)."""
    missing = [c for c in want["columns"] if c not in got["columns"]]
    if missing:
        return f"columns missing: {missing}"
    if want["rows"] != got["rows"]:
        return f"{got['rows']} rows, golden {want['rows']}"
    for name in want["columns"]:
        w, g = want["digests"][name], got["digests"][name]
        if (w["dtype"], w["categories"]) != (g["dtype"], g["categories"]):
            return f"column {name}: dtype {g['dtype']}, golden {w['dtype']}"
        for i, (a, b) in enumerate(zip(w["chunks"], g["chunks"], strict=True)):
            if a != b:
                return f"column {name}: rows {i * G.CHUNK}-{(i + 1) * G.CHUNK - 1} differ"
    return ""


def _close(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b, rel=1e-12, abs=1e-12)
    return a == b


@pytest.mark.parametrize("seed", G.SEEDS)
@pytest.mark.parametrize("name", ["small", "default"])
def test_golden(name: str, seed: int):
    path = dict(G.cases())[name]
    want = G.read(name, seed)
    got = G.observe(path, seed)
    assert got["counts"] == want["counts"]
    problem = _first_difference(want["log"], got["log"])
    assert not problem, f"{name} seed {seed}: {problem}"
    assert got["resources"] == want["resources"]  # lane statistics, exactly
    for table in ("clearance", "intervals", "owners"):
        assert len(got[table]) == len(want[table]), table
        for gw, gg in zip(want[table], got[table], strict=True):
            assert gw.keys() == gg.keys()
            bad = {k: (gw[k], gg[k]) for k in gw if not _close(gw[k], gg[k])}
            assert not bad, f"{table}: {bad}"
