"""The glossary's entries of a commodity's laboratory holds (:mod:`sim.model.lab_holds`): its
consignments at one port and direction, those a quarantine check sampled for the laboratory
apart from the rest, and what the sample's hold adds in hours and in trader cost."""

from __future__ import annotations

from sim.experiment.metric_glossary_data import CLEAR_LAYER, COST_LAYER, Entry

_CELL = "`<commodity>`'s consignments at one port and direction"
_OUT = (
    "over the cohort's consignments out of the flow (released, and exited or loaded; goods a "
    "failed test rejected are not among them)"
)
_WHERE = (
    " Named for each commodity a port's quarantine can sample (under statutory inspection, "
    "selected for a quarantine check for some class), at that port, each direction"
)
_NAMED = (
    f"{_WHERE}; NaN in a replication whose laboratory tested none of them there (a run's `n` "
    f"counts those that did)."
)
_HOLD = (
    "The sample is drawn at random among a port's quarantine checks (`quarantine."
    "sample_share`), so the consignments checked but not sampled, same commodity, port and "
    "direction, are the fair comparison: this is the sampled group's figure less theirs, each "
    "replication's own difference (it may be below 0 by chance; NaN where none was checked "
    "and not sampled)."
)
_TAIL = "_<commodity>_port_<port>_<direction>"

LAB_HOLDS = [
    Entry(f"lab_hold_sampled_share{_TAIL}", CLEAR_LAYER,
          f"Of {_CELL}, the share a quarantine check sampled for the laboratory, {_OUT}."
          f"{_WHERE}; 0 where none was sampled, NaN where none of the goods finished there."),
    Entry(f"lab_hold_overall_h_sampled{_TAIL}", CLEAR_LAYER,
          f"Mean hours from arrival to the end of the flow (an import's exit through the "
          f"gate, an export's loading: `overall_clearance_h_mean`) of {_CELL} sampled for the "
          f"laboratory, {_OUT}." + _NAMED),
    Entry(f"lab_hold_overall_h_unsampled{_TAIL}", CLEAR_LAYER,
          f"`lab_hold_overall_h_sampled{_TAIL}` of the others: {_CELL} not sampled, checked "
          f"or not." + _NAMED),
    Entry(f"lab_hold_h{_TAIL}", CLEAR_LAYER,
          f"The hours a laboratory sample adds to {_CELL}, from arrival to the end of the "
          f"flow. {_HOLD}" + _NAMED),
    Entry(f"lab_hold_trader_cost_per_container_sampled{_TAIL}", COST_LAYER,
          f"Trader cost (as `trader_cost_per_consignment`: broker, terminal handling, the "
          f"value of time, storage after the free period, reefer power, inspection handling, "
          f"attendance, ...) per container of {_CELL} sampled for the laboratory, {_OUT}: "
          f"their summed cost over "
          f"their containers." + _NAMED),
    Entry(f"lab_hold_trader_cost_per_container_unsampled{_TAIL}", COST_LAYER,
          f"`lab_hold_trader_cost_per_container_sampled{_TAIL}` of the others: {_CELL} not "
          f"sampled, checked or not." + _NAMED),
    Entry(f"lab_hold_cost_per_container{_TAIL}", COST_LAYER,
          f"What a laboratory sample costs the trader per container of {_CELL}: the trader "
          f"cost per container of those sampled less that of those checked but not sampled. "
          f"{_HOLD} The laboratory's own test fees are the agency's (`lab_tests`), not in it."
          + _NAMED),
    Entry(f"lab_hold_fees_per_container{_TAIL}", COST_LAYER,
          f"The part of `lab_hold_cost_per_container{_TAIL}` the trader pays out (storage and "
          f"demurrage, reefer power, handling, attendance, ...): the trader's cost less the "
          f"value of the goods' time (`trader_fees`, as the per-consignment log has it), per "
          f"container, sampled less checked but not sampled. {_HOLD}" + _NAMED),
]
