"""The errors of a file that cannot be read, in Chinese: each reason of
:class:`sim.scenario.files.FileProblem` (a folder, a device, a named pipe, a socket, too big,
not UTF-8, a link to nowhere or a loop of links, the system's refusal), as each reader
names its file (a scenario or its parent, ``bordersim check``'s and ``run``'s line being
``FILE: REASON``; a vessel schedule's CSV; ``--options-file``; ``--observed``), and the
``extends`` chain's and ``drop``'s own problems (:mod:`sim.scenario.inherit`). The file's
path, the sizes with their thousands separators and the limits are kept as written. Read by
:mod:`sim.cli_zh_errors` (a CSV of observations read by ``fit-arrivals``, ``fit-times`` or an
empirical distribution is :mod:`sim.cli_zh_fit`'s)."""

from __future__ import annotations

from sim.cli_zh_fit import file_words

#: a FileProblem's reason (the whole of it, after its file) -> its Chinese
REASONS: tuple[tuple[str, str], ...] = (
    (r"no such file", "文件不存在"),
    (r"is a folder, not a file", "是文件夹，不是文件"),
    (r"is a symbolic link to (?P<to>'.*'|\".*\"), which does not exist",
     "是指向 {to} 的符号链接，而该目标不存在"),
    (r"is a loop of symbolic links \(each leads to another, and back\): there is no file to "
     r"read", "是循环的符号链接（彼此指向，又绕回原处）：没有可读取的文件"),
    (r"cannot read: (?P<oserr>.+)", "无法读取：{oserr}"),
    (r"is (?P<kind>a folder|a named pipe|a device|a socket|not a regular file), not a "
     r"regular file", "是{kind}，不是普通文件"),
    (r"is (?P<size>[\d,]+) bytes; at most (?P<most>[\d,]+) bytes are read",
     "有 {size} 字节；最多读取 {most} 字节"),
    (r"is more than (?P<most>[\d,]+) bytes; at most (?P<most2>[\d,]+) are read",
     "超过 {most} 字节；最多读取 {most2} 字节"),
    (r"is not UTF-8 text(?P<utf16> \(it looks like UTF-16\))?: byte (?P<byte>0x[0-9a-f]+) "
     r"on line (?P<line>\d+); save it as UTF-8",
     "不是 UTF-8 文本{utf16}：第 {line} 行的字节 {byte}；请另存为 UTF-8"),
    (r"is not a text file: a NUL character on line (?P<line>\d+)",
     "不是文本文件：第 {line} 行有 NUL 字符"),
    (r"has more than (?P<rows>[\d,]+) rows", "超过 {rows} 行"),
)
_Q = r"(?P<f>'[^']*'|\"[^\"]*\")"  # (a file, as repr writes its path)
#: how a reader names its file before the reason (``{}``: the reason's pattern), and its
#: Chinese (``{}``: the reason's Chinese)
_HEADS: tuple[tuple[str, str], ...] = (
    (r"{}", "{}"),  # (a scenario or its parent: the file is the line's head)
    (rf"schedule csv {_Q}:? {{}}", "船期表 CSV 文件 {{f}}：{}"),
    (r"options file (?P<f>.+?): {}", "方案文件 {{f}}：{}"),
    (rf"observed figures {_Q}:? {{}}", "观测数据文件 {{f}}：{}"),
)
#: the ``extends`` chain's and ``drop``'s problems (not a file's reading) -> their Chinese
_CHAIN: tuple[tuple[str, str], ...] = (
    (r"extends forms a cycle: (?P<chain>.+)", "继承链（extends）成环：{chain}"),
    (r"an extends chain of more than (?P<n>[\d,]+) files \(from (?P<first>.+)\)",
     "继承链（extends）超过 {n} 个文件（始于 {first}）"),
    (r"must be a file name \(a string\)", "应为文件名（字符串）"),
    (r"is empty: give a bundled scenario's name or a file",
     "为空：请给出内置情景的名称或文件"),
    (rf"schedule csv {_Q}: no such file; a relative path is read from the scenario file's "
     r"folder \((?P<base>'[^']*'|\"[^\"]*\")\): give it from there, or an absolute path",
     "船期表 CSV 文件 {f}：文件不存在；相对路径从情景文件所在的文件夹（{base}）算起：请从那里"
     "给出，或给出绝对路径"),
    (r"options file not found: (?P<f>.+)", "找不到方案文件：{f}"),
    (r"drops a parent's tables, but this file extends no parent: add extends = \"PARENT\" "
     r"\(a file beside it or a bundled scenario's name\), or delete drop",
     "删除（drop）了上级情景的表，但本文件没有继承任何上级情景：请添加 extends = \"PARENT\""
     "（同一文件夹中的文件或内置情景的名称），或删去 drop"),
    (r"the parent \((?P<parent>[^)]+)\) has no (?P<what>\S+) to drop; the parent's "
     r"(?P<where>.+?) \(after the drops before it\): (?P<there>.+?)"
     r"(?:; did you mean (?P<near>'[^']*')\?)?",
     "上级情景（{parent}）中没有可删除的 {what}；上级情景的 {where}（删去之前各项之后）："
     "{there}{near}"),
    (r"the parent \((?P<parent>[^)]+)\) has no (?P<what>\S+) to drop",
     "上级情景（{parent}）中没有可删除的 {what}"),
)
#: an English reason (the whole of it) -> its Chinese, each reason under each head
ERRORS: tuple[tuple[str, str], ...] = (
    *((head.format(en), zh_head.format(zh)) for head, zh_head in _HEADS for en, zh in REASONS),
    *_CHAIN,
)


def said(words: dict[str, str]) -> dict[str, str]:
    """The groups of a matched file error in Chinese where they are words, not names: a kind
    of file, the system's reason, a UTF-16 hint, a suggested name."""
    out = {k: v or "" for k, v in words.items()}
    file_words(out)
    if "near" in out:
        out["near"] = f"；是否应为 {out['near']}？" if out["near"] else ""
    if out.get("where") == "top-level fields":
        out["where"] = "顶层字段"
    return out
