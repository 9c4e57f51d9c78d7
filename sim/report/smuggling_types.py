"""A run's smuggling by illicit type, and the groups that carry each type: the run's console
table and its report list each type's attempts, opportunities deterred, attempts a patrol
interdicted, share of attempts seized and value slipped through, with their intervals over
the replications, and say which group carries which type by which routes (the totals and
the routes alone hide a type: the tobacco ring's loads among the frozen gang's)."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

#: each illicit type's rows, in the table's order (``{t}``: the type)
TYPE_STEMS = (
    "smuggling_attempts_{t}",
    "attempts_deterred_{t}",
    "smuggling_interdicted_{t}",
    "smuggling_caught_share_{t}",
    "smuggling_value_slipped_{t}",
)
#: what the rows by type are, under their table in the report
NOTE = (
    "Each illicit type's own figures (the loads of the smuggling groups that carry it): "
    "attempts, opportunities deterred (no attempt made), attempts a patrol interdicted "
    "outside the ports, the share of attempts seized (by a patrol, or a port's checks) and "
    "the true value that slipped through (at the ports and outside them), each a mean with "
    "its 95 % interval over the replications."
)
HEADING = "By illicit type"


def type_rows(names: Iterable[str]) -> tuple[str, ...]:
    """The rows by illicit type among ``names`` (a run's metrics), type by type in the
    order of :data:`sim.scenario.base.ILLICIT`; none without smuggling groups."""
    from sim.scenario.base import ILLICIT

    present = set(names)
    return tuple(
        stem.format(t=t)
        for t in ILLICIT
        if f"smuggling_attempts_{t}" in present
        for stem in TYPE_STEMS
        if stem.format(t=t) in present
    )


def groups_of(scenario: Mapping[str, Any]) -> list[tuple[str, str, str, list[str]]]:
    """Each smuggling group of a scenario (its data, as ``scenario.json`` holds it): its
    id, English label ('' if none), illicit type and routes."""
    groups = (scenario.get("smuggling") or {}).get("groups") or {}
    return [
        (str(g), str(t.get("label") or ""), str(t.get("illicit")), [str(r) for r in
                                                                   t.get("routes") or []])
        for g, t in groups.items()
    ]


def group_line(group: tuple[str, str, str, list[str]], lang: str = "en") -> str:
    """One group in words: its id (label), the type it carries and its routes; in Chinese
    its type said (走私烟草) and its label left to the page's labels (走私团伙 id)."""
    name, label, illicit, routes = group
    if lang == "zh":
        from sim.report.zh_glossary import VALUES

        said = VALUES["type"].get(illicit, illicit)
        return f"走私团伙 {name}：违规类型为{said}，经由 {', '.join(routes)}。"
    named = f"{name} ({label})" if label else name
    return f"Group {named} carries {illicit} by {', '.join(routes)}."


def smuggling_groups(scenario: Any, lang: str = "en") -> list[str]:
    """The lines a run's console prints under its table: each smuggling group of
    ``scenario`` (a :class:`~sim.scenario.schema.Scenario`) in words, with its Chinese label
    in Chinese where it has one (none without groups)."""
    if getattr(scenario, "smuggling", None) is None:
        return []
    from sim.scenario.patch import scenario_data

    data = scenario_data(scenario)
    lines = [group_line(g, lang) for g in groups_of(data)]
    if lang == "zh":
        from sim.report.zh_labels import labelled

        zh = {str(g): str(t.get("label_zh")) for g, t in data["smuggling"]["groups"].items()
              if t.get("label_zh")}
        lines = [labelled(line, {"groups": zh}) for line in lines]
    return lines


def section(res: Any, scenario: Mapping[str, Any] | None) -> list[str]:
    """A run report's part on smuggling by type (:func:`type_rows`, with intervals) and the
    groups of ``scenario`` (the run's data); none without smuggling groups or for a
    comparison (its options' table by route says the moves)."""
    from sim.report.html import metric_table

    names = set(res.summary["metric"]) if "metric" in res.summary else set()
    rows = type_rows(names)
    if not rows or len(res.names) != 1:
        return []
    lines = [group_line(g) for g in groups_of(scenario or {})]
    return [
        f"<h3>{HEADING}</h3>",
        *(f"<p class='note'>{html.escape(line)}</p>" for line in lines),
        metric_table(res, rows),
        f"<p class='note'>{html.escape(NOTE)}</p>",
    ]
