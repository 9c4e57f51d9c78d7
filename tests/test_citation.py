"""``CITATION.cff``: how to cite bordersim. It must name the package's own version (a release
that bumps ``sim/version.py`` and forgets the citation would have papers cite the wrong
version) and carry the fields the Citation File Format requires."""

from __future__ import annotations

import re
from pathlib import Path

from sim.version import __version__

REPO = Path(__file__).resolve().parents[1]
CFF = REPO / "CITATION.cff"


def _field(text: str, name: str) -> str | None:
    """A top-level field's one-line value (quotes taken off), None when absent."""
    found = re.search(rf"^{re.escape(name)}:[ \t]*(.*)$", text, re.MULTILINE)
    return found.group(1).strip().strip('"') if found else None


def test_the_citation_names_this_version_and_the_required_fields() -> None:
    text = CFF.read_text(encoding="utf-8")
    assert _field(text, "version") == __version__
    assert _field(text, "cff-version") == "1.2.0"
    for required in ("message", "title", "authors", "type"):
        assert _field(text, required) is not None, required
    assert re.search(r"^authors:\n  - name: \S", text, re.MULTILINE)


def test_the_readme_and_the_source_archive_point_to_it() -> None:
    """A reader finds it from the README, and the source archive ships it."""
    assert "](CITATION.cff)" in (REPO / "README.md").read_text(encoding="utf-8")
    assert "CITATION.cff" in (REPO / "MANIFEST.in").read_text(encoding="utf-8").split()
