"""Every word in a report's plots is large enough to read in a printed briefing or on a
projected page: no text below ``MIN_TEXT_PT`` (8 pt, 11 pixels at the plots' 100 dpi). The
labels naming each option's bar, a rate's value and the milestone stretches were 6 to 7 pt."""

from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from sim.cli import main
from sim.report.folder_report import render_folder
from sim.report.plots import MIN_TEXT_PT

SMALL = Path(__file__).resolve().parents[1] / "tests" / "scenarios" / "small.toml"


@pytest.fixture(scope="module")
def compare_folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("compare") / "c"
    argv = ["compare", str(SMALL), "--option", "review4:ports.sea.review.capacity=4",
            "--reps", "2", "--days", "1", "--set", "warmup_days=1", "--set", "drain_days=2",
            "--out", str(out)]
    assert main(argv) == 0
    return out


@pytest.mark.drawn
def test_no_text_in_a_reports_plots_is_below_the_smallest_readable_size(
    compare_folder, monkeypatch
):
    drawn: list[tuple[str, str, float]] = []
    save = Figure.savefig

    def noting(fig: Figure, *args, **kwargs):
        title = next((t.get_text() for ax in fig.axes if (t := ax.title).get_text()), "?")
        drawn.extend((title, t.get_text(), t.get_fontsize()) for t in fig.findobj(Text)
                     if t.get_visible() and t.get_text().strip())  # fmt: skip
        return save(fig, *args, **kwargs)

    monkeypatch.setattr(Figure, "savefig", noting)
    render_folder(compare_folder)
    titles = {title for title, _, _ in drawn}
    assert any("hidden truth" in t for t in titles), titles  # (the option-named bars)
    assert " review4" in {text for _, text, _ in drawn}  # (an option's bar, named)
    small = [(title, text, size) for title, text, size in drawn if size < MIN_TEXT_PT]
    assert not small, small[:10]
