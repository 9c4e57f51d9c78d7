"""The Chinese of ``bordersim workbook --lang zh`` that the report's glossary does not hold:
the enforcement sheet's columns and its values (directions, what the goods truly were) and
the readme sheet's seed rule and baseline. Each word is the one the report, the metrics'
names and the console's compliance tables already use for the same thing
(:mod:`sim.report.zh_glossary`, :mod:`sim.report.zh_metrics`, :mod:`sim.cli_zh_compliance`),
so a reader meets one term for one thing. A direction and a truth keep their code in a
column beside them: the metrics' names are built from those codes (``detected_tobacco``,
``clearance_h_mean_import``), and a reader joins the sheets on them."""

from __future__ import annotations

import re

import pandas as pd

#: the enforcement table's figures (:data:`sim.experiment.enforcement_table.FIGURES`) and its
#: replications, named as the metrics of the same counts are (``detected_<type>``,
#: ``found_after_release_<type>``, ``held_<type>``, ``seizures_per_1000``)
FIGURES: dict[str, str] = {
    "reps": "重复运行次数",
    "declarations": "报关单数",
    "value": "货值",
    "detected": "放行前查出票数",
    "detected_value": "放行前查出货值",
    "audit_detected": "放行后经稽查等查出票数",
    "audit_detected_value": "放行后经稽查等查出货值",
    "seized": "查获数",
    "seized_value": "查获货值",
    "held": "运行结束时仍在海关手中未查出的票数",
    "held_value": "运行结束时仍在海关手中未查出的货值",
}
#: a figure's interval and its paired change from the baseline, after the figure's name
SUFFIXES: tuple[tuple[str, str], ...] = (
    ("_diff_ci_low", "相对基准方案的变化（95% 置信区间下限）"),
    ("_diff_ci_high", "相对基准方案的变化（95% 置信区间上限）"),
    ("_diff", "相对基准方案的变化（方案减基准）"),
    ("_ci_low", "（95% 置信区间下限）"),
    ("_ci_high", "（95% 置信区间上限）"),
)
#: goods with nothing illicit in them (``truth`` ``compliant``), as the metrics say it
COMPLIANT = "守法货物"
#: the code columns kept beside their Chinese (a column the sheet translates -> its code's)
CODES: dict[str, str] = {"direction": "方向代码", "truth": "真实情况代码"}
#: the readme sheet's baseline, as the report's options table says it
UNCHANGED = {"the scenario unchanged": "情景不变"}
#: a comparison's seed rule as ``compare.json`` records it
_SEEDS = re.compile(r"replication r of every option uses (SeedSequence\(.*\))")


def figure_header(column: str) -> str:
    """An enforcement column's Chinese header: a figure, its interval or its change (a column
    this table does not know keeps its name)."""
    if column in FIGURES:
        return FIGURES[column]
    for suffix, words in SUFFIXES:
        base = column.removesuffix(suffix)
        if base != column and base in FIGURES:
            return FIGURES[base] + words
    return column


def enforcement_table(table: pd.DataFrame) -> pd.DataFrame:
    """``enforcement.csv`` with its directions and truths in Chinese, each code kept in a
    column after it, and its figures' headers in Chinese (option, port, direction and truth
    are named by the workbook's common headers; a port's name is the scenario's own)."""
    from sim.report.zh_glossary import VALUES

    words = {"direction": VALUES["direction"], "truth": {**VALUES["type"], "compliant": COMPLIANT}}
    out = table.copy()
    for column, code in CODES.items():
        if column not in out.columns:
            continue
        codes = out[column].astype(str)
        out[column] = [words[column].get(c, c) for c in codes]
        out.insert(list(out.columns).index(column) + 1, code, codes)
    return out.rename(columns={c: figure_header(str(c)) for c in out.columns
                               if str(c) not in CODES})


def readme_said(text: str) -> str:
    """A record of the folder the readme sheet shows, in Chinese: a comparison's seed rule (its
    formula as recorded) or the baseline's description; a scenario's or an option's own
    words, or a text not known here, as written."""
    found = _SEEDS.fullmatch(text.strip())
    if found:
        return f"每个方案的第 r 次重复运行使用 {found.group(1)}"
    return UNCHANGED.get(text, text)
