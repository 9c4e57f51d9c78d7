"""A run of a scenario with smuggling groups says each illicit type's smuggling (attempts,
deterred, interdicted, share seized, value slipped, with intervals over its replications)
and which group carries which type by which routes: in the console table and in the
report, in English and in Chinese."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from sim.cli import main
from sim.report import smuggling_types
from sim.report.folder import read_run
from sim.report.html import _smuggling
from sim.report.translate import translate
from sim.report.zh_labels import chinese_labels, labelled
from tests.test_cli_lang_notes import english_left

#: beilun-border cut short: two replications of a day after a day's warm-up
SHORT = ["run", "beilun-border", "--days", "1", "--set", "warmup_days=1", "--reps", "2"]
TYPES = ("tobacco", "frozen")


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The run's folder and its console's table (English)."""
    import contextlib
    import io

    out = tmp_path_factory.mktemp("beilun") / "run"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert main([*SHORT, "--out", str(out)]) == 0
    return out, printed.getvalue()


def test_the_console_lists_each_type_with_its_interval_and_each_group(run):
    _, printed = run
    for t in TYPES:
        for stem in smuggling_types.TYPE_STEMS:
            row = next((ln for ln in printed.splitlines() if f" {stem.format(t=t)} " in ln), "")
            assert re.search(r"│ +[-0-9.,]+ │ +[-0-9.,]+ │ +[-0-9.,]+ │$", row), (stem, t)
    assert "Group tobacco_ring (Cigarette smugglers from Mong Cai) carries tobacco by " in printed
    assert "Group frozen_gang (" in printed


def test_the_report_has_a_table_by_type_and_the_groups_in_both_languages(run):
    folder, _ = run
    res, variants = read_run(folder)
    page = "".join(_smuggling(res, variants))  # (the report's part on smuggling)
    note = html.escape(smuggling_types.NOTE)
    assert note in page
    part = page[page.index(f"<h3>{smuggling_types.HEADING}</h3>"):page.index(note) + len(note)]
    shown = re.findall(r"data-metric=\"([a-z_]+)\"", part)
    assert shown == [s.format(t=t) for t in TYPES for s in smuggling_types.TYPE_STEMS]
    assert part.count("data-ci-low=") == len(shown)
    assert "Group tobacco_ring (Cigarette smugglers from Mong Cai) carries tobacco by " in part
    zh = labelled(translate(part, "zh"), chinese_labels(folder, "run"), escape=True)
    text = re.sub(r"<[^>]+>", "\n", zh)
    assert "走私团伙 芒街香烟走私团伙（tobacco_ring）：违规类型为走私烟草，经由 " in text
    assert "按违规类型" in text and "走私烟草走私企图数" in text
    assert english_left(text) == [], english_left(text)


def test_a_run_without_smuggling_groups_has_no_such_part():
    assert smuggling_types.type_rows(["smuggling_attempts", "clearance_h_mean"]) == ()
    assert smuggling_types.groups_of({"ports": {}}) == []
