"""Named draws: every per-consignment random quantity, declared once.

A consignment is born with one row of ``WIDTH`` uniforms, keyed by its port and arrival index
(:mod:`sim.model.streams`). Each quantity it may ever need is declared in this package with its
name, the uniform column it reads (never renumbered: these are the common random numbers that
pair a reform with its baseline), its dtype and the transform that turns the uniform into a
value from the scenario. The declaration order is the order of the requirement table, of the
log's columns and of the recorder's fields, all generated from :data:`DRAWS`.

Adding a quantity:

1. declare it in the module of its part of the flow (``@declare(name, column, dtype)`` on its
   transform), at a column no draw or reservation reads: ``DRAWS.free()`` lists the free
   ones, and once every module is imported the registry refuses a clash with an error that
   names both declarations, the modules they are in, and what is free. Columns 0-47 come
   from the clearance stream, 48-63 from the hidden truth's; growing ``WIDTH`` would change
   every row, so once the free columns are gone a quantity reads the low-order part of a
   column (``low=True``, see :data:`sim.model.registry.SPLIT`) that no draw reads the low
   part of and that is not reserved (``DRAWS.reserve``: read outside the draws, e.g. by the
   risk engine);
2. pin its column in ``tests/test_draws.py`` (``PINNED``, or ``PINNED_LOW`` for a low part):
   that test fails for a declaration not pinned there, and for a pinned column moved;
3. regenerate the docs (``python -m sim.docs``: the log's columns come from the registry).

Selection decisions are declared too (``DRAWS.decision``): their uniform is drawn with the
consignment, but the value is set by the assessment step, when the decision is taken.
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
DRAWS.close()  # clashes are refused once every module has declared (the error sees them all)

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
