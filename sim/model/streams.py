"""Random streams: one SeedSequence per replication, keyed streams per port.

A port's streams are keyed by a hash of its name, so adding a port leaves the others' draws
alone; a consignment's uniforms are rows of a fixed-width block keyed by its arrival index, so
a reform that changes what happens downstream never changes what a consignment carries.
"""

from __future__ import annotations

import zlib

import numpy as np

ARRIVALS, CONSIGNMENTS, EXPORTS, TRUTH = 0, 1, 2, 3
#: added arrivals (``arrivals.extra``): sub-streams (direction 0 import / 1 export, then 0
#: arrival times, 1 clearance rows, 2 truth rows)
SURGE = 5
#: sub-streams of EXPORTS: exports' arrival times, their consignments' uniform rows and the
#: uniforms of their hidden truth
EXPORT_ARRIVALS, EXPORT_ROWS, EXPORT_TRUTH = 0, 1, 2
#: export consignments' indices start here, so they never collide with imports' and logs
#: still join on (port, index)
EXPORT_INDEX = 1 << 40
#: smuggling groups' streams (keyed by group): their opportunities, their choices (and patrol
#: draws), and the uniform rows of the consignments they send through a port
SMUGGLING = 4
OPPORTUNITIES, CHOICES, SMUGGLING_ROWS = 0, 1, 2
#: smuggling groups' consignments' indices start here (never colliding with imports' or
#: exports'), so the baseline's consignments keep their identity when smuggling changes
SMUGGLING_INDEX = 2 << 40
#: partner customs' alerts (smart sharing): one stream per partner origin, keyed by its name,
#: so sharing changes no consignment's draws
PARTNER = 6
#: a call pattern's vessel calls (``arrivals.calls``): their times and boxes, drawn from a
#: stream of their own so that ports without a pattern keep every draw
CALLS = 7
#: added arrivals' indices start here (exports' at SURGE_INDEX + EXPORT_INDEX)
SURGE_INDEX = 4 << 40


def replication_seed(
    seed: int | np.random.SeedSequence, replication: int = 0
) -> np.random.SeedSequence:
    """The SeedSequence of replication ``replication`` under root seed ``seed``."""
    if isinstance(seed, np.random.SeedSequence):
        return seed
    return np.random.SeedSequence(entropy=int(seed), spawn_key=(int(replication),))


def port_stream(ss: np.random.SeedSequence, port: str, kind: int, *sub: int) -> np.random.Generator:
    """The stream ``kind`` (and sub-stream ``sub``) of ``port``: exports (kind EXPORTS) have
    their own, so the export settings never change what imports draw."""
    key = zlib.crc32(port.encode("utf-8"))
    child = np.random.SeedSequence(entropy=ss.entropy, spawn_key=(*ss.spawn_key, key, kind, *sub))
    return np.random.Generator(np.random.PCG64(child))


def group_stream(ss: np.random.SeedSequence, group: str, *sub: int) -> np.random.Generator:
    """A smuggling group's stream ``sub``: keyed by the group's name under kind SMUGGLING, so
    adding, removing or changing a group leaves the ports' draws and other groups' alone."""
    return port_stream(ss, group, SMUGGLING, *sub)


def name_key(name: str) -> int:
    """The key of a name in a stream's spawn key (a CRC32, as ports' names)."""
    return zlib.crc32(name.encode("utf-8"))


class UniformRows:
    """Hands out rows of uniforms, ``width`` per consignment, drawn in blocks."""

    def __init__(self, rng: np.random.Generator, width: int, block: int = 2048):
        self._rng, self._width, self._block = rng, width, block
        self._buf = np.empty((0, width))

    def take(self, n: int) -> np.ndarray:
        while len(self._buf) < n:
            more = self._rng.random((max(self._block, n), self._width))
            self._buf = np.concatenate([self._buf, more]) if len(self._buf) else more
        out, self._buf = self._buf[:n], self._buf[n:]
        return out


class JointRows:
    """Rows made of two streams side by side: the clearance uniforms (``first``) and the
    hidden truth's (``second``), so adding truth never changed what the first stream gives."""

    def __init__(self, first: UniformRows, second: UniformRows):
        self._first, self._second = first, second

    def take(self, n: int) -> np.ndarray:
        return np.hstack([self._first.take(n), self._second.take(n)])
