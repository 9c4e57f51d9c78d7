"""The report's table of options: what each changes, as the reform library explains it (its
one-line mechanism) and as the folder's files show it (the fields of its ``scenario.json``
that differ from the baseline's, those of every port grouped).

The fields are those ``bordersim reforms NAME SCENARIO`` lists (a distribution is one field),
found from the files alone: nothing is applied again.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sim.reforms.fields import rounded

if TYPE_CHECKING:
    from sim.experiment.options import Option
    from sim.report.folder import Variant

#: at most this many groups of changed fields are listed per option; the rest are counted
MAX_FIELDS = 6
_ABSENT = object()


def _leaves(data: Any, prefix: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    """Every value of a nested dict by its path (lists and empty dicts are values)."""
    if isinstance(data, dict) and data:
        out: dict[tuple[str, ...], Any] = {}
        for k, v in data.items():
            out.update(_leaves(v, (*prefix, str(k))))
        return out
    return {prefix: data}


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return _ABSENT
        data = data[key]
    return data


def _field(path: tuple[str, ...], before: Any, after: Any) -> tuple[str, ...]:
    """The field a changed value belongs to: a distribution's parameters are one field, and
    so are the entries of a table the baseline leaves empty or lacks."""
    while len(path) > 1:
        parent = path[:-1]
        old, new = _get(before, parent), _get(after, parent)
        if any(isinstance(x, dict) and "dist" in x for x in (old, new)) or old in ({}, _ABSENT):
            path = parent
        else:
            break
    return path


def changed_fields(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    """The fields of ``after`` that differ from ``before`` (two resolved scenarios), those of
    every port grouped: ``ports.*.release.pickup (6 ports)``; a single field with its old and
    new value when short."""
    a, b = _leaves(dict(before)), _leaves(dict(after))
    fields = dict.fromkeys(
        _field(p, before, after) for p in sorted(set(a) | set(b), key=str)
        if a.get(p, _ABSENT) != b.get(p, _ABSENT)
    )
    groups: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for f in fields:
        key = ("ports", "*", *f[2:]) if f[0] == "ports" and len(f) > 2 else f
        groups.setdefault(key, []).append(f)
    out = []
    for key, members in groups.items():
        if len(members) > 1:
            out.append(f"{'.'.join(key)} ({len(members)} ports)")
        else:
            out.append(_with_values(members[0], before, after))
    return out


def _with_values(path: tuple[str, ...], before: Any, after: Any) -> str:
    """``a.b: old \u2192 new`` when both are short, else the path alone."""
    old, new = (_get(x, path) for x in (before, after))
    texts = ["none" if v is _ABSENT else json.dumps(rounded(v), default=str) for v in (old, new)]
    if max(len(t) for t in texts) > 40:
        return ".".join(path)
    return f"{'.'.join(path)}: {texts[0]} \u2192 {texts[1]}"


def reform_words(label: str, day: float | None = None) -> str:
    """A reform with the strengths given: ``smart_image_review (clear = 0.9)``; with a
    transition, its length, loss and (dated at ``day``) days: ``merged_inspection
    (transition 5 days, officers' service times +30 %, days 18-23)``."""
    from sim.reforms.compose import parse_one
    from sim.reforms.reform import TRANSITION, ReformError, toml_value

    try:
        reform, _ = parse_one(label)
    except ReformError:
        return label
    parts = [f"{k} = {toml_value(v)}" for k, v in reform.values.items() if k not in TRANSITION]
    days = float(reform.strengths.get("transition_days", 0)) if reform.structural else 0.0
    if days > 0:
        loss = 100 * float(reform.strengths["transition_loss"])
        span = f", days {day:g}\u2013{day + days:g}" if day is not None else ""
        parts.append(f"transition {days:g} days, officers' service times +{loss:g} %{span}")
    return reform.name + (f" ({'; '.join(parts)})" if parts else "")


def mechanism(option: Option, scenario: Mapping[str, Any] | None = None) -> str:
    """The reform library's one-line mechanism of each reform an option applies, with the
    strengths given, and a dated one's date (from its ``scenario`` when known: the day and
    how far into the observed run) ('' when it applies none, or one the library no longer
    knows)."""
    if not option.reform:
        return ""
    from sim.reforms.compose import parse
    from sim.reforms.reform import ReformError
    from sim.report.periods import day_words, own_dated

    try:
        plan = parse(option.reform)
    except ReformError:
        return ""
    days = dict((label, d) for d, label in own_dated(option.reform, scenario or {}))
    dated = []
    for text, at in plan.dated:  # (switched on inside the run)
        day = days.get(text)
        when = at if day is None else day_words(day, scenario or {})
        try:
            dated += [f"{reform_words(text, day)}, from {when}, for the goods arriving from "
                      f"then: {r.mechanism.rstrip('.')}." for r in parse(text).reforms]
        except ReformError:
            continue
    return " ".join([*(f"{reform_words(r.label)}: {r.mechanism.rstrip('.')}."
                       for r in plan.reforms), *dated])


def options_rows(options: list[Option], variants: Mapping[str, Variant]) -> str:
    """One row per option: its name and what it changes (mechanism, fields)."""
    first = variants.get(options[0].name) if options else None  # the baseline
    base = first.scenario if first is not None else None
    rows = []
    for o in options:
        v = variants.get(o.name)
        what = [html.escape(mechanism(o, v.scenario if v else None) or o.label())]
        if base is not None and v is not None and o is not options[0]:
            fields = changed_fields(base, v.scenario)
            shown = fields[:MAX_FIELDS] + (
                [f"and {len(fields) - MAX_FIELDS} more"] if len(fields) > MAX_FIELDS else []
            )
            what.append(
                "<br><span class='note'>fields: "
                + ("; ".join(f"<code>{html.escape(f)}</code>" for f in shown)
                   or "none of this scenario's")
                + "</span>"
            )
        rows.append(
            f"<tr data-option=\"{html.escape(o.name)}\"><td>{html.escape(o.name)}</td>"
            f"<td class='changes'>{''.join(what)}</td></tr>"
        )
    return "".join(rows)


def what_it_is(options: list[Option], variants: Mapping[str, Variant]) -> dict[str, str]:
    """By option but the baseline, what it is in one line, for its headline, as the options
    table says it: the reform library's mechanism, else its own description, else the fields
    its scenario changes with their old and new values (from a results folder's
    ``variants``), else its settings as given."""
    first = variants.get(options[0].name) if options else None
    out = {}
    for o in options[1:]:
        v = variants.get(o.name)
        said = mechanism(o, v.scenario if v else None) or o.description
        if not said and first is not None and v is not None:
            fields = changed_fields(first.scenario, v.scenario)
            more = len(fields) - MAX_FIELDS
            said = "; ".join(fields[:MAX_FIELDS]) + (f"; and {more} more" if more > 0 else "")
        out[o.name] = said or o.label()
    return out
