"""A results folder that cannot be resumed, and a file that cannot be written, in Chinese:
each :class:`~sim.experiment.store.StoreMismatch` of a run's, a comparison's and a sweep's
folder (:mod:`sim.experiment.store`, :mod:`sim.experiment.compare`,
:mod:`sim.experiment.sweep_store`), with the parts some of them list (how the folder's
scenario, options, points or seed differ from this command's), and each
:class:`~sim.experiment.store.WriteError`. Paths, builds, seeds, field names and values are
kept as written; a listed part no pattern here knows leaves the whole message untranslated
(never half a sentence in Chinese). Read by :mod:`sim.cli_zh_errors`."""

from __future__ import annotations

import re

from sim.cli_zh_fit import _KINDS
from sim.cli_zh_folder import WHY

_OUT = "请用 --out 另选文件夹"
_OR = "或用 --out 另选文件夹"
_BUILD = (r"made by other code \(build (?P<made>\S+); this code is (?P<this>\S+)\): resuming "
          r"would mix the results of two versions of the model\. Resume with the code that "
          r"made them, or choose another --out folder")

#: an English message (the whole of it) -> its Chinese; listed parts said by :func:`said`
ERRORS: tuple[tuple[str, str], ...] = (
    # an --out inside a results folder (sim.experiment.nesting)
    (r"(?P<path>.+) is inside the results folder (?P<outer>.+): a results folder made in "
     r"another is read as part of it \(by report, tables and the warehouse\); choose an "
     r"--out folder outside (?P=outer)",
     "{path} 位于结果文件夹 {outer} 之内：结果文件夹中再建的结果文件夹会被当作它的一部分读取"
     "（report、tables 和数据仓库导出都会如此）；请用 --out 另选 {outer} 之外的文件夹"),
    (r"(?P<path>.+) is already open for another scenario or seed",
     "{path} 已为另一情景或随机种子打开"),
    (r"(?P<path>.+) is not a folder \(a file is in the way of the replications\); remove it "
     r"or choose another --out folder",
     "{path} 不是文件夹（一个文件占住了重复运行的位置）；请删除它，" + _OR),
    (r"(?P<path>.+) holds symbolic links \((?P<links>.+)\); results are never written through "
     r"links: choose another --out folder",
     "{path} 中有符号链接（{links}）；结果从不经由链接写入：" + _OUT),
    (r"(?P<path>.+) already holds results of another run: (?P<run>.+); choose another --out "
     r"folder", "{path} 已存放另一次运行的结果：{run}；" + _OUT),
    (r"(?P<path>.+) is not a folder; choose another --out folder",
     "{path} 不是文件夹；" + _OUT),
    (r"(?P<path>.+) already exists and is not a bordersim results folder \(it holds "
     r"(?P<files>.+)\); choose another --out folder",
     "{path} 已存在，且不是 bordersim 结果文件夹（其中有 {files}）；" + _OUT),
    (r"(?P<path>.+) holds replications " + _BUILD + r" \(the same seed there gives this "
     r"code's results\)",
     "{path} 中的重复运行由另一版本的代码生成（构建 {made}；本代码为 {this}）：续跑会把两个"
     "版本模型的结果混在一起。请用生成它们的代码续跑，" + _OR + "（在那里用同一随机种子"
     "即得到本代码的结果）"),
    (r"(?P<path>.+) holds points " + _BUILD,
     "{path} 中的扫描点由另一版本的代码生成（构建 {made}；本代码为 {this}）：续算会把两个"
     "版本模型的结果混在一起。请用生成它们的代码续算，" + _OR),
    (r"(?P<path>.+) is damaged \((?P<why>.+)\), so the folder cannot be checked against this "
     r"(?P<whose>run|sweep|comparison); to resume, delete (?P<name>\S+) and give the same "
     r"command again \(each finished replication is checked against this (?:run|sweep|"
     r"comparison) by its checksum and identity, and one that does not match is computed "
     r"again\), or choose another --out folder",
     "{path} 已损坏（{why}），无法据以核对该结果文件夹与本次{whose}；如要续跑，请删除 {name} "
     "后再给出同一命令（每个已完成的重复运行都按其校验和与标识与本次{whose}核对，不一致的"
     "重新计算），" + _OR),
    (r"(?P<path>.+) holds a comparison (?P<cmp>.+); resume it with the same (?P<same>options|"
     r"scenario, days, seed and options), or choose another --out",
     "{path} 存放的是另一次方案比较：{cmp}；请用相同的{same}续算，" + _OR),
    (r"(?P<path>.+) already exists and is not a bordersim comparison folder; choose another "
     r"--out folder", "{path} 已存在，且不是 bordersim 方案比较（compare）的结果文件夹；" + _OUT),
    (r"(?P<path>.+) already holds results that are not a sweep's \((?P<meta>.+) says kind "
     r"(?P<kind2>.+)\); choose another --out folder",
     "{path} 已存放的结果不是参数扫描的（{meta} 记载的类型为 {kind2}）；" + _OUT),
    (r"(?P<path>.+) already holds another sweep: (?P<sweep>.+); resume it with the same "
     r"points, settings and seed, or choose another --out folder",
     "{path} 已存放另一次参数扫描：{sweep}；请用相同的点、设置和随机种子续算，" + _OR),
    (r"(?P<path>.+) already exists and is not a bordersim sweep folder; choose another --out "
     r"folder", "{path} 已存在，且不是 bordersim 参数扫描（sweep）的结果文件夹；" + _OUT),
    # a file that cannot be written (sim.experiment.store.check_target, _write_problem)
    (r"cannot write (?P<path>.+): it is (?P<kind>a folder|a named pipe|a device|a socket|not "
     r"a regular file), not a file", "无法写入 {path}：它是{kind}，不是文件"),
    (r"cannot write (?P<path>.+): (?P<folder>.+) is a file, not a folder",
     "无法写入 {path}：{folder} 是文件而不是文件夹"),
    (r"cannot write (?P<path>.+?): (?P<oserr>[a-z][^:;]*)", "无法写入 {path}：{oserr}"),
    # a report's or workbook's file (sim.report.folder_report, sim.report.workbook, report)
    (r"cannot write (?P<path>.+): the folder (?P<folder>.+) does not exist; create it first, "
     r"or give --out a file in a folder that exists",
     "无法写入 {path}：文件夹 {folder} 不存在；请先创建它，或用 --out 给出已存在的文件夹中的文件"),
    (r"cannot write (?P<path>.+): the results folder cannot be written; give --out a file in "
     r"a folder that can be \(the results are only read\)",
     "无法写入 {path}：结果文件夹不可写入；请用 --out 给出可写入的文件夹中的文件（结果只被读取）"),
    (r"cannot write (?P<path>.+): a workbook's file name ends in \.xlsx \(Excel and WPS open "
     r"it by that ending\)", "无法写入 {path}：工作簿的文件名应以 .xlsx 结尾（Excel 和 WPS "
     "据此打开它）"),
    (r"will not write over (?P<path>.+): it is one of the results folder's files; the "
     r"folder's report goes to (?P<own>.+) \(leave --out out\), or give --out a new file",
     "不会覆盖 {path}：它是结果文件夹中的文件；该文件夹的报告写到 {own}（不给 --out 即可），"
     "或用 --out 给出一个新文件"),
    (r"will not write over (?P<path>.+): it is not an HTML report of bordersim; give --out a "
     r"new file, or an earlier report to replace",
     "不会覆盖 {path}：它不是 bordersim 的 HTML 报告；请用 --out 给出一个新文件，或给出要替换"
     "的旧报告"),
    (r"will not write over (?P<path>.+): it is not an \.xlsx workbook; give --out a new file, "
     r"or an earlier workbook to replace",
     "不会覆盖 {path}：它不是 .xlsx 工作簿；请用 --out 给出一个新文件，或给出要替换的旧工作簿"),
)

