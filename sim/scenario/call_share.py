"""What a call pattern's ``share`` comes to (``arrivals.calls.share`` below 1): the share of
the port's declarations its calls bring on average, beside the random calls at ``rate x
(1 - share)``. The share is not imposed (the calls bring what their slots and boxes make),
so ``bordersim check --arrivals`` says the share expected, and a run, compare or check
notes a pattern whose expected share is more than :data:`TOLERANCE` (relative) off the
share written, with the boxes that would bring it (docs/vessel-schedule.md).

Ordinary days: a surge's ``extra`` is left out (it comes and goes; the share is of the
port's ordinary imports)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

#: how far (relative to the share written) the expected share may be before a note: a
#: planner's rounding of boxes and slots (boxes to two figures: at most 5 %) stays inside,
#: while boxes sized for a share of 1, or boxes read as declarations, are far outside
TOLERANCE = 0.10


def expected_share(arrivals: Any) -> tuple[float, float, float] | None:
    """The pattern's expected share of ``arrivals``' declarations, its declarations an hour
    and the port's (pattern and random calls) an hour; None without a pattern, with a
    share of 1 (the pattern is the port's whole) or with nothing arriving."""
    pattern = arrivals.calls
    if pattern is None or pattern.share == 1 or arrivals.batch is None:
        return None
    own = pattern.per_hour()
    total = own + arrivals.rate * (1 - pattern.share) * arrivals.batch.size.mean
    return (own / total, own, total) if total > 0 else None


def share_clause(arrivals: Any) -> str | None:
    """The ``check --arrivals`` clause of a pattern's expected share (None: no share)."""
    found = expected_share(arrivals)
    if found is None:
        return None
    share, own, total = found
    return (f"the pattern brings {share:.3g} of the declarations on average ({own * 24:,.0f}"
            f"/d of {total * 24:,.0f}/d)")


def share_notes(scenario: Scenario) -> list[str]:
    """A note per port whose call pattern's expected share is more than :data:`TOLERANCE`
    (relative) off its written ``share``: the port's imports then differ from what its
    ``rate`` and ``batch.size`` say, and the share read is not the share run."""
    out = []
    for pname, port in scenario.ports.items():
        pattern, found = port.arrivals.calls, expected_share(port.arrivals)
        if pattern is None or found is None:
            continue
        share, own, total = found
        written = pattern.share
        if abs(share - written) <= TOLERANCE * written:
            continue
        random = total - own
        said = random / (1 - written)  # (what rate and batch.size say of the port)
        boxes = pattern.boxes.mean * written * random / (1 - written) / own
        out.append(
            f"ports.{pname}.arrivals.calls brings {share:.3g} of the port's imports on "
            f"average ({own * 24:,.0f} declarations/d of {total * 24:,.0f}/d), not the share "
            f"of {written:g} written (more than {TOLERANCE:.0%} off it): the port's imports "
            f"come to {total * 24:,.0f}/d where its rate and batch.size say "
            f"{said * 24:,.0f}/d; for a share of {written:g}, give the calls about "
            f"{boxes:,.0f} boxes on average, or write the share they bring"
        )
    return out
