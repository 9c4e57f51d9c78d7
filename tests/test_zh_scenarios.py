"""The bundled scenarios' descriptions in the Chinese report (:mod:`sim.report.zh_scenarios`):
a workshop's report-zh.html showed them in English. Every bundled scenario has its Chinese,
tied to the English it translates; another description keeps its English. No run."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest

from sim.report.sections import scenario_section
from sim.report.translate import translate
from sim.report.zh_scenarios import (
    DESCRIPTIONS,
    chinese_description,
    description_zh,
    translated,
)

BUNDLED = sorted((Path(__file__).resolve().parents[1] / "sim" / "scenarios").glob("*.toml"))


def _said(path: Path) -> tuple[str, str]:
    scenario = tomllib.loads(path.read_text(encoding="utf-8"))
    return str(scenario["name"]), str(scenario["description"])


def test_every_bundled_scenario_has_its_chinese_description():
    """A bundled scenario added, or its English description edited, without its Chinese
    fails here (the digest no longer matches)."""
    assert len(BUNDLED) >= 9
    assert [p.name for p in BUNDLED if description_zh(*_said(p)) is None] == []
    assert set(DESCRIPTIONS) == {_said(p)[0] for p in BUNDLED}


def test_another_description_of_a_bundled_name_keeps_its_english():
    name, english = _said(BUNDLED[0])
    assert description_zh(name, english + " (my own)") is None
    assert description_zh("my-scenario", english) is None


@pytest.mark.parametrize("path", BUNDLED[-1:], ids=lambda p: p.stem)
def test_the_chinese_page_shows_the_description_in_chinese(path: Path, tmp_path: Path):
    name, english = _said(path)
    scenario = {"name": name, "description": english, "days": 1, "ports": {}}
    (tmp_path / "scenario.json").write_text(json.dumps(scenario), encoding="utf-8")
    page = translate("".join(scenario_section({"run": SimpleNamespace(scenario=scenario)})),
                     "zh")
    assert english in page  # (the translated page still has the English: this replaces it)
    shown = chinese_description(page, tmp_path, "run")
    assert english not in shown and DESCRIPTIONS[name][1] in shown
    # (nor does the page's top say a paragraph is left in English, for the one replaced)
    names = translated(tmp_path, "run")
    assert names == {english}
    body = "<body>{}</body>".format  # (the note of texts left in English opens the body)
    section = "".join(scenario_section({"run": SimpleNamespace(scenario=scenario)}))
    assert "data-untranslated='1'" in translate(body(section), "zh")
    assert "data-untranslated" not in translate(body(section), "zh", names)
    scenario["description"] = english + " (my own)"
    (tmp_path / "scenario.json").write_text(json.dumps(scenario), encoding="utf-8")
    page = translate("".join(scenario_section({"run": SimpleNamespace(scenario=scenario)})),
                     "zh", translated(tmp_path, "run"))
    assert chinese_description(page, tmp_path, "run") == page
    section = "".join(scenario_section({"run": SimpleNamespace(scenario=scenario)}))
    said = translate(body(section), "zh", translated(tmp_path, "run"))
    assert "data-untranslated='1'" in said  # (a description of one's own: said to be English)
