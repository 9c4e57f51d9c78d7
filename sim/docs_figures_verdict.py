"""Whether a figure on a docs page is still what its command prints: the precision rule and
the drift-or-change verdict (:mod:`sim.docs_figures`).

A new figure is rounded to the page's printed precision (its decimals, and thousands
separators if the page uses them) and compared as printed text: 10.71 stays "same" for any
new mean from 10.705 to 10.715. A figure that moved is *drift* when the new mean lies inside
the old 95 % interval the page prints (the seeds' noise rearranged; rewrite the page), and a
*change* when it lies outside (the model now answers otherwise: read why before rewriting).
Where the page prints no interval, the old mean is set against the new run's interval.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.docs_figures_page import Key, Printed


def like(value: float, printed: str) -> str:
    """``value`` written as ``printed`` is: the same decimals, thousands separators if it
    has them, no sign on a zero."""
    decimals = len(printed.split(".")[1]) if "." in printed else 0
    text = f"{value:,.{decimals}f}" if "," in printed else f"{value:.{decimals}f}"
    return _plain(text)


def _plain(text: str) -> str:
    """A printed number without a plus sign or a negative zero's minus (a minus sign
    U+2212 read as a hyphen-minus)."""
    text = text.replace("\u2212", "-").lstrip("+")
    if text.startswith("-") and not any(c in "123456789" for c in text):
        text = text[1:]
    return text


def _number(text: str) -> float:
    return float(_plain(text).replace(",", ""))


@dataclass(frozen=True)
class Verdict:
    """One figure: as the page prints it, as the command prints it now at that precision,
    whether it moved and, if it did, whether inside the interval (drift) or not (change)."""

    key: Key
    old: Printed
    new: Printed
    moved: bool
    drift: bool

    def line(self) -> str:
        """The figure's line of the report."""
        old, new = _show(self.old), _show(self.new)
        if not self.moved:
            return f"{self.key}: same, {old}"
        word = "drift" if self.drift else "change"
        where = "inside" if self.drift else "outside"
        if self.old.low is not None:
            why = f"the new mean is {where} the old 95 % interval"
        else:
            why = f"the old figure is {where} the new run's 95 % interval"
        return f"{self.key}: moved, {old} -> {new}: {word} ({why})"


def _show(p: Printed) -> str:
    return p.mean if p.low is None else f"{p.mean} ({p.low} to {p.high})"


def judge(key: Key, old: Printed, mean: float, low: float, high: float) -> Verdict:
    """The verdict on one figure: its new mean and interval against the page's, each at the
    precision the page prints it."""
    new = Printed(
        like(mean, old.mean),
        like(low, old.low) if old.low is not None else None,
        like(high, old.high) if old.high is not None else None,
    )
    pairs = [(old.mean, new.mean), (old.low, new.low), (old.high, new.high)]
    moved = any(o is not None and _plain(o) != n for o, n in pairs)
    if old.low is not None and old.high is not None:
        drift = _number(old.low) <= mean <= _number(old.high)
    else:
        drift = low <= _number(old.mean) <= high
    return Verdict(key, old, new, moved, drift)
