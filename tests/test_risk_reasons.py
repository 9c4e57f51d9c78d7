"""Why the risk engine inspected (sim.model.risk_reasons): each inspection's one reason by
precedence (floor > alert > score > random), counted per port, check and reason with its
hits; bookkeeping only (the decisions are the engine's); pooled across replications
(risk-reasons.csv, sim.experiment.risk_reasons_table)."""

from __future__ import annotations

import dataclasses
import json
import re

import numpy as np
import pandas as pd
import pytest

from sim.cli import main
from sim.experiment.risk_reasons_table import FILE, summarise_reasons
from sim.model.draws import REQUIREMENTS, R
from sim.model.risk_reasons import REASONS
from sim.model.selection import Observation
from sim.scenario.schema import ILLICIT
from tests.test_risk_engine import AEO, GENERAL, SMALL, block, engine, inspected

MIXED = (1, 1, 4, 1)  # (aeo_advanced, aeo_general, general, discredited: weights)


def _reasons(e, check: str = "inspected") -> pd.Series:
    t = e.reasons.table()
    return t[t["check"] == check].set_index("reason")["inspections"]


def _hits(e) -> pd.Series:
    t = e.reasons.table()
    return t[t["check"] == "inspected"].set_index("reason")["hits"]


def test_with_a_random_share_of_one_every_inspection_is_random():
    """All of the target by random selection: no score crosses a threshold, every
    inspection's reason is random (counting random draws as score selections fails here)."""
    e = engine({"target": 0.1, "random_share": 1.0})
    rng = np.random.default_rng(1)
    chosen = sum(int(inspected(e.select(block(rng, 200, float(h)))).sum()) for h in range(60))
    got = _reasons(e)
    assert chosen > 500
    assert got["random"] == chosen
    assert got.drop("random").sum() == 0


def test_with_no_score_crossing_and_no_random_share_only_floors_select():
    """A target of 0 and no random selection: ordinary traders are never inspected, the
    discredited floor inspects its class, and every inspection is the floor's."""
    e = engine({"target": 0.0, "random_share": 0.0})
    rng = np.random.default_rng(2)
    chosen = 0
    for h in range(60):
        b = block(rng, 100, float(h), classes=MIXED)
        chosen += int(inspected(e.select(b)).sum())
    got = _reasons(e)
    assert chosen > 100
    assert got["floor"] == chosen
    assert got.drop("floor").sum() == 0


def _mixed_run(e, rng: np.random.Generator, hours: int = 120) -> dict[str, int]:
    """Blocks of every class, some illicit, an alert received on the way: the inspections
    by check."""
    total = dict.fromkeys(("inspected", "scan", "physical", "quarantine"), 0)
    for h in range(hours):
        if h == 30:
            e.observe(Observation("sea", float(h), 1, 0, GENERAL, 1, True))
        b = block(rng, 150, float(h), classes=MIXED, prevalence=0.1)
        out = e.select(b)
        total["inspected"] += int(inspected(out).sum())
        for check in ("scan", "physical", "quarantine"):
            total[check] += int(out[check].sum())
    return total


def test_the_reasons_add_up_to_the_inspections_of_each_check():
    """Every reason appears, and per check the reasons' counts are the inspections made
    (the cap's row apart: not inspections); the hits are the illicit ones inspected of the
    engine's report."""
    e = engine({"target": 0.05, "random_share": 0.3, "alert": {"delay": "1 h", "boost": 2.0}})
    total = _mixed_run(e, np.random.default_rng(3))
    for check, n in total.items():
        assert _reasons(e, check).drop("capped", errors="ignore").sum() == n, check
    assert (_reasons(e) > 0).all(), _reasons(e)
    assert _hits(e).drop("capped").sum() == e.report()["illicit_inspected"].sum()


def test_random_draws_find_illicit_goods_at_their_prevalence_the_score_more_often():
    """With a sharp score, random selections hit at about the prevalence and score
    selections far more often: random draws counted as score selections would blur both."""
    auc = dict.fromkeys(ILLICIT, 0.99)
    e = engine({"target": 0.1, "random_share": 0.5, "auc": auc})
    rng = np.random.default_rng(4)
    for h in range(150):
        e.select(block(rng, 200, float(h), prevalence=0.05))
    n, hits = _reasons(e), _hits(e)
    assert n["random"] > 300 and n["score"] > 300
    assert hits["random"] / n["random"] < 0.15
    assert hits["score"] / n["score"] > 0.3


