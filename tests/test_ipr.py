"""Suspected counterfeits after their finding (``enforcement.ipr``, sim.model.ipr): off by
default (no metric, no key in the scenario's dump), the suspected counts agree with the log,
the split follows the holder's reply drawn per consignment (converging to its shares, paired
across options), goods released after the reply are released the reply days later, ports
add up, and bad input is refused."""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pytest

import sim
from sim.scenario.ipr import CALENDAR_PER_WORKING_DAY
from tests.ipr_cases import FAKES, SMALL

IPR = {"holder_confirms": 0.7, "holder_applies": 0.1, "storage_per_day": 50.0}
ON = {**FAKES, "enforcement.ipr": IPR}


@pytest.fixture(scope="module")
def runs() -> tuple[sim.RunResult, sim.RunResult]:
    off = sim.simulate(sim.load_scenario(SMALL, FAKES), 3)
    on = sim.simulate(sim.load_scenario(SMALL, ON), 3, log=True)
    return off, on


def _suspected(log):
    """The log's counterfeits found before release (in the cohort)."""
    fakes = log[log.cohort & (log.illicit == "counterfeit")]
    return fakes[fakes.found_by.astype(str).isin(["document", "exam", "quarantine"])]


def test_off_by_default_and_with_every_holder_asking_it_changes_no_other_figure(runs):
    """Without the procedure no ipr_* metric; with it and every holder asking for detention,
    every suspected consignment is detained as before: no other figure moves (the hold
    touches only the goods released after the reply)."""
    off, _ = runs
    m_off = off.metrics()
    assert not any(k.startswith("ipr_") for k in m_off)
    every = {**IPR, "holder_confirms": 1.0, "holder_applies": 1.0}
    m_on = sim.simulate(sim.load_scenario(SMALL, {**FAKES, "enforcement.ipr": every}), 3).metrics()
    added = set(m_on) - set(m_off)
    assert added and all(k.startswith("ipr_") for k in added)
    for k, v in m_off.items():
        assert m_on[k] == v or (v != v and m_on[k] != m_on[k]), k  # (NaN == NaN here)
    assert "ipr" not in sim.load_scenario(SMALL, FAKES).enforcement.model_dump()


def test_suspected_counts_agree_with_the_log_and_the_holders_drawn_reply(runs):
    """Every counterfeit found before release is suspected, recorded or not as the log's
    ``recorded`` column says; it is detained exactly when its holder asked
    (``holder_reply``), else released after the reply days; at every port, whole counts."""
    _, on = runs
    m, fakes = on.metrics(), _suspected(on.log)
    asked = fakes.holder_reply.astype(bool)
    assert ((fakes.outcome == "detained") == asked).all()
    assert fakes.outcome[~asked].isin(["released", "censored"]).all()
    assert m["ipr_suspected_recorded"] > 0 and m["ipr_suspected_unrecorded"] > 0
    for port, g in fakes.groupby("port", observed=True):
        rec, ask = g.recorded.astype(bool), g.holder_reply.astype(bool)
        assert m[f"ipr_suspected_recorded_port_{port}"] == rec.sum(), port
        assert m[f"ipr_suspected_unrecorded_port_{port}"] == len(g) - rec.sum(), port
        assert m[f"ipr_detained_port_{port}"] == ask.sum(), port
        assert m[f"ipr_released_unconfirmed_port_{port}"] == (rec & ~ask).sum(), port
        assert m[f"ipr_released_unprotected_port_{port}"] == (~rec & ~ask).sum(), port
    both = m["ipr_suspected_recorded"] + m["ipr_suspected_unrecorded"]
    assert both == len(fakes)
    assert both == on.enforcement.query("truth == 'counterfeit'").detected.sum()


def test_the_drawn_replies_converge_to_the_shares_within_a_binomial_interval():
    """Over every counterfeit made (the draw is made for each, found or not), the share of
    holders asking is inside the 99.9 % Clopper-Pearson interval of its count: recorded
    brands at ``holder_confirms``, the others at ``holder_applies``."""
    from scipy.stats import binomtest

    many = {**ON, "enforcement.prevalence": {"counterfeit": 0.3}}
    log = sim.simulate(sim.load_scenario(SMALL, many), 1, log=True).log
    fakes = log[log.illicit == "counterfeit"]
    for recorded, share in ((True, 0.7), (False, 0.1)):
        g = fakes[fakes.recorded.astype(bool) == recorded]
        k, n = int(g.holder_reply.astype(bool).sum()), len(g)
        assert n > 500, n
        ci = binomtest(k, n, share).proportion_ci(confidence_level=0.999)
        assert ci.low <= share <= ci.high, (recorded, k, n)
    assert not log[log.illicit != "counterfeit"].holder_reply.astype(bool).any()


