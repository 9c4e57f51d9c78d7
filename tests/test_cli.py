"""The ``bordersim`` command: JSON output, the results folder, resuming, and clean errors."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import sim
import sim.experiment.runner as runner
import sim.model.run
from sim.cli import main
from sim.experiment.compare import clip_interval
from tests.short_runs import short_run

REPO = Path(__file__).resolve().parents[1]
SMALL = str(REPO / "tests" / "scenarios" / "small.toml")
FAST = ["--days", "2", "--reps", "2", "--set", "warmup_days=1", "--set", "drain_days=3"]
REQUIRED = (
    "clearance_h_mean",
    "clearance_h_p90",
    "clearance_h_p95",
    "overall_clearance_h_mean",
    "released_within_24h",
    "consignments_released",
    "consignments_censored",
)


def _fast(**values: str) -> list[str]:
    """:data:`FAST` with some of its options' values changed (``reps="1"``: ``--reps 1``;
    an option given twice is refused)."""
    return [values.get(FAST[i - 1].removeprefix("--"), x) if i % 2 else x
            for i, x in enumerate(FAST)]


def run_json(capsys, out: Path, *extra: str) -> tuple[int, dict, str]:
    """``run --json``: its exit status, its summary (the metrics; the notes, checked to be
    those printed on stderr, taken out) and stderr. A field ``extra`` sets with ``--set``,
    or an option it gives, is left out of :data:`FAST` (either given twice is an error)."""
    keys = {v.partition("=")[0] for f, v in zip(extra, extra[1:], strict=False) if f == "--set"}
    pairs = zip(FAST[::2], FAST[1::2], strict=True)
    kept = [(f, v) for f, v in pairs if not (f == "--set" and v.partition("=")[0] in keys)
            and not (f != "--set" and f in extra)]
    fast = [x for pair in kept for x in pair]
    code = main(["run", SMALL, *fast, "--out", str(out), "--json", *extra])
    captured = capsys.readouterr()
    summary = json.loads(captured.out) if code == 0 else {"notes": []}
    notes = summary.pop("notes")
    assert all(line in captured.err for line in notes), (notes, captured.err)
    # the notes coded (tests/test_warning_codes.py): each record's text is a note's
    assert all(r["text"] in notes for r in summary.pop("warning_records", []))
    if code == 0:  # whether a queue did not settle (tests/test_stability.py), not metrics
        unstable, reps = summary.pop("unstable"), summary.pop("unstable_replications")
        assert summary.pop("rising_checked") in (True, False)
        assert unstable is bool(reps) and all(r.startswith("rep-") for r in reps)
    return code, summary, captured.err


def check_summary(summary: dict) -> None:
    for key in REQUIRED:
        assert key in summary, key
    assert any(k.startswith("utilisation_") for k in summary)
    for key, stats in summary.items():
        assert set(stats) == {"mean", "ci_low", "ci_high", "shown_low", "shown_high", "n"}, key
        assert stats["n"] in (0, 1, 2), key  # (the replications that measured it)
        if stats["ci_low"] is None:
            assert stats["shown_low"] is None and stats["shown_high"] is None, key
            continue
        assert stats["ci_low"] <= stats["mean"] <= stats["ci_high"], key
        # the interval as tables show it: the raw one clipped to what is possible
        shown = (stats["shown_low"], stats["shown_high"])
        assert shown == clip_interval(key, stats["ci_low"], stats["ci_high"]), key


@pytest.fixture
def done(tmp_path, capsys):
    """One finished two-replication run: (folder, JSON summary)."""
    out = tmp_path / "out"
    code, summary, _ = run_json(capsys, out)
    assert code == 0
    return out, summary


def test_json_summary(done):
    _, summary = done
    check_summary(summary)
    assert summary["consignments_released"]["ci_low"] is not None
    # two replications give wide intervals: some reach below what is possible, and are shown
    # clipped beside the raw ones
    assert any(s["ci_low"] is not None and s["shown_low"] > s["ci_low"] for s in summary.values())
    # n: the replications that measured a metric (both here; none for one nothing computes)
    assert summary["consignments_released"]["n"] == 2
    assert {s["n"] for s in summary.values() if s["mean"] is None} <= {0}


def test_results_folder(done):
    out, summary = done
    for name in ("scenario.json", "meta.json", "replications.csv", "summary.json"):
        assert (out / name).is_file(), name
    rows = (out / "replications.csv").read_text().strip().splitlines()
    assert len(rows) == 1 + 2
    assert rows[0].startswith("replication,")
    assert json.loads((out / "summary.json").read_text()) == summary
    meta = json.loads((out / "meta.json").read_text())
    assert meta["seed"] == 1 and meta["reps"] == 2 and meta["days"] == 2
    assert meta["version"] == sim.__version__
    scenario = json.loads((out / "scenario.json").read_text())
    assert scenario["name"] == "small" and scenario["warmup_days"] == 1
    for r in (0, 1):
        rep = json.loads((out / "reps" / f"rep-{r:04d}.json").read_text())
        assert rep["seed"] == [1, r]
        assert (out / "reps" / f"rep-{r:04d}-clearance.csv").is_file()
        assert (out / "reps" / f"rep-{r:04d}-resources.csv").is_file()
        enforcement = pd.read_csv(out / "reps" / f"rep-{r:04d}-enforcement.csv")
        assert {"port", "truth", "declarations", "detected"} <= set(enforcement.columns)
        assert enforcement.declarations.sum() == rep["metrics"]["consignments_arrived"]
        assert (out / "reps" / f"rep-{r:04d}-enforcement-daily.csv").is_file()
    for name in ("detection_rate", "burden_share", "hit_rate_physical", "value_slipped"):
        assert name in summary
    assert not list(out.rglob("*.tmp"))


def test_nan_is_json_null(done):
    out, _ = done
    text = (out / "reps" / "rep-0000.json").read_text()
    assert "NaN" not in text
    assert json.loads(text)["metrics"]["queue_mean_sea_lab"] is None  # the lab has no queue


def test_resume_does_not_rerun(done, capsys, monkeypatch):
    out, first = done
    calls = []
    real = sim.model.run.simulate

    def spy(*args, **kwargs):
        calls.append(kwargs.get("replication"))
        return real(*args, **kwargs)

    monkeypatch.setattr(sim.model.run, "simulate", spy)
    code, again, _ = run_json(capsys, out)
    assert code == 0 and calls == []
    assert again == first

    # a lost replication is rerun alone, and gives the same numbers
    (out / "reps" / "rep-0001.json").unlink()
    code, again, _ = run_json(capsys, out)
    assert code == 0 and calls == [1]
    assert again == first


def test_other_seed_into_same_folder_is_refused(done, capsys):
    out, _ = done
    code, _, err = run_json(capsys, out, "--seed", "2")
    assert code == 2
    assert "error:" in err and "seed" in err and "--out" in err
    assert "Traceback" not in err


def test_table_output_and_default_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["run", SMALL, *_fast(reps="1")]) == 0
    out = capsys.readouterr().out
    assert "clearance_h_mean" in out and "utilisation_" in out
    folders = list((tmp_path / "results").glob("small-*"))
    assert len(folders) == 1 and (folders[0] / "summary.json").is_file()
    assert str(Path("results") / folders[0].name) in out


def test_one_replication_has_null_ci(tmp_path, capsys):
    code, summary, _ = run_json(capsys, tmp_path / "one", "--reps", "1")
    assert code == 0
    check_summary(summary)
    assert summary["clearance_h_mean"]["ci_low"] is None
    assert summary["clearance_h_mean"]["ci_high"] is None


def test_subprocess_json_only_on_stdout(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "sim.cli",
            "run",
            SMALL,
            *FAST,
            "--out",
            str(tmp_path / "o"),
            "--json",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert isinstance(summary.pop("notes"), list)
    assert summary.pop("unstable") in (True, False)
    assert isinstance(summary.pop("unstable_replications"), list)
    assert summary.pop("rising_checked") in (True, False)
    assert isinstance(summary.pop("warning_records"), list)
    check_summary(summary)


def test_check_prints_resolved_scenario(capsys):
    assert main(["check", SMALL]) == 0
    resolved = json.loads(capsys.readouterr().out)
    assert resolved["name"] == "small"
    assert resolved["ports"]["sea"]["mode"] == "sea"


def test_check_bad_file(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text(Path(SMALL).read_text().replace("drain_days", "drain_dayz"))
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert str(bad) in err and "drain_dayz" in err
    assert "Traceback" not in err


def test_bad_override_is_a_scenario_error(tmp_path, capsys):
    code = main(["run", SMALL, "--days", "-1", "--out", str(tmp_path / "x")])
    err = capsys.readouterr().err
    assert code == 2 and "days" in err and "Traceback" not in err


def test_missing_scenario_file(tmp_path, capsys):
    missing = tmp_path / "nope.toml"
    assert main(["run", str(missing), "--out", str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err
    assert "not found" in err and str(missing) in err


@pytest.mark.parametrize("argv", [[], ["frobnicate"], ["run", SMALL, "--reps", "0"]])
def test_usage_errors(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert sim.__version__ in capsys.readouterr().out


def test_unknown_executor():
    scenario = sim.load_scenario(SMALL, {"days": 1})
    with pytest.raises(ValueError, match="serial"):
        runner.replicate(scenario, 1, 1, executor="frobnicate")


def test_override_through_a_value_is_a_clean_error(tmp_path, capsys):
    code = main(["check", SMALL, "--set", "days.x=1"])
    err = capsys.readouterr().err
    assert code == 2 and "days.x" in err and "Traceback" not in err


def test_start_up_imports_nothing_heavy():
    """``bordersim --help`` (and a command's ``--help``: the whole parser is built) must not
    pay for pandas, scipy, pydantic, rich or the model (a help text's number imported from
    an experiment module once made it take 0.8 s instead of 0.08)."""
    code = (
        "import contextlib, io, sys, sim, sim.cli\n"
        "for argv in (['--help'], ['run', '--help'], ['compare', '--help'], ['sweep', '--help']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "        sim.cli.main(argv)\n"
        "heavy = ('pandas', 'scipy', 'pydantic', 'rich', 'simpy', 'sim.model', 'sim.experiment')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m.startswith(heavy)))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert proc.stdout.strip() == "[]"


def test_two_runs_in_the_same_second_get_their_own_folders(tmp_path, capsys, monkeypatch):
    import datetime as dt

    import sim.cli

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sim.cli, "_now", lambda: dt.datetime(2024, 5, 1, 12, 0, 0))
    for _ in range(2):
        assert main(["run", SMALL, *_fast(reps="1"), "--json"]) == 0
    capsys.readouterr()
    folders = sorted(p.name for p in (tmp_path / "results").iterdir())
    assert folders == ["small-20240501-120000", "small-20240501-120000-2"]
    for name in folders:
        meta = json.loads((tmp_path / "results" / name / "meta.json").read_text())
        assert "resumed" not in meta  # the second run did not resume into the first's folder


def test_default_folder_is_created_exclusively(tmp_path, monkeypatch):
    import datetime as dt

    import sim.cli

    monkeypatch.setattr(sim.cli, "_now", lambda: dt.datetime(2024, 5, 1, 12, 0, 0))
    scenario = sim.load_scenario(SMALL)
    made = [sim.cli._default_out(scenario, tmp_path / "r") for _ in range(3)]
    assert [p.name for p in made] == [
        "small-20240501-120000",
        "small-20240501-120000-2",
        "small-20240501-120000-3",
    ]
    assert all(p.is_dir() for p in made)


def test_a_results_folder_that_cannot_be_made_is_one_clear_error(tmp_path, monkeypatch):
    """A long scenario name is cut in the folder's name (300 characters failed with a raw
    'File name too long'); a folder that cannot be made (read-only, a file in the way) is a
    usage error naming it and saying what to do; an option name too long for a folder is
    refused by name."""
    import os
    import stat

    import sim.cli
    from sim.experiment.options import Option, OptionError

    long = sim.load_scenario(SMALL, {"name": "x" * 300})
    made = sim.cli._default_out(long, tmp_path / "r")
    assert made.is_dir() and len(made.name) < 130
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder")
    with pytest.raises(sim.cli.UsageError, match=r"cannot make the results folder .*--out"):
        sim.cli._default_out(long, blocked / "r")
    if os.geteuid() != 0:  # (root writes anywhere)
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(stat.S_IRUSR | stat.S_IXUSR)
        with pytest.raises(sim.cli.UsageError, match=r"cannot make the results folder"):
            sim.cli._default_out(long, ro / "r")
    with pytest.raises(OptionError, match=r"300 characters; at most 200"):
        Option("o" * 300)


def test_an_interrupt_while_starting_is_one_line_and_the_right_status():
    """Before the command takes over, SIGINT and SIGTERM end the process quietly."""
    import subprocess
    import sys

    code = (
        "import os, signal, time, sim.entry as e; e.install(); "
        "os.kill(os.getpid(), signal.SIG{}); time.sleep(5)"
    )
    for name, status in (("INT", 130), ("TERM", 143)):
        out = subprocess.run(
            [sys.executable, "-c", code.format(name)], capture_output=True, text=True, timeout=30
        )
        assert out.returncode == status, (name, out)
        assert out.stderr.strip() == "interrupted while starting; nothing was run"


def test_the_run_table_shows_units_and_intervals_within_what_is_possible():
    """A t-interval over few replications can reach below zero or above one; the table shows
    it clipped (a count or time is never negative, a share never above 1), with its unit."""
    from rich.console import Console

    from sim.cli import _table

    summary = {
        "clearance_h_mean": {"mean": 2.912, "ci_low": -0.177, "ci_high": 6.0},
        "released_within_24h": {"mean": 0.95, "ci_low": 0.887, "ci_high": 1.013},
        "consignments_seized": {"mean": 3.0, "ci_low": -1.559, "ci_high": 7.559},
    }
    console = Console(width=200, record=True)
    console.print(_table(summary, 2))
    rows = {
        line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:-1]]
        for line in console.export_text().splitlines()
        if line.count("│") >= 5
    }
    assert rows["clearance_h_mean"] == ["hours", "2.912", "0.000", "6.000"]
    assert rows["released_within_24h"] == ["share (0-1)", "0.950", "0.887", "1.000"]
    assert rows["consignments_seized"] == ["consignments", "3.000", "0.000", "7.559"]


def test_an_interrupt_inside_exec_still_exits_130_under_python_m(tmp_path):
    """An interrupt that lands while start-up ``exec``s a dataclass is handled like any other:
    under ``python -m`` CPython would otherwise die by SIGINT (status -2) after our message."""
    (tmp_path / "interrupted_in_exec.py").write_text(
        "import sim.cli\n"
        "def _main(argv):\n"
        "    exec('raise KeyboardInterrupt')\n"
        "sim.cli._main = _main\n"
        "raise SystemExit(sim.cli.main([]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    out = subprocess.run(
        [sys.executable, "-m", "interrupted_in_exec"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 130, out
    assert out.stderr.strip() == "interrupted; rerun with the same --out to resume"


def test_the_run_table_shows_the_three_outcomes_time_enforcement_and_cost():
    """A planner weighs clearance time, seizures and cost: the run table shows a row for each
    (inspection and detection rates, value slipped, cost per consignment), with its unit."""
    from rich.console import Console

    from sim.cli import _table

    one = {"mean": 1.0, "ci_low": 0.5, "ci_high": 1.5}
    names = (
        "clearance_h_mean",
        "inspection_rate",
        "detection_rate",
        "value_slipped",
        "total_cost_per_consignment",
    )
    console = Console(width=200, record=True)
    console.print(_table({m: dict(one) for m in names}, 2))
    text = console.export_text()
    rows = {line.split("│")[1].strip().split(",")[0]
            for line in text.splitlines() if line.startswith("│")}
    assert set(names) <= rows
    # value slipped counts declared goods at the ports only, and says so
    assert "value_slipped, at the ports only" in text
    # a median of seconds reads as an error to customs readers: it says why; a median of
    # hours (a port without advance declarations) needs no excuse, and gets none
    seconds = {"mean": 0.01, "ci_low": 0.0, "ci_high": 0.02}
    for value, said in ((seconds, True), (one, False)):
        console = Console(width=200, record=True)
        console.print(_table({"clearance_h_median_import": dict(value)}, 2))
        text = console.export_text()
        assert ("often near 0: goods declared in advance" in text) is said, text


def test_the_run_table_gives_each_ports_inspection_rate_beside_the_pooled_one():
    """A post hub scans nearly every parcel, so the pooled inspection rate is mostly its:
    its import and export rows follow it (China publishes them apart), then each port's."""
    from rich.console import Console

    from sim.cli import _table

    one = {"mean": 0.1, "ci_low": 0.05, "ci_high": 0.15}
    names = ("inspection_rate", "inspection_rate_port_sea", "inspection_rate_port_hub",
             "inspection_rate_export", "inspection_rate_import", "detection_rate",
             "inspection_rate_general_import")  # fmt: skip
    console = Console(width=200, record=True)
    console.print(_table({m: dict(one) for m in names}, 2))
    rows = [line.split("│")[1].strip().split(",")[0]
            for line in console.export_text().splitlines() if line.startswith("│")]
    at = rows.index("inspection_rate")
    assert rows[at : at + 6] == ["inspection_rate", "inspection_rate_import",
                                 "inspection_rate_export", "inspection_rate_port_hub",
                                 "inspection_rate_port_sea", "detection_rate"]  # fmt: skip


