"""sim.compare: paired differences, Holm's correction, resuming, clipping, who gains, the CLI."""

from __future__ import annotations

import copy
import io
import json
import math
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim
import sim.experiment.compare as compare_mod
from sim.analysis.paired import holm, paired_interval
from sim.analysis.stats import confidence_interval
from sim.cli import main
from sim.experiment.compare import CompareResult, clip_interval, compare
from sim.experiment.gains import gains_one, summarise_gains
from sim.experiment.options import OptionError, parse_option, resolve_options
from sim.experiment.precision import precise_enough

REPO = Path(__file__).resolve().parents[1]
SMALL = REPO / "tests" / "scenarios" / "small.toml"
SHORT = {"days": 2, "warmup_days": 1, "drain_days": 3}
SAME = "same:ports.sea.review.capacity=3"  # small.toml already has 3 reviewers
MORE_REVIEW = "review4:ports.sea.review.capacity=4"
MORE_DOCS = "docs3:ports.sea.document_check.capacity=3"


@pytest.fixture(scope="module")
def review4_folder(tmp_path_factory) -> tuple[CompareResult, Path]:
    """``compare(SMALL, [MORE_REVIEW], reps=2, overrides=SHORT)`` into a folder, with its
    report, run once per module: the tests that read it share it, and the command-line tests
    of the same comparison (``_compare_argv(out, MORE_REVIEW)``) resume a copy of it."""
    out = tmp_path_factory.mktemp("review4") / "r"
    return compare(SMALL, [MORE_REVIEW], reps=2, overrides=SHORT, out=out), out


@pytest.fixture(scope="module")
def review4_2(review4_folder) -> CompareResult:
    """The comparison of :func:`review4_folder`: the table tests read (or change) a deep
    copy of it each."""
    return review4_folder[0]


def _copy(folder: Path, tmp_path: Path) -> Path:
    """A copy of a module's comparison folder, for a test that resumes or damages it."""
    return Path(shutil.copytree(folder, tmp_path / "c"))


@pytest.fixture(scope="module")
def single_window_1() -> CompareResult:
    """``compare(SMALL, ["single_window"], reps=1, overrides=SHORT)``, run once per module
    (the tests take deep copies)."""
    return compare(SMALL, ["single_window"], reps=1, overrides=SHORT)


def test_options_parsing():
    o = parse_option('x:ports.sea.review.capacity=4,inspection.mode="separate",a.b=[1, 2]')
    assert o.name == "x"
    assert o.overrides == {
        "ports.sea.review.capacity": 4,
        "inspection.mode": "separate",
        "a.b": [1, 2],
    }
    opts = resolve_options(["a:k=1", "b:j=2", "a+b"])
    assert [o.name for o in opts] == ["baseline", "a", "b", "a+b"]
    assert opts[3].overrides == {"k": 1, "j": 2} and opts[3].parts == ("a", "b")
    with pytest.raises(OptionError):
        resolve_options(["a:k=1", "b:k=2", "a+b"])  # parts disagree
    with pytest.raises(OptionError):
        resolve_options(["nothing"])  # changes nothing and is no reform (yet)


def test_no_change_gives_exactly_zero():
    res = compare(SMALL, [SAME, MORE_REVIEW], reps=3, overrides=SHORT)
    d = res.differences[res.differences["option"] == "same"].set_index("metric")
    d = d[d["n"] > 0]  # metrics that exist (a lab has no queue length)
    # every replication in which the metric has a value is paired (a mean over lots that may
    # not occur, as the hours of rejected frozen lots, has none in a replication without one)
    base = res.per_rep[res.per_rep["option"] == "baseline"]
    valued = base[d.index].notna().sum()
    assert len(d) > 20 and (d["n"] == valued).all() and (valued == 3).mean() > 0.95
    assert (d["mean"] == 0).all()
    assert (d["ci_low"] == 0).all() and (d["ci_high"] == 0).all()
    g = res.gains[res.gains["option"] == "same"]
    assert (g["mean_change"] == 0).all() and (g["share_worse"] == 0).all()
    # ... while a real change does change something (the comparison is not vacuous)
    real = res.differences[res.differences["option"] == "review4"].set_index("metric")
    assert real.loc["clearance_h_mean", "mean"] != 0
    # and the option that changes nothing is named as such (the CLI says so above its table)
    assert res.meta["unchanged"] == ["same"]


def test_paired_interval_narrower_than_unpaired():
    reps = 4
    res = compare(SMALL, [MORE_DOCS], reps=reps, overrides=SHORT, log=False)
    paired = res.differences.set_index(["option", "metric"]).loc[("docs3", "clearance_h_mean")]
    assert paired["mean"] != 0
    # the same change run with other seeds: an unpaired (Welch) interval of the difference
    base = res.per_rep[res.per_rep["option"] == "baseline"]["clearance_h_mean"].to_numpy()
    other = compare(SMALL, [MORE_DOCS], reps=reps, seed=99, overrides=SHORT, log=False)
    opt = other.per_rep[other.per_rep["option"] == "docs3"]["clearance_h_mean"].to_numpy()
    se = math.sqrt(base.var(ddof=1) / reps + opt.var(ddof=1) / reps)
    unpaired_half = 1.96 * se
    paired_half = (paired["ci_high"] - paired["ci_low"]) / 2
    assert paired_half < 0.25 * unpaired_half