def test_the_detained_days_follow_the_drawn_counts_and_the_legal_days(runs):
    _, on = runs
    m = on.metrics()
    r, u = m["ipr_suspected_recorded"], m["ipr_suspected_unrecorded"]
    unconfirmed, unprotected = m["ipr_released_unconfirmed"], m["ipr_released_unprotected"]
    assert m["ipr_detained"] + unconfirmed + unprotected == r + u
    assert m["ipr_unconfirmed_share"] == pytest.approx(unconfirmed / (r + u))
    assert m["ipr_released_share"] == pytest.approx((unconfirmed + unprotected) / (r + u))
    days = ((r - unconfirmed) * (3 + 30) + (u - unprotected) * 20) * CALENDAR_PER_WORKING_DAY
    assert m["ipr_holder_days"] == pytest.approx(days)
    assert m["ipr_detained_days_mean"] == pytest.approx(days / m["ipr_detained"])
    assert m["ipr_storage_cost"] == pytest.approx(50.0 * days)
    ports = list(sim.load_scenario(SMALL).ports)
    for stem in ("ipr_detained", "ipr_released_unconfirmed", "ipr_holder_days"):
        assert sum(m[f"{stem}_port_{p}"] for p in ports) == pytest.approx(m[stem])


def test_goods_released_after_the_reply_are_released_the_reply_days_later():
    """Paired with reply_days = 0 (same seed): a suspended consignment's release is later by
    exactly the reply days (3 working days, 7/5 calendar days each) when nothing else holds
    it (no laboratory sample: one taken after the hold waits for its own cut-off); its
    clearance metric is the log's mean from arrival to release."""
    hold = 3 * CALENDAR_PER_WORKING_DAY * 24
    on = {**ON, "enforcement.ipr": {**IPR, "holder_confirms": 0.3}}  # (more left unconfirmed)
    logs = []
    for days in (3.0, 0.0):
        scenario = sim.load_scenario(SMALL, {**on, "enforcement.ipr.reply_days": days})
        result = sim.simulate(scenario, 3, log=True)
        logs.append(_suspected(result.log).set_index(["port", "index"]))
    held, now = logs
    held = held[held.recorded.astype(bool) & ~held.holder_reply.astype(bool)
                & held.released.notna()]
    assert len(held) >= 3
    later = held.released - now.released.loc[held.index]
    plain = held.lab_start.isna()
    assert plain.sum() >= 3
    assert np.allclose(later[plain], hold, rtol=0, atol=1e-9)
    assert np.allclose(held.released[plain] - held.inspected[plain], hold, rtol=0, atol=1e-9)
    assert (held.released >= held.inspected + hold - 1e-9).all()
    m = sim.simulate(sim.load_scenario(SMALL, on), 3).metrics()
    assert m["ipr_clearance_time_mean"] == pytest.approx((held.released - held.arrived).mean())
    assert m["ipr_clearance_time_mean"] > hold > m["clearance_h_mean"]


def test_the_reply_is_paired_across_options_and_varies_by_replication():
    """A higher confirmation rate detains the same consignments and more (one uniform each:
    the options pair); the counts are drawn, so replications differ."""
    fakes = {}
    for confirms in (0.5, 0.9):
        ipr = {**IPR, "holder_confirms": confirms}
        log = sim.simulate(sim.load_scenario(SMALL, {**ON, "enforcement.ipr": ipr}), 3,
                           log=True).log
        fakes[confirms] = _suspected(log).set_index(["port", "index"])
    low, high = fakes[0.5], fakes[0.9]
    assert low.index.equals(high.index)
    asked_low, asked_high = low.holder_reply.astype(bool), high.holder_reply.astype(bool)
    assert (asked_high | ~asked_low).all() and asked_high.sum() > asked_low.sum()
    detained = {sim.simulate(sim.load_scenario(SMALL, ON), seed).metrics()["ipr_detained"]
                for seed in (1, 2, 3)}
    assert len(detained) > 1 and all(float(d).is_integer() for d in detained)


