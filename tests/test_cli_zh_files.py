"""A file that cannot be read, with ``--lang zh``: a scenario, its parent, a schedule CSV, an
options file, observed figures and a CSV of arrivals that is a device, a pipe, a socket, too
big, not UTF-8, a link to nowhere or a loop of links, refused by the system, or an extends
chain that loops or runs too deep: each is said in Chinese with its path and sizes kept, and
every reason :class:`sim.scenario.files.FileProblem` can give has a Chinese pattern."""

from __future__ import annotations

import ast
import errno
import itertools
import os
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

import sim.scenario.files as files
from sim.cli import main
from sim.cli_zh_errors import error_line
from tests.message_samples import messages_of
from tests.test_cli_lang_notes import english_left

ROOT = Path(__file__).resolve().parents[1]
SMALL = ROOT / "tests" / "scenarios" / "small.toml"


def _socket(path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(path))


def _refused(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``path`` a file the system refuses to open (a test run as root reads any file)."""
    path.write_text("days = 1\n", encoding="utf-8")
    real = os.open

    def opened(p: object, *args: object) -> int:
        if str(p) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(p, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(files.os, "open", opened)


#: case -> (how the bad file is made, what the Chinese line holds beside the path)
FILES: dict[str, tuple[Callable[..., object], list[str]]] = {
    "a device": (lambda p, m: None, ["是设备文件，不是普通文件"]),
    "a pipe": (lambda p, m: os.mkfifo(p), ["是命名管道，不是普通文件"]),
    "a socket": (lambda p, m: _socket(p), ["是套接字，不是普通文件"]),
    "too big": (lambda p, m: p.write_text("#" * 1_500), ["有 1,500 字节；最多读取 1,000 字节"]),
    "not UTF-8": (lambda p, m: p.write_bytes(b"days = 1\n# caf\xe9\n"),
                  ["不是 UTF-8 文本：第 2 行的字节 0xe9；请另存为 UTF-8"]),
    "UTF-16": (lambda p, m: p.write_bytes("days = 1".encode("utf-16")),
               ["不是 UTF-8 文本（看来是 UTF-16）"]),
    "NUL": (lambda p, m: p.write_bytes(b"days = 1\n\0\n"), ["不是文本文件：第 2 行有 NUL 字符"]),
    "a link to nowhere": (lambda p, m: p.symlink_to("gone.toml"),
                          ["是指向 'gone.toml' 的符号链接，而该目标不存在"]),
    "a loop of links": (lambda p, m: p.symlink_to(p.name), ["是循环的符号链接"]),
    "refused": (_refused, ["无法读取：没有权限"]),
}


def _bad(case: str, path: Path, monkeypatch: pytest.MonkeyPatch,
         limit: str = "sim.scenario.loader.MAX_SCENARIO_BYTES") -> Path:
    """The case's file at ``path`` (``/dev/zero`` for a device), the size limit its reader
    reads with (``limit``) made small."""
    monkeypatch.setattr(limit, 1_000)
    FILES[case][0](path, monkeypatch)
    return Path("/dev/zero") if case == "a device" else path


def _said(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = main([*argv, "--lang", "zh"])
    err = capsys.readouterr().err
    assert code != 0 and err.startswith("错误："), err
    assert "尚无中文" not in err and english_left(err) == [], err
    return err


@pytest.mark.parametrize("case", list(FILES))
def test_a_scenario_file_that_cannot_be_read_is_said_in_chinese(
        case: str, tmp_path: Path, capsys, monkeypatch) -> None:
    path = _bad(case, tmp_path / "s.toml", monkeypatch)
    err = _said(["check", str(path)], capsys)
    assert f"错误：{path}：" in err and all(w in err for w in FILES[case][1]), err


@pytest.mark.parametrize("case", ["a device", "too big", "a link to nowhere"])
def test_a_parent_that_cannot_be_read_is_said_in_chinese_by_run(
        case: str, tmp_path: Path, capsys, monkeypatch) -> None:
    parent = _bad(case, tmp_path / "p.toml", monkeypatch)
    (tmp_path / "c.toml").write_text(f'extends = "{parent}"\n', encoding="utf-8")
    err = _said(["run", str(tmp_path / "c.toml"), "--days", "1", "--out",
                 str(tmp_path / "out")], capsys)
    head = f"错误：{tmp_path / 'c.toml'}：extends = '{str(parent)[:30]}"  # (a long path is cut)
    assert head in err and all(w in err for w in FILES[case][1]), err


@pytest.mark.parametrize("case", ["a pipe", "too big", "a loop of links"])
def test_a_schedule_csv_that_cannot_be_read_is_said_in_chinese(
        case: str, tmp_path: Path, capsys, monkeypatch) -> None:
    csv = _bad(case, tmp_path / "calls.csv", monkeypatch, "sim.scenario.schedule.MAX_CSV_BYTES")
    (tmp_path / "s.toml").write_text(
        f'extends = "default"\n[ports.sea_port.arrivals]\nschedule = "{csv.name}"\n')
    err = _said(["check", str(tmp_path / "s.toml")], capsys)
    assert f"船期表 CSV 文件 '{csv}'：" in err and all(w in err for w in FILES[case][1]), err


@pytest.mark.parametrize("case", ["a socket", "too big"])
def test_options_and_observed_files_that_cannot_be_read_are_said_in_chinese(
        case: str, tmp_path: Path, capsys, monkeypatch) -> None:
    path = _bad(case, tmp_path / "o.toml", monkeypatch, "sim.scenario.files.MAX_SCENARIO_BYTES")
    monkeypatch.setattr("sim.experiment.validation.MAX_BYTES", 1_000)
    err = _said(["compare", str(SMALL), "--options-file", str(path), "--days", "1",
                 "--out", str(tmp_path / "c")], capsys)
    assert f"错误：方案文件 {path}：" in err and all(w in err for w in FILES[case][1]), err
    err = _said(["run", str(SMALL), "--observed", str(path), "--days", "1",
                 "--out", str(tmp_path / "r")], capsys)
    assert f"错误：观测数据文件 '{path}'：" in err and all(w in err for w in FILES[case][1])


def test_an_arrivals_csv_too_big_is_said_in_chinese(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("sim.scenario.arrival_fit.MAX_CSV_BYTES", 1_000)
    (tmp_path / "a.csv").write_text("t\n" + "2025-03-03 08:00\n" * 100)
    err = _said(["fit-arrivals", str(tmp_path / "a.csv"), "--column", "t"], capsys)
    assert f"'{tmp_path / 'a.csv'}' 有 1,702 字节；最多读取 1,000 字节" in err, err


def test_an_extends_chain_that_loops_or_runs_too_deep_is_said_in_chinese(
        tmp_path, capsys, monkeypatch) -> None:
    (tmp_path / "a.toml").write_text('extends = "b.toml"\n')
    (tmp_path / "b.toml").write_text('extends = "a.toml"\n')
    err = _said(["check", str(tmp_path / "a.toml")], capsys)
    chain = f"{tmp_path / 'a.toml'} -> {tmp_path / 'b.toml'} -> {tmp_path / 'a.toml'}"
    assert f"继承链（extends）成环：{chain}" in err, err
    monkeypatch.setattr("sim.scenario.limits.MAX_EXTENDS", 2)
    for i in range(4):
        (tmp_path / f"d{i}.toml").write_text(f'extends = "d{i + 1}.toml"\n')
    err = _said(["check", str(tmp_path / "d0.toml")], capsys)
    assert f"继承链（extends）超过 2 个文件（始于 {tmp_path / 'd0.toml'}）" in err, err


#: a sample of each value a FileProblem's message gives (by its expression's source)
SAMPLES: dict[str, list[object]] = {
    "os.readlink(path)": ["gone.toml"], "_kind(st.st_mode)": [
        "a folder", "a named pipe", "a device", "a socket", "not a regular file"],
    "st.st_size": [5_000_006], "limit": [4_194_304], "limits.MAX_OBSERVATIONS": [1_000_000],
    "exc.strerror": ["Permission denied", "No such device or address"],
    "hint": ["", " (it looks like UTF-16)"], "raw[exc.start]": [0xE9], "line": [2],
}
#: how each reader names its file before a FileProblem's message
HEADS = ("/w/s.toml: {}", "/w/p.toml: extends = '/w/q.toml': {}", "schedule csv '/w/c.csv' {}",
         "options file /w/o.toml: {}", "observed figures '/w/f.csv' {}", "'/w/a.csv' {}",
         "empirical csv '/w/e.csv' {}")


def _messages(source: Path) -> list[str]:
    """Every message a ``FileProblem(...)`` in ``source`` can give, each value sampled."""
    tree = ast.parse(source.read_text(encoding="utf-8"))
    return messages_of([tree], {"FileProblem": 0}, SAMPLES, source.name)


def test_every_file_problem_has_a_chinese_pattern() -> None:
    sources = [ROOT / "sim" / "scenario" / n for n in ("files.py", "csv_observations.py")]
    messages = [m for s in sources for m in _messages(s)]
    assert len(messages) >= 19, messages  # (each kind, each hint: none left out unseen)
    for message, head in itertools.product(messages, HEADS):
        said = error_line(head.format(message), "zh")
        assert "尚无中文" not in said and english_left(said) == [], said
        for kept in ("4,194,304", "5,000,006", "1,000,000", "'gone.toml'", "0xe9"):
            assert kept not in message or kept in said, said


#: a child file's extends or drop that cannot be used -> what its Chinese line holds
CHAIN = {
    'extends = 3\n': "extends = 3：应为文件名（字符串）",
    'extends = " "\n': "extends = ' '：为空：请给出内置情景的名称或文件",
    'drop = ["ports.x"]\n': "删除（drop）了上级情景的表，但本文件没有继承任何上级情景",
    'extends = "default"\ndrop = ["ports.sea_prot"]\n':
        "上级情景（default.toml）中没有可删除的 ports.sea_prot；上级情景的 ports（删去之前各项"
        "之后）：airport, land_border, post_hub, sea_port；是否应为 'ports.sea_port'？",
}


@pytest.mark.parametrize("text", list(CHAIN))
def test_an_extends_or_drop_that_cannot_be_used_is_said_in_chinese(
        text: str, tmp_path: Path, capsys) -> None:
    (tmp_path / "c.toml").write_text(text, encoding="utf-8")
    assert CHAIN[text] in _said(["check", str(tmp_path / "c.toml")], capsys)