def test_alerts_make_inspections_only_once_received():
    """No alert reason before an alert's receipt nor without one; after it, some."""
    risk = {"target": 0.05, "random_share": 0.1, "alert": {"delay": "1 h", "boost": 2.0}}
    e, never = engine(risk), engine(risk)
    rng = np.random.default_rng(5)
    for h in range(60):
        b = block(rng, 300, float(h), commodity=1, origin=0)
        if h == 30:
            assert _reasons(e)["alert"] == 0
            e.observe(Observation("sea", float(h), 1, 0, GENERAL, 1, True))
        e.select(b)
        never.select(b)
    assert _reasons(e)["alert"] > 0
    assert _reasons(never)["alert"] == 0


def test_one_row_block_and_prepared_decisions_book_the_same_reasons():
    """A block of one (the scalar path), the block path, and a declaration decided from its
    prepared row book the same reasons."""
    risk = {"random_share": 0.3, "alert": {"delay": "1 h", "boost": 2.0}}
    fast, slow, plain, ahead = (engine(risk) for _ in range(4))
    for e in (fast, slow, plain, ahead):
        e.observe(Observation("sea", 5.0, 1, 0, GENERAL, 1, True))
    rng = np.random.default_rng(6)
    for h in range(600):
        b = block(rng, 1, h * 0.25, classes=MIXED, prevalence=0.2)
        b = dataclasses.replace(b, direction=rng.integers(0, 2, 1))
        fast.select(b)
        slow._select_block(b)
        row = [0.0] * len(REQUIREMENTS)
        for name in ("direction", "commodity", "trader_class", "origin", "illicit"):
            row[getattr(R, name)] = float(getattr(b, name)[0])
        row[R.score_noise] = float(b.score_u[0])
        u = tuple(float(b.uniforms[c][0]) for c in ("document", "scan", "physical"))
        plain.select_row("sea", b.now, row, u)
        ahead.select_row("sea", b.now, row, u, ahead.prepare(b)[0].tolist())
    tables = [e.reasons.table() for e in (fast, slow, plain, ahead)]
    assert tables[0]["inspections"].sum() > 100
    assert (tables[0].set_index("reason").loc["alert", "inspections"] > 0).any()
    assert tables[0].set_index("reason").loc["capped", "inspections"] > 0
    for other in tables[1:]:
        pd.testing.assert_frame_equal(tables[0], other)


def _rep(random: tuple[int, int], score: tuple[int, int]) -> pd.DataFrame:
    """One replication's 'inspected' rows: (inspections, hits) of random and score."""
    return pd.DataFrame({
        "port": "sea", "check": "inspected", "reason": ["random", "score"],
        "inspections": [random[0], score[0]], "hits": [random[1], score[1]],
    })  # fmt: skip


def test_the_pooled_hit_rate_and_share_are_ratios_of_sums():
    """Replication 0: random 10 (1 hit), score 30 (12); replication 1: random 30 (1),
    score 30 (9): random's hit rate 2 / 40, its share 40 / 100."""
    out = summarise_reasons({0: _rep((10, 1), (30, 12)), 1: _rep((30, 1), (30, 9))})
    row = out[(out["port"] == "sea") & (out["reason"] == "random")].iloc[0]
    assert row["hit_rate"] == pytest.approx(2 / 40)
    assert row["share"] == pytest.approx(40 / 100)
    assert row["inspections"] == pytest.approx(20.0)
    assert row["hit_rate_ci_low"] < row["hit_rate"] < row["hit_rate_ci_high"]
    every = out[out["port"] == "all"].set_index("reason")
    assert every.loc["score", "hit_rate"] == pytest.approx(21 / 60)


