"""A green lane (绿色通道) for perishables: the commodities a port names in
``ports.<port>.green_lane`` go first where a queue keeps an order of priority, in the exam
yard's queues (as AEO traders' examinations with ``exam.aeo_priority``) and in the
laboratory's batches (ahead of every sample not covered, first come first served among
themselves). Other queues (the documentary review, the scan, the cold-chain teams) keep
their order: they have no priority."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sim.model.draws import R

if TYPE_CHECKING:
    from sim.model.port import Port


def green(p: Port, r: Sequence[float]) -> bool:
    """Whether consignment row ``r`` at port ``p`` is of a commodity its green lane covers
    (False at once where the port has none: a run without one is untouched)."""
    names = p.spec.green_lane
    return bool(names) and p.commodities[int(r[R.commodity])] in names
