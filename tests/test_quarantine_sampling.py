"""Quarantine sampling for pests: the hypergeometric sampling plan (continued to a real number
of infested units) and the visual check, which a lab sample adds to rather than replaces."""

from __future__ import annotations

import math
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

import sim
from sim.model.truth import PEST, pest_detection, quarantine_finds, quarantine_seen
from sim.scenario.base import ILLICIT
from sim.scenario.enforcement import Enforcement

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def exact(units: int, infested: int, sample: int, lab: float) -> float:
    """The integer hypergeometric by hand: the sample holds an infested unit, times the lab."""
    n = min(sample, units)
    return (1 - math.comb(units - infested, n) / math.comb(units, n)) * lab


@pytest.mark.parametrize(
    ("units", "share", "infested"),
    [(1000, 0.02, 20), (1000, 0.001, 1), (2000, 0.0015, 3), (3000, 0.01, 30), (200, 0.1, 20)],
)
def test_detection_is_the_exact_hypergeometric_at_a_whole_number_of_infested_units(
    units: int, share: float, infested: int
):
    (p,) = pest_detection(np.array([units]), share, 150, 0.9)
    assert p == pytest.approx(exact(units, infested, 150, 0.9), rel=1e-9)


def test_an_infested_share_of_0_is_refused_naming_the_field():
    """Infested goods with no infested unit could never be found by a sample: refused."""
    over = {"enforcement.sampling.infested_share": 0.0}
    with pytest.raises(sim.ScenarioError, match=r"sampling\.infested_share = 0\.0: must be more"):
        sim.load_scenario(SMALL, over)
    small = sim.load_scenario(SMALL, {"enforcement.sampling.infested_share": 1e-9})
    assert small.enforcement.sampling.infested_share == 1e-9


def test_the_hand_value_of_one_container_of_1000_units_20_infested():
    # (1 - C(980, 150) / C(1000, 150)) x 0.9
    (p,) = pest_detection(np.array([1000]), 0.02, 150, 0.9)
    assert p == pytest.approx(0.86628, abs=5e-6)


def test_detection_is_monotone_in_the_infested_share_and_positive_for_any_share():
    shares = np.linspace(0.0, 0.02, 4001)[1:]
    for units in (1000, 2000, 3000, 7000):
        p = np.array([pest_detection(np.array([units]), s, 150, 0.9)[0] for s in shares])
        assert (np.diff(p) >= -1e-12).all(), f"not monotone at {units} units"
        assert (p > 0).all()
        # less than one infested unit: a pest consignment still holds one
        (one,) = pest_detection(np.array([units]), 1e-9, 150, 0.9)
        assert one == pytest.approx(exact(units, 1, 150, 0.9), rel=1e-9)
    assert pest_detection(np.array([1000]), 0.0, 150, 0.9)[0] == 0.0
    # more infested units than the sample can miss: certain, times the lab
    assert pest_detection(np.array([1000]), 0.9, 150, 0.9)[0] == pytest.approx(0.9)
    assert pest_detection(np.array([100]), 0.1, 150, 0.9)[0] == pytest.approx(0.9)


def context(sampled: bool, n: int, visual: float, lab: float) -> SimpleNamespace:
    """A block of ``n`` pest consignments of one container, all sampled or none."""
    e = Enforcement.model_validate(
        {
            "sampling": {
                "units_per_container": 1000,
                "infested_share": 0.02,
                "sample_units": 150,
                "lab_sensitivity": lab,
                "visual_sensitivity": visual,
            }
        }
    )
    values = {
        "illicit": np.full(n, float(PEST)),
        "containers": np.ones(n, int),
        "sample": np.full(n, float(sampled)),
    }
    return SimpleNamespace(scenario=SimpleNamespace(enforcement=e), values=values)


