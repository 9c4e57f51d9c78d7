"""Seizures by layer add up (:mod:`sim.layer_check`): arrived = seized + stopped + found not
seized + missed on
each row, each total the sum of its rows, the ports' seizures those of enforcement.csv."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sim.layer_check import layer_problems


def _folder(tmp_path: Path) -> Path:
    """Two types at two ports, with their totals, adding up; enforcement.csv beside."""
    rows = []
    cells = {("tobacco", "sea"): (4.0, 1.0, 3.0), ("tobacco", "air"): (2.0, 0.5, 1.5),
             ("drugs", "sea"): (1.0, 1.0, 0.0)}
    for (truth, place), (arrived, seized, missed) in cells.items():
        rows.append((truth, place, "port", arrived, seized, missed))
    for truth in ("tobacco", "drugs"):
        mine = [v for k, v in cells.items() if k[0] == truth]
        rows.append((truth, "all", "all", *(sum(x[i] for x in mine) for i in range(3))))
    for place in ("sea", "air"):
        mine = [v for k, v in cells.items() if k[1] == place]
        rows.append(("all", place, "port", *(sum(x[i] for x in mine) for i in range(3))))
    rows.append(("all", "all", "all", 7.0, 2.5, 4.5))
    table = pd.DataFrame(rows, columns=["truth", "place", "kind", "arrived", "seized_at_port",
                                        "missed"])
    table = table.assign(stopped_by_patrols=0.0, detected=table["seized_at_port"], held=0.0)
    table.insert(0, "option", "baseline")
    table.to_csv(tmp_path / "seizures-by-layer.csv", index=False)
    pd.DataFrame({"option": "baseline", "port": ["sea", "sea", "air"],
                  "truth": ["compliant", "tobacco", "tobacco"], "seized": [0.0, 1.0, 1.5]}
                 ).assign(seized=[0.0, 2.0, 0.5]).to_csv(tmp_path / "enforcement.csv",
                                                          index=False)
    return tmp_path


def _edit(folder: Path, line: int, **values: float) -> None:
    table = pd.read_csv(folder / "seizures-by-layer.csv")
    for column, value in values.items():
        table.loc[line - 2, column] = value
    table.to_csv(folder / "seizures-by-layer.csv", index=False)


def test_a_table_that_adds_up_passes(tmp_path):
    assert layer_problems(_folder(tmp_path)) == []
    assert layer_problems(tmp_path / "none") == []  # (a folder without the table)


def test_a_row_whose_parts_do_not_make_its_arrivals_is_named(tmp_path):
    folder = _folder(tmp_path)
    _edit(folder, 2, seized_at_port=2.0)
    [said] = layer_problems(folder)
    assert said.startswith(f"{folder / 'seizures-by-layer.csv'}: line 2 (tobacco, sea) has "
                           "arrived 4.0, but seized, stopped, found not seized and missed add "
                           "up to 5.0"), said


def test_finds_not_seized_are_a_part_of_the_arrivals(tmp_path):
    """A find that was not seized (re-assessed, treated, held) is neither seized nor missed:
    a table that moves one from missed to that column on a row and its totals adds up."""
    folder = _folder(tmp_path)
    table = pd.read_csv(folder / "seizures-by-layer.csv").assign(found_not_seized=0.0)
    table.to_csv(folder / "seizures-by-layer.csv", index=False)
    for line in (2, 5, 7, 9):  # (tobacco, sea) and its totals by type, by place and overall
        row = table.loc[line - 2]
        _edit(folder, line, missed=row["missed"] - 1.0, found_not_seized=1.0)
    assert layer_problems(folder) == []
    _edit(folder, 2, found_not_seized=2.0)  # (the row no longer adds up)
    [said] = layer_problems(folder)
    assert "line 2 (tobacco, sea) has arrived 4.0, but" in said, said


def test_a_total_edited_with_its_parts_is_named(tmp_path):
    folder = _folder(tmp_path)
    _edit(folder, 5, arrived=4.0, missed=2.5)  # (tobacco, all: the row itself adds up)
    [said] = layer_problems(folder)
    assert "the truth tobacco's total arrived is 4.0, but its rows add up to 6.0" in said, said


def test_the_ports_seizures_must_be_enforcements(tmp_path):
    folder = _folder(tmp_path)
    table = pd.read_csv(folder / "enforcement.csv")
    table.loc[1, "seized"] = 3.0
    table.to_csv(folder / "enforcement.csv", index=False)
    [said] = layer_problems(folder)
    assert ("the total seized_at_port is 2.5, but enforcement.csv's seized of the illicit "
            "types adds up to 3.5 (option baseline)") in said, said


def test_the_chinese_names_the_option():
    from sim.report.zh_reasons import reason

    tail = ", so the table does not add up (changed or made wrong): give the command that " \
        "made the folder again"
    assert reason("x (option s2)" + tail) == (
        "方案 s2 的各项相加不一致（x），表已被改动或有误：请再次运行生成该文件夹的命令")
    assert reason("x" + tail) == (
        "各项相加不一致（x），表已被改动或有误：请再次运行生成该文件夹的命令")
