"""The yard's figures are of the declarations' boxes alone: empties and transhipment, which
the model does not have, are named as left out wherever those figures are explained (the
glossary, its Chinese meanings and the terminal's page)."""

from __future__ import annotations

from pathlib import Path

from sim.experiment.metric_glossary import ENTRIES
from sim.experiment.metric_glossary_yard import NOT_IN_YARD
from sim.report.zh_meanings import MEANINGS

PAGE = Path(__file__).parents[1] / "docs" / "vessel-schedule.md"
YARD = ("yard_", "exam_yard_boxes_", "exam_moves_per_box_")


def test_every_yard_figure_says_it_leaves_out_empties_and_transhipment():
    stems = {e.stem: e.meaning for e in ENTRIES if e.stem.startswith(YARD)}
    assert len(stems) >= 8  # dwell, p90, boxes, two reefers, the exam yard's two, moves a box
    assert "empty containers and transhipment" in NOT_IN_YARD
    assert [s for s, meaning in stems.items() if NOT_IN_YARD not in meaning] == []
    chinese = {stem: zh for (stem, _), zh in MEANINGS.items() if stem in stems}
    assert set(chinese) == set(stems)
    assert [s for s, zh in chinese.items() if "空箱和中转箱" not in zh] == []
    page = PAGE.read_text(encoding="utf-8")
    assert "What these figures leave out: empties and transhipment." in page
