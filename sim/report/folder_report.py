"""``bordersim report RESULTS_DIR``: one self-contained HTML file from a results folder of
``bordersim run``, ``compare`` or ``sweep``, from its files alone (nothing is simulated)."""

from __future__ import annotations

from pathlib import Path

from sim.report.folder import kind_of, read_compare, read_run


def render_folder(path: str | Path) -> str:
    """The report of the results folder ``path`` as one HTML string.

    Raises :class:`~sim.report.folder.ResultsFolderError` (naming the file) for a folder that
    is not a results folder or is damaged.
    """
    path = Path(path)
    kind = kind_of(path)
    if kind == "sweep":
        from sim.report.sweep_html import render_sweep

        return render_sweep(path)
    from sim.report.html import render

    res, variants = read_compare(path) if kind == "compare" else read_run(path)
    return render(res, variants)


def write_folder_report(path: str | Path, out: str | Path | None = None) -> Path:
    """Write the report of ``path`` to ``out`` (default ``path/report.html``) atomically
    (``out`` a folder, a device, or in a file: :class:`~sim.experiment.store.WriteError`)."""
    from sim.experiment.store import atomic_write, check_target

    target = Path(out) if out is not None else Path(path) / "report.html"
    check_target(target)  # (before the report is made)
    atomic_write(target, render_folder(path))
    return target
