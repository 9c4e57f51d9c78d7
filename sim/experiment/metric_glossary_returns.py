"""The glossary's entries of declarations an officer reviews (人工审单,
:mod:`sim.model.review_tally`: how often one is queried) and of those returned for correction
(退单, :mod:`sim.model.returns_metrics`): how many come back, and the hours the broker's
correction and the second review add."""

from __future__ import annotations

from sim.experiment.metric_glossary_data import ALL, CLEAR_LAYER, COUNT_LAYER, Entry

_RETURNS = (
    " A reviewed declaration is returned under `declaration.returns.share` (by trader "
    "class); the broker corrects it (`declaration.returns.correction`, the trader's time) "
    "and it queues at the same review lane again. Over the cohort's consignments out of the "
    "flow."
)
#: what a scenario without returns gives (but the hours of a returned one: NaN, none came back)
_NONE = " 0 when the scenario returns none (no `[declaration.returns]`)."

_REVIEW = (
    " A declaration goes to review when its draw under `declaration.review_share` (by "
    "trader class) says so, at its port's review lane (`[ports.<port>.review]`); else it "
    "is accepted automatically. Counted over the cohort's declarations, "
    "finished or not (the review is decided as they are lodged); a declaration returned for "
    "correction (`returned_share`) is one of them, counted once."
)

#: how often a declaration is sent to an officer's review (:mod:`sim.model.review_tally`)
REVIEWS = [
    Entry("review_rate", COUNT_LAYER,
          "Share of the cohort's declarations sent to an officer's review (人工审单) before "
          "acceptance: how often a broker's declaration is queried by a person rather than "
          "accepted by the system, whether or not the officer then returns it (`returned_share`)"
          " or its goods are checked (`document_check_rate`, `inspection_rate`)." + _REVIEW,
          ALL),
    Entry("review_rate_<class>", COUNT_LAYER,
          "`review_rate` of one trader class's declarations, pooled over every port "
          "(`_port_<port>`: the class at one port; `_import`, `_export`: the class in one "
          "direction): how often a broker's clients of that credit class are queried (a "
          "reform that certifies traders moves them to a class reviewed less)." + _REVIEW,
          ("port", "direction")),
]

RETURNS = [
    Entry("returned_share", COUNT_LAYER,
          "Share of declarations returned for correction by the reviewing officer (退单), "
          "of all declarations, reviewed or not: the model's declaration amendment rate."
          + _RETURNS + _NONE),
    Entry("returned_h_mean", CLEAR_LAYER,
          "Mean hours a returned declaration spends from its return to its acceptance: "
          "the broker's correction, then the second queue and review (before arrival too). "
          "NaN when none is returned (so also when the scenario has no `[declaration.returns]`)."
          + _RETURNS),
    Entry("returned_h_added", CLEAR_LAYER,
          "Hours per consignment (over all of them) that returns add to release time after "
          "arrival: the `correction` and `second_review` stretches (docs/trs.md); the first "
          "review, which any reviewed declaration has, is not counted." + _RETURNS + _NONE),
    Entry("returned_clearance_share", CLEAR_LAYER,
          "`returned_h_added` as a share of the mean clearance time (arrival to release): "
          "how much of clearance time returned declarations are." + _RETURNS + _NONE),
]