#: why a folder's record is damaged (:func:`sim.experiment.store.identity`) besides
#: :data:`sim.cli_zh_folder.WHY`
_DAMAGE = {
    **WHY,
    "empty": "文件为空",
    "not valid JSON": "不是有效的 JSON",
    "not valid JSON (truncated?)": "不是有效的 JSON（可能被截断）",
    "not a JSON object": "不是 JSON 对象",
    "not what bordersim writes: arrays or objects nested too deeply to read":
        "不是 bordersim 写入的内容：数组或对象嵌套过深，无法读取",
}
_WHOSE = {"run": "运行", "sweep": "参数扫描", "comparison": "方案比较"}
_SAME = {"options": "方案", "scenario, days, seed and options": "情景、天数、随机种子和方案"}
_THIS = {"this run": "本次运行", "this sweep": "本次扫描"}
_WORDS = {"none": "无", "not given": "未给出", "unknown": "未知", "yes": "已给出"}
#: what a setting was when it is a state, not a value: said after its name without 为
#: (``--days 未给出``, ``--grid 已给出``; a value is ``--days 为 14``)
_STATES = {"not given": "未给出", "yes": "已给出"}


def said(words: dict[str, str]) -> dict[str, str] | None:
    """The groups of a matched message in Chinese where they are words (each listed part in
    turn); None when a part is not known (the message is then left untranslated)."""
    out = dict(words)
    for key, say in (("run", _run), ("cmp", _comparison), ("sweep", _sweep), ("why", _damage),
                     ("oserr", _system)):
        if out.get(key):
            zh = say(out[key])
            if zh is None:
                return None
            out[key] = zh
    if out.get("kind"):
        out["kind"] = _KINDS[out["kind"]]
    if out.get("whose"):
        out["whose"] = _WHOSE[out["whose"]]
    if out.get("same"):
        out["same"] = _SAME[out["same"]]
    return out


