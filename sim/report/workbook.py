"""``bordersim workbook RESULTS_DIR``: one .xlsx workbook of a finished run's or comparison's
folder, for a reader who works in a spreadsheet (Excel, WPS): a readme sheet (what each sheet
is, the scenario, the command, seeds, replications, warnings), the headline figures with
their 95 % intervals and units, a comparison's paired differences, and the main tables, with
number formats, a frozen header row, filters and column widths. The folder is checked first
as ``bordersim report`` checks it (a damaged one is refused, naming the file) and only read;
every figure is the folder's own (:mod:`sim.report.workbook_sheets`; an appraised comparison's
business case: :mod:`sim.report.workbook_appraisal`)."""

from __future__ import annotations

import io
import shlex
from pathlib import Path
from typing import Any

import pandas as pd

from sim.report.folder import ResultsFolderError, kind_of, read_compare, read_object, read_run
from sim.report.workbook_sheets import Sheet, sheets
from sim.shell_line import bordersim_line

_BOLD_FILL = "DDEBF7"
_MAX_WIDTH = 60


def workbook_name(lang: str = "en") -> str:
    """The workbook's file name in a results folder: ``workbook.xlsx``, ``workbook-zh.xlsx``."""
    return "workbook.xlsx" if lang == "en" else f"workbook-{lang}.xlsx"


def checked(folder: Path) -> tuple[str, dict[str, Any], dict[str, list[str]]]:
    """A run's or comparison's folder checked as its report checks it: its kind, its
    ``meta.json`` or ``compare.json`` (with the notes) and each option's warnings. A sweep's
    folder, or a damaged one, is a :class:`ResultsFolderError` naming the file."""
    kind = kind_of(folder)
    if kind == "sweep":
        raise ResultsFolderError(
            f"{folder} is a sweep's folder: bordersim workbook reads a run's or a comparison's "
            "(bordersim run, compare); a sweep's figures are in its points.csv, and its "
            f"report is `{bordersim_line('report', folder)}`", repair=False)
    try:
        res, variants = read_compare(folder) if kind == "compare" else read_run(folder)
    except ResultsFolderError as exc:
        if not exc.repair:
            raise
        from sim.report.remedy import remedy

        raise ResultsFolderError(f"{exc}; {remedy(folder, kind)}", repair=False) from None
    from sim.report.workbook_check import check_shown

    check_shown(folder, kind, res, variants)
    return kind, dict(res.meta), {k: list(v) for k, v in res.warnings.items()}


