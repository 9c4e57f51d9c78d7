"""Who owns the time to release, and the time after it (see :mod:`sim.model.recorder`).

Every stretch from arrival to the end of the flow is booked to one owner as the journey passes
it (:class:`sim.model.journey.Owners`); the hours booked by the time of release are kept apart
(:class:`sim.model.steps.release.Release`). Split there, a Time Release Study's two questions
have their own answers: who holds the goods until customs releases them (arrival -> release,
whose hours add up to the clearance time), and who holds them from release until they leave
(release -> an import's exit or an export's loading: mostly the trader's pick-up, or the wait
for a departure). Pooled, the second hides the first: at a sea port the trader's day-long
pick-up makes customs' part of the whole look negligible.

Folded per block of finished rows into sums by port, direction and owner: memory does not grow
with the number of consignments.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from sim.model.milestones import OWNERS, M
from sim.model.recorder_rows import _S, _SOWN, _SREL
from sim.scenario.base import DIRECTIONS

#: the two parts of the flow, as metrics name them
PHASES = ("to_release", "after_release")
_RELEASED = M["released"]
#: the owners' hours to release of a consignment never released (by the end of the run)
UNRELEASED = (math.nan,) * len(OWNERS)


def to_release(own_release: np.ndarray | None, m: np.ndarray) -> np.ndarray:
    """A block's owners' hours from arrival to release, NaN where a row was not released
    (by the end of the run: ``m`` as censored)."""
    if own_release is None:  # (every plan has a release step: a block always passes it)
        return np.full((len(m), len(OWNERS)), np.nan)
    never = np.isnan(m[:, _RELEASED])
    if never.any():
        return np.where(never[:, None], np.nan, own_release)
    return own_release


class ReleaseOwnerTally:
    """Owners' hours of arrival -> release (over the consignments released by the end of the
    run, those of ``clearance_h_mean``) and of release -> the end of the flow (over those out
    of the flow, those of ``overall_clearance_h_mean``), by port and direction."""

    def __init__(self, ports: Sequence[str]) -> None:
        self.ports = list(ports)
        shape = (len(PHASES), len(self.ports), len(DIRECTIONS))
        self.hours = np.zeros((*shape, len(OWNERS)))
        self.n = np.zeros(shape, np.int64)

    def _add(self, phase: int, a: np.ndarray, hours: np.ndarray) -> None:
        port, direction = a[:, _S["port"]].astype(int), a[:, _S["direction"]].astype(int)
        np.add.at(self.hours[phase], (port, direction), hours)
        np.add.at(self.n[phase], (port, direction), 1)

    def add_to_release(self, a: np.ndarray) -> None:
        """Fold statistics rows ``a`` of consignments released by the end of the run."""
        self._add(0, a, a[:, _SREL:])

    def add_after_release(self, a: np.ndarray) -> None:
        """Fold statistics rows ``a`` of consignments out of the flow: their hours after
        release are their hours from arrival less those to release."""
        self._add(1, a, a[:, _SOWN:_SREL] - a[:, _SREL:])

    def table(self) -> dict[str, np.ndarray]:
        """Mean hours per consignment and share of the hours, by phase, direction and owner
        (the owners table's ``mean_h_to_release_import``, ... columns)."""
        out = {}
        none = np.full(len(OWNERS), np.nan)
        for k, phase in enumerate(PHASES):
            for d, direction in enumerate(DIRECTIONS):
                hours, n = self.hours[k, :, d].sum(axis=0), int(self.n[k, :, d].sum())
                total = hours.sum()
                out[f"mean_h_{phase}_{direction}"] = hours / n if n else none
                out[f"share_{phase}_{direction}"] = hours / total if total > 0 else none
        return out

    def metrics(self) -> dict[str, float]:
        """``owner_hours_<phase>_<owner>_<direction>`` (mean hours per consignment) and
        ``owner_share_<phase>_<owner>_<direction>`` (a ratio of sums, as ``owner_share``),
        then the same of each port (``..._port_<port>_<direction>``); NaN where there is no
        such consignment (a share also where its hours are all 0)."""
        out: dict[str, float] = {}
        for k, phase in enumerate(PHASES):
            for d, direction in enumerate(DIRECTIONS):
                _owners(out, phase, direction, self.hours[k, :, d].sum(axis=0),
                        int(self.n[k, :, d].sum()))
            for p, name in enumerate(self.ports):
                for d, direction in enumerate(DIRECTIONS):
                    _owners(out, phase, f"port_{name}_{direction}", self.hours[k, p, d],
                            int(self.n[k, p, d]))
        return out


def _owners(out: dict[str, float], phase: str, suffix: str, hours: np.ndarray, n: int) -> None:
    """One group's mean hours and shares by owner, into ``out``."""
    total = float(hours.sum())
    for o, owner in enumerate(OWNERS):
        out[f"owner_hours_{phase}_{owner}_{suffix}"] = float(hours[o] / n) if n else math.nan
        out[f"owner_share_{phase}_{owner}_{suffix}"] = (
            float(hours[o] / total) if total > 0 else math.nan
        )
