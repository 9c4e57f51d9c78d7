"""The error lines a workshop participant meets in Chinese (``--lang zh`` or
``BORDERSIM_LANG=zh``): a field mistyped, a value without its unit or out of range, a
scenario or reform that does not exist. The line is ``错误：`` then, for a scenario's problem,
where it is (``命令行`` for ``--set``, else the file) and the field path and value as given,
then the reason in Chinese. A reason this table does not know is printed in English, marked
untranslated (as a note no code knows): never guessed. Terms are those of
:mod:`sim.report.zh_glossary` (情景, 口岸, 改革, 字段)."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Sequence

from sim.cli_zh_aeo_payback import ERRORS as PAYBACK_ERRORS
from sim.cli_zh_aeo_payback import errors_said as payback_said
from sim.cli_zh_animate import ERRORS as ANIMATE_ERRORS
from sim.cli_zh_animate import said as animate_said
from sim.cli_zh_appraise import ERRORS as APPRAISE_ERRORS
from sim.cli_zh_appraise import errors_said as appraise_said
from sim.cli_zh_both_sides import ERRORS as PARTNER_ERRORS
from sim.cli_zh_calls import ERRORS as CALL_ERRORS
from sim.cli_zh_calls import said as calls_said
from sim.cli_zh_cluster import ERRORS as CLUSTER_ERRORS
from sim.cli_zh_cluster import said as cluster_said
from sim.cli_zh_csv import ERRORS as CSV_ERRORS
from sim.cli_zh_csv import said as csv_said
from sim.cli_zh_dists import ERRORS as DIST_ERRORS
from sim.cli_zh_dists import said as dists_said
from sim.cli_zh_files import ERRORS as FILE_ERRORS
from sim.cli_zh_files import said as files_said
from sim.cli_zh_fit import ERRORS as FIT_ERRORS
from sim.cli_zh_fit import said as fit_said
from sim.cli_zh_folder import ERRORS as FOLDER_ERRORS
from sim.cli_zh_folder import said as folder_said
from sim.cli_zh_operating_curve import ERRORS as CURVE_ERRORS
from sim.cli_zh_page import ERRORS as PAGE_ERRORS
from sim.cli_zh_page import said as page_said
from sim.cli_zh_reform_errors import DATED_REFORMS, REFORM_STRENGTHS, SWEEP_KEYS
from sim.cli_zh_remedy import ERRORS as REMEDY_ERRORS
from sim.cli_zh_remedy import said as remedy_said
from sim.cli_zh_reproduce import ERRORS as REPRODUCE_ERRORS
from sim.cli_zh_reproduce import said as reproduce_said
from sim.cli_zh_store import ERRORS as STORE_ERRORS
from sim.cli_zh_store import said as store_said
from sim.cli_zh_tree import ERRORS as TREE_ERRORS
from sim.cli_zh_tree import head as tree_head
from sim.cli_zh_tree import said as tree_said
from sim.cli_zh_units import ERRORS as UNIT_ERRORS
from sim.cli_zh_units import said as units_said
from sim.cli_zh_windows import ERRORS as WINDOW_ERRORS
from sim.report.zh_glossary import MODES
from sim.report.zh_metrics import absent_layer
from sim.report.zh_reasons import MISSING_SECTION, PREVALENCE_ROOM
from sim.report.zh_reforms import UNTRANSLATED

#: an English reason (the whole of it) -> its Chinese; named groups are kept as written
MESSAGES: tuple[tuple[str, str], ...] = (
    (r"unknown key (?P<key>'[^']*'); did you mean (?P<near>'[^']*')\? Allowed here: "
     r"(?P<allowed>[\w, ]+)", "未知字段 {key}；是否应为 {near}？此处可用的字段：{allowed}"),
    (r"unknown key (?P<key>'[^']*'); Allowed here: (?P<allowed>[\w, ]+)",
     "未知字段 {key}；此处可用的字段：{allowed}"),
    (r"unknown key (?P<key>'[^']*')", "未知字段 {key}"),
    (r"a port's name names its metrics and files, so it may have at most (?P<n>\d+) "
     r"characters; this one has (?P<got>[\d,]+)",
     "口岸名称会写入其指标名和文件名，因此最多 {n} 个字符；此名称有 {got} 个字符"),
    (r"a port's name names its metrics and files, so it may use only letters a-z and A-Z, "
     r"digits, _ and -; (?P<bad>.+) (?:is|are) not allowed",
     "口岸名称会写入其指标名和文件名，因此只能使用字母 a-z 和 A-Z、数字、_ 和 -；不允许使用 {bad}"),
    (r"unknown port (?P<key>'[^']*'); did you mean (?P<near>'[^']*')\? The scenario's ports "
     r"are (?P<allowed>[\w, ]+) \(a new port cannot be created by setting one of its fields: "
     r"add (?P<table>\[[^\]]+\]) in a scenario file\)",
     "未知口岸 {key}；是否应为 {near}？情景中的口岸为 {allowed}（设置某个字段不能新建口岸："
     "请在情景文件中添加 {table}）"),
    (r"unknown port (?P<key>'[^']*'); the scenario's ports are (?P<allowed>[\w, ]+) \(a new "
     r"port cannot be created by setting one of its fields: add (?P<table>\[[^\]]+\]) in a "
     r"scenario file\)",
     "未知口岸 {key}；情景中的口岸为 {allowed}（设置某个字段不能新建口岸：请在情景文件中添加 "
     "{table}）"),
    (r"an approach is a land crossing's, and this port's mode is (?P<mode>'[^']*'); allowed: "
     r"only at a port with mode = 'land'",
     "入境前排队区（`approach`）只适用于陆路口岸，此口岸的 `mode` 为 {mode}；"
     "只可用于 `mode = 'land'` 的口岸"),
    (r"a whole number of servers from 0 to (?P<most>[\d,]+), or \"unlimited\"",
     "应为 0 至 {most} 的整数（在岗人数或窗口数），或 \"unlimited\"（不限）"),
    (r"(?:(?P<dist>\w+) mean: )?a duration needs a unit, written as a string such as "
     r"'15 min' or '2 h' \(units: s, min, h, d, w\); got (?P<got>.+)",
     "{dist}时长需要单位，应写成带引号的字符串，如 '15 min' 或 '2 h'（单位：s、min、h、d、w）；"
     "实际为 {got}"),
    (r"(?:(?P<dist>\w+) mean: )?a duration must be finite and >= 0; got (?P<got>.+)",
     "{dist}时长应为不小于 0 的有限值；实际为 {got}"),
    (r"a rate needs a unit, written as a string such as '20/h' or '1500/d' \(per s, min, h, "
     r"d, w\); got (?P<got>.+)",
     "速率需要单位，应写成带引号的字符串，如 '20/h' 或 '1500/d'（每 s、min、h、d、w）；"
     "实际为 {got}"),
    (r"out of range: input should be greater than or equal to (?P<n>\S+)",
     "超出范围：应大于或等于 {n}"),
    (r"out of range: input should be less than or equal to (?P<n>\S+)",
     "超出范围：应小于或等于 {n}"),
    (r"out of range: input should be less than or equal to 1; a share is from 0 to 1: write "
     r"(?P<pct>\S+) % as (?P<share>\S+)",
     "超出范围：比例取 0 至 1：{pct}% 应写作 {share}"),
    (r"out of range: input should be greater than (?P<n>\S+)", "超出范围：应大于 {n}"),
    (r"required, but missing", "必填字段缺失"),
    (r"(?P<where>[\w.*-]+): unknown check (?P<key>'[^']*'); allowed: (?P<allowed>[\w, ]+)",
     "{where}：未知查验类别 {key}；可取：{allowed}"),
    (r"(?P<where>[\w.*-]+): unknown commodity (?P<key>'[^']*'); allowed: (?P<allowed>[\w*, "
     r"-]+)", "{where}：未知商品类别 {key}；可取：{allowed}"),
    (r"(?P<where>[\w.*-]+): unknown origin (?P<key>'[^']*'); allowed: (?P<allowed>[\w*, "
     r"-]+)", "{where}：未知来源地 {key}；可取：{allowed}"),
    (r"(?P<where>selection\.orders\.\d+\.ports): unknown port (?P<key>'[^']*'); allowed: "
     r"(?P<allowed>[\w*, -]+)", "{where}：未知口岸 {key}；可取：{allowed}"),
    (r"(?P<where>selection\.orders\.\d+\.sample): (?P<v>\S+) sends samples to a laboratory "
     r"and port (?P<port>'[^']*') has none; allowed: 0 there, or give (?P<field>[\w.]+)",
     "{where}：{v} 要求送实验室检测样品，但口岸 {port} 没有实验室；"
     "可取：该口岸取 0，或设置 {field}"),
    (r"(?P<where>[\w.*-]+): unknown trader class (?P<key>'[^']*'); allowed: "
     r"(?P<allowed>[\w*, ]+)", "{where}：未知企业信用类别 {key}；可取：{allowed}"),
    (r"unknown trader class (?P<key>'[^']*'); allowed: (?P<allowed>[\w*, ]+)",
     "未知企业信用类别 {key}；可取：{allowed}"),
    (r"unknown illicit type (?P<key>'[^']*'); allowed: (?P<allowed>[\w, ]+)",
     "未知违规类型 {key}；可取：{allowed}"),
    (r"illicit type (?P<key>'[^']*') named twice; name each once",
     "违规类型 {key} 重复列出；每种只列一次"),
    (r"(?P<where>[\w.-]+): export selection tables are not read by the risk engine \(its "
     r"prior and mix of checks come from direction-less tables\); remove them, or set "
     r"risk\.enabled = false so that the tables decide",
     "{where}：风险布控引擎不读取出口布控表（其先验概率和查验方式组合取自不分进出口的布控表）；"
     "请删除出口布控表，或设置 risk.enabled = false，由布控表决定"),
    (r"ports\.(?P<port>\w+): (?:the (?P<export>export) selection of (?P<check>\w+)|"
     r"selection\.(?P<check2>\w+)) sends (?P<com>'[^']*') goods of (?P<cls>'[^']*') traders "
     r"there with probability (?P<p>\S+), but the port has no (?P<table>\[[^\]]+\]) \(add the "
     r"section, or set the selection to 0\)",
     "ports.{port}：{export}布控表 {check}{check2} 以概率 {p} 选中 {cls} 企业的 {com} 货物，"
     "但该口岸没有 {table}（请添加该部分，或将布控概率设为 0）"),
    (r"unknown distribution; allowed 'dist' values: (?P<allowed>[\w, ]+); for another "
     r"shape draw a sample of it into a CSV and give (?P<form>\{[^}]+\}) \((?P<page>\S+)\)",
     "未知分布；'dist' 可取：{allowed}；其他形状的分布请把样本写入 CSV 文件，并写成 {form}"
     "（见 {page}）"),
    (r"(?P<folder>.+) does not exist, not a results folder: give the folder bordersim run, "
     r"compare or sweep wrote \(its --out\)",
     "{folder} 不存在，不是结果文件夹：请给出 bordersim run、compare 或 sweep 写出的文件夹"
     "（其 --out）"),
    (r"(?P<folder>.+) is not a bordersim results folder: it has neither meta\.json \(bordersim "
     r"run, sweep\) nor compare\.json \(bordersim compare\)",
     "{folder} 不是 bordersim 结果文件夹：其中既没有 meta.json（bordersim run、sweep 写出），"
     "也没有 compare.json（bordersim compare 写出）"),
    (r"(?P<views>--\w+(?: and --\w+)+) are different views: give one",
     "{views} 是不同的视图：只能给出一个"),
    (r"(?P<folder>.+) is a sweep's folder: give a run's or a comparison's \(a sweep keeps no "
     r"queue samples\)", "{folder} 是参数扫描（sweep）的结果文件夹：请给出 run 或 compare 的结果"
     "文件夹（扫描不保存排队采样）"),
    (r"--port (?P<port>'[^']*'): no such port in (?P<folder>.+); its ports: (?P<ports>.+)",
     "--port {port}：{folder} 中没有该口岸；其口岸为：{ports}"),
    (r"--recovery is a view of its own: give it without --week, --day or --peak",
     "--recovery 是单独的视图：请不要同时给出 --week、--day 或 --peak"),
    (r"--recovery needs a comparison's folder with a baseline and an option \((?P<form>[^)]+)"
     r"\); (?P<folder>.+) has no baseline to set the queues against",
     "--recovery 需要一个含基准方案和至少一个方案的对比结果文件夹（{form}）；{folder} 中没有可供"
     "对照排队的基准方案"),
    (r"a table", "此处应为一个表（TOML 表），不能是单个值"),
    (r"a table with the keys (?P<keys>[\w, ]+)",
     "此处应为一个表（TOML 表），不能是单个值；其字段为 {keys}"),
    (r"expected a valid number; got str (?P<got>.+)", "应为数字，不能是字符串；实际为 {got}"),
    (r"expected a valid number, not (?P<got>true|false)", "应为数字，不能是布尔值 {got}"),
    (r"expected a whole number, not (?P<got>true|false)", "应为整数，不能是布尔值 {got}"),
    (r"expected a finite number; got (?P<got>\S+)", "应为有限的数字；实际为 {got}"),
    (r"scenario file not found: (?P<file>\S+) \(the bundled scenarios, which their name "
     r"alone gives: (?P<names>[\w, -]+)\)",
     "找不到情景文件：{file}（只写名称即可使用的内置情景：{names}）"),
    (r"scenario file not found: (?P<file>\S+) \(the bundled scenarios, which their name "
     r"alone gives: (?P<names>[\w, -]+)\); did you mean (?P<near>\S+)\?",
     "找不到情景文件：{file}（只写名称即可使用的内置情景：{names}）；是否应为 {near}？"),
    (r"scenario file not found: (?P<file>\S+) \(the bundled scenarios, which their name "
     r"alone gives: (?P<names>[\w, -]+)\); (?P<reform>\w+) is a reform of the library, not a "
     r"scenario: compare it with --reforms (?P=reform) \(bordersim reforms (?P=reform) gives "
     r"its strengths\)",
     "找不到情景文件：{file}（只写名称即可使用的内置情景：{names}）；{reform} 是改革库中的改革，"
     "不是情景：请用 --reforms {reform} 进行比较（bordersim reforms {reform} 给出其强度参数）"),
    (r"unknown reform (?P<name>'[^']*'); see `bordersim reforms` for the list",
     "未知改革 {name}；改革列表见 `bordersim reforms`"),
    (r"unknown reform (?P<name>'[^']*') \(did you mean (?P<near>'[^']*')\?\); see "
     r"`bordersim reforms` for the list",
     "未知改革 {name}（是否应为 {near}？）；改革列表见 `bordersim reforms`"),
    # a metric name misspelt (sim.experiment.metric_names.unknown_message), line by line
    (r"(?P<flag>--[\w-]+|metric) (?P<name>'[^']*') is not a metric of scenario "
     r"(?P<scenario>'[^']*')(?:; did you mean (?P<alts>.+?)\?)?(?:: it is one of the "
     r"(?P<layer>[a-z ]+) metrics, and runs of this scenario yield none of them \(they need "
     r"(?P<wants>.+)\))?",
     "{flag} {name} 不是情景 {scenario} 的指标{alts}{layer}"),
    (r"(?P<flag>--[\w-]+) (?P<pattern>'[^']*') matches no metric of scenario "
     r"(?P<scenario>'[^']*')(?:; did you mean (?P<alts>'[^']*')\? it matches (?P<matching>[\d,]+) "
     r"metrics)?; all (?P<n>[\d,]+) names: bordersim check (?P<where>.+) --metrics",
     "{flag} {pattern} 没有匹配情景 {scenario} 的任何指标{alts}{matching}；全部 {n} 个指标名："
     "bordersim check {where} --metrics"),
    (r"  metrics include (?P<names>.+), \.\.\.", "  指标包括 {names} 等"),
    (r"  by port, direction, class and lane: (?P<names>.+), \.\.\.",
     "  按口岸、方向、信用类别和作业线细分：{names} 等"),
    (r"  where <port> is one of (?P<ports>.+?); <direction>: (?P<dirs>.+?); <class>: "
     r"(?P<classes>.+)", "  其中 <port> 为 {ports} 之一；<direction>：{dirs}；<class>：{classes}"),
    (r"  all (?P<n>[\d,]+) names: bordersim check (?P<where>.+) --metrics",
     "  全部 {n} 个指标名：bordersim check {where} --metrics"),
    *MISSING_SECTION,  # (a reform that changes a section the scenario lacks)
    *PREVALENCE_ROOM,  # (a reform whose raised prevalence leaves shares above 1)
    *REFORM_STRENGTHS,  # (a strength of the wrong kind, out of range or naming no such thing)
    *DATED_REFORMS,  # (a dated reform that cannot take effect at its time)
    *SWEEP_KEYS,  # (a sweep key naming no reform's number strength, or clashing with a field)
    (r"reform (?P<name>\S+): (?P<what>cost_per_year|setup_cost) = (?P<amount>\S+) is added to "
     r"the \[costs\] section, which the scenario (?P<scenario>'[^']*') does not have",
     "改革 {name}：{what} = {amount} 要计入 [costs] 部分，而情景 {scenario} 中没有该部分"),
    (r"option (?P<name>'[^']*') changes nothing and is not a reform; see `bordersim "
     r"reforms`, or give it changes as (?P<form>\S+)",
     "方案 {name} 没有给出任何修改，也不是改革名称；改革列表见 `bordersim reforms`，"
     "或按 {form} 的格式给出修改"),
    (r"created (?P<table>\[[^\]]+\]), absent from the scenario, which also needs "
     r"(?P<needs>.+); set (?:it|them) too",
     "新建了情景中原本没有的 {table} 部分，该部分还必须有 {needs}；请一并设置"),
    (r"not valid TOML at line (?P<n>\d+): (?P<key>\S+) is given twice \(each key and table "
     r"may be given once\)", "不是有效的 TOML（第 {n} 行）：{key} 给出了两次（每个字段和表只能"
     "给出一次）"),
    (r"not valid TOML at line (?P<n>\d+): (?P<detail>.+)",
     "不是有效的 TOML（第 {n} 行；解析器原文：{detail}）"),
    (r"not valid TOML: (?P<detail>.+)", "不是有效的 TOML（解析器原文：{detail}）"),
    (r"no such file beside the file that extends it, nor among the bundled scenarios "
     r"\((?P<names>[\w., -]+)\); did you mean (?P<near>'[^']*')\?",
     "在继承它的文件旁和内置情景（{names}）中都找不到该文件；是否应为 {near}？"),
    (r"no such file beside the file that extends it, nor among the bundled scenarios "
     r"\((?P<names>[\w., -]+)\)", "在继承它的文件旁和内置情景（{names}）中都找不到该文件"),
    (r"the observed days are given twice: (?P<one>--days \S+) and (?P<two>--set days=\S+); "
     r"give one", "观测天数给出了两次：{one} 和 {two}；请只给一个"),
    (r"item (?P<i>\d+): not a date: (?P<got>.+); allowed: an ISO date YYYY-MM-DD "
     r"\('2026-02-16', quoted or not\)",
     "第 {i} 项不是日期：{got}；应为 ISO 日期 YYYY-MM-DD（如 '2026-02-16'，可加引号）"),
    (r"(?P<d>[\d-]+) is in both holidays and workdays; allowed: a date in one of them",
     "{d} 同时列于 holidays（节假日）和 workdays（调休上班日）；一个日期只能列于其一"),
    (r"(?P<d>[\d-]+) is a (?P<day>\w+), closed anyway; allowed: a date on a working day "
     r"\((?P<days>[\w, ]+)\)",
     "{d} 是 {day}，本就不办公；节假日应为工作日（{days}）的日期"),
    (r"(?P<d>[\d-]+) is a (?P<day>\w+), open anyway; allowed: a date on a day off "
     r"\(not (?P<days>[\w, ]+)\)",
     "{d} 是 {day}，本就办公；调休上班日应为非工作日（{days} 以外）的日期"),
    (r"--(?P<mode>\w+) needs at least one --range KEY=LO:HI",
     "--{mode} 至少需要一个 --range KEY=LO:HI"),
    (r"not a date: (?P<got>.+); allowed: an ISO date YYYY-MM-DD \('2026-02-16', quoted or "
     r"not\)", "不是日期：{got}；应为 ISO 日期 YYYY-MM-DD（如 '2026-02-16'，可加引号）"),
    (r"(?P<to>[\d-]+) is before from \((?P<f>[\d-]+)\); allowed: a date on or after "
     r"(?P<f2>[\d-]+)", "{to} 早于 from（{f}）；应为 {f2} 当天或之后的日期"),
    (r"dated\.(?P<j>\d+) \((?P<a>[\d-]+) to (?P<b>[\d-]+)\) overlaps dated\.(?P<i>\d+) "
     r"\((?P<c>[\d-]+) to (?P<d>[\d-]+)\); allowed: windows that share no day \(split one, "
     r"or give the days in common one factor\)",
     "dated.{j}（{a} 至 {b}）与 dated.{i}（{c} 至 {d}）有重叠；各时段不得有共同的日期（请拆分"
     "其一，或对共同的日期只给一个系数）"),
    (r"dates need the scenario's start_date \(a Monday, YYYY-MM-DD\) to place them in the "
     r"run; allowed: set start_date, or leave dated out",
     "日期需要情景的 start_date（须为星期一，YYYY-MM-DD）才能定位到运行中；请设置 "
     "start_date，或删去 dated"),
    (r"dates need the scenario's start_date \(a Monday\) to place them in the run; allowed: "
     r"set start_date, or leave holidays and workdays out",
     "日期需要情景的 start_date（须为星期一）才能定位到运行中；请设置 start_date，或删去 "
     "holidays 和 workdays"),
    (r"the organisation's staff are priced at (?P<o>\d+) prices and \[costs\] at (?P<c>\d+) "
     r"prices: the agency's cost would add two years' prices, and bordersim adjusts none; "
     r"allowed: one price year for both \(the staff's year set in (?P<staff_at>.+?), the "
     r"costs' year set in (?P<costs_at>.+?)\); deflate the staff's cost_per_year to \d+ "
     r"prices with the deflator your appraisal guidance prescribes \(China's consumer price "
     r"index or GDP deflator, National Bureau of Statistics\) and set "
     r"organisation\.price_year = \d+; or price \[costs\] at \d+ \(costs\.price_year = "
     r"\d+\)",
     "海关组织架构的人员按 {o} 年价格定价，而 [costs] 按 {c} 年价格：政府部门成本将把两个年份的"
     "价格相加，而 bordersim 不作任何调整；两者应为同一价格年份（人员价格年份的来源：{staff_at}；"
     "成本价格年份的来源：{costs_at}）；请按评估指南规定的平减指数（国家统计局的居民消费价格指数"
     "或 GDP 平减指数）把人员的 cost_per_year 折算为 {c} 年价格，并设 organisation.price_year "
     "= {c}；或将 [costs] 按 {o} 年价格定价（costs.price_year = {o}）"),
    # the command line's own checks of a run or comparison (sim/cli.py, sim/cli_compare.py)
    (r"(?P<path>.+) is a folder, not a scenario file", "{path} 是文件夹，不是情景文件"),
    (r"option (?P<name>\S+): takes no strengths on the page", "方案 {name}：在网页上不设强度"),
    (r"strengths for option (?P<name>'[^']*'), which is not switched on",
     "为方案 {name} 给出了强度，但该方案未勾选"),
    (r"--scenarios (?P<path>.+): no such folder or scenario file",
     "--scenarios {path}：没有这个文件夹，也没有这个情景文件"),
    (r"no SCENARIO given and the bundled default (?P<path>.+) does not exist; name a scenario "
     r"file", "未给出情景，且内置的默认情景 {path} 不存在；请给出情景文件"),
    (r"cannot (?P<verb>make|write) the results folder (?P<path>.+?): (?P<os>[^;]+); (?:give "
     r"one that can be written|choose a writable folder) with --out",
     "无法{verb}结果文件夹 {path}：{os}；请用 --out 给出可写入的文件夹"),
    (r"(?P<file>.+) is a file, not a folder, so (?P<path>.+) cannot be made in it; choose "
     r"another --out folder", "{file} 是文件而不是文件夹，无法在其中创建 {path}；请用 --out "
     "另选文件夹"),
    (r"(?P<file>.+) is a file, not a folder; choose another --out folder",
     "{file} 是文件而不是文件夹；请用 --out 另选文件夹"),
    (r"(?P<path>.+) holds the results of (?P<held>a run|a sweep|a comparison) \(bordersim "
     r"(?P<command>\w+)\), not of (?P<wanted>a run|a sweep|a comparison); choose another "
     r"--out folder",
     "{path} 存放的是{held}的结果（bordersim {command}），不是{wanted}的；请用 --out 另选"
     "文件夹"),
    (r"cannot reach the Dask scheduler at (?P<address>\S+): (?P<why>.+); is it running, and "
     r"is the address right\?",
     "无法连接位于 {address} 的 Dask 调度器：{why}；它是否在运行，地址是否正确？"),
    (r"(?P<out>.+) is being written by another bordersim command now; wait for it to end "
     r"\(give the same command again then to resume it if it is stopped\), or choose "
     r"another --out folder",
     "{out} 正由另一个 bordersim 命令写入；请等其结束（若它中断了，届时再给出同一命令即可"
     "续跑），或用 --out 另选文件夹"),
    (r"no consignment arrived in the (?P<days>\S+) observed day\(s\) after the "
     r"(?P<warmup>\S+)-day warm-up, so there is nothing to summarise; run longer \(--days\) "
     r"or check the arrival rates \(the run is kept in (?P<out>.+)\)",
     "预热期 {warmup} 天之后的 {days} 个观测日内没有货物到港，无可汇总；请延长运行"
     "（--days）或检查到港速率（本次运行保存在 {out}）"),
    (r"--dask needs --executor dask \(got --executor (?P<name>\S+)\)",
     "--dask 需要 --executor dask（实际为 --executor {name}）"),
    (r"--workers (?P<n>\S+) is for --executor processes or dask; without, the replications "
     r"run one at a time: add --executor processes \(or leave --workers out\)",
     "--workers {n} 用于 --executor processes 或 dask；不给时各次重复运行逐一进行：请加上 "
     "--executor processes（或去掉 --workers）"),
    (r"nothing to compare: give at least one --option, --reforms or --options-file",
     "没有可比较的内容：请至少给出一个 --option、--reforms 或 --options-file"),
    (r"nothing to compare: give at least one option besides 'baseline' \(the scenario "
     r"unchanged\)", "没有可比较的内容：除 'baseline'（情景不变）外请至少再给出一个方案"),
    (r"--metric (?P<m>\S+) without --precision: --metric names what the --precision target "
     r"watches; give --precision H too \(every metric is reported either way\)",
     "给出了 --metric {m} 但没有 --precision：--metric 指定 --precision 目标所监测的指标；"
     "请同时给出 --precision H（无论如何，所有指标都会报告）"),
    (r"--max-reps (?P<n>\S+) without --precision: --max-reps caps how many replications a "
     r"--precision target may run; give --precision H too, or --reps N for a fixed number",
     "给出了 --max-reps {n} 但没有 --precision：--max-reps 限定 --precision 目标最多可运行"
     "的重复次数；请同时给出 --precision H，或用 --reps N 指定固定次数"),
    (r"--precision-on (?P<on>\S+) without --precision: --precision-on says what a "
     r"--precision target holds; give --precision H too",
     "给出了 --precision-on {on} 但没有 --precision：--precision-on 说明 --precision 目标"
     "针对什么；请同时给出 --precision H"),
    (r"--max-reps (?P<n>\S+) is below the (?P<least>\d+) replications a --precision target "
     r"starts with \(fewer give too unsteady an interval to stop on\); give --max-reps "
     r"(?P<least2>\d+) or more, or --reps without --precision",
     "--max-reps {n} 少于 --precision 目标起始的 {least} 次重复运行（次数更少时区间太不"
     "稳定，不宜据以停止）；请给出 --max-reps {least2} 或更大，或用 --reps 而不用 --precision"),
    # a sweep's own checks of its arguments (sim/cli_experiments.py)
    (r"choose one of --lhs and --sobol", "--lhs 和 --sobol 只能选其一"),
    (r"--param cannot be combined with --(?P<mode>\w+) \(give --range instead\)",
     "--param 不能与 --{mode} 同时使用（请改用 --range）"),
    (r"--grid cannot be combined with --(?P<mode>\w+)", "--grid 不能与 --{mode} 同时使用"),
    (r"--range needs --lhs N or --sobol N", "--range 需要 --lhs N 或 --sobol N"),
    (r"--metric (?P<m>\S+) needs --sobol or --lhs: it names the metric whose Sobol indices or "
     r"partial rank correlations are estimated \(any other sweep records every metric\)",
     "--metric {m} 需要 --sobol 或 --lhs：它指定要估计 Sobol 指数或偏秩相关系数的指标（其他"
     "扫描记录所有指标）"),
    (r"--metric (?P<m>\S+): --sobol takes one metric; give the others one by one, each with "
     r"the same command and --out: the points already run are used again, nothing is "
     r"simulated",
     "--metric {m}：--sobol 只接受一个指标；其余指标请逐一给出，每次使用相同的命令和 --out："
     "已运行的点会被重新使用，无需再次模拟"),
    (r"nothing to sweep: give --param KEY=v1,v2,\.\.\. or --lhs/--sobol N --range",
     "没有可扫描的内容：请给出 --param KEY=v1,v2,... 或 --lhs/--sobol N --range"),
    (r"(?P<flag>--param|--range) (?P<key>\S+) is given twice; give each parameter once",
     "{flag} {key} 给出了两次；每个参数只给一次"),
    (r"--param (?P<key>\S+): the value (?P<v>.+) is given twice \(its points would run "
     r"twice\); give each value once",
     "--param {key}：取值 {v} 给出了两次（其各点会运行两次）；每个取值只给一次"),
    (r"--param: points (?P<j>\d+) and (?P<i>\d+) are the same \((?P<shown>.+)\); give each "
     r"point once", "--param：第 {j} 点与第 {i} 点相同（{shown}）；每个点只给一次"),
    (r"--lhs (?P<n>\d+): at most (?P<most>[\d,]+) points; give a smaller N",
     "--lhs {n}：最多 {most} 个点；请给出更小的 N"),
    (r"--sobol (?P<n>\d+): at most (?P<most>[\d,]+) base points; give a smaller N",
     "--sobol {n}：最多 {most} 个基础点；请给出更小的 N"),
    (r"(?P<key>\S+) is swept, and (?P<by>--set|--days) gives (?P<given>\S+) = (?P<v>.+) too; "
     r"give it one way", "{key} 正在扫描，而 {by} 也给出了 {given} = {v}；只能用一种方式给出"),
    (r"no consignment arrived in the observed days at any point of the sweep, so there is "
     r"nothing to summarise; run longer \(--days\) or check the arrival rates \(the sweep is "
     r"kept in (?P<out>.+)\)",
     "扫描的任何一点在观测期内都没有货物到港，无可汇总；请延长运行（--days）或检查到港速率"
     "（本次扫描保存在 {out}）"),
    # ``reforms`` (sim/cli_reforms.py)
    (r"--tfa lists every reform by TFA article: give it alone \(bordersim reforms --tfa\); a "
     r"reform's own articles are shown by bordersim reforms NAME",
     "--tfa 按《贸易便利化协定》条款列出所有改革：请单独给出（bordersim reforms --tfa）；"
     "某项改革自身的条款由 bordersim reforms NAME 显示"),
    (r"--long lists every reform's whole mechanism: give it alone \(bordersim reforms "
     r"--long\); bordersim reforms NAME shows one reform in full",
     "--long 列出每项改革的完整作用机制：请单独给出（bordersim reforms --long）；"
     "bordersim reforms NAME 完整显示某一项改革"),
    (r"--on lists every reform; with NAME give the scenario as its second argument: "
     r"(?P<command>bordersim reforms .+)",
     "--on 用于列出所有改革；给出 NAME 时，请把情景作为第二个参数：{command}"),
    # ``outlook``'s growth, horizon and step (sim.experiment.outlook.check_growth)
    (r"--growth (?P<g>\S+): a yearly growth is a share from (?P<low>\S+) to (?P<high>\S+) "
     r"\(0\.05 or 5% for 5 % a year\)",
     "--growth {g}：每年增长率是 {low} 至 {high} 之间的比例（每年增长 5 % 写作 0.05 或 5%）"),
    (r"--years (?P<y>\S+): the horizon is 1 to (?P<most>\d+) whole years",
     "--years {y}：推算年限须为 1 至 {most} 的整年数"),
    (r"--every (?P<e>\S+): the step is 1 to the horizon \((?P<y>\d+)\) years",
     "--every {e}：步长须为 1 年至推算年限（{y} 年）"),
    # ``org`` (sim/cli_org.py)
    (r"--structures: unknown (?P<bad>.+); allowed: (?P<allowed>[\w, ]+)",
     "--structures：未知的结构 {bad}；可用：{allowed}"),
    (r"--structures: none given; allowed: (?P<allowed>[\w, ]+)",
     "--structures：没有给出结构；可用：{allowed}"),
    (r"--plot (?P<plot>.+?): is a folder; give a file in a folder that exists",
     "--plot {plot}：是文件夹；请给出一个已存在的文件夹中的文件"),
    (r"--plot (?P<plot>.+?): (?P<folder>.+) is not a folder that can be written; give a file "
     r"in a folder that exists",
     "--plot {plot}：{folder} 不是可写入的文件夹；请给出一个已存在的文件夹中的文件"),
    (r"(?P<path>.+) has no \[organisation\] section",
     "{path} 没有 [organisation] 部分（海关组织）"),
    # ``check --changes`` and ``check --sources`` (sim/cli.py)
    (r"--changes: (?P<path>.+) extends no scenario \(a results folder's scenario\.json is "
     r"resolved, whole\) and no --set is given: there is nothing to compare it with; a child "
     r"file starts with extends = \"default\" \(a bundled scenario's name, or a file beside "
     r"it\)",
     "--changes：{path} 没有继承任何情景（结果文件夹中的 scenario.json 是完整解析后的情景），"
     "也没有给出 --set：没有可与之比较的对象；子情景文件以 extends = \"default\" 开头（内置"
     "情景的名称，或同一文件夹中的文件）"),
    (r"--changes: (?P<path>.+) extends no scenario \(it has no extends = \.\.\.\) and no "
     r"--set is given: there is nothing to compare it with; a child file starts with extends "
     r"= \"default\" \(a bundled scenario's name, or a file beside it\)",
     "--changes：{path} 没有继承任何情景（文件中没有 extends = ...），也没有给出 --set："
     "没有可与之比较的对象；子情景文件以 extends = \"default\" 开头（内置情景的名称，或同一"
     "文件夹中的文件）"),
    (r"--sources (?P<field>\S+): no value under (?P<q>'[^']*') cites a source or an "
     r"assumption in (?P<path>.+?); its sections with some: (?P<sections>[\w, ]+?)"
     r"(?:; did you mean (?P<alts>.+)\?)?",
     "--sources {field}：{path} 中 {q} 之下没有注明出处或假设的取值；有注明的部分为："
     "{sections}{alts}"),
    # bordersim compliance (sim.compliance)
    (r"give a level between 0 and 1, e\.g\. 0\.95", "水平应在 0 和 1 之间，如 0.95"),
    (r"no scenario\.json; is it a results folder\?", "没有 scenario.json；这是结果文件夹吗？"),
    (r"no replication log \(reps/rep-NNNN-log\.parquet\); run with --log",
     "没有重复运行的逐票记录（reps/rep-NNNN-log.parquet）；运行时请加 --log"),
    # bordersim compliance: why an estimate is not possible (sim.analysis.compliance)
    (r"check (?P<check>'[^']*'): the sample is one of (?P<allowed>[\w, ]+) \(a quarantine "
     r"check's selection is limited to goods subject to statutory inspection, which the "
     r"table's probability does not say\)",
     "查验类别 {check}：样本应为 {allowed} 之一（检疫查验只在法定检验检疫货物中布控，"
     "布控表的概率没有反映这一点）"),
    (r"scenario (?P<s>'[^']*') selects with the risk engine \(\[risk\]\): a consignment's "
     r"chance of inspection is not known, only the random share's, and the log does not say "
     r"which selections were random; estimate from a run with the selection tables \(--set "
     r"risk\.enabled=false\)",
     "情景 {s} 由风险布控引擎（[risk]）选择查验对象：每票货物被查验的概率未知，只知道随机抽查"
     "部分的概率，而记录没有标明哪些是随机抽查；请用按布控表选择的运行来估计（--set "
     "risk.enabled=false）"),
    (r"scenario (?P<s>'[^']*') has a timeline: its selection tables may change at its dates; "
     r"estimate from a run without one",
     "情景 {s} 设有时间线：其布控表可能在时间线的日期改变；请用没有时间线的运行来估计"),
    # bordersim trucks (sim.cli_trucks); before both-sides' (its run's folder named first)
    (r"(?P<w>RESULTS_DIR|--against [^:]+): (?P<f>.+) kept no per-consignment log: run it "
     r"again with --log \(bordersim run SCENARIO --log --out DIR\)",
     "{w}：{f} 没有保存逐票记录：请加 --log 重新运行（bordersim run SCENARIO --log --out DIR）"),
    (r"(?P<w>RESULTS_DIR|--against [^:]+): (?P<f>.+) is a comparison's folder: give it as "
     r"RESULTS_DIR \(its baseline and each option are read, each against the baseline\)",
     "{w}：{f} 是方案比较（compare）的结果文件夹：请把它作为 RESULTS_DIR 给出（将读取其基准方案"
     "和每个方案，各自与基准方案对比）"),
    (r"(?P<w>RESULTS_DIR|--against [^:]+): (?P<f>.+)'s logs keep no exam columns \(a "
     r"comparison run before its logs kept them\): run the comparison again with --out NEW_DIR",
     "{w}：{f} 的记录没有查验列（该方案比较运行时其记录尚不保存这些列）：请用 --out NEW_DIR "
     "重新运行该方案比较"),
    (r"RESULTS_DIR: (?P<f>.+) is a comparison's folder without its baseline's runs: run the "
     r"comparison again",
     "RESULTS_DIR：{f} 是方案比较（compare）的结果文件夹，但没有基准方案的运行结果：请重新运行"
     "该方案比较"),
    (r"(?P<w>RESULTS_DIR|--against [^:]+): (?P<f>.+): not a run's results folder "
     r"\(\[Errno \d+\] (?P<oserr>[^:]+): (?P<path>.+)\)",
     "{w}：{f}：不是一次运行的结果文件夹（{oserr}：{path}）"),
    (r"(?P<w>RESULTS_DIR|--against [^:]+): (?P<f>.+): not a run's results folder "
     r"\((?P<inner>.+)\)",
     "{w}：{f}：不是一次运行的结果文件夹（{inner}）"),
    (r"(?P<w>RESULTS_DIR|--against [^:]+): (?P<f>.+)/scenario\.json or meta\.json is damaged "
     r"\(no days, ports or seed as a run writes them\): run it again",
     "{w}：{f}/scenario.json 或 meta.json 已损坏（没有运行时写入的 days、ports 或 seed）："
     "请重新运行"),
    (r"--port: (?P<f>.+)'s scenario has (?P<n>\d+) land ports \((?P<land>.*)\); name one "
     r"with --port", "--port：{f} 的情景有 {n} 个陆路口岸（{land}）；请用 --port 指定其一"),
    (r"--port: (?P<port>'.*') is not a land port of (?P<f>.+)'s scenario; allowed: none \(it "
     r"has no land port\)", "--port：{port} 不是 {f} 情景中的陆路口岸；该情景没有陆路口岸"),
    (r"--port: (?P<port>'.*') is not a land port of (?P<f>.+)'s scenario; allowed: "
     r"(?P<land>.*)", "--port：{port} 不是 {f} 情景中的陆路口岸；可选：{land}"),
    (r"--against (?P<name>[^:]+): (?P<of>.+) ran seed (?P<os>\S+), (?P<orr>\d+) replication\(s\) "
     r"of (?P<od>\S+) days; (?P<bf>.+) seed (?P<s>\S+), (?P<r>\d+) of (?P<d>\S+): a paired "
     r"change needs the same seed, replications and days \(run it with (?P<run>.+)\)",
     "--against {name}：{of} 的随机种子为 {os}，{orr} 次重复运行，每次 {od} 天；{bf} 的随机种子为 "
     "{s}，{r} 次，每次 {d} 天：配对变化需要相同的随机种子、重复运行次数和天数（请以 {run} "
     "运行）"),
    (r"--vs: (?P<vs>'.*') is not a group of the table; allowed: (?P<groups>.*)",
     "--vs：{vs} 不是表中的分组；可选：{groups}"),
    (r"--fleet-group: (?P<g>'.*') is not a group of the table; allowed: (?P<groups>.*)",
     "--fleet-group：{g} 不是表中的分组；可选：{groups}"),
    (r"--fleet: a fleet's yearly change is a reform's: give --against NAME=DIR, a run of the "
     r"change on the same seed", "--fleet：车队一年的变化来自某项改革：请给出 --against "
     "NAME=DIR，即以相同随机种子运行该变化的结果文件夹"),
    (r"--fleet-group: it picks the row --fleet multiplies: give --fleet N \(trucks a day\) "
     r"too", "--fleet-group：它选择 --fleet 相乘的那一行：请同时给出 --fleet N（每日货车数）"),
    (r"--commodity: (?P<name>'.*') is not a commodity of (?P<f>.+)'s scenario; allowed: "
     r"(?P<known>.*)", "--commodity：{name} 不是 {f} 情景中的商品类别；可选：{known}"),
    # bordersim operating-curve (sim.cli_operating_curve): its port and its lists' values
    *CURVE_ERRORS,
    # dated capacity windows (sim.scenario.capacity_windows) and a date's words
    *WINDOW_ERRORS,
    # bordersim both-sides (sim.cli_both_sides), its partner file's too
    *PARTNER_ERRORS,
    (r"(?P<f>.+): not a run's results folder \(no readable scenario\.json: (?P<inner>.+)\)",
     "{f}：不是一次运行的结果文件夹（无法读取 scenario.json：{inner}）"),
    (r"(?P<f>.+) kept no per-consignment log: run it again with --log \(bordersim run "
     r"SCENARIO --log --out DIR\)",
     "{f} 没有保存逐票记录：请加 --log 重新运行（bordersim run SCENARIO --log --out DIR）"),
    (r"(?P<f>.+) is a comparison's folder, whose saved logs keep only the observed cohort's "
     r"trucks, not the warm-up's that load the partner's desks when the observed days start "
     r"\(read, the partner's queue would start empty and its times read short\): run each "
     r"option apart on the comparison's seed \((?P<runs>.+)\) and give each run's folder",
     "{f} 是方案比较（compare）的结果文件夹，其保存的记录只有观测期的货车，没有预热期的货车"
     "（这些货车在观测开始时已占用对方的查验台；照此读取，对方的排队将从空开始，时间偏短）："
     "请以该比较的随机种子分别运行每个方案（{runs}），再分别给出各次运行的文件夹"),
    (r"(?P<p>.+): port: (?P<port>'.*') is not a port of (?P<f>.+)'s scenario; allowed: one of "
     r"its land ports \((?P<land>.*)\)",
     "{p}：port：{port} 不是 {f} 情景中的口岸；应为其陆路口岸之一（{land}）"),
    (r"(?P<p>.+): port: (?P<port>'.*') is a (?P<mode>\w+) port; allowed: one of (?P<f>.+)'s "
     r"land ports \((?P<land>.*)\): both sides of the border are timed at a land crossing only",
     "{p}：port：{port} 是{mode}口岸；应为 {f} 的陆路口岸之一（{land}）："
     "只有陆路口岸才计算边境两侧的时间"),
)
_COMPILED = [(re.compile(english), zh) for english, zh in MESSAGES]
#: tables of reasons whose module says their words itself, each pattern with the function
#: that says its groups: a damaged results folder's error with its remedy
#: (:mod:`sim.cli_zh_remedy`), the organisation tree's (:mod:`sim.cli_zh_tree`) and a CSV of
#: observations that cannot be fitted (:mod:`sim.cli_zh_fit`) and a file that cannot be read
#: (:mod:`sim.cli_zh_files`) and a CSV's content (:mod:`sim.cli_zh_csv`) and a call
#: pattern's refusals (:mod:`sim.cli_zh_calls`) and the workshop
#: page's refusals (:mod:`sim.cli_zh_page`) and ``animate``'s (:mod:`sim.cli_zh_animate`),
#: and a Dask cluster's trouble (:mod:`sim.cli_zh_cluster`) and a duration, rate or time
#: of day that cannot be read (:mod:`sim.cli_zh_units`) and a distribution written as
#: another tool writes it (:mod:`sim.cli_zh_dists`), tried first; a results
#: folder's read errors (:mod:`sim.cli_zh_folder`), tried after the rest, after those of
#: ``reproduce`` and ``tables`` (:mod:`sim.cli_zh_reproduce`), and a results folder that
#: cannot be resumed or a file that cannot be written (:mod:`sim.cli_zh_store`)
_OWN_WORDS = [(re.compile(english), zh, says)
              for table, says in ((REMEDY_ERRORS, remedy_said), (TREE_ERRORS, tree_said),
                                  (FIT_ERRORS, fit_said), (FILE_ERRORS, files_said),
                                  (CSV_ERRORS, csv_said), (PAGE_ERRORS, page_said),
                                  (CALL_ERRORS, calls_said),
                                  (ANIMATE_ERRORS, animate_said),
                                  (APPRAISE_ERRORS, appraise_said),
                                   (PAYBACK_ERRORS, payback_said),
                                   (CLUSTER_ERRORS, cluster_said),
                                   (UNIT_ERRORS, units_said), (DIST_ERRORS, dists_said))
              for english, zh in table]
_FOLDER = [(re.compile(english), zh, says)
           for table, says in ((REPRODUCE_ERRORS, reproduce_said), (FOLDER_ERRORS, folder_said),
                               (STORE_ERRORS, store_said))
           for english, zh in table]
#: what a results folder holds, as :mod:`sim.experiment.store` says it
_KINDS = {"a run": "一次运行", "a sweep": "一次参数扫描", "a comparison": "一次方案比较"}
#: the system's words for why a folder cannot be made or written (others kept as written)
_SYSTEM = {
    "No such file or directory": "路径不存在",
    "Permission denied": "没有权限",
    "Read-only file system": "只读文件系统",
    "Not a directory": "路径中有一项不是文件夹",
    "File exists": "已有同名文件",
    "No space left on device": "磁盘空间不足",
    "Is a directory": "是文件夹",
    "No such device or address": "没有该设备或地址",
}


def reason(english: str) -> str | None:
    """``english`` (a reason, whole) in Chinese, or None if no entry knows it."""
    said = _own_words(english, _OWN_WORDS)
    if said is not None:
        return said
    for pattern, zh in _COMPILED:
        found = pattern.fullmatch(english)
        if found is not None:
            words = {k: v or "" for k, v in found.groupdict().items()}
            if words.get("export"):  # (the exports' own table: ``出口``)
                words["export"] = "出口"
            if words.get("needs"):  # (the fields a created section lacks: names alone)
                words["needs"] = "、".join(_field_names(words["needs"]))
            for kind in ("held", "wanted"):  # (what a results folder holds)
                if words.get(kind):
                    words[kind] = _KINDS[words[kind]]
            if words.get("oserr"):  # (why a file could not be read)
                words["oserr"] = _SYSTEM.get(words["oserr"], words["oserr"])
            if words.get("verb"):  # (a results folder: made or written, and why not)
                words["verb"] = {"make": "创建", "write": "写入"}[words["verb"]]
                words["os"] = _SYSTEM.get(words["os"], words["os"])
            if words.get("layer"):  # (a metric of a kind the scenario yields none of)
                layer = absent_layer(words["layer"], words["wants"])
                if layer is None:  # (said whole or not at all)
                    continue
                words["layer"] = layer
            if "alts" in words:  # (``'a' or 'b'``: the names kept, ``or`` said)
                alts = words["alts"].replace("' or '", "' 或 '")
                words["alts"] = f"；是否应为 {alts}？" if alts else ""
            if words.get("matching"):  # (how many the pattern led by ``*`` picks)
                words["matching"] = f"它匹配 {words['matching']} 个指标"
            if words.get("shown") == "missing":  # (a partner file's field not given)
                words["shown"] = "缺失"
            if words.get("land") == "none":  # (a scenario without land ports)
                words["land"] = "无"
            if words.get("mode"):  # (a port's mode of transport in words)
                words["mode"] = MODES.get(words["mode"], words["mode"])
            if words.get("dated_why"):  # (why a dated reform cannot apply: said, or not)
                said = _said_whole(words["dated_why"])
                if said is None:
                    continue
                words["dated_why"] = said
            if words.get("inner"):  # (a results folder's read error, said in turn)
                words["inner"] = reason(words["inner"]) or words["inner"]
            for at in ("staff_at", "costs_at"):  # (where a price year was set)
                if words.get(at) == "command line":
                    words[at] = "命令行"
            if words.get("dist"):  # (a distribution's mean: ``exponential mean: ...``)
                words["dist"] = f"{words['dist']} 分布的均值："
            return zh.format(**words)
    return _own_words(english, _FOLDER)


def _said_whole(english: str) -> str | None:
    """A reason, or a scenario's problem (``PATH: REASON``), in Chinese; None when any
    part of it is not known (so that no English is left inside a Chinese line)."""
    said = reason(english)
    if said is not None:
        return said
    said = problem(english)
    return None if said.startswith(UNTRANSLATED) else said


#: a pattern's function saying its groups (None: a part it lists is not known)
_Says = Callable[[dict[str, str]], dict[str, str] | None]


def _own_words(english: str, table: Sequence[tuple[re.Pattern[str], str, _Says]]) -> str | None:
    """``english`` in Chinese by the first pattern of ``table`` it matches, its groups said
    by the pattern's own function (None: no pattern matches, or none says all it lists)."""
    for own, zh, says in table:
        found = own.fullmatch(english)
        if found is not None:
            words = says({k: v or "" for k, v in found.groupdict().items()})
            if words is not None:
                return zh.format(**words)
    return None


