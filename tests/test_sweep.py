"""Sweeps: designs (list, grid, Latin hypercube), common random numbers across points,
one atomically written file per (point, replication), resuming, and the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim
import sim.model.run
from sim.cli import main
from sim.experiment.executors import ReplicationsFailed
from sim.experiment.runner import replicate
from sim.experiment.store import StoreMismatch
from sim.experiment.sweep import Range, explicit, grid, lhs, parse_range, sweep
from sim.scenario.units import TIME_UNITS

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
DAY = {"days": 1}
CAP = "ports.sea.review.capacity"
#: a run of the observed days alone, for tests of what a sweep accepts and writes
NO_WARMUP = ["--set", "warmup_days=0", "--set", "drain_days=0"]


def test_grid_is_every_combination():
    d = grid({"a": [1, 2, 3], "b": ["x", "y"]})
    assert len(d) == 6
    assert set(map(tuple, d.to_numpy().tolist())) == {(a, b) for a in (1, 2, 3) for b in "xy"}


def test_explicit_points_in_order_and_equal_lengths():
    d = explicit({"a": [1, 2], "b": [5, 6]})
    assert d.to_dict(orient="list") == {"a": [1, 2], "b": [5, 6]}
    with pytest.raises(ValueError, match="as many values"):
        explicit({"a": [1, 2], "b": [5]})


def test_lhs_is_seeded_and_stratified():
    ranges = {"a": Range(0.0, 10.0), "b": Range(-1.0, 1.0)}
    d = lhs(ranges, 8, seed=3)
    pd.testing.assert_frame_equal(d, lhs(ranges, 8, seed=3))
    assert not d.equals(lhs(ranges, 8, seed=4))
    for key, r in ranges.items():
        strata = np.floor((d[key] - r.low) / (r.high - r.low) * 8).astype(int)
        assert sorted(strata) == list(range(8)), key  # one point in each eighth


def test_ranges_parse_integers_units_and_reals():
    assert parse_range("2:6") == Range(2, 6, None, True)
    r = parse_range("10:30 min")
    assert r.unit == "min" and not r.integer and r.setting(12.5) == "12.5 min"
    assert parse_range("0.1:0.4").setting(0.25) == 0.25
    ints = lhs({"n": "2:4"}, 30, seed=0)["n"]
    assert set(ints) == {2, 3, 4} and all(isinstance(v, int) for v in ints)
    with pytest.raises(ValueError):
        parse_range("5:1")


def test_a_range_says_it_has_two_ends_and_its_unit_goes_once_at_the_end(capsys):
    """'0.1:0.2:0.3' was read as 0.1 to 0.2 with a unit ':0.3' (the message lost 0.2);
    '10 min:30 min' got only the generic 'expected LOW:HIGH'."""
    with pytest.raises(ValueError) as exc:
        parse_range("0.1:0.2:0.3")
    assert str(exc.value) == (
        "a range has two ends, LOW:HIGH (e.g. 2:6 or 10:30 min); got '0.1:0.2:0.3', with 3 parts"
    )
    for text in ("10 min:30 min", "10min:30"):
        with pytest.raises(ValueError) as exc:
            parse_range(text)
        assert str(exc.value) == (
            f"{text!r}: the unit goes once, at the end, after the high end: write 10:30 min"
        )
    assert parse_range("1e0:2e1") == Range(1, 20, None, False)  # (an exponent is no unit)
    argv = ["sweep", str(SMALL), "--lhs", "2", "--range", "days=7 d:14 d"]
    with pytest.raises(SystemExit):
        main(argv)
    assert "days: '7 d:14 d': the unit goes once, at the end, after the high end: write " \
        "7:14 d" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "hint"),
    [("10 min:1 h", "10:60 min"), ("1 h:90 min", "60:90 min"), ("2 d:1 w", "2:7 d"),
     ("1 h:1.5 h", "1:1.5 h")],
)
def test_a_range_with_two_units_is_told_one_it_can_take(text, hint):
    """'10 min:1 h' was told 'write 10:1 h', itself refused (10 > 1): the hint puts both ends
    in the smaller unit, and it is a range that is taken, over the same times."""
    with pytest.raises(ValueError) as exc:
        parse_range(text)
    assert str(exc.value).endswith(f"after the high end: write {hint}"), exc.value
    taken = parse_range(hint)
    ends = [float(x.split()[0]) * TIME_UNITS[x.split()[1]] for x in text.split(":")]
    assert [taken.low * TIME_UNITS[taken.unit], taken.high * TIME_UNITS[taken.unit]] == (
        pytest.approx(ends))


def test_a_range_over_a_real_field_samples_reals_whatever_its_ends_look_like(tmp_path, capsys):
    """``ai_clear=0:1`` (a share) used to give the design 0, 1, 0, 1: whole-number ends."""
    share = "ports.sea_port.scan.image_review.ai_clear"
    assert parse_range("0:1", share) == Range(0, 1, None, False)
    assert parse_range("7:14", "days") == Range(7, 14, None, False)  # a time, in days
    assert parse_range("0:1", "ports.sea_port.declaration.advance_share").integer is False
    # a field of whole numbers keeps whole numbers, from whole-number ends written as reals
    capacity = "ports.sea_port.scan.scanners.capacity"
    assert parse_range("2.0:6.0", capacity) == Range(2, 6, None, True)
    assert parse_range("2:6", "no.such.field") == Range(2, 6, None, True)
    design = lhs({share: "0:1", capacity: "2:4"}, 8, seed=0)
    assert len(set(design[share])) == 8 and all(0 < v < 1 for v in design[share])
    assert set(design[capacity]) == {2, 3, 4}
    out = tmp_path / "o"
    # (only the design is read: the default scenario's 14 days of warm-up and of drain are
    # left out, as its own field is what is sampled)
    argv = ["sweep", "--lhs", "4", "--range", f"{share}=0:1", "--reps", "1", "--days", "0.01",
            *NO_WARMUP]  # fmt: skip
    assert main([*argv, "--out", str(out), "--json"]) == 0, capsys.readouterr().err
    sampled = pd.read_csv(out / "design.csv")[share]
    assert len(set(sampled)) == 4 and all(0 < v < 1 for v in sampled)


@pytest.mark.parametrize(
    ("text", "hint", "per_hour"),
    [("1/h:3/h", "1:3/h", (1, 3)), ("1/h:3", "1:3/h", (1, 3)), ("1/h:30/d", "24:30/d", (1, 1.25)),
     ("2 /d:1 /h", "2:24/d", (2 / 24, 1))],
)
def test_a_rates_range_is_told_to_write_its_unit_once(text, hint, per_hour):
    """'1/h:3/h' got only the generic 'expected LOW:HIGH' (a duration's '10 min:30 min' was
    told how to write it); a rate now is too, both ends per the longer time when they
    differ, and the hint is a range that is taken, over the same rates."""
    with pytest.raises(ValueError) as exc:
        parse_range(text)
    assert str(exc.value).endswith(f"after the high end: write {hint}"), exc.value
    taken = parse_range(hint)
    hours = TIME_UNITS[str(taken.unit).lstrip("/")]
    assert (taken.low / hours, taken.high / hours) == pytest.approx(per_hour)


@pytest.mark.parametrize(
    ("key", "ends", "hint"),
    [("ports.sea.arrivals.rate", "2:4", "=2:4/h (/min, /h, /d ...)"),
     ("ports.sea.document_check.service.mean", "20:40", "=20:40 min (s, min, h, d or w)")],
)
def test_a_range_without_the_unit_its_field_needs_is_told_how_to_write_it(
    tmp_path, capsys, key, ends, hint
):
    """A rate's or a duration's range written without a unit ('1:3') was refused with the
    field's own message ('a rate needs a unit ... such as 20/h'), which a user then writes
    at both ends and is refused again: the error now gives the range as it is taken."""
    argv = ["sweep", str(SMALL), "--lhs", "2", "--range", f"{key}={ends}", "--reps", "1",
            "--days", "1", "--out", str(tmp_path / "s")]  # fmt: skip
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"give the range its unit once, after the high end, as in --range {key}{hint}" in err
    assert parse_range(hint[1:].split(" (")[0], key).unit is not None
    assert not (tmp_path / "s").exists()


@pytest.mark.parametrize(
    "given,swept,words",
    [  # the swept values used to win over --set and --days, silently
        (["--set", f"{CAP}=2"], ["--param", f"{CAP}=3,4"], f"--set gives {CAP} = 2"),
        (["--days", "1"], ["--param", "days=3,4"], "--days gives days = 1.0"),
        (["--set", "ports.sea.review={capacity=2}"], ["--lhs", "2", "--range", f"{CAP}=3:4"],
         "--set gives ports.sea.review = {'capacity': 2}"),
    ],
)
def test_a_swept_field_also_given_by_set_or_days_is_an_error(tmp_path, capsys, given, swept, words):
    out = tmp_path / "o"
    code = main(["sweep", str(SMALL), *given, *swept, "--reps", "1", "--out", str(out)])
    assert code == 2
    assert f"is swept, and {words} too; give it one way" in capsys.readouterr().err
    assert not out.exists()


@pytest.fixture(scope="module")
def two_points(tmp_path_factory):
    out = tmp_path_factory.mktemp("sweep") / "out"
    rows = sweep(SMALL, {CAP: [1, 3]}, 2, seed=5, overrides=DAY, out=out)
    return out, rows


def test_one_row_per_point_and_replication(two_points):
    _, rows = two_points
    assert rows[["point", "replication"]].to_numpy().tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert rows[CAP].tolist() == [1, 1, 3, 3]
    metrics = sim.simulate(sim.load_scenario(SMALL, DAY), 5).metrics()
    assert set(metrics) <= set(rows.columns)


def test_a_point_equals_the_scenario_run_alone(two_points):
    _, rows = two_points
    alone = replicate(sim.load_scenario(SMALL, {**DAY, CAP: 3}), 2, 5)
    got = rows[rows.point == 1].drop(columns=["point", CAP]).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, alone, check_exact=True)


def test_common_random_numbers_across_points(two_points):
    out, rows = two_points
    # review capacity cannot change arrivals: with the same seeds the counts match exactly
    arrived = rows.pivot(index="replication", columns="point", values="consignments_arrived")
    assert (arrived[0] == arrived[1]).all()
    assert arrived[0].nunique() == 2  # and replications differ from each other
    assert (rows.groupby("point").clearance_h_mean.mean().diff().dropna() != 0).all()
    for p in (0, 1):
        for r in (0, 1):
            rec = json.loads((out / "points" / f"p{p:04d}-r{r:04d}.json").read_text())
            assert rec["seed"] == [5, r] and rec["parameters"] == {CAP: [1, 3][p]}


def test_results_folder(two_points):
    out, rows = two_points
    for name in ("meta.json", "design.csv", "sweep.csv", "summary.csv"):
        assert (out / name).is_file(), name
    assert len(list((out / "points").glob("*.json"))) == 4
    assert not list(out.rglob("*.tmp"))
    summary = pd.read_csv(out / "summary.csv", index_col="point")
    assert summary.loc[1, "clearance_h_mean"] == pytest.approx(
        rows[rows.point == 1].clearance_h_mean.mean()
    )


def test_resume_runs_only_what_is_missing(two_points, tmp_path, monkeypatch):
    out, rows = two_points
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    (copy / "points" / "p0001-r0000.json").unlink()
    calls = []
    real = sim.model.run.simulate

    def spy(scenario, seed, *, replication=0, **kw):
        calls.append(replication)
        return real(scenario, seed, replication=replication, **kw)

    monkeypatch.setattr(sim.model.run, "simulate", spy)
    again = sweep(SMALL, {CAP: [1, 3]}, 2, seed=5, overrides=DAY, out=copy)
    assert calls == [0]
    pd.testing.assert_frame_equal(again, rows, check_exact=True)
    with pytest.raises(StoreMismatch, match="seed"):
        sweep(SMALL, {CAP: [1, 3]}, 2, seed=6, overrides=DAY, out=copy)
    with pytest.raises(StoreMismatch, match="another sweep"):
        sweep(SMALL, {CAP: [1, 2]}, 2, seed=5, overrides=DAY, out=copy)


def test_a_failed_run_names_its_point(monkeypatch):
    real = sim.model.run.simulate

    def flaky(scenario, seed, *, replication=0, **kw):
        if scenario.ports["sea"].review.capacity == 3 and replication == 1:
            raise RuntimeError("boom")
        return real(scenario, seed, replication=replication, **kw)

    monkeypatch.setattr(sim.model.run, "simulate", flaky)
    with pytest.raises(ReplicationsFailed, match=r"point 1, replication 1 \(seed \[5, 1\]\)") as e:
        sweep(SMALL, {CAP: [1, 3]}, 2, seed=5, overrides=DAY)
    assert len(e.value.partial) == 3


def test_a_bad_value_is_a_scenario_error_before_anything_runs():
    with pytest.raises(sim.ScenarioError, match="capacity"):
        sweep(SMALL, {CAP: [1, -2]}, 1, overrides=DAY)


def test_cli_sweep_grid_json(tmp_path, capsys):
    code = main(
        [
            "sweep",
            str(SMALL),
            "--days",
            "1",
            *NO_WARMUP,  # (the JSON's points and their intervals: any length gives them)
            "--param",
            f"{CAP}=1,3",
            "--param",
            "ports.sea.document_check.service.mean='20 min','40 min'",
            "--grid",
            "--reps",
            "2",
            "--out",
            str(tmp_path / "s"),
            "--json",
        ]
    )
    assert code == 0
    points = json.loads(capsys.readouterr().out)
    assert len(points) == 4
    assert {(p[CAP], p["ports.sea.document_check.service.mean"]) for p in points} == {
        (c, m) for c in (1, 3) for m in ("20 min", "40 min")
    }
    assert len(pd.read_csv(tmp_path / "s" / "sweep.csv")) == 8
    # each point's 95 % intervals are those of intervals.csv (a script reads no CSV)
    spans = pd.read_csv(tmp_path / "s" / "intervals.csv").set_index(["point", "metric"])
    for p in points:
        low, high = p["intervals"]["clearance_h_mean"]
        assert low < p["clearance_h_mean"] < high
        assert [low, high] == spans.loc[(p["point"], "clearance_h_mean"), ["ci_low", "ci_high"]
                                        ].tolist()  # fmt: skip


def test_cli_sweep_lhs(tmp_path, capsys):
    code = main(
        ["sweep", str(SMALL), "--days", "1", *NO_WARMUP, "--lhs", "3", "--range", f"{CAP}=1:4",
         "--reps", "1", "--out", str(tmp_path / "l")]  # fmt: skip
    )
    assert code == 0
    assert "3 point(s)" in capsys.readouterr().out
    assert len(pd.read_csv(tmp_path / "l" / "sweep.csv")) == 3


@pytest.mark.parametrize(
    "extra, message",
    [
        ([], "nothing to sweep"),
        (["--lhs", "3"], "--range"),
        (["--range", f"{CAP}=1:3"], "--lhs N or --sobol N"),
        (["--param", f"{CAP}=1,2", "--param", "days=1"], "as many values"),
        (["--lhs", "2", "--param", f"{CAP}=1,2", "--range", "days=1:2"], "cannot be combined"),
    ],
)
def test_cli_sweep_usage_errors(tmp_path, capsys, extra, message):
    assert main(["sweep", str(SMALL), "--out", str(tmp_path / "x"), *extra]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and "Traceback" not in err


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--param", "days=3,4", "--param", "days=5,6"],
         "--param days is given twice; give each parameter once"),
        (["--lhs", "2", "--range", "days=3:4", "--range", "days=5:6"],
         "--range days is given twice; give each parameter once"),
        (["--param", f"{CAP}=3,3"],
         f"--param {CAP}: the value 3 is given twice (its points would run twice); give "
         "each value once"),
        (["--grid", "--param", f"{CAP}=3,4", "--param", "days=3,3.0"],
         "--param days: the value 3.0 is given twice"),
        (["--param", f"{CAP}=3,3", "--param", "days=3,3.0"],
         f"--param: points 0 and 1 are the same ({CAP}=3, days=3.0); give each point once"),
    ],
)  # fmt: skip
def test_a_parameter_or_a_point_given_twice_is_named(tmp_path, capsys, extra, message):
    assert main(["sweep", str(SMALL), "--out", str(tmp_path / "x"), *extra]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {message}") and "Traceback" not in err, err
    assert not (tmp_path / "x").exists()


def test_a_value_repeated_beside_another_parameters_own_values_is_no_point_twice(tmp_path):
    """Values taken in order: a parameter held at one value while another varies."""
    from sim.cli import build_parser
    from sim.cli_experiments import _check_sweep_args

    args = build_parser().parse_args(["sweep", "--param", f"{CAP}=3,4", "--param", "days=3,3"])
    _check_sweep_args(args)


def test_a_range_end_the_scenario_does_not_allow_is_refused_before_anything_runs(
    tmp_path, capsys
):
    """The error names the end the user wrote (-1), not a sampled value, and no folder is
    made."""
    out = tmp_path / "s"
    argv = ["sweep", str(SMALL), "--lhs", "2", "--range", "ports.sea.review.capacity=-1:4",
            "--reps", "1", "--days", "1", "--out", str(out)]  # fmt: skip
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "--range ports.sea.review.capacity: its low end, -1, is not allowed" in err
    assert not out.exists()


def _edit_point(path: Path, **metrics: float) -> None:
    """Change metrics inside a point file as a user would (load, edit, dump)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["metrics"].update(metrics)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_damaged_or_foreign_point_files_are_noted_and_run_again(tmp_path, capsys, monkeypatch):
    """A truncated, edited, foreign or checksum-less point file is one `note:` line naming it
    and is computed again: the resumed sweep's tables are those of an undamaged one."""
    out = tmp_path / "s"
    argv = ["sweep", str(SMALL), "--days", "1", "--param", f"{CAP}=1,3", "--reps", "3",
            "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    sweep_csv, summary_csv = (out / "sweep.csv").read_text(), (out / "summary.csv").read_text()
    points = out / "points"
    with open(points / "p0000-r0001.json", "r+b") as f:
        f.truncate(200)
    _edit_point(points / "p0001-r0000.json", clearance_h_mean=123.0)
    shutil.copy(points / "p0000-r0000.json", points / "p0001-r0002.json")  # another point's
    old = json.loads((points / "p0001-r0001.json").read_text(encoding="utf-8"))
    for key in ("format", "checksum", "version", "root_seed"):  # as written before checksums
        del old[key]
    (points / "p0001-r0001.json").write_text(json.dumps(old), encoding="utf-8")
    capsys.readouterr()
    calls = []
    real = sim.model.run.simulate

    def spy(scenario, seed, *, replication=0, **kw):
        calls.append((scenario.ports["sea"].review.capacity, replication))
        return real(scenario, seed, replication=replication, **kw)

    monkeypatch.setattr(sim.model.run, "simulate", spy)
    assert main(argv) == 0
    err = capsys.readouterr().err
    notes = [line for line in err.splitlines()
             if line.startswith("note: ") and "less than a week" not in line
             and "keeps rising" not in line]  # (--days 1: the window's notes)
    assert "Traceback" not in err and len(notes) == 4, err
    for name, why in (("p0000-r0001", "not valid JSON (truncated?)"),
                      ("p0001-r0000", "checksum does not match"),
                      ("p0001-r0002", "from another sweep (point 0, this sweep 1)"),
                      ("p0001-r0001", "written by an older bordersim, without a checksum")):
        assert any(f"{points / name}.json: {why}" in n for n in notes), (name, notes)
    assert sorted(calls) == [(1, 1), (3, 0), (3, 1), (3, 2)]
    assert (out / "sweep.csv").read_text() == sweep_csv
    assert (out / "summary.csv").read_text() == summary_csv
    assert main(argv) == 0  # all sound again (no note but the week's)
    assert "note: /" not in capsys.readouterr().err


def test_an_out_folder_of_another_command_is_named_as_such(tmp_path, capsys):
    """run, sweep and compare each refuse the others' folders, saying what the folder holds."""
    tiny = ["--days", "1", "--reps", "1", *NO_WARMUP]  # (what a folder holds, not its figures)
    folders = {"sweep": tmp_path / "sweep", "run": tmp_path / "run", "compare": tmp_path / "cmp"}
    assert main(["sweep", str(SMALL), *tiny, "--param", f"{CAP}=1,3",
                 "--out", str(folders["sweep"])]) == 0  # fmt: skip
    assert main(["run", str(SMALL), *tiny, "--out", str(folders["run"])]) == 0
    assert main(["compare", str(SMALL), *tiny, "--option", f"more:{CAP}=3", "--no-report",
                 "--out", str(folders["compare"])]) == 0  # fmt: skip
    capsys.readouterr()
    holds = {"sweep": "a sweep (bordersim sweep)", "run": "a run (bordersim run)",
             "compare": "a comparison (bordersim compare)"}
    commands = {
        "sweep": ["sweep", str(SMALL), *tiny, "--param", f"{CAP}=1,3"],
        "run": ["run", str(SMALL), *tiny],
        "compare": ["compare", str(SMALL), *tiny, "--option", f"more:{CAP}=3", "--no-report"],
    }
    for command, argv in commands.items():
        for kind, folder in folders.items():
            if kind == command:
                continue
            assert main([*argv, "--out", str(folder)]) == 2
            err = capsys.readouterr().err
            assert err == (
                f"error: {folder} holds the results of {holds[kind]}, not of "
                f"{holds[command].split(' (')[0]}; choose another --out folder\n"
            ), (command, kind)


def test_intervals_give_each_points_mean_and_t_interval(two_points):
    """intervals.csv: per point and metric, the mean over its replications and the same 95 %
    t-interval a run reports (here checked by hand for one point and metric)."""
    from sim.analysis.stats import confidence_interval

    out, rows = two_points
    table = pd.read_csv(out / "intervals.csv")
    assert {"point", "metric", "mean", "ci_low", "ci_high", "n"} <= set(table.columns)
    row = table[(table.point == 1) & (table.metric == "clearance_h_mean")].iloc[0]
    values = rows[rows.point == 1].clearance_h_mean.to_numpy()
    mean, low, high = confidence_interval(values)
    assert (row["mean"], row["ci_low"], row["ci_high"]) == pytest.approx((mean, low, high))
    assert row["n"] == len(values)
    assert len(table) == rows.point.nunique() * table.metric.nunique()


def test_the_folder_keeps_what_every_point_shares_so_the_sweep_can_be_redone(two_points):
    """meta.json records the overrides every point has (``--days``, ``--set``), and
    scenario.json the scenario with them, resolved (as a run folder's): with design.csv,
    enough to redo the sweep from the folder alone."""
    import json

    out, _ = two_points
    meta = json.loads((out / "meta.json").read_text())
    assert meta["overrides"] == DAY
    base = json.loads((out / "scenario.json").read_text())
    assert base == json.loads(
        json.dumps(sim.load_scenario(SMALL, DAY).model_dump(mode="json", by_alias=True))
    )
    assert base["days"] == DAY["days"]


def test_a_point_whose_queue_does_not_settle_warns(tmp_path, capsys):
    """Warnings, never silence: a point where a lane is overloaded warns on stderr, naming
    the point by its values; the warning is kept in its point file (so a resumed sweep says
    it again) and in warnings.json; a point that copes does not warn."""
    from sim.cli import main

    out = tmp_path / "s"
    argv = ["sweep", str(SMALL), "--param", "ports.sea.document_check.capacity=1,4",
            "--reps", "1", "--days", "7", "--out", str(out)]
    assert main(argv) == 0
    first = capsys.readouterr()
    err, printed = first.err, first.out
    head = "warning (point 0: ports.sea.document_check.capacity=1): sea: document_check is"
    assert head in err and "(point 1:" not in err, err
    saved = json.loads((out / "warnings.json").read_text())
    assert list(saved) == ["0"] and "document_check" in saved["0"][0]
    assert json.loads((out / "points" / "p0000-r0000.json").read_text())["warnings"]
    # the table marks the point, for whoever keeps standard output alone
    means = printed.split("difference from point 0")[0]  # (the means' table, first)
    table = {line.split()[0]: line.split() for line in means.splitlines()
             if line[:2] in ("0 ", "1 ")}  # fmt: skip
    assert table["0"][2] == "True" and table["1"][2] == "False", printed
    summary = pd.read_csv(out / "summary.csv", index_col="point")
    assert summary["unstable"].tolist() == [True, False]
    assert main(argv) == 0  # resumed: nothing run again, the same warning
    assert head in capsys.readouterr().err
    assert main([*argv, "--json"]) == 0  # (a script reading stdout learns it too)
    points = json.loads(capsys.readouterr().out)
    assert [p["unstable"] for p in points] == [True, False]
    assert points[1]["intervals"]["clearance_h_mean"] == [None, None]  # (one replication)
    assert main(["report", str(out)]) == 0
    page = (out / "report.html").read_text()
    assert "<p class='warn'>warning (point 0: ports.sea.document_check.capacity=1)" in page
    assert "(point 1:" not in page


def test_a_whole_number_field_takes_whole_number_ends_only_as_the_readme_says(tmp_path, capsys):
    """`2.0:4.0` gives whole numbers; `1.5:4.5` is refused, naming the end (the README used
    to say a whole-number field takes any ends)."""
    assert parse_range("2.0:4.0", CAP) == Range(2, 4, None, True)
    argv = ["sweep", str(SMALL), "--lhs", "2", "--range", f"{CAP}=1.5:4.5", "--reps", "1",
            "--days", "1", "--out", str(tmp_path / "s")]  # fmt: skip
    assert main(argv) == 2
    assert f"--range {CAP}: its low end, 1.5, is not allowed" in capsys.readouterr().err
    readme = " ".join((Path(__file__).parents[1] / "docs" / "commands.md").read_text().split())
    assert "whole numbers whatever its ends look like" not in readme
    assert "an end that is not a whole number, as in `1.5:4.5`, is refused" in readme


def test_a_sweep_over_a_schedule_writes_its_intervals(tmp_path, capsys):
    """A point's value may be a list (a lane's hourly schedule): every file is written,
    intervals.csv naming the schedule on each of the point's rows."""
    day, night = [2] * 10 + [1] * 14, [2] * 24
    text = ",".join(json.dumps(v) for v in (day, night))
    out = tmp_path / "sched"
    argv = ["sweep", str(SMALL), "--param", f"ports.sea.review.schedule={text}", "--reps", "2"]
    assert main([*argv, "--days", "1", "--out", str(out)]) == 0
    table = pd.read_csv(out / "intervals.csv")
    assert set(table["ports.sea.review.schedule"]) == {str(day), str(night)}
    assert len(table) == 2 * table.metric.nunique()


def test_show_accepts_a_metric_only_a_swept_value_yields(tmp_path, capsys):
    """``--show risk_auc`` with ``--param risk.enabled=false,true``: the default scenario's
    risk engine is off, so the name was refused though half the points yield it; now its column is
    shown (NaN where the engine is off). A name no point yields is still refused."""
    # (one observed day without warm-up or drain still gives the engine's points a risk_auc,
    # and the other points none: what the test is about)
    argv = ["sweep", str(sim.default_scenario_path()), "--param", "risk.enabled=false,true",
            "--reps", "1", "--days", "1", *NO_WARMUP, "--show", "risk_auc"]  # fmt: skip
    assert main([*argv, "--out", str(tmp_path / "sw")]) == 0
    printed = capsys.readouterr().out
    assert "risk_auc" in printed and "clearance_h_mean" in printed
    # --only: risk_auc's rows alone (the finished folder resumed: nothing runs again)
    assert main([*argv, "--only", "--out", str(tmp_path / "sw")]) == 0
    printed = capsys.readouterr().out
    assert "risk_auc" in printed and "clearance_h_mean" not in printed
    yielded = pd.read_csv(tmp_path / "sw" / "sweep.csv").set_index("point")["risk_auc"]
    assert yielded.isna().tolist() == [True, False]  # (only the engine's point yields it)
    assert main([*argv[:-1], "risk_aucc", "--out", str(tmp_path / "sw2")]) == 2
    assert "risk_aucc" in capsys.readouterr().err


@pytest.fixture(scope="module")
def capacity_table(tmp_path_factory):
    """A sweep of the sea port's review capacity, 2 and 3, two replications of one day:
    its folder and the table it printed (the tests of the table share it)."""
    import contextlib
    import io

    out = tmp_path_factory.mktemp("table") / "two"
    printed = io.StringIO()  # (capsys is a test's, not a module's)
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(io.StringIO()):
        code = main([*TABLE_ARGV, "--reps", "2", "--out", str(out)])
    assert code == 0
    return out, printed.getvalue()


TABLE_ARGV = ["sweep", str(SMALL), "--param", "ports.sea.review.capacity=2,3", "--days", "1"]


def test_the_sweep_table_shows_the_swept_lanes_own_figures(capacity_table):
    """Sweeping a lane's capacity: its utilisation and mean wait are columns of the table on
    standard output, beside the pooled figures it hardly moves."""
    _, printed = capacity_table
    assert "utilisation_sea_declaration_review" in printed
    assert "wait_h_mean_sea_declaration_review" in printed


def test_the_sweep_table_gives_each_mean_its_95_percent_half_width(
    capacity_table, tmp_path, capsys
):
    """Each mean on standard output carries ± the larger side of its 95 % interval (that of
    intervals.csv), or the interval cut to what is possible where it reaches past it; with
    one replication there is none, and the mean stands alone."""
    from sim.experiment.compare import clip_interval
    two, printed = capacity_table
    assert "mean over replications ± its 95 % t half-width:" in printed
    spans = pd.read_csv(two / "intervals.csv").set_index(["point", "metric"])
    for metric in ("clearance_h_mean", "consignments_released"):
        mean, low, high = spans.loc[(1, metric), ["mean", "ci_low", "ci_high"]]
        half = max(mean - low, high - mean)
        row = printed.split("\n1 ")[1].splitlines()[0]  # (point 1's row of the means)
        cut = clip_interval(metric, low, high) != (low, high)
        assert (f"{mean:.3f} (" if cut else f"{mean:.3f} ±{half:.3f}") in row
    assert main([*TABLE_ARGV, "--reps", "1", "--out", str(tmp_path / "one")]) == 0
    printed = capsys.readouterr().out
    assert "mean over replications:" in printed and "±" not in printed.split("difference")[0]


def test_a_sampled_point_whose_values_clash_is_named_with_its_values_before_anything_runs(
    tmp_path, capsys
):
    """Two prevalences, each allowed at both ends of its range, add up to more than 1 at
    some sampled points: the error names the first such point and its values, counts the
    others, and says to narrow the ranges; nothing runs and no folder is made."""
    out = tmp_path / "l"
    argv = ["sweep", str(SMALL), "--days", "1", "--lhs", "12", "--reps", "1",
            "--range", "enforcement.prevalence.frozen=0.2:0.8",
            "--range", "enforcement.prevalence.pest=0.2:0.8", "--out", str(out)]  # fmt: skip
    assert main(argv) == 2
    err = capsys.readouterr().err
    design = lhs({"enforcement.prevalence.frozen": "0.2:0.8",
                  "enforcement.prevalence.pest": "0.2:0.8"}, 12)  # fmt: skip
    clash = design.sum(axis=1) > 1  # (frozen goods carry both types, multiplier 1)
    first = int(np.flatnonzero(clash)[0])
    frozen = float(design.loc[first, "enforcement.prevalence.frozen"])
    assert f"command line, at point {first} (enforcement.prevalence.frozen={frozen!r}" in err
    assert "illicit types' shares add up to" in err
    assert f"({int(clash.sum())} of 12 points fail: also " in err
    assert "each --range's ends are allowed alone, but not these values together" in err
    assert not out.exists()
