"""Progress where stderr is no terminal (a batch job's log, ``nohup``): plain lines at most
every ``BORDERSIM_PROGRESS_EVERY`` seconds, for run, compare and sweep; a bad value of it is
one clear error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim.cli import main

SMALL = str(Path(__file__).parent / "scenarios" / "small.toml")
TINY = ["--days", "1", "--set", "warmup_days=0", "--set", "drain_days=1"]
LINE = re.compile(
    r"^progress: (?P<what>.+) (?P<done>\d+)/(?P<total>\d+) \((?P<share>\d+) %\), "
    r"\d+ (s|min \d\d s) so far, about \d+ (s|min \d\d s) to go$"
)


def _lines(err: str) -> list[re.Match[str]]:
    found = [LINE.match(line) for line in err.splitlines() if line.startswith("progress:")]
    assert all(found), err
    return [m for m in found if m is not None]


@pytest.mark.parametrize(
    "command,what,total",
    [
        (["run", SMALL, "--reps", "3"], "small: replications", 3),
        (["compare", SMALL, "--option", "a:days=2", "--reps", "2", "--no-report"],
         "small: simulations (one per option and replication, 2 options)", 4),
        (["sweep", SMALL, "--param", "ports.sea.scan.scanners.capacity=1,2", "--reps", "2"],
         "sweep: point x replication", 4),
        (["sweep", SMALL, "--sobol", "2", "--reps", "1", "--metric", "clearance_h_mean",
          "--range", "ports.sea.review.capacity=1:4"], "sobol: point x replication", 6),
    ],
    ids=["run", "compare", "sweep", "sobol"],
)
def test_each_finished_replication_says_how_far_the_command_is(
    tmp_path, capsys, monkeypatch, command, what, total
):
    monkeypatch.setenv("BORDERSIM_PROGRESS_EVERY", "0.000001")
    assert main([*command, *TINY, "--out", str(tmp_path / "o")]) == 0
    lines = _lines(capsys.readouterr().err)
    assert [int(m["done"]) for m in lines] == list(range(1, total + 1))
    assert {m["what"] for m in lines} == {what}
    assert {int(m["total"]) for m in lines} == {total}
    assert int(lines[-1]["share"]) == 100


def test_no_lines_when_asked_for_none_or_before_their_time(tmp_path, capsys, monkeypatch):
    for every in ("0", "3600"):
        monkeypatch.setenv("BORDERSIM_PROGRESS_EVERY", every)
        assert main(["run", SMALL, "--reps", "2", *TINY, "--out", str(tmp_path / every)]) == 0
        assert "progress:" not in capsys.readouterr().err


@pytest.mark.parametrize("bad", ["soon", "-5", "nan", "inf"])
def test_a_bad_progress_interval_is_one_clear_error(tmp_path, capsys, monkeypatch, bad):
    monkeypatch.setenv("BORDERSIM_PROGRESS_EVERY", bad)
    assert main(["run", SMALL, "--reps", "2", *TINY, "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert f"BORDERSIM_PROGRESS_EVERY={bad!r}: not a number of seconds" in err
    assert "Traceback" not in err
    assert not (tmp_path / "o").exists()


def test_compare_progress_leaves_out_the_replications_an_option_reuses(
    tmp_path, capsys, monkeypatch
):
    """An option equal to the baseline reuses its replications: no work, so the count is of
    the baseline's simulations alone (2 steps, not 4), and the label names the reused option."""
    monkeypatch.setenv("BORDERSIM_PROGRESS_EVERY", "0.000001")
    command = ["compare", SMALL, "--option", "same:ports.sea.review.capacity=3",  # (as is)
               "--reps", "2", "--no-report", "--no-gains"]
    assert main([*command, *TINY, "--out", str(tmp_path / "o")]) == 0
    lines = _lines(capsys.readouterr().err)
    assert [int(m["done"]) for m in lines] == [1, 2]
    assert {int(m["total"]) for m in lines} == {2}
    assert {m["what"] for m in lines} == {
        "small: simulations (one per option and replication, 1 option) "
        "(not counting 'same': the baseline's, reused)"}