def test_a_runs_folder_and_json_summary_hold_the_reasons(tmp_path, capsys):
    """The replications' reason tables, their pooled file and the ``--json`` summary's
    records; the 'inspected' counts are the engine's report's inspections."""
    args = ["run", str(SMALL), "--set", "warmup_days=0.25", "--reps", "2", "--days", "0.5",
            "--set", "risk.target=0.05", "--executor", "serial", "--json",
            "--out", str(tmp_path)]  # fmt: skip
    assert main(args) == 0
    table = pd.read_csv(tmp_path / FILE)
    records = json.loads(capsys.readouterr().out)["risk_reasons"]
    assert len(records) == len(table)
    every = [r for r in records if r["port"] == "all" and r["check"] == "inspected"]
    mine = table[(table["port"] == "all") & (table["check"] == "inspected")]
    assert sum(r["inspections"] for r in every) == pytest.approx(mine["inspections"].sum())
    assert set(table["reason"]) == {*REASONS, "capped"}
    for r in (0, 1):
        reasons = pd.read_csv(tmp_path / "reps" / f"rep-000{r}-risk-reasons.csv")
        risk = pd.read_csv(tmp_path / "reps" / f"rep-000{r}-risk.csv")
        mine = reasons[(reasons["check"] == "inspected") & (reasons["reason"] != "capped")]
        assert mine["inspections"].sum() == risk["inspected"].sum() > 0


def test_the_reports_table_gives_each_reasons_share_and_hit_rate_in_both_languages():
    """Random 10 inspections (1 hit), score 30 (12): shares 25 % and 75 %, hit rates 10 %
    and 40 %; the Chinese page keeps no English text of the table."""
    from sim.report.risk_reasons_section import reasons_table
    from sim.report.translate import text

    table = _rep((10, 1), (30, 12))
    html = "".join(reasons_table({"run": table}))
    cells = re.findall(r"<td>([^<]*)</td>", html)
    rows = {cells[i + 2]: cells[i + 3:i + 6] for i in range(0, len(cells), 6)}
    assert rows["random selection"] == ["10.0", "25.0 %", "10.0 %"]
    assert rows["score over threshold"] == ["30.0", "75.0 %", "40.0 %"]
    assert rows["credit floor"][2] == "–"  # (no inspection: no hit rate)
    words = re.findall(r">([^<>]*[A-Za-z]{3,}[^<>]*)<", html)
    assert words and all(text(w) for w in words if w not in ("run", "sea")), words


def _candidates(e, b, rho: float) -> np.ndarray:
    """The advanced AEO rows of block ``b`` drawn at random (``rho``: the random share in
    force; with a random share of one no score crosses): the cap's candidates."""
    from sim.model.registry import SPLIT

    possible = e.mix["sea"].possible[b.commodity, b.trader_class]
    rand = b.uniforms["document"] * SPLIT % 1
    return (b.trader_class == AEO) & possible & (rand < rho)


@pytest.mark.parametrize("cap", [0.0, 0.2])
def test_the_capped_row_counts_the_candidates_a_cap_let_go_and_their_hits(cap):
    """All selection random, so that an advanced AEO's candidates are known from its draw:
    the ``capped`` row is those candidates less the class's inspections (all of them with a
    cap of 0), its hits the illicit ones let go; it is no inspection (each check's
    inspections are the reasons' alone)."""
    e = engine({"target": 0.2, "random_share": 1.0, "caps": {"aeo_advanced": cap}})
    rng = np.random.default_rng(7)
    total = dict.fromkeys(("inspected", "scan", "physical", "quarantine"), 0)
    cand = bad = 0
    for h in range(80):
        b = block(rng, 150, float(h), classes=MIXED, prevalence=0.2)
        out = e.select(b)
        mine = _candidates(e, b, e.state[("sea", 0)][2])
        cand += int(mine.sum())
        bad += int((mine & (b.illicit > 0) & ~inspected(out)).sum())
        total["inspected"] += int(inspected(out).sum())
        for check in ("scan", "physical", "quarantine"):
            total[check] += int(out[check].sum())
    got, hits = _reasons(e), _hits(e)
    aeo = int(e.ledger.inspected["sea"][..., AEO].sum())
    assert got["capped"] == cand - aeo > 50
    assert hits["capped"] == bad > 5
    assert (aeo > 0) == (cap > 0)
    for check, n in total.items():
        assert _reasons(e, check).drop("capped", errors="ignore").sum() == n, check
    assert "capped" not in _reasons(e, "scan").index


