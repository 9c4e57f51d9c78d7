"""What `compare` and `sweep` check and say: a precision target not reached at --max-reps,
a metric name checked before anything runs, and reform combinations given on their own."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import sim.experiment.compare as compare_mod
from sim.cli import main
from sim.experiment.compare import compare
from sim.experiment.metric_names import MetricError, metric_names
from sim.experiment.options import (
    OptionError,
    parse_option,
    read_options_file,
    reform_option,
    resolve_options,
)
from sim.experiment.precision import precision_gaps, reps_needed
from sim.experiment.sensitivity import sobol
from sim.model.run import simulate
from sim.model.world import World
from sim.reforms import apply as apply_reforms
from sim.reforms.compose import parse
from sim.reforms.reform import ReformError
from sim.scenario.loader import BUNDLED, load_scenario

REPO = Path(__file__).resolve().parents[1]
SMALL = REPO / "tests" / "scenarios" / "small.toml"
TINY = ["--days", "1", "--set", "warmup_days=0", "--set", "drain_days=1"]
SHORT = {"days": 2, "warmup_days": 1, "drain_days": 2}
DOCS = "docs3:ports.sea.document_check.capacity=3"


# -- a precision target not reached at --max-reps ---------------------------------------------
def _unreached_argv(out: Path) -> list[str]:
    """Ten replications of DOCS on the small scenario, a day long, at a precision of 0.1 %."""
    return ["compare", str(SMALL), *TINY, "--precision", "0.001", "--max-reps", "10",
            "--option", DOCS, "--out", str(out)]  # fmt: skip


@pytest.fixture(scope="module")
def unreached(tmp_path_factory) -> tuple[Path, str]:
    """The folder and stderr of ``_unreached_argv``, run once per module. Its ten
    replications are the ones the other precision tests of DOCS would run (same scenario,
    length, seed and option): they resume a copy of it, so only their stopping rule and
    what they write are worked out again."""
    out = tmp_path_factory.mktemp("unreached") / "c"
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(_unreached_argv(out)) == 0
    return out, err.getvalue()


def _copy(folder: Path, tmp_path: Path) -> Path:
    """A copy of a module's comparison folder, for a test that resumes (and so rewrites) it."""
    return Path(shutil.copytree(folder, tmp_path / "c"))


def test_precision_not_reached_warns_on_stderr_and_in_compare_json(unreached, tmp_path, capsys):
    out, err = _copy(unreached[0], tmp_path), unreached[1]
    argv = _unreached_argv(out)
    head = "warning: --precision 0.001 not reached in 10 replications (--max-reps 10): "
    assert f"{head}baseline, clearance_h_mean: half-width " in err
    assert f"{head}docs3, overall_clearance_h_mean: half-width " in err
    assert "% of the mean; target 0.1 % (" in err
    meta = json.loads((out / "compare.json").read_text())
    assert meta["precision_reached"] is False
    # what was asked (no fixed number) and what ran, not the default of --reps
    assert (meta["reps_requested"], meta["reps_first"], meta["reps"]) == (None, 10, 10)
    assert [f"warning: {w}" for w in meta["warnings"]] == [
        line for line in err.splitlines() if line.startswith("warning: --precision")
    ]
    gap = meta["precision_gaps"][0]
    assert (gap["option"], gap["metric"], gap["difference"]) == (
        "baseline", "clearance_h_mean", False
    )  # fmt: skip
    assert gap["half_width"] > gap["target"] == pytest.approx(0.001 * gap["mean"])
    assert gap["reps_needed"] == reps_needed(gap["n"], gap["half_width"], gap["target"]) > 10
    most = max(meta["precision_gaps"], key=lambda g: g["reps_needed"])
    assert meta["precision_reps_needed"] == most["reps_needed"]
    assert (f"replications needed ≈ {most['reps_needed']:,} at the spread so far (the most, "
            f"for {most['option']}") in err
    assert meta["precision_on"] == "both"
    page = (out / "report.html").read_text()
    assert "not reached in 10 replications" in page
    assert "<td>0.001 on the levels and the paired differences</td>" in page
    # resumed: the same warnings, stdout pure JSON (the report, read above, is not made
    # again: its page is not what this command is checked for)
    assert main([*argv, "--json", "--no-report"]) == 0
    captured = capsys.readouterr()
    kept = ("resuming: 20 finished replication(s) found and kept (option baseline: "
            "replication(s) 0 to 9; option docs3: replication(s) 0 to 9); 0 to run\n")
    assert captured.err == kept + err and "options" in json.loads(captured.out)


