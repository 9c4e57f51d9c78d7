"""docs/trs.md maps the Time Release Study's terms to the tool: every stretch of the intervals
table is described there with its kind and owner, every column of the table is explained, and
its recipe for each owner's hours to release from the Parquet log gives the table's figures."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import sim
from sim.cli import main
from sim.model.intervals import STRETCHES
from sim.model.milestones import OWNERS

ROOT = Path(__file__).resolve().parents[1]
PAGE = (ROOT / "docs" / "trs.md").read_text(encoding="utf-8")


def _table_rows(section: str) -> list[list[str]]:
    """The cells of the rows of a markdown table in ``section`` (the header rows left out)."""
    rows = [line.split("|")[1:-1] for line in section.splitlines() if line.startswith("| `")]
    return [[c.strip() for c in row] for row in rows]


def test_every_stretch_is_described_with_its_kind_and_owner():
    section = PAGE.split("## The intervals")[1].split("### Columns")[0]
    described = {row[0].strip("`"): (row[1], row[4]) for row in _table_rows(section)}
    want = {s.name: (s.kind, s.owner if s.owner != "mixed" else "mixed: by `<owner>_h`")
            for s in STRETCHES}  # fmt: skip
    assert described == want


def test_every_column_of_the_intervals_table_is_explained():
    section = PAGE.split("### Columns")[1].split("## Agencies")[0]
    explained = {name for row in _table_rows(section)
                 for name in re.findall(r"`([a-z_0-9<>]+)`", row[0])}  # fmt: skip
    r = sim.simulate(sim.load_scenario(ROOT / "tests" / "scenarios" / "small.toml",
                                       {"days": 1}), 1)  # fmt: skip
    columns = set(r.intervals.columns) - {f"{o}_h" for o in OWNERS}
    assert columns | {"trader_h"} <= explained
    assert all(f"`{o}_h`" in section for o in OWNERS)
    assert "`reps`" in PAGE and "`<figure>_ci_low`" in PAGE


def test_the_guide_lists_the_page():
    assert "(trs.md)" in (ROOT / "docs" / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def logged_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("trs") / "run"
    argv = ["run", "--days", "2", "--reps", "2", "--log", "--out", str(out)]
    assert main(argv) == 0
    return out


def test_the_recipe_gives_each_owners_hours_to_release(logged_run):
    """The page's code, run on a folder of the bundled scenario (its land crossing's exports
    cross as trucks): per port and direction, each owner's hours to release are the
    replications' tables' (their clearance row's), and they add up to the mean clearance."""
    code = PAGE.split("```python\n")[1].split("```")[0]
    code = code.replace('"results/my-run"', repr(str(logged_run)))
    space: dict[str, object] = {}
    exec(compile(code, "docs/trs.md", "exec"), space)  # noqa: S102 - the page's own recipe
    hours = space["hours"]
    assert isinstance(hours, pd.DataFrame)
    tables = [pd.read_csv(logged_run / "reps" / f"rep-{r:04d}-intervals.csv") for r in (0, 1)]
    checked = 0
    for (rep, port, direction), row in hours.iterrows():
        t = tables[int(rep)]
        want = t[(t.interval == "clearance") & (t.group == f"{port}/{direction}")].iloc[0]
        for o in OWNERS:
            assert row[o] == pytest.approx(want[f"{o}_h"], rel=1e-9, abs=1e-9), (port, o)
        assert row.sum() == pytest.approx(want["mean_h"], rel=1e-9)
        checked += 1
    assert checked == 16  # (two replications of four ports' imports and exports)
