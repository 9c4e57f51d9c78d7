"""Dated reforms: a reform switched on inside a run changes nothing before its date, applies
to the consignments assessed after it, and a structural reform's transition shows."""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim
from sim.reforms.compose import apply
from sim.reforms.timeline import eras
from sim.scenario.loader import ScenarioError

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
BEFORE = {  # the practice before the merger, with statutory goods examined often
    "commodities.general.statutory": 0.3,
    "selection.quarantine": {"*": {"*": 0.3}},
    "selection.physical": {"*": {"*": 0.3}},
    "days": 4,
    "warmup_days": 0,
}
T = 48.0  # the date, hours after the start


@functools.lru_cache(maxsize=4)
def _run(text: str) -> sim.RunResult:
    base = apply(sim.load_scenario(SMALL, BEFORE), "separate_inspection")
    return sim.simulate(apply(base, text) if text else base, 5, log=True)


def _log(text: str) -> pd.DataFrame:
    return _run(text).log.sort_values("index").set_index(["port", "index"])


def test_a_dated_reform_changes_nothing_before_its_date():
    base, dated = _log(""), _log(f"merged_inspection@{T:g}h")
    assert base.index.equals(dated.index)  # the same consignments
    done = base.exited.fillna(base.loaded) < T
    assert done.sum() > 200
    pd.testing.assert_frame_equal(base[done], dated[done])
    # everything assessed before the date keeps its draws and its selections
    early = base.assessed < T
    draws = ["commodity", "trader_class", "value", "sel_physical", "sel_quarantine", "move"]
    pd.testing.assert_frame_equal(base.loc[early, draws], dated.loc[early, draws])


def test_a_dated_reform_applies_to_consignments_assessed_after_its_date():
    dated = _log(f"merged_inspection@{T:g}h")
    both = dated[dated.sel_physical & dated.sel_quarantine & (dated.outcome == "released")]
    both = both[both.premises == 0]
    early, late = both[both.assessed < T], both[both.assessed >= T]
    assert len(early) > 10 and len(late) > 10
    assert (early.exam_start >= early.quarantine_end).all()  # two examinations, one by one
    assert (late.exam_start == late.quarantine_start).all()  # one joint examination


def test_the_era_follows_the_assessment_not_the_arrival():
    """Goods lodged in advance are assessed before they arrive; goods lodged late, after.
    Each follows the rules in force at its assessment, as planned when it was made: without
    any wait in the review queue (the one approximation, stated in ``sim.model.eras.era_of``)."""
    dated = _log(f"merged_inspection:transition_days=1,transition_loss=0.5@{T:g}h")
    base = _log("")
    ratio = dated.review_time / base.review_time  # 1.5 under the transition's rules
    # planned under the rules in force at arrival (the old ones, as in the base run)
    reviewed = base.review & (base.review_time > 0)
    planned = dated.lodged + base.review_time + (dated.assessed - dated.accepted)
    ahead = reviewed & (dated.arrived >= T) & (planned < T)  # advance declarations
    behind = reviewed & (dated.arrived < T) & (planned >= T) & (planned < T + 24)
    assert ahead.sum() > 10 and behind.sum() > 10
    assert ratio[ahead].to_numpy() == pytest.approx(1.0)  # still the old rules
    assert ratio[behind].to_numpy() == pytest.approx(1.5)  # already the new ones
    carried = reviewed & (planned < T) & (dated.assessed >= T)  # a queue wait carried it over
    assert ratio[carried].to_numpy() == pytest.approx(1.0)


def test_a_date_after_the_run_changes_nothing_at_all():
    base, late = _run(""), _run("merged_inspection@60d")
    assert pd.Series(base.metrics()).equals(pd.Series(late.metrics()))
    assert base.log.equals(late.log)


def test_a_structural_reform_s_transition_slows_officers_for_its_days():
    dated = _log(f"merged_inspection:transition_days=1,transition_loss=0.5@{T:g}h")
    base = _log("")
    ratio = dated.review_time / base.review_time
    during = (dated.assessed >= T) & (dated.assessed < T + 24) & (base.review_time > 0)
    after = (dated.assessed >= T + 24) & (base.review_time > 0)
    assert during.sum() > 10 and after.sum() > 10
    assert ratio[during].to_numpy() == pytest.approx(1.5)
    assert ratio[after].to_numpy() == pytest.approx(1.0)