def _damage(why: str) -> str | None:
    lacks = re.fullmatch(r"it lacks (?P<keys>.+)", why)
    if lacks:
        return f"缺少 {lacks['keys']}"
    return _DAMAGE.get(why) or _system(why.lower())


def _system(why: str) -> str | None:
    """The system's reason, lower-cased as a write error gives it, in Chinese (else None)."""
    from sim.cli_zh_errors import _SYSTEM as SYSTEM

    return {k.lower(): v for k, v in SYSTEM.items()}.get(why)


def _value(text: str) -> str:
    return _WORDS.get(text, text)


def _was(text: str) -> str:
    """What a field or option was, said after its name: ``为 14``, or a state alone."""
    return _STATES.get(text) or f"为 {_value(text)}"


def _fields(text: str, this: str) -> str | None:
    """``days 14 (this run: 28), ports.x.y none (this run: 3) and 2 more field(s)``."""
    listed = re.fullmatch(r"(?P<list>.+?)(?: and (?P<n>\d+) more field\(s\))?", text)
    assert listed is not None  # (``.+?`` takes any text)
    said = []
    for item in re.split(r"(?<=\)), (?=\S)", listed["list"]):
        one = re.fullmatch(rf"(?P<field>the scenario|\S+) (?P<old>.+) \({this}: (?P<new>.+)\)",
                           item)
        if one is None:
            return None
        field = "情景" if one["field"] == "the scenario" else one["field"]
        said.append(f"{field} {_was(one['old'])}（{_THIS[this]}：{_value(one['new'])}）")
    more = f"，另有 {listed['n']} 个字段不同" if listed["n"] else ""
    return "，".join(said) + more


def _scenario(text: str, this: str) -> str | None:
    """How the folder's scenario differs (a run's or a sweep's words)."""
    found = re.fullmatch(r"scenario (?P<name>'[^']*')(?: \(this sweep: (?P<now>'[^']*')\))?"
                         r"(?P<rest>.*)", text)
    if found is None:
        return None
    head = f"情景 {found['name']}" + (f"（本次扫描：{found['now']}）" if found["now"] else "")
    rest = found["rest"]
    tails = {" (its scenario.json cannot be read to say what differs)":
             "（无法读取其 scenario.json，说不出哪里不同）",
             " with other settings (its resolved scenario differs)":
             "，设置不同（其解析后的情景不同）",
             ", whose points' scenarios differ": "，其各点的情景不同",
             " with other settings": "，设置不同"}
    if rest in tails:
        return head + tails[rest]
    fields = _fields(rest[len(" with "):], this) if rest.startswith(" with ") else None
    return None if fields is None else f"{head}，其中 {fields}"


def _run(text: str) -> str | None:
    """``scenario 'x' with ..., seed 1 (this run: seed 2)`` (either part alone too)."""
    found = re.fullmatch(r"(?:(?P<scn>.+), )?seed (?P<old>\S+) \(this run: seed (?P<new>\S+)\)",
                         text)
    if found is None:
        return _scenario(text, "this run")
    seed = f"随机种子 {found['old']}（本次运行：随机种子 {found['new']}）"
    if not found["scn"]:
        return seed
    scenario = _scenario(found["scn"], "this run")
    return None if scenario is None else f"{scenario}；{seed}"


