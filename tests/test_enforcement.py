"""Enforcement: seizures come from prevalence x selection x detection; the three layers of
results (truth, effectiveness, what customs sees) agree with the per-consignment log."""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import sim
from sim.model.finders import found_in_log
from sim.model.truth import pest_detection

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
BEILUN = Path(__file__).parent.parent / "scenarios" / "beilun-border.toml"
NOTHING = {"declaration.review_share": {}, "selection": {}}  # nothing checked, nothing reviewed
ROOMY = {  # desks, scanners and a yard that never queue, so no consignment is censored
    "ports.sea.document_check.capacity": 200,
    "ports.sea.scan.scanners": {"capacity": 200, "service": "8 min"},
    "ports.sea.scan.image_review.officers.capacity": 200,
    "ports.sea.exam.bays.capacity": 200,
    "ports.sea.exam.teams.capacity": 200,
    "ports.sea.exam.movers.capacity": 200,
    "ports.sea.exam.slots.capacity": "unlimited",
}


def run(over: dict, seed: int = 3, log: bool = True) -> sim.RunResult:
    return sim.simulate(sim.load_scenario(SMALL, over), seed, log=log)


def wilson(k: int, n: int, z: float = 3.29) -> tuple[float, float]:
    """Wilson interval of a binomial share (z = 3.29: 99.9 %)."""
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def random_exams(r: float, p: float) -> dict:
    """Random physical exams at rate r of goods that carry tobacco with probability 0.3;
    an exam finds it with probability p; no other check."""
    return {
        **NOTHING,
        **ROOMY,
        "selection.physical": {"*": {"*": r}},
        "enforcement.prevalence": {"tobacco": 0.3},
        "enforcement.by_commodity": {},
        "enforcement.detection.exam": {"tobacco": p},
    }


@pytest.mark.parametrize(("r", "p"), [(0.3, 0.6), (0.1, 0.9)])
def test_random_selection_detects_r_times_p(r: float, p: float):
    m = run(random_exams(r, p), log=False).metrics()
    n = int(m["illicit_declarations"])
    k = round(m["detection_rate"] * n)
    low, high = wilson(k, n)
    assert n > 1000
    assert low <= r * p <= high, f"detection {k}/{n} outside the 99.9 % interval of r x p"


def test_every_detection_is_an_inspected_illicit_consignment_and_seized():
    r = run(random_exams(0.3, 0.6))
    log = r.log[r.log.cohort]
    caught = log[log.outcome == "seized"]
    assert len(caught) > 50
    assert (caught.illicit == "tobacco").all() and caught.exam_start.notna().all()
    assert caught.exam_finds.all()
    compliant = log[log.illicit == "compliant"]
    assert compliant.outcome.isin(["released", "censored"]).all()  # no false seizure
    m = r.metrics()
    assert m["detection_rate"] * m["illicit_declarations"] == pytest.approx(len(caught))
    # what customs sees: hits per physical exam
    exams = int(log.exam_start.notna().sum())
    assert m["hit_rate_physical"] == pytest.approx(len(caught) / exams)


def test_the_truth_layer_counts_what_arrived_whatever_was_found():
    a = run(random_exams(0.3, 0.6), log=False).metrics()
    b = run(random_exams(0.05, 0.6), log=False).metrics()
    assert a["illicit_tobacco"] == b["illicit_tobacco"] > 0  # the same consignments
    assert a["detection_rate"] > b["detection_rate"]
    assert a["value_slipped"] < b["value_slipped"]


