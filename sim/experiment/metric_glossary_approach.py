"""The glossary's entries of a land crossing's approach (:mod:`sim.model.approach`): trucks
that wait before the crossing, in its parking area and on the road, until it has room."""

from __future__ import annotations

from sim.experiment.metric_glossary_data import LANE_LAYER, Entry

ONLY = "with an approach (`[ports.<port>.approach]`, docs/trucks.md)"
_TAIL = "_port_<port>"
_REACHED = (
    "over the trucks (imports and exports) that reached the approach in the observed window "
    "and entered the crossing by the end of the run"
)
_TIME = "time-weighted over the observed window"

APPROACH = [
    Entry(f"approach_wait_h_mean{_TAIL}", LANE_LAYER,
          f"Mean hours a truck waited on the approach before it entered the crossing (from "
          f"`reached` to `arrived` in the log), {_REACHED}; 0 for a truck that found room.",
          only=ONLY),
    Entry(f"approach_wait_h_p90{_TAIL}", LANE_LAYER,
          f"The 90th percentile of the hours `approach_wait_h_mean{_TAIL}` averages, over the "
          f"same trucks (exact, not from a histogram).", only=ONLY),
    Entry(f"approach_parking_mean{_TAIL}", LANE_LAYER,
          f"Trucks waiting in the approach's parking area (the first `parking` of those "
          f"waiting to enter), {_TIME}.", only=ONLY),
    Entry(f"approach_road_mean{_TAIL}", LANE_LAYER,
          f"Trucks waiting on the road before the crossing (those waiting beyond the "
          f"parking area's `parking` spaces), {_TIME}.", only=ONLY),
    Entry(f"approach_parking_peak{_TAIL}", LANE_LAYER,
          "The most trucks waiting in the parking area at once in the observed window (at "
          "most its `parking` spaces).", only=ONLY),
    Entry(f"approach_road_peak{_TAIL}", LANE_LAYER,
          "The most trucks waiting on the road at once in the observed window.", only=ONLY),
    Entry(f"approach_road_trucks_per_day{_TAIL}", LANE_LAYER,
          "Trucks a day that spilled onto the road: those that reached the approach in the "
          "observed window when the crossing was full and the parking area too, divided by "
          "the observed days.", only=ONLY),
    Entry(f"approach_inside_lab_mean{_TAIL}", LANE_LAYER,
          f"Trucks inside the crossing waiting for a laboratory result (from the sample's "
          f"submission, `lab_start`, to its result, `lab_end`, while the truck is inside), "
          f"{_TIME}, over the trucks whose flow ended by the end of the run. The places left "
          f"for the other trucks are `inside` less this: when they are too few, the queue "
          f"does not settle (docs/trucks.md).", only=ONLY),
    Entry(f"approach_left_trucks{_TAIL}", LANE_LAYER,
          "Trucks (imports and exports) that reached the approach in the observed window and "
          "were still waiting on it when the run ended (after the drain): they have no flow, "
          "so no per-truck figure (clearance times, costs, the approach's waits, the trucks "
          "command's turnaround) counts them; a replication's count.", only=ONLY),
    Entry(f"approach_left_wait_h_mean{_TAIL}", LANE_LAYER,
          f"Mean hours those trucks (`approach_left_trucks{_TAIL}`) had waited on the approach "
          f"by the end of the run (from `reached` to the run's end: their wait so far, less "
          f"than their whole wait); no figure in a replication that left none.", only=ONLY),
]
