"""Suspected counterfeits after their finding (``enforcement.ipr``, sim.model.ipr): off by
default (no metric, no key in the scenario's dump), the suspected counts agree with the log,
the split follows the holder's reply shares, ports add up, and bad input is refused."""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pytest

import sim
from sim.scenario.ipr import CALENDAR_PER_WORKING_DAY

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: counterfeits on general goods found by an exam, 60 % of them of recorded brands
FAKES = {
    "enforcement.prevalence": {"counterfeit": 0.08},
    "enforcement.detection.exam": {"counterfeit": 0.8},
    "enforcement.recordation": {"share": 0.6},
}
IPR = {"holder_confirms": 0.7, "holder_applies": 0.1, "storage_per_day": 50.0}
ON = {**FAKES, "enforcement.ipr": IPR}


@pytest.fixture(scope="module")
def runs() -> tuple[sim.RunResult, sim.RunResult]:
    off = sim.simulate(sim.load_scenario(SMALL, FAKES), 3)
    on = sim.simulate(sim.load_scenario(SMALL, ON), 3, log=True)
    return off, on


def test_off_by_default_and_on_it_changes_no_other_figure(runs):
    off, on = runs
    m_off, m_on = off.metrics(), on.metrics()
    assert not any(k.startswith("ipr_") for k in m_off)
    added = set(m_on) - set(m_off)
    assert added and all(k.startswith("ipr_") for k in added)
    for k, v in m_off.items():
        assert m_on[k] == v or (v != v and m_on[k] != m_on[k]), k  # (NaN == NaN here)
    assert "ipr" not in sim.load_scenario(SMALL, FAKES).enforcement.model_dump()


def test_suspected_counts_agree_with_the_log_and_add_up_to_the_detained(runs):
    """Every counterfeit found before release (outcome detained) is suspected, recorded or
    not as the log's ``recorded`` column says, at every port."""
    _, on = runs
    m, log = on.metrics(), on.log
    fakes = log[log.cohort & (log.illicit == "counterfeit")]
    fakes = fakes[fakes.found_by.astype(str).isin(["document", "exam", "quarantine"])]
    assert (fakes.outcome == "detained").all()
    assert m["ipr_suspected_recorded"] > 0 and m["ipr_suspected_unrecorded"] > 0
    for port, g in fakes.groupby("port", observed=True):
        recorded = int(g.recorded.astype(bool).sum())
        assert m[f"ipr_suspected_recorded_port_{port}"] == recorded, port
        assert m[f"ipr_suspected_unrecorded_port_{port}"] == len(g) - recorded, port
    both = m["ipr_suspected_recorded"] + m["ipr_suspected_unrecorded"]
    assert both == len(fakes)
    assert both == on.enforcement.query("truth == 'counterfeit'").detected.sum()


def test_the_split_follows_the_holders_reply_and_the_legal_days(runs):
    _, on = runs
    m = on.metrics()
    r, u = m["ipr_suspected_recorded"], m["ipr_suspected_unrecorded"]
    assert m["ipr_detained"] == pytest.approx(0.7 * r + 0.1 * u)
    assert m["ipr_released_unconfirmed"] == pytest.approx(0.3 * r)
    assert m["ipr_released_unprotected"] == pytest.approx(0.9 * u)
    assert m["ipr_unconfirmed_share"] == pytest.approx(0.3 * r / (r + u))
    assert m["ipr_released_share"] == pytest.approx((0.3 * r + 0.9 * u) / (r + u))
    days = (0.7 * r * (3 + 30) + 0.1 * u * 20) * CALENDAR_PER_WORKING_DAY
    assert m["ipr_holder_days"] == pytest.approx(days)
    assert m["ipr_detained_days_mean"] == pytest.approx(days / m["ipr_detained"])
    assert m["ipr_storage_cost"] == pytest.approx(50.0 * days)
    ports = list(sim.load_scenario(SMALL).ports)
    for stem in ("ipr_detained", "ipr_released_unconfirmed", "ipr_holder_days"):
        assert sum(m[f"{stem}_port_{p}"] for p in ports) == pytest.approx(m[stem])


def test_recordation_buys_detentions_only_through_the_holders_reply():
    """With no brand recorded every suspected counterfeit rests on the holder's own
    application; recording them all and confirming every notice detains all found."""
    none = sim.simulate(sim.load_scenario(SMALL, {**ON, "enforcement.recordation.share": 0}), 1)
    m = none.metrics()
    assert m["ipr_suspected_recorded"] == 0 and m["ipr_released_unconfirmed"] == 0
    assert m["ipr_detained"] == pytest.approx(0.1 * m["ipr_suspected_unrecorded"])
    assert math.isclose(m["ipr_detained_days_mean"], 20 * CALENDAR_PER_WORKING_DAY)
    every = {**ON, "enforcement.recordation.share": 1,
             "enforcement.ipr": {**IPR, "holder_confirms": 1}}
    m = sim.simulate(sim.load_scenario(SMALL, every), 1).metrics()
    assert m["ipr_suspected_unrecorded"] == 0 and m["ipr_detained"] > 0
    assert m["ipr_released_share"] == 0
    assert np.isclose(m["ipr_detained_days_mean"], 33 * CALENDAR_PER_WORKING_DAY)


@pytest.mark.parametrize(("field", "value", "said"), [
    ("holder_confirms", 1.5, r"enforcement.ipr.holder_confirms = 1.5"),
    ("reply_days", -1, r"enforcement.ipr.reply_days = -1"),
    ("storage_per_day", "a lot", r"enforcement.ipr.storage_per_day = 'a lot'"),
    ("bond", 1, r"enforcement.ipr.bond"),
])
def test_bad_input_is_refused_naming_the_field(field, value, said):
    with pytest.raises(sim.ScenarioError, match=said):
        sim.load_scenario(SMALL, {**FAKES, f"enforcement.ipr.{field}": value})


