"""The steps of the clearance flow, in route order (DESIGN.md section 2).

Adding a step (say a lane step ``VetCheck``, at a new lane ``vet``) touches (the
walk-through, with what it cost in files and lines, is docs/adding-a-step.md):

- its module (the :class:`~sim.model.route.Step` subclass: what it must define is in its
  docstring) and its place in :func:`clearance_steps` below;
- ``sim/model/milestones.py``: its milestones in ``MILESTONES`` (where in the order: the
  log's columns follow it), and a constant by name at the end of the module for those the
  interpreters use; ``tests/test_milestones.py``'s ``POSITIONS`` too;
- a step that checks the goods waits for them: from ``j.r[R.goods_ready]``, the wait booked
  to the terminal, as ``Scan.visit`` does (an advance declaration is assessed before the
  goods arrive); a copy of ``Scan`` leaves out its ``did_*`` lines (they mark which customs
  check a consignment had: its channel);
- for a new lane: its row in ``sim/lane_catalogue.py`` ``CATALOGUE`` (its key, its path in
  a port, the cost activity sharing its cost, whether capacity windows may name it: the
  lists of every lane are views of it, ``tests/test_lane_lists.py`` checks it), built in
  ``build_lanes`` of ``sim/model/port_lanes.py`` (a timeline's eras share whatever is built
  there) and annotated in ``PortLanes`` of ``sim/model/port_lanes.py`` (for the type
  checker; ``sim/model/port.py`` is full); a new cost
  activity: ``ACTIVITIES`` and ``SPANS`` (the milestones that bound it) or ``COUNTS`` (the
  milestone that marks its use) of ``sim/model/cost_activities.py``;
- ``sim/scenario/schema.py`` (the lane's or step's fields; a field added to a section is
  named in its ``ADDED``); a lane is a ``ServiceLane`` of ``sim/scenario/lanes.py``, so its
  section may be a module of its own that the schema imports;
- its Time Release Study stretches: rows in ``sim/stretches.py`` ``STRETCHES`` (kind,
  milestones, owner, trading segment and the flags ``whole``, ``no_whole``,
  ``positive_only``, ``hold``: the idling section, the trading table, the intervals table's
  lists and the trucks' hold read them; ``tests/test_stretch_flags.py`` checks the flags,
  and a flagged stretch joins its set in ``WRITTEN`` there),
  placed by the chain in ``sim/model/intervals.py`` (clipped at arrival if it may run
  before it), and the tables of ``docs/trs.md`` and ``docs/trading-across-borders.md``;
- Chinese names of its stretches, lane and milestones in ``sim/report/zh_glossary.py``;
- for officers' work: ``sim/reforms/fields.py`` ``OFFICER_WORK`` (reforms that scale it)
  and ``sim/faces/choices.py`` ``STAFF_LANES`` (the dashboard's staff levers);
- the metric glossary's list of lanes (``sim/experiment/metric_glossary.py``, the ``lane`` hole);
- ``tests/test_properties.py``'s generator: ``tests/test_generated_steps.py`` fails until
  generated consignments take the step (in bulk too, if it has a bulk form: a block goes
  in bulk only past at most one finite queue, so let its lane be unlimited in some
  examples; switch it on with fixed values first: a new ``draw`` reshuffles the test's
  fixed examples, and another step's coverage may go); its new milestone pairs (start
  before end, after what must come first) in the ordered pairs of
  ``tests/test_properties.py``; a step no bundled scenario takes in the stretches
  ``tests/test_intervals.py`` expects unreached;
- a step that may queue before ``Assess``: a dynamic selector then decides the
  consignments that take it on their way, as journeys (``Route.queued_before``, used by
  :class:`sim.model.decisions.Decisions`); only the review's bookings wait as rows
  (:mod:`sim.model.reviewed`), so the assessment's time is never guessed;
- a new section of the scenario: its fields' descriptions (``sim/docs.py`` ``NOTES`` where the
  schema has none; ``tests/test_docs.py`` fails until each is described);
- any new draw: see :mod:`sim.model.draws`; then ``python -m sim.docs``.
"""

from __future__ import annotations

from sim.model.route import Step
from sim.model.steps.after import FullDeclaration, LabResult, PayDuty, TaxReview
from sim.model.steps.checks import DocumentCheck, ImageReview, Scan
from sim.model.steps.declaration import Assess, Decide, Escalate, Lodge, Review
from sim.model.steps.inspection import Inspect
from sim.model.steps.loading import Load
from sim.model.steps.quarantine import QuarantineForm, QuarantineResult
from sim.model.steps.release import Gate, PickUp, Release
from sim.model.steps.returned import Resubmit
from sim.model.steps.transit import Transit


def clearance_steps() -> list[Step]:
    """Every step a consignment may take, in the order it would take them."""
    return [
        Transit(),  # imports in transit (转关): from the entry port to this office
        Lodge(),
        Review(),
        Resubmit(),  # a reviewed declaration returned for correction
        Assess(),
        Decide(),
        Escalate(),
        DocumentCheck(),
        Scan(),
        ImageReview(),
        Inspect(),
        QuarantineResult(),
        QuarantineForm(),
        PayDuty(),  # imports
        Release(),
        FullDeclaration(),  # after release: imports declared in two steps
        TaxReview(),  # after release: two-step processing
        PickUp(),  # imports
        Gate(),  # imports
        Load(),  # exports
        LabResult(),  # after release: goods released before the laboratory result
    ]
