"""Warm-up: MSER-5 on series with a known transient, the daily series of a pilot, and the
``bordersim warmup`` / ``bordersim run`` faces (whole weeks, warnings)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

import sim
from sim.cli import main
from sim.experiment.warmup import (
    Suggestion,
    _longest,
    daily_clearance,
    daily_clearance_by_group,
    mser,
    save_suggestion,
    warmup_key,
    warmup_warning,
)

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def test_mser5_cuts_a_step_transient_exactly():
    # a transient of 30 observations on top of a cycle of period 5 (which batching removes)
    cycle = np.tile([3.0, -1.0, -4.0, 0.5, 1.5], 40)
    y = np.concatenate([np.full(30, 50.0), np.zeros(170)]) + cycle
    assert mser(y, 5).truncation == 30
    assert mser(y[5:], 5).truncation == 25


def test_mser5_on_noisy_transients():
    rng = np.random.default_rng(0)
    step = np.concatenate([np.full(30, 50.0), np.zeros(170)]) + rng.normal(0, 1, 200)
    assert 30 <= mser(step, 5).truncation <= 60  # never inside the transient
    t = np.arange(300)
    decay = 40 * np.exp(-t / 10) + rng.normal(0, 1, 300)  # below the noise after about 40
    cut = mser(decay, 5).truncation
    assert cut % 5 == 0 and 25 <= cut <= 80


def test_mser5_keeps_a_stationary_series_whole():
    y = np.random.default_rng(2).normal(10, 1, 200)
    assert mser(y, 5).truncation <= 10  # at most a batch or two of noise


def test_mser5_on_a_weekly_cycle_cuts_a_batch_for_nothing_but_never_two_weeks():
    """Daily means with a strong weekly cycle and no transient: 5-day batches hold no whole
    week, so their means still swing with the cycle and MSER-5 mostly drops the first batch
    (5 days, a week once rounded up) for nothing, but never two weeks. Batches of whole weeks
    remove the swing but, being fewer, cut two weeks or more far more often (as MSER-5 does
    on noise alone): so the batch stays 5 and the docs say what a week's suggestion means."""
    rng = np.random.default_rng(3)
    week = np.array([1.6, 1.4, 1.2, 1.0, 0.8, 0.5, 0.5])
    series = [10 + 5 * np.tile(week - week.mean(), 8) + rng.normal(0, 0.25, 56)
              for _ in range(100)]
    cuts = np.array([mser(y).truncation for y in series])  # (the default batch, as a pilot's)
    assert cuts.max() <= 5 and (cuts == 5).mean() > 0.5, np.bincount(cuts)
    weeks = np.array([mser(y, 7).truncation for y in series])
    assert (weeks >= 14).mean() > 0.2, np.bincount(weeks)


def test_mser_statistic_and_limits():
    m = mser(np.arange(20.0), 5)  # 4 batch means: d in 0..2
    z = np.array([2.0, 7.0, 12.0, 17.0])
    want = [np.sum((z[d:] - z[d:].mean()) ** 2) / (4 - d) ** 2 for d in range(3)]
    assert m.statistic == pytest.approx(want)
    with pytest.raises(ValueError):
        mser([1.0] * 9, 5)


def test_daily_clearance_from_the_log():
    scenario = sim.load_scenario(SMALL, {"days": 3, "warmup_days": 0, "drain_days": 10})
    result = sim.simulate(scenario, 1, log=True)
    daily = daily_clearance(result, 3)
    log = result.log
    day1 = log[(log.arrived >= 24) & (log.arrived < 48)]
    assert daily[1] == pytest.approx((day1.exited - day1.arrived).mean())
    assert len(daily) == 3 and np.isfinite(daily).all()


def test_daily_clearance_by_port_and_direction_from_the_log():
    scenario = sim.load_scenario(SMALL, {"days": 3, "warmup_days": 0, "drain_days": 10})
    result = sim.simulate(scenario, 1, log=True)
    daily = daily_clearance_by_group(result, 3)
    assert set(daily) == {"sea/import", "sea/export"}
    log = result.log
    day1 = log[(log.arrived >= 24) & (log.arrived < 48)]
    ex = day1[day1.direction == "export"]
    assert daily["sea/export"][1] == pytest.approx((ex.loaded - ex.arrived).mean())
    im = day1[day1.direction == "import"]
    assert daily["sea/import"][1] == pytest.approx((im.exited - im.arrived).mean())