def test_a_sample_adds_the_laboratory_to_the_visual_check():
    """Given the same uniform, a sampled pest consignment is found whenever an unsampled one
    would be, and the share of uniforms that find it is 1 - (1 - visual)(1 - lab)."""
    u = (np.arange(100_000) + 0.5) / 100_000
    visual = 0.3
    for lab in (0.9, 0.5):
        plain = quarantine_finds(context(False, len(u), visual, lab), u)
        sampled = quarantine_finds(context(True, len(u), visual, lab), u)
        assert (sampled >= plain).all()
        assert plain.mean() == pytest.approx(visual, abs=1e-5)
        p_lab = exact(1000, 20, 150, lab)
        assert sampled.mean() == pytest.approx(1 - (1 - visual) * (1 - p_lab), abs=1e-5)


def test_sampled_pests_are_found_at_the_combined_rate_in_a_run():
    """Every frozen consignment checked by quarantine and sampled: the share of pest
    consignments found is within the 99.9 % interval of the combined chance, each
    consignment's from its containers (a sum of Bernoullis: mean and variance exact)."""
    s = {"units_per_container": 400, "infested_share": 0.002, "sample_units": 150}
    s |= {"lab_sensitivity": 0.8, "visual_sensitivity": 0.3}
    over = {
        "selection.quarantine": {"frozen": {"*": 1.0}},
        "ports.sea.quarantine.sample_share": 1.0,
        "ports.sea.quarantine.officers.capacity": 50,
        "enforcement.prevalence": {"pest": 0.4},
        "enforcement.sampling": s,
        "days": 21,
    }
    r = sim.simulate(sim.load_scenario(SMALL, over), 7, log=True)
    log = r.log
    pests = log[(log.illicit == "pest") & log.quarantine_start.notna()]
    assert len(pests) > 300 and (pests["sample"] > 0).all()
    lab = pest_detection(pests.containers.to_numpy() * 400, 0.002, 150, 0.8)
    p = 1 - (1 - 0.3) * (1 - lab)
    mean, sd = p.sum(), math.sqrt((p * (1 - p)).sum())
    found = int(pests.quarantine_finds.sum())
    assert abs(found - mean) <= 3.29 * sd, f"{found} found, {mean:.1f} expected"
    # the lab alone (the old rule) would be far below: the test tells the two apart
    assert found - lab.sum() > 3.29 * sd


def test_a_sample_larger_than_some_goods_units_is_noted_and_is_then_the_whole_consignment():
    """150 units sampled where a container holds 100 and a declaration covers 1 to 3: a
    one-container consignment's sample is cut to its 100 units (the lab then sees every unit,
    so it finds a pest with its sensitivity), which the scenario's notes say; with 1000 units
    a container (the default) no sample is cut and nothing is said."""
    from sim.scenario.dormant import unused_parts

    small = sim.load_scenario(SMALL, {"enforcement.sampling.units_per_container": 100})
    (note,) = [n for n in unused_parts(small) if "sample_units" in n]
    assert note.startswith("enforcement.sampling.sample_units (150) is more than the units of "
                           "a declaration of fewer than 2 container(s) (100 a container")
    assert "sampled at sea can cover as few as 1: their sample is cut" in note
    (p,) = pest_detection(np.array([100]), 0.02, 150, 0.9)
    assert p == pytest.approx(0.9)
    assert not [n for n in unused_parts(sim.load_scenario(SMALL)) if "sample_units" in n]
    boxes = {"dist": "uniform", "low": 2, "high": 3}
    over = {"enforcement.sampling.units_per_container": 100, "ports.sea.traffic.containers": boxes}
    two = sim.load_scenario(SMALL, over)
    assert not [n for n in unused_parts(two) if "sample_units" in n]
    # a commodity's own plan of 100-unit containers is noted under its own fields
    own = sim.load_scenario(SMALL, {"enforcement.sampling.by_commodity.frozen":
                                    {"units_per_container": 100}})  # fmt: skip
    (note,) = [n for n in unused_parts(own) if "sample_units" in n]
    assert note.startswith("enforcement.sampling.by_commodity.frozen.sample_units (150) is "
                           "more than the units of a declaration of fewer than 2 container(s) "
                           "(100 a container")  # fmt: skip


