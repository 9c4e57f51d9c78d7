"""The glossary's entries of quarantine pests by commodity (:mod:`sim.model.pest_catch`): the
infested consignments of a commodity, how many a quarantine check met and sampled, found and
slipped through."""

from __future__ import annotations

from sim.experiment.metric_glossary_data import CLEAR_LAYER, COST_LAYER, EFFECT_LAYER, Entry

#: what the type ``pest`` stands for beyond plant pests (said wherever its figures are)
DISEASE = (
    "a frozen product's animal disease is modelled as the illicit type `pest` too, so the "
    "`pest_*` figures of `frozen` count diseased lots; the type `frozen` is frozen products "
    "without quarantine clearance"
)
_OF = (
    "the cohort's consignments of `<commodity>` that carry pests (the hidden truth: "
    "`illicit_pest` split by commodity; " + DISEASE + ")"
)
_NAMED = (
    " Named for each commodity that can carry pests (`enforcement.prevalence.pest` times its "
    "`enforcement.by_commodity` multiplier above 0); NaN where a replication had none."
)
_REACH = (
    " The sampling plan (`enforcement.sampling`: `sample_units`, `lab_sensitivity`) acts "
    "only on the consignments sampled, so this share bounds what a change of plan can move."
)

#: why a change of the sampling plan shows nothing in a short run (said where its effect is read)
SHORT_RUN = (
    " A change of the sampling plan (`enforcement.sampling`) moves it only through the "
    "infested consignments sampled (`pest_sampled_share_<commodity>`): the default scenario "
    "samples about one in ten days, all commodities together, so a run of a few weeks shows "
    "little or no difference, a quarter's observed days (`--days 91`) a small but clear "
    "one (docs/laboratory.md)."
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
          f"`detection_rate_pest` by commodity." + SHORT_RUN + _NAMED),
    Entry("pest_lab_finds_<commodity>", EFFECT_LAYER,
          f"Of {_OF}, those found before release by the laboratory's test alone (the "
          f"quarantine check's find not made on site, nor by a document check or exam): "
          f"what the sampling plan catches that the officers' visual check missed, over the "
          f"observed days." + SHORT_RUN
          + _NAMED.replace("; NaN where a replication had none", "")),
    Entry("pest_slipped_<commodity>", EFFECT_LAYER,
          f"Of {_OF}, those released without being found before release (the truth beside "
          f"what the checks saw), over the observed days; a find after release (audit, "
          f"recall) does not take one off." + _NAMED.replace("; NaN where a replication had "
                                                             "none", "")),
    Entry("pest_escaped_<commodity>_port_<port>", EFFECT_LAYER,
          f"Of {_OF}, those released unfound at one port: `pest_slipped_<commodity>` by "
          f"port (the ports' figures add up to it), over the observed days. An inspector "
          f"plans a port's sampling by commodity, which `enforcement.csv` (by port, not "
          f"commodity) and `pest_slipped_<commodity>` (every port pooled) cannot show."
          + _NAMED.replace("; NaN where a replication had none", "") + " At every port."),
]

_LOTS = (
    "the cohort's consignments (lots) of `<commodity>`"
)
_STATUTORY = (
    " Named for each commodity subject to statutory inspection (`commodities.<commodity>."
    "statutory` above 0: only such goods meet a quarantine check)"
)
_MEAN_NAN = "; NaN where a replication had none."
_REJECTED = (
    "rejected after a find (returned or destroyed: outcome `rejected`, by default a pest "
    "that is not treated, `enforcement.pest_treat`)"
)
#: what the model leaves out of a rejection (said wherever the rejection's figures are)
NO_TIME = (
    " The goods' flow ends at the rejection: the return or destruction itself takes no "
    "time and holds no yard space in the model unless the commodity's `disposal` gives it "
    "a time (its box then stays in the yard's dwell and level: "
    "`quarantine_disposal_yard_h_mean_<commodity>`), and the goods leave the clearance "
    "figures either way."
)
_NO_TIME = NO_TIME

