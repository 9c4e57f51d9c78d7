"""A port's illicit shares may add up to at most 1 after every multiplier: each ``by_*`` table
counts in the total, and the error names the combination that goes over."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
# (the small scenario's port 'sea' declares general goods, which carry nothing, and frozen
# goods, of origin 'unspecified'.) The first combination (commodity, class, origin,
# direction) in the declared orders that goes over is named: with a multiplier that acts on
# every frozen declaration, the first class and imports; else the first with its key.
TABLES = [
    ("by_port", "sea", "frozen, aeo_advanced, origin unspecified, import"),
    ("by_commodity", "frozen", "frozen, aeo_advanced, origin unspecified, import"),
    ("by_class", "discredited", "frozen, discredited, origin unspecified, import"),
    ("by_origin", "unspecified", "frozen, aeo_advanced, origin unspecified, import"),
    ("by_direction", "export", "frozen, aeo_advanced, origin unspecified, export"),
]


def _load(table: str, key: str, factor: float) -> sim.Scenario:
    return sim.load_scenario(SMALL, {
        "enforcement.prevalence": {"frozen": 0.3, "pest": 0.1},
        f"enforcement.{table}": {key: {"frozen": factor}},
    })  # fmt: skip


@pytest.mark.parametrize(("table", "key", "where"), TABLES, ids=[t for t, _, _ in TABLES])
def test_each_multiplier_counts_in_the_total(table, key, where):
    assert _load(table, key, 2.0).enforcement is not None  # 0.3 x 2 + 0.1 = 0.7: allowed
    with pytest.raises(sim.ScenarioError) as caught:
        _load(table, key, 3.5)  # 0.3 x 3.5 + 0.1 = 1.15
    message = str(caught.value)
    assert "enforcement.prevalence: at port sea" in message
    assert f"at port sea ({where}) the illicit types' shares add up to 1.15" in message
