"""Options that change which consignments arrive (a surge, a port's traffic): their pooled
figures compare other mixes of goods than the baseline's, so a table or headline must say so.

A surge of fast, cheap parcels lowers the mean clearance time and cost over every port while
every parcel is slower: the pooled means move the wrong way. Per port and direction, and per
consignment in who gains and who loses, the comparison stays like with like.
"""

from __future__ import annotations

import math

import pandas as pd

#: a relative change of the cohort's arrivals below this is noise of the arrivals themselves
#: (a reform that only moves a few smugglers' loads, say), not another mix of goods
SMALL_SHARE = 0.005


def changed_arrivals(per_rep: pd.DataFrame, baseline: str) -> dict[str, float]:
    """Options whose cohort arrivals (``consignments_arrived``) differ from the baseline's by
    more than :data:`SMALL_SHARE` on average over the replications both ran -> the mean
    difference a replication (option - baseline)."""
    if "consignments_arrived" not in per_rep or per_rep.empty:
        return {}
    runs = per_rep.pivot_table(
        index="replication", columns="option", values="consignments_arrived", aggfunc="first"
    )
    if baseline not in runs:
        return {}
    out: dict[str, float] = {}
    for name in runs.columns:
        if name == baseline:
            continue
        both = runs[[baseline, name]].dropna()
        if both.empty:
            continue
        base = float(both[baseline].mean())
        diff = float((both[name] - both[baseline]).mean())
        if base > 0 and math.isfinite(diff) and abs(diff) > SMALL_SHARE * base:
            out[str(name)] = diff
    return out


def arrivals_note(diff: float) -> str:
    """What a table or report says of an option that changes the arrivals by ``diff`` a
    replication."""
    more = "more" if diff > 0 else "fewer"
    return (
        f"it changes which consignments arrive ({abs(diff):,.0f} {more} in the cohort a "
        "replication): figures pooled over every port and direction then compare another mix "
        "of goods than the baseline's and can move the wrong way (fast, cheap parcels added "
        "lower the mean while each parcel waits longer); read each port and direction "
        "(`..._port_<port>_<direction>`), and who gains and who loses, which pairs the same "
        "consignments and leaves the added ones out"
    )
