"""``bordersim reproduce --lang zh`` and ``tables --lang zh``: why a folder is refused, what
the comparison of a folder with its re-run found (:mod:`sim.reproduce_compare`'s differences,
files not compared, the code or platform that differs) and the warehouse validation's
problems (:mod:`sim.warehouse.validate`), each English reason a pattern with its Chinese,
plugged into :mod:`sim.cli_zh_errors`' reader. Paths, field names and figures are kept as
written; the verdict's own lines are :mod:`sim.cli_zh_verdict`'s."""

from __future__ import annotations

import re

#: what a results folder is (:attr:`sim.reproduce.Recorded.kind`, :func:`kind_of`)
KINDS = {"run": "运行（run）", "compare": "方案比较（compare）", "sweep": "参数扫描（sweep）"}
#: what the verdict names of the code and platform (:data:`sim.reproduce_compare.ENVIRONMENT`)
ENVIRONMENT = {"version": "版本", "build": "构建", "python": "Python", "libraries": "库",
               "machine": "机器", "platform": "平台", "git": "git 提交"}
_WHICH = {"original": "原文件夹", "re-run": "重新运行的文件夹"}
_WHAT = {"comparison": "方案比较", "run": "运行", "sweep": "参数扫描"}
_WHERE = re.compile(r"(?:option (?P<option>\S+): |point (?P<point>\d+), )?replication "
                    r"(?P<r>\d+)")
_BEFORE = r"\(the same command again resumes it\) before reproducing it"

