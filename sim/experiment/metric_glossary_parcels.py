"""The glossary's entries of the parcels a post or express hub holds
(:mod:`sim.model.parcel_holds`): a hub scans nearly every parcel, so its inspection rate
does not say how many are taken off the line."""

from __future__ import annotations

from sim.experiment.metric_glossary_data import CLEAR_LAYER, SEEN_LAYER, Entry

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
