"""Which code made a result: the package's version, a fingerprint of its source and the
versions of the libraries the numbers depend on. A results folder records it, and a run is
never resumed by other code: its replications would mix two versions of the model (the
version number alone stays the same from commit to commit)."""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
from pathlib import Path

from sim.version import __version__

#: the libraries whose versions can change a result (random numbers, events, tables)
LIBRARIES = ("numpy", "scipy", "simpy", "pandas", "pyarrow")


def libraries() -> dict[str, str]:
    """The installed versions of :data:`LIBRARIES` ("" for one not installed)."""
    out = {}
    for name in LIBRARIES:
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            out[name] = ""
    return out


@functools.cache
def build() -> str:
    """``<version>+<fingerprint>``: the fingerprint hashes every source file of the package
    (by its path in the package) and the library versions."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for name, version in libraries().items():
        digest.update(f"{name}={version}\0".encode())
    return f"{__version__}+{digest.hexdigest()[:12]}"