def test_the_run_table_never_cuts_a_number_or_a_unit_in_80_columns():
    """In a narrow terminal a long metric name folds; its unit and numbers stay whole (a
    number cut to '1,0…' reads as another number)."""
    from rich.console import Console

    from sim.cli import _table

    wide = {"mean": 119_947_971.0, "ci_low": 68_178_426.0, "ci_high": 171_717_515.0}
    summary = {
        "value_slipped": dict(wide),
        "utilisation_land_border_quarantine_officers": {
            "mean": 0.49, "ci_low": 0.433, "ci_high": 0.547
        },
        "total_cost_per_consignment": {"mean": 304.28, "ci_low": 216.67, "ci_high": 391.88},
    }
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(_table(summary, 2))
    text = console.export_text()
    assert "…" not in text
    for number in ("119,947,971", "68,178,426", "171,717,515", "0.433", "216.67", "391.88"):
        assert number in text
    assert "currency" in text and "share (0-1)" in text
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(_table(summary, 2, "USD"))  # the scenario's currency, where it has one
    text = console.export_text()
    assert "USD, observed days" in text and "USD per consignment" in text
    assert "currency" not in text


def test_no_command_s_help_shows_a_doubled_percent_sign(capsys):
    """A description is not %-formatted, so '95 %%' printed as written ('report --help')."""
    from sim.cli import _parse

    commands = ["run", "compare", "check", "sweep", "warmup", "report", "org", "reforms"]
    for command in commands:
        with pytest.raises(SystemExit):
            _parse([command, "--help"])
        out = capsys.readouterr().out
        assert out.startswith(f"usage: bordersim {command}") and "%%" not in out, command