def test_holm_known_case():
    # sorted: 0.001 <= .05/5, 0.01 <= .05/4, 0.02 > .05/3 -> stop: 0.03 and 0.04 not rejected
    assert holm([0.02, 0.001, 0.04, 0.01, 0.03]) == [False, True, False, True, False]
    # all reject by stepping down (Bonferroni would reject only the first)
    assert holm([0.01, 0.02, 0.04]) == [True, True, True]
    # a NaN is never rejected and does not count
    assert holm([0.03, math.nan]) == [True, False]
    assert holm([0.06]) == [False]


def test_holm_applied_per_metric():
    rng = np.random.default_rng(0)
    base = rng.normal(10, 1, 8)
    per_rep = []
    shifts = {"baseline": 0.0, "a": 0.9, "b": 0.05, "c": 0.3}
    for name, shift in shifts.items():
        for r in range(8):
            noise = 0 if name == "baseline" else rng.normal(0, 0.2)
            per_rep.append({"option": name, "replication": r, "x_h_mean": base[r] + shift + noise})
    df = pd.DataFrame(per_rep)
    opts = resolve_options(["a:k=1", "b:k=2", "c:k=3"])
    d = compare_mod._differences(df, opts, {}).set_index("option")
    others = ["a", "b", "c"]
    assert d.loc[others, "significant"].tolist() == holm(d.loc[others, "p_value"].tolist())
    assert not bool(d.loc["baseline", "significant"])


def test_clipping_keeps_raw_interval():
    df = pd.DataFrame(
        {
            "option": ["baseline"] * 3,
            "replication": [0, 1, 2],
            "released_within_24h": [0.0, 0.0, 0.9],
            "consignments_seized": [0.0, 0.0, 3.0],
        }
    )
    s = compare_mod._summaries(df, resolve_options([])).set_index("metric")
    mean, low, high = confidence_interval([0.0, 0.0, 0.9])
    row = s.loc["released_within_24h"]
    assert row["ci_low"] == low < 0 and row["ci_high"] == high > 1
    assert row["shown_low"] == 0 and row["shown_high"] == 1
    assert s.loc["consignments_seized", "ci_low"] < 0
    assert s.loc["consignments_seized", "shown_low"] == 0
    assert clip_interval("clearance_h_mean", -2.0, 3.0, difference=True) == (-2.0, 3.0)
    assert clip_interval("owner_share_trader", -1.5, 0.5, difference=True) == (-1.0, 0.5)


def test_resume_after_interruption_gives_same_results(tmp_path, monkeypatch):
    options = [MORE_REVIEW, MORE_DOCS]
    whole = compare(SMALL, options, reps=3, overrides=SHORT, out=tmp_path / "whole", report=False)

    class Stop(Exception):
        pass

    seen = []

    def interrupt(option, r, metrics):
        seen.append((option, r))
        if len(seen) == 5:
            raise Stop

    out = tmp_path / "cut"
    with pytest.raises(Stop):
        compare(SMALL, options, reps=3, overrides=SHORT, out=out, on_done=interrupt, report=False)
    assert not (out / "summary.json").exists()
    real, calls = compare_mod.simulate, []

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(compare_mod, "simulate", counted)
    resumed = compare(SMALL, options, reps=3, overrides=SHORT, out=out, report=False)
    assert len(calls) == 9 - 5  # the five saved before the interruption are not rerun
    pd.testing.assert_frame_equal(resumed.per_rep, whole.per_rep)
    pd.testing.assert_frame_equal(resumed.differences, whole.differences)
    pd.testing.assert_frame_equal(resumed.gains, whole.gains, check_dtype=False)
    assert json.loads((out / "summary.json").read_text()) == json.loads(
        (tmp_path / "whole" / "summary.json").read_text()
    )


def test_failed_replication_is_reported_and_others_finish(tmp_path, monkeypatch):
    real = compare_mod.simulate

    def flaky(scenario, seed, replication=0, log=False):
        if replication == 1 and scenario.ports["sea"].review.capacity == 4:
            raise RuntimeError("boom")
        return real(scenario, seed, replication=replication, log=log)

    monkeypatch.setattr(compare_mod, "simulate", flaky)
    res = compare(SMALL, [MORE_REVIEW], reps=3, overrides=SHORT, out=tmp_path / "o", report=False)
    assert len(res.failures) == 1
    f = res.failures[0]
    assert (f["option"], f["replication"], f["seed"], f["scenario"]) == (
        "review4",
        1,
        [1, 1],
        "small",
    )
    assert "boom" in f["error"]
    assert len(res.per_rep) == 5  # 3 baseline + 2 of the option
    d = res.differences.set_index(["option", "metric"]).loc[("review4", "clearance_h_mean")]
    assert d["n"] == 2
    assert json.loads((tmp_path / "o" / "failures.json").read_text())[0]["seed"] == [1, 1]


def _log(rows):
    cols = [
        "port",
        "index",
        "direction",
        "trader_class",
        "commodity",
        "arrived",
        "released",
        "exited",
    ]
    return pd.DataFrame(rows, columns=cols)


