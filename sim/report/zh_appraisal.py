"""The report's business case section (:mod:`sim.report.appraisal_section`) in Chinese, in
the words of ``bordersim appraise --lang zh`` (:mod:`sim.cli_zh_appraise`): each figure's
name, its terms (years, discount rate, currency, the value of time's scale) and ``never``,
``at once`` or ``n/a`` in a cell; every figure carried over as the page wrote it."""

from __future__ import annotations

import re
from functools import lru_cache

_N = r"[-\u2212]?[0-9][0-9,.]*(?:e[-+]?[0-9]+)?"
#: a cell: a figure (or its word) and, when it has one, its interval
_W = r"never|n/a|at once|not known"  # (the words a cell may hold for a figure)
_CELL = re.compile(rf"(?P<m>{_N}|{_W})(?: \[(?P<l>{_N}|{_W}), (?P<h>{_N}|{_W})\])?")
#: the section's note (appraisal_section's words, its terms as groups)
_NOTE = re.compile(
    rf"Against the baseline over (?P<y>[0-9]+) years at a discount rate of (?P<r>{_N}); "
    r"money in (?P<money>.+?)(?:; the value of the goods' time x (?P<s>" + _N + r"))?\. "
    r"Mean and 95 % interval over the replications \(paired\)\. Year 0: the set-up cost "
    r"\(given, or the reform library's default\) and the equipment added; years 1 on: "
    r"running cost and traders' saving\. Written "
    r"by bordersim appraise \(appraisal\.csv\); see docs/how-results-are-computed\.md, "
    r"\"A business case over years\"\.")

#: the warning of an appraisal older than the folder's replications (appraisal_section's)
_OLDER = re.compile(
    r"This business case is older than the figures above: it is of (?P<n>[0-9]+) "
    r"replications of (?P<option>.+), the folder now holds (?P<m>[0-9]+)\. Run "
    r"(?P<again>bordersim appraise .+) again \(the terms it was given, from appraisal\.json\) "
    r"for a business case of them all\.")


def text(en: str) -> str | None:
    """The Chinese of one text of the section (a figure's name, a cell with a word in it, the
    note), or None when ``en`` is none of them."""
    from sim.cli_zh import money
    from sim.cli_zh_appraise import YEARS, said, terms

    if en in _names():
        return _names()[en]
    from sim.report.zh_appraisal_spread import text as spread_text

    spread = spread_text(en)  # (the table of the NPV's spread from the cost inputs)
    if spread is not None:
        return spread
    from sim.cli_zh_appraise import CAPACITY_COUNTED, CASH_ONLY
    from sim.experiment import appraisal_folder as af

    if en in (af.CASH_ONLY, af.CAPACITY_COUNTED):  # (whether the NPV counts capacity freed)
        return CASH_ONLY if en == af.CASH_ONLY else CAPACITY_COUNTED
    if en in (af.RESIDUAL_APART, af.RESIDUAL_COUNTED):  # (and the equipment's residual value)
        from sim.cli_zh_appraise import RESIDUAL_APART, RESIDUAL_COUNTED

        return RESIDUAL_APART if en == af.RESIDUAL_APART else RESIDUAL_COUNTED
    from sim.experiment.price_index import carried_of

    carried = carried_of(en)
    if carried is not None:
        return carried.said_zh()
    cell = _CELL.fullmatch(en)
    if cell and {"never", "n/a", "at once", "not known"} & set(cell.groups()):
        m, low, high = (said(g) if g else g for g in cell.groups())
        return m if low is None else f"{m} [{low}, {high}]"
    older = _OLDER.fullmatch(en)
    if older:
        return (f"本效益成本分析早于上方的数字：它基于方案 {older['option']} 的 {older['n']} "
                f"次重复运行，而文件夹中现有 {older['m']} 次。请重新运行 {older['again']}"
                "（即原来给定的条件，取自 appraisal.json），得到基于全部重复运行的效益成本分析。")
    note = _NOTE.fullmatch(en)
    if note is None:
        return None
    shown = "" if note["money"] == "the scenario currency" else money(note["money"])
    return (terms(note["y"], note["r"], shown, note["s"] or "") + "。" + YEARS
            + "由 bordersim appraise 写出（appraisal.csv）；计算方法见 "
            "docs/how-results-are-computed.md 中的多年成本收益分析一节。")


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Each figure's English name (:data:`sim.experiment.appraisal.FIGURES`), the rows saying
    where a cost came from and their cells' words -> their Chinese."""
    from sim.cli_zh_appraise import FIGURES as ZH
    from sim.cli_zh_appraise import SOURCE_ROWS
    from sim.experiment.appraisal import FIGURES
    from sim.experiment.appraisal_sources import WORDS, WORDS_ZH
    from sim.report.appraisal_section import SOURCE_ROWS as EN_ROWS

    return {**{en: ZH[key] for key, en in FIGURES},
            **{en: SOURCE_ROWS[key] for key, en in EN_ROWS.items()},
            **{en: WORDS_ZH[key] for key, en in WORDS.items()}}