@pytest.mark.parametrize("command", ["org", "run", "compare", "reforms"])
def test_an_argument_a_command_does_not_take_is_reported_with_its_usage(command, capsys):
    """`bordersim org --days 7`: the error shows org's usage, not the top level's (which
    lists no argument of any command)."""
    from sim.cli import main

    with pytest.raises(SystemExit) as stop:
        main([command, *(["x.toml"] if command == "org" else []), "--no-such-option"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert f"usage: bordersim {command}" in err
    assert f"bordersim {command}: error: unrecognized arguments: --no-such-option" in err


@pytest.mark.parametrize(
    "argv,given",
    [  # argparse used to take any unambiguous prefix of an option's name
        (["run", SMALL, "--rep", "1"], "--rep 1"),
        (["run", SMALL, "--day", "1"], "--day 1"),
        (["warmup", SMALL, "--out", "x"], "--out x"),  # was taken for --output
        (["check", SMALL, "--metric"], "--metric"),
        (["sweep", SMALL, "--param", "days=1", "--sample", "2"], "--sample 2"),
    ],
)
def test_an_abbreviated_option_name_is_refused(capsys, argv, given):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    assert f"error: unrecognized arguments: {given}" in capsys.readouterr().err


def test_no_parser_takes_abbreviated_option_names():
    from sim.cli import _build

    parser, commands = _build()
    assert not parser.allow_abbrev
    assert not [name for name, p in commands.items() if p.allow_abbrev]


@pytest.mark.parametrize(
    "argv",
    [
        ["run", SMALL],
        ["compare", SMALL],
        ["sweep", SMALL, "--param", "days=1,2"],
        ["animate", SMALL, "--port", "sea", "--hours", "1"],
        ["docs"],
    ],
)
def test_an_empty_out_is_refused_not_taken_for_this_folder(tmp_path, monkeypatch, capsys, argv):
    monkeypatch.chdir(tmp_path)
    for empty in ("", " "):
        with pytest.raises(SystemExit) as stop:
            main([*argv, "--out", empty])
        assert stop.value.code == 2
        assert (
            f"bordersim {argv[0]}: error: argument --out: an empty name; give a folder or file "
            "name, or leave --out out for the default"
        ) in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_run_and_check_warn_of_a_dated_reform_after_the_observed_run(tmp_path, capsys):
    """On stderr, not an error; recorded in warnings.json apart from the unstable-run ones."""
    late = ["--set", 'timeline=[{reform = "training", at = "30 d"}]']
    assert main(["check", SMALL, *late]) == 0
    err = capsys.readouterr().err
    assert err.startswith("warning: the dated reform 'training' takes effect on day 30")
    assert "observe more than 23 days (--days)" in err  # small.toml: 7 days of warm-up
    code, _, err = run_json(capsys, tmp_path / "r", *late)
    assert code == 0 and "warning: the dated reform 'training' takes effect on day 30" in err
    recorded = json.loads((tmp_path / "r" / "warnings.json").read_text(encoding="utf-8"))
    assert recorded["timeline"] == [err.splitlines()[0].removeprefix("warning: ")]
    assert "warnings" not in recorded  # (those mark a run unstable)
    assert main(["check", SMALL, "--set", 'timeline=[{reform = "training", at = "10 d"}]']) == 0
    assert capsys.readouterr().err == ""  # (inside the observed days: a before and an after)
    assert main(["check", SMALL, "--set", 'timeline=[{reform = "training", at = "2 d"}]']) == 0
    assert "at or before the observed days begin (day 7" in capsys.readouterr().err  # (no before)


def test_run_and_check_warn_of_a_period_after_the_observed_run(tmp_path, capsys):
    """A time of periods_at at or after the end of the observed days is warned about and
    recorded as a dated reform there is (its period, empty, used to be dropped unsaid)."""
    late = ["--set", 'periods_at=["2 d", "100 d"]']
    assert main(["check", SMALL, *late]) == 0
    err = capsys.readouterr().err
    assert err == (
        "warning: the period from periods_at 100 d begins on day 100 of the run, at or after "
        "the end of the observed run on day 14 (7 days of warm-up + 7 observed days), so no "
        "observed arrival falls in it and it is not reported; observe more than 93 days "
        "(--days) to see it\n"
    )
    code, _, err = run_json(capsys, tmp_path / "r", *late)
    assert code == 0 and "warning: the period from periods_at 100 d begins on day 100" in err
    recorded = json.loads((tmp_path / "r" / "warnings.json").read_text(encoding="utf-8"))
    assert recorded["timeline"] == [err.splitlines()[0].removeprefix("warning: ")]
    assert main(["check", SMALL, "--set", 'periods_at=["13 d", "2 d"]']) == 0  # any order
    assert capsys.readouterr().err == ""


def test_a_time_given_twice_in_periods_at_is_refused(capsys):
    assert main(["check", SMALL, "--set", 'periods_at=["2 d", "3 d", "48 h"]']) == 2
    assert capsys.readouterr().err == (
        "error: command line: periods_at = ['2 d', '3 d', '48 h']: the time 2 d (48 h) is "
        "given twice; give each time once\n"
    )


def _table_rows(summary, reps, counts=None, currency=None):
    from rich.console import Console

    from sim.cli import _table

    console = Console(width=240, record=True)
    console.print(_table(summary, reps, currency, counts=counts))
    return {
        line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:-1]]
        for line in console.export_text().splitlines()
        if line.count("│") >= 5
    }


