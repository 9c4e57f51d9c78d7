"""Where chosen illicit types were detected and where they slipped through: counts by port and
direction (``enforcement.report_by_port``; none by default).

The pooled figures say how many counterfeits were detected (``detection_rate_counterfeit``)
and what all illicit goods that slipped were worth (``value_slipped``), not at which port
or on which flow. A rights holder or a port director asks exactly that. For each type
named, these are the enforcement tally's own counters (:mod:`sim.model.enforcement`), split:

- ``detected_<type>``: the cohort's declarations of the type found before release (for
  counterfeits, those detained);
- ``slipped_<type>``: those released without being found, before release or by the
  post-clearance checks (as ``value_slipped`` counts value);
- ``found_after_release_<type>``: those released and then found by the post-clearance checks
  (a tax review, a recall, the audit: too late to detain);
- ``held_<type>``: those still held by customs undetected at the run's end (no known
  outcome yet).

The four add up to ``illicit_<type>``, the cohort's declarations of the type, so a reader can
check every one is counted once.

Each is given pooled, ``_<direction>``, ``_port_<port>`` and ``_port_<port>_<direction>``:
the port ones add up to the pooled one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from sim.model.finders import TRUTH
from sim.scenario.base import DIRECTIONS

if TYPE_CHECKING:
    from sim.model.enforcement import EnforcementTally

_D = len(DIRECTIONS)


def counts_by_port(t: EnforcementTally, kinds: Sequence[str]) -> dict[str, np.ndarray]:
    """For each stem (``detected_<type>``, ``slipped_<type>``, ``found_after_release_<type>``,
    ``held_<type>``) the counts as a port x
    direction array (the tally's rows are port x direction, its columns truth codes:
    compliant first, then each illicit type in ``ILLICIT`` order)."""
    out: dict[str, np.ndarray] = {}
    for kind in kinds:
        k = TRUTH.index(kind)
        detected = t.detected[:, k]
        slipped = t.n[:, k] - t.held[:, k] - detected - t.audited[:, k]
        out[f"detected_{kind}"] = detected.reshape(-1, _D)
        out[f"slipped_{kind}"] = slipped.reshape(-1, _D)
        out[f"found_after_release_{kind}"] = t.audited[:, k].reshape(-1, _D)
        out[f"held_{kind}"] = t.held[:, k].reshape(-1, _D)
    return out


def port_type_metrics(t: EnforcementTally, kinds: Sequence[str]) -> dict[str, float]:
    """The flat metrics of :func:`counts_by_port`: pooled, by direction, by port and by
    port and direction (every port and direction named, 0 when none came)."""
    return by_port_and_direction(counts_by_port(t, kinds), t.ports)


def by_port_and_direction(counts: dict[str, np.ndarray], ports: Sequence[str]) -> dict[str, float]:
    """Each stem's ports x directions array as flat metrics: ``stem`` (pooled),
    ``stem_<direction>``, ``stem_port_<port>`` and ``stem_port_<port>_<direction>``."""
    out: dict[str, float] = {}
    for stem, a in counts.items():
        out[stem] = float(a.sum())
        for d, direction in enumerate(DIRECTIONS):
            out[f"{stem}_{direction}"] = float(a[:, d].sum())
        for p, port in enumerate(ports):
            out[f"{stem}_port_{port}"] = float(a[p].sum())
            for d, direction in enumerate(DIRECTIONS):
                out[f"{stem}_port_{port}_{direction}"] = float(a[p, d])
    return out
