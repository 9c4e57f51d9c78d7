"""The source distribution holds the whole project (user guide, notebooks, the test suite with
its data, the benchmarks), not only the package: before, it held the test modules without
their helpers, scenarios and golden files, so its tests could not run, and no docs at all.
The wheel built from it (as ``pip install`` of the archive or a release build does) still holds
only the package, with every bundled scenario.

Built offline from a copy of the checkout, as tests/test_wheel.py builds the wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: what the archive must hold all of (``scenarios`` is a link to sim/scenarios in a checkout)
FOLDERS = ("sim", "docs", "notebooks", "tests", "benchmarks", "scenarios")
FILES = ("README.md", "Makefile", "pyproject.toml", "MANIFEST.in", "CITATION.cff")
#: not copied: build output, local runs, the version-control and CI folders; byte code
#: (which a checkout may hold, and the archive must leave out) is added to the copy
SKIP = ("*.egg-info", "build", "dist", ".*", "results")


def _cache(name: str) -> bool:
    return "__pycache__" in name or name.endswith(".pyc")


def _run(cmd: list[str], cwd: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180, cwd=cwd, env=env)
    assert proc.returncode == 0, f"{cmd} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"


def _files(root: Path) -> set[str]:
    """Every file under ``root``, by its path relative to it (links followed)."""
    return {
        p.relative_to(root).as_posix()
        for folder in FOLDERS
        for p in (root / folder).rglob("*")
        if p.is_file() and not _cache(p.as_posix())
    } | set(FILES)


def test_the_source_distribution_holds_the_project_and_builds_the_same_package(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(REPO, src, symlinks=True, ignore=shutil.ignore_patterns(*SKIP))
    for folder in ("sim", "tests"):
        (src / folder / "__pycache__").mkdir(exist_ok=True)
        (src / folder / "__pycache__" / "stray.cpython-311.pyc").write_bytes(b"\0")
    expected = _files(src)
    dist = tmp_path / "dist"
    build = "from setuptools import build_meta as b; import sys; b.build_sdist(sys.argv[1])"
    _run([sys.executable, "-c", build, str(dist)], cwd=src)
    (archive,) = dist.glob("bordersim-*.tar.gz")
    with tarfile.open(archive) as tar:
        top = tar.getnames()[0].split("/")[0]
        names = {n.removeprefix(f"{top}/") for n in tar.getnames()}
        tar.extractall(tmp_path / "unpacked", filter="data")
    missing = sorted(expected - names)
    assert not missing, f"{len(missing)} file(s) not in {archive.name}: {missing[:10]}"
    assert not [n for n in names if _cache(n)]
    for page in ("docs/metrics.md", "docs/how-results-are-computed.md", "docs/security.md"):
        assert page in names  # (the pages the commands' help and messages point to)

    # the wheel built from the unpacked archive: the package and its scenarios, nothing else
    wheels = tmp_path / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w",
          str(wheels), str(tmp_path / "unpacked" / top)], cwd=tmp_path)  # fmt: skip
    (wheel,) = wheels.glob("bordersim-*.whl")
    inside = set(zipfile.ZipFile(wheel).namelist())
    scenarios = {f"sim/scenarios/{p.name}" for p in (src / "sim" / "scenarios").glob("*.toml")}
    assert scenarios and scenarios <= inside
    assert {n.split("/")[0] for n in inside} == {"sim", wheel.name.split("-py3")[0] + ".dist-info"}
