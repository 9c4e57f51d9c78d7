"""Which illicit types a run's per-consignment log lists as the categories of its ``illicit``
column: the first :data:`~sim.scenario.base.FIRST_TYPES` types always, and a type appended
to ``ILLICIT`` since (``wildlife``) only when the run can carry it. A run that cannot keeps its
log exactly as it was before the type existed (same categories, same codes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.scenario.base import FIRST_TYPES, ILLICIT

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario


def named_kinds(scenario: Scenario) -> set[str]:
    """The illicit types the scenario names: a prevalence above 0 or a smuggling group's type
    (an era's prevalence is seen in the log's codes instead: :func:`logged_kinds`)."""
    names = {k for k, p in scenario.enforcement.prevalence.items() if p > 0}
    if scenario.smuggling is not None:
        names |= {g.illicit for g in scenario.smuggling.groups.values()}
    return names


def logged_kinds(scenario: Scenario, codes: np.ndarray) -> list[str]:
    """``compliant`` and the illicit types the log lists: the first ``FIRST_TYPES``, and
    every later one up to the last the scenario names or the log's truth codes carry."""
    last = max([FIRST_TYPES] + [ILLICIT.index(k) + 1 for k in named_kinds(scenario)])
    if codes.size:
        last = max(last, int(np.nanmax(codes)))
    return ["compliant", *ILLICIT[:last]]
