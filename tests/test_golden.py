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
    want = G.read(name, seed)
    got = G.observe_portably(name, seed)  # (the same bits on every x86-64 machine)
    assert {k: got["counts"].get(k) for k in want["counts"]} == want["counts"]
    problem = _first_difference(want["log"], got["log"])
    assert not problem, f"{name} seed {seed}: {problem}"
    # lane statistics exactly; every other table to summation order. Rows and fields added
    # since the goldens were made (new measures) are not compared.
    assert _rows(got["resources"], KEYS["resources"], want["resources"]) == want["resources"]
    for table in ("clearance", "intervals", "owners"):
        rows = _rows(got[table], KEYS[table], want[table])
        for gw, gg in zip(want[table], rows, strict=True):
            bad = {k: (gw[k], gg.get(k)) for k in gw if not _close(gw[k], gg.get(k))}
            assert not bad, f"{table}: {bad}"


KEYS = {
    "resources": ("port", "lane"),
    "clearance": ("metric", "dimension", "group"),
    "intervals": ("interval", "dimension", "group"),
    "owners": ("owner",),
}


def _rows(got: list[dict], key: tuple[str, ...], want: list[dict]) -> list[dict]:
    """The rows of ``got`` that match ``want``'s rows by key, in ``want``'s order, each cut
    to ``want``'s fields (a missing row is an empty dict, so the comparison fails)."""
    by_key = {tuple(r[k] for k in key): r for r in got}
    out = []
    for w in want:
        g = by_key.get(tuple(w[k] for k in key), {})
        out.append({k: g.get(k) for k in w} if g else {})
    return out
