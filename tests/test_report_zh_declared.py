"""``write_folder_report`` in Chinese gives the translator the names the folder's scenario
declares (its ports' ids, which a line keeps as written and never takes for English left
untranslated: :mod:`sim.report.place_names`), and says each port by its ``label_zh``."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import sim
import sim.report.translate as translate_module
from sim.experiment import runner
from sim.report.folder_report import write_folder_report

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def test_a_chinese_report_is_translated_knowing_the_scenarios_names(tmp_path, monkeypatch):
    scenario = sim.load_scenario(SMALL, {"days": 1, "warmup_days": 0, "drain_days": 1,
                                         "ports.sea.label_zh": "海港"})
    folder = tmp_path / "run"
    runner.replicate(scenario, 1, store=folder)
    given: list[frozenset[str]] = []
    translate = translate_module.translate

    def spied(page: str, lang: str, names: Collection[str] = ()) -> str:
        given.append(frozenset(names))
        return translate(page, lang, names)

    monkeypatch.setattr(translate_module, "translate", spied)
    page = write_folder_report(folder, lang="zh").read_text(encoding="utf-8")
    assert given and all(set(scenario.ports) <= names for names in given)
    for port, p in scenario.ports.items():  # (the table of ports: its Chinese name)
        assert f"<tr><td>{port}</td>" in page and f"<td>{p.label_zh}</td></tr>" in page
