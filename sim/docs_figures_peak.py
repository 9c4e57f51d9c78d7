"""A docs page's figures from ``bordersim hours --peak``, keyed in a figures marker's table
like any metric (:mod:`sim.docs_figures_page`).

A page may print, beside a comparison's metrics, a lane's worst backlog that ``bordersim
hours RESULTS --peak`` read from the same comparison's folder: how many waited at the peak
and how many hours the lane took to work it off. A marker keys such a number as one word,
``peak:PORT:LANE:FIELD`` (``FIELD``: ``peak_queue``, ``peak_h``, ``mean_queue`` or
``cleared_h``, the columns of ``hours --peak --csv``), with ``in OPTION`` for an option's::

    row 3: peak:post_hub:exam_bays:peak_queue
    row 3, column 3: peak:post_hub:exam_bays:peak_queue in ai_clear_97

:mod:`sim.docs_figures` then reads the rerun's folder as ``hours --peak`` does and adds each
lane's figures to its output as if they were metrics with no interval (one figure of the
replications' mean queue), so they are compared at the page's printed precision.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

PREFIX = "peak:"
FIELDS = ("peak_queue", "peak_h", "mean_queue", "cleared_h")


def wanted(metrics: list[str]) -> bool:
    """Whether any of a command's keyed metrics is a ``peak:`` figure."""
    return any(m.startswith(PREFIX) for m in metrics)


def peak_figures(folder: Path) -> dict[str, dict[str, dict[str, float]]]:
    """Each option's ``peak:PORT:LANE:FIELD`` figures of a finished run's or comparison's
    folder, in ``compare --json``'s shape (mean, and an interval of the mean itself)."""
    from sim.report.hourly_use import observed_window
    from sim.report.peak_backlog import peak_backlog

    kind, variants = read(folder)
    out: dict[str, dict[str, dict[str, float]]] = {}
    for name, variant in variants.items():
        peaks = peak_backlog(variant.tables["queues"], observed_window(variant.scenario))
        option = out.setdefault(name if kind == "compare" else "run", {})
        for r in peaks.to_dict("records"):
            for field in FIELDS:
                v = float(r[field])
                option[f"{PREFIX}{r['port']}:{r['lane']}:{field}"] = {
                    "mean": v, "ci_low": v, "ci_high": v}
    return out


def read(folder: Path) -> tuple[str, dict[str, Any]]:
    """A results folder's kind (``compare`` or ``run``) and its options, as ``hours`` reads
    them."""
    from sim.report.folder import kind_of, read_compare, read_run

    kind = kind_of(folder)
    _, variants = read_compare(folder) if kind == "compare" else read_run(folder)
    return kind, variants


def add_peaks(output: dict[str, Any], folder: Path) -> dict[str, Any]:
    """A command's ``compare``-shaped output with its folder's peak figures added to each
    option's metrics."""
    for option, figures in peak_figures(folder).items():
        output["options"].setdefault(option, {}).update(figures)
    return output
