"""``bordersim both-sides``: a land crossing timed on both sides of the border, the partner's
controls in series or at one stop, from a run's per-consignment log."""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sim.analysis.both_sides import (
    both_sides,
    crossing,
    desk,
    in_hours,
    lognormal,
    one_stop_change,
)
from sim.analysis.partner_spec import Control, PartnerSide, PartnerSpecError, load_partner
from sim.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "mong-cai" / "partner.toml"
ALL_DAY = (0.0, 24.0)


def _control(officers: int = 50, service_h: float = 0.5, share: float = 0.0,
             inspect_h: float = 2.0) -> Control:
    return Control(officers, *ALL_DAY, service_h, 0.0, share, 50, inspect_h, 0.0)


def _side(joint: bool = True, **kw: float) -> PartnerSide:
    c = _control(**kw)  # type: ignore[arg-type]
    return PartnerSide("partner", "land", c, c, joint)


def _log(rows: list[dict[str, float | str | bool]]) -> pd.DataFrame:
    base = {"port": "land", "exam_start": math.nan, "quarantine_start": math.nan,
            "exited": math.nan, "departed": math.nan, "cohort": True, "replication": 0}
    return pd.DataFrame([{**base, "index": i, **r} for i, r in enumerate(rows)])


def test_in_hours_moves_a_start_to_the_next_opening():
    assert in_hours(9.0, 8.0, 18.0) == 9.0
    assert in_hours(7.5, 8.0, 18.0) == 8.0
    assert in_hours(18.0, 8.0, 18.0) == 32.0  # closed at 18:00: the next day's 08:00
    assert in_hours(30.0, 8.0, 18.0) == 32.0


def test_desk_is_first_come_first_served_within_open_hours():
    end = desk(np.array([8.0, 0.5, 8.0, 17.5, 18.5]), np.array([1.0, 1.0, 1.0, 2.0, 1.0]),
               1, 8.0, 18.0)
    # 00:30 waits for 08:00; the two 08:00 trucks follow it; a job started at 17:30 runs
    # past closing; one at 18:30 waits for the next morning
    assert end.tolist() == [10.0, 9.0, 11.0, 19.5, 33.0]
    two = desk(np.array([0.0, 0.0, 0.0]), np.array([2.0, 1.0, 1.0]), 2, *ALL_DAY)
    assert two.tolist() == [2.0, 1.0, 2.0]


def test_one_server_open_all_day_is_lindleys_recursion():
    rng = np.random.default_rng(4)
    arrive = np.cumsum(rng.exponential(1.0, 500))
    work = rng.exponential(0.8, 500)
    end, prev = np.empty(500), -math.inf
    for i in range(500):
        prev = end[i] = max(arrive[i], prev) + work[i]
    assert np.array_equal(desk(arrive, work, 1, *ALL_DAY), end)


def test_lognormal_has_the_mean_and_cv_asked_for():
    z = np.random.default_rng(1).standard_normal(200_000)
    x = lognormal(z, 2.0, 0.5)
    assert x.mean() == pytest.approx(2.0, rel=0.01)
    assert x.std() / x.mean() == pytest.approx(0.5, rel=0.02)
    assert np.all(lognormal(z[:5], 2.0, 0.0) == 2.0)


def test_in_series_the_sides_add_up_and_at_one_stop_the_longer_counts():
    log = _log([{"direction": "import", "arrived": 10.0, "exited": 13.0},
                {"direction": "export", "arrived": 10.0, "departed": 10.2}])
    side = _side(service_h=0.5)
    imp = crossing(log, side, "separate", "import")
    assert imp["crossing_h"].tolist() == [3.5]  # 0.5 h partner, then 3 h the port's side
    assert crossing(log, side, "one_stop", "import")["crossing_h"].tolist() == [3.0]
    exp = crossing(log, side, "separate", "export")
    assert exp["crossing_h"].tolist() == pytest.approx([0.7])  # 0.2 h, then 0.5 h partner
    assert crossing(log, side, "one_stop", "export")["crossing_h"].tolist() == [0.5]


def test_at_one_stop_a_truck_the_port_examined_is_not_opened_again():
    log = _log([{"direction": "import", "arrived": 10.0, "exited": 13.0, "exam_start": 11.0},
                {"direction": "import", "arrived": 10.0, "exited": 11.0}])
    side = _side(share=1.0, inspect_h=2.0)
    sep = crossing(log, side, "separate", "import")
    one = crossing(log, side, "one_stop", "import")
    assert sep["partner_inspected"].tolist() == [True, True]
    assert one["partner_inspected"].tolist() == [False, True]
    assert sep["crossing_h"].tolist() == [5.5, 3.5]  # 0.5 h desk + 2 h exam, then the port
    assert one["crossing_h"].tolist() == [3.0, 2.5]
    apart = crossing(log, _side(joint=False, share=1.0, inspect_h=2.0), "one_stop", "import")
    assert apart["partner_inspected"].tolist() == [True, True]


def test_a_truck_that_never_left_the_port_has_no_crossing():
    log = _log([{"direction": "export", "arrived": 10.0},  # detained: no departure
                {"direction": "export", "arrived": 10.0, "departed": 11.0}])
    for arrangement in ("separate", "one_stop"):
        t = crossing(log, _side(), arrangement, "export")
        assert math.isnan(t["crossing_h"].iloc[0]) and t["crossing_h"].iloc[1] > 0