def test_the_run_table_accounts_for_every_consignment_and_the_organisation():
    """Arrived = released + seized + detained + rejected + censored: every outcome has its
    row; with an organisation, its latencies and its staff cost (in the scenario's currency,
    converted from the CNY the organisation section prices heads in: one money)."""
    outcomes = ("released", "seized", "detained", "rejected", "censored")
    org = ("escalation_latency_h_mean", "org_hold_h_mean", "alert_propagation_h_mean",
           "directive_propagation_h_mean", "org_staff_cost_per_year")
    one = {"mean": 1.0, "ci_low": 0.5, "ci_high": 1.5}
    names = ["consignments_arrived", *(f"consignments_{o}" for o in outcomes), *org]
    rows = _table_rows({m: dict(one) for m in names}, 2, currency="USD")
    assert set(names) <= set(rows)
    assert rows["org_staff_cost_per_year"][0] == "USD per year"
    assert rows["escalation_latency_h_mean"][0] == "hours"


def test_a_row_from_fewer_replications_than_the_run_says_so():
    """A port that saw no consignment in a replication has no clearance there: its mean is
    of the others, and the row says how many."""
    summary = {
        "clearance_h_mean": {"mean": 2.0, "ci_low": 1.0, "ci_high": 3.0},
        "clearance_h_mean_port_small": {"mean": 7.8, "ci_low": None, "ci_high": None},
    }
    summary["clearance_h_p90"] = {"mean": None, "ci_low": None, "ci_high": None}
    counts = {"clearance_h_mean": 2, "clearance_h_mean_port_small": 1, "clearance_h_p90": 0}
    rows = _table_rows(summary, 2, counts)
    assert "clearance_h_mean" in rows
    assert rows["clearance_h_mean_port_small (from 1 of 2 replications)"][1] == "7.800"
    # a figure no replication measures (exports at a port without them, say) is no
    # failure: left out of the table, and counted in its caption (some thirty such rows
    # buried the ones that matter); shown when asked for by name (--show)
    assert not any(r.startswith("clearance_h_p90") for r in rows)
    from rich.console import Console

    from sim.cli import _table

    console = Console(width=240, record=True)
    console.print(_table(summary, 2, counts=counts))
    text = " ".join(console.export_text().split())
    assert "1 rows measured in no replication left out" in text
    console.print(_table(summary, 2, counts=counts, extra=["clearance_h_p90"]))
    assert "clearance_h_p90 (not measured in any replication)" in console.export_text()


