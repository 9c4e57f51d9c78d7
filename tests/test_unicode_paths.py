"""Folders and files with Chinese names and spaces (``海关 方案/2026 东兴/东兴 口岸.toml``), as a
provincial customs office keeps them: every command the tool prints for pasting gives the
exact path back when a POSIX shell splits it, and the files keep such paths readable."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from sim.cli import main

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
FAST = ["--days", "2", "--reps", "2"]


@pytest.fixture
def place(tmp_path: Path) -> Path:
    """A planner's folder, ``海关 方案/2026 东兴``, holding the small scenario as
    ``东兴 口岸.toml``."""
    folder = tmp_path / "海关 方案" / "2026 东兴"
    folder.mkdir(parents=True)
    shutil.copy(SMALL, folder / "东兴 口岸.toml")
    return folder


@pytest.fixture(scope="module")
def finished(tmp_path_factory) -> dict[str, Path | str]:
    """A finished run and a finished comparison of a costed copy of the small scenario, both
    under a folder with Chinese and a space in its name, and what the comparison printed (made
    once for the module's tests that only read them)."""
    home = tmp_path_factory.mktemp("海关 方案")
    costed = home / "东兴 口岸.toml"
    text = SMALL.read_text(encoding="utf-8").replace('name = "small"', 'name = "东兴 口岸"')
    costed.write_text(text + "\n[costs]\nprice_year = 2019\n", encoding="utf-8")
    run, comparison = home / "结果 一", home / "比较 一"
    assert main(["run", str(costed), *FAST, "--out", str(run)]) == 0
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert main(["compare", str(costed), *FAST, "--out", str(comparison), "--no-report",
                     "--option", "more:ports.sea.review.capacity=5"]) == 0
    return {"run": run, "compare": comparison, "printed": printed.getvalue()}


def _pasted(text: str, lead: str, end: str = "") -> list[str]:
    """The words a shell makes of the command after ``lead`` in ``text`` (up to ``end``)."""
    line = next(ln for ln in text.splitlines() if lead in ln)
    command = line.split(lead, 1)[1]
    return shlex.split(command.split(end)[0] if end else command)


def _env() -> dict[str, str]:
    """The environment with this Python's ``bordersim`` first on PATH."""
    return {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}


def test_a_runs_workbook_line_gives_the_folder_back(place, capsys):
    out = place / "结果 一"
    assert main(["run", str(place / "东兴 口岸.toml"), *FAST, "--out", str(out)]) == 0
    words = _pasted(capsys.readouterr().out, "one workbook for Excel or WPS: ")
    assert words == ["bordersim", "workbook", str(out)]


def test_the_chinese_footer_lines_give_the_folder_back(place):
    from sim.cli_zh import footer

    out = str(place / "结果 $HOME 'x'")
    lines = "\n".join(footer(out))
    assert _pasted(lines, "工作簿（中文）：") == ["bordersim", "workbook", out, "--lang", "zh"]
    assert _pasted(lines, "报告（网页）：") == ["bordersim", "report", out, "--lang", "zh"]


def test_a_comparisons_workbook_and_appraise_lines_give_the_folder_back(finished):
    out, printed = str(finished["compare"]), str(finished["printed"])
    assert _pasted(printed, "paired differences): ") == ["bordersim", "workbook", out]
    assert _pasted(printed, "cost per hour saved): ") == ["bordersim", "appraise", out]


def _between(text: str, lead: str, end: str) -> list[str]:
    """The words of the command between ``lead`` and the next ``end`` in ``text``."""
    return shlex.split(text.split(lead, 1)[1].split(end, 1)[0])


def _copy(folder: Path, place: Path, name: str) -> Path:
    """A copy of a finished folder in the planner's folder, to damage."""
    return Path(shutil.copytree(folder, place / name))


def test_difference_with_a_comparison_names_its_report_command(finished, capsys):
    assert main(["difference", str(finished["run"]), str(finished["compare"])]) != 0
    err = capsys.readouterr().err
    assert _between(err, "differences: ", ")") == ["bordersim", "report", str(finished["compare"])]


def test_an_options_folder_names_its_comparisons_report_command(finished, capsys):
    assert main(["report", str(Path(finished["compare"]) / "options" / "baseline")]) != 0
    words = _between(capsys.readouterr().err, "folder's (", ")")
    assert words == ["bordersim", "report", str(Path(finished["compare"]).resolve())]


def test_workbook_of_a_sweeps_folder_names_its_report_command(finished, place, capsys):
    folder = _copy(Path(finished["run"]), place, "扫描 一")
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    (folder / "meta.json").write_text(json.dumps({**meta, "kind": "sweep"}), encoding="utf-8")
    assert main(["workbook", str(folder)]) != 0
    assert _between(capsys.readouterr().err, "report is `", "`") == ["bordersim", "report",
                                                                     str(folder)]


def test_validating_a_results_folder_names_its_tables_command(finished, capsys):
    main(["tables", "--validate", str(finished["run"])])
    words = _between(capsys.readouterr().err, "export it first (", " --out DIR")
    assert words == ["bordersim", "tables", str(finished["run"])]


@pytest.mark.parametrize("show", ["nosuch_metric_*", "nosuch_metric"])
def test_an_unknown_metric_names_the_check_command(place, capsys, show):
    scenario = place / "东兴 口岸.toml"
    assert main(["run", str(scenario), *FAST, "--show", show, "--out", str(place / "x")]) == 2
    words = _between(capsys.readouterr().err, "names: ", "\n")
    assert words == ["bordersim", "check", str(scenario), "--metrics"]


def test_a_lost_meta_json_names_the_command_that_writes_it_again(finished, place, capsys):
    """The hint's command, pasted into a shell, writes meta.json again."""
    folder = _copy(Path(finished["run"]), place, "丢失 meta $x")
    (folder / "meta.json").unlink()
    assert main(["report", str(folder)]) != 0
    err = capsys.readouterr().err
    words = _between(err, "replication(s): `", "`")
    assert words[:4] == ["bordersim", "run", str(folder / "scenario.json"), "--out"]
    assert words[4] == str(folder)
    pasted = err.split("replication(s): `", 1)[1].split("`", 1)[0]
    done = subprocess.run(pasted, shell=True, cwd=place, env=_env(), capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (folder / "meta.json").is_file() and (folder / "summary.json").is_file()


def test_a_folder_without_its_command_names_it_quoted(finished, place, capsys):
    folder = _copy(Path(finished["run"]), place, "无 命令")
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    del meta["command"]
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    (folder / "summary.json").unlink()
    assert main(["report", str(folder)]) != 0
    assert _between(capsys.readouterr().err, "with --out ", " (")[0] == str(folder)


def test_a_refused_reproduction_names_its_command(finished, place, capsys, monkeypatch):
    import sim.reproduce

    monkeypatch.setattr(sim.reproduce, "rerun", lambda rec, new, k, *executor: (1, ""))
    new = place / "重现 一"
    assert sim.reproduce.reproduce(Path(finished["run"]), new) == 2
    words = _between(capsys.readouterr().err, "the re-run `", "`")
    assert words[:2] == ["bordersim", "run"] and words[words.index("--out") + 1] == str(new)


def test_the_resume_command_gives_the_folder_back(place):
    from sim.report.remedy import resume_command

    out = place / "结果 'a' $HOME"
    assert main(["run", str(place / "东兴 口岸.toml"), *FAST, "--out", str(out)]) == 0
    words = shlex.split(resume_command(out, "run"))
    assert words[:3] == ["bordersim", "run", str(place / "东兴 口岸.toml")]
    assert words[words.index("--out") + 1] == str(out)
    recorded = json.loads((out / "meta.json").read_text(encoding="utf-8"))["command"]
    # (no machine path: no argument is absolute; a relative one may end in the same letters)
    assert not any(str(w).startswith(str(place)) for w in recorded)


def test_an_interrupted_run_into_the_default_folder_is_resumed_by_the_pasted_line(place):
    """Stopped before it finished, a run without --out says the line that resumes it; pasted
    into a shell in the same folder, that line finishes the run in the same results folder."""
    argv = ["bordersim", "run", "东兴 口岸.toml", "--days", "60", "--reps", "3"]
    proc = subprocess.Popen(argv, cwd=place, env=_env(), stderr=subprocess.PIPE, text=True,
                            stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not list(place.glob("results/*/meta.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    pasted = err.split("replication(s) kept; resume it with: ", 1)[1].strip()
    words = shlex.split(pasted)
    folder = place / words[words.index("--out") + 1]
    assert words[:3] == argv[:3] and folder.parent == place / "results"
    done = subprocess.run(pasted, shell=True, cwd=place, env=_env(), capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert (folder / "summary.json").is_file() and len(list(place.glob("results/*"))) == 1


def test_files_keep_chinese_paths_and_names_readable(finished, place, capsys):
    """meta.json (read by people) and the warehouse tables keep the path and the scenario's
    name as written; ``run --json`` (read by programs) escapes them but gives them back."""
    raw = (Path(finished["run"]) / "meta.json").read_bytes()
    assert "海关 方案".encode() in raw and b"\\u" not in raw
    tables = place / "表 格"
    assert main(["tables", str(finished["run"]), "--out", str(tables)]) == 0
    runs = pq.read_table(tables / "runs.parquet").to_pylist()
    assert runs[0]["folder"] == Path(finished["run"]).name  # (the folder's name)
    fields = {r["field"]: r["value"] for r in pq.read_table(tables / "scenario_fields.parquet")
              .to_pylist()}
    assert fields["name"] == '"东兴 口岸"'
    capsys.readouterr()
    assert main(["check", str(place / "东兴 口岸.toml"), "--set", "name=东兴 口岸"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == "东兴 口岸"


def test_errors_name_such_paths_readably(place, capsys):
    missing = place / "不存在 的"
    assert main(["report", str(missing)]) != 0
    err = capsys.readouterr().err
    assert str(missing) in err and "\\x" not in err and "\\u" not in err
    garbled = place / "乱 码.toml"
    garbled.write_bytes(b"\xff\xfename = 1\n")
    assert main(["check", str(garbled)]) != 0
    err = capsys.readouterr().err
    assert err.startswith(f"error: {garbled}") and "\\x" not in err
