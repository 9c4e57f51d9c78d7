"""docs/teaching-zh.md, the teaching page in Chinese for a workshop: linked from the
workshop page and the docs' index, every command on it taken by its command's parser with
its settings loading, and its theory's figures those of docs/teaching.md (the English page
the tests check against runs), so that the two cannot drift apart. Nothing is simulated."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

import sim
from sim.cli import build_parser
from sim.scenario.loader import bundled_scenario

DOCS = Path(__file__).resolve().parents[1] / "docs"
PAGE = DOCS / "teaching-zh.md"


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", _text(PAGE), re.S)
    return [line for b in blocks for line in b.splitlines() if line.startswith("bordersim ")]


def test_the_page_is_linked_from_the_workshop_page_and_the_index():
    assert "(teaching-zh.md)" in _text(DOCS / "workshop-zh.md")
    assert "(teaching-zh.md)" in _text(DOCS / "README.md")


@pytest.mark.parametrize("line", _commands())
def test_every_command_is_taken_in_chinese_and_its_settings_load(line):
    argv = shlex.split(line)[1:]
    assert argv[-2:] == ["--lang", "zh"], line  # (a Chinese page's commands print Chinese)
    args = build_parser().parse_args(argv)
    if argv[0] in ("run", "compare", "sweep", "warmup"):
        base = sim.load_scenario(bundled_scenario(args.scenario), dict(args.settings))
        assert base.name == str(args.scenario)


def _table_rows(text: str, head: str) -> list[str]:
    """The rows of the markdown table whose header row starts with ``head``."""
    at = text.index(head)
    rows = text[at:].split("\n\n", 1)[0].splitlines()[2:]
    return [re.sub(r"\s*小时", " h", row) for row in rows]


def test_its_theory_is_the_english_pages():
    """The theory CSV and Erlang C's waits towards rho = 1, as on docs/teaching.md."""
    zh, en = _text(PAGE), _text(DOCS / "teaching.md")
    csv = re.findall(r"```csv\n(.*?)```", zh, re.S)
    assert csv == re.findall(r"<!-- theory-csv -->\n```csv\n(.*?)```", en, re.S)
    assert _table_rows(zh, "| λ | ρ | Wq") == _table_rows(en, "| λ | ρ | Wq")
    assert len(_table_rows(zh, "| λ | ρ | Wq")) == 5
