"""Each consignment's trader cost in the per-consignment log (with a ``[costs]`` section): its
items, their sum, the fees without the value of time, and the border's burden, from the same
function the cost book folds (:func:`sim.model.costs.consignment_costs`), so that a log's
means over the finished cohort are the run's cost metrics."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from sim.model.costs import TRADER_PARTS, P, consignment_costs
from sim.model.finders import found_in_log
from sim.model.milestones import CENSORED, OWNERS
from sim.model.prices import Prices

#: the log's cost columns: each trader cost item (``cost_<item>``), then the sums
ITEMS = tuple(f"cost_{k}" for k in TRADER_PARTS)
SUMS = {
    "trader_cost": "the trader's cost: the `cost_*` items summed (fees paid and the value of "
    "the goods' time)",
    "trader_fees": "what the trader pays out: `trader_cost` less the value of time "
    "(`cost_time_*`)",
    "border_burden": "the part of `trader_cost` the border imposes: the value of time owned by "
    "customs, quarantine and the organisation (`cost_time_customs`, `cost_time_quarantine`, "
    "`cost_time_organisation`), `cost_inspection_handling`, `cost_attendance` and "
    "`cost_treatment` (a quarantine treatment, fumigation or heat)",
}
COLUMNS = (*ITEMS, *SUMS)
_TIME = [P[f"time_{o}"] for o in OWNERS]


def cost_columns(col: Mapping[str, np.ndarray], prices: Prices) -> dict[str, np.ndarray]:
    """The :data:`COLUMNS` of each logged consignment, in the scenario's currency; NaN where
    it was censored (its costs are not complete, and no cost metric counts it)."""
    parts = consignment_costs(col, prices, found_in_log(col))
    censored = np.asarray(col["outcome"]) == CENSORED
    parts[censored] = np.nan
    out = {f"cost_{k}": parts[:, P[k]] for k in TRADER_PARTS}
    trader = parts[:, [P[k] for k in TRADER_PARTS]].sum(axis=1)
    out["trader_cost"] = trader
    out["trader_fees"] = trader - parts[:, _TIME].sum(axis=1)
    out["border_burden"] = parts[:, P["border_burden"]]
    return out

