"""``bordersim trucks``: a trucker's view of a land crossing (turnaround, exam holds, drivers'
hours, cost per trip by dispatch hour), from a run's per-consignment logs."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sim.analysis.trucks import (
    FIGURES,
    TripRules,
    against_group,
    band_of,
    figures_of,
    paired_change,
    per_replication,
    trips,
)
from sim.cli import main
from sim.model.milestones import MILESTONES, OWNERS

ROOT = Path(__file__).resolve().parents[1]
TWO_PORTS = ROOT / "tests" / "scenarios" / "two_ports.toml"


def _log(rows: list[dict[str, object]]) -> pd.DataFrame:
    """A log of trucks at port ``land``: every milestone NaN unless given."""
    base: dict[str, object] = {name: math.nan for name in MILESTONES}
    base["commodity"] = "general"
    base.update({f"own_{o}": 0.0 for o in OWNERS})
    base.update({"port": "land", "cohort": True, "outcome": "released", "direction": "import",
                 "trader_class": "general", "release_early": False,
                 "quarantine_treat": False, "quarantine_seen": False, "trader_fees": 50.0})
    return pd.DataFrame([{**base, **r} for r in rows])


def _truck(arrived: float, out: float, **kw: object) -> dict[str, object]:
    end = "loaded" if kw.get("direction") == "export" else "exited"
    return {"arrived": arrived, "released": out, end: out, **kw}


def test_trips_time_each_truck_from_arrival_to_leaving_and_its_exam_hold():
    log = _log([
        _truck(10.0, 11.0),                                   # plain import, 10:00
        _truck(33.5, 35.0, direction="export"),               # an export leaves when loaded
        _truck(12.0, 15.5, exam_start=12.5, exam_end=13.5, inspected=14.0),  # held 4 h
        _truck(9.0, 20.0, outcome="seized"),                  # left out: the goods stay
        _truck(9.0, 10.0, cohort=False),                      # the warm-up's: left out
        _truck(9.0, 10.0, port="other"),                      # another port's
        {"arrived": 20.0, "released": math.nan, "outcome": "censored"},  # still there
    ])
    t = trips(log, "land")
    assert list(t["hour"]) == [10, 9, 12, 20]
    assert list(t["turnaround_h"]) == [1.0, 1.5, 3.5, math.inf]
    assert list(t["held"]) == [False, False, True, False]
    assert t["hold_h"].tolist() == pytest.approx([0.0, 0.0, 2.0, 0.0])  # assessed-less: 12->14
    assert list(t["direction"]) == ["import", "export", "import", "import"]


def test_a_quarantine_check_holds_a_truck_too():
    log = _log([_truck(8.0, 12.0, quarantine_start=9.0, quarantine_end=10.0, inspected=10.5)])
    t = trips(log, "land")
    assert bool(t["held"].iloc[0]) and t["hold_h"].iloc[0] == pytest.approx(2.5)


def test_figures_read_percentiles_duty_and_cost_off_the_trucks():
    t = pd.DataFrame({"turnaround_h": [1.0, 2.0, 3.0, 9.0], "held": [False, False, True, True],
                      "hold_h": [0.0, 0.0, 2.0, 6.0], "fees": [10.0, 10.0, 30.0, 30.0]})
    f = figures_of(t, TripRules(drive_h=4.0, duty_limit_h=12.0, truck_cost_per_h=20.0), days=2)
    assert f["trucks_per_day"] == 2.0
    assert f["turnaround_h_p50"] == 2.0 and f["turnaround_h_p90"] == 3.0  # lower: observed
    assert f["turnaround_h_mean"] == pytest.approx(3.75)
    assert f["held_share"] == 0.5 and f["hold_h_mean"] == 4.0
    assert f["over_limit_share"] == 0.25  # 4 + 9 h > 12 h
    assert f["duty_share_mean"] == pytest.approx((4 + 3.75) / 12)
    assert f["fees_per_trip"] == 20.0 and f["cost_per_trip"] == pytest.approx(20 + 20 * 3.75)
    unpriced = figures_of(t, TripRules(), days=2)
    assert unpriced["cost_per_trip"] == 20.0  # the fees only


def test_a_truck_still_at_the_crossing_makes_what_it_reaches_unknown():
    t = pd.DataFrame({"turnaround_h": [1.0, 2.0, math.inf, math.inf], "held": [False] * 4,
                      "hold_h": [0.0] * 4, "fees": [math.nan] * 4})
    f = figures_of(t, TripRules(), days=1)
    assert f["turnaround_h_p50"] == 2.0
    assert math.isnan(f["turnaround_h_p90"]) and math.isnan(f["turnaround_h_mean"])
    assert f["over_limit_share"] == 0.5  # beyond any limit
    assert math.isnan(f["cost_per_trip"])  # neither fees nor a truck rate: not priced


def test_dispatch_bands_cover_the_day():
    hours = pd.Series([0, 7, 8, 23])
    assert list(band_of(hours, 2)) == ["00-02", "06-08", "08-10", "22-24"]
    assert list(band_of(hours, 24)) == ["00-24"] * 4


def test_per_replication_groups_by_band_and_class_with_an_all_row():
    log = _log([_truck(7.5, 8.0), _truck(9.0, 10.0, trader_class="aeo_advanced"),
                _truck(9.5, 11.0)])
    by_hour = per_replication([log], "land", TripRules(band_h=2), days=1)
    assert list(by_hour["group"]) == ["all", "06-08", "08-10"]
    assert list(by_hour["trucks_per_day"]) == [3.0, 1.0, 2.0]
    numbered = per_replication([log.assign(replication=7)], "land", TripRules(), days=1)
    assert set(numbered["replication"]) == {7}  # (pairs by the folder's numbers)
    whole = per_replication([log], "land", TripRules(band_h=24), days=1)
    assert list(whole["group"]) == ["all"]
    by_class = per_replication([log], "land", TripRules(), days=1, by="trader_class")
    assert list(by_class["group"]) == ["all", "aeo_advanced", "general"]
    log["commodity"] = ["general", "plants", "general"]
    only = per_replication([log], "land", TripRules(), days=1, commodity="general")
    assert list(only["group"]) == ["all", "06-08", "08-10"]
    assert list(only["trucks_per_day"]) == [2.0, 1.0, 1.0]
    by_goods = per_replication([log], "land", TripRules(), days=1, by="commodity")
    assert list(by_goods["group"]) == ["all", "general", "plants"]


def test_a_paired_change_is_the_mean_of_each_replications_difference():
    base = pd.DataFrame([{"replication": r, "direction": "import", "group": "all",
                          **{f: float(r) for f in FIGURES}} for r in range(3)])
    other = base.copy()
    other["turnaround_h_p90"] = base["turnaround_h_p90"] - np.array([1.9, 2.0, 2.1])
    c = paired_change(base, other).set_index("figure")
    assert c.loc["turnaround_h_p90", "change"] == pytest.approx(-2.0)
    half = 4.302653 * 0.1 / math.sqrt(3)  # t(0.975, 2 df) x sd / sqrt(n)
    assert c.loc["turnaround_h_p90", "high"] == pytest.approx(-2.0 + half, abs=1e-6)
    assert c.loc["held_share", "change"] == 0 and c.loc["held_share", "n"] == 3


def test_a_band_against_another_is_differenced_within_each_replication():
    rows = []
    for r, shift in enumerate([1.0, 1.2, 0.8]):
        for group, p90 in (("08-10", 2.0 + r), ("18-20", 2.0 + r + shift)):
            rows.append({"replication": r, "direction": "import", "group": group,
                         **{f: 0.0 for f in FIGURES}, "turnaround_h_p90": p90})
    c = against_group(pd.DataFrame(rows), "08-10").set_index(["group", "figure"])
    late = c.loc[("18-20", "turnaround_h_p90")]
    assert late["change"] == pytest.approx(1.0) and late["base"] == pytest.approx(3.0)
    half = 4.302653 * 0.2 / math.sqrt(3)  # the replications' spread of 2, 3, 4 cancels
    assert late["high"] - late["change"] == pytest.approx(half, abs=1e-6)
    assert c.loc[("08-10", "turnaround_h_p90"), "change"] == 0


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """Two small runs of a two-land-port scenario with their logs, on seed 1: a baseline and
    a slower document check (each replication paired)."""
    root = tmp_path_factory.mktemp("trucks")
    three = ["--set", "ports.p.document_check.capacity=3"]  # (not overloaded when slower)
    slower = ["--set", "ports.p.document_check.service.mean=0.8 h"]
    for name, extra in (("base", []), ("slow", slower)):
        assert main(["run", str(TWO_PORTS), "--reps", "2", "--days", "2", "--seed", "1",
                     "--log", "--out", str(root / name), *three, *extra]) == 0
    return root


def test_the_command_prints_each_band_and_a_reforms_change(tiny, capsys):
    capsys.readouterr()
    assert main(["trucks", str(tiny / "base"), "--port", "p", "--against",
                 f"slow={tiny / 'slow'}", "--csv", str(tiny / "t.csv")]) == 0
    out = capsys.readouterr().out
    assert "p: 2 replication(s) of 2 observed days" in out
    assert "slow against the baseline:" in out and "  all " in out
    assert main(["trucks", str(tiny / "base"), "--port", "p", "--every", "6",
                 "--vs", "06-12"]) == 0
    assert "each group against 06-12, in the same replications:" in capsys.readouterr().out
    table = pd.read_csv(tiny / "t.csv")
    assert set(table["option"]) == {"baseline", "slow"}
    base = table[(table.option == "baseline") & (table.group == "all")]
    slow = table[(table.option == "slow") & (table.group == "all")]
    assert (slow["turnaround_h_mean"].to_numpy() > base["turnaround_h_mean"].to_numpy()).all()


def _error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    try:
        code = main(argv)
    except SystemExit as e:
        code = int(e.code or 0)
    assert code == 2
    return capsys.readouterr().err


def test_mistakes_are_refused_with_what_to_do(tiny, tmp_path, capsys):
    base = str(tiny / "base")
    assert "has 2 land ports (p, q); name one with --port" in _error(["trucks", base], capsys)
    assert "'x' is not a land port" in _error(["trucks", base, "--port", "x"], capsys)
    assert "give NAME=DIR" in _error(["trucks", base, "--against", "nodir"], capsys)
    assert "allowed: 1, 2, 3, 4, 6, 8, 12 or 24" in _error(["trucks", base, "--every", "5"],
                                                          capsys)
    assert "above 0 hours" in _error(["trucks", base, "--duty-limit", "0"], capsys)
    err = _error(["trucks", base, "--port", "p", "--vs", "25-26"], capsys)
    assert "--vs: '25-26' is not a group of the table; allowed: all, " in err
    err = _error(["trucks", base, "--port", "p", "--commodity", "gold"], capsys)
    assert "--commodity: 'gold' is not a commodity" in err and "allowed: general" in err
    nolog = tmp_path / "nolog"
    shutil.copytree(tiny / "base", nolog)
    for p in (nolog / "reps").glob("*-log.parquet"):
        p.unlink()
    assert "kept no per-consignment log" in _error(["trucks", str(nolog), "--port", "p"], capsys)
    other = tmp_path / "other"
    shutil.copytree(tiny / "base", other)
    meta = json.loads((other / "meta.json").read_text())
    (other / "meta.json").write_text(json.dumps({**meta, "seed": 7}))
    err = _error(["trucks", base, "--port", "p", "--against", f"o={other}"], capsys)
    assert "a paired change needs the same seed, replications and days" in err
    (other / "meta.json").write_text(json.dumps(meta))
    scenario = json.loads((other / "scenario.json").read_text())
    (other / "scenario.json").write_text(json.dumps({**scenario, "days": 3}))
    err = _error(["trucks", base, "--port", "p", "--against", f"o={other}"], capsys)
    assert "o: " in err and "of 3 days" in err and "--days 2" in err
    (other / "scenario.json").write_text("[]")
    assert "is damaged" in _error(["trucks", str(other), "--port", "p"], capsys)
    (other / "compare.json").write_text("{}")
    assert "a comparison's folder" in _error(["trucks", str(other), "--port", "p"], capsys)


def _page_commands() -> list[list[str]]:
    """The ``bordersim`` commands of docs/trucks.md's sh blocks, continuation lines joined."""
    import re
    import shlex

    page = (ROOT / "docs" / "trucks.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", page, flags=re.S)
    lines = "\n".join(blocks).replace("\\\n", " ").splitlines()
    return [shlex.split(line) for line in lines if line.startswith("bordersim ")]


