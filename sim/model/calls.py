"""Clearance by call: when a whole vessel or train call's boxes are free to leave, and when
its average box is.

A rail operator plans in trains, not declarations: a block train of 40 to 50 containers
arrives, its boxes are transferred to the other gauge (``arrivals.batch.discharge_rate``),
customs releases its declarations one by one, and the train leaves when the last of them
is both released and transferred. A declaration's clearance time does not show that wait;
a call's does. So, at each port whose imports come in calls (``arrivals.batch``, random or
from a ``schedule``), over the cohort's calls (those arriving in the observed days):

- a call's ready time: from its arrival to the last of its boxes released by customs and
  discharged (transferred), the later of the two for each declaration;
- a box's ready time: the same for each box, weighted by containers (one unit for a
  declaration without containers), over the boxes of the same calls;
- seized, rejected and detained goods leave the call (it does not wait for them); a call
  with a declaration still held, or not yet discharged, at the run's end is counted as held
  and left out of both means (its ready time is not known); a call all of whose goods
  were seized is not counted.

Declarations of one call share its arrival time exactly, which is how they are grouped
(two calls at the same hour, scheduled so or held to it by a closure, count as one). Named
for every port with ``arrivals.batch``: ``call_ready_h_mean_port_<port>``,
``call_ready_h_p90_port_<port>``, ``call_box_ready_h_mean_port_<port>``,
``calls_counted_port_<port>`` and ``calls_held_port_<port>``; NaN means where no call was
counted.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from sim.model.costbook import LAYOUT
from sim.model.milestones import CENSORED, RELEASED
from sim.scenario.schema import DIRECTIONS, Scenario

if TYPE_CHECKING:
    from sim.model.recorder import Recorder

IMPORT = DIRECTIONS.index("import")
#: a call's running sums: declarations to wait for, held ones, boxes, box-hours, latest ready
_DECL, _HELD, _BOXES, _BOX_H, _LAST = range(5)


class CallTally:
    """Per call (port, arrival time) of the ports given, the running sums of the cohort's
    import declarations folded into it (the recorder's statistics rows, :data:`LAYOUT`)."""

    def __init__(
        self, ports: Sequence[str], batched: Sequence[int], end: float,
        layout: Sequence[str] = LAYOUT,
    ):
        self.ports, self.batched = list(ports), sorted(batched)
        self.end = float(end)  # the run's end (hours): what is not ready by then is held
        self.index = {name: i for i, name in enumerate(layout)}
        self.calls: dict[tuple[int, float], list[float]] = {}

    @classmethod
    def of(cls, scenario: Scenario, end: float) -> CallTally:
        """The tally of the ports whose imports come in calls (``arrivals.batch``)."""
        batched = [p for p, port in enumerate(scenario.ports.values())
                   if port.arrivals.batch is not None]
        return cls(list(scenario.ports), batched, end)

    def wire(self, recorder: Recorder) -> CallTally:
        """Fold every block the recorder folds, after what it already hands them to."""
        recorder.also_fold(self.fold)
        return self

    def fold(self, a: np.ndarray) -> None:
        """Fold statistics rows: imports at a port with calls, released or still held."""
        if not self.batched:
            return
        ix = self.index
        port, outcome = a[:, ix["port"]].astype(int), a[:, ix["outcome"]]
        keep = (a[:, ix["direction"]] == IMPORT) & np.isin(port, self.batched)
        a = a[keep & ((outcome == RELEASED) | (outcome == CENSORED))]
        if not len(a):
            return
        arrived = a[:, ix["arrived"]]
        ready = np.fmax(a[:, ix["released"]], a[:, ix["discharged"]])
        ready = np.where(np.isnan(a[:, ix["released"]]), np.nan, ready)
        held = ~(ready <= self.end)  # (NaN: not released or not discharged by the end)
        boxes = np.maximum(a[:, ix["containers"]], 1.0)
        hours = np.where(held, 0.0, ready - arrived)
        # each row's call, (port, arrival) as one complex number: a 1-d unique sorts by
        # port, then arrival, as a unique of rows would, at a fraction of its cost
        calls, row_call = np.unique(a[:, ix["port"]] + 1j * arrived, return_inverse=True)
        row_call, n = row_call.reshape(-1), len(calls)
        last = np.zeros(n)  # (a call's latest ready hour in these rows; 0 for the held)
        np.maximum.at(last, row_call, hours)
        sums = zip(
            np.bincount(row_call, minlength=n).tolist(),
            np.bincount(row_call, weights=held, minlength=n).tolist(),
            np.bincount(row_call, weights=boxes, minlength=n).tolist(),
            np.bincount(row_call, weights=boxes * hours, minlength=n).tolist(),
            last.tolist(),
            strict=True,
        )
        for call, add in zip(calls.tolist(), sums, strict=True):  # (a few calls a block)
            s = self.calls.setdefault((int(call.real), call.imag), [0.0, 0.0, 0.0, 0.0, 0.0])
            for k in (_DECL, _HELD, _BOXES, _BOX_H):
                s[k] += add[k]
            s[_LAST] = max(s[_LAST], add[_LAST])

    def metrics(self) -> dict[str, float]:
        """Per port with calls: the mean and 90th percentile of its calls' ready hours, its
        boxes' mean ready hours (over the calls ready by the end), the calls counted and
        those still held at the end."""
        out: dict[str, float] = {}
        for p in self.batched:
            sums = [s for (q, _), s in self.calls.items() if q == p]
            ready = [s for s in sums if s[_HELD] == 0]
            last = np.array([s[_LAST] for s in ready])
            boxes = sum(s[_BOXES] for s in ready)
            name = self.ports[p]
            out[f"call_ready_h_mean_port_{name}"] = float(last.mean()) if len(last) else math.nan
            out[f"call_ready_h_p90_port_{name}"] = (
                float(np.percentile(last, 90)) if len(last) else math.nan
            )
            out[f"call_box_ready_h_mean_port_{name}"] = (
                sum(s[_BOX_H] for s in ready) / boxes if boxes > 0 else math.nan
            )
            out[f"calls_counted_port_{name}"] = float(len(sums))
            out[f"calls_held_port_{name}"] = float(len(sums) - len(ready))
        return out
