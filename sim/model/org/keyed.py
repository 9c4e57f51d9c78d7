"""Keyed uniforms: the uniforms of one message, a pure function of what the message is.

A message of the organisation (an escalation, an alert, a directive) takes its transfer and
service times from uniforms keyed by the replication's seed, its kind, its port and its
consignment, so that two structures whose paths have the same shape draw the same times
whatever the order in which the simulation meets them (common random numbers). SplitMix64
(Steele, Lea and Flood 2014) on a counter: fast for the few uniforms a message needs, where
creating a numpy generator per message would cost more than the message itself.
"""

from __future__ import annotations

import math
import zlib
from typing import Any

import numpy as np

from sim.scenario.distributions import Deterministic, Exponential

MASK = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15


def _mix(z: int) -> int:
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def key(*parts: int) -> int:
    """A 64-bit key of any non-negative integers (each folded to 64 bits first)."""
    h = GAMMA
    for p in parts:
        while True:
            h = _mix((h + GAMMA) ^ (p & MASK))
            p >>= 64
            if not p:
                break
    return h


def uniforms(k: int, n: int) -> np.ndarray:
    """``n`` uniforms in [0, 1) of key ``k``: SplitMix64 outputs of counters k + i gamma."""
    out = np.empty(n)
    for i in range(n):
        out[i] = (_mix((k + (i + 1) * GAMMA) & MASK) >> 11) * 2.0**-53
    return out


def draw(dist: Any, u: float) -> float:
    """One inverse-CDF draw; the fixed and exponential times without numpy's per-call
    overhead (a message makes a few draws, not a block)."""
    if isinstance(dist, Deterministic):
        return float(dist.value)
    if isinstance(dist, Exponential):
        return float(min(-dist.mean_ * math.log1p(-u), dist._cap))
    return float(dist.ppf(np.array([u]))[0])


def crc(text: str) -> int:
    """A stable key for a name (a port, a unit)."""
    return zlib.crc32(text.encode("utf-8"))
