"""A comparison's option that changes the quarantine sampling plan, whose figures are the
baseline's to the last digit, is told how few infested consignments were sampled
(``pest_sampled_share_<commodity>``) and what to raise to see the plan act."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main
from sim.cli_lang import line
from sim.experiment.compare_notes import idle_notes
from sim.experiment.options import Option
from sim.experiment.plan_reach import changed_plan, plan_commodities, plan_reach, sampled_share
from sim.faces import same
from sim.faces.choices import Variants
from sim.scenario.loader import load_scenario
from sim.warning_codes import record
from tests.short_runs import short_run

SMALL = Path(__file__).resolve().parent / "scenarios" / "small.toml"
FROZEN_30 = {"enforcement.sampling.by_commodity.frozen": {"sample_units": 30}}


def test_an_identical_sampling_option_points_at_the_share_sampled(tmp_path, capsys):
    """The small scenario's frozen goods carry pests that its visual check always finds:
    a frozen sample size changes nothing, and its note gives the baseline's share sampled."""
    argv = ["compare", short_run(tmp_path, SMALL), "--days", "1", "--reps", "1",
            "--option", "f30:enforcement.sampling.by_commodity.frozen={sample_units=30}",
            "--no-report", "--json", "--out", str(tmp_path / "c")]  # fmt: skip
    assert main(argv) == 0
    notes = json.loads(capsys.readouterr().out)["notes"]
    reps = pd.read_csv(tmp_path / "c" / "replications.csv")
    base = reps[reps["option"] == "baseline"]
    n = base["pest_consignments_frozen"].astype(float)
    assert n.sum() > 0  # (else the note has no share to give)
    share = float((n * base["pest_sampled_share_frozen"].fillna(0)).sum() / n.sum())
    said = [t for t in notes if t.startswith("note (f30): its figures are the baseline's")]
    assert len(said) == 1, notes
    assert (f"the sampling plan changed, but only {100 * share:.0f} % of infested frozen "
            "consignments are sampled (pest_sampled_share_frozen)") in said[0]


def test_which_commodities_a_change_of_plan_reaches():
    assert plan_commodities({"enforcement.sampling.sample_units": 30}) == []
    assert plan_commodities({"enforcement.sampling": {"sample_units": 30}}) == []
    assert plan_commodities(
        {"enforcement.sampling.by_commodity.plants": {"sample_units": 30}}) == ["plants"]
    assert plan_commodities({"enforcement.sampling.by_commodity.plants.sample_units": 30,
                             "enforcement.sampling.by_commodity": {"food": {}}}) == [
        "plants", "food"]
    assert plan_commodities({"selection.quarantine.plants": {"*": 1}}) is None
    assert plan_commodities({"enforcement.sampling_x": 1}) is None


def _per_rep() -> pd.DataFrame:
    return pd.DataFrame({
        "option": ["baseline", "baseline", "o"], "replication": [0, 1, 0],
        "pest_consignments_plants": [4, 0, 4], "pest_sampled_share_plants": [0.5, math.nan, 1],
        "pest_consignments_food": [6, 2, 6], "pest_sampled_share_food": [0.0, 0.5, 1],
    })


def test_the_share_sampled_weighs_each_replication_and_commodity_by_its_infested_goods():
    base = _per_rep().iloc[:2]
    assert sampled_share(base, ["plants"]) == pytest.approx(0.5)
    assert sampled_share(base, ["food"]) == pytest.approx(1 / 8)
    assert sampled_share(base, []) == pytest.approx(3 / 12)  # (2 of plants, 1 of food)
    assert math.isnan(sampled_share(base, ["tobacco"]))
    opts = [Option("baseline"), Option("o", {"enforcement.sampling.sample_units": 30}),
            Option("p", {"enforcement.sampling.by_commodity.plants": {}}),
            Option("s", {"selection.quarantine.plants": {"*": 1}})]
    reach = plan_reach(_per_rep(), opts, ["o", "p", "s"])
    assert reach == {"o": ["", pytest.approx(0.25)], "p": ["plants", pytest.approx(0.5)]}
    assert plan_reach(_per_rep(), opts, ["s"]) == {}


