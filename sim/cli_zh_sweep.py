"""The words of a sweep (``bordersim sweep --lang zh``) in Chinese: the lines above and
below its tables, the tables' own words (扫描点, 不稳定, 参数) and a key to the metrics and
indices they name by identifier (a wide table keeps its columns narrow); a Latin hypercube's
PRCCs and a Sobol analysis's indices too. Every number is the English table's; the files
written stay English (see :mod:`sim.cli_lang`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def means_title(points: int, reps: int) -> str:
    """The line above the points' means."""
    half = " ± 其 95% t 置信区间的半宽" if reps > 1 else ""
    return f"{points} 个扫描点 × 每点 {reps} 次重复运行；各点为重复运行的均值{half}："


def zh_table(table: pd.DataFrame) -> pd.DataFrame:
    """A sweep's table with its own words in Chinese: the index (扫描点) and the
    ``unstable`` column (不稳定: 是/否); the swept fields and the metrics keep their names."""
    shown = table.rename(columns={"unstable": "不稳定"}).rename_axis("扫描点")
    if "不稳定" in shown.columns:
        shown["不稳定"] = ["是" if bool(v) else "否" for v in shown["不稳定"]]
    return shown


def metric_key(metrics: Sequence[str]) -> str:
    """What each metric column is, in Chinese (its identifier where the glossary has none)."""
    from sim.report.translate import metric_name

    return "指标：" + "；".join(f"{m} = {metric_name(m) or m}" for m in metrics)


UNSTABLE = "不稳定：该扫描点的排队未趋于稳定（警告中写明在何处），其均值不是稳态"
DIFFERENCES = ("与扫描点 0 的差值，按重复运行配对（各点使用相同的随机种子）：均值 [95% 置信区间]，"
               "* 表示经各点间 Holm 多重比较校正后显著：")


def results(out: object, screened: bool, observed: bool = False) -> str:
    """The last line: the results folder and what its files hold (``observed``: with the
    observed figures' ``observed.csv``)."""
    prcc = "prcc.csv：各参数对各指标的 PRCC；" if screened else ""
    prcc += "observed.csv：各扫描点的实测值对比；" if observed else ""
    if Path(str(out), "effects.csv").is_file():
        prcc += "effects.csv：各参数在其他参数每种取值下的配对效应；"
    return (f"结果文件夹：{out}（sweep.csv、summary.csv、intervals.csv：各点的 95% 置信区间；"
            f"differences.csv：各点与扫描点 0 的配对差值；{prcc}warnings.json）")


def prcc_title(points: int) -> str:
    """The line above a Latin hypercube's PRCCs."""
    return (f"各扫描点均值的偏秩相关系数（PRCC，{points} 个扫描点）及其 95% 置信区间"
            "（* 表示经各参数间 Holm 多重比较校正后不为 0）：")


#: a PRCC cell without an interval (too few points), the English ``[no interval]``
NO_INTERVAL = "[无区间]"
PRCC_NAN = "NaN：该指标在各扫描点间没有变化（或扣除其他参数的影响后，该参数没有变化）"


def sobol_title(metric: str, runs: int) -> str:
    """The line above a Sobol analysis's indices: the metric by identifier and in Chinese."""
    from sim.report.translate import metric_name

    named = metric_name(metric)
    said = f"（{named}）" if named else ""
    return f"敏感性分析（Sobol 指数）：{metric}{said}，共 {runs} 次运行："


#: what the columns of the Sobol table are (they keep SALib's names, as sobol.csv)
SOBOL_KEY = ("S1：一阶指数；ST：总效应指数；S1_conf、ST_conf：其 95% 置信区间的半宽（自助法，"
             "不含仿真噪声）；S1_reps、ST_reps：各次重复运行分别计算的指数的均值；S1_noise、"
             "ST_noise：其 95% t 置信区间的半宽（仿真噪声，少于 2 次重复运行时为 NaN）")


def sobol_results(out: object) -> str:
    """The last line of a Sobol analysis: the results folder and what its files hold."""
    return (f"结果文件夹：{out}（sobol.csv：各参数的 Sobol 指数；sobol-replications.csv："
            "各次重复运行分别计算的指数；sobol.png：指数图；sobol.json）")
