"""What a port may be called: its name goes into metric names
(``clearance_h_mean_port_<port>_import``), a result table's groups (``<port>/<direction>``)
and file names, so it is a plain word that no other port's metric names can spell."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sim.scenario.base import DIRECTIONS

#: the characters a port's name may use
ALLOWED = "letters a-z and A-Z, digits, _ and -"
_NAME = re.compile(r"[A-Za-z0-9_-]+")
#: the longest name a port may have: its name is repeated in hundreds of metric names, each
#: a column of every replication's table, and in every row of the long tables, so a name of
#: 100,000 characters made a one-day run's folder of half a gigabyte (the bundled scenarios'
#: longest is 13)
MAX_LENGTH = 64


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a port (None when it can): it is empty, has a character
    outside :data:`ALLOWED` ('/' splits a result table's groups, '.' a field path) or more
    than :data:`MAX_LENGTH`."""
    if not name:
        return f"a port needs a name; use {ALLOWED}"
    if _NAME.fullmatch(name):
        if len(name) > MAX_LENGTH:
            return (f"a port's name names its metrics and files, so it may have at most "
                    f"{MAX_LENGTH} characters; this one has {len(name):,}")
        return None
    bad = list(dict.fromkeys(c for c in name if not _NAME.fullmatch(c)))
    return (
        f"a port's name names its metrics and files, so it may use only {ALLOWED}; "
        f"{', '.join(repr(c) for c in bad)} {'is' if len(bad) == 1 else 'are'} not allowed"
    )


def clash_problem(name: str, others: Iterable[str]) -> str | None:
    """Why ``name`` would spell another port's metrics (None when it would not): a port
    ``x_import`` beside ``x`` makes ``clearance_h_mean_port_x_import`` both port x's imports
    and port x_import's pooled figure. Only the directions follow a port's name in the
    metrics of the same family (a lane's, ``utilisation_<port>_<lane>``, cannot clash: no lane
    is another lane's name with a word before it)."""
    for other in others:
        for direction in DIRECTIONS:
            if name == f"{other}_{direction}":
                return (
                    f"port {other!r}'s {direction} figures are named with '_{direction}' "
                    f"after its name (clearance_h_mean_port_{other}_{direction}), which is "
                    f"this port's pooled figure too; name the port otherwise"
                )
    return None
