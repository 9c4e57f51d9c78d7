"""A per-consignment log with each consignment's clearance hours beside it.

The log (``simulate(..., log=True).log``, ``bordersim run --log``'s Parquet files) keeps
milestones, not intervals: clearance is ``released - arrived``, the time the metric
``clearance_h_*`` is of. It is derived here, on demand, rather than stored as a column of its
own: every log written would carry a second copy of two columns it already has (the log's
columns are draws, milestones, decisions and owners' hours, each recorded once as the run
streams them out), and a log read back from a folder written before would lack it."""

from __future__ import annotations

import pandas as pd

#: the derived column's name, as the metric it is the sample of (``clearance_h_mean``)
CLEARANCE = "clearance_h"


def with_clearance(log: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``log`` with ``clearance_h``, hours from arrival to customs' release, after
    its ``released`` column: NaN where the consignment was not released (censored at the
    run's end, seized or rejected). Its mean over the cohort's released consignments is the
    run's ``clearance_h_mean``. ``log`` itself is left as it was."""
    missing = [c for c in ("arrived", "released") if c not in log.columns]
    if missing:
        raise ValueError(f"with_clearance: the table has no {' or '.join(missing)} column; "
                         "give it a per-consignment log (simulate(..., log=True).log, or "
                         "a log's Parquet file read with pandas.read_parquet)")
    if CLEARANCE in log.columns:
        raise ValueError(f"with_clearance: the table already has a {CLEARANCE} column")
    out = log.copy()
    hours = (log["released"] - log["arrived"]).astype("float64")
    out.insert(list(log.columns).index("released") + 1, CLEARANCE, hours)
    return out
