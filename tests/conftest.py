"""Shared fixtures: small scenario files written on the fly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# no plain progress lines on the captured stderr of long tests (tests/test_progress.py
# asks for them); subprocesses inherit it
os.environ.setdefault("BORDERSIM_PROGRESS_EVERY", "0")

HERE = Path(__file__).parent
SMALL = HERE / "scenarios" / "small.toml"


@pytest.fixture
def small_text() -> str:
    return SMALL.read_text()


@pytest.fixture
def write(tmp_path: Path):
    """Write a scenario file into a temporary folder and return its path."""

    def _write(text: str, name: str = "scenario.toml") -> Path:
        path = tmp_path / name
        path.write_text(text)
        return path

    return _write


def pytest_collection_modifyitems(config, items):
    """The full battery (``-m battery``) runs only when asked for by marker."""
    if "battery" in (config.option.markexpr or ""):
        return
    skip = pytest.mark.skip(reason="the full battery runs with -m battery")
    for item in items:
        if "battery" in item.keywords:
            item.add_marker(skip)
