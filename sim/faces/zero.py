"""The workshop page's word on a difference of exactly 0: a figure the option left the same
in every replication is no measured "no effect", and the page says so beside it, with why.

A scanner added where no consignment ever waited for one changes no consignment's hours: on
the default scenario, one observed day, the sea port's three scanners are busy about 18 % of
the time and none of its consignments waited in either side's replications, so every
clearance figure is the baseline's to the last digit while the cost figures (the scanner's
price) move. The figure's cell then says "no change in any replication" rather than
"0.000 [0.000, 0.000]", and a note above the table says which lanes the option widened with
no queue to shorten (a lane whose traffic is the same on both sides and whose utilisation
differs: its capacity changed), and whether the observed days are fewer than the run the
stability check asks for (:func:`sim.model.stability.days_for_weeks`), with the page's
Observed days to try. Whole options that change nothing are said by :mod:`sim.faces.same`.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sim.faces.lane_words import Lane, lane_words
from sim.faces.words import say

Reps = Mapping[str, Sequence[Mapping[str, float]]]

#: the page's words of a figure the same in every replication (in its difference cell)
SAME_CELL = "no change in any replication"
#: the note's parts (each a key of :data:`sim.faces.words.ZH`)
SAME_HEAD = ("{n} of the {m} figures below are the baseline's to the last digit in every "
             "replication: their 0 is no measured effect of the option")
IDLE_LANES = ("the option widened {lanes}, where no consignment waited in any replication of "
              "either side: an extra server there had no queue to shorten in the observed days")
TOO_SHORT = ("the run is short ({days:g} observed days): a busier spell may not fall in it; "
             "try Observed days {suggest}")
MORE_REPS = "more Replications may meet a busier spell"
#: the first look's words (one short replication a side: no interval, no "every replication")
QUICK_CELL = "no change"
QUICK_HEAD = ("{n} of the {m} figures below are the baseline's to the last digit in this one "
              "short replication: their 0 is no measured effect of the option")
QUICK_MORE = "the full run, longer and with more replications, may meet a busier spell"


def unmoved(full: Reps, metric: str) -> bool:
    """Whether ``metric`` is the same on both sides in every replication (measured in each)."""
    option, baseline = full.get("option", []), full.get("baseline", [])
    if not baseline or len(option) != len(baseline):
        return False
    pairs = [(o.get(metric, math.nan), b.get(metric, math.nan))
             for o, b in zip(option, baseline, strict=True)]
    return all(math.isfinite(o) and o == b for o, b in pairs)


def mark(rows: Sequence[dict[str, Any]], full: Reps, words: str = SAME_CELL
         ) -> list[dict[str, Any]]:
    """The table's rows, each with ``unmoved``: whether its figure is the same in every
    replication (where some figure moved: an option that moved none is :mod:`sim.faces.same`'s),
    and ``said``: the words its difference cell then shows."""
    flags = [unmoved(full, row["metric"]) for row in rows]
    if all(flags):
        flags = [False] * len(flags)
    return [{**row, "unmoved": flag, "said": words} for row, flag in zip(rows, flags, strict=True)]


def quick_reps(quick: Mapping[str, Mapping[str, float]]) -> Reps:
    """The first look's one replication a side, as :func:`mark` and the notes read runs."""
    return {side: [quick[side]] for side in ("baseline", "option") if side in quick}


def idle_lanes(full: Reps, lanes: Iterable[Lane]) -> list[tuple[Lane, float]]:
    """Of ``lanes`` (port, lane kind: :func:`sim.faces.lane_words.scenario_lanes`), those the
    option widened with no queue to shorten, and the baseline's mean utilisation of each: the
    same traffic on both sides in every replication, a utilisation that differs (its capacity
    changed), and no consignment that waited on either side."""
    base = full.get("baseline", [])
    found = []
    for lane in sorted(lanes):
        key = "_".join(lane)  # (the metrics' name of the lane: its port's, then its kind)
        if not unmoved(full, f"arrivals_per_hour_{key}"):
            continue
        if unmoved(full, f"utilisation_{key}") or not unmoved(full, f"waited_share_{key}"):
            continue
        if any(r.get(f"waited_share_{key}") != 0 for r in base):
            continue
        busy = [r.get(f"utilisation_{key}", math.nan) for r in base]
        found.append((lane, sum(busy) / len(busy)))
    return found


def suggest_days(warmup: float, days: float, choices: Sequence[int]) -> int | None:
    """The fewest of the page's Observed days (``choices``) that hold the weeks the stability
    check asks for after ``warmup``, where ``days`` are fewer; else None."""
    from sim.model.stability import days_for_weeks

    need = days_for_weeks(warmup)
    if days >= need:
        return None
    longer = [d for d in choices if d >= need]
    return min(longer) if longer else max(choices)


def note_html(rows: Sequence[Mapping[str, Any]], full: Reps, window: tuple[float, float],
              lang: str = "en", lanes: Iterable[Lane] = ()) -> str:
    """The note above the table when some of its figures are the same in every replication
    (``rows`` as :func:`mark` gives them; ``window``: the run's warm-up and observed days;
    ``lanes``: the scenario's, :func:`sim.faces.lane_words.scenario_lanes`)."""
    from sim.faces.choices import DAYS_CHOICES

    n = sum(1 for row in rows if row.get("unmoved"))
    if not n:
        return ""
    suggest = suggest_days(*window, [d for d in DAYS_CHOICES if d])
    return _note([say(lang, SAME_HEAD, n=n, m=len(rows)), *_idle_part(full, lanes, lang),
                  say(lang, TOO_SHORT, days=window[1], suggest=suggest) if suggest
                  else say(lang, MORE_REPS)], lang)


def quick_note_html(rows: Sequence[Mapping[str, Any]], full: Reps, lang: str = "en",
                    lanes: Iterable[Lane] = ()) -> str:
    """The note above the first look's table when some of its figures are the baseline's to
    the last digit (``full``: :func:`quick_reps`): the full table's, for one replication."""
    n = sum(1 for row in rows if row.get("unmoved"))
    if not n:
        return ""
    return _note([say(lang, QUICK_HEAD, n=n, m=len(rows)), *_idle_part(full, lanes, lang),
                  say(lang, QUICK_MORE)], lang)


def _idle_part(full: Reps, lanes: Iterable[Lane], lang: str) -> list[str]:
    """The note's part on the lanes the option widened with no queue to shorten (or none),
    each named in words."""
    idle = idle_lanes(full, lanes)
    if not idle:
        return []
    from sim.faces.numbers import PERCENT

    said = ("、" if lang == "zh" else ", ").join(
        say(lang, "{lane} (busy {busy})", lane=lane_words(*lane, lang),
            busy=f"{100 * u:.0f}{PERCENT[lang]}") for lane, u in idle)
    return [say(lang, IDLE_LANES, lanes=said)]


def _note(parts: Sequence[str], lang: str) -> str:
    """The note's parts as one paragraph."""
    text = ("；" if lang == "zh" else "; ").join(parts) + ("。" if lang == "zh" else ".")
    return (f'<p class="bs-unmoved-note" role="note" style="border-left:4px solid #1f4e79;'
            f'padding-left:8px">{html.escape(text)}</p>')


def cell(metric: str, lang: str = "en", words: str = SAME_CELL) -> str:
    """The difference cell of a figure the same in every replication: its words (``words``:
    :data:`SAME_CELL`, or :data:`QUICK_CELL` in the first look), not an interval of zeros that
    reads as a measured "no effect"."""
    return (f'<td class="bs-cell bs-unmoved" data-side="difference" data-metric="{metric}" '
            f'data-value="0.0">{say(lang, words)}</td>')
