"""``bordersim check --arrivals``, ``--roster``, ``--changes`` and ``--sources`` under
``--lang zh``: the listings' prose and headers in Chinese, their field paths and figures as
in English; in English word for word as before."""

from __future__ import annotations

import re

import pytest

from sim.cli import main
from tests.test_cli_lang_notes import english_left

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _check(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    assert main(["check", *argv]) == 0
    said = capsys.readouterr()
    return said.out, said.err


RUSH = "docs/examples/office-hours/spring-festival-rush.toml"
#: a weekly call pattern (docs/vessel-schedule.md), and one whose calls come on the slot
PATTERN = "docs/examples/vessel-schedule/pattern.toml"
ON_SLOT = "ports.sea_port.arrivals.calls.window_h=0"
#: a dated window outside the run too (its note)
AWAY = "ports.sz_yantian.exports.arrivals.dated=[{from='2027-01-04',to='2027-01-05',factor=2}]"


@pytest.mark.parametrize("view", [["--arrivals"], ["--roster"], ["--arrivals", RUSH],
                                  ["--arrivals", RUSH, "--set", AWAY],
                                  ["--arrivals", PATTERN],
                                  ["--arrivals", PATTERN, "--set", ON_SLOT]])
def test_a_listing_is_chinese_with_the_english_figures(view: list[str], capsys, monkeypatch):
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    en, _ = _check(view, capsys)
    zh, _ = _check([*view, "--lang", "zh"], capsys)
    assert "尚无中文" not in zh and english_left(zh) == [], english_left(zh)
    for a, b in zip(en.splitlines(), zh.splitlines(), strict=True):
        assert sorted(NUMBER.findall(a)) == sorted(NUMBER.findall(b)), (a, b)
        assert b.split("：")[0] == a.split(": ")[0] or b.startswith("按以上排班")


def test_the_english_listings_are_as_before(capsys, monkeypatch):
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    arrivals, _ = _check(["--arrivals"], capsys)
    assert arrivals.startswith(
        "ports.sea_port.arrivals: 22.5 declarations/h on average, 540/d, 16,436/month "
        "(30.44 d); 4 calls/d of 135 declarations on average; spread about evenly over the "
        "week's hours\n")
    roster, _ = _check(["--roster"], capsys)
    assert roster.startswith(
        "ports.sea_port.review: every day: 00-08 2, 08-18 8, 18-22 4, 22-24 2; 812 "
        "server-hours a week; 812 head-hours of customs_officer (1 a server), 9,017 USD a "
        "week\n")
    assert roster.splitlines()[-1].startswith("staff on duty by these rosters: ")
    out, err = _check(["--changes", "--set", "days=3"], capsys)
    assert out == "field\tparent\tchild\tset in\ndays\t28.0\t3.0\tcommand line\n"
    out, err = _check(["--sources", "days"], capsys)
    assert err == "" and out.startswith("days\t28\tassumption\t")


def test_changes_and_sources_headers_are_chinese(capsys, monkeypatch):
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    out, _ = _check(["--changes", "--set", "days=3", "--lang", "zh"], capsys)
    assert out == "字段\t上级情景的值\t本文件的值\t设置于\ndays\t28.0\t3.0\tcommand line\n"
    out, err = _check(["--sources", "days", "--lang", "zh"], capsys)
    assert out.startswith("days\t28\tassumption\t") and err.startswith("提示：每行依次为")


def test_an_unknown_clause_is_marked_not_guessed():
    from sim.cli_zh_listings import listing_line

    said = listing_line("ports.x.arrivals: 5 declarations/h on average, 120/d, 3,652/month "
                        "(30.44 d); something new")
    assert said.endswith("；（此条尚无中文译文）something new")
