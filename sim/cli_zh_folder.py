"""A results folder's read errors in Chinese (:mod:`sim.report.folder`'s readers, which
``report``, ``trucks``, ``both-sides``, ``compliance``, ``tables``, ``difference`` and others
read a folder through, and ``difference``'s own): a pattern of each English reason and its
Chinese, read by :mod:`sim.cli_zh_errors`. The file's path is kept as written; why a file
cannot be read is said in Chinese when it is one of
:func:`sim.experiment.store.read_problem`'s words, else kept as written."""

from __future__ import annotations

#: why a results file cannot be read (:func:`sim.experiment.store.read_problem`, and the
#: checks of a file read only as bordersim writes it), in Chinese
WHY = {
    "a symbolic link (results files are read only as the files bordersim writes, never "
    "through a link)": "它是符号链接（结果文件只按 bordersim 写入的文件读取，从不经由链接读取）",
    "a file stands where its folder should be": "其所在文件夹的位置上是一个文件",
    "missing": "文件缺失",
    "a folder, not a file": "它是文件夹，不是文件",
    "not a regular file": "它不是普通文件",
}

#: an English reason (the whole of it) -> its Chinese; ``why`` is said by :data:`WHY`
ERRORS: tuple[tuple[str, str], ...] = (
    # a file that does not match what it was made from (bordersim tables, workbook)
    (r"(?P<f>.+?) does not match (?P<whose>.+) \(changed or damaged\): give the command that "
     r"made the folder again(?: \(it writes the file again\))?, or restore the file",
     "{f} 与{whose}不符（已被改动或损坏）：请再次执行生成该结果文件夹的命令（它会重新写入该文件），"
     "或恢复该文件"),
    (r"(?P<f>.+?) is missing \(the folder is incomplete or damaged\): give the command that "
     r"made the folder again \(it writes the file again\)",
     "{f} 缺失（结果文件夹不完整或已损坏）：请再次执行生成该结果文件夹的命令"
     "（它会重新写入该文件）"),
    (r"(?P<f>.+?) is not the table bordersim writes \((?P<detail>(?:(?!\): ).)+)\): the file "
     r"is damaged or was changed; give the command that made the folder again, or restore "
     r"the file",
     "{f} 不是 bordersim 写入的表（{detail}）：该文件已损坏或被改动；请再次执行生成该结果文件夹"
     "的命令，或恢复该文件"),
    (r"(?P<f>.+) is missing \(the folder is incomplete or damaged\)",
     "{f} 缺失（结果文件夹不完整或已损坏）"),
    (r"(?P<f>.+) is not what bordersim writes \(not a JSON object\)",
     "{f} 不是 bordersim 写入的内容（不是 JSON 对象）"),
    # bordersim report: a file it vouches for (sim.report.unread_files), before its remedy
    (r"(?P<f>.+?) does not match (?P<whose>(?:(?!; ).)+) \(changed or damaged\)",
     "{f} 与{whose}不符（已被改动或损坏）"),
    (r"(?P<f>.+) is not what bordersim writes \(no list of records\)",
     "{f} 不是 bordersim 写入的内容（没有记录列表）"),
    (r"(?P<f>.+) is not what bordersim writes \(its counts do not match its records\)",
     "{f} 不是 bordersim 写入的内容（其中的计数与记录不符）"),
    (r"(?P<f>.+) is a folder, not a file \(the folder is damaged\): remove it",
     "{f} 是文件夹而不是文件（结果文件夹已损坏）：请删除它"),
    # bordersim difference (sim.report.run_difference): a folder that is not a finished run's
    (r"(?P<f>.+) is (?P<what>a comparison's|a sweep's) folder, not a run's: difference sets "
     r"two folders of bordersim run against each other \(a comparison already holds its "
     r"options' differences: bordersim report (?P<g>.+)\)",
     "{f} 是{what}的结果文件夹，不是一次运行的：difference 对比的是 bordersim run 的两个结果"
     "文件夹（方案比较的结果中已有各方案与基准方案的差值：bordersim report {g}）"),
    (r"(?P<f>.+) has no finished replication \(reps/ holds none\): nothing to set against the "
     r"other run; finish it first by giving its bordersim run command again with the same "
     r"--out",
     "{f} 没有已完成的重复运行（reps/ 中没有）：无从与另一次运行对比；请先以相同的 --out 再次"
     "执行它的 bordersim run 命令，把它运行完"),
    (r"(?P<f>.+) has no finished replication \(reps/ holds none\): nothing to set against the "
     r"other run; finish it first: (?P<command>bordersim run .+)",
     "{f} 没有已完成的重复运行（reps/ 中没有）：无从与另一次运行对比；请先把它运行完："
     "{command}"),
    (r"(?P<f>.+?) cannot be read as a scenario \((?P<detail>.+)\)",
     "{f} 无法作为情景读取（{detail}）"),
    # (a reason never runs on past "; ", nor a detail past "); ": what follows would be a
    # remedy, said by its own table or not at all)
    (r"(?P<f>.+?) cannot be read: (?P<why>(?:(?!; ).)+)", "{f} 无法读取：{why}"),
    (r"(?P<f>.+?) cannot be read \((?P<detail>(?:(?!\); ).)+)\)", "{f} 无法读取（{detail}）"),
)

#: what a file does not match (bordersim tables, workbook), in Chinese
WHOSE = {
    "the replications in replications.csv": "replications.csv 中的各次重复运行",
    "the replication files in reps/": "reps/ 中的重复运行文件",
    "the point files in points/": "points/ 中各扫描点的文件",
    "the run's replications": "本次运行的各次重复运行",
    "the replications' enforcement tables": "各次重复运行的执法表",
}

#: what a folder is when it is not a run's (as ``report`` says a sweep's folder)
WHAT = {"a comparison's": "方案比较（compare）", "a sweep's": "参数扫描（sweep）"}


def said(words: dict[str, str]) -> dict[str, str]:
    """``words`` of a matched reason with ``why`` in Chinese (when :data:`WHY` knows it; a
    size limit, ``larger than N bytes``, is said too), and a reader's ``detail`` when the
    notes' reasons know it (JSON that does not parse: its line and column), else as written."""
    from sim.report.zh_reasons import reason

    if words.get("detail"):
        words["detail"] = reason(words["detail"]) or words["detail"]
    whose = words.get("whose")
    if whose:
        words["whose"] = _whose(whose)
    if words.get("what"):  # (a folder of another command's: difference's error)
        words["what"] = WHAT[words["what"]]
    why = words.get("why")
    if why:
        if why.startswith("larger than ") and why.endswith(" bytes"):
            words["why"] = f"大于 {why[len('larger than '):-len(' bytes')]} 字节"
        else:
            words["why"] = WHY.get(why, why)
    return words


def _whose(english: str) -> str:
    """What a file does not match, in Chinese (a checksum's seal and a column kept as
    written; anything else unknown kept in English), spaced from the Chinese around it where
    it starts or ends in Latin letters."""
    if english.startswith("its checksum in "):
        zh = f"{english[len('its checksum in '):]} 中记录的校验和"
    else:
        base, sep, column = english.partition(" (column ")
        zh = (WHOSE[base] + (f"（{column.rstrip(')')} 列）" if sep else "")
              if base in WHOSE else english)
    return (" " if zh[0].isascii() else "") + zh + (" " if zh[-1].isascii() else "")
