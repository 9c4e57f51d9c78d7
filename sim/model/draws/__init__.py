"""Named draws: every per-consignment random quantity, declared once.

A consignment is born with one row of ``WIDTH`` uniforms, keyed by its port and arrival index
(:mod:`sim.model.streams`). Each quantity it may ever need is declared in this package with its
name,
the uniform column it reads (never renumbered: these are the common random numbers that pair a
reform with its baseline), its dtype and the transform that turns the uniform into a value from
the scenario. The declaration order is the order of the requirement table, of the log's
columns and of the recorder's fields, all generated from :data:`DRAWS`
(``tests/test_draws.py`` pins every column).

Adding a quantity is one declaration: pick an unused column below ``WIDTH``, write its
transform. Selection decisions are declared too (``DRAWS.decision``): their uniform is drawn
with the consignment, but the value is set by the assessment step, when the decision is taken.
"""

from __future__ import annotations

import importlib

from sim.model.draws.base import AEO_CLASSES, DRAWS, FLOW_WIDTH, WIDTH, declare
from sim.model.registry import Context

#: the declaring modules, in the order of the requirement table (the order they declare in is
#: the order of the table, the log's columns and the recorder's fields: never reorder)
MODULES = ("goods", "declaration", "checks", "release", "after")
for _name in MODULES:
    importlib.import_module(f"sim.model.draws.{_name}")

__all__ = ["AEO_CLASSES", "DRAWS", "FLOW_WIDTH", "REQUIREMENTS", "WIDTH", "Context", "R", "declare"]

REQUIREMENTS = DRAWS.names


class _Indices:
    """Positional indices into the requirement table, generated from :data:`DRAWS` (for
    speed in the per-consignment flow: ``req[R.scan_time]``); a misspelt name raises."""

    def __init__(self, names: tuple[str, ...]):
        self.__dict__.update({name: i for i, name in enumerate(names)})

    def __getattr__(self, name: str) -> int:
        raise AttributeError(f"no draw named {name!r}")


R = _Indices(REQUIREMENTS)
