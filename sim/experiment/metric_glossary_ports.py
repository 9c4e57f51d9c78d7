"""The glossary's entries of chosen illicit types detected and slipped, by port and
direction (:mod:`sim.model.illicit_ports`, ``enforcement.report_by_port``)."""

from __future__ import annotations

from sim.experiment.metric_glossary_data import ALL, EFFECT_LAYER, Entry

_ONLY = "with the type named in `enforcement.report_by_port` (none by default)"
_KNOWN = (
    " detected_<type>, slipped_<type>, found_after_release_<type> and held_<type> add up "
    "to illicit_<type>; the ports' figures add up to the pooled one (docs/counterfeits.md)."
)

ILLICIT_BY_PORT = [
    Entry("detected_<type>", EFFECT_LAYER,
          "The cohort's illicit declarations of the type found before release (counterfeits: "
          "detained; tobacco, frozen products: seized; pests: rejected or treated)." + _KNOWN,
          by=ALL, only=_ONLY),
    Entry("slipped_<type>", EFFECT_LAYER,
          "The cohort's illicit declarations of the type released without being found, "
          "neither before release nor by the post-clearance checks (a tax review, a recall, "
          "the audit): the count whose value `value_slipped` pools over the types." + _KNOWN,
          by=ALL, only=_ONLY),
    Entry("found_after_release_<type>", EFFECT_LAYER,
          "The cohort's illicit declarations of the type released and then found by the "
          "post-clearance checks (a tax review, a recall, the audit): found, but too late to "
          "detain or seize at the border." + _KNOWN,
          by=ALL, only=_ONLY),
    Entry("held_<type>", EFFECT_LAYER,
          "The cohort's illicit declarations of the type still held by customs, not found, at "
          "the run's end: their outcome is not known yet." + _KNOWN,
          by=ALL, only=_ONLY),
]
