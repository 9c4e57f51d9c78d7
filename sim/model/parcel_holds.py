"""Parcels held at a post or express hub: the share of parcels taken off the line for a
physical exam or a quarantine check, and their time to release.

A hub scans nearly every parcel on the belt (the default's post hub: 98 %), so its
``inspection_rate_port_<port>_<direction>`` (China's definition: a scan counts) is near 1
whatever customs does; what an express operator plans for is the parcels pulled aside to be
opened or checked by quarantine, which wait for a bench, a team or an officer. Counted over
the cohort's parcels (a check counts once it started, as for the inspection rate), by port
and direction, at ports of mode ``post`` only (at goods ports ``inspection_rate`` is the
figure to read).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from sim.model.finders import PHYSICAL, QUARANTINE
from sim.model.milestones import M
from sim.model.recorder_rows import _S, _SMS
from sim.scenario.schema import DIRECTIONS

if TYPE_CHECKING:
    from sim.model.recorder import Recorder

_HELD = PHYSICAL | QUARANTINE
_D = len(DIRECTIONS)
#: per port and direction: parcels, those held, held ones released by the end, their hours
_COUNTS = 4


class ParcelHoldTally:
    """Counts of the cohort's parcels and of those held (physical exam or quarantine check
    started), by post port and direction, and the arrival-to-release hours of the held
    parcels customs released by the run's end."""

    def __init__(self, ports: Sequence[str], modes: Sequence[str], end: float) -> None:
        self.ports, self.end = list(ports), end
        self.post = [p for p, mode in enumerate(modes) if mode == "post"]
        self.sums = np.zeros((len(self.ports), _D, _COUNTS))

    def wire(self, recorder: Recorder) -> ParcelHoldTally:
        """Fold every block the recorder folds (not at all without a post port)."""
        if self.post:
            recorder.also_fold(self.fold)
        return self

    def fold(self, a: np.ndarray) -> None:
        """Fold statistics rows (checks already cut to those started by the end)."""
        port = a[:, _S["port"]].astype(int)
        direction = a[:, _S["direction"]].astype(int)
        held = (a[:, _S["checks"]].astype(int) & _HELD) > 0
        hours = a[:, _SMS + M["released"]] - a[:, _SMS + M["arrived"]]
        out = held & (a[:, _SMS + M["released"]] <= self.end)
        cell = port * _D + direction
        size = len(self.ports) * _D
        flat = self.sums.reshape(size, _COUNTS)
        flat[:, 0] += np.bincount(cell, minlength=size)
        flat[:, 1] += np.bincount(cell[held], minlength=size)
        flat[:, 2] += np.bincount(cell[out], minlength=size)
        flat[:, 3] += np.bincount(cell[out], weights=hours[out], minlength=size)

    def metrics(self) -> dict[str, float]:
        """For each post port and direction: ``parcels_held_share_port_<port>_<direction>``
        (of the cohort's parcels) and ``parcels_held_clearance_h_mean_port_<port>_<direction>``
        (arrival to customs' release of the held parcels released by the end); NaN where
        none."""
        out: dict[str, float] = {}
        for p in self.post:
            for d, direction in enumerate(DIRECTIONS):
                n, held, released, hours = self.sums[p, d]
                tail = f"port_{self.ports[p]}_{direction}"
                out[f"parcels_held_share_{tail}"] = held / n if n else math.nan
                mean = hours / released if released else math.nan
                out[f"parcels_held_clearance_h_mean_{tail}"] = mean
        return out