def test_max_reps_below_the_precision_start_is_refused_before_anything_runs(
    tmp_path, capsys, monkeypatch
):
    """--precision starts with 10 replications: --max-reps 5 cannot be kept, so it is an
    error, not 10 replications run in silence."""
    monkeypatch.setattr(compare_mod, "simulate", _never)
    out = tmp_path / "c"
    argv = ["compare", str(SMALL), *TINY, "--precision", "0.1", "--max-reps", "5",
            "--option", DOCS, "--out", str(out)]  # fmt: skip
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "--max-reps 5 is below the 10 replications a --precision target starts with" in err
    assert not out.exists()


def _never(*args, **kwargs):
    raise AssertionError("nothing may run")


def test_precision_reached_says_so_and_warns_nothing(unreached, tmp_path):
    out = _copy(unreached[0], tmp_path)  # (its ten replications resumed, not run again)
    res = compare(SMALL, [DOCS], precision=10.0, max_reps=10, log=False, out=out,
                  overrides={"days": 1, "warmup_days": 0, "drain_days": 1}, report=False)
    meta = json.loads((out / "compare.json").read_text())
    assert meta["precision_reached"] is True and meta["warnings"] == []
    assert res.meta["precision_gaps"] == []


def test_a_share_is_held_to_an_absolute_target():
    rows = pd.DataFrame({"option": ["baseline"] * 3, "replication": [0, 1, 2],
                         "released_within_24h": [0.2, 0.5, 0.8]})  # fmt: skip
    (gap,) = precision_gaps(rows, ["released_within_24h"], 0.05)
    assert gap.target == 0.05 and gap.mean is None
    text = gap.message(0.05)
    assert text.startswith("baseline, released_within_24h: half-width 0.745;")
    assert text.endswith(f"target 0.05 (absolute: a share); replications needed ≈ "
                         f"{reps_needed(3, gap.half_width, 0.05)}")


def test_a_target_on_the_differences_leaves_the_levels_out_and_vice_versa():
    """Levels that vary a lot from one replication to the next, an option that moves each
    by about the same amount (common random numbers): the differences are narrow."""
    base = [10.0, 14.0, 8.0, 12.0]
    rows = pd.DataFrame({"option": ["baseline"] * 4 + ["a"] * 4, "replication": [0, 1, 2, 3] * 2,
                         "clearance_h_mean": base + [b - 1.0 + 0.01 * i
                                                     for i, b in enumerate(base)]})
    assert precision_gaps(rows, ["clearance_h_mean"], 0.05, "differences") == []
    levels = precision_gaps(rows, ["clearance_h_mean"], 0.05, "levels")
    assert [(g.option, g.difference) for g in levels] == [("baseline", False), ("a", False)]
    assert precision_gaps(rows, ["clearance_h_mean"], 0.05) == levels  # (both: these)
    tight = precision_gaps(rows, ["clearance_h_mean"], 0.0001, "differences")
    assert [(g.option, g.difference, g.n) for g in tight] == [("a", True, 4)]
    (gap,) = tight
    assert gap.reps_needed == reps_needed(4, gap.half_width, gap.target)
    with pytest.raises(ValueError, match="one of both, differences, levels; got 'level'"):
        precision_gaps(rows, ["clearance_h_mean"], 0.05, "level")


def test_the_replications_needed_grow_with_the_square_of_the_miss():
    """About four times as many for twice the miss (33 from ten: the t quantile falls
    from 2.26 at ten to 2.04 at 33); the exact rule: tests/test_reps_needed.py."""
    assert reps_needed(10, 0.2, 0.1) == 33
    assert reps_needed(10, 0.4, 0.1) == 123
    assert reps_needed(10, 0.1001, 0.1) == 11  # (at least one more)
    assert reps_needed(10, None, 0.1) is None and reps_needed(1, 0.2, 0.1) is None


def test_a_target_on_the_differences_alone_stops_where_the_levels_would_not(
    unreached, tmp_path
):
    """The comparison stops at 10 on its differences, though the levels are wider than
    the target (its warning says so when the target is on both)."""
    over = {"days": 1, "warmup_days": 0, "drain_days": 1}
    out = _copy(unreached[0], tmp_path)  # (its ten replications resumed, not run again)
    res = compare(SMALL, [DOCS], precision=0.02, max_reps=10, log=False, out=out,
                  overrides=over, report=False, precision_on="differences")
    meta = json.loads((out / "compare.json").read_text())
    assert (meta["precision_on"], meta["precision_reached"], meta["reps"]) == (
        "differences", True, 10)
    assert precision_gaps(res.per_rep, list(res.meta["precision_metrics"]), 0.02, "levels")


