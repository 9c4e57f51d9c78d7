"""Made-up runs of the workshop page's history (:class:`sim.faces.history.History`), for the
tests of its CSV download and its side-by-side of two runs, without a browser."""

from __future__ import annotations

import random

from sim.faces.choices import Plan
from sim.faces.history import History
from sim.faces.kept import Kept
from sim.faces.runs import SHOWN, Snapshot, table

METRICS = ("clearance_h_mean_import", "released_within_24h_import", "value_slipped")
SHOWN_HERE = tuple((m, t) for m, t in SHOWN if m in METRICS)


def made_up(seed: int, shift: float) -> dict[str, list[dict[str, float]]]:
    """Three replications a side of made-up figures (the option ``shift`` off the baseline)."""
    rng = random.Random(seed)
    base = [{"clearance_h_mean_import": rng.uniform(4, 6), "released_within_24h_import":
             rng.uniform(0.9, 1.0), "value_slipped": rng.uniform(0, 1e6)} for _ in range(3)]
    option = [{m: v * (1 + shift * rng.uniform(0.5, 1.5)) for m, v in rep.items()}
              for rep in base]
    return {"baseline": base, "option": option}


def two_runs(lang: str = "en", seeds: tuple[int, int] = (1, 1),
             levers: tuple[dict[str, float], dict[str, float]] = ({}, {}),
             options: tuple[tuple[str, ...], tuple[str, ...]] = (("o0",), ("o1",)),
             kept: Kept | None = None) -> History:
    """A history of two made-up runs of the ``workshop`` scenario (3 replications, 1 day;
    written to ``kept`` too, when given)."""
    history = History(lang, kept)
    for number, (seed, shift) in enumerate(zip(seeds, (-0.1, -0.2), strict=True)):
        full = made_up(number, shift)
        snap = Snapshot("done", full=full, window=(14.0, 1.0))
        history.add(Plan("workshop", options[number], levers[number], reps=3, days=1,
                         seed=seed),
                    {"baseline": "workshop", "option": f"option {number}"},
                    table(full, SHOWN_HERE), "USD", snap)
    return history
