"""A rejected lot's return or destruction takes no time and holds no yard space in the model
(its flow ends at the rejection): every glossary entry of a rejection's figures, its Chinese
meaning, and the pages that show the rejections and the model's limits say so."""

from __future__ import annotations

from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
#: the figures of rejected goods
REJECTION = ("consignments_rejected", "quarantine_rejected_lots_<commodity>",
             "quarantine_rejected_h_mean_<commodity>",
             "quarantine_rejection_cost_per_lot_<commodity>")  # fmt: skip


def test_every_rejection_figure_says_the_return_takes_no_time_nor_yard_space():
    from sim.cli_zh_options import digest
    from sim.experiment.metric_glossary import ENTRIES
    from sim.report.zh_meanings import MEANINGS

    entries = {e.stem: e for e in ENTRIES}
    for stem in REJECTION:
        meaning = entries[stem].meaning
        assert "takes no time and holds no yard space" in meaning, stem
        zh = MEANINGS[(stem, digest(meaning))]
        assert "不耗时" in zh and "不占用堆场" in zh, stem


def test_the_pages_of_the_rejections_and_the_limits_say_it():
    words = "takes no time and holds no yard space"
    lab = (DOCS / "laboratory.md").read_text()
    limits = lab.split("## What it cannot tell you yet")[1]
    assert "takes no time and holds no" in " ".join(limits.split())
    for page in ("results-folder.md", "how-results-are-computed.md", "metrics.md"):
        assert words in " ".join((DOCS / page).read_text().split()), page


def test_the_setting_that_prices_a_rejection_says_it_too():
    """Where a planner gives the return or destruction its price
    (``costs.checks.destruction``), the scenario reference says it is a price only."""
    from sim.scenario.costs import Checks

    words = "takes no time and holds no yard space"
    assert words in (Checks.model_fields["destruction"].description or "")
    reference = " ".join((DOCS / "scenario-reference.md").read_text().split())
    assert "a price only: the return or destruction " + words in reference
