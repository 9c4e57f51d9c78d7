"""Numbers as tables show them, where plain decimals fail: a difference too small for three
decimals, with two significant digits (the page and the terminal alike; the CSVs keep the
exact values). Standard library only: the command line imports it."""

from __future__ import annotations

import html
import math
from collections.abc import Callable

_SUPERSCRIPT = str.maketrans(
    "-0123456789", "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
)


def tiny(v: float) -> str:
    """A number too small for 3 decimals with two significant digits: ``-0.000087`` down to
    10\u207b\u2075, below it ``-4.4\u00d710\u207b\u2078`` (not ``-0.000000044``)."""
    exponent = math.floor(math.log10(abs(v)))
    mantissa = round(v / 10.0**exponent, 1)
    if abs(mantissa) >= 10:  # (9.96e-8 rounds to 10)
        mantissa, exponent = mantissa / 10, exponent + 1
    if exponent >= -5:
        return f"{v:.{1 - exponent}f}"
    return f"{mantissa:.1f}\u00d710{str(exponent).translate(_SUPERSCRIPT)}"


def decimals_of(values: tuple[float, ...]) -> int | None:
    """The decimals an interval's bounds share when one of them is too small for three
    (:func:`tiny`, down to 10⁻⁵): enough for that one's two significant digits, so that its
    other bound is not shown to three decimals beside it (-0.001 to 0.00020 for -0.00064 to
    0.00020); None when no bound needs more than three."""
    small = [v for v in values if 1e-5 <= abs(v) < 0.0005]
    if not small:
        return None
    return max(1 - math.floor(math.log10(abs(v))) for v in small)


def interval_bounds(low: float, high: float, show: Callable[[float], str]) -> tuple[str, str]:
    """An interval's bounds as tables show them (``show``: one number's form), with the
    decimals of :func:`decimals_of` for a bound below 10 when one of them needs more."""
    digits = decimals_of((low, high))
    if digits is None:
        return show(low), show(high)
    return tuple(  # type: ignore[return-value]
        f"{v:.{digits}f}" if 1e-5 <= abs(v) < 10 else show(v) for v in (low, high)
    )


#: beside an interval's end that the tables cut to what is possible (a Student-t interval of
#: a time, count or cost may reach below 0, one of a share past 0 or 1: its uncut end is in
#: the CSVs); not ``*``, which is Holm's mark
CUT = "\u2021"

#: the footnote the mark refers to, said under the first table (or headline) that holds it:
#: once a page (:func:`cut_note_once`), once under a console table
CUT_NOTE = (
    f"{CUT} the Student-t interval reached past what is possible (below 0 for a time, count "
    "or cost; past 0 or 1 for a share, past -1 or 1 for a change of one) and is shown cut "
    "there; its uncut end is ci_low or ci_high in summary.csv (a level; a run's "
    "summary.json, a sweep's intervals.csv) or differences.csv (a change)"
)


def cut_note_once(page: str) -> str:
    """``page`` with the cut mark's note (:data:`CUT_NOTE`, a paragraph of its own) only where
    it first stands: the headline and a table, or two tables, that each carry the mark
    would otherwise each say it, and the reader meets the same paragraph twice."""
    note = f"<p class='note'>{html.escape(CUT_NOTE)}</p>"
    first = page.find(note)
    if first < 0:
        return page
    after = first + len(note)
    return page[:after] + page[after:].replace(note, "")


def cut_marks(raw: tuple[float, float], shown: tuple[float, float]) -> tuple[str, str]:
    """:data:`CUT` for each end of an interval shown cut (``shown`` differs from ``raw``),
    else ``""``: so a reader sees which end is the t-interval's and which is not."""
    return tuple(  # type: ignore[return-value]
        CUT if not (math.isnan(r) or math.isnan(s)) and r != s else ""
        for r, s in zip(raw, shown, strict=True)
    )
