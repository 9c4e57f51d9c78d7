"""The result tables' groups taken apart: ``port``, ``direction`` and ``trader_class`` beside
``group``, so that a reader in pandas filters and pivots without parsing ``sea/import``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import sim
from sim.experiment.interval_summary import summarise_intervals
from sim.model.groups import with_group_parts
from sim.scenario.costs import Costs

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
COSTS = {"price_year": 2019, "hours_per_year": 1900, "roles": {"officer": 19000},
         "staff": {"document_check": {"role": "officer", "heads": 2}}}


@pytest.fixture(scope="module")
def result() -> sim.RunResult:
    scenario = sim.load_scenario(SMALL, {"days": 2, "warmup_days": 1})
    scenario = scenario.model_copy(update={"costs": Costs.model_validate(COSTS)})
    return sim.simulate(scenario, seed=1)


def _parts_agree(table: pd.DataFrame) -> None:
    """Each row's parts put back together give its group, in the dimension's order."""
    cols = list(table.columns)
    assert cols[cols.index("group") + 1: cols.index("group") + 4] == [
        "port", "direction", "trader_class"]
    for dim, group, *parts in table[["dimension", "group", "port", "direction",
                                     "trader_class"]].itertuples(index=False):
        given = [p for p in parts if p is not None]
        if dim in ("all", "mode", "channel", "commodity"):
            assert given == [], (dim, group, parts)
        elif dim == "port_direction_channel":  # (the channel has no column of its own)
            assert group.rsplit("/", 1)[0] == "/".join(given), (dim, group, parts)
        else:
            assert "/".join(given) == group, (dim, group, parts)
            assert len(given) == len(dim.replace("trader_", "").split("_")), (dim, parts)


@pytest.mark.parametrize("name", ["clearance", "intervals", "costs"])
def test_every_group_is_taken_apart(result, name):
    table = getattr(result, name)
    assert {"port_direction", "port_direction_class"} <= set(table.dimension)
    _parts_agree(table)


def test_a_port_by_direction_pivot_needs_no_string_parsing(result):
    c = result.clearance
    rows = c[(c.metric == "clearance") & (c.dimension == "port_direction")]
    pivot = rows.pivot(index="port", columns="direction", values="mean_h")
    for port in result.clearance.loc[c.dimension == "port", "group"]:
        for direction in ("import", "export"):
            want = rows.loc[rows.group == f"{port}/{direction}", "mean_h"].iloc[0]
            assert pivot.loc[port, direction] == want or (pd.isna(want) and pd.isna(
                pivot.loc[port, direction]))
    one = c[(c.metric == "clearance") & (c.port == "sea") & (c.direction == "import")
            & (c.trader_class == "general")]
    assert list(one.group) == ["sea/import/general"]


def test_the_milestone_intervals_summary_keeps_the_parts(result):
    summary = summarise_intervals([result.intervals, result.intervals])
    _parts_agree(summary)
    # as a results folder's CSV gives it back: an empty cell where a group has no such part
    back = pd.read_csv(pd.io.common.StringIO(summary.to_csv(index=False)))
    sea = back[(back.interval == "clearance") & (back.port == "sea")]
    assert set(sea.dimension) == {"port_direction", "port_direction_class"}
    assert back.loc[back.dimension == "all", "port"].isna().all()


def test_parts_given_again_are_replaced_beside_group_and_the_table_is_left_alone():
    table = pd.DataFrame({"direction": ["x", "y"], "dimension": ["port_direction", "all"],
                          "group": ["sea/import", "all"], "n": [3, 4]})
    out = with_group_parts(table)
    assert list(out.columns) == ["dimension", "group", "port", "direction", "trader_class", "n"]
    assert out["port"].tolist() == ["sea", None] and out["port"].dtype == object
    assert out["direction"].tolist() == ["import", None]
    assert list(table.columns) == ["direction", "dimension", "group", "n"]
    assert table["direction"].tolist() == ["x", "y"]
