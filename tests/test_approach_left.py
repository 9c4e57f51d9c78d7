"""Trucks still waiting on a land crossing's approach when the run ends
(sim/model/approach_left.py): counted with their wait so far, warned of when many, and said by
``bordersim trucks``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import sim
from sim.cli import main
from sim.model.world import World
from sim.warning_codes import classify

ROOT = Path(__file__).resolve().parent.parent
MMC = ROOT / "scenarios/teaching-mmc.toml"  # one land crossing, one lane of two officers
SHORT = {"days": 2, "warmup_days": 1, "drain_days": 0.25}
TAIL = "_port_crossing"


def _run(inside: int | None) -> tuple[World, dict[str, float], list[str], pd.DataFrame]:
    given = {} if inside is None else {"ports.crossing.approach": {"inside": inside,
                                                                   "parking": 2}}
    world = World(sim.load_scenario(MMC, {**SHORT, **given}), 1, log=True).run()
    result = world.result()
    assert result.log is not None
    return world, result.metrics(), result.warnings, result.log


def test_trucks_left_waiting_are_counted_with_their_wait_so_far():
    _, _, _, without = _run(None)
    world, m, _, log = _run(1)  # (one truck inside: the queue outruns the run)
    left = m[f"approach_left_trucks{TAIL}"]
    cohort = log[log["cohort"]]
    assert left > 5
    # the same trucks arrive as without an approach: those left are the cohort's missing ones
    assert left + len(cohort) == int(without["cohort"].sum())
    # first come, first in: each one left reached after every observed truck that entered,
    # and within the window (before its end, ``drain_days`` before the run's)
    end, stop = world.env.now, (1 + 2) * 24.0
    wait = m[f"approach_left_wait_h_mean{TAIL}"]
    assert end - stop < wait <= end - cohort["reached"].max()


def test_a_crossing_with_room_leaves_no_truck_and_says_no_wait():
    _, m, warnings, _ = _run(3)
    assert m[f"approach_left_trucks{TAIL}"] == 0
    assert m[f"approach_left_wait_h_mean{TAIL}"] != m[f"approach_left_wait_h_mean{TAIL}"]
    assert not [w for w in warnings if "approach" in w]


def test_many_trucks_left_waiting_warn_with_a_code_and_their_figures():
    _, m, warnings, _ = _run(1)  # (2 observed days: too few to judge the queue's rise)
    warned = [w for w in warnings if "approach" in w]
    assert len(warned) == 1
    code, fields, figures = classify(warned[0])
    assert code.code == "approach_left_waiting" and fields["port"] == "crossing"
    assert figures["left_trucks"] == m[f"approach_left_trucks{TAIL}"]
    assert figures["wait_so_far_h"] == pytest.approx(m[f"approach_left_wait_h_mean{TAIL}"],
                                                     abs=0.05)
    assert fields["inside_field"] == "ports.crossing.approach.inside"


def test_the_trucks_command_says_the_trucks_left_waiting(tmp_path: Path, capsys):
    out = tmp_path / "run"
    assert main(["run", str(MMC), "--reps", "2", "--days", "1", "--seed", "1", "--log",
                 "--out", str(out), "--set", "warmup_days=1", "--set", "drain_days=0",
                 "--set", "ports.crossing.approach={inside=1, parking=1}"]) == 0
    capsys.readouterr()
    reps = pd.read_csv(out / "replications.csv")
    left = reps[f"approach_left_trucks{TAIL}"]
    assert (left > 0).all()
    assert main(["trucks", str(out)]) == 0
    said = capsys.readouterr().out
    assert f"when the run ended (in no figure above): {left.mean():.1f} a replication" in said
    assert main(["trucks", str(out), "--lang", "zh"]) == 0
    assert f"每次重复运行平均 {left.mean():.1f} 辆" in capsys.readouterr().out