def test_precision_on_without_a_precision_target_is_refused(capsys):
    assert main(["compare", str(SMALL), "--option", DOCS, "--precision-on", "levels"]) == 2
    assert "--precision-on levels without --precision" in capsys.readouterr().err


def test_a_difference_is_held_to_a_share_of_the_baseline_mean():
    rows = pd.DataFrame({"option": ["baseline"] * 3 + ["a"] * 3, "replication": [0, 1, 2] * 2,
                         "clearance_h_mean": [10.0, 12.0, 14.0, 9.0, 12.0, 13.0]})  # fmt: skip
    gaps = precision_gaps(rows, ["clearance_h_mean"], 0.05)
    diff = next(g for g in gaps if g.difference)
    assert (diff.option, diff.target, diff.mean) == ("a", pytest.approx(0.6), 12.0)
    assert diff.message(0.05).startswith(
        "a - baseline, clearance_h_mean (paired difference): half-width 1.43 hours = 12.0 % "
        "of the baseline mean; target 5 % (0.6 hours)"
    )


def test_a_watched_metric_no_replication_measured_is_an_error():
    rows = pd.DataFrame({"option": ["baseline"], "replication": [0], "clearance_h_mean": [1.0]})
    with pytest.raises(MetricError, match="no replication measured it"):
        precision_gaps(rows, ["clearance_h_mean_port_nowhere"], 0.1)


