"""Every default number in the bundled scenarios (sim/scenarios/) and in the docs' example
scenarios (docs/examples/) cites its source or says it is an assumption."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sim
from sim.scenario.provenance import unsaid

SCENARIOS = sorted(sim.default_scenario_path().parent.glob("*.toml"))
EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "docs" / "examples").glob("*/*.toml"))


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.name for p in SCENARIOS])
def test_every_number_has_a_source_or_is_an_assumption(path):
    assert unsaid(path.read_text()) == []


@pytest.mark.parametrize("path", EXAMPLES, ids=[f"{p.parent.name}/{p.name}" for p in EXAMPLES])
def test_every_number_of_a_docs_example_has_a_source_or_is_an_assumption(path):
    """The examples the docs pages run are scenarios a reader copies: they say where their
    figures come from as the bundled ones do."""
    assert unsaid(path.read_text()) == []


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.name for p in SCENARIOS])
def test_bundled_scenarios_load(path):
    assert sim.load_scenario(path).ports


def test_default_has_a_sea_port_a_land_crossing_and_an_airport():
    s = sim.load_scenario(sim.default_scenario_path())
    assert {p.mode for p in s.ports.values()} >= {"sea", "land", "air"}


def test_every_research_note_cited_ships_with_the_project():
    """A citation such as "china-figures.md §2" in a bundled scenario or a reform's sources
    can be followed: the note is in docs/research/."""
    root = Path(__file__).resolve().parents[1]
    texts = [p.read_text() for p in SCENARIOS]
    texts += [p.read_text() for p in (root / "sim" / "reforms").glob("*.py")]
    cited = {m for t in texts for m in re.findall(r"\b([a-z][a-z-]*-figures\.md)", t)}
    assert {"published-figures.md", "china-figures.md"} <= cited
    missing = sorted(c for c in cited if not (root / "docs" / "research" / c).is_file())
    assert not missing, f"cited but not in docs/research/: {missing}"


def test_a_field_the_tornado_varies_says_so_where_a_bundled_scenario_sets_it():
    """A scenario field whose range the reform library states (``sim.reforms.ranges``, a
    dotted setting) is an assumption where a bundled scenario sets it, and its comment gives
    the ends ``bordersim tornado`` tries, so that a reader of the file sees both."""
    from sim.reforms.ranges import RANGES
    from sim.scenario.provenance import of_text

    fields = {k: s for spans in RANGES.values() for k, s in spans.items() if "." in k}
    assert fields
    for key, span in fields.items():
        found = [(p.name, row) for p in SCENARIOS for row in of_text(p.read_text(), p.name)
                 if key == row.field or key.startswith(f"{row.field}.")]
        assert found, f"{key}: set by no bundled scenario"
        for name, row in found:
            assert "assumption" in row.kind, (name, key, row.note)
            ends = [str(span.low), str(span.high)]
            assert all(end in row.note for end in ends), (name, key, ends, row.note)
