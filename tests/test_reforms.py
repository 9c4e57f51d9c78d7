"""The reform library: every reform changes exactly the fields it declares; strengths, errors
and composition; and each mechanism shown on a small scenario (joint inspection, single
window, surges)."""

from __future__ import annotations

import functools
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import sim
from sim.experiment.options import OptionError, resolve_options
from sim.reforms import REFORMS, Reform, ReformError
from sim.reforms.compose import apply, parse
from sim.reforms.reform import MissingSection
from sim.scenario.loader import ScenarioError, default_scenario_path
from sim.scenario.patch import patch, scenario_data
from tests.short_runs import short_run

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: statutory goods, a quarantine table and both kinds of examination often together
STATUTORY = {
    "commodities.general.statutory": 0.3,
    "selection.quarantine": {"*": {"*": 0.3}},
    "selection.physical": {"*": {"*": 0.3}},
    "days": 3,
    "warmup_days": 0,
}


@pytest.fixture(scope="module")
def default() -> sim.Scenario:
    return sim.load_scenario(default_scenario_path())


def _leaves(d: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(d, dict):
        out: dict[str, Any] = {}
        for k, v in d.items():
            out.update(_leaves(v, f"{prefix}.{k}" if prefix else str(k)))
        return out
    return {prefix: d}


def _declared(path: str, fields: dict[str, Any]) -> bool:
    return any(path == f or path.startswith(f + ".") for f in fields)


#: reforms whose part of a scenario the default lacks (NOT_ON_DEFAULT): a scenario that has it
ELSEWHERE = {
    "fewer_returns": Path(__file__).parents[1] / "docs" / "examples" / "returned" / "broker.toml",
    "clearance_integration": Path(__file__).parents[1] / "docs" / "examples" / "transit"
    / "inland.toml",
    "patrol_staff": Path(__file__).parents[1] / "sim" / "scenarios" / "beilun-border.toml",
    "green_lane": Path(__file__).parents[1] / "docs" / "examples" / "air-cargo" / "terminal.toml",
    "electronic_payment": Path(__file__).parents[1] / "sim" / "scenarios" / "china-2017.toml",
}


@pytest.mark.parametrize("name", list(REFORMS))
def test_every_reform_changes_exactly_the_fields_it_declares(default, name):
    reform = REFORMS[name]
    if reform.missing():
        pytest.skip(reform.missing())
    if "organisation" in reform.requires:  # the default has no organisation tree
        default = sim.load_scenario(default_scenario_path().parent / "guangdong.toml")
    if name in ELSEWHERE:  # the default lacks the part it acts on
        default = sim.load_scenario(ELSEWHERE[name])
    fields = reform.fields(default)
    assert fields, f"{name} declares no field"
    before = _leaves(scenario_data(default))
    after = _leaves(scenario_data(reform.apply(default)))
    changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    undeclared = sorted(k for k in changed if not _declared(k, fields))
    assert not undeclared, f"{name} changed fields it does not declare: {undeclared}"


#: reforms that change nothing on the default scenario, and why (every other reform must)
NOT_ON_DEFAULT = {
    "green_lane": "the default marks no perishable commodity: its commodities must be named",
    "joint_inspection": "the default's practice already (2019)",
    "merged_inspection": "the default's practice already (2019)",
    "cancel_clearance_form": "the default's practice already (2019)",
    "integrated_declaration": "the default's practice already (2019)",
    "state_pays_no_find": "the default's practice already",
    "dumbbell": "needs an organisation, which the default lacks",
    "merge_affiliated": "needs an organisation, which the default lacks",
    "fewer_returns": "returns no declaration ([declaration.returns] absent)",
    "clearance_integration": "has no transit goods (no [ports.<port>.transit])",
    "patrol_staff": "has no smuggling routes outside the ports (no [smuggling])",
    "electronic_payment": "no import waits for its duty payment (after_release.duty_payment "
    "is 0 h)",
}


@pytest.mark.parametrize("name", sorted(REFORMS))
def test_each_reform_does_something_on_the_default(default, name):
    """Every reform of the library, a new one included, unless listed (with its reason) in
    :data:`NOT_ON_DEFAULT`; those listed must indeed change nothing there."""
    before = _leaves(scenario_data(default))
    try:
        after = _leaves(scenario_data(REFORMS[name].apply(default)))
    except MissingSection:
        after = before
    assert (before != after) is (name not in NOT_ON_DEFAULT), NOT_ON_DEFAULT.get(name, name)


def test_smart_image_review_never_makes_a_ports_ai_more_cautious(default):
    """The post hub's AI already clears 90 % of images: the reform keeps that, and raises a
    port that clears less."""
    review = {n: p.scan.image_review for n, p in default.ports.items() if p.scan is not None}
    assert review["post_hub"].ai_clear == 0.9 and review["sea_port"].ai_clear == 0.5
    for clear in (0.5, 0.7):
        after = REFORMS["smart_image_review"](clear=clear).apply(default)
        for name, before in review.items():
            got = after.ports[name].scan.image_review
            assert got.ai_clear == max(before.ai_clear, clear), name
            assert got.ai_share == max(before.ai_share, 1.0), name


def test_the_inverse_of_joint_inspection_is_the_practice_before_2018(default):
    old = REFORMS["separate_inspection"].apply(default)
    assert old.declaration.mode == "separate" and old.inspection.mode == "separate"
    assert old.ports["sea_port"].quarantine.clearance_form.mean == pytest.approx(8.0)
    back = REFORMS["joint_inspection"].apply(old)
    assert back.declaration.mode == "single" and back.inspection.mode == "joint"
    assert back.ports["sea_port"].quarantine.clearance_form.mean == 0


def test_strength_is_uptake_and_is_overridable(default):
    half = REFORMS["advance_declaration"](uptake=0.5).apply(default)
    full = apply(default, "advance_declaration:uptake=1")
    share = default.ports["sea_port"].declaration.advance_share.import_
    assert half.ports["sea_port"].declaration.advance_share.import_ == pytest.approx(
        share + 0.5 * (1 - share)
    )
    assert full.ports["sea_port"].declaration.advance_share.import_ == 1.0
    none = REFORMS["exam_without_trader"](uptake=0.0).apply(default)
    assert none.ports["sea_port"].exam.trader_attendance.share == 1.0


def test_bad_strengths_name_the_reform_the_parameter_and_the_value():
    with pytest.raises(ReformError, match=r"single_window: uptake = 2: out of range"):
        REFORMS["single_window"](uptake=2)
    for bad in ("nan", "inf"):  # NaN passes every comparison with the range
        with pytest.raises(ReformError, match=rf"uptake = {bad}: must be a finite number"):
            REFORMS["single_window"](uptake=float(bad))
    with pytest.raises(ReformError, match=r"single_window: unknown parameter 'speed'"):
        parse("single_window:speed=3")
    with pytest.raises(ReformError, match=r"unknown reform 'nope'"):
        parse("nope+single_window")
    with pytest.raises(ReformError) as exc:
        parse("singel_window")
    assert str(exc.value) == (
        "unknown reform 'singel_window' (did you mean 'single_window'?); "
        "see `bordersim reforms` for the list"
    )
    with pytest.raises(OptionError, match=r"is not a reform \(did you mean 'single_window'"):
        resolve_options(["singel_window"])


def test_a_reform_parameter_given_twice_is_an_error_not_the_last_one_winning():
    """``ecommerce_surge:extra=1,extra=2`` used to run with extra = 2, silently."""
    for text in ("ecommerce_surge:extra=1,extra=2", "ecommerce_surge:extra=1, extra = 2@3d"):
        with pytest.raises(ReformError) as exc:
            parse(text)
        assert str(exc.value) == f"reform {text!r}: extra is set twice; give it one value"


def test_a_bad_field_value_names_the_reform_the_field_and_the_value(default):
    bad = Reform(
        "too_much_ai",
        "for the test",
        lambda d, s: {"ports.sea_port.scan.image_review.ai_share": 1.5},
    )
    with pytest.raises(ScenarioError) as err:
        bad.apply(default)
    text = str(err.value)
    assert "reform too_much_ai" in text
    assert "ports.sea_port.scan.image_review.ai_share = 1.5" in text
    with pytest.raises(ScenarioError, match=r"reform x: days.more = 1: days is a value"):
        patch(default, {"days.more": 1}, "reform x")


def test_composing_two_reforms_that_write_one_field_is_an_error_unless_ordered(default):
    with pytest.raises(ReformError) as err:
        apply(default, "separate_inspection+single_window")
    text = str(err.value)
    assert "separate_inspection" in text and "single_window" in text
    assert "declaration.second_submission" in text
    ordered = apply(default, "separate_inspection>single_window")
    assert ordered.declaration.mode == "separate"
    assert ordered.declaration.second_submission.mean == 0  # the later one wins
    both = apply(default, "training+single_window")  # disjoint fields: both apply
    assert both.declaration.second_submission.mean == 0
    assert both.enforcement.detection.officer == pytest.approx(0.85)


def test_every_reform_of_the_library_is_available(default):
    assert not [r.name for r in REFORMS.values() if r.needs]


def test_an_unavailable_reform_says_what_it_needs(default):
    from sim.reforms.reform import Reform

    lacking = Reform(
        "lacking",
        "a reform the model cannot build yet",
        lambda d, s: {},
        needs="a step nobody wrote",
    )
    with pytest.raises(ReformError, match="reform lacking needs a step nobody wrote"):
        lacking.apply(default)


# -- mechanisms on a small scenario ----------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _run(text: str, extra: float = 0.0) -> Any:
    over = {**STATUTORY, "ports.sea.exports.arrivals.extra": extra} if extra else STATUTORY
    base = sim.load_scenario(SMALL, over)
    scenario = apply(base, text) if text else base
    return sim.simulate(scenario, 3, log=True).log


def _log(text: str, extra: float = 0.0) -> Any:
    return _run(text, extra).copy()


def _both(df: Any) -> Any:
    done = df[(df.outcome == "released") & df.sel_physical & df.sel_quarantine]
    return done[done.premises == 0] if "premises" in done else done


def test_joint_inspection_one_move_and_one_queue_visit_instead_of_two():
    """Same selections (inspection.mode only): statutory goods selected by both agencies are
    examined twice, one after the other, before; once, by both together, after."""
    before = _both(_log("separate_inspection"))
    after = _both(_log("separate_inspection>merged_inspection"))
    assert len(before) > 30 and len(after) > 30
    # before: two examinations, the second starting after the first has ended (box moved back)
    assert (before.exam_start >= before.quarantine_end).all()
    # after: one examination, both agencies at the same start
    assert (after.exam_start == after.quarantine_start).all()
    assert (after.exam_end == after.quarantine_end).all()


def test_joint_inspection_one_selection_instead_of_a_union():
    """One declaration: the physical and quarantine draws share a uniform, so within each
    (commodity, trader class) group the selected sets nest; two declarations select
    independently and some group has goods selected by each agency alone."""

    def nested(df: Any) -> bool:
        stat = df[df.statutory]
        for _, g in stat.groupby(["commodity", "trader_class", "direction"]):
            only_p = (g.sel_physical & ~g.sel_quarantine).any()
            only_q = (g.sel_quarantine & ~g.sel_physical).any()
            if only_p and only_q:
                return False
        return True

    assert not nested(_log("separate_inspection"))
    assert nested(_log("separate_inspection>integrated_declaration"))


def test_single_window_one_submission():
    two = _log("separate_inspection")
    one = _log("separate_inspection>single_window")
    stat_two, stat_one = two[two.statutory], one[one.statutory]
    assert (stat_two.lodged_quarantine - stat_two.lodged > 0).mean() > 0.9
    assert ((stat_one.lodged_quarantine - stat_one.lodged) == 0).all()


def test_a_surge_adds_consignments_and_keeps_the_others_identity():
    from sim.model.streams import SURGE_INDEX

    base = _log("")
    more = _log("", extra=0.5)
    old = more[more["index"] < SURGE_INDEX]
    added = more[more["index"] >= SURGE_INDEX]
    assert len(added) > 0.3 * (base.direction == "export").sum()
    assert (added.direction == "export").all()
    cols = ["index", "arrived", "commodity", "trader_class", "value", "illicit", "sel_scan"]
    a = base[cols].sort_values("index").reset_index(drop=True)
    b = old[cols].sort_values("index").reset_index(drop=True)
    assert a.equals(b)


def test_ecommerce_surge_writes_only_the_post_hubs(default):
    fields = REFORMS["ecommerce_surge"].fields(default)
    assert set(fields) == {"ports.post_hub.arrivals.extra", "ports.post_hub.exports.arrivals.extra"}
    assert np.isclose(
        REFORMS["ecommerce_surge"](extra=2).fields(default)["ports.post_hub.arrivals.extra"], 2
    )


def test_remote_image_review_one_pooled_reviewer_queue_for_several_ports():
    over = {"days": 1, "warmup_days": 0, "drain_days": 3}
    base = sim.load_scenario(default_scenario_path(), over)
    remote = REFORMS["remote_image_review"].apply(base)
    a, b = sim.simulate(base, 2).resources, sim.simulate(remote, 2).resources
    own = a[a.lane == "image_officers"]
    pooled = b[b.lane == "image_officers"]
    assert len(own) == 4 and list(pooled.port) == ["review_centre"]  # one queue, not four
    assert pooled.served.sum() == own.served.sum()  # the same images, read in one place
    # the centre's headcount is the ports' added up
    assert pooled.capacity_mean.iloc[0] == pytest.approx(own.capacity_mean.sum())


def test_bordersim_reforms_lists_and_shows(capsys):
    from sim.cli import main

    assert main(["reforms"]) == 0
    out = capsys.readouterr().out
    assert all(name in out for name in REFORMS)
    assert "not available" not in out  # every reform of the library can be applied
    assert "big_data_targeting" in out and "dumbbell" in out
    assert main(["reforms", "advance_declaration:uptake=1"]) == 0
    out = capsys.readouterr().out
    assert "ports.sea_port.declaration.advance_share" in out and "source:" in out
    assert main(["reforms", "separate_inspection+single_window"]) == 2
    assert "both change declaration.second_submission" in capsys.readouterr().err


def test_bordersim_reforms_says_when_a_reform_is_already_in_effect(capsys):
    """The default scenario is post-2018 practice: joint inspection changes none of its
    fields (each is marked, and the whole said), while the practice before 2018 does."""
    from sim.cli import main

    assert main(["reforms", "joint_inspection"]) == 0
    out = capsys.readouterr().out
    changes = [line for line in out.splitlines() if " -> " in line]
    assert changes and all(line.endswith("(already so: no change)") for line in changes)
    assert "already in effect" in out
    assert main(["reforms", "separate_inspection"]) == 0
    out = capsys.readouterr().out
    changes = [line for line in out.splitlines() if " -> " in line]
    assert changes and not any("already so" in line for line in changes)
    assert "already in effect" not in out


def test_compare_options_from_reforms(monkeypatch):
    from sim.experiment.options import OptionError, reform_option, resolve_options
    from sim.reforms.reform import Reform

    opts = resolve_options(
        [
            reform_option("training"),
            reform_option("single_window:uptake=0.5"),
            reform_option("training+single_window:uptake=0.5"),
            "advance_declaration",
        ]
    )
    by = {o.name: o for o in opts}
    assert list(by) == [
        "baseline",
        "training",
        "single_window.uptake-0.5",
        "training+single_window.uptake-0.5",
        "advance_declaration",
    ]
    combo = by["training+single_window.uptake-0.5"]
    assert combo.parts == ("training", "single_window.uptake-0.5")  # the interaction is reported
    assert combo.reform == "training+single_window:uptake=0.5"
    assert by["advance_declaration"].reform == "advance_declaration"  # a bare name is a reform
    lacking = Reform("lacking", "not buildable yet", lambda d, s: {}, needs="a step")
    monkeypatch.setitem(REFORMS, "lacking", lacking)
    with pytest.raises(OptionError, match="needs"):
        reform_option("lacking")
    with pytest.raises(OptionError, match="not a reform"):
        resolve_options(["nothing_here"])


# -- strengths that are tables: merge_affiliated from the command line -------------------------
GUANGDONG = default_scenario_path().parent / "guangdong.toml"


def test_strengths_may_be_toml_arrays_and_tables_with_commas_inside():
    plan = parse(
        'merge_affiliated:groups={south=["shenzhen","huangpu"], east=["shantou"]},'
        "cost_per_year=5+training"
    )
    merge, training = plan.reforms
    assert merge.values["groups"] == {"south": ["shenzhen", "huangpu"], "east": ["shantou"]}
    assert merge.values["cost_per_year"] == 5.0 and training.name == "training"
    again = parse(merge.label).reforms[0]  # a label reads back (the timeline stores labels)
    assert again.values == merge.values
    with pytest.raises(ReformError, match=r"groups = \[1\]: a table of new name"):
        parse("merge_affiliated:groups=[1]")


def test_merge_affiliated_by_default_merges_guangdong_into_four():
    s = sim.load_scenario(GUANGDONG)
    four = sim.load_scenario(GUANGDONG.parent / "guangdong-four.toml")
    merged = REFORMS["merge_affiliated"].apply(s)
    assert merged.organisation.generate.merge == four.organisation.generate.merge


def test_merge_affiliated_from_the_command_line(capsys):
    from sim.cli import main

    text = 'merge_affiliated:groups={south=["shenzhen","huangpu"]}'
    assert main(["reforms", text, str(GUANGDONG)]) == 0
    out = capsys.readouterr().out
    assert 'organisation.generate.merge.south: null -> ["shenzhen", "huangpu"]' in out
    assert main(["reforms", text.replace("shenzhen", "shenzen"), str(GUANGDONG)]) == 2
    err = capsys.readouterr().err
    assert "reform merge_affiliated: merge 'south': 'shenzen' is not a directly-affiliated" in err
    assert "allowed: guangzhou, huangpu, shenzhen" in err


def test_a_reform_option_with_a_table_strength_has_a_safe_name():
    from sim.experiment.options import reform_option

    o = reform_option('merge_affiliated:groups={south=["shenzhen","huangpu"]}')
    assert o.name == "merge_affiliated.groups-south-shenzhen.huangpu"
    assert o.reform.startswith("merge_affiliated:groups={")


def test_bordersim_reforms_shows_field_changes_in_stated_units_and_short_numbers(capsys):
    """Fewer certificates shorten the sea port's mean lodging delay (hours) by a share:
    printed as 16.8605, not 16.86046511627907, under a header that says times are in hours."""
    from sim.cli import main

    assert main(["reforms", "reduce_certificates"]) == 0
    out = capsys.readouterr().out
    assert "times in hours, rates per hour" in out
    line = next(x for x in out.splitlines() if "ports.sea_port.declaration.lodging_delay" in x)
    assert '"mean": 16.8605,' in line, line


def test_bordersim_reforms_shows_a_plain_number_as_a_number(capsys):
    """A field the user writes as a number is shown as one on both sides of a change, not as
    the deterministic distribution it is validated into."""
    from sim.cli import main

    assert main(["reforms", "single_window"]) == 0
    lines = capsys.readouterr().out.splitlines()
    line = next(x for x in lines if "second_submission" in x and " -> " in x)
    assert line.strip() == "declaration.second_submission: 0.0 -> 0.0  (already so: no change)"


def test_a_combination_of_bare_reform_names_is_those_reforms_together():
    """`--option single_window --option advance_declaration --option A+B`: the combination
    applies both reforms (before, it read its parts before they became reforms and ran as
    the baseline, so its interaction was made up)."""
    from sim.experiment.options import reform_option, resolve_options

    opts = {o.name: o for o in resolve_options(
        ["single_window", "advance_declaration", "single_window+advance_declaration"]
    )}
    combo = opts["single_window+advance_declaration"]
    assert combo.parts == ("single_window", "advance_declaration")
    assert combo.reform == reform_option("single_window+advance_declaration").reform
    assert opts["single_window"].reform == "single_window"


def test_a_reform_with_nothing_to_act_on_says_so(tmp_path, capsys):
    """ecommerce_surge acts on post hubs; the Beilun scenario has none. The note must not
    claim the reform is already in effect there."""
    from sim.cli import main

    beilun = str(default_scenario_path().parent / "beilun-border.toml")
    assert main(["reforms", "ecommerce_surge", beilun]) == 0
    assert "has none of the parts this reform acts on" in capsys.readouterr().out
    # (the notes read the scenario's settings: run without its 42-day warm-up, 1 drain day,
    # 1 observed day, 1 replication)
    argv = ["compare", short_run(tmp_path, beilun), "--reforms", "ecommerce_surge",
            "single_window", "--reps", "1", "--days", "1", "--no-report",
            "--out", str(tmp_path / "c")]  # fmt: skip
    assert main(argv) == 0
    err = capsys.readouterr().err  # (notes on stderr: standard output keeps the table)
    assert "note (ecommerce_surge):" in err and "has none of the parts it acts on" in err
    assert "note (single_window)" not in err


def test_an_organisation_reform_is_described_without_a_scenario(capsys):
    """`bordersim reforms dumbbell` with no scenario: the bundled default has no
    organisation, so the reform is described and a note says where its changes can be seen
    (it used to end in an error after the description)."""
    from sim.cli import main

    assert main(["reforms", "dumbbell"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("dumbbell: ")
    assert "note:" in err and "guangdong.toml" in err and "error" not in err


def test_a_reforms_running_cost_adds_to_the_agencys_cost_exactly():
    """cost_per_year is written into costs.systems under the reform's name and counted in
    the agency's cost per year as given (the rest of the run unchanged); without a [costs]
    section it is refused, naming the reform."""
    import sim
    from sim.reforms.reform import MissingSection

    small = sim.load_scenario(SMALL, {"days": 2, "costs.price_year": 2019})
    paid = REFORMS["smart_image_review"](cost_per_year=2_000_000).apply(small)
    assert paid.costs is not None and paid.costs.systems == {"smart_image_review": 2e6}
    free = REFORMS["smart_image_review"].apply(small)
    a, b = sim.simulate(free, 1).metrics(), sim.simulate(paid, 1).metrics()
    assert b["agency_cost_per_year"] - a["agency_cost_per_year"] == pytest.approx(2e6)
    assert b["clearance_h_mean"] == a["clearance_h_mean"]
    bare = sim.load_scenario(SMALL)  # (no [costs])
    assert bare.costs is None
    with pytest.raises(MissingSection, match="cost_per_year = 1e"):
        REFORMS["single_window"](cost_per_year=1e6).apply(bare)
    REFORMS["single_window"].apply(bare)  # (not costed: fine without [costs])


@pytest.mark.parametrize("value", [1e6, 1234567.0, 9.5e11, 0.1, 2.0, 0.123456789, 2.5e-7])
def test_a_reforms_label_parses_back_to_its_strengths(value):
    """A strength written as 1e+06 would split at '+' (which joins reforms), and one cut to
    six digits would come back another number: the label keeps every digit, without '+'."""
    from sim.reforms.compose import parse

    reform = REFORMS["smart_image_review"](cost_per_year=value)
    again = parse(reform.label).reforms[0]
    assert "+" not in reform.label
    assert again.strengths["cost_per_year"] == value


def test_a_strength_written_with_an_exponent_sign_is_one_number():
    """'2e+06' is how Python and spreadsheets print two million: its '+' is the exponent's
    sign, not the join of two reforms ('2e' and '06' would be refused)."""
    from sim.reforms.compose import parse

    plan = parse("smart_image_review:cost_per_year=2e+06+single_window")
    first, second = plan.reforms
    assert first.strengths["cost_per_year"] == 2e6 and second.name == "single_window"
    assert parse("training+single_window").reforms[1].name == "single_window"
    from sim.experiment.options import reform_option

    option = reform_option("smart_image_review:cost_per_year=2e+06@9d")  # (a name with no
    assert "+" not in option.name  # '+': a '+' in an option's name combines options)


SCENARIOS = Path(__file__).parent.parent / "sim" / "scenarios"


def test_bordersim_reforms_on_a_scenario_says_what_each_reform_does_there(capsys, monkeypatch):
    """For picking reforms that act on a scenario: each reform's line says whether it acts,
    acts in part, is already in effect, or is not available there; lines fit the terminal."""
    from sim.cli import main

    monkeypatch.setenv("COLUMNS", "80")
    assert main(["reforms", "--on", str(SCENARIOS / "default.toml")]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    said = {line.split()[0]: line for line in lines if line[:1].strip()}
    assert said["single_window"].split(None, 1)[1] == "acts"
    assert "already in effect" in said["joint_inspection"]
    assert "acts in part: no wait for duty payment" in said["two_step_declaration"]
    assert "not available" in said["dumbbell"] and "[organisation]" in out
    assert set(REFORMS) <= set(said)
    assert main(["reforms", "--on", str(SCENARIOS / "guangdong.toml")]) == 0
    guangdong = capsys.readouterr().out
    assert "dumbbell" in guangdong and "dumbbell                 acts" in guangdong
    assert main(["reforms", "--on", "guangdong"]) == 0  # (a bundled scenario by its name)
    assert capsys.readouterr().out == guangdong
    assert main(["reforms", "training", "--on", "x.toml"]) == 2
    assert "bordersim reforms training x.toml" in capsys.readouterr().err


def test_a_reform_of_the_risk_engine_on_a_scenario_without_one_says_how_to_give_it_one(capsys):
    """big_data_targeting on Guangdong (no [risk] section) was refused without a way on; the
    reform list said it switches the engine on "where the selection tables decide", which
    read as if it would here. The error gives the setting that adds the engine, and that
    setting works."""
    from sim.cli import main

    assert main(["reforms", "big_data_targeting", "guangdong"]) == 2
    err = capsys.readouterr().err
    assert "does not have; give it one, e.g. --set risk.target=0.05" in err, err
    scenario = sim.load_scenario(SCENARIOS / "guangdong.toml", {"risk.target": 0.05})
    assert REFORMS["big_data_targeting"].fields(scenario)  # (then it acts)
    assert "[risk] section is off" in REFORMS["big_data_targeting"].mechanism


@functools.lru_cache(maxsize=4)
def _aeo_log(reform: str) -> pd.DataFrame:
    """The log (by port and index) of 3 days of the bundled default with ``reform`` applied
    ("": none), kept: the baseline serves three tests. No warm-up, and 1 drain day (not 14):
    classes and illicit goods are drawn on arrival, which the drain does not change."""
    base = sim.load_scenario(SCENARIOS / "default.toml",
                             {"days": 3, "warmup_days": 0, "drain_days": 1})
    scenario = parse(reform).apply(base) if reform else base
    return sim.simulate(scenario, 1, log=True).log.set_index(["port", "index"]).sort_index()


@pytest.mark.parametrize("into", ["aeo_advanced", "aeo_general"])
def test_certifying_traders_moves_general_traders_only_and_the_share_it_says(into: str):
    """aeo_mutual_recognition moved every general AEO to advanced AEO and a share of general
    traders to general AEO, as a change of cumulative shares does: the per-class figures
    compared other traders. Now only general traders move, to the class ``into`` names
    (advanced AEO by default; general AEO, a programme's first certification level), and as
    many as the shift says (within a binomial 99.9 % band), their goods as illicit as before."""
    given = "" if into == "aeo_advanced" else f",into={into}"
    a, b = _aeo_log(""), _aeo_log(f"aeo_mutual_recognition:shift=0.3{given}")
    both = a.index.intersection(b.index)
    before, after = (x.loc[both, "trader_class"].astype(str) for x in (a, b))
    moves = (before + " -> " + after)[before != after].value_counts()
    assert list(moves.index) == [f"general -> {into}"]
    assert (a.loc[both, "illicit"].astype(str) == b.loc[both, "illicit"].astype(str)).all()
    general = int((before == "general").sum())
    share = moves.iloc[0] / general
    assert abs(share - 0.3) < 3.3 * math.sqrt(0.3 * 0.7 / general), (share, general)


def test_recertified_keeps_every_trader_whose_class_does_not_shrink():
    """Two classes shrink and two grow: the new mix is reached, growing classes keep all
    their traders, and a shrinking one keeps the share after / before of them."""
    from sim.model.draws.goods import recertified
    from sim.scenario.schema import TRADER_CLASSES

    before = {"aeo_advanced": 0.1, "aeo_general": 0.3, "general": 0.4, "discredited": 0.2}
    after = {"aeo_advanced": 0.3, "aeo_general": 0.2, "general": 0.45, "discredited": 0.05}
    u = np.random.default_rng(7).random(400_000)
    cum = np.cumsum([before[k] for k in TRADER_CLASSES])
    cls = np.minimum(np.searchsorted(cum, u, side="right"), 3)
    moved = recertified(before, after, cls, u)
    shares = np.bincount(moved, minlength=4) / len(u)
    assert shares == pytest.approx([after[k] for k in TRADER_CLASSES], abs=0.004)
    for k, name in enumerate(TRADER_CLASSES):
        kept = (moved[cls == k] == k).mean()
        assert kept == pytest.approx(min(after[name] / before[name], 1.0), abs=0.005), name
    assert set(moved[moved != cls].tolist()) == {0, 2}  # (only to the classes that grow)


def test_certifying_traders_changes_their_class_not_which_goods_are_illicit():
    """aeo_mutual_recognition relabelled general traders as advanced AEOs and gave their
    goods the AEOs' prevalence, so illicit declarations vanished and 'less value slipped
    through' was credited to the reform. Their hidden truth is now drawn by the class mix
    before it: every consignment is as illicit as in the baseline, the declared classes
    change."""
    a, b = _aeo_log(""), _aeo_log("aeo_mutual_recognition")
    both = a.index.intersection(b.index)
    assert len(both) > 0.99 * len(a)
    assert (a.loc[both, "illicit"].astype(str) == b.loc[both, "illicit"].astype(str)).all()
    moved = a.loc[both, "trader_class"].astype(str) != b.loc[both, "trader_class"].astype(str)
    assert moved.sum() > 50  # (the reform acts: classes change)
    assert (b.loc[both][moved]["trader_class"].astype(str) == "aeo_advanced").any()
