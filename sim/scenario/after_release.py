"""The ``[after_release]`` section: what may follow customs release instead of preceding it.

Three practices move work from before release to after it, each for a share of declarations
(its uptake, by trader class or ``"*"``; none by default, so a scenario without the section
clears as before):

- *two-step declaration*: an outline declaration gets the goods released; the full
  declaration and the duty follow within a deadline, against a guarantee (the duty payment
  that otherwise precedes release, ``duty_payment``, no longer holds the goods);
- *two-step processing*: the document (tax) review selected at assessment is done after
  release, by post-clearance review; undervaluation is then found, or missed, there;
- *release before test*: goods sampled for the laboratory are released before the result; a
  failed result recalls them, and goods already sold by then are not recovered.
"""

from __future__ import annotations

from pydantic import Field, field_validator

from sim.scenario.base import Strict
from sim.scenario.by_class import ByClass, known_classes, of_class
from sim.scenario.distributions import Duration, DurationDist, fixed, hours

#: a share of declarations by trader class ('*': every class not listed)
Uptake = ByClass
_classes, share = known_classes, of_class


class TwoStepDeclaration(Strict):
    """Imports released on an outline declaration; full declaration and duty follow."""

    uptake: Uptake = Field(
        default_factory=dict,
        description="share of import declarations lodged in two steps, by trader class or '*'",
    )
    full_declaration: DurationDist = Field(
        default=fixed("7 d"),
        validate_default=False,
        description="from release to the full declaration and the duty paid (capped at the "
        "deadline); the guarantee covers the duty meanwhile",
    )
    deadline: Duration = Field(
        default=hours("14 d"),
        validate_default=False,
        description="the latest the full declaration may follow release",
    )

    _check = field_validator("uptake")(lambda v: _classes(v))


class TwoStepProcessing(Strict):
    """The document (tax) review done after release, by post-clearance review."""

    uptake: Uptake = Field(
        default_factory=dict,
        description="share of document checks moved after release, by trader class or '*'",
    )
    review_lag: Duration = Field(
        default=hours("30 d"),
        validate_default=False,
        description="from release to the post-clearance tax review",
    )

    _check = field_validator("uptake")(lambda v: _classes(v))


class ReleaseBeforeTest(Strict):
    """Goods sampled for the laboratory released before the result, recalled if it fails.

    What the on-site quarantine check itself finds (the visual check of the goods, their
    certificates and cold-chain papers: ``enforcement.detection.quarantine``, pests
    ``enforcement.sampling.visual_sensitivity``) holds the goods at the border as without the
    reform; only goods whose illicit load the laboratory alone finds are released, then
    recalled at the result. Whether a check finds a consignment's goods is one draw for the
    on-site check and the laboratory together (the log's ``quarantine_finds``); a second draw
    (``quarantine_seen``) says which made the find, in proportion to their chances, so the
    reform never changes what is found, only when and whether the goods are still there."""

    uptake: Uptake = Field(
        default_factory=dict,
        description="share of laboratory samples whose goods are released before the "
        "result, by trader class or '*' (goods that need treatment always wait)",
    )
    recall: Duration = Field(
        default=hours("1 d"),
        validate_default=False,
        description="from a failed result to the goods recalled",
    )
    sell_time: Duration = Field(
        default=hours("7 d"),
        gt=0,
        validate_default=False,
        description="mean time for released goods to be sold: a share 1 - exp(-t / "
        "sell_time) of goods recalled t after release cannot be recovered",
    )


class AfterRelease(Strict):
    """What may follow release instead of preceding it (see the module docstring)."""

    duty_payment: DurationDist = Field(
        default=fixed("0 h"),
        validate_default=False,
        description="imports: from assessment to the duty paid (or guaranteed), which "
        "release waits for; two-step declarations skip it; a port's own "
        "(ports.<port>.duty_payment) replaces it there",
    )
    two_step_declaration: TwoStepDeclaration = Field(
        default_factory=TwoStepDeclaration,
        description="imports released on an outline declaration; full declaration and duty "
        "after release, against a guarantee",
    )
    two_step_processing: TwoStepProcessing = Field(
        default_factory=TwoStepProcessing,
        description="the document (tax) review after release, by post-clearance review",
    )
    release_before_test: ReleaseBeforeTest = Field(
        default_factory=ReleaseBeforeTest,
        description="goods released before the laboratory result, recalled if it fails",
    )