def test_the_run_table_shows_the_busiest_lanes_and_says_how_many_more():
    """An organisation adds a utilisation row per unit and role (a hundred or more): the run
    table shows the busiest, busiest first, and its caption says how many more are in
    summary.json."""
    from rich.console import Console

    from sim.cli import BUSIEST, _table

    summary = {f"utilisation_org/u{i}_risk": {"mean": i / 100, "ci_low": None, "ci_high": None}
               for i in range(BUSIEST + 7)}
    console = Console(width=240, record=True)
    console.print(_table(summary, 2))
    text = console.export_text()
    shown = [line.split("│")[1].strip() for line in text.splitlines() if line.count("│") >= 5]
    shown = [m for m in shown if m.startswith("utilisation_")]
    top = BUSIEST + 6
    assert shown == [f"utilisation_org/u{i}_risk" for i in range(top, top - BUSIEST, -1)]
    assert "7 less busy lanes' utilisation in summary.json" in " ".join(text.split())


@pytest.mark.parametrize("command", ["run", "compare", "sweep"])
def test_days_given_twice_is_an_error_not_a_silent_choice(command, capsys):
    """--days and --set days=... both: --days used to win and the --set value went
    unchecked (``--set days=true --days 7`` ran)."""
    argv = [command, str(SMALL), "--set", "days=true", "--days", "7"]
    argv += {"compare": ["--option", "x:ports.sea.review.capacity=4"],
             "sweep": ["--param", "ports.sea.review.capacity=2,4"], "run": []}[command]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "given twice: --days 7 and --set days=true" in err, err


