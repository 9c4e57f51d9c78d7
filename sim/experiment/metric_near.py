"""The names nearest to a metric name a scenario does not yield, for a did-you-mean: a name
measured only split by a group (``border_burden_per_container`` exists only as
``border_burden_per_container_<class>_port_<port>_<direction>``) is pointed at its split
forms first, and at the shell pattern that picks them all; any other name at the closest by
difflib."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

#: the most names suggested
SHOWN = 3


def split_forms(name: str, names: Iterable[str]) -> list[str]:
    """The names that are ``name`` split further (``name_<something>``), the least split
    first, then the shortest."""
    start = f"{name}_"
    split = (n for n in names if n.startswith(start))
    return sorted(split, key=lambda n: (n.count("_"), len(n), n))


def nearest(name: str, names: Iterable[str]) -> list[str]:
    """At most :data:`SHOWN` names of ``names`` close to ``name``: its split forms when it
    has any, else the closest by difflib (none when none is close)."""
    names = list(names)
    split = split_forms(name, names)
    if split:
        return split[:SHOWN]
    return difflib.get_close_matches(name, names, n=SHOWN, cutoff=0.6)


def mean_clause(close: list[str]) -> str:
    """``"; did you mean 'a' or 'b'?"``, or nothing without a name."""
    return f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""


def near_clause(name: str, names: Iterable[str]) -> str:
    """:func:`mean_clause` of :func:`nearest`, and, when ``name`` has more split forms than
    it shows, the pattern that picks them all: ``" ('name_*' picks all 32)"``."""
    names = list(names)
    split = split_forms(name, names)
    said = mean_clause(nearest(name, names))
    if len(split) > SHOWN:
        said += f" ({name + '_*'!r} picks all {len(split)})"
    return said
