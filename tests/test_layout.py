"""The layout of ``sim/model`` tells a newcomer where things live: every module is listed in
the package's docstring, none grows past about 300 lines (the model-core issue's rule), and
each can be imported on its own (``python -c "import sim.model.smuggling"`` in a notebook)."""

from __future__ import annotations

import subprocess
import sys
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


#: each module of sim.model imported first, in one process: the model's modules are forgotten
#: (and taken off their packages) before each, the libraries and the scenario layer kept, so
#: an import cycle that only the order of a test run hid fails its module
_ALONE = """
import importlib, pkgutil, sys
import sim.model, sim.scenario.check
names = sorted(m.name for m in pkgutil.walk_packages(sim.model.__path__, "sim.model."))
for name in names:
    for key in [k for k in sys.modules if k.startswith("sim.model.")]:
        parent, _, child = key.rpartition(".")
        if parent in sys.modules and hasattr(sys.modules[parent], child):
            delattr(sys.modules[parent], child)
        del sys.modules[key]
    try:
        importlib.import_module(name)
    except ImportError as e:
        print(name, e)
"""


def test_every_model_module_imports_on_its_own():
    done = subprocess.run([sys.executable, "-c", _ALONE], capture_output=True, text=True,
                          timeout=300, cwd=MODEL.parents[1])
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout == "", done.stdout
