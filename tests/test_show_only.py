"""``--show ... --only``: the run table holds only the metrics ``--show`` names, in the order
given, not its usual rows (a user who wants to read a few figures); ``--only`` alone, with
nothing to hold, is an error before anything runs."""

from __future__ import annotations

from pathlib import Path

from sim.cli import main

SMALL = Path(__file__).resolve().parents[1] / "tests" / "scenarios" / "small.toml"


def _rows(out: str) -> list[str]:
    """The metric names of the table's rows (its first column)."""
    return [line.split("│")[1].strip() for line in out.splitlines()
            if line.startswith("│") and line.split("│")[1].strip()]  # fmt: skip


def test_only_leaves_the_run_table_the_shown_metrics_in_their_order(tmp_path, capsys):
    argv = ["run", str(SMALL), "--reps", "1", "--days", "1", "--out", str(tmp_path / "r"),
            "--show", "inspection_rate_port_sea_import,clearance_h_p90", "--only"]  # fmt: skip
    assert main(argv) == 0
    assert _rows(capsys.readouterr().out) == ["inspection_rate_port_sea_import",
                                              "clearance_h_p90"]


def test_only_without_show_is_an_error(tmp_path, capsys):
    assert main(["run", str(SMALL), "--days", "1", "--only", "--out", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert "--only needs --show" in err and not (tmp_path / "r").exists()
