"""A note for a scenario that opens only part of an examined declaration's boxes: the share
lowers what an examination finds, not the time the yard spends on it, which a reader of the
yard's figures (team utilisation, hours a box) would otherwise take for a partial exam's."""

from __future__ import annotations

from typing import Any


def partial_exam_notes(scenario: Any) -> list[str]:
    """One note when ``enforcement.detection.boxes_opened`` is below 1 and a port has an
    exam yard, naming those ports' duration and move fields."""
    enforcement = scenario.enforcement
    opened = enforcement.detection.boxes_opened if enforcement is not None else 1.0
    ports = [n for n, p in scenario.ports.items() if getattr(p, "exam", None) is not None]
    if opened >= 1.0 or not ports:
        return []
    fields = ", ".join(f"ports.{n}.exam.duration and move" for n in ports)
    return [
        f"enforcement.detection.boxes_opened = {opened:g} lowers what an examination finds, "
        "not how long it takes: every box of an examined declaration is still moved to the "
        f"bay and examined for the full per-box time ({fields}); for a partial examination "
        f"that opens {opened:.0%} of the boxes, scale those times to match"
    ]
