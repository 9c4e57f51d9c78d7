"""docs/python.md's examples run as written (on the small test scenario for one day, into a
temporary folder), give DataFrames where the page says so, and the folder they save is
reproduced by ``bordersim reproduce`` bit for bit."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pandas as pd

from sim.cli import main
from tests.test_compare_checks import SMALL

PAGE = (Path(__file__).resolve().parents[1] / "docs" / "python.md").read_text(encoding="utf-8")


def _blocks() -> list[str]:
    return [part.split("```")[0] for part in PAGE.split("```python\n")[1:]]


def test_the_pages_examples_run_and_their_folder_reproduces(tmp_path, capsys):
    matplotlib.use("Agg")
    first, plotting = _blocks()
    folder = tmp_path / "sw-notebook"
    code = (first.replace('"default"', repr(str(SMALL)))
            .replace('{"days": 3}', '{"days": 1}')
            .replace('reps=2, seed=1, out="results/sw-notebook"',  # (one replication, no
                     f"reps=1, seed=1, out={str(folder)!r}, report=False"))  # report.html: 9 s)
    assert code.count(str(SMALL)) == 1 and code.count(str(folder)) == 1
    space: dict[str, object] = {}
    exec(compile(code + plotting, "docs/python.md", "exec"), space)  # noqa: S102 - the page's
    for name in ("per_rep", "summary", "table", "log", "cohort", "by_commodity"):
        assert isinstance(space[name], pd.DataFrame | pd.Series), name
    assert list(space["table"].index) == ["baseline", "single_window", "sw80"]  # type: ignore[attr-defined]
    assert space["summary"].loc["clearance_h_mean", "unit"] == "hours"  # type: ignore[attr-defined]
    command = PAGE.split("```sh\n")[1].split("#")[0].split()
    assert command == ["bordersim", "reproduce", "results/sw-notebook"]
    assert main(["reproduce", str(folder), "--out", str(tmp_path / "again")]) == 0
    assert "REPRODUCED: every figure compared is the same, bit for bit" in capsys.readouterr().out


def test_the_page_is_in_the_guide_and_the_readme():
    root = Path(__file__).resolve().parents[1]
    assert "](python.md)" in (root / "docs" / "README.md").read_text(encoding="utf-8")
    assert "(docs/python.md)" in (root / "README.md").read_text(encoding="utf-8")
