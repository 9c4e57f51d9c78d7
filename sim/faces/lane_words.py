"""A lane named in words on the workshop page: "scanners at sea_port", "口岸 sea_port 的机检设备",
not the metric's ``sea_port_scanners``.

A port's name may hold underscores (``sea_port``), so the port and the lane cannot be split
back out of a metric's name; the page names a lane from the pair it was built from: the
scenario's port names beside every lane a port can build (:data:`sim.lane_catalogue.KEYS`).
The lane kind is in the report's words (English: its key with spaces; Chinese: the glossary's
lane words, :data:`sim.report.zh_glossary.VALUES`); the port keeps its name, as the reports
write it (``口岸 <port>``), so that a room finds it in the scenario.
"""

from __future__ import annotations

from sim.faces.words import say
from sim.scenario.schema import Scenario

#: a lane by its port and its kind: ``("sea_port", "scanners")``
Lane = tuple[str, str]


def scenario_lanes(scenario: Scenario) -> tuple[Lane, ...]:
    """Every lane the scenario's ports may have, as (port, lane kind) pairs (a lane a port
    lacks has no metrics, and the page skips it)."""
    from sim.lane_catalogue import KEYS

    return tuple((port, lane) for port in scenario.ports for lane in KEYS)


def lane_words(port: str, lane: str, lang: str = "en") -> str:
    """The lane ``lane`` of port ``port`` in ``lang``'s words (its key where the glossary has
    no Chinese word for it)."""
    if lang == "zh":
        from sim.report.zh_glossary import VALUES

        kind = VALUES["lane"].get(lane, lane)
    else:
        kind = lane.replace("_", " ")
    return say(lang, "{lane} at {port}", lane=kind, port=port)
