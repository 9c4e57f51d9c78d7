"""The glossary's entries of a bonded zone's stock (:mod:`sim.model.bonded_stock`): what the
zone holds over the observed window, how long goods stay, and what enters and leaves."""

from __future__ import annotations

from sim.experiment.metric_glossary_data import CLEAR_LAYER, COUNT_LAYER, Entry

ONLY = "with a bonded zone (ports.<port>.bonded_zone), named for its gate"
_ZONE = (
    " The zone's goods are its entry port's transit goods, in from when their leg reaches "
    "the zone (those seized, rejected or detained there are no stock); each of the gate's "
    "declarations (imports: release for domestic sale; exports: re-export) calls off the "
    "oldest consignment in the zone at its arrival (first in, first out: an assumption, the "
    "model links no exit to an entry). The zone is taken as empty when the observed window "
    "opens, and only the window's entries and call-offs count, so that "
    "`bonded_in` = `bonded_out_domestic` + `bonded_out_export` + `bonded_stock_end` "
    "(docs/bonded-zone.md)."
)

BONDED = [
    Entry("bonded_in_port_<port>", COUNT_LAYER,
          "Consignments that entered the bonded zone in the observed window." + _ZONE,
          only=ONLY),
    Entry("bonded_out_domestic_port_<port>", COUNT_LAYER,
          "Consignments called off from the zone's stock for domestic sale (the gate's "
          "imports) in the observed window." + _ZONE, only=ONLY),
    Entry("bonded_out_export_port_<port>", COUNT_LAYER,
          "Consignments called off from the zone's stock for re-export (the gate's exports) "
          "in the observed window." + _ZONE, only=ONLY),
    Entry("bonded_out_unlinked_port_<port>", COUNT_LAYER,
          "The gate's declarations in the observed window that found the zone empty: they "
          "draw on goods the model does not hold (entered before the window, or from the "
          "domestic market); many mean the gate's flows exceed what enters." + _ZONE,
          only=ONLY),
    Entry("bonded_stock_end_port_<port>", COUNT_LAYER,
          "Consignments still in the zone when the observed window closes." + _ZONE,
          only=ONLY),
    Entry("bonded_stock_mean_port_<port>", COUNT_LAYER,
          "Consignments in the zone, weighted by time over the observed window (Little's "
          "law: about `bonded_in` a day times `bonded_stay_h_mean`)." + _ZONE, only=ONLY),
    Entry("bonded_stock_containers_mean_port_<port>", COUNT_LAYER,
          "Containers in the zone, weighted by time over the observed window (a declaration "
          "without containers counts one)." + _ZONE, only=ONLY),
    Entry("bonded_stock_max_port_<port>", COUNT_LAYER,
          "The most consignments the zone held at once in the observed window." + _ZONE,
          only=ONLY),
    Entry("bonded_stay_h_mean_port_<port>", CLEAR_LAYER,
          "Mean hours a consignment stayed in the zone, from its entry to its call-off, over "
          "those called off in the observed window (those still in are left out)." + _ZONE,
          only=ONLY),
    Entry("bonded_stay_h_p90_port_<port>", CLEAR_LAYER,
          "90th percentile of `bonded_stay_h_mean_port_<port>`'s hours (from a streamed "
          "histogram)." + _ZONE, only=ONLY),
]
