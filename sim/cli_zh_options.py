"""The Chinese of the main commands' ``--help`` (``run``, ``compare``, ``check``,
``reforms``): each option's help, and a command's own description, keyed by the option (or
``description``) and the first eight hex digits of the SHA-256 of its English help as written
(:func:`digest`). An English help changed since it was translated has no entry, and is then
printed as it is, marked untranslated: never a stale Chinese. A percent sign is written
``%``, as it is read: :func:`option_help` doubles it for argparse, which formats every
option's help with ``%`` (a command's description is not formatted)."""

from __future__ import annotations

import hashlib

from sim import cli_zh_options_more, cli_zh_options_rest
from sim.report.zh_reforms import UNTRANSLATED

#: the commands whose every option has its Chinese (tests hold them to it)
COMMANDS = ("run", "compare", "check", "reforms", *cli_zh_options_more.COMMANDS,
            *cli_zh_options_rest.COMMANDS)
#: (option, digest of its English help) -> its Chinese
_MAIN: dict[tuple[str, str], str] = {
    ("scenario", "8f8bc767"):
        "情景 TOML 文件，或内置情景的名称，如 guangdong（默认：内置的"
        " scenarios/default.toml）",
    ("--reps", "c426e77c"):
        "重复运行次数（默认 5，最多 10,000）",
    ("--seed", "18839dc8"):
        "根随机种子，0 或更大（默认 1）",
    ("--days", "8e8c1800"):
        "观测天数（取代情景中的 days）",
    ("--set", "cc4de6bb"):
        "按点分路径修改情景的任一字段（可重复给出）",
    ("--out", "b3244040"):
        "结果文件夹（默认：新建 results/<情景>-<年月日-时分秒>[-N]"
        "）；再次运行到同一文件夹即从中断处继续",
    ("--log", "f8820166"):
        "另把每次重复运行的逐票货物记录写成 Parquet 文件",
    ("--json", "7bd8c09d"):
        "只在标准输出打印 JSON 汇总 {metric: {mean, ci_lo"
        "w, ci_high}}",
    ("--executor", "41afa595"):
        "重复运行在哪里执行：serial（逐个执行，默认）、processes（本机多进程）"
        "或 Dask",
    ("--workers", "e344b394"):
        "进程数或本机 Dask 工作进程数（默认：CPU 数）",
    ("--dask", "d05aef4c"):
        "在地址为 ADDRESS 的 Dask 调度器上运行（即 --executo"
        "r dask）",
    ("--show", "09932733"):
        "在表中增加这些指标（名称或模式，如 'detection_rate_*'；见"
        " bordersim check 情景 --metrics；compare "
        "也接受只有某个方案的情景才产生的指标）；无论是否列出，所有指标都在结果中",
    ("--only", "4cf9051e"):
        "与 --show 同用：表中只列 --show 指定的指标，不列通常各行（无论是否列出，所有指标都在"
        "结果中）",
    ("--observed", "d15e9a0b"):
        "观测数据 CSV 文件（列：metric,observed[,label]["
        ",source][,observed_low,observed_high]；"
        "metric 为 bordersim check 情景 --metrics "
        "列出的名称；observed_low 和 _high 为该数据自身的 95%"
        " 区间，如另一模型多次运行的区间）：每项与本次运行的均值及 95% 置信"
        "区间并列，注明是否落在区间内，写入 validation.csv 并列于表后；"
        "写“published”：内置情景所依据的公开数据，附来源和年份（default 有）",
    ("--fail-on", "ade882dc"):
        "出现警告（LEVEL 取 warning：作业线超负荷、排队未稳定、运行时间"
        "过短、只有一次重复运行等）或任何提示（LEVEL 取 note）时，以退出状"
        "态 3 结束（所有结果写完之后）；每条均在 warning-records."
        "json 中有代码（LEVEL：never、warning 或 note；默"
        "认 never）",
    ("--precision", "49aabc45"):
        "增加重复运行（至少 10 次，--reps 更大时取 --reps），直至 "
        "--metric 指标 95% 置信区间的半宽不超过 H：时间、成本和计数"
        "为相对值（0.05 即均值的 5%），比例和比率为绝对值",
    ("--metric", "826874bb"):
        "--precision 目标所针对的指标（可重复给出；默认 clearanc"
        "e_h_mean 和 overall_clearance_h_mean）",
    ("--max-reps", "f624587c"):
        "使用 --precision 时重复运行次数的上限（默认 100）",
    ("--lang", "8650891a"):
        "输出的表格、提示和警告所用的语言（en，或 zh：简体中文；默认取环境变量 "
        "BORDERSIM_LANG，未设置时为 en）；--json 的输出和写出"
        "的文件仍为英文",
    ("--check-warmup", "558cd353"):
        "预热期短于 MSER-5 方法的建议值时发出警告（先做试运行，除非 bord"
        "ersim warmup 已为该情景保存了建议值）",
    ("description", "9914b377"):
        "以相同的随机种子运行基准方案（情景不变）和每个方案；给出各方案的指标及其与基"
        "准方案的配对差值、谁受益谁受损，并写出含 report.html 的结果文件"
        "夹。",
    ("--option", "3e27b78c"):
        "一个方案：名称及构成该方案的修改，如 more_scanners:ports"
        ".sea_port.scan.scanners.capacity=4（可重复"
        "给出；名称 A+B 合并方案 A 和 B；名称:@文件 使用单独的情景文件，"
        "其后可加逗号再写修改）",
    ("--reforms", "0a5d2e8e"):
        "以改革库中的改革作为方案，如 --reforms joint_inspect"
        "ion single_window:uptake=0.8 joint_ins"
        "pection+single_window training@60d（见 `"
        "bordersim reforms`）",
    ("--options-file", "2f9b3c45"):
        "以 TOML 文件给出方案：[options.名称]，含 descripti"
        "on、set = {字段 = 取值}；方案为单独的情景文件时写 scenar"
        "io = 文件",
    ("--reps", "bdce037f"):
        "每个方案的重复运行次数（默认 5）",
    ("--precision", "03f3fd73"):
        "增加重复运行（至少 10 次），直至 --metric 指标置信区间的半宽不"
        "超过 H：时间、成本和计数为相对值，比例和比率为绝对值",
    ("--precision-on", "14db3a1a"):
        "--precision 目标针对什么：各方案与基准方案的配对差值（对比据以决"
        "策的效应）、各方案自身的水平，或两者（默认 both，即两者）",
    ("--out", "d25378f3"):
        "结果文件夹（默认：新建 results/compare-<情景>-<时间>）"
        "；再次运行到同一文件夹即从中断处继续",
    ("--no-report", "80b03773"):
        "不写 report.html",
    ("--no-gains", "5bbb623b"):
        "不保留逐票货物记录，不分析谁受益、谁受损：运行时间再长，内存占用也不增加（对"
        "比时会保留每次重复运行中各方案的记录：默认情景 56 天约需 1 GB，不保"
        "留时约 0.3 GB）",
    ("--by-port", "e1db9f72"):
        "另打印各口岸的进口和出口通关时间：基准方案的水平，以及各方案的变化及其 95% 置信区间"
        "（一张简表），其上的对比表只列主要指标（--all：通常的整张表）",
    ("--all", "d1786752"):
        "与 --by-port 同用：在各口岸表之上打印通常的整张对比表（不加时，--by-port 只先列主要"
        "指标，进口与出口分列，并说明其余指标在哪里）",
    ("--declarations-a-year", "70db87ab"):
        "贵企业每年在所看口岸的报关单票数，进出口共用一个票数（1200）或进口和出口分开给出"
        "（import=800,export=400），与 aeo_mutual_recognition 方案同用（贵企业已获"
        "认证时，与 aeo_lapse 方案同用：失去认证会使贵企业多付多少）：打印获得认证企业每年的节省、"
        "与认证成本相抵的结果和收回成本所需的月数，并写出 aeo-payback.csv",
    ("--certification-once", "10c0bfd4"):
        "取得认证的一次性成本（审核、咨询、信息系统），以情景的货币和价格年份计；无默认值："
        "请输入贵企业自己的数字",
    ("--certification-a-year", "6a5cae2f"):
        "维持认证的每年成本（合规人员的时间、审核、信息系统），货币同上；无默认值：请输入贵企"
        "业自己的数字",
    ("--payback-port", "804658fd"):
        "与 --declarations-a-year 同用：只保留该口岸的行（打印的和 aeo-payback.csv 中的）",
    ("--payback-direction", "abc6ed52"):
        "与 --declarations-a-year 同用：只保留该方向（进口或出口）的行（打印的和 "
        "aeo-payback.csv 中的）",
    ("--json", "07e13df4"):
        "只打印 JSON：{\"options\": {方案: {指标: {mean, "
        "ci_low, ci_high}}}, \"differences\": {.."
        ".}}",
    ("file", "c872c171"):
        "情景 TOML 文件，或内置情景的名称（默认：内置的 scenarios/d"
        "efault.toml）",
    ("--metrics", "b5c795e5"):
        "改为打印该情景运行产生的每个指标名称（即 --metric 可取的名称），每"
        "行一个；NAME<...> 表示随运行情况而定的名称",
    ("--explain", "8556436f"):
        "改为打印每个指标名称（--metrics 列出的全部名称，或所给的名称：名称"
        "或模式，如 'burden_share_*'，与 --show 相同）及其单"
        "位和含义，以制表符分隔（docs/metrics.md 列出全部指标）",
    ("--arrivals", "fa522adb"):
        "改为打印各口岸到达率折合的数量：每小时、每天、每月的报关单数，以及一周中最繁"
        "忙一小时的报关单数，每个流向一行",
    ("--roster", "c5d91748"):
        "改为按班次打印各作业线的在岗人数（窗口数）、每周的在岗人时，以及（有 [co"
        "sts] 时）每周的人员工时和人员成本，每条作业线一行",
    ("--changes", "274c0fd3"):
        "改为打印该文件（及其 --set）相对于所继承情景修改的每个字段（解析后的值"
        "）：字段、上级情景的值、本文件的值、设置该值的文件；以制表符分隔，首行为表头"
        "；增加或删除的口岸各占一行",
    ("--sources", "15dec5c2"):
        "改为打印每个数值的来源（按文件中的注释）：字段、取值、来源或假设（--set"
        " 给出的为“命令行”）、注释、文件；以制表符分隔，每行一个；只列出所给各 F"
        "IELD 之下的字段（如 smuggling、enforcement.pre"
        "valence）",
    ("description", "34292ac1"):
        "不给 NAME 时，以简表列出每项改革，每项一行：改变什么、所依据的《贸易便利化协定》"
        "条款或种子论文、成本是否已知（--long：每项改革的完整作用机制）。给出 NAME（如 singl"
        "e_window、single_window:uptake=0.8、join"
        "t_inspection+training、joint_inspection"
        "@60d）时，显示其作用机制、强度、来源，以及它在情景 SCENARIO 上"
        "所做的字段修改。",
    ("name", "8f3e6044"):
        "一项改革或改革组合",
    ("--on", "23c55efc"):
        "不给 NAME 时：说明每项改革在情景 SCENARIO 上的作用（起作用、"
        "已经生效、部分起作用、不改变任何内容，或无法使用），以便挑选在该情景上起作用"
        "的改革",
    ("--tfa", "1a644320"):
        "不给 NAME 时：按各项改革落实的世贸组织《贸易便利化协定》（WT/L/9"
        "40）措施列出改革，每项附一行理由，并列出不落实任何措施的改革（本项目的解读"
        "，见 docs/tfa.md）",
    ("--long", "c4c04d4a"):
        "不给 NAME 时：列出每项改革及其完整的作用机制（折行显示），而不是一行一项的简表",
    ("scenario", "ae1c08f2"):
        "情景 TOML 文件（默认：内置的 scenarios/default.to"
        "ml）",
}

HELPS = {**_MAIN, **cli_zh_options_more.HELPS, **cli_zh_options_rest.HELPS}


def digest(english: str) -> str:
    """The first eight hex digits of the SHA-256 of ``english``."""
    return hashlib.sha256(english.encode()).hexdigest()[:8]


def option_help(key: str, english: str) -> str:
    """The Chinese of option ``key``'s help ``english`` (``description``: a command's own),
    or the English marked untranslated when there is none for that English."""
    zh = HELPS.get((key, digest(english)))
    if zh is None:
        return UNTRANSLATED + english
    return zh if key == "description" else zh.replace("%", "%%")
