"""A comparison or a sweep resumed in another environment warns as a run does
(``resumed_elsewhere``, :mod:`sim.made_where`): on stderr, in the JSON and the folder's records."""

from __future__ import annotations

import json
import platform
import shutil
from pathlib import Path

import pytest

from sim.cli import main

REPO = Path(__file__).resolve().parents[1]
SMALL = str(REPO / "tests" / "scenarios" / "small.toml")
FAST = ["--days", "2", "--reps", "2"]
COMPARE = ["compare", SMALL, *FAST, "--option", "x:ports.sea.review.capacity=4", "--no-report"]
SWEEP = ["sweep", SMALL, *FAST, "--param", "ports.sea.review.capacity=3,4"]
MOVED = "Another-OS-1.0"


@pytest.fixture(autouse=True)
def _wide(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict:
    """The folders of ``COMPARE`` and ``SWEEP`` as their first run left them, each made once
    per module (in this environment): a test resumes a copy of one."""
    return {"factory": tmp_path_factory}


def _first(made: dict, argv: list[str], out: Path) -> Path:
    """``out`` as ``[*argv, "--out", out]`` leaves it (a copy of the module's one run)."""
    if tuple(argv) not in made:
        folder = made["factory"].mktemp("made") / out.name
        assert main([*argv, "--out", str(folder)]) == 0
        made[tuple(argv)] = folder
    return Path(shutil.copytree(made[tuple(argv)], out))


def _move(record: Path) -> None:
    """Say in the folder's record that it was made on another operating system."""
    meta = json.loads(record.read_text(encoding="utf-8"))
    meta["platform"] = MOVED
    record.write_text(json.dumps(meta), encoding="utf-8")


def _said(out: Path) -> str:
    return (f"warning: resuming {out}, made in another environment: platform {MOVED} -> "
            f"{platform.platform()}")


def _codes(out: Path) -> list[str]:
    """The codes of the folder's warnings (those ``--fail-on warning`` counts, and notes)."""
    records = json.loads((out / "warning-records.json").read_text(encoding="utf-8"))
    assert all(r["severity"] == "warning" for r in records["records"]
               if r["code"] == "resumed_elsewhere")
    return [r["code"] for r in records["records"]]


def test_a_comparison_resumed_elsewhere_warns_in_the_json_and_its_records(made, tmp_path, capsys):
    out = _first(made, COMPARE, tmp_path / "c")
    for record in (out / "compare.json", *out.glob("options/*/meta.json")):
        _move(record)  # (a real move: every record says so)
    capsys.readouterr()
    assert main([*COMPARE, "--out", str(out), "--json"]) == 0  # (a warning, not a refusal)
    printed = capsys.readouterr()
    assert printed.err.count(_said(out)) == 1
    assert printed.err.count("made in another environment") == 1  # (not once per option)
    said = json.loads(printed.out)
    assert any(n.startswith(_said(out)) for n in said["notes"])
    assert "resumed_elsewhere" in [r["code"] for r in said["warning_records"]]
    assert "resumed_elsewhere" in _codes(out)
    kept = json.loads((out / "compare.json").read_text(encoding="utf-8"))
    assert any(w.startswith(_said(out)[len("warning: "):]) for w in kept["warnings"])
    assert kept["platform"] == platform.platform()  # (this command's, as recorded)


def test_a_comparison_whose_option_moved_warns_once_naming_its_folder(made, tmp_path, capsys):
    out = _first(made, COMPARE, tmp_path / "c")
    option = out / "options" / "x"
    _move(option / "meta.json")
    capsys.readouterr()
    assert main([*COMPARE, "--out", str(out)]) == 0
    assert capsys.readouterr().err.count(_said(option)) == 1
    assert "resumed_elsewhere" in _codes(out)  # (a warning: --fail-on warning counts it)


def test_a_comparison_resumed_elsewhere_warns_in_chinese_under_lang_zh(made, tmp_path, capsys):
    out = _first(made, COMPARE, tmp_path / "c")
    _move(out / "compare.json")
    capsys.readouterr()
    assert main([*COMPARE, "--out", str(out), "--lang", "zh"]) == 0
    err = capsys.readouterr().err
    assert f"续算 {out}，其已有结果生成于另一环境：platform {MOVED}" in err


def test_a_sweep_resumed_elsewhere_warns_and_counts(made, tmp_path, capsys):
    out = _first(made, SWEEP, tmp_path / "s")
    _move(out / "meta.json")
    capsys.readouterr()
    assert main([*SWEEP, "--out", str(out), "--json"]) == 0
    printed = capsys.readouterr()
    assert printed.err.count(_said(out)) == 1
    json.loads(printed.out)  # (standard output stays JSON: the warning is on stderr)
    assert "resumed_elsewhere" in _codes(out)
    _move(out / "meta.json")
    assert main([*SWEEP, "--out", str(out), "--lang", "zh"]) == 0
    assert f"续算 {out}，其已有结果生成于另一环境：platform {MOVED}" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [COMPARE, SWEEP], ids=["compare", "sweep"])
def test_a_folder_resumed_in_the_same_environment_says_nothing(made, tmp_path, capsys, argv):
    out = _first(made, argv, tmp_path / "o")
    capsys.readouterr()
    assert main([*argv, "--out", str(out)]) == 0
    assert "made in another environment" not in capsys.readouterr().err
    assert "resumed_elsewhere" not in _codes(out)
