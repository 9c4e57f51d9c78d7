"""Endangered species (``wildlife``, CITES), the illicit type appended last: found by the checks
that can find it, seized, counted under its own metrics and no other type's; a scenario that
gives it nothing logs, dumps and hashes as before the type existed (docs/wildlife.md)."""

from __future__ import annotations

import csv
import functools
import re
import shlex
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim
from sim.experiment.store import scenario_hash
from sim.reforms.compose import apply
from sim.scenario.base import FIRST_TYPES, ILLICIT

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
EXAMPLE = Path(__file__).parents[1] / "docs" / "examples" / "wildlife" / "dongxing.toml"
#: wildlife in general goods only, found by a scan's image some of the time and by a physical
#: exam most of the time; no document or quarantine probability: those checks find none
WILDLIFE = {
    "enforcement.prevalence.wildlife": 0.2,
    "enforcement.by_commodity.frozen.wildlife": 0,
    "enforcement.detection.scan": {"wildlife": 0.6},
    "enforcement.detection.exam": {"wildlife": 0.9, "frozen": 0.8},
    "selection.physical": {"*": {"*": 0.2}},
    "ports.sea.exam.bays.capacity": 200,
    "ports.sea.exam.teams.capacity": 200,
    "ports.sea.exam.movers.capacity": 200,
}


@functools.lru_cache(maxsize=2)
def _run(with_wildlife: bool) -> sim.RunResult:
    return sim.simulate(sim.load_scenario(SMALL, WILDLIFE if with_wildlife else {}), 3, log=True)


