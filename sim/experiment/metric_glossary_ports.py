"""The glossary's entries of each illicit type found, slipped and its value, pooled in every
run (:mod:`sim.model.illicit_types`), and of chosen types by port and direction
(:mod:`sim.model.illicit_ports`, ``enforcement.report_by_port``)."""

from __future__ import annotations

from sim.experiment.metric_glossary_data import ALL, DIR, EFFECT_LAYER, Entry

_KNOWN = (
    " detected_<type>, slipped_<type>, found_after_release_<type> and held_<type> add up "
    "to illicit_<type>. The pooled figure is in every run; by direction and port only for "
    "a type named in `enforcement.report_by_port` (none by default), and the ports' "
    "figures add up to the pooled one (docs/counterfeits.md)."
)

ILLICIT_BY_PORT = [
    Entry("detected_<type>", EFFECT_LAYER,
          "The cohort's illicit declarations of the type found before release (counterfeits: "
          "detained; tobacco, frozen products: seized; pests: rejected or treated)." + _KNOWN,
          by=ALL),
    Entry("slipped_<type>", EFFECT_LAYER,
          "The cohort's illicit declarations of the type released without being found, "
          "neither before release nor by the post-clearance checks (a tax review, a recall, "
          "the audit): the count whose value `value_slipped` pools over the types." + _KNOWN,
          by=ALL),
    Entry("found_after_release_<type>", EFFECT_LAYER,
          "The cohort's illicit declarations of the type released and then found by the "
          "post-clearance checks (a tax review, a recall, the audit): found, but too late to "
          "detain or seize at the border." + _KNOWN,
          by=ALL),
    Entry("held_<type>", EFFECT_LAYER,
          "The cohort's illicit declarations of the type still held by customs, not found, at "
          "the run's end: their outcome is not known yet." + _KNOWN,
          by=ALL),
    Entry("found_<type>_by_<finder>", EFFECT_LAYER,
          "The cohort's illicit declarations of the type credited to this check, the first "
          "that found them (as in `detection_rate_by_<finder>`), over every port and "
          "direction: those of `document`, `exam` and `quarantine` add up to detected_<type>, "
          "those of `review`, `recall` and `audit` to found_after_release_<type>. Which "
          "check finds each type (pests: quarantine; undervaluation: the document check and "
          "the tax review)."),
    Entry("value_seized_<type>", EFFECT_LAYER,
          "The illicit value of the cohort's declarations of the type seized, detained or "
          "rejected, over every port and direction; over the types they add up to "
          "`value_seized` (undervalued goods found are reassessed and released, so add "
          "nothing)."),
    Entry("value_slipped_<type>", EFFECT_LAYER,
          "The illicit value of the cohort's declarations of the type released and found "
          "neither before release nor after it, over every port and direction: what "
          "slipped_<type> was worth; over the types they add up to `value_slipped` (for "
          "undervaluation, the value hidden: the true less the declared)."),
]

_IPR_ONLY = "with `enforcement.ipr` set (none by default)"
_IPR = (
    " Whole consignments: each found counterfeit's holder asks for detention or not as its "
    "own draw (`holder_reply`) falls under the reply shares of `enforcement.ipr` "
    "(docs/counterfeits.md)."
)