def test_who_gains_constructed_case():
    # port p: class A (fast stratum), port q: class B; q gains 10 h for everyone.
    base = _log(
        [
            ("p", 0, "import", "A", "g", 0.0, 1.0, 2.0),
            ("p", 1, "import", "A", "g", 0.0, 1.0, 2.0),
            ("p", 2, "import", "B", "g", 0.0, 1.0, 2.0),
            ("q", 0, "import", "B", "g", 0.0, 20.0, 30.0),
            ("q", 1, "import", "B", "g", 0.0, 20.0, 30.0),
            ("q", 2, "import", "A", "g", 0.0, 20.0, 30.0),
            ("q", 3, "import", "B", "g", 0.0, np.nan, np.nan),  # not released: left out
        ]
    )
    opt = base.copy()
    opt.loc[opt["port"] == "q", ["released", "exited"]] -= 10.0
    opt.loc[(opt["port"] == "p") & (opt["index"] == 0), "released"] += 0.5  # worse by 30 min
    opt.loc[(opt["port"] == "p") & (opt["index"] == 1), "released"] += 0.01  # within tolerance
    g = gains_one(base, opt)
    c = g[g["measure"] == "clearance"].set_index(["dimension", "port", "direction", "group"])
    total = c.loc[("all", "all", "all", "all")]
    assert total["n"] == 6 and total["worse"] == 1 and total["better"] == 3
    assert total["sum_change"] == pytest.approx(0.51 - 30)
    q = c.loc[("port_direction", "q", "import", "all")]
    assert q["n"] == 3 and q["sum_change"] == pytest.approx(-30)
    per_rep = g.assign(option="x", replication=0)
    s = summarise_gains(per_rep)
    s = s[s["measure"] == "clearance"].set_index(["dimension", "port", "direction", "group"])
    # crude: B is 2 of 3 at the gaining port q, A only 1 of 3 -> B looks like it gains more;
    # within each stratum the classes do the same; standardised they are nearly equal
    crude_b = (-20) / 3
    crude_a = (0.5 + 0.01 - 10) / 3
    assert crude_b < crude_a - 3
    std_a = s.loc[("trader_class_standardised", "all", "all", "A"), "mean_change"]
    std_b = s.loc[("trader_class_standardised", "all", "all", "B"), "mean_change"]
    assert std_a == pytest.approx((3 * 0.255 + 3 * -10) / 6)
    assert std_b == pytest.approx((3 * 0.0 + 3 * -10) / 6)
    assert s.loc[("all", "all", "all", "all"), "share_worse"] == pytest.approx(1 / 6)


def test_standardised_changes_have_an_interval_over_the_replications():
    """Each replication's standardised change (its within-stratum means, weighted by the
    pooled stratum sizes) gives the t interval of the standardised row."""
    base = _log(
        [
            ("p", 0, "import", "A", "g", 0.0, 1.0, 2.0),
            ("p", 1, "import", "B", "g", 0.0, 1.0, 2.0),
            ("q", 0, "import", "A", "g", 0.0, 20.0, 30.0),
            ("q", 1, "import", "B", "g", 0.0, 20.0, 30.0),
        ]
    )
    parts = []
    for rep, gain in enumerate((-2.0, -4.0, -9.0)):
        opt = base.copy()
        opt.loc[opt["port"] == "q", "released"] += gain  # q changes, p does not
        parts.append(gains_one(base, opt).assign(option="x", replication=rep))
    s = summarise_gains(pd.concat(parts, ignore_index=True))
    s = s[s["measure"] == "clearance"].set_index(["dimension", "port", "direction", "group"])
    row = s.loc[("trader_class_standardised", "all", "all", "A")]
    per_rep = np.array([-2.0, -4.0, -9.0]) / 2  # strata p and q weigh the same
    mean, low, high = confidence_interval(per_rep)
    assert row["mean_change"] == pytest.approx(mean)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((low, high))


def test_paired_interval_of_identical_values_is_zero():
    assert paired_interval([1.0, 2.0, 5.0], [1.0, 2.0, 5.0]) == (0.0, 0.0, 0.0, 3)


def test_cli_json_shape(tmp_path, capsys):
    argv = [
        "compare",
        str(SMALL),
        "--days",
        "2",
        "--set",
        "warmup_days=1",
        "--set",
        "drain_days=7",  # (every pick-up done: no warning)
        "--reps",
        "2",
        "--option",
        MORE_REVIEW,
        "--out",
        str(tmp_path / "c"),
        "--json",
        "--no-report",
    ]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    # metric maps hold metrics only; flags and interactions have keys of their own
    assert list(data) == ["options", "differences", "interactions", "unstable", "notes",
                          "warning_records"]
    assert list(data["options"]) == ["baseline", "review4"]
    assert list(data["differences"]) == ["baseline", "review4"]
    assert data["interactions"] == {} and data["unstable"] == []
    run_names = set(sim.simulate(sim.load_scenario(SMALL, SHORT), 1).metrics())
    for section, keys in (("options", set()), ("differences", {"p_value", "significant"})):
        for option, metrics in data[section].items():
            assert set(metrics) == run_names, option
            for stats in metrics.values():
                assert set(stats) == {"mean", "ci_low", "ci_high", *keys}
    assert data["differences"]["baseline"]["clearance_h_mean"] == {
        "mean": 0.0,
        "ci_low": 0.0,
        "ci_high": 0.0,
        "p_value": None,  # (the baseline against itself: no test)
        "significant": False,
    }
    meta = json.loads((tmp_path / "c" / "compare.json").read_text())
    assert meta["seed"] == 1 and meta["reps"] == 2 and meta["days"] == 2
    assert meta["version"] == sim.__version__


def test_report_html(review4_folder):
    res, out = review4_folder
    html = (out / "report.html").read_text()
    assert html.count("data:image/png;base64,") >= 4
    for text in ("What was run", "Who gains and who loses", "median", "small"):
        assert text in html
    assert res.tables["baseline"]["resources"]["utilisation"].notna().any()


TINY = {"days": 1, "warmup_days": 0, "drain_days": 1}


def _reps(res) -> int:
    return int(res.per_rep["replication"].nunique())


