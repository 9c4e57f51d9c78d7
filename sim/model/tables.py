"""The result tables of a run, read from the recorder's streamed statistics."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from sim.analysis.sketch import quantile_from_counts
from sim.model.draws import DRAWS
from sim.model.milestones import CHANNELS, INTERVALS, OUTCOMES, OWNERS, RELEASED
from sim.model.recorder import Recorder
from sim.model.recorder_rows import COLUMNS
from sim.scenario.schema import DIRECTIONS, ILLICIT, TRADER_CLASSES

if TYPE_CHECKING:
    from sim.model.costbook import CostBook
    from sim.model.port import Port


def clearance_table(rec: Recorder) -> pd.DataFrame:
    """Clearance times by metric and dimension: count, mean, quantiles, share within 24 h."""
    rows = []
    for (metric, dim), hist in rec.hist.items():
        for g, group in enumerate(rec.dimensions[dim]):
            n = int(hist[g].sum())
            if n == 0 and dim != "all":
                continue
            s = rec.sums[(metric, dim)][g]
            rows.append(
                {
                    "metric": metric,
                    "dimension": dim,
                    "group": group,
                    "n": n,
                    "mean_h": s / n if n else math.nan,
                    "median_h": quantile_from_counts(hist[g], 0.5),
                    "p90_h": quantile_from_counts(hist[g], 0.9),
                    "p95_h": quantile_from_counts(hist[g], 0.95),
                    "within_24h": rec.within[(metric, dim)][g] / n if n else math.nan,
                }
            )
    return pd.DataFrame(rows)


def interval_table(rec: Recorder) -> pd.DataFrame:
    """The mean of each interval between two milestones, with the owner it is booked to."""
    rows = []
    for i, (name, frm, to, owner) in enumerate(INTERVALS):
        n = int(rec.interval_n[i])
        rows.append(
            {
                "interval": name,
                "from": frm,
                "to": to,
                "owner": owner,
                "n": n,
                "mean_h": rec.interval_sum[i] / n if n else math.nan,
            }
        )
    return pd.DataFrame(rows)


def owner_table(rec: Recorder) -> pd.DataFrame:
    """Time from arrival to exit by owner: mean per released consignment and share."""
    n = int(rec.outcomes[RELEASED])
    total = rec.owner_sum.sum()
    return pd.DataFrame(
        {
            "owner": list(OWNERS),
            "mean_h": rec.owner_sum / n if n else np.nan,
            "share": rec.owner_sum / total if total > 0 else np.nan,
        }
    )


def log_frame(rec: Recorder, ports: list[str], commodities: list[str]) -> pd.DataFrame | None:
    """The per-consignment log (None unless asked for), with named categories."""
    if not rec.log:
        return None
    data = np.concatenate(rec._chunks) if rec._chunks else np.empty((0, len(COLUMNS)))
    df = pd.DataFrame(data, columns=list(COLUMNS))
    for col in (
        "port",
        "index",
        "outcome",
        "channel",
        *DRAWS.dtypes("int"),
        *DRAWS.dtypes("category"),
    ):
        df[col] = df[col].astype(np.int64)
    for col in ("cohort", *DRAWS.dtypes("bool")):
        df[col] = df[col].astype(bool)
    categories = {
        "port": ports,
        "outcome": list(OUTCOMES),
        "channel": list(CHANNELS),
        "directions": list(DIRECTIONS),
        "commodities": commodities,
        "trader_classes": list(TRADER_CLASSES),
        "illicit": ["compliant", *ILLICIT],
    }
    named = [("port", "port"), ("outcome", "outcome"), ("channel", "channel")]
    named += [(d.name, d.dtype.split(":")[1]) for d in DRAWS.draws if ":" in d.dtype]
    for col, kind in named:
        codes = df[col].to_numpy()
        df[col] = pd.Categorical.from_codes(codes, categories=pd.Index(categories[kind]))
    return df.sort_values(["port", "index"], kind="stable").reset_index(drop=True)


def cost_tables(
    book: CostBook | None, ports: list[Port], utilisation: dict[tuple[str, str], float]
) -> dict[str, Any]:
    """The cost tables and headline cost metrics (none when the scenario has no costs)."""
    if book is None:
        return {}
    lanes = {p.name: {k: lane.hourly for k, lane in p.lanes.items()} for p in ports}
    utilisation = dict(utilisation)
    for p in ports:  # a review centre's officers are costed to the ports they came from
        review = p.spec.scan.image_review if p.spec.scan else None
        pool = review.pool if review else ""
        if review and pool:
            lanes[p.name]["image_officers"] = review.officers.hourly_capacity()
            utilisation[(p.name, "image_officers")] = utilisation.get(
                (pool, "image_officers"), math.nan
            )
    labs = {p.name: p.lab is not None for p in ports}
    agency = book.agency_items(lanes, labs, utilisation)
    groups = book.groups(agency)
    return {
        "costs": pd.DataFrame(list(groups.values())),
        "agency": pd.DataFrame(agency),
        "cost_metrics": book.summary(agency, groups),
    }
