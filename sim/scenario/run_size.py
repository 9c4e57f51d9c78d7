"""How big a run is, said before it starts: the consignments a replication makes, about how
long one takes, and how much memory it could need if its queues do not keep up.

Statistics are folded per block, so a run whose queues keep up holds only the consignments
in the system at once. A consignment that waits holds its record, its process and its place
in a queue: about 1.2-1.7 KB (measured on a review lane of one server behind 280,000 arrivals
a day, warm-up and drain 0: a peak of 440 MB with 247,000 consignments waiting at the end of
one day, 677 MB with 389,000 after two). A run whose queues grow holds most of its
consignments at once, so the note says what that would take, and it is a warning when that
is more than the machine's memory (read where the system says it, else left unsaid).
"""

from __future__ import annotations

import os
from typing import Any

from sim.scenario.limits import HOURS_PER_DAY

#: consignments a replication above which a run is said to be long before it starts
BIG_RUN = 5_000_000
#: consignments a second the model runs at (the default scenario, on a machine of the
#: project's CI kind: 35,000 to 60,000; see benchmarks/README.md)
SPEED = (30_000, 60_000)
#: bytes a consignment waiting in the system holds (measured 1.2-1.7 KB: see above)
WAITING_BYTES = 1_500
#: a run whose waiting consignments could take this share of the machine's memory is noted
#: even when it is not long
MEMORY_SHARE = 0.25


def machine_memory() -> int | None:
    """The machine's physical memory in bytes, or None where the system does not say."""
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None
    return pages * size if pages > 0 and size > 0 else None


def run_size(scenario: Any) -> tuple[str, str] | None:
    """``("note", ...)`` for a run whose replications each make more than ``BIG_RUN``
    consignments (imports and exports, warm-up included), or whose waiting consignments could
    take a good share of the machine's memory: how many, about how long one takes and what
    memory it could need; ``("warning", ...)`` when that is more than the machine has."""
    from sim.scenario.schema import expected_per_hour

    hours = (scenario.days + scenario.warmup_days) * HOURS_PER_DAY
    n = sum(sum(expected_per_hour(p)) for p in scenario.ports.values()) * hours
    need, machine = n * WAITING_BYTES, machine_memory()
    if n <= BIG_RUN and (machine is None or need <= MEMORY_SHARE * machine):
        return None
    slow, fast = (n / v / 60 for v in SPEED)
    long = (f"at the model's {SPEED[0]:,}-{SPEED[1]:,} a second, about {fast:,.0f}-"
            f"{slow:,.0f} minutes a replication; ") if n > BIG_RUN else ""
    text = (f"about {n:,.0f} consignments arrive in each replication (imports and exports, "
            f"warm-up included): {long}if its queues do not keep up, the consignments waiting "
            f"could take up to {_size(need)} of memory (about {WAITING_BYTES:,} bytes each) "
            "for each replication running at once")
    if machine is None or need <= machine:
        mine = "" if machine is None else f" (this machine has {_size(machine)})"
        return "note", f"{text}{mine}; check the arrival rates"
    return "warning", (f"{text}, more than this machine's {_size(machine)}: it could run out "
                       "of memory; check the arrival rates and the capacities, or observe "
                       "fewer days (--days)")


def run_size_note(scenario: Any) -> str | None:
    """The text of :func:`run_size` (a note or a warning), or None."""
    size = run_size(scenario)
    return None if size is None else size[1]


def _size(n: float) -> str:
    """A number of bytes as people read it (``8.3 GB``, ``450 MB``)."""
    for unit, scale in (("TB", 1e12), ("GB", 1e9), ("MB", 1e6)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n / 1e3:.3g} kB"
