"""Warnings when a queue does not settle: an overloaded lane, a wait that keeps rising week
after week; none on a lane that copes, and none from one late surge."""

from __future__ import annotations

import copy
import functools
import json
import math
from pathlib import Path

import numpy as np
import pytest

import sim
from sim.cli import main
from sim.experiment.compare import compare
from sim.model import stability
from sim.model.milestones import CENSORED, MILESTONES, OUTCOMES, RELEASED, M
from sim.model.stability import rising
from tests.short_runs import short_run

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: the small scenario with an exam yard that copes (its movers hold the whole exam)
COPING = {f"ports.sea.exam.{k}.capacity": 8 for k in ("movers", "teams", "bays")}


@pytest.mark.parametrize(
    "weeks,expected",
    [
        ([1.0, 2.0, 3.0, 4.0], True),  # growing every week
        ([48.8, 78.6, 108.2, 135.3], True),
        ([2.0, 2.1, 1.9, 2.0, 2.1], False),  # scatter around a level
        ([0.3, 0.2, 0.3, 1.3], False),  # one late surge
        ([0.1, 0.3, 0.6, 0.9], False),  # rising, but by less than an hour
        ([1.0, 5.0], False),  # too few weeks to tell
        ([5.0, 4.0, 3.0, 2.0], False),  # falling
    ],
)
def test_rising_rule(weeks, expected):
    assert rising(weeks) is expected


def run(over: dict, days: int = 28) -> sim.RunResult:
    return copy.deepcopy(_run(json.dumps(over), days))


@functools.lru_cache(maxsize=8)
def _run(over: str, days: int) -> sim.RunResult:
    """A run of the small scenario that copes, with the overrides ``over`` (JSON: a hashable
    key), kept: the tests that run it as it is share one run (each gets a copy)."""
    return sim.simulate(sim.load_scenario(SMALL, {"days": days, **COPING, **json.loads(over)}), 1)


def test_no_warning_where_every_lane_copes():
    r = run({})
    assert r.warnings == []


def test_an_overloaded_lane_warns_of_utilisation_and_rising_waits():
    r = run({"ports.sea.document_check.capacity": 1, "selection.document": {"*": {"*": 0.6}}})
    text = "\n".join(r.warnings)
    assert "sea: document_check is 100% utilised" in text
    assert "the mean wait at document_check trends upward" in text
    # each says what to do about it
    # (in Python's words: sim.simulate gives days=N for the command line's --days N)
    assert "run longer (days=" in text and "add capacity there" in text
    assert all("document_check" in w for w in r.warnings)  # the others cope


def test_a_laboratory_that_cannot_keep_up_warns_as_a_lane_does():
    """A lab with room for one sample a day where about four arrive: its batches are always
    full, so the run warns (it used to be silent: the lab was no lane, and the samples it
    held were under 1 % of the cohort); a lab that keeps up does not, and its utilisation is
    the share of its batches' room filled."""
    slow = {"ports.sea.quarantine.lab.batch_size": 1, "ports.sea.quarantine.lab.cutoffs": ["10:00"],
            "ports.sea.quarantine.lab.incubation": "1 d"}  # fmt: skip
    r = run(slow)
    text = "\n".join(r.warnings)
    assert "sea: lab is 100% utilised" in text
    lab = r.resources[(r.resources.port == "sea") & (r.resources.lane == "lab")].iloc[0]
    assert lab.utilisation == 1.0
    coping = run({})
    lab = coping.resources[(coping.resources.port == "sea") & (coping.resources.lane == "lab")]
    assert 0 < lab.utilisation.iloc[0] < 0.9 and coping.warnings == []


