"""``bordersim report RESULTS_DIR``: one self-contained HTML file from a results folder of
``bordersim run``, ``compare`` or ``sweep``, from its files alone (nothing is simulated)."""

from __future__ import annotations

from pathlib import Path

from sim.report.folder import ResultsFolderError, kind_of, read_compare, read_run


def render_folder(path: str | Path) -> str:
    """The report of the results folder ``path`` as one HTML string.

    Raises :class:`~sim.report.folder.ResultsFolderError` (naming the file) for a folder that
    is not a results folder or is damaged; for damage that giving the command that made the
    folder again repairs, the message ends saying so (:mod:`sim.report.remedy`).
    """
    path = Path(path)
    kind = kind_of(path)
    try:
        if kind == "sweep":
            from sim.report.sweep_html import render_sweep

            return render_sweep(path)
        res, variants = read_compare(path) if kind == "compare" else read_run(path)
        from sim.report.workbook_check import check_shown

        check_shown(path, kind, res, variants)  # (summary.csv, enforcement.csv: as workbook)
    except ResultsFolderError as exc:  # (what to do about it, where the command repairs it)
        if not exc.repair:
            raise
        from sim.report.remedy import remedy

        raise ResultsFolderError(f"{exc}; {remedy(path, kind)}", repair=False) from None
    from sim.report.html import render

    if kind != "compare":
        return render(res, variants)
    from sim.report.aeo_payback_section import aeo_payback_section
    from sim.report.appraisal_section import appraisal_section

    return render(res, variants, appraisal_section(path) + aeo_payback_section(path))


def check_folder(path: str | Path) -> str:
    """Read and check the results folder ``path`` as its report does (every file against its
    checksum, the pooled tables against the replications, ...), drawing and writing nothing;
    its kind (``run``, ``compare`` or ``sweep``). A damaged folder raises the
    :class:`~sim.report.folder.ResultsFolderError` :func:`render_folder` raises."""
    from sim.report.plots import figures_left_out

    with figures_left_out():
        render_folder(path)
    return kind_of(Path(path))


def write_folder_report(path: str | Path, out: str | Path | None = None,
                        lang: str = "en") -> Path:
    """Write the report of ``path`` to ``out`` (default ``path/`` :func:`report_name`) atomically
    (``out`` a folder, a device, or in a file: :class:`~sim.experiment.store.WriteError`),
    in ``lang`` (:mod:`sim.report.translate`: ``"zh"``, Simplified Chinese)."""
    from sim.experiment.store import WriteError, atomic_write, check_target

    kind_of(Path(path))  # (a file, say: not a results folder, before where to write)
    target = Path(out) if out is not None else Path(path) / report_name(lang)
    check_target(target)  # (before the report is made)
    if out is not None and not target.parent.is_dir():  # (a mistyped folder is not made)
        raise WriteError(
            f"cannot write {target}: the folder {target.parent} does not exist; create it "
            "first, or give --out a file in a folder that exists"
        )
    _check_overwrite(Path(path), target, lang)
    from sim.report.place_names import chinese_ports, declared_names
    from sim.report.plot_lang import noted, plots_in
    from sim.report.route_labels import labelled_page, route_labels
    from sim.report.translate import translate
    from sim.report.zh_labels import chinese_labels, labelled
    from sim.report.zh_scenarios import chinese_description, translated

    folder, kind = Path(path), kind_of(Path(path))
    with plots_in(lang):  # (a Chinese page's plots in Chinese, where a font draws it)
        names = (declared_names(folder, kind) | translated(folder, kind) if lang == "zh"
                 else frozenset[str]())
        page = translate(render_folder(path), lang, names)
        if lang == "zh":  # (a port, a route by its scenario's Chinese label, else its label)
            page = labelled_page(page, route_labels(folder, kind, lang))
            page = labelled(page, chinese_labels(folder, kind), escape=True)
            page = chinese_ports(page, folder, kind)
            page = chinese_description(page, folder, kind)
        atomic_write(target, noted(page))
    return target


def report_name(lang: str = "en") -> str:
    """The file name of a results folder's own report in ``lang``: ``report.html`` in
    English, ``report-zh.html`` in Chinese (so neither replaces the other)."""
    return "report.html" if lang == "en" else f"report-{lang}.html"


def _check_overwrite(folder: Path, target: Path, lang: str = "en") -> None:
    """``target`` may be replaced by a report: nothing is there yet, or it is the results
    folder's own report in ``lang`` (:func:`report_name`), or an HTML report outside the
    folder (anything else there, the folder's results above all, would be lost:
    :class:`~sim.experiment.store.WriteError`)."""
    from sim.experiment.store import WriteError

    if not target.is_file():
        return
    own = folder / report_name(lang)
    if own.is_file() and target.resolve() == own.resolve():
        return
    if target.resolve().is_relative_to(folder.resolve()):
        raise WriteError(
            f"will not write over {target}: it is one of the results folder's files; the "
            f"folder's report goes to {own} (leave --out out), or give --out a new file"
        )
    if not _is_report(target):
        raise WriteError(
            f"will not write over {target}: it is not an HTML report of bordersim; give "
            "--out a new file, or an earlier report to replace"
        )


def _is_report(path: Path) -> bool:
    """``path`` begins as the reports of ``bordersim report``, ``run``, ``compare`` and
    ``sweep`` do (an HTML page titled ``bordersim ...``)."""
    try:
        with path.open("rb") as f:
            head = f.read(4096).decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    except OSError:
        return False
    return head.lower().startswith("<!doctype html") and "<title>bordersim " in head
