"""Dask is an optional extra: a plain install does not bring it, runs without it, and asking
for the Dask executor where it is missing is one line naming the extra, before anything is
written (never a ModuleNotFoundError traceback from inside a run)."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from sim.cli import main
from sim.experiment.executors import DaskExecutor, get_executor
from sim.experiment.extras import ExtraMissing, dask_missing

REPO = Path(__file__).resolve().parents[1]
SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def _without_dask(monkeypatch: pytest.MonkeyPatch, name: str = "distributed") -> None:
    monkeypatch.setitem(sys.modules, name, None)  # (find_spec then answers None)


def test_dask_is_an_extra_not_a_dependency():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not [d for d in project["dependencies"] if d.lower().startswith(("dask", "distri"))]
    assert any(d.startswith("dask[distributed]") for d in project["optional-dependencies"]["dask"])


@pytest.mark.parametrize("name", ["dask", "distributed"])
def test_the_library_names_the_missing_module_and_the_extra(monkeypatch, name):
    _without_dask(monkeypatch, name)
    assert dask_missing() is not None
    why = rf"\({name} is missing\): pip install 'bordersim\[dask\]'"
    with pytest.raises(ExtraMissing, match=why):
        DaskExecutor()
    with pytest.raises(ExtraMissing):
        get_executor("dask")
    assert get_executor("processes").name == "processes"  # the others need nothing more


@pytest.mark.parametrize(
    "flags",
    [["--executor", "dask"], ["--dask", "127.0.0.1:1"], ["--executor", "dask", "--workers", "2"]],
)
def test_the_command_refuses_the_dask_executor_in_one_line(tmp_path, capsys, monkeypatch, flags):
    _without_dask(monkeypatch)
    out = tmp_path / "o"
    status = main(["run", str(SMALL), "--reps", "1", "--days", "1", "--out", str(out), *flags])
    err = capsys.readouterr().err
    assert status == 2, err
    assert err.strip().splitlines() == [
        "error: the dask executor needs Dask (distributed is missing): pip install "
        "'bordersim[dask]', or run with --executor serial or processes"
    ]
    assert not out.exists()


def test_a_run_needs_no_dask(tmp_path):
    """Nothing imported on the way to a serial run imports Dask (checked in a fresh
    interpreter where importing it fails)."""
    out = tmp_path / "o"
    code = (
        "import sys; sys.modules['dask'] = sys.modules['distributed'] = None\n"
        "from sim.cli import main\n"
        f"status = main(['run', {str(SMALL)!r}, '--reps', '1', '--days', '1', '--json',"
        f" '--out', {str(out)!r}])\n"
        "assert 'distributed' not in [m for m, v in sys.modules.items() if v is not None]\n"
        "sys.exit(status)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["clearance_h_mean"]["mean"] > 0
