"""The glossary's entries of the exam yard's figures per container
(:mod:`sim.model.exam_figures`): the lanes count declarations, a yard plans in boxes."""

from __future__ import annotations

from sim.experiment.metric_glossary_data import LANE_LAYER, Entry

#: what the yard's figures leave out, said wherever they are explained
NOT_IN_YARD = (
    " Only the boxes of declarations: empty containers and transhipment boxes, which take "
    "yard slots and quay moves but never meet customs, are not modelled, so they are in "
    "none of the yard's figures (add the terminal's own counts of them to plan its ground)."
)

_COUNTED = (
    " Counts the cohort's physical examinations (customs', alone or joint with quarantine; "
    "at a bay or at the trader's premises) that ended by the run's end, each with all its "
    "declaration's containers: every box of an examined declaration is moved and examined "
    "(`enforcement.detection.boxes_opened` lowers what an examination finds, not its time). "
    "Named for each port with an exam yard (`[ports.<port>.exam]`)."
)

_LEVEL = (
    " A box is in the exam yard from when it could go there (the latest of its milestones "
    "before the examinations: its discharge, its declaration's assessment, an image "
    "review ...) to when it is back from its last examination (`inspected`), or to the end "
    "of the run; one examined at the trader's premises is not. Counts the cohort's "
    "consignments whose physical exam or quarantine check started by the run's end, with "
    "all their declaration's containers (a box still waiting for its first examination at "
    "the end, or of a consignment arrived before the observed window, is not counted), on "
    "a grid of minutes. 0 where nothing was examined. Named for each port with an exam "
    "yard (`[ports.<port>.exam]`)." + NOT_IN_YARD
)

EXAM_YARD = [
    Entry("exam_boxes_per_day_port_<port>", LANE_LAYER,
          "Containers physically examined a day at the port, over the observed days." + _COUNTED),
    Entry("exam_h_per_box_port_<port>", LANE_LAYER,
          "Mean hours of the examination itself per container examined (from `exam_start` "
          "to `exam_end`, summed over the examinations, over their containers): no moves, no "
          "waits; `exam.duration` is drawn per container, so this is about its mean (a joint "
          "examination takes the longer of the customs and quarantine times)." + _COUNTED),
    Entry("exam_boxes_per_team_hour_port_<port>", LANE_LAYER,
          "Containers examined per hour an exam team was on duty (the `exam_teams` lane's "
          "`capacity_mean` times the observed hours, overtime included), idle hours counted: "
          "times a team's hours on duty a day it is a team's containers a day (the default "
          "sea port's teams are on duty 08:00-18:00, 10 h). NaN without an `exam_teams` lane "
          "(a cross-trained pool's officers are not teams), with unlimited teams or when "
          "nothing was examined."
          + _COUNTED),
    Entry("exam_moves_per_day_port_<port>", LANE_LAYER,
          "The terminal's container moves for inspections a day, over the observed days: "
          "each box brought to an exam bay and taken back is two moves, for a physical exam, "
          "a quarantine check, or both jointly (one visit); separately (before 2018: "
          "`inspection.mode = \"separate\"`) a box both agencies inspect visits twice, four "
          "moves. An examination at the trader's premises moves nothing. Counts the cohort's "
          "inspections back from the yard by the run's end (`inspected`), with all their "
          "declaration's containers. The movers' own figures (`arrivals_per_hour_<port>_"
          "movers`) count a declaration's move as one job. Named for each port with an exam "
          "yard (`[ports.<port>.exam]`)."),
    Entry("exam_moves_per_box_port_<port>", LANE_LAYER,
          "`exam_moves_per_day_port_<port>`'s moves over every container of the cohort's "
          "consignments at the port, imports and exports, inspected or not, whatever their "
          "outcome: the extra moves that inspection adds per box handled (0.1: ten moves "
          "more per hundred boxes). Named for each port with an exam yard "
          "(`[ports.<port>.exam]`)." + NOT_IN_YARD
          + " Over a terminal's whole throughput, empties and transhipment included, the "
          "moves per box handled are lower."),
    Entry("exam_yard_boxes_max_port_<port>", LANE_LAYER,
          "The exam yard at its busiest over the observed window, in containers: the most "
          "boxes at the port's exam bays or waiting for them at once (the lanes' queues and "
          "`hours --peak` count declarations; a yard plans slots for boxes)." + _LEVEL),
    Entry("exam_yard_boxes_p95_port_<port>", LANE_LAYER,
          "The containers at the port's exam bays or waiting for them that the yard holds at "
          "most 95 % of the observed time (time-weighted: the smallest level that, with the "
          "levels below it, held 95 % of the minutes): the busy level to plan slots for, "
          "a lone peak left out (`exam_yard_boxes_max_port_<port>` gives it)." + _LEVEL),
]

_DWELL = (
    " Over the cohort's consignments out of the flow by the end of the run (released, and "
    "exited or loaded; seized, rejected and still held left out, as `overall_clearance`), "
    "weighted by their containers: an import from its discharge (its box on the ground) to "
    "its exit through the gate, an export from its arrival at the terminal (the truck's "
    "gate-in) to its vessel's departure (it is loaded between its cut-off and then, so this "
    "is the longest it can stay). Named for each sea port, imports and, where it has them, "
    "exports." + NOT_IN_YARD
)

