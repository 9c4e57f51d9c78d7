"""The workbook's two sheets of the NPV's spread from the cost inputs, for an economist who
charts it in a spreadsheet: the tornado (each input at its low and high end, the others
central, ranked by the swing) and the seeded Monte Carlo (its summary and every draw). Both
are worked again from the comparison's replications with the terms ``appraisal.json``
records, by ``bordersim appraise``'s own functions (:func:`sim.cli_appraise.worked_again`),
so they equal what it wrote and printed; ``appraisal.json`` never holds the draws, and one
written before the spread was has no spread. No sheets where the folder is not appraised."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from sim.report.folder import ResultsFolderError
from sim.report.workbook_sheets import Sheet

#: the tornado's columns (English, Chinese); ``{money}``: the money and its price year
TORNADO = (("option", "方案"), ("input", "输入"), ("unit of its ends", "上下限的单位"),
           ("low value", "下限"), ("high value", "上限"),
           ("NPV at the low end ({money})", "下限处的净现值（{money}）"),
           ("NPV at the high end ({money})", "上限处的净现值（{money}）"),
           ("swing ({money})", "变化幅度（{money}）"),
           ("rank (1: widest swing)", "排序（1 为变化最大）"),
           ("where the range comes from", "范围的来源"))
#: the Monte Carlo's columns: its summary, one row an option, then the draws, a column each
MONTE_CARLO = (("option", "方案"), ("draws", "抽样次数"), ("seed", "随机数种子"),
               ("mean NPV ({money})", "净现值均值（{money}）"),
               ("NPV 5th percentile ({money})", "净现值第 5 百分位数（{money}）"),
               ("NPV median ({money})", "净现值中位数（{money}）"),
               ("NPV 95th percentile ({money})", "净现值第 95 百分位数（{money}）"),
               ("share of draws with NPV < 0", "净现值小于 0 的抽样比例"), ("draw", "抽样序号"))
#: a draw's column of an option
DRAW = ("NPV of {option}'s draw ({money})", "{option} 的净现值抽样（{money}）")
#: the unit of an input's ends ({money}: the money; a scale's and a rate's)
UNITS = {"setup_cost": ("{money}", "{money}"),
         "running_cost_given": ("{money} a year", "{money}/年"),
         "time_value": ("multiple of the scenario's value of time", "情景货物时间价值的倍数"),
         "equipment_price": ("multiple of the comparison's equipment price",
                             "比较中设备价格的倍数"),
         "discount_rate": ("real rate a year (a share)", "每年实际折现率（比例）")}


def spread_sheets(folder: Path, lang: str) -> list[Sheet]:
    """The tornado and Monte Carlo sheets of an appraised comparison's ``folder`` (none
    without ``appraisal.json``); terms that cannot be appraised again are a
    :class:`ResultsFolderError` naming the file."""
    file = folder / "appraisal.json"
    if not file.is_file():
        return []
    from sim.cli_appraise import worked_again
    from sim.experiment.appraisal_folder import AppraisalError
    from sim.experiment.appraisal_spread import drawn
    from sim.report.folder import read_object
    from sim.report.workbook_appraisal import given_flags

    flags = given_flags(folder, read_object(file))
    try:
        w = worked_again(folder, flags)
        draws = drawn(w.folder.replications, w.folder.options, w.ask, w.given)
    except AppraisalError as exc:
        raise ResultsFolderError(f"{file}: its terms ({' '.join(flags) or 'the defaults'}) "
                                 f"cannot be appraised again: {exc}", repair=False) from None
    zh = lang == "zh"
    money = str(w.folder.money)
    if zh:
        from sim.cli_zh import money as zh_money

        money = zh_money(money)
    given = set(w.given)
    return [tornado_sheet(w.spreads, given, money, zh),
            monte_carlo_sheet(draws, given, money, zh)]


def tornado_sheet(spreads: dict[str, Any], given: set[str], money: str, zh: bool) -> Sheet:
    """Each option's inputs at their low and high end, the widest swing first, ranked."""
    from sim.experiment.appraisal_spread import GIVEN, INPUTS
    from sim.report import zh_appraisal_spread as z

    rows = []
    for option, swings in spreads.items():
        for rank, s in enumerate(swings, start=1):
            r = s.range
            why = (z.GIVEN if r.why == GIVEN else z.WHY[r.name]) if zh else r.why
            rows.append([option, (z.INPUTS if zh else INPUTS)[r.name],
                         UNITS[r.name][zh].format(money=money), r.low, r.high, s.npv_low,
                         s.npv_high, s.swing, rank, why])
    columns = [c[zh].format(money=money) for c in TORNADO]
    money_columns = columns[5:8]
    return Sheet("净现值敏感性" if zh else "npv-tornado", _about_tornado(zh),
                 pd.DataFrame(rows, columns=columns), source="appraisal.json",
                 formats={c: "#,##0.00" for c in money_columns},
                 notes=(z.ASSUMES if zh else _assumes_en(), sources_note(given, zh)))


