"""Warnings reach a Python user in Python's words (``days=42`` for ``--days 42``), as notes
do: from ``sim.simulate``, ``sim.compare`` and ``sim.sweep``; the command line prints, and
results folders store, the command line's words; codes read either."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sim
from sim.cli import main
from sim.model.run import simulate
from sim.python_words import as_python
from sim.warning_codes import code_of

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: three weeks observed, few arrivals, one document checker: its wait rises week on week
RISING = {"days": 21, "warmup_days": 0, "drain_days": 1, "ports.sea.arrivals.rate": "0.5/d",
          "ports.sea.exports.arrivals.rate": "5/d", "ports.sea.document_check.capacity": 1,
          "ports.sea.document_check.service.mean": "1 h",
          "selection.document": {"*": {"*": 0.6}}}  # fmt: skip
#: the rising-wait warning's advice, in each face's words
PYTHON, COMMAND_LINE = "run longer (days=42)", "run longer (--days 42)"


@pytest.fixture(scope="module")
def rising() -> sim.Scenario:
    return sim.load_scenario(SMALL, RISING)


def _rising(warnings: list[str]) -> str:
    (found,) = [w for w in warnings if "trends upward" in w]
    return found


def test_simulate_says_days_and_the_run_the_experiments_store_says_the_flag(rising):
    said = _rising(sim.simulate(rising).warnings)
    assert PYTHON in said and "--" not in said and code_of(said) == "wait_rising"
    stored = _rising(simulate(rising).warnings)  # (what replicate, compare and sweep keep)
    assert COMMAND_LINE in stored and as_python(stored) == said


def test_the_command_line_still_says_the_flag(tmp_path, capsys):
    sets = [f"--set={k}={_toml(v)}" for k, v in RISING.items() if k != "days"]
    assert main(["run", str(SMALL), *sets, "--days", "21", "--reps", "1", "--json",
                 "--out", str(tmp_path / "r")]) == 0  # fmt: skip
    printed = _rising(json.loads(capsys.readouterr().out)["notes"])
    assert COMMAND_LINE in printed and PYTHON not in printed


def _toml(value: object) -> str:
    """A value as ``--set`` takes it (TOML: a table inline)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + "}"
    return json.dumps(value)


def test_compare_gives_days_and_its_folder_keeps_the_flag(rising, tmp_path):
    res = sim.compare(rising, [sim.Option("docs2", {"ports.sea.document_check.capacity": 2})],
                      reps=1, out=tmp_path / "c", log=False, report=False)  # fmt: skip
    said = _rising(res.warnings["baseline"])
    assert PYTHON in said and "--" not in said and res.unstable("baseline")
    kept = json.loads((tmp_path / "c" / "options" / "baseline" / "reps" /
                       "rep-0000-warnings.json").read_text())  # fmt: skip
    assert COMMAND_LINE in _rising(kept)


def test_sweep_gives_days_by_point_and_its_folder_keeps_the_flag(rising, tmp_path):
    rows = sim.sweep(rising, {"ports.sea.review.capacity": [3]}, 1, out=tmp_path / "s")
    assert PYTHON in _rising(rows.attrs["warnings"]["0"])
    assert sim.sweep_summary(rows).unstable.all()
    kept = [p.read_text() for p in (tmp_path / "s").rglob("*") if "trends upward" in
            (p.read_text(errors="replace") if p.is_file() and p.suffix == ".json" else "")]
    assert kept and all("--days 42" in k and "days=42" not in k for k in kept)
