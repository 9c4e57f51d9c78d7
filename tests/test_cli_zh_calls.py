"""A weekly vessel call pattern's refusals with ``--lang zh`` (:mod:`sim.cli_zh_calls`):
every message :mod:`sim.scenario.call_pattern` and :mod:`sim.scenario.call_departures` can
raise has a Chinese pattern, its slots,
hours and counts kept as written; a real refusal of slots that clash without berths, as the
loader words it, is said whole in Chinese."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import sim
from sim.cli_zh_errors import error_line
from sim.report.zh_reasons import reason
from sim.scenario.loader import ScenarioError
from sim.scenario.schedule import unscheduled_fields
from tests.message_samples import messages_of
from tests.test_cli_lang_notes import english_left

ROOT = Path(__file__).resolve().parents[1]
SMALL = ROOT / "tests" / "scenarios" / "small.toml"
PATTERN = {"slots": ["Mon 06:00", "Thu 12:00"], "window_h": 2,
           "boxes": {"dist": "triangular", "low": 300, "mode": 400, "high": 500},
           "boxes_per_declaration": 2}
#: a sample of each value a message gives (by its expression's source)
SAMPLES: dict[str, list[object]] = {
    "slot": ["Mon 6am"], "i + 1": [3], "SLOT_ALLOWED": [
        "a weekday and a time of day as 'Mon 06:00' (Mon to Sun, 00:00 to 23:59)"],
    "early": ["'Mon 06:00'"], "late": ["'Mon 09:30'", "'Mon 02:00' of the next week"],
    "u - t": [3.5], "unload": [26.6667], "pattern.boxes.mean": [4000.0],
    "batch.discharge_rate": [150.0], "pattern.window_h": [2.5], "need": [31.6667],
    "pattern.share": [0.6],
}
#: a reason passed on as pydantic or the loader words it (said elsewhere)
SKIP = {"str(exc)", "message"}
#: the values a Chinese line keeps as written
KEPT = ("'Mon 6am'", "'Mon 06:00'", "'Mon 09:30'", "'Mon 02:00'", "3.5", "26.7", "4,000",
        "150", "2.5", "31.7", "positions", "extra = 0", "arrivals.batch")


def _messages() -> list[str]:
    out = []
    for name in ("call_pattern.py", "call_departures.py"):  # (the exports' departures too)
        tree = ast.parse((ROOT / "sim" / "scenario" / name).read_text("utf-8"))
        out += messages_of(tree.body, {"ValueError": 0, "AtField": 1}, SAMPLES, name, SKIP)
    return out


def test_every_refusal_of_a_call_pattern_has_a_chinese_pattern() -> None:
    messages = _messages()
    assert len(messages) >= 8, messages  # (each check's message: none left out unseen)
    for message in messages:
        for head in ("{}", "/w/s.toml: ports.sea.arrivals.calls.slots: {}"):
            said = error_line(head.format(message), "zh")
            assert "尚无中文" not in said and english_left(said) == [], said
            for kept in KEPT:
                assert kept not in message or kept in said, (kept, said)


@pytest.mark.parametrize(("slots", "said"), [
    (["Mon 06:00", "Mon 09:00"], "班期 'Mon 06:00' 与班期 'Mon 09:00' 的班次相隔 3 小时"),
    (["Sun 22:00", "Mon 02:00"], "班期 'Sun 22:00' 与下一周的班期 'Mon 02:00' 的班次相隔 4 小时"),
])
def test_slots_that_clash_without_berths_are_refused_in_chinese(slots, said) -> None:
    with pytest.raises(ScenarioError) as caught:
        sim.load_scenario(SMALL, {"days": 2, "ports.sea.arrivals.calls": PATTERN | {
            "slots": slots}})
    line = error_line(str(caught.value), "zh")
    assert said in line and "arrivals.batch.positions" in line, line
    assert "尚无中文" not in line and english_left(line) == [], line


def test_a_field_a_pattern_replaces_is_said_in_chinese() -> None:
    s = sim.load_scenario(SMALL, {"days": 2, "ports.sea.arrivals.calls": PATTERN})
    why = unscheduled_fields(s)["ports.sea.arrivals.rate"]
    said = reason(f"ports.sea.arrivals.rate: {why}")
    assert said is not None and english_left(said) == [], said
    assert "口岸 'sea' 的班次来自其船期模式（ports.sea.arrivals.calls）" in said, said


def test_an_outlook_of_a_pattern_or_a_schedule_is_refused_in_chinese() -> None:
    from sim.experiment.outlook import OutlookError, growth_changes

    pattern = sim.load_scenario(SMALL, {"days": 2, "ports.sea.arrivals.calls": PATTERN})
    listed = sim.load_scenario(SMALL, {"days": 2, "ports.sea.arrivals.schedule": {
        "hours": [170], "declarations": [9]}})
    for scenario, field in ((pattern, "calls"), (listed, "schedule")):
        with pytest.raises(OutlookError) as caught:
            growth_changes(scenario, 1.1)
        line = error_line(str(caught.value), "zh")
        assert f"ports.sea.arrivals.{field} 是" in line, line
        assert "尚无中文" not in line and english_left(line) == [], line