def test_precision_stops_at_the_first_replication_that_meets_it():
    """Sequential stopping: at least 10 replications, then one more at a time until every
    watched metric (options and paired differences) is precise enough; the rule is checked
    on the rows before and at the stop."""
    watch = ["clearance_h_mean"]
    res = compare(
        SMALL, [MORE_DOCS], precision=0.12, metrics=watch, max_reps=20, overrides=TINY, log=False
    )
    n = _reps(res)
    assert 10 < n < 20  # here: the relative half-width falls below 0.12 at 11
    rows = res.per_rep
    assert precise_enough(rows, watch, 0.12)
    before = rows[rows["replication"] < n - 1]
    assert not precise_enough(before, watch, 0.12)


def test_precision_loose_stops_at_ten_and_tight_stops_at_the_maximum():
    loose = compare(SMALL, [MORE_DOCS], precision=10.0, max_reps=20, overrides=TINY, log=False)
    assert _reps(loose) == 10
    tight = compare(SMALL, [MORE_DOCS], precision=1e-9, max_reps=11, overrides=TINY, log=False)
    assert _reps(tight) == 11
    with pytest.raises(ValueError, match="precision must be positive"):
        compare(SMALL, [MORE_DOCS], precision=0.0, overrides=SHORT)


def test_who_gains_reports_each_consignments_trader_cost_change(tmp_path):
    """With a costed scenario, who gains reports the change of each consignment's trader
    cost: the state paying for no-find inspections lowers it exactly for the consignments
    inspected without a find, and for nobody else."""
    import tomllib

    costs = tomllib.loads((REPO / "sim" / "scenarios" / "default.toml").read_text())["costs"]
    costs["commodities"] = {
        k: v for k, v in costs.get("commodities", {}).items() if k in ("general", "frozen")
    }
    over = {
        **SHORT,
        "costs": {**costs, "no_find_payer": "trader"},
        "selection.physical": {"*": {"*": 0.2}},
    }
    res = compare(
        SMALL, ['state:costs.no_find_payer="state"'], reps=2, overrides=over, out=tmp_path / "r"
    )
    g = res.gains[(res.gains["option"] == "state") & (res.gains["measure"] == "trader_cost")]
    total = g[g["dimension"] == "all"].iloc[0]
    assert total["mean_change"] < 0 and total["share_worse"] == 0
    assert 0 < total["share_better"] < 0.5  # only those inspected without a find
    clearance = res.gains[(res.gains["option"] == "state") & (res.gains["measure"] == "clearance")]
    assert (clearance["mean_change"] == 0).all()  # who pays changes no clearance time
    # each row says its unit: money for the trader cost, hours for the times; no column is
    # named for hours, as it holds money in some rows
    assert set(g["unit"]) == {"USD"} and set(clearance["unit"]) == {"h"}
    written = pd.read_csv(tmp_path / "r" / "gains.csv")
    assert "unit" in written and not [c for c in written if c.endswith("_h")]
    html = (tmp_path / "r" / "report.html").read_text()
    assert "Cost against detection" in html  # the plot of each option's cost and detection
    assert "share of illicit consignments detected, finds after release included," in html
    # the trader's pick-up after release, an assumption, is said to sit in the trader's hours
    owners = html[html.index("<h2>Where the time goes, by owner</h2>"):]
    assert "an import's pick-up, <code>ports.X.release.pickup</code>" in owners[:600]
    assert html.index("<h2>Headline</h2>") < html.index("<h2>What was run</h2>")  # (first)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("released_within_24h", "share"),
        ("released_within_24h_import", "share"),
        ("exited_within_24h_export", "share"),
        ("detection_rate", "share"),
        ("hit_rate_physical", "share"),
        ("inspection_rate_aeo_advanced", "share"),
        ("burden_share", "share"),
        ("utilisation_sea_port_scanners", "share"),
        ("total_cost_per_consignment", "cost"),
        ("value_slipped", "cost"),
        ("revenue_evaded", "cost"),
        ("trader_fees_per_consignment_import", "cost"),
        ("border_burden_per_consignment", "cost"),
        ("agency_cost_unshared_per_year", "cost"),  # (money, not a share: never cut at 1)
        ("clearance_h_mean_import", "time"),
        ("consignments_seized", "count"),
        ("seizures_per_1000", "count"),
    ],
)
def test_metric_kinds(name: str, kind: str):
    """Shares are clipped to [0, 1] and compared absolutely; money and times relatively."""
    assert compare_mod.metric_kind(name) == kind


def test_the_comparison_table_keeps_whole_metric_names_in_80_columns(review4_2):
    """In a terminal of 80 columns (or output sent to a file) a metric's name folds onto more
    lines; it is never cut short (rows that lose their ends cannot be told apart)."""
    from rich.console import Console

    from sim.cli_compare import TABLE_METRICS, table

    res = copy.deepcopy(review4_2)
    console = Console(width=80, record=True)
    console.print(table(res))
    text = console.export_text()
    assert "…" not in text
    first = [line.split("│")[1] for line in text.splitlines() if line.startswith("│")]
    joined = "".join(part.strip() for part in first)
    shown = [m for m in TABLE_METRICS if m in set(res.summary["metric"])]
    assert shown and all(m in joined for m in shown)
    # besides clearance times, the enforcement outcomes (the small scenario has no costs)
    assert {"inspection_rate", "detection_rate", "value_slipped"} <= set(shown)
    # narrow (as the command gives an 80-column terminal): each interval under its number, so
    # that a name keeps at least 24 columns (it folded into 5-letter pieces before)
    console = Console(width=80, record=True)
    console.print(table(res, narrow=True))
    lines = console.export_text().splitlines()
    assert "…" not in "".join(lines)
    assert any("│ clearance_h_mean (hours)" in line for line in lines), lines[:12]
    assert any("│   baseline" in line for line in lines)
    mean = next(i for i, line in enumerate(lines) if "│   review4" in line)
    assert " to " in lines[mean + 1]  # (the interval on the line below the mean)


