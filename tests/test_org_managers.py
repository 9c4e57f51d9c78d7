"""Managers' posts the organisation's structure implies, and their cost a year
(:mod:`sim.model.org.managers`): a count the structure gives, priced at count x rate."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.model.org.managers import manager_metrics, posts_by_level, posts_by_unit
from sim.scenario.loader import ScenarioError, load_scenario
from sim.scenario.org_tree import units_of
from sim.scenario.organisation import OrganisationSpec

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"


def _unit(level: str, parent: str, staff: dict[str, tuple[int, float]]) -> dict:
    return {"level": level, "parent": parent,
            "staff": {r: {"count": n, "cost_per_year": c} for r, (n, c) in staff.items()}}


def _org(span: dict[str, int] | None = None) -> OrganisationSpec:
    """GAC (2 management heads at 200,000) over two customs, one with 11 tariff officers and
    three subordinate customs, the other with 2 risk officers and 1 management head at
    100,000; each subordinate customs over a field point."""
    units = {
        "gac": _unit("national", "", {"management": (2, 200_000.0)}),
        "big": _unit("regional", "gac", {"tariff": (11, 50_000.0)}),
        "small": _unit("regional", "gac", {"risk": (2, 50_000.0),
                                           "management": (1, 100_000.0)}),
    }
    for i in range(3):
        units[f"sub{i}"] = _unit("local", "big", {})
        units[f"f{i}"] = _unit("field", f"sub{i}", {})
    return OrganisationSpec(units=units, span_of_control=span or {})


def test_every_unit_is_headed_by_one_manager_without_a_span():
    org = _org()
    assert posts_by_level(org.units, org.span_of_control) == {
        "national": 1, "regional": 2, "local": 3, "field": 3}


def test_a_span_of_control_adds_the_posts_the_reports_need():
    # big: 3 subordinate customs + 11 officers = 14 reports, at 4 a manager: 4 posts;
    # small: 2 officers (its management head is no report): 1; gac: 2 customs: 1
    org = _org({"regional": 4})
    assert posts_by_unit(org.units, org.span_of_control) == {
        "gac": 1, "big": 4, "small": 1, "sub0": 1, "sub1": 1, "sub2": 1,
        "f0": 1, "f1": 1, "f2": 1}


def test_the_cost_is_posts_times_the_levels_management_cost():
    org = _org({"regional": 4})
    m = manager_metrics(org.units, org.span_of_control, 0.5)
    # regional: 5 posts at its mean management cost, 100,000 (small's); national 1 at
    # 200,000; local and field, with no management head, at the tree's mean, 150,000
    assert m["org_manager_posts"] == 12
    assert m["org_manager_cost_per_year_regional"] == 5 * 100_000 * 0.5
    assert m["org_manager_cost_per_year_national"] == 1 * 200_000 * 0.5
    assert m["org_manager_cost_per_year_field"] == 3 * 150_000 * 0.5
    assert m["org_manager_cost_per_year"] == (5 * 100_000 + 200_000 + 6 * 150_000) * 0.5


def test_without_costs_the_posts_are_counted_and_not_priced():
    org = _org()
    m = manager_metrics(org.units, org.span_of_control, None)
    assert m["org_manager_posts"] == 9
    assert not any(k.startswith("org_manager_cost") for k in m)


@pytest.mark.parametrize(("span", "words"), [
    ({"province": 4}, r"organisation\.span_of_control.*unknown level 'province'; allowed: "
                      "national, regional, local, field"),
    ({"local": 0}, r"organisation\.span_of_control\.local"),
])
def test_a_bad_span_is_refused_naming_its_source_and_field(span: dict, words: str):
    path = SCENARIOS / "guangdong.toml"
    with pytest.raises(ScenarioError, match=words) as err:
        load_scenario(path, {f"organisation.span_of_control.{k}": v for k, v in span.items()})
    assert str(err.value).startswith("overrides: ")  # (where the bad value came from)


def test_the_dumbbell_has_fewer_managers_posts_than_the_spindle_on_guangdong():
    posts = {}
    for name in ("guangdong-spindle", "guangdong-dumbbell"):
        s = load_scenario(SCENARIOS / f"{name}.toml")
        units = units_of(s.organisation)
        posts[name] = manager_metrics(units, s.organisation.span_of_control,
                                      s.costs.rate("CNY"))
    spindle, dumbbell = posts["guangdong-spindle"], posts["guangdong-dumbbell"]
    # the dumbbell removes the ten subordinate customs and adds the national centres
    assert dumbbell["org_manager_posts_local"] == 0 < spindle["org_manager_posts_local"]
    assert dumbbell["org_manager_posts"] < spindle["org_manager_posts"]
    assert dumbbell["org_manager_cost_per_year"] < spindle["org_manager_cost_per_year"]