#: what quarantine did with the lots it acted on (:mod:`sim.model.quarantine_disposal`)
DISPOSAL = [
    Entry("quarantine_rejected_lots_<commodity>", EFFECT_LAYER,
          f"Of {_LOTS}, those {_REJECTED}, over the observed days; they sum to "
          f"`consignments_rejected` over the commodities." + _NO_TIME + _STATUTORY + "."),
    Entry("quarantine_rejected_h_mean_<commodity>", CLEAR_LAYER,
          f"Mean hours from arrival to the rejection of {_LOTS} {_REJECTED}: to the last "
          f"check that found them (the laboratory's result, the quarantine check or the "
          f"examination), the time a rejected lot stood at the port before its return or "
          f"destruction was ordered." + _NO_TIME + _STATUTORY + _MEAN_NAN),
    Entry("quarantine_rejection_cost_per_lot_<commodity>", COST_LAYER,
          f"Mean price of the return or destruction of {_LOTS} {_REJECTED}: "
          f"`costs.checks.destruction` at its port's mode times its containers, paid by "
          f"`costs.checks.rejection_payer` (the trader's `rejection` or the state's "
          f"`rejection_state` cost part). One price for a return and a destruction alike; "
          f"only with a `[costs]` section." + _NO_TIME + _STATUTORY + _MEAN_NAN),
    Entry("quarantine_treated_lots_<commodity>", EFFECT_LAYER,
          f"Of {_LOTS}, those treated by quarantine (fumigation, heat) and then released, the "
          f"treatment over by the run's end, over the observed days: a share of the checks "
          f"(`commodities.<commodity>.quarantine_treat`) and pests found and treated "
          f"(`enforcement.pest_treat`)." + _STATUTORY + "."),
    Entry("quarantine_treatment_h_mean_<commodity>", CLEAR_LAYER,
          f"Mean hours of the quarantine treatment (fumigation, heat: "
          f"`ports.<port>.quarantine.treatment`) of {_LOTS} treated, from its start to its "
          f"end; the goods wait that long before release (the Time Release Study's "
          f"`treatment` stretch)." + _STATUTORY + _MEAN_NAN),
    Entry("quarantine_treatment_cost_per_lot_<commodity>", COST_LAYER,
          f"Mean price of the quarantine treatment (fumigation, heat) of {_LOTS} treated: "
          f"`costs.checks.treatment` at its port's mode times its containers, paid by the "
          f"trader (the `treatment` cost part, in the border compliance cost); none by "
          f"default, when the treatment costs only the goods' time; only with a `[costs]` "
          f"section." + _STATUTORY + _MEAN_NAN),
    Entry("quarantine_disposal_yard_h_mean_<commodity>", CLEAR_LAYER,
          f"Mean hours a container of {_LOTS} {_REJECTED} stays on a sea port's ground: from "
          f"its discharge (an export's gate-in) to the rejection, then its wait for a place "
          f"at the port's disposal facility (`ports.<port>.quarantine.disposal_facility`, "
          f"where it has one), then the disposal's "
          f"`commodities.<commodity>.disposal.time` (the wait for the carrier's next vessel "
          f"of a return, the booking and the supervised destruction of a destruction), over "
          f"the containers, counted whatever the run's end. The rejected goods are never "
          f"released: the clearance figures leave them out, the yard's dwell and level "
          f"(`yard_dwell_h_mean_port_<port>_<direction>`, `yard_boxes_max_...`) count these "
          f"boxes. Named for each commodity with a disposal time above 0" + _MEAN_NAN),
    Entry("quarantine_disposal_boxes_mean_<owner>", CLEAR_LAYER,
          "Containers of rejected goods under disposal on the sea ports' ground at once, "
          "over the observed hours (their disposal's box-hours over them, Little's law; a "
          "disposal past the run's end counted whole), by whose time it is: `trader` for "
          "returns (the goods' owner waits for its carrier's vessel, "
          "`commodities.<commodity>.disposal.kind = \"return\"`), `quarantine` for "
          "destructions (booked with a licensed facility and supervised by quarantine, "
          "`kind = \"destruction\"`): the yard's slots and the supervision's load a "
          "planner sizes. Named, both owners, when some commodity's disposal time is above "
          "0; 0 where none was rejected."),
]
