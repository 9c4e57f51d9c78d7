"""The quarantine laboratory: samples wait for a cut-off, run in batches, incubate.

More staff cannot shorten incubation; what limits throughput is the batch size and how many
cut-offs a day there are. The lab costs one event per cut-off plus one per sample result.
Its utilisation is the share of its batches' room filled at the cut-offs of the observation
window that had samples waiting (1: every such batch full, samples left for later ones), and
its cohort's waits are also kept by week, so that the stability check sees a lab that
cannot keep up as it sees a lane (and one whose samples all go in the first batch after
their submission as waiting for a schedule, not a queue). At each observed cut-off it also
counts the samples waiting before the batches start (sim.model.lab_work reports them).
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Generator
from typing import Any

import simpy

from sim.analysis.sketch import LogHistogram
from sim.model.weekly import Weekly


class Lab:
    def __init__(
        self,
        env: simpy.Environment,
        port: str,
        batch_size: int,
        cutoffs: list[float],
        window: tuple[float, float] = (0.0, math.inf),
    ):
        self.env, self.port = env, port
        self.batch_size = batch_size
        self.cutoffs = sorted(c % 24 for c in cutoffs)
        self._waiting: dict[str, deque[tuple[simpy.Event, float, float, bool]]] = {}
        #: how many samples at the head of each test's queue are a green lane's (they go first)
        self._first: dict[str, int] = {}
        self.waits = LogHistogram()  # submit -> batch start, cohort samples
        self.batches = 0
        self.samples = 0
        self.unlimited = False  # (what the stability check asks of a queue)
        self.name = "lab"
        self.window = window  # the observation window
        self.room = self.filled = 0  # batch places offered, and taken, in the window
        self.weekly = Weekly()  # by the week of submission
        #: cohort samples a cut-off left waiting for a later batch (its batch was full)
        self.held_back = 0
        #: samples waiting (every test) at the observed cut-offs: how many, their sum, the most
        self.cutoffs_seen = self.waiting_sum = self.waiting_max = 0
        env.process(self._run())

    def submit(
        self, incubation: float, cohort: bool, test: str = "standard", first: bool = False
    ) -> simpy.Event:
        """Hand in a sample for ``test`` now; the event fires with (batch start, result).
        ``first``: a green lane's sample, queued behind the green lane's samples already
        waiting and ahead of every other (sim.model.green_lane)."""
        ev = self.env.event()
        waiting = self._waiting.setdefault(test, deque())
        if first:
            ahead = self._first.get(test, 0)
            waiting.insert(ahead, (ev, self.env.now, incubation, cohort))
            self._first[test] = ahead + 1
        else:
            waiting.append((ev, self.env.now, incubation, cohort))
        return ev

    @property
    def queue_length(self) -> int:
        return sum(len(q) for q in self._waiting.values())

    def weekly_waits(self) -> dict[int, float]:
        """Mean wait of cohort samples by the week (of the run) they were submitted in."""
        return self.weekly.means()

    def waits_scheduled(self) -> bool:
        """Whether every cohort sample went in the first batch after its submission: its
        wait is then only the time to the next cut-off (a schedule), never a queue."""
        return self.held_back == 0

    def result_row(self) -> dict[str, Any]:
        """The lab's row of the resources table (waits are from submission to batch start)."""
        nan = float("nan")
        return {
            "lane": "lab",
            "queue_mean": nan,
            "busy_mean": nan,
            "capacity_mean": nan,
            "utilisation": self.filled / self.room if self.room else nan,
            "wait_mean_h": self.waits.mean,
            "wait_p90_h": self.waits.quantile(0.9),
            "served": self.waits.n,
            "service_mean_h": nan,
            "jobs_total": self.samples,
            "sojourn_total_h": nan,
            "area_total": nan,
            "batches": self.batches,
        }

    def _run(self) -> Generator[simpy.Event, Any, None]:
        day = 0
        while True:
            for c in self.cutoffs:
                t = day * 24 + c
                if t < self.env.now:
                    continue
                yield self.env.timeout(t - self.env.now)
                if self.window[0] <= t < self.window[1]:
                    self._count_waiting()
                for test, waiting in self._waiting.items():  # each test: its own batch
                    if waiting:
                        size = min(self.batch_size, len(waiting))
                        if self._first.get(test):
                            self._first[test] = max(0, self._first[test] - size)
                        if self.window[0] <= t < self.window[1]:
                            self.room += self.batch_size
                            self.filled += size
                        batch = [waiting.popleft() for _ in range(size)]
                        self.held_back += sum(1 for *_, cohort in waiting if cohort)
                        self.env.process(self._incubate(batch))
            day += 1

    def _count_waiting(self) -> None:
        """Count the samples waiting at an observed cut-off, before its batches start."""
        n = self.queue_length
        self.cutoffs_seen += 1
        self.waiting_sum += n
        self.waiting_max = max(self.waiting_max, n)

    def _incubate(self, batch: list) -> Generator[simpy.Event, Any, None]:
        start = self.env.now
        self.batches += 1
        self.samples += len(batch)
        incubation = batch[0][2]  # one run, one incubation: the first sample's draw
        for _, submitted, _, cohort in batch:
            if cohort:
                self.waits.add(start - submitted)
                self.weekly.add(submitted, start - submitted)
        yield self.env.timeout(incubation)
        for ev, *_ in batch:
            ev.succeed((start, self.env.now))
