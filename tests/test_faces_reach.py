"""Which reforms the workshop page offers (those that change the scenario at some strength it
lets the facilitator type, :mod:`sim.faces.reach`), what the option says when its defaults
change nothing there, and the note on an option that is the baseline again
(:mod:`sim.faces.same`), in English and Chinese."""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from sim.cli_lang import line
from sim.faces import choices, reach, runs, same
from sim.faces.choices import Plan, option_catalogue, variants
from sim.faces.counted import counted as progress_count
from sim.faces.words import IDLE_AT_DEFAULT, option_label, say
from sim.scenario.loader import BUNDLED, load_scenario
from sim.warning_codes import record

TRANSIT = Path(__file__).resolve().parents[1] / "docs" / "examples" / "transit"


@pytest.fixture(scope="module")
def workshop():
    """The workshop's scenario: the default with every scanning port's images read by AI
    first, which already clears the 0.5 smart_image_review clears by default (the
    facilitator's question: AI auto-clear at 50 % and at 90 %)."""
    ports = ("sea_port", "land_border", "airport")
    return load_scenario(BUNDLED / "default.toml",
                         {f"ports.{p}.scan.image_review.ai_share": 1.0 for p in ports})


def test_a_reform_idle_at_its_defaults_is_offered_where_another_strength_acts(workshop):
    smart = option_catalogue()["smart_image_review"]
    assert choices.with_reform(workshop, "smart_image_review") == workshop  # (its default: idle)
    assert choices.with_reform(workshop, "smart_image_review:clear=0.9") != workshop
    assert reach.reach(smart, workshop) == reach.AT_OTHER
    assert "smart_image_review" in choices.applying(workshop)
    assert choices.idle_at_default(workshop)["smart_image_review"] == reach.AT_OTHER
    default = load_scenario(BUNDLED / "default.toml")  # (acts there at its defaults)
    assert reach.reach(smart, default) == reach.AT_DEFAULT
    assert "smart_image_review" not in choices.idle_at_default(default)


def test_a_reform_no_strength_makes_act_is_not_offered(workshop):
    catalogue = option_catalogue()
    for name in ("fewer_returns", "clearance_integration"):  # (no returns, no transit there)
        assert reach.reach(catalogue[name], workshop) == reach.NOWHERE
        assert name not in choices.applying(workshop)
        assert all(choices.with_reform(workshop, _at(name, v)) == workshop
                   for v in reach.trials(catalogue[name]))


def _at(name: str, values) -> str:
    said = ",".join(f"{k}={v}" for k, v in values.items())
    return f"{name}:{said}" if said else name


def test_a_reform_the_scenario_refuses_at_its_defaults_is_offered_and_said_so():
    beilun = load_scenario(BUNDLED / "beilun-border.toml")  # (refused outbreak: no crash)
    with pytest.raises(Exception, match="add up to"):
        choices.with_reform(beilun, "outbreak")
    assert choices.idle_at_default(beilun)["outbreak"] == reach.REFUSED_AT_DEFAULT


def test_the_option_says_a_strength_must_be_set_while_none_is_typed(workshop):
    smart = option_catalogue()["smart_image_review"]
    idle = choices.idle_at_default(workshop)["smart_image_review"]
    english, chinese = option_label(smart, "en", idle=idle), option_label(smart, "zh", idle=idle)
    assert english.endswith("; " + IDLE_AT_DEFAULT["other"])
    assert chinese.endswith("。按默认强度，它在此情景中不改变任何内容（情景原有的取值已不低于它，"
                            "或情景中没有它作用的部分）：请设定强度后再运行")
    assert "changes nothing" not in option_label(smart, "en", {"clear": 0.9}, idle)
    assert "changes nothing" not in option_label(smart, "en")


def _inland(share: str | None):
    typed = {"clearance_integration": {"share": share}} if share is not None else {}
    return variants(Plan("inland", ("clearance_integration",), strengths=typed), folder=TRANSIT)


