"""What each option of a comparison assumes, as a
:class:`~sim.report.paper_table.PaperTable` (``bordersim paper-table --assumptions``): a row
per strength of each option's reform (its value, whether the comparison set it, what it
means, and whether a source backs it or it is an assumption), a row per field an option sets
by hand, and under the table each reform's sources as the reform library gives them, the
assumptions a structure's effect rests on and the reforms whose running cost was not given.
A referee reads from it which figures of a results table are the model's findings and which
are the inputs someone chose; nothing is simulated again."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sim.report.paper_table import PaperTable, _command

#: the basis of a strength, as its row says it
ASSUMED, SOURCED, UNSOURCED = "assumption", "a source", "no source names it"
#: the basis of a field an option sets by hand (not a reform's strength)
BY_HAND = "set for this comparison (no source recorded)"
#: the table's columns after the option's
COLUMNS = ["reform", "strength", "value", "meaning", "basis"]


def build_assumptions(folder: Path) -> PaperTable:
    """The assumptions table of a finished comparison ``folder`` (read and checked as the
    report reads it: an unfinished or damaged one raises ResultsFolderError)."""
    from sim.report.paper_table import read_comparison

    res = read_comparison(folder)
    rows, sources = assumption_rows(res.meta.get("options") or [])
    caption = (
        f"What each option of the comparison on scenario {res.meta.get('scenario')} "
        "assumes: each reform strength and each field set by hand, its value in this "
        "comparison, what it means and its basis: a source the reform library cites for "
        f"it, an {ASSUMED} the library names as such, or {UNSOURCED}. The scenario's own "
        "figures cite their sources in its file.")
    notes = [f"Sources of {name}: " + "; ".join(said) + "." for name, said in sources.items()]
    notes += _default_costs(sources)
    notes += _said_once("Assumptions the structure's effect rests on",
                        res.meta.get("structure_assumptions"))
    uncosted = sorted(res.meta.get("uncosted") or {})
    if uncosted:
        notes.append("Running cost not given (cost_per_year = 0), so no cost of running the "
                     f"reform is in the cost rows: {', '.join(uncosted)}.")
    table = PaperTable(COLUMNS, rows, caption, notes=notes, head="option", align="l")
    table.command, table.folder = _command(res.meta, folder), folder.name
    return table


def _default_costs(reforms: Mapping[str, Any]) -> list[str]:
    """Each reform's default set-up and running cost as ``bordersim appraise`` takes it (the
    reform library's rule and its grounds: :mod:`sim.reforms.cost_library`); not in the
    run's cost rows, which count what the run simulates."""
    from sim.reforms.cost_library import rule_said

    return [f"Default costs of {name} for bordersim appraise (not in the run's cost rows): "
            f"{rule_said(name)}." for name in reforms]


def assumption_rows(
    options: Sequence[Mapping[str, Any]],
) -> tuple[list[tuple[str, list[str]]], dict[str, list[str]]]:
    """The rows of ``options`` (``compare.json``'s) but the baseline, and each reform's
    sources by name (once, in the order first met)."""
    from sim.experiment.option_label import said
    from sim.reforms.compose import parse

    rows: list[tuple[str, list[str]]] = []
    sources: dict[str, list[str]] = {}
    for o in options[1:]:
        name, first = str(o.get("name", "")), len(rows)
        for field, value in dict(o.get("overrides") or {}).items():
            rows.append(("", ["", str(field), said(value), "", BY_HAND]))
        text = str(o.get("reform") or "")
        if text:
            composite = parse(text)
            from sim.reforms.compose import parse_one

            reforms = [*composite.reforms, *(parse_one(t)[0] for t, _ in composite.dated)]
            for reform in reforms:
                rows += _reform_rows(reform)
                sources.setdefault(reform.name, list(reform.sources) or ["none given"])
        if len(rows) == first:  # (an option that changes nothing by hand: say so)
            rows.append(("", ["", "\u2013", "\u2013", str(o.get("description", "")), "\u2013"]))
        rows[first] = (name, rows[first][1])
    return rows, sources


def _reform_rows(reform: Any) -> list[tuple[str, list[str]]]:
    """A row per strength of ``reform`` it has of its own (a transition's or a running
    cost's only where the comparison set it), else one row naming the reform alone."""
    from sim.experiment.option_label import said
    from sim.reforms.reform import RUNNING_COST, TRANSITION

    rows = []
    for key, param in reform.params.items():
        given = key in reform.values
        if (key in TRANSITION or key in RUNNING_COST) and not given:
            continue
        value = reform.values.get(key, param.default)
        shown = said(value) + (f" (set here; default {said(param.default)})" if given else "")
        why = basis(key, reform.sources)
        rows.append(("", [reform.name, key, shown, _first_sentence(param.doc),
                          f"chosen for this comparison (the default's: {why})" if given
                          else why]))
    return rows or [("", [reform.name, "\u2013", "\u2013", reform.mechanism, "\u2013"])]


def basis(key: str, sources: Sequence[str]) -> str:
    """Whether a strength ``key`` rests on an assumption (a source that says it is one names
    it), on a source (another names it) or on nothing the library cites."""
    named = [s for s in sources if re.search(rf"(?<![\w.]){re.escape(key)}(?!\w)", s)]
    if any("assumption" in s.lower() for s in named):
        return ASSUMED
    return SOURCED if named else UNSOURCED


def _first_sentence(doc: str) -> str:
    """A strength's doc up to its first ``;`` or ``. `` outside brackets: short enough for a
    table's cell, never cut inside a parenthesis."""
    for found in re.finditer(r"(?<!e\.g)(?<!i\.e)[;.](?:\s|$)", doc):
        head = doc[:found.start()]
        if head.count("(") == head.count(")"):
            return head.strip()
    return doc.strip()


def _said_once(head: str, by_option: Any) -> list[str]:
    """``head`` (option): text, for each option of a ``compare.json`` table of notes."""
    if not isinstance(by_option, Mapping):
        return []
    return [f"{head} ({name}): {text}" for name, text in by_option.items() if text]
