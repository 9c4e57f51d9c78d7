"""The glossary's entries of the parcels a post or express hub holds
(:mod:`sim.model.parcel_holds`): a hub scans nearly every parcel, so its inspection rate
does not say how many are taken off the line."""

from __future__ import annotations

from sim.experiment.metric_glossary_data import CLEAR_LAYER, COST_LAYER, SEEN_LAYER, Entry

_COUNTED = (
    " Held: a physical exam or a quarantine check started (alone or both; a scan, its image "
    "read by AI or an officer, holds nothing). Named for each port of mode `post` and each "
    "direction; NaN where the port had no parcel of that direction (docs/parcel-hub.md)."
)

PARCEL_HOLDS = [
    Entry("parcels_held_share_port_<port>_<direction>", SEEN_LAYER,
          "Share of the cohort's parcels at a post or express hub taken off the line to be "
          "opened or checked by quarantine, the parcels an express operator must present "
          "and that wait for a bench, a team or an officer. Not "
          "`inspection_rate_port_<port>_<direction>`, which counts the belt scan a hub gives "
          "nearly every parcel (China's definition of an inspection)." + _COUNTED),
    Entry("parcels_held_clearance_h_mean_port_<port>_<direction>", CLEAR_LAYER,
          "Mean hours from arrival to customs' release of the held parcels at a post or "
          "express hub that customs released by the end of the run (as `clearance_h_mean`, "
          "of the held alone): what a hold costs a parcel, beside the hub's mean over every "
          "parcel (`clearance_h_mean_port_<port>_<direction>`)." + _COUNTED),
]

#: what the low-value duty figures rest on and where they are named
_DUTY = (
    " Duty: the declared commodity's rate (`costs.commodities.<name>.duty_rate`, else "
    "`costs.slipped.duty_rate`, an assumption) on the declared value; none below the "
    "threshold (`ports.<port>.low_value.threshold`, WTO TFA Art. 7.8.2(e)). A year, in the "
    "scenario's currency, over the consignments that finished. Named for each port of mode "
    "`post` (and any other given a `low_value` path) and each direction; NaN for exports, "
    "which pay no import duty (docs/e-commerce.md)."
)

LOW_VALUE_DUTY = [
    Entry("duty_forgone_low_value_port_<port>_<direction>", COST_LAYER,
          "Duty not collected, a year, on the imports a post or express hub's low-value "
          "(de minimis) threshold clears duty-free: the duty rate times the declared value "
          "of each parcel declared below it; 0 without a threshold. The whole duty: China's "
          "cross-border e-commerce retail imports still pay 70 % of the import VAT and "
          "consumption tax within the limit (MOF, GAC and SAT announcement 2018 No. 49), "
          "so this bounds what such a rule forgoes." + _DUTY),
    Entry("duty_lost_undervaluation_port_<port>_<direction>", COST_LAYER,
          "Duty lost, a year, to undervalued imports at a post or express hub that no "
          "check found (before or after release): the duty due on the true value less the "
          "duty assessed on the declared value, each duty-free below the threshold, so a "
          "parcel declared under the line whose true value is over it loses all its duty, "
          "and one whose true value is under it loses none. Without a threshold, the rate "
          "on the hidden value (as `revenue_evaded` counts undervaluation). Rests on the "
          "hidden truth (`enforcement.prevalence`, `enforcement.undervaluation_factor`, "
          "`low_value.undervaluation_uplift`: assumptions); NaN without it." + _DUTY),
]
