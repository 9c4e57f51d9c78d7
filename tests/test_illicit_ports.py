"""Chosen illicit types detected and slipped, by port and direction
(``enforcement.report_by_port``, sim.model.illicit_ports): off by default, the counts agree
with each consignment's own outcome in the log, the ports add up, and bad input is refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sim
from sim.experiment.options import parse_option, read_value
from sim.scenario.base import ILLICIT

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
DEFAULT = Path(__file__).parents[1] / "sim" / "scenarios" / "default.toml"
#: counterfeits on general goods, found by an exam only, a share audited after release
FAKES = {
    "enforcement.prevalence": {"counterfeit": 0.05, "frozen": 0.1, "pest": 0.05},
    "enforcement.by_commodity": {"general": {"frozen": 0, "pest": 0}},
    "enforcement.detection.exam": {"counterfeit": 0.8, "frozen": 1.0},
    "enforcement.audit": {"share": 0.3, "finds": {"counterfeit": 0.5}, "lag": "1 d"},
}
ON = {**FAKES, "enforcement.report_by_port": ["counterfeit"]}


@pytest.fixture(scope="module")
def runs() -> tuple[sim.RunResult, sim.RunResult]:
    off = sim.simulate(sim.load_scenario(SMALL, FAKES), 4, log=True)
    on = sim.simulate(sim.load_scenario(SMALL, ON), 4, log=True)
    return off, on


def test_off_by_default_and_on_it_changes_no_other_figure(runs):
    off, on = runs
    m_off, m_on = off.metrics(), on.metrics()
    added = set(m_on) - set(m_off)
    stems = ("detected_", "slipped_", "found_after_release_", "held_")
    pooled = {f"{s}{kind}" for s in stems for kind in ILLICIT}
    # (every run counts each type pooled, sim.model.illicit_types: only the split forms are new)
    assert not any(k.startswith(stems) for k in set(m_off) - pooled)
    assert "slipped_counterfeit" in m_off
    assert added and all(k.startswith(tuple(f"{s}counterfeit" for s in stems)) for k in added)
    same = {k: m_on[k] for k in m_off}
    for k, v in m_off.items():
        assert same[k] == v or (v != v and same[k] != same[k]), k  # (NaN == NaN here)


def test_counts_agree_with_each_consignments_outcome_in_the_log(runs):
    _, on = runs
    m = on.metrics()
    log = on.log
    fakes = log[log.cohort & (log.illicit == "counterfeit")]
    assert m["detected_counterfeit"] > 0 and m["slipped_counterfeit"] > 0
    audited = fakes.found_by.astype(str).isin(["audit", "review", "recall"])
    for (port, direction), g in fakes.groupby(["port", "direction"]):
        name = f"port_{port}_{direction}"
        assert m[f"detected_counterfeit_{name}"] == (g.outcome == "detained").sum()
        released = g[(g.outcome == "released") & ~audited[g.index]]
        assert m[f"slipped_counterfeit_{name}"] == len(released)
    assert (fakes.outcome == "detained").sum() == m["detected_counterfeit"]


def test_ports_and_directions_add_up_to_the_pooled_counts(runs):
    _, on = runs
    m = on.metrics()
    ports = list(sim.load_scenario(SMALL).ports)
    for stem in ("detected_counterfeit", "slipped_counterfeit"):
        assert sum(m[f"{stem}_port_{p}"] for p in ports) == m[stem]
        assert m[f"{stem}_import"] + m[f"{stem}_export"] == m[stem]
        for p in ports:
            both = m[f"{stem}_port_{p}_import"] + m[f"{stem}_port_{p}_export"]
            assert both == m[f"{stem}_port_{p}"]
    t = on.enforcement
    fakes = t[t.truth == "counterfeit"]
    known = fakes.declarations - fakes.held
    assert m["detected_counterfeit"] + m["slipped_counterfeit"] + fakes.audit_detected.sum() \
        == known.sum()


@pytest.mark.parametrize(("value", "said"), [
    (["cocaine"], r"enforcement.report_by_port.0 = 'cocaine': unknown illicit type 'cocaine'; "
                  r"allowed: tobacco, counterfeit"),
    (["counterfeit", "counterfeit"], r"enforcement.report_by_port.1 = 'counterfeit': illicit "
                                     r"type 'counterfeit' named twice"),
])
def test_a_bad_type_is_refused_naming_the_field_and_what_is_allowed(value, said):
    with pytest.raises(sim.ScenarioError, match=said):
        sim.load_scenario(SMALL, {"enforcement.report_by_port": value})


def test_the_counterfeits_page_commands_set_fields_the_default_scenario_accepts():
    """docs/counterfeits.md's commands: every --set and --option field loads (a renamed field
    would leave the page's commands failing)."""
    page = (Path(__file__).parents[1] / "docs" / "counterfeits.md").read_text()
    sets = re.findall(r"--set '?([^' ]+)'?", page)
    options = [parse_option(o) for o in re.findall(r"--option '([^']+)'", page)]
    assert len(sets) >= 5 and len(options) == 11
    for setting in sets:
        key, raw = setting.split("=", 1)
        sim.load_scenario(DEFAULT, {key: read_value(raw)})
    for option in options:
        sim.load_scenario(DEFAULT, dict(option.overrides))


def test_detected_slipped_found_after_release_and_held_add_up_to_the_illicit_count():
    """Every counterfeit declaration of the cohort is in exactly one of the four, at every
    port and direction: found after release is neither detained nor slipped (no drain: some
    are still held at the end)."""
    on = sim.simulate(sim.load_scenario(SMALL, {**ON, "drain_days": 0}), 4)
    m = on.metrics()
    stems = ("detected", "slipped", "found_after_release", "held")
    assert m["found_after_release_counterfeit"] > 0  # (the audit finds half of those it checks)
    assert m["held_counterfeit"] > 0
    assert sum(m[f"{s}_counterfeit"] for s in stems) == m["illicit_counterfeit"]
    t = on.enforcement
    fakes = t[t.truth == "counterfeit"]
    for p in sim.load_scenario(SMALL).ports:
        for d in ("import", "export"):
            rows = fakes[(fakes.port == p) & (fakes.direction == d)]
            total = sum(m[f"{s}_counterfeit_port_{p}_{d}"] for s in stems)
            assert total == rows.declarations.sum()
            assert m[f"held_counterfeit_port_{p}_{d}"] == rows.held.sum()


def test_the_tables_show_the_types_counts_and_its_ports_after_its_detection_rate(runs):
    """The run and compare tables (and the report) list, after detection_rate_counterfeit,
    its four counts and its detected and slipped by port: the page's command printed none
    of them, only the pooled rate; a scenario without report_by_port lists as before."""
    from sim.experiment.metric_names import kind_rows

    off, on = runs
    rows = kind_rows(on.metrics())
    at = rows.index("detection_rate_counterfeit")
    ports = list(sim.load_scenario(SMALL).ports)
    assert rows[at + 1:at + 5] == ("detected_counterfeit", "slipped_counterfeit",
                                   "found_after_release_counterfeit", "held_counterfeit")
    assert rows[at + 5:at + 5 + 2 * len(ports)] == (
        *(f"detected_counterfeit_port_{p}" for p in sorted(ports)),
        *(f"slipped_counterfeit_port_{p}" for p in sorted(ports)))
    assert kind_rows(off.metrics()) == tuple(
        m for m in rows if m.startswith("detection_rate_"))
