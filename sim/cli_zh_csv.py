"""The errors of a CSV's content, in Chinese: a vessel schedule's (``arrivals.schedule``,
:mod:`sim.scenario.schedule`: a missing or doubled column, a short row, an empty cell, a
number not as a CSV writes one, hours out of order, a call of no declarations, an empty
file, calls after arrivals stop or all in the warm-up), an empirical distribution's
observations once read (:mod:`sim.scenario.distributions`: a negative or too large value,
no unit for durations) and the observed figures of ``--observed``
(:mod:`sim.experiment.validation`: a column unknown, missing or twice, a value not a
number, a share above 1, a count below 0, an interval not around its figure). The file,
row, column name, bad value and limits are kept as written; a port agent's terms (船期表,
靠泊, 行, 列). Read by :mod:`sim.cli_zh_errors` (the reading of a file is
:mod:`sim.cli_zh_files`', a CSV of observations :mod:`sim.cli_zh_fit`'s)"""

from __future__ import annotations

_F = r"(?P<f>'[^']*'|\"[^\"]*\")"  # (a file, as repr writes its path)
#: where a call is: a CSV's row, or an inline schedule's call (said by :func:`said`)
_WHERE = rf"(?:schedule csv {_F} row (?P<line>\d+)|call (?P<call>\d+))"
#: the schedule as a whole: a CSV, or an inline schedule (said by :func:`said`)
_WHAT = rf"(?:schedule csv {_F}|(?P<inline>the schedule))"
#: what a column allows (said by :func:`said`)
_ALLOWED = (r"(?P<allowed>hours from the run's start \(the warm-up's first day, 00:00\), a "
            r"number 0 or more|a whole number of declarations, 1 to (?P<most>[\d,]+))")
#: when arrivals stop, as :func:`sim.scenario.schedule.check_schedules` says it
_RUN = (r"arrivals stop at hour (?P<stop>\S+) \((?P<w>\S+) days of warm-up, then (?P<d>\S+) "
        r"observed days; hours count from the warm-up's first day\)")
_RUN_ZH = "到港在第 {stop} 小时截止（预热期 {w} 天，之后观测 {d} 天；小时数从预热期第一天算起）"