@pytest.mark.parametrize("broken", ["review4", "all"])
def test_an_option_whose_every_replication_failed_is_one_clear_error(
    tmp_path, monkeypatch, capsys, broken
):
    """No traceback (not even from the report): the option, the first failure, status 1."""
    real = compare_mod.simulate

    def failing(scenario, seed, replication=0, log=False):
        if broken == "all" or scenario.ports["sea"].review.capacity == 4:
            raise RuntimeError(f"boom {replication}")
        return real(scenario, seed, replication=replication, log=log)

    monkeypatch.setattr(compare_mod, "simulate", failing)
    argv = ["compare", str(SMALL), "--days", "2", "--set", "warmup_days=1", "--set",
            "drain_days=3", "--reps", "2", "--option", MORE_REVIEW, "--out", str(tmp_path / "c")]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert (
        "error: option review4: every replication failed (2), so it has no figures; the first "
        "(replication 0): RuntimeError: boom 0"
    ) in err
    assert "review4 replication" not in err  # one line for the option, not one per replication
    html = (tmp_path / "c" / "report.html").read_text(encoding="utf-8")
    assert "Replications that failed" in html


def test_a_reform_option_dated_after_the_observed_run_is_warned_about(tmp_path, capsys):
    """Its figures are the baseline's: the warning on stderr (and in compare.json) says why."""
    argv = ["compare", str(SMALL), "--days", "1", "--set", "warmup_days=1", "--set",
            "drain_days=1", "--reps", "1", "--reforms", "training@2d", "--out",
            str(tmp_path / "c"), "--json", "--no-report"]
    assert main(argv) == 0
    err = capsys.readouterr().err
    expected = (
        "the dated reform 'training' takes effect on day 2 of the run, at or after the end of "
        "the observed run on day 2 (1 days of warm-up + 1 observed days), so no observed arrival "
        "meets it (observed goods still in the flow then share lanes with later arrivals it "
        "changes, no more); observe more than 1 days (--days) to see it"
    )
    assert f"warning (training.at.2d): {expected}" in err
    meta = json.loads((tmp_path / "c" / "compare.json").read_text(encoding="utf-8"))
    assert meta["after_the_run"] == {"training.at.2d": [expected]}


def test_the_json_keeps_metric_maps_pure_and_carries_interactions_and_unstable_options():
    """A reader iterating an option's metrics meets metrics only: the interaction of a
    combination and the options that warned have keys of their own."""
    res = compare(SMALL, [MORE_REVIEW, MORE_DOCS, "review4+docs3"], reps=2, overrides=SHORT)
    res.warnings.update(dict.fromkeys(res.warnings, []))  # (a short drain's pick-ups warn)
    res.warnings["docs3"] = ["a queue did not settle"]
    data = res.to_json()
    assert data["unstable"] == ["docs3"]
    assert list(data["interactions"]) == ["review4+docs3"]
    inter = data["interactions"]["review4+docs3"]["clearance_h_mean"]
    row = res.interactions.query("metric == 'clearance_h_mean'").iloc[0]
    assert inter["mean"] == pytest.approx(float(row["mean"]), rel=1e-12, abs=1e-12)
    for section in ("options", "differences", "interactions"):
        for metrics in data[section].values():
            assert all(isinstance(v, dict) for v in metrics.values())
    # a difference carries its p-value (uncorrected) beside Holm's verdict
    diff = data["differences"]["docs3"]["clearance_h_mean"]
    row = res.differences.query("option == 'docs3' and metric == 'clearance_h_mean'").iloc[0]
    assert diff["p_value"] == pytest.approx(float(row["p_value"]), rel=1e-12)
    assert diff["significant"] == bool(row["significant"])
    assert "p_value" not in data["options"]["docs3"]["clearance_h_mean"]


def test_the_table_shows_money_in_the_scenarios_currency(review4_2):
    from rich.console import Console

    from sim.cli_compare import table

    res = copy.deepcopy(review4_2)
    assert res.meta["currency"] == "USD"  # (small.toml is not costed: the [costs] default)
    res.meta["currency"] = "CNY"
    console = Console(width=140, record=True, file=io.StringIO())
    console.print(table(res))
    text = console.export_text()
    # money with its period: value slipped is a total over the observed days
    assert "value_slipped (CNY, observed days)" in text and "currency" not in text


@pytest.mark.parametrize(
    "name,unit",
    [
        ("value_slipped", "currency, observed days"),
        ("value_seized", "currency, observed days"),
        ("revenue_evaded", "currency per year"),
        ("agency_cost_per_year", "currency per year"),
        ("total_cost_per_consignment_import", "currency per consignment"),
        ("trader_cost_p90", "currency per consignment"),
        ("cost_per_seizure", "currency per seizure"),
        ("revenue_at_risk", "currency per year"),
        ("revenue_found_by_audit", "currency per year"),
        ("revenue_found_per_audit", "currency per audit"),
        ("audit_staff_cost_per_year", "currency per year"),
        ("audits_per_year", "audits per year"),
        ("audits_per_auditor_per_year", "audits per auditor per year"),
        ("audit_lag_days_mean", "days"),
    ],
)
def test_a_money_metric_says_its_period(name, unit):
    """Totals over the observed days and figures per year or per consignment look alike in
    a table unless the unit says which is which."""
    from sim.experiment.compare import metric_unit

    assert metric_unit(name) == unit


