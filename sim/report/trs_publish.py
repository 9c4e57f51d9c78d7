"""The Time Release Study's published table (WTO TFA Art. 7.6; WCO TRS Guide, version 3,
2018), for ``bordersim tfa --publish``: for each option of a comparison (or a run), each port
(office) and direction and all ports together, each stage's mean, median and 90th
percentile hours, the consignments measured and, from arrival to release and to exit, the
share within the 24 h target. Every figure is read from the folder as the simulation wrote
it (``summary.csv``: the replications' mean; ``milestone-intervals.csv``: the consignments
measured); nothing is simulated or recomputed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from sim.report.folder import ResultsFolderError, read_csv

#: the stages in the TRS's order: (metric's stem, the stage, the consignments' interval
#: row counting those measured, the share within the target's stem or None)
STAGES = [
    ("arrival_to_lodgement", "arrival to lodgement", "clearance", None),
    ("declared_to_release", "lodgement to release", "clearance", None),
    ("release_to_exit", "release to exit", "overall_clearance", None),
    ("clearance", "arrival to release", "clearance", "released_within_24h"),
    ("overall_clearance", "arrival to exit", "overall_clearance", "exited_within_24h"),
]
#: the target every folder has (``released_within_24h``, ``exited_within_24h``)
TARGET_H = 24
DIRECTIONS = ("import", "export")


def _options(summary: pd.DataFrame) -> list[str]:
    """The folder's options in its order (a run's one: ``run``)."""
    if "option" not in summary.columns:
        return ["run"]
    return list(dict.fromkeys(summary["option"].astype(str)))


def _period(folder: Path) -> dict[str, Any]:
    """The measurement period: the scenario, observed, warm-up and drain days."""
    for name in ("compare.json", "meta.json"):
        if (folder / name).is_file():
            meta = json.loads((folder / name).read_text(encoding="utf-8"))
            return {k: meta.get(k) for k in ("scenario", "days", "warmup_days", "drain_days")}
    raise ResultsFolderError(f"{folder}: neither compare.json nor meta.json: not a run's or "
                             "a comparison's results folder")


def _measured(intervals: pd.DataFrame) -> dict[tuple[str, str, str, str], tuple[float, int]]:
    """(option, interval, port or ``all``, direction) -> (consignments measured over every
    replication, replications): a replication's mean count times the replications."""
    out = {}
    for r in intervals.to_dict("records"):
        if r["interval"] not in ("clearance", "overall_clearance"):
            continue
        if r["dimension"] not in ("direction", "port_direction"):
            continue
        port = "all" if r["dimension"] == "direction" else str(r["port"])
        reps = int(r["reps"])
        out[str(r.get("option", "run")), str(r["interval"]), port, str(r["direction"])] = (
            float(r["consignments"]) * reps, reps)
    return out


def publish_rows(folder: Path) -> list[dict[str, Any]]:
    """A dict per option, port (``all`` first), direction and stage: mean, median, p90 hours,
    consignments measured, replications and the share within the target (where it applies);
    a port and direction the run released nothing of is left out."""
    summary = read_csv(folder / "summary.csv")
    intervals = read_csv(folder / "milestone-intervals.csv")
    if "option" not in intervals.columns:
        intervals = intervals.assign(option="run")
    if "option" not in summary.columns:
        summary = summary.assign(option="run")
    level = {(str(r["option"]), str(r["metric"])): float(r["mean"])
             for r in summary.to_dict("records")}
    measured = _measured(intervals)
    ports = list(dict.fromkeys(str(p) for p in intervals.loc[
        intervals["dimension"] == "port_direction", "port"]))
    out = []
    for option in _options(summary):
        for port in ("all", *ports):
            for d in DIRECTIONS:
                where = f"_{d}" if port == "all" else f"_port_{port}_{d}"
                for stem, stage, counted, within in STAGES:
                    count, reps = measured.get((option, counted, port, d), (0.0, 0))
                    if not count:
                        continue
                    got = {s: level.get((option, f"{stem}_h_{s}{where}"))
                           for s in ("mean", "median", "p90")}
                    out.append({"option": option, "port": port, "direction": d,
                                "stage": stage, "metric": f"{stem}_h", **got,
                                "consignments": count, "reps": reps,
                                "target_h": TARGET_H if within else None,
                                "within_target": level.get((option, f"{within}{where}"))
                                if within else None})
    return out


def publish_csv(folder: Path) -> pd.DataFrame:
    """The table as data, unrounded (heads in English, as every command's CSV)."""
    return pd.DataFrame(publish_rows(folder), columns=[
        "option", "port", "direction", "stage", "metric", "mean", "median", "p90",
        "consignments", "reps", "target_h", "within_target"])
