"""guangdong-enforcement: Guangdong's spindle with the risk engine on, so that a structure's
local knowledge of risks (organisation.advantages.local_knowledge_auc, added to the score's
AUC by the organisation) reaches what is inspected and seized. The Guangdong files without
the engine cannot show it: their selection tables decide. Short runs (3 observed days)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sim
from sim.model.run import simulate
from sim.scenario.organisation import unused_local_knowledge

SCENARIOS = Path(__file__).resolve().parents[1] / "sim" / "scenarios"
ENFORCEMENT = SCENARIOS / "guangdong-enforcement.toml"
#: a short run: a day's warm-up, three observed days (under half a second)
SHORT: dict[str, Any] = {"warmup_days": 1, "days": 3, "drain_days": 2}


def _run(structure: str, bonus: float, seed: int) -> dict[str, float]:
    scenario = sim.load_scenario(ENFORCEMENT, {
        **SHORT,
        "organisation.structure": structure,
        "organisation.advantages.local_knowledge_auc": {"spindle": bonus, "dumbbell": 0.0},
        "organisation.advantages.local_risks": {},  # (every type at every port: the old form)
    })
    return simulate(scenario, seed).metrics()


def test_the_variant_is_the_spindle_with_the_engine_on_and_applies_local_knowledge():
    scenario = sim.load_scenario(ENFORCEMENT)
    assert scenario.organisation is not None and scenario.risk is not None
    assert scenario.organisation.structure == "spindle" and scenario.risk.enabled
    assert scenario.organisation.advantages.local_knowledge_auc["spindle"] > 0
    assert set(scenario.organisation.advantages.local_risks) == {"tobacco", "frozen"}
    assert unused_local_knowledge(scenario) is None
    # the files without the engine say that their structures cannot differ in detection
    assert unused_local_knowledge(sim.load_scenario(SCENARIOS / "guangdong-spindle.toml"))


def test_a_structures_local_knowledge_reaches_the_auc_and_detection():
    """A large forced bonus (0.2: AUC 0.95 in the spindle, 0.75 in the dumbbell) raises
    the score's measured AUC and the share of illicit declarations found, on the same seed;
    without the bonus reaching the engine both would stay put. (Seizures are a third of the
    finds or less, too few in three days to show it.)"""
    spindle, dumbbell = _run("spindle", 0.2, 1), _run("dumbbell", 0.2, 1)
    assert spindle["risk_auc"] > dumbbell["risk_auc"] + 0.1
    assert spindle["detection_rate"] > dumbbell["detection_rate"] + 0.05
