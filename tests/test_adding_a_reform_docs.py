"""docs/adding-a-reform.md names real files, lists and tests, its worked example is the
library's, and the entries it shows are what the command prints."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from sim.reforms import REFORMS
from sim.report import zh_reform_todo
from tests.doc_pages import missing_files, missing_lists

ROOT = Path(__file__).resolve().parents[1]
PAGE = (ROOT / "docs" / "adding-a-reform.md").read_text()


def test_every_file_the_page_names_exists():
    named, missing = missing_files(PAGE, "py|md|toml")
    assert len(named) >= 10, named
    assert not missing, f"docs/adding-a-reform.md names files that do not exist: {missing}"


def test_every_list_the_page_names_is_in_its_module():
    """``NAME`` of (or in) ``sim/...py`` or ``tests/...py``: the module defines NAME."""
    pairs, wrong = missing_lists(PAGE)
    assert len(pairs) >= 5, pairs
    assert not wrong, f"docs/adding-a-reform.md names lists that are not there: {wrong}"


def test_every_test_the_page_names_is_in_its_module():
    """A row of the table of tests: ``test_...`` names in ``tests/...py``, each defined."""
    rows = re.findall(r"^\|[^|]*\| (.*\(`tests/\w+\.py`\).*) \| [^|]* \|$", PAGE, re.MULTILINE)
    assert len(rows) >= 6, rows
    wrong = []
    for row in rows:
        for names, module in re.findall(r"((?:`test_\w+(?:\[NAME\])?`,? ?)+) \(`(tests/\w+)\.py`\)",
                                        row):
            text = (ROOT / f"{module}.py").read_text()
            wrong += [f"{n} in {module}.py" for n in re.findall(r"`(test_\w+)", names)
                      if f"def {n}(" not in text]
    assert not wrong, f"docs/adding-a-reform.md names tests that are not there: {wrong}"


def _english(table: str, key: str) -> str:
    """The English an entry of ``table`` (a value of zh_reform_todo.TABLES) translates."""
    from sim.reforms.tfa import TAGS

    name, _, part = key.replace(":", ".").partition(".")
    reform = REFORMS[name]
    kind = {where: kind for kind, where in zh_reform_todo.TABLES.items()}[table]
    if kind == "mechanism":
        return reform.mechanism
    if kind == "tfa":
        return TAGS[name].why
    return reform.params[part].doc if kind == "strength" else reform.sources[int(part)]


def test_the_worked_example_is_in_the_library_with_the_entries_the_page_shows():
    """The entries step 4 shows: under a table zh_reform_todo names, each key with the
    digest of the English it translates now, six in all (the example's mechanism, reason,
    two strengths and two sources)."""
    from sim.report.zh_reforms import digest

    assert "electronic_certificates" in REFORMS
    block = textwrap.dedent(PAGE.split("prints, under the file", 1)[1].split("```", 2)[1])
    table, checked = "", 0
    for line in block.splitlines():
        if line.startswith("# "):
            table = line[2:]
            assert table in zh_reform_todo.TABLES.values(), table
        elif line.strip():
            key, said = re.fullmatch(r' {4}"([^"]+)": \("([0-9a-f]{8})", \.\.\.\),  # .*',
                                     line).groups()  # type: ignore[union-attr]
            assert said == digest(_english(table, key)), (key, said)
            checked += 1
    assert checked == 6


def test_the_readme_and_the_guide_link_it():
    assert "](docs/adding-a-reform.md)" in (ROOT / "README.md").read_text()
    assert "](adding-a-reform.md)" in (ROOT / "docs" / "README.md").read_text()
    assert "](adding-a-reform.md)" in (ROOT / "docs" / "adding-a-step.md").read_text()
