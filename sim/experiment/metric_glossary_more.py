"""The glossary's entries of smuggling, costs, lanes, the organisation and the risk engine
(the first layers are in :mod:`sim.experiment.metric_glossary_data`), and every entry in the
page's order (:data:`ENTRIES`)."""

from __future__ import annotations

from sim.experiment.metric_glossary_approach import APPROACH
from sim.experiment.metric_glossary_bonded import BONDED
from sim.experiment.metric_glossary_calls import CALLS
from sim.experiment.metric_glossary_data import (
    CLEARANCE,
    COST_LAYER,
    COUNTS,
    DIR_PD,
    EFFECTIVENESS,
    FINISHED,
    LANE_LAYER,
    ORG_LAYER,
    RISK_LAYER,
    SEEN,
    SMUG_LAYER,
    TRUTH,
    Entry,
)
from sim.experiment.metric_glossary_idling import IDLING
from sim.experiment.metric_glossary_lab import LAB_HOLDS
from sim.experiment.metric_glossary_lab_work import LAB_WORK
from sim.experiment.metric_glossary_lane_law import LANE_LAW
from sim.experiment.metric_glossary_parcels import LOW_VALUE_DUTY, PARCEL_HOLDS
from sim.experiment.metric_glossary_pests import DISPOSAL, PESTS
from sim.experiment.metric_glossary_ports import ILLICIT_BY_PORT, IPR
from sim.experiment.metric_glossary_returns import RETURNS, REVIEWS
from sim.experiment.metric_glossary_tails import TAILS
from sim.experiment.metric_glossary_transit import TRANSIT, TRANSIT_SPLIT
from sim.experiment.metric_glossary_yard import EXAM_YARD, YARD_DWELL

SMUGGLING = [
    Entry("smuggling_opportunities", SMUG_LAYER,
          "The smuggling groups' opportunities in the observed window (by the time of the "
          "attempt), whether they smuggled or not."),
    Entry("smuggling_attempts", SMUG_LAYER,
          "Opportunities at which a group smuggled (chose a route, at a port or outside the "
          "ports), in the observed window."),
    Entry("smuggling_attempts_<type>", SMUG_LAYER,
          "Smuggling attempts carrying this illicit type."),
    Entry("smuggling_attempts_route_<route>", SMUG_LAYER, "Smuggling attempts by this route."),
    Entry("smuggling_caught_route_<route>", SMUG_LAYER,
          "Attempts by this route caught (by its patrol, or by the port's checks on a port "
          "route)."),
    Entry("smuggling_caught_share_route_<route>", SMUG_LAYER,
          "The route's catch rate: its caught attempts over those caught or slipped "
          "(unresolved ones left out); what its patrol or port achieves against smugglers."),
    Entry("attempts_deterred", SMUG_LAYER,
          "Opportunities at which a group chose not to smuggle (deterred)."),
    Entry("smuggling_deterred_share", SMUG_LAYER,
          "Deterred opportunities over all opportunities in the observed window."),
    Entry("smuggling_attempts_<type>_route_<route>", SMUG_LAYER,
          "Smuggling attempts carrying this illicit type by this route (the type's groups "
          "only): where a patrol or a port's checks move this type's loads, apart from the "
          "other groups' that `smuggling_attempts_route_<route>` pools with them."),
    Entry("smuggling_route_share_<type>_route_<route>", SMUG_LAYER,
          "The share of the attempts carrying this illicit type that went by this route "
          "(the type's groups only; a replication's own share, so its interval is the "
          "share's, not a ratio of mean counts)."),
    Entry("smuggling_caught_<type>_route_<route>", SMUG_LAYER,
          "Attempts carrying this illicit type by this route that were caught there (by its "
          "patrol, or by the port's checks on a port route; the type's groups only)."),
    Entry("smuggling_caught_share_<type>_route_<route>", SMUG_LAYER,
          "This illicit type's catch rate on this route: its caught attempts there over those "
          "caught or slipped (unresolved ones left out; the type's groups only)."),
    Entry("attempts_deterred_<type>", SMUG_LAYER,
          "Opportunities of the groups carrying this illicit type at which they chose not to "
          "smuggle (deterred)."),
    Entry("smuggling_deterred_share_<type>", SMUG_LAYER,
          "Deterred opportunities over all opportunities of the groups carrying this illicit "
          "type, in the observed window."),
    Entry("smuggling_caught_share_<type>", SMUG_LAYER,
          "The attempts carrying this illicit type caught (by patrols and at the ports) over "
          "those caught or slipped; unresolved ones left out."),
    Entry("smuggling_interdicted_<type>", SMUG_LAYER,
          "Attempts carrying this illicit type caught by a patrol on a route outside the "
          "ports (the type's groups only): what the patrols stop of this type, apart from the "
          "other groups' that `smuggling_interdicted` pools with them."),
    Entry("smuggling_value_slipped_<type>", SMUG_LAYER,
          "True value of the attempts carrying this illicit type that slipped through, by any "
          "route, at the ports and outside them (the groups' loads only: the ports' other "
          "illicit goods of the type are in `value_slipped`), summed over the observed window."),
    Entry("resident_lane_members_route_<route>", SMUG_LAYER,
          "Crossings by honest members at the route's border-resident lane (arrived in the "
          "observed window).",
          only="with a resident lane (`[smuggling.routes.X.lane]`, docs/resident-lane.md)"),
    Entry("resident_lane_carriers_route_<route>", SMUG_LAYER,
          "Crossings by residents hired to carry a smuggling group's split load at the lane "
          "(each load: ceil(value / allowance) of them).",
          only="with a resident lane (`[smuggling.routes.X.lane]`, docs/resident-lane.md)"),
    Entry("resident_lane_smuggled_share_route_<route>", SMUG_LAYER,
          "Carriers of smuggling loads over all crossings at the lane: how much of the "
          "border-resident channel the smugglers use.",
          only="with a resident lane (`[smuggling.routes.X.lane]`, docs/resident-lane.md)"),
    Entry("resident_lane_member_wait_h_mean_route_<route>", SMUG_LAYER,
          "Members' mean wait for an officer at the lane, from arrival to the start of their "
          "check (queued behind members and carriers alike).",
          only="with a resident lane (`[smuggling.routes.X.lane]`, docs/resident-lane.md)"),
    Entry("resident_lane_member_wait_h_p90_route_<route>", SMUG_LAYER,
          "The 90th percentile of members' wait for an officer at the lane.",
          only="with a resident lane (`[smuggling.routes.X.lane]`, docs/resident-lane.md)"),
    Entry("resident_lane_member_time_h_mean_route_<route>", SMUG_LAYER,
          "Members' mean time at the lane: the wait, the check of every crossing and, for "
          "those selected, the detailed check of the goods against the allowance.",
          only="with a resident lane (`[smuggling.routes.X.lane]`, docs/resident-lane.md)"),
    Entry("resident_lane_member_checked_share_route_<route>", SMUG_LAYER,
          "Members given a detailed check of their goods (the lane's `check_share`, as drawn): "
          "the honest members' share of a crackdown.",
          only="with a resident lane (`[smuggling.routes.X.lane]`, docs/resident-lane.md)"),
    Entry("resident_lane_loads_found_route_<route>", SMUG_LAYER,
          "Smuggling loads found by a detailed check of one of their carriers at the lane "
          "(some of them also stopped by the patrol; both count once in "
          "`smuggling_caught_route_<route>`).",
          only="with a resident lane (`[smuggling.routes.X.lane]`, docs/resident-lane.md)"),
    Entry("smuggling_interdicted", SMUG_LAYER,
          "Attempts on routes outside the ports caught by a patrol."),
    Entry("smuggling_caught_at_ports", SMUG_LAYER,
          "Attempts on port routes caught at the port (by its checks)."),
    Entry("smuggling_slipped", SMUG_LAYER, "Attempts that got through (any route)."),
    Entry("smuggling_unresolved", SMUG_LAYER,
          "Attempts whose outcome was not known when the run ended."),
    Entry("smuggling_caught_share", SMUG_LAYER,
          "Caught attempts (patrols and ports) over those caught or slipped; unresolved ones "
          "left out."),
    Entry("detection_rate_all_routes", SMUG_LAYER,
          "Detection over every route: the ports' illicit declarations detected before "
          "release + the attempts the patrols interdicted outside the ports, over the ports' "
          "illicit declarations whose outcome is known + the outside attempts caught or "
          "slipped. A group's port load is a declaration at its port, counted once. "
          "`detection_rate` is the ports' part alone."),
    Entry("detection_rate_value_all_routes", SMUG_LAYER,
          "As `detection_rate_all_routes`, by the goods' true value (the ports' "
          "`detection_rate_value` with the outside routes' value caught and slipped)."),
    Entry("detection_rate_outside_ports", SMUG_LAYER,
          "Attempts on routes outside the ports interdicted by patrols over those caught or "
          "slipped there (unresolved ones left out): the outside routes' part alone."),
    Entry("detection_rate_value_outside_ports", SMUG_LAYER,
          "As `detection_rate_outside_ports`, by the goods' true value."),
    Entry("smuggling_value_caught", SMUG_LAYER,
          "True value of the goods of attempts caught, summed over the observed window."),
    Entry("smuggling_value_slipped_outside", SMUG_LAYER,
          "True value slipped through on routes outside the ports (what the patrols missed); "
          "the total slipped, this + `value_slipped`, is `value_slipped_total`."),
    Entry("smuggling_value_slipped_at_ports", SMUG_LAYER,
          "True value of the groups' port loads released: already part of `value_slipped` "
          "(unless a post-clearance audit found them later), never to be added to it."),
    Entry("value_slipped_total", SMUG_LAYER,
          "All the illicit value that slipped through, at the ports and outside them: "
          "`value_slipped` (declared goods, smugglers' port loads included) + "
          "`smuggling_value_slipped_outside` (routes outside the ports), each load counted "
          "once; goods still held or on their way at the end are in neither. The figure to "
          "weigh a patrol by: it may push loads to the ports, where `value_slipped` rises "
          "while the total falls."),
]

