"""docs/from-anylogic.md runs as written: each ``$ bordersim ...`` line of its console blocks
in a copy of docs/examples/from-anylogic/, printing what the page shows, and each Python
block after them, in the page's order; its TOML snippets are the example file's own lines,
and its links lead to files that exist."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.doc_pages import console_commands, run_as_written

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGE = DOCS / "from-anylogic.md"
EXAMPLES = DOCS / "examples" / "from-anylogic"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _blocks(kind: str | None = None) -> list[tuple[str, str]]:
    found = [(m.group(1), m.group(2)) for m in BLOCK.finditer(PAGE.read_text())]
    return [b for b in found if kind is None or b[0] == kind]


def test_the_page_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "ex")
    monkeypatch.chdir(tmp_path / "ex")
    ran = 0
    for kind, body in _blocks():
        if kind == "console":
            for command, shown in console_commands(body):
                run_as_written(command, shown, capsys)
                ran += 1
        elif kind == "python":
            exec(compile(body, f"{PAGE.name} python block", "exec"), {})
            ran += 1
    assert ran >= 8
    assert (tmp_path / "ex" / "results" / "study" / "validation.csv").is_file()


def _code(line: str) -> str:
    return line.split("#", 1)[0].strip()


def test_its_toml_is_the_example_files_own() -> None:
    study = [_code(line) for line in (EXAMPLES / "study.toml").read_text().splitlines()]
    snippets = _blocks("toml")
    assert snippets
    for _, body in snippets:
        lines = [_code(line) for line in body.splitlines() if _code(line)]
        at = study.index(lines[0])
        assert study[at:at + len(lines)] == lines


def test_its_links_lead_to_files() -> None:
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", PAGE.read_text()):
        assert (DOCS / target).exists(), target
