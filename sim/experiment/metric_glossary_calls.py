"""The glossary's entries of clearance by call (:mod:`sim.model.calls`): when the last box of
a vessel or train call is released and discharged, and its boxes on average."""

from __future__ import annotations

from sim.experiment.metric_glossary_data import CLEAR_LAYER, COUNT_LAYER, Entry

_CALLS = (
    " Over the cohort's calls (those arriving in the observed days) at a port whose imports "
    "come in calls (`arrivals.batch`, random or from a `schedule`); a declaration's boxes are "
    "ready at the later of its customs release and its discharge (a train's transfer to the "
    "other gauge, at `batch.discharge_rate`). Seized, rejected and detained goods leave the "
    "call (it does not wait for them); a call with a box not ready by the run's end is held "
    "(`calls_held_port_<port>`) and left out of the means. Declarations of one call share its "
    "arrival time, which groups them: two calls at the same hour (scheduled so, or held to "
    "it by a closure) count as one. "
    "Named for each port with `arrivals.batch`; NaN where no call was ready."
)

CALLS = [
    Entry("call_ready_h_mean_port_<port>", CLEAR_LAYER,
          "Mean hours from a call's arrival to the last of its boxes ready (released by "
          "customs and discharged): when a block train is free to leave, or a vessel's "
          "import boxes are all free; the slowest declaration sets it, which a "
          "declaration's clearance time does not show." + _CALLS),
    Entry("call_ready_h_p90_port_<port>", CLEAR_LAYER,
          "90th percentile over the calls of `call_ready_h_mean_port_<port>`'s hours (of "
          "the calls ready by the run's end)." + _CALLS),
    Entry("call_box_ready_h_mean_port_<port>", CLEAR_LAYER,
          "Mean hours from a call's arrival to a box ready (released and discharged), "
          "weighted by containers (one unit for a declaration without containers), over the "
          "boxes of the calls `call_ready_h_mean_port_<port>` counts: the gap between the "
          "two is how long the average box waits for its call's last." + _CALLS),
    Entry("calls_counted_port_<port>", COUNT_LAYER,
          "The cohort's calls at the port with goods to release (ready, or held at the "
          "run's end)." + _CALLS),
    Entry("calls_held_port_<port>", COUNT_LAYER,
          "Of `calls_counted_port_<port>`, the calls with a box not ready (not released or "
          "not discharged) by the run's end." + _CALLS),
]
