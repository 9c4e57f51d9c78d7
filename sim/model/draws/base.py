"""The registry of named draws, its uniform columns and the transforms' shared helpers (the
declarations are in the modules beside this one, imported in table order by
:mod:`sim.model.draws`)."""

from __future__ import annotations

from typing import Any

import numpy as np

from sim.model.registry import Context, Registry
from sim.model.work import per_container
from sim.scenario.schema import TRADER_CLASSES

#: trader classes that are AEOs (advanced- and general-certified enterprises)
AEO_CLASSES = [TRADER_CLASSES.index(k) for k in ("aeo_advanced", "aeo_general")]

#: uniforms per consignment: columns 0-47 from the clearance stream, 48-63 from the hidden
#: truth's own stream (so adding truth left every clearance draw as it was); columns no draw
#: reads yet are free for new ones (``DRAWS.free()``)
WIDTH = 64
FLOW_WIDTH = 48

#: deferred: the modules of :data:`sim.model.draws.MODULES` declare, then the package closes
#: it (every declaration checked against every other, whichever module it is in)
DRAWS = Registry(WIDTH, deferred=True)
declare = DRAWS.declare


def exports_of(x: Context) -> Any:
    """The port's export section, for a block of exports (None for imports)."""
    return x.port.exports if x.export else None


def service_times(x: Context, lane: Any, u: np.ndarray) -> np.ndarray:
    return x.times(lane.service if lane is not None else None, u)


def box_times(x: Context, dist: Any, u: np.ndarray) -> np.ndarray:
    """Work of the declaration's containers from one per-box draw (:mod:`sim.model.work`)."""
    if dist is None:
        return np.zeros(x.n)
    return per_container(dist.ppf(u), dist.mean, x.values["containers"])


def by_commodity(x: Context, attr: str) -> np.ndarray:
    p = np.array([getattr(x.scenario.commodities[k], attr) for k in x.commodities])
    return np.asarray(p[x.values["commodity"]])
