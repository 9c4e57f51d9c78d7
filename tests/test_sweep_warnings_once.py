"""A sweep says each distinct warning once on stderr, with the points and replications it
concerned; its folder's warning records keep every point's."""

from __future__ import annotations

import json

import pandas as pd

from sim.cli import main
from sim.cli_sweep_warnings import grouped
from tests.conftest import SMALL

NOT_OUT = "sea: more than 1% of the cohort was released but not yet out"


def test_a_warning_at_every_point_is_one_line_and_every_record_is_kept(tmp_path, capsys):
    out = tmp_path / "s"
    argv = ["sweep", str(SMALL), "--param", "ports.sea.review.capacity=1,2,3", "--reps", "2",
            "--days", "1", "--set", "warmup_days=0.5", "--set", "drain_days=0.5", "--json",
            "--out", str(out)]
    assert main(argv) == 0
    err = capsys.readouterr().err.splitlines()
    said = [line for line in err if NOT_OUT in line]
    assert len(said) == 1, said  # (it was 6: each point's replications' figures differ)
    assert said[0].startswith(f"warning (points 0 to 2: 3 of 3): {NOT_OUT}")
    assert said[0].endswith("(6 replication(s); the figures are those of point 0, rep-0000; "
                            "the others' differ)")
    records = json.loads((out / "warning-records.json").read_text(encoding="utf-8"))["records"]
    assert sorted(r["point"] for r in records if r["code"] == "not_out") == [0, 0, 1, 1, 2, 2]


def test_the_one_line_names_a_lone_point_by_its_values_and_says_it_in_chinese():
    design = pd.DataFrame({"ports.sea.review.capacity": [1, 2, 3, 4]})
    message = ("sea: declaration_review is 100% utilised (above 95%); its queue may not "
               "settle, so its waits are not steady-state: add capacity there, or read its "
               "waits as a lower bound")
    said = [(0, 0, message), (0, 1, message), (2, 0, message), (3, 1, message)]
    assert grouped(said[:2], design) == [
        f"warning (point 0: ports.sea.review.capacity=1): {message} (2 replication(s))"]
    zh = grouped(said, design, "zh")
    assert len(zh) == 1 and zh[0].startswith("警告（扫描点 0、2 至 3，共 4 个中的 3 个）：sea：")
    assert zh[0].endswith("（4 次重复运行）")


def test_the_reporter_of_the_command_says_them_in_its_language():
    """The sweep's grouped warnings are said by the reporter the command made from --lang."""
    from sim.cli_sweep_warnings import say_grouped
    from sim.experiment.reporter import Reporter

    design = pd.DataFrame({"ports.sea.review.capacity": [1, 2]})
    said = [(0, 0, NOT_OUT), (1, 0, NOT_OUT)]
    heard: list[str] = []
    say_grouped(said, design, Reporter("zh", write=heard.append))
    assert heard == grouped(said, design, "zh") and heard[0].startswith("警告")
