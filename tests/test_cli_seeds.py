"""Every command checks ``--seed`` as ``run`` does, when the command line is read: a seed
below 0 or not a whole number is one line and exit status 2, before anything runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.cli import main

SMALL = str(Path(__file__).parent / "scenarios" / "small.toml")
COMMANDS = {
    "compare": ["compare", SMALL, "--option", "x:days=1", "--reps", "1", "--days", "1"],
    "sweep": ["sweep", SMALL, "--param", "days=1,2", "--reps", "1"],
    "warmup": ["warmup", SMALL, "--days", "10", "--reps", "1"],
    "org": ["org", SMALL],
    "run": ["run", SMALL, "--reps", "1", "--days", "1"],
    "both-sides": ["both-sides", "results", "--partner", "partner.toml"],
    "outlook": ["outlook", SMALL, "--growth", "5%", "--reps", "1"],
    "operating-curve": ["operating-curve", SMALL, "--port", "sea", "--clear", "0.5", "--reps", "1"],
}


@pytest.mark.parametrize("seed", ["-1", "1.5", "x"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_bad_seed_is_one_line_before_anything_runs(command, seed, tmp_path, capsys,
                                                      monkeypatch):
    monkeypatch.chdir(tmp_path)  # (a command that ran would write its folder here)
    with pytest.raises(SystemExit) as exc:
        main([*COMMANDS[command], f"--seed={seed}"])
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert "argument --seed: " in err[-1] and "Traceback" not in "\n".join(err)
    assert list(tmp_path.iterdir()) == []


def test_a_bad_sample_seed_is_one_line(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["sweep", SMALL, "--lhs", "4", "--range", "days=1:2", "--sample-seed=-1"])
    assert exc.value.code == 2
    assert "argument --sample-seed: must be 0 or more; got -1" in capsys.readouterr().err
