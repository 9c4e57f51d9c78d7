"""The glossary's entries of a port laboratory's workload (:mod:`sim.model.lab_work`):
samples a day by port and commodity, turnaround from submission to result with its tail,
and the samples and containers it holds at once."""

from __future__ import annotations

from sim.experiment.metric_glossary_data import CLEAR_LAYER, Entry

_COHORT = (
    "the cohort's consignments a quarantine check sampled for the port's laboratory, whatever "
    "their outcome (goods a failed test rejected count: their test was work done)"
)
_TURN = (
    "from a sample's submission to its result: the wait for a cut-off and for room in a "
    "batch (`wait_h_mean_<port>_lab` is that wait alone) and the test's incubation; over "
    f"{_COHORT} with a result by the end of the run"
)
_WHERE = (
    " Named for each port whose quarantine can sample a commodity (under statutory "
    "inspection, selected for a quarantine check for some class), and each such commodity "
    "there, as `lab_hold_*` is; NaN where no sample had a result."
)
_LITTLE = (
    "by Little's law over the cohort: the hours summed over the observed days' hours, a "
    "steady-state mean (a run whose laboratory does not keep up says so in its stability "
    "warnings)"
)

LAB_WORK = [
    Entry("lab_samples_per_day_port_<port>", CLEAR_LAYER,
          f"Samples a day sent to the port's laboratory: {_COHORT}, over the observed days "
          f"(a sample without a result by the end of the run counts).{_WHERE}"),
    Entry("lab_samples_per_day_<commodity>_port_<port>", CLEAR_LAYER,
          "`lab_samples_per_day_port_<port>` of one commodity group's goods (its "
          f"`lab_test` says which test they need).{_WHERE}"),
    Entry("lab_turnaround_h_mean_port_<port>", CLEAR_LAYER,
          f"Mean hours {_TURN}.{_WHERE}"),
    Entry("lab_turnaround_h_p50_port_<port>", CLEAR_LAYER,
          f"Median hours {_TURN} (within 1 %: a streamed histogram).{_WHERE}"),
    Entry("lab_turnaround_h_p90_port_<port>", CLEAR_LAYER,
          f"90th percentile of the hours {_TURN} (within 1 %): the tail a laboratory's "
          f"service standard is set against.{_WHERE}"),
    Entry("lab_turnaround_h_p95_port_<port>", CLEAR_LAYER,
          f"95th percentile of the hours {_TURN} (within 1 %).{_WHERE}"),
    Entry("lab_turnaround_h_mean_<commodity>_port_<port>", CLEAR_LAYER,
          f"`lab_turnaround_h_mean_port_<port>` of one commodity group's samples.{_WHERE}"),
    Entry("lab_turnaround_h_p90_<commodity>_port_<port>", CLEAR_LAYER,
          f"`lab_turnaround_h_p90_port_<port>` of one commodity group's samples.{_WHERE}"),
    Entry("lab_backlog_mean_port_<port>", CLEAR_LAYER,
          "Samples in the port's laboratory at once, waiting for a batch or under test, "
          f"mean over the observed days, {_LITTLE}. Goods released before their result "
          f"count (their sample is still work).{_WHERE}"),
    Entry("lab_held_containers_mean_port_<port>", CLEAR_LAYER,
          "Containers (a truck, air shipment or parcel counts as one) held waiting for a "
          f"laboratory result at once, mean over the observed days, {_LITTLE}: the goods "
          "the laboratory's turnaround keeps standing. Goods released before their result "
          f"(`release_before_test`) hold none.{_WHERE}"),
    Entry("lab_waiting_at_cutoff_mean_port_<port>", CLEAR_LAYER,
          "Samples waiting in the port's laboratory at a cut-off, before its batches start "
          "(every test together; any sample, not only the cohort's), mean over the cut-offs "
          "of the observed window: the set-up work a cut-off's analysts face. Well below "
          "`batch_size`, the batches have room to spare; near or above it, samples are left "
          f"for later cut-offs.{_WHERE}"),
    Entry("lab_waiting_at_cutoff_max_port_<port>", CLEAR_LAYER,
          "The most samples waiting at one cut-off of the observed window "
          "(`lab_waiting_at_cutoff_mean_port_<port>`'s worst): the peak a laboratory's "
          f"staff and instruments must be sized for, or leave for the next cut-off.{_WHERE}"),
]
