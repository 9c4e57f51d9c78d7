"""The SimPy model: ``simulate(scenario, seed) -> RunResult`` and its parts.

Where things live:

- ``run.py``       :func:`simulate`: builds a World and runs it
- ``world.py``     the World: ports, organisation and recorder; runs them, collects results
                   (``world_warnings.py``: its parts' warnings, gathered)
- ``eras.py``      a timeline's eras (the era each consignment follows) and a risk engine's hooks
- ``port.py``      a Port: its route and the making of its consignments
- ``port_lanes.py`` a port's resources: desks, scanners, the exam yard's cell, the gate
- ``capacity_plan.py`` dated capacity windows: a lane's servers changed for a while (a
                   breakdown, a closure, extra staff), then its schedule again
- ``cold_chain.py`` imported cold-chain measures: covered imports sampled and disinfected,
                   then held in a supervision warehouse for the nucleic-acid result
- ``transit_leg.py`` transit goods (转关): when they reach this inland office after their
                   leg from the entry port (lodging, the checks and release count from it)
- ``transit_plans.py`` transit goods that queue at a transit desk: their declarations'
                   holds and the escalations that do not hold them, decided when they
                   leave the desk, from the time they really lodge
- ``desk_eras.py`` transit goods a timeline's dated rule passed by while they queued at a
                   transit desk (their era is chosen from the arrival): counted for the note
- ``holds.py``     dated holds: arrivals (a port closed) or declarations (a declaration
                   system down) held for a while and let in at the end
- ``approach.py``  a land crossing's approach: trucks wait on it (parking, then the road)
                   until the crossing holds fewer than its ``inside``, in the order they
                   reached it
- ``approach_settle.py`` whether an approach's queue settled: the trucks waiting by observed
                   day, and the warning when they keep rising
- ``approach_ahead.py`` an approach's trucks' requirements drawn once per block when they
                   reach it (each row given its entry time), not one truck at a time
- ``approach_docs.py`` a queued truck's advance declaration lodged from when it reached
                   the approach and reviewed while it waits, as without an approach
- ``approach_assess.py`` a queued truck's advance declaration with no review: under a risk
                   engine assessed at its entry, where it is decided (the one-hour rule);
                   under the selection tables lodged from when it reached the approach
- ``approach_eras.py`` a truck's era at a crossing with an approach under a timeline:
                   planned from its entry as its journey will record its assessment
- ``approach_left.py`` the trucks still waiting on an approach when the run ends (in no
                   per-truck figure): their count, their wait so far, and the warning
- ``arrivals.py``  arrival times (hour-of-week Poisson, vessel calls) and a port's arrival
                   processes
- ``call_draws.py`` a call pattern's vessel calls (``arrivals.calls``): each week's slots,
                   each call's time within its window and its boxes, from a stream of their own
- ``draws/``       every per-consignment random quantity, declared once (named draws): the
                   registry in ``base.py``, declarations by stage in ``goods.py``,
                   ``declaration.py``, ``checks.py``, ``release.py``, ``after.py``
- ``registry.py``  how a draw is declared and the requirement table made
- ``route.py``     the route plan: steps, plans as bitmasks, which consignments go in bulk
- ``steps/``       the steps, each with its plan rule, SimPy form and numpy form side by side
                   (transit, declaration, returned declarations, checks, inspection with
                   its exam phases, yard and quarantine, release, loading, after release;
                   adding one: its docstring, and docs/adding-a-step.md)
- ``journey.py``   the SimPy interpreter (one consignment along its plan)
- ``bulk.py``      the numpy interpreter (a block of consignments along their plans)
- ``decisions.py`` dynamic selection at the time of assessment (``held.py``: decided rows
                   finished in bulk together; ``reviewed.py``: declarations reviewed before
                   their decision, as rows until decided; ``plans_ahead.py``: plans for the
                   decisions a row can get, worked out when it is made; ``ticks.py``: what
                   one tick decides, its rows packed into one array;
                   ``decision_clock.py``: a debug record of when each decision took its
                   state, for tests)
- ``selection.py`` the Selector interface and the table selector
- ``orders.py``    control orders: their checks beside the selector's (``order_samples.py``:
                   the laboratory sample an order asks for, drawn with the consignment;
                   ``sample_settle.py``: a pending sample settled once the checks are)
- ``risk.py``      the risk engine, a dynamic selector (``risk_window.py``: its window of
                   scores and thresholds; ``risk_parts.py``: its check mix, alerts and
                   ledger; ``risk_block.py``: a block's decisions,
                   what of them is prepared ahead; ``risk_one.py``: one-row decisions;
                   ``risk_rules.py``: credit rules; ``risk_prior.py``: the prior score
                   and the noise's separation;
                   ``risk_report.py``: its reports (``risk_daily.py``: its achieved rate
                   by day and class); ``risk_auc.py``: the AUC its scores
                   achieved; ``risk_eras.py``: dated changes; ``risk_throttle.py``: its
                   throttle and what it read of the exam queues;
                   ``risk_alert_tally.py``: the alerts the ports received, by period;
                   ``risk_reasons.py``: why it selected each inspection, and its hits;
                   ``sharing.py``: partner customs' data)
- ``smuggling.py`` smuggling groups who choose routes by expected profit and learn
                   (``smuggling_groups.py``: a group's routes, beliefs, choice and ledger;
                   ``smuggled.py``: its attempts made into a port's consignments;
                   ``closed_days.py``: when a port takes no trucks, so that its
                   attempts there wait for the reopening;
                   ``smuggling_settle.py``: whether the groups had learned by the warm-up's end;
                   ``smuggling_metrics.py``: its headline numbers, pooled and by type;
                   ``route_detection.py``: detection over every route, outside ports too;
                   ``resident_lane.py``: a border-resident lane where honest members and
                   smugglers' carriers queue at the same officers)
- ``organisation.py`` where a consignment may wait on the organisation (none without one)
- ``org/``         the organisation's tree at work: escalations, alerts, directives, staff
- ``lane.py``, ``fifo.py``, ``cell.py``, ``lab.py``, ``slots.py``  the resources
                   (``fifo_state.py``: what a FIFO lane's booked jobs show;
                   ``lane_periods.py``: their observed window marked by period;
                   ``lane_law.py``: the chance to wait, the arrival rate and the mean
                   number in service, for Erlang C and Little's law;
                   ``green_lane.py``: a port's green-lane commodities, first in the exam
                   yard's queues and the laboratory's batches)
- ``links.py``     which FIFO lanes feed which (lazy booking from lane to lane)
- ``work.py``      work that grows with a declaration's containers
- ``exam_figures.py`` the exam yard's figures per container (boxes a day, exam hours a box,
                   boxes a team examines an hour on duty)
- ``exam_level.py`` the exam yard at its busiest in boxes (at the bays or waiting for them):
                   the maximum and the time-weighted p95 of the level
- ``parcel_holds.py`` parcels a post or express hub takes off the line (physical exam or
                   quarantine check): their share and their time to release
- ``low_value_duty.py`` the duty a post hub's low-value (de minimis) threshold forgoes on
                   the parcels declared below it, and the duty undervaluation takes there
- ``yard_dwell.py`` a sea port's yard dwell per container (discharge to gate-out, gate-in to
                   the vessel's departure), split at customs' release (the hold for
                   clearance, then the consignee's or the carrier's wait), and the boxes
                   it keeps on the ground at once (``yard_level.py``: the ground at its
                   busiest, the most boxes at once and the p95, of every consignment;
                   ``yard_owners.py``: its dwell to release split by whose time held it)
- ``stability.py`` warnings when a queue does not settle or goods are not out by the end
                   (``closure_waits.py``: a queue's wait that rose over a closure, its
                   lane's or its port's, and whether it came back;
                   ``capacity_needed.py``: the work an overloaded lane is asked for and
                   the capacity that would carry it;
                   ``window.py``: notes on the observed window, e.g. too short to check;
                   ``credit_rules.py``: selection tables that break China's credit rules;
                   ``credit_directions.py``: the same rules in each direction, where
                   exports have selection tables of their own;
                   ``risk_notes.py``: alerts that crowd the risk engine's decisions;
                   ``static_overload.py``: the selection tables keep selecting while the
                   exam yard is overloaded (only a risk engine's throttle inspects less);
                   ``weekly.py``: waits by week and the rising-wait rule, which leaves
                   nearly idle lanes and waits for a laboratory's cut-offs alone)
- ``engine.py``    SimPy internals: the counting environment, the flow driver, and the order
                   of what is asked for at one moment (``Instant``, ``Gather``)
- ``recorder.py``, ``result.py``, ``milestones.py``  streamed statistics and the RunResult
                   (``recorder_rows.py``: the rows the recorder keeps;
                   ``recorder_counts.py``: its outcomes by port and inspections;
                   ``row_buffer.py``: the rows waiting to be folded, in arrays kept;
                   ``recorder_hist.py``: its clearance histograms and time targets;
                   ``release_owners.py``: who owns the time to release, read from the intervals;
                   ``result_clearance.py``: the metrics of the clearance table;
                   ``result_channels.py``: those by channel, pooled and by port)
- ``same.py``      whether two results hold the same figures (``RunResult.equals``)
- ``groups.py``    a result table's group names taken apart: ``port``, ``direction``,
                   ``trader_class`` columns
- ``intervals.py`` the Time Release Study intervals: the stretches that partition each
                   consignment's time to release and on to the end of its flow, those beside
                   them, and their owners (``interval_tally.py``: their table, folded per
                   block by port, direction and credit class; ``interval_whole.py``: the
                   whole stretches, before arrival too; ``interval_returns.py``: those of a
                   declaration returned for correction; ``returns_metrics.py``: the
                   metrics of returned declarations, read from the table;
                   ``interval_transit.py``: those of transit goods' leg;
                   ``transit_metrics.py``: the metrics of transit goods, from the table;
                   ``transit_cohort.py``: their share over every import, finished or not,
                   and those unfinished;
                   ``transit_inspections.py``: their inspection rate apart, by class)
- ``cutoffs.py``    exports loaded after the first cut-off after their arrival (missed departures)
- ``tables.py``     the run's result tables (clearance, intervals, owners, log, costs)
                   (``truth_kinds.py``: the illicit types its log lists as categories)
- ``enforcement.py``, ``finders.py``  the three enforcement layers; which check found the goods
                   (``truth.py``: the hidden truth and what each check would find;
                   ``enforcement_metrics.py``: their flat metrics; ``enforcement_eras.py``:
                   their counts by a timeline's period and type; ``illicit_ports.py``:
                   chosen types detected and slipped, by port and direction;
                   ``illicit_types.py``: each type found (by which check), slipped and
                   its value seized and slipped, pooled, in every run;
                   ``ipr.py``: found counterfeits detained or released on the right
                   holder's reply, and their days held; ``ipr_hold.py``: those released
                   wait out the reply days in the flow; ``ipr_calendar.py``: when the reply
                   days end, on the run's working days if it has them (``holidays.py``:
                   its public holidays and make-up working days); ``ipr_trader.py``:
                   the traders' storage of the containers so held)
- ``costs.py``, ``agency_costs.py``, ``costbook.py``  what clearance costs (per consignment:
                   trader, checks, what slips through; the agency's staff, equipment and
                   overheads), as pure functions and their streamed accumulator
                   (``cost_summary.py``: its headline metrics; ``cost_sharing.py``: how
                   the fixed costs and overheads are shared among the consignments;
                   ``cost_periods.py``: the
                   costs of a timeline's periods apart; ``prices.py``: the scenario's prices
                   as arrays by port and commodity; ``cost_log.py``: each consignment's
                   trader cost in the log; ``cost_burden.py``: what inspecting compliant
                   goods costs their traders; ``audits.py``: the post-clearance audit's
                   expected workload; ``cost_activities.py``: the activities sharing
                   fixed costs, each lane's, and each consignment's use of them;
                   ``cost_capacity.py``: the staff time paid but not busy, which a reform
                   frees as capacity, not cash, unless posts are cut)
- ``idling.py``    the vehicles that wait with the goods at a port (``[idling]``): their hours
                   by stretch, fuel and CO2 a day
- ``lab_holds.py`` a commodity's consignments sampled for the laboratory against the rest,
                   by port and direction: hours to the end of the flow, trader cost per
                   container, and the hold a sample adds (``lab_work.py``: the
                   laboratory's own workload, samples a day, turnaround and its tail,
                   samples and containers held at once, samples waiting at a cut-off)
- ``pest_catch.py`` quarantine pests by commodity: the infested consignments, the share a
                   quarantine check met and sampled, found before release (by the
                   laboratory alone too) and released unfound (by port too)
- ``review_tally.py`` how often a declaration is sent to an officer's review (人工审单), by
                   port, direction and trader class, over the cohort (``review_rate``)
- ``quarantine_disposal.py`` what quarantine did with the lots it acted on, by commodity:
                   rejected (returned or destroyed: hours to the rejection, its price) and
                   treated (fumigation, heat: the treatment's hours)
- ``disposal_yard.py`` a rejected box's disposal (return or supervised destruction) in a
                   sea port's yard: its commodity's days on the ground after the rejection,
                   counted in the yard's dwell and level, by whose time (trader, quarantine)
                   (``disposal_facility.py``: the licensed facility where rejected lots
                   queue for a place to be destroyed or treated)
- ``sample_time.py`` the time a quarantine check spends drawing its sample: minutes per
                   unit drawn, added to the check of a consignment that sends one
- ``delay_tails.py`` the tail of clearance delay: the share of containers held past each
                   time target, by port, direction and commodity, the still held counted
                   (``spoilage.py``: perishables held past their shelf life, the share
                   spoiled and the mean hours to leaving the port)
- ``positions.py`` discharge positions shared by a port's calls (berths, a rail yard's
                   tracks): a call that finds them taken waits, its discharge shifted
- ``calls.py``     clearance by call: when the last box of a vessel or train call is released
                   and discharged (a train free to leave), and its boxes on average
- ``bonded_stock.py`` a bonded zone's stock: the entry port's transit goods linked to the
                   gate's call-offs oldest first; stock, stays, flows and a warning when
                   the stock does not settle
- ``consignment.py``, ``streams.py``  a consignment's object and its random streams
"""