# -- a metric name checked before anything runs ----------------------------------------------
@pytest.fixture
def nothing_runs(monkeypatch):
    """Any simulation fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("a simulation ran")

    monkeypatch.setattr(World, "run", refuse)
    monkeypatch.setattr(compare_mod, "simulate", refuse)
    monkeypatch.setattr("sim.experiment.sensitivity.sweep", refuse)


def test_compare_refuses_an_unknown_metric_before_running_or_writing(
    tmp_path, capsys, monkeypatch, nothing_runs
):
    monkeypatch.chdir(tmp_path)  # the default results folder would be made here
    argv = ["compare", str(SMALL), "--precision", "0.1", "--option", DOCS,
            "--metric", "clearance_h_mean", "--metric", "clearance_h_maen"]  # fmt: skip
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        "error: --metric 'clearance_h_maen' is not a metric of scenario 'small'; "
        "did you mean 'clearance_h_mean'"
    )
    assert "clearance_h_mean_port_<port>" in err and "<port> is one of sea;" in err
    assert f"all 688 names: bordersim check {SMALL} --metrics" in err  # (as listed below)
    assert max(len(line) for line in err.splitlines()) < 400  # a hint, not every name
    assert list(tmp_path.iterdir()) == []
    assert main([*argv[:-1], "foo", "--out", str(tmp_path / "c")]) == 2
    assert "did you mean" not in capsys.readouterr().err
    assert not (tmp_path / "c").exists()


@pytest.mark.parametrize("show", ["nope", "nope_*"])
def test_an_unknown_metric_of_a_bundled_scenario_points_at_it_by_its_name(
    tmp_path, capsys, monkeypatch, nothing_runs, show
):
    """The command the hint gives names a bundled scenario as the user does (its name), not
    by the file where this installation keeps it."""
    monkeypatch.chdir(tmp_path)
    assert main(["run", "beilun-border", "--show", show]) == 2
    err = capsys.readouterr().err
    assert err.rstrip().endswith(" names: bordersim check beilun-border --metrics"), err
    assert str(BUNDLED) not in err


def test_a_metric_of_a_kind_the_scenario_has_none_of_says_what_it_needs(
    tmp_path, capsys, monkeypatch, nothing_runs
):
    """`--show agency_cost_per_consignment` on a scenario without [costs] said only 'is not
    a metric'; it now says that costs need a [costs] section (an organisation's metrics an
    [organisation] section); a misspelt name of a kind the scenario has gets no such line."""
    monkeypatch.chdir(tmp_path)
    for name, needs in [
        ("agency_cost_per_consignment", "they need a [costs] section"),
        ("escalation_latency_h_mean", "they need an [organisation] section"),
    ]:
        assert main(["run", str(SMALL), "--show", name]) == 2
        err = capsys.readouterr().err
        assert f"'{name}' is not a metric of scenario 'small': it is one of the" in err
        assert needs in err
    assert main(["run", str(SMALL), "--show", "clearance_h_maen"]) == 2
    assert "they need" not in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_sobol_refuses_an_unknown_metric_before_running_or_writing(
    tmp_path, capsys, monkeypatch, nothing_runs
):
    monkeypatch.chdir(tmp_path)  # the default results folder would be made here
    argv = ["sweep", str(SMALL), "--sobol", "2", "--range", "ports.sea.review.capacity=1:4",
            "--metric", "overall_clearance_h_maen"]  # fmt: skip
    assert main(argv) == 2
    assert "did you mean 'overall_clearance_h_mean'" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
    out = tmp_path / "s"
    with pytest.raises(MetricError, match="'foo' is not a metric of scenario 'small'"):
        sobol(SMALL, {"ports.sea.review.capacity": "1:4"}, 2, "foo", out=out)
    assert not out.exists()


def test_the_library_refuses_an_unknown_metric_before_running(tmp_path, nothing_runs):
    with pytest.raises(MetricError, match="did you mean 'consignments_released'"):
        compare(SMALL, [DOCS], precision=0.1, metrics=["consignments_relased"],
                out=tmp_path / "c")  # fmt: skip
    assert not (tmp_path / "c").exists()


def test_a_metric_an_option_adds_is_known(nothing_runs):
    """A name only an option's scenario yields (the exit gate it adds) is accepted: the
    check covers every option's scenario, not the baseline's alone."""
    gate = 'gate:ports.sea.release.gate={capacity=2, service={dist="exponential", mean="5 min"}}'
    plan = compare_mod.prepare(SMALL, [gate], precision=0.1, metrics=["queue_mean_sea_gate"])
    assert "queue_mean_sea_gate" not in metric_names(plan.base)
    with pytest.raises(MetricError, match="did you mean 'queue_mean_sea_gate'"):
        plan.watch(0.1, ["queue_mean_sea_gates"])



def test_show_accepts_a_metric_only_an_options_scenario_yields(tmp_path, capsys, nothing_runs):
    """``compare --show alert_raised_share`` (or ``alert*``) where only an option adds the
    risk engine: accepted (the comparison goes on to run), and a misspelt name is refused
    with the option's name suggested."""
    risk = "risk:risk.target=0.1"
    assert "alert_raised_share" not in metric_names(load_scenario(SMALL))
    for show in ("alert_raised_share", "alert*"):
        argv = ["compare", str(SMALL), "--option", risk, "--show", show, "--reps", "1",
                "--out", str(tmp_path / show.strip("*"))]  # fmt: skip
        assert main(argv) == 1  # (it ran: the fixture fails every replication)
        err = capsys.readouterr().err
        assert "a simulation ran" in err and "not a metric" not in err
    argv = ["compare", str(SMALL), "--option", risk, "--show", "alert_raised_shar",
            "--out", str(tmp_path / "c")]  # fmt: skip
    assert main(argv) == 2
    assert "did you mean 'alert_raised_share'" in capsys.readouterr().err
    assert not (tmp_path / "c").exists()

@pytest.mark.parametrize(
    "path", [SMALL, BUNDLED / "default.toml", BUNDLED / "guangdong.toml"], ids=lambda p: p.stem
)
def test_every_metric_a_run_yields_is_known_without_running(path):
    """The names come from RunResult.metrics() on the model built but not run: a name a
    real run gives and the check refuses would stop a valid --metric."""
    scenario = load_scenario(path, SHORT)
    known = metric_names(scenario)
    refused = [n for n in simulate(scenario, 1).metrics() if n not in known]
    assert refused == []
    assert "clearance_h_mean" in known and "clearance_h_maen" not in known


