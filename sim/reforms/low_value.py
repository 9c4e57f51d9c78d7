"""A low-value (de minimis) threshold for parcels (WTO TFA Art. 7.8.2(e)): imports at post and
express hubs declared below ``threshold`` are cleared on a simplified, consolidated
declaration, so customs selects them for the document check, the scan and the physical exam
at ``selection`` times the tables' rate; quarantine selection keeps its rate. A threshold also
draws goods worth more to be declared just under it: undervaluation's prevalence among
parcels declared within ``[threshold / undervaluation_factor, threshold)`` is
``undervaluation_uplift`` times what it was (1: no such effect).

The rule writes ``ports.<port>.low_value`` (sim/scenario/low_value.py) at each port of mode
``post``; the model reads it at selection and in the hidden truth. With the risk engine on
(``risk.enabled``) the tables are not what selects, so the reform changes nothing and says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sim.reforms.fields import at, ports
from sim.reforms.reform import Changes, Param, Reform


def _low_value(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    """Every post hub gets the simplified path; none where the risk engine selects."""
    if at(data, "risk.enabled") is True:
        return {}
    path = {
        "threshold": s["threshold"],
        "selection": s["selection"],
        "undervaluation_uplift": s["undervaluation_uplift"],
    }
    return {f"ports.{name}.low_value": dict(path) for name, _ in ports(data, "post")}


#: what it acts on, said where the scenario has none of it
ACTS_ON = ("it acts on the selection tables of the ports of mode post, and there is no such "
           "port here, or the risk engine selects (risk.enabled true)")


LOW_VALUE = [
    Reform(
        "low_value_threshold",
        "a low-value (de minimis) threshold for parcels (WTO TFA Art. 7.8.2(e)): imports at "
        "post and express hubs declared below threshold are cleared on a simplified, "
        "consolidated declaration and selected for the document check, the scan and the "
        "physical exam at selection times the tables' rate (quarantine unchanged); "
        "undervaluation among parcels declared just under the threshold is "
        "undervaluation_uplift times as common",
        _low_value,
        (
            "WTO Agreement on Trade Facilitation, WT/L/940, Art. 7.8.2(e): to the extent "
            "possible, a de minimis shipment value or dutiable amount for which customs "
            "duties and taxes will not be collected",
            "threshold: China's cross-border e-commerce retail imports, a limit of 5,000 CNY "
            "a transaction from 1 January 2019 (MOF, GAC and SAT announcement 2018 No. 49), "
            "at an assumed 7.25 CNY to the US dollar: 690 in the default scenario's USD; the "
            "EU's 22 EUR VAT exemption, removed on 1 July 2021 (Council Directive (EU) "
            "2017/2455), is about 24",
            "assumption: selection (a simplified path checked at half the rate; no published "
            "rate was found) and undervaluation_uplift (twice as much undervaluation just under "
            "the threshold; the EU removed its exemption citing its abuse, no figure was "
            "found)",
        ),
        {
            "threshold": Param(
                690.0, "declared value below which a parcel import takes the simplified path, "
                "in the scenario's money", 1.0, 10000.0
            ),
            "selection": Param(
                0.5, "the simplified path's selection for the document check, the scan and "
                "the physical exam, as a share of the tables' rate", 0.0, 1.0
            ),
            "undervaluation_uplift": Param(
                2.0, "undervaluation's prevalence, times this, among parcels declared just "
                "under the threshold (an undervalued one's true value would be above it)",
                1.0, 5.0
            ),
        },
        acts_on=ACTS_ON,
    ),
]
