"""docs/python.md's examples run as written (on the small test scenario for one day, into a
temporary folder), give DataFrames where the page says so, and the folder they save is
reproduced by ``bordersim reproduce`` bit for bit."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pandas as pd

from tests.test_compare_checks import SMALL

PAGE = (Path(__file__).resolve().parents[1] / "docs" / "python.md").read_text(encoding="utf-8")


def _blocks() -> list[str]:
    return [part.split("```")[0] for part in PAGE.split("```python\n")[1:]]


def test_the_pages_examples_run_and_their_folder_reproduces(tmp_path):
    matplotlib.use("Agg")
    first, plotting = _blocks()
    folder = tmp_path / "sw-notebook"
    code = (first.replace('"default"', repr(str(SMALL)))
            .replace('{"days": 3}', '{"days": 1}')
            .replace('reps=2, seed=1, out="results/sw-notebook"',  # (one replication, no
                     'reps=1, seed=1, out="results/sw-notebook", report=False')  # report: 9 s)
            .replace('"results/sw-notebook"', repr(str(folder))))
    assert code.count(str(SMALL)) == 1 and code.count(str(folder)) == 2
    space: dict[str, object] = {}
    exec(compile(code + plotting, "docs/python.md", "exec"), space)  # noqa: S102 - the page's
    for name in ("per_rep", "summary", "table", "log", "cohort", "by_commodity", "rows",
                 "by_option"):
        assert isinstance(space[name], pd.DataFrame | pd.Series), name
    assert list(space["table"].index) == ["baseline", "single_window", "sw80"]  # type: ignore[attr-defined]
    assert space["summary"].loc["clearance_h_mean", "unit"] == "hours"  # type: ignore[attr-defined]
    rows = space["rows"]  # (every option's logs, each replication's rows, from the folder)
    assert list(space["by_option"].index) == ["baseline", "single_window", "sw80"]  # type: ignore[attr-defined]
    kept = sorted(folder.glob("options/*/reps/rep-*-log.parquet"))
    assert len(kept) == 3 and len(rows) == sum(len(pd.read_parquet(p)) for p in kept)  # type: ignore[arg-type]
    check = space["check"]
    assert check.same is True, str(check)  # type: ignore[attr-defined]
    assert "REPRODUCED: every figure compared is the same, bit for bit" in str(check)
    command = PAGE.split("```sh\n")[1].split("#")[0].split()
    assert command == ["bordersim", "reproduce", "results/sw-notebook"]  # (the same work)


def test_the_page_is_in_the_guide_and_the_readme():
    root = Path(__file__).resolve().parents[1]
    assert "](python.md)" in (root / "docs" / "README.md").read_text(encoding="utf-8")
    assert "(docs/python.md)" in (root / "README.md").read_text(encoding="utf-8")