_PER = f"{FINISHED}, in the scenario's currency"
#: what the revenue figures rest on
_ASSUMED = (
    "Assumptions all: the hidden truth's prevalence and undervaluation factor "
    "(`enforcement.prevalence`, `enforcement.undervaluation_factor`) and the duty rates "
    "(`costs.commodities.<name>.duty_rate`, else `costs.slipped.duty_rate`); NaN without the "
    "hidden truth."
)
#: how revenue evaded is worked out from the hidden truth
_EVADED = (
    "Goods declared at their true value and commodity (frozen goods without quarantine "
    "clearance, tobacco declared as tobacco) evade nothing; an undervalued declaration "
    "evades its commodity's duty rate on the hidden value (true - declared); tobacco or "
    "frozen goods declared as another commodity evade the duty of the commodity named "
    "`tobacco` or `frozen` (the default duty rate if the scenario has no such commodity) "
    "on their true value less the declared commodity's duty on the declared value, never "
    "below 0."
)
COSTS = [
    Entry("total_cost_per_consignment", COST_LAYER,
          f"Agency + trader cost, {_PER}. Pooled over every port, a parcel and a sea "
          "container alike: the port and direction forms compare like with like.", DIR_PD),
    Entry("agency_cost_per_consignment", COST_LAYER,
          f"Customs' and the other agencies' cost (staff, posts, equipment and other running "
          f"costs, shared among consignments; scans, samples, tests, and the work after "
          f"release where `costs.checks` prices it: post-clearance tax reviews, supplementary "
          f"declarations) and the terminal charges "
          f"the state pays for the trader (handling of inspections that found nothing, "
          f"`no_find_state_per_consignment`, when `costs.no_find_payer` is the state; return "
          f"or destruction of rejected goods when `costs.checks.rejection_payer` is), {_PER}. "
          f"The patrols on routes outside the ports are no port's cost: in the all-ports "
          f"forms, none in a port's (`agency_cost_patrol_per_consignment`). The other costs "
          f"of no port (post-clearance auditors, running costs of systems, the "
          f"organisation's units) are shared among the ports by "
          f"`costs.overhead_shared_by` (by default equally per declaration, so a port of "
          f"many cheap declarations carries most of them): a port's own cost is this less "
          f"`agency_cost_overhead_per_consignment`.",
          DIR_PD),
    Entry("trader_cost_per_consignment", COST_LAYER,
          f"The trader's cost: fees and charges paid (storage and demurrage among them) plus "
          f"the value of the goods' time from arrival to the end of the flow (their inventory "
          f"holding cost, `costs.trader.time_cost_per_day`), {_PER}.", DIR_PD),
    Entry("trader_cost_per_consignment_<class>_port_<port>_<direction>", COST_LAYER,
          "`trader_cost_per_consignment` of one trader class's finished consignments at one "
          "port and direction: what its traders' consignments cost them there, not what the "
          "class saves: most of it is the value of the goods' time, so classes differ by "
          "their goods' value and commodity mix (and by chance) as much as by their "
          "treatment. What the class's treatment costs or saves a trader is "
          "`border_burden_per_consignment_<class>_port_<port>_<direction>`. NaN where the "
          "class finished nothing there."),
    Entry("border_burden_per_consignment_<class>_port_<port>_<direction>", COST_LAYER,
          "`border_burden_per_consignment` of one trader class's finished consignments at "
          "one port and direction: what the border's treatment of the class (its checks, "
          "the customs', quarantine's and organisation's hours) costs its traders there, per "
          "declaration. Set against `general`'s at the same port and direction (paired "
          "within each replication), it is what a class (AEO) saves; still weighted by its "
          "goods' value (the value of time), so read it with "
          "`clearance_h_mean_<class>_port_<port>_<direction>`. A run's `class-differences.csv` "
          "holds those differences with their intervals. NaN where the class finished "
          "nothing there."),
    Entry("border_burden_per_container_<class>_port_<port>_<direction>", COST_LAYER,
          "`border_burden_per_consignment_<class>_port_<port>_<direction>` per container: "
          "the class's border burden there over its containers (a truck, an air shipment or "
          "a parcel counts as one), as `trader_fees_per_container`."),
    Entry("border_burden_per_container_port_<port>_<direction>", COST_LAYER,
          "`border_burden_per_consignment_port_<port>_<direction>` per container: the part "
          "of the trader cost that customs, quarantine and the organisation impose (their "
          "hours' value of time, inspection handling, attendance, quarantine treatment) over "
          "every class's "
          "finished containers at one port and direction (a truck, an air shipment or a "
          "parcel counts as one), as `trader_fees_per_container`: the government's part of "
          "what a box costs a broker's client there. NaN where the port finished nothing in "
          "that direction."),
    Entry("trader_fees_per_consignment", COST_LAYER,
          f"Money the trader pays (broker, handling, storage, inspection handling, ...), the "
          f"value of time aside, {_PER}.", DIR_PD),
    Entry("trader_fees_per_container", COST_LAYER,
          "Money the trader pays (as `trader_fees_per_consignment`) per container: the "
          "finished consignments' fees over their containers (a truck at a land border, an "
          "air shipment or a parcel at a post hub counts as one, so pooled over ports it "
          "mixes a parcel's fees with a sea box's: read a port's). Doing Business gives its "
          "cost to export and import per shipment (15 t, US$50,000), closer to one declaration "
          "(`trader_fees_per_consignment`) than to one container.",
          DIR_PD),
    Entry("trader_cost_per_container", COST_LAYER,
          "The trader's cost (as `trader_cost_per_consignment`: the fees paid and the value "
          "of the goods' time, which stands for inventory holding) per container: the "
          "finished consignments' cost over their containers (a truck, an air shipment or a "
          "parcel counts as one, so pooled over ports it mixes a parcel with a sea box: "
          "read a port's). Less `trader_fees_per_container`, it is the value of the time "
          "a box waits.", DIR_PD),
    Entry("storage_per_container", COST_LAYER,
          "Storage and demurrage the trader pays per container (`costs.trader.storage`: one "
          "figure for the terminal's storage and the carrier's demurrage, charged after the "
          "free period from discharge, else from arrival): the finished consignments' storage "
          "over their containers, the cost of delay per box (the value of the goods' time "
          "apart: `time_per_consignment`). 0 where the scenario charges none; pooled over "
          "ports it mixes a truck or a parcel (one container each) with a sea box: read a "
          "port's.", DIR_PD),
    Entry("storage_per_container_<class>_port_<port>_<direction>", COST_LAYER,
          "`storage_per_container` of one trader class's finished consignments at one port "
          "and direction: what a class's slower or faster clearance (its checks) runs up in "
          "storage per box there. NaN where the class finished nothing there."),
    Entry("agency_cost_per_container", COST_LAYER,
          "The agencies' cost (as `agency_cost_per_consignment`: their fixed costs shared "
          "among the consignments and each check's own) of the finished consignments over "
          "their containers. A truck at a land border, an air shipment or a parcel at a post "
          "hub counts as one container, so the pooled figure mixes a parcel with a sea box: "
          "the port forms compare like with like.", DIR_PD),
    Entry("total_cost_per_container", COST_LAYER,
          "Agency + trader cost (as `total_cost_per_consignment`) of the finished "
          "consignments over their containers: a sea or rail declaration carries several "
          "boxes, so its cost per declaration is not comparable with a truck's or a parcel's "
          "(each counts as one container; pooled over ports it mixes them: read a sea or "
          "rail port's).", DIR_PD),
    Entry("time_per_consignment", COST_LAYER,
          f"The value of the goods' time (value x time cost per day) over the hours from "
          f"arrival to the end of the flow (0 unless released), {_PER}."),
    Entry("trader_cost_p90", COST_LAYER,
          "90th percentile of trader cost over the finished consignments (log histogram)."),
    Entry("trader_cost_p90_port_<port>_<direction>", COST_LAYER,
          "`trader_cost_p90` at one port and direction: the 90th percentile of the trader "
          "cost per finished consignment there, every class together (a streamed log "
          "histogram, as the clearance times' p90s; per declaration, not per container): "
          "the worst usual case a broker quotes a client there. NaN where the port finished "
          "nothing in that direction."),
    Entry("no_find_per_consignment", COST_LAYER,
          f"Handling (moves, exam handling) of goods examined or checked by quarantine and "
          f"released untreated with no illicit goods found by any check before release (the "
          f"inspection found nothing), whoever pays it, {_PER}."),
    Entry("no_find_state_per_consignment", COST_LAYER,
          f"The part of `no_find_per_consignment` the state pays (all of it when "
          f"`costs.no_find_payer` is the state, else 0): public money, in the agency cost, "
          f"paid to terminals rather than spent on staff or equipment, {_PER}."),
    Entry("border_burden_per_consignment", COST_LAYER,
          f"The part of trader cost the border imposes (the value of time owned by customs, "
          f"quarantine and the organisation, inspection handling, attendance, quarantine "
          f"treatment), {_PER}.",
          DIR_PD),
    Entry("compliant_burden_per_consignment", COST_LAYER,
          "Border burden (as `border_burden_per_consignment`), mean over the finished "
          "consignments without illicit goods."),
    Entry("compliant_trader_cost_per_consignment", COST_LAYER,
          "Trader cost, mean over the finished consignments without illicit goods."),
    Entry("burden_cost_per_inspected_compliant_port_<port>_<direction>", COST_LAYER,
          "The money counterpart of `burden_clearance_h`: what an inspection costs a "
          "compliant trader, per inspected compliant declaration at one port and direction. "
          "There, among the cohort's compliant declarations (no illicit goods, the hidden "
          "truth) released by the end, the mean cost the border imposes on those released "
          "after a scan, exam or quarantine check less that on those released without one; "
          "the cost imposed is the border burden (as `border_burden_per_consignment`: the "
          "value of the hours owned by customs, quarantine and the organisation, inspection "
          "handling, attendance, quarantine treatment) plus storage (which the longer stay "
          "runs up). Not the whole "
          "trader cost: its fees and the value of the trader's and terminal's own hours "
          "differ with the goods inspected (quarantine checks fall on perishables) more than "
          "with the inspection. A difference of means, as `burden_clearance_h`'s: the "
          "inspected goods are not the same goods as the uninspected. NaN without the "
          "hidden truth or where either group is empty."),
    Entry("revenue_evaded_per_consignment", COST_LAYER,
          f"Duty evaded by illicit goods not found: the duty due on the goods as they truly "
          f"are less the duty assessed on the declaration, {_PER}. {_EVADED}"),
    Entry("harm_slipped_per_consignment", COST_LAYER,
          f"Harm of illicit goods not found (each illicit type's value per consignment, per "
          f"container or per unit of true value: `costs.slipped.harm_per`), "
          f"{_PER}."),
    Entry("revenue_evaded", COST_LAYER,
          "Duty evaded by the finished consignments' illicit goods not found (as "
          "`revenue_evaded_per_consignment`), scaled from the observed window to a year."),
    Entry("harm_slipped", COST_LAYER,
          "Harm of the finished consignments' illicit goods not found, scaled to a year."),
    Entry("revenue_at_risk", COST_LAYER,
          f"The duty gap of the finished consignments' illicit goods, found or not: the duty "
          f"due on the goods as they truly are less the duty assessed on the declaration, "
          f"scaled from the observed window to a year. It splits as `revenue_found_before_"
          f"release` + `revenue_found_after_release` + `revenue_evaded`. {_ASSUMED}"),
    Entry("revenue_found_before_release", COST_LAYER,
          f"The part of `revenue_at_risk` whose goods a check found before release (document "
          f"check, exam, quarantine check): reassessed before release, or seized with the "
          f"goods, a year. {_ASSUMED}"),
    Entry("revenue_found_after_release", COST_LAYER,
          f"The part of `revenue_at_risk` whose goods were found only after release (tax "
          f"review, recall, post-clearance audit), a year: counted whenever the find falls "
          f"due, even months after the run's end (the audit's lag, `enforcement.audit.lag`), "
          f"as `detection_rate_with_audit`; taken as recovered in full (no write-off, no "
          f"penalty). {_ASSUMED}"),
    Entry("audits_per_year", COST_LAYER,
          "Post-clearance audits a year: `enforcement.audit.share` x the finished cohort's "
          "released declarations, scaled from the observed window to a year (an expectation: "
          "each released declaration is audited with that probability; the model draws only "
          "what an audit finds; every port's, a post hub's parcel lists included, as the "
          "audit's share applies to all; a class's share times its "
          "`enforcement.audit.by_class` multiplier). An audit picked by risk "
          "(`enforcement.audit.targeting = \"risk\"`) picks illicit declarations more often "
          "than its share: each counts with its pick. The team's size, "
          "`enforcement.audit.staff`, does "
          "not limit it: a larger share is audited by the same auditors (see "
          "`audits_per_auditor_per_year`)."),
    Entry("audits_per_auditor_per_year", COST_LAYER,
          "`audits_per_year` / `enforcement.audit.staff`: the workload the audit share puts on "
          "each auditor, to set against what an audit takes (an assumption the scenario does "
          "not hold); NaN without auditors."),
    Entry("audit_staff_cost_per_year", COST_LAYER,
          "The post-clearance auditors' cost (`enforcement.audit.staff` full time at "
          "`costs.audit_role`'s pay), a year: a fixed headcount, the same whatever share "
          "they audit; inside `agency_cost_per_year`."),
    Entry("agency_cost_patrol_per_year", COST_LAYER,
          "The smuggling patrols' cost on the routes outside the ports (officers on duty x "
          "hours x `costs.patrol_role`'s hourly cost), a year: their own line, inside "
          "`agency_cost_per_year` and `agency_staff_cost_per_year`, in no port's cost "
          "per consignment; 0 without patrols."),
    Entry("agency_cost_patrol_per_consignment", COST_LAYER,
          "The patrols' cost (as `agency_cost_patrol_per_year`, not scaled) over the finished "
          "consignments of every port: the part of the all-ports "
          "`agency_cost_per_consignment` they are; no port's form holds any of it."),
    Entry("agency_cost_overhead_per_consignment", COST_LAYER,
          f"The part of `agency_cost_per_consignment` (in the same form) that is costs of no "
          f"port (overheads: the patrols on routes outside the ports, in the all-ports forms "
          f"only; the post-clearance auditors; the running costs of systems; the "
          f"organisation's units' staff), {_PER}: the agencies' cost less it is what the "
          f"ports' own work costs. Shared among the ports by `costs.overhead_shared_by`: "
          f"`declarations` (the default) in proportion to each port's finished declarations, "
          f"whatever its own work costs; `staff_hours` in proportion to each port's staffed "
          f"head-hours over the window (its lanes' staff on duty by their schedules, "
          f"`costs.staff` heads x the lanes' capacities, their overtime, and its fixed posts, "
          f"`costs.posts`); within a port equally per declaration. Only ports that finished "
          f"a consignment take a share.", DIR_PD),
    Entry("agency_cost_unshared_per_year", COST_LAYER,
          "The fixed costs (staff on duty, posts, equipment), a year, of the ports that "
          "finished no consignment in the observed days (a short run's): inside "
          "`agency_cost_per_year`, but in no cost per consignment (no consignment of theirs "
          "carries them, and no other port's does), so `agency_cost_per_consignment` x the "
          "finished consignments falls short of the agencies' cost over the window by as "
          "much; the run's note says so. 0 when every port finished one."),
    Entry("revenue_found_per_audit", COST_LAYER,
          "`revenue_found_by_audit` / `audits_per_year`: the duty an audit finds on average "
          "(its yield), whenever its find falls due; NaN when nothing is audited. An "
          "assumption as `revenue_at_risk` is."),
    Entry("audit_lag_days_mean", COST_LAYER,
          "How long after release the audit finds the duty: the mean days from release to "
          "the audit's find (`enforcement.audit.lag`, drawn for each declaration), weighted "
          "by the duty each find brings (`revenue_found_by_audit`); NaN when the audit found "
          "none. Its finds count in the figures whenever they fall due, even after the run's "
          "end: `detection_rate_by_audit_by_end` is the share found by then."),
    Entry("revenue_found_by_audit", COST_LAYER,
          f"The part of `revenue_found_after_release` credited to the post-clearance audit "
          f"(`enforcement.audit`; goods a tax review or a recall found first are theirs), a "
          f"year, whenever its find falls due. {_ASSUMED}"),
    Entry("agency_cost_per_year", COST_LAYER,
          "The agencies' fixed costs (staff on duty and their overtime, posts, equipment, "
          "overheads) over the "
          "observed window plus the finished consignments' agency costs (checks, and the "
          "terminal charges the state pays: see `agency_cost_per_consignment`), scaled to a "
          "year."),
    Entry("agency_capital_cost_per_year", COST_LAYER,
          "The investment part of `agency_cost_per_year`: the equipment's capital (scanners, "
          "as many as each port's scanner lane's largest capacity, and laboratories) charged "
          "as its equivalent annual cost (the equal annual payment that repays it over its "
          "life at `costs.discount_rate`). Its running costs (power, maintenance per use) are "
          "in `agency_running_cost_per_year`."),
    Entry("agency_running_cost_per_year", COST_LAYER,
          "`agency_cost_per_year` less `agency_capital_cost_per_year`: staff, overtime, "
          "posts, other running costs (`costs.systems`), each check's own cost and the "
          "terminal charges the state pays, scaled to a year."),
    Entry("agency_capital_outlay", COST_LAYER,
          "The one-off capital of the equipment the run uses (as "
          "`agency_capital_cost_per_year` counts it: each port's scanners x a scanner's "
          "`capital`, and its laboratory's), not annualised and not scaled to the observed "
          "days: what buying it would cost at once (4 container scanners at 2.6 M: 10.4 M)."),
    Entry("trader_cost_per_year", COST_LAYER,
          "The finished consignments' trader cost (fees paid and the value of the goods' "
          "time, as `trader_cost_per_consignment`) over the observed window, scaled to a year."),
    Entry("total_cost_per_year", COST_LAYER,
          "`agency_cost_per_year` + `trader_cost_per_year`: what clearance costs the agencies "
          "and the traders in a year (slipped revenue and harm apart)."),
    Entry("agency_cost_per_year_<era>", COST_LAYER,
          "With a timeline, the agencies' cost of one of its periods (`<era>`, as "
          "`clearance_h_mean_<era>`) scaled to a year from that period's own observed hours: "
          "the fixed costs of those hours (staff on duty, posts, equipment, and the running "
          "costs in force then: a dated reform's `cost_per_year` from its date; the overtime "
          "worked in those hours, a capacity window's extra staff included, so that a peak "
          "season's staff cost its own period) plus the agency "
          "costs of the goods that arrived in it. `agency_cost_per_year` averages the periods "
          "by their observed hours: a reform costing 2 M a year switched on half-way adds "
          "about 1 M to it and about 2 M to its own period's."),
    Entry("agency_cost_per_consignment_<era>", COST_LAYER,
          f"With a timeline, the agency cost of one of its periods (as "
          f"`agency_cost_per_year_<era>`, not scaled) over the finished consignments that "
          f"arrived in it: `agency_cost_per_consignment` of that period, {_PER}."),
    Entry("total_cost_per_consignment_<era>", COST_LAYER,
          f"With a timeline, `agency_cost_per_consignment_<era>` + the trader cost of the "
          f"goods that arrived in the period (`trader_cost_per_consignment` of them), {_PER}."),
    Entry("agency_staff_cost_per_year", COST_LAYER,
          "The cost of the agencies' staff over the observed window (the lanes' staff on "
          "duty, their overtime, the fixed posts, patrols, the post-clearance auditors and the "
          "organisation's units), "
          "scaled to a year. Overtime is the time a server stays busy past its schedule "
          "(a job finishing after its shift's end), x heads per server, priced at "
          "`costs.overtime_premium` x the role's hourly cost (the `agency` table's rows of "
          "kind `overtime`). With `costs.night`, the lanes' hours on duty in the night hours "
          "add their premium (rows of kind `night`)."),
    Entry("agency_systems_cost_per_year", COST_LAYER,
          "The agencies' other running costs (`costs.systems`: IT, licences, a reform's "
          "`cost_per_year`) over the years of the observed window they are in force (the "
          "`agency` table's rows of kind `systems`), scaled to a year; 0 without any. A line of "
          "`agency_cost_per_year`: `agency_staff_cost_per_year` + "
          "`agency_capital_cost_per_year` + `agency_systems_cost_per_year` + "
          "`agency_checks_cost_per_year` is `agency_cost_per_year`."),
    Entry("agency_checks_cost_per_year", COST_LAYER,
          "What the finished consignments' checks cost the agencies as they happen (scans, "
          "samples, laboratory tests and uses, the work after release where "
          "`costs.checks` prices it) and the terminal charges the state pays for traders "
          "(`costs.no_find_payer`, `costs.checks.rejection_payer`), over the observed window, "
          "scaled to a year: the `costs` table's `agency_variable`. The last line of "
          "`agency_cost_per_year` (staff + capital + systems + checks)."),
    Entry("agency_busy_staff_cost_per_year", COST_LAYER,
          "The staff cost times each lane's utilisation (the cost of their busy time, "
          "overtime all of it; an "
          "organisation unit's staff by the unit's utilisation), scaled to a year. Patrols and "
          "post-clearance auditors, whose busy time is not measured, are left out (none if "
          "they are the only staff)."),
    Entry("agency_idle_staff_cost_per_year", COST_LAYER,
          "The staff cost of the time on duty in which no one was busy (each staff item's "
          "cost less its busy cost, so that it and `agency_busy_staff_cost_per_year` add up "
          "to the measured staff's cost), scaled to a year: paid all the same. A reform's rise "
          "in it is the capacity it frees, officers' hours no longer needed but still paid, "
          "not cash; the cash it saves is the fall in `agency_cost_per_year` (fewer posts or "
          "shifts paid, less overtime, lower running and per-check costs). Patrols, "
          "post-clearance auditors and fixed posts, whose busy time is not measured, are left "
          "out."),
    Entry("agency_idle_staff_hours_per_year", COST_LAYER,
          "The head-hours on duty in which no one was busy (each staffed lane's head-hours "
          "on duty times one less its utilisation within the schedule; an organisation "
          "unit's staff by the unit's utilisation), scaled to a year: the hours behind "
          "`agency_idle_staff_cost_per_year`. A reform's rise in it is officers' time freed, "
          "still paid unless posts are cut. Patrols, post-clearance auditors and fixed posts "
          "are left out."),
    Entry("cost_per_seizure", COST_LAYER,
          "The agencies' cost over the observed window (as `agency_cost_per_year`, not "
          "scaled, so with the terminal charges the state pays) "
          "over the finished consignments seized, detained or rejected, and, with smuggling "
          "groups, the loads the patrols outside the ports stopped (`smuggling_interdicted`), "
          "whose officers' cost it counts. The whole cost over every seizure, compliant "
          "goods' clearance included: not what one more seizure costs (a comparison's "
          "paired change of `agency_cost_per_year` over that of the seizures)."),
]