def test_a_document_alarm_sends_goods_to_an_exam_and_a_false_alarm_burdens_the_compliant():
    over = {
        **NOTHING,
        **ROOMY,
        "selection.document": {"*": {"*": 1.0}},
        "enforcement.prevalence": {"counterfeit": 0.2},
        "enforcement.by_commodity": {},
        "enforcement.detection.document": {"counterfeit": 0.5},
        "enforcement.detection.document_false_alarm": 0.1,
        "enforcement.detection.exam": {"counterfeit": 1.0},
    }
    log = run(over).log
    log = log[log.cohort & (log.outcome != "censored")]
    examined = log.exam_start.notna()
    assert (examined == log.doc_alarm).all()  # exactly the alarms are examined
    compliant = log[log.illicit == "compliant"]
    assert compliant.doc_alarm.mean() == pytest.approx(0.1, abs=0.02)
    fake = log[log.illicit == "counterfeit"]
    assert (fake[fake.doc_alarm].outcome == "detained").all()  # IPR: detained, not seized
    assert (fake[~fake.doc_alarm].outcome == "released").all()


def test_undervaluation_found_on_the_papers_is_reassessed_and_released():
    over = {
        **NOTHING,
        **ROOMY,
        "selection.document": {"*": {"*": 1.0}},
        "enforcement.prevalence": {"undervaluation": 0.2},
        "enforcement.by_commodity": {},
        "enforcement.detection.document": {"undervaluation": 0.5},
    }
    r = run(over)
    log = r.log[r.log.cohort]
    under = log[log.illicit == "undervaluation"]
    assert (under.outcome == "released").all() and under.exam_start.isna().all()
    np.testing.assert_allclose(under.true_value, 1.5 * under.value)
    m = r.metrics()
    assert m["detection_rate_undervaluation"] == pytest.approx(under.doc_alarm.mean())
    assert m["value_seized"] == 0.0


def test_the_pest_sampling_plan_is_hypergeometric():
    # 1 container of 1000 units, 2 % infested, a sample of 150, a perfect lab
    (p,) = pest_detection(np.array([1000]), 0.02, 150, 1.0)
    miss = math.comb(980, 150) / math.comb(1000, 150)
    assert p == pytest.approx(1 - miss, rel=1e-9)
    assert pest_detection(np.array([1000]), 0.0, 150, 1.0)[0] == 0.0
    # the whole consignment sampled: certain, times the lab's sensitivity
    assert pest_detection(np.array([100]), 0.1, 150, 0.9)[0] == pytest.approx(0.9)


def test_more_ai_auto_clearance_lets_more_value_slip():
    """The auto-clear miss rate: clearing more images by AI misses more of what they show."""
    base = {
        **NOTHING,
        **ROOMY,
        "selection.scan": {"*": {"*": 1.0}},
        "ports.sea.scan.image_review.ai_share": 1.0,
        "enforcement.prevalence": {"tobacco": 0.05},
        "enforcement.by_commodity": {},
        "enforcement.detection.scan": {"tobacco": 0.9},
        "enforcement.detection.officer": 1.0,
        "enforcement.detection.exam": {"tobacco": 1.0},
    }
    got = {}
    for share in (0.5, 0.9):
        got[share] = run({**base, "ports.sea.scan.image_review.ai_clear": share}).metrics()
    assert got[0.9]["value_slipped"] > got[0.5]["value_slipped"]
    assert got[0.9]["detection_rate"] < got[0.5]["detection_rate"]
    # AUC 0.9: the share of images that show something yet are cleared, from the binormal
    d = math.sqrt(2) * stats.norm.ppf(0.9)
    for share, m in got.items():
        missed = stats.norm.cdf(stats.norm.ppf(share) - d)  # P(score below the threshold)
        expected = 0.9 * (1 - missed)  # the image shows it, and AI does not clear it
        n = int(m["illicit_declarations"])
        low, high = wilson(round(m["detection_rate"] * n), n)
        assert low <= expected <= high, (share, m["detection_rate"], expected)


def test_prevalence_that_adds_up_to_more_than_one_is_refused():
    with pytest.raises(sim.ScenarioError, match=r"enforcement.prevalence: at port sea"):
        sim.load_scenario(SMALL, {"enforcement.prevalence": {"frozen": 0.6, "pest": 0.6}})