def test_a_transition_on_an_undated_reform_is_refused_not_silently_dropped(monkeypatch):
    """An undated reform is in force from the run's start, where its transition would do
    nothing (it ran identical to the last digit with a 100 % loss for a year): refused, in
    Python and as a comparison's option, before anything runs, with the dated form to use;
    reforms built once for the run (they cannot be dated) offer no transition at all."""
    import sim.experiment.compare as compare_module
    from sim.experiment.options import OptionError, reform_option
    from sim.reforms.reform import ReformError

    base = sim.load_scenario(SMALL, BEFORE)
    text = "merged_inspection:transition_days=30,transition_loss=1"
    with pytest.raises(ReformError, match=r"runs from the reform's date.*@<days>d"):
        apply(base, text)
    monkeypatch.setattr(compare_module, "simulate", lambda *a, **k: pytest.fail("it ran"))
    with pytest.raises(OptionError, match=r"would do nothing: date it"):
        sim.compare(SMALL, [reform_option(text)], reps=1, overrides=BEFORE)
    assert len(eras(apply(base, text + "@2d"))) == 3  # dated: the transition's era is there
    apply(base, "merged_inspection")  # (no transition: as before)
    for built_once in ("flexible_staffing", "merge_affiliated"):
        with pytest.raises(ReformError, match=r"unknown parameter 'transition_days'.*dated"):
            sim.reforms.get(built_once)(transition_days=30)