#: an English reason (the whole of it) -> its Chinese; groups kept as written, but for
#: those :func:`said` puts in Chinese (where, what, allowed, a CSV reader's reason, inner)
ERRORS: tuple[tuple[str, str], ...] = (
    # the vessel schedule's CSV (sim.scenario.schedule.read_schedule)
    (rf"schedule csv {_F} is empty; its first row names the columns (?P<cols>\S+)",
     "船期表 CSV 文件 {f} 是空文件；其首行应写列名 {cols}"),
    (rf"schedule csv {_F} cannot be read as CSV: (?P<e>.+)",
     "船期表 CSV 文件 {f} 无法按 CSV 读取：{e}"),
    (rf"schedule csv {_F}: the first row does not name the column (?P<col>'[^']*'); it "
     r"needs the columns (?P<cols>[\w, ]+) once each \(others are left alone\)",
     "船期表 CSV 文件 {f}：首行没有 {col} 列；首行须有 {cols} 列，"
     "各一次（其他列不读取）"),
    (rf"schedule csv {_F}: the first row names (?P<n>\d+) times the column (?P<col>'[^']*'); "
     r"it needs the columns (?P<cols>[\w, ]+) once each \(others are left alone\)",
     "船期表 CSV 文件 {f}：首行有 {n} 列都名为 {col}；首行须有 {cols} 列，"
     "各一次（其他列不读取）"),
    (rf"schedule csv {_F} row (?P<line>\d+): (?P<n>\d+) cell\(s\), but the first row names "
     r"(?P<m>\d+) columns; every row needs one cell per column",
     "船期表 CSV 文件 {f} 第 {line} 行：该行有 {n} 个单元格，而首行有 {m} 列；"
     "每行每列须各有一个单元格"),
    # a call's cells (sim.scenario.schedule: _number, check_calls), a CSV's or inline
    (rf"{_WHERE}, column (?P<col>'[^']*'): an empty cell; {_ALLOWED}",
     "{where}，{col} 列：空单元格；{allowed}"),
    (rf"{_WHERE}, column (?P<col>'[^']*'): (?P<v>'.*'), not a number; {_ALLOWED}",
     "{where}，{col} 列：{v} 不是数字；{allowed}"),
    (rf"{_WHERE}, column (?P<col>'[^']*'): a cell not shown \(long or unusual\), not a "
     rf"number; {_ALLOWED}",
     "{where}，{col} 列：单元格不是数字（内容过长或含特殊字符，"
     "未显示）；{allowed}"),
    (rf"{_WHERE}, column (?P<col>'[^']*'): (?P<v>\S+) is not allowed; {_ALLOWED}",
     "{where}，{col} 列：不允许 {v}；{allowed}"),
    (rf"{_WHERE}, column (?P<col>'[^']*'): (?P<t>\S+) comes before the previous call's "
     r"(?P<prev>\S+); list the calls in order of arrival \(calls at the same hour are "
     r"allowed\)",
     "{where}，{col} 列：{t} 早于上一次靠泊的 {prev}；请按船舶"
     "到港先后排列各次靠泊（同一小时的靠泊可以并列）"),
    (rf"{_WHAT} has more than (?P<most>[\d,]+) calls", "{what}超过 {most} 次靠泊"),
    (rf"{_WHAT} has no call; give at least one", "{what}没有任何靠泊；请至少给出一次"),
    # the schedule as a field (sim.scenario.schedule.Schedule, check_filled, check_schedules)
    (r"a schedule read from csv takes nothing else; got (?P<got>\[.*\])",
     "从 CSV 读取的船期表不能再写其他字段；实际还写了 {got}"),
    (r"hours has (?P<n>\d+) calls, declarations (?P<m>\d+): give one of each per call",
     "hours 有 {n} 次靠泊，declarations 有 {m} 个：每次靠泊须各给一个"),
    (r"extra adds random calls, and a schedule fixes them: put the added calls in the "
     r"schedule, or set extra = 0",
     "extra 会增加随机到港的船舶，而船期表已固定每次靠泊：请把增加的"
     "靠泊写进船期表，或设置 extra = 0"),
    (r"exports arrive by truck, one declaration at a time: a schedule lists the vessel or "
     r"train calls of imports; delete it here",
     "出口货物由货车逐票到达：船期表列出的是进口船舶或列车的靠泊；"
     "请删除此处的船期表"),
    (r"a schedule lists vessel or train calls: give arrivals\.batch \(its discharge_rate "
     r"unloads each call\) too",
     "船期表列出的是船舶或列车的靠泊：请同时给出 arrivals.batch"
     "（其 discharge_rate 决定每次靠泊的卸货速度）"),
    (rf"(?P<n>\d+) call\(s\), from call (?P<i>\d+) at hour (?P<h>\S+), come after {_RUN}: "
     r"lengthen days, or leave those calls out of the schedule",
     "{n} 次靠泊（从第 {i} 次、第 {h} 小时起）在到港截止之后，" + _RUN_ZH +
     "：请延长 days，或从船期表中删去这些靠泊"),
    (rf"every call comes in the warm-up \(the last at hour (?P<h>\S+)\), and {_RUN}: no call "
     r"would be observed; count hours from the warm-up's first day",
     "所有靠泊都在预热期内（最后一次在第 {h} 小时），而" + _RUN_ZH +
     "：观测期内没有任何靠泊；小时数应从预热期第一天算起"),
    # the observed figures of --observed (sim.experiment.validation.read_observed)
    (rf"observed figures {_F} is empty; its first row names the columns \((?P<cols>[\w, ]+); "
     r"metric and observed required\)",
     "观测数据文件 {f} 是空文件；其首行应写列名（{cols}；metric 和 observed 必填）"),
    (rf"observed figures {_F} has a header but no figure", "观测数据文件 {f} 只有表头，没有数据"),
    (rf"observed figures {_F}: not CSV \((?P<e>.+)\)", "观测数据文件 {f}：不是 CSV（{e}）"),
    (rf"{_F} line (?P<line>\d+) \(the header\): unknown column (?P<col>'[^']*'); allowed: "
     r"(?P<cols>[\w, ]+)", "{f} 第 {line} 行（表头）：未知的列 {col}；可用的列：{cols}"),
    (rf"{_F} line (?P<line>\d+) \(the header\): column (?P<col>'[^']*') is required",
     "{f} 第 {line} 行（表头）：缺少必填的 {col} 列"),
    (rf"{_F} line (?P<line>\d+) \(the header\): column (?P<col>'[^']*') is named twice",
     "{f} 第 {line} 行（表头）：{col} 列出现了两次"),
    (rf"{_F} line (?P<line>\d+): the row has (?P<n>\d+) cell\(s\), but the header has "
     r"(?P<m>\d+) \((?P<cols>[^)]*)\); every row needs one cell per column",
     "{f} 第 {line} 行：该行有 {n} 个单元格，而表头有 {m} 列（{cols}）；"
     "每行每列须各有一个单元格"),
    (rf"{_F} line (?P<line>\d+), column 'metric': (?P<m>'.*') is given twice \(also line "
     r"(?P<k>\d+)\); give each metric one observed value",
     "{f} 第 {line} 行，'metric' 列：{m} 给出了两次（第 {k} 行也有）；"
     "每个指标只给一个观测值"),
    (rf"{_F} line (?P<line>\d+), column 'metric': (?P<inner>metric '.*' is not a metric of "
     r"scenario .+)", "{f} 第 {line} 行，'metric' 列：{inner}"),
    (rf"{_F} line (?P<line>\d+), column 'metric': empty; name a metric of the run",
     "{f} 第 {line} 行，'metric' 列：为空；请写出运行所产生的一个指标名"),
    (rf"{_F} line (?P<line>\d+), column 'observed': (?P<v>'.*') is not a number \(digits, a "
     r"'\.', an exponent\)(?P<share>; write a share as a fraction \(6 % is 0\.06\))?",
     "{f} 第 {line} 行，'observed' 列：{v} 不是数字（只用数字、'.' 和指数）{share}"),
    (rf"{_F} line (?P<line>\d+), column 'observed': (?P<m>\S+) is a share, from 0 to 1; got "
     r"(?P<got>\S+)(?: \(write (?P<pct>\S+) % as (?P<frac>\S+)\))?",
     "{f} 第 {line} 行，'observed' 列：{m} 是比例，取 0 至 1；实际为 {got}{pct}"),
    (rf"{_F} line (?P<line>\d+), column 'observed': (?P<m>\S+) is a (?P<kind>time|count), 0 "
     r"or more; got (?P<got>\S+)",
     "{f} 第 {line} 行，'observed' 列：{m} 是{kind}，应为 0 或更大；实际为 {got}"),
    (rf"{_F} line (?P<line>\d+), column (?P<col>'[^']*'): (?:(?P<empty>empty)|(?P<v>'.*') is "
     r"not a number); give both ends of the observed figure's 95 % interval, or neither",
     "{f} 第 {line} 行，{col} 列：{v}{empty}；请给出观测值 95% 区间的两端，或都不给"),
    (rf"{_F} line (?P<line>\d+), columns 'observed_low', 'observed_high': (?P<iv>\[.*\]) "
     r"does not hold the observed (?P<x>\S+); the interval is around the figure",
     "{f} 第 {line} 行，'observed_low'、'observed_high' 列：{iv} 不包含观测值 {x}；"
     "区间应包含该观测值"),
    (rf"{_F} line (?P<line>\d+), column 'observed_low' or 'observed_high': (?P<m>\S+) is a "
     r"(?P<kind>share|time|count); (?P<iv>\[.*\]) goes beyond what it can be",
     "{f} 第 {line} 行，'observed_low' 或 'observed_high' 列：{m} 是{kind}；"
     "{iv} 超出其可取的范围"),
    # an empirical distribution's observations (sim.scenario.distributions)
    (r"empirical needs exactly one of 'values' or 'csv'",
     "经验分布（empirical）须给出 'values' 或 'csv' 其中之一，且只能给一个"),
    (r"empirical needs at least one value", "经验分布（empirical）至少需要一个值"),
    (r"empirical has (?P<n>[\d,]+) values; at most (?P<most>[\d,]+)",
     "经验分布（empirical）有 {n} 个值；最多 {most} 个"),
    (r"empirical: at most (?P<most>[\d,]+) values", "经验分布（empirical）：最多 {most} 个值"),
    (r"empirical value (?P<i>\d+) is (?P<v>.+?); each must be finite, >= 0 and <= "
     r"(?P<cap>\S+(?: h)?)",
     "经验分布（empirical）的第 {i} 个值为 {v}；每个值须为有限数，"
     "≥ 0 且 ≤ {cap}"),
    (r"'unit' is only for durations", "'unit'（单位）只用于时长"),
    (r"an empirical csv of durations needs 'unit', e\.g\. unit = 'min'",
     "时长的经验分布 CSV 需要 'unit'（单位），如 unit = 'min'"),
    (r"empirical values with a unit are plain numbers: (?P<inner>.+)",
     "带单位的经验分布值应为纯数字：{inner}"),
)

