"""Every warning and note bordersim prints, as a record a program can read without parsing
English: a stable ``code``, a ``severity``, whether it makes the figures not steady-state
(``unsettles``), the port, lane and metric it concerns, the figures behind it and the text
as printed (which stays the one people and tests read).

The messages are written in many places (the model's stability checks, the risk engine's
report, the command line's notes); each has one entry in :data:`CODES`, whose pattern
recognises its words and takes its figures. This is the one place that reads them: the
tools that need to know what a warning is about (the outlook's lanes, whether a run is
steady) ask :func:`classify` for its code. A warning no entry knows is ``other_warning``
(still a warning to a scheduler: never silently dropped; the tests run the generators and
fail on any message that falls there), a note no entry knows ``other_note``; and
``docs/warnings.md`` is generated from this table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sim.python_words import either_spelling

SEVERITIES = ("note", "warning")


@dataclass(frozen=True)
class Code:
    """One kind of message: ``pattern`` matches its start (named groups: ``port``,
    ``lane``, ``unit``, ``role``, ``option``-free text fields, and figures as ``f_<name>``);
    ``extras`` are searched anywhere in it for more figures; ``metric`` is a template of
    the metric it concerns (from the fields), '' if none; ``severity`` is the record's
    whatever word the line was printed with (a run too short is printed as a note, but its
    figures are not to be trusted)."""

    code: str
    severity: str
    unsettles: bool
    about: str
    pattern: str
    extras: tuple[str, ...] = ()
    metric: str = ""


_N = r"[\d,]+(?:\.\d+)?"  # a figure as printed (thousands separated)
#: a dated change after the run: its warm-up and observed days, the --days that would see it
_ENDED = (rf"\((?P<f_warmup_days>{_N}) days of warm-up \+ (?P<f_observed_days>{_N}) observed",
          rf"observe more than (?P<f_days_needed>{_N}) days")
#: a lane's closure (days from the run's start) and its last observed week's mean wait
#: against the weeks' before the closure (:mod:`sim.model.closure_waits`)
_CLOSURE = (rf"closure (?:of its servers|at its port) from (?P<f_closed_from_d>{_N}) d to "
            rf"(?P<f_closed_to_d>{_N}) d",
            rf"by the last observed week \((?P<f_last_week_h>{_N}) h against "
            rf"(?P<f_before_closure_h>{_N}) h\)")

CODES: tuple[Code, ...] = (
    Code("lane_overload", "warning", True,
         "a lane (or laboratory) is more than 95 % utilised: its queue may not settle",
         rf"(?P<port>[^:]+): (?P<lane>\w+) is (?P<f_utilisation_pct>{_N})% utilised "
         rf"\(above (?P<f_threshold_pct>{_N})%\)",
         (rf"needs about (?P<f_servers_needed>{_N}) on duty, not (?P<f_servers_now>{_N})"
          rf"(?: \((?P<capacity_field>[^()]+?\.capacity) = {_N}\))?",),
         "utilisation_{port}_{lane}"),
    Code("staff_overload", "warning", True,
         "an organisation unit's staff of one role are more than 95 % utilised",
         rf"organisation unit (?P<unit>[^:]+): its (?P<role>\w+) staff are "
         rf"(?P<f_utilisation_pct>{_N})% utilised \(above (?P<f_threshold_pct>{_N})%\)"),
    Code("wait_rising", "warning", True,
         "the mean wait at a lane, the exam slots, a laboratory or a unit's staff keeps "
         "rising through the observed weeks: the queue had not settled",
         r"(?P<port>[^:]+): the mean wait at (?P<lane>.+?) trends upward through the "
         r"observed weeks \((?P<weekly>[^;]*) h;",
         (rf"--days (?P<f_days_suggested>{_N})", *_CLOSURE), "wait_h_mean_{port}_{lane}"),
    Code("closure_backlog", "warning", False,
         "a queue's mean wait rose over a dated closure (of its servers, or at its port: its "
         "lanes or its arrivals) and was back to its level before the closure by the last "
         "observed week: the closure's backlog, cleared",
         r"(?P<port>[^:]+): the mean wait at (?P<lane>.+?) rose over the closure "
         r"(?:of its servers|at its port) from .* \(weekly means (?P<weekly>[^;]*) h;",
         _CLOSURE, "wait_h_mean_{port}_{lane}"),
    Code("unfinished", "warning", True,
         "more than 1 % of a port's cohort was not yet released at the end: the clearance "
         "figures are biased low",
         rf"(?P<port>[^:]+): more than (?P<f_threshold_pct>{_N})% of the cohort was still "
         rf"not released (?P<f_drain_days>{_N}) days after",
         (rf"\((?P<f_censored>{_N}) of (?P<f_cohort>{_N}) cohort consignments, "
          rf"(?P<f_share_pct>{_N})%", r"no further than '(?P<milestone>[^']+)'",
          rf"; (?P<f_waiting>{_N}) waiting at (?P<queue_lane>\w+) at the end")),
    Code("not_out", "warning", True,
         "more than 1 % of a port's cohort was released but not yet out at the end: "
         "overall clearance is biased low",
         rf"(?P<port>[^:]+): more than (?P<f_threshold_pct>{_N})% of the cohort was released "
         rf"but not yet out .*? (?P<f_drain_days>{_N}) days after",
         (rf"\((?P<f_not_out>{_N}) of (?P<f_cohort>{_N}) cohort consignments, "
          rf"(?P<f_share_pct>{_N})%",), "consignments_not_out"),
    Code("risk_target_missed", "warning", False,
         "a risk engine's inspection rate of ordinary goods missed its target (the figures "
         "are steady, at another rate)",
         r"(?:(?P<port>[^:]+): )?(?:the )?risk engine(?:'s inspection rate (?:of ordinary "
         rf"(?P<direction>\w+?)s )?|.*?)missed its target(?: of (?P<f_target>{_N}))?",
         (rf"\((?P<f_rate>{_N}) over (?P<f_decisions>{_N}) decisions",
          rf"explains: ±(?P<f_tolerance>{_N})", rf"last (?P<f_window>{_N}) ordinary scores",
          r"(?P<alerts>alerts) raise scores", r"(?P<thresholds>see) how its threshold moved"),
         "inspection_rate_ordinary_port_{port}_{direction}"),
    Code("smugglers_unsettled", "warning", True,
         "a smuggling group's choices still moved with its starting beliefs when "
         "observation began: a longer warm-up is needed",
         r"smuggling group (?P<group>\S+) had not settled when observation began",
         (rf"--set warmup_days=(?P<f_warmup_days_suggested>{_N})",
          rf"by more than (?P<f_settle_points>{_N}) points",
          rf"after the (?P<f_warmup_days>{_N})-day warm-up",
          rf"still weighed (?P<f_start_weight_pct>{_N})%",
          rf"even a (?P<f_longest_days>{_N})-day warm-up")),
    Code("smuggling_never_arrived", "note", False,
         "smuggling loads were due at a port closed (a dated arrival factor of 0, a hold) "
         "until past the end of the run: they never arrived, caught or slipped in no figure",
         rf"(?P<port>[^:]+): (?P<f_loads>{_N}) smuggling load\(s\) on route (?P<route>\S+) "
         rf"were due from day (?P<f_due_from_d>{_N}) \(days from the run's start\) while "
         "the port took no trucks until past the end of the run"),
    Code("resident_lane_overload", "warning", True,
         "the members of a border-resident lane bring more work than its officers on duty in "
         "the open hours can do: its queue grows all run",
         rf"resident lane of route '(?P<route>[^']+)': members bring "
         rf"(?P<f_work_officer_h_per_week>{_N}) officer-hours of work a week, its officers "
         rf"on duty in the open hours give (?P<f_officer_h_per_week>{_N})",
         (), "resident_lane_member_wait_h_mean_route_{route}"),
    Code("resident_lane_backlog", "warning", True,
         "members of a border-resident lane still waited more than a day at the end of the "
         "observed days (hired carriers can fill a queue the members alone would not)",
         rf"resident lane of route '(?P<route>[^']+)': members who came on the last observed "
         rf"day waited (?P<f_wait_h_mean>{_N}) hours on average",
         (), "resident_lane_member_wait_h_mean_route_{route}"),
    Code("approach_rising", "warning", True,
         "the trucks waiting on a land crossing's approach kept rising through the observed "
         "days: the crossing lets in too few trucks at once, its approach queue had not "
         "settled",
         rf"(?P<port>[^:]+): the trucks waiting on the approach rose through the observed "
         rf"days \(from (?P<f_earlier_trucks>{_N}) to (?P<f_later_trucks>{_N}) on average",
         (r"daily means (?P<daily>[^;]*);", rf"mean wait (?P<f_wait_h_mean>{_N}) h\)",
          rf"raise (?P<inside_field>\S+\.approach\.inside) \(now (?P<f_inside>{_N})\)"),
         "approach_wait_h_mean_port_{port}"),
    Code("approach_left_waiting", "warning", True,
         "more than 1 % of the trucks that reached a land crossing's approach in the observed "
         "window were still waiting on it when the run ended: they are in no per-truck figure, "
         "which so leave out the longest waits (not said where the queue's rise already warned)",
         rf"(?P<port>[^:]+): (?P<f_left_trucks>{_N}) of the (?P<f_observed_trucks>{_N}) trucks "
         rf"that reached the approach in the observed window \((?P<f_share_pct>{_N})%, more "
         rf"than (?P<f_threshold_pct>{_N})%\) were still waiting",
         (rf"(?P<f_drain_days>{_N}) days after the window closed",
          rf"mean wait so far (?P<f_wait_so_far_h>{_N}) h\)",
          rf"raise (?P<inside_field>\S+\.approach\.inside) \(now (?P<f_inside>{_N})\)"),
         "approach_left_trucks_port_{port}"),
    Code("bonded_stock_rising", "warning", True,
         "a bonded zone's stock rose through the observed days by more than chance: its gate "
         "calls off fewer goods than its entry port's transit goods bring in, the stock had "
         "not settled (sim.model.bonded_stock)",
         rf"(?P<port>[^:]+): the bonded zone's stock rose through the observed days \(from "
         rf"(?P<f_middle_stock>{_N}) consignments at the window's middle to "
         rf"(?P<f_end_stock>{_N}) at its end",
         (rf"(?P<f_entered>{_N}) entered and (?P<f_called_off>{_N}) were called off",),
         "bonded_stock_mean_port_{port}"),
    Code("empty_run", "warning", False,
         "no consignment arrived in the observed days of some replications",
         r"no consignment arrived in the observed days of",
         (rf"of (?P<f_empty>{_N}) of its (?P<f_ran>{_N}) replications",
          r"of (?P<all_reps>any) replication")),
    Code("reform_outside_run", "warning", False,
         "a dated reform takes effect before the observed days or after the run",
         r"the dated reform '(?P<reform>[^']+)' takes effect on",
         (rf"date it after day (?P<f_after_day>{_N})", *_ENDED)),
    Code("period_outside_run", "warning", False,
         "a period of the timeline (periods_at) begins after the run: it is not reported",
         rf"the period from periods_at (?P<f_day>{_N}) d begins on", _ENDED),
    Code("dated_window_outside_run", "warning", False,
         "a dated arrival window (arrivals.dated) shares no day with the run's arriving days: "
         "it changes nothing",
         r"the dated window (?P<window>\S+) \((?P<first>[\d-]+) to (?P<last>[\d-]+)\) "
         r"shares no day with the run's arriving days \((?P<run_first>[\d-]+) to "
         r"(?P<run_last>[\d-]+),"),
    Code("office_dates_outside_run", "warning", False,
         "the office's holidays or make-up working days (organisation.office_hours) fall "
         "before the run's start, or none within its arriving days: those change nothing",
         r"organisation\.office_hours\.(?P<dates>holidays|workdays): (?P<f_outside>\d+) of its "
         r"(?P<f_listed>\d+) dates \((?P<first>[\d-]+) to (?P<last>[\d-]+)\) fall outside the "
         r"run's arriving days \((?P<run_first>[\d-]+) to (?P<run_last>[\d-]+), warm-up "
         r"included\)(?P<none_within>, none within them)?(?:, so they (?:close|open) no arriving "
         r"day)?(?:; the (?P<f_before>\d+) before its start change nothing)?"),
    Code("window_outside_exam_hours", "warning", False,
         "a capacity window puts exam staff on duty in hours outside the exam yard's slot "
         "hours, when no examination starts: staff-hours paid that can hardly be worked",
         r"capacity_windows\.(?P<window>\d+) puts (?P<f_servers>\d+) (?P<lane>\w+) on duty at "
         r"port (?P<port>\S+) in (?P<f_hours>\d+) hours outside its exam yard's hours \(slots "
         r"(?P<slot_hours>[^)]+)\): (?P<hours_of_day>[^;]+);",
         (rf"the (?P<f_staff_hours>{_N}) staff-hours above the schedule",
          r"give added = (?P<f_added>\d+)")),
    Code("warmup_too_short", "warning", False,
         "the warm-up is shorter than the MSER-5 suggestion saved for the scenario",
         rf"warm-up of (?P<f_warmup_days>{_N}) day\(s\) is shorter than the suggested "
         rf"(?P<f_weeks_suggested>{_N}) week\(s\) \((?P<f_days_suggested>{_N}) days",
         (rf"MSER-(?P<f_batch>{_N}) on daily (?P<output>\w+) of a (?P<f_pilot_days>{_N})-day "
          rf"pilot, seed (?P<f_seed>{_N})", rf"longest of (?P<f_pilots>{_N}) saved pilots",
          r"(?P<at_limit>no) steady state found within the pilot")),
    Code("pilot_no_steady_state", "warning", False,
         "a warm-up pilot found no steady state: MSER's truncation is the longest it may "
         "choose, so the suggested warm-up is only a lower bound",
         rf"no steady state found within the pilot: MSER's truncation "
         rf"\((?P<f_truncation_days>{_N}) days\) is the longest it may choose in a "
         rf"(?P<f_pilot_days>{_N})-day pilot"),
    Code("pilot_queue_sparse", "warning", False,
         "a warm-up pilot's queue is sampled less often than daily: MSER sees fewer values "
         "than it counts",
         rf"the queue is sampled every (?P<f_sample_h>{_N}) h: only (?P<f_sampled_days>{_N}) "
         rf"of the (?P<f_pilot_days>{_N}) pilot days have a sample"),
    Code("precision_not_reached", "warning", False,
         "a --precision target was not reached within --max-reps replications",
         rf"--precision (?P<f_precision>{_N}) not (?:reached|met) in "
         rf"(?P<f_replications>{_N}) replications",
         (rf"--max-reps (?P<f_max_reps>{_N})",)),
    Code("precision_met", "note", False,
         "a --precision target was met",
         rf"--precision (?P<f_precision>{_N}) met in (?P<f_replications>{_N}) replications"),
    Code("run_too_short", "warning", False,
         "too few whole weeks observed to check for a queue that keeps rising: only overload "
         "was checked",
         rf"(?P<f_days>{_N}) observed day\(s\) hold (?P<f_weeks>{_N}) whole week\(s\): too few",
         (rf"that check needs (?P<f_weeks_needed>{_N})",
          rf"--days (?P<f_days_needed>{_N}) or more",
          # (the workshop page's words, which name no --days: sim.faces.runs.notes)
          rf"After this scenario's (?P<f_warmup_days>{_N})-day warm-up, "
          rf"(?P<f_observed_days_needed>{_N}) observed days or more are needed")),
    Code("part_of_week", "note", False,
         "fewer observed days than a week: the figures represent no whole week",
         rf"(?P<f_days>{_N}) observed day\(s\), less than a week"),
    Code("one_replication", "warning", False,
         "one replication: no confidence interval, no significance",
         r"one replication gives no confidence interval"),
    Code("few_replications", "note", False,
         "two or three replications: their intervals are wide and hold only if the "
         "replications' values are near normal",
         rf"(?P<f_replications>{_N}) replications give intervals that are themselves "
         r"unreliable",
         (rf"with (?P<f_degrees_of_freedom>{_N}) degree\(s\) of freedom stretches "
          rf"(?P<f_t_multiplier>{_N}) standard errors",
          rf"give --reps (?P<f_reps_needed>{_N}) or more")),
    Code("warmup_not_whole_weeks", "note", False,
         "the warm-up is not a whole number of weeks",
         rf"warmup_days = (?P<f_warmup_days>{_N}) is not a whole number of weeks"),
    Code("near_saturation", "note", False,
         "a lane averages 90 % utilisation or more over the replications: its intervals "
         "may not hold",
         rf"(?P<lane_metric>\S+) averages (?P<f_utilisation_pct>{_N})% utilisation over "
         r"the replications", (), "utilisation_{lane_metric}"),
    Code("cost_unshared", "note", False,
         "ports that finished no consignment (a short run): their fixed costs are in the "
         "agencies' cost a year but in no cost per consignment",
         rf"ports that finished no consignment in the observed days cost "
         rf"(?P<f_cost_per_year>{_N}) a year \((?P<f_share_pct>{_N})% of "
         r"agency_cost_per_year\)", (), "agency_cost_unshared_per_year"),
    Code("transit_desk_era_behind", "note", False,
         "a dated rule of the timeline came into force while transit goods waited at a "
         "transit desk: assessed after it, they still follow the rules in force before it",
         rf"(?P<f_consignments>{_N}) transit consignments a run \(transit_desk_era_behind\) "
         r"were assessed", (), "transit_desk_era_behind"),
    Code("metric_unmeasured", "warning", False,
         "a metric asked for by name (--show), or by a pattern none of whose metrics was "
         "measured, was measured in no replication: its figure is missing",
         r"(?P<metric>\S+) was asked for \(--show\) but measured in no replication"),
    Code("metric_unpaired", "note", False,
         "an option measured metrics the baseline measured in no replication (it alone "
         "turned a count on, as spoils_after, report_by_port or ipr): they have no paired "
         "difference",
         rf"(?P<f_metrics>{_N}) metric\(s\) measured in it and in no replication of the "
         r"baseline \((?P<metric>[^ ,)]+)",
         (rf"and (?P<f_more>{_N}) more\)", r"(?P<lane_figures>They) are the queue figures",
          r"turns their count on \((?P<counting>[^)]+)\)")),
    Code("seizures_not_success", "note", False,
         "an option seizes more (or, with smuggling groups, fewer) than the baseline: "
         "seizures are not a gain in themselves (no deterrence without smuggling groups; "
         "with them, fewer may try); what slips and the burden on compliant traders are",
         rf"it seizes (?:more|fewer) than the baseline \((?P<f_seizures_per_1000_diff>"
         rf"[-+]?{_N}) seizures a 1,000 declarations",
         (r"it seizes (?P<rise>more) than", r"it seizes (?P<fall>fewer) than",
          r"(?P<adaptive>smuggling groups here choose)", r"\((?P<fixed_flow>no smuggling "
          r"groups)\)"),
         "seizures_per_1000"),
    Code("seizure_cost_added", "note", False,
         "an option's paired change of every seizure (the ports' and, with smuggling groups, "
         "the patrols' outside them) beside that of the agencies' cost, and what each "
         "additional seizure costs, where both moved the same way",
         rf"seizures in all (?P<f_seizures_diff>[-+]?{_N}) a replication over the "
         rf"(?P<f_observed_days>{_N}) observed days, paired",
         (rf"paired \(95 % CI (?P<f_seizures_diff_low>[-+]?{_N}) to "
          rf"(?P<f_seizures_diff_high>[-+]?{_N})\)",
          rf"rejected (?P<f_at_ports_diff>[-+]?{_N}), the patrols' interdictions outside "
          rf"them \(smuggling_interdicted\) (?P<f_interdicted_diff>[-+]?{_N})",
          rf"the agencies' cost (?P<f_cost_diff>[-+]?{_N})",
          rf"(?P<f_cost_per_seizure_added>{_N}) (?:\S+ )?for each additional seizure \(95 % "
          rf"CI (?P<f_cost_per_seizure_added_low>[-+]?{_N}) to "
          rf"(?P<f_cost_per_seizure_added_high>[-+]?{_N})",
          rf"(?P<f_cost_per_seizure_added_mean>{_N}) (?:\S+ )?for each additional seizure as "
          rf"a ratio of the means, but the seizures' change is within the noise of "
          rf"(?P<f_reps>{_N}) replications",
          r"so (?P<no_ratio>no cost per additional seizure)"),
         "agency_cost_per_year"),
    Code("credit_floor_missed", "note", False,
         "the selection tables inspect discredited traders below the floor of China's credit "
         "rules (tables apply no credit rules; the risk engine holds them)",
         rf"the selection tables inspect (?P<f_discredited_pct>{_N})% of discredited traders' "
         rf"declarations, below the (?P<f_floor_pct>{_N})% floor",
         (), "inspection_rate_discredited"),
    Code("credit_cap_exceeded", "note", False,
         "the selection tables inspect advanced AEO traders above the cap of China's credit "
         "rules (tables apply no credit rules; the risk engine holds them)",
         rf"the selection tables inspect advanced AEO traders at (?P<f_rate_pct>{_N})%, "
         rf"(?P<f_share_of_ordinary_pct>{_N})% of ordinary traders' (?P<f_ordinary_pct>{_N})%, "
         rf"above the (?P<f_cap_pct>{_N})% cap",
         (), "inspection_rate_aeo_advanced"),
    Code("credit_floor_missed_direction", "note", False,
         "with exports' own selection tables, one direction's tables inspect discredited "
         "traders below the floor of China's credit rules (which apply whatever the direction)",
         rf"the selection tables inspect (?P<f_discredited_pct>{_N})% of discredited traders' "
         rf"(?P<direction>import|export)s, below the (?P<f_floor_pct>{_N})% floor",
         (), "inspection_rate_discredited_{direction}"),
    Code("credit_cap_exceeded_direction", "note", False,
         "with exports' own selection tables, one direction's tables inspect advanced AEO "
         "traders above the cap of China's credit rules (which apply whatever the direction)",
         rf"the selection tables inspect advanced AEO traders' (?P<direction>import|export)s at "
         rf"(?P<f_rate_pct>{_N})%, (?P<f_share_of_ordinary_pct>{_N})% of ordinary traders' "
         rf"(?:import|export)s' (?P<f_ordinary_pct>{_N})%, above the (?P<f_cap_pct>{_N})% cap",
         (), "inspection_rate_aeo_advanced_{direction}"),
    Code("org_local_knowledge_unused", "note", False,
         "the organisation's local-knowledge advantage acts only through the risk engine, "
         "which the scenario lacks or has off: structures do not differ by it",
         r"organisation\.advantages\.local_knowledge_auc \((?P<bonus>[^)]*)\) acts only "
         r"through the risk engine, and scenario '(?P<scenario>[^']*)' (?P<why>has no \[risk\] "
         r"section|has it switched off \(risk\.enabled false\)): the selection tables decide",
         (r"e\.g\. (?P<sets>--set risk\.target=\S+(?: --set risk\.window=\d+)?)",
          r"\((?P<enable>--set risk\.enabled=true)\)"),
         "org_local_knowledge_auc_bonus"),
    Code("org_alerts_unused", "note", False,
         "the organisation's alerts reach the ports, but only the risk engine acts on one, "
         "and the scenario lacks it or has it off: alerts change no selection",
         r"the organisation's alerts travel to the ports \(alert_reach, alert_propagation_h_"
         r"mean\), but only the risk engine acts on an alert, and scenario '(?P<scenario>[^']*)' "
         r"(?P<why>has no \[risk\] section|has it switched off \(risk\.enabled false\)): "
         r"alerts change no selection there"),
    Code("setting_replaces_rival", "note", False,
         "a setting replaces its rival (a capacity the lane's schedule, a schedule its "
         "staff, ...): the rival's shape is lost",
         r"(?P<setting>[\w.]+) = (?P<value>.+?) replaces (?P<rival>[\w.]+) \(",
         (rf"\(a profile of (?P<f_hours>{_N}) hourly values from (?P<f_low>{_N}) to "
          rf"(?P<f_high>{_N})\)",
          rf"\(a list of (?P<f_departures>{_N}) departure hours in the week, from hour "
          rf"(?P<f_first_hour>{_N}) to (?P<f_last_hour>{_N})\); set",
          r"\(a (?P<dist>\w+) distribution(?:: (?P<params>[^)]*))?\); set",
          rf"\(a list of (?P<listed>shifts|calls|units|entries), (?P<f_entries>{_N}) in "
          r"all\); set",
          # (a value that is none of these, a capacity, a cut-off: as the message gives it)
          r"replaces [\w.]+ \(the value (?P<old>.+)\); set [\w.]+ instead to keep its shape")),
    Code("reform_uncosted", "note", False,
         "an option's reforms have no running cost given (cost_per_year = 0), so the run "
         "counts none: bordersim appraise takes the reform library's default where it has "
         "one; else their running cost is not known",
         r"the run counts no running cost of (?P<reforms>.+?) \(cost_per_year not given",
         (r"bordersim appraise takes the reform library's default running cost of "
          r"(?P<known>.+?) \(a year: ",
          r"; the running cost of (?P<unknown>.+?) is not known \(the reform library")),
    Code("aeo_payback_unclaimed", "warning", False,
         "the certified traders' saving a declaration (compare --declarations-a-year), or on "
         "an aeo_lapse option's rows the saving the status keeps, holds 0 in its interval: no "
         "payback of AEO certification can be claimed from it",
         rf"(?P<port>\w+) (?P<direction>import|export): the (?P<saving_of>certified traders' "
         rf"saving|saving the status keeps) a declaration, (?:(?P<f_saving>-?{_N})|nan) "
         rf"(?P<currency>\w+) "
         rf"\[(?:(?P<f_saving_low>-?{_N})|nan), (?:(?P<f_saving_high>-?{_N})|nan)\], holds 0 "
         r"in its interval"),
    Code("capacity_unpriced", "note", False,
         "an option or a sweep changes a lane's capacity that no price reaches (costs.staff "
         "does not list the lane): its cost figures leave out what the added servers cost",
         r"(?P<setting>ports\.(?P<port>\w+)\.[\w.]+): no price reaches this lane's capacity "
         r"in scenario '(?P<scenario>[^']*)' \(costs\.staff lists no (?P<lane>\w+):",
         (), "utilisation_{port}_{lane}"),
    Code("audit_share_unpriced", "note", False,
         "an option or a sweep changes the post-clearance audit's share but not its "
         "headcount, which is its cost: the cost figures give the changed share at the same "
         "cost",
         r"enforcement\.audit\.share: the post-clearance audit's cost is its headcount "
         rf"\(enforcement\.audit\.staff: (?P<f_auditors>{_N}) auditors in scenario "
         r"'(?P<scenario>[^']*)'\)"),
    Code("strength_as_default", "note", False,
         "a reform's strength typed on the workshop page makes the same option as its default "
         "or its lowest value on that scenario (AI auto-clear typed below the share the "
         "scenario already has, which the reform never lowers): it is not what the option "
         "runs at",
         r"(?P<reform>\w+) at (?P<given>\w+=\S+) is the same option as at "
         r"(?P<same_as>\w+=\S+) \((?:its default|its lowest)\) on this scenario"),
    Code("option_identical", "note", False,
         "an option's figures are the baseline's to the last digit in every replication: "
         "its differences of exactly 0 are no estimate of its effect",
         r"its figures are the baseline's to the last digit in every replication"
         r"(?:[^;]*; the sampling plan changed, but only (?P<f_sampled_pct>[\d.]+) % of "
         r"infested (?:(?P<commodity>\w+) )?consignments are sampled)?"
         r"(?:.*: (?P<more>more [^:]+?) would show it\)$)?"),
    Code("option_unchanged", "note", False,
         "an option (a reform) changes no field of the scenario: its figures are the "
         "baseline's, which is no measured 'no effect'",
         r"it changes nothing in scenario '(?P<scenario>[^']*)': (?P<why>.+?); its figures "
         r"are the baseline's(?P<reused>: its replications are the baseline's, reused, not "
         r"run again)?"),
    Code("option_no_effect", "note", False,
         "an option changes fields that act on nothing in the scenario (a risk engine that "
         "is off, say): its figures match the baseline's",
         r"it can have no effect in scenario '(?P<scenario>[^']*)': (?P<why>.+?); its "
         r"figures match the baseline's"),
    Code("set_no_effect", "note", False,
         "every --set change acts on nothing in the scenario: the run is the scenario's own",
         r"the --set changes can have no effect: (?P<why>.+?)(?P<every> \(at every point\))?$"),
    Code("section_created", "note", False,
         "a --set or option creates an optional section the scenario lacks (the risk "
         "engine, costs, ...): its other fields take their defaults",
         r"(?P<given>.+?) creates the \[(?P<section>\w+)\] section, absent from the "
         r"scenario(?:; (?P<what>.+?))?; its other fields take their defaults"),
    Code("dated_reform_unchanged", "note", False,
         "a dated reform of the timeline changes nothing at its date: it is already in "
         "effect then",
         r"timeline\.(?P<entry>\d+): the dated reform '(?P<reform>[^']*)' \(at (?P<at>[^)]*)\) "
         r"changes nothing at its date: it is already in effect then(?:; (?P<slower>only its "
         r"transition's slower officers show))?"),
    Code("dated_reform_no_effect", "note", False,
         "a dated reform of the timeline changes fields that act on nothing in the scenario",
         r"timeline\.(?P<entry>\d+): the dated reform '(?P<reform>[^']*)' \(at (?P<at>[^)]*)\) "
         r"can have no effect from its date: (?P<why>.+)"),
    Code("sweep_no_effect", "note", False,
         "a swept key acts on nothing at any of its values: the sweep is flat by "
         "construction, not a measured response",
         r"the swept values can have no effect: (?P<why>.+?); the points' figures owe "
         r"nothing to (?P<key>\S+) "),
    Code("sweep_same_scenario", "note", False,
         "a sweep's points (or those along one swept field, the others fixed) load one "
         "scenario: the swept values change nothing in it, the response is flat by "
         "construction",
         r"the sweep's points are one scenario: the swept values of (?P<key>.+?)"
         r"(?: \((?P<fixed>the other swept fields fixed)\)| \(at (?P<fixed_at>[^)]*)\))? change "
         r"nothing in it once loaded"),
    Code("sweep_same_figures", "note", False,
         "a sweep's points (or those along one swept field, the others fixed) have the same "
         "figures to the last digit in every replication: what the swept values change "
         "acted on nothing in these runs, which is no measured 'no effect'",
         r"the sweep's points have the same figures to the last digit in every replication: "
         r"what the swept values of (?P<key>.+?)(?: \((?P<fixed>the other swept fields "
         r"fixed)\)| \(at (?P<fixed_at>[^)]*)\))? change acted on nothing in these runs"),
    Code("seizure_cost_patrols_only", "note", False,
         "a scenario that prices the patrols outside the ports but no port's staff or "
         "equipment: its cost per seizure is the patrols' cost alone over every seizure",
         r"cost_per_seizure here is the patrols' cost alone over every seizure"),
    Code("scenario_uncosted", "note", False,
         "a scenario without [costs] whose organisation has staff: no cost figure, its "
         "staff cost included (no currency to report it in)",
         r"the scenario has no \[costs\] section: the agencies' and traders' costs of "
         r"clearance are not measured"),
    Code("schedule_no_warmup_calls", "note", False,
         "a port's vessel schedule has no call in the warm-up: its import lanes start the "
         "observed days empty, so its first days clear faster than they will",
         rf"ports\.(?P<port>\w+)\.arrivals\.schedule has no call in the warm-up \(its first "
         rf"at hour (?P<f_first_hour>{_N}), the observed days from hour "
         rf"(?P<f_warmup_hour>{_N})\)"),
    Code("schedule_idle_end", "note", False,
         "a port's vessel schedule has no call in the observed days' last day or more: they "
         "observe no import arriving there",
         rf"ports\.(?P<port>\w+)\.arrivals\.schedule has no call after hour "
         rf"(?P<f_last_hour>{_N}), and the observed days run to hour (?P<f_stop_hour>{_N}): "
         rf"(?P<f_idle_days>{_N}) days"),
    Code("pattern_idle_observed", "note", False,
         "a port's vessel call pattern has no slot whose call can come in the observed days "
         "(a short run on days without a slot): they observe no import arriving there",
         rf"ports\.(?P<port>\w+)\.arrivals\.calls has no slot whose call can come in the "
         rf"observed days \(hours (?P<f_start_hour>{_N}) to (?P<f_stop_hour>{_N})"),
    Code("pattern_share_off", "note", False,
         "a port's vessel call pattern brings a share of its imports more than 10 % "
         "(relative) off the share written: the port's imports differ from what its rate "
         "and batch.size say",
         rf"ports\.(?P<port>\w+)\.arrivals\.calls brings (?P<f_expected_share>{_N}) of the "
         rf"port's imports on average \((?P<f_pattern_per_day>{_N}) declarations/d of "
         rf"(?P<f_imports_per_day>{_N})/d\), not the share of (?P<f_written_share>{_N}) "
         rf"written \(more than (?P<f_tolerance_pct>{_N})% off it\): the port's imports come "
         rf"to {_N}/d where its rate and batch\.size say (?P<f_said_per_day>{_N})/d; for a "
         rf"share of {_N}, give the calls about (?P<f_boxes_needed>{_N}) boxes on average"),
    Code("unnamed_child", "note", False,
         "a scenario file extends another and sets no name: its results folders and reports "
         "take its parent's name",
         r"(?P<child>\S+) extends (?P<parent>\S+) and sets no name: it is named "
         r"'(?P<name>[^']*)', as its parent"),
    Code("prcc_too_few_points", "warning", False,
         "a Latin-hypercube sweep has too few points for its PRCCs to rank the parameters",
         rf"(?:with )?(?P<f_points>{_N}) points (?:and |cannot give PRCC intervals over )"
         rf"(?P<f_parameters>{_N}) parameters"),
    Code("prcc_noise", "warning", False,
         "simulation noise blurs a Latin-hypercube sweep's PRCCs (or one replication cannot "
         "tell)",
         r"(?:with one replication per point the simulation noise in each point's mean|"
         r"simulation noise makes up much of the spread of the points' means)",
         (r"with (?P<one_rep>one) replication per point", r"(?P<spread>much) of the spread",
          r"points' means \((?P<noisy>[^)]+)\): it pulls")),
    Code("sobol_uncertain", "warning", False,
         "a Sobol analysis's indices are too uncertain, or simulation noise moves them more "
         "than their intervals show",
         r"(?:the Sobol indices are uncertain|with one replication per point the Sobol "
         r"intervals|simulation noise moves the Sobol indices)",
         (rf"half-width is (?P<f_widest>{_N})", rf"\(now (?P<f_n>{_N});",
          r"with (?P<one_rep>one) replication per point",
          rf"over (?P<f_reps>{_N}) replications:")),
    Code("sobol_not_power_of_two", "warning", False,
         "a Sobol analysis's base sample size is not a power of two, so its indices converge "
         "more slowly (with the sizes to use instead)",
         rf"the Sobol sample's base size N = (?P<f_n>{_N}) is not a power of two",
         (rf"use --sobol (?P<f_lower>{_N}) or (?P<f_higher>{_N})",)),
    Code("resumed_elsewhere", "warning", False,
         "a results folder resumed in another environment than the one that made it "
         "(another Python, operating system, machine or git commit): named, old and new",
         r"resuming (?P<folder>.+?), made in another environment: (?P<changed>.+?); "
         r"(?:(?P<same>the commit is the same)|(?P<other>the code's build is the same))"),
    Code("illicit_redrawn", "note", False,
         "an option changes which goods are illicit (the hidden truth is redrawn from the "
         "traffic it changes): its detection rates, values and seizures compare other illicit "
         "goods than the baseline's",
         rf"it changes which goods are illicit \((?P<f_illicit_change>{_N}) (?:more|fewer) "
         rf"illicit declarations in the cohort a replication, (?P<f_change_pct>[+-]?{_N})% of "
         rf"the baseline's (?P<f_baseline_illicit>{_N})\)", (), "illicit_declarations"),
    Code("engine_switched", "note", False,
         "an option switches the risk engine on where the baseline's selection tables decide: "
         "its differences mix the engine's own selection with the change",
         r"it switches the risk engine on, where the baseline's selection tables decide"),
    Code("structure_assumptions", "note", False,
         "an option changes the organisation's structure: what it does rests on the stated "
         "transfer times and advantages (and on a running-in that reaches the observed days)",
         r"which structure decides faster, and what it does to clearance, rests on the "
         r"scenario's stated assumptions, not on the structure alone: organisation\.transfer_to "
         r"(?:\((?P<transfer>.+?): a request passed up to that level waits this long first\)|"
         r"\((?P<no_transfer>none): a request passed up waits for no transfer\)) and "
         r"organisation\.advantages \((?P<advantages>.+?)\); try other values with --set",
         (r"(?P<same_heads>every structure places the same heads) \(organisation\.generate",
          rf"; every observed day is running-in \(organisation\.advantages\.transition_days = "
          rf"(?P<f_transition_days>{_N}),.*observe past day (?P<f_past_day>{_N}) \(--days "
          rf"(?P<f_days_suggested>{_N}) or more\)",
          rf"; its first (?P<f_running_in_days>{_N}) of (?P<f_observed_days>{_N}) observed days "
          r"are running-in",
          rf"; every observed day is running-in, counted from the first observed day "
          rf"\(organisation\.advantages\.transition_days = (?P<f_reform_running_in_days>{_N})\)"
          rf".*observe more than (?P<f_reform_days_needed>{_N}) days",
          rf"; the first (?P<f_reform_running_in_first>{_N}) of its (?P<f_reform_observed_days>"
          rf"{_N}) observed days are running-in, counted from the first observed day")),
    Code("generated_dumbbell", "note", False,
         "a generated dumbbell keeps the headcount and puts the deciding staff of national "
         "tasks in national centres; the front line's inspection staff are the lanes",
         r"the generated dumbbell keeps the headcount and puts the deciding staff"),
    Code("folder_file_rebuilt", "note", False,
         "a resumed results folder's record (meta.json, warnings.json) was damaged: it is "
         "written again from this run, and every finished replication checked against it",
         r"(?P<file>.+?) was damaged \((?P<why>.+?)\); written again from this "
         r"(?:(?P<by_run>run)|(?P<by_comparison>comparison)|(?P<by_sweep>sweep))"
         r"(?P<checked>: each finished replication is checked)?"),
    Code("folder_file_rewritten", "note", False,
         "a resumed results folder's file did not match what it is made from (changed or "
         "damaged since): it is written again from it",
         r"(?P<file>.+?) did not match (?P<what>.+?) \(changed or damaged\); written again"),
    Code("replication_recomputed", "note", False,
         "a finished replication's file in a resumed results folder is damaged or not of "
         "this run: the replication is computed again",
         r"(?P<file>.+?): (?P<why>.+); computing replication (?P<f_replication>\d+) again$"),
    Code("results_by_period", "note", False,
         "with a timeline, the results are also reported by the period the goods arrived in "
         "(the _era_<k> metrics): when each period begins, and what it is not",
         r"(?:the|(?P<each_option>every option's)) results are also split by the period the "
         r"goods arrived in(?: \((?P<metrics>[^)]*)\))?(?:, with a paired difference per "
         r"period)?: (?P<eras>.+?)(?P<not_effect>; a period's figures are not an effect of its "
         r"reform \(compare the reform against the baseline for that\))?$"),
    Code("engine_cap_exceeded", "note", False,
         "the risk engine's rate for a capped credit class is above its cap over the observed "
         "days: it holds the cap against ordinary traders' recent rate at each port, so a "
         "short run can show it above (not a breach)",
         rf"the risk engine inspects [\w ]+ at (?P<f_rate_pct>{_N})%, "
         rf"(?P<f_share_of_ordinary_pct>{_N})% of ordinary traders' (?P<f_ordinary_pct>{_N})% "
         rf"over the observed days, above the (?P<f_cap_pct>{_N})% cap it holds "
         r"\(risk\.caps\.(?P<trader_class>\w+)\)"),
    Code("alerts_crowded", "note", False,
         "alerts were in force over most of the risk engine's decisions: a raise on most "
         "declarations cannot point at riskier goods",
         rf"alerts were in force over (?P<f_share_pct>{_N})% of the risk engine's decisions "
         r"\(alert_raised_share\)", (), "alert_raised_share"),
    Code("throttle_idle", "note", False,
         "a port's throttle never engaged (its exam queue never exceeded the threshold): the "
         "run is the run without a throttle",
         r"the throttle never engaged at (?P<port>[^:]+): the exam queue it read \(at each "
         r"refresh\) peaked at (?P<peak>\S+) consignment\(s\)",
         (rf"never above its threshold of (?P<f_threshold>{_N})",)),
    Code("static_selection_overload", "note", False,
         "a port's exam yard did not settle while selection ran on the static selection "
         "tables: they keep selecting at their rates under overload (a risk engine's "
         "throttle models inspecting less)",
         r"(?P<port>[^:]+): the exam yard's queue did not settle \((?P<lanes>[^)]+)\), yet "
         r"selection ran on the static selection tables"),
    Code("type_unfound", "note", False,
         "an illicit type the scenario carries has no check that can find it (no detection "
         "entry above 0): its detection rate is 0 and all of it slips through",
         r"enforcement\.prevalence\.(?P<kind>\w+) \((?P<f_prevalence>[\d.]+(?:e-?\d+)?)\) "
         r"gives declarations \w+, but no check can find it",
         (), "detection_rate_{kind}"),
    Code("other_warning", "warning", True,
         "a warning no code knows yet: a scheduler still sees it (the tests fail on one)",
         r"(?!)"),
    Code("other_note", "note", False,
         "a note no code knows: what an option changes, costs left out, and the like "
         "(context for a reader, not a doubt about the figures)",
         r"(?!)"),
)

BY_CODE = {c.code: c for c in CODES}
#: (each reads a message in the command line's words or in Python's: sim.python_words)
_COMPILED = [(c, re.compile(either_spelling(c.pattern)),
              [re.compile(either_spelling(x)) for x in c.extras]) for c in CODES]
#: how a printed line starts: ``warning: ``, ``note (OPTION): ``, ``warning (OPTION, unstable): ``
_LINE = re.compile(r"(?P<severity>warning|note)(?: \((?P<option>[^()]+?)(?:, unstable)?\))?: "
                   r"(?P<message>.*)", re.S)
#: the replications a run's line names at its end (see sim.model.window)
_REPS = re.compile(r" \((?P<rep>rep-\d+)\)$|"
                   r" \((?P<n>\d+) of the replications(?:; the figures are (?P<first>rep-\d+)'s, "
                   r"the others' differ)?\)$")
_REP_FIRST = re.compile(r"(?P<rep>rep-\d+(?:, rep-\d+)*): ")  # (the dashboard's: several)
#: a sweep's point, where a comparison names its option: ``warning (point 3: k=v): ...``
_POINT = re.compile(r"point (?P<point>\d+): ")
#: a wait that is no lane's is told by what is waited for (see sim.model.stability)
SAID_AS = {"the exam appointment slots": "exam_slots"}


def _figure(text: str) -> float:
    return float(text.replace(",", ""))


def classify(message: str) -> tuple[Code, dict[str, Any], dict[str, Any]]:
    """The code of one message (without its ``warning: `` prefix), its fields (port, lane,
    metric and the like) and its figures; ``other_warning`` if no code knows it. A
    comparison's ``rep-0001: `` before it is no part of it."""
    lead = _REP_FIRST.match(message)
    message = message[lead.end():] if lead is not None else message
    for code, pattern, extras in _COMPILED:
        found = pattern.match(message)
        if found is None:
            continue
        groups = dict(found.groupdict())
        for extra in extras:
            more = extra.search(message)
            groups |= more.groupdict() if more else {}
        figures = {k[2:]: _figure(v) for k, v in groups.items() if k.startswith("f_") and v}
        fields = {k: v for k, v in groups.items() if not k.startswith("f_") and v}
        _tidy(fields, figures)
        if code.metric:
            try:
                fields["metric"] = code.metric.format(**fields)
            except KeyError:  # (a message that does not name all of it)
                pass
        fields.pop("lane_metric", None)
        return code, fields, figures
    return BY_CODE["other_warning"], {}, {}


