"""A results folder's warning that does not stop the work (resumed in another environment,
:mod:`sim.made_where`) is said by the executor's reporter when no ``on_warning`` hears it
(a run or sweep made in Python): in its language, through its writer, not straight to
stderr."""

from __future__ import annotations

import json
from pathlib import Path

from sim.experiment.executors import SerialExecutor
from sim.experiment.reporter import Reporter
from sim.experiment.runner import replicate
from sim.experiment.sweep import sweep
from sim.scenario.loader import load_scenario
from tests.conftest import SMALL

MOVED = "Another-OS-1.0"


def _move(record: Path) -> None:
    meta = json.loads(record.read_text(encoding="utf-8"))
    meta["platform"] = MOVED
    record.write_text(json.dumps(meta), encoding="utf-8")


def _short() -> object:
    scenario = load_scenario(SMALL)
    return scenario.model_copy(update={"days": 1.0, "warmup_days": 0.5, "drain_days": 0.5})


def test_a_run_resumed_elsewhere_is_warned_by_the_executors_reporter(tmp_path, capsys):
    out, scenario = tmp_path / "r", _short()
    replicate(scenario, 1, store=out)
    _move(out / "meta.json")
    said: list[str] = []
    replicate(scenario, 1, store=out, executor=SerialExecutor(reporter=Reporter("zh", said.append)))
    assert [s for s in said if MOVED in s] == [s for s in said if s.startswith("警告")]
    assert any(MOVED in s and "另一环境" in s for s in said), said
    assert MOVED not in capsys.readouterr().err  # (through the reporter's writer alone)


def test_a_sweep_resumed_elsewhere_is_warned_by_the_executors_reporter(tmp_path, capsys):
    out, scenario = tmp_path / "s", _short()
    design = {"ports.sea.review.capacity": [3, 4]}
    sweep(scenario, design, 1, out=out)
    _move(out / "meta.json")
    said: list[str] = []
    sweep(scenario, design, 1, out=out,
          executor=SerialExecutor(reporter=Reporter("en", said.append)))
    assert any(s.startswith(f"warning: resuming {out}, made in another environment: platform "
                            f"{MOVED}") for s in said), said
    assert MOVED not in capsys.readouterr().err
