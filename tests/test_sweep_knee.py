"""The knee of a sweep of the risk engine's target (sim.experiment.sweep_knee): the first
point from which the detection bought per extra percentage point of target falls below half
the first segment's; none without such a point, a sweep of another key or a first segment
that bought nothing."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sim.experiment.sweep_knee import find_knee, knee_line


def _points(targets: list[float], found: list[float], metric: str = "detection_rate_goods",
            **other: list[float]) -> pd.DataFrame:
    """A sweep's points summary as summarise_points makes it (index ``point``)."""
    frame = pd.DataFrame({"risk.target": targets, "unstable": False, metric: found, **other})
    return frame.rename_axis("point")


def test_the_knee_is_where_the_marginal_detection_halves():
    # slopes 4, 3, 1 (per unit of target): the third segment's is below half the first's
    knee = find_knee(_points([0.01, 0.03, 0.05, 0.07], [0.20, 0.28, 0.34, 0.36]))
    assert knee is not None and knee.point == 2 and knee.target == 0.05
    assert [round(s, 6) for s in knee.slopes] == [4.0, 3.0, 1.0]
    line = knee_line(knee, 3)
    assert "point 2 (risk.target = 0.05)" in line and "half" in line and "3 replication" in line
    assert "扫描点 2" in knee_line(knee, 3, "zh")
    # the points in any order: they are ordered by the target
    shuffled = _points([0.05, 0.01, 0.07, 0.03], [0.34, 0.20, 0.36, 0.28])
    assert find_knee(shuffled).point == 0  # type: ignore[union-attr]  # (index of 0.05)


def test_a_knee_exactly_at_half_is_not_yet_past_it():
    knee = find_knee(_points([0.0, 0.25, 0.5], [0.0, 0.5, 0.75]))  # slopes 2, 1: half
    assert knee is not None and knee.point is None
    assert "none within the swept targets" in knee_line(knee, 2)


def test_the_pooled_detection_rate_when_goods_are_not_measured():
    knee = find_knee(_points([0.0, 0.1, 0.2], [0.0, 0.4, 0.5], "detection_rate"))
    assert knee is not None and knee.metric == "detection_rate" and knee.point == 1


def test_no_knee_to_find():
    assert find_knee(_points([0.01, 0.03], [0.2, 0.3])) is None  # (one segment)
    assert find_knee(_points([0.01, 0.03, 0.05], [0.3, 0.2, 0.1])) is None  # (nothing bought)
    assert find_knee(_points([0.01, 0.01, 0.05], [0.2, 0.3, 0.4])) is None  # (a grid's)
    other = _points([0.01, 0.03, 0.05], [0.2, 0.3, 0.31]).rename(
        columns={"risk.target": "risk.random_share"})
    assert find_knee(other) is None
    assert find_knee(_points([0.01, 0.03, 0.05], [0.2, 0.3, 0.3], "clearance_h_mean")) is None
    assert knee_line(None, 3) == ""


def test_a_sweep_of_the_target_names_its_knee_under_its_table(tmp_path, capsys):
    from sim.cli import main

    small = Path(__file__).parent / "scenarios" / "small.toml"
    out = tmp_path / "s"
    argv = ["sweep", str(small), "--param", "risk.target=0.05,0.3,0.9",
            "--reps", "1", "--days", "1", "--out", str(out)]
    assert main(argv) == 0
    said = capsys.readouterr().out
    summary = pd.read_csv(out / "summary.csv", index_col="point")
    knee = find_knee(summary)  # (the saved means: the line is theirs)
    # (a target from 5 % to 30 % finds more of the small scenario's illicit goods, so the
    # first segment bought detection and there is a knee, or none, to name)
    assert knee is not None, summary["detection_rate"]
    assert knee_line(knee, 1) in said.splitlines()