#: an English reason (the whole of it) -> its Chinese; groups said by :func:`said`
ERRORS: tuple[tuple[str, str], ...] = (
    # bordersim reproduce: a folder refused (sim.reproduce)
    (r"(?P<f>.+): missing; a finished folder has it", "{f}：缺失；已完成的结果文件夹应有此文件"),
    (rf"(?P<f>.+): its history records an interrupted command; finish the run {_BEFORE}",
     "{f}：其历史记录中有一条被中断的命令；请先完成这次运行（再次执行同一命令即可继续），再复现"),
    (r"(?P<f>.+): not a folder", "{f}：不是文件夹"),
    (r"(?P<f>.+): its command (?P<cmd>.*) is not a `bordersim (?P<kind>\w+)`; only folders "
     r"of run, compare and sweep can be re-run",
     "{f}：其命令 {cmd} 不是 `bordersim {kind}`；只有 run、compare 和 sweep 的结果文件夹可以"
     "重新运行"),
    (rf"(?P<f>.+): no sweep\.csv, so the sweep did not finish; finish it {_BEFORE}",
     "{f}：没有 sweep.csv，说明参数扫描未完成；请先完成（再次执行同一命令即可继续），再复现"),
    (r"--point picks a sweep's points; (?P<f>.+) is a (?P<kind>\w+)'s folder",
     "--point 用于选择参数扫描的扫描点；{f} 是{kind}的结果文件夹"),
    (r"--point (?P<p>\d+): the sweep has (?P<n>\d+) points; pick 0 to (?P<m>\d+)",
     "--point {p}：该参数扫描有 {n} 个扫描点；只能选第 0 至 {m} 个"),
    (r"the re-run of the sweep in (?P<f>.+) failed: (?P<detail>.*)",
     "{f} 中参数扫描的重新运行失败：{detail}"),
    (r"(?P<names>.+) \(written by the sweep command as it printed its results, not re-made\)",
     "{names}（由 sweep 命令在打印结果时写出，未重新生成）"),
    (r"(?P<f>.+): missing; the folder's resolved scenario is what is re-run \(the file the "
     r"command named may have changed\)",
     "{f}：缺失；重新运行的是结果文件夹中解析后的情景（命令所指的情景文件可能已改变）"),
    (rf"(?P<f>.+): no summary\.json, so the run did not finish; finish it {_BEFORE}",
     "{f}：没有 summary.json，说明运行未完成；请先完成（再次执行同一命令即可继续），再复现"),
    (r"(?P<f>.+): its record has no usable seed, reps or days \((?P<detail>.*)\)",
     "{f}：其记录中没有可用的 seed、reps 或 days（{detail}）"),
    (r"(?P<f>.+): not empty; the re-run goes to a new folder \(name one with --out\)",
     "{f}：不是空文件夹；重新运行须写入新文件夹（用 --out 指定）"),
    (r"--reps (?P<k>\S+): the folder has (?P<n>\d+) replications?; check 1 to (?P<m>\d+)",
     "--reps {k}：该文件夹有 {n} 次重复运行；只能核对第 1 至 {m} 次"),
    (r"the re-run `(?P<cmd>[^`]+)` exited with status (?P<s>\d+) \(its error is above\)",
     "重新运行 `{cmd}` 以状态 {s} 退出（其错误见上文）"),
    # bordersim reproduce: what differs (sim.reproduce_compare)
    (r"(?P<key>version|build|python|libraries|machine|platform|git): (?P<a>.*) in the "
     r"original, (?P<b>.*) now", "{key}：原为 {a}，现为 {b}"),
    (r"(?P<where>.+?): (?P<name>.+) is in only the (?P<which>original|re-run)",
     "{where}：{name} 只在{which}中"),
    (r"(?P<name>.+) is in only the (?P<which>original|re-run)", "{name} 只在{which}中"),
    (r"(?P<where>.+?): (?P<name>.+) was (?P<a>.+), is (?P<b>.+)",
     "{where}：{name} 原为 {a}，现为 {b}"),
    (r"(?P<where>option \S+: |)the scenario re-run is not the original's \(hash (?P<a>\w+) "
     r"against (?P<b>\w+)\)", "{where}重新运行的情景与原情景不同（哈希 {a}，现为 {b}）"),
    (r"(?P<where>.+?): its table (?P<t>\S+) differs", "{where}：其表 {t} 不同"),
    (r"(?P<name>\S+) differs: (?P<a>-?\d+) rows? in the original, (?P<b>-?\d+) now, or other "
     r"columns", "{name} 不同：原文件 {a} 行，现在 {b} 行，或列不同"),
    (r"(?P<name>\S+) differs in (?P<moved>\d+) of (?P<cells>\d+) cells, in fields "
     r"(?P<fields>.*); most: (?P<most>.*)",
     "{name} 的 {cells} 个单元格中有 {moved} 个不同，分布在字段 {fields}；变化最大的：{most}"),
    # bordersim reproduce: the original's files against its own checksums
    # (sim.reproduce_stored)
    (r"(?P<f>.+) does not match the scenario_hash of (?P<m>.+) \(one of them was changed "
     r"after the run\): the scenario re-run is not the one that made the figures",
     "{f} 与 {m} 记录的情景校验值（scenario_hash）不符（运行后其中之一被改动）：重新运行的情景"
     "并非得出这些数字的情景"),
    (r"(?P<f>.+): missing, though (?P<s>.+) records it as written",
     "{f}：缺失，但 {s} 记录它已写出"),
    (r"(?P<f>.+): changed after the (?P<what>comparison|run|sweep) finished \(its SHA-256 is not "
     r"the one (?P<s>.+) records\)", "{f}：在{what}完成后被改动（其 SHA-256 与 {s} 记录的不同）"),
    (r"(?P<f>.+) has no (?P<s>\S+) \(written before (?P<what>run|sweep) folders listed their "
     r"pooled files\): a pooled file deleted or emptied since cannot be noticed; reproduce "
     r"without --check-only compares every one",
     "{f} 没有 {s}（写于{what}文件夹开始列出其汇总文件之前）：此后被删除或清空的汇总文件无法"
     "察觉；不加 --check-only 重新运行即可逐一比较"),
    (r"(?P<s>.+): no files listed \(damaged\)", "{s}：没有列出文件（已损坏）"),
    (r"(?P<f>.+): its replication's record keeps no warnings \(written before records kept "
     r"them\), so this file is not covered by a checksum",
     "{f}：其重复运行的记录未保存警告（写于记录开始保存警告之前），因此该文件没有校验和保护"),
    (r"(?P<f>\S+\.json) is missing", "{f} 缺失"),  # (a sweep's point file)
    (r"--check-only re-runs nothing: give no --out, --reps or --point",
     "--check-only 不重新运行：请不要同时给出 --out、--reps 或 --point"),
    (r"--check-only re-runs nothing, so nothing runs on an executor: give no --executor, "
     r"--workers or --dask",
     "--check-only 不重新运行，因此没有任何内容在执行器上运行：请不要同时给出 --executor、"
     "--workers 或 --dask"),
    (r"(?P<f>.+): missing, though every replication has one", "{f}：缺失，但每次重复运行都应有"),
    (r"(?P<f>.+) does not match its checksum \(changed, truncated or written by another "
     r"version\)", "{f} 与其校验和不符（被改动、截断或由其他版本写出）"),
    (r"the replications and (?P<m>.+) disagree: (?P<f>.+) carries (?P<k>\w+) (?P<got>.+), "
     r"meta\.json records (?P<fld>\w+) (?P<want>.+); meta\.json may have been edited \(or "
     r"the replication copied from another run\)",
     "各次重复运行与 {m} 不一致：{f} 的 {k} 为 {got}，meta.json 记录的 {fld} 为 {want}；"
     "meta.json 可能被编辑过（或该重复运行复制自另一次运行）"),
    (r"the re-run made (?P<made>\d+) replications?, not (?P<reps>\d+)",
     "重新运行得到 {made} 次重复运行，而不是 {reps} 次"),
    (r"(?P<name>\S+) \(added by another command, not by (?P<kind>run|compare)\)",
     "{name}（由其他命令添加，并非{kind}写出）"),
    (r"validation\.csv \(the --observed file its command names is not here\)",
     "validation.csv（其命令所指的 --observed 文件不在此处）"),
    # bordersim tables (sim.cli_tables, sim.warehouse.export)
    (r"--validate DIR checks written tables: give no RESULTS_DIR or --out",
     "--validate DIR 检查已写出的表：请不要同时给出 RESULTS_DIR 或 --out"),
    (r"give RESULTS_DIR and --out DIR \(or --validate DIR\)",
     "请给出 RESULTS_DIR 和 --out DIR（或 --validate DIR）"),
    (r"(?P<f>.+) is a (?P<kind>\w+)'s folder: give a run's or a comparison's",
     "{f} 是{kind}的结果文件夹：请给出 run 或 compare 的结果文件夹"),
    (r"(?P<f>.+): no (?P<key>'[^']*'): the folder was written by an older bordersim; run it "
     r"again to export it", "{f}：没有 {key}：该文件夹由较早版本的 bordersim 写出；请重新运行后"
     "再导出"),
    (r"--out (?P<out>.+): write the tables outside the results folder (?P<f>.+) \(it is "
     r"checked file by file\)", "--out {out}：请把表写到结果文件夹 {f} 之外（结果文件夹会被逐个"
     "文件核对）"),
    (r"(?P<f>.+): column currency holds (?P<named>\[.*\]): one currency expected",
     "{f}：currency 列含有 {named}：应只有一种货币"),
    # bordersim tables --validate (sim.warehouse.validate)
    (r"(?P<f>.+): missing \(every table of the schema is written, empty or not\)",
     "{f}：缺失（模式中的每张表都会写出，无论是否为空）"),
    (r"(?P<f>.+): not a readable Parquet file \((?P<detail>.*)\)",
     "{f}：不是可读取的 Parquet 文件（{detail}）"),
    (r"(?P<f>.+): columns (?P<got>\[.*\]); the schema declares (?P<want>\[.*\])",
     "{f}：列为 {got}；模式声明的是 {want}"),
    (r"(?P<f>.+): column (?P<c>'[^']*') is (?P<got>.+); declared (?P<want>.+)",
     "{f}：列 {c} 的类型为 {got}；声明的是 {want}"),
    (r"(?P<f>.+): column (?P<c>'[^']*') has (?P<n>\d+) null\(s\); it is required",
     "{f}：列 {c} 有 {n} 个空值；该列为必填"),
    (r"(?P<f>.+): no such folder; give the folder bordersim tables wrote \(its --out DIR\)",
     "{f}：文件夹不存在；请给出 bordersim tables 写出的文件夹（其 --out DIR）"),
    (r"(?P<f>.+): a results folder, not its tables; export it first \((?P<cmd>bordersim "
     r"tables .+ --out DIR)\) and check DIR", "{f}：这是结果文件夹，不是导出的表；请先导出"
     "（{cmd}），再检查 DIR"),
    (r"(?P<f>.+): not a readable schema \((?P<detail>.*)\)",
     "{f}：不是可读取的模式文件（{detail}）"),
    (r"(?P<f>.+): schema_version (?P<v>.+); this bordersim's is (?P<mine>.+) \(export the "
     r"folder again\)", "{f}：schema_version 为 {v}；本版 bordersim 的是 {mine}（请重新导出"
     "该文件夹）"),
    (r"(?P<f>.+): primary key (?P<k>\[.*\]) repeats (?P<v>\[.*\])", "{f}：主键 {k} 有重复值 {v}"),
    (r"(?P<f>.+): (?P<k>\[.*\]) (?P<v>\[.*\]) is not in (?P<p>\S+)", "{f}：{k} {v} 不在 {p} 中"),
)


