"""The exam yard at its busiest in boxes (sim/model/exam_level.py) and the p90 of a sea
port's yard dwell per box (sim/model/yard_dwell.py), checked on hand-made rows whose
answers are known, and the busiest moment against the per-consignment log of a run."""

from __future__ import annotations

import math

import numpy as np
from det_scenarios import exam, port, scenario

import sim
from sim.model.exam_level import ExamLevelTally
from sim.model.milestones import MILESTONES, OWNERS, RELEASED, M
from sim.model.recorder_rows import _S, _SMS, _SOWN
from sim.model.yard_dwell import YardDwellTally


def _rows(*rows: dict[str, float]) -> np.ndarray:
    """Statistics rows: the fields given (a milestone by its name), milestones NaN else."""
    a = np.zeros((len(rows), _SOWN + len(OWNERS)))
    a[:, _SMS:_SOWN] = math.nan
    for r, fields in zip(a, rows, strict=True):
        for k, v in fields.items():
            r[_SMS + M[k] if k in M else _S[k]] = v
    return a


def _box(ready: float, start: float, back: float, boxes: float, **more: float) -> dict:
    return {"containers": boxes, "assessed": ready, "exam_start": start,
            "inspected": back, **more}  # fmt: skip


def test_the_busiest_moment_and_its_p95_of_boxes_entering_and_leaving_at_set_times():
    """Over 20 h: 2 boxes in the yard 1-5 h, 3 more 2-3 h (exam at 2.5 h), one from 4 h to
    the end (its exam started, not back): the level is 2, 5, 2, 3, then 1 for 15 h; at most
    5 boxes, and 3 or fewer 95 % of the time (0: 1 h, 1: 15 h, 2: 2 h, 3: 1 h, 5: 1 h)."""
    tally = ExamLevelTally(["p", "q"], (100.0, 120.0))
    rows = _rows(
        _box(101, 102, 105, 2),
        _box(102, 102.5, 103, 3, quarantine_start=102.5),  # (joint: the earlier start)
        _box(104, 104.5, math.nan, 1),  # (still in the yard at the end)
        _box(103, 103.5, 110, 4, premises=1),  # (at the trader's premises: no box here)
        _box(90, math.nan, math.nan, 7),  # (never examined)
        _box(101, 102, 105, 9, port=1),  # (another port's)
    )
    tally.fold(rows[:3])
    tally.fold(rows[3:])  # (in any order, in several folds)
    assert tally.busiest(0) == (5.0, 3.0)
    assert tally.busiest(1) == (9.0, 9.0)  # (9 boxes 4 h of 20: 20 % of the time)


def test_boxes_in_the_yard_before_the_window_count_from_its_start():
    tally = ExamLevelTally(["p"], (10.0, 30.0))
    tally.fold(_rows(_box(0, 5, 29.5, 4), _box(0, 1, 2, 6)))  # (the second, gone before)
    assert tally.busiest(0) == (4.0, 4.0)


def _dwell(hours: float, boxes: float) -> dict:
    return {"port": 0, "outcome": RELEASED, "containers": boxes, "discharged": 10.0,
            "arrived": 5.0, "exited": 10.0 + hours}  # fmt: skip


def test_the_yard_dwells_p90_is_per_box_not_per_declaration():
    """Nine declarations of one box staying 1 to 9 h and one of ten boxes staying 100 h: of
    the 19 boxes, 10 stay 100 h, so nine boxes in ten stay within 100 h (per declaration the
    p90 would be 9 h); without the big one, within 9 h."""
    tally = YardDwellTally(["sea"], ["sea"], (0.0, 200.0))
    tally.fold(_rows(*(_dwell(h, 1) for h in range(1, 10))))
    assert math.isclose(tally.dwell_p90(0, 0), 9.0, rel_tol=0.01)
    tally.fold(_rows(_dwell(100, 10)))
    assert math.isclose(tally.dwell_p90(0, 0), 100.0, rel_tol=0.01)


def test_the_busiest_moment_of_a_run_is_the_logs_highest_level():
    """A land port examining every declaration of 3 boxes with one team, 1 h a box: the
    queue builds through the day; the highest level swept from the log's times."""
    p = port(rate="1/h", exam=exam(0.25, 1.0, 0.0, teams={"capacity": 1}))
    p["traffic"]["containers"] = {"dist": "deterministic", "value": 3}
    s = scenario({"p": p}, selection={"physical": 1.0}, days=1, drain_days=1)
    res = sim.simulate(s, 1, log=True)
    log = res.log[res.log.cohort.astype(bool) & res.log.exam_start.notna()]
    before = log[list(MILESTONES[: M["exam_start"]])].max(axis=1)
    end = 24.0 + float(s.warmup_days) * 24
    times = [(t, b) for t, b in zip(before, log.containers, strict=True)]
    times += [(end if math.isnan(t) else t, -b)
              for t, b in zip(log.inspected, log.containers, strict=True)]  # fmt: skip
    level = np.cumsum([b for _, b in sorted(times, key=lambda x: (x[0], x[1]))])
    m = res.metrics()
    assert m["exam_yard_boxes_max_port_p"] == level.max() > 3
    assert 0 < m["exam_yard_boxes_p95_port_p"] <= level.max()