FROZEN = ILLICIT.index("frozen") + 1


def frozen_context(sampled: bool, n: int, onsite: float, lab: float) -> SimpleNamespace:
    """A block of ``n`` consignments of frozen products without quarantine clearance."""
    e = Enforcement.model_validate(
        {"detection": {"quarantine": {"frozen": onsite}, "laboratory": {"frozen": lab}}}
    )
    values = {
        "illicit": np.full(n, float(FROZEN)),
        "containers": np.ones(n, int),
        "sample": np.full(n, float(sampled)),
    }
    return SimpleNamespace(scenario=SimpleNamespace(enforcement=e), values=values)


def test_frozen_goods_are_found_on_site_and_more_by_the_laboratory_test_of_a_sample():
    """An unsampled consignment is found by the on-site check of its papers and goods alone;
    a sampled one by either, 1 - (1 - on site)(1 - laboratory); with the same uniform, every
    consignment found unsampled is found sampled."""
    u = (np.arange(100_000) + 0.5) / 100_000
    plain = quarantine_finds(frozen_context(False, len(u), 0.6, 0.9), u)
    sampled = quarantine_finds(frozen_context(True, len(u), 0.6, 0.9), u)
    assert plain.mean() == pytest.approx(0.6, abs=1e-5)
    assert sampled.mean() == pytest.approx(1 - 0.4 * 0.1, abs=1e-5)
    assert (sampled >= plain).all()


def test_the_on_site_share_of_a_sampled_consignments_finds_is_the_on_site_chance():
    """Of the frozen goods found in sampled consignments, the on-site check makes a share
    0.6 / 0.96 of the finds (the rest only the laboratory's result makes): within the
    99.9 % interval of that binomial share; a find on site is always a find."""
    n = 200_000
    x = frozen_context(True, n, 0.6, 0.9)
    rng = np.random.default_rng(11)
    x.values["quarantine_finds"] = quarantine_finds(x, rng.random(n)).astype(float)
    seen = quarantine_seen(x, rng.random(n))
    found = x.values["quarantine_finds"] > 0
    assert not (seen & ~found).any()
    share, p = seen[found].mean(), 0.6 / 0.96
    assert abs(share - p) <= 3.29 * math.sqrt(p * (1 - p) / found.sum())
    # unsampled: every find is made on site
    x = frozen_context(False, n, 0.6, 0.9)
    x.values["quarantine_finds"] = quarantine_finds(x, rng.random(n)).astype(float)
    assert (quarantine_seen(x, rng.random(n)) == (x.values["quarantine_finds"] > 0)).all()


@pytest.mark.parametrize("share", [1.0, 0.5])
def test_sampling_fewer_frozen_consignments_finds_fewer_frozen_goods_in_a_run(share: float):
    """Every frozen consignment checked by quarantine, a share ``share`` sampled: the share of
    frozen goods the check finds is within the 99.9 % interval of 0.5 + 0.5 x 0.9 x share
    (found on site half the time, by the laboratory 90 % of the rest); the counterfactual
    run with every consignment sampled (the same consignments and uniforms) finds a superset."""
    def run(sampled: float) -> pd.DataFrame:
        over = {
            "selection.quarantine": {"frozen": {"*": 1.0}},
            "ports.sea.quarantine.sample_share": sampled,
            "ports.sea.quarantine.officers.capacity": 50,
            "enforcement.prevalence": {"frozen": 0.5},
            "enforcement.detection": {"quarantine": {"frozen": 0.5}, "laboratory": {"frozen": 0.9}},
            "days": 21,
        }
        log = sim.simulate(sim.load_scenario(SMALL, over), 3, log=True).log
        return log[(log.illicit == "frozen") & log.quarantine_start.notna()].set_index("index")

    frozen = run(share)
    p = 0.5 + 0.5 * 0.9 * share
    found = frozen.quarantine_finds
    assert len(frozen) > 300
    assert abs(found.mean() - p) <= 3.29 * math.sqrt(p * (1 - p) / len(frozen))
    every = run(1.0).quarantine_finds.reindex(frozen.index)
    assert (every | ~found).all() and (every.sum() > found.sum() or share == 1.0)


