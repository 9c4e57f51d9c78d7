"""A port laboratory's workload (sim/model/lab_work.py): each figure is what the
per-consignment log gives by hand, turnaround is the lab's own wait plus the test, a third
cut-off (a second shift) shortens it on the same samples, and goods released before their
result hold no container while their sample still counts."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim
from sim.experiment.metric_names import metric_names
from sim.model.costbook import LAYOUT
from sim.model.lab_work import LabWorkTally

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
DAYS = 3


@pytest.fixture(scope="module")
def default_run():
    s = sim.load_scenario(sim.default_scenario_path(), {"days": DAYS, "warmup_days": 1})
    r = sim.simulate(s, 2, log=True)
    assert r.log is not None
    return s, r.log, r.metrics()


def _by_hand(log: pd.DataFrame, tail: str, port: str, commodity: str | None) -> dict:
    """One cell's figures from the log: the cohort's sampled consignments at ``port``
    (of ``commodity``, or all), whatever their outcome."""
    g = log[log.cohort & log.lab_start.notna() & (log.port == port)]
    if commodity is not None:
        g = g[g.commodity == commodity]
    hours = (g.lab_end - g.lab_start).dropna().to_numpy()
    out = {f"lab_samples_per_day_{tail}": len(g) / DAYS}
    out[f"lab_turnaround_h_mean_{tail}"] = hours.mean() if len(hours) else math.nan
    for name, q in {"p50": 0.5, "p90": 0.9, "p95": 0.95}.items():
        if commodity is None or name == "p90":
            value = np.quantile(hours, q, method="inverted_cdf") if len(hours) else math.nan
            out[f"lab_turnaround_h_{name}_{tail}"] = value
    if commodity is None:
        early = g.release_early & ~g.quarantine_treat & ~g.quarantine_seen
        turn = (g.lab_end - g.lab_start).fillna(0)
        out[f"lab_backlog_mean_{tail}"] = turn.sum() / (DAYS * 24)
        held = (turn * g.containers)[~early].sum()
        out[f"lab_held_containers_mean_{tail}"] = held / (DAYS * 24)
    return out


def test_each_figure_is_the_logs_by_hand(default_run):
    s, log, m = default_run
    got = {k: v for k, v in m.items() if k.startswith(("lab_samples", "lab_turn", "lab_back",
                                                        "lab_held", "lab_waiting"))}  # fmt: skip
    assert {k for k in metric_names(s).names if k in got} == set(got)  # named as listed
    want: dict[str, float] = {}
    for port in ("sea_port", "land_border", "airport", "post_hub"):
        want.update(_by_hand(log, f"port_{port}", port, None))
        for com in ("frozen", "plants", "food"):
            want.update(_by_hand(log, f"{com}_port_{port}", port, com))
    waiting = {k for k in got if k.startswith("lab_waiting_at_cutoff_")}  # (from the lab)
    assert len(waiting) == 8 and all(got[k] >= 0 for k in waiting)
    assert set(got) - waiting == set(want)
    assert sum(not math.isnan(v) for v in got.values()) > 40
    for name, value in want.items():
        quantile = "_p50_" in name or "_p90_" in name or "_p95_" in name
        rel = 0.01 if quantile else 1e-9  # (a quantile from the streamed histogram: 1 %)
        assert math.isclose(got[name], value, rel_tol=rel, abs_tol=1e-9) or (
            math.isnan(value) and math.isnan(got[name])
        ), (name, got[name], value)
    # culture tests (plants) take days, PCR (frozen) about one
    assert m["lab_turnaround_h_p90_plants_port_sea_port"] > 72
    assert m["lab_turnaround_h_mean_frozen_port_sea_port"] < 48


def _small(cutoffs: list[str]) -> dict[str, float]:
    s = sim.load_scenario(SMALL, {"ports.sea.quarantine.lab.cutoffs": cutoffs})
    return sim.simulate(s, 1).metrics()


def test_turnaround_is_the_labs_wait_plus_its_test_and_a_shift_shortens_it():
    base, shift = _small(["10:00", "16:00"]), _small(["10:00", "16:00", "22:00"])
    for m in (base, shift):  # one fixed 24 h test: turnaround = wait for a batch + 24 h
        assert m["lab_turnaround_h_mean_port_sea"] == pytest.approx(
            m["wait_h_mean_sea_lab"] + 24, rel=1e-9
        )
    assert base["lab_samples_per_day_port_sea"] > 0
    assert shift["lab_samples_per_day_port_sea"] == base["lab_samples_per_day_port_sea"]
    assert shift["lab_turnaround_h_mean_port_sea"] < base["lab_turnaround_h_mean_port_sea"] - 1
    assert shift["lab_backlog_mean_port_sea"] < base["lab_backlog_mean_port_sea"]


def _rows(**cols: list[float]) -> np.ndarray:
    n = len(next(iter(cols.values())))
    a = np.zeros((n, len(LAYOUT)))
    ix = {name: i for i, name in enumerate(LAYOUT)}
    a[:, ix["lab_start"]] = np.nan  # (not sampled unless given)
    a[:, ix["lab_end"]] = np.nan
    for name, values in cols.items():
        a[:, ix[name]] = values
    return a


def test_released_before_the_result_hold_no_container_and_open_samples_count():
    tally = LabWorkTally(["p"], ["frozen"], [(0, 0)], 1.0, {n: i for i, n in enumerate(LAYOUT)})
    tally.fold(_rows(
        lab_start=[0, 0, 0, math.nan, 0],
        lab_end=[12, 24, math.nan, math.nan, 6],  # the third has no result by the end
        containers=[2, 3, 1, 5, 4],
        # the second was released before its result; the fifth too would have been, but
        # the on-site check saw what was wrong, so it is held as before
        release_early=[0, 1, 0, 0, 1],
        quarantine_seen=[0, 0, 0, 0, 1],
    ))  # fmt: skip
    m = tally.metrics()
    assert m["lab_samples_per_day_port_p"] == 4  # the unsampled row is not one
    assert m["lab_turnaround_h_mean_port_p"] == 14  # (12 + 24 + 6) / 3: those with results
    assert m["lab_backlog_mean_port_p"] == pytest.approx(42 / 24)
    assert m["lab_held_containers_mean_port_p"] == pytest.approx((12 * 2 + 6 * 4) / 24)
    assert m["lab_turnaround_h_p90_frozen_port_p"] == pytest.approx(24, rel=0.01)


def test_the_units_say_what_is_counted():
    from sim.experiment.compare import metric_unit

    assert metric_unit("lab_samples_per_day_frozen_port_sea") == "samples a day"
    assert metric_unit("lab_backlog_mean_port_sea") == "samples"
    assert metric_unit("lab_held_containers_mean_port_sea") == "containers"
    assert metric_unit("lab_turnaround_h_p95_port_sea") == "hours"


def test_the_laboratory_guides_command_names_what_the_default_scenario_has():
    """docs/laboratory.md's compare commands: the first one's --show picks every figure the
    page lists for the sea port, and each --option of its labelled comparisons loads and
    changes the scenario (not run)."""
    import re

    from sim.docs_figures_page import commands
    from sim.experiment.metric_names import shown
    from sim.experiment.options import parse_option

    page = (Path(__file__).parents[1] / "docs" / "laboratory.md").read_text(encoding="utf-8")
    labelled = commands(page)
    s = sim.load_scenario(sim.default_scenario_path())
    pattern = re.search(r"--show '([^']+)'", labelled["compare 1"])
    assert pattern is not None
    picked = shown(pattern.group(1).split(","), metric_names(s))
    stems = set(re.findall(r"`(lab_[a-z_]+?)_port_<port>`", page))
    assert len(stems) >= 4
    assert all(f"{st}_port_sea_port" in picked for st in stems), stems - set(picked)
    options = [parse_option(o) for label in ("compare 1", "compare 2", "compare 3")
               for o in re.findall(r"--option '([^']+)'", labelled[label])]
    assert len(options) == 5
    for option in options:  # (read as the command line reads them)
        changed = sim.load_scenario(sim.default_scenario_path(), dict(option.overrides))
        assert changed.model_dump() != s.model_dump(), option.name


def test_samples_waiting_at_the_cut_offs_are_counted_before_each_batch():
    import simpy

    from sim.model.lab import Lab

    env = simpy.Environment()
    lab = Lab(env, "p", batch_size=2, cutoffs=[10.0], window=(5.0, 50.0))
    standard = [(1.0, "standard")] * 3 + [(6.0, "standard")]
    env.process(_submit(env, lab, [*standard[:3], (2.0, "pcr"), standard[3]]))
    env.run(until=80)
    # 10:00 (observed): 5 waiting, the standard batch of 2 leaves 2, the PCR batch takes its
    # one; 34:00 (observed): 2, both go; 58:00 (after the window): not counted
    assert (lab.cutoffs_seen, lab.waiting_sum, lab.waiting_max) == (2, 7, 5)


def _submit(env, lab, samples):
    for t, test in samples:
        yield env.timeout(t - env.now)
        lab.submit(1.0, True, test)
