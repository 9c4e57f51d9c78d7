"""``bordersim hours --peak``: each lane's worst backlog over the observed days (how deep,
when, how long to work off), from a results folder's queue samples."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main
from sim.report.peak_backlog import peak_backlog, peak_lines

SMALL = str(Path(__file__).parent / "scenarios" / "small.toml")


def _samples(rows: list[tuple[float, str, str, float]]) -> pd.DataFrame:
    q = pd.DataFrame(rows, columns=["t_h", "port", "lane", "queue"])
    return q.assign(busy=0.0, capacity=1.0)


def test_the_peak_its_time_and_the_hours_to_fall_back_to_the_mean():
    q = _samples([
        (10.0, "hub", "bays", 90.0),  # warm-up: not observed
        (24.0, "hub", "bays", 1.0), (25.0, "hub", "bays", 40.0), (26.0, "hub", "bays", 40.0),
        (27.0, "hub", "bays", 20.0), (28.0, "hub", "bays", 2.0), (29.0, "hub", "bays", 1.0),
        (24.0, "hub", "desk", 0.0), (25.0, "hub", "desk", 0.0),  # never a queue: left out
        (24.0, "hub", "exam_slots", 7.0),  # booked slots, no backlog
        (24.0, "hub", "team", 3.0), (25.0, "hub", "team", 5.0),  # not back before the end
    ])
    peaks = peak_backlog(q, (24.0, 48.0)).set_index("lane")
    assert list(peaks.index) == ["bays", "team"]
    bays = peaks.loc["bays"]
    assert bays.peak_queue == 40.0 and bays.peak_h == 25.0  # the first sample at the peak
    assert bays.mean_queue == pytest.approx(104 / 6)
    assert bays.cleared_h == 3.0  # 28:00, the first sample at or below the mean
    assert math.isnan(peaks.loc["team", "cleared_h"])
    lines = peak_lines(peaks.reset_index())
    assert lines[0] == ("hub  bays  peak queue 40.0 on day 1 at 01:00 (mean 17 over the "
                        "observed days); back to the mean 3 h later")
    assert lines[1].endswith("not back to the mean before the run ends")


def test_hours_peak_on_a_run_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "run"
    assert main(["run", SMALL, "--reps", "1", "--days", "7", "--out", str(out)]) == 0
    capsys.readouterr()
    table = tmp_path / "peaks.csv"
    assert main(["hours", str(out), "--peak", "--csv", str(table)]) == 0
    *lines, measured, note = capsys.readouterr().out.splitlines()
    assert lines and all(line.startswith("sea  ") and "peak queue" in line for line in lines)
    assert measured.startswith("peaks are the highest of 168 queue sample(s)")  # (7 days, 1 h)
    # (the peaks' days count from the run's start, as peak_h does: the note says so)
    assert note.startswith("days count from the run's start: day 0 is the warm-up's first")
    assert note.endswith("the observed days are days 7 to 13")
    peaks = pd.read_csv(table)
    assert (peaks.peak_h >= 7 * 24).all() and (peaks.peak_h < 14 * 24).all()
    assert (peaks.peak_queue >= peaks.mean_queue).all()


def test_a_peak_between_the_hours_is_read_to_the_minute():
    """Samples finer than an hour: the peak's time with its minutes (it said 01:00)."""
    q = _samples([(24.0, "hub", "bays", 1.0), (25.25, "hub", "bays", 9.0),
                  (25.5, "hub", "bays", 0.0)])
    line = peak_lines(peak_backlog(q, (24.0, 48.0)))[0]
    assert "peak queue 9.0 on day 1 at 01:15 " in line


TEACHING = ["--reps", "1", "--days", "1", "--set", "warmup_days=1", "--set", "drain_days=1"]


@pytest.fixture(scope="module")
def teaching(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A 1-day run of the teaching scenario as shipped (a sample a day) and one sampled
    every 5 minutes."""
    coarse = tmp_path_factory.mktemp("peak") / "coarse"
    fine = coarse.with_name("fine")
    assert main(["run", "teaching-mmc", *TEACHING, "--out", str(coarse)]) == 0
    assert main(["run", "teaching-mmc", *TEACHING, "--set", "queue_sample=5 min",
                 "--out", str(fine)]) == 0
    return coarse, fine


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_daily_samples_say_why_no_peak_and_fine_ones_find_it(teaching, capsys, lang):
    """The teaching scenario samples its queue once a day: a 1-day run has one sample in its
    observed day, at midnight, so ``--peak`` had nothing to print (and a longer run a
    midnight snapshot). The output says how the peak was read, why there is none, and what
    finds it; with 5-minute samples it finds a queue and does not ask again."""
    coarse, fine = teaching
    capsys.readouterr()
    assert main(["hours", str(coarse), "--peak", "--lang", lang]) == 0
    lines = capsys.readouterr().out.splitlines()
    none, measured = lines[0], lines[1]
    if lang == "zh":
        assert none.startswith("  观测期内的 1 次排队采样（每隔 1 天）中没有任何作业线有排队")
        assert measured.startswith("最长排队取自观测期内的 1 次排队采样（每隔 1 天")
    else:
        assert none.startswith("  no lane had a queue at any of the 1 queue sample(s) over "
                               "the observed days (one every 1 d)")
        assert measured.startswith("peaks are the highest of 1 queue sample(s) over the "
                                   "observed days, one every 1 d")
    assert "--set queue_sample='5 min'" in none and "--set queue_sample='5 min'" in measured
    assert main(["hours", str(fine), "--peak", "--lang", lang]) == 0
    peak, measured, _ = capsys.readouterr().out.splitlines()
    assert peak.startswith("crossing  document_check  ")
    assert ("最长排队" if lang == "zh" else "peak queue") in peak
    assert (" 288 " if lang == "zh" else " 288 queue sample(s)") in measured  # (24 h / 5 min)
    assert "--set" not in measured
