"""A container terminal's yard at its busiest (sim/model/yard_level.py): the most boxes on a
sea port's ground at once and the time-weighted p95, counted from every consignment, also
those that arrived before the observed window, checked by hand against the log."""

from __future__ import annotations

from pathlib import Path

import numpy as np

import sim

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def test_the_yards_busiest_level_counts_every_box_on_the_ground_from_the_log():
    s = sim.load_scenario(SMALL).model_copy(update={"days": 1, "warmup_days": 1, "drain_days": 1})
    res = sim.simulate(s, 1, log=True)
    log, m = res.log, res.metrics()
    start = s.warmup_days * 24.0
    minutes = start + np.arange(s.days * 24 * 60) / 60
    out = log[(log.port == "sea") & log.outcome.isin(["released", "censored"])]
    for direction in ("import", "export"):
        o = out[out.direction == direction]
        on = o.arrived if direction == "export" else np.fmax(o.discharged, o.arrived)
        end = np.fmax(o.exited, o.loaded)
        end = (np.fmax(o.departed, end) if direction == "export" else end).fillna(np.inf)
        on, end, boxes = on.to_numpy(), end.to_numpy(), o.containers.to_numpy(float)
        level = _level(on, end, boxes, minutes + 0.5 / 60)  # (each minute's middle)
        top, p95 = (m[f"yard_boxes_{k}_port_sea_{direction}"] for k in ("max", "p95"))
        assert level.max() > 100 and abs(top - level.max()) <= 0.01 * top
        want = np.sort(level)[int(np.ceil(0.95 * len(level))) - 1]
        assert abs(p95 - want) <= 0.01 * p95 and p95 <= top
        # boxes of consignments arrived before the window are on the ground in it
        early = ~o.cohort.astype(bool).to_numpy() & (end > start)
        assert boxes[early].sum() > 0


def _level(on: np.ndarray, end: np.ndarray, boxes: np.ndarray, at: np.ndarray) -> np.ndarray:
    """The boxes on the ground at each time of ``at``: in at or before it, not yet out."""
    i, j = np.argsort(on), np.argsort(end)
    came = np.concatenate([[0], np.cumsum(boxes[i])])[np.searchsorted(on[i], at, "right")]
    left = np.concatenate([[0], np.cumsum(boxes[j])])[np.searchsorted(end[j], at, "right")]
    return came - left
