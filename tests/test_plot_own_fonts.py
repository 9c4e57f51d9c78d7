"""A report's plots say nothing on stderr about fonts, even where matplotlib's font list
(its cache file, which a matplotlib installed elsewhere may have written) lacks the fonts
matplotlib ships: the powers of ten on a log axis are drawn with mathematics, whose fonts
(STIX, Computer Modern, DejaVu Sans Display) are among them."""

from __future__ import annotations

import logging
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib import font_manager
from matplotlib.mathtext import MathTextParser


def _forget_caches() -> None:
    font_manager.fontManager._findfont_cached.cache_clear()
    MathTextParser._parse_cached.cache_clear()


@pytest.fixture
def font_list_without_own_fonts(monkeypatch):
    """Matplotlib's font list as a cache written by another matplotlib leaves it: without
    the font files shipped with this one."""
    own = str(Path(matplotlib.get_data_path()).resolve())
    kept = [f for f in font_manager.fontManager.ttflist
            if not str(Path(f.fname).resolve()).startswith(own)]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", kept)
    _forget_caches()
    yield
    monkeypatch.undo()
    _forget_caches()


@pytest.mark.drawn
@pytest.mark.usefixtures("font_list_without_own_fonts")
def test_a_reports_log_axis_says_nothing_about_missing_fonts(capfd, caplog):
    """The report's tail plot (its share axis is logarithmic), drawn as the report draws it."""
    from sim.report.flow_plots import clearance_tail
    from sim.report.plots import png_base64

    caplog.set_level(logging.WARNING, logger="matplotlib")
    capfd.readouterr()
    hours = {"baseline": np.linspace(0.5, 40.0, 200), "reform": np.linspace(0.2, 30.0, 200)}
    assert png_base64(clearance_tail(hours, {name: pd.DataFrame() for name in hours}))
    said = capfd.readouterr().err + "\n".join(r.getMessage() for r in caplog.records)
    assert "findfont" not in said
