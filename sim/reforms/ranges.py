"""A plausible low and high end for each setting a reform's effect rests on that no source
fixes (an assumption, or a strength no source names), each with the reason for its ends.

``bordersim tornado`` (:mod:`sim.experiment.tornado`) runs the reform against the baseline at
each end, on the same seeds, to say whether the sign of its effect holds across the range.
A setting is a strength of the reform (``uptake``) or, written with dots, a scenario field
the reform's effect rests on (``organisation.transfer_to.national.mean``): the baseline is
then run at the same end, so that the effect is the reform's at that value. The ends are
assumptions too; the reasons say where each comes from, so that a referee can argue with
them, and ``--range`` replaces them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Span:
    """A setting's low and high ends and why they are plausible."""

    low: Any
    high: Any
    why: str


#: the shared reason of the management cut's ends
_CUT = ("0: no post abolished (the default); 0.3: the seed-paper page's compare 1, a third "
        "of the management heads, as an upper end (no published figure was found)")
#: the shared reason of a slowdown's ends
_SLOWDOWN = ("1: cross-trained officers as fast as specialists (the default); 1.5: half as "
             "slow again while they learn (an assumption: no published figure was found)")

#: reform -> setting -> its span
RANGES: dict[str, dict[str, Span]] = {
    "dumbbell": {
        "organisation.transfer_to.national.mean": Span(
            "1 h", "8 h",
            "the national centres' intake wait, 4 h in the Guangdong scenarios, is an "
            "assumption; 1 h (a centre that takes requests as they come) to 8 h (a working "
            "day) spans the seed-paper page's sweep 1, where the structures change places "
            "at about 5 h"),
        "uniform_standards": Span(
            0.7, 1.0,
            "1: uniform standards remove no escalation (the default); 0.7: they remove "
            "three in ten (an assumption, a little beyond the seed-paper page's 0.8)"),
        "management_cut": Span(0.0, 0.3, _CUT),
        "running_in_loss": Span(
            0.1, 0.5,
            "a tenth to half of the officers' productivity lost while running in (0.5 is "
            "the seed-paper page's transition example; no figure of customs staff "
            "recovering was found)"),
        "running_in_days": Span(
            30.0, 365.0,
            "a month to a year of running-in (no published figure was found)"),
        "organisation.advantages.local_knowledge_auc.spindle": Span(
            0.0, 0.06,
            "the spindle's AUC bonus for locally known risks, 0.03 in the Guangdong "
            "scenarios, is an assumption (no published figure of what local knowledge adds "
            "to a risk score was found): 0, none, to 0.06, twice it; the dumbbell's is 0, "
            "and the bonus acts only with a risk engine (guangdong-enforcement) on the risks "
            "organisation.advantages.local_risks names"),
    },
    "merge_affiliated": {"management_cut": Span(0.0, 0.3, _CUT)},
    "merge_field_departments": {"slowdown": Span(1.0, 1.5, _SLOWDOWN)},
    "flexible_staffing": {"slowdown": Span(1.0, 1.5, _SLOWDOWN)},
    "single_window": {
        "uptake": Span(
            0.3, 1.0,
            "80 % of main customs business went through the Single Window by end-2018 and "
            "100 % by end-2020 (china-figures.md §3.3, targets: no realised share was found); "
            "0.3 is the low end of Nov 2017's share, over 100,000 declarations a day against "
            "about 78 million goods declarations in 2017 (china-figures.md §4.1: 0.3-0.5), "
            "for an earlier year or a port where uptake lags (an assumption)"),
        "preparation_cut": Span(
            0.1, 0.4,
            "half to twice the default 0.2 (an assumption: no measured saving was found)"),
    },
    "aeo_mutual_recognition": {
        "shift": Span(
            0.05, 0.2,
            "half to twice the default 0.1 of general traders certified (an assumption)"),
        "into": Span(
            "aeo_general", "aeo_advanced",
            "the two certifications the traders may join: general (fewer benefits) or "
            "advanced (the default)"),
    },
}


def span_of(reform: str, setting: str) -> Span | None:
    """The library's span of ``setting`` of ``reform``, or None when it states none."""
    return RANGES.get(reform, {}).get(setting)