def build(folder: Path, lang: str = "en") -> bytes:
    """The workbook of the results folder ``folder`` as the bytes of an .xlsx file."""
    from openpyxl import Workbook

    from sim.report.workbook_agency import agency_sheet
    from sim.report.workbook_appraisal import appraisal_sheet
    from sim.report.workbook_spread import spread_sheets

    kind, meta, warnings = checked(folder)
    data = sheets(folder, kind, lang)
    agency = agency_sheet(folder, kind, lang)
    data += [agency] if agency is not None else []
    business = appraisal_sheet(folder, lang) if kind == "compare" else None
    data += [business, *spread_sheets(folder, lang)] if business is not None else []
    book = Workbook()
    readme = book.active
    assert readme is not None
    readme.title = "说明" if lang == "zh" else "readme"
    _readme(readme, folder, kind, meta, warnings, data, lang)
    for sheet in data:
        _table(book.create_sheet(sheet.name), sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_workbook(folder: str | Path, out: str | Path | None = None,
                   lang: str = "en") -> Path:
    """Write the workbook of ``folder`` to ``out`` (default ``folder/`` :func:`workbook_name`)
    atomically; ``out`` must end in .xlsx and be in a folder that exists, and may replace
    only an earlier workbook (:class:`~sim.experiment.store.WriteError` otherwise)."""
    from sim.experiment.store import WriteError, atomic_write, check_target

    folder = Path(folder)
    kind_of(folder)  # (not a results folder at all is said first)
    target = Path(out) if out is not None else folder / workbook_name(lang)
    if target.suffix.lower() != ".xlsx":
        raise WriteError(f"cannot write {target}: a workbook's file name ends in .xlsx "
                         "(Excel and WPS open it by that ending)")
    check_target(target)
    if not target.parent.is_dir():
        raise WriteError(f"cannot write {target}: the folder {target.parent} does not exist; "
                         "create it first, or give --out a file in a folder that exists")
    if target.is_file() and not _is_xlsx(target):
        raise WriteError(f"will not write over {target}: it is not an .xlsx workbook; give "
                         "--out a new file, or an earlier workbook to replace")
    atomic_write(target, build(folder, lang))
    return target


def _is_xlsx(path: Path) -> bool:
    """``path`` is a zip file (as every .xlsx is), so replacing it loses no CSV or report."""
    with path.open("rb") as f:
        return f.read(4) == b"PK\x03\x04"


def _readme(ws: Any, folder: Path, kind: str, meta: dict[str, Any],
            warnings: dict[str, list[str]], data: list[Sheet], lang: str) -> None:
    """The first sheet: what the workbook is, how the folder was made, each sheet, warnings."""
    from openpyxl.styles import Alignment, Font

    from sim.report.workbook_appraisal import money_said
    from sim.report.zh_workbook import readme_said

    zh = lang == "zh"
    said = readme_said if zh else str
    command = meta.get("command")
    command = shlex.join(map(str, command)) if isinstance(command, list) else str(command or "")
    options = meta.get("options") if kind == "compare" else None
    rows: list[tuple[str, Any]] = [
        ("bordersim 结果工作簿" if zh else "bordersim results workbook", ""),
        ("结果文件夹" if zh else "results folder", str(folder)),
        ("类型" if zh else "kind", ("方案比较" if zh else "comparison (bordersim compare)")
         if kind == "compare" else ("单次运行" if zh else "run (bordersim run)")),
        ("情景" if zh else "scenario", str(meta.get("scenario", ""))),
        ("命令" if zh else "command", command),
        ("随机数种子" if zh else "seed", meta.get("seed")),
        ("重复运行次数（每个方案）" if zh else "replications (each option)", meta.get("reps")),
        ("观测天数（预热期后）" if zh else "observed days (after the warm-up)", meta.get("days")),
        ("预热天数" if zh else "warm-up days", meta.get("warmup_days")),
        ("货币" if zh else "currency", money_said(folder, kind, meta, lang)),
        ("生成时间" if zh else "created", str(meta.get("created", ""))),
        ("版本" if zh else "bordersim build", str(meta.get("build", meta.get("version", "")))),
        ("区间" if zh else "intervals",
         "95% 置信区间（各次重复运行的 Student-t 区间）；区间不含 0 的变化才可视为明确变化"
         if zh else "95 % Student-t intervals over the replications; a change whose interval "
         "holds 0 is no clear change"),
    ]
    if meta.get("seeds"):
        rows.insert(6, ("种子规则" if zh else "seeds", said(str(meta["seeds"]))))
    for o in options if isinstance(options, list) else []:
        if isinstance(o, dict):
            what = ", ".join(f"{k}={v}" for k, v in dict(o.get("overrides", {})).items())
            rows.append((("方案 " if zh else "option ") + str(o.get("name")),
                         what or said(str(o.get("description", "")))))
    rows += [("", ""), ("工作表" if zh else "sheets", "")]
    rows += [(s.name, s.about + (("（{}）" if zh else " ({})").format(s.source) if s.source
                                 else "")) for s in data]
    found = _warning_rows(folder, warnings, meta, zh)
    rows += [("", ""), ("警告和说明" if zh else "warnings and notes",
                        "" if found else ("无" if zh else "none"))]
    rows += found
    for row in rows:
        ws.append(list(row))
    ws["A1"].font = Font(bold=True, size=14)
    for cell in ws["A"][1:]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top")
    for cell in ws["B"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
    ws.column_dimensions["A"].width = 32
    ws.column_dimensions["B"].width = 110


def _warning_rows(folder: Path, warnings: dict[str, list[str]], meta: dict[str, Any],
                  zh: bool) -> list[tuple[str, Any]]:
    """Every warning and note of the folder, one a row, with the option it is of: those of
    ``warning-records.json`` (every one the run printed), else (a folder written before it
    existed) each option's warnings and the run's notes."""
    file = folder / "warning-records.json"
    if file.is_file():
        records = read_object(file).get("records")
        if not isinstance(records, list):
            raise ResultsFolderError(f"{file} is not what bordersim writes (no records list)",
                                     repair=False)
        every = "全部方案" if zh else "every option"
        return [(str(r.get("option") or every), _said(str(r.get("text", "")), zh))
                for r in records if isinstance(r, dict)]
    rows = [(name, text) for name, texts in warnings.items() for text in texts]
    return rows + [("说明" if zh else "note", str(n)) for n in meta.get("notes", []) or []]


def _said(text: str, zh: bool) -> str:
    """A printed warning or note as the console says it in Chinese with ``zh`` (from its
    code: :func:`sim.cli_lang.line`; one no code knows, in English after its mark)."""
    from sim.cli_lang import line

    return line(text, "zh") if zh else text


def _table(ws: Any, sheet: Sheet) -> None:
    """A data sheet: its notes (if any) in italics above a bold frozen header row with a
    filter, numbers as numbers in their formats, columns as wide as their text (up to a
    limit)."""
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    table = sheet.table
    for note in sheet.notes:
        ws.append([note])
        ws.cell(row=ws.max_row, column=1).font = Font(italic=True)
    head = len(sheet.notes) + 1  # (the header's row)
    ws.append([str(c) for c in table.columns])
    for values in table.itertuples(index=False):
        ws.append([_cell(v) for v in values])
    for cell in ws[head]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", start_color=_BOLD_FILL)
    ws.freeze_panes = f"A{head + 1}"
    if len(table.columns):
        ws.auto_filter.ref = (f"A{head}:{get_column_letter(len(table.columns))}"
                              f"{len(table) + head}")
    for i, col in enumerate(table.columns, start=1):
        letter = get_column_letter(i)
        fmt = sheet.formats.get(str(col))
        if fmt is not None:
            for r, cell in enumerate(ws[letter][head:]):
                cell.number_format = sheet.row_formats[r] if sheet.row_formats else fmt
        shown = table[col].head(200)
        width = max([_width(str(col))] + [_width(str(v)) for v in shown if not _blank(v)])
        ws.column_dimensions[letter].width = min(_MAX_WIDTH, max(8, width + 2))


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _cell(value: Any) -> Any:
    """A value as a cell takes it: a number stays a number, a missing one an empty cell."""
    if _blank(value) or value is pd.NA:
        return None
    if hasattr(value, "item"):  # (a numpy scalar)
        value = value.item()
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return str(value)
    return value


def _width(text: str) -> int:
    """Columns a text takes: a Chinese character is about two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