def test_the_note_is_a_record_with_its_share_and_its_chinese():
    notes = idle_notes({"scenario": "default", "identical": ["p", "q"],
                        "plan_reach": {"p": ["plants", 0.034]}})
    rec = record(notes[0])
    assert rec["code"] == "option_identical" and rec["figures"]["sampled_pct"] == 3
    assert rec["fields"]["commodity"] == "plants"
    assert rec["fields"]["more"] == "more --reps or --days"
    zh = line(notes[0], "zh")
    assert "受感染的 plants 货物中只有 3% 被抽样送检" in zh and "少见的货物" in zh
    # (the commodity named, as the English names it: not the glossary's pattern)
    assert "（pest_sampled_share_plants）" in zh and "selection.quarantine.plants" in zh, zh
    assert "<商品>）" not in zh.replace("ports.<口岸>", ""), zh
    assert "sampling plan" not in notes[1] and "sampled_pct" not in record(notes[1])["figures"]


def test_which_commodities_two_scenarios_plans_differ_in():
    base = load_scenario(SMALL)
    assert changed_plan(base, base) is None
    wide = load_scenario(SMALL, {"enforcement.sampling.sample_units": 30})
    assert changed_plan(base, wide) == []
    frozen = load_scenario(SMALL, FROZEN_30)
    assert changed_plan(base, frozen) == ["frozen"]
    assert changed_plan(frozen, wide) == []
    empty = load_scenario(SMALL, {"enforcement.sampling.by_commodity.frozen": {}})
    assert changed_plan(base, empty) is None  # (a plan giving nothing is the same plan)


def test_the_workshop_pages_identical_note_has_the_sampling_clause_in_both_languages():
    """The page's note for an option whose figures are the baseline's gives the share of
    infested consignments sampled, as compare's note does; an option that leaves the plan
    alone gets no such clause."""
    base = load_scenario(SMALL)
    plan = load_scenario(SMALL, FROZEN_30)
    reps = [{"pest_consignments_frozen": 4.0, "pest_sampled_share_frozen": 0.25},
            {"pest_consignments_frozen": 2.0, "pest_sampled_share_frozen": 0.5}]  # 2 of 6
    full = {"option": reps, "baseline": [dict(r) for r in reps]}
    (note,) = same.identical(Variants(base, plan, {}), full)
    assert ("the sampling plan changed, but only 33 % of infested frozen consignments are "
            "sampled (pest_sampled_share_frozen)") in note
    rec = record("note: " + note)
    assert rec["code"] == "option_identical" and rec["figures"]["sampled_pct"] == 33, rec
    zh = line("note: " + note, "zh")
    assert "抽样方案已改变" in zh and "33%" in zh and "sampling plan" not in zh, zh
    assert "受感染的 frozen 货物" in zh and "（pest_sampled_share_frozen）" in zh, zh
    other = load_scenario(SMALL, {"ports.sea.quarantine.sample_share": 0.5})
    (plain,) = same.identical(Variants(base, other, {}), full)
    assert "sampling plan" not in plain and record("note: " + plain)["code"] == "option_identical"


def test_a_plan_of_every_commodity_keeps_the_glossarys_pattern_in_both_languages():
    """A change of the scenario-wide plan names no commodity: the metric's pattern stands
    for each, in English and in Chinese."""
    (note,) = idle_notes({"scenario": "default", "identical": ["w"],
                          "plan_reach": {"w": ["", 0.2]}})
    assert "(pest_sampled_share_<commodity>)" in note, note
    zh = line(note, "zh")
    assert "受感染货物中只有 20% 被抽样送检（pest_sampled_share_<商品>）" in zh, zh
