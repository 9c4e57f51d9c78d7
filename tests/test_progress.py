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
    err = capsys.readouterr().err
    lines = _lines(err)
    assert f"started: {what}, {total} in all" in err.split("\nprogress:")[0]  # (first)
    assert [int(m["done"]) for m in lines] == list(range(1, total + 1))
    assert {m["what"] for m in lines} == {what}
    assert {int(m["total"]) for m in lines} == {total}
    assert int(lines[-1]["share"]) == 100


@pytest.mark.parametrize("every,first", [("3600", "1 h 00 min"), ("60", "1 min 00 s"),
                                         ("0.5", "0.5 s"), ("0", None)])
def test_a_log_shows_the_command_began_before_its_first_progress_line(
    monkeypatch, every, first
):
    """Where stderr is no terminal, the first plain line comes as the command starts (what
    it runs and how many), not after the first interval (``make demo``'s came after 2
    minutes); none where no lines are asked for."""
    from io import StringIO

    from rich.console import Console

    from sim.cli_compare_progress import label
    from sim.cli_progress import progress

    monkeypatch.setenv("BORDERSIM_PROGRESS_EVERY", every)
    log = StringIO()
    what = label("small", [], 2)
    with progress(Console(file=log, width=80), what, 4):
        said = log.getvalue().splitlines()  # (before any simulation is done)
    assert said == ([] if first is None else [
        f"started: {what}, 4 in all (a progress line at most every {first})"])


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