def test_a_small_flows_transient_is_not_hidden_by_a_big_one():
    """A big flow, noisy but steady from the start, and a small one (a sea port's exams)
    whose clearance starts low and takes 20 days to settle: the pooled daily mean, weighted
    by volume, shows no transient, the per-flow series do, and the suggestion covers it."""
    rng = np.random.default_rng(5)
    days = 56
    small = np.where(np.arange(days) < 20, 10.0, 30.0)  # an empty yard fills up
    reps = {}
    for r in range(3):
        big = 5.0 + rng.normal(0, 2.0, days)
        little = small + rng.normal(0, 1.0, days)
        reps[r] = {"hub/import": big, "sea/export": little}
    pooled = np.mean([(100 * reps[r]["hub/import"] + reps[r]["sea/export"]) / 101
                      for r in reps], axis=0)  # fmt: skip
    assert mser(pooled, 5).truncation < 20  # what the pooled pilot suggested
    series, _, mean, m, each = _longest(reps, 5)
    assert series == "sea/export" and m.truncation >= 20
    # every series' own truncation is kept, the longest being the suggestion's (their
    # spread shows how much of it is noise)
    assert set(each) == {"hub/import", "sea/export"} and each["sea/export"] == m.truncation
    assert each["hub/import"] == mser(np.mean([reps[r]["hub/import"] for r in reps], axis=0),
                                      5).truncation  # fmt: skip
    assert mean.to_numpy() == pytest.approx(np.mean([reps[r][series] for r in reps], axis=0))
    # a flow too small to be measured most days is left out, not taken as a transient
    reps[0]["tiny/import"] = np.where(np.arange(days) % 2 == 0, np.nan, 99.0)
    for r in (1, 2):
        reps[r]["tiny/import"] = np.full(days, np.nan)
    assert _longest(reps, 5)[0] == "sea/export"


def test_warning_only_when_the_warmup_is_shorter():
    scenario = sim.load_scenario(SMALL)  # warm-up 7 days
    s = Suggestion(2, 14, 10, 28, 1, 1, "clearance", 5, "small", warmup_key(scenario))
    assert "14" in warmup_warning(scenario, s)
    assert warmup_warning(sim.load_scenario(SMALL, {"warmup_days": 14}), s) is None
    # the key ignores the days, the warm-up and the drain, but not the model
    assert warmup_key(sim.load_scenario(SMALL, {"days": 3, "warmup_days": 21})) == s.key
    assert warmup_key(sim.load_scenario(SMALL, {"ports.sea.review.capacity": 9})) != s.key