_LANE_OF = "`<port>_<lane>` (an organisation's unit: `org/<unit>_<role>`)"
#: what the exam yard's lanes hold, said wherever they are measured
_YARD = (
    " In the exam yard a bay is held per declaration, not per container: its boxes are "
    "examined one after another at that bay, and the examination and the moves grow with "
    "the number of containers, so one more bay is room for one more declaration at a time."
)
_TOGETHER = (
    " A job in the exam yard waits for a bay and a mover together (it counts as waiting at "
    "both, so the movers look congested when it is the bays that bind), then in its bay for "
    "an exam team (and quarantine officers, for a joint exam) and for a mover out: those "
    "waits count at the team or mover, and the bay is busy meanwhile, so a bay's utilisation "
    "includes boxes waiting for a team (the owner of a wait, in `owner_share_<owner>`, is "
    "the lane that held it back)."
)
LANES = [
    Entry("utilisation_<port>_<lane>", LANE_LAYER,
          f"Busy time over the servers' duty time in the observed window, of {_LANE_OF}; "
          "absent for a lane without staff on duty or unlimited. Duty time counts a server "
          "busy past its shift's end (a job finishing in overtime) as on duty, so the "
          "resources table's `capacity_mean` includes overtime and utilisation is at most 1. "
          "The laboratory (`lab`): the share of its batches' room filled at the observed "
          "cut-offs that had samples waiting (1: every batch full, samples left for later "
          "ones)." + _YARD),
    Entry("queue_mean_<port>_<lane>", LANE_LAYER,
          f"Time-weighted mean number of jobs waiting in the observed window, of {_LANE_OF}: "
          "consignments at most lanes (declarations at the exam bays and teams), moves at "
          "the movers (two per examination: to the bay and back), requests at an "
          "organisation's unit (waiting hours per hour); an unlimited lane: 0; the "
          "laboratory and the appointment slots (`exam_slots`: a booking holds a later slot, "
          "it waits in no queue): none (NaN)." + _TOGETHER),
    Entry("wait_h_mean_<port>_<lane>", LANE_LAYER,
          f"Mean wait before service of the cohort's jobs at {_LANE_OF} (the laboratory: from "
          "a sample's submission to its batch's start; the appointment slots, `exam_slots`: "
          "for a slot with room)." + _TOGETHER + " Waits that belong "
          "to no lane (an examination's booking lead, the first slot it could have, and the "
          "trader's attendance) "
          "are in no lane's wait: they are in the milestone intervals' `exam_yard` stretch "
          "(the exam yard's waits and moves, with its hours by owner, by port and direction), "
          "in the clearance times, in the owners' hours (`owner_share_<owner>`; the log's "
          "`own_*` columns) and in the log, between the previous milestone and `exam_start`."),
    Entry("wait_h_p90_<port>_<lane>", LANE_LAYER,
          f"90th percentile of the cohort's jobs' wait before service at {_LANE_OF}."),
    Entry("utilisation_<port>_<lane>_<era>", LANE_LAYER,
          "With a timeline, `utilisation_<port>_<lane>` over one of its periods' part of the "
          "observed window (`<era>`: its hours, not the goods that arrived in it): a peak "
          "season's load, which the window's figure averages with the quieter weeks. Only "
          "for a lane with staff on duty."),
    Entry("wait_h_mean_<port>_<lane>_<era>", LANE_LAYER,
          "With a timeline, `wait_h_mean_<port>_<lane>` of the cohort's jobs that asked for "
          "the lane in one of its periods (`<era>`: by the hour they asked, not by their "
          "goods' arrival). Only for a lane with staff on duty."),
]