@pytest.mark.parametrize("name", ["risk_auc", "risk_auc_tobacco", "risk_auc_port_sea_export"])
def test_an_auc_is_unitless_and_its_interval_shown_within_0_and_1(name):
    from sim.experiment.compare import clip_interval, metric_unit

    assert metric_unit(name) == "AUC (0-1)"
    assert clip_interval(name, 0.514, 1.022) == (0.514, 1.0)


def test_the_table_adds_the_clearance_of_each_port_an_option_changes(
    review4_2, single_window_1
):
    """Where a reform acts, its effect shows undiluted: imports and exports of that port."""
    from rich.console import Console

    from sim.cli_compare import TABLE_METRICS, table
    from sim.experiment.metric_names import touched_ports

    res = copy.deepcopy(review4_2)
    rows = touched_ports(res.options)
    assert rows[:2] == ("clearance_h_mean_port_sea_import", "clearance_h_mean_port_sea_export")
    console = Console(width=160, record=True, file=io.StringIO())
    console.print(table(res, TABLE_METRICS + rows))
    assert "clearance_h_mean_port_sea_import (hours)" in console.export_text()
    assert touched_ports(copy.deepcopy(single_window_1).options) == ()


def test_compare_prints_the_rows_of_the_port_its_options_change(
    review4_folder, tmp_path, capsys
):
    """(The command resumes the module's comparison of the same option, length and seed: the
    rows it prints are chosen from its options, not from how the figures were come by.)"""
    assert main(_compare_argv(_copy(review4_folder[1], tmp_path), MORE_REVIEW)) == 0
    out = capsys.readouterr().out
    assert "clearance_h_mean_port_sea_export" in out and "overall_clearance_h_mean_port_sea" in out


def test_an_executor_runs_a_replications_options_side_by_side_with_the_same_results(tmp_path):
    """--executor processes gives the serial comparison to the last bit (summaries,
    differences, who gains), and its folder resumes like any other."""
    opts = [MORE_REVIEW, MORE_DOCS]
    serial = compare(SMALL, opts, reps=2, overrides=SHORT, report=False)
    out = tmp_path / "p"
    side = compare(SMALL, opts, reps=2, overrides=SHORT, report=False, out=out,
                   executor="processes", workers=2)  # fmt: skip
    for table in ("summary", "differences", "gains"):
        pd.testing.assert_frame_equal(getattr(serial, table), getattr(side, table))
    again = compare(SMALL, opts, reps=3, overrides=SHORT, report=False, out=out,
                    executor="processes", workers=2)  # fmt: skip
    assert sorted(set(again.per_rep["replication"])) == [0, 1, 2]


def test_compare_takes_the_executor_options_of_run():
    from sim.cli import _executor, build_parser

    args = build_parser().parse_args(
        ["compare", "--option", MORE_REVIEW, "--executor", "processes", "--workers", "2"]
    )
    assert _executor(args).name == "processes" and args.workers == 2


def test_an_option_on_every_port_still_shows_imports_and_exports_apart(single_window_1):
    """Results are never pooled alone: each pooled clearance row is followed by its imports'
    and exports' (pooled over ports), even when no port's rows are added."""
    from rich.console import Console

    from sim.cli_compare import table, table_rows
    from sim.experiment.metric_names import touched_ports

    res = copy.deepcopy(single_window_1)
    assert touched_ports(res.options) == ()
    rows = table_rows(res)
    for m in ("clearance_h_mean", "released_within_24h", "overall_clearance_h_mean",
              "exited_within_24h"):
        at = rows.index(m)
        assert rows[at + 1:at + 3] == (f"{m}_import", f"{m}_export")
    assert "clearance_h_median_import" not in rows  # (mostly 0 h: kept to the CSVs)
    console = Console(width=160, record=True, file=io.StringIO())
    console.print(table(res, rows))
    assert "released_within_24h_export (share (0-1))" in console.export_text()


def test_the_table_shows_seizures_and_with_an_organisation_its_rows(single_window_1):
    """Seizures are one of the three outcomes: a row always; with an organisation (the
    spindle against the dumbbell), its latencies, holds and staff cost too, and not without."""
    import dataclasses

    from sim.cli_compare import table_rows
    from sim.experiment.metric_names import ORGANISATION

    res = copy.deepcopy(single_window_1)
    rows = table_rows(res)
    assert "consignments_seized" in rows
    assert not set(ORGANISATION) & set(rows)
    extra = pd.DataFrame({"option": "baseline", "metric": list(ORGANISATION)})
    with_org = dataclasses.replace(res, summary=pd.concat([res.summary, extra]))
    rows = table_rows(with_org)
    assert rows[-len(ORGANISATION):] == ORGANISATION


def test_a_mean_from_fewer_replications_than_ran_says_so():
    """A port that saw no consignment in a replication has no clearance there: the table
    row of that option says how many of its replications the mean is of."""
    from rich.console import Console

    from sim.cli_compare import table

    res = compare(SMALL, ["single_window"], reps=2, overrides=SHORT)
    rows = res.summary.index[
        (res.summary.metric == "clearance_h_mean") & (res.summary.option == "single_window")
    ]
    res.summary.loc[rows, "n"] = 1
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(table(res, ("clearance_h_mean",)))
    text = console.export_text()
    lines = {line.split("│")[1].split()[0]: line for line in text.splitlines()
             if line.startswith("│   ")}
    assert "(from 1 of 2 reps)" in lines["single_window"]
    assert "(from" not in lines["baseline"]


