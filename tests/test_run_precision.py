"""``bordersim run --precision H``: replications are added until the watched 95 % half-widths
are within the target, the stopping rule is the first count that meets it, and a folder
resumed takes up the replications it holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sim
from sim.analysis.stats import mean_half_width
from sim.cli import main
from sim.experiment.precision import Target
from sim.experiment.runner import replicate
from sim.reps import FIRST_REPS

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
SHORT = {"days": 2, "warmup_days": 1, "drain_days": 2}
METRIC = "clearance_h_mean"


@pytest.fixture(scope="module")
def short() -> sim.Scenario:
    return sim.load_scenario(SMALL, SHORT)


@pytest.fixture(scope="module")
def thirty(short) -> object:
    """30 replications of the short run (the same seeds a target's run uses)."""
    return replicate(short, 30, 1)


def _relative_half_width(values) -> float:
    mean, half = mean_half_width(values)
    return half / abs(mean)


def test_a_target_stops_at_the_first_count_that_meets_it(short, thirty):
    """A target just below the half-width 10 replications give: the run goes on, one at a
    time, and stops at the first count whose interval is within it (worked out here from 30
    replications of the same seeds), not before, not after."""
    values = thirty[METRIC].to_numpy()
    precision = 0.9 * _relative_half_width(values[:FIRST_REPS])
    met = [n for n in range(FIRST_REPS, 31) if _relative_half_width(values[:n]) <= precision]
    assert met, "the target must be reachable within 30 replications for this test"
    per_rep = replicate(short, 1, 1, target=Target(precision, (METRIC,), 30))
    assert len(per_rep) == met[0] > FIRST_REPS
    assert per_rep[METRIC].tolist() == values[: met[0]].tolist()  # (the same replications)
    assert f"note: precision={precision:g} met in {met[0]} replications" in " ".join(
        per_rep.attrs["notes"]
    )


def test_a_target_met_at_once_runs_the_first_round_only(short, thirty):
    per_rep = replicate(short, 3, 1, target=Target(10.0))
    assert len(per_rep) == FIRST_REPS  # (at least 10, even with reps=3)


def test_a_target_not_met_stops_at_max_reps_and_says_how_many_it_needs(short):
    per_rep = replicate(short, 1, 1, target=Target(1e-6, (METRIC,), 12))
    assert len(per_rep) == 12
    warnings = [n for n in per_rep.attrs["notes"] if "not met" in n]
    assert warnings[0].startswith(
        "warning: precision=1e-06 not met in 12 replications (max_reps=12): "
        "clearance_h_mean: half-width"
    )
    assert "replications needed ≈" in warnings[-1]


def test_run_precision_on_the_command_line_and_resumed(tmp_path, capsys):
    """The notes say whether the target was met; rerun into the same folder with a higher
    --max-reps, the run takes up its 11 replications (none is 'left out') and adds one."""
    out = tmp_path / "r"
    args = ["run", str(SMALL), "--days", "2", "--set", "warmup_days=1", "--set",
            "drain_days=2", "--precision", "1e-6", "--out", str(out)]  # fmt: skip
    assert main([*args, "--max-reps", "11", "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert any("not met in 11 replications" in n for n in got["notes"])
    assert json.loads((out / "meta.json").read_text())["reps"] == 11
    assert main([*args, "--max-reps", "12"]) == 0
    err = capsys.readouterr().err
    assert "; left out" not in err and "not met in 12 replications" in err  # (store notice)
    assert len(list((out / "reps").glob("rep-*[0-9].json"))) == 12
    assert len(json.loads((out / "summary.json").read_text())) > 10
    assert json.loads((out / "meta.json").read_text())["reps"] == 12


@pytest.mark.parametrize("extra, words", [
    (["--metric", "clearance_h_mean"], "--metric clearance_h_mean without --precision"),
    (["--max-reps", "20"], "--max-reps 20 without --precision"),
    (["--precision", "0.1", "--max-reps", "5"], "--max-reps 5 is below the 10 replications"),
    (["--precision", "0.1", "--metric", "clearance_h_maen"], "clearance_h_maen"),
])  # fmt: skip
def test_run_precision_flags_are_checked_before_anything_runs(tmp_path, capsys, extra, words):
    out = tmp_path / "never"
    assert main(["run", str(SMALL), "--out", str(out), *extra]) == 2
    assert words in capsys.readouterr().err
    assert not out.exists()


def test_a_watched_metric_no_replication_measured_is_a_usage_error(tmp_path, capsys, monkeypatch):
    """A metric the scenario can yield but no replication measured (a port where nothing was
    released) cannot be watched: an error in one line, status 2, the folder kept."""
    import sim.experiment.runner as runner
    from sim.experiment.metric_names import MetricError

    def unmeasured(*args, **kwargs):
        raise MetricError("--metric 'clearance_h_mean': no replication measured it")

    monkeypatch.setattr(runner, "replicate", unmeasured)
    out = tmp_path / "r"
    assert main(["run", str(SMALL), "--precision", "0.1", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "error: --metric 'clearance_h_mean': no replication measured it (the replications " \
           f"run are kept in {out})" in err and "Traceback" not in err
