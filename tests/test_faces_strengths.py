"""The workshop page serves one scenario file (``--scenarios FILE``) and takes a library
reform's strengths: typed, checked in the command line's words, and named in the labels.
The page's logic is tested here in Python, without a browser or a simulation
(tests/test_dashboard_e2e.py drives both in Chromium, in Chinese)."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from sim.cli import main
from sim.cli_zh_errors import problem
from sim.faces.choices import Plan, PlanError, bundled_scenarios, option_catalogue, variants
from sim.faces.strengths import input_label, offered
from sim.faces.words import option_label, reason, side_labels
from sim.reforms import REFORMS
from sim.reforms.compose import parse
from sim.reforms.reform import ReformError
from sim.scenario.loader import BUNDLED, load_scenario

AI = "smart_image_review"
TRANSIT = Path(__file__).resolve().parents[1] / "docs" / "examples" / "transit"


def _refused(typed: dict[str, str], options: tuple[str, ...] = (AI,)) -> str:
    with pytest.raises(PlanError) as refused:
        Plan("default", options, strengths={AI: typed}).check()
    return str(refused.value)


def _cli_words(text: str) -> str:
    """What ``--reforms TEXT`` is refused with, as the command line reads it."""
    with pytest.raises(ReformError) as refused:
        parse(text)
    return str(refused.value)


def test_a_typed_strength_runs_and_names_the_option():
    """AI auto-clear at 0.9 instead of the reform's 0.5: the option's scenario has it, the
    baseline keeps the scenario's, and each side's label says so (in Chinese too)."""
    plan = Plan("default", (AI,), strengths={AI: {"clear": "0.9"}})
    pair = variants(plan, quick=True)
    at_default = variants(Plan("default", (AI,)), quick=True)
    review = pair.option.ports["sea_port"].scan.image_review
    assert review.ai_clear == 0.9
    assert at_default.option.ports["sea_port"].scan.image_review.ai_clear == (
        REFORMS[AI].params["clear"].default)
    assert pair.baseline == at_default.baseline
    assert pair.option_label == f"{AI} at clear=0.9" and at_default.option_label == AI
    assert side_labels(plan, pair, "zh")["option"] == f"{AI}（强度 clear=0.9）"
    # (joined with another option: each is named with its own strengths)
    both = Plan("default", ("sea_scanner", AI), strengths={AI: {"clear": "0.9"}})
    joined = variants(both, quick=True)
    assert joined.option_label == f"sea_scanner + {AI} at clear=0.9"  # (not "0.9+...")
    assert variants(Plan("default", ("sea_scanner", AI)), quick=True).option_label == (
        f"sea_scanner+{AI}")  # (as compare names the combination)
    assert side_labels(both, joined, "zh")["option"] == f"sea_scanner+{AI}（强度 clear=0.9）"
    assert joined.option.ports["sea_port"].scan.image_review.ai_clear == 0.9
    assert joined.option.ports["sea_port"].scan.scanners.capacity == 4


def test_a_strength_that_makes_the_default_option_is_said_not_hidden():
    """AI auto-clear typed at 0 where the scenario already clears 0.5 (the reform never
    lowers it): the option is the one at the default, and a note says so (in Chinese too),
    while a strength that acts, or an option at its defaults, has none."""
    from sim.cli_lang import line

    low = variants(Plan("default", (AI,), strengths={AI: {"clear": "0"}}), quick=True)
    at_default = variants(Plan("default", (AI,)), quick=True)
    assert low.option == at_default.option and low.option_label == f"{AI} at clear=0"
    (said,) = low.notes
    assert said.startswith(f"{AI} at clear=0 is the same option as at clear=0.5 (its default)")
    assert line("note: " + said, "zh").startswith(
        f"提示：改革 {AI} 的强度 clear=0 在此情景中与强度 clear=0.5 得到的方案相同")
    # below what every port has (AI reads 0.3 to 1.0 of their images), far from the
    # default: the same option as at its lowest, the scenario's own shares
    (share,) = variants(Plan("default", (AI,), strengths={AI: {"share": "0.2"}}),
                        quick=True).notes
    assert share.startswith(f"{AI} at share=0.2 is the same option as at share=0 (its lowest)")
    assert variants(Plan("default", (AI,), strengths={AI: {"share": "0.4"}}),
                    quick=True).notes == ()  # (the land border's 0.3 rises)
    high = variants(Plan("default", (AI,), strengths={AI: {"clear": "0.9", "auc": "0.95"}}),
                    quick=True)
    assert high.notes == () and at_default.notes == ()
    # each strength is judged alone: the one that acts keeps the other's note from hiding
    mixed = variants(Plan("default", (AI,), strengths={AI: {"clear": "0.2", "auc": "0.95"}}),
                     quick=True)
    assert [n.split(" is ")[0] for n in mixed.notes] == [f"{AI} at clear=0.2"]


def test_the_pages_short_run_note_says_the_days_needed_in_chinese_too():
    """The page's own words for a run too short (no --days on a page) keep, in Chinese, the
    observed days it needs after the scenario's warm-up."""
    from sim.cli_lang import line
    from sim.faces.runs import run_notes
    from sim.model import stability

    pair = variants(Plan("inland"), folder=TRANSIT / "inland.toml")
    (short,) = [n for n in run_notes(pair) if "whole week(s)" in n]
    needed = stability.days_for_weeks(float(pair.baseline.warmup_days))
    assert f"{needed} observed days or more are needed" in short
    assert line("note: " + short, "zh").endswith(
        f"本情景预热 3 天之后，需观测 {needed} 天或更长，这些数据才能视为稳态")


