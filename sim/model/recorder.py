"""Streaming statistics of finished consignments (and the optional per-consignment log).

Finished consignments are buffered as rows and folded, a few thousand at a time, into counts,
sums and log-histograms (see :mod:`sim.analysis.sketch` for the quantile error bound). Memory
does not grow with the number of consignments unless the log is asked for.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from sim.analysis.sketch import NBINS, bin_index, quantile_from_counts
from sim.model.consignment import REQUIREMENTS, Consignment
from sim.model.milestones import (
    CENSORED,
    CHANNELS,
    CLIP_AT_ZERO,
    INTERVALS,
    MILESTONES,
    OUTCOMES,
    OWNERS,
    RELEASED,
    M,
    channel_code,
)
from sim.scenario.schema import DIRECTIONS, MODES, TRADER_CLASSES

HEAD = ("port", "index", "cohort", "outcome", "channel")
COLUMNS = HEAD + REQUIREMENTS + MILESTONES + tuple(f"own_{o}" for o in OWNERS)
_H = len(HEAD)
_R = _H + len(REQUIREMENTS)
_MS = _R
_OWN = _R + len(MILESTONES)
_COL = {name: i for i, name in enumerate(COLUMNS)}
FLUSH = 4096
METRICS = ("clearance", "overall_clearance")


class Recorder:
    def __init__(
        self, ports: list[str], modes: list[str], commodities: list[str], end: float, log: bool
    ):
        self.end, self.log = end, log
        self.port_mode = np.array([MODES.index(m) for m in modes])
        self.dimensions = {
            "all": ["all"],
            "port": ports,
            "mode": list(MODES),
            "direction": list(DIRECTIONS),
            "channel": list(CHANNELS),
            "commodity": commodities,
            "trader_class": list(TRADER_CLASSES),
        }
        self.hist = {
            (k, d): np.zeros((len(g), NBINS), np.int64)
            for k in METRICS
            for d, g in self.dimensions.items()
        }
        self.sums = {key: np.zeros(h.shape[0]) for key, h in self.hist.items()}
        self.within = {key: np.zeros(h.shape[0], np.int64) for key, h in self.hist.items()}
        self.interval_sum = np.zeros(len(INTERVALS))
        self.interval_n = np.zeros(len(INTERVALS), np.int64)
        self.owner_sum = np.zeros(len(OWNERS))
        self.outcomes = np.zeros(len(OUTCOMES), np.int64)
        self._rows: list[tuple] = []
        self._chunks: list[np.ndarray] = []

    def record(self, c: Consignment) -> None:
        """Book a consignment that left the flow (or is still in it when the run ends)."""
        if not (c.cohort or self.log):
            return
        outcome = c.outcome
        finished = max((x for x in c.m if not math.isnan(x)), default=math.inf)
        if outcome != CENSORED and finished > self.end:
            outcome = CENSORED
        ch = channel_code(c.did_doc, c.did_scan, c.did_physical, c.did_quarantine)
        self._rows.append((c.port, c.index, c.cohort, outcome, ch, *c.req, *c.m, *c.own))
        if len(self._rows) >= FLUSH:
            self.flush()

    def flush(self) -> None:
        if not self._rows:
            return
        a = np.array(self._rows, dtype=float)
        self._rows = []
        if self.log:
            self._chunks.append(a)
        a = a[a[:, _COL["cohort"]] > 0]
        outcome = a[:, _COL["outcome"]].astype(int)
        self.outcomes += np.bincount(outcome, minlength=len(OUTCOMES))
        a = a[outcome == RELEASED]
        if not len(a):
            return
        ms = a[:, _MS:_OWN]
        arrived = ms[:, M["arrived"]]
        values = {
            "clearance": ms[:, M["released"]] - arrived,
            "overall_clearance": ms[:, M["exited"]] - arrived,
        }
        port = a[:, _COL["port"]].astype(int)
        codes = {
            "all": np.zeros(len(a), int),
            "port": port,
            "mode": self.port_mode[port],
            "direction": a[:, _COL["direction"]].astype(int),
            "channel": a[:, _COL["channel"]].astype(int),
            "commodity": a[:, _COL["commodity"]].astype(int),
            "trader_class": a[:, _COL["trader_class"]].astype(int),
        }
        for metric, v in values.items():
            bins = bin_index(v)
            for dim, code in codes.items():
                key = (metric, dim)
                g = self.hist[key].shape[0]
                self.hist[key] += np.bincount(code * NBINS + bins, minlength=g * NBINS).reshape(
                    g, NBINS
                )
                self.sums[key] += np.bincount(code, weights=v, minlength=g)
                self.within[key] += np.bincount(code, weights=v <= 24.0, minlength=g).astype(
                    np.int64
                )
        for i, (name, frm, to, _) in enumerate(INTERVALS):
            d = ms[:, M[to]] - ms[:, M[frm]]
            if name in CLIP_AT_ZERO:
                d = np.maximum(d, 0.0)
            ok = ~np.isnan(d)
            self.interval_sum[i] += d[ok].sum()
            self.interval_n[i] += ok.sum()
        self.owner_sum += a[:, _OWN:].sum(axis=0)

    # -- tables ------------------------------------------------------------------------
    def clearance_table(self) -> pd.DataFrame:
        rows = []
        for (metric, dim), hist in self.hist.items():
            for g, group in enumerate(self.dimensions[dim]):
                n = int(hist[g].sum())
                if n == 0 and dim != "all":
                    continue
                s = self.sums[(metric, dim)][g]
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
                        "within_24h": self.within[(metric, dim)][g] / n if n else math.nan,
                    }
                )
        return pd.DataFrame(rows)

    def interval_table(self) -> pd.DataFrame:
        rows = []
        for i, (name, frm, to, owner) in enumerate(INTERVALS):
            n = int(self.interval_n[i])
            rows.append(
                {
                    "interval": name,
                    "from": frm,
                    "to": to,
                    "owner": owner,
                    "n": n,
                    "mean_h": self.interval_sum[i] / n if n else math.nan,
                }
            )
        return pd.DataFrame(rows)

    def owner_table(self) -> pd.DataFrame:
        n = int(self.outcomes[RELEASED])
        total = self.owner_sum.sum()
        return pd.DataFrame(
            {
                "owner": list(OWNERS),
                "mean_h": self.owner_sum / n if n else np.nan,
                "share": self.owner_sum / total if total > 0 else np.nan,
            }
        )

    def log_frame(self, ports: list[str], commodities: list[str]) -> pd.DataFrame | None:
        if not self.log:
            return None
        data = np.concatenate(self._chunks) if self._chunks else np.empty((0, len(COLUMNS)))
        df = pd.DataFrame(data, columns=list(COLUMNS))
        for col in (
            "port",
            "index",
            "direction",
            "commodity",
            "trader_class",
            "origin",
            "containers",
            "outcome",
            "channel",
        ):
            df[col] = df[col].astype(np.int64)
        for col in (
            "cohort",
            "advance",
            "review",
            "sel_document",
            "sel_scan",
            "sel_physical",
            "sel_quarantine",
            "ai_read",
            "ai_clear",
            "refer",
            "sample",
            "exam_hit",
            "quarantine_reject",
        ):
            df[col] = df[col].astype(bool)
        df["port"] = pd.Categorical.from_codes(df["port"], categories=ports)
        df["outcome"] = pd.Categorical.from_codes(df["outcome"], categories=list(OUTCOMES))
        df["channel"] = pd.Categorical.from_codes(df["channel"], categories=list(CHANNELS))
        df["direction"] = pd.Categorical.from_codes(df["direction"], categories=list(DIRECTIONS))
        df["commodity"] = pd.Categorical.from_codes(df["commodity"], categories=commodities)
        df["trader_class"] = pd.Categorical.from_codes(
            df["trader_class"], categories=list(TRADER_CLASSES)
        )
        return df.sort_values(["port", "index"], kind="stable").reset_index(drop=True)