def test_cli_warmup_prints_whole_weeks(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    argv = ["warmup", str(SMALL), "--days", "21", "--reps", "1", "--output", "queue"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    m = re.search(r"suggested warm-up: (\d+) week\(s\) \((\d+) days\)", out)
    assert m, out
    weeks, days = int(m[1]), int(m[2])
    assert days == 7 * weeks
    saved = list((tmp_path / "results" / "warmup").glob("*.json"))
    assert len(saved) == 1
    data = json.loads(saved[0].read_text())
    assert data["weeks"] == weeks and data["days"] % 7 == 0
    assert data["truncation_days"] <= data["days"] < data["truncation_days"] + 7
    assert saved[0].with_suffix(".png").read_bytes()[:4] == b"\x89PNG"

    assert main([*argv, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["weeks"] == weeks


def test_run_warns_with_a_stored_suggestion(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    scenario = sim.load_scenario(SMALL)
    save_suggestion(
        Suggestion(3, 21, 17, 56, 3, 1, "clearance", 5, "small", warmup_key(scenario))
    )
    args = ["run", str(SMALL), "--days", "1", "--reps", "1", "--json"]
    assert main([*args, "--out", "short"]) == 0
    err = capsys.readouterr().err
    assert "warning: warm-up of 7 day(s) is shorter than the suggested 3 week(s)" in err
    warnings = json.loads((tmp_path / "short" / "warnings.json").read_text())
    assert "3 week(s)" in warnings["warnings"][0]

    assert main([*args, "--set", "warmup_days=21", "--out", "long"]) == 0
    assert "warning" not in capsys.readouterr().err
    assert not (tmp_path / "long" / "warnings.json").exists()


def test_run_check_warmup_runs_a_pilot_when_none_is_stored(tmp_path, capsys, monkeypatch):
    import sim.experiment.warmup as warmup

    monkeypatch.chdir(tmp_path)
    calls = []

    def fake_pilot(scenario, *a, **kw):
        calls.append(scenario.name)
        s = Suggestion(4, 28, 25, 56, 3, 1, "clearance", 5, "small", warmup_key(scenario))
        return warmup.Pilot(s, None, None, None)  # type: ignore[arg-type]

    monkeypatch.setattr(warmup, "pilot", fake_pilot)
    args = ["run", str(SMALL), "--days", "1", "--reps", "1", "--json"]
    assert main([*args, "--out", "a"]) == 0  # not asked: no pilot, no warning
    assert calls == [] and "warning" not in capsys.readouterr().err
    assert main([*args, "--out", "b", "--check-warmup"]) == 0
    assert calls == ["small"] and "4 week(s)" in capsys.readouterr().err
    assert main([*args, "--out", "c", "--check-warmup"]) == 0  # reuses the stored one
    assert calls == ["small"] and "4 week(s)" in capsys.readouterr().err


def test_a_pilot_too_short_says_how_long_it_must_be(capsys):
    """The error names the minimum, not only that the pilot is too short."""
    from sim.cli import main

    assert main(["warmup", str(SMALL), "--days", "7"]) == 2
    err = capsys.readouterr().err
    assert "too short for MSER-5: it needs at least 10 days" in err and "Traceback" not in err


def test_each_outputs_suggestion_is_kept_apart_and_the_longest_is_used(tmp_path):
    """`warmup --output queue` no longer overwrites the clearance suggestion: each output has
    its own file, and a run checks its warm-up against the longer of the two."""
    from sim.experiment.warmup import stored_suggestion, suggestion_path

    scenario = sim.load_scenario(SMALL)
    key = warmup_key(scenario)
    clearance = Suggestion(2, 14, 10, 28, 1, 1, "clearance", 5, "small", key)
    queue = Suggestion(3, 21, 12, 28, 1, 1, "queue", 5, "small", key)
    a, b = save_suggestion(clearance, tmp_path), save_suggestion(queue, tmp_path)
    assert a != b and a == suggestion_path(scenario, tmp_path, pilot_days=28)
    assert b == suggestion_path(scenario, tmp_path, "queue", pilot_days=28)
    assert stored_suggestion(scenario, tmp_path) == queue
    save_suggestion(Suggestion(4, 28, 10, 28, 1, 1, "clearance", 5, "small", key), tmp_path)
    assert stored_suggestion(scenario, tmp_path).output == "clearance"


def test_a_truncation_at_the_search_limit_is_flagged():
    """A series still rising at its end has no steady state within it: MSER's truncation
    is then the longest it may choose (half the series), which is flagged, and the warning
    asks for a longer pilot."""
    from sim.experiment.warmup import _doubts

    rising = mser(np.arange(60.0), 5)
    assert rising.truncation == 30 and rising.at_limit
    settled = mser(np.concatenate([np.arange(10.0), np.full(50, 10.0)]), 5)
    assert not settled.at_limit
    doubts = _doubts(rising, {0: {"all": np.arange(60.0)}}, 60, "clearance", 1.0)
    assert len(doubts) == 1
    assert doubts[0].startswith("no steady state found within the pilot")
    assert "run a longer pilot" in doubts[0]
    assert _doubts(settled, {0: {"all": np.arange(60.0)}}, 60, "clearance", 1.0) == []
    scenario = sim.load_scenario(SMALL)
    s = Suggestion(5, 35, 30, 60, 1, 1, "clearance", 5, "small", warmup_key(scenario),
                   at_limit=True)  # fmt: skip
    assert "no steady state found within the pilot: run a longer pilot" in str(
        warmup_warning(scenario, s)
    )


def test_a_queue_sampled_less_than_daily_is_a_warning(tmp_path, capsys, monkeypatch):
    """With queue_sample = "1 w" a daily queue series has one value a week and carries it
    forward: the pilot says so instead of suggesting weeks silently."""
    monkeypatch.chdir(tmp_path)
    argv = ["warmup", str(SMALL), "--days", "14", "--reps", "1", "--output", "queue", "--json"]
    assert main([*argv, "--set", "queue_sample=1 w"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert any("only 2 of the 14 pilot days have a sample" in w for w in data["warnings"])
    assert "warning: the queue is sampled every 168 h: only 2 of the 14" in captured.err
    assert main(argv) == 0  # sampled every few minutes: no such warning
    assert not any("sampled every" in w for w in json.loads(capsys.readouterr().out)["warnings"])


def test_pilots_with_other_seeds_are_kept_and_the_longest_is_used(tmp_path, capsys, monkeypatch):
    """A pilot with another seed no longer overwrites the last one's suggestion, so whether a
    run warns does not depend on which pilot ran last."""
    from sim.experiment.warmup_store import saved_suggestions, saved_warning

    monkeypatch.chdir(tmp_path)
    scenario = sim.load_scenario(SMALL)
    key = warmup_key(scenario)
    three = Suggestion(3, 21, 15, 56, 3, 1, "clearance", 5, "small", key)
    none = Suggestion(0, 0, 0, 56, 3, 2, "clearance", 5, "small", key)
    assert save_suggestion(three) != save_suggestion(none)  # seed 1, then seed 2
    assert len(saved_suggestions(scenario)) == 2
    s, warning = saved_warning(scenario)
    assert s == three and "the longest of 2 saved pilots" in str(warning)
    args = ["run", str(SMALL), "--days", "1", "--reps", "1", "--json", "--out", "r"]
    assert main(args) == 0
    assert "shorter than the suggested 3 week(s)" in capsys.readouterr().err


def test_the_pilot_has_random_streams_of_its_own(monkeypatch):
    """The pilot's replications are not those of the runs it chooses a warm-up for."""
    from sim.experiment import warmup
    from sim.experiment.executors import get_executor

    seen = []
    serial = get_executor("serial")

    class Watching:
        def map(self, tasks):
            seen.extend(t.replication for t in tasks)
            return serial.map(tasks)

    scenario = sim.load_scenario(SMALL)
    p = warmup.pilot(scenario, 10, 2, output="queue", executor=Watching())  # type: ignore[arg-type]
    assert seen == [warmup.PILOT_REPLICATION, warmup.PILOT_REPLICATION + 1]
    assert warmup.PILOT_REPLICATION >= 1_000_000
    assert p.suggestion.first_replication == warmup.PILOT_REPLICATION


def test_compare_warns_of_a_warmup_shorter_than_a_saved_suggestion(tmp_path, capsys, monkeypatch):
    """`compare` gives the warning `run` gives: on stderr and in compare.json's warnings
    (which its report shows)."""
    monkeypatch.chdir(tmp_path)
    scenario = sim.load_scenario(SMALL)
    save_suggestion(Suggestion(3, 21, 17, 56, 3, 1, "clearance", 5, "small", warmup_key(scenario)))
    argv = ["compare", str(SMALL), "--days", "1", "--reps", "2", "--set", "drain_days=1",
            "--set", "warmup_days=0", "--option", "more:ports.sea.document_check.capacity=3",
            "--out", "c", "--no-report"]  # fmt: skip
    assert main(argv) == 0
    err = capsys.readouterr().err
    want = "warm-up of 0 day(s) is shorter than the suggested 3 week(s)"
    assert f"warning: {want}" in err
    meta = json.loads((tmp_path / "c" / "compare.json").read_text())
    assert [w for w in meta["warnings"] if w.startswith(want)]


def test_cli_warmup_shows_every_series_truncation_and_saves_them(tmp_path, capsys, monkeypatch):
    """The suggestion is the longest of the series' truncations: each is shown and saved, so
    their spread (how much of the suggestion is noise) can be seen."""
    monkeypatch.chdir(tmp_path)
    argv = ["warmup", str(SMALL), "--days", "14", "--reps", "1", "--json"]
    assert main(argv) == 0
    got = json.loads(capsys.readouterr().out)
    each = got["truncations"]
    assert len(each) > 1 and max(each.values()) == got["truncation_days"]
    assert got["series"] in each and each[got["series"]] == got["truncation_days"]
    assert main(argv[:-1]) == 0
    assert "each series' truncation (days): " in capsys.readouterr().out


def test_a_pilot_longer_than_a_run_may_be_is_refused_before_it_runs(capsys, monkeypatch):
    """--days 1000000 failed in every pilot replication, with a message about drain_days
    (which the user never set) and a --out that warmup does not have."""
    from sim.experiment import warmup as warmup_mod

    def refuse(*args, **kwargs):
        raise AssertionError("a pilot ran")

    monkeypatch.setattr(warmup_mod, "_pilot_series", refuse)
    assert main(["warmup", str(SMALL), "--days", "1000000", "--reps", "2"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "error: a pilot of 1,000,000 days is too long: allowed 10 to 18,262 days (the pilot "
        "runs its days and then at least as long again to drain, and a run is at most 36,525 "
        "days)\n"
    )
    with pytest.raises(ValueError, match="allowed 10 to 18,262 days"):
        warmup_mod.pilot(sim.load_scenario(SMALL), 18_263)


def test_a_pilot_run_the_scenario_could_not_hold_is_refused_before_it_runs(capsys, monkeypatch):
    """The pilot's own run (its days, drained as long again) is checked as a scenario is:
    too many consignments is said once, up front, not by every replication failing."""
    from sim.experiment import warmup as warmup_mod

    def refuse(*args, **kwargs):
        raise AssertionError("a pilot ran")

    monkeypatch.setattr(warmup_mod, "_pilot_series", refuse)
    argv = ["warmup", str(SMALL), "--set", "ports.sea.exports.arrivals.rate=1000000/d",
            "--days", "200", "--reps", "2"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: a pilot of 200 days cannot run: ports.sea.exports.arrivals."
                          "rate: about 200,084,000 consignments") and err.count("\n") == 1


def test_a_pilot_takes_a_scenario_files_path_as_the_other_experiments_do():
    """``pilot`` takes a scenario or its file's path, as ``replicate`` and ``sobol`` do: the
    same pilot either way."""
    from sim.experiment import warmup

    by_path = warmup.pilot(str(SMALL), 10, 1, output="queue")
    loaded = warmup.pilot(sim.load_scenario(SMALL), 10, 1, output="queue")
    assert by_path.suggestion == loaded.suggestion
    assert by_path.daily.equals(loaded.daily)


def test_a_shorter_pilot_with_the_same_seed_keeps_the_longer_ones_suggestion(tmp_path):
    """A 10-day pilot no longer replaces the saved 28-day one of the same seed: each length
    has its own file, and runs are checked against the longest suggestion saved."""
    from sim.experiment.warmup import stored_suggestion
    from sim.experiment.warmup_store import saved_suggestions

    scenario = sim.load_scenario(SMALL)
    key = warmup_key(scenario)
    long = Suggestion(4, 28, 20, 28, 2, 1, "clearance", 5, "small", key)
    short = Suggestion(1, 7, 3, 10, 1, 1, "clearance", 5, "small", key)
    assert save_suggestion(long, tmp_path) != save_suggestion(short, tmp_path)
    assert len(saved_suggestions(scenario, tmp_path)) == 2
    assert stored_suggestion(scenario, tmp_path) == long


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        ({"days": "abc"}, "days: Input should be a valid integer (got 'abc')"),
        ({"days": float("nan")}, "days: Input should be a valid integer (got nan)"),
        ({"days": 1e9}, "days: Input should be a valid integer"),
        ({"days": 10**9}, "days: Input should be less than or equal to 36525"),
        ({"days": 14}, "days 14 is not 7 times weeks 3"),
        ({"weeks": 30, "days": 210}, "210 days is longer than the 56-day pilot"),
        ({"truncation_days": 30}, "21 days is shorter than the truncation of 30 days"),
        ({"weeks": "x"}, "weeks: Input should be a valid integer (got 'x')"),
        ({"seed": None}, "seed: Input should be a valid integer (got None)"),
        ({"output": "both"}, "output: Input should be 'clearance' or 'queue'"),
        ({"warnings": "x"}, "warnings: Input should be a valid list"),
        ({"added": 1}, "added: Extra inputs are not permitted"),
        ({"key": "0123456789abcdef"}, "it holds the suggestion of '0123456789abcdef'"),
        ("garbage{", "not valid JSON"),
        ("[1, 2]", "not a JSON object"),
        ("", "empty"),
    ],
)
def test_a_damaged_saved_suggestion_is_noted_and_skipped(damage, reason, tmp_path):
    """A saved suggestion every later run and comparison reads: a damaged one is named once
    with how to repair it and skipped, never a traceback nor advice from impossible values
    (a field of the wrong type was a TypeError in every run; NaN advised warmup_days=nan)."""
    from sim.experiment.warmup_store import saved_warning

    scenario = sim.load_scenario(SMALL)
    path = _damaged(tmp_path, scenario, damage)
    damaged: list[str] = []
    assert saved_warning(scenario, tmp_path, damaged) == (None, None)
    assert len(damaged) == 1, damaged
    assert damaged[0].startswith(
        f"note: {path} is not a warm-up suggestion bordersim can use ({reason}"), damaged
    assert damaged[0].endswith(
        "; skipped: delete it, or run bordersim warmup on this scenario again to replace it")


def _damaged(root: Path, scenario, damage) -> Path:
    """A saved suggestion of 3 weeks for ``scenario`` under ``root``, then damaged."""
    path = save_suggestion(
        Suggestion(3, 21, 17, 56, 3, 1, "clearance", 5, "small", warmup_key(scenario)), root
    )
    if isinstance(damage, dict):
        path.write_text(json.dumps({**json.loads(path.read_text()), **damage}))
    else:
        path.write_text(damage)
    return path


def test_run_and_compare_note_a_damaged_suggestion_once(tmp_path, capsys, monkeypatch):
    """On stderr and in --json's notes, once; no traceback, no warning from it."""
    monkeypatch.chdir(tmp_path)
    path = _damaged(Path("results"), sim.load_scenario(SMALL), {"days": "abc"})
    note = f"note: {path} is not a warm-up suggestion bordersim can use (days: "
    for argv in (["run", str(SMALL), "--days", "1", "--reps", "1", "--json", "--out", "r"],
                 ["compare", str(SMALL), "--option", "a:days=2", "--days", "1", "--reps", "1",
                  "--json", "--out", "c", "--no-report"]):
        assert main(argv) == 0, argv
        captured = capsys.readouterr()
        assert captured.err.count(note) == 1, captured.err
        assert "shorter than the suggested" not in captured.err  # (skipped)
        assert sum(note in n for n in json.loads(captured.out)["notes"]) == 1
    assert not (tmp_path / "r" / "warnings.json").exists()


def test_a_good_saved_suggestion_beside_a_damaged_one_is_used(tmp_path, capsys, monkeypatch):
    """Only the damaged file is skipped: another pilot's suggestion still warns."""
    monkeypatch.chdir(tmp_path)
    scenario = sim.load_scenario(SMALL)
    key = warmup_key(scenario)
    save_suggestion(Suggestion(3, 21, 17, 56, 3, 1, "clearance", 5, "small", key))
    save_suggestion(Suggestion(2, 14, 10, 56, 3, 2, "clearance", 5, "small", key)).write_text("{")
    assert main(["run", str(SMALL), "--days", "1", "--reps", "1", "--out", "r"]) == 0
    err = capsys.readouterr().err
    assert "seed2-56d.json is not a warm-up suggestion" in err
    assert "shorter than the suggested 3 week(s)" in err, err
