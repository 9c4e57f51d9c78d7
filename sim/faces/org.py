"""The workshop page's organisation tree: the chosen scenario's, and the option's below it
when the option changes the structure (the dumbbell reform). Drawn by
:mod:`sim.report.org_plot` from the scenarios alone (staff per unit; no run needed)."""

from __future__ import annotations

import base64
import html
from collections import Counter
from typing import Any

from sim.faces.choices import Variants
from sim.report import plots
from sim.report.org_table import tree_record

NO_ORGANISATION = (
    '<p class="bs-no-org">This scenario has no organisation section: goods never '
    "wait on the organisation above the ports.</p>"
)
NO_ORGANISATION_ZH = ('<p class="bs-no-org">此情景没有组织架构部分：'
                      "货物不会等待口岸以上的海关层级。</p>")
#: a side in Chinese (the words of the report)
_SIDES_ZH = {"baseline": "基准方案", "option": "方案"}


#: the narrowest a tree is squeezed to, as a share of its own width, before its box scrolls
#: sideways (below it, its labels could not be read)
MIN_SCALE = 0.6


def org_tree_html(pair: Variants, lang: str = "en") -> str:
    """An ``<img class="bs-org-tree">`` of the baseline's tree, and below it the option's when
    it differs; ``data-structures`` (on the ``bs-org-trees`` block) lists the structures drawn,
    in order, and each image's ``data-structure`` its own.

    Each tree is drawn on its own and shown as wide as the pane, up to its own size; in a pane
    narrower than ``MIN_SCALE`` of its width its box scrolls sideways (one image of both trees
    side by side put the option's off-screen). Its words in ``lang``: in Chinese, levels and
    structures by :mod:`sim.cli_zh_tree`'s names (a structure it does not name as written);
    the image's own labels too (:mod:`sim.report.zh_org_plot`), where the machine has a font
    with Chinese glyphs; where it has none, they stay English and a note under the first tree
    says so (as under the report's plots)."""
    from sim.report.plot_lang import noted, plots_in

    with plots_in(lang):
        return noted(_trees_html(pair, lang))


def _trees_html(pair: Variants, lang: str) -> str:
    """The trees of :func:`org_tree_html`, drawn in the plots' language of the moment."""
    from sim.report.org_plot import draw_organisations
    from sim.report.org_table import tree_from_record

    shown: list[str] = []
    drawn: list[object] = []
    structures = []
    for side, scenario in (("baseline", pair.baseline), ("option", pair.option)):
        record = tree_record(scenario)
        if record is None or record["units"] in drawn:
            continue
        drawn.append(record["units"])
        structure = str(record.get("structure") or "explicit")
        structures.append(structure)
        fig = draw_organisations([(f"{side}: {structure}", tree_from_record(record), {})])
        shown.append(_tree_img(side, structure, plots.png_base64(fig), _summary(record, lang),
                               lang))
    if not shown:
        return NO_ORGANISATION_ZH if lang == "zh" else NO_ORGANISATION
    return (
        f'<div class="bs-org-trees" data-structures="{html.escape(",".join(structures))}">'
        f"{''.join(shown)}</div>"
    )


def _tree_img(side: str, structure: str, data: str, summary: str, lang: str = "en") -> str:
    """One tree, fitted to the pane (down to ``MIN_SCALE`` of its width, then scrolled)."""
    width = _png_width(data)
    alt = f"Organisation tree of the {side}, {structure} structure: {summary}"
    caption = (f"<b>{side.capitalize()}</b>: {html.escape(structure)} structure "
               f"({html.escape(summary)})")
    if lang == "zh":
        from sim.cli_zh_tree import STRUCTURES

        kind = STRUCTURES.get(structure, structure)
        alt = f"{_SIDES_ZH[side]}的组织架构图，{kind}结构：{summary}"
        caption = (f"<b>{_SIDES_ZH[side]}</b>：{html.escape(kind)}结构"
                   f"（{html.escape(summary)}）")
    return (
        '<figure style="margin:0 0 12px 0">'
        f"<figcaption>{caption}</figcaption>"
        '<div class="bs-org-scroll" style="overflow-x:auto">'
        f'<img class="bs-org-tree" data-structure="{html.escape(structure)}" '
        f'alt="{html.escape(alt)}" style="width:100%;height:auto;max-width:{width}px;'
        f'min-width:{round(MIN_SCALE * width)}px" src="data:image/png;base64,{data}"></div>'
        "</figure>"
    )


def _summary(record: dict[str, Any], lang: str = "en") -> str:
    """Units by level and staff in all, in words: "3 national, 7 regional, ... units; 122
    staff" (in Chinese: "总署 3 个、直属海关 7 个……单位；共 122 人")."""
    from sim.scenario.organisation import LEVELS

    units = record["units"].values()
    levels = Counter(u["level"] for u in units)
    staff = sum(sum(u["staff"].values()) for u in units)
    if lang == "zh":
        from sim.cli_zh_tree import LEVELS as ZH_LEVELS

        counted = "、".join(f"{ZH_LEVELS[lv]} {levels[lv]} 个" for lv in LEVELS if levels[lv])
        return f"单位：{counted}；共 {staff:,} 人"
    by_level = ", ".join(f"{levels[lv]} {lv}" for lv in LEVELS if levels[lv])
    return f"{by_level} units; {staff:,} staff"


def _png_width(data: str) -> int:
    """The width in pixels of a base64 PNG (its IHDR chunk)."""
    head = base64.b64decode(data[:32])
    return int.from_bytes(head[16:20], "big")