_ESC = "escalations raised in the observed window"
ORGANISATION = [
    Entry("escalation_latency_h_mean", ORG_LAYER,
          f"Mean hours from an escalation's request to its decision back at the port, over "
          f"the {_ESC} and decided.", ),
    Entry("escalation_latency_h_p90", ORG_LAYER,
          f"90th percentile of escalation latency (as `escalation_latency_h_mean`) over the "
          f"{_ESC} and decided."),
    Entry("escalation_latency_h_mean_<escalation>", ORG_LAYER,
          "Mean escalation latency of one type of escalation, or of one type decided at one "
          "level (named once a run meets it)."),
    Entry("escalation_latency_h_p90_<escalation>", ORG_LAYER,
          "90th percentile of escalation latency of one type, or one type and deciding level."),
    Entry("escalations_raised", ORG_LAYER, "Escalations raised in the observed window."),
    Entry("escalations_decided", ORG_LAYER, f"Of the {_ESC}, those decided by the end of the run."),
    Entry("escalations_open", ORG_LAYER,
          f"Of the {_ESC}, those not decided by the end (raised = decided + open)."),
    Entry("org_holds", ORG_LAYER,
          "Holds of goods on the organisation (escalations before release that hold them, "
          "raised at assessment in the observed window) that kept the goods waiting: those "
          "decided before the goods arrived are `org_holds_before_arrival`."),
    Entry("org_holds_before_arrival", ORG_LAYER,
          "Holds raised at assessment in the observed window (an advance declaration's, "
          "before the goods arrived) and decided before the goods arrived: they held no "
          "goods (raised = this + `org_holds`)."),
    Entry("org_hold_h_mean", ORG_LAYER,
          "Mean hours goods waited on the organisation per hold that held them (as "
          "`org_holds`): from the later of the hold's start and the goods' arrival until its "
          "last holding escalation was decided, as the log's `own_organisation` books it. "
          "`_port_<port>`: the holds of that port's goods (missing where none held goods): "
          "where a structure's gain at one port is another's loss.",
          ("port",)),
    Entry("alert_propagation_h_mean", ORG_LAYER,
          "Mean hours from a seizure in the observed window to a port's receipt of its alert, "
          "over the receipts only (`_port_<port>`: the alerts that port received): ports an "
          "alert never reaches do not count, so a structure whose alerts reach few ports can "
          "look fast; read it beside `alert_reach`.",
          ("port",)),
    Entry("alert_propagation_h_p90", ORG_LAYER,
          "90th percentile of alert propagation (as `alert_propagation_h_mean`)."),
    Entry("alert_reach", ORG_LAYER,
          "How many of the ports alerts reach: receipts over the receipts possible, "
          "`alert_receipts` / (`alerts_raised` x the scenario's ports): 1 when every alert "
          "reaches every port, less when an alert is issued for a part of the tree only (a "
          "spindle's customs). `_port_<port>`: the share of the alerts raised that the port "
          "received (0 where none reach it: its `alert_propagation_h_mean_port_<port>` is "
          "then missing).",
          ("port",)),
    Entry("alerts_raised", ORG_LAYER,
          "Alerts raised: one per seizure in the observed window (when a unit issues alerts)."),
    Entry("alert_receipts", ORG_LAYER,
          "Ports' receipts of the `alerts_raised` by the end of the run (one alert, many "
          "ports)."),
    Entry("directive_propagation_h_mean", ORG_LAYER,
          "Mean hours from a directive's issue (in the observed window) to its receipt at "
          "each port."),
    Entry("directive_propagation_h_p90", ORG_LAYER,
          "90th percentile of directive propagation (as `directive_propagation_h_mean`)."),
    Entry("org_staff_heads", ORG_LAYER, "Staff of every unit and role of the organisation."),
    Entry("org_staff_cost_per_year", ORG_LAYER,
          "Heads x cost per head per year over every unit and role, in the scenario's "
          "currency: heads are priced in CNY (`organisation`), converted at "
          "`costs.exchange.CNY`, so it is money of the same kind as every other cost figure. "
          "Already inside `agency_staff_cost_per_year` and `agency_cost_per_year` (do not add "
          "it to them); absent without `[costs]` (`bordersim org` shows it in CNY)."),
    Entry("org_staff_heads_<role>", ORG_LAYER,
          "Staff of one role over every unit (where a structure puts its heads)."),
    Entry("org_staff_cost_per_year_<role>", ORG_LAYER,
          "Heads x cost per head per year of one role over every unit, in the scenario's "
          "currency (as `org_staff_cost_per_year`)."),
    Entry("org_staff_cost_run", ORG_LAYER,
          "The organisation's staff cost per year scaled to the observed days."),
    Entry("org_manager_posts", ORG_LAYER,
          "Managers' posts the structure implies: every unit is headed by a manager, and a "
          "unit with more reports (units under it, officers of every role but management) "
          "than `organisation.span_of_control` allows needs reports / span posts, rounded "
          "up. Not the `management` heads, which are equal in every structure; a flatter "
          "structure has fewer units to head."),
    Entry("org_manager_posts_<level>", ORG_LAYER,
          "Managers' posts at one level of the organisation (as `org_manager_posts`)."),
    Entry("org_manager_cost_per_year", ORG_LAYER,
          "Managers' posts x cost per manager-year of their level (the mean cost of a "
          "`management` head at that level's units, else over the tree), in the scenario's "
          "currency (CNY converted at `costs.exchange.CNY`). Beside the agency's cost, not "
          "in it: the management heads the scenario gives are priced there already; absent "
          "without `[costs]`."),
    Entry("org_manager_cost_per_year_<level>", ORG_LAYER,
          "Managers' posts at one level x its cost per manager-year (as "
          "`org_manager_cost_per_year`)."),
    Entry("org_local_knowledge_auc_bonus", ORG_LAYER,
          "The scenario's detection advantage (AUC bonus) for local knowledge of the "
          "organisation's structure: a setting reported back, not measured."),
    Entry("org_local_knowledge_auc_bonus_<type>", ORG_LAYER,
          "With organisation.advantages.local_risks, the AUC bonus for local knowledge one "
          "illicit type gets, the mean over the ports (the structure's bonus times the type's "
          "share at each port): a setting reported back, not measured."),
]