@pytest.mark.parametrize("typed, written", [
    ({"clear": "1.5"}, "clear=1.5"),  # out of range
    ({"clear": "half"}, "clear=half"),  # not a number
    ({"auc": "0.2"}, "auc=0.2"),  # out of its own range (0.5 to 0.999)
    ({"nope": "1"}, "nope=1"),  # no such strength
])
def test_a_bad_strength_is_refused_in_the_command_lines_words(typed, written):
    said = _refused(typed)
    if "unknown parameter" in said:  # (the page lists the strengths it offers)
        assert said.startswith(f"reform {AI}: unknown parameter 'nope'; allowed: ")
        assert said.endswith(", ".join(offered(option_catalogue()[AI])))
    else:
        assert said == _cli_words(f"{AI}:{written}")
    assert reason("zh", said) == problem(said) and "改革" in reason("zh", said)


@pytest.mark.parametrize("typed", ["0.5,auc=0.6", "0.5+dumbbell", "0.5@60d"])
def test_typed_text_cannot_add_a_strength_a_reform_or_a_date(typed):
    assert "must be a number" in _refused({"clear": typed})


def test_strengths_only_for_an_option_switched_on_and_those_offered():
    assert "not switched on" in _refused({"clear": "0.9"}, options=())
    assert "unknown parameter 'cost_per_year'" in _refused({"cost_per_year": "5"})
    with pytest.raises(PlanError, match="option sea_scanner: takes no strengths") as none:
        Plan("default", ("sea_scanner",), strengths={"sea_scanner": {"share": "1"}}).check()
    assert reason("zh", str(none.value)) == "方案 sea_scanner：在网页上不设强度"
    assert "未勾选" in reason("zh", _refused({"clear": "0.9"}, options=()))


def test_each_strength_is_offered_with_its_range_and_meaning():
    catalogue = option_catalogue()
    params = REFORMS[AI].params
    assert list(offered(catalogue[AI])) == ["share", "clear", "auc"]
    assert offered(catalogue["sea_scanner"]) == {}
    label = input_label(AI, "auc", params["auc"])
    assert label == f"auc ({params['auc'].allowed()}): {params['auc'].doc}"
    assert input_label(AI, "auc", params["auc"], "zh").startswith("auc（可取 0.5 至 0.999）：")
    teams = REFORMS["cold_chain_mandate"].params["teams"]
    assert "1 至 500 的整数" in input_label("cold_chain_mandate", "teams", teams, "zh")
    # the tick box names the strengths typed, the others at their defaults
    said = option_label(catalogue[AI], "en", {"clear": 0.9})
    assert said.endswith(f"(reform {AI} at share=1, clear=0.9, auc=0.9)")
    assert "clear=0.9：" in option_label(catalogue[AI], "zh", {"clear": 0.9})


