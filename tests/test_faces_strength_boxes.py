"""The workshop page's strength boxes as a facilitator uses them: a decimal comma is refused
with the number to type instead. In Python, without a browser."""

from __future__ import annotations

import pytest

from sim.faces.choices import Plan, PlanError, option_catalogue
from sim.reforms.compose import parse
from sim.reforms.reform import ReformError

AI = "smart_image_review"


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
