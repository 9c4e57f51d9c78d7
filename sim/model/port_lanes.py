"""A port's resources: its FIFO desks, scanners and gate, the exam yard's lanes taken
together in one cell (or one FIFO lane when at most one of them is finite), and who owns a
wait at each yard lane."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sim.lane_catalogue import KEYS
from sim.model.capacity_plan import apply_windows
from sim.model.cell import Cell, CellLane
from sim.model.cold_chain import build_cold_chain
from sim.model.desk_eras import DeskEras
from sim.model.disposal_facility import build_disposal
from sim.model.fifo import FifoLane
from sim.model.lane import Lane
from sim.model.milestones import CUSTOMS, QUARANTINE, TERMINAL

if TYPE_CHECKING:
    import simpy

    from sim.model.port import Port
    from sim.scenario.schema import Scenario


class PortLanes:
    """A port's resources, as :func:`build_lanes` sets them (it lists the attributes it sets
    in ``built``: what a timeline's later eras of the port share). A new lane's attribute is
    annotated here, beside where it is built, so the full ``sim/model/port.py`` is not
    touched."""

    lanes: dict[str, Lane]
    built: tuple[str, ...]
    review: Any
    document: Any
    scanners: Any
    image_officers: Any
    gate: Any
    bays: Any
    movers: Any
    teams: Any
    quarantine_officers: Any
    cold_chain: Any  # a ColdChainHold, or None
    disposal: Any  # a DisposalFacility (rejected goods' disposals), or None
    desk_eras: Any  # a DeskEras (transit goods a date passed at the desk), or None
    pooled: bool
    simple_cell: bool
    cell: Cell
    owner_of: dict[Any, int]


class _Pool:
    """The lane spec of a cross-trained pool: its hourly headcount (None: unlimited)."""

    def __init__(self, hourly: list[int] | None):
        self.hourly = hourly
        self.unlimited = hourly is None

    def hourly_capacity(self) -> list[int] | None:
        return self.hourly


#: every lane a port can build, by its key: the model's view of the catalogue (its price, the
#: activity sharing its cost, its path in a port are declared there with it); a lane not
#: named there is refused
LANES = KEYS


def _lane(port: Port, key: str, lane_spec: Any, together: bool = False) -> Any:
    """Make a lane (a FIFO desk, or a member of the exam cell) and list it."""
    if key not in LANES:
        raise ValueError(f"lane {key!r} is not in sim.lane_catalogue.CATALOGUE: add it there")
    if lane_spec is None:
        return None
    kind = CellLane if together else FifoLane
    made = kind(port.env, port.name, key, lane_spec.hourly_capacity())
    port.lanes[key] = made
    return made


def build_lanes(port: Port, centres: dict[str, Lane]) -> None:
    """The port's desks, scanners, image officers, exam yard and gate (a review centre's
    officers come from ``centres``, shared with the other ports of the centre). Every
    attribute it sets is listed in ``port.built``: what a timeline's later eras of the port
    share (:meth:`sim.model.port.Port._share`), so a lane added here is shared too."""
    before = set(vars(port))
    port.lanes = {}
    _build_desks(port, centres)
    _build_yard(port)
    port.gate = _lane(port, "gate", port.spec.release.gate)
    port.cold_chain = build_cold_chain(port, _lane)  # (None unless the port has the measures)
    port.disposal = build_disposal(port, _lane)  # (None unless the port has a facility)
    apply_windows(port.scenario, port.lanes.values(), port.end)  # (dated capacity windows)
    port.built = tuple(k for k in vars(port) if k not in before)


def _build_desks(port: Port, centres: dict[str, Lane]) -> None:
    spec = port.spec
    port.review = _lane(port, "declaration_review", spec.review)
    port.document = _lane(port, "document_check", spec.document_check)
    port.scanners = _lane(port, "scanners", spec.scan.scanners if spec.scan else None)
    # (listed in port.lanes only: sim.model.transit_leg.desk_of)
    _lane(port, "transit_desk", spec.transit.desk if spec.transit else None)
    port.desk_eras = DeskEras.of(port)  # (transit goods a date passed at the desk, or None)
    pool = spec.scan.image_review.pool if spec.scan else ""
    if pool:  # a review centre's lane, shared with other ports (the World lists it)
        port.image_officers = centres[pool]
    else:
        port.image_officers = _lane(
            port, "image_officers", spec.scan.image_review.officers if spec.scan else None
        )


def _yard_staff(port: Port) -> dict[str, Any]:
    """The exam yard's staff lanes: teams and quarantine officers, or, for cross-trained
    joint exams, one pool of officers who can do both (their headcounts added; an
    unlimited kind makes the pool unlimited)."""
    exam, q = port.spec.exam, port.spec.quarantine
    inspection = port.scenario.inspection
    port.pooled = bool(
        exam and q and inspection.mode == "joint" and inspection.joint_staffing == "cross_trained"
    )
    if not port.pooled:
        return {
            "exam_teams": exam.teams if exam else None,
            "quarantine_officers": q.officers if q else None,
        }
    assert exam is not None and q is not None
    a, b = exam.teams.hourly_capacity(), q.officers.hourly_capacity()
    hourly = None if a is None or b is None else [x + y for x, y in zip(a, b, strict=True)]
    return {"exam_officers": _Pool(hourly)}


def _build_yard(port: Port) -> None:
    """Bays, movers and staff, taken together in one cell; who owns a wait at each."""
    exam = port.spec.exam
    staff = _yard_staff(port)
    cell_specs = {
        "exam_bays": exam.bays if exam else None,
        "movers": exam.movers if exam else None,
        **staff,
    }
    # with at most one finite lane among them, taking them together is a FIFO queue
    # (not for a pool: a joint exam takes two of its officers at once)
    finite = [k for k, v in cell_specs.items() if v is not None and not v.unlimited]
    port.simple_cell = len(finite) <= 1 and not port.pooled
    together = not port.simple_cell
    port.bays = _lane(port, "exam_bays", cell_specs["exam_bays"], together)
    port.movers = _lane(port, "movers", cell_specs["movers"], together)
    if port.pooled:
        pool = _lane(port, "exam_officers", staff["exam_officers"], True)
        port.teams = port.quarantine_officers = pool
    else:
        port.teams = _lane(port, "exam_teams", cell_specs["exam_teams"], together)
        port.quarantine_officers = _lane(
            port, "quarantine_officers", cell_specs["quarantine_officers"], together
        )
    port.cell = Cell(port.env)
    members = [port.bays, port.movers, port.teams]
    if port.quarantine_officers is not port.teams:
        members.append(port.quarantine_officers)
    port.cell.join([x for x in members if x is not None])
    # who owns a wait for each exam-yard lane (the constraint that binds)
    port.owner_of = {}
    for made, owner in (
        (port.bays, TERMINAL),
        (port.movers, TERMINAL),
        (port.quarantine_officers, QUARANTINE),
        (port.teams, CUSTOMS),  # a cross-trained pool is customs' staff
    ):
        if made is not None:
            port.owner_of[made] = owner


def exam_waiting(port: Port) -> int:
    """Consignments waiting at the port's exam yard for a physical exam's lanes (bays,
    movers, teams or a cross-trained pool; not those waiting for quarantine officers alone):
    in the yard's cell, or at its one finite lane."""
    lanes = [x for x in (port.bays, port.movers, port.teams) if x is not None and not x.unlimited]
    if not lanes:
        return 0
    if port.simple_cell:  # (one finite lane in the yard: a FIFO lane)
        lanes[0].sync()
        return int(lanes[0].queue_length)
    return port.cell.waiting(lanes)


def review_centres(env: simpy.Environment, scenario: Scenario) -> dict[str, Lane]:
    """One image-review lane per review centre (``scan.image_review.pool``): the officers of
    its ports, headcounts added hour by hour (unlimited if any port's are)."""
    members: dict[str, list[list[int] | None]] = {}
    for spec in scenario.ports.values():
        if spec.scan is not None and spec.scan.image_review.pool:
            hourly = spec.scan.image_review.officers.hourly_capacity()
            members.setdefault(spec.scan.image_review.pool, []).append(hourly)
    centres: dict[str, Lane] = {}
    for name, hours in members.items():
        total = None
        if all(h is not None for h in hours):
            total = [sum(x) for x in zip(*hours, strict=True)]
        centres[name] = FifoLane(env, name, "image_officers", total)
    return centres