def _tidy(fields: dict[str, Any], figures: dict[str, Any]) -> None:
    """Fields as the results name them: an organisation unit's staff as port ``org/<unit>``
    and lane ``<role>``, the exam slots as lane ``exam_slots``, weekly means as figures."""
    port, lane = fields.get("port", ""), fields.get("lane", "")
    if port.startswith("organisation unit "):
        fields["unit"] = port.removeprefix("organisation unit ")
        fields["role"] = lane.removeprefix("its ").removesuffix(" staff")
        del fields["port"], fields["lane"]
    if "unit" in fields:
        fields["port"], fields["lane"] = f"org/{fields['unit']}", fields["role"]
    if lane in SAID_AS:
        fields["lane"] = SAID_AS[lane]
    if "weekly" in fields:
        figures["weekly_mean_wait_h"] = [_figure(x) for x in fields.pop("weekly").split(", ")]
    if "daily" in fields:  # (an approach's trucks waiting, by observed day)
        figures["daily_mean_trucks"] = [_figure(x) for x in fields.pop("daily").split(", ")]


def code_of(message: str) -> str:
    """Just the code of one message."""
    return classify(message)[0].code


def record(line: str, by_rep: Mapping[str, Iterable[str]] | None = None) -> dict[str, Any]:
    """One printed line (``warning: ...``, ``note (OPTION): ...``) as a record; ``by_rep``:
    a run's warnings by replication, to name every replication a line stands for. The
    severity is the code's, not the word the line starts with: a run too short or a single
    replication is printed as a note but means its figures are not to be trusted."""
    head = _LINE.match(line)
    severity, option, message = ("note", None, line) if head is None else (
        head["severity"], head["option"], head["message"])
    reps: list[str] = []
    lead = _REP_FIRST.match(message)  # (a comparison's: ``rep-0001: <message>``)
    if lead is not None:
        reps, message = lead["rep"].split(", "), message[lead.end():]
    point = _POINT.match(option or "")
    if point is not None:
        option = None
    code, fields, figures = classify(message)
    tail = None if lead is not None else _REPS.search(message)
    if tail is not None and tail["rep"]:
        reps = [tail["rep"]]
    elif tail is not None:
        said = message[:tail.start()].split(" (")[0]
        reps = sorted(r for r, ms in (by_rep or {}).items()
                      if any(m.split(" (")[0] == said for m in ms)) or [tail["first"] or ""]
    if code.code == "other_warning" and severity == "note":
        code = BY_CODE["other_note"]
    return {"code": code.code, "severity": code.severity,
            "unsettles": code.unsettles, "option": option,
            "point": int(point["point"]) if point is not None else None, "port": fields.get("port"),
            "lane": fields.get("lane"), "metric": fields.get("metric"),
            "fields": {k: v for k, v in fields.items() if k not in ("port", "lane", "metric")},
            "figures": figures, "replications": reps, "text": line}


def records(lines: Iterable[str], by_rep: Mapping[str, Iterable[str]] | None = None
            ) -> list[dict[str, Any]]:
    """Every line that is a note or a warning (``warning: ``, ``note: `` and their option
    forms) as a record (see :func:`record`); other lines are left out."""
    return [record(line, by_rep) for line in lines if _LINE.match(line)]


def unsettles(message: str) -> bool:
    """Whether a run's warning says its figures are not steady-state (by its code)."""
    return BY_CODE[code_of(message)].unsettles


def table_markdown() -> str:
    """The codes as a Markdown table (for ``docs/warnings.md``)."""
    rows = ["| code | severity | makes a run unstable | what it says |", "|---|---|---|---|"]
    rows += [f"| `{c.code}` | {c.severity} | {'yes' if c.unsettles else 'no'} | {c.about} |"
             for c in CODES]
    return "\n".join(rows) + "\n"