#: how a comparison's folder differs (sim.experiment.compare._folder_differs), each part
_COMPARED: tuple[tuple[str, str], ...] = (
    (r"of other options \((?P<old>.*); this run: (?P<new>.*)\)",
     "方案不同（{old}；本次运行：{new}）"),
    (r"in which option (?P<name>.+?)'s scenario file (?P<file>.+) had other settings \(it, or "
     r"a file it extends, has changed since\)",
     "其中方案 {name} 的情景文件 {file} 的设置不同（该文件或其继承的文件此后有改动）"),
    (r"in which option (?P<name>.+?) changes (?P<old>\{.*\}) \(this run: (?P<new>\{.*\})\)",
     "其中方案 {name} 的改动为 {old}（本次运行：{new}）"),
    (r"of scenario (?P<old>'[^']*'), not (?P<new>'[^']*')", "情景为 {old}，而非 {new}"),
    (r"of (?P<old>\S+) observed days, not (?P<new>\S+)", "观测天数为 {old}，而非 {new}"),
    (r"with seed (?P<old>\S+), not (?P<new>\S+)", "随机种子为 {old}，而非 {new}"),
)


def _comparison(text: str) -> str | None:
    """Each way the folder's comparison differs, said in turn (None: one is not known)."""
    said = []
    for part in re.split(r"; (?=of |in which |with seed )", text):
        zh = _one(part, _COMPARED)
        if zh is None and part.startswith("of scenario "):
            zh = _scenario(part[len("of "):], "this run")
        if zh is None:
            return None
        said.append(zh)
    return "；".join(said)


#: how a sweep's folder differs (sim.experiment.sweep_differs), each part but the scenario's
_SWEPT: tuple[tuple[str, str], ...] = (
    (r"parameters (?P<old>.+) \(this sweep: (?P<new>.+)\)", "参数为 {old}（本次扫描：{new}）"),
    (r"(?P<flag>--(?:param|range|grid|lhs|sobol|sample-seed|days)|--set \S+) (?P<old>.+) "
     r"\(this sweep: (?P<new>.+)\)", "{flag} {was}（本次扫描：{new}）"),
    (r"(?P<old>\d+) points \(this sweep: (?P<new>\d+)\)", "{old} 个点（本次扫描：{new} 个）"),
    (r"seed (?P<old>\S+) \(this sweep: (?P<new>\S+)\)", "随机种子 {old}（本次扫描：{new}）"),
)


def _sweep(text: str) -> str | None:
    """Each way the folder's sweep differs, said in turn (None: one is not known)."""
    said = []
    for part in text.split("; "):
        zh = _points(part) if part.startswith("point ") else _one(part, _SWEPT)
        if zh is None and part.startswith("scenario "):
            zh = _scenario(part, "this sweep")
        if zh is None:
            return None
        said.append(zh)
    return "；".join(said)


def _points(text: str) -> str | None:
    """``point 0: x 1 (this sweep: 2), point 3: ... and 4 more``."""
    listed = re.fullmatch(r"(?P<list>.+?)(?: and (?P<n>\d+) more)?", text)
    assert listed is not None  # (``.+?`` takes any text)
    said = []
    for item in re.split(r"(?<=\)), (?=point \d+: )", listed["list"]):
        one = re.fullmatch(r"point (?P<i>\d+): (?P<key>\S+) (?P<old>.+) \(this sweep: "
                           r"(?P<new>.+)\)", item)
        if one is None:
            return None
        said.append(f"第 {one['i']} 点：{one['key']} 为 {one['old']}（本次扫描：{one['new']}）")
    return "，".join(said) + (f"，另有 {listed['n']} 处不同" if listed["n"] else "")


def _one(text: str, table: tuple[tuple[str, str], ...]) -> str | None:
    """``text`` by the first pattern of ``table`` it matches (words as :data:`_WORDS`;
    ``was``: the old value as :func:`_was` says it)."""
    for english, zh in table:
        found = re.fullmatch(english, text)
        if found is not None:
            words = {k: _value(v or "") for k, v in found.groupdict().items()}
            return zh.format(**words, was=_was(found.groupdict().get("old") or ""))
    return None
