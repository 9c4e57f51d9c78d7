"""Quarantine pests by commodity (sim/model/pest_catch.py): each commodity's infested
consignments, the share a quarantine check met and sampled, found before release (by the
laboratory alone too) and released unfound, counted as the per-consignment log shows them;
the laboratory's finds follow the sampling plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

import sim
from sim.model.finders import found_in_log

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: short runs; general goods carry pests too (never selected for a quarantine check)
SHORT = {"days": 2, "warmup_days": 1, "drain_days": 2,
         "enforcement.by_commodity.general": {"frozen": 0, "pest": 1}}


def _run(**over: object) -> tuple[dict[str, float], pd.DataFrame]:
    r = sim.simulate(sim.load_scenario(SMALL, {**SHORT, **over}), seed=1, log=True)
    assert r.log is not None
    return r.metrics(), r.log


def _pest_cohort(log: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, Any], Any, Any]:
    """The log's cohort of pest consignments, its columns as arrays, which were found before
    release, and which are censored unfound and unreleased (neither caught nor missed)."""
    cohort = log[log["cohort"].astype(bool) & (log["illicit"] == "pest")]
    col = {c: cohort[c].cat.codes.to_numpy() if hasattr(cohort[c], "cat") else cohort[c].to_numpy()
           for c in cohort.columns}  # fmt: skip
    before = found_in_log(col)
    assert before is not None
    held = (cohort["outcome"] == "censored").to_numpy() & np.isnan(col["released"]) & ~before
    return cohort, col, before, held


def test_each_commodity_is_counted_as_its_log_shows_and_adds_up_to_the_pooled_figures():
    m, log = _run()
    cohort, col, before, held = _pest_cohort(log)
    for c in ("general", "frozen"):
        mine = (cohort["commodity"] == c).to_numpy()
        n = int(mine.sum())
        assert n > 0 and m[f"pest_consignments_{c}"] == n
        checked = ~np.isnan(col["quarantine_start"][mine])
        assert m[f"pest_checked_share_{c}"] == checked.mean()
        assert m[f"pest_sampled_share_{c}"] == (~np.isnan(col["lab_start"][mine])).mean()
        known = ~held[mine]
        assert m[f"pest_detection_rate_{c}"] == before[mine][known].mean()
        assert m[f"pest_slipped_{c}"] == (known & ~before[mine]).sum()
    # general goods are never selected for a quarantine check: none met, none found there
    assert m["pest_checked_share_general"] == 0 and m["pest_checked_share_frozen"] > 0
    assert "pest_consignments_compliant" not in m and "pest_consignments_tobacco" not in m
    total = m["pest_consignments_general"] + m["pest_consignments_frozen"]
    assert total == m["illicit_pest"]


def test_the_laboratory_alone_finds_what_the_visual_check_misses_by_the_sampling_plan():
    every = {"ports.sea.quarantine.sample_share": 1.0,
             "enforcement.sampling.visual_sensitivity": 0.0}
    m, _ = _run(**every, **{"enforcement.sampling.lab_sensitivity": 1.0})
    assert m["pest_sampled_share_frozen"] == m["pest_checked_share_frozen"] > 0
    assert m["pest_lab_finds_frozen"] > 0
    blind, _ = _run(**every, **{"enforcement.sampling.lab_sensitivity": 0.0})
    assert blind["pest_lab_finds_frozen"] == 0
    assert blind["pest_slipped_frozen"] > m["pest_slipped_frozen"]
    # a sample of 1 unit in 1,000 with 2 % infested rarely holds one: the plan finds fewer
    small, _ = _run(**every, **{"enforcement.sampling.lab_sensitivity": 1.0,
                                "enforcement.sampling.infested_share": 0.02,
                                "enforcement.sampling.sample_units": 1})
    assert small["pest_lab_finds_frozen"] < m["pest_lab_finds_frozen"]
    # the same plan given to frozen goods alone (enforcement.sampling.by_commodity)
    own, _ = _run(**every, **{"enforcement.sampling.lab_sensitivity": 1.0,
                              "enforcement.sampling.by_commodity.frozen":
                                  {"infested_share": 0.02, "sample_units": 1}})
    assert own["pest_lab_finds_frozen"] == small["pest_lab_finds_frozen"]
    # an officer who sees every infested consignment on site leaves the laboratory nothing
    seen, _ = _run(**{**every, "enforcement.sampling.visual_sensitivity": 1.0})
    assert seen["pest_detection_rate_frozen"] > 0 and seen["pest_lab_finds_frozen"] == 0


def test_the_pests_released_unfound_are_counted_by_commodity_and_port_as_the_log_shows():
    # (the default scenario's four ports, a day, more pests so that each port has some)
    over = {"days": 1, "warmup_days": 0, "drain_days": 1, "enforcement.prevalence.pest": 0.05}
    r = sim.simulate(sim.load_scenario("default", over), seed=1, log=True)
    assert r.log is not None
    m, log = r.metrics(), r.log
    cohort, col, before, held = _pest_cohort(log)
    slipped = cohort[~held & ~before]
    ports = list(sim.load_scenario("default").ports)
    seen = set()
    for c in ("plants", "food"):
        by_port = [m[f"pest_escaped_{c}_port_{p}"] for p in ports]
        assert sum(by_port) == m[f"pest_slipped_{c}"]
        for p, n in zip(ports, by_port, strict=True):
            assert n == ((slipped["commodity"] == c) & (slipped["port"] == p)).sum(), (c, p)
            seen |= {p} if n else set()
    assert len(seen) > 1  # (the figures of several ports, not one's pooled)
