"""The glossary's entries of the figures that check a lane against queueing theory
(:mod:`sim.model.lane_law`): the share of jobs that waited (Erlang C's chance to wait),
the arrival rate that, with the mean wait, gives the mean queue by Little's law, and the
mean number in service (Little's law at the servers)."""

from __future__ import annotations

from sim.experiment.metric_glossary_data import LANE_LAYER, Entry

_LANE = (
    "`<port>_<lane>` (a lane of servers: not the laboratory, the appointment slots or an "
    "organisation's unit)"
)

LANE_LAW = [
    Entry("waited_share_<port>_<lane>", LANE_LAYER,
          f"Share of the cohort's jobs at {_LANE} whose wait before service was above 0, over "
          "the jobs `wait_h_mean_<port>_<lane>` averages: the chance to wait, which Erlang C "
          "gives for an M/M/c queue (1/3 for the two officers of `teaching-mmc`). A job of "
          "the exam yard that waits for a bay and a mover together counts as waiting at "
          "both. An unlimited lane: 0; NaN where the cohort asked the lane for nothing."),
    Entry("arrivals_per_hour_<port>_<lane>", LANE_LAYER,
          f"Jobs asked of {_LANE} per hour of the observed window, by the time they asked "
          "(every job then, not only the cohort's): the arrival rate of Little's law, so "
          "that `queue_mean_<port>_<lane>` is about `arrivals_per_hour_<port>_<lane>` times "
          "`wait_h_mean_<port>_<lane>`, up to the jobs waiting as the window opens or closes "
          "and the cohort's jobs asked after it. Jobs are consignments at most lanes, "
          "declarations at the exam bays and teams, moves at the movers. None for an "
          "unlimited lane."),
    Entry("in_service_mean_<port>_<lane>", LANE_LAYER,
          f"Time-weighted mean number of jobs in service at {_LANE} over the observed "
          "window: its servers' busy time over the window's hours, so "
          "`utilisation_<port>_<lane>` times the mean number of servers on duty. Little's "
          "law at the servers makes it the arrival rate times the mean service time, "
          "L_s = lambda E[S] (the offered load a = lambda / mu of an M/M/c queue: 1 for "
          "`teaching-mmc`); with `queue_mean_<port>_<lane>` it gives the mean number at the "
          "lane. Jobs as in `arrivals_per_hour_<port>_<lane>`; an exam bay counts as busy "
          "while its boxes wait for a team. None for an unlimited lane."),
]
