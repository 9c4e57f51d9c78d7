"""The names a results folder's scenario declares, for its Chinese report: its ports' Chinese
names (``[ports.<id>] label_zh``), which the Chinese page's table of ports shows in place of
the English ``label``."""

from __future__ import annotations

import html
import re
from functools import partial
from pathlib import Path

from sim.report.route_labels import said_label, scenarios


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
        row = re.compile(f"(<tr><td>{re.escape(html.escape(str(port)))}</td><td>[^<]*</td><td>)"
                         f"{re.escape(html.escape(en))}(</td></tr>)")
        page = row.sub(partial(_said, html.escape(zh)), page, count=1)
    return page


def _said(label: str, row: re.Match[str]) -> str:
    """A row of the table of ports with ``label`` in its label's cell."""
    return row[1] + label + row[2]