def test_check_lists_the_metrics(capsys):
    assert main(["check", str(SMALL), "--metrics"]) == 0
    lines = capsys.readouterr().out.splitlines()
    # 301: 198, and the terminal's own figures (owner shares by port and direction, 10;
    # the per-container inspection rate by port, 1), then a Time Release Study's (92): the
    # owners' hours and shares to release by direction and by port and direction (40); each
    # class's imports and exports (mean, median and p90 of clearance, share released within
    # 24 h: 32) and at each port and direction (share released within 24 h, 8); by port and
    # direction, the median of clearance and overall clearance, the shares within 24 h and
    # declared-to-release's median and p90 (12); 319: each credit class's burden share,
    # seizures per 1,000 and detection rate (12), the port's document check, hit and seizure
    # rates (6); 335: each credit class's document check rate, pooled, by direction and
    # by port (16); 347: each commodity's clearance mean, median and p90, share released
    # within 24 h and overall clearance's mean and p90 (12); 355: frozen goods' laboratory
    # holds at the sea port, imports and exports (the share sampled, hours to the end of
    # the flow sampled and not, the hold's hours: 8; no [costs], so no cost per container);
    # 358: the exam yard's figures per container at the sea port (boxes a day, hours a box,
    # boxes a team-hour: 3); 364: the share of containers over 24 h, by port and direction and
    # by each commodity carried there (sea imports and exports, frozen and general: 6);
    # 369: the sea port's calls (their last box's ready hours, mean and p90, the boxes'
    # mean, calls counted and held: 5); 379: the sea port laboratory's workload (samples a
    # day, turnaround mean, p50, p90 and p95, samples and containers held at once: 7; frozen
    # goods' samples a day, turnaround mean and p90: 3); 381: samples waiting at its
    # cut-offs, mean and most (2); 391: the port's inspection rate by direction, of every
    # class and of each (2 x 5); 397: the sixth illicit type's count and detection rate
    # (illicit_wildlife, detection_rate_wildlife: 2) and the declarations returned for
    # correction (returned_share, its hours and their part of clearance: 4); 400: transit
    # goods (transit_share, the leg's hours and its part of clearance: 3); 416: each of the
    # eight lanes' share of jobs that waited and arrival rate (2 x 8); 424: their mean number
    # in service (8); 432: each trader class's clearance p90 at the sea port, by direction
    # (4 x 2); 504: each of the six illicit types' counts pooled (detected, slipped, found
    # after release, held: 4), credited to each of the six finders (6) and its value seized
    # and slipped (2): 6 x 12; 510: the pests of the one commodity that can carry them
    # (frozen: consignments, checked and sampled shares, detection rate, laboratory finds,
    # slipped: 6); 514: the sea port's yard dwell per container and boxes on the ground,
    # imports and exports (2 x 2); 516: its exam yard's moves a day and per box (2); 520: the
    # p90 of its yard dwell, imports and exports (2), and its exam yard's busiest boxes, the
    # maximum and the time-weighted p95 (2); 522: its exports that missed their first
    # departure counted in containers, as a share and a day (2); 530: what quarantine did
    # with the lots it acted on, of each of the two commodities (general, frozen: rejected
    # lots and their hours to the rejection, treated lots and their treatment's hours: 2 x 4;
    # without [costs] no rejection price); 543: the carrier's (an export's wait for its
    # vessel) as an owner: its share pooled and by direction (3), at the port by direction
    # (2), and its hours and share to release by direction and at the port (8); 544: the
    # pests released unfound of its one commodity that can carry them at its one port; 548:
    # its yard dwell per container before and after customs' release, imports and exports
    # (2 x 2); 552: its yard's busiest boxes on the ground, the maximum and the time-weighted
    # p95, imports and exports (2 x 2); 574:
    # the share of declarations sent to an officer's review, pooled, by direction, at the
    # port and by direction there (6), and each of the four classes' pooled, by direction
    # and at the port (4 x 4); 598: each of the eight channels' clearance mean and p90 and
    # declared-to-release mean (8 x 3); 613: arrival to lodgement's mean, median and p90,
    # pooled, by direction and at the port by direction (3 x 5); 628: release to exit's the
    # same (3 x 5); 640: the sea port's yard dwell per box before customs'
    # release by owner of waiting time, imports and exports (6 x 2); 688: each channel's
    # clearance mean and p90 and declared-to-release mean at the port, imports and exports
    # (8 x 3 x 2)
    assert len(lines) == 688 and "departure_h_mean_port_sea_export" in lines
    assert "clearance_h_p90_channel_physical_quarantine_port_sea_export" in lines
    assert {"exports_missed_cutoff_containers_share_sea",
            "exports_missed_cutoff_containers_per_day_sea"} <= set(lines)
    assert "yard_dwell_h_mean_port_sea_import" in lines
    assert {"waited_share_sea_movers", "arrivals_per_hour_sea_movers",
            "in_service_mean_sea_movers"} <= set(lines)
    assert {"illicit_wildlife", "returned_share", "returned_clearance_share"} <= set(lines)
    assert {"review_rate", "review_rate_port_sea_import", "review_rate_general_port_sea"} <= set(
        lines
    )
    assert {"transit_share", "transit_h_mean", "transit_clearance_share"} <= set(lines)
    assert "inspection_rate_aeo_advanced_port_sea_export" in lines
    assert "owner_hours_to_release_customs_port_sea_import" in lines
    assert "released_within_24h_aeo_advanced_port_sea_import" in lines
    assert "owner_share_terminal_port_sea_export" in lines
    assert "inspection_rate_per_container_port_sea" in lines
    assert "detection_rate_by_audit_by_end" in lines
    assert lines == metric_names(load_scenario(SMALL)).listing()


