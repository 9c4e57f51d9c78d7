"""On a machine whose home folder cannot be written, the commands that draw say nothing of
matplotlib's temporary folder (two warning lines the user can do nothing about), and still
draw; matplotlib's other warnings are kept.

The home folder is made unwritable by pointing HOME at a file (which works for any user,
root included)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from sim.cli import main
from sim.cli_home import HomeNotWritable

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def _env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home-is-a-file"
    home.write_text("")
    drop = ("MPLCONFIGDIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "PYTHONPATH")
    return {**{k: v for k, v in os.environ.items() if k not in drop}, "HOME": str(home)}


def _python(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=180, cwd=tmp_path, env=_env(tmp_path))  # fmt: skip


def test_matplotlib_alone_warns_there(tmp_path):
    """(What the command hides is there to hide: this home folder makes matplotlib warn.)"""
    err = _python("import matplotlib; matplotlib.get_cachedir()", tmp_path).stderr
    assert "Matplotlib created a temporary cache directory" in err, err


def test_the_report_command_draws_without_the_warnings(tmp_path):
    out = tmp_path / "run"
    assert main(["run", str(SMALL), "--days", "1", "--reps", "1", "--json", "--out", str(out)]) == 0
    code = (
        "import sys; from sim.entry import main\n"
        f"sys.argv = ['bordersim', 'report', {str(out)!r}]\n"
        "sys.exit(main())\n"
    )
    proc = _python(code, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "matplotlib" not in proc.stderr.lower(), proc.stderr
    assert "data:image/png" in (out / "report.html").read_text(encoding="utf-8")  # (drawn)


def test_other_matplotlib_warnings_are_kept():
    keep = HomeNotWritable()

    def record(msg: str) -> logging.LogRecord:
        return logging.LogRecord("matplotlib", logging.WARNING, "", 0, msg, (), None)

    assert keep.filter(record("Matplotlib created a temporary cache directory at %s")) is False
    assert keep.filter(record("%s is not a writable directory")) is False
    assert keep.filter(record("font family %r not found")) is True
