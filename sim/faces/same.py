"""The workshop page's notes on an option that is the baseline again, in the command line's
words (``bordersim compare``: codes ``option_unchanged`` and ``option_identical``), so that
differences of exactly 0 are not read as a measured "no effect".

Either the option's scenario is the baseline's (a reform already in effect there, or at a
strength that acts on nothing: ``clearance_integration`` at ``share=0``), or it differs but
its figures are the baseline's to the last digit in every replication (what it changes met
no consignment in these runs). In the first case the page, as ``compare`` does
(:mod:`sim.experiment.reuse`), runs no replication of the option: :func:`reuses` tells
:mod:`sim.faces.runs` to take the baseline's, and the note says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sim.faces.choices import Variants
from sim.model.same import same

#: why an option changes nothing, where its reform gives no reason of its own (as compare)
IN_EFFECT = "it is already in effect there"
#: the same, for a reform at strengths typed on the page (``share=0``: it brings in nothing)
AT_GIVEN = ("at the strengths given, the scenario already has as much or more, or nothing it "
            "acts on")


#: what the note adds when the option's replications are the baseline's (compare's words)
REUSED = ": its replications are the baseline's, reused, not run again"


def reuses(pair: Variants) -> bool:
    """Whether the option side runs the very simulation the baseline's does (the same
    object, or a scenario equal as a model and in its canonical JSON, as ``compare``
    proves it), so that its replications are the baseline's, reused rather than run."""
    from sim.experiment.options import BASELINE
    from sim.experiment.reuse import baseline_twins

    if pair.option is pair.baseline:
        return True
    return bool(baseline_twins({BASELINE: pair.baseline, "option": pair.option}))


def unchanged(pair: Variants) -> list[str]:
    """The note of an option whose scenario is the baseline's, with why: its reform's own
    reason (it finds none of the parts it acts on), else that it is already in effect."""
    if pair.option is pair.baseline or pair.option != pair.baseline:
        return []  # (nothing switched on or moved: the page names that side "the baseline")
    from sim.reforms.compose import parse

    why = ""
    if pair.reform:
        try:
            why = parse(pair.reform).no_effect(pair.baseline)
        except ValueError:
            why = ""
    why = why or (AT_GIVEN if ":" in pair.reform else IN_EFFECT)
    again = REUSED if reuses(pair) else ""
    return [f"it changes nothing in scenario {pair.baseline.name!r}: {why}; its "
            f"figures are the baseline's{again}"]


def identical(pair: Variants, full: Mapping[str, Sequence[Mapping[str, float]]]) -> list[str]:
    """The note of an option whose scenario differs from the baseline's but whose figures
    are the baseline's to the last digit in every replication (NaN equal to NaN); for a
    change of the sampling plan, how few infested consignments were sampled, as compare's
    note says (:func:`sim.experiment.plan_reach.page_reach`)."""
    if pair.option is pair.baseline or pair.option == pair.baseline:
        return []
    sides = full.get("option", []), full.get("baseline", [])
    if not sides[0] or len(sides[0]) != len(sides[1]):
        return []
    if not all(same(o, b) for o, b in zip(*sides, strict=True)):  # (NaN equal to NaN)
        return []
    from sim.experiment.plan_reach import page_reach

    plan = page_reach(pair.baseline, pair.option, sides[1])  # (as compare's note has it)
    return ["its figures are the baseline's to the last digit in every replication: what it "
            "changes acted on no consignment in these runs, so its differences of exactly 0 "
            f"are no estimate of its effect{plan} (it may act on rare consignments: more "
            "Replications or Observed days on this page would show it)"]  # (its controls)

