"""The risk engine's achieved rate by observed day and class (sim.model.risk_daily, and a
folder's risk-daily.csv, sim.experiment.risk_daily_series): its days add up to the whole
window's report, each day's rate is its inspections over its decisions, the target is
beside the ordinary classes' rows, and a run without an engine writes none. The table is a
field of the run's result, saved by the store as the other tables are; the ledger's cheap
bookings (gathered by day, closed when the day ends or the counts are read) count every
decision on the day the clock says, as booking each one on its day's row would."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim
from sim.experiment.store import RunStore
from sim.model.risk_daily import DailyLedger
from sim.model.risk_parts import CELLS, KINDS, Ledger
from sim.scenario.schema import DIRECTIONS, TRADER_CLASSES

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
CELL = ["port", "direction", "trader_class"]


@pytest.mark.parametrize("fast", [True, False])  # (blocks, and one decision at a time)
def test_the_days_add_up_to_the_whole_windows_report(fast):
    scenario = sim.load_scenario(SMALL, {"risk.target": 0.05, "days": 2})
    result = sim.simulate(scenario, 3, fast=fast)
    daily = result.risk_daily
    assert daily is not None and set(daily["day"]) == {0, 1}
    summed = daily.groupby(CELL)[["decided", "inspected"]].sum()
    whole = result.risk.set_index(CELL)[["decided", "inspected"]]
    pd.testing.assert_frame_equal(summed.sort_index(), whole.sort_index(), check_dtype=False)
    assert np.allclose(daily["rate"], daily["inspected"] / daily["decided"])
    ordinary = daily["trader_class"] == "general"
    assert (daily.loc[ordinary, "target"] == 0.05).all()
    assert daily.loc[~ordinary, "target"].isna().all()  # (a cap's or a floor's class)
    assert not result.risk.attrs  # (a field of its own, not carried by the report)


def test_the_daily_table_is_a_field_of_the_result_that_the_store_saves(tmp_path):
    scenario = sim.load_scenario(SMALL, {"risk.target": 0.05, "days": 1})
    result = sim.simulate(scenario, 2)
    assert isinstance(result.risk_daily, pd.DataFrame) and not result.risk_daily.empty
    store = RunStore(tmp_path / "out")
    store.open(scenario, 1, 2)
    store.save(0, result)
    saved = (tmp_path / "out" / "reps" / "rep-0000-risk-daily.csv").read_text()
    assert saved == result.risk_daily.to_csv(index=False)
    off = sim.simulate(sim.load_scenario(SMALL, {"days": 1}), 2)
    assert off.risk is None and off.risk_daily is None


def test_the_gathered_bookings_count_as_each_booked_on_its_day():
    """Random bookings, blocks and single decisions, in the warm-up, on each day (some a
    hair before a day's end) and in the drain: the ledger's days and tables are what
    booking each one on the row of the day its clock shows gives."""
    rng = np.random.default_rng(5)
    start, days, ports = 30.0, 3, ["sea", "road"]
    now = [0.0]
    led, plain = DailyLedger(ports, lambda: now[0], start, days), Ledger(ports)
    want = {p: np.zeros_like(led.daily[p]) for p in ports}
    ends = [start + 24.0 * d for d in range(1, days + 1)]
    times = np.sort(np.concatenate([rng.uniform(0, start + 24 * days + 40, 400),
                                    np.array(ends) - 1e-9, ends]))  # fmt: skip
    for t in times.tolist():
        now[0], port = t, ports[int(rng.integers(2))]
        day = min(max(int((t - start) // 24), 0), days - 1)
        if rng.random() < 0.3:
            counts = rng.integers(0, 4, KINDS * CELLS)
            led.book(port, counts)
            plain.book(port, counts)
            kinds = counts.reshape(plain.tables[port].shape)
            want[port][day, 0] += kinds.sum(axis=0)
            want[port][day, 1] += kinds[1] + kinds[3]
        else:
            d, k = int(rng.integers(len(DIRECTIONS))), int(rng.integers(len(TRADER_CLASSES)))
            chosen, illicit = bool(rng.random() < 0.3), int(rng.random() < 0.1)
            led.add_one(port, d, k, chosen, illicit)
            plain.add_one(port, d, k, chosen, illicit)
            want[port][day, :, d, k] += (1, chosen)
        if rng.random() < 0.05:  # (read mid-run: today's bookings are counted)
            assert all(np.array_equal(a, b)
                       for a, b in zip(led.counts(port), plain.counts(port), strict=True))
    for p in ports:
        assert np.array_equal(led.daily[p], want[p]), p
        assert np.array_equal(led.tables[p], plain.tables[p]), p


def test_a_folder_has_the_daily_rate_across_replications(tmp_path):
    from sim.cli import main

    out = tmp_path / "r"
    assert main(["run", str(SMALL), "--set", "risk.target=0.05", "--days", "1", "--reps", "2",
                 "--out", str(out)]) == 0
    table = pd.read_csv(out / "risk-daily.csv")
    reps = [pd.read_csv(out / "reps" / f"rep-000{r}-risk-daily.csv") for r in (0, 1)]
    both = pd.concat(reps).groupby(["day", *CELL])[["decided", "inspected"]].mean()
    mine = table.set_index(["day", *CELL])
    assert np.allclose(mine.loc[both.index, "decided"], both["decided"])
    assert (table["reps"] == 2).all() and {"rate_ci_low", "rate_ci_high"} <= set(table)
    assert (table.loc[table["trader_class"] == "general", "target"] == 0.05).all()
    off = tmp_path / "off"
    assert main(["run", str(SMALL), "--days", "1", "--reps", "1", "--out", str(off)]) == 0
    assert not (off / "risk-daily.csv").exists()


def test_a_comparison_pairs_each_days_rate_with_the_baselines():
    from sim.experiment.risk_daily_series import compare_daily

    def rep(inspected: list[int]) -> pd.DataFrame:
        return pd.DataFrame({"day": [0, 1], "port": "sea", "direction": "import",
                             "trader_class": "general", "decided": 100,
                             "inspected": inspected, "rate": 0.0, "target": 0.05})

    options = {"baseline": {0: rep([5, 4]), 1: rep([6, 5])},
               "more": {0: rep([9, 10]), 1: rep([12, 9])}}
    table = compare_daily(options, "baseline").set_index(["option", "day"])
    assert np.allclose(table.loc[("more", 0), ["rate", "rate_diff"]], [0.105, 0.05])
    assert np.allclose(table.loc[("more", 1), ["rate", "rate_diff"]], [0.095, 0.05])
    assert np.allclose(table.loc[("baseline", 1), "rate_diff"], 0.0)
