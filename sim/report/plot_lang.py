"""The language the report's plots are drawn in. The Chinese page (``bordersim report --lang
zh``) is the English page translated text by text, but a plot is a picture: its words are
put in Chinese (:mod:`sim.report.zh_plots`) as it is drawn, with a font that has Chinese
glyphs (:mod:`sim.report.plot_font`). Where the machine has none, the plots keep their
English words (never empty boxes) and the page says so once, under its first plot."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial
from typing import Any

#: the font the plots being drawn put Chinese words in; None: they are drawn in English
_FONT: ContextVar[str | None] = ContextVar("plot_font", default=None)
#: within :func:`plots_in`, whether the Chinese page's plots fell back to English
_FELL_BACK: ContextVar[bool] = ContextVar("plots_fell_back", default=False)
#: ``font`` of :func:`plots_in` when the machine's is to be found
FIND = "find"
#: said under the first plot of a Chinese page whose plots are drawn in English
NOTE = ("<p class='note' data-plot-words='en'>说明：本机没有可显示中文的字体，图中文字以英文"
        "显示（安装 bordersim[zh] 或系统中文字体（如 fonts-noto-cjk）后重新生成本页，"
        "图中文字即为中文）。</p>")


@contextmanager
def plots_in(lang: str, font: str | None = FIND) -> Iterator[str | None]:
    """Within it, plots are drawn in ``lang``: for ``zh``, in Chinese with ``font`` (by default
    the machine's: :func:`sim.report.plot_font.chinese_font`; None: as on a machine with
    none). Gives the font taken, None where the plots stay English."""
    if lang == "en":
        chosen = None
    elif font == FIND:
        from sim.report.plot_font import chinese_font

        chosen = chinese_font()
    else:
        chosen = font
    token, fell = _FONT.set(chosen), _FELL_BACK.set(lang != "en" and chosen is None)
    try:
        yield chosen
    finally:
        _FELL_BACK.reset(fell)
        _FONT.reset(token)


def fell_back() -> bool:
    """Whether the Chinese plots being drawn are in English (no Chinese font)."""
    return _FELL_BACK.get()


def drawn_in_chinese() -> bool:
    """Whether the plots being drawn put their words in Chinese."""
    return _FONT.get() is not None


def noted(page: str) -> str:
    """``page`` with :data:`NOTE` after its first plot where the Chinese plots fell back to
    English (:func:`fell_back`); as it is otherwise."""
    if not fell_back():
        return page
    at = page.find("<img ")
    end = page.find(">", at) + 1 if at >= 0 else 0
    return page[:end] + NOTE + page[end:] if end else page


def _said(named: Any, x: float, pos: int | None = None) -> str:
    """A named tick's label, in Chinese where :func:`sim.report.zh_plots.plot_text` has it."""
    from sim.report.zh_plots import plot_text

    en = str(named(x, pos))
    return plot_text(en) or en


class _NoWeightNote(logging.Filter):
    """Drops matplotlib's note that a bold Chinese word is drawn in the font's one weight."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Failed to find font weight" not in record.getMessage()


_QUIET = _NoWeightNote()


@contextmanager
def dressed(fig: Any) -> Iterator[None]:
    """Within it, ``fig`` is drawn in the plots' language: each text with Chinese
    (:func:`sim.report.zh_plots.plot_text`) in it, in the Chinese font with matplotlib's
    as the fallback for the Latin; untouched where the plots are English."""
    font = _FONT.get()
    if font is None:
        yield
        return
    import matplotlib
    from matplotlib.category import StrCategoryFormatter
    from matplotlib.text import Text
    from matplotlib.ticker import FixedFormatter, FuncFormatter

    from sim.report.zh_plots import plot_text

    family = [*matplotlib.rcParams["font.family"], font]
    for text in fig.findobj(Text):
        text.set_text(plot_text(text.get_text()) or text.get_text())
        text.set_fontfamily(family)
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            named = axis.get_major_formatter()  # (ticks named by the plot are named
            # again as it is drawn: in Chinese from then on)
            if isinstance(named, FixedFormatter | FuncFormatter | StrCategoryFormatter):
                axis.set_major_formatter(FuncFormatter(partial(_said, named)))
    log = logging.getLogger("matplotlib.font_manager")
    quiet = _NoWeightNote()
    log.addFilter(quiet)
    try:
        yield
    finally:
        log.removeFilter(quiet)


def in_plot_font(texts: Iterable[Any]) -> None:
    """Give ``texts`` (a plot's texts already in Chinese as it is built: a route's or a group's
    ``label_zh``) the Chinese font now, not only as the plot is drawn (:func:`dressed`), so
    that laying the figure out measures them in it (and warns of no missing glyph); nothing
    where the plots are English."""
    font = _FONT.get()
    if font is None:
        return
    import matplotlib

    family = [*matplotlib.rcParams["font.family"], font]
    for text in texts:
        text.set_fontfamily(family)
    # (drawn later, outside dressed(): a bold word would note the font's one weight on stderr)
    logging.getLogger("matplotlib.font_manager").addFilter(_QUIET)
