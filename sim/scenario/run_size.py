"""How big a run is, said before it starts: the consignments a replication makes, about how
long one takes, how much memory it could need if its queues do not keep up, and, with
``--log``, how much disk its logs take.

Statistics are folded per block, so a run whose queues keep up holds only the consignments
in the system at once. A consignment that waits holds its record, its process and its place
in a queue: about 1.2-1.7 KB (measured on a review lane of one server behind 280,000 arrivals
a day, warm-up and drain 0: a peak of 440 MB with 247,000 consignments waiting at the end of
one day, 677 MB with 389,000 after two). A run whose queues grow holds most of its
consignments at once, so the note says what that would take, and it is a warning when that
is more than the machine's memory (read where the system says it, else left unsaid).

With ``--log`` each replication writes its per-consignment log as Parquet: about 390 bytes a
consignment on disk (measured on the default scenario's 131 columns, its trader costs and
hours to release included: 31.1 MB for the 79,952 consignments of a 7-day run, 389 bytes
each; with 109 columns, before those, 345 bytes; 315 bytes each on the small test scenario).
Its log holds every consignment of the warm-up and the observed days, so the note then says
what the logs take, and a run whose logs take more than ``LOG_NOTE_BYTES`` is noted even
when it is not long.
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
#: bytes a consignment's row of a replication's ``--log`` Parquet file takes (see above)
LOG_BYTES = 390
#: a run whose logs (``--log``, every replication's) take more disk than this is noted
LOG_NOTE_BYTES = 2 * 10**9


def machine_memory() -> int | None:
    """The machine's physical memory in bytes, or None where the system does not say."""
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None
    return pages * size if pages > 0 and size > 0 else None


def consignments(scenario: Any) -> float:
    """The consignments a replication is expected to make (imports and exports, warm-up
    included): what its log holds."""
    from sim.scenario.schema import expected_per_hour

    days = scenario.days + scenario.warmup_days
    hours = days * HOURS_PER_DAY
    return float(sum(sum(expected_per_hour(p, scenario.start_date, days))
                     for p in scenario.ports.values()) * hours)


def log_bytes(scenario: Any) -> float:
    """About the bytes one replication's ``--log`` Parquet file takes on disk."""
    return consignments(scenario) * LOG_BYTES


def run_size(scenario: Any, log_reps: int = 0) -> tuple[str, str] | None:
    """``("note", ...)`` for a run whose replications each make more than ``BIG_RUN``
    consignments (imports and exports, warm-up included), or whose waiting consignments could
    take a good share of the machine's memory, or (``log_reps``: the replications that write
    a ``--log``) whose logs take more than ``LOG_NOTE_BYTES`` of disk: how many, about how
    long one takes, what memory it could need and what disk its logs take; ``("warning",
    ...)`` when the memory is more than the machine has."""
    n = consignments(scenario)
    need, machine = n * WAITING_BYTES, machine_memory()
    disk = log_bytes(scenario) * log_reps
    if n <= BIG_RUN and (machine is None or need <= MEMORY_SHARE * machine) and (
            disk <= LOG_NOTE_BYTES):
        return None
    slow, fast = (n / v / 60 for v in SPEED)
    long = (f"at the model's {SPEED[0]:,}-{SPEED[1]:,} a second, about {fast:,.0f}-"
            f"{slow:,.0f} minutes a replication; ") if n > BIG_RUN else ""
    text = (f"about {n:,.0f} consignments arrive in each replication (imports and exports, "
            f"warm-up included): {long}if its queues do not keep up, the consignments waiting "
            f"could take up to {_size(need)} of memory (about {WAITING_BYTES:,} bytes each) "
            "for each replication running at once")
    if log_reps:
        text += (f"; with --log, each replication's log takes about {_size(disk / log_reps)} "
                 f"of disk (about {LOG_BYTES} bytes a consignment), {_size(disk)} for the "
                 f"{log_reps:,} replication(s)")
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