#: suspected counterfeits after their finding: detained or released (sim.model.ipr)
IPR = [
    Entry("ipr_suspected_recorded", EFFECT_LAYER,
          "Counterfeits found before release whose brand is recorded with customs "
          "(protected ex officio); with ipr_suspected_unrecorded they add up to "
          "detected_counterfeit.", by=ALL, only=_IPR_ONLY),
    Entry("ipr_suspected_unrecorded", EFFECT_LAYER,
          "Counterfeits found before release whose brand is not recorded with customs "
          "(protected only on the holder's application).", by=ALL, only=_IPR_ONLY),
    Entry("ipr_detained", EFFECT_LAYER,
          "Suspected counterfeits detained: the holder of a recorded brand applied and "
          "posted the bond within the reply days, or the holder of an unrecorded one "
          "applied on its own." + _IPR, by=ALL, only=_IPR_ONLY),
    Entry("ipr_released_unconfirmed", EFFECT_LAYER,
          "Suspected counterfeits of a recorded brand released because the holder did not "
          "apply within the reply days: released after them, their clearance times "
          "include the hold (ipr_clearance_time_mean)." + _IPR, by=ALL, only=_IPR_ONLY),
    Entry("ipr_released_unprotected", EFFECT_LAYER,
          "Suspected counterfeits of a brand not recorded released because no one applied: "
          "customs cannot hold them on their own motion, so they go on to release when "
          "found, with no hold." + _IPR, by=ALL, only=_IPR_ONLY),
    Entry("ipr_unconfirmed_share", EFFECT_LAYER,
          "The share of all suspected counterfeits released because the holder did not "
          "confirm in time.", by=DIR, only=_IPR_ONLY),
    Entry("ipr_released_share", EFFECT_LAYER,
          "The share of all suspected counterfeits released (unconfirmed or unprotected).",
          by=DIR, only=_IPR_ONLY),
    Entry("ipr_holder_days", EFFECT_LAYER,
          "Calendar days the detained counterfeits are held after their finding, summed: "
          "the reply days and the investigation (ex officio) or the wait for a court (on "
          "application, and a court's order in `court_notice_share` of the cases), at the "
          "legal limits, counted from the finding on the office's "
          "working days with its holidays (organisation.office_hours) when set, else 7/5 "
          "calendar days each." + _IPR, by=ALL, only=_IPR_ONLY),
    Entry("ipr_detained_days_mean", EFFECT_LAYER,
          "Calendar days a detained counterfeit is held after its finding, on average.",
          by=DIR, only=_IPR_ONLY),
    Entry("ipr_clearance_time_mean", EFFECT_LAYER,
          "Hours from arrival to release of the suspected counterfeits released after the "
          "reply days (recorded, unconfirmed) by the run's end, on average: the hold "
          "as their trader sees it (they are in clearance_h_* too; the detained are not "
          "released and are in neither).", by=DIR, only=_IPR_ONLY),
    Entry("ipr_storage_cost", EFFECT_LAYER,
          "The holders' storage of the detained counterfeits: ipr_holder_days times "
          "`enforcement.ipr.storage_per_day`.", by=ALL, only=_IPR_ONLY),
    Entry("ipr_bond_cost", EFFECT_LAYER,
          "The holders' cost of the bonds tied up by the detained counterfeits: "
          "ipr_holder_days times `enforcement.ipr.bond_per_case` times `bond_rate` (a year) "
          "over 365 days.", by=ALL,
          only=_IPR_ONLY + " and `enforcement.ipr.bond_per_case` above 0"),
    Entry("ipr_counter_bond_cost", EFFECT_LAYER,
          "The consignees' cost of the counter-bonds they post to have detained goods "
          "suspected of infringing a patent released (IPR Regulations art. 19): ipr_detained "
          "times `patent_share` times `counter_bond_share` times `counter_bond_per_case` "
          "times `counter_bond_rate` (a year) over 365 days, for `counter_bond_held_days` "
          "working days after the release at 7/5 calendar days each (`counter_bond_suit_days` "
          "for the share `counter_bond_sued_share` whose holder sues), of the cases still held "
          "at `counter_bond_days`.", by=ALL,
          only=_IPR_ONLY + " and `enforcement.ipr.counter_bond_share` above 0"),
    Entry("ipr_counter_bond_awarded", EFFECT_LAYER,
          "The counter-bonds the courts award to holders who sue over goods released against "
          "them, expected: the cases released against a counter-bond times "
          "`counter_bond_sued_share` times `counter_bond_awarded_share` times "
          "`counter_bond_per_case`. A transfer from consignees to holders, not a cost of "
          "the border: not in ipr_counter_bond_cost.", by=ALL,
          only=_IPR_ONLY + " and `enforcement.ipr.counter_bond_share` and "
          "`counter_bond_sued_share` above 0"),
    Entry("ipr_trader_hold_cost", EFFECT_LAYER,
          "The traders' storage and demurrage of the containers held for the holder's reply "
          "(recorded, unconfirmed; released by the run's end), over the observed days: the "
          "storage the reply days add to the stay (free time the hold uses up is paid for "
          "later), times the containers, times `costs.trader.storage` of the port's mode. "
          "Part of their trader cost's storage, reported apart (sim/model/ipr_trader.py).", by=DIR,
          only=_IPR_ONLY + "; NaN without `[costs]`"),
    Entry("ipr_trader_hold_cost_per_held", EFFECT_LAYER,
          "ipr_trader_hold_cost per consignment so held: what an importer or exporter whose "
          "goods wait for the holder's reply pays in storage for it.", by=DIR,
          only=_IPR_ONLY + "; NaN without `[costs]`"),
]
