"""The brief says what the state's cost leaves out where a scenario prices no scanner and no
standing post (the Guangdong scenarios), in English and in Chinese, and says nothing of it
where the scenario prices them (the default)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import sim
from sim.report.brief_state import STATE, partial, state_partial
from sim.report.headline import _brief_notes
from sim.report.translate import text

ROOT = Path(__file__).resolve().parent.parent


def _dump(name: str, overrides: dict[str, object] | None = None) -> dict[str, object]:
    return sim.load_scenario(ROOT / "scenarios" / name, overrides).model_dump()


def test_guangdong_prices_no_scanner_and_no_post_and_the_default_prices_both():
    assert partial(_dump("guangdong.toml"))
    assert not partial(_dump("default.toml"))  # (posts and scanners at its ports)
    posts = _dump("guangdong.toml", {"costs.posts": {"*": {"customs_officer": 2}}})
    assert not partial(posts)
    assert not partial({"ports": {}, "costs": None})  # (no costs: nothing to say of them)


def test_the_brief_carries_the_line_for_such_a_folder_and_the_chinese_page_translates_it():
    variants = {"baseline": SimpleNamespace(scenario=_dump("guangdong.toml"))}
    assert state_partial(variants)
    meta = {"currency": "USD", "money": "USD at 2019 prices"}
    assert STATE in _brief_notes(meta, False, True, state_partial(variants))
    assert STATE not in _brief_notes(meta, False, True, False)
    zh = text(STATE)
    assert zh is not None and "机检设备和固定岗位" in zh and "costs.posts" in zh
