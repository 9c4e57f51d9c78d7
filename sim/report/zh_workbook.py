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
    "seized": "查扣数",
    "seized_value": "查扣货值",
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
    return _header(column, FIGURES)


def _header(column: str, words: dict[str, str]) -> str:
    """A column's Chinese header from ``words``: its figure's, or its figure's with the words
    of its suffix (an interval, a change); a column ``words`` does not know keeps its name."""
    if column in words:
        return words[column]
    for suffix, said in SUFFIXES:
        base = column.removesuffix(suffix)
        if base != column and base in words:
            return words[base] + said
    return column


def enforcement_table(table: pd.DataFrame) -> pd.DataFrame:
    """``enforcement.csv`` with its directions and truths in Chinese, each code kept in a
    column after it, and its figures' headers in Chinese (option, port, direction and truth
    are named by the workbook's common headers; a port's name is the scenario's own)."""
    from sim.report.zh_glossary import VALUES

    words = {"direction": VALUES["direction"], "truth": {**VALUES["type"], "compliant": COMPLIANT}}
    out = table.copy()
    if "option" in out.columns:
        out["option"] = [option_said(o) for o in out["option"]]
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
    return re.sub(r"^reform (\S+)$", r"改革 \1", UNCHANGED.get(text, text))


#: the options the folder names itself (an option of a comparison keeps its own name)
OPTIONS = {"baseline": "基准方案", "run": "本次运行"}
#: the code columns kept beside the values the full tables say in Chinese
VALUE_CODES = {"direction": CODES["direction"], "trader_class": "企业信用等级代码",
               "lane": "环节代码"}


def option_said(name: object) -> str:
    """An option's name as a Chinese sheet shows it: the baseline and a single run in words,
    a comparison's own option as it was named (``single_window``)."""
    return OPTIONS.get(str(name), str(name))


#: an overhead cost item's kind before its own name (``posts:customs_officer``), in Chinese
ITEM_KINDS = {"posts": "固定岗位", "patrol": "巡查", "systems": "信息系统"}


def item_said(item: str) -> str:
    """An agency cost item (``sim.model.agency_costs``) as a Chinese sheet shows it: a lane
    by its Chinese name, the auditors as 稽查, a fixed post, a patrol route or a system as
    its kind in Chinese then its own name (a role, a route, a system: the scenario's own
    words); an organisation unit's staff, or an item not known here, as written."""
    from sim.report.zh_glossary import VALUES

    if item in VALUES["lane"]:
        return VALUES["lane"][item]
    if item == "audit":
        return VALUES["finder"]["audit"]
    kind, colon, name = item.partition(":")
    if colon and kind in ITEM_KINDS:
        return f"{ITEM_KINDS[kind]}：{name}"
    return item


def coded_values(table: pd.DataFrame) -> pd.DataFrame:
    """A full table (``summary.csv``, ``differences.csv``) with its options, directions,
    trader classes and lanes in Chinese, each code kept in a column after it (the metrics'
    names are built from the codes: a reader filters and joins on them, as on the
    enforcement sheet's); an empty cell (a figure of all directions) stays empty."""
    from sim.report.zh_glossary import VALUES

    words = {"direction": VALUES["direction"], "trader_class": VALUES["class"],
             "lane": VALUES["lane"]}
    out = table.copy()
    if "option" in out.columns:
        out["option"] = [option_said(o) for o in out["option"]]
    for column in [c for c in VALUE_CODES if c in out.columns]:
        codes = out[column].astype(object).fillna("").astype(str)
        out[column] = [words[column].get(c, c) for c in codes]
        out.insert(list(out.columns).index(column) + 1, VALUE_CODES[column], codes)
    return out


#: the trading-across-borders table's columns (:data:`sim.experiment.trading_table.FIGURES`
#: and the keys before them) that the workbook's common headers do not name; each figure is
#: per consignment released, as the table gives it, the cost in the table's ``currency``
TRADING: dict[str, str] = {
    "dimension": "统计维度", "group": "分组", "mode": "运输方式", "reps": "重复运行次数",
    "consignments": "货物票数（已完成流程）", "currency": "货币",
    "documentary_time_h": "单证合规时间（小时/票，下限）",
    "border_time_h": "边境合规时间（小时/票）",
    "documentary_cost": "单证合规成本（每票）", "border_cost": "边境合规成本（每票）",
    "other_fees": "其他费用（每票，两项合规之外）", "trader_fees": "企业费用合计（每票）",
    "value_of_time": "时间价值（每票）",
    "documentary_cost_per_container": "单证合规成本（每箱）",
    "border_cost_per_container": "边境合规成本（每箱）",
}
#: a stretch outside both segments: its hours' column is named by the stretch's Chinese
_OUTSIDE_HOURS = "时间（小时/票，两项合规之外）"
#: the code columns kept beside the direction and the trader class the sheet says in Chinese
TRADING_CODES = {"direction_code": CODES["direction"], "trader_class_code": "企业信用等级代码"}
#: the table's rows: a port and direction, or a trader class there
DIMENSIONS = {"port_direction": "口岸与方向", "port_direction_class": "口岸、方向与企业信用等级"}


def trading_header(column: str) -> str:
    """A trading-across-borders column's Chinese header: a figure, its interval or its
    change (a column this table does not know keeps its name, and a test names it)."""
    from sim.report.zh_glossary import VALUES
    from sim.stretches import OUTSIDE

    words = {**TRADING, **{c: VALUES["stretch"].get(s, s) + _OUTSIDE_HOURS
                           for s, c in OUTSIDE.items()}}
    return _header(column, words)


def trading_table(table: pd.DataFrame) -> pd.DataFrame:
    """``trading-across-borders.csv`` with its rows' dimension, directions and trader classes
    in Chinese (each code kept in a column after it, as the enforcement sheet keeps it) and
    its figures' headers in Chinese (option, port, direction and class are named by the
    workbook's common headers)."""
    from sim.report.zh_glossary import MODES, VALUES

    out = table.copy()
    if "dimension" in out.columns:
        out["dimension"] = [DIMENSIONS.get(str(d), str(d)) for d in out["dimension"]]
    if "mode" in out.columns:  # (a port's mode of transport, as the console says it)
        out["mode"] = [MODES.get(str(m), str(m)) for m in out["mode"]]
    if "option" in out.columns:
        out["option"] = [option_said(o) for o in out["option"]]
    words = {"direction": VALUES["direction"], "trader_class": VALUES["class"]}
    for column in [c for c in words if c in out.columns]:
        codes = out[column].astype(object).fillna("").astype(str)
        out[column] = [words[column].get(c, c) for c in codes]
        out.insert(list(out.columns).index(column) + 1, f"{column}_code", codes)
    return out.rename(columns={c: TRADING_CODES.get(str(c)) or trading_header(str(c))
                               for c in out.columns if str(c) not in words})
