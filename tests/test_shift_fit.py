"""Rosters that do not fit: scanners on duty when no image officer is, said by ``check``
before a run (the images wait for the next shift, which a run shows only as longer
clearance)."""

from __future__ import annotations

from pathlib import Path

from sim.cli import main
from sim.scenario.loader import load_scenario
from sim.scenario.shift_fit import scans_unread

REPO = Path(__file__).resolve().parents[1]
DEFAULT = str(REPO / "sim" / "scenarios" / "default.toml")
SCANNERS = "ports.land_border.scan.scanners.schedule"
OFFICERS = "ports.land_border.scan.image_review.officers.schedule"
#: the default's land border gantries run 07:00-22:00; officers here leave at 18:00
EARLY = [0] * 7 + [2] * 11 + [0] * 6


def test_the_bundled_scenarios_rosters_fit():
    for name in ("default", "guangdong", "beilun-border", "china-2017"):
        scenario = load_scenario(str(REPO / "sim" / "scenarios" / f"{name}.toml"))
        assert scans_unread(scenario) == [], name


def test_check_says_when_scanners_run_with_no_image_officer(capsys):
    assert main(["check", DEFAULT, "--set", f"{OFFICERS}={EARLY}"]) == 0
    err = capsys.readouterr().err
    assert (
        "note: ports.land_border.scan.scanners scan at 18:00-22:00 when no image officer is "
        "on duty (ports.land_border.scan.image_review.officers): the 85% of images the AI "
        "does not clear wait for the next shift"
    ) in err  # (AI reads 30 % of the land border's images and clears half of them)


def test_no_note_when_the_ai_clears_every_image_or_officers_are_pooled():
    ai_all = load_scenario(DEFAULT, {
        OFFICERS: EARLY,
        "ports.land_border.scan.image_review.ai_share": 1.0,
        "ports.land_border.scan.image_review.ai_clear": 1.0,
    })
    assert scans_unread(ai_all) == []
    pooled = load_scenario(DEFAULT, {
        OFFICERS: EARLY, "ports.land_border.scan.image_review.pool": "centre",
    })
    assert scans_unread(pooled) == []


def test_hours_off_on_some_days_only_are_counted():
    """Officers off on Sundays only (a 168-hour roster): the note counts the week's hours."""
    week = EARLY[:7] + [2] * 15 + [0, 0]
    officers = week * 6 + [0] * 24
    scenario = load_scenario(DEFAULT, {OFFICERS: officers})
    [note] = scans_unread(scenario)
    assert "scan in 15 hour(s) of the week when no image officer" in note
