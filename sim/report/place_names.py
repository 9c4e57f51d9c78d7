"""The names a results folder's scenario declares, for its Chinese report: its ports', routes'
and options' ids, which a Chinese line keeps as written and which are never English prose
left untranslated (a route called ``river`` is a name, not a word), and its ports' Chinese
names (``[ports.<id>] label_zh``), which the Chinese page's table of ports shows in place of
the English ``label``."""

from __future__ import annotations

import html
import re
from functools import partial
from pathlib import Path

from sim.report.route_labels import options, said_label, scenarios


def declared_names(folder: Path, kind: str) -> frozenset[str]:
    """The ids of the folder's ports and smuggling routes and (a comparison's) options."""
    names: set[str] = set()
    for scenario in scenarios(folder, kind):
        names.update(str(p) for p in scenario.get("ports") or {})
        names.update(str(r) for r in ((scenario.get("smuggling") or {}).get("routes") or {}))
    if kind == "compare":
        names.update(str(o.get("name")) for o in options(folder))
    return frozenset(names)


def chinese_ports(page: str, folder: Path, kind: str) -> str:
    """A Chinese report page whose table of ports (:func:`sim.report.sections.scenario_section`,
    the first option's scenario) says each port by its ``label_zh`` where the scenario gives
    one, in place of its English ``label``; the other ports as they were."""
    runs = scenarios(folder, kind)
    ports = runs[0].get("ports") or {} if runs else {}
    for port, table in ports.items() if isinstance(ports, dict) else ():
        zh, en = said_label(table, "zh"), said_label(table, "en")
        if zh == en:
            continue
        row = re.compile(f"(<tr><td>{re.escape(html.escape(str(port)))}</td>"
                         f"<td[^>]*>[^<]*</td><td>)"  # (its mode's cell: class='mode')
                         f"{re.escape(html.escape(en))}(</td></tr>)")
        page = row.sub(partial(_said, html.escape(zh)), page, count=1)
    return page


def _said(label: str, row: re.Match[str]) -> str:
    """A row of the table of ports with ``label`` in its label's cell."""
    return row[1] + label + row[2]