def test_the_run_table_shows_who_pays_and_the_cost_of_imports_and_exports_apart():
    """Total cost is agency + trader: the table shows both parts, the trader's fees (money
    paid, apart from the value of time), and the total for imports and exports."""
    from rich.console import Console

    from sim.cli import _table

    one = {"mean": 1.0, "ci_low": 0.5, "ci_high": 1.5}
    names = ["total_cost_per_consignment", "total_cost_per_consignment_import",
             "total_cost_per_consignment_export", "agency_cost_per_consignment",
             "trader_cost_per_consignment", "trader_fees_per_consignment"]  # fmt: skip
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(_table({m: dict(one) for m in names}, 2, "USD"))
    rows = [line.split("│")[1].strip() for line in console.export_text().splitlines()
            if line.count("│") > 3]  # fmt: skip
    assert [r.split(",")[0] for r in rows] == names, rows
    assert "fees paid + the value of the goods' time" in " ".join(rows)


def test_a_warm_up_that_is_not_whole_weeks_is_noted_not_refused(tmp_path, capsys):
    """Any warm-up runs (tests use a day or two); one that is not whole weeks says why whole
    weeks are recommended, in the JSON's notes too. Whole weeks (or none) are quiet."""
    # (the note reads the settings, not the figures: 1 day, 1 replication, 1 drain day)
    shorter = ("--days", "1", "--reps", "1", "--set", "drain_days=1")
    code, _, err = run_json(capsys, tmp_path / "a", "--set", "warmup_days=3", *shorter)
    assert code == 0
    assert (
        "note: warmup_days = 3 is not a whole number of weeks: observation starts at another "
        "weekday or hour than the run (Monday 00:00)" in err
    )
    for whole in ("7", "0"):
        code, _, err = run_json(capsys, tmp_path / whole, "--set", f"warmup_days={whole}",
                                *shorter)
        assert code == 0 and "whole number of weeks" not in err
    argv = ["compare", SMALL, *_fast(days="1", reps="1"), "--out", str(tmp_path / "c"),
            "--option", "x:days=2", "--no-report"]  # (the notes are the point, not the page)
    assert main(argv) == 0
    assert "note: warmup_days = 1 is not a whole number of weeks" in capsys.readouterr().err