def test_the_warnings_reach_the_results_folder_and_the_table(tmp_path: Path, capsys):
    out = tmp_path / "run"
    code = main(
        [
            "run",
            str(SMALL),
            "--reps",
            "2",
            "--days",  # (overload is checked however short the run: a week shows it)
            "7",
            "--out",
            str(out),
            "--set",
            "ports.sea.document_check.capacity=1",
            "--set",
            'selection.document={"*" = {"*" = 0.6}}',
            "--set",
            "ports.sea.exam.movers.capacity=6",
        ]
    )
    assert code == 0
    saved = json.loads((out / "warnings.json").read_text())["replications"]
    assert set(saved) == {"rep-0000", "rep-0001"}
    assert any("document_check is 100% utilised" in w for w in saved["rep-0000"])
    printed = capsys.readouterr()  # (warnings on stderr: standard output keeps the table)
    assert "warning" in printed.err and "document_check is 100% utilised" in printed.err
    assert "note: sea_document_check averages 100% utilisation over the replications" \
        in printed.err
    # the table itself says so, for whoever keeps standard output alone
    title = "NOT STEADY-STATE: a queue or smugglers did not settle in 2 of 2 replication(s)"
    assert title in printed.out
    # three whole observed weeks after the small scenario's week of warm-up: the rising-wait
    # check runs, so a run that copes is said to be steady-state
    calm = ["run", str(SMALL), "--reps", "1", "--days", "21", "--out", str(tmp_path / "b")]
    coping = [x for k, v in COPING.items() for x in ("--set", f"{k}={json.dumps(v)}")]
    assert main([*calm, *coping]) == 0
    assert "STEADY" not in capsys.readouterr().out