def monte_carlo_sheet(draws: dict[str, np.ndarray], given: set[str], money: str,
                      zh: bool) -> Sheet:
    """The Monte Carlo's summary, one row an option, and its draws, a column an option."""
    from sim.experiment.appraisal_montecarlo import SEED, summary

    n = max((len(d) for d in draws.values()), default=0)
    columns = [c[zh].format(money=money) for c in MONTE_CARLO]
    rows = [[o, j.draws, SEED, j.mean, j.p5, j.p50, j.p95, j.below_zero]
            for o, j in ((o, summary(d)) for o, d in draws.items())]
    table = pd.DataFrame({c: pd.Series([r[k] for r in rows], dtype=object)
                          for k, c in enumerate(columns[:8])}).reindex(range(n))
    table[columns[8]] = range(1, n + 1)
    for option, d in draws.items():
        table[DRAW[zh].format(option=option, money=money)] = pd.Series(d, dtype=float)
    formats = {c: "#,##0.00" for c in columns[3:7]}
    formats[columns[7]] = "0.0000"
    formats.update({DRAW[zh].format(option=o, money=money): "#,##0.00" for o in draws})
    return Sheet("净现值蒙特卡洛" if zh else "npv-monte-carlo", _about_monte_carlo(zh), table,
                 source="appraisal.json", formats=formats,
                 notes=(_joint_note(zh), sources_note(given, zh)))


def sources_note(given: set[str], zh: bool) -> str:
    """Which inputs' ranges come from a source, which are assumptions (as each default
    range's reason says it) and which were ``given`` (``--cost-range``)."""
    from sim.experiment.appraisal_spread import INPUTS, WHY

    kinds: dict[str, list[str]] = {"source": [], "assumption": [], "given": []}
    for name, why in WHY.items():
        kinds["given" if name in given else why.split(":")[0]].append(name)
    if zh:
        from sim.report import zh_appraisal_spread as z

        said = {k: "、".join(z.INPUTS[n] for n in v) or "无" for k, v in kinds.items()}
        return (f"范围有来源的输入：{said['source']}；范围为假设的输入：{said['assumption']}；"
                f"由 --cost-range 给定的输入：{said['given']}（各行“范围的来源”列说明出处）")
    en = {k: ", ".join(INPUTS[n] for n in v) or "none" for k, v in kinds.items()}
    return (f"ranges from a source: {en['source']}; ranges assumed: {en['assumption']}; "
            f"ranges given (--cost-range): {en['given']} (each row's 'where the range comes "
            "from' says which)")


def _assumes_en() -> str:
    from sim.experiment.appraisal_spread import ASSUMES

    return ASSUMES


def _joint_note(zh: bool) -> str:
    """What the Monte Carlo draws, as the terminal says it, and how its 95 % range is read."""
    if zh:
        return ("带固定种子的蒙特卡洛模拟：各输入在其范围内服从三角分布，以中值为众数，相互独立，"
                "并计入仿真噪声（Student-t 抽样乘以中值处配对净现值的标准误）；bordersim "
                "appraise 所示 95% 范围为各抽样的第 2.5 和第 97.5 百分位数")
    return ("a seeded Monte Carlo: each input triangular over its range, the central value its "
            "mode, independent, and the simulation's noise (a Student-t draw times the "
            "standard error of the paired NPV at the central inputs); the 95 % range bordersim "
            "appraise prints is the draws' 2.5 % and 97.5 % points")


def _about_tornado(zh: bool) -> str:
    return ("净现值随成本输入的变化范围（龙卷风图数据）：每个方案的各输入取下限和上限、其余取中值时"
            "的净现值，按变化幅度排序" if zh else
            "the NPV's spread from the cost inputs (a tornado's data): each option's NPV with "
            "each input at its low and high end, the others central, ranked by the swing")


def _about_monte_carlo(zh: bool) -> str:
    return ("净现值的蒙特卡洛模拟：每个方案的抽样次数、种子、均值、第 5/50/95 百分位数、净现值小于 "
            "0 的比例，及每次抽样的净现值（可作图）" if zh else
            "the NPV's Monte Carlo: each option's draws, seed, mean, 5th, 50th and 95th "
            "percentiles and share of draws below 0, and every draw's NPV (to chart)")
