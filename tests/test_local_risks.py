"""Which risks only a local officer knows (organisation.advantages.local_risks): the structure's
AUC bonus for local knowledge goes only to the illicit types, and ports, the scenario names;
without the table it goes to every type at every port, as before the table existed. Short
runs of guangdong-enforcement (a day's warm-up, three observed days)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

import sim
from sim.model.run import simulate
from sim.model.world import World
from sim.report.org_local_risks import structure_words
from sim.scenario.base import ILLICIT
from sim.scenario.loader import ScenarioError

SCENARIOS = Path(__file__).resolve().parents[1] / "sim" / "scenarios"
ENFORCEMENT = SCENARIOS / "guangdong-enforcement.toml"
SHORT: dict[str, Any] = {"warmup_days": 1, "days": 3, "drain_days": 2}
TABLE = "organisation.advantages.local_risks"


def _load(local: dict[str, Any], bonus: float = 0.2, **more: Any) -> Any:
    return sim.load_scenario(ENFORCEMENT, {
        **SHORT, **more,
        "organisation.advantages.local_knowledge_auc": {"spindle": bonus, "dumbbell": 0.0},
        TABLE: local,
    })


def _bonus(scenario: Any) -> dict[tuple[str, str], float]:
    """The AUC the engine gives each type at each port above the scenario's own."""
    engine = World(scenario, 1).selector
    out = {}
    for port in scenario.ports:
        for code, kind in enumerate(ILLICIT, start=1):
            auc = engine.local_auc(port, code, np.zeros(1))[0] if engine.local_auc else 0.0
            out[(port, kind)] = float(auc - engine.base_auc[code - 1]) if auc else 0.0
    return out


def _same(a: dict[str, float], b: dict[str, float]) -> bool:
    """Every figure of ``a`` is ``b``'s, bit for bit (NaN: NaN)."""
    return all(b[k] == v or (v != v and b[k] != b[k]) for k, v in a.items())


def test_only_the_named_types_and_ports_get_the_bonus():
    scenario = _load({"tobacco": 0.5, "frozen": {"zj_port": 1.0}})
    bonus = _bonus(scenario)
    assert bonus[("gz_nansha", "tobacco")] == pytest.approx(0.1)
    assert bonus[("zj_port", "frozen")] == pytest.approx(0.2)
    assert bonus[("gz_nansha", "frozen")] == 0.0  # a port the type's table leaves out
    assert bonus[("zj_port", "counterfeit")] == 0.0  # a type not named
    assert sum(b > 0 for b in bonus.values()) == len(scenario.ports) + 1
    metrics = World(scenario, 1).organisation.metrics()
    assert metrics["org_local_knowledge_auc_bonus_frozen"] == pytest.approx(0.2 / 10)
    assert metrics["org_local_knowledge_auc_bonus_counterfeit"] == 0.0
    said = structure_words(scenario)  # (the org command's line)
    assert said == "spindle: tobacco 0.1 at every port; frozen at zj_port 0.2", said
    zh = structure_words(scenario, "zh")
    assert zh == "纺锤型：走私烟草 0.1（所有口岸）；未经检疫的冻品 zj_port 0.2", zh


def test_the_old_form_is_every_type_at_every_port():
    """No table: the bonus goes everywhere, and a run is the same as one whose table names
    every type at every port with all of the bonus (no per-type figures: as before)."""
    old = _load({})
    assert all(b == pytest.approx(0.2) for b in _bonus(old).values())
    a = simulate(_load({}, days=1), 1).metrics()
    b = simulate(_load({kind: 1.0 for kind in ILLICIT}, days=1), 1).metrics()
    assert not any(k.startswith("org_local_knowledge_auc_bonus_") for k in a)
    assert b["org_local_knowledge_auc_bonus_tobacco"] == pytest.approx(0.2)
    assert _same(a, b) and a["risk_auc"] == a["risk_auc"]  # (a number: the engine scored)
    assert "every illicit type at every port" in structure_words(old)


def test_a_score_separates_only_the_types_named():
    """The score's AUC measured per type, in one run: the type given the bonus (0.2 over
    0.75) is told apart from compliant goods better than a type as common without it (about
    40 counterfeit and 14 undervalued declarations in two days), which keeps its own AUC."""
    more = {"days": 2, "enforcement.prevalence.counterfeit": 0.012}
    scenario = _load({"undervaluation": 1.0}, **more)
    got = simulate(scenario, 1).metrics()
    assert got["illicit_counterfeit"] > 20 and got["illicit_undervaluation"] > 10
    assert got["risk_auc_undervaluation"] > got["risk_auc_counterfeit"] + 0.1
    assert got["risk_auc_counterfeit"] < 0.85


