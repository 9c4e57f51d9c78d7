"""The workshop page's strength boxes as a facilitator uses them: a box cleared goes back to
the strength's default, a decimal comma is refused with the number to type instead, and the
note on a strength that makes the default's option is judged on the baseline the sliders set
(what Run runs), at typing time as at Run. In Python, without a browser."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from sim.faces.choices import Plan, PlanError, option_catalogue, variants
from sim.faces.strengths import checked, strengthened
from sim.reforms.compose import parse
from sim.reforms.reform import ReformError

AI = "smart_image_review"


@pytest.fixture(scope="module")
def page():
    """The English page with smart_image_review ticked (its boxes made)."""
    pytest.importorskip("panel")
    from sim.faces import dashboard

    with ThreadPoolExecutor(1) as pool:
        made = dashboard.Page(pool)
    made._boxes[AI].value = [AI]
    return made


def _reset(page) -> None:
    for name, box in page._strengths[AI].inputs.items():
        box.value = page._strengths[AI].defaults[name]
    for name, slider in page.levers.items():
        slider.value = page._neutral[name]


def test_a_cleared_box_is_the_default_as_one_never_typed_in(page):
    from sim.faces.runs import measure
    from sim.model.same import same

    _reset(page)
    inputs, box = page._strengths[AI], page._boxes[AI]
    never, label = page.plan(), next(iter(box.options))
    untouched = variants(never, quick=True)
    for cleared in ("", "   "):
        inputs.inputs["clear"].value = "0.9"
        assert next(iter(box.options)) != label  # (relabelled: it acts)
        inputs.inputs["clear"].value = cleared
        assert inputs.refused.object == "" and next(iter(box.options)) == label
        assert page.plan() == never
        # what a browser may send all the same: a blank strength, checked as its default
        sent = variants(Plan("default", (AI,), strengths={AI: {"clear": cleared}}), quick=True)
        assert sent.option_label == untouched.option_label == AI
        assert sent.reform == untouched.reform == AI and sent.option == untouched.option
    assert same(measure(sent.option, 1, 0)[0], measure(untouched.option, 1, 0)[0])  # (NaN too)
    # a strength unset by default (its box starts empty) stays unset when cleared
    order = option_catalogue()["control_order"]
    assert checked(order, {"sample": " "}) == {} and strengthened(order, {"sample": ""}) is order


@pytest.mark.parametrize("typed, point", [("0,5", "0.5"), ("0，5", "0.5"), (" 1,25", "1.25")])
def test_a_decimal_comma_is_refused_with_the_number_to_type(typed, point):
    pytest.importorskip("panel")
    import panel as pn

    from sim.faces.strength_inputs import StrengthInputs
    from sim.faces.words import reason

    with pytest.raises(PlanError) as refused:
        Plan("default", (AI,), strengths={AI: {"clear": typed}}).check()
    said = str(refused.value)
    assert said == (f"reform {AI}: clear = {typed.strip()!r}: not a number; write the decimal "
                    f"point: {point} (allowed 0.0 to 1.0)")
    if "，" in typed:  # (the command line cannot split on it: it says the same)
        with pytest.raises(ReformError, match="write the decimal point"):
            parse(f"{AI}:clear={typed}")
    assert reason("zh", said).endswith(f"：不是数字；小数请用小数点：{point}（可取 0.0 至 1.0）")
    box = pn.widgets.CheckBoxGroup(options={AI: AI}, value=[AI])
    chinese = StrengthInputs(option_catalogue()[AI], box, "zh", [])
    chinese._make()
    chinese.inputs["clear"].value = typed
    assert f"小数请用小数点：{point}" in chinese.refused.object
    assert "must be" not in said and "0.5 (allowed" not in reason("zh", said)


@pytest.mark.parametrize("typed", ["1,000", "2,500", "12，000"])
def test_a_comma_that_may_separate_thousands_gets_no_decimal_hint(typed):
    """Three digits after a comma behind a whole part other than 0 may be a thousand, so no
    hint to read it as a decimal (1.000) is given: the plain refusal of a number stands."""
    with pytest.raises(PlanError) as refused:
        Plan("default", (AI,), strengths={AI: {"clear": typed}}).check()
    said = str(refused.value)
    assert "decimal point" not in said and "must be a number" in said


def test_the_note_beside_the_boxes_is_judged_on_the_baseline_the_sliders_set(page):
    """AI auto-clear typed at 0.7 acts on the default's 0.5; with the AI slider at 0.9 the
    reform (which never lowers it) makes the default's option: the note says so beside the
    boxes as under the results, and goes when the slider goes back (or down to 0.2)."""
    _reset(page)
    inputs = page._strengths[AI]
    inputs.inputs["clear"].value = "0.7"
    assert inputs.refused.object == "" and variants(page.plan(), quick=True).notes == ()
    page.levers["ai_clear"].value = 0.9
    (run_note,) = variants(page.plan(), quick=True).notes
    assert run_note.startswith(f"{AI} at clear=0.7 is the same option as at clear=0.5")
    assert "as at clear=0.5 (its default)" in inputs.refused.object
    page.levers["ai_clear"].value = page._neutral["ai_clear"]
    assert inputs.refused.object == ""
    inputs.inputs["clear"].value = "0.3"  # (below the scenario's 0.5, above the slider's 0.2)
    assert "as at clear=0.5 (its default)" in inputs.refused.object
    page.levers["ai_clear"].value = 0.2
    assert inputs.refused.object == "" and variants(page.plan(), quick=True).notes == ()
    _reset(page)
