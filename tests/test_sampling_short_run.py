"""The quarantine sampling plan (``enforcement.sampling``: ``sample_units``,
``lab_sensitivity``) reaches the model only through the infested consignments a quarantine
check samples, so a short run that samples none shows no difference: the glossary entries
where its effect is read and the setting's own documentation say so, with a run length
that does show it (docs/laboratory.md measures it)."""

from __future__ import annotations

from pathlib import Path

import sim
from sim.experiment.metric_glossary import explain
from sim.scenario.enforcement import Sampling

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: two days; the visual check finds nothing, so only the laboratory can find the pests
SHORT = {"days": 2, "warmup_days": 1, "drain_days": 2,
         "enforcement.sampling.visual_sensitivity": 0.0}


def _metrics(sensitivity: float) -> dict[str, float]:
    over = {**SHORT, "ports.sea.quarantine.sample_share": 0.0,
            "enforcement.sampling.lab_sensitivity": sensitivity}
    return sim.simulate(sim.load_scenario(SMALL, over), seed=1).metrics()


def test_the_laboratory_s_sensitivity_cannot_act_where_nothing_is_sampled():
    """Infested frozen goods checked but none sampled: a change of the laboratory's
    sensitivity leaves the share found as it was, to the last digit (that it moves it where
    every check is sampled is test_pest_catch's)."""
    sharp, blunt = _metrics(1.0), _metrics(0.2)
    assert sharp["pest_checked_share_frozen"] > 0 and sharp["pest_sampled_share_frozen"] == 0
    assert sharp["pest_detection_rate_frozen"] == blunt["pest_detection_rate_frozen"]


def test_where_the_plan_s_effect_is_read_the_share_sampled_and_a_run_length_are_named():
    for name in ("pest_detection_rate_plants", "pest_lab_finds_plants"):
        line = explain(name)
        assert "`pest_sampled_share_<commodity>`" in line, name
        assert "--days 91" in line and "one in ten days" in line, name
    doc = Sampling.__doc__ or ""
    assert "pest_sampled_share_<commodity>" in doc and "--days 91" in doc
