"""A comparison's headline from made-up differences: one option against the baseline, without
running anything (for tests of what the headline says)."""

from __future__ import annotations

import html
from types import SimpleNamespace
from typing import Any

import pandas as pd

from sim.experiment.options import Option
from sim.report.headline import headline


def one_option(
    rows: list[tuple[Any, ...]], released: float = 10000.0, meta: dict[str, Any] | None = None
) -> str:
    """The headline, unescaped, of an option ``o`` whose paired differences are ``rows``
    (metric, mean, low, high, and optionally whether Holm's correction confirms it), the
    baseline's ``released`` consignments out of the flow in 14 observed days, costs in USD;
    ``meta``: more of compare.json's meta."""
    columns = ["option", "metric", "mean", "shown_low", "shown_high", "significant"]
    diffs = pd.DataFrame([("o", *r) for r in rows], columns=columns[:1 + len(rows[0])])
    summary = pd.DataFrame([("baseline", "consignments_released", released)],
                           columns=["option", "metric", "mean"])  # fmt: skip
    res = SimpleNamespace(names=["baseline", "o"], options=[Option("baseline"), Option("o")],
                          differences=diffs, summary=summary,
                          meta={"currency": "USD", "days": 14.0, **(meta or {})},
                          unstable=lambda name: False)  # fmt: skip
    return html.unescape("".join(headline(res)))  # type: ignore[arg-type]
