"""The workshop page's organisation tree: the chosen scenario's, and the option's beside it
when the option changes the structure (the dumbbell reform). Drawn by
:mod:`sim.report.org_plot` from the scenarios alone (staff per unit; no run needed)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from sim.faces.choices import Variants
from sim.report import plots
from sim.report.org_table import tree_record

if TYPE_CHECKING:
    from sim.scenario.org_tree import Tree

NO_ORGANISATION = (
    '<p class="bs-no-org"><small>This scenario has no organisation section: goods never '
    "wait on the organisation above the ports.</small></p>"
)


def org_tree_html(pair: Variants) -> str:
    """An ``<img class="bs-org-tree">`` of the baseline's tree, and the option's when it
    differs; ``data-structures`` lists the structures drawn, in order."""
    from sim.report.org_plot import draw_organisations
    from sim.report.org_table import tree_from_record

    panels: list[tuple[str, Tree, dict[str, float]]] = []
    drawn: list[object] = []
    for side, scenario in (("baseline", pair.baseline), ("option", pair.option)):
        record = tree_record(scenario)
        if record is None or record["units"] in drawn:
            continue
        drawn.append(record["units"])
        structure = str(record.get("structure") or "explicit")
        panels.append((f"{side}: {structure}", tree_from_record(record), {}))  # (side named)
    if not panels:
        return NO_ORGANISATION
    structures = ",".join(title.split(": ")[1] for title, _, _ in panels)
    data = plots.png_base64(draw_organisations(panels))
    return (  # (at its own size, scrolled sideways: squeezed, its labels could not be read)
        '<div style="overflow-x:auto">'
        f'<img class="bs-org-tree" data-structures="{html.escape(structures)}" '
        f'alt="organisation tree ({html.escape(structures)})" style="max-width:none" '
        f'src="data:image/png;base64,{data}"></div>'
    )