def test_recordation_buys_detentions_only_through_the_holders_reply():
    """With no brand recorded every suspected counterfeit rests on the holder's own
    application; recording them all and confirming every notice detains all found."""
    none = sim.simulate(sim.load_scenario(SMALL, {**ON, "enforcement.recordation.share": 0}), 1)
    m = none.metrics()
    assert m["ipr_suspected_recorded"] == 0 and m["ipr_released_unconfirmed"] == 0
    assert m["ipr_released_unprotected"] > m["ipr_detained"]
    assert math.isclose(m["ipr_detained_days_mean"], 20 * CALENDAR_PER_WORKING_DAY)
    assert math.isnan(m["ipr_clearance_time_mean"])  # (none held for a reply)
    every = {**ON, "enforcement.recordation.share": 1,
             "enforcement.ipr": {**IPR, "holder_confirms": 1}}
    m = sim.simulate(sim.load_scenario(SMALL, every), 1).metrics()
    assert m["ipr_suspected_unrecorded"] == 0 and m["ipr_detained"] > 0
    assert m["ipr_released_share"] == 0 and math.isnan(m["ipr_clearance_time_mean"])
    assert np.isclose(m["ipr_detained_days_mean"], 33 * CALENDAR_PER_WORKING_DAY)


def test_goods_of_a_brand_not_recorded_are_not_held_for_a_reply():
    """Customs do not suspend an unrecorded brand's goods on their own initiative (IPR
    Regulations arts. 12-14; the reply of art. 16 is to a notice on a recorded right): with
    no brand recorded the reply days change no figure, as ``bordersim check`` says."""
    base = {**ON, "enforcement.recordation.share": 0}
    m3, m0 = (sim.simulate(sim.load_scenario(SMALL, {**base, "enforcement.ipr.reply_days": d}),
                           1).metrics() for d in (3.0, 0.0))
    assert m3["ipr_released_unprotected"] > 0
    for k, v in m0.items():
        assert m3[k] == v or (v != v and m3[k] != m3[k]), k  # (NaN == NaN here)


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


def test_the_pages_by_port_figures_add_up():
    """docs/counterfeits.md's table by port (drawn replies, the legal days): each row's
    detained and released add up to its suspected, the unconfirmed are at most the recorded,
    the days held lie between the detained's shortest and longest legal hold, and the ports
    add up to the pooled table's figures."""
    page = (Path(__file__).parents[1] / "docs" / "counterfeits.md").read_text()
    rows = re.findall(r"^\| (\w+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) "
                      r"\| ([\d.]+) \|$", page, re.M)
    assert [r[0] for r in rows] == ["sea_port", "land_border", "airport", "post_hub"]
    day = CALENDAR_PER_WORKING_DAY
    for _, *figures in rows:
        r, u, detained, unconfirmed, unprotected, days = map(float, figures)
        assert detained + unconfirmed + unprotected == pytest.approx(r + u, abs=0.02)
        assert unconfirmed <= r + 0.01 and unprotected <= u + 0.01
        assert detained * 20 * day - 0.5 <= days <= detained * 33 * day + 0.5
    total = sum(float(r[3]) for r in rows)
    assert "| detained (`ipr_detained`) | 3.3 | 24.0 |" in page and round(total, 1) == 24.0


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
    its suspected goods released, the days the detained are held, and the clearance of the
    goods released after the reply, of exports alone."""
    _, on = runs
    m, fakes = on.metrics(), _suspected(on.log)
    for d in ("import", "export"):
        r, u = m[f"ipr_suspected_recorded_{d}"], m[f"ipr_suspected_unrecorded_{d}"]
        unconfirmed = m[f"ipr_released_unconfirmed_{d}"]
        unprotected = m[f"ipr_released_unprotected_{d}"]
        assert r + u > 0, d
        assert m[f"ipr_unconfirmed_share_{d}"] == pytest.approx(unconfirmed / (r + u))
        assert m[f"ipr_released_share_{d}"] == pytest.approx((unconfirmed + unprotected) / (r + u))
        held = ((r - unconfirmed) * 33 + (u - unprotected) * 20) * CALENDAR_PER_WORKING_DAY
        assert m[f"ipr_detained_days_mean_{d}"] == pytest.approx(held / m[f"ipr_detained_{d}"])
        g = fakes[(fakes.direction == d) & fakes.recorded.astype(bool)
                  & ~fakes.holder_reply.astype(bool)]
        g = g[g.released.notna()]
        want = (g.released - g.arrived).mean() if len(g) else math.nan
        assert m[f"ipr_clearance_time_mean_{d}"] == pytest.approx(want, nan_ok=True), d


def test_the_days_held_are_not_called_an_upper_bound():
    """The legal limits bound no hold from above: goods awaiting a court may be held to 50
    working days (art. 24(2)), and a court's order holds them longer; the fields say so."""
    from sim.scenario.ipr import IprProcedure

    fields = IprProcedure.model_fields
    said = " ".join(str(fields[f].description) for f in ("investigation_days", "court_days"))
    assert "upper bound)" not in said and "50 working days, art. 24(2)" in said
    page = (Path(__file__).resolve().parents[1] / "docs" / "counterfeits.md").read_text()
    assert "limits, an upper bound" not in page and "), an upper bound" not in page
