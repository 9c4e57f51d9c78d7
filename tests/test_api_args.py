"""The Python entry points name a wrong argument as the command line would: ``reps``
(like ``seed``), the shape of ``options`` and of a sweep's values, the source of
``load_scenario``'s overrides, and ``patch``'s nested changes."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim
from sim.experiment.runner import replicate

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
SHORT = {"days": 1, "warmup_days": 1, "drain_days": 1}
CAPACITY = "ports.sea.review.capacity"


@pytest.fixture(scope="module")
def small() -> sim.Scenario:
    return sim.load_scenario(SMALL, SHORT)


@pytest.mark.parametrize(
    "reps, error, said",
    [
        (1.5, TypeError, "got 1.5 (float)"),
        ("2", TypeError, "got '2' (str)"),
        (True, TypeError, "got True (bool)"),
        (0, ValueError, "got 0"),
    ],
)
def test_reps_is_checked_like_seed(small, reps, error, said):
    for run in (
        lambda: replicate(small, reps=reps, seed=1),
        lambda: sim.compare(small, [f"x:{CAPACITY}=4"], reps=reps, log=False),
        lambda: sim.sweep(small, {CAPACITY: [2, 3]}, reps=reps),
    ):
        with pytest.raises(error, match=r"^reps must be a whole number >= 1 \(an int\); ") as exc:
            run()
        assert said in str(exc.value)


def test_options_as_one_string_say_a_list_is_expected(small):
    with pytest.raises(TypeError, match=r"^options must be a list of Option or 'NAME:KEY=VALUE' "
                       r"strings; got str 'x:ports.sea.review.capacity=4'"):
        sim.compare(small, f"x:{CAPACITY}=4", reps=1, log=False)
    with pytest.raises(TypeError, match=r"^each option must be an Option or .*; got int 4"):
        sim.compare(small, [4], reps=1, log=False)


@pytest.mark.parametrize("values, got", [(3, "got int 3"), ("2,3", "got str '2,3'")])
def test_a_sweep_value_that_is_not_a_list_says_a_list_is_expected(small, values, got):
    with pytest.raises(TypeError, match=r"^parameter 'ports.sea.review.capacity': each "
                       r"parameter needs a list of values") as exc:
        sim.sweep(small, {CAPACITY: values}, reps=1)
    assert got in str(exc.value)


def test_a_change_without_its_colon_gets_an_example_that_works():
    from sim.experiment.options import OptionError, parse_option

    text = "sea_scanner ports.sea_port.scan.scanners.capacity=4"
    with pytest.raises(OptionError) as exc:
        parse_option(text, "option")
    example = str(exc.value).split("e.g. ")[1]
    assert example == "sea_scanner:ports.sea_port.scan.scanners.capacity=4"
    assert parse_option(example).name == "sea_scanner"


def test_load_scenario_blames_the_overrides_not_a_command_line(capsys):
    with pytest.raises(sim.ScenarioError, match=r"^overrides: days = 0: out of range"):
        sim.load_scenario(SMALL, {"days": 0})
    from sim.cli import main

    assert main(["check", str(SMALL), "--set", "days=0"]) == 2  # (the command line's own)
    assert capsys.readouterr().err.startswith("error: command line: days = 0: out of range")


def test_patch_with_a_nested_dict_says_changes_are_dotted_paths(small):
    nested = {"ports": {"sea": {"review": {"capacity": 4}}}}
    with pytest.raises(sim.ScenarioError) as exc:
        sim.patch(small, nested)
    first = str(exc.value).splitlines()[0]
    assert first.startswith("changes: ports = {'sea': {'review': {'capacity': 4}}}: a dict "
                            "replaces the whole table ports")
    assert first.endswith("changes are dotted paths: {'ports.sea.review.capacity': 4}")
    assert sim.patch(small, {CAPACITY: 4}).ports["sea"].review.capacity == 4


@pytest.mark.parametrize("given_as", ["option", "--option"])
def test_a_reform_strength_given_as_a_change_says_how_to_give_the_reform(given_as):
    import re

    from sim.experiment.options import OptionError, parse_option, reform_option, resolve_options

    text = "single_window:uptake=0.8"
    with pytest.raises(OptionError, match="uptake is a strength of the reform single_window"):
        parse_option(text, given_as)
    with pytest.raises(OptionError) as exc:
        resolve_options([text]) if given_as == "option" else parse_option(text, given_as)
    said = str(exc.value)
    if given_as == "option":  # (the Option it names is one a comparison takes)
        reform = re.search(r"reform='([^']+)'", said)
        assert reform is not None
        (_, option) = resolve_options([sim.Option("sw", reform=reform.group(1))])
        assert option.reform == text
    else:
        reforms = re.search(r"--reforms '([^']+)'", said)
        assert reforms is not None
        assert reform_option(reforms.group(1)).reform == text
    # a field of the scenario under a reform's name is still an option's change
    assert parse_option("single_window:days=2", given_as).overrides == {"days": 2}


def test_an_option_given_a_reform_is_described_as_one_named_after_it():
    """``Option(NAME, reform=...)`` is described as ``--reforms`` describes the same reform
    (with its strengths), so tables and reports say what it is; its own description wins;
    changes made before the reform are said too, also of a combination."""
    from sim.experiment.options import reform_option, resolve_options

    text = "single_window:uptake=0.8"
    given = [sim.Option("sw80", reform=text), sim.Option("mine", reform=text, description="x"),
             sim.Option("more", {"days": 3}, reform="single_window"),
             sim.Option("longer", {"days": 3}), "longer+single_window"]
    by_name = {o.name: o for o in resolve_options(given)}
    assert by_name["sw80"].description == reform_option(text).description == f"reform {text}"
    assert by_name["mine"].description == "x"
    assert by_name["more"].description == "reform single_window, after days=3"
    assert by_name["longer"].description == ""  # (no reform: its label lists the changes)
    assert by_name["longer+single_window"].label() == "reform single_window, after days=3"
    assert by_name["single_window"].description == "reform single_window"


def test_a_baseline_given_a_reform_is_refused_not_run_without_it():
    """The baseline is the scenario unchanged: a reform given to it would be dropped (it is
    rebuilt from its name), so it is refused, as a change given to it is."""
    import sim
    from sim.experiment.options import OptionError, resolve_options

    with pytest.raises(OptionError, match=r"it takes no reform \('single_window'\)"):
        resolve_options([sim.Option("baseline", reform="single_window"), "x:days=3"])
    (base, _) = resolve_options([sim.Option("baseline"), "x:days=3"])
    assert not base.reform and not base.overrides