def test_a_transition_on_a_reform_that_cannot_be_dated_here_is_not_told_to_date_it(capsys):
    """remote_image_review changes an image-review pool, built once for the run: dated, it
    is refused; so undated with a transition it is told the transition cannot be used here
    (it used to be told to date it, which the dated form then refused)."""
    from sim.cli import main

    argv = ["compare", "--reforms", "remote_image_review:transition_days=5", "--days", "1"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "cannot be dated in scenario 'default'" in err, err
    assert "image_review.pool" in err and "drop transition_days" in err, err
    assert "date it" not in err, err


def test_eras_are_the_timeline_in_time_order():
    base = sim.load_scenario(SMALL, {**BEFORE, "start_date": "2018-01-01"})
    s = apply(base, "separate_inspection>integrated_declaration@2018-02-01+merged_inspection@10d")
    got = eras(s)
    assert [t for t, _ in got] == [0.0, 240.0, 744.0]
    assert got[1][1].inspection.mode == "joint" and got[1][1].declaration.mode == "separate"
    assert got[2][1].declaration.mode == "single"
    assert all(not e.timeline for _, e in got)


def test_timeline_errors_name_the_entry_and_the_value():
    def load(reform: str, at: str) -> sim.Scenario:
        return sim.load_scenario(SMALL, {**BEFORE, "timeline": [{"reform": reform, "at": at}]})

    with pytest.raises(ScenarioError, match=r"timeline.0.reform = 'nope': unknown reform"):
        load("nope", "2 d")
    with pytest.raises(
        ScenarioError, match=r"timeline.0.at: at = '2018-01-02' is a date: .*needs a start_date"
    ):
        load("training", "2018-01-02")
    with pytest.raises(ScenarioError, match=r"timeline.0.at: .*at or before the run's start"):
        load("training", "0 h")
    with pytest.raises(ScenarioError) as exc:  # used to speak only of durations
        load("training", "2018-01-01T05:00")
    assert exc.value.format() == (
        "overrides: timeline.0.at = '2018-01-01T05:00': cannot read '2018-01-01T05:00' as a "
        "duration or a date: write a time after the run's start ('12 h', '60 d') or a date, "
        "YYYY-MM-DD with start_date ('2018-04-20'), without a time of day"
    )
    with pytest.raises(ScenarioError, match=r"'soon' as a duration or a date: .*'2018-04-20'\)$"):
        load("training", "soon")
    with pytest.raises(  # refused on load, not in every replication
        ScenarioError,
        match=r"^overrides: timeline.0.reform: 'flexible_staffing' changes "
        r"inspection.joint_staffing \(to 'cross_trained'\), which is built once .*"
        r"apply it from the start instead",
    ):
        load("flexible_staffing", "1 d")
    with pytest.raises(  # a composition that cannot apply: refused on load too
        ScenarioError, match=r"timeline.0.reform: .* cannot apply at its date: reforms .* both"
    ):
        load("merged_inspection+separate_inspection", "1 d")


def test_a_dated_reform_of_what_is_built_once_is_refused_in_a_file_and_by_check(tmp_path):
    """The file, the field path, the value and what to do, on one line; `check` exits 2."""
    from sim.cli import main

    f = tmp_path / "dated.toml"
    f.write_text(
        f'extends = "{SMALL.as_posix()}"\n[[timeline]]\nat = "3d"\nreform = "flexible_staffing"\n',
        encoding="utf-8",
    )
    with pytest.raises(ScenarioError) as caught:
        sim.load_scenario(f)
    assert caught.value.problems[0][:2] == (str(f.resolve()), "timeline.0.reform")
    assert len(caught.value.format().splitlines()) == 1
    assert main(["check", str(f)]) == 2


def test_an_error_only_an_era_causes_names_the_file_the_entry_and_its_time(tmp_path, capsys):
    """A dated reform that cannot apply at its time is that entry's error, in the file; the
    scenario's own errors come first and name their own fields (not the timeline)."""
    from sim.cli import main

    f = tmp_path / "eras.toml"
    head = f'extends = "{SMALL.as_posix()}"\n'
    entries = (
        '[[timeline]]\nat = "2 d"\nreform = "training"\n'
        '[[timeline]]\nat = "3d"\nreform = "merged_inspection+separate_inspection"\n'
    )
    f.write_text(head + entries, encoding="utf-8")
    assert main(["check", str(f)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        f"error: {f.resolve()}: timeline.1.reform: 'merged_inspection+separate_inspection' "
        "(at 3 d) cannot apply at its date: reforms"
    ), err
    f.write_text(head + "queue_sample = '0 h'\n" + entries, encoding="utf-8")
    assert main(["check", str(f)]) == 2
    assert capsys.readouterr().err == (
        f"error: {f.resolve()}: queue_sample = '0 h': out of range: at least 1 s\n"
    )


def _timeline_file(f: Path, base: Path, entries: list[tuple[str, str]]) -> Path:
    """A scenario file extending ``base`` with a ``[[timeline]]`` entry per (reform, at)."""
    f.write_text(
        f'extends = "{base.as_posix()}"\n'
        + "".join(f'[[timeline]]\nreform = "{r}"\nat = "{at}"\n' for r, at in entries),
        encoding="utf-8",
    )
    return f


def test_contradictory_dated_reforms_at_one_time_are_refused_naming_both(tmp_path, capsys):
    """Two entries at one moment setting a field to different values: the file's order used
    to decide which won, silently."""
    from sim.cli import main

    entries = [("joint_inspection", "8 d"), ("training", "2 d"), ("separate_inspection", "192 h")]
    f = _timeline_file(tmp_path / "both.toml", sim.default_scenario_path(), entries)
    assert main(["check", str(f)]) == 2
    assert capsys.readouterr().err == (
        f"error: {f.resolve()}: timeline.2.reform: timeline.0 ('joint_inspection' at 8 d) and "
        "timeline.2 ('separate_inspection' at 8 d) take effect at the same time and set "
        "declaration.mode to 'single' and to 'separate' (and 5 other fields): their order in "
        "the file would decide which wins; give them different times, or keep one\n"
    )
    # at different times, or agreeing at one time: allowed
    base = sim.load_scenario(SMALL, BEFORE)
    apply(base, "separate_inspection@2d+joint_inspection@3d")
    apply(base, "training@2d+training@2d")


def test_same_time_clashes_compare_a_field_with_the_table_holding_it():
    from sim.reforms.timeline import _clashes

    assert _clashes({"a.b": 1}, {"a": {"b": 1, "c": 3}}) == []
    assert _clashes({"a.b": 1}, {"a": {"b": 2, "c": 3}}) == [("a.b", 1, 2)]
    # a table without the field would drop it, or not, by the entries' order
    assert _clashes({"a.b": 1}, {"a": {"c": 3}}) == [("a", {"b": 1}, {"c": 3})]
    assert _clashes({"a": 0.0}, {"a.mean": 4}) == [("a", 0.0, {"mean": 4})]
    assert _clashes({"a.b": 1}, {"ab": 2, "a.c": 3}) == []


def test_a_dated_reform_that_changes_nothing_at_its_date_is_noted(tmp_path, capsys):
    """``joint_inspection`` dated on a scenario already joint: a note, as compare gives."""
    from sim.cli import main
    from sim.reforms.timeline import idle_dated

    base = sim.load_scenario(SMALL, BEFORE)
    assert idle_dated(apply(base, "separate_inspection@2d")) == []
    assert idle_dated(apply(base, "joint_inspection@2d")) == [
        "timeline.0: the dated reform 'joint_inspection' (at 2 d) changes nothing at its date: "
        "it is already in effect then"
    ]
    # a second entry repeating the first: nothing left to change at its date
    assert idle_dated(apply(base, "separate_inspection@2d+separate_inspection@3d")) == [
        "timeline.1: the dated reform 'separate_inspection' (at 3 d) changes nothing at its "
        "date: it is already in effect then"
    ]
    f = tmp_path / "idle.toml"
    f.write_text(
        f'extends = "{SMALL.as_posix()}"\n[[timeline]]\nat = "3 d"\nreform = "joint_inspection"\n',
        encoding="utf-8",
    )
    assert main(["check", str(f)]) == 0
    assert "note: timeline.0: the dated reform 'joint_inspection' (at 3 d) changes nothing at " \
        "its date" in capsys.readouterr().err


def test_a_reform_option_dated_in_the_run_is_refused_before_anything_runs(monkeypatch):
    import sim.experiment.compare as compare_module
    from sim.experiment.options import reform_option

    def no_run(*args, **kwargs):
        raise AssertionError("a replication ran")

    monkeypatch.setattr(compare_module, "simulate", no_run)
    with pytest.raises(ScenarioError, match=r"^reform flexible_staffing@3d: timeline.0.reform"):
        sim.compare(SMALL, [reform_option("flexible_staffing@3d")], reps=1, overrides=BEFORE)


# -- a dated change of the risk engine -------------------------------------------------------
RISKY = {  # the small scenario with the risk engine deciding, two origins
    "ports.sea.traffic.origins": {"a": 0.5, "b": 0.5},
    "risk": {"target": 0.1, "random_share": 0.0, "window": 500, "refresh": "1 h"},
    "ports.sea.traffic.commodities": {"general": 0.5, "frozen": 0.5},
    "enforcement.prevalence": {"frozen": 0.2},  # illicit frozen goods, for the counts ...
    "enforcement.detection.exam": {"frozen": 0.0},  # ... never found: no alerts (quicker)
    "days": 3,
    "warmup_days": 0,
}
TARGETING = "big_data_targeting:auc=0.97"


def _blocks(n_hours: int, n: int = 150) -> list:
    """Hourly blocks of ``n`` import declarations of ordinary traders at port 'sea', a tenth
    of them illicit (type 'frozen')."""
    from sim.model.selection import SelectionInput

    rng = np.random.default_rng(21)
    out = []
    for h in range(n_hours):
        u = {c: rng.random(n) for c in ("document", "scan", "physical")}
        u["quarantine"] = u["physical"]
        out.append(
            SelectionInput(
                port="sea",
                direction=np.zeros(n, int),
                commodity=rng.integers(0, 2, n),
                trader_class=np.full(n, 2),
                value=np.ones(n),
                origin=rng.integers(0, 2, n),
                uniforms=u,
                now=h + 0.5,
                illicit=np.where(rng.random(n) < 0.1, 3, 0),
                score_u=rng.random(n),
            )
        )
    return out


def test_a_dated_risk_change_applies_exactly_to_decisions_from_its_date():
    """Engine level: the engine with ``big_data_targeting@T`` decides as the engine without
    it before T (the same decisions) and scores as the engine with the reform from the start
    from T on (the settings in force at each decision's time)."""
    from sim.model.risk import RiskEngine

    base = sim.load_scenario(SMALL, RISKY)
    dated = RiskEngine(apply(base, f"{TARGETING}@{T:g}h"))
    plain, reformed = RiskEngine(base), RiskEngine(apply(base, TARGETING))
    assert len(dated.dated) == 2
    changed = 0
    for b in _blocks(60):
        score = dated.score(b)
        if b.now < T:
            assert (score == plain.score(b)).all()
            x, y = dated.select(b), plain.select(b)
            assert all((x[k] == y[k]).all() for k in x)
        else:
            assert (score == reformed.score(b)).all()
            changed += int((score != plain.score(b)).sum())
            dated.select(b)
    assert changed > 50  # illicit rows: their scores separate more


def test_a_dated_risk_change_in_a_run_leaves_earlier_assessments_alone():
    """Model level: the same run with and without ``big_data_targeting@T``: every consignment
    assessed before T has the same selections; after T the illicit ones are inspected more
    often (AUC 0.97 against 0.75, at the same target)."""
    base = sim.load_scenario(SMALL, RISKY)
    cols = ["sel_scan", "sel_physical", "sel_quarantine"]
    runs = {
        name: sim.simulate(s, 5, log=True).log.set_index(["direction", "index"]).sort_index()
        for name, s in (("plain", base), ("dated", apply(base, f"{TARGETING}@{T:g}h")))
    }
    a, b = runs["dated"], runs["plain"]
    assert a.index.equals(b.index)
    before = a.assessed < T
    assert before.sum() > 200
    assert (a.loc[before, cols] == b.loc[before, cols]).all().all()
    after = (a.assessed >= T) & (a.illicit != "compliant")
    assert after.sum() > 30
    hit_a = a.loc[after, cols].astype(bool).any(axis=1).mean()
    hit_b = b.loc[after, cols].astype(bool).any(axis=1).mean()
    assert hit_a > hit_b


def test_a_dated_reform_may_not_switch_the_risk_engine_on():
    off = sim.load_scenario(SMALL, {**RISKY, "risk.enabled": False})
    with pytest.raises(ScenarioError, match=r"risk.enabled \(to True\), .*risk engine's being on"):
        apply(off, f"{TARGETING}@{T:g}h")


# -- a dated reform after the observed run ---------------------------------------------------
def test_a_dated_reform_at_or_after_the_last_observed_arrival_is_warned_about():
    """The boundary is warm-up + observed days (a change in the drain reaches no observed
    arrival); the warning says when it takes effect, when the run ends and what would show it."""
    from sim.scenario.timeline import after_the_run

    def warned(at: str, **more) -> list[str]:
        timeline = [{"reform": "training", "at": at}]
        return after_the_run(sim.load_scenario(SMALL, {**BEFORE, **more, "timeline": timeline}))

    assert warned("95 h") == []  # BEFORE: no warm-up, 4 observed days (96 h)
    assert warned("96 h") == [
        "the dated reform 'training' takes effect on day 4 of the run, at or after the end of "
        "the observed run on day 4 (0 days of warm-up + 4 observed days), so no observed arrival "
        "meets it (observed goods still in the flow then share lanes with later arrivals it "
        "changes, no more); observe more than 4 days (--days) to see it"
    ]
    dated = warned("2018-01-20", start_date="2018-01-01", warmup_days=2)
    assert len(dated) == 1
    assert "on 2018-01-20, day 19 of the run" in dated[0]
    assert "observed run on 2018-01-07, day 6 (2 days of warm-up" in dated[0]
    assert "observe more than 17 days" in dated[0]


def test_a_period_after_the_observed_run_is_warned_about_once():
    """A time of periods_at at or after warm-up + observed days is warned about, but not one
    at a dated reform's own time (the reform's warning says it), nor one ``skip`` names (a
    comparison's other options' dated reforms)."""
    from sim.scenario.timeline import after_the_run

    late = [{"reform": "training", "at": "5 d"}]
    s = sim.load_scenario(SMALL, {**BEFORE, "timeline": late, "periods_at": ["6 d", "5 d", "3 d"]})
    got = after_the_run(s)
    assert len(got) == 2 and got[0].startswith("the dated reform 'training' takes effect")
    assert got[1].startswith("the period from periods_at 6 d begins on day 6 of the run, at or")
    assert "observe more than 6 days (--days)" in got[1]
    assert after_the_run(s, [144.0]) == got[:1]


CHINA = Path(sim.__file__).parent / "scenarios" / "china-2017.toml"  # a 744-day run


def test_a_time_of_the_run_may_be_given_up_to_the_runs_end():
    """A timeline entry's ``at`` and ``periods_at`` may name any time of the run as a
    duration (a 744-day run's day 400), up to its end (or 365 d in a shorter run); other
    durations keep their 365 d."""
    late = [{"reform": "training", "at": "400 d"}]
    s = sim.load_scenario(CHINA, {"timeline": late, "periods_at": ["400 d", "744 d"]})
    assert s.timeline[0].hours(s.start_date) == 400 * 24 and s.periods_at == [9600, 744 * 24]
    run = "the longer of the run (7 days of warm-up + 723 observed days + 14 days of drain = "
    with pytest.raises(ScenarioError) as err:
        sim.load_scenario(CHINA, {"timeline": [{"reform": "training", "at": "745 d"}]})
    assert err.value.problems[0][1] == "timeline.0.at"
    assert f"745 d is after the run's end: at most 744 d, {run}744 days) and 365 d" in str(
        err.value
    )
    with pytest.raises(ScenarioError, match=r"periods_at\.1: 800 d is after the run's end"):
        sim.load_scenario(CHINA, {"periods_at": ["10 d", "800 d"]})
    with pytest.raises(ScenarioError, match=r"periods_at\.0: 366 d is after .* at most 365 d"):
        sim.load_scenario(SMALL, {"periods_at": ["366 d"]})
    assert sim.load_scenario(SMALL, {"periods_at": ["365 d"]}).periods_at == [365 * 24]
    with pytest.raises(ScenarioError, match=r"exam.booking_lead = '400 d': at most 365 d"):
        sim.load_scenario(CHINA, {"ports.sea_port.exam.booking_lead": "400 d"})


def test_a_comparison_adds_no_period_past_the_latest_time_a_period_may_begin():
    """A dated reform long after the run is warned about; the comparison splits no option
    at its date (periods_at would refuse it)."""
    from sim.experiment.compare import _common_periods

    base = sim.load_scenario(SMALL, {"start_date": "2019-12-30"})  # (a Monday)
    far = apply(base, "training@2030-01-01")
    near = apply(base, "training@2020-01-08")
    got = _common_periods({"baseline": base, "far": far, "near": near})
    assert [v.periods_at for v in got.values()] == [[9 * 24.0]] * 3


# -- a dated reform's running cost -----------------------------------------------------------
def test_a_dated_reforms_running_cost_counts_from_its_date():
    """A reform's cost_per_year, dated, is paid from its date on: over half the observed
    window, half a year's cost per year of the window; a reform dated before the window is
    paid over all of it. The flow is the same whatever the reform costs."""
    from sim.model.costs import HOURS_PER_YEAR

    def run(cost: float, at: str) -> sim.RunResult:
        s = sim.load_scenario(
            SMALL,
            {
                "days": 4,
                "warmup_days": 1,
                "costs.price_year": 2019,
                "timeline": [{"reform": f"smart_image_review:cost_per_year={cost:.0f}", "at": at}],
            },
        )
        return sim.simulate(s, 1)

    half, free = run(2e6, "3 d"), run(0, "3 d")  # window [1 d, 5 d): in force from day 3
    row = half.agency.set_index("item").loc["systems:smart_image_review"]
    assert row["quantity"] == pytest.approx(48 / HOURS_PER_YEAR)
    assert row["price"] == 2e6
    a, b = free.metrics(), half.metrics()
    assert b["agency_cost_per_year"] - a["agency_cost_per_year"] == pytest.approx(1e6)
    assert b["clearance_h_mean"] == a["clearance_h_mean"]
    whole = run(2e6, "12 h").agency.set_index("item").loc["systems:smart_image_review"]
    assert whole["quantity"] == pytest.approx(96 / HOURS_PER_YEAR)


def test_an_era_shares_every_resource_the_port_built(monkeypatch: pytest.MonkeyPatch):
    """A later era's port has the first one's lanes, whatever they are: a lane added to
    ``build_lanes`` (here ``vet``) is shared without being listed anywhere else."""
    import sim.model.port_lanes as port_lanes
    from sim.model.world import World

    yard = port_lanes._build_yard

    def with_vet(port):  # type: ignore[no-untyped-def]
        yard(port)
        port.vet = object()  # (a lane build_lanes makes, as the others)

    monkeypatch.setattr(port_lanes, "_build_yard", with_vet)
    base = apply(sim.load_scenario(SMALL, BEFORE), "separate_inspection")
    world = World(apply(base, f"merged_inspection@{T:g}h"), 5)
    for port in world.ports:
        assert port.eras, "the timeline makes a later era"
        assert "vet" in port.built and "review" in port.built
        for _, era in port.eras:
            for key in port.built:
                assert getattr(era, key) is getattr(port, key), key


def test_a_dated_reform_that_writes_a_whole_table_with_a_lane_in_it_is_refused(monkeypatch):
    """A reform may write a whole table (a section with a lane in it) rather than a field:
    its lane's capacity inside is still built once, so it is refused on load like a capacity
    set alone (it used to pass, and the lane never worked: results equal to the baseline's)."""
    from sim.reforms import REFORMS
    from sim.reforms.reform import Reform

    def whole_scan(data: dict, strengths: dict) -> dict:
        scan = dict(data["ports"]["sea"]["scan"])
        scan["scanners"] = {**scan["scanners"], "capacity": 5, "schedule": None}
        return {"ports.sea.scan": scan}

    monkeypatch.setitem(REFORMS, "whole_scan", Reform("whole_scan", "a bigger scan", whole_scan))
    sim.load_scenario(SMALL, {"timeline": [{"reform": "training", "at": "1 d"}]})  # others pass
    with pytest.raises(
        ScenarioError,
        match=r"timeline.0.reform: 'whole_scan' changes ports.sea.scan.scanners.capacity "
        r"\(to 5\), which is built once",
    ):
        sim.load_scenario(SMALL, {"timeline": [{"reform": "whole_scan", "at": "1 d"}]})


def test_clearance_is_reported_by_the_timelines_periods_of_arrival(capsys, tmp_path):
    """Before and after a dated reform: each period's mean clearance (and by direction) is the
    log's mean over the goods that arrived in it; a run names when each period begins."""
    from sim.cli import main

    over = {**BEFORE, "timeline": [{"reform": "merged_inspection", "at": f"{T:g} h"}]}
    r = sim.simulate(apply(sim.load_scenario(SMALL, over), "separate_inspection"), 5, log=True)
    m = r.metrics()
    log = r.log[r.log.cohort & r.log.released.notna()].astype({"direction": str})
    era = np.where(log.arrived >= T, "era_1", "era_0")
    span = log.released - log.arrived
    assert set(era) == {"era_0", "era_1"}
    for (k, direction), rows in span.groupby([era, log.direction]):
        assert m[f"clearance_h_mean_{k}_{direction}"] == pytest.approx(rows.mean(), rel=1e-9)
    for k, rows in span.groupby(era):
        assert m[f"clearance_h_mean_{k}"] == pytest.approx(rows.mean(), rel=1e-9)
    # (no drain: the names a run's metrics have, not their figures, are what is read next)
    undated = sim.simulate(sim.load_scenario(SMALL, {**BEFORE, "drain_days": 0}), 5).metrics()
    assert "clearance_h_mean_era_0" not in undated  # (no timeline, no periods)
    argv = ["run", str(SMALL), "--reps", "1", "--days", "4", "--set", "warmup_days=0",
            "--set", "drain_days=1",  # (the periods' names: 1 drain day, not 7)
            "--set", f"timeline=[{{reform = 'training', at = '{T:g} h'}}]",
            "--out", str(tmp_path / "o")]  # fmt: skip
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "era_0 from the observed days' start (day 0); era_1 from day 2: training" in err, err
    saved = (tmp_path / "o" / "warnings.json").read_text(encoding="utf-8")
    assert "era_1 from day 2: training" in saved  # (a saved folder can date its periods)


def test_compare_splits_every_option_at_a_dated_reforms_date_for_a_paired_difference(tmp_path):
    """A dated reform's before and after set against the baseline's same periods: the
    baseline (no timeline of its own) is split at the option's date too, so each period has
    a paired difference, and the comparison names the periods."""
    import json

    from sim.cli import main

    # (1 drain day, not 7: the periods split the observed arrivals, which the drain follows)
    argv = ["compare", str(SMALL), "--reforms", f"training@{T:g}h", "--reps", "2", "--days",
            "4", "--set", "warmup_days=0", "--set", "drain_days=1",
            "--out", str(tmp_path / "c")]  # fmt: skip
    assert main(argv) == 0
    diff = pd.read_csv(tmp_path / "c" / "differences.csv")
    for era in ("era_0", "era_1"):
        row = diff[(diff.metric == f"clearance_h_mean_{era}_import") & (diff.option != "baseline")]
        assert len(row) == 1 and row.n.iloc[0] == 2 and row["mean"].notna().all(), (era, row)
    summary = pd.read_csv(tmp_path / "c" / "summary.csv")
    assert "clearance_h_mean_era_1" in set(summary[summary.option == "baseline"].metric)
    meta = json.loads((tmp_path / "c" / "compare.json").read_text(encoding="utf-8"))
    # each period's start names whose reform begins then (the baseline is split there too)
    assert meta["periods"][1] == "era_1 from day 2: training in option training.at.48h"
    page = (tmp_path / "c" / "report.html").read_text(encoding="utf-8")
    assert "clearance_h_mean_era_1" in page and "declared_to_release_h_mean" in page
    # the report names the periods, gives the dated option's headline period by period
    # (its pooled lines mix the weeks before the date with those after), and its mechanism
    assert "training.at.48h switches on training on day 2 (2 days into the observed run)" in page
    assert ("Goods arriving from day 2 (2 days into the observed run) to the observed run&#x27;s "
            "end (day 4), its own training in force:") in page
    assert ("Over the whole run, every port (its reform in force for 2 of 4 observed days: "
            "whole-run figures mix the periods; see the period figures):") in page
    assert ("training, from day 2 (2 days into the observed run), for the goods arriving from "
            "then: officers work faster") in page



def test_enforcement_is_reported_by_the_timelines_periods_of_arrival():
    """Before and after a date (observed day 2 on), what customs sees and how much it finds:
    each period's inspection rate and seizures per 1,000 (pooled and by direction) are the
    log's over the goods that arrived in it, its detection rate the daily series' over its
    days (illicit goods still held undetected at the end left out, as in detection_rate)."""
    over = {"days": 4, "warmup_days": 1, "drain_days": 0, "periods_at": ["72 h"]}
    r = sim.simulate(sim.load_scenario(sim.default_scenario_path(), over), 3, log=True)
    m = r.metrics()
    log = r.log[r.log.cohort].astype({"direction": str, "outcome": str}).copy()
    log = log.assign(
        era=np.where(log.arrived >= 72.0, "era_1", "era_0"),
        inspected=log[["scan_start", "exam_start", "quarantine_start"]].notna().any(axis=1),
        caught=log.outcome.isin(["seized", "detained", "rejected"]),
    )
    groups = [*log.groupby(["era", "direction"]), *(((k, ""), g) for k, g in log.groupby("era"))]
    assert len(groups) == 6
    for (era, direction), rows in groups:
        name = f"{era}_{direction}" if direction else era
        assert m[f"inspection_rate_{name}"] == pytest.approx(rows.inspected.mean())
        assert m[f"seizures_per_1000_{name}"] == pytest.approx(1000 * rows.caught.mean())
    assert m["inspection_rate_era_0"] != m["inspection_rate_era_1"]  # (not the run's twice)
    daily = r.enforcement_daily.assign(era=lambda x: np.where(x.day >= 2, "era_1", "era_0"))
    assert daily[daily.era == "era_1"].held.sum() > 0  # (no drain: some held, outcome unknown)
    for keys, suffix in ((["era"], ""), (["era", "direction"], "_{}")):
        for key, rows in daily.groupby(keys):
            era, *direction = key if isinstance(key, tuple) else (key,)
            name = era + suffix.format(*direction)
            known = rows.illicit.sum() - rows.held.sum()
            assert known > 0
            assert m[f"detection_rate_{name}"] == pytest.approx(rows.detected.sum() / known)
    undated = sim.simulate(sim.load_scenario(sim.default_scenario_path(),  # (no drain: 14)
                                             {"days": 2, "warmup_days": 1, "drain_days": 0}),
                           3).metrics()
    assert not [k for k in undated if "_era_" in k]  # (no timeline, no periods)


def test_a_tables_period_rows_follow_its_rows_each_metrics_periods_side_by_side():
    """A table shows the periods of the metrics it shows, and only those: each metric's
    periods side by side (before and after a date next to each other), pooled, then
    imports, then exports, so a reader compares a period with the next at a glance."""
    from sim.experiment.metric_names import era_rows

    names = ["clearance_h_mean", "clearance_h_mean_era_1_import", "inspection_rate_era_0",
             "clearance_h_mean_era_0_import", "clearance_h_mean_era_1", "seizures_per_1000_era_1",
             "clearance_h_mean_era_0", "inspection_rate_era_1", "clearance_h_mean_era_10",
             "inspection_rate_era_0_export", "clearance_h_mean_import"]  # fmt: skip
    assert era_rows(names) == (
        "clearance_h_mean_era_0", "clearance_h_mean_era_1", "clearance_h_mean_era_10",
        "clearance_h_mean_era_0_import", "clearance_h_mean_era_1_import",
        "inspection_rate_era_0", "inspection_rate_era_1", "inspection_rate_era_0_export",
        "seizures_per_1000_era_1",
    )  # fmt: skip
    shown = ["clearance_h_mean_import", "inspection_rate"]
    assert era_rows(names, shown) == (
        "clearance_h_mean_era_0_import", "clearance_h_mean_era_1_import",
        "inspection_rate_era_0", "inspection_rate_era_1",
    )  # fmt: skip
    assert era_rows(["hit_rate_general", "operator_cost"]) == ()


def test_a_reform_that_moves_the_assessment_earlier_never_acts_before_its_date():
    """Goods in port before advance lodging starts, whose declaration the old rules lodge
    after the date, keep the old rules: the new ones would lodge it in advance, days before
    the reform exists (it used to: assessed, and released, before the date). Every
    consignment assessed before the date has the baseline's draws and lodging."""
    base = sim.load_scenario(SMALL, {"days": 4, "warmup_days": 0})
    b = sim.simulate(base, 5, log=True).log.sort_values("index").set_index(["port", "index"])
    dated = sim.simulate(apply(base, f"advance_declaration@{T:g}h"), 5, log=True).log
    o = dated.sort_values("index").set_index(["port", "index"])
    early = o.assessed < T
    cols = ["advance", "advance_lead", "lodging_delay", "lodged"]
    pd.testing.assert_frame_equal(o.loc[early, cols], b.loc[early, cols])
    straddle = (b.arrived < T) & (b.assessed >= T)  # (in port before the date, assessed after)
    assert straddle.sum() > 50
    late = o.assessed >= T
    assert o.advance[late].mean() > b.advance[late].mean() + 0.05  # the reform acts after it


def test_a_reform_dated_inside_the_warm_up_is_said_to_have_no_before(tmp_path, capsys):
    """A reform that takes effect before the observed days begin meets every observed
    arrival: there is no period before it. The comparison says so (it went almost unsaid),
    and its table shows no rows of the period no observed goods arrived in (they read
    'measured in no replication')."""
    from sim.cli import main

    # (a warm-up of 2 days, not 7, still holds the date; 1 drain day, not 7: no period
    # follows the observed arrivals)
    argv = ["compare", str(SMALL), "--reforms", "training@1d", "--reps", "2", "--days", "2",
            "--set", "warmup_days=2", "--set", "drain_days=1",
            "--out", str(tmp_path / "c")]  # fmt: skip
    assert main(argv) == 0
    said = capsys.readouterr()
    assert "warning (training.at.1d): the dated reform 'training' takes effect on day 1 of the " \
        "run, at or before the observed days begin (day 2, after the warm-up)" in said.err
    assert "era_1" in said.out and "era_0" not in said.out
    page = (tmp_path / "c" / "report.html").read_text(encoding="utf-8")
    assert "clearance_h_mean_era_1" in page and "clearance_h_mean_era_0" not in page


def test_a_comparisons_periods_name_each_options_own_dated_reform():
    """Two options dated at other days: every option is split at both dates, and each
    period's start names the option whose reform begins then (not one option's reforms for
    all, nor a field name); the scenario's own dated reform keeps its plain name."""
    from sim.experiment.compare import _period_names

    base = sim.load_scenario(SMALL, {"timeline": [{"reform": "training", "at": "1 d"}]})
    later = {"reform": "smart_image_review", "at": "3 d"}
    variants = {
        "baseline": base,
        "a": sim.load_scenario(SMALL, {"timeline": [{"reform": "training", "at": "1 d"},
                                                    {"reform": "single_window", "at": "2 d"}]}),
        "b": sim.load_scenario(SMALL, {"timeline": [{"reform": "training", "at": "1 d"}, later]}),
    }  # fmt: skip
    assert _period_names(base, variants) == {
        24.0: "training", 48.0: "single_window in option a", 72.0: "smart_image_review in option b"
    }


def test_the_same_dated_reform_listed_twice_is_refused(tmp_path, capsys):
    """The same reform at the same time (however the time is written) was applied twice,
    its effect compounded, silently."""
    from sim.cli import main

    entries = [("training", "2 d"), ("single_window", "2 d"), ("training", "48 h")]
    f = _timeline_file(tmp_path / "twice.toml", SMALL, entries)
    assert main(["check", str(f)]) == 2
    assert capsys.readouterr().err == (
        f"error: {f.resolve()}: timeline.2.reform: timeline.0 and timeline.2 are the same "
        "reform ('training') at the same time (2 d): it would be applied twice, its effect "
        "compounded; give it once\n"
    )
    # the same reform at two times, or two reforms at one time: allowed
    twice = [{"reform": "training", "at": "2 d"}, {"reform": "training", "at": "3 d"}]
    assert len(sim.load_scenario(SMALL, {**BEFORE, "timeline": twice}).timeline) == 2
