"""A comparison holds every replication's small tables until its end (for their means and
the milestone intervals across replications): each must be held compactly, with the same
figures to the last bit, so that memory grows as little as it can with the replications."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sim.experiment.compare import TABLE_KEYS, _TableMeans
from sim.model.run import simulate
from sim.scenario.loader import load_scenario

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


class _Whole(_TableMeans):
    """The tables held as they come (what the comparison did before)."""

    def add(self, option: str, tables: dict[str, pd.DataFrame | None]) -> None:
        mine = self.parts.setdefault(option, {})
        for name, table in tables.items():
            if table is not None and not table.empty:
                mine.setdefault(name, []).append(table)


@pytest.fixture(scope="module")
def held() -> tuple[_TableMeans, _Whole]:
    scenario = load_scenario(SMALL, overrides={"days": 1})
    compact, whole = _TableMeans(), _Whole()
    for r in range(3):
        result = simulate(scenario, 1, replication=r)
        tables = {k: getattr(result, k) for k in TABLE_KEYS}
        compact.add("baseline", tables)
        whole.add("baseline", tables)
    return compact, whole


def _bytes(means: _TableMeans) -> int:
    tables = [t for by_name in means.parts.values() for ts in by_name.values() for t in ts]
    return sum(int(t.memory_usage(deep=True).sum()) for t in tables)


def test_tables_are_held_in_under_half_the_memory(held: tuple[_TableMeans, _Whole]) -> None:
    compact, whole = held
    assert _bytes(compact) < 0.5 * _bytes(whole)


def test_the_figures_are_the_same_to_the_last_bit(held: tuple[_TableMeans, _Whole]) -> None:
    compact, whole = held
    got, want = compact.means(), whole.means()
    assert got.keys() == want.keys()
    for option in want:
        assert got[option].keys() == want[option].keys()
        for name in want[option]:
            pd.testing.assert_frame_equal(got[option][name], want[option][name], check_exact=True)
    pd.testing.assert_frame_equal(compact.intervals(), whole.intervals(), check_exact=True)
