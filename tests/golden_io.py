"""Golden outputs: digests of per-consignment logs and the exact lane statistics of fixed runs.

A refactor of the model must reproduce these bit for bit. The raw logs of the six runs weigh
about 43 MB even compressed (their columns are random floats), so each log column is stored as
the SHA-256 of its raw bytes in chunks of ``CHUNK`` rows: a mismatch names the column and the
first chunk that differs. Lane statistics are small and stored whole, floats in hex.

Regenerate (only when a change of behaviour is intended, and say so in the commit)::

    python -m tests.golden_io

Both run the model with numpy's AVX-512 kernels switched off (``PORTABLE_MATH``): numpy
computes ``exp`` and ``log`` with AVX-512 instructions where the CPU has them, and those can
differ in the last bit from what other machines compute, so goldens made on one machine would
fail on another. Without them every x86-64 machine computes the same bits.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
CHUNK = 2048
SEEDS = (1, 2, 3)
DAYS = 14
WARMUP_DAYS = 7
#: numpy's CPU features to leave unused (names of numpy 2.4 and of older versions: numpy
#: ignores those it does not know)
PORTABLE_MATH = {
    "NPY_DISABLE_CPU_FEATURES": "X86_V4 AVX512F AVX512CD AVX512_KNL AVX512_KNM AVX512_SKX "
    "AVX512_CLX AVX512_CNL AVX512_ICL AVX512_SPR"
}


def cases() -> list[tuple[str, Path]]:
    import sim

    return [("small", HERE / "scenarios" / "small.toml"), ("default", sim.default_scenario_path())]


def _column_bytes(s: pd.Series) -> tuple[str, np.ndarray, list[str] | None]:
    if isinstance(s.dtype, pd.CategoricalDtype):
        return "category", s.cat.codes.to_numpy(np.int64), [str(c) for c in s.cat.categories]
    return str(s.dtype), s.to_numpy(), None


def digest_log(log: pd.DataFrame) -> dict[str, Any]:
    cols = {}
    for name in log.columns:
        dtype, values, categories = _column_bytes(log[name])
        values = np.ascontiguousarray(values)
        chunks = [
            hashlib.sha256(values[i : i + CHUNK].tobytes()).hexdigest()[:16]
            for i in range(0, len(values), CHUNK)
        ]
        cols[name] = {"dtype": dtype, "categories": categories, "chunks": chunks}
    return {"rows": len(log), "columns": list(log.columns), "digests": cols}


def _hex(v: Any) -> Any:
    if isinstance(v, float | np.floating):
        return "nan" if math.isnan(v) else float(v).hex()
    if isinstance(v, np.integer):
        return int(v)
    return v


def exact_table(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: _hex(v) for k, v in row.items()} for row in df.to_dict("records")]


def observe(path: Path, seed: int) -> dict[str, Any]:
    import sim

    # the warm-up the goldens were made with (the default's is longer now)
    scenario = sim.load_scenario(path, {"days": DAYS, "warmup_days": WARMUP_DAYS})
    r = sim.simulate(scenario, seed, log=True)
    return {
        "counts": r.counts,
        "log": digest_log(r.log),
        "resources": exact_table(r.resources),
        "clearance": r.clearance.to_dict("records"),
        "intervals": r.intervals.to_dict("records"),
        "owners": r.owners.to_dict("records"),
    }


def golden_path(name: str, seed: int) -> Path:
    return GOLDEN / f"{name}-seed{seed}.json.gz"


def write_all() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for name, path in cases():
        for seed in SEEDS:
            data = observe(path, seed)
            with gzip.open(golden_path(name, seed), "wt", compresslevel=9) as f:
                json.dump(data, f, indent=0, sort_keys=True, default=_hex)
            print(name, seed, data["log"]["rows"])


def read(name: str, seed: int) -> dict[str, Any]:
    with gzip.open(golden_path(name, seed), "rt") as f:
        return json.load(f)


def observe_portably(name: str, seed: int) -> dict[str, Any]:
    """:func:`observe` of a case, in a fresh process whose numpy leaves AVX-512 unused."""
    out = _portably("observe", name, str(seed))
    return dict(json.loads(out))


def _portably(*args: str) -> str:
    """Run this module with ``args`` in a fresh process under ``PORTABLE_MATH``."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.golden_io", *args],
        cwd=HERE.parent,
        env={**os.environ, **PORTABLE_MATH},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"tests.golden_io {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def main(argv: list[str]) -> None:
    portable = all(os.environ.get(k) == v for k, v in PORTABLE_MATH.items())
    if argv[:1] == ["observe"] and portable:
        name, seed = argv[1], int(argv[2])
        sys.stdout.write(json.dumps(observe(dict(cases())[name], seed), default=_hex))
    elif not argv and portable:
        write_all()
    elif not argv:
        sys.stdout.write(_portably())
    else:
        raise SystemExit("usage: python -m tests.golden_io [observe NAME SEED]")


if __name__ == "__main__":
    main(sys.argv[1:])
