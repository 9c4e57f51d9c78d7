"""A damaged results folder's error and what to do about it (:mod:`sim.report.remedy`: give
the command that made it again, delete a damaged ``meta.json`` first, resume with the code
that made it, fix a failed replication's cause), in Chinese, as ``report`` and ``workbook``
end their errors with it. The error before the remedy is said by the other tables (a remedy
after an error no table knows leaves the whole line in English, marked); the command and
the paths are kept as written. Read by :mod:`sim.cli_zh_errors`."""

from __future__ import annotations

import re

#: what the remedy calls the folder's kind (:data:`sim.report.remedy._NOUN`)
_NOUNS = {"run": "运行", "comparison": "方案比较", "sweep": "参数扫描"}
_KEPT = "what finished is kept, each file checked by its checksum"
#: how the command is to be given again (:func:`sim.report.remedy.remedy`'s ``how``)
_HOW = {
    f" ({_KEPT} and identity)": "（已完成的部分保留，每个文件按校验和与身份核对）",
    " with that code": "（用生成它的那一版本的代码）",
    f" to run them ({_KEPT})": "以运行它们（已完成的部分保留，每个文件按校验和核对）",
    f" ({_KEPT}; a file that does not match is written again)":
        "（已完成的部分保留，每个文件按校验和核对；不符的文件重新写入）",
}
_ANY_HOW = "|".join(re.escape(h) for h in _HOW)
#: the command given again (:func:`sim.report.remedy._again`) -> its Chinese
_AGAIN = (
    (rf"give the same command again(?P<how>{_ANY_HOW}): (?P<command>.+)",
     "再次给出同一命令{how}：{command}"),
    (rf"give the command that made it again, with --out (?P<path>.+?)(?P<how>{_ANY_HOW})",
     "再次给出生成它的命令，并用 --out {path}{how}"),
)
#: a remedy (whole, ``{again}`` being :data:`_AGAIN`'s) -> its Chinese
_REMEDIES = (
    (r"to resume the (?P<noun>run|comparison|sweep) and repair the folder, delete "
     r"(?P<file>.+?) \(it cannot be read\), then (?P<again>give .+)",
     "要续跑该{noun}并修复文件夹，请先删除 {file}（它无法读取），然后{again}"),
    (r"the folder was made by other code \(build (?P<made>\S+); this code is (?P<this>\S+)\): "
     r"to resume the (?P<noun>run|comparison|sweep) and repair it, (?P<again>give .+)",
     "该文件夹由其他代码生成（构建 {made}；当前代码为 {this}）：要续跑该{noun}并修复它，"
     "请{again}"),
    (r"(?P<n>\d+) replication\(s\) failed \((?P<file>.+?) has their errors\): fix the cause "
     r"\(a replication fails again under its seed\), then (?P<again>give .+)",
     "{n} 次重复运行失败（其错误见 {file}）：请先排除原因（重复运行在同一随机种子下会再次失败），"
     "然后{again}"),
    (r"to resume the (?P<noun>run|comparison|sweep) and repair the folder, (?P<again>give .+)",
     "要续跑该{noun}并修复文件夹，请{again}"),
)
_STARTS = r"(?:to resume the |the folder was made by other code|\d+ replication\(s\) failed )"

#: an error and its remedy (the whole line) -> its Chinese; both said by :func:`said`
ERRORS: tuple[tuple[str, str], ...] = (
    (rf"(?P<error>.+?); (?P<remedy>{_STARTS}.+)", "{error}；{remedy}"),
)


def _said(english: str, table: tuple[tuple[str, str], ...]) -> str | None:
    """``english`` by the first pattern of ``table`` it matches whole, or None."""
    for pattern, zh in table:
        found = re.fullmatch(pattern, english)
        if found is None:
            continue
        words = {k: v or "" for k, v in found.groupdict().items()}
        if "noun" in words:
            words["noun"] = _NOUNS[words["noun"]]
        if "how" in words:
            words["how"] = _HOW[words["how"]]
        if "again" in words:
            again = _said(words["again"], _AGAIN)
            if again is None:
                return None
            words["again"] = again
        return zh.format(**words)
    return None


def remedy(english: str) -> str | None:
    """A remedy of :mod:`sim.report.remedy` in Chinese, or None when it is not one."""
    return _said(english, _REMEDIES)


def said(words: dict[str, str]) -> dict[str, str] | None:
    """The error (by the other tables) and the remedy in Chinese; None if either is not
    known (the line then stays English, marked)."""
    from sim.cli_zh_errors import reason

    error, fix = reason(words["error"]), remedy(words["remedy"])
    if error is None or fix is None:
        return None
    return {"error": error, "remedy": fix}