def test_a_metric_with_nothing_to_watch_or_estimate_is_refused(tmp_path, capsys, nothing_runs):
    assert main(["compare", str(SMALL), "--option", DOCS, "--metric", "clearance_h_mean",
                 "--out", str(tmp_path / "c")]) == 2  # fmt: skip
    assert "--metric clearance_h_mean without --precision" in capsys.readouterr().err
    assert main(["sweep", str(SMALL), "--param", "days=1,2", "--metric", "clearance_h_mean",
                 "--out", str(tmp_path / "s")]) == 2  # fmt: skip
    assert "--metric clearance_h_mean needs --sobol" in capsys.readouterr().err
    # --max-reps caps a precision target only: alone it would be ignored unseen
    assert main(["compare", str(SMALL), "--option", DOCS, "--reps", "2", "--max-reps", "5",
                 "--out", str(tmp_path / "c")]) == 2  # fmt: skip
    assert "--max-reps 5 without --precision" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_python_m_sim_cli_reports_a_usage_error_without_a_traceback(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "sim.cli", "compare", str(SMALL), "--precision", "0.1",
         "--option", DOCS, "--metric", "foo", "--out", str(tmp_path / "c")],
        capture_output=True, text=True, timeout=60, cwd=REPO,
    )  # fmt: skip
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("error: --metric 'foo'") and "Traceback" not in proc.stderr


# -- reform combinations ----------------------------------------------------------------------
def test_a_reform_combination_alone_brings_its_parts():
    opts = resolve_options([reform_option("single_window:uptake=0.8+advance_declaration")])
    assert [o.name for o in opts] == [
        "baseline", "single_window.uptake-0.8", "advance_declaration",
        "single_window.uptake-0.8+advance_declaration",
    ]  # fmt: skip
    assert opts[1].reform == "single_window:uptake=0.8"
    assert opts[-1].parts == ("single_window.uptake-0.8", "advance_declaration")
    # a part given already is not added again; --option A+B of reforms works the same way
    given = [reform_option("single_window"), reform_option("single_window+training")]
    assert [o.name for o in resolve_options(given)][1:] == [
        "single_window", "training", "single_window+training"
    ]  # fmt: skip
    assert [o.reform for o in resolve_options([parse_option("single_window+training")])] == [
        "", "single_window", "training", "single_window+training"
    ]  # fmt: skip


def test_a_combination_of_reforms_given_by_name_applies_both():
    """``sim.compare(path, ["A", "B", "A+B"])``: A+B is both reforms, not the baseline."""
    names = ["single_window", "advance_declaration", "single_window+advance_declaration"]
    opts = resolve_options(names)
    assert [(o.name, o.reform) for o in opts[1:]] == [(n, n) for n in names]
    plan = compare_mod.prepare(BUNDLED / "default.toml", names, overrides=SHORT)
    v = plan.variants
    assert v[names[2]] != v["baseline"]
    assert v[names[2]] == apply_reforms(v["baseline"], names[2])


def test_a_reform_and_an_option_writing_one_field_cannot_combine():
    """The reform would silently overwrite the option's value (and report a made-up
    interaction); a combination whose reform and options touch other fields still runs."""
    clear = "ports.sea_port.scan.image_review.ai_clear"
    given = ["smart_image_review", f"ai_90:{clear}=0.9", "smart_image_review+ai_90"]
    with pytest.raises(OptionError) as exc:
        compare_mod.prepare(BUNDLED / "default.toml", given, overrides=SHORT)
    assert str(exc.value) == (
        "option 'smart_image_review+ai_90': reform smart_image_review and the option's "
        f"changes both set {clear}; give the combination the value you want as an option "
        "of its own"
    )
    fine = ["single_window", f"ai_90:{clear}=0.9", "single_window+ai_90"]
    v = compare_mod.prepare(BUNDLED / "default.toml", fine, overrides=SHORT).variants
    assert v["single_window+ai_90"] == apply_reforms(v["ai_90"], "single_window")


