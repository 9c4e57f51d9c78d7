"""A results folder's read errors (:mod:`sim.report.folder`) in Chinese: each of the readers'
messages, made by the readers themselves, is said in Chinese with its file kept as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.cli_zh_errors import error_line
from sim.report.folder import ResultsFolderError, read_json, read_object, read_parquet


def _message(read: object, path: Path) -> str:
    with pytest.raises(ResultsFolderError) as caught:
        read(path)  # type: ignore[operator]
    return str(caught.value)


def test_each_read_error_of_a_results_folder_is_said_in_chinese(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("[1]", encoding="utf-8")
    link = tmp_path / "meta.json"
    link.symlink_to(real)
    (tmp_path / "cut.json").write_text("{", encoding="utf-8")
    (tmp_path / "log.parquet").write_bytes(b"not parquet")
    (tmp_path / "dir.json").mkdir()
    cases = {
        _message(read_json, link): f"{link} 无法读取：它是符号链接",
        _message(read_json, tmp_path / "gone.json"): "缺失（结果文件夹不完整或已损坏）",
        _message(read_object, real): "不是 bordersim 写入的内容（不是 JSON 对象）",
        _message(read_json, tmp_path / "cut.json"): f"{tmp_path / 'cut.json'} 无法读取（",
        _message(read_parquet, tmp_path / "log.parquet"): "log.parquet 无法读取（",
        _message(read_json, tmp_path / "dir.json"): "是文件夹而不是文件（结果文件夹已损坏）",
    }
    for english, chinese in cases.items():
        line = error_line(english, "zh")
        assert line.startswith("错误：") and chinese in line, (english, line)
        assert "尚无中文译文" not in line, line
