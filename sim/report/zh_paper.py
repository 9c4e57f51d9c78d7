"""A paper's table (``bordersim paper-table``, ``bordersim tornado``) in Simplified Chinese,
for ``--lang zh``: its caption, the rows' column head and labels (each metric by its Chinese
name from the metric glossary, :func:`sim.report.translate.metric_name`, with its unit), the
change rows, the fixed cells (basis, range, sign) and the notes under it, in the console's
and the report's terms (基准方案, 重复运行, 预热期, 95% 置信区间, 扫描点, 配对). Each English
text is said by a pattern of the sentence its builder writes, its figures and names carried
over as written; a text no pattern knows is kept whole in English, marked untranslated
(:data:`UNTRANSLATED`), never half translated. The English table is not changed."""

from __future__ import annotations

import re
from dataclasses import replace

from sim.report.paper_table import PaperTable
from sim.report.zh_reforms import UNTRANSLATED

#: the change rows' labels (a comparison's, a sweep's), which the renderer indents
CHANGE_ZH = {"change vs baseline": "与基准方案之差（配对）",
             "change vs point 0": "与扫描点 0 之差（配对）"}
#: the rows' column head
HEADS = {"metric": "指标", "point": "扫描点", "who": "对象", "option": "方案",
         "setting: outcome": "设定：结果指标"}
#: the fixed columns of the assumptions table and of the tornado table
COLUMNS = {"reform": "改革", "strength": "强度参数", "value": "取值", "meaning": "含义",
           "basis": "依据", "range": "范围", "effect at low": "低端效果",
           "effect as given": "所给取值下的效果", "effect at high": "高端效果", "sign": "正负"}
#: a setting's or a strength's basis, a tornado's sign
WORDS = {"assumption": "假设", "a source": "有来源", "no source names it": "无来源提及",
         "given here": "在此给定（--range）", "holds": "不变", "flips": "反转",
         "zero at an end": "某端为 0", "baseline": "基准方案", "\u2013": "\u2013"}
#: units as a printed row gives them abbreviated (:data:`sim.report.paper_labels.UNITS`)
_SHORT = {"h": "小时", "d": "天", "min": "分钟"}
_LABEL = re.compile(r"(?P<words>[^()]*?) \((?P<unit>.+)\)")


def chinese(table: PaperTable) -> PaperTable:
    """``table`` with every text in Chinese (figures, names and the command as they are)."""
    from sim.report.zh_paper_notes import assumption_cells, caption, note

    labels = {en: label(en, table.metrics) for en in table.metrics}
    said = assumption_cells if table.head == "option" else _cells
    rows = [(_row(lab, labels), said(cells)) for lab, cells in table.rows]
    return replace(
        table, options=[labels.get(o) or COLUMNS.get(o) or WORDS.get(o, o)
                        for o in table.options],
        rows=rows, caption=caption(table.caption, labels), head=HEADS.get(table.head,
                                                                         table.head),
        notes=[note(n, table.metrics, labels) for n in table.notes],
        metrics={labels[en]: m for en, m in table.metrics.items()})


def label(en: str, metrics: dict[str, str]) -> str:
    """A metric's row label in Chinese: its Chinese name (its identifier where it was given
    raw, ``--raw-names``) and its unit in （）."""
    from sim.report.translate import metric_name

    metric = metrics[en]
    found = _LABEL.fullmatch(en)
    unit = unit_zh(found["unit"]) if found else ""
    name = metric if en.startswith(f"{metric} (") else metric_name(metric)
    if name is None:
        return UNTRANSLATED + en
    return f"{name}（{unit}）" if unit else name


def unit_zh(english: str) -> str:
    """A unit as a printed row abbreviates it, or in full, in Chinese (currency kept)."""
    from sim.cli_zh import unit

    return _SHORT.get(english) or unit(english)


def _row(en: str, labels: dict[str, str]) -> str:
    """A row's label: a metric's, a change row's, a tornado's ``setting: metric (unit)``,
    who gains' ``port · direction``; an option's name and a point's number as they are."""
    if en in labels:
        return labels[en]
    if en in CHANGE_ZH:
        return CHANGE_ZH[en]
    found = re.fullmatch(r"(?P<s>[\w.\[\]-]+): (?P<m>[a-z0-9_]+) \((?P<u>.+)\)", en)
    if found is not None:
        from sim.report.translate import metric_name

        name = metric_name(found["m"]) or found["m"]
        return f"{found['s']}：{name}（{unit_zh(found['u'])}）"
    return gains_row(en)


def gains_row(en: str) -> str:
    """Who gains' row: all consignments, or a port and a direction."""
    if en == "all consignments":
        return "全部货物"
    port, dot, direction = en.partition(" \u00b7 ")
    if dot and direction in ("import", "export", "all"):
        return f"{port} · {ZH_DIRECTION[direction]}"
    return en


ZH_DIRECTION = {"import": "进口", "export": "出口", "all": "全部"}


def _cells(cells: list[str]) -> list[str]:
    """A row's cells (:func:`cell`)."""
    return [cell(c) for c in cells]


def cell(en: str) -> str:
    """A cell: figures as they are; a basis, a range, a sign or a value set here in
    Chinese (:mod:`sim.report.zh_paper_notes` for the assumptions table's sentences)."""
    from sim.report.zh_paper_notes import fixed_cell

    if en in WORDS:
        return WORDS[en]
    return fixed_cell(en)
