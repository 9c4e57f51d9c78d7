"""A headline line on the agencies' cost says "it changes nothing for goods or seizures" only
when a note on a part of the option's scenario that acts on nothing names its figure, not
when the notes merely say some ports' staff are unpriced (the Dongxing patrol comparison
read 「增加 338,866 USD …（在此情景中它不改变货物和查获：见注释）」). Made-up differences."""

from __future__ import annotations

import html
import re
from types import SimpleNamespace

import pandas as pd

from sim.experiment.options import Option
from sim.report.headline import headline

UNPRICED = ("costs.staff has no 'scanners' entry, so the staff of ports.dongxing.scan.scanners "
            "cost nothing: every agency cost figure (agency_cost_per_year, "
            "agency_cost_per_consignment, ...) leaves them out; add costs.staff.scanners = "
            "{ role = ..., heads = ... } to price them")


def _cost_line(unused: str) -> str:
    diffs = pd.DataFrame([("o", "agency_cost_per_year", 338866.0, 338866.0, 338866.0, True)],
                         columns=["option", "metric", "mean", "shown_low", "shown_high",
                                  "significant"])  # fmt: skip
    res = SimpleNamespace(names=["baseline", "o"], options=[Option("baseline"), Option("o")],
                          differences=diffs, summary=pd.DataFrame(),
                          meta={"currency": "USD", "days": 14.0,
                                "unused_parts": {"baseline": UNPRICED, "o": unused}},
                          unstable=lambda name: False)  # fmt: skip
    page = "".join(headline(res))  # type: ignore[arg-type]
    items = [html.unescape(i) for i in re.findall(r"<li>(.*?)</li>", page)]
    (line,) = [i for i in items if i.startswith("agencies' cost per year (")]
    return line


def test_unpriced_staff_notes_put_no_caveat_on_the_cost_line():
    assert "changes nothing" not in _cost_line(UNPRICED + "; " + UNPRICED)


def test_a_note_on_a_part_acting_on_nothing_still_does():
    idle = "its systems act on nothing there (agency_cost_per_year counts them)"
    assert _cost_line(UNPRICED + "; " + idle).endswith(
        " (it changes nothing for goods or seizures in this scenario: see the notes)")
