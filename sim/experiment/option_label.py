"""An option's changes as its label says them (``ports.sea.review.capacity=3, days=7``): the
values as a reader writes them, whatever Python made them, so that a label built in a
notebook from NumPy's numbers (``np.int64(3)``, ``np.linspace``'s ``0.30000000000000004``)
reads as one given on the command line does and fits a plot's legend."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: the significant digits a float's label keeps (a float's noise in its last digits dropped)
DIGITS = 12


def changes_said(overrides: Mapping[str, Any]) -> str:
    """``KEY=VALUE, KEY=VALUE``: each value as :func:`said`."""
    return ", ".join(f"{key}={said(value)}" for key, value in overrides.items())


def said(value: Any) -> str:
    """``value`` as a label shows it: a number plainly (a NumPy scalar as the Python number
    it holds; a float to :data:`DIGITS` significant digits), text quoted, a table or list
    with its values said so too."""
    value = plain(value)
    if isinstance(value, float):
        shown = repr(value)
        return shown if len(shown.lstrip("-").replace(".", "")) <= DIGITS else f"{value:.{DIGITS}g}"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{said(k)}: {said(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(said(v) for v in value) + "]"
    return repr(value)


def plain(value: Any) -> Any:
    """A NumPy scalar as the Python number (or bool, or text) it holds; anything else as is."""
    item = getattr(value, "item", None)
    if callable(item) and type(value).__module__ == "numpy" and getattr(value, "ndim", 1) == 0:
        return item()
    return value