def test_run_json_says_whether_a_queue_did_not_settle(tmp_path: Path, capsys):
    """A pipeline that reads only standard output still learns that the run is unstable,
    and in which replications; a run whose lanes cope says it is not."""
    import json

    base = ["run", str(SMALL), "--reps", "2", "--days", "7", "--json"]  # (overload: a week)
    overload = ["--set", "ports.sea.document_check.capacity=1",
                "--set", 'selection.document={"*" = {"*" = 0.6}}']  # fmt: skip
    assert main([*base, "--out", str(tmp_path / "a"), *overload]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["unstable"] is True and got["unstable_replications"] == ["rep-0000", "rep-0001"]
    coping = [x for k, v in COPING.items() for x in ("--set", f"{k}={json.dumps(v)}")]
    calm = ["run", str(SMALL), "--reps", "1", "--days", "21", "--json"]  # (as above)
    assert main([*calm, "--out", str(tmp_path / "b"), *coping]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["unstable"] is False and got["unstable_replications"] == []
    assert got["rising_checked"] is True
    short = ["run", str(SMALL), "--reps", "1", "--days", "4", "--json"]  # (under 3 weeks)
    assert main([*short, "--out", str(tmp_path / "c"), *coping]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["unstable"] is False and got["rising_checked"] is False  # (overload only)


def test_no_warning_on_the_default_scenario():
    # over 56 observed days, as `make demo`: over the scenario's own 28 a burst of vessel
    # calls at the end of the window can look like an exam-yard wait that keeps rising
    # (with seed 1 and the 14-day warm-up it does: 0.6, 0.7, 1.1, 3.4 h by week)
    r = sim.simulate(sim.load_scenario(sim.default_scenario_path(), {"days": 56}), 1)
    assert r.warnings == []


def test_too_short_counts_whole_weeks_of_the_runs_calendar():
    from sim.model.stability import too_short

    assert too_short(7, 21) is None  # weeks 2, 3, 4 observed whole
    assert too_short(7, 20) is not None
    assert too_short(3, 21) is not None  # days 3-24: only weeks 2 and 3 whole
    assert "14 observed day(s) hold 2 whole week(s)" in (too_short(0, 14) or "")


def test_a_short_run_and_comparison_say_only_overload_was_checked(tmp_path, capsys):
    from sim.cli import main

    # the small scenario without its warm-up and with a day's drain: whether the rising-wait
    # check ran depends on the observed whole weeks alone (too_short), not on the rest
    small = short_run(tmp_path, SMALL)
    assert main(["run", small, "--reps", "1", "--out", str(tmp_path / "r")]) == 0
    assert "only overload was checked" in capsys.readouterr().err  # (notes on stderr)
    argv = ["compare", small, "--reps", "2", "--no-report", "--out", str(tmp_path / "c"),
            "--option", "x:ports.sea.scan.scanners.capacity=4"]  # fmt: skip
    assert main(argv) == 0
    assert "only overload was checked" in capsys.readouterr().err
    long = ["run", small, "--reps", "1", "--days", "21", "--out", str(tmp_path / "l")]
    assert main(long) == 0
    captured = capsys.readouterr()
    assert "only overload was checked" not in captured.out + captured.err


def test_full_appointment_slots_warn_of_a_rising_wait_where_the_lanes_cope():
    """The wait for a slot with room is no lane's: it is watched all the same."""
    r = run({"ports.sea.exam.slots.capacity": 2})
    text = "\n".join(r.warnings)
    assert "sea: the mean wait at the exam appointment slots trends upward" in text
    assert "utilised" not in text  # the yard's lanes cope: the slots hold the boxes back


@pytest.mark.parametrize("left,warned", [(100, False), (101, True)])
def test_unfinished_warns_above_one_percent_of_a_port_cohort(left, warned):
    outcomes = np.zeros((2, len(OUTCOMES)), np.int64)
    outcomes[:, CENSORED] = [left + 50, 0]  # (50 released, not yet out: not counted)
    outcomes[:, RELEASED] = [10_000 - left - 50, 500]
    stuck = np.zeros((2, len(MILESTONES)), np.int64)
    stuck[0, M["assessed"]] = left
    out = stability.unfinished(["sea", "air"], outcomes, stuck, 7, {"sea": ("scanners", 90)})
    assert bool(out) is warned
    if warned:
        assert out[0].startswith(
            "sea: more than 1% of the cohort was still not released 7 days after the observed "
            "window closed, the largest share no further than 'assessed' and the longest "
            "queue at scanners "
            "(101 of 10,000 cohort consignments, 1.01%; furthest milestone reached: 100% at "
            "'assessed'; 90 waiting at scanners at the end): "
        )


def test_a_lane_that_never_serves_warns_in_the_run_folder_and_on_the_terminal(
    tmp_path: Path, capsys
):
    out = tmp_path / "run"
    argv = ["run", str(SMALL), "--reps", "1", "--days", "7", "--out", str(out), "--set",
            "ports.sea.document_check.capacity=0"]
    assert main(argv) == 0
    saved = json.loads((out / "warnings.json").read_text())["replications"]["rep-0000"]
    head = "sea: more than 1% of the cohort was still not released 7 days after the observed window"
    assert any(w.startswith(head) and "waiting at document_check" in w for w in saved)
    assert head in capsys.readouterr().err.replace("\n", " ")


def test_compare_marks_an_option_that_leaves_consignments_unfinished_unstable():
    res = compare(
        SMALL,
        ["nodocs:ports.sea.document_check.capacity=0"],
        reps=1,
        overrides={"days": 2, "warmup_days": 1, "drain_days": 7},  # (every pick-up done)
    )
    assert any("was still not released" in w for w in res.warnings["nodocs"])
    assert res.to_json()["unstable"] == ["nodocs"]
    # known not steady however short the run: flagged on the terminal
    steady = res.differences.set_index("option").loc["nodocs", "steady_state"]
    assert {_state(v) for v in steady} == {"False"}
    from rich.console import Console

    from sim.cli_compare import table

    console = Console(record=True, width=200)
    console.print(table(res))
    lines = console.export_text().splitlines()
    assert sum("nodocs" in line and "!" in line for line in lines) > 1


def test_the_unfinished_warning_names_no_stopping_point_that_rounds_to_nothing():
    from sim.model.milestones import MILESTONES
    from sim.model.stability import unfinished

    stuck = np.zeros((1, len(MILESTONES)), np.int64)
    outcomes = np.zeros((1, 5), np.int64)
    outcomes[0, 0] = 50_000
    stuck[0, 3], stuck[0, 1] = 996, 4  # (0.4 % of the stuck at the second point)
    (w,) = unfinished(["p"], outcomes, stuck, 7)
    assert f"furthest milestone reached: 100% at '{MILESTONES[3]}')" in w
    stuck[0, 1] = 40  # (4 %: named)
    (w,) = unfinished(["p"], outcomes, stuck, 7)
    assert f"96% at '{MILESTONES[3]}', 4% at '{MILESTONES[1]}')" in w


def test_goods_released_but_not_yet_out_count_in_clearance_and_warn():
    """A pick-up after release cannot change release times: with pick-ups of 5 days instead
    of 1 hour, the clearance figures are the same to the last bit; the consignments still
    waiting to be picked up when the run ends are counted (``consignments_not_out``, among
    the censored), left out of overall clearance only, and, being more than 1 % of the
    port's cohort, warned of."""
    runs = {}
    for pickup in ("1 h", "5 d"):
        s = sim.load_scenario(SMALL, {"days": 7, "ports.sea.release.pickup.mean": pickup})
        runs[pickup] = sim.simulate(s, 1, log=True)
    quick, slow = runs["1 h"], runs["5 d"]
    for m in ("clearance_h_mean", "clearance_h_p90", "released_within_24h"):
        assert quick.metrics()[m] == slow.metrics()[m]
    log = slow.log[slow.log.cohort]
    waiting = log[(log.outcome == "censored") & log.released.notna()]
    assert len(waiting) > 0.01 * len(log)
    assert slow.metrics()["consignments_not_out"] == len(waiting)
    assert quick.metrics()["consignments_not_out"] == 0
    out = log[log.outcome == "released"]
    flow_end = out.exited.where(out.direction == "import", out.loaded)
    assert slow.metrics()["overall_clearance_h_mean"] == pytest.approx(
        (flow_end - out.arrived).mean(), rel=1e-12
    )
    assert any("released but not yet out" in w for w in slow.warnings)
    assert not any("not yet out" in w for w in quick.warnings)


def test_too_short_advises_days_that_hold_three_weeks_after_the_runs_own_warmup():
    """The advice is not circular: the --days it gives holds three whole weeks after the
    warm-up of the run that got it (a warm-up of 3 days needs 25, not 21)."""
    from sim.model.stability import MIN_WEEKS, days_for_weeks, observed_weeks, too_short

    short = too_short(3, 21) or ""
    assert "21 observed day(s) hold 2 whole week(s)" in short
    assert "--days 25 or more after this run's 3-day warm-up" in short, short
    assert too_short(3, 25) is None and too_short(3, 24) is not None
    for warmup in (0, 1, 3, 6, 7, 7.5, 10, 14, 30):
        need = days_for_weeks(warmup)
        assert observed_weeks(warmup, need) >= MIN_WEEKS > observed_weeks(warmup, need - 1)
        assert f"--days {need} " in (too_short(warmup, need - 1) or ""), warmup
    with pytest.raises(ValueError, match="must be 0 or more"):
        days_for_weeks(-1)


def test_a_comparisons_warnings_name_their_replications():
    """Two replications warning about one lane with different figures are told apart, and
    one message shared by several names them all (as a run names rep-0000)."""
    from sim.experiment.compare import _named_warnings

    got = _named_warnings({1: ["q rising 3.1", "x"], 0: ["q rising 2.0", "x"], 2: []})
    assert got == ["rep-0000: q rising 2.0", "rep-0000, rep-0001: x", "rep-0001: q rising 3.1"]


def test_a_risk_engine_missing_its_target_warns_without_making_an_option_unstable():
    """Its figures are steady, at another rate than asked: told as a warning, but neither
    the option's differences nor the report flag it not steady-state. A queue that does not
    settle still does."""
    import pandas as pd

    from sim.experiment.compare import CompareResult, _differences
    from sim.experiment.options import Option
    from sim.model.stability import TARGET_MISS, unsettled

    miss = f"sea: the risk engine's inspection rate of ordinary imports {TARGET_MISS} of 0.080"
    queue = "sea/exam_bays: the queue keeps rising"
    assert not unsettled([miss]) and unsettled([miss, queue]) and not unsettled([])
    per_rep = pd.DataFrame(
        {"option": ["baseline", "baseline", "b", "b"], "replication": [0, 1, 0, 1],
         "clearance_h_mean": [1.0, 2.0, 1.5, 2.5]}  # fmt: skip
    )
    opts = [Option("baseline"), Option("b", {"days": 3})]
    steady = _differences(per_rep, opts, {"b": [miss]})
    assert steady.set_index("option").loc["b", "steady_state"]
    assert not _differences(per_rep, opts, {"b": [queue]}).set_index("option").loc[
        "b", "steady_state"]  # fmt: skip
    res = CompareResult("s", opts, 0, {}, per_rep, pd.DataFrame(), steady, pd.DataFrame(),
                        pd.DataFrame(), {"b": [miss]})  # fmt: skip
    assert not res.unstable("b")
    res.warnings["b"] = [miss, queue]
    assert res.unstable("b")


def _state(value) -> str:
    """A steady_state value as "True", "False" or "" (not known)."""
    import pandas as pd

    return "" if pd.isna(value) else str(bool(value))


def test_steady_state_is_known_true_known_false_or_empty():
    """True only when the rising-wait check ran and nothing warned; False when a run warned
    (overload and unfinished goods are checked however short the run); empty when the run
    was too short for the check (NA in the table, an empty cell in differences.csv, NaN
    when pandas reads it back). Only False is flagged."""
    import io

    import pandas as pd

    from sim.experiment.compare import _differences
    from sim.experiment.options import Option
    from sim.model.stability import TARGET_MISS, flagged

    per_rep = pd.DataFrame(
        {"option": ["baseline", "baseline", "b", "b"], "replication": [0, 1, 0, 1],
         "clearance_h_mean": [1.0, 2.0, 1.5, 2.5]}  # fmt: skip
    )
    opts = [Option("baseline"), Option("b", {"x": 1})]
    miss = f"sea: the risk engine's inspection rate {TARGET_MISS} of 0.080"
    queue = "sea/exam_bays: the queue keeps rising"
    long, short = {"baseline": True, "b": True}, {"baseline": False, "b": True}

    def state(warnings: dict, checked: dict) -> str:
        d = _differences(per_rep, opts, warnings, checked).set_index("option")
        return _state(d.loc["b", "steady_state"])

    assert state({}, long) == "True" and state({"b": [miss]}, long) == "True"
    assert state({}, short) == "" and state({"b": [miss]}, short) == ""
    assert state({"b": [queue]}, short) == "False" and state({"baseline": [queue]}, long) == "False"
    d = pd.concat([_differences(per_rep, opts, w, c) for w, c in
                   [({}, long), ({}, short), ({"b": [queue]}, short)]])  # fmt: skip
    back = pd.read_csv(io.StringIO(d.to_csv(index=False)))["steady_state"]
    assert [_state(v) for v in back] == ["True", "True", "", "", "", "False"]  # (baseline, b)
    assert [flagged(v) for v in back] == [False, False, False, False, False, True]
    assert [flagged(v) for v in (True, None, math.nan, pd.NA, np.True_)] == [False] * 5
    assert flagged(False) and flagged(np.False_)


def test_a_short_comparison_leaves_steady_state_empty_and_marks_nothing(tmp_path: Path):
    import csv
    import re

    from rich.console import Console

    from sim.cli_compare import table
    from sim.report.folder import read_compare

    out = tmp_path / "c"
    res = compare(SMALL, ["x:ports.sea.scan.scanners.capacity=4"], reps=2,
                  overrides={"days": 2, "warmup_days": 1, "drain_days": 7}, out=out)  # fmt: skip
    assert stability.too_short(1, 2) and not any(res.warnings.values())
    assert res.differences["steady_state"].isna().all()
    with (out / "differences.csv").open() as f:
        cells = [row["steady_state"] for row in csv.DictReader(f)]
    assert cells and set(cells) == {""}  # (an empty cell: not known)
    again, _ = read_compare(out)  # (worked out again from the replications, and checked)
    assert again.differences["steady_state"].isna().all()
    from sim.report.html import metric_table

    for page in ((out / "report.html").read_text(), metric_table(res)):  # (the file's, NA's)
        sig = re.findall(r"<td class='sig'>([^<]*)</td>", page)
        assert sig and not any("\u26a0" in s for s in sig)
    console = Console(record=True, width=200)
    console.print(table(res))
    rows = [line for line in console.export_text().splitlines() if "not steady-state" not in line]
    assert not any("!" in line for line in rows)


def test_a_rising_wait_at_the_movers_says_it_holds_the_wait_for_a_bay():
    """A box waits at the movers until a bay is free, so a rising wait there may be the
    bays': the warning says so, and says the bays need capacity when they are the busier."""
    from types import SimpleNamespace

    weeks = {w: 10.0 * w for w in range(8)}
    movers = SimpleNamespace(port="sea", name="movers", unlimited=False,
                             weekly_waits=lambda: weeks)  # fmt: skip
    review = SimpleNamespace(port="sea", name="review", unlimited=False,
                             weekly_waits=lambda: weeks)  # fmt: skip
    window = (0.0, 8 * 168.0)
    busy_bays = {("sea", "movers"): 0.72, ("sea", "exam_bays"): 0.93, ("sea", "review"): 0.5}
    said = stability.check([movers, review], window, busy_bays)
    assert len(said) == 2
    assert "includes the wait for a free exam bay" in said[0]
    assert "the bays are busier (93% against the movers' 72%): more bays, not movers" in said[0]
    assert "bay" not in said[1]  # (another lane: no such clause)
    idle_bays = {**busy_bays, ("sea", "exam_bays"): 0.4}
    said = stability.check([movers], window, idle_bays)
    assert "includes the wait for a free exam bay" in said[0] and "busier" not in said[0]


def test_a_report_says_when_an_options_figures_leave_out_goods_it_still_held(tmp_path: Path):
    """An option that leaves much of its cohort held at the end (one exam bay) is faster in
    no honest sense: its means are of the goods that got out. The headline says how many it
    still held, against the baseline."""
    argv = ["compare", str(SMALL), "--option", "one_bay:ports.sea.exam.bays.capacity=1",
            "--reps", "2", "--days", "4", "--set", "warmup_days=0",
            "--out", str(tmp_path / "c")]  # fmt: skip
    assert main(argv) == 0
    page = (tmp_path / "c" / "report.html").read_text(encoding="utf-8")
    head = page[page.index("<h2>Headline</h2>"):]
    head = head[: head.index("<h2>", 10)]
    assert "of its cohort was still held when the run ended (the baseline: " in head
    assert "which then flatter it" in head


def test_a_lane_near_saturation_on_average_is_noted_even_where_no_replication_warned():
    """Each replication's overload check sees its own realised load: near 0.95 some warn and
    some do not, and the intervals of a queue this busy can miss its long-run wait (a
    statistician's M/M/2 at 0.94: 10 of 20 replications warned, the interval excluded Erlang
    C's value). A lane whose mean utilisation is 0.9 or more is noted; one below is not."""
    means = {"utilisation_sea_document_check": 0.93, "utilisation_sea_scanners": 0.89,
             "clearance_h_mean": 0.95}  # fmt: skip
    said = stability.near_saturation(means)
    assert len(said) == 1 and said[0].startswith("sea_document_check averages 93% utilisation")


def test_a_rise_no_larger_than_a_quiet_queues_chance_swings_does_not_warn():
    """A queue that serves a handful of jobs a week swings by chance: Guangdong's quiet
    laboratories and exam yards warned in 9 of 10 replications of 21 days. Weekly means that
    rise by the rule's factor warn only where the later weeks' jobs wait longer than the
    earlier weeks' by ``Z_RISE`` standard errors (by batch means, a day a batch): the same
    means from jobs that all waited alike warn; from three jobs a week whose waits spread
    over days they do not; from sixty a week with that spread, whose days' means scatter
    less, they do."""
    from types import SimpleNamespace

    from sim.model.weekly import Z_RISE, Weekly

    def lane(waits_by_week: dict[int, list[float]]) -> SimpleNamespace:
        weekly = Weekly()
        for week, waits in waits_by_week.items():
            for i, w in enumerate(waits):  # (on days 0, 2, 4, 6, 1, ... of the week)
                weekly.add(week * 168.0 + 24.0 * ((2 * i) % 7) + 1.0, w)
        return SimpleNamespace(port="p", name="lab", unlimited=False, weekly=weekly,
                               weekly_waits=weekly.means)  # fmt: skip

    means = dict(enumerate((8.0, 12.0, 16.0, 20.0)))
    alike = {w: [m] * 3 for w, m in means.items()}
    spread = {w: [m - 10.0, m + 10.0, m] for w, m in means.items()}
    window = (0.0, 4 * 168.0)
    assert stability.check([lane(alike)], window, {})  # (the same means with no spread)
    quiet = lane(spread)
    assert [round(m, 6) for m in quiet.weekly_waits().values()] == [8.0, 12.0, 16.0, 20.0]
    assert stability.rising(list(quiet.weekly_waits().values()))  # (the means alone rise)
    assert 0 < quiet.weekly.rise_z([0, 1], [2, 3]) < Z_RISE
    assert stability.check([quiet], window, {}) == []
    many = lane({w: waits * 20 for w, waits in spread.items()})  # (the same spread, 60 a week)
    assert many.weekly.rise_z([0, 1], [2, 3]) > Z_RISE
    assert stability.check([many], window, {})


def test_the_error_of_a_rise_is_by_batch_means_of_days():
    """``Weekly.rise_z`` is the difference of the two halves' mean waits over its standard
    error by batch means, a day a batch (each side's ratio estimator: the sum of its days'
    (sum - mean x count) squared, times k / (k - 1), over its jobs squared), recomputed here;
    a day without jobs is a batch of none."""
    import numpy as np

    from sim.model.weekly import Weekly

    rng = np.random.default_rng(3)
    weekly = Weekly()
    sides: list[list[tuple[float, float]]] = [[], []]  # (each side's (asked, wait))
    for week in range(4):
        asked = week * 168.0 + rng.uniform(0.0, 130.0, 15)  # (the last day left empty)
        waits = rng.exponential(2.0 + week, 15)
        sides[week // 2].extend(zip(asked.tolist(), waits.tolist(), strict=True))
        for t, w in zip(asked, waits, strict=True):
            weekly.add(float(t), float(w))

    def mean_and_variance(jobs: list[tuple[float, float]], first_day: int):
        sums, counts = np.zeros(14), np.zeros(14)
        for t, w in jobs:
            sums[int(t // 24) - first_day] += w
            counts[int(t // 24) - first_day] += 1
        mean = sums.sum() / counts.sum()
        return mean, 14 / 13 * ((sums - mean * counts) ** 2).sum() / counts.sum() ** 2

    (m1, v1), (m2, v2) = mean_and_variance(sides[0], 0), mean_and_variance(sides[1], 14)
    assert weekly.rise_z([0, 1], [2, 3]) == pytest.approx((m2 - m1) / np.sqrt(v1 + v2))
    assert weekly.rise_z([0], [9]) == -np.inf  # (no job on one side: nothing to judge)


def test_a_nearly_idle_laboratory_waiting_for_its_cut_offs_is_not_said_to_rise():
    """A trial user's lab, 6 samples in 28 days (3 % of its batches' room): each sample
    waited only for the next cut-off, and the weekly means of those waits happened to rise
    (2.4, 3.0, 5.2, 9.9 h), which the rising-wait rule read as a queue that had not settled.
    Its waits are a schedule's, not a queue's: no warning. A lab whose batches leave samples
    behind still warns of a rising wait."""
    quiet = {"days": 28, "ports.sea.quarantine.lab.batch_size": 30,
             "ports.sea.quarantine.sample_share": 0.02}  # fmt: skip
    r = sim.simulate(sim.load_scenario(SMALL, quiet), 17)
    lab = r.resources[r.resources.lane == "lab"].iloc[0]
    assert (lab.served, round(lab.utilisation, 3)) == (6, 0.033)
    assert r.warnings == []
    busy = {"days": 28, "drain_days": 28, "ports.sea.quarantine.lab.batch_size": 3,
            "ports.sea.quarantine.lab.cutoffs": ["10:00"]}  # fmt: skip
    rising_lab = sim.simulate(sim.load_scenario(SMALL, busy), 1).warnings
    assert any("the mean wait at lab trends upward" in w for w in rising_lab), rising_lab


def test_a_nearly_idle_lane_is_not_said_to_rise_but_a_busy_one_is():
    """Weekly means that rise by the rule (the jobs' waits alike, so no chance swing explains
    them) warn at a lane busy half its on-duty time, not at one busy 3 % of it (its jobs
    wait for a shift: a queue that keeps rising keeps its servers busy)."""
    from types import SimpleNamespace

    from sim.model.weekly import Weekly

    weekly = Weekly()
    for week, mean in enumerate((2.0, 4.0, 6.0, 8.0)):
        for _ in range(3):
            weekly.add(week * 168.0 + 1.0, mean)
    lane = SimpleNamespace(port="p", name="document_check", unlimited=False, weekly=weekly,
                           weekly_waits=weekly.means)  # fmt: skip
    window = (0.0, 4 * 168.0)
    said = stability.check([lane], window, {("p", "document_check"): 0.5})
    assert len(said) == 1 and "the mean wait at document_check trends upward" in said[0]
    assert stability.check([lane], window, {("p", "document_check"): 0.03}) == []


def test_a_runs_warnings_are_printed_whole_once_with_their_replications():
    """The run's summary of its replications' warnings keeps each warning whole: its figures
    and what to do (how many --days, where to add capacity). It used to keep only the text
    before the first " (", so an overload warning lost "add capacity there" and a rising
    wait its weekly means and the --days to run."""
    from sim.model.window import run_notes

    overload = ("sea: scanners is 100% utilised (above 95%); its queue may not settle: "
                "add capacity there")
    rising_0 = ("sea: the mean wait at scanners trends upward through the observed weeks "
                "(1.0, 2.0, 3.0 h): run longer (--days 42)")
    rising_1 = rising_0.replace("1.0, 2.0, 3.0", "1.5, 2.5, 4.0")
    warned = {"rep-0000": [overload, rising_0], "rep-0001": [overload, rising_1],
              "rep-0002": []}  # fmt: skip
    lines = [n for n in run_notes(warned, {}, 14, 21, 3) if n.startswith("warning:")]
    assert lines == [
        f"warning: {overload} (2 of the replications)",
        f"warning: {rising_0} (2 of the replications; the figures are rep-0000's, the "
        "others' differ)",
    ]
    alone = run_notes({"rep-0001": [rising_1]}, {}, 14, 21, 3)
    assert f"warning: {rising_1} (rep-0001)" in alone


#: a strong daily cycle (quiet nights, two peaks a day) and a weekly one (busy Mondays, quiet
#: weekends) of the teaching M/M/2 lane's arrivals: at their peaks they exceed its two
#: officers' 4 an hour, but it is half utilised on average and so settles every day
_HOURLY = [0.2] * 6 + [1.0, 2.0, 3.0, 3.0, 3.0, 2.5, 2.0, 2.5, 3.0, 3.0, 2.5, 2.0, 1.0] + [0.3] * 5
_WEEKLY = [1.6, 1.4, 1.2, 1.0, 0.8, 0.5, 0.5]


def test_a_stable_queue_with_daily_and_weekly_cycles_is_not_said_to_rise_an_unstable_one_is():
    """The rising-wait rule compares whole weeks only (whole daily and weekly cycles): a
    stable M/M/2 whose arrivals peak over its capacity each day and on Mondays is not
    flagged over three weeks and a part week (Monday to Wednesday, the busiest days, left
    out: with them the last 'week' would look like a rise), while a queue loaded at 110 %
    is. (Over 100 replications of three weeks the stable one was flagged in none, 5 times
    with the jobs taken as independent; the unstable one in 30 of 30.)"""
    from sim.scenario.loader import load_scenario
    from sim.scenario.patch import patch

    base = load_scenario(Path(__file__).parents[1] / "scenarios" / "teaching-mmc.toml")
    cycles = patch(base, {"ports.crossing.arrivals.hourly": _HOURLY,
                          "ports.crossing.arrivals.weekly": _WEEKLY, "days": 24}, "cycles")
    for rep in range(3):
        res = sim.simulate(cycles, 1, replication=rep)
        assert not [w for w in res.warnings if "trends upward" in w], (rep, res.warnings)
        assert res.metrics()["utilisation_crossing_document_check"] < 0.6
    unstable = patch(base, {"ports.crossing.arrivals.rate": "4.4/h", "days": 24}, "unstable")
    assert any("document_check trends upward" in w for w in sim.simulate(unstable, 1).warnings)
