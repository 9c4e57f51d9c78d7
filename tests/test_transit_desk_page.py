"""The workshop page shows a transit desk beside the port's other lanes: the animated port
(:mod:`sim.faces.watch`) draws each lane's busy officers out of those on shift, and its
queue, from the run's queue samples, the desk among them; an overloaded desk's utilisation
is in the side's warnings as any lane's is (``tests/test_transit_desk.py``). Cheap: one
theory port, one day."""

from __future__ import annotations

from theory_scenarios import build, exponential
from theory_scenarios import scenario as make_scenario

from sim.faces.watch import FRAME_EVERY_H
from sim.model.run import simulate
from sim.report.animate import port_frames


def test_the_animated_port_draws_the_transit_desk_s_officers_and_queue():
    data = make_scenario(name="desk-page", rate_per_h=1.8, days=1, drain_days=1,
                         document_check={"capacity": 3, "service": exponential(0.5)},
                         selection={"document": 0.5})  # fmt: skip
    data["ports"]["p"]["transit"] = {"share": {"*": 1.0}, "formalities": exponential(1.0),
                                     "travel": "0 h", "desk": {"capacity": 2}}  # fmt: skip
    sampled = build(data).model_copy(update={"queue_sample": FRAME_EVERY_H})  # (as the page)
    result = simulate(sampled, 1, log=True)
    frames = port_frames(result, "p", 0.0, 24.0)
    desks = [lane for f in frames for lane in f.lanes if lane.name == "transit_desk"]
    assert len(desks) == len(frames)  # (in every frame, beside the document check)
    assert "document_check" in {lane.name for lane in frames[0].lanes}
    assert {lane.capacity for lane in desks} == {2}
    assert max(lane.busy for lane in desks) == 2 and max(lane.queue for lane in desks) > 0
    # the desk's busy officers are those the run's resources table averages
    busy = sum(lane.busy for lane in desks) / len(desks) / 2
    row = result.resources[result.resources.lane == "transit_desk"].iloc[0]
    assert abs(busy - float(row["utilisation"])) < 0.25