_HOURS = "应为自运行开始（预热期第一天 00:00）起的小时数，0 或更大"


def said(words: dict[str, str]) -> dict[str, str]:
    """The groups of a matched CSV error in Chinese where they are words, not names: where a
    call is (a CSV's row, an inline call), the schedule as a whole, what a column allows, a
    CSV reader's reason, an inner reason."""
    from sim.cli_zh_errors import reason
    from sim.cli_zh_fit import said as fit_said

    out = {k: v or "" for k, v in words.items()}
    if out.get("line") or out.get("call"):
        out["where"] = (f"船期表 CSV 文件 {out['f']} 第 {out['line']} 行" if out["line"]
                        else f"船期表第 {out['call']} 次靠泊")
    if "inline" in out:
        out["what"] = "船期表" if out["inline"] else f"船期表 CSV 文件 {out['f']} "
    if out.get("allowed"):
        out["allowed"] = (f"应为 1 至 {out['most']} 的整数（报关单数）" if out["most"]
                          else _HOURS)
    if out.get("kind"):
        out["kind"] = {"share": "比例", "time": "时间", "count": "计数"}[out["kind"]]
    if "share" in out:
        out["share"] = "；比例请写成小数（6% 即 0.06）" if out["share"] else ""
    if "pct" in out:
        out["pct"] = f"（{out['pct']}% 应写作 {out['frac']}）" if out["pct"] else ""
    if "empty" in out:
        out["empty"] = "为空" if out["empty"] else " 不是数字"
    if out.get("e"):
        out["e"] = fit_said({"e": out["e"]})["e"]
    if out.get("inner"):
        out["inner"] = reason(out["inner"]) or out["inner"]
    return out