def test_the_default_scenario_finds_more_frozen_goods_when_it_samples_them():
    """In the bundled scenario a frozen consignment's laboratory test adds to the on-site
    check, so sampling fewer consignments (or more, as the epidemic's cold-chain testing
    does) changes frozen detection."""
    e = sim.load_scenario(sim.default_scenario_path()).enforcement
    u = (np.arange(10_000) + 0.5) / 10_000
    found = {}
    for sampled in (False, True):
        x = frozen_context(sampled, len(u), 0.0, 0.0)
        x.scenario.enforcement = e
        found[sampled] = quarantine_finds(x, u).mean()
    onsite, lab = e.detection.quarantine["frozen"], e.detection.laboratory["frozen"]
    assert found[False] == pytest.approx(onsite, abs=1e-4)
    assert found[True] == pytest.approx(1 - (1 - onsite) * (1 - lab), abs=1e-4)
    assert found[True] - found[False] > 0.2


def test_a_commodity_s_own_plan_replaces_the_scenario_wide_one_for_its_goods_only():
    """Fruit sampled 30 units, timber from its own 200-unit containers with a lab of 0.5;
    frozen goods keep the scenario-wide plan: each consignment's chance is its commodity's
    hypergeometric times its sensitivity."""
    e = Enforcement.model_validate({"sampling": {
        "sample_units": 150, "lab_sensitivity": 0.9, "visual_sensitivity": 0.0,
        "by_commodity": {"fruit": {"sample_units": 30},
                         "timber": {"units_per_container": 200, "lab_sensitivity": 0.5}},
    }})  # fmt: skip
    values = {"illicit": np.full(3, float(PEST)), "containers": np.ones(3, int),
              "sample": np.ones(3), "commodity": np.array([0.0, 1.0, 2.0])}  # fmt: skip
    x = SimpleNamespace(scenario=SimpleNamespace(enforcement=e), values=values,
                        commodities=["fruit", "timber", "frozen"])  # fmt: skip
    found = quarantine_finds(x, np.array([0.5, 0.5, 0.5]))  # (a uniform between the chances)
    want = [exact(1000, 20, 30, 0.9), exact(200, 4, 150, 0.5), exact(1000, 20, 150, 0.9)]
    assert want[0] < 0.5 < want[2] and want[1] < 0.5  # (so the finds tell the plans apart)
    assert found.tolist() == [0.0, 0.0, 1.0]
    u = np.array([want[0] - 1e-9, want[1] - 1e-9, want[2] - 1e-9])
    assert quarantine_finds(x, u).tolist() == [1.0, 1.0, 1.0]
    assert quarantine_finds(x, u + 2e-9).tolist() == [0.0, 0.0, 0.0]


def test_a_plan_for_an_unknown_commodity_or_no_infested_unit_is_refused_naming_the_field():
    with pytest.raises(sim.ScenarioError, match=r"by_commodity\.fruit: unknown commodity "
                       r"'fruit'; allowed: general, frozen"):  # fmt: skip
        sim.load_scenario(SMALL, {"enforcement.sampling.by_commodity.fruit.sample_units": 30})
    with pytest.raises(sim.ScenarioError, match=r"by_commodity\.frozen\.infested_share = 0: "
                       "must be more than 0"):  # fmt: skip
        sim.load_scenario(SMALL, {"enforcement.sampling.by_commodity.frozen.infested_share": 0})