def _field_names(needs: str) -> list[str]:
    """The field paths of ``a.b (what it is) and c.d``: each one's English description (in
    brackets, which may nest) left out."""
    depth, bare = 0, []
    for ch in needs:
        depth += ch == "("
        if depth == 0:
            bare.append(ch)
        depth -= ch == ")" and depth > 0
    return [name.strip() for name in "".join(bare).split(" and ")]


def done(what: str, out: object, seconds: float, lang: str) -> str:
    """The line a report or workbook ends with: what was written, where, how long it took."""
    if lang != "zh":
        return f"{what}: {out} ({seconds:.1f} s)"
    return f"{ {'report': '报告', 'workbook': '工作簿'}[what]}：{out}（{seconds:.1f} 秒）"


def problem(text: str) -> str:
    """One line of an error in Chinese: a scenario's problem (``WHERE: PATH = VALUE:
    REASON``, ``command line`` as 命令行) or a reason alone; marked untranslated, in English,
    when no entry knows its reason."""
    zh = reason(text)
    if zh is not None:
        return zh
    at = -1
    while (at := text.find(": ", at + 1)) != -1:  # (the reason is after the field's ': ')
        zh = reason(text[at + 2:])
        if zh is not None:
            head = re.sub(r"^command line(?=: |$)", "命令行", tree_head(text[:at]))
            head = re.sub(r"^reform (?=[^\s:]+(?:: |$))", "改革 ", head)  # (--reforms X@T)
            head = head.replace(": ", "：", 1)
            return f"{head}：{zh}"
    return UNTRANSLATED + text


def error_line(text: str, lang: str) -> str:
    """``error: TEXT`` as printed in ``lang`` (each line of a scenario's problems in turn)."""
    if lang != "zh":
        return f"error: {text}"
    return "\n".join("错误：" + problem(part) for part in text.split("\n"))


def error_lang(args: argparse.Namespace | None) -> str:
    """The console's language for an error line: ``--lang`` or ``BORDERSIM_LANG``, English
    when neither is given or the variable is itself the mistake."""
    from sim.cli import UsageError
    from sim.cli_lang import chosen

    try:
        return chosen(args if args is not None else argparse.Namespace())
    except UsageError:
        return "en"
