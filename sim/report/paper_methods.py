"""A finished comparison's methods paragraph (``bordersim paper-table --methods``): the model
and the code that ran it, the scenario, the warm-up, observed and drain days, the
replications, the common random numbers that pair every option with the baseline, the
intervals and Holm's correction, how the model is verified against queueing theory and how a
referee re-runs the folder. Every figure comes from the folder's ``compare.json`` and its
replications, so the paragraph describes the study that made the folder, not a default; a
researcher edits its wording, not its facts. Nothing is simulated again."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

#: where the verification against queueing theory is described (the docs' own page)
VERIFIED = (
    "The simulator's queues are verified against queueing theory by its test suite: a "
    "lane against Erlang C (M/M/c) and Pollaczek-Khinchine (M/G/1), a network of lanes "
    "against Jackson's theorem, Little's law exactly on every lane, and the organisation's "
    "units against Erlang C (the bundled teaching-mmc and teaching-jackson scenarios; "
    "docs/teaching.md)."
)


def build_methods(folder: Path, lang: str = "en") -> str:
    """The methods paragraph of a finished comparison ``folder`` (read and checked as the
    report reads it: an unfinished or damaged one raises ResultsFolderError), in ``lang``
    (``zh``: :mod:`sim.report.zh_paper_methods`)."""
    from sim.report.paper_table import read_comparison

    res = read_comparison(folder)
    counts = res.per_rep["option"].value_counts().tolist() if len(res.per_rep) else [0]
    if lang == "zh":
        from sim.report.zh_paper_methods import methods_text_zh

        return methods_text_zh(res.meta, min(counts), max(counts), folder.name)
    return methods_text(res.meta, min(counts), max(counts), folder.name)


def methods_text(meta: Mapping[str, Any], low: int, high: int, name: str) -> str:
    """The paragraph for a comparison whose ``compare.json`` is ``meta``, with ``low`` to
    ``high`` replications per option, its folder named ``name``."""
    options = max(len(meta.get("options") or []) - 1, 0)
    reps = str(low) if low == high else f"{low} to {high}"
    parts = [
        _model(meta),
        f"We compared {options} option{_s(options)} with the baseline (scenario "
        f"{meta.get('scenario')}, SHA-256 of its resolved values "
        f"{str(meta.get('scenario_hash', ''))[:12]}). "
        + _run_length(meta),
        f"Each option ran {reps} independent replications{_precision(meta)}. The options use "
        "common random numbers: replication r of every option draws from the same random "
        f"streams (NumPy SeedSequence with root seed {meta.get('seed')} and spawn key r), "
        "so each option's change from the baseline is a paired difference over the "
        "replications." + _other_goods(meta),
        "We report each figure's mean over the replications with its 95 % Student-t "
        "interval, and each change with the Student-t interval of the paired differences; "
        "a change is called significant at 5 % after Holm's correction for the number of "
        "options, metric by metric. Percentiles (p90, p95) are read from a logarithmic "
        "histogram within 1 % of the exact sample quantile. The intervals hold the variation "
        "between runs, not the uncertainty of the scenario's inputs.",
        VERIFIED,
        f"The results folder ({name}) records the resolved scenario, the seed and every "
        f"replication; `bordersim reproduce {name}` re-runs it and compares every figure.",
    ]
    return " ".join(parts)


def render_methods(text: str, form: str) -> str:
    """The paragraph as Markdown (as written) or LaTeX (escaped, a command in ``\\texttt``),
    ending with a newline."""
    import re

    from sim.report.paper_render import escape

    if form != "latex":
        return text + "\n"
    return re.sub(r"`([^`]*)`", r"\\texttt{\1}", escape(text)) + "\n"


def _model(meta: Mapping[str, Any]) -> str:
    """Which code ran: version, build, commit (and whether it had changes), SimPy's version."""
    found = meta.get("git")
    git: Mapping[str, Any] = found if isinstance(found, Mapping) else {}
    commit = str(git.get("commit") or "")[:12]
    where = (f", commit {commit}" + (" with uncommitted changes" if git.get("dirty") else "")
             if commit else "")
    simpy = (meta.get("libraries") or {}).get("simpy")
    engine = f"SimPy {simpy}" if simpy else "SimPy"
    return (f"Clearance was simulated with bordersim {meta.get('version')} (build "
            f"{meta.get('build')}{where}), a discrete-event simulation of consignments "
            f"crossing a border written in Python on {engine}.")


def _run_length(meta: Mapping[str, Any]) -> str:
    """The warm-up, the observed days and the drain, and what each is for."""
    warm, days, drain = (float(meta.get(k) or 0) for k in ("warmup_days", "days", "drain_days"))
    weeks = (" (whole weeks, so the observation starts on the same day of the weekly "
             "cycle)" if warm and warm % 7 == 0 else "")
    return (
        f"Each replication starts with empty queues and runs a warm-up of {warm:g} "
        f"days{weeks}, whose consignments are not counted; the consignments arriving in the "
        f"next {days:g} observed days are followed through a drain of {drain:g} days with no "
        "new arrivals, and any still open at the end are reported as censored, not dropped."
        + ("" if days % 7 == 0 else f" The {days:g} observed days are not whole weeks, so "
           "the arrivals' weekly pattern is not sampled evenly.")
    )


def _precision(meta: Mapping[str, Any]) -> str:
    """How the number of replications was set, where a precision target set it."""
    target = meta.get("precision")
    if target is None:
        return ""
    on = ", ".join(str(m) for m in meta.get("precision_metrics") or [])
    held = {"differences": "the paired differences", "levels": "the options' levels"}.get(
        str(meta.get("precision_on")), "both the options' levels and the paired differences")
    return (f", their number set by a precision target: replications were added (from 10, "
            f"at most {meta.get('max_reps')}) until the 95 % half-widths of {on}, for "
            f"{held}, were within {target} (relative for times, costs and counts; absolute "
            "for shares)")


def _other_goods(meta: Mapping[str, Any]) -> str:
    """Where an option changes which consignments arrive (``arrivals_changed``) or their
    declared attributes (``unpaired``), that its pairing shares the random streams but not
    all the goods, so a pooled figure compares another mix (as the comparison's notes say)."""
    names = sorted({*(meta.get("arrivals_changed") or {}), *(meta.get("unpaired") or {})})
    if not names:
        return ""
    return (f" Option{_s(len(names))} {', '.join(names)} change{'s' if len(names) == 1 else ''}"
            " which consignments arrive or what they declare, so their pairing shares the "
            "random streams but not every consignment: their figures pooled over ports and "
            "directions compare another mix of goods than the baseline's.")


def _s(n: int) -> str:
    return "" if n == 1 else "s"