def test_the_pooled_capped_row_has_no_share_and_is_out_of_the_others_shares():
    """Random 10 inspections, score 30, capped 20 (5 illicit): random's share 25 %, the
    capped row's hit rate 25 % and no share."""
    rep = pd.concat([_rep((10, 1), (30, 12)), pd.DataFrame({
        "port": ["sea"], "check": ["inspected"], "reason": ["capped"],
        "inspections": [20], "hits": [5]})], ignore_index=True)  # fmt: skip
    out = summarise_reasons({0: rep, 1: rep}).query("port == 'sea'").set_index("reason")
    assert out.loc["random", "share"] == pytest.approx(0.25)
    assert out.loc["capped", "hit_rate"] == pytest.approx(0.25)
    assert np.isnan(out.loc["capped", "share"])
    assert list(out.index) == ["score", "random", "capped"]  # (precedence, the cap last)


def test_the_reports_capped_row_is_marked_not_inspected_and_out_of_the_shares():
    """Capped 20 (5 illicit) beside random 10 and score 30: the shares stay 25 % and 75 %;
    the capped row is marked, without a share, its hit rate 25 %."""
    from sim.report.risk_reasons_section import reasons_table

    rep = pd.concat([_rep((10, 1), (30, 12)), pd.DataFrame({
        "port": ["sea"], "check": ["inspected"], "reason": ["capped"],
        "inspections": [20], "hits": [5]})], ignore_index=True)  # fmt: skip
    html = "".join(reasons_table({"run": rep}))
    marked = re.findall(r"<tr class='not-inspected'>(.*?)</tr>", html)
    assert len(marked) == 1
    assert re.findall(r"<td>([^<]*)</td>", marked[0])[2:] == [
        "let go by the cap (not inspected)", "20.0", "–", "25.0 %"]
    cells = re.findall(r"<td>([^<]*)</td>", html)
    rows = {cells[i + 2]: cells[i + 3:i + 6] for i in range(0, len(cells), 6)}
    assert rows["random selection"] == ["10.0", "25.0 %", "10.0 %"]


def test_a_comparisons_folder_and_json_hold_each_options_reasons_and_the_change(
    tmp_path, capsys
):
    """A higher target: the comparison's file holds each option's reasons as its own
    replications pool them (the baseline's with a change of 0), the paired change of its
    inspections is the mean of each replication's own, and ``--json`` gives its rows."""
    args = ["compare", str(SMALL), "--set", "warmup_days=0.25", "--reps", "2", "--days", "1",
            "--set", "risk.target=0.05", "--executor", "serial", "--no-report", "--json",
            "--option", "higher:risk.target=0.3", "--out", str(tmp_path)]  # fmt: skip
    assert main(args) == 0
    records = json.loads(capsys.readouterr().out)["risk_reasons"]
    both = pd.read_csv(tmp_path / FILE)
    assert len(records) == len(both) and {r["option"] for r in records} == {"baseline", "higher"}
    assert list(both["option"].unique()) == ["baseline", "higher"]
    keys = ["port", "check", "reason"]
    reps = {}
    for name in ("baseline", "higher"):
        folder = tmp_path / "options" / name / "reps"
        reps[name] = {r: pd.read_csv(folder / f"rep-000{r}-risk-reasons.csv") for r in (0, 1)}
        own = summarise_reasons(reps[name]).set_index(keys)
        mine = both[both["option"] == name].set_index(keys)
        pd.testing.assert_series_equal(mine["inspections"], own["inspections"])
        pd.testing.assert_series_equal(mine["hit_rate"], own["hit_rate"])
    assert (both.loc[both["option"] == "baseline", "inspections_diff"] == 0).all()
    key = ("sea", "inspected", "capped")
    change = sum(
        reps["higher"][r].set_index(keys).loc[key, "inspections"]
        - reps["baseline"][r].set_index(keys).loc[key, "inspections"]
        for r in (0, 1)
    ) / 2
    higher = both[both["option"] == "higher"].set_index(keys)
    assert higher.loc[key, "inspections_diff"] == pytest.approx(change)
    assert higher.loc[key, "inspections"] > 0
