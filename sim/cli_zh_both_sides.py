"""``bordersim both-sides --lang zh``: a land crossing timed on both sides of the border in
Chinese (本方口岸, 对方, 全程通关, “一站式”查验), the same figures as the English lines of
:func:`sim.cli_both_sides.run`, in the same format; a port, a partner and a file keep their
names."""

from __future__ import annotations

from sim.cli_lang import columns

#: the figures of :data:`sim.cli_both_sides.LABELS` in Chinese (a test keeps the keys equal)
LABELS = {"port_side_h_mean": "本方口岸一侧，均值（小时）",
          "partner_h_mean": "对方一侧，均值（小时）",
          "crossing_h_mean": "全程通关，均值（小时）",
          "crossing_h_p90": "全程通关，第 90 百分位（小时）",
          "partner_inspections": "对方查验次数"}
#: the width the English pads a label to (``:24s``), in display columns
WIDTH = 30


def title(port: str, partner: str, reps: int) -> str:
    """The first line: the port, the partner and the replications compared."""
    return f"{port} 与 {partner}，{reps} 次重复运行：两侧分别查验（串联）与“一站式”查验对比"


def direction(direction: str, port: str) -> str:
    """A direction's heading: imports bound for the port, exports from it."""
    if direction == "import":
        return f"  进口（运往 {port}）："
    return f"  出口（经 {port} 出境）："


def row(figure: str, numbers: str) -> str:
    """A figure's line: its Chinese label padded to the same columns, then the English line's
    numbers (``separate -> one stop  change +x [low, high]``) with its words in Chinese."""
    label = LABELS[figure]
    pad = WIDTH - columns(label)
    said = numbers.replace(" -> ", " → ").replace("  change ", "  变化 ")
    return f"    {label}{' ' * max(pad, 1)}{said}"


def csv_line(path: object) -> str:
    """Where every replication's figures were written (standard error)."""
    return f"每次重复运行的数据：{path}"


#: where a partner file's mistake is (``FILE: FIELD: VALUE; allowed: ``), before what is allowed
_AT = r"(?P<p>.+?): (?P<field>[\w.]+): (?P<shown>.+); allowed: "
#: what a partner file's field allows (:mod:`sim.analysis.partner_spec`) -> its Chinese
_ALLOWED: tuple[tuple[str, str], ...] = (
    (r"the name of the run's land port whose trucks it controls",
     "本次运行中由其查验货车的陆路口岸的名称"),
    (r"a string", "字符串"),
    (r"a table", "表"),
    (r"true or false", "true 或 false"),
    (r"a table \[(?P<key>\w+)\] with (?P<keys>[\w, ]+)", "表 [{key}]，含字段 {keys}"),
    (r"a value \(every field is required\)", "给出取值（每个字段都必须填写）"),
    (r"two times of day, opening and closing, e\.g\. (?P<eg>\[.*\])",
     "一天中的两个时刻，即开放和关闭时刻，如 {eg}"),
    (r"a closing time after the opening time", "关闭时刻晚于开放时刻"),
    (r"a share from 0 to 1 \(write 5 % as 0\.05\)", "0 至 1 的比例（5% 写作 0.05）"),
    (r"a whole number of at least 1", "不小于 1 的整数"),
    (r"(?P<eg>\{ mean = \"15 min\", cv = 0\.8 \}) \(a lognormal time: its mean and cv, "
     r"cv >= 0\)", "{eg}（对数正态分布的时长：均值和变异系数 cv，cv >= 0）"),
    (r"a coefficient of variation from 0 to 10", "0 至 10 的变异系数"),
    (r"a time above zero", "大于 0 的时长"),
    (r"one of the fields (?P<keys>[\w, ]+)", "以下字段之一：{keys}"),
)
#: a partner file's errors for :data:`sim.cli_zh_errors.MESSAGES` (``missing`` there said 缺失)
ERRORS: tuple[tuple[str, str], ...] = (
    (r"(?P<p>.+): cannot read the partner file: \[Errno \d+\] (?P<oserr>[^:]+)(?:: .*)?",
     "{p}：无法读取对方查验设置文件：{oserr}"),
    (r"(?P<p>.+): cannot read the partner file: .+ \(at line (?P<line>\d+), column "
     r"(?P<col>\d+)\)", "{p}：无法读取对方查验设置文件：第 {line} 行第 {col} 列不符合 TOML 格式"),
    (r"(?P<p>.+): cannot read the partner file: (?P<why>.+)",
     "{p}：无法读取对方查验设置文件：{why}"),
    *((_AT + allowed, "{p}：{field}：{shown}；应为" + zh) for allowed, zh in _ALLOWED),
)