def test_a_combination_of_a_part_that_is_neither_option_nor_reform_is_explained():
    with pytest.raises(OptionError) as exc:
        resolve_options(["a:ports.sea.review.capacity=4", "a+b"])
    assert str(exc.value) == (
        "option 'a+b' combines a and b, but b is not an option or a reform: give "
        "--option b:KEY=VALUE too (or see `bordersim reforms` for the reforms)"
    )


def test_a_combination_that_repeats_a_part_is_refused(tmp_path, capsys, nothing_runs):
    """``a+a`` has no interaction to report ((a+a) - a - a + baseline is meaningless)."""
    for combo in ("a+a", "a+b+a"):
        with pytest.raises(OptionError) as exc:
            resolve_options(["a:ports.sea.review.capacity=4", "b:days=3", combo])
        assert str(exc.value) == (
            f"option name {combo!r}: a combination joins different options; 'a' is given twice"
        )
    argv = ["compare", str(SMALL), "--option", "a:ports.sea.review.capacity=4", "--option",
            "a+a", "--out", str(tmp_path / "c")]
    assert main(argv) == 2
    assert "'a' is given twice" in capsys.readouterr().err
    assert not (tmp_path / "c").exists()


def test_an_option_with_its_own_changes_has_no_plus_in_its_name(tmp_path, capsys, nothing_runs):
    """'a+b:days=3' reads as the combination of a and b everywhere; it is not taken for a
    plain option (nor, from an options file, for a combination with changes of its own)."""
    msg = ("option name 'a+b': '+' joins options into a combination, which takes its "
           "parts' changes; an option with changes of its own needs a name without '+' "
           "(e.g. a_b)")
    with pytest.raises(OptionError) as exc:
        parse_option("a+b:days=3")
    assert str(exc.value) == msg
    argv = ["compare", str(SMALL), "--option", "a+b:days=3", "--out", str(tmp_path / "c")]
    assert main(argv) == 2
    assert msg in capsys.readouterr().err
    path = tmp_path / "options.toml"
    path.write_text('[options.a]\nset = {days = 3}\n[options."a+b"]\nset = {days = 4}\n')
    with pytest.raises(OptionError) as exc:
        read_options_file(path)
    assert str(exc.value) == f"{path}: options.a+b: {msg}"


@pytest.mark.parametrize("name,only", [(".", "be only dots"), ("..", "be only dots"),
                                       (".hidden", "begin with a dot")])
def test_an_option_name_of_dots_says_so(name, only):
    """'.' and '..' were told to 'use letters, digits and _ . -', which lists the dot."""
    with pytest.raises(OptionError) as exc:
        parse_option(f"{name}:days=3")
    assert str(exc.value).startswith(f"option name {name!r}: a name cannot {only} (it names")


def test_baseline_in_another_case_and_names_alike_but_for_case_are_refused(tmp_path, capsys):
    """Folders of names differing only in case are one folder on some systems."""
    for name in ("BASELINE", "Baseline"):
        with pytest.raises(OptionError, match=f"option name '{name}': it differs from "
                           "'baseline', the scenario unchanged, only in case"):
            parse_option(f"{name}:days=3")
    with pytest.raises(OptionError) as exc:
        resolve_options(["a:days=3", "A:days=4"])
    assert str(exc.value) == (
        "options 'a' and 'A' differ only in case: their folders would be one where case is "
        "not told apart; name them otherwise"
    )
    argv = ["compare", str(SMALL), "--option", "BASELINE:days=3", "--out", str(tmp_path / "c")]
    assert main(argv) == 2 and "only in case" in capsys.readouterr().err


def test_cli_reforms_combination_alone_runs_its_parts_and_interaction(tmp_path, capsys):
    out = tmp_path / "c"
    argv = ["compare", str(SMALL), *TINY, "--reps", "2", "--no-report", "--json",
            "--reforms", "single_window+advance_declaration", "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert (
        "note: single_window+advance_declaration: single_window and advance_declaration "
        "added as option(s) of their own" in captured.err
    )
    assert list(json.loads(captured.out)["options"]) == [
        "baseline", "single_window", "advance_declaration", "single_window+advance_declaration"
    ]  # fmt: skip
    interactions = pd.read_csv(out / "interactions.csv")
    assert set(interactions["option"]) == {"single_window+advance_declaration"}


