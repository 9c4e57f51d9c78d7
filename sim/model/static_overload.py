"""A note for a run whose exam yard did not keep up while selection ran on the static
selection tables: the tables keep selecting at their rates however long the exam queue
grows, so customs in the model do not inspect less under overload, as a planner may expect
of a real office. Only a risk engine's throttle (``risk.throttle``,
:mod:`sim.model.risk_throttle`) models that; the note says so beside the unsettled-queue
warnings (lane overload or a rising wait at the yard's lanes or its appointment slots)."""

from __future__ import annotations

from collections.abc import Iterable

#: the exam yard's lanes as the warnings' records name them (the slots: ``exam_slots``)
EXAM_LANES = ("exam_teams", "exam_officers", "exam_bays", "movers", "exam_slots")
#: the codes that say a queue did not settle
UNSETTLED = ("lane_overload", "wait_rising")


def static_overload_notes(warnings: Iterable[str], static: bool) -> list[str]:
    """One note per port whose exam yard has an unsettled-queue warning among ``warnings``
    (the run's messages, without ``warning: ``), when ``static``: selection by the tables,
    no risk engine on. The lanes are named in the order the warnings give them."""
    if not static:
        return []
    from sim.warning_codes import classify

    lanes: dict[str, list[str]] = {}
    for message in warnings:
        code, fields, _ = classify(message)
        lane, port = fields.get("lane"), fields.get("port")
        if code.code in UNSETTLED and lane in EXAM_LANES and port is not None:
            said = lanes.setdefault(port, [])
            said += [lane] if lane not in said else []
    return [
        f"{port}: the exam yard's queue did not settle ({', '.join(names)}), yet selection "
        "ran on the static selection tables, which keep selecting at their rates however "
        "long the exam queue grows: customs here do not inspect less under overload. A risk "
        "engine's throttle (risk.throttle) is what models inspecting less while the exam "
        "queue is long; or add exam capacity"
        for port, names in lanes.items()
    ]