def test_compare_writes_its_csvs_with_the_scenarios_currency(review4_folder):
    res, out = review4_folder
    assert (res.summary["unit"] == "currency, observed days").any()  # (raw in memory)
    for name in ("summary", "differences"):
        units = set(pd.read_csv(out / f"{name}.csv")["unit"])
        assert "USD, observed days" in units
        assert not [u for u in units if "currency" in u]


@pytest.mark.parametrize("x", [-0.0, -1e-12, 3e-10])
def test_a_difference_that_rounds_to_zero_has_no_sign(x):
    """Zero, and float rounding, show as 0.000 (never -0.000); a difference too small for
    three decimals keeps two digits instead (0.000 beside a significance mark misleads)."""
    from sim.cli import _fmt as run_fmt
    from sim.cli_compare import _fmt
    from sim.report.html import _fmt as html_fmt

    assert _fmt(x) == run_fmt(x) == html_fmt(x) == "0.000"
    assert _fmt(-0.0004) == run_fmt(-0.0004) == html_fmt(-0.0004) == "-0.00040"
    assert _fmt(-0.0006) == html_fmt(-0.0006) == "-0.001"
    assert _fmt(-1234.4) == "-1,234" and _fmt(-12.3) == "-12.30"


def test_a_damaged_replication_file_is_noted_on_resume(review4_folder, tmp_path, capsys):
    """As for a run: resuming a comparison whose replication file was truncated says so
    (``note: ...`` on stderr, naming the file) and computes it again."""
    out = _copy(review4_folder[1], tmp_path)  # (the same comparison as argv's, made once)
    argv = _compare_argv(out, MORE_REVIEW)
    assert main(argv) == 0
    rep = out / "options" / "review4" / "reps" / "rep-0001.json"
    rep.write_bytes(rep.read_bytes()[:50])
    capsys.readouterr()
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "note:" in err and "rep-0001.json" in err and "again" in err, err


def test_compare_show_adds_rows_to_its_table(tmp_path, capsys):
    argv = ["compare", str(SMALL), "--option", MORE_REVIEW, "--reps", "2", "--days", "2",
            "--no-report", "--out", str(tmp_path / "c")]  # fmt: skip
    assert main([*argv, "--show", "utilisation_sea_*"]) == 0
    assert "utilisation_sea_document_check" in capsys.readouterr().out
    # the same comparison without --show resumes the folder (--show chooses rows only, so
    # the table is drawn from the same figures as a fresh run's)
    assert main(argv) == 0
    # (the review desks the option sizes are shown without --show; no other lane is)
    out = capsys.readouterr().out
    assert "utilisation_sea_document_check" not in out
    assert "utilisation_sea_declaration_review" in out
    # --only: the --show rows alone (the same folder resumed: no replication runs again)
    assert main([*argv, "--show", "utilisation_sea_document_check", "--only"]) == 0
    out = capsys.readouterr().out
    assert "utilisation_sea_document_check" in out
    assert "utilisation_sea_declaration_review" not in out and "clearance_h_mean" not in out


def _compare_argv(out: Path, *options: str) -> list[str]:
    argv = ["compare", str(SMALL), "--days", "2", "--set", "warmup_days=1", "--set",
            "drain_days=3", "--reps", "2", "--out", str(out), "--no-report"]  # fmt: skip
    for o in options:
        argv += ["--option", o]
    return argv


@pytest.fixture(scope="module")
def a_compared(tmp_path_factory) -> Path:
    """The folder ``_compare_argv(out, "a:ports.sea.review.capacity=3")`` makes, made once per
    module: the tests that refuse other commands into it copy it."""
    out = tmp_path_factory.mktemp("a") / "c"
    assert main(_compare_argv(out, "a:ports.sea.review.capacity=3")) == 0
    return out


def test_a_refused_comparison_leaves_the_folder_as_it_was(tmp_path, capsys):
    """Another value for an option into the same folder is refused, and compare.json still
    describes what the folder holds (it used to be rewritten before the refusal)."""
    out = tmp_path / "c"
    assert main(_compare_argv(out, "r:ports.sea.review.capacity=3")) == 0
    before = (out / "compare.json").read_bytes()
    capsys.readouterr()
    assert main(_compare_argv(out, "r:ports.sea.review.capacity=4")) == 2
    err = capsys.readouterr().err
    assert "in which option r changes" in err and '"ports.sea.review.capacity": 3' in err, err
    assert (out / "compare.json").read_bytes() == before


def test_other_options_into_a_comparisons_folder_are_refused_not_taken_as_a_resume(
    a_compared, tmp_path, capsys
):
    """Option B into a folder holding option A's comparison was taken as a resume: its
    'who gains' table was A's. It is refused, naming both, and nothing is written."""
    out = Path(shutil.copytree(a_compared, tmp_path / "c"))
    before = (out / "compare.json").read_bytes()
    capsys.readouterr()
    assert main(_compare_argv(out, "b:ports.sea.document_check.capacity=3")) == 2
    err = capsys.readouterr().err
    assert "holds a comparison of other options (baseline, a; this run: baseline, b)" in err
    assert (out / "compare.json").read_bytes() == before and not (out / "options" / "b").exists()
    assert main(_compare_argv(out, "a:ports.sea.review.capacity=3")) == 0  # (a resume)


