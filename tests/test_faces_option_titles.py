"""The workshop page's options by plain title, in groups, and a run's *Option* line by its
titles (:mod:`sim.faces.option_titles`), not by internal names alone."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from sim.faces import runs
from sim.faces.choices import Plan, option_catalogue
from sim.faces.option_titles import GROUPS, OTHER, TITLES, grouped


def test_every_option_has_a_title_in_both_languages_and_one_group():
    names = list(option_catalogue())
    assert sorted(TITLES) == sorted(names)
    members = [n for _, _, group in GROUPS for n in group]
    assert sorted(members) == sorted(names)  # (each in one group: none twice, none left)
    assert OTHER[0] not in [heading for heading, _ in grouped(names)]
    for name, (english, chinese) in TITLES.items():
        assert english and english != name and chinese and not chinese.isascii()


def test_the_pages_option_list_is_by_title_under_group_headings():
    pytest.importorskip("panel")
    from sim.faces.dashboard import Page

    with ThreadPoolExecutor(1) as pool:
        page = Page(pool)
    headings = [o.object for o in page.switches.objects if "bs-group" in o.css_classes]
    assert headings[:2] == ["<b>Scanners and image review</b>",
                            "<b>Declarations and documents</b>"]
    label = next(iter(page._boxes["sea_scanner"].options))
    assert label.startswith("One more scanner at the sea port: ")
    assert label.endswith("(option sea_scanner)")  # (the name kept, for the command line)
    assert "(reform single_window at" in next(iter(page._boxes["single_window"].options))
    page._boxes["smart_image_review"].value = ["smart_image_review"]
    page._strengths["smart_image_review"].inputs["clear"].value = "0.9"  # (relabelled)
    typed = next(iter(page._boxes["smart_image_review"].options))
    assert typed.startswith("AI reads scan images first: ") and "clear=0.9" in typed
    objects = page.switches.objects
    assert objects.index(page._boxes["sea_scanner"]) < objects.index(
        page._boxes["single_window"])


def _fake_measure(scenario, seed, replication):
    value = scenario.ports["sea_port"].scan.image_review.ai_clear + replication
    return {metric: value for metric, _ in runs.SHOWN}, []


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "AI clears 90 % of scan images at the sea port (ai_clear_90)"),
    ("zh", "海运口岸 AI 审图自动放行 90%（ai_clear_90）"),
])
def test_a_runs_option_line_names_its_title(monkeypatch, lang, said):
    monkeypatch.setattr(runs, "measure", _fake_measure)
    with ThreadPoolExecutor(2) as pool:
        run = runs.Run(Plan(options=("ai_clear_90",), reps=2), pool, lang=lang)
        run.start()
        run.join(30)
    snap = run.snapshot()
    assert snap.phase == "done" and snap.labels["option"] == said
