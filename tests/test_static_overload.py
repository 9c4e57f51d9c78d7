"""A run whose exam yard does not settle while selection runs on the static selection tables
notes that the tables keep selecting at their rates (customs do not inspect less under
overload) and that a risk engine's throttle is what models inspecting less."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.cli import main
from sim.model.window import run_notes

SMALL = str(Path(__file__).resolve().parent / "scenarios" / "small.toml")
OVER = "{port}: {lane} is 99% utilised (above 95%); its queue may not settle"
SAID = "the static selection tables, which keep selecting at their rates"


def _notes(lanes: dict[str, str], static: bool) -> list[str]:
    warned = {"rep-0000": [OVER.format(port=p, lane=lane) for lane, p in lanes.items()]}
    return [n for n in run_notes(warned, {}, 7.0, 28.0, 1, static=static) if SAID in n]


def test_an_overloaded_exam_yard_under_the_tables_is_noted_once_a_port():
    notes = _notes({"exam_teams": "sea", "exam_bays": "sea", "movers": "air"}, True)
    assert len(notes) == 2
    assert notes[0].startswith("note: sea: the exam yard's queue did not settle (exam_teams, "
                               "exam_bays), yet selection ran on")
    assert notes[1].startswith("note: air: the exam yard's queue did not settle (movers)")
    assert all("A risk engine's throttle (risk.throttle)" in n for n in notes)


def test_no_note_with_a_risk_engine_or_outside_the_exam_yard():
    assert _notes({"exam_teams": "sea"}, False) == []  # (an engine: its throttle can act)
    assert _notes({"document_check": "sea", "scanners": "sea"}, True) == []


def test_a_run_with_too_few_exam_teams_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """End to end: one exam team for the small port's examinations overloads it."""
    argv = ["run", SMALL, "--reps", "1", "--days", "2", "--out", str(tmp_path / "r"),
            "--set", "ports.sea.exam.teams.capacity=1"]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "sea: exam_teams is" in err and "sea: the exam yard's queue did not settle" in err


def test_a_comparison_notes_it_for_each_option_without_an_engine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["compare", SMALL, "--option", "fewer:ports.sea.exam.teams.capacity=1", "--reps",
            "1", "--days", "2", "--out", str(tmp_path / "c"), "--no-report"]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "note (fewer): sea: the exam yard's queue did not settle (exam_bays, exam_teams)" in err
    assert "note (baseline): sea: the exam yard" not in err  # (6 teams keep up)
