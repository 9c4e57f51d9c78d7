"""The console lines of ``bordersim paper-table`` and ``bordersim tornado`` in Chinese
(``--lang zh``, see :mod:`sim.cli_lang`): their own refusals (a flag for another table, a
sweep's folder asked for options, a metric or measure the folder lacks, a file it will not
overwrite, a reform with nothing to vary), the metrics left out and the file written. A
reason of the results folder's or the scenario's is said by :mod:`sim.cli_zh_errors`; one
no pattern knows is printed in English, marked untranslated, never half translated.
Paths, metric names and flags stay as written."""

from __future__ import annotations

import re
from pathlib import Path

#: the command's own reasons: English pattern -> Chinese (``{name}``: the pattern's group)
REASONS: tuple[tuple[str, str], ...] = (
    (r"(?P<f>--define|--raw-names) is for the rows of the figures table: give it without "
     r"--gains, --assumptions or --methods",
     "{f} 只用于数值表的各行：请不要与 --gains、--assumptions 或 --methods 同时给出"),
    (r"--gains, --assumptions and --methods each write a text of their own: give one of them",
     "--gains、--assumptions 和 --methods 各自写出一份文本：请只给出其中一个"),
    (r"(?P<p>.+): a sweep's folder has no options, so no --gains, --assumptions or --methods "
     r"\(a comparison's\); its figures table is paper-table without them",
     "{p}：参数扫描的结果文件夹没有方案，故不能用 --gains、--assumptions 或 --methods（用于比较的"
     "结果文件夹）；其数值表即不带这些选项的 `paper-table`"),
    (r"(?P<p>.+): no metric (?P<m>.+); the (?:folder|sweep)'s metrics are those of its "
     r"(?P<f>summary\.csv|intervals\.csv) \(`bordersim check SCENARIO --metrics` lists them\)",
     "{p}：没有指标 {m}；该结果文件夹的指标即其 {f} 中的指标（`bordersim check SCENARIO "
     "--metrics` 可列出）"),
    (r"(?P<p>.+): a results folder of bordersim (?P<k>\S+); paper-table reads a comparison's "
     r"\(bordersim compare\), whose options it sets side by side",
     "{p}：这是 bordersim {k} 的结果文件夹；`paper-table` 读取比较（bordersim compare）的结果"
     "文件夹，将其各方案并列"),
    (r"(?P<p>.+) has no gains.csv: the comparison ran with --no-gains \(no consignment logs\); "
     r"run it again without it",
     "{p} 中没有 gains.csv：该比较运行时用了 --no-gains（没有逐票货物记录）；请不带该选项重新运行"),
    (r"--gains (?P<m>'[^']*'): not a measure of (?P<p>.+); allowed: (?P<a>.+)",
     "--gains {m}：不是 {p} 中的度量；可取：{a}"),
    (r"will not overwrite (?P<p>.+): it is a file of the results folder; give --out a new "
     r"file, or a \.md or \.tex one",
     "不会覆盖 {p}：它是结果文件夹中的文件；请给 --out 一个新文件，或 .md、.tex 文件"),
    (r"--metric (?P<m>'[^']*'): not a metric of this comparison(?:; did you mean "
     r"(?P<alts>'.+')\?)?",
     "--metric {m}：不是本次比较的指标{alts}"),
    (r"reform (?P<r>\S+): no setting to vary \(no range is stated for its assumptions\); "
     r"give one: --range SETTING=LOW,HIGH",
     "改革 {r}：没有可变动的设定（其假设均未给出范围）；请给出：--range SETTING=LOW,HIGH"),
    (r"reform (?P<r>'[^']*'): give one reform \(its assumptions are varied one at a time\), "
     r"not a combination",
     "改革 {r}：请只给出一项改革（其假设逐一变动），不要给出组合"),
    (r"reform (?P<r>'[^']*'): give it undated \(@(?P<w>[^)]*)\): the ends are compared over "
     r"the whole run",
     "改革 {r}：请不要给出日期（@{w}）：两端按整个运行期比较"),
    (r"range (?P<k>'[^']*'): not a strength of reform (?P<r>\S+) \(its strengths: "
     r"(?P<s>[^)]*)\) nor a dotted scenario field",
     "范围 {k}：既不是改革 {r} 的强度参数（其强度参数：{s}），也不是以点分隔的情景字段"),
)


def error(said: str, lang: str) -> str:
    """``error: ...`` in ``lang``: the command's own reasons by :data:`REASONS`, a folder's
    or a scenario's by :func:`sim.cli_zh_errors.error_line`."""
    from sim.cli_zh_errors import error_line

    if lang != "zh":
        return f"error: {said}"
    for pattern, zh in REASONS:
        found = re.fullmatch(pattern, said)
        if found is not None:
            words = {k: v or "" for k, v in found.groupdict().items()}
            if "alts" in words:
                alts = words["alts"].replace("' or '", "' 或 '")
                words["alts"] = f"；是否应为 {alts}？" if alts else ""
            if "a" in words:
                words["a"] = words["a"].replace(", ", "、")
            return "错误：" + zh.format(**words)
    written = re.fullmatch(r"cannot write (?P<p>.+?): (?P<why>[^:]+)", said)
    if written is not None:
        from sim.cli_zh_errors import _SYSTEM

        return f"错误：无法写入 {written['p']}：{_SYSTEM.get(written['why'], written['why'])}"
    return error_line(said, lang)


def skipped(metrics: list[str], lang: str) -> str:
    """The default metrics the comparison does not hold, left out of its table."""
    if lang != "zh":
        return f"note: not in this comparison, so left out: {', '.join(metrics)}"
    return f"提示：以下指标不在本次比较中，故未列入：{'、'.join(metrics)}"


def written(what: str, out: Path, lang: str) -> str:
    """The line after a table or methods paragraph is written to ``--out``."""
    if lang != "zh":
        return f"{what}: {out}"
    return f"{ {'table': '表', 'methods': '方法段落'}.get(what, what)}：{out}"


def results(out: Path, lang: str) -> str:
    """``tornado``'s last line: where its folder is."""
    if lang != "zh":
        return f"results: {out} (tornado.csv and the comparison's files)"
    return f"结果：{out}（tornado.csv 及该比较的各文件）"