@pytest.mark.parametrize(
    ("text", "op"),
    [("single_window+", "+"), ("+single_window", "+"), ("single_window++training", "+"),
     ("single_window>", ">"), (">single_window", ">")],
)  # fmt: skip
def test_an_empty_side_of_plus_or_then_is_an_error(text, op, tmp_path, capsys, nothing_runs):
    msg = f"reform text {text!r}: {op!r} needs a reform on each side"
    with pytest.raises(ReformError, match=msg.replace("+", r"\+")):
        parse(text)  # never read as the one reform that is there
    assert main(["compare", str(SMALL), "--reforms", text, "--out", str(tmp_path / "c")]) == 2
    assert capsys.readouterr().err == f"error: {msg} (e.g. single_window{op}joint_inspection; " \
        "see `bordersim reforms`)\n"
    assert not (tmp_path / "c").exists()


def test_an_empty_time_or_option_name_side_is_an_error():
    with pytest.raises(ReformError, match="'@' needs a time after it"):
        parse("single_window@")
    with pytest.raises(OptionError, match="'\\+' joins two options \\(A\\+B\\); one side is empty"):
        parse_option("a+:ports.sea.review.capacity=4")


def test_the_hint_headline_is_compares_table_rows():
    """metric_names.HEADLINE repeats compare's rows so that the command line starts light;
    this keeps the two from drifting (the seized and censored counts are counts, not hints)."""
    from sim.cli_compare import TABLE_METRICS
    from sim.experiment.metric_names import HEADLINE

    counts = {"consignments_seized", "consignments_censored"}
    assert HEADLINE == tuple(m for m in TABLE_METRICS if m not in counts)


def test_an_option_named_baseline_with_changes_is_named_as_the_problem(capsys):
    """'baseline' is the scenario unchanged: an option of that name with changes is refused
    as such (it used to be reported as no option at all)."""
    from sim.cli import main

    argv = ["compare", str(SMALL), "--option", "baseline:ports.sea.exam.teams.capacity=7",
            "--reps", "2", "--days", "1"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "'baseline' is the scenario unchanged" in err and "another name" in err, err
    assert main(["compare", str(SMALL), "--option", "baseline:", "--days", "1"]) == 2
    assert "besides 'baseline'" in capsys.readouterr().err


# -- interactions of quantiles ----------------------------------------------------------------
TWO_PORTS = Path(__file__).parent / "scenarios" / "two_ports.toml"


def test_interactions_of_quantiles_are_marked_as_not_additive(tmp_path, capsys):
    """Options at two independent ports cannot interact: every mean's interaction is exactly
    0, while a pooled quantile's need not be (it does not add up over ports). The table, the
    CSV, the JSON and the report say so."""
    from rich.console import Console

    from sim.cli import Notes
    from sim.cli_compare import _note_quantile_interactions, interaction_table
    from sim.experiment.compare import QUANTILE_INTERACTION

    res = compare(TWO_PORTS, ["A:ports.p.document_check.capacity=3",
                             "B:ports.q.document_check.capacity=3", "A+B"], reps=2,
                  out=tmp_path / "c", report=False)  # fmt: skip
    it = res.interactions.set_index("metric")
    assert it.loc["clearance_h_mean", "mean"] == 0 and it.loc["clearance_h_mean", "additive"]
    assert not it.loc["clearance_h_median", "additive"]
    written = pd.read_csv(tmp_path / "c" / "interactions.csv").set_index("metric")
    assert not written.loc["clearance_h_p90", "additive"]
    flags = res.to_json()["interactions"]["A+B"]
    assert flags["clearance_h_median"]["additive"] is False
    assert flags["clearance_h_mean"]["additive"] is True
    console = Console(width=200, record=True)
    console.print(interaction_table(res))
    shown = console.export_text()
    assert "clearance_h_median \u2020" in shown and "is not additive" in shown
    from sim.report.html import _interactions

    assert "is not additive" in "".join(_interactions(res))
    # an interval clear of 0 (as one seed gave 0.076 h, CI 0.002 to 0.149) gets a note
    res.interactions.loc[res.interactions["metric"] == "clearance_h_median",
                         ["ci_low", "ci_high"]] = (0.002, 0.149)  # fmt: skip
    notes = Notes()
    _note_quantile_interactions(res, notes)
    assert notes.lines == [
        f"note: the interactions of clearance_h_median have intervals clear of 0, but "
        f"{QUANTILE_INTERACTION}"
    ]


def test_the_docs_say_sequential_stopping_can_make_intervals_narrow():
    for doc in ("docs/commands.md", "docs/how-results-are-computed.md"):
        text = " ".join((REPO / doc).read_text().split())
        assert "can cover slightly less than" in text, doc
