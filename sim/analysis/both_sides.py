"""A land crossing timed on both sides: the run's own port (from its per-consignment log)
and the partner country's controls across the border (:mod:`sim.analysis.partner_spec`),
in two arrangements on the same trucks and the same partner draws:

- ``separate`` (controls in series): a truck bound for the port is controlled by the partner
  (export control) and then by the port's side; a truck from the port, after the port's side
  lets it go, is controlled by the partner (import control);
- ``one_stop`` (a joint control zone): both sides control the truck at one stop, side by
  side from its arrival; it leaves when both have done; with ``joint_exam``, a truck the
  port's side examined (physical exam or quarantine check) is examined once, jointly, and
  the partner does not open it again.

The crossing is timed from the truck's arrival at the first control to its leaving the last
(the drive over the bridge left out: it is the same in both). The port's side's times are the
run's, as simulated: in ``separate`` its imports are not re-queued for the hour at which the
partner lets them go (their time at the port's side is added after the partner's); the
partner's queue is the only one simulated here. Nothing else of the run changes."""

from __future__ import annotations

import heapq
import math
from pathlib import Path

import numpy as np
import pandas as pd

from sim.analysis.paired import paired_interval
from sim.analysis.partner_spec import Control, PartnerSide

ARRANGEMENTS = ("separate", "one_stop")
DIRECTIONS = ("import", "export")  # the port's view: import = bound for the port
FIGURES = ("port_side_h_mean", "partner_h_mean", "crossing_h_mean", "crossing_h_p90",
           "partner_inspections")
COLUMNS = ("port", "direction", "arrived", "exited", "departed", "exam_start",
           "quarantine_start", "cohort", "index", "replication")


def in_hours(t: float, open_h: float, close_h: float) -> float:
    """The first time at or after ``t`` within the day's open hours [open_h, close_h)."""
    day = math.floor(t / 24.0)
    h = t - 24.0 * day
    if h < open_h:
        return 24.0 * day + open_h
    if h >= close_h:
        return 24.0 * (day + 1) + open_h
    return t


def desk(arrive: np.ndarray, work: np.ndarray, servers: int, open_h: float,
         close_h: float) -> np.ndarray:
    """When each job ends at a first-come-first-served desk of ``servers`` servers that
    start work only in the day's open hours (a job started finishes, even after closing).
    ``arrive`` in any order; the result follows its order."""
    order = np.argsort(arrive, kind="stable")
    free = [-math.inf] * servers
    end = np.empty(len(arrive))
    for i in order:  # (starts never fall: arrivals and the earliest free server both rise)
        start = in_hours(max(float(arrive[i]), heapq.heappop(free)), open_h, close_h)
        end[i] = start + float(work[i])
        heapq.heappush(free, end[i])
    return end


def lognormal(z: np.ndarray, mean: float, cv: float) -> np.ndarray:
    """Lognormal times of ``mean`` and ``cv`` from standard normal draws ``z``."""
    sigma2 = math.log1p(cv * cv)
    return np.asarray(mean * np.exp(math.sqrt(sigma2) * z - sigma2 / 2))


def partner_draws(seed: int, replication: int, direction: str, index: np.ndarray
                  ) -> np.ndarray:
    """Each truck's partner draws, keyed by its index at the port (the rank of its index
    among the direction's, so the same truck draws the same in both arrangements): columns
    service z, selection u, inspection z."""
    keys, rank = np.unique(index, return_inverse=True)
    rng = np.random.default_rng([seed, replication, DIRECTIONS.index(direction)])
    size = len(keys)
    table = np.column_stack([rng.standard_normal(size), rng.random(size),
                             rng.standard_normal(size)])
    return np.asarray(table[rank.reshape(-1)])


