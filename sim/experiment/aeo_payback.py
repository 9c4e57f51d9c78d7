"""Does AEO certification pay for one trader? The saving a declaration that a comparison's
certified traders got (its who-gains rows ``general → aeo_advanced``, measure ``trader_cost``:
each certified consignment set against itself uncertified), times the trader's declarations a
year, against what the status costs the trader: a one-off cost of getting certified and a
yearly cost of keeping it (staff, audits, systems). For a trader already certified, an
``aeo_lapse`` option's rows ``aeo_advanced → general`` give the same saving from the other
side: what its own (advanced AEOs') consignments would cost more without the status. The
costs are the trader's own figures: no published figure is in this project's research notes,
so there is no default.

The payback is claimed only when the saving's interval lies above 0: where it holds 0 the
comparison cannot tell the saving from none, and :func:`unclaimed_words` says so.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from sim.experiment.gains import COST

#: the who-gains group of a consignment the option certified
CERTIFIED = "general → aeo_advanced"
#: the reform whose 'general → aeo_advanced' rows are a partner AEO's goods, not a trader
#: certified: the payback leaves its options out
PARTNER = "aeo_partner_recognition"
#: the who-gains group of an advanced AEO's consignment whose certification lapsed
LAPSED = "aeo_advanced → general"
#: the columns of ``aeo-payback.csv``, one row per option, port and direction; ``group``
#: (:data:`CERTIFIED` or :data:`LAPSED`: whose saving the row is) came last, so a file
#: written before it is still read (:data:`NEEDED`)
COLUMNS = (
    "option", "port", "direction", "unit", "n", "saving", "saving_low", "saving_high",
    "declarations_a_year", "saved_a_year", "saved_low_a_year", "saved_high_a_year",
    "cost_a_year", "net_a_year", "cost_once", "months_to_pay_back", "claimable", "group",
)
NEEDED = COLUMNS[:-1]
#: what a row's saving is, by its group, in the warning's words
SAVING_OF = {CERTIFIED: "certified traders' saving", LAPSED: "saving the status keeps"}


@dataclass(frozen=True)
class Certification:
    """What the trader enters: declarations a year at the port and direction read (one
    count for both directions, or a count by direction: imports and exports apart), the
    one-off cost of getting certified and the yearly cost of keeping it (``None``: not
    given), in the comparison's currency at its prices."""

    declarations_a_year: float | Mapping[str, float]
    cost_once: float | None = None
    cost_a_year: float | None = None

    def per_year(self, direction: str | None = None) -> float:
        """The declarations a year of ``direction`` (``import``, ``export``): the one
        count, or that direction's."""
        n = self.declarations_a_year
        if isinstance(n, Mapping):
            if direction is None:
                raise ValueError("declarations a year by direction: name the direction")
            return float(n[direction])
        return float(n)


def payback(saving: float, low: float, high: float, ask: Certification) -> dict[str, Any]:
    """The payback of one saving a declaration (``saving`` and its interval ``low``-``high``,
    a fall in cost counted positive): the yearly saving and its interval, net of the yearly
    cost, and the months the net saving takes to repay the one-off cost (``None`` when it
    never does or no one-off cost was given). ``claimable`` only when the interval lies
    above 0."""
    n = ask.per_year()
    kept = ask.cost_a_year or 0.0
    net = saving * n - kept
    months = None
    if ask.cost_once is not None and net > 0:
        months = 12.0 * ask.cost_once / net
    return {
        "declarations_a_year": n, "saved_a_year": saving * n, "saved_low_a_year": low * n,
        "saved_high_a_year": high * n, "cost_a_year": ask.cost_a_year, "net_a_year": net,
        "cost_once": ask.cost_once, "months_to_pay_back": months,
        "claimable": bool(math.isfinite(low) and low > 0),
    }


def payback_rows(gains: pd.DataFrame, ask: Certification) -> list[dict[str, Any]]:
    """One row per option, port and direction with certified consignments (:data:`COLUMNS`), their
    saving a declaration (``-mean_change``; the interval's ends swap) and its
    :func:`payback` at the trader's declarations of its direction; or with lapsed ones
    (:data:`LAPSED`), whose rise in cost is the saving the status keeps (``mean_change`` as
    it is). Empty when the comparison certified and decertified no one or priced no trader
    cost."""
    if gains.empty or "group" not in gains:
        return []
    rows = gains[(gains["measure"] == COST) & (gains["dimension"] == "trader_class")
                 & gains["group"].isin((CERTIFIED, LAPSED))
                 & ~gains["option"].astype(str).str.contains(PARTNER, regex=False)]
    out = []
    for r in rows.to_dict("records"):
        if r["group"] == LAPSED:
            saving, low, high = (float(r[k]) for k in ("mean_change", "ci_low", "ci_high"))
        else:
            saving, low, high = (0.0 - r[k] for k in ("mean_change", "ci_high", "ci_low"))
        out.append({"option": r["option"], "port": r["port"], "direction": r["direction"],
                    "unit": r["unit"], "n": r["n"], "saving": saving, "saving_low": low,
                    "saving_high": high,
                    **payback(saving, low, high, replace(
                        ask, declarations_a_year=ask.per_year(str(r["direction"])))),
                    "group": r["group"]})
    return out


def unclaimed_words(row: dict[str, Any]) -> str:
    """The warning for a row whose saving's interval holds 0 (or is unknown): no payback can
    be claimed from it. The saving is named by the row's group: the certified traders' on
    a certification's rows, the one the status keeps on a lapse's (a row without a group,
    of a file written before it: certified)."""
    what = SAVING_OF.get(str(row.get("group")), SAVING_OF[CERTIFIED])
    return (f"{row['port']} {row['direction']}: the {what} a declaration, "
            f"{_money(row['saving'])} {row['unit']} [{_money(row['saving_low'])}, "
            f"{_money(row['saving_high'])}], holds 0 in its interval: no payback can be "
            "claimed (run more replications or days)")


def _money(x: float) -> str:
    return f"{x:,.1f}" if math.isfinite(x) else "nan"
