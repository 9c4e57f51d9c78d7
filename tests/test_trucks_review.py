"""bordersim trucks says what its cost/trip counts where the table is printed: unpriced,
the border fees only (the column's name alone reads as the trip's whole cost); a run
without costs, none."""

from __future__ import annotations

from pathlib import Path

from sim.analysis.trucks import TripRules
from sim.cli import main
from sim.cli_trucks import _cost_basis

TWO_PORTS = Path(__file__).resolve().parents[1] / "tests" / "scenarios" / "two_ports.toml"


def test_the_cost_per_trip_says_what_it_counts():
    assert _cost_basis(TripRules(), True) == (
        "cost/trip: the border fees only, the truck's hours not priced (--truck-cost-per-h)")
    assert _cost_basis(TripRules(truck_cost_per_h=30), True) == (
        "cost/trip: the border fees + the turnaround at 30 an hour")
    assert _cost_basis(TripRules(truck_cost_per_h=30), False) == (
        "cost/trip: no border fees (the run was not costed) + the turnaround at 30 an hour")


def test_a_run_without_costs_says_its_trips_are_not_costed(tmp_path, capsys):
    out = tmp_path / "run"
    assert main(["run", str(TWO_PORTS), "--reps", "2", "--days", "1", "--log",
                 "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["trucks", str(out), "--port", "p"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.endswith("cost/trip: none, no border fees (the run was not costed) and no "
                          "--truck-cost-per-h"), first


def test_one_replications_table_does_not_promise_an_interval(tmp_path, capsys):
    out = tmp_path / "one"
    assert main(["run", str(TWO_PORTS), "--reps", "1", "--days", "1", "--log",
                 "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["trucks", str(out), "--port", "p", "--vs", "all"]) == 0
    said = capsys.readouterr().out
    assert "95 % interval" not in said, said
    assert "one replication's figures, no interval (give the run --reps 2 or more)" in said
    assert "one replication's change, no interval" in said


def test_an_unknown_vs_group_is_refused_before_any_table(tmp_path, capsys):
    out = tmp_path / "run"
    assert main(["run", str(TWO_PORTS), "--reps", "2", "--days", "1", "--log",
                 "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["trucks", str(out), "--port", "p", "--vs", "07-09"]) == 2
    said = capsys.readouterr()
    assert said.out == ""  # (no table printed, then refused)
    assert "error: --vs: '07-09' is not a group of the table; allowed: all, " in said.err
