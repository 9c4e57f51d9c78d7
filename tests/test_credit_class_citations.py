"""China's credit classes are cited by the rules of the bundled scenarios' year. Every bundled
scenario models 2019 practice, when GACC Order 237 was in force, with its four classes (the
model's aeo_advanced, aeo_general, general, discredited); Order 251 replaced it only on
1 November 2021 and abolished general certification. So a citation of Order 251 in a
scenario or a reform's sources must also name Order 237, the rules the 2019 figures were
taken under (docs/aeo-trader.md, "Which credit classes, which year")."""

from __future__ import annotations

from pathlib import Path

from sim.reforms import REFORMS

ROOT = Path(__file__).resolve().parent.parent


def _cited_alone(lines: list[str]) -> list[str]:
    return [line for line in lines if "Order 251" in line and "Order 237" not in line]


def test_scenarios_cite_the_credit_rules_of_their_year():
    bad = [f"{p.name}: {line}" for p in sorted((ROOT / "sim" / "scenarios").glob("*.toml"))
           for line in _cited_alone(p.read_text(encoding="utf-8").splitlines())]
    assert bad == [], bad


def test_reform_sources_cite_the_credit_rules_of_2019():
    sources = [s for r in REFORMS.values() for s in r.sources]
    assert _cited_alone(sources) == []
    assert any("Order 237" in s for s in sources)  # (the credit reforms still cite a rule)
