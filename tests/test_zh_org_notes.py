"""The organisation's notes where it acts on nothing (local knowledge and alerts without a
risk engine: sim/scenario/organisation.py) in Chinese from their records, not marked
untranslated (Guangdong's, the scenario of the organisation's structures)."""

from __future__ import annotations

import pytest

import sim
from sim.cli_lang import line
from sim.scenario.organisation import unused_alerts, unused_local_knowledge
from sim.warning_codes import record

ENGINE_OFF = {"risk.target": 0.05, "risk.enabled": False}


@pytest.mark.parametrize("over", [{}, ENGINE_OFF])
def test_guangdongs_organisation_notes_are_said_in_chinese(over):
    scenario = sim.load_scenario("guangdong", over)
    knowledge, alerts = unused_local_knowledge(scenario), unused_alerts(scenario)
    assert knowledge is not None and alerts is not None
    said = [line(f"note: {message}", "zh") for message in (knowledge, alerts)]
    assert not any("尚无中文" in s for s in said)
    assert record(f"note: {knowledge}")["code"] == "org_local_knowledge_unused"
    assert record(f"note: {alerts}")["code"] == "org_alerts_unused"
    state = "没有 [risk] 部分" if not over else "已关闭风险布控引擎（risk.enabled false）"
    assert all(f"情景 'guangdong' {state}" in s for s in said)
    assert "spindle 0.03" in said[0] and "属地知识" in said[0]
    hint = "--set risk.target=0.05 --set risk.window=" if not over else "--set risk.enabled=true"
    assert hint in said[0]
    assert "预警在此不改变任何布控" in said[1]
