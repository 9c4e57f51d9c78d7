"""The workshop page keeps its finished runs in its results folder (:mod:`sim.faces.kept`):
a page opened again (a reload, a tab closed by mistake) shows the runs so far as they were,
numbered on from them; each run is one file, written whole; a file that cannot be read is left
out and said, not a traceback."""

from __future__ import annotations

import json
import math

from sim.cli import _build
from sim.faces.history import KEPT, History, history_html
from sim.faces.kept import Kept, group_folder
from tests.faces_history import two_runs


def _same(a: object, b: object) -> bool:
    """Equal, NaN equal to NaN (an interval with one replication)."""
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return (type(a) is type(b) and len(a) == len(b)
                and all(_same(x, y) for x, y in zip(a, b, strict=True)))
    return a == b


def test_a_reloaded_page_shows_the_runs_so_far_as_they_were(tmp_path):
    kept = Kept(tmp_path / "page")
    before = two_runs(kept=kept)
    assert [p.name for p in kept.files()] == ["run-0001.json", "run-0002.json"]
    assert not [p for p in kept.folder.iterdir() if p.name.startswith(".")]  # (none half-made)
    again = History("en", kept)  # (the page reloaded: a new session)
    assert [e.number for e in again.entries] == [1, 2]
    for old, new in zip(before.entries, again.entries, strict=True):
        assert _same(list(old.rows), list(new.rows)) and new.plan == old.plan
        assert _same(dict(old.full), dict(new.full)) and new.window == old.window
    assert again.pane.object == history_html(before.entries) != ""
    assert again.pairs.chosen() == before.pairs.chosen()  # (offered to the comparison too)


def test_runs_are_numbered_on_from_those_kept_and_the_latest_shown(tmp_path):
    kept = Kept(tmp_path)
    two_runs(kept=kept)
    assert [e.number for e in two_runs(kept=kept).entries] == [1, 2, 3, 4]  # (a new session)
    data = json.loads((tmp_path / "run-0004.json").read_text(encoding="utf-8"))
    for n in range(5, KEPT + 5):  # (more runs than a page shows)
        (tmp_path / f"run-{n:04d}.json").write_text(json.dumps({**data, "number": n}))
    assert [e.number for e in History("en", kept).entries] == list(range(5, KEPT + 5))
    assert kept.next_number() == KEPT + 5


def test_a_file_that_cannot_be_read_is_left_out_and_said(tmp_path, capsys):
    kept = Kept(tmp_path)
    two_runs(kept=kept)
    (tmp_path / "run-0001.json").write_text("{not json", encoding="utf-8")
    data = json.loads((tmp_path / "run-0002.json").read_text(encoding="utf-8"))
    assert data["number"] == 2 and data["plan"]["scenario"] == "workshop"
    assert [e.number for e in History("en", kept).entries] == [2]
    err = capsys.readouterr().err
    assert "run-0001.json: not a kept run, left out" in err


def test_an_empty_folder_and_none_at_all_show_no_runs(tmp_path):
    assert History("en", Kept(tmp_path / "none")).entries == []
    assert not (tmp_path / "none").exists()  # (made at the first run, not by looking)


def test_a_group_is_named_in_the_address_or_given_a_new_name(tmp_path, capsys):
    assert group_folder(tmp_path, ["blue"]) == (tmp_path / "blue", None)
    assert group_folder(tmp_path, ["../x", "red"]) == (tmp_path / "red", None)
    for asked in ([], ["../x"], ["a/b"], [".."], ["x" * 41], [""]):
        folder, new = group_folder(tmp_path, asked)
        assert new is not None and folder == tmp_path / new and folder.parent == tmp_path
    assert group_folder(tmp_path, [])[1] != group_folder(tmp_path, [])[1]  # (groups apart)
    assert "group '../x' in a page's address is not a name" in capsys.readouterr().err


def test_a_bare_address_shows_the_group_that_ran_last(tmp_path):
    """A room that reloads the bare address (no ``?group=``) sees its runs again: the group
    whose latest run was written last, its name put in the address; a folder without runs,
    or not a group's name, is passed over; a name that is not one still starts a new group."""
    import os

    for group, number, when in (("blue", 1, 100), ("red", 1, 300), ("blue", 2, 200)):
        path = tmp_path / group / f"run-{number:04d}.json"
        path.parent.mkdir(exist_ok=True)
        path.write_text("{}")
        os.utime(path, ns=(when * 10**9, when * 10**9))
    (tmp_path / "empty").mkdir()
    (tmp_path / "not.a.group").mkdir()
    (tmp_path / "not.a.group" / "run-0001.json").write_text("{}")
    os.utime(tmp_path / "not.a.group" / "run-0001.json", ns=(999 * 10**9, 999 * 10**9))
    assert group_folder(tmp_path, []) == (tmp_path / "red", "red")
    os.utime(tmp_path / "blue" / "run-0002.json", ns=(400 * 10**9, 400 * 10**9))
    assert group_folder(tmp_path, []) == (tmp_path / "blue", "blue")
    assert group_folder(tmp_path, ["red"]) == (tmp_path / "red", None)
    assert group_folder(tmp_path, ["../x"])[1] not in ("red", "blue")


def test_the_page_keeps_its_runs_in_results_dashboard_unless_told():
    _, commands = _build()
    dash = commands["dashboard"]
    assert str(dash.parse_args([]).out) == "results/dashboard"
    assert str(dash.parse_args(["--out", "kept"]).out) == "kept"