def test_show_adds_the_metrics_asked_for_to_the_table_and_refuses_a_wrong_name_first(
    tmp_path, capsys
):
    """``--show`` puts metrics the key table leaves out (a quarantine analyst's detection
    rates) in the table, by name or pattern; a name the scenario cannot yield is an error
    (status 2) before anything runs or any folder is made."""
    out = tmp_path / "r"
    # (the table's rows, not its figures: run without the warm-up, 1 drain day)
    args = ["run", short_run(tmp_path, SMALL), "--days", "2", "--reps", "2", "--out", str(out)]
    assert main([*args, "--show", "detection_rate_by_*,hit_rate_quarantine"]) == 0
    table = capsys.readouterr().out
    assert "detection_rate_by_quarantine" in table and "hit_rate_quarantine" in table
    assert main([*args[:-2], "--out", str(tmp_path / "plain")]) == 0
    assert "detection_rate_by_quarantine" not in capsys.readouterr().out  # (not by default)
    fresh = tmp_path / "none"
    code = main(["run", str(SMALL), "--days", "2", "--show", "detection_rat", "--out", str(fresh)])
    err = capsys.readouterr().err
    assert code == 2 and "did you mean 'detection_rate'" in err and not fresh.exists()
    assert main(["run", str(SMALL), "--show", "zz_*", "--out", str(fresh)]) == 2
    assert "matches no metric" in capsys.readouterr().err and not fresh.exists()


