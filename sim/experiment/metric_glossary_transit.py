"""The glossary's entries of transit goods (转关, :mod:`sim.model.transit_metrics`): how many
come in transit from an entry port, the leg's hours and its part of clearance time; and the
imports in transit, those cleared directly and those under clearance integration apart
(:mod:`sim.model.result_clearance`)."""

from __future__ import annotations

from sim.experiment.metric_glossary_data import (
    CLEAR_LAYER,
    COST_LAYER,
    COUNT_LAYER,
    SEEN_LAYER,
    Entry,
)

_HOW = (
    " An import arrives in transit under `ports.<port>.transit.share` (by trader class, less "
    "the share `integrated`): its transit declaration is checked and its container sealed at "
    "the entry port (`transit_formalities`, customs' time), then it travels under seal to "
    "this office (`transit_travel`, the carrier's); clearance time counts from the arrival at "
    "the entry port."
)
_TRANSIT = _HOW + " Over the cohort's imports out of the flow."
#: what the share and the count of unfinished goods are over
_COHORT = (
    " Over every import of the cohort (arrived in the observed window), finished or not: "
    "whether it comes in transit is known at its arrival, so goods still at the transit "
    "desk or on their leg when the run ends (censored) count too."
)
#: what a scenario without transit gives (but a transit consignment's hours: NaN)
_NONE = " 0 when no import comes in transit (no `[ports.<port>.transit]`)."

#: where the split of imports by transit is named
_ONLY = "with transit goods (`[ports.<port>.transit]`, docs/transit.md)"

TRANSIT = [
    Entry("transit_share", COUNT_LAYER,
          "Share of imports that came in transit (转关) from an entry port, of all imports "
          "(exports never do)." + _HOW + _COHORT + _NONE),
    Entry("transit_h_mean", CLEAR_LAYER,
          "Mean hours of a transit consignment's leg, from its arrival at the entry port to "
          "its arrival here: the transit formalities and the journey under seal. NaN when "
          "none came in transit (so also when no port has `[ports.<port>.transit]`)."
          + _TRANSIT),
    Entry("transit_clearance_share", CLEAR_LAYER,
          "The transit leg's hours per import (over all of them) as a share of the imports' "
          "mean clearance time (arrival at the entry port to release): how much of their "
          "clearance time the transit leg is." + _TRANSIT + _NONE),
]

#: each group of imports: what it is, and what a reader must know of it
_GROUPS = {
    "transit": ("imports that came in transit (转关) from an entry port",
                " Counted from the arrival at the entry port, as the WCO Time Release Study "
                "counts: the transit leg is in it."),
    "direct": ("imports cleared where they arrived (not in transit, nor taken out of it by "
               "clearance integration)",
               " The same goods with or without clearance integration (the goods it takes "
               "out of transit are `integrated`), so a reform that integrates leaves this "
               "group's goods as they were."),
    "integrated": ("imports under clearance integration (通关一体化): those that would have "
                   "come in transit without it (the transit draw's uniform under the class's "
                   "`share`, not under `share x (1 - integrated)`) and are cleared as if direct",
                   " Counted from their arrival at the entry port, as the transit goods are: "
                   "set beside `clearance_h_mean_transit_import` of the baseline without "
                   "integration, the same goods' clearance with and without it. An empty "
                   "group where `ports.<port>.transit.integrated` is 0."),
}
#: the inspection rates' groups: all the group's imports, or one trader class's
_OF_CLASS = {"": "", "_<class>": " of one trader class (`aeo_advanced`: what AEO status does "
             "to the inspection of transit goods, such as a bonded zone's)"}
#: whose cost, of the transit goods and the rest apart
_COST = {"agency": "The agencies' cost (staff, equipment, checks)",
         "trader": "The trader's cost (fees and charges paid plus the value of the goods' time "
                   "from arrival at the entry port)"}
_COST_WHY = (" The transit desk's officers (`costs.staff.transit_desk`) are paid by the goods "
             "they sealed, so a desk's cost falls on the transit goods alone.")
_STATS = {"mean": "Mean hours", "p90": "90th percentile of the hours"}
_WHAT = {
    "clearance": "clearance time (arrival to customs' release), over the cohort's "
                 "consignments released by customs by the end of the run",
    "overall_clearance": "overall clearance time (arrival to the goods' exit), over the "
                         "cohort's consignments out of the flow by the end of the run",
}
_QUANTILE = " Read from a log histogram, within 1 % of the exact quantile."

#: imports in transit, those cleared directly and those under integration, apart
TRANSIT_SPLIT = [
    Entry("transit_unfinished", COUNT_LAYER,
          "How many of the cohort's imports that came in transit were still in the flow when "
          "the run ended (censored: at the transit desk, on their leg or further on): left "
          "out of `transit_h_mean`, `transit_clearance_share` and the figures of "
          "`transit/import`, which are then biased low; many of them mean a longer drain "
          "(`drain_days`) or more transit officers (`ports.<port>.transit.desk.capacity`)."
          + _HOW, only=_ONLY),
    Entry("transit_desk_era_behind", COUNT_LAYER,
          "How many of the cohort's transit consignments that queued at a transit desk were "
          "assessed, counted from when they really lodged after the desk's wait, after a dated "
          "rule of the timeline (`[[timeline]]`, `--reforms NAME@TIME`) came into force, yet "
          "follow the rules in force before it: a consignment's era is chosen from its arrival "
          "without the desk's wait, since its rules draw its transit leg (docs/transit.md). 0 "
          "when a date passed none; the run's note names it when it is more.",
          only="with a timeline and a transit desk that queues (`ports.<port>.transit.desk`, "
               "docs/transit.md)"),
    *[
        Entry(f"{metric}_h_{stat}_{kind}_import", CLEAR_LAYER,
              f"{_STATS[stat]} of {_WHAT[metric]}, of the {_GROUPS[kind][0]}; NaN when the "
              f"group had none.{_GROUPS[kind][1]}" + (_QUANTILE if stat == "p90" else ""),
              only=_ONLY)
        for metric in ("clearance", "overall_clearance")
        for kind in ("transit", "direct", "integrated")
        for stat in ("mean", "p90")
    ],
    *[
        Entry(f"clearance_n_{kind}_import", COUNT_LAYER,
              f"How many {_GROUPS[kind][0]} customs released by the end of the run: those "
              f"`clearance_h_mean_{kind}_import` averages; 0 when none.{_GROUPS[kind][1]}",
              only=_ONLY)
        for kind in ("transit", "direct", "integrated")
    ],
    *[
        Entry(f"{who}_cost_per_consignment_{kind}_import", COST_LAYER,
              f"{_COST[who]} per consignment of the {_GROUPS[kind][0]}, mean over those "
              f"finished (out of the flow by the end of the run), in the scenario's currency; "
              f"NaN when the group had none.{_GROUPS[kind][1]}{_COST_WHY}", only=_ONLY)
        for who in ("agency", "trader")
        for kind in ("transit", "direct", "integrated")
    ],
    *[
        Entry(f"inspection_rate{cls}_{kind}_import", SEEN_LAYER,
              f"Share of the {_GROUPS[kind][0]}{_OF_CLASS[cls]} that customs inspected "
              "(scanned, physically examined or checked by quarantine, as `inspection_rate`), "
              "over those finished (out of the flow by the end of the run: a censored "
              "consignment still at the transit desk or on its leg has not reached this "
              "office); NaN when the group had none." + _GROUPS[kind][1], only=_ONLY)
        for cls in ("", "_<class>")
        for kind in ("transit", "direct", "integrated")
    ],
]
