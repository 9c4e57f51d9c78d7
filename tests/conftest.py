"""Shared fixtures: small scenario files written on the fly."""

from __future__ import annotations

from pathlib import Path

import pytest

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