def test_the_pages_commands_are_valid_as_written(capsys):
    """Every ``--set`` of the page's runs is a field of the default scenario with a value it
    takes (checked, not run), and every ``trucks`` and ``compare`` command parses."""
    from sim.cli import _build

    parser, _ = _build()
    commands = _page_commands()
    assert [c[1] for c in commands] == [
        "run", "trucks", "trucks", "run", "run", "trucks", "compare", "trucks", "trucks", "run",
        "run", "trucks"]
    for argv in commands:
        if argv[1] == "run":  # (on the scenario the command names, else the default)
            sets = [a for i, a in enumerate(argv) if i and argv[i - 1] == "--set"]
            named = [str(ROOT / argv[2])] if argv[2].endswith(".toml") else []
            check = ["check", *named, *(x for s in sets for x in ("--set", s))]
            assert main(check) == 0, argv
        else:
            parser.parse_args(argv[1:])
    capsys.readouterr()


def test_the_page_is_linked_from_both_readmes():
    assert "[docs/trucks.md](docs/trucks.md)" in (ROOT / "README.md").read_text()
    assert "](trucks.md)" in (ROOT / "docs" / "README.md").read_text()


def test_by_day_labels_each_arrival_day_by_its_date_in_order():
    import datetime as dt

    # (two replications whose days first appear in different orders: the table keeps the
    # days' order, and a day's trucks/d is that day's trucks, not the run's mean)
    one = _log([_truck(24 * 21 + 9, 24 * 21 + 10), _truck(24 * 22 + 9, 24 * 22 + 40),
                _truck(24 * 22 + 10, 24 * 22 + 11)]).assign(replication=0)
    two = _log([_truck(24 * 22 + 9, 24 * 22 + 12), _truck(24 * 21 + 9, 24 * 21 + 11)])
    two = two.assign(replication=1)
    start = dt.date(2026, 1, 26)  # (a Monday: day 21 is Monday 16 February)
    table = per_replication([two, one], "land", TripRules(), days=2, by="day", start=start)
    assert list(dict.fromkeys(table["group"])) == ["all", "2026-02-16 Mon", "2026-02-17 Tue"]
    tue = table[(table["group"] == "2026-02-17 Tue") & (table["replication"] == 0)]
    assert list(tue["trucks_per_day"]) == [2.0] and list(tue["turnaround_h_mean"]) == [16.0]
    assert list(table[table["group"] == "all"]["trucks_per_day"]) == [1.5, 1.0]
    plain = per_replication([one], "land", TripRules(), days=2, by="day")
    assert list(plain["group"]) == ["all", "day 21 Mon", "day 22 Tue"]  # (day 0: a Monday)


def test_the_command_gives_each_arrival_day(tiny, capsys):
    capsys.readouterr()
    assert main(["trucks", str(tiny / "base"), "--port", "p", "--by", "day"]) == 0
    out = capsys.readouterr().out
    assert "\n  day 1 Tue " in out and "\n  day 2 Wed " in out  # (no start_date: run days)


def test_wide_cells_never_run_into_each_other(capsys):
    from sim.cli_trucks import LABELS, _print

    # (a p50 and p90 of few trucks with wide intervals: 13 characters each)
    rows = [{"direction": "import", "group": "all", "figure": f, "mean": 15.57,
             "low": 15.57 - 124.29, "high": 15.57 + 124.29} for f in FIGURES]
    _print(pd.DataFrame(rows), "mean", "levels")
    line = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("  all")][0]
    assert len(line.split()) == 1 + len(LABELS), line
