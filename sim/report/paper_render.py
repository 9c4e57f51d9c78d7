"""A :class:`sim.report.paper_table.PaperTable` written as Markdown or LaTeX: the same cells,
each escaped for its markup (LaTeX's ``_``, ``%``, ``&``, ``$``, ``#``, braces; the cut mark
as ``\\ddag``, a power of ten in math), the command that made the folder a comment (LaTeX) or
a footnote (Markdown)."""

from __future__ import annotations

import re

from sim.report.numbers import CUT
from sim.report.paper_table import CHANGE, PaperTable

FORMATS = ("markdown", "latex")
_SUPERSCRIPT = str.maketrans("\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079",
                             "-0123456789")
_LATEX = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
          "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
          "^": r"\textasciicircum{}", CUT: r"\ddag{}", "\u2013": "--", "\u2212": "-"}


#: how a row of paired changes begins (against the baseline, or a sweep's point 0): indented
CHANGE_WORDS = CHANGE.split(" vs ")[0] + " vs "
#: the words around the table, by language (``zh``: a Markdown caption led by pandoc's ``:``)
WORDS = {
    "en": {"table": "Table: ", "made": "Made by: ", "again": "; to re-run and check it: "},
    "zh": {"table": ": ", "made": "生成命令：", "again": "；复现并核对："},
}


def render(table: PaperTable, form: str, lang: str = "en") -> str:
    """``table`` in ``form`` (one of :data:`FORMATS`), its own words in ``lang`` (the
    table's texts are already in it: :func:`sim.report.zh_paper.chinese`), ending with a
    newline."""
    return markdown(table, lang) if form == "markdown" else latex(table, lang)


def _indented(label: str) -> bool:
    """Whether a row is a change row (indented under its metric's)."""
    from sim.report.zh_paper import CHANGE_ZH

    return label.startswith(CHANGE_WORDS) or label in CHANGE_ZH.values()


def markdown(table: PaperTable, lang: str = "en") -> str:
    """A pipe table with its caption above and its notes and command below."""
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    words = WORDS[lang]
    lines = [f"{words['table']}{cell(table.caption)}", "",
             f"| {table.head} | " + " | ".join(cell(o) for o in table.options) + " |",
             "|:--|" + ("--:|" if table.align == "r" else ":--|") * len(table.options)]
    for label, cells in table.rows:
        shown = f"&nbsp;&nbsp;{label}" if _indented(label) else label
        lines.append(f"| {shown} | " + " | ".join(cell(c) for c in cells) + " |")
    lines.append("")
    lines += [f"{note}  " for note in table.notes]
    if table.command:
        lines.append(f"{words['made']}`{table.command}`" + (
            f"{words['again']}`bordersim reproduce {table.folder}`" if table.folder
            else ""))
    return "\n".join(lines).rstrip() + "\n"


def escape(text: str) -> str:
    """``text`` as LaTeX typesets it: its special characters escaped, a power of ten
    (``4.4×10⁻⁸``) in math."""
    out = "".join(_LATEX.get(c, c) for c in text)
    return re.sub(r"\u00d710([\u207b\u2070-\u2079\u00b9\u00b2\u00b3]+)",
                  lambda m: rf"$\times 10^{{{m.group(1).translate(_SUPERSCRIPT)}}}$", out)


def latex(table: PaperTable, lang: str = "en") -> str:
    """A ``table`` float (``tabular``, plain ``\\hline`` rules: no package needed; Chinese
    text needs a Chinese LaTeX such as ctex), the notes under it and the command that made
    the folder as a comment above."""
    words = WORDS[lang]
    lines = []
    if table.command:
        lines.append(f"% {words['made']}{table.command}")
        if table.folder:
            again = words["again"].removeprefix("; ").removeprefix("；")
            lines.append(f"% {again[0].upper()}{again[1:]}bordersim reproduce {table.folder}")
    lines += [r"\begin{table}[htbp]", r"\centering", rf"\caption{{{escape(table.caption)}}}",
              r"\begin{tabular}{l" + _columns(table) + "}", r"\hline",
              " & ".join(escape(c) for c in (table.head.capitalize(), *table.options))
              + r" \\", r"\hline"]
    for label, cells in table.rows:
        shown = rf"\quad {escape(label)}" if _indented(label) else escape(label)
        lines.append(f"{shown} & " + " & ".join(escape(c) for c in cells) + r" \\")
    lines += [r"\hline", r"\end{tabular}"]
    for note in table.notes:
        lines.append(rf"\par\smallskip{{\footnotesize {escape(note)}}}")
    if table.command:
        again = (rf"{words['again']}\texttt{{bordersim reproduce "
                 rf"{escape(table.folder)}}}" if table.folder else "")
        lines.append(rf"\par{{\footnotesize {words['made']}"
                     rf"\texttt{{{escape(table.command)}}}{again}}}")
    lines.append(r"\end{table}")
    return "\n".join(lines) + "\n"


def _columns(table: PaperTable) -> str:
    """The tabular's column types after the first: figures right-aligned; words in columns
    that wrap, sharing the line's width, so a long cell does not run off the page."""
    n = len(table.options)
    if table.align == "r":
        return "r" * n
    return rf"p{{{0.85 / max(n, 1):.3f}\linewidth}}" * n
