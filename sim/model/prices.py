"""The scenario's prices laid out as arrays by port and commodity, for the vectorised cost
functions of :mod:`sim.model.costs`."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from sim.scenario.costs import HARM_BASES, ILLICIT_KINDS, Costs, by_mode

#: illicit kinds that name the goods they are: such goods are truly of the commodity of that
#: name (at the scenario's duty rate of that commodity, else its default rate), whatever the
#: declaration says; the goods of the other kinds are of the declared commodity
SMUGGLED = ("tobacco", "frozen")


@dataclass(frozen=True)
class Prices:
    """The scenario's prices, laid out as arrays by port and commodity for vectorised use."""

    broker: np.ndarray  # by port
    terminal_handling: np.ndarray
    inspection_move: np.ndarray
    exam_handling: np.ndarray
    attendance: np.ndarray
    recall: np.ndarray  # by port, per container recalled
    guarantee_fee: float  # per year, share of the duty guaranteed
    free_h: np.ndarray
    storage_day: np.ndarray
    storage_started: np.ndarray  # by port: billed per started day (else prorated by the hour)
    time_rate: np.ndarray  # by commodity, share of value per day
    reefer_day: np.ndarray  # by commodity (0 unless kept frozen)
    duty_rate: np.ndarray  # by commodity
    lab_test: np.ndarray  # by commodity: price of its test
    scan_use: np.ndarray  # by port
    lab_use: float
    sample: float
    post_release_review: float  # per post-clearance tax review (two-step processing)
    supplementary_declaration: float  # per full declaration after a two-step release
    destruction: np.ndarray  # by port
    treatment: np.ndarray  # by port, per container treated by quarantine
    disposal_storage: np.ndarray  # by port, per container-day of a rejected box's disposal
    disposal_h: np.ndarray  # by commodity: a rejected lot's disposal hours (0: none)
    rejection_state: bool
    no_find_state: bool
    separate_inspection: bool
    harm: np.ndarray  # by illicit code (0: compliant)
    harm_per: np.ndarray  # by illicit code: its index in HARM_BASES
    true_rate: np.ndarray  # by illicit code: the duty rate of the goods' true commodity, NaN:
    # the declared commodity's

    @classmethod
    def of(
        cls, costs: Costs, modes: Sequence[str], commodities: dict[str, Any], separate: bool
    ) -> Prices:
        t = costs.trader
        storage = [t.storage_for(m) for m in modes]
        cc = [costs.commodity(k) for k in commodities]
        tests = [costs.checks.lab_tests.get(v.lab_test, 0.0) for v in commodities.values()]

        def per_port(prices: dict[str, float]) -> np.ndarray:
            return np.array([by_mode(prices, m) for m in modes])

        return cls(
            broker=per_port(t.broker_fee),
            terminal_handling=per_port(t.terminal_handling),
            inspection_move=per_port(t.inspection_move),
            exam_handling=per_port(t.exam_handling),
            attendance=per_port(t.attendance),
            recall=per_port(t.recall),
            guarantee_fee=t.guarantee_fee,
            free_h=np.array([s.free for s in storage]),
            storage_day=np.array([s.per_container_day for s in storage]),
            storage_started=np.array([s.billing == "per_started_day" for s in storage]),
            time_rate=np.array(
                [
                    t.time_cost_per_day if c.time_cost_per_day is None else c.time_cost_per_day
                    for c in cc
                ]
            ),
            reefer_day=np.array([t.reefer_per_day if c.reefer else 0.0 for c in cc]),
            duty_rate=np.array(
                [costs.slipped.duty_rate if c.duty_rate is None else c.duty_rate for c in cc]
            ),
            lab_test=np.array(tests),
            scan_use=np.array([getattr(costs.scanner_for(m), "per_use", 0.0) for m in modes]),
            lab_use=costs.lab.per_use if costs.lab else 0.0,
            sample=costs.checks.sample,
            post_release_review=costs.checks.post_release_review,
            supplementary_declaration=costs.checks.supplementary_declaration,
            destruction=per_port(costs.checks.destruction),
            treatment=per_port(costs.checks.treatment),
            disposal_storage=per_port(costs.checks.disposal_storage),
            disposal_h=np.array(
                [0.0 if v.disposal is None else v.disposal.time for v in commodities.values()]
            ),
            rejection_state=costs.checks.rejection_payer == "state",
            no_find_state=costs.no_find_payer == "state",
            separate_inspection=separate,
            harm=np.array([0.0] + [costs.slipped.harm.get(k, 0.0) for k in ILLICIT_KINDS]),
            harm_per=np.array(
                [0] + [HARM_BASES.index(costs.slipped.harm_per.get(k, "consignment"))
                       for k in ILLICIT_KINDS]
            ),
            true_rate=np.array([math.nan] + [_true_rate(costs, k) for k in ILLICIT_KINDS]),
        )


def _true_rate(costs: Costs, kind: str) -> float:
    """The duty rate of goods of illicit ``kind`` as they truly are (NaN: as declared)."""
    if kind not in SMUGGLED:
        return math.nan
    rate = costs.commodity(kind).duty_rate
    return costs.slipped.duty_rate if rate is None else rate