def test_an_ipr_procedure_that_acts_on_nothing_is_said_to():
    """The procedure acts only on counterfeits, its ex officio part only on recorded brands:
    a comparison or run that sets it otherwise is told why it changes nothing."""
    from sim.scenario.dormant import idle_changes

    plain = sim.load_scenario(SMALL)  # (no counterfeits)
    said = str(idle_changes(plain, ["enforcement.ipr.holder_applies"]))
    assert "the IPR procedure acts only on counterfeits" in said
    unrecorded = sim.load_scenario(SMALL, {**ON, "enforcement.recordation.share": 0})
    for f in ("holder_confirms", "reply_days", "investigation_days"):
        assert "recordation.share is 0" in str(idle_changes(unrecorded, [f"enforcement.ipr.{f}"]))
    for f in ("holder_applies", "court_days", "storage_per_day"):
        assert idle_changes(unrecorded, [f"enforcement.ipr.{f}"]) is None, f
    assert idle_changes(sim.load_scenario(SMALL, ON), ["enforcement.ipr.reply_days"]) is None


def test_the_pages_by_port_figures_follow_the_holders_reply():
    """docs/counterfeits.md's table by port (the default reply shares, 0.86 and 0.05, and
    the legal days): each row's detained, released and days held follow from its suspected
    counts, to the page's rounding, and the ports add up to the pooled table's figures."""
    page = (Path(__file__).parents[1] / "docs" / "counterfeits.md").read_text()
    rows = re.findall(r"^\| (\w+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) "
                      r"\| ([\d.]+) \|$", page, re.M)
    assert [r[0] for r in rows] == ["sea_port", "land_border", "airport", "post_hub"]
    day = CALENDAR_PER_WORKING_DAY
    for _, *figures in rows:
        r, u, detained, unconfirmed, unprotected, days = map(float, figures)
        assert detained == pytest.approx(0.86 * r + 0.05 * u, abs=0.02)
        assert unconfirmed == pytest.approx(0.14 * r, abs=0.02)
        assert unprotected == pytest.approx(0.95 * u, abs=0.02)
        assert days == pytest.approx((0.86 * r * 33 + 0.05 * u * 20) * day, abs=0.5)
    total = sum(float(r[3]) for r in rows)
    assert "| detained (`ipr_detained`) | 1.8 | 26.1 |" in page and round(total, 1) == 26.1


def test_an_option_that_alone_turns_the_procedure_on_is_told_to_set_it_for_all():
    """The ipr_* metrics of an option that alone sets enforcement.ipr have no baseline to
    pair with: the note names the setting to give every option."""
    from sim.experiment.compare_notes import unpaired

    notes = unpaired({"baseline": {"clearance_h_mean"},
                      "ipr": {"clearance_h_mean", "ipr_detained"}}, "baseline")
    assert len(notes) == 1 and "enforcement.ipr" in notes[0] and "--set" in notes[0]


def test_directions_add_up_and_the_tables_list_the_rows_after_the_counterfeits(runs):
    from sim.experiment.metric_names import IPR_ROWS, kind_rows

    off, on = runs
    m = on.metrics()
    for stem in ("ipr_suspected_recorded", "ipr_detained", "ipr_holder_days"):
        assert m[f"{stem}_import"] + m[f"{stem}_export"] == pytest.approx(m[stem])
        for p in sim.load_scenario(SMALL).ports:
            both = m[f"{stem}_port_{p}_import"] + m[f"{stem}_port_{p}_export"]
            assert both == pytest.approx(m[f"{stem}_port_{p}"])
    rows = kind_rows(m)
    at = rows.index("detection_rate_counterfeit")
    assert rows[at + 1:at + 1 + len(IPR_ROWS)] == IPR_ROWS
    assert not any(r.startswith("ipr_") for r in kind_rows(off.metrics()))


def test_the_shares_and_days_held_are_given_by_direction_from_that_directions_counts(runs):
    """An exporter's question (China's IPR detentions are mostly of exports): the share of
    its suspected goods released, and the days the detained are held, of exports alone."""
    _, on = runs
    m = on.metrics()
    for d in ("import", "export"):
        r, u = m[f"ipr_suspected_recorded_{d}"], m[f"ipr_suspected_unrecorded_{d}"]
        assert r + u > 0, d
        assert m[f"ipr_unconfirmed_share_{d}"] == pytest.approx(0.3 * r / (r + u))
        assert m[f"ipr_released_share_{d}"] == pytest.approx((0.3 * r + 0.9 * u) / (r + u))
        held = (0.7 * r * 33 + 0.1 * u * 20) * CALENDAR_PER_WORKING_DAY
        assert m[f"ipr_detained_days_mean_{d}"] == pytest.approx(held / (0.7 * r + 0.1 * u))
    assert m["ipr_released_share_import"] != m["ipr_released_share_export"]


def test_the_days_held_are_not_called_an_upper_bound():
    """The legal limits bound no hold from above: goods awaiting a court may be held to 50
    working days (art. 24(2)), and a court's order holds them longer; the fields say so."""
    from sim.scenario.ipr import IprProcedure

    fields = IprProcedure.model_fields
    said = " ".join(str(fields[f].description) for f in ("investigation_days", "court_days"))
    assert "upper bound)" not in said and "50 working days, art. 24(2)" in said
    page = (Path(__file__).resolve().parents[1] / "docs" / "counterfeits.md").read_text()
    assert "limits, an upper bound" not in page and "), an upper bound" not in page