def where(text: str) -> str:
    """``option fast: replication 3`` as 方案 fast：重复运行 3, ``point 1, replication 0``
    as 扫描点 1，重复运行 0 (another place as written)."""
    found = _WHERE.fullmatch(text)
    if found is None:
        return text.replace("option ", "方案 ", 1).replace(": ", "：") if text.startswith(
            "option ") else text
    head = f"方案 {found['option']}：" if found["option"] else ""
    head += f"扫描点 {found['point']}，" if found["point"] else ""
    return f"{head}重复运行 {found['r']}"


def _checkout(english: str) -> str:
    """A recorded checkout as the verdict says it (``commit C``, ``with changes to tracked
    files``, ``no checkout recorded``), in Chinese."""
    text = english.replace("no checkout recorded", "未记录代码检出")
    text = text.removeprefix("commit ")  # (the key already says 提交)
    return text.replace(" with changes to tracked files", "（已跟踪的文件有改动）")


def said(words: dict[str, str]) -> dict[str, str]:
    """``words`` of a matched reason with what a folder is, which folder, the code's record
    and the place of a difference in Chinese."""
    if words.get("kind") in KINDS:
        words["kind"] = KINDS[words["kind"]]
    if words.get("what") in _WHAT:
        words["what"] = _WHAT[words["what"]]
    if words.get("which"):
        words["which"] = _WHICH[words["which"]]
    if words.get("key") == "git":  # (a checkout in words: sim.reproduce_compare._checkout)
        for side in ("a", "b"):
            words[side] = _checkout(words.get(side, ""))
    if words.get("key") in ENVIRONMENT:
        words["key"] = ENVIRONMENT[words["key"]]
    if words.get("where"):
        words["where"] = where(words["where"].removesuffix(": ")) + (
            "：" if words["where"].endswith(": ") else "")
    if words.get("most", "").startswith("a row, "):
        words["most"] = "某行，" + words["most"][len("a row, "):]
    return words
