"""Which FIFO lanes feed which: the graph behind lazy booking from lane to lane.

A journey deferred at every lane it visits (``c.deferred``) requests its next lane only when
its booking at the previous one is made, which may be after that next lane was asked for its
state. So a lane drains the lanes that feed it first (:meth:`FifoLane.drain`), and this module
says which those are: lanes visited in route order with no SimPy wait in between are linked;
links that would make lanes feed each other in a cycle are refused, and a port whose
journeys must be booked as they come takes its lanes out of every link.
"""

from __future__ import annotations

from sim.model.fifo import FifoLane


def link(order: list[FifoLane]) -> bool:
    """Declare that journeys may visit the FIFO lanes ``order`` in that order with no SimPy
    wait in between, so that a deferred booking at one lane may lead, when it is booked, to a
    request at a later one for any time since (see :meth:`FifoLane.drain`). False, and
    nothing linked, if that would make lanes feed each other in a cycle (a lane may come back
    to itself: its own requests are booked in time order anyway)."""
    lanes: list[FifoLane] = []
    for lane in order:
        if not lane.linkable:
            continue
        if lanes and lanes[-1] is lane:
            continue
        if lane in lanes:  # a lane, another, then the first again: a cycle
            return False
        lanes.append(lane)
    added = [(up, lane) for i, lane in enumerate(lanes) for up in lanes[:i] if up not in lane._up]
    for up, lane in added:
        lane._up.add(up)
        up._down.add(lane)
    if any(_feeds_itself(lane) for lane in lanes):
        for up, lane in added:
            lane._up.discard(up)
            up._down.discard(lane)
        return False
    for lane in _downstream(lanes):
        lane._feeders = _upstream_order(lane)
    return True


def close(lanes: list[FifoLane]) -> None:
    """Take ``lanes`` out of every link, now and later: a port that shares them books its
    journeys' visits as they come, and its deferred bookings (whose journeys may do what
    depends on when they run, such as telling a learning selector what an exam found) are
    booked when these lanes are next used, never earlier to feed another lane."""
    touched = _downstream(lanes)
    for lane in lanes:
        lane.linkable = False
        for up in lane._up:
            up._down.discard(lane)
        for down in lane._down:
            down._up.discard(lane)
        lane._up.clear()
        lane._down.clear()
    for lane in touched:
        lane._feeders = _upstream_order(lane)


def _upstream_order(lane: FifoLane) -> tuple[FifoLane, ...]:
    """Every lane that feeds ``lane``, directly or not, each after the lanes that feed it."""
    out: list[FifoLane] = []
    seen: set[FifoLane] = set()

    def visit(x: FifoLane) -> None:
        for up in sorted(x._up, key=lambda y: (y.port, y.name)):  # (a fixed order)
            if up not in seen:
                seen.add(up)
                visit(up)
                out.append(up)

    visit(lane)
    return tuple(out)


def _feeds_itself(lane: FifoLane) -> bool:
    stack, seen = list(lane._up), set()
    while stack:
        x = stack.pop()
        if x is lane:
            return True
        if x not in seen:
            seen.add(x)
            stack.extend(x._up)
    return False


def _downstream(lanes: list[FifoLane]) -> list[FifoLane]:
    """``lanes`` and every lane they feed, directly or not."""
    out: list[FifoLane] = []
    stack = list(lanes)
    while stack:
        x = stack.pop()
        if x not in out:
            out.append(x)
            stack.extend(x._down)
    return out
