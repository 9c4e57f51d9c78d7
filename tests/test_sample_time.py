"""Drawing a sample takes the quarantine officer time (``enforcement.sampling.
minutes_per_unit``): each unit drawn adds to the check of a consignment that sends a sample,
so a bigger sample finds more infested goods and holds the check longer; at the default (0
minutes) nothing changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import sim

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: two days, every frozen consignment checked and sampled, half of them infested, a plan
#: where one unit in 500 is infested (a small sample often misses it)
SHORT: dict[str, Any] = {
    "days": 2,
    "warmup_days": 0,
    "drain_days": 2,
    "selection.quarantine": {"frozen": {"*": 1.0}},
    "ports.sea.quarantine.sample_share": 1.0,
    "enforcement.prevalence": {"frozen": 0.0, "pest": 0.5},
    "enforcement.sampling.infested_share": 0.002,
    "enforcement.sampling.units_per_container": 500,
    "enforcement.sampling.visual_sensitivity": 0.0,
}


def log(**over: Any) -> pd.DataFrame:
    """The run's consignment log, seed 1."""
    scenario = sim.load_scenario(SMALL, {**SHORT, **over})
    out: pd.DataFrame = sim.simulate(scenario, 1, log=True).log
    return out


def quarantine_only(df: pd.DataFrame) -> pd.DataFrame:
    """Rows checked by quarantine alone (a joint exam takes the longer of the two times)."""
    return df[df.quarantine_start.notna() & df.exam_start.isna()]


def test_each_unit_drawn_adds_its_minutes_to_a_sampled_check_exactly():
    """A check that sends a sample takes its drawn time plus minutes x units drawn: the
    plan's 1200, or the whole consignment where it holds fewer (500 units a container); one
    that does not send a sample, its own time."""
    minutes, units = 0.5, 1200
    df = quarantine_only(
        log(**{"enforcement.sampling.sample_units": units,
               "enforcement.sampling.minutes_per_unit": minutes,
               "ports.sea.quarantine.sample_share": 0.5})  # fmt: skip
    )
    sampled = df["sample"] > 0
    drawn = np.minimum(units, df.containers * 500)
    expected = df.quarantine_time + np.where(sampled, drawn * minutes / 60, 0.0)
    assert sampled.sum() > 5 and (~sampled).sum() > 5
    assert (drawn[sampled] < units).any() and (drawn[sampled] == units).any()
    np.testing.assert_allclose(df.quarantine_end - df.quarantine_start, expected, rtol=1e-9)


def test_a_bigger_sample_finds_more_and_takes_longer_than_a_smaller_one():
    """On the same draws: 10 units against 300, at one minute a unit. The bigger plan finds
    more infested consignments and its checks take 290 minutes more each (and the queue for
    the officers follows, so release is later)."""
    runs = {
        n: log(**{"enforcement.sampling.sample_units": n,
                  "enforcement.sampling.minutes_per_unit": 1.0})  # fmt: skip
        for n in (10, 300)
    }
    pest = {n: df[(df.illicit == "pest") & (df["sample"] > 0)] for n, df in runs.items()}
    assert len(pest[10]) > 10
    assert pest[300].quarantine_finds.sum() > pest[10].quarantine_finds.sum()
    checks = {n: quarantine_only(df) for n, df in runs.items()}
    hours = {n: c.quarantine_end - c.quarantine_start - c.quarantine_time
             for n, c in checks.items()}  # fmt: skip
    assert hours[10].max() == pytest.approx(10 / 60)
    assert hours[300].max() == pytest.approx(300 / 60)
    checked = {n: df[df.quarantine_start.notna()] for n, df in runs.items()}
    waits = {n: (c.released - c.arrived).mean() for n, c in checked.items()}
    assert waits[300] > waits[10]


def test_at_the_default_drawing_costs_nothing_and_dumps_nothing():
    """0 minutes (the default) leaves the check's time its drawn one, and the field stays
    out of the scenario's dump (its hash, and results folders, as before)."""
    df = quarantine_only(log(**{"enforcement.sampling.sample_units": 300}))
    np.testing.assert_allclose(df.quarantine_end - df.quarantine_start, df.quarantine_time)
    plan = {"enforcement.sampling.by_commodity.frozen": {"sample_units": 30}}
    dump = sim.load_scenario(SMALL, plan).model_dump()["enforcement"]["sampling"]
    assert "minutes_per_unit" not in dump
    assert "minutes_per_unit" not in dump["by_commodity"]["frozen"]


def test_a_commodity_plan_gives_its_own_minutes():
    s = sim.load_scenario(SMALL, {
        "enforcement.sampling.minutes_per_unit": 0.5,
        "enforcement.sampling.by_commodity.frozen": {"minutes_per_unit": 2},
    }).enforcement.sampling  # fmt: skip
    assert (s.minutes("frozen"), s.minutes("general")) == (2.0, 0.5)


@pytest.mark.parametrize("bad", [-1, "fast", 601])
def test_a_bad_minutes_per_unit_is_refused_naming_the_field(bad: Any):
    with pytest.raises(sim.ScenarioError, match=r"enforcement\.sampling\.minutes_per_unit"):
        sim.load_scenario(SMALL, {"enforcement.sampling.minutes_per_unit": bad})


def test_a_commodity_plans_minutes_and_units_reach_its_checks_only():
    """Frozen goods' own plan (20 units at 1 minute) adds 20 minutes to their sampled
    checks; the scenario-wide 0 minutes leaves every other check its drawn time."""
    df = quarantine_only(log(**{
        "selection.quarantine": {"*": {"*": 0.3}, "frozen": {"*": 1.0}},
        "enforcement.sampling.by_commodity.frozen": {"sample_units": 20, "minutes_per_unit": 1},
    }))  # fmt: skip
    extra = df.quarantine_end - df.quarantine_start - df.quarantine_time
    frozen = (df.commodity == "frozen") & (df["sample"] > 0)
    assert frozen.sum() > 5 and (~frozen).sum() > 5
    np.testing.assert_allclose(extra[frozen], 20 / 60, rtol=1e-9)
    np.testing.assert_allclose(extra[~frozen], 0.0, atol=1e-9)


def test_separate_inspections_lengthen_the_quarantine_check_too():
    """With separate inspections (before 2018) the quarantine check is booked on its own:
    its sampled checks take the drawing time as well, the exam's are untouched."""
    df = log(**{"inspection.mode": "separate", "enforcement.sampling.sample_units": 30,
                "enforcement.sampling.minutes_per_unit": 2.0,
                "ports.sea.quarantine.sample_share": 0.5})  # fmt: skip
    checked = df[df.quarantine_start.notna()]
    sampled = checked["sample"] > 0
    assert sampled.sum() > 5 and (~sampled).sum() > 5
    np.testing.assert_allclose(checked.quarantine_end - checked.quarantine_start,
                               checked.quarantine_time + np.where(sampled, 1.0, 0.0))
