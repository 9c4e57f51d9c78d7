"""The glossary's entries of quarantine pests by commodity (:mod:`sim.model.pest_catch`): the
infested consignments of a commodity, how many a quarantine check met and sampled, found and
slipped through."""

from __future__ import annotations

from sim.experiment.metric_glossary_data import EFFECT_LAYER, Entry

_OF = (
    "the cohort's consignments of `<commodity>` that carry pests (the hidden truth: "
    "`illicit_pest` split by commodity)"
)
_NAMED = (
    " Named for each commodity that can carry pests (`enforcement.prevalence.pest` times its "
    "`enforcement.by_commodity` multiplier above 0); NaN where a replication had none."
)
_REACH = (
    " The sampling plan (`enforcement.sampling`: `sample_units`, `lab_sensitivity`) acts "
    "only on the consignments sampled, so this share bounds what a change of plan can move."
)

PESTS = [
    Entry("pest_consignments_<commodity>", EFFECT_LAYER,
          f"Of {_OF}: how many there were, over the observed days; they sum to "
          f"`illicit_pest`." + _NAMED.replace("; NaN where a replication had none", "")),
    Entry("pest_checked_share_<commodity>", EFFECT_LAYER,
          f"Of {_OF}, the share a quarantine check met (started by the run's end), sampled "
          f"or not: what the selection lets the quarantine officers see." + _NAMED),
    Entry("pest_sampled_share_<commodity>", EFFECT_LAYER,
          f"Of {_OF}, the share whose quarantine check drew a sample for the laboratory "
          f"(`ports.<port>.quarantine.sample_share` of the checks)." + _REACH + _NAMED),
    Entry("pest_detection_rate_<commodity>", EFFECT_LAYER,
          f"Of {_OF} whose outcome is known (those still held unfound at the end left out, "
          f"as in `detection_rate`), the share found before release, by any check: "
          f"`detection_rate_pest` by commodity." + _NAMED),
    Entry("pest_lab_finds_<commodity>", EFFECT_LAYER,
          f"Of {_OF}, those found before release by the laboratory's test alone (the "
          f"quarantine check's find not made on site, nor by a document check or exam): "
          f"what the sampling plan catches that the officers' visual check missed, over the "
          f"observed days." + _NAMED.replace("; NaN where a replication had none", "")),
    Entry("pest_slipped_<commodity>", EFFECT_LAYER,
          f"Of {_OF}, those released without being found before release (the truth beside "
          f"what the checks saw), over the observed days; a find after release (audit, "
          f"recall) does not take one off." + _NAMED.replace("; NaN where a replication had "
                                                             "none", "")),
]
