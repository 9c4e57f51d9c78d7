"""The glossary's entries of transit goods (转关, :mod:`sim.model.transit_metrics`): how many
come in transit from an entry port, the leg's hours and its part of clearance time."""

from __future__ import annotations

from sim.experiment.metric_glossary_data import CLEAR_LAYER, COUNT_LAYER, Entry

_TRANSIT = (
    " An import arrives in transit under `ports.<port>.transit.share` (by trader class, less "
    "the share `integrated`): its transit declaration is checked and its container sealed at "
    "the entry port (`transit_formalities`, customs' time), then it travels under seal to "
    "this office (`transit_travel`, the carrier's); clearance time counts from the arrival at "
    "the entry port. Over the cohort's imports out of the flow."
)
#: what a scenario without transit gives (but a transit consignment's hours: NaN)
_NONE = " 0 when no import comes in transit (no `[ports.<port>.transit]`)."

TRANSIT = [
    Entry("transit_share", COUNT_LAYER,
          "Share of imports that came in transit (转关) from an entry port, of all imports "
          "(exports never do)." + _TRANSIT + _NONE),
    Entry("transit_h_mean", CLEAR_LAYER,
          "Mean hours of a transit consignment's leg, from its arrival at the entry port to "
          "its arrival here: the transit formalities and the journey under seal. NaN when "
          "none came in transit (so also when no port has `[ports.<port>.transit]`)."
          + _TRANSIT),
    Entry("transit_clearance_share", CLEAR_LAYER,
          "The transit leg's hours per import (over all of them) as a share of the imports' "
          "mean clearance time (arrival at the entry port to release): how much of their "
          "clearance time the transit leg is." + _TRANSIT + _NONE),
]