_YARD_LEVEL = (
    " A box is on the ground as `yard_dwell_h_mean_port_<port>_<direction>` counts it (an "
    "import from its discharge to its exit through the gate, an export from its gate-in to "
    "its vessel's departure), one still in the flow at the run's end to the end; every "
    "consignment counts, also those that arrived before the observed window and were still "
    "there (the dwell counts the cohort's alone, so over a short warm-up the two disagree); "
    "seized, rejected and detained goods are left out. Counted on a grid of minutes over "
    "the observed window. Named for each sea port, imports and, where it has them, "
    "exports." + NOT_IN_YARD
)

#: a container terminal's yard dwell per container (sim.model.yard_dwell)
YARD_DWELL = [
    Entry("yard_dwell_h_mean_port_<port>_<direction>", LANE_LAYER,
          "Mean hours a container stays on the terminal's ground, per box, not per "
          "declaration (a declaration of five boxes counts five times), and from the box's "
          "discharge, not the vessel's arrival (as `overall_clearance_h_mean` counts): the "
          "dwell a terminal plans its yard with. NaN where none counted." + _DWELL),
    Entry("yard_dwell_h_p90_port_<port>_<direction>", LANE_LAYER,
          "The hours nine containers in ten stay on the terminal's ground within (the 90th "
          "percentile per box, as `yard_dwell_h_mean_port_<port>_<direction>` counts): the "
          "long stays that block the yard, which the mean hides. From a log-histogram "
          "weighted by containers, within 1 %. NaN where none counted." + _DWELL),
    Entry("yard_dwell_h_to_release_port_<port>_<direction>", LANE_LAYER,
          "The part of `yard_dwell_h_mean_port_<port>_<direction>` before customs' release, "
          "per box: the hours a container waits on the ground for clearance (customs', "
          "quarantine's and the trader's own formalities; the owners' split of the time to "
          "release is `owner_hours_to_release_<owner>_port_<port>_<direction>`, per "
          "declaration and from the vessel's arrival); 0 for a box whose goods were released "
          "before it was on the ground. With `yard_dwell_h_after_release_port_<port>_<direction>` "
          "it adds up to the mean: a reform of customs' work can shorten this part only. NaN "
          "where none counted." + _DWELL),
    Entry("yard_dwell_h_to_release_<owner>_port_<port>_<direction>", LANE_LAYER,
          "The owner's part of `yard_dwell_h_to_release_port_<port>_<direction>`, per box: "
          "of the hours a container waits on the ground before customs' release, those the "
          "owner of waiting time holds (the trader's own time, as lodging late or paying the "
          "duty; customs' queues and checks; quarantine's check, laboratory and form; the "
          "terminal's moves to and from the exam yard). The Time Release Study stretches to "
          "release, cut to the time the box is on the ground, each booked to its owner; the "
          "exam yard's waits and moves shared by their owners' hours (a rejected box kept for "
          "its disposal: its hours before the rejection shared by its owners' hours of the "
          "whole flow). The owners add up to `yard_dwell_h_to_release_port_<port>_<direction>`. "
          "NaN where none counted." + _DWELL),
    Entry("yard_dwell_h_after_release_port_<port>_<direction>", LANE_LAYER,
          "The part of `yard_dwell_h_mean_port_<port>_<direction>` after customs' release, "
          "per box: an import's wait for the consignee's pick-up and the exit gate "
          "(`ports.<port>.release.pickup`, often an assumption), an export's wait for the "
          "carrier's schedule (its vessel's cut-off and departure, `exports.loading`): the "
          "ground that customs does not hold. NaN where none counted." + _DWELL),
    Entry("yard_boxes_mean_port_<port>_<direction>", LANE_LAYER,
          "Containers on the terminal's ground at once, on average over the observed hours, "
          "by Little's law: the containers' hours on the ground (as "
          "`yard_dwell_h_mean_port_<port>_<direction>`) summed and divided by the observed "
          "hours, a steady-state mean (the yard occupancy the flow makes; boxes there for "
          "other reasons, empties and transhipment, are not modelled)." + _DWELL),
    Entry("yard_boxes_max_port_<port>_<direction>", LANE_LAYER,
          "The terminal's ground at its busiest over the observed window, in containers: "
          "the most boxes on it at once (`yard_boxes_mean_port_<port>_<direction>` is a mean, "
          "a yard is planned for its busy days)." + _YARD_LEVEL),
    Entry("yard_boxes_p95_port_<port>_<direction>", LANE_LAYER,
          "The containers on the terminal's ground that it holds at most 95 % of the "
          "observed time (time-weighted: the smallest level that, with the levels below it, "
          "held 95 % of the minutes): the busy level to plan for, a lone peak left out "
          "(`yard_boxes_max_port_<port>_<direction>` gives it)." + _YARD_LEVEL),
    Entry("yard_reefer_dwell_h_mean_port_<port>_<direction>", LANE_LAYER,
          "`yard_dwell_h_mean_port_<port>_<direction>` of the containers of the commodities "
          "kept in reefers (`costs.commodities.<commodity>.reefer`) alone: how long a reefer "
          "stays plugged in on the terminal's ground (a laboratory's hold included)."
          + _DWELL),
    Entry("yard_reefer_boxes_mean_port_<port>_<direction>", LANE_LAYER,
          "`yard_boxes_mean_port_<port>_<direction>` of the containers of the commodities "
          "kept in reefers (`costs.commodities.<commodity>.reefer`) alone: the reefer plugs "
          "the flow keeps taken at once, on average." + _DWELL),
]
