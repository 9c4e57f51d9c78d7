"""``bordersim --version`` names the build a results folder records (the version number alone
stays the same from commit to commit), the Python and libraries, and where the package is
installed; working the build out is left until asked, so building the parser stays cheap."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sim
from sim.build import build
from sim.cli import build_parser, main

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def _version(capsys: pytest.CaptureFixture[str]) -> list[str]:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    return capsys.readouterr().out.splitlines()


def test_version_names_the_build_a_results_folder_records(tmp_path, capsys):
    out = tmp_path / "run"
    assert main(["run", str(SMALL), "--days", "1", "--reps", "1", "--json", "--out", str(out)]) == 0
    recorded = json.loads((out / "meta.json").read_text(encoding="utf-8"))["build"]
    capsys.readouterr()
    lines = _version(capsys)
    assert lines[0] == f"bordersim {sim.__version__}"
    assert lines[1].startswith(f"build {recorded} ")
    assert lines[2].startswith("python 3.") and "numpy " in lines[2] and "simpy " in lines[2]
    assert lines[3] == f"installed at {Path(sim.__file__).resolve().parent}"


def test_the_build_is_worked_out_only_for_version():
    build.cache_clear()
    build_parser()
    assert build.cache_info().currsize == 0
