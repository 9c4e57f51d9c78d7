"""Electronic payment of duties, taxes, fees and charges (WTO TFA Art. 7.2): importers who
paid at a bank counter or by a transfer customs confirmed by hand pay online, and customs
sees the payment at once, so the wait for the duty paid that holds an import before its
release (``after_release.duty_payment``, and a port's own ``ports.<port>.duty_payment``) is
shorter.

The model does not tell one importer's way of paying from another's, so the rule acts on
averages, as ``expedited_shipments`` does: the share ``uptake`` of the payments moves to
electronic payment, each ``time_cut`` shorter, so every wait for the duty is
``1 - uptake x time_cut`` of what it was, its shape kept. Two-step declarations, released
before the payment, gain nothing; exports pay no duty in the model, so the article's
exportation side is not modelled. Where no import waits for its duty, the reform changes
nothing and says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sim.reforms.after_release import _duty_waits
from sim.reforms.fields import at, ports, rounded, scaled
from sim.reforms.reform import Changes, Param, Reform


def _electronic_payment(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    """Every wait for the duty payment, the scenario's and each port's own, scaled by
    ``1 - uptake x time_cut``; none where no import waits for its duty (nothing to shorten)."""
    if not _duty_waits(data):
        return {}
    factor = 1 - s["uptake"] * s["time_cut"]
    out: Changes = {}
    national = at(data, "after_release.duty_payment")
    if national is not None:
        out["after_release.duty_payment"] = rounded(scaled(national, factor))
    for name, port in ports(data):
        own = port.get("duty_payment")
        if own is not None:
            out[f"ports.{name}.duty_payment"] = rounded(scaled(own, factor))
    return out


#: what it acts on, said where the scenario has none of it
ACTS_ON = ("it acts on the wait for the duty payment before release, and no import here waits "
           "for it: after_release.duty_payment and every port's own duty_payment are 0 h; "
           "give it a time, as china-2017.toml does")


PAYMENT = [
    Reform(
        "electronic_payment",
        "electronic payment of duties and fees (WTO TFA Art. 7.2): the share uptake of "
        "importers pay online and customs sees the payment at once, so every wait for the "
        "duty paid before release (after_release.duty_payment, a port's own duty_payment) "
        "is shorter on average by uptake x time_cut; two-step declarations, released before "
        "the payment, gain nothing, and exports pay no duty in the model",
        _electronic_payment,
        (
            "WTO Agreement on Trade Facilitation, WT/L/940, Art. 7.2: each Member shall, to "
            "the extent practicable, adopt procedures allowing the option of electronic "
            "payment for duties, taxes, fees and charges collected by customs incurred upon "
            "importation and exportation",
            "assumption: uptake and time_cut (no published share of duties paid electronically "
            "nor time saved was found)",
        ),
        {
            "uptake": Param(0.5, "share of the importers' duty payments that move to "
                            "electronic payment"),
            "time_cut": Param(0.75, "share of the wait for the duty paid that electronic payment "
                         "saves for a payment made that way"),
        },
        acts_on=ACTS_ON,
    ),
]
