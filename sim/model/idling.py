"""Idling at the ports: the vehicles that wait with the goods, their hours, fuel and CO2.

With an ``[idling]`` section (sim/scenario/idling.py), each named port's goods wait on
vehicles (one a container, or one a consignment) through the stretches it counts: the Time
Release Study stretches that partition a consignment's time from arrival to the end of its
flow (:func:`sim.model.intervals.partition`, the same hours as ``milestone-intervals.csv``).
Vehicle-hours are those hours times the vehicles; the engine runs a share ``engine_on`` of
them, burning ``fuel_l_per_h`` litres an hour, each litre emitting ``co2_kg_per_l`` kg of CO2.

Over the cohort's consignments out of the flow (released, and exited or loaded), as
``overall_clearance``: goods seized, rejected or still in the flow at the end are left out.
Totals are per observed day (the cohort arrived over ``days``), by port and direction, and by
stretch, so that a reform's change shows where the waiting moved; every run names the same.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from sim.model.intervals import AFTER_RELEASE, STRETCHES, TO_RELEASE, partition
from sim.model.milestones import MILESTONES, RELEASED
from sim.model.recorder_rows import _S, _SMS, _SOWN
from sim.scenario.schema import DIRECTIONS

if TYPE_CHECKING:
    from sim.model.recorder import Recorder
    from sim.scenario.idling import IdlingPort
    from sim.scenario.schema import Scenario

#: the stretches that partition a consignment's time at the port, in route order
PARTITION = tuple(s.name for s in STRETCHES if s.kind in (TO_RELEASE, AFTER_RELEASE))
#: the stretches after release only the other direction passes through (an import is picked
#: up and exits; an export is loaded or crosses): not named for this one
NOT_IN = {
    "import": frozenset({"loading", "crossing"}),
    "export": frozenset({"awaiting_discharge", "pickup", "gate"}),
}
#: the metrics' stems and their units (sim.experiment.compare.metric_unit reads them)
UNITS = {
    "idling_vehicle_hours_per_day": "vehicle-hours a day",
    "idling_fuel_l_per_day": "litres a day",
    "idling_co2_kg_per_day": "kg CO2 a day",
    "idling_vehicles_per_day": "vehicles a day",
    "idling_stretch_hours": "vehicle-hours a day",
}


class IdlingTally:
    """Sums by port, direction and stretch of the vehicle-hours of the statistics rows folded
    into it, for the ports ``specs`` names (by position in the scenario's ports)."""

    def __init__(
        self, ports: list[str], specs: dict[int, IdlingPort], days: float
    ) -> None:
        self.ports, self.specs, self.days = ports, specs, days
        self.crossing = np.zeros(len(ports), bool)  # (the recorder's, once wired)
        self.counted = {p: [PARTITION.index(s) for s in spec.counted()]
                        for p, spec in specs.items()}  # fmt: skip
        self.hours = np.zeros((len(ports), len(DIRECTIONS), len(PARTITION)))
        self.vehicles = np.zeros((len(ports), len(DIRECTIONS)))
        #: by port: whether a vehicle carries one container (else one consignment)
        self.per_box = np.array([p in specs and specs[p].per == "container"
                                 for p in range(len(ports))], bool)

    @classmethod
    def of(cls, scenario: Scenario) -> IdlingTally:
        """The tally of a scenario's ``[idling]`` ports (none without the section)."""
        names = list(scenario.ports)
        specs = scenario.idling.ports if scenario.idling is not None else {}
        return cls(names, {names.index(p): s for p, s in specs.items()}, float(scenario.days))

    def wire(self, recorder: Recorder) -> IdlingTally:
        """Fold every block the recorder folds, after what it already hands them to (not at
        all without an idling port: nothing would be read)."""
        if not self.specs:
            return self
        self.crossing = recorder.intervals.crossing
        recorder.also_fold(self.fold)
        return self

    def fold(self, a: np.ndarray) -> None:
        """Fold statistics rows: those of an idling port out of the flow count."""
        port = a[:, _S["port"]].astype(int)
        keep = (a[:, _S["outcome"]] == RELEASED) & np.isin(port, list(self.specs))
        if not keep.any():
            return
        a, port = a[keep], port[keep]
        col = {name: a[:, _SMS + i] for i, name in enumerate(MILESTONES)}
        early = (a[:, _S["release_early"]] > 0) & (a[:, _S["quarantine_treat"]] == 0) & (
            a[:, _S["quarantine_seen"]] == 0
        )
        h = partition(col, a[:, _SOWN:], early, self.crossing[port]).hours
        direction = a[:, _S["direction"]].astype(int)
        boxes = a[:, _S["containers"]]
        vehicles = np.where(self.per_box[port], boxes, 1.0)
        cell = port * len(DIRECTIONS) + direction
        size = self.vehicles.size
        self.vehicles += np.bincount(cell, weights=vehicles, minlength=size).reshape(
            self.vehicles.shape
        )
        flat = self.hours.reshape(size, len(PARTITION))
        for k, name in enumerate(PARTITION):
            v = np.nan_to_num(h[name]) * vehicles
            flat[:, k] += np.bincount(cell, weights=v, minlength=size)

    def metrics(self) -> dict[str, float]:
        """Per idling port and direction: vehicles, vehicle-hours, fuel and CO2 a day, hours
        a vehicle, and vehicle-hours a day by stretch counted (every run names the same)."""
        out: dict[str, float] = {}
        for p, spec in self.specs.items():
            counted = self.counted[p]
            for d, direction in enumerate(DIRECTIONS):
                if direction not in spec.directions:
                    continue
                tail = f"port_{self.ports[p]}_{direction}"
                by_stretch = self.hours[p, d, counted] / self.days
                hours, n = float(by_stretch.sum()), float(self.vehicles[p, d] / self.days)
                fuel = hours * spec.engine_on * spec.fuel_l_per_h
                out[f"idling_vehicles_per_day_{tail}"] = n
                out[f"idling_vehicle_hours_per_day_{tail}"] = hours
                out[f"idling_h_per_vehicle_{tail}"] = hours / n if n > 0 else math.nan
                out[f"idling_fuel_l_per_day_{tail}"] = fuel
                out[f"idling_co2_kg_per_day_{tail}"] = fuel * spec.co2_kg_per_l
                for k, v in zip(counted, by_stretch, strict=True):
                    if PARTITION[k] in NOT_IN[direction]:
                        continue
                    out[f"idling_stretch_hours_{PARTITION[k]}_{tail}"] = float(v)
        return out