def _known(log: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The observed declarations of one type whose outcome is known (not censored)."""
    mine = log[log.cohort & (log.illicit.astype(str) == kind)]
    return mine[mine.outcome.astype(str) != "censored"]


def test_wildlife_is_appended_last_so_the_older_types_keep_their_truth_codes():
    assert ILLICIT[-1] == "wildlife" and len(ILLICIT) == FIRST_TYPES + 1
    assert ILLICIT[:FIRST_TYPES] == ("tobacco", "counterfeit", "frozen", "pest", "undervaluation")


def test_wildlife_found_is_seized_by_the_checks_that_can_find_it():
    log = _run(True).log
    wild = _known(log, "wildlife")
    assert len(wild) > 100
    found = wild[wild.outcome.astype(str) == "seized"]
    assert len(found) > 10
    assert (found.found_by.astype(str) == "exam").all() and found.exam_start.notna().all()
    # a scan with no exam after it never seizes: the exam is where the goods are found
    missed = wild[wild.outcome.astype(str) != "seized"]
    assert (missed.outcome.astype(str) == "released").all()
    assert (missed.exam_start.isna() | ~missed.exam_finds.astype(bool)).all()


@pytest.mark.parametrize("kind", ["wildlife", "frozen", "pest"])
def test_each_type_found_counts_under_its_own_metric(kind: str):
    """Wildlife found counts as wildlife, never as another type (and theirs as theirs)."""
    run = _run(True)
    m, log = run.metrics(), run.log
    mine = log[log.cohort & (log.illicit.astype(str) == kind)]
    assert m[f"illicit_{kind}"] == len(mine) > 0
    known = _known(log, kind)
    found = known.outcome.astype(str).isin(["seized", "rejected", "detained"]) | (
        known.found_by.astype(str).isin(["document", "exam", "quarantine"])
    )
    assert m[f"detection_rate_{kind}"] == pytest.approx(found.mean())


def test_a_run_without_wildlife_lists_only_the_first_types_and_counts_none():
    plain, wild = _run(False), _run(True)
    assert list(plain.log.illicit.cat.categories) == ["compliant", *ILLICIT[:FIRST_TYPES]]
    assert list(wild.log.illicit.cat.categories) == ["compliant", *ILLICIT]
    m = plain.metrics()
    assert m["illicit_wildlife"] == 0 and m["illicit_frozen"] > 0


def test_wildlife_s_default_outcome_is_left_out_of_the_dump_a_given_one_is_not():
    base = sim.load_scenario(SMALL)
    assert base.enforcement.outcome["wildlife"] == "seized"
    assert "wildlife" not in base.model_dump(mode="json")["enforcement"]["outcome"]
    given = sim.load_scenario(SMALL, {"enforcement.outcome.wildlife": "detained"})
    assert given.model_dump(mode="json")["enforcement"]["outcome"]["wildlife"] == "detained"
    assert scenario_hash(given) != scenario_hash(base)


def test_an_outbreak_can_raise_wildlife_and_a_risk_score_can_target_it():
    base = sim.load_scenario(SMALL, {"ports.sea.traffic.origins": {"africa": 0.5, "asia": 0.5}})
    hit = apply(base, "outbreak:origins=africa,kind=wildlife,factor=4")
    assert hit.enforcement.multiplier("by_origin", "africa", "wildlife") == 4
    assert hit.enforcement.multiplier("by_origin", "africa", "frozen") == 1
    scored = sim.load_scenario(SMALL, {"risk.target": 0.05, "risk.auc.wildlife": 0.95})
    assert scored.risk.auc["wildlife"] == 0.95


def test_the_harm_of_wildlife_slipped_is_priced_by_its_own_code():
    from sim.model.prices import Prices

    priced = {"costs.price_year": 2023, "costs.slipped.harm": {"wildlife": 5000, "pest": 7}}
    costs = sim.load_scenario(SMALL, priced)
    assert costs.costs is not None
    prices = Prices.of(costs.costs, ["sea"], dict(costs.commodities), False)
    assert prices.harm[ILLICIT.index("wildlife") + 1] == 5000
    assert prices.harm[ILLICIT.index("pest") + 1] == 7


def test_the_worked_example_seizes_wildlife_at_the_land_border_and_counts_it_by_port():
    """docs/wildlife.md's scenario, briefly: wildlife found at Dongxing is seized there and
    counted under its port; the cut in inspections of its options file finds no more."""
    from sim.experiment.options import read_options_file

    short = {"days": 7, "warmup_days": 3, "drain_days": 3}
    scenario = sim.load_scenario(EXAMPLE, short)
    assert scenario.enforcement.report_by_port == ["wildlife"]
    run = sim.simulate(scenario, 1, log=True)
    m, log = run.metrics(), run.log
    wild = log[log.cohort & (log.illicit.astype(str) == "wildlife")]
    seized = wild[wild.outcome.astype(str) == "seized"]
    assert len(wild) > 10 and len(seized) > 0
    assert set(seized.found_by.astype(str)) <= {"document", "exam", "quarantine"}
    for port in scenario.ports:
        here = seized[seized.port.astype(str) == port]
        assert m[f"detected_wildlife_port_{port}"] == len(here)
    assert m["detected_wildlife"] == len(seized) == pytest.approx(
        m["detection_rate_wildlife"] * m["illicit_wildlife"])
    options = {o.name: o for o in read_options_file(EXAMPLE.parent / "options.toml")}
    assert set(options) == {"fewer_inspections", "river_patrols"}
    cut = options["fewer_inspections"]
    fewer = sim.load_scenario(EXAMPLE, {**short, **cut.overrides})
    for check in ("scan", "physical"):
        for k, rate in scenario.selection[check]["*"].items():
            assert fewer.selection[check]["*"][k] == pytest.approx(rate / 2)


def test_sums_over_the_types_add_in_their_old_order_without_wildlife():
    """The value found and slipped over every type is summed over the first types alone when
    no declaration carried wildlife: a zero column more would add them in another order
    (the last bits of value_slipped would differ from a run made before the type existed)."""
    from sim.model.enforcement import EnforcementTally
    from sim.model.enforcement_metrics import enforcement_metrics

    rng = np.random.default_rng(7)
    t = EnforcementTally([f"p{i}" for i in range(6)], 1, 0.0)
    old = (slice(None), slice(1, FIRST_TYPES + 1))
    t.n[old] = rng.integers(1, 50, t.n[old].shape)
    for name in ("value", "detected_value", "seized_value"):
        getattr(t, name)[old] = rng.lognormal(10, 2, t.n[old].shape)
    five = {k: np.ascontiguousarray(getattr(t, k)[:, : FIRST_TYPES + 1])
            for k in ("value", "detected_value", "seized_value")}
    m = enforcement_metrics(t)
    assert m["value_seized"] == float(five["seized_value"][:, 1:].sum())
    want = five["value"][:, 1:].sum() - five["detected_value"][:, 1:].sum()
    assert m["value_slipped"] == float(want - 0.0)


def _page_command(name: str) -> str:
    """The ``bordersim`` command of docs/wildlife.md's sh block that runs example ``name``."""
    page = (EXAMPLE.parents[2] / "wildlife.md").read_text()
    blocks = re.findall(r"^```sh\n(.*?)^```$", page, re.MULTILINE | re.DOTALL)
    (block,) = [b for b in blocks if name in b]
    lines = block.replace("\\\n", " ").splitlines()
    return " ".join(line for line in lines if not line.lstrip().startswith("#"))  # (labels)


def _figures(path: Path) -> dict[tuple[str, str], tuple[float, float, float]]:
    """(option, metric) -> mean, interval low and high, from a comparison's CSV."""
    with open(path) as f:
        return {(r["option"], r["metric"]): tuple(  # type: ignore[misc]
            float(r[k] or "nan") for k in ("mean", "ci_low", "ci_high"))
            for r in csv.DictReader(f)}


def test_the_traffickers_section_quotes_its_comparison(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/wildlife.md's traffickers run as written: the attempts by route, deterred and
    interdicted its table quotes, and the paired differences its prose quotes, are the
    comparison's (so the page fails when the run and the page disagree)."""
    from sim.cli import main

    shutil.copytree(EXAMPLE.parent, tmp_path / "docs" / "examples" / "wildlife")
    monkeypatch.chdir(tmp_path)
    command = _page_command("traffickers.toml")
    assert main(shlex.split(command)[1:]) == 0, command
    out = tmp_path / "results" / "wildlife-traffickers"
    mean, diff = _figures(out / "summary.csv"), _figures(out / "differences.csv")
    text = " ".join((EXAMPLE.parents[2] / "wildlife.md").read_text().split())

    def shown(x: float) -> str:
        return f"{x:.1f}"

    rows = {"by the Beilun River": "beilun_river", "by border residents' loads":
            "resident_trade", "by small boats": "coastal_boats", "declared at Dongxing":
            "dongxing_road", "declared at Fangchenggang": "fangchenggang_sea"}
    metrics = {label: f"smuggling_attempts_wildlife_route_{r}" for label, r in rows.items()}
    metrics["stopped by patrols (`smuggling_interdicted_wildlife`)"] = (
        "smuggling_interdicted_wildlife")
    for label, metric in metrics.items():
        cells = [f"{shown(m)} ({shown(lo)} to {shown(hi)})" for m, lo, hi in (
            mean[(o, metric)] for o in ("baseline", "fewer_inspections", "river_patrols"))]
        assert f"| {label} | {' | '.join(cells)} |" in text, label
    total = mean[("baseline", "smuggling_attempts_wildlife")]
    assert f"| {shown(total[0])} ({shown(total[1])} to {shown(total[2])}) |" in text
    for option in ("fewer_inspections", "river_patrols"):
        assert mean[(option, "smuggling_attempts_wildlife")][0] == total[0]  # (same chances)
        assert f"| {shown(mean[(option, 'attempts_deterred_wildlife')][0])} |" in text
    deterred = [shown(mean[(o, "attempts_deterred_wildlife")][0])
                for o in ("baseline", "fewer_inspections", "river_patrols")]
    assert f"| deterred (`attempts_deterred_wildlife`) | {' | '.join(deterred)} |" in text

    def moved(option: str, metric: str) -> tuple[str, str, str]:
        return tuple(shown(x) for x in diff[(option, metric)])  # type: ignore[return-value]

    route = "smuggling_attempts_wildlife_route_"
    river = moved("river_patrols", route + "beilun_river")
    assert f"({river[0].lstrip('-')} fewer in four weeks, {river[1]} to {river[2]}," in text
    road = moved("fewer_inspections", route + "dongxing_road")
    assert f"({road[0]} more loads at Dongxing, paired difference {road[1]} to {road[2]};" in text
    wet = moved("fewer_inspections", route + "beilun_river")
    assert f"{wet[0].lstrip('-')} fewer on the river, {wet[1]} to {wet[2]}:" in text
    went = {r: moved("river_patrols", route + r)[0] for r in rows.values()}
    assert (f"{went['dongxing_road']} more to Dongxing, {went['resident_trade']} more to the "
            f"residents' loads, {went['coastal_boats']} more to the boats and "
            f"{went['fangchenggang_sea']} more to Fangchenggang") in text
    stopped = moved("river_patrols", "smuggling_interdicted_wildlife")
    assert f"({stopped[0]} more, {stopped[1]} to {stopped[2]})" in text
