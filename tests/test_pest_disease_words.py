"""A frozen product's animal disease is modelled as the illicit type ``pest``: every place the
type and its ``pest_*`` figures are explained says so, in English and Chinese, so that a
reader does not take the ``frozen`` type (frozen goods without quarantine clearance) for it."""

from __future__ import annotations

from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_every_pest_figure_and_the_type_say_that_animal_disease_is_a_pest():
    from sim.cli_zh_options import digest
    from sim.experiment.metric_glossary import ENTRIES, PLACEHOLDERS
    from sim.report.zh_meanings import MEANINGS

    pests = [e for e in ENTRIES if e.stem.startswith("pest_")]
    assert len(pests) >= 7
    for e in pests:
        assert "animal disease" in e.meaning, e.stem
        assert "动物疫病" in MEANINGS[(e.stem, digest(e.meaning))], e.stem
    assert "animal disease" in PLACEHOLDERS["type"][0]
    assert "animal disease" in (DOCS / "metrics.md").read_text()  # (its placeholders' list)
    lab = (DOCS / "laboratory.md").read_text()
    assert "**Animal disease counts as a pest.**" in lab
    assert "a frozen product's animal disease too" in (DOCS / "log.md").read_text()
