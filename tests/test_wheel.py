"""A plain (not editable) install of the wheel runs the bundled scenario from anywhere.

The wheel is built offline (``pip wheel --no-build-isolation``) from a copy of the sources,
installed with ``--no-deps`` into a fresh virtual environment that sees this environment's
packages through a ``.pth`` file, and ``bordersim run`` with no scenario is run from an empty
folder: the default scenario must come from inside the installed package.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180, **kwargs)
    assert proc.returncode == 0, f"{cmd} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    return proc


def test_installed_wheel_runs_the_bundled_scenario(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")

    # 1. build the wheel from a clean copy, so the checkout gets no build/ or egg-info
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy2(REPO / "pyproject.toml", src)
    shutil.copytree(
        REPO / "sim", src / "sim", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    dist = tmp_path / "dist"
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            dist,
            ".",
        ],
        cwd=src,
        env=env,
    )
    (wheel,) = dist.glob("bordersim-*.whl")

    # 2. a fresh environment without pip; this environment's packages (but not bordersim,
    #    which is installed here editable through a finder that a .pth path line does not run)
    #    are made visible to it
    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False, symlinks=os.name != "nt").create(target)
    python = target / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], env=env
    ).stdout.strip()
    here = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (Path(purelib) / "_outer_site.pth").write_text("\n".join(sorted(here)) + "\n")
    _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", wheel],
        env=env,
    )

    # 3. run it from a folder that is not the checkout
    work = tmp_path / "work"
    work.mkdir()
    where = _run(
        [str(python), "-c", "import sim; print(sim.default_scenario_path())"], cwd=work, env=env
    ).stdout.strip()
    assert Path(where).is_relative_to(target), where
    assert Path(where).is_file()
    bordersim = target / ("Scripts/bordersim.exe" if os.name == "nt" else "bin/bordersim")
    version = _run([str(bordersim), "--version"], cwd=work, env=env).stdout.splitlines()
    assert version[-1] == f"installed at {Path(where).parents[1]}", version  # (not the checkout)
    proc = _run([str(bordersim), "run", "--days", "1", "--reps", "1", "--json"], cwd=work, env=env)
    summary = json.loads(proc.stdout)
    assert summary["clearance_h_mean"]["mean"] > 0
    assert (work / "results").is_dir()


def test_checkout_scenarios_folder_is_the_bundled_one():
    """Users who type ``scenarios/default.toml`` in a checkout get the packaged file (in an
    unpacked source distribution, which holds copies rather than the link, the same bytes)."""
    import sim

    here = REPO / "scenarios"
    if here.is_symlink():
        assert (here / "default.toml").resolve() == sim.default_scenario_path()
    else:
        bundled = sim.default_scenario_path().parent
        assert sorted(p.name for p in here.iterdir()) == sorted(p.name for p in bundled.iterdir())
        for path in here.iterdir():
            assert path.read_bytes() == (bundled / path.name).read_bytes(), path