def test_sweep_show_adds_a_column(tmp_path, capsys):
    # (the table's columns, not its figures: run without the warm-up, 1 drain day)
    argv = ["sweep", short_run(tmp_path, SMALL), "--param", "ports.sea.review.capacity=3,4",
            "--reps", "1", "--days", "2", "--out", str(tmp_path / "s")]  # fmt: skip
    assert main([*argv, "--show", "hit_rate_quarantine"]) == 0
    assert "hit_rate_quarantine" in capsys.readouterr().out
    assert main([*argv[:-1], str(tmp_path / "t"), "--show", "hit_rat"]) == 2
    assert "did you mean" in capsys.readouterr().err and not (tmp_path / "t").exists()


def test_a_long_unit_leaves_the_metric_names_whole_and_its_aside_goes_to_the_caption():
    """'USD per container (a truck, air shipment or parcel counts as one)' took the width of
    a piped table, and some sixty names printed folded as 'trader_cost_per_consignmen'."""
    import io

    from rich.console import Console

    from sim.cli import _short_unit, _table

    aside = "a truck, air shipment or parcel counts as one"
    assert _short_unit(f"USD per container ({aside})") == ("USD per container", aside)
    assert _short_unit("share (0-1)") == ("share (0-1)", "")
    name = "agency_cost_per_container_port_land_border_import"
    summary = {name: {"mean": 19.6, "ci_low": 0.0, "ci_high": 45.4}}
    out = io.StringIO()
    Console(file=out, width=100).print(_table(summary, 2, "USD", extra=[name]))
    text = out.getvalue()
    assert name in text and "│ USD per container │" in text
    assert f"USD per container: {aside}" in " ".join(text.split())


@pytest.mark.parametrize(
    ("twice", "said"),
    [
        (["--reps", "1", "--reps", "2"], "argument --reps: given twice (--reps 1 and --reps 2)"),
        (["--days", "1", "--days=2"], "argument --days: given twice (--days 1 and --days 2)"),
        (["--seed", "3", "--seed", "3"], "argument --seed: given twice (--seed 3 and --seed 3)"),
        (["--out", "o1", "--out", "o2"], "argument --out: given twice (--out o1 and --out o2)"),
    ],
)
def test_an_option_of_one_value_given_twice_is_refused(twice, said, tmp_path, capsys,
                                                       monkeypatch):
    """``--reps 1 --reps 2`` ran 2 replications; ``--out o1 --out o2`` wrote into o2 only."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as info:
        main(["run", SMALL, *twice])
    assert info.value.code == 2
    assert f"{said}; give it once" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_every_option_of_one_value_is_taken_once():
    """In every command: each option that stores one value (or one list) refuses a second."""
    from sim.cli import Once, _build

    parser, commands = _build()
    single = [
        (name, a.option_strings[0])
        for name, command in commands.items()
        for a in command._actions
        if a.option_strings and type(a).__name__ == "_StoreAction"
    ]
    assert single == []  # (every one is a Once)
    once = {(n, a.option_strings[0]) for n, c in commands.items() for a in c._actions
            if isinstance(a, Once) and a.option_strings}
    assert {("run", "--reps"), ("compare", "--out"), ("sweep", "--lhs"), ("report", "--out"),
            ("warmup", "--output"), ("check", "--explain")} <= once


def test_workers_without_a_parallel_executor_and_an_empty_show_are_refused(capsys):
    assert main(["run", SMALL, "--workers", "4", "--reps", "1", "--days", "1"]) == 2
    assert ("error: --workers 4 is for --executor processes or dask; without, the "
            "replications run one at a time") in capsys.readouterr().err
    for show in (",", "clearance_h_mean,,inspection_rate", "clearance_h_mean,"):
        with pytest.raises(SystemExit):
            main(["run", SMALL, "--show", show, "--reps", "1", "--days", "1"])
        assert f"argument --show: {show!r} has an empty metric name" in (
            capsys.readouterr().err)
