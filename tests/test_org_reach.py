"""How many ports an alert reaches, beside how fast: the propagation time is a mean over the
receipts only, so a structure whose alerts reach few ports would look as fast as one whose
alerts reach them all; ``alert_reach`` tells them apart."""

from __future__ import annotations

import copy
import math
import tomllib
from pathlib import Path

import pytest
from org_scenarios import generated
from theory_scenarios import build

from sim.experiment.compare import metric_kind, metric_unit
from sim.experiment.metric_names import ORGANISATION
from sim.model.run import simulate

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
ROLES = {"tariff": 4, "quarantine": 4, "anti_smuggling": 2, "risk": 2, "management": 3}


def _metrics(structure: str) -> dict[str, float]:
    data = tomllib.loads(SMALL.read_text())
    data["ports"]["sea2"] = copy.deepcopy(data["ports"]["sea"])
    data.update(days=3, warmup_days=1, drain_days=3)
    org = generated(structure, {"a": ["sea"], "b": ["sea2"]}, ROLES, service_h=0.5,
                    ruling=0.02, transfer="3 h")  # fmt: skip
    data["organisation"] = org
    return simulate(build(data), 1).metrics()


@pytest.mark.parametrize("structure,reach", [("spindle", 0.5), ("dumbbell", 1.0)])
def test_the_reach_counts_the_ports_an_alert_never_reaches(structure: str, reach: float):
    m = _metrics(structure)
    assert m["alerts_raised"] > 0
    # a spindle's customs alerts its own port only: one of the two; the national centre both
    assert m["alert_reach"] == pytest.approx(reach)
    assert m["alert_receipts"] == m["alerts_raised"] * 2 * reach
    assert not math.isnan(m["alert_propagation_h_mean"])  # (the speed, over receipts only)
    # each port's share of the alerts raised: every alert at both ports, or its own port's
    ports = {p: m[f"alert_reach_port_{p}"] for p in ("sea", "sea2")}
    assert sum(ports.values()) == pytest.approx(2 * reach)
    assert all(0 <= r <= 1 for r in ports.values())
    # a port no alert reached: reach 0 (given), where its propagation time is missing
    unreached = [p for p, r in ports.items() if r == 0]
    assert not any(f"alert_propagation_h_mean_port_{p}" in m for p in unreached)
    assert bool(unreached) is (structure == "spindle")  # (this seed: one alert, at sea2)


def test_the_reach_is_a_share_shown_beside_the_propagation_time():
    assert metric_kind("alert_reach") == "share" and metric_unit("alert_reach") == "share (0-1)"
    assert metric_unit("alerts_raised") == "alerts"
    assert metric_unit("alert_receipts") == "receipts"
    at = ORGANISATION.index("alert_propagation_h_mean")
    assert ORGANISATION[at + 1] == "alert_reach"
