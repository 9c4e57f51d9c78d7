"""A commodity and a smuggling group as a Chinese reader knows them: by the ``label_zh`` the
folder's scenario gives them (``[commodities.<id>] label_zh``, ``[smuggling.groups.<id>]
label_zh``), the id beside it to find the table in the scenario file. The Chinese metric names
and warnings say them by id (商品类别 frozen 海关通关时间均值, 走私团伙 tobacco_ring); a
commodity or group without a ``label_zh`` stays so (its English label would be English
again). Routes and ports are said by :mod:`sim.report.route_labels` and
:mod:`sim.report.place_names`."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from functools import partial
from pathlib import Path

from sim.report.route_labels import scenarios

#: how the Chinese texts name each by id before the label is put in: a commodity in a
#: metric's name (:mod:`sim.report.zh_metrics`), a group in a warning
#: (:mod:`sim.report.zh_warnings`)
LEADS = {"commodities": "商品类别", "groups": "走私团伙"}


def chinese_labels(folder: Path, kind: str) -> dict[str, dict[str, str]]:
    """The Chinese names the folder's scenarios give, ``commodities`` and ``groups`` each id ->
    ``label_zh`` (a comparison's options' scenarios, the baseline first; the first to name
    one wins); none for a part without ``label_zh``."""
    out: dict[str, dict[str, str]] = {"commodities": {}, "groups": {}}
    for scenario in scenarios(folder, kind):
        parts = {"commodities": scenario.get("commodities"),
                 "groups": (scenario.get("smuggling") or {}).get("groups")}
        for part, tables in parts.items():
            for key, table in tables.items() if isinstance(tables, dict) else ():
                zh = table.get("label_zh") if isinstance(table, dict) else None
                if zh and str(key) not in out[part]:
                    out[part][str(key)] = str(zh)
    return out


def labelled(text: str, labels: Mapping[str, Mapping[str, str]], escape: bool = False) -> str:
    """A Chinese text (a page with ``escape``, its names HTML-escaped) with each commodity and
    group it names by id after its lead (商品类别 frozen) said by its ``label_zh`` with the id
    beside it (商品类别 冻肉及水产品（frozen）); the others as they were."""
    for part, lead in LEADS.items():
        names = labels.get(part) or {}
        if not names:
            continue
        ids = "|".join(re.escape(html.escape(k) if escape else k)
                       for k in sorted(names, key=len, reverse=True))
        found = re.compile(f"{lead} ({ids})(?![\\w.])( (?=[\u4e00-\u9fff0-9]))?")
        text = found.sub(partial(_said, lead, names, escape), text)
    return text


def _said(lead: str, names: Mapping[str, str], escape: bool, found: re.Match[str]) -> str:
    """An id found after its lead, said by its ``label_zh`` (an id found escaped in a page is
    looked up unescaped, its label put in escaped) with the id beside it."""
    label = names[html.unescape(found[1]) if escape else found[1]]
    return f"{lead} {html.escape(label) if escape else label}（{found[1]}）"


def plot_groups(folder: Path | None) -> dict[str, str]:
    """Each smuggling group's title in the plots being drawn: in Chinese (where a font draws
    them) a group with a ``label_zh`` by it with its id beside it; otherwise none (its id)."""
    from sim.report.plot_lang import drawn_in_chinese

    if folder is None or not drawn_in_chinese():
        return {}
    kind = "compare" if (folder / "compare.json").is_file() else "run"
    return {g: f"{zh}（{g}）" for g, zh in chinese_labels(folder, kind)["groups"].items()}