def test_a_refused_comparison_folder_says_everything_that_differs(a_compared, tmp_path, capsys):
    """Other options and other days into a comparison's folder: both named (it used to say
    'another scenario or seed' whenever the days differed); another seed or field too."""
    out = Path(shutil.copytree(a_compared, tmp_path / "c"))
    capsys.readouterr()
    argv = _compare_argv(out, "b:ports.sea.review.capacity=3")
    at = argv.index("--days") + 1
    assert main([*argv[:at], "3", *argv[at + 1:]]) == 2
    err = capsys.readouterr().err
    assert "of other options (baseline, a; this run: baseline, b)" in err, err
    assert "of 2 observed days, not 3" in err and "another scenario" not in err, err
    argv = [a.replace("drain_days=3", "drain_days=4")
            for a in _compare_argv(out, "a:ports.sea.review.capacity=3")]
    assert main([*argv, "--seed", "2"]) == 2
    err = capsys.readouterr().err
    assert "with seed 1, not 2" in err and "drain_days 3 (this run: 4)" in err, err
    assert "other options" not in err and "observed days" not in err, err


def test_a_changed_gains_file_is_noted_and_worked_out_again_on_resume(
    review4_folder, tmp_path, capsys
):
    """Who gains, per replication, is checksummed like the replications: an edited file is
    noted and worked out again from the logs (it used to be summed as it was), and an empty
    one too (it used to raise)."""
    out = _copy(review4_folder[1], tmp_path)  # (the same comparison as argv's, made once)
    argv = _compare_argv(out, MORE_REVIEW)
    assert main(argv) == 0
    gains = pd.read_csv(out / "gains.csv")
    rep = out / "gains" / "rep-0001.csv"
    edited = pd.read_csv(rep)
    edited["sum_change"] *= 1000
    rep.write_text(edited.to_csv(index=False))
    (out / "gains" / "rep-0000.csv").write_text("")
    capsys.readouterr()
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert err.count("does not match its checksum") == 2, err
    pd.testing.assert_frame_equal(pd.read_csv(out / "gains.csv"), gains)


def test_warnings_of_a_compared_replication_come_from_its_checksummed_record(tmp_path):
    """Emptying a replication's warnings file does not make an overloaded option look
    steady-state on resume: its warnings are read from its checksummed record."""
    out = tmp_path / "c"
    argv = _compare_argv(out, "one:ports.sea.review.capacity=1")
    assert main(argv) == 0
    first = json.loads((out / "summary.json").read_text())
    assert "one" in first["unstable"]
    for f in (out / "options" / "one" / "reps").glob("rep-*-warnings.json"):
        f.write_text("[]")
    assert main(argv) == 0
    again = json.loads((out / "summary.json").read_text())
    assert again["unstable"] == first["unstable"]


def test_metrics_no_replication_measured_are_one_line_not_rows_of_blanks(tmp_path, capsys):
    """``--show`` a port pattern on a scenario without exports: their export rows, measured
    by no replication, are named on one line instead of a row of blanks per option."""
    two = REPO / "tests" / "scenarios" / "two_ports.toml"
    argv = ["compare", str(two), "--option", "a:ports.p.document_check.capacity=3", "--reps",
            "2", "--days", "2", "--no-report", "--out", str(tmp_path / "c"), "--show",
            "clearance_h_mean_port_*"]  # fmt: skip
    assert main(argv) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "measured in no replication: clearance_h_mean_export," in out
    assert "(from 0 of" not in out
    assert "clearance_h_mean_port_q_import (hours)" in out  # (measured: a row as before)


def test_the_lanes_an_option_sizes_or_loads_are_named_by_its_fields():
    """One more scanner, faster scans, a larger AI share: each names the lane it is bought
    for (the AI's share loads the image officers, who read what it does not clear)."""
    from sim.experiment.metric_names import lane_rows, swept_lane_rows, touched_lanes

    keys = ["ports.sea_port.scan.scanners.capacity", "ports.sea_port.scan.scanners.service.mode",
            "ports.land_border.scan.image_review.ai_share", "ports.airport.exam.teams",
            "ports.land_border.scan.image_review.officers.schedule",
            "ports.sea_port.arrivals.rate", "days", "costs.discount_rate"]  # fmt: skip
    assert touched_lanes(keys) == [("sea_port", "scanners"), ("land_border", "image_officers"),
                                   ("airport", "exam_teams")]  # fmt: skip
    assert lane_rows(keys[:1]) == ("utilisation_sea_port_scanners",
                                   "queue_mean_sea_port_scanners", "wait_h_mean_sea_port_scanners")
    assert swept_lane_rows(keys[1:2]) == ["utilisation_sea_port_scanners",
                                          "wait_h_mean_sea_port_scanners"]  # fmt: skip


def test_compare_prints_the_queue_of_each_lane_its_options_size(tmp_path, capsys):
    """A buyer comparing one more scanner sees the scanners' utilisation, queue and wait in
    the table (and the report) without knowing their metric names; they were left to --show."""
    from sim.cli import main

    argv = ["compare", str(SMALL), "--days", "2", "--set", "warmup_days=1", "--set",
            "drain_days=2", "--reps", "2", "--option", "faster:ports.sea.scan.scanners.service."
            "mean='6 min'", "--option", "ai:ports.sea.scan.image_review.ai_clear=0.8",
            "--out", str(tmp_path / "c")]  # fmt: skip
    assert main(argv) == 0
    out = capsys.readouterr().out
    for row in ("utilisation_sea_scanners", "queue_mean_sea_scanners", "wait_h_mean_sea_scanners",
                "queue_mean_sea_image_officers"):
        assert row in out, row
    assert "utilisation_sea_document_check" not in out  # (no option changes it)
    report = (tmp_path / "c" / "report.html").read_text()
    assert "queue_mean_sea_image_officers" in report
