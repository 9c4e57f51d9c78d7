"""The disk a run's ``--log`` takes, said before it runs: the estimate (consignments x bytes a
row) is near what a replication writes, and a run whose logs would take much disk says so."""

from __future__ import annotations

from pathlib import Path

import sim.scenario.run_size as run_size
from sim.cli import main
from sim.scenario.loader import load_scenario

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def test_the_log_estimate_is_near_the_size_written(tmp_path, capsys):
    out = tmp_path / "r"
    assert main(["run", str(SMALL), "--days", "2", "--reps", "1", "--log",
                 "--out", str(out)]) == 0
    written = (out / "reps" / "rep-0000-log.parquet").stat().st_size
    estimate = run_size.log_bytes(load_scenario(SMALL, {"days": 2}))
    assert written / 1.5 < estimate < written * 1.5, (estimate, written)
    capsys.readouterr()


def test_a_run_whose_logs_take_much_disk_says_so_first(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(run_size, "LOG_NOTE_BYTES", 10**5)  # (as if the logs were big)
    argv = ["run", str(SMALL), "--days", "1", "--reps", "2"]
    assert main([*argv, "--out", str(tmp_path / "a")]) == 0  # (no --log: nothing said)
    assert "with --log" not in capsys.readouterr().err
    assert main([*argv, "--log", "--out", str(tmp_path / "b")]) == 0
    err = capsys.readouterr().err
    each = run_size.log_bytes(load_scenario(SMALL, {"days": 1}))
    assert (f"with --log, each replication's log takes about {run_size._size(each)} of disk "
            f"(about 390 bytes a consignment), {run_size._size(2 * each)} for the 2 "
            "replication(s)") in err, err