def test_an_option_that_is_the_baseline_is_said_so_in_both_languages():
    pair = _inland("0")
    notes = [n for n in runs.run_notes(pair) if "changes nothing" in n]
    assert notes == [f"it changes nothing in scenario 'inland-transit': {same.AT_GIVEN}; its "
                     "figures are the baseline's: its replications are the baseline's, "
                     "reused, not run again"]
    assert record("note: " + notes[0])["code"] == "option_unchanged"
    assert line("note: " + notes[0], "zh") == (
        "提示：该方案在情景 'inland-transit' 中不改变任何内容：按所设定的强度，情景原有的取值已"
        "不低于它，或情景中没有它作用的部分；其各项数据就是基准方案的数据，并非测得的“无效果”"
        "；其各次重复运行沿用基准方案的结果，未再次运行")
    assert not same.unchanged(_inland(None))  # (at its default it acts there)


def test_the_page_runs_no_replication_of_an_option_that_is_the_baseline(monkeypatch):
    """As its note says (and as compare does), the page takes the baseline's replications
    for an option whose scenario is the baseline's: only the baseline's side is run."""
    ran: list[str] = []

    def counted(scenario, seed, replication):
        ran.append(scenario.name)
        return {metric: float(replication) for metric, _ in runs.SHOWN}, []

    monkeypatch.setattr(runs, "measure", counted)
    plan = Plan("inland", ("clearance_integration",), reps=2,
                strengths={"clearance_integration": {"share": "0"}})
    with ThreadPoolExecutor(1) as pool:
        run = runs.Run(plan, pool, folder=TRANSIT)
        run.start()
        run.join(30)
    snap = run.snapshot()
    # (counted as compare counts them: the two run; the option's two reused, named apart)
    assert snap.phase == "done" and (snap.done, snap.total, snap.reused) == (2, 2, 2)
    assert progress_count(snap).startswith("2 of 2 replications run, 2 reused, ")
    zh = progress_count(snap, "zh")
    assert zh.startswith("已完成 2/2 次重复运行，另有 2 次沿用基准方案的结果"), zh
    assert len(ran) == 1 + 2  # the quick look's and the full run's baseline, no option
    assert snap.full["option"] == snap.full["baseline"]
    assert any(n.endswith(same.REUSED) for n in snap.notes)


def test_an_option_whose_figures_are_the_baselines_is_said_so():
    pair = _inland(None)
    reps = [{"a": 1.0, "b": math.nan}, {"a": 2.0, "b": 3.0}]
    note = same.identical(pair, {"option": reps, "baseline": [dict(r) for r in reps]})
    assert len(note) == 1 and record("note: " + note[0])["code"] == "option_identical"
    assert "完全相同" in line("note: " + note[0], "zh")
    # what shows a rare effect is said with the page's own controls, by their names there,
    # in either language: the page has no command line to pass --reps or --days to
    for lang in ("en", "zh"):
        said = line("note: " + note[0], lang)
        controls = [say(lang, "Replications"), say(lang, "Observed days")]
        quoted = [f"“{c}”" for c in controls] if lang == "zh" else controls
        assert all(c in said for c in quoted) and "--" not in said, said
    other = [reps[0], {"a": 2.0, "b": 3.5}]
    assert not same.identical(pair, {"option": other, "baseline": reps})
    assert not same.identical(_inland("0"), {"option": reps, "baseline": reps})  # (said above)



@pytest.mark.parametrize("name", ["workshop", "teaching-mmc"])
def test_no_library_reform_acts_only_inside_its_strengths_range(name, workshop):
    """What :func:`sim.faces.reach.reach` assumes in trying only the ends of a strength's
    range and its default: a strength that acts halfway along its range acts at one of those
    alone (the others at their defaults). Fails, naming it, for a reform of the library that
    acts only at inner values on one of these scenarios (the workshop's, where
    smart_image_review is idle at its defaults; a small one lacking many parts): reach would
    then not offer it where its defaults are idle."""
    from sim.faces.strengths import offered
    from sim.scenario.patch import scenario_data

    scenario = workshop if name == "workshop" else load_scenario(BUNDLED / f"{name}.toml")
    data = scenario_data(scenario)
    for option in option_catalogue().values():
        for key, param in offered(option).items():
            if param.low is None or param.high is None:
                continue
            half = reach._value(param.kind, round((param.low + param.high) / 2, 6))
            if reach._changes(option, scenario, data, {key: half}) != reach._ACTS:
                continue
            ends = [{key: reach._value(param.kind, v)} for v in (param.low, param.high)]
            assert any(reach._changes(option, scenario, data, t) == reach._ACTS
                       for t in ({}, *ends)), (option.name, key, half)