RISK = [
    Entry("inspection_rate_ordinary_port_<port>_<direction>", RISK_LAYER,
          "The risk engine's achieved inspection rate of the ordinary classes (those with a "
          "target, no credit rule) at the port and direction: declarations it selected for a "
          "scan, physical exam or quarantine check over those it decided, over the cohort's "
          "declarations, to set against the target. Exams that follow later from a document "
          "check's alarm are not the engine's selections and are not counted here; "
          "`inspection_rate_<class>` counts every inspection, so it is higher.",
          only="with a risk engine switched on (`risk.enabled`; the default scenario's is off)"),
    Entry("alert_raised_share", RISK_LAYER,
          "The alerts' reach: the share of the risk engine's decisions (the cohort's "
          "declarations) whose score an alert in force raised (a seizure's signature: "
          "commodity and origin, optionally class). "
          "A large share means alerts crowd the threshold: the goods they raise take "
          "inspections from the rest (rep-NNNN-risk.csv: `raised` by port, direction and "
          "class); over half, a run says so. Alerts add knowledge only where risk changes "
          "during the run (smuggling groups' loads, a surge): where prevalence is steady, "
          "the prior holds what a seizure says of its signature already, and alerts do not "
          "raise detection (the default scenario, which has no smugglers).",
          ("port",),
          only="with a risk engine switched on (`risk.enabled`; the default scenario's is off)"),
    Entry("risk_alert_receipts_<commodity>_<era>", RISK_LAYER,
          "With a timeline, the risk engine's alerts received at the ports in one of its "
          "periods (`<era>`) on signatures of one commodity (every origin and class): one "
          "per port an alert reaches, counted at its receipt within the observed days. When "
          "the first alerts on an outbreak's goods arrive, against `alert_raised_share`, "
          "which says how many decisions all alerts together raised.",
          only="with a risk engine switched on and a timeline (a dated reform or "
               "`periods_at`)"),
    Entry("risk_auc", RISK_LAYER,
          "How well the risk engine's scores separated illicit from compliant goods: the area "
          "under the ROC curve (0.5 chance, 1 perfect) of the scores its decisions used, "
          "measured against the hidden truth over the cohort's declarations: the chance that "
          "an illicit declaration's score is above a compliant one's of the same port and "
          "direction (each has its own threshold), every illicit type against compliant "
          "goods, a tie within 0.01 of a score unit counted half. "
          "It is not the scenario's `risk.auc`, which is the separation within one cell of "
          "declared attributes: the prior (commodity, origin, class) and the alerts' raises "
          "change it (they add to it only where they point at riskier goods: an alert in "
          "force over most declarations, `alert_raised_share` near 1, shifts nearly every "
          "score alike and can lower it), and `risk.learning` raises it as labels come in. "
          "Customs cannot measure "
          "it (labels exist only for inspected goods); the model can. NaN where no illicit "
          "or no compliant declaration was decided.",
          ("direction", "port"),
          only="with a risk engine switched on (`risk.enabled`; the default scenario's is off)"),
    Entry("risk_auc_<type>", RISK_LAYER,
          "`risk_auc` of one illicit type against compliant goods (NaN for a type never "
          "decided).",
          only="with a risk engine switched on (`risk.enabled`; the default scenario's is off)"),
    Entry("throttle_engaged_share", RISK_LAYER,
          "The share of the throttle's readings of a port's exam queue (one at each refresh "
          "of its thresholds, warm-up included) above `risk.throttle.queue`, when it scaled "
          "the target down. The queue read is the consignments waiting at the exam yard for "
          "a bay, movers or an exam team (not for quarantine officers alone, nor for an "
          "appointment slot). 0 in every replication: the throttle never engaged, the run is "
          "the run without it, and a run says so.",
          ("port",),
          only="with a risk engine and its throttle (`[risk.throttle]`)"),
    Entry("throttle_queue_peak", RISK_LAYER,
          "The longest exam queue the throttle read (see `throttle_engaged_share`), to set "
          "against `risk.throttle.queue`.",
          ("port",),
          only="with a risk engine and its throttle (`[risk.throttle]`)"),
]

ENTRIES = (
    CLEARANCE + REVIEWS + RETURNS + TRANSIT + TRANSIT_SPLIT + TAILS + CALLS + BONDED + LAB_HOLDS
    + LAB_WORK
    + COUNTS + TRUTH + EFFECTIVENESS + PESTS + DISPOSAL + SEEN + SMUGGLING + COSTS + LANES
    + LANE_LAW + EXAM_YARD + PARCEL_HOLDS + LOW_VALUE_DUTY + YARD_DWELL + ORGANISATION + RISK
    + IDLING
    + ILLICIT_BY_PORT + IPR
    + APPROACH
)
