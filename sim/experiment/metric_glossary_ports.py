"""The glossary's entries of chosen illicit types detected and slipped, by port and
direction (:mod:`sim.model.illicit_ports`, ``enforcement.report_by_port``)."""

from __future__ import annotations

from sim.experiment.metric_glossary_data import ALL, EFFECT_LAYER, Entry

_ONLY = "with the type named in `enforcement.report_by_port` (none by default)"
_KNOWN = (
    " Goods still held by customs undetected at the run's end have no known outcome and are "
    "in neither this nor its pair; the ports' figures add up to the pooled one "
    "(docs/counterfeits.md)."
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
]
