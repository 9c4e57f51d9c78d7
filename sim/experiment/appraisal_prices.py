"""An appraisal's money carried to another year's prices (``bordersim appraise
--price-year``): every money figure the comparison recorded at its scenario's
``costs.price_year`` (the agencies' and traders' costs, the equipment outlay, the reforms'
set-up and running costs, the library's defaults priced on the scenario) times the price
index's ratio of the two years (:mod:`sim.experiment.price_index`), so that a business case
is said in one year's prices, the one its reader's budget is in. Amounts given at appraisal
(``--setup``, ``--running``) are read at the year asked, so they are not carried."""

from __future__ import annotations

from dataclasses import replace

from sim.experiment.appraisal_defaults import Defaults, Priced
from sim.experiment.appraisal_folder import Folder
from sim.experiment.price_index import carry

#: the replications' metrics in money (the others are hours, counts and shares)
MONEY = ("agency_running_cost_per_year", "agency_capital_outlay", "trader_cost_per_year",
         "trader_cost_per_consignment", "time_per_consignment", "revenue_evaded",
         "harm_slipped", "agency_idle_staff_cost_per_year", "agency_capital_cost_per_year")


def at_prices_of(folder: Folder, year: int, index: str | None = None) -> Folder:
    """``folder`` with its money at ``year``'s prices by ``index`` (the currency's own by
    default); a :class:`~sim.experiment.price_index.PriceIndexError` where no index fits or
    it does not cover a year."""
    carried = carry(folder.currency, folder.price_year, year, index)
    f = carried.factor
    reps = folder.replications.copy()
    for metric in MONEY:
        if metric in reps.columns:
            reps[metric] = reps[metric] * f
    defaults = Defaults({o: [Priced(p.reform, _times(p.setup, f), _times(p.running, f))
                             for p in ps] for o, ps in folder.defaults.priced.items()})
    return replace(folder, replications=reps, money=f"{folder.currency} at {year} prices",
                   setup={k: v * f for k, v in folder.setup.items()},
                   systems={o: {k: v * f for k, v in items.items()}
                            for o, items in folder.systems.items()},
                   defaults=defaults, price_year=year, carried=carried)


def _times(x: float | None, f: float) -> float | None:
    return None if x is None else x * f
