"""``--csv FILE`` in a folder that is not there is refused as the command line is read, with
what to do, before any work: an outlook would otherwise simulate every year, then fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.cli import main

COMMANDS = {
    "both-sides": ["both-sides", "RESULTS", "--partner", "partner.toml"],
    "hours": ["hours", "RESULTS"],
    "outlook": ["outlook", "--growth", "5%", "--reps", "1"],
    "trucks": ["trucks", "RESULTS"],
}


def _exit(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as e:  # (argparse's refusal)
        return int(e.code or 0)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_csv_in_a_missing_folder_is_refused_before_anything_runs(name, tmp_path, capsys):
    target = tmp_path / "nowhere" / "out.csv"
    assert _exit([*COMMANDS[name], "--csv", str(target)]) == 2
    err = capsys.readouterr().err
    assert (f"argument --csv: {target}: its folder {target.parent} is not there; make it "
            f"first (mkdir -p {target.parent})") in err, err
    assert _exit([*COMMANDS[name], "--csv", str(tmp_path)]) == 2
    assert f"argument --csv: {tmp_path} is a folder" in capsys.readouterr().err


def test_a_csv_in_a_folder_that_is_there_is_taken(tmp_path):
    from sim.cli_csv_path import csv_path

    assert csv_path(str(tmp_path / "out.csv")) == tmp_path / "out.csv"
    assert csv_path("out.csv") == Path("out.csv")  # (this folder)
