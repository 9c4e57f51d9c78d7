"""docs/adding-a-step.md names real files and real lists, and its commands run as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.doc_pages import missing_files, missing_lists

ROOT = Path(__file__).resolve().parents[1]
PAGE = (ROOT / "docs" / "adding-a-step.md").read_text()
#: the step the page's example added on a branch, not shipped: its files are not here
EXAMPLE_ONLY = frozenset({"sim/model/steps/vet.py"})


def test_every_file_the_page_names_exists():
    named, missing = missing_files(PAGE, besides=EXAMPLE_ONLY)
    assert named, "the page names no file"
    assert not missing, f"docs/adding-a-step.md names files that do not exist: {missing}"


def test_every_list_the_page_names_is_in_its_module():
    """``NAME`` of (or in) ``sim/...py`` or ``tests/...py``: the module defines NAME."""
    pairs, wrong = missing_lists(PAGE)
    assert len(pairs) >= 8, pairs
    assert not wrong, f"docs/adding-a-step.md names lists that are not there: {wrong}"


def test_the_page_names_every_declaring_module_of_the_draws():
    from sim.model.draws import MODULES

    assert [m for m in MODULES if f"`{m}.py`" not in PAGE] == []


def test_its_command_for_the_free_columns_runs_as_written(capsys: pytest.CaptureFixture[str]):
    command = re.search(r'^\s*python -c "(.+)"$', PAGE, re.MULTILINE)
    assert command is not None
    exec(command.group(1), {})  # (in this process: the package is imported already)
    assert capsys.readouterr().out.startswith("free: columns ")


def test_the_readme_and_the_guide_link_it():
    assert "](docs/adding-a-step.md)" in (ROOT / "README.md").read_text()
    assert "](adding-a-step.md)" in (ROOT / "docs" / "README.md").read_text()
