"""What the World wires between its parts after building them: a timeline's later eras
(one more Port per era, sharing the first one's lanes) and a risk engine's hooks."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import numpy as np

from sim.model.port import Port
from sim.model.risk import RiskEngine
from sim.model.selection import Selector, TableSelector

if TYPE_CHECKING:
    from sim.model.world import World


def add_eras(world: World, selector: Selector | None, bulk: bool) -> None:
    """A timeline's later eras: for each port, one more Port per era with that era's
    rules, sharing the first one's lanes (a port hands each consignment to the era in force
    at its assessment: ``Port.era_of``)."""
    from sim.reforms.timeline import eras

    shared = world.selector if isinstance(world.selector, RiskEngine) else None
    for t, era in eras(world.scenario)[1:]:  # a risk engine (its state) serves every era
        chosen = selector or shared or TableSelector(era)
        for base in world.ports:
            port = Port(
                world.env,
                era,
                base.name,
                base.index,
                world.seed,
                selector=chosen,
                organisation=world.organisation,
                window=(world.warmup, world.stop),
                launch=partial(world.launch, port=None),
                bulk=bulk,
                shared=base,
            )
            port.launch = partial(world.launch, port=port)
            base.eras.append((t, port))


def wire_risk_engine(world: World, engine: RiskEngine) -> None:
    """The risk engine's hooks to the rest of the world: the exam queues (throttling)
    and, with an organisation, alerts that travel through its tree and the AUC bonus
    of locally known risks its structure keeps."""
    if engine.queue_length is None:
        engine.queue_length = world.exam_queue
    if world.scenario.organisation is None:
        return
    org = world.organisation
    engine.alerts.from_organisation(org)
    bonus = {p: org.auc_bonus(p) for p in world.scenario.ports}
    if engine.local_auc is None and any(bonus.values()):

        def local_auc(port: str, kind: int, origins: np.ndarray) -> np.ndarray:
            base = engine.base_auc  # the one in force (a dated change may set another)
            return np.full(len(origins), min(0.9999, float(base[kind - 1]) + bonus[port]))

        engine.local_auc = local_auc
