"""A reform that finds none of the parts it acts on says which they are, where it declares
them (``Reform.acts_on``): the image-review reforms on a scenario without scanners (the
Guangdong ones) name the section to add and where one is, in English and in Chinese, so a
user who asked for AI image review there is not left with a bare "none of the parts"."""

from __future__ import annotations

import pytest

import sim
from sim.reforms.compose import parse
from sim.reforms.reform import NO_PARTS
from sim.report.zh_reasons import reason

GUANGDONG = sim.default_scenario_path().parent / "guangdong.toml"
MMC = sim.default_scenario_path().parent / "teaching-mmc.toml"


@pytest.mark.parametrize("name", ["smart_image_review", "remote_image_review"])
def test_an_image_review_reform_without_scanners_names_what_to_add(name):
    why = parse(name).no_effect(sim.load_scenario(GUANGDONG))
    assert why.startswith(NO_PARTS) and "[ports.<port>.scan]" in why, why
    zh = reason(why)
    assert zh is not None and "[ports.<port>.scan]" in zh and "机检" in zh, zh
    assert parse(name).no_effect(sim.load_scenario(sim.default_scenario_path())) == ""


def test_a_reform_that_declares_nothing_keeps_the_bare_reason():
    assert parse("direct_pickup").no_effect(sim.load_scenario(MMC)) == NO_PARTS


def test_the_librarys_listing_on_a_scenario_says_it_too(capsys):
    """``bordersim reforms --on guangdong``, where a user looks before a comparison."""
    from sim.cli import main

    assert main(["reforms", "--on", "guangdong"]) == 0
    out = capsys.readouterr().out
    lines = out.split("\nsmart_image_review", 1)[1].splitlines()
    listed = lines[0]  # its first line, and those that continue it
    for line in lines[1:]:
        if not line.startswith(" "):
            break  # (the next reform's entry)
        listed += " " + line.strip()
    assert "changes nothing: " + NO_PARTS in listed and "[ports.<port>.scan]" in listed, listed
