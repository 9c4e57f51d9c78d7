"""The glossary's entries of the tail of clearance delay (:mod:`sim.model.delay_tails`): the
share of containers held past each time target, by port and direction and by commodity
there, the goods still held at the end of the run counted."""

from __future__ import annotations

from sim.experiment.metric_glossary_data import CLEAR_LAYER, Entry

_OVER = (
    "The share of containers whose clearance (arrival to customs' release) took longer than a "
    "time target (`<target>`, of the scenario's `within_hours`: `--set 'within_hours=[48,72,"
    "168]'` for 48 h, 72 h and 7 days; exactly on it is within), weighted by containers (one "
    "unit for a declaration without containers: a truck, a waybill, a parcel list), over the "
    "cohort's consignments released by customs by the end of the run and those still held "
    "then: a box still held counts as over a target once the run's end is later than the "
    "target after its arrival (one held for less, when a target is longer than `drain_days`, "
    "is not known either way and is left out). Seized, rejected and detained goods are left "
    "out (an enforcement outcome, not a delay a policy covers). Not `1 - released_within_"
    "<target>`, which is per declaration and leaves out the still held: the tail a cargo-delay "
    "insurer prices, with its interval across replications and, in `compare`, its paired "
    "difference (how a reform moves the tail, not only the mean)"
)

#: the perishables' entries are named only where a commodity has a shelf life
_PERISHABLE = "with a commodity's `spoils_after` given (none in the bundled scenarios)"

TAILS = [
    Entry("delay_share_over_<target>_port_<port>_<direction>", CLEAR_LAYER,
          f"{_OVER}. Named for every port and direction whose traffic carries goods (a port "
          "without exports names no `_export`); NaN where none counted."),
    Entry("delay_share_over_<target>_commodity_<commodity>_port_<port>_<direction>",
          CLEAR_LAYER,
          "`delay_share_over_<target>_port_<port>_<direction>` of one commodity group's "
          "containers at that port and direction (counted the same way): what cover for "
          "frozen goods at one port costs is not what it costs for general cargo. Named for "
          "each commodity the port's traffic (imports, or exports) carries in any period, so "
          "that every replication names the same; NaN where none counted."),
    Entry("spoiled_share_commodity_<commodity>_port_<port>_<direction>", CLEAR_LAYER,
          "Of a perishable commodity (one whose `commodities.<commodity>.spoils_after` is "
          "given) at that port and direction: the share of containers (one unit for a "
          "declaration without containers: an air waybill, a truck, a parcel list) whose time "
          "from arrival to leaving the port (an import's exit after pick-up, an export's "
          "loading) was longer than `spoils_after` (exactly on it is not), over the cohort's "
          "goods out of the flow by the end of the run and those still in it: one still in it "
          "counts as spoiled once the run's end is later than the limit after its arrival, one "
          "in it for less is not known either way and is left out. Seized, rejected and "
          "detained goods are left out. Named for each perishable commodity the port's "
          "traffic carries in any period; NaN where none counted (docs/air-cargo.md).",
          only=_PERISHABLE),
    Entry("perishable_h_mean_commodity_<commodity>_port_<port>_<direction>", CLEAR_LAYER,
          "Of a perishable commodity (`spoils_after` given) at that port and direction: the "
          "mean hours from arrival to leaving the port (an import's exit after pick-up, an "
          "export's loading) of its consignments out of the flow by the end of the run, "
          "per consignment; the time `spoiled_share_` sets against the limit. NaN where none "
          "left (docs/air-cargo.md).",
          only=_PERISHABLE),
]