def test_both_arrangements_draw_the_same_partner_times():
    arrive = np.arange(40) * 5.0  # far apart: no queue, so partner time is the truck's draw
    log = _log([{"direction": "import", "arrived": a, "exited": a + 1} for a in arrive])
    side = PartnerSide("p", "land", Control(2, *ALL_DAY, 0.5, 0.8, 0.3, 2, 1.0, 0.5),
                       Control(2, *ALL_DAY, 0.5, 0.8, 0.3, 2, 1.0, 0.5), joint_exam=True)
    sep = crossing(log, side, "separate", "import")
    one = crossing(log, side, "one_stop", "import")
    assert np.array_equal(sep["partner_h"], one["partner_h"])
    assert 0 < sep["partner_inspected"].sum() < 40
    change = one_stop_change(both_sides([log, log.assign(replication=1)], side))
    row = change.set_index(["direction", "figure"]).loc[("import", "port_side_h_mean")]
    assert row["change"] == 0.0


def test_a_bad_partner_file_names_the_file_the_field_the_value_and_what_is_allowed(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    bad = tmp_path / "bad.toml"
    for old, new, field, allowed in [
        ("inspect_share = 0.05", "inspect_share = 5", "outbound.inspect_share", "0 to 1"),
        ('hours = ["07:00", "19:00"]   # assumption: as the Dongxing',
         'hours = ["19:00", "07:00"]   #', "outbound.hours", "closing time after"),
        ("officers = 3", "officers = 0", "outbound.officers", "at least 1"),
        ('port = "dongxing"', 'port = "dongxing"\nbridge = 1', "bridge", "one of the fields"),
        ("joint_exam = true", 'joint_exam = "yes"', "one_stop.joint_exam", "true or false"),
    ]:
        assert old in text, old
        bad.write_text(text.replace(old, new, 1), encoding="utf-8")
        with pytest.raises(PartnerSpecError) as e:
            load_partner(bad)
        assert str(bad) in str(e.value) and field in str(e.value) and allowed in str(e.value)


def test_every_number_of_the_example_partner_file_says_it_is_an_assumption():
    side = load_partner(EXAMPLE)
    assert side.port == "dongxing" and side.joint_exam
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        if re.match(r"^\w+ = .*\d", line):
            assert "assumption" in line or "source:" in line, line


def test_the_command_on_a_run_of_the_beilun_scenario(tmp_path, capsys):
    out = tmp_path / "run"
    assert main(["run", "beilun-border", "--reps", "2", "--days", "3", "--set",
                 "warmup_days=7", "--set", "drain_days=3", "--log", "--out", str(out)]) == 0
    capsys.readouterr()
    csv = tmp_path / "per-rep.csv"
    assert main(["both-sides", str(out), "--partner", str(EXAMPLE), "--csv", str(csv)]) == 0
    text = capsys.readouterr().out
    assert "imports (bound for dongxing)" in text and "exports (from dongxing)" in text
    assert "crossing, mean h" in text
    per_rep = pd.read_csv(csv)
    assert len(per_rep) == 2 * 2 * 2  # replications x directions x arrangements
    sep = per_rep[per_rep["arrangement"] == "separate"]
    assert (sep["crossing_h_mean"] > sep["port_side_h_mean"]).all()
    other = tmp_path / "sea.toml"
    other.write_text(EXAMPLE.read_text(encoding="utf-8").replace(
        'port = "dongxing"', 'port = "fangchenggang"'), encoding="utf-8")
    assert main(["both-sides", str(out), "--partner", str(other)]) == 2
    assert (f"{other}: port: 'fangchenggang' is a sea port; allowed: one of {out}'s land "
            "ports (dongxing)") in capsys.readouterr().err
    other.write_text(EXAMPLE.read_text(encoding="utf-8").replace(
        'port = "dongxing"', 'port = "mong_cai"'), encoding="utf-8")
    assert main(["both-sides", str(out), "--partner", str(other)]) == 2
    assert (f"{other}: port: 'mong_cai' is not a port of {out}'s scenario; allowed: one of "
            "its land ports (dongxing)") in capsys.readouterr().err


def test_the_command_asks_for_a_run_with_its_log(tmp_path, capsys):
    out = tmp_path / "run"
    assert main(["run", "beilun-border", "--reps", "1", "--days", "1", "--set",
                 "warmup_days=0", "--set", "drain_days=1", "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["both-sides", str(out), "--partner", str(EXAMPLE)]) == 2
    assert "--log" in capsys.readouterr().err
    (out / "compare.json").write_text("{}", encoding="utf-8")  # as a comparison's folder
    assert main(["both-sides", str(out), "--partner", str(EXAMPLE)]) == 2
    assert "comparison's folder" in capsys.readouterr().err


def test_a_comparisons_folder_is_refused_with_each_options_run_to_give(tmp_path, capsys):
    """Its saved logs lack the warm-up's trucks (the partner's queue would start empty), so
    the refusal says, option by option, the run on the comparison's seed to give instead."""
    import json

    out = tmp_path / "cmp"
    out.mkdir()
    options = [{"name": "baseline"}, {"name": "advance"}, {"name": "../x"}]
    (out / "compare.json").write_text(json.dumps({"options": options, "seed": 7, "reps": 3}),
                                      encoding="utf-8")
    assert main(["both-sides", str(out), "--partner", str(EXAMPLE)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    for name in ("baseline", "advance"):
        run = f"bordersim run {out / 'options' / name / 'scenario.json'} --seed 7 --reps 3 --log"
        assert run in err, err
    assert "../x" not in err and "warm-up" in err
    assert main(["both-sides", str(out), "--partner", str(EXAMPLE), "--lang", "zh"]) == 2
    zh = capsys.readouterr().err
    assert "预热期" in zh and "尚无中文" not in zh, zh
