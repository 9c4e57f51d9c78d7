"""Reform strengths that count things (scanners, teams, officers, bays, lanes): a whole
number is taken from every place a strength is written, anything else is refused by name,
never truncated."""

from __future__ import annotations

from typing import Any

import pytest

import sim
from sim.experiment.options import resolve_options
from sim.faces import choices
from sim.reforms import REFORMS, Param, Reform, ReformError
from sim.reforms.compose import apply, parse
from sim.scenario.loader import default_scenario_path


def _scanners(data: dict[str, Any], s: Any) -> dict[str, Any]:
    return {"ports.sea_port.scan.scanners.capacity": s["scanners"]}


#: a count strength as a reform of the library might have one (the library has none yet)
SEA_SCANNERS = Reform(
    "sea_scanners",
    "the sea port's scanners set to a number",
    _scanners,
    params={"scanners": Param(4, "scanners at the sea port", 1, 10, kind="whole")},
)


@pytest.fixture
def library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(REFORMS, SEA_SCANNERS.name, SEA_SCANNERS)


@pytest.fixture(scope="module")
def default() -> sim.Scenario:
    return sim.load_scenario(default_scenario_path())


def _capacity(s: sim.Scenario) -> Any:
    scan = s.ports["sea_port"].scan
    assert scan is not None
    return scan.scanners.capacity


@pytest.mark.parametrize(
    ("value", "why"),
    [(2.5, "not a whole"), (0.1, "not a whole"), (float("nan"), "must be a finite number"),
     (float("inf"), "must be a finite number")],
)
def test_a_count_that_is_not_a_whole_number_is_refused_by_name(value: float, why: str):
    with pytest.raises(ReformError) as exc:
        SEA_SCANNERS(scanners=value)
    assert str(exc.value).startswith(f"reform sea_scanners: scanners = {value!r}: {why}")
    assert "allowed a whole number from 1 to 10" in str(exc.value)


def test_a_count_out_of_its_range_or_not_a_number_is_refused_saying_what_is_allowed():
    with pytest.raises(ReformError) as exc:
        SEA_SCANNERS(scanners=11)
    assert str(exc.value) == (
        "reform sea_scanners: scanners = 11: out of range, allowed a whole number from 1 to 10"
    )
    with pytest.raises(ReformError, match="scanners = 'two': must be a whole number"):
        SEA_SCANNERS(scanners="two")
    with pytest.raises(ReformError, match="scanners = True: must be a whole number"):
        SEA_SCANNERS(scanners=True)


def test_a_whole_number_is_kept_as_one():
    assert SEA_SCANNERS(scanners=2).values["scanners"] == 2
    two = SEA_SCANNERS(scanners=2.0)  # (as a page or a JSON file may write it)
    assert two.values["scanners"] == 2 and isinstance(two.values["scanners"], int)
    assert two.label == "sea_scanners:scanners=2"
    assert isinstance(SEA_SCANNERS.strengths["scanners"], int)  # (the default too)


def test_a_count_written_on_the_command_line_or_in_a_timeline(library: None, default):
    reform = parse("sea_scanners:scanners=2").reforms[0]  # --reforms, a scenario's timeline
    assert reform.values == {"scanners": 2} and isinstance(reform.values["scanners"], int)
    assert parse(reform.label).reforms[0].values == reform.values  # (the timeline's labels)
    assert _capacity(apply(default, "sea_scanners:scanners=2")) == 2
    with pytest.raises(ReformError, match=r"scanners = 2\.5: not a whole number"):
        parse("sea_scanners:scanners=2.5")
    assert parse("sea_scanners:scanners=4.0@1d").dated == (("sea_scanners:scanners=4", "1d"),)
    named = resolve_options(["sea_scanners"])[1]  # --option NAME: the reform at its default
    assert named.reform == "sea_scanners"
    assert _capacity(apply(default, named.reform)) == 4


def test_the_workshop_page_offers_a_reform_with_a_count_at_its_default(library: None, default):
    option = choices.option_catalogue()["sea_scanners"]
    assert option.reform == "sea_scanners" and choices.applies(option, default)
    assert _capacity(default) == 3
    assert _capacity(choices.with_reform(default, option.reform)) == 4


def test_a_count_s_default_must_be_a_whole_number_and_its_kind_spelt_right():
    with pytest.raises(TypeError, match="default must be an int: 2.5"):
        Param(2.5, "teams", 1, 10, kind="whole")
    with pytest.raises(TypeError, match="kind is one of number, whole, names, groups: 'int'"):
        Param(2, "teams", 1, 10, kind="int")  # (not read as a number that may be 2.5)
