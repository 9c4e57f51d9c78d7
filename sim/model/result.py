"""RunResult: everything one replication measured, as pandas DataFrames."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd


@dataclass
class RunResult:
    """The outcome of ``simulate(scenario, seed)``.

    Tables (all DataFrames):
    - ``clearance``: per metric (``clearance``, ``overall_clearance``), dimension (all, port,
      mode, direction, channel, commodity, trader_class) and group: n, mean, median, p90, p95
      (hours) and the share within 24 h;
    - ``intervals``: mean of every milestone interval, with its owner;
    - ``owners``: hours per released consignment and share of the time by owner;
    - ``resources``: per port and lane: utilisation, mean queue length, mean/p90 wait, jobs;
    - ``queues``: queue length and busy servers sampled over time;
    - ``log``: one row per consignment (attributes, requirements, milestones), when asked;
    - ``paths``: how many consignments were finished in bulk (numpy) and as SimPy flows;
    - ``warnings``: plain-language warnings about the run (an overloaded lane, a queue whose
      wait keeps rising): its figures are then not steady-state.
    """

    scenario: str
    seed: tuple[int, ...]
    counts: dict[str, int]
    clearance: pd.DataFrame
    intervals: pd.DataFrame
    owners: pd.DataFrame
    resources: pd.DataFrame
    queues: pd.DataFrame
    events: int
    log: pd.DataFrame | None = None
    paths: dict[str, int] = field(default_factory=dict)  # consignments by interpreter
    warnings: list[str] = field(default_factory=list)  # e.g. a queue that does not settle

    def metrics(self) -> dict[str, float]:
        """The headline numbers, flat, under stable snake_case names."""
        out: dict[str, float] = {}
        c = self.clearance
        for metric in ("clearance", "overall_clearance"):
            row = c[(c.metric == metric) & (c.dimension == "all")].iloc[0]
            for stat in ("mean", "median", "p90", "p95"):
                out[f"{metric}_h_{stat}"] = float(row[f"{stat}_h"])
            prefix = "released" if metric == "clearance" else "exited"
            out[f"{prefix}_within_24h"] = float(row["within_24h"])
            for _, r in c[(c.metric == metric) & (c.dimension == "port")].iterrows():
                out[f"{metric}_h_mean_port_{r['group']}"] = float(r["mean_h"])
        for k, v in self.counts.items():
            out[f"consignments_{k}"] = float(v)
        for _, r in self.owners.iterrows():
            out[f"owner_share_{r['owner']}"] = float(r["share"])
        for _, r in self.resources.iterrows():
            key = f"{r['port']}_{r['lane']}"
            if not math.isnan(r["utilisation"]):
                out[f"utilisation_{key}"] = float(r["utilisation"])
            out[f"queue_mean_{key}"] = float(r["queue_mean"])
            out[f"wait_h_mean_{key}"] = float(r["wait_mean_h"])
            out[f"wait_h_p90_{key}"] = float(r["wait_p90_h"])
        return out