@pytest.mark.parametrize(("local", "where", "said"), [
    ({"smoke": 1.0}, f"{TABLE}.smoke", "unknown illicit type 'smoke'; allowed: tobacco"),
    ({"frozen": {"nowhere": 1.0}}, f"{TABLE}.frozen.nowhere", "unknown port 'nowhere'; allowed"),
    ({"frozen": {"zj_port": 1.5}}, f"{TABLE}.frozen.zj_port", "less than or equal to 1"),
    ({"frozen": 1.5}, f"{TABLE}.frozen = 1.5", "less than or equal to 1"),
])
def test_a_bad_table_is_a_clear_error(local, where, said):
    with pytest.raises(ScenarioError) as err:
        _load(local)
    assert where in str(err.value) and said in str(err.value), str(err.value)


def test_the_brief_says_which_types_local_knowledge_an_option_changes():
    """The brief's line: the types whose bonus the option moves, the baseline's to its own
    (a type it leaves alone is not said), in English and Chinese."""
    from sim.report.brief_local import line, text

    rows = {("dumbbell", f"org_local_knowledge_auc_bonus_{k}"): {"base": b, "mean": d}
            for k, b, d in (("tobacco", 0.03, -0.030000000000000013), ("frozen", 0.015, -0.005),
                            ("pest", 0.0, 0.0))}
    said = line(rows, "dumbbell")
    assert said.endswith("this option's: tobacco 0.03 to 0, frozen 0.015 to 0.01"), said
    assert text(said) == ("属地知识带来的风险评分 AUC 加成（按违规类型，各口岸均值），"
                          "基准方案 → 本方案：走私烟草 0.03 → 0，未经检疫的冻品 0.015 → 0.01")
    assert line({}, "dumbbell") == ""  # (the old form reports no per-type bonus: no line)


def test_the_bonus_adds_to_what_learning_has_learned():
    """With ``risk.learning`` the bonus adds to the AUC the engine has learned, not to the
    scenario's own: a bonus row's separation is the learned one's plus the bonus's worth
    (capped), never less, even once learning has passed the AUC plus the bonus; a type
    without the bonus keeps what it learned. (One observed day, labels learned fast.)"""
    from sim.model.risk import separation

    learning = {"auc_max": 0.95, "labels": 50}
    scenario = _load({"tobacco": 1.0}, bonus=0.05, days=1, **{"risk.learning": learning})
    engine = World(scenario, 1).run().selector
    tobacco, pest = ILLICIT.index("tobacco") + 1, ILLICIT.index("pest") + 1
    learned = float(engine.current_auc[tobacco - 1])
    assert engine.labels > 0 and learned > engine.base_auc[tobacco - 1] + 0.05  # (passed it)
    truth, origin = np.array([tobacco, pest]), np.zeros(2, int)
    used = engine._separation("gz_nansha", truth, origin)
    assert used[0] > engine.d[tobacco]
    assert used[0] == pytest.approx(separation(min(0.9999, learned + 0.05)))
    assert used[1] == engine.d[pest] and engine.d[pest] > separation(engine.base_auc[pest - 1])


def test_the_bonus_adds_to_an_auc_a_dated_change_sets():
    """Without learning, from a dated change of ``risk.auc`` on the bonus adds to the new AUC
    (the engine's settings by era, put in force as a decision's time reaches the date)."""
    from sim.model.risk import RiskEngine
    from sim.model.risk_eras import settings

    scenario = _load({"tobacco": 1.0}, bonus=0.05)
    later = RiskEngine(_load({"tobacco": 1.0}, bonus=0.05, **{"risk.auc": {"tobacco": 0.85}}))
    engine = World(scenario, 1).selector
    engine.dated = [(0.0, settings(engine)), (10.0, settings(later))]
    tobacco = ILLICIT.index("tobacco") + 1
    before = engine.local_auc("gz_nansha", tobacco, np.zeros(1))[0]
    engine.use_settings(11.0)
    after = engine.local_auc("gz_nansha", tobacco, np.zeros(1))[0]
    assert before == pytest.approx(0.80) and after == pytest.approx(0.90)