def test_an_unknown_illicit_type_is_refused_with_the_allowed_ones():
    with pytest.raises(sim.ScenarioError, match=r"unknown illicit type 'cocaine'.*tobacco"):
        sim.load_scenario(SMALL, {"enforcement.prevalence": {"cocaine": 0.1}})


def test_burden_is_the_share_of_compliant_goods_inspected():
    r = run({**NOTHING, **ROOMY, "selection.physical": {"*": {"*": 0.2}}})
    log = r.log[r.log.cohort]
    compliant = log[log.illicit == "compliant"]
    inspected = compliant.exam_start.notna() | compliant.scan_start.notna()
    assert r.metrics()["burden_share"] == pytest.approx(inspected.mean())
    daily = r.enforcement_daily
    assert daily.declarations.sum() == len(log) and daily.day.nunique() == 7


def test_the_daily_series_is_per_port_and_direction_and_agrees_with_the_log():
    """Each (day, port, direction) row counts the cohort's declarations, illicit ones and
    inspected ones of the log that arrived that day; a day without any shows as 0."""
    s = sim.load_scenario(sim.default_scenario_path(), {"days": 4, "warmup_days": 1})
    r = sim.simulate(s, 2, log=True)
    log = r.log[r.log.cohort].assign(day=lambda x: ((x.arrived - 24) // 24).astype(int))
    keys = ["day", "port", "direction"]
    daily = r.enforcement_daily.set_index(keys)
    assert set(daily.index.get_level_values("direction")) == {"import", "export"}
    assert len(daily) == 4 * daily.reset_index().groupby(["port", "direction"]).ngroups
    log = log.astype({"port": str, "direction": str})
    counted = log.groupby(keys).agg(
        declarations_log=("illicit", "size"),
        illicit_log=("illicit", lambda x: int((x != "compliant").sum())),
    )
    joined = daily[["declarations", "illicit"]].join(counted).fillna(0)
    assert (joined.declarations == joined.declarations_log).all()
    assert (joined.illicit == joined.illicit_log).all()
    assert joined.declarations_log.sum() == len(log)


def test_the_daily_series_keeps_checks_and_audit_finds_apart_as_the_table_does():
    """Summed over days, the daily series gives the enforcement table's counts by port and
    direction: ``detected`` before release only (so daily detected / (illicit - held) is
    detection_rate), finds after release in ``audit_detected``."""
    s = sim.load_scenario(BEILUN, {"warmup_days": 3.5, "days": 14})
    r = sim.simulate(s, 1)
    keys = ["port", "direction"]
    daily = r.enforcement_daily.groupby(keys)[
        ["declarations", "illicit", "detected", "audit_detected"]
    ].sum()
    e = r.enforcement.assign(illicit=lambda x: x.declarations.where(x.truth != "compliant", 0))
    table = e.groupby(keys)[["declarations", "illicit", "detected", "audit_detected"]].sum()
    assert table["audit_detected"].sum() > 0  # (else the test shows nothing)
    assert (daily == table.loc[daily.index]).all().all()
    m = r.metrics()
    known = daily["illicit"].sum() - r.enforcement_daily["held"].sum()
    assert daily["detected"].sum() / known == pytest.approx(m["detection_rate"])
    assert r.enforcement_daily["day"].min() == 0 and r.enforcement_daily["day"].max() == 13


def _explained(heading: str) -> set[str]:
    """The column names of the table under ``heading`` in how-results-are-computed.md."""
    text = (BEILUN.parent.parent / "docs" / "how-results-are-computed.md").read_text()
    section = text.split(heading)[1].split("\n\n**")[0].split("\n\n## ")[0]
    return {
        name
        for line in section.splitlines()
        if line.startswith("| `")
        for name in re.findall(r"`([a-z_0-9]+)`", line.split("|")[1])
    }


def test_every_column_of_the_daily_and_smuggling_tables_is_explained():
    """The daily enforcement series and the smuggling table: each column a run gives has a
    row in docs/how-results-are-computed.md, and nothing is explained that no run gives."""
    s = sim.load_scenario(BEILUN, {"warmup_days": 1, "days": 2, "drain_days": 2})
    r = sim.simulate(s, 1)
    assert set(r.enforcement_daily.columns) == _explained("**The daily enforcement series**")
    assert r.smuggling is not None
    assert set(r.smuggling.columns) == _explained("**The smuggling table**")


def test_the_truth_is_kept_apart_by_direction_and_agrees_with_the_log():
    """Imports and exports apart: each (port, direction, truth) row counts the cohort's
    declarations of the log, and the direction rates recombine to the overall rate."""
    s = sim.load_scenario(sim.default_scenario_path(), {"days": 7, "warmup_days": 0})
    r = sim.simulate(s, 2, log=True)
    log = r.log[r.log.cohort]
    table = r.enforcement.set_index(["port", "direction", "truth"])["declarations"]
    counted = log.groupby(["port", "direction", "illicit"], observed=True).size()
    counted.index.names = table.index.names
    assert set(table.index.get_level_values("direction")) == {"import", "export"}
    assert table.sort_index().to_dict() == counted[counted > 0].sort_index().to_dict()
    m, e = r.metrics(), r.enforcement[r.enforcement.truth != "compliant"]
    by = e.groupby("direction")[["declarations", "detected"]].sum()
    for d in ("import", "export"):
        assert m[f"detection_rate_{d}"] == by.detected[d] / by.declarations[d]
    assert m["detection_rate"] == pytest.approx(by.detected.sum() / by.declarations.sum())
    assert m["detection_rate_export"] != m["detection_rate_import"]


def _burden_from_log(log: pd.DataFrame) -> tuple[float, dict[str, float]]:
    """The hours an inspection adds to compliant goods, within each port and direction,
    weighted by the inspected ones; and per port."""
    ok = log[(log.illicit == "compliant") & (log.outcome == "released")].assign(
        t=lambda x: x.released - x.arrived,
        inspected=lambda x: x[["scan_start", "exam_start", "quarantine_start"]].notna().any(axis=1),
    )
    g = ok.groupby(["port", "direction", "inspected"], observed=True).t.agg(["mean", "size"])
    g = g.unstack("inspected").dropna()
    diff, w = g["mean"][True] - g["mean"][False], g["size"][True]
    ports = {p: float((diff[p] * w[p]).sum() / w[p].sum()) for p in diff.index.levels[0]
             if p in diff.index.get_level_values(0)}
    return float((diff * w).sum() / w.sum()), ports


def test_the_burden_on_clearance_is_compared_within_each_port_and_direction():
    """An inspection's added hours are compared port by port: a fast hub that scans nearly
    everything must not cancel the slower ports' inspections by pooling."""
    s = sim.load_scenario(sim.default_scenario_path(), {"days": 3, "warmup_days": 1})
    r = sim.simulate(s, 2, log=True)
    m, (pooled, ports) = r.metrics(), _burden_from_log(r.log[r.log.cohort])
    assert m["burden_clearance_h"] == pytest.approx(pooled)
    for port, hours in ports.items():
        assert m[f"burden_clearance_h_port_{port}"] == pytest.approx(hours)
    assert min(ports.values()) > 0 and m["burden_clearance_h"] > 1


def test_undervaluation_counts_only_its_hidden_value_and_values_partition():
    """Undervalued goods are legal: their illicit value is the hidden part (true - declared
    value), other types' the whole true value; found before + after release + slipped make
    the illicit value, and what was seized is a part of what was found."""
    s = sim.load_scenario(sim.default_scenario_path(), {"days": 3, "warmup_days": 1})
    r = sim.simulate(s, 2, log=True)
    log = r.log[r.log.cohort].astype({"port": str, "direction": str, "illicit": str}).copy()
    under = log.illicit == "undervaluation"
    log = log.assign(v=np.where(under, log.true_value - log.value, log.true_value))
    assert (log.v[under] > 0).all() and (log.v[under] < log.true_value[under]).all()
    e = r.enforcement.set_index(["port", "direction", "truth"])
    counted = log.groupby(["port", "direction", "illicit"]).v.sum()
    assert e.value.to_dict() == pytest.approx(counted.loc[e.index].to_dict())
    u = e.xs("undervaluation", level="truth").sum()
    assert u.detected_value > 0 and u.seized_value == 0
    bad = e.drop("compliant", level="truth").sum()
    found = bad.detected_value + bad.audit_detected_value
    assert (e.seized_value <= e.detected_value + e.audit_detected_value + 1e-6).all()
    m = r.metrics()
    assert found + m["value_slipped"] == pytest.approx(bad.value)
    assert m["value_seized"] == pytest.approx(bad.seized_value)
    assert m["detection_rate_value"] == pytest.approx(bad.detected_value / bad.value)


def test_inspection_rates_per_port_and_class_agree_with_the_log():
    """Each port's inspection rate, and each class's at each port (a quarantine check alone
    counts), are the log's; the pooled rate is the ports' weighted by their declarations."""
    s = sim.load_scenario(sim.default_scenario_path(), {"days": 3, "warmup_days": 1})
    r = sim.simulate(s, 2, log=True)
    log = r.log[r.log.cohort].astype({"port": str, "trader_class": str})
    checks = ["scan_start", "exam_start", "quarantine_start"]
    log = log.assign(inspected=log[checks].notna().any(axis=1))
    assert log[checks].notna().eq([False, False, True]).all(axis=1).any()  # quarantine alone
    m = r.metrics()
    by_port = log.groupby("port").inspected.mean()
    assert len(by_port) == len(s.ports) and by_port.max() > 0.9 > 0.5 > by_port.min()
    for port, rate in by_port.items():
        assert m[f"inspection_rate_port_{port}"] == pytest.approx(rate)
    for (port, cls), rate in log.groupby(["port", "trader_class"]).inspected.mean().items():
        assert m[f"inspection_rate_{cls}_port_{port}"] == pytest.approx(rate)
    assert m["inspection_rate"] == pytest.approx(log.inspected.mean())


def test_illicit_goods_still_held_at_the_end_are_neither_slipped_nor_in_detection_rates():
    """Without a drain some illicit declarations are still held by customs, undetected, when
    the run ends: their outcome is not known. They are counted apart (``illicit_held``,
    ``value_held``, the tables' ``held``), not as slipped, and left out of every detection
    rate's denominator; goods released by customs but not yet out did slip."""
    s = sim.load_scenario(BEILUN, {"days": 7, "drain_days": 0, "warmup_days": 7})
    r = sim.simulate(s, 1, log=True)
    log = r.log[r.log.cohort & (r.log.illicit.astype(str) != "compliant")]
    held = log[(log.outcome.astype(str) == "censored") & log.released.isna()]  # (none found)
    m = r.metrics()
    assert m["illicit_held"] == len(held) > 0
    v = np.where(held.illicit.astype(str) == "undervaluation",
                 held.true_value - held.value, held.true_value)
    assert m["value_held"] == pytest.approx(v.sum())
    bad = r.enforcement[r.enforcement.truth != "compliant"].sum(numeric_only=True)
    assert bad.held == len(held)
    found = bad.detected_value + bad.audit_detected_value
    assert found + m["value_slipped"] + m["value_held"] == pytest.approx(bad.value)
    known = bad.declarations - bad.held
    assert m["detection_rate"] == pytest.approx(bad.detected / known)
    value_known = bad.value - bad.held_value
    assert m["detection_rate_value"] == pytest.approx(bad.detected_value / value_known)
    daily = r.enforcement_daily.sum(numeric_only=True)
    assert daily.held == len(held)
    assert daily.detected / (daily.illicit - daily.held) == pytest.approx(m["detection_rate"])
    ports = [m[f"detection_rate_port_{p}"] for p in s.ports]
    e = r.enforcement[r.enforcement.truth != "compliant"].groupby("port")
    by_port = e.detected.sum() / (e.declarations.sum() - e.held.sum())
    assert ports == pytest.approx([by_port[p] for p in s.ports])


def test_what_customs_sees_is_kept_apart_for_imports_and_exports_and_agrees_with_the_log():
    """Inspection, document check, seizure and burden rates and each class's inspection rate,
    for imports and exports apart (China publishes them apart), are the log's; each check's
    hit rate by direction pools to the pooled one, weighted by the checks done."""
    s = sim.load_scenario(sim.default_scenario_path(), {"days": 3, "warmup_days": 1})
    r = sim.simulate(s, 2, log=True)
    log = r.log[r.log.cohort].astype({"direction": str, "trader_class": str}).copy()
    log = log.assign(
        inspected=log[["scan_start", "exam_start", "quarantine_start"]].notna().any(axis=1),
        documents=log.doc_start.notna(),
        caught=log.outcome.astype(str).isin(["seized", "detained", "rejected"]),
    )
    m = r.metrics()
    rates = {}
    for direction, rows in log.groupby("direction"):
        rates[direction] = rows.inspected.mean()
        assert m[f"inspection_rate_{direction}"] == pytest.approx(rows.inspected.mean())
        assert m[f"document_check_rate_{direction}"] == pytest.approx(rows.documents.mean())
        assert m[f"seizures_per_1000_{direction}"] == pytest.approx(1000 * rows.caught.mean())
        compliant = rows[rows.illicit.astype(str) == "compliant"]
        assert m[f"burden_share_{direction}"] == pytest.approx(compliant.inspected.mean())
        for cls, rate in rows.groupby("trader_class").inspected.mean().items():
            assert m[f"inspection_rate_{cls}_{direction}"] == pytest.approx(rate)
    assert abs(rates["import"] - rates["export"]) > 0.05  # the two differ: not the pooled twice
    # compliant goods declarations alone: the post hub's parcels, nearly all scanned, apart
    goods = log[(log.port.astype(str) != "post_hub") & (log.illicit.astype(str) == "compliant")]
    assert m["burden_share_goods"] == pytest.approx(goods.inspected.mean(), rel=1e-12)
    assert m["burden_share"] > 2 * m["burden_share_goods"]
    n = log.groupby("direction").size()
    pooled = (n["import"] * rates["import"] + n["export"] * rates["export"]) / n.sum()
    assert m["inspection_rate"] == pytest.approx(pooled)
    for check, did in (("document", log.documents), ("physical", log.exam_start.notna())):
        done = did.groupby(log.direction).sum()
        hits = sum(m[f"hit_rate_{check}_{d}"] * done[d] for d in ("import", "export"))
        assert m[f"hit_rate_{check}"] == pytest.approx(hits / done.sum())


def test_the_audits_finds_count_by_the_runs_end_only_once_due_after_its_lag():
    """A post-clearance audit finds goods its lag after their release: the eventual
    ``detection_rate_by_audit`` does not depend on the lag, ``..._by_end`` counts only the
    finds due (release + lag) by the run's end, as recomputed from the log."""
    base = {"days": 3, "warmup_days": 1, "drain_days": 4, "enforcement.audit.share": 0.6}
    path = sim.default_scenario_path()
    runs = {
        lag: sim.simulate(sim.load_scenario(path, {**base, "enforcement.audit.lag": lag}), 1,
                          log=True)
        for lag in ("4 d", "365 d")
    }  # fmt: skip
    short, long = (runs[k].metrics() for k in runs)
    assert short["detection_rate_by_audit"] == long["detection_rate_by_audit"] > 0
    assert long["detection_rate_by_audit_by_end"] == 0
    assert 0 < short["detection_rate_by_audit_by_end"] < short["detection_rate_by_audit"]
    log = runs["4 d"].log
    log = log[log.cohort & (log.outcome == "released")]
    illicit = log.illicit != "compliant"
    col = {c: log[c].cat.codes.to_numpy() if hasattr(log[c], "cat") else log[c].to_numpy()
           for c in log.columns}  # fmt: skip
    before = found_in_log(col)
    after = log.tax_reviewed.notna() | log.recovered.notna()  # (neither here: the audit's)
    assert not (illicit & after).any()
    audit = illicit & ~before & log.audit_finds.astype(bool)
    end = (base["warmup_days"] + 3 + base["drain_days"]) * 24
    due = audit & (log.released + log.audit_lag <= end)
    n = short["illicit_declarations"] - short["illicit_held"]
    assert short["detection_rate_by_audit"] == pytest.approx(audit.sum() / n)
    assert short["detection_rate_by_audit_by_end"] == pytest.approx(due.sum() / n)


def test_finds_after_release_are_credited_only_for_goods_released():
    """Goods still held when the run ends were never released, so no after-release check
    (tax review, recall, audit) is credited with them: the finders add up to
    ``detection_rate_with_audit`` even with goods held at the end."""
    over = {"days": 3, "warmup_days": 1, "drain_days": 0, "enforcement.audit.share": 0.6}
    m = sim.simulate(sim.load_scenario(sim.default_scenario_path(), over), 1).metrics()
    assert m["illicit_held"] > 0  # (else the test shows nothing)
    after = sum(m[f"detection_rate_by_{f}"] for f in ("review", "recall", "audit"))
    assert m["detection_rate_with_audit"] == pytest.approx(m["detection_rate"] + after)


def _hits_and_checks(log: pd.DataFrame) -> dict[str, tuple[pd.Series, pd.Series]]:
    """Each check's (done, hit) per consignment of a log: a hit is an alarm a finding
    confirmed (a scan's: an officer-read image referred to an exam that found the goods)."""
    illicit = log.illicit.astype(str) != "compliant"
    exam = illicit & log.exam_end.notna() & log.exam_finds
    quarantine = illicit & log.quarantine_end.notna() & log.quarantine_finds & log.recalled.isna()
    doc = log.doc_end.notna()
    document = illicit & doc & log.doc_alarm & (log.illicit.astype(str) == "undervaluation")
    confirmed = document | exam | quarantine
    officer = ~(log.ai_read & log.ai_clear)
    return {
        "document": (doc, doc & log.doc_alarm & confirmed),
        "scan": (log.scan_end.notna(), log.scan_end.notna() & officer & log.refer & exam),
        "physical": (log.exam_end.notna(), exam),
        "quarantine": (log.quarantine_end.notna(), quarantine),
    }


def test_hit_rates_of_goods_declarations_leave_the_post_hubs_parcels_out():
    """``hit_rate_<check>_goods``: the goods ports' declarations alone, as
    ``inspection_rate_goods``; the pooled rate keeps the post hub's many scanned parcels."""
    s = sim.load_scenario(sim.default_scenario_path(), {"days": 3, "warmup_days": 1})
    r = sim.simulate(s, 2, log=True)
    log = r.log[r.log.cohort]
    posts = [name for name, port in s.ports.items() if port.mode == "post"]
    goods = ~log.port.astype(str).isin(posts)
    assert posts and goods.any() and (~goods).any()
    m = r.metrics()
    for check, (done, hit) in _hits_and_checks(log).items():
        assert m[f"hit_rate_{check}"] == pytest.approx(hit.sum() / done.sum()), check
        want = hit[goods].sum() / done[goods].sum()
        assert m[f"hit_rate_{check}_goods"] == pytest.approx(want, rel=1e-12), check
    scans = _hits_and_checks(log)["scan"][0]
    assert scans[~goods].sum() > scans[goods].sum()  # (the parcels' scans are most)
    assert m["hit_rate_scan_goods"] > 3 * m["hit_rate_scan"]
    assert "hit_rate_scan_goods" not in run({}, log=False).metrics()  # (no post hub)


def test_each_ports_hit_document_and_seizure_rates_are_its_own_declarations():
    """``hit_rate_<check>_port_<port>``, ``document_check_rate_port_<port>`` and
    ``seizures_per_1000_port_<port>`` are each port's own, recomputed from the log; the ports
    differ (the post hub's parcels, nearly all scanned, hit least)."""
    s = sim.load_scenario(sim.default_scenario_path(), {"days": 3, "warmup_days": 1})
    r = sim.simulate(s, 2, log=True)
    log = r.log[r.log.cohort]
    port = log.port.astype(str)
    caught = log.outcome.astype(str).isin(["seized", "detained", "rejected"])
    m = r.metrics()
    checks = _hits_and_checks(log)
    for name in s.ports:
        mine = port == name
        assert m[f"document_check_rate_port_{name}"] == pytest.approx(
            log.doc_start.notna()[mine].mean(), rel=1e-12)
        assert m[f"seizures_per_1000_port_{name}"] == pytest.approx(
            1000 * caught[mine].mean(), rel=1e-12)
        for check, (done, hit) in checks.items():
            want = hit[mine].sum() / done[mine].sum() if done[mine].any() else math.nan
            assert m[f"hit_rate_{check}_port_{name}"] == pytest.approx(
                want, rel=1e-12, nan_ok=True), (check, name)
    rates = [m[f"hit_rate_scan_port_{name}"] for name in s.ports]
    assert max(rates) > 2 * min(r for r in rates if r == r)  # (ports differ)


def test_each_credit_class_has_its_burden_seizures_and_detection_and_they_agree_with_the_log():
    """An AEO programme reads its classes apart: each class's share of compliant declarations
    inspected (over every port, and at the goods ports alone), its seizures per 1,000
    declarations and its detection rate are the log's; the classes pool to the overall
    figures, weighted by their declarations."""
    s = sim.load_scenario(sim.default_scenario_path(), {"days": 3, "warmup_days": 1})
    r = sim.simulate(s, 2, log=True)
    log = r.log[r.log.cohort]
    col = {c: log[c].cat.codes.to_numpy() if hasattr(log[c], "cat") else log[c].to_numpy()
           for c in log.columns}  # fmt: skip
    outcome = log.outcome.astype(str)
    log = pd.DataFrame({
        "cls": log.trader_class.astype(str), "goods": log.port.astype(str) != "post_hub",
        "compliant": log.illicit.astype(str) == "compliant",
        "inspected": log[["scan_start", "exam_start", "quarantine_start"]].notna().any(axis=1),
        "caught": outcome.isin(["seized", "detained", "rejected"]),
        "found": found_in_log(col), "held": (outcome == "censored") & log.released.isna(),
    })  # fmt: skip
    m = r.metrics()
    rows = dict(tuple(log.groupby("cls")))
    assert len(rows) == 4
    for cls, c in rows.items():
        compliant = c[c.compliant]
        assert m[f"burden_share_{cls}"] == pytest.approx(compliant.inspected.mean(), rel=1e-12)
        goods = compliant[compliant.goods]
        assert m[f"burden_share_{cls}_goods"] == pytest.approx(goods.inspected.mean(), rel=1e-12)
        assert m[f"seizures_per_1000_{cls}"] == pytest.approx(1000 * c.caught.mean())
        known = c[~c.compliant & ~(c.held & ~c.found)]
        assert m[f"detection_rate_{cls}"] == pytest.approx(known.found.mean(), nan_ok=True)
    assert m["burden_share_discredited_goods"] > 5 * m["burden_share_aeo_advanced_goods"]
    assert m["seizures_per_1000_discredited"] > m["seizures_per_1000_general"]
    n = pd.Series({cls: len(c) for cls, c in rows.items()})
    seized = sum(n[cls] * m[f"seizures_per_1000_{cls}"] for cls in rows) / n.sum()
    assert m["seizures_per_1000"] == pytest.approx(seized)
