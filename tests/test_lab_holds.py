"""A commodity's consignments sampled for the laboratory against the rest, by port and
direction (sim/model/lab_holds.py): each figure is what the per-consignment log gives when
recomputed by hand, the names are those the scenario is said to yield, a slower laboratory
holds sampled goods longer, and a hold below 0 is shown as it is."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

import sim
from sim.experiment.compare import clip_interval
from sim.experiment.metric_names import metric_names

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


@pytest.fixture(scope="module")
def default_run():
    s = sim.load_scenario(sim.default_scenario_path(), {"days": 3, "warmup_days": 1})
    r = sim.simulate(s, 2, log=True)
    assert r.log is not None
    return s, r.log, r.metrics()


def _by_hand(log: pd.DataFrame, tails: list[str]) -> dict[str, float]:
    """The lab-hold metrics of each cell (``<commodity>_port_<port>_<direction>``)
    recomputed from the log: the cohort out of the flow; NaN where a group is empty."""
    out: dict[str, float] = {}
    done = log[log.cohort & (log.outcome == "released")].copy()
    done["hours"] = done[["exited", "loaded"]].max(axis=1) - done.arrived
    done["sampled"] = done.lab_start.notna()
    done["checked"] = done.quarantine_start.notna() & ~done.sampled
    done["cell"] = (done.commodity.astype(str) + "_port_" + done.port.astype(str) + "_"
                    + done.direction.astype(str))
    nan = math.nan
    for tail in tails:
        g = done[done["cell"] == tail]
        s, rest, c = g[g.sampled], g[~g.sampled], g[g.checked]
        mean = {k: (x.hours.mean() if len(x) else nan) for k, x in
                (("s", s), ("rest", rest), ("c", c))}
        box = {k: (x.trader_cost.sum() / x.containers.sum() if len(x) else nan)
               for k, x in (("s", s), ("rest", rest), ("c", c))}
        fees = {k: (x.trader_fees.sum() / x.containers.sum() if len(x) else nan)
                for k, x in (("s", s), ("c", c))}
        out[f"lab_hold_sampled_share_{tail}"] = len(s) / len(g) if len(g) else nan
        out[f"lab_hold_overall_h_sampled_{tail}"] = mean["s"]
        out[f"lab_hold_overall_h_unsampled_{tail}"] = mean["rest"]
        out[f"lab_hold_h_{tail}"] = mean["s"] - mean["c"]
        out[f"lab_hold_trader_cost_per_container_sampled_{tail}"] = box["s"]
        out[f"lab_hold_trader_cost_per_container_unsampled_{tail}"] = box["rest"]
        out[f"lab_hold_cost_per_container_{tail}"] = box["s"] - box["c"]
        out[f"lab_hold_fees_per_container_{tail}"] = fees["s"] - fees["c"]
    return out


def test_each_lab_hold_figure_is_the_logs_by_hand(default_run):
    _, log, m = default_run
    got = {k: v for k, v in m.items() if k.startswith("lab_hold_")}
    want = _by_hand(log, [k.removeprefix("lab_hold_h_") for k in got if "_h_" in k[:11]])
    assert set(got) == set(want)
    assert "lab_hold_cost_per_container_frozen_port_sea_port_import" in got
    assert any(math.isnan(v) for v in got.values())  # (a cell where nothing was sampled)
    assert sum(not math.isnan(v) for v in got.values()) > 20
    for name, value in want.items():
        assert math.isclose(got[name], value, rel_tol=1e-9, abs_tol=1e-9) or (
            math.isnan(value) and math.isnan(got[name])
        ), (name, got[name], value)
    # sampled frozen imports at the sea port are held longer than those not sampled
    tail = "frozen_port_sea_port_import"
    assert got[f"lab_hold_overall_h_sampled_{tail}"] > got[f"lab_hold_overall_h_unsampled_{tail}"]


def test_a_run_names_what_the_scenario_lists_sampled_or_not(default_run):
    s, _, m = default_run
    known = metric_names(s)
    ours = {k for k in m if k.startswith("lab_hold_")}
    assert ours == {k for k in known.names if k.startswith("lab_hold_")}
    assert len(ours) == 3 * 4 * 2 * 8  # frozen, plants, food; 4 ports; 2 directions
    # only commodities a quarantine check can select are listed (not general goods)
    assert not any("_general_port_" in k for k in known.names if k.startswith("lab_hold_"))


def test_a_slower_laboratory_holds_sampled_goods_longer_and_no_costs_no_cost_figure():
    tail = "frozen_port_sea_import"
    holds = []
    for incubation in ("2 h", "72 h"):
        s = sim.load_scenario(SMALL, {"ports.sea.quarantine.lab.incubation": incubation})
        m = sim.simulate(s, 1).metrics()
        holds.append(m[f"lab_hold_h_{tail}"])
        assert not any(k.startswith("lab_hold_") and "cost" in k for k in m)  # (no [costs])
    assert holds[1] > holds[0] + 48, holds


def test_a_hold_below_0_is_shown_as_it_is_not_clipped():
    name = "lab_hold_h_frozen_port_sea_port_import"
    assert clip_interval(name, -3.0, 5.0) == (-3.0, 5.0)
    for stem in ("lab_hold_cost_per_container", "lab_hold_fees_per_container"):
        assert clip_interval(f"{stem}_frozen_port_x_import", -9.0, 1.0) == (-9.0, 1.0)
    # the groups' own figures are never below 0
    assert clip_interval("lab_hold_overall_h_sampled_frozen_port_x_import", -3.0, 5.0) == (
        0.0, 5.0
    )


def test_the_cold_chain_guides_command_names_what_the_default_scenario_has():
    """docs/cold-chain.md's compare command: its --show picks the metrics the page lists, its
    --option loads and its reform applies (checked without running)."""
    import re

    from sim.experiment.metric_names import shown
    from sim.reforms import apply

    page = (Path(__file__).parents[1] / "docs" / "cold-chain.md").read_text(encoding="utf-8")
    s = sim.load_scenario(sim.default_scenario_path())
    known = metric_names(s)
    pattern = re.search(r"--show '([^']+)'", page)
    assert pattern is not None
    picked = shown([pattern.group(1)], known)
    stems = set(re.findall(r"`(lab_hold_[a-z_]+?)_(?:<commodity>|\.\.\.)", page))
    assert len(stems) >= 7 and all(any(m.startswith(st + "_") for m in picked) for st in stems)
    for field, value in re.findall(r"--option '[a-z0-9_]+:([a-z_.]+)=([^']+)'", page):
        changed = sim.load_scenario(sim.default_scenario_path(), {field: value})
        assert changed.model_dump() != s.model_dump(), field
    reform = re.search(r"--reforms (\S+)", page)
    assert reform is not None and apply(s, reform.group(1)).model_dump() != s.model_dump()


def test_a_shown_name_no_replication_gave_is_named_under_the_table():
    """A run-dependent name asked for with --show that no replication gave (an escalation's
    latency at a level none reached) is named under the run's table, not left out unsaid."""
    from sim.cli import _table

    one = {"mean": 1.0, "ci_low": 0.5, "ci_high": 1.5, "shown_low": 0.5, "shown_high": 1.5}
    asked = [f"escalation_latency_h_mean_case_{level}" for level in ("a", "b", "c", "d", "e")]
    table = _table({"clearance_h_mean": {**one, "n": 2}}, 2, extra=["clearance_h_mean", *asked])
    caption = str(table.caption)
    assert "shown but measured in no replication: escalation_latency_h_mean_case_a" in caption
    assert "case_d and 1 more" in caption and "case_e" not in caption
    assert "clearance_h_mean" not in caption