def partner_leg(arrive: np.ndarray, draws: np.ndarray, c: Control,
                skip_exam: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The partner's control of trucks arriving at ``arrive``: when each leaves it, and
    which were inspected (selected and not ``skip_exam``)."""
    end = desk(arrive, lognormal(draws[:, 0], c.service_h, c.service_cv), c.officers,
               c.open_h, c.close_h)
    inspected = (draws[:, 1] < c.inspect_share) & ~skip_exam
    if inspected.any():
        end[inspected] = desk(end[inspected],
                              lognormal(draws[inspected, 2], c.inspect_h, c.inspect_cv),
                              c.teams, c.open_h, c.close_h)
    return end, inspected


def crossing(log: pd.DataFrame, side: PartnerSide, arrangement: str, direction: str,
             seed: int = 0) -> pd.DataFrame:
    """One replication's trucks of one direction at ``side.port``: the port's side's time
    (``port_side_h``), the partner's (``partner_h``), the crossing's (``crossing_h``), whether the
    partner inspected it, and whether it is of the observed cohort."""
    rows = log[(log["port"] == side.port) & (log["direction"] == direction)
               & np.isfinite(log["arrived"].to_numpy(float))]
    arrived = rows["arrived"].to_numpy(float)
    gone = rows["exited" if direction == "import" else "departed"].to_numpy(float)
    opened = (np.isfinite(rows["exam_start"].to_numpy(float))
              | np.isfinite(rows["quarantine_start"].to_numpy(float)))
    rep = int(rows["replication"].iloc[0]) if len(rows) else 0
    draws = partner_draws(seed, rep, direction, rows["index"].to_numpy(int))
    c = side.outbound if direction == "import" else side.inbound
    none = np.zeros(len(rows), bool)
    if arrangement == "one_stop":
        start = arrived
        end, inspected = partner_leg(start, draws, c, opened if side.joint_exam else none)
        out = np.fmax(gone, end) + np.where(np.isfinite(gone), 0.0, np.nan)
    elif direction == "import":
        start = arrived
        end, inspected = partner_leg(start, draws, c, none)
        out = end + (gone - arrived)
    else:  # from the port: the partner controls the truck once the port's side lets it go
        left = np.isfinite(gone)
        start, end, inspected = np.where(left, gone, np.nan), np.full(len(rows), np.nan), none
        end[left], inspected[left] = partner_leg(gone[left], draws[left], c, none[left])
        out = end
    return pd.DataFrame({"port_side_h": gone - arrived, "partner_h": end - start,
                         "crossing_h": out - arrived, "partner_inspected": inspected,
                         "cohort": rows["cohort"].to_numpy(bool)})


def figures(trucks: pd.DataFrame) -> dict[str, float]:
    """The observed cohort's figures of :func:`crossing`'s trucks that crossed."""
    t = trucks[trucks["cohort"] & np.isfinite(trucks["crossing_h"])]
    if t.empty:
        return dict.fromkeys(FIGURES, math.nan)
    return {"port_side_h_mean": float(t["port_side_h"].mean()),
            "partner_h_mean": float(t["partner_h"].mean()),
            "crossing_h_mean": float(t["crossing_h"].mean()),
            "crossing_h_p90": float(np.quantile(t["crossing_h"], 0.9)),
            "partner_inspections": float(t["partner_inspected"].sum())}


def both_sides(logs: list[pd.DataFrame], side: PartnerSide, seed: int = 0) -> pd.DataFrame:
    """Every replication's figures, by direction and arrangement (one row each)."""
    out = []
    for log in logs:
        if not (log["port"] == side.port).any():
            continue
        for direction in DIRECTIONS:
            for arrangement in ARRANGEMENTS:
                trucks = crossing(log, side, arrangement, direction, seed)
                out.append({"replication": int(log["replication"].iloc[0]),
                            "direction": direction, "arrangement": arrangement,
                            **figures(trucks)})
    return pd.DataFrame(out)


def one_stop_change(per_rep: pd.DataFrame) -> pd.DataFrame:
    """By direction and figure: the mean under each arrangement over the replications and
    the paired difference one_stop - separate with its 95 % interval."""
    rows = []
    for direction in DIRECTIONS:
        d = per_rep[per_rep["direction"] == direction]
        if d.empty:
            continue
        sep = d[d["arrangement"] == "separate"].set_index("replication")
        one = d[d["arrangement"] == "one_stop"].set_index("replication").loc[sep.index]
        for f in FIGURES:
            mean, low, high, n = paired_interval(one[f].to_numpy(), sep[f].to_numpy())
            rows.append({"direction": direction, "figure": f,
                         "separate": float(sep[f].mean()), "one_stop": float(one[f].mean()),
                         "change": mean, "low": low, "high": high, "replications": n})
    return pd.DataFrame(rows)


def read_logs(folder: Path) -> list[pd.DataFrame]:
    """The per-consignment logs a run kept (``bordersim run --log``), one per replication,
    each read as a report reads it (:func:`sim.report.folder.read_parquet`: never through a
    link; a ``ResultsFolderError`` naming a log that cannot be read)."""
    from sim.report.folder import read_parquet

    paths = sorted((Path(folder) / "reps").glob("rep-*-log.parquet"))
    return [read_parquet(p, columns=list(COLUMNS)) for p in paths]