def test_the_page_shows_a_ticked_reforms_strengths_and_sends_those_typed():
    pytest.importorskip("panel")
    from sim.faces import dashboard

    with ThreadPoolExecutor(1) as pool:
        page = dashboard.Page(pool)
    inputs, box = page._strengths[AI], page._boxes[AI]
    assert "sea_scanner" not in page._strengths  # (no strengths of its own)
    assert not inputs.view.visible
    box.value = [AI]
    assert inputs.view.visible and inputs.inputs["clear"].value == "0.5"
    assert page.plan().strengths == {}  # (at their defaults: nothing sent)
    inputs.inputs["clear"].value = "1.5"
    assert inputs.refused.object.endswith(_cli_words(f"{AI}:clear=1.5") + "</p>")
    inputs.inputs["clear"].value = "0.9"
    assert inputs.refused.object == "" and box.value == [AI]
    assert next(iter(box.options)).endswith("share=1, clear=0.9, auc=0.9)")
    assert page.plan().strengths == {AI: {"clear": "0.9"}}
    inputs.inputs["clear"].value = "0"  # (below the 0.5 the scenario has: never lowered)
    assert 'class="bs-strength-note"' in inputs.refused.object, inputs.refused.object
    assert "as at clear=0.5 (its default)" in inputs.refused.object and box.value == [AI]
    inputs.inputs["clear"].value = "0.9"
    assert inputs.refused.object == ""
    box.value = []
    assert not inputs.view.visible and page.plan().strengths == {}


@pytest.fixture
def one_file(tmp_path: Path) -> Path:
    """The transit example's file in a folder that holds another scenario too."""
    shutil.copy(TRANSIT / "inland.toml", tmp_path / "inland.toml")
    shutil.copy(BUNDLED / "default.toml", tmp_path / "default.toml")
    return tmp_path / "inland.toml"


def test_a_scenario_file_is_served_alone(one_file, monkeypatch):
    """``--scenarios FILE``: the page offers that file alone, not its folder's others."""
    pytest.importorskip("panel")
    from sim.faces import dashboard

    served: list[Path] = []
    monkeypatch.setattr(dashboard, "serve", lambda *args: served.append(args[3]))
    assert main(["dashboard", "--scenarios", str(one_file)]) == 0
    assert served == [one_file.resolve()]
    assert bundled_scenarios(served[0]) == ["inland"]
    pair = variants(Plan("inland", reps=2), quick=True, folder=served[0])
    assert pair.baseline.name == load_scenario(one_file).name
    with pytest.raises(PlanError, match="unknown scenario 'default'; offered: inland$"):
        Plan("default").check(folder=served[0])


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("broken", ["missing", "broken"])
def test_a_missing_or_broken_file_is_refused_as_run_refuses_it(broken, lang, tmp_path, capsys,
                                                               monkeypatch):
    pytest.importorskip("panel")
    monkeypatch.setattr("sim.faces.dashboard.serve", lambda *args: None)  # (never served)
    path = tmp_path / "inland.toml"
    if broken == "broken":
        path.write_text('name = "inland"\ndays = "abc"\n')
    assert main(["run", str(path), "--lang", lang]) == 2
    said = capsys.readouterr().err
    assert main(["dashboard", "--scenarios", str(path), "--lang", lang]) == 2
    assert capsys.readouterr().err == said and said.startswith(("error: ", "错误："))


@pytest.mark.parametrize("lang, said", [
    ("en", "error: --scenarios {p}: no such folder or scenario file"),
    ("zh", "错误：--scenarios {p}：没有这个文件夹，也没有这个情景文件"),
])
def test_a_path_that_is_neither_is_refused(lang, said, tmp_path, capsys):
    path = tmp_path / "workshops"
    assert main(["dashboard", "--scenarios", str(path), "--lang", lang]) == 2
    assert capsys.readouterr().err.strip() == said.format(p=path)
