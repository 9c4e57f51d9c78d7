"""The layout of ``sim/model`` tells a newcomer where things live: every module is listed in
the package's docstring, and none grows past about 300 lines (the model-core issue's rule)."""

from __future__ import annotations

from pathlib import Path

import pytest

MODEL = Path(__file__).resolve().parents[1] / "sim" / "model"
MODULES = sorted(p for p in MODEL.rglob("*.py") if p.name != "__init__.py")
#: "about 300": a module may run a little over while it is read at once
MOST_LINES = 320


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(MODEL)))
def test_every_model_module_is_short_and_listed(path: Path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MOST_LINES, f"{path.name}: {lines} lines; split it by what its parts do"
    if path.parent == MODEL:
        listed = (MODEL / "__init__.py").read_text(encoding="utf-8")
        assert f"``{path.name}``" in listed, f"{path.name} is not in sim/model/__init__.py"
