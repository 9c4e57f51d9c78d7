"""Whether a comparison's business case (``appraisal.csv``, ``appraisal.json``, written by
``bordersim appraise``) is still the one its folder gives: the appraisal is worked out again
from the comparison's replications with the terms ``appraisal.json`` records (horizon,
discount rate, set-up and running costs, value-of-time scale, whether freed capacity counts,
the year whose prices the money was carried to)
and each figure of both files is set against it, the NPV's spread from the cost inputs too
(with the ranges ``cost_ranges`` records). The appraisal is written after the
comparison finished, so the comparison's seal (``finished.json``) does not cover it: without
this check an NPV or payback edited by hand would pass ``bordersim reproduce`` unseen."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

#: the figures of each row compared (those ``appraisal.json`` keeps too)
COLUMNS = ("mean", "ci_low", "ci_high")


def appraisal_problems(folder: Path) -> list[str]:
    """One line naming ``folder``'s appraisal file that disagrees with the appraisal worked
    out again (its first figure that moved, both values), or that is missing beside the
    other; empty when the folder has no appraisal or it agrees."""
    csv, record = folder / "appraisal.csv", folder / "appraisal.json"
    there = [p for p in (csv, record) if p.exists() or p.is_symlink()]
    if not there:
        return []
    again = "give the appraise command again" + _command(record)
    if len(there) == 1:
        gone = record if there[0] == csv else csv
        return [f"{gone}: missing, though {there[0].name} is there (bordersim appraise writes "
                f"both): {again}"]
    try:
        expected = _worked_out(folder)
        stored = _stored_rows(csv)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        return [f"{csv}: cannot be checked against the comparison ({_short(exc)}): {again}"]
    from sim.report.folder import read_object

    terms = read_object(record)  # (read already: _worked_out)
    expected |= _spread_worked_out(folder, terms)
    json_rows = _json_rows(terms.get("options")) | _spread_rows(terms.get("input_spread"))
    stored |= {k: v for k, v in expected.items() if k[1].startswith(SPREAD)}  # (not in CSV)
    for name, rows in (("appraisal.csv", stored), ("appraisal.json", json_rows)):
        moved = _first_moved(rows, expected)
        if moved:
            return [f"{folder / name}: {moved}, not the appraisal worked out again from the "
                    "comparison's replications with the terms appraisal.json records (changed "
                    f"after bordersim appraise wrote it): {again}"]
    return []


def _command(record: Path) -> str:
    """``: COMMAND``, the ``bordersim appraise`` command line ``appraisal.json`` recorded
    (quoted for a shell), to give again; "" when it recorded none (written before it kept
    one, or from Python) or cannot be read."""
    import shlex

    from sim.report.folder import read_object

    try:
        command = read_object(record).get("command") if record.is_file() else None
    except ValueError:
        return ""
    if not isinstance(command, list) or command[:1] != ["bordersim"]:
        return ""
    return ": " + shlex.join(str(word) for word in command)


def _worked_out(folder: Path) -> dict[tuple[str, str, str], float]:
    """Each figure of the appraisal worked out again: ``(option, figure, column)`` to its
    value (NaN: none, inf: a payback never reached)."""
    from sim.experiment.appraisal import appraise

    data, ask, _ = _asked(folder)
    table = appraise(data.replications, data.options, ask)
    return {(str(r["option"]), str(r["figure"]), c): float(r[c])
            for r in table.to_dict("records") for c in COLUMNS}


def _asked(folder: Path) -> tuple[Any, Any, dict[str, Any]]:
    """The comparison's folder as the appraisal read it, the appraisal ``appraisal.json``'s
    terms ask for, and those terms."""
    from sim.experiment.appraisal import Appraisal
    from sim.experiment.appraisal_folder import AppraisalError, read_folder
    from sim.report.folder import read_object

    try:
        data = read_folder(folder)
    except AppraisalError as exc:
        raise ValueError(str(exc)) from None
    terms = read_object(folder / "appraisal.json")
    carried = terms.get("carried")  # (money carried to another year's prices: --price-year)
    if isinstance(carried, dict):
        from sim.experiment.appraisal_prices import at_prices_of

        data = at_prices_of(data, int(carried["to_year"]), str(carried["index"]))
    ask = Appraisal(years=int(terms["years"]), discount_rate=float(terms["discount_rate"]),
                    days=data.days, setup=_amounts(terms["setup"]),
                    time_value_scale=float(terms["time_value_scale"]),
                    running=_amounts(terms["running"]),
                    count_capacity=bool(terms["count_freed_capacity"]),
                    count_residual=bool(terms.get("count_residual_value", False)),
                    scenario_rate=data.discount_rate,
                    unknown={str(k): tuple(v) for k, v in terms["setup_unknown"].items()})
    return data, ask, terms


#: the figure name under which an input's spread is compared (``spread_of_setup_cost``)
SPREAD = "spread_of_"
#: the spread's figures compared (``appraisal.json``'s ``input_spread``)
SPREAD_COLUMNS = ("low", "high", "npv_at_low", "npv_at_high")


def _spread_worked_out(folder: Path, terms: dict[str, Any]) -> dict[tuple[str, str, str],
                                                                      float]:
    """The NPV's spread from the cost inputs worked out again with the ranges
    ``appraisal.json`` records (none for an appraisal written before the spread was)."""
    from sim.experiment.appraisal_spread import record, spread

    if "input_spread" not in terms:
        return {}
    data, ask, _ = _asked(folder)
    given = {str(k): (float(v[0]), float(v[1]))
             for k, v in dict(terms.get("cost_ranges") or {}).items()}
    return _spread_rows(record(spread(data.replications, data.options, ask, given),
                               given)["input_spread"])


def _spread_rows(kept: Any) -> dict[tuple[str, str, str], float]:
    """``input_spread``'s figures as ``(option, spread_of_INPUT, column)`` rows."""
    if not isinstance(kept, dict):
        return {}
    return {(str(o), SPREAD + str(row.get("input")), c): _number(row.get(c))
            for o, rows in kept.items() if isinstance(rows, list)
            for row in rows if isinstance(row, dict) for c in SPREAD_COLUMNS}


def _amounts(given: Any) -> dict[str, float]:
    """An option-to-amount mapping of ``appraisal.json`` (``setup``, ``running``)."""
    return {str(k): float(v) for k, v in dict(given).items()}


def _stored_rows(csv: Path) -> dict[tuple[str, str, str], float]:
    """``appraisal.csv``'s figures, read as every results file is (no link, bounded size)."""
    from sim.report.folder import read_csv

    table = read_csv(csv)  # (a ResultsFolderError is a ValueError)
    return {(str(r["option"]), str(r["figure"]), c): _number(r[c])
            for r in table.to_dict("records") for c in COLUMNS}


def _json_rows(kept: Any) -> dict[tuple[str, str, str], float]:
    """``appraisal.json``'s ``options`` figures (null: none; "never": a payback not reached)."""
    if not isinstance(kept, dict):
        return {}
    return {(str(o), str(f), c): _number(v.get(c) if isinstance(v, dict) else None)
            for o, figures in kept.items() if isinstance(figures, dict)
            for f, v in figures.items() for c in COLUMNS}


def _number(x: Any) -> float:
    """A stored figure as a float: NaN for none, inf for "never", NaN for anything else."""
    if x == "never":
        return math.inf
    try:
        return float(x)
    except (TypeError, ValueError):
        return math.nan


def _first_moved(rows: dict[tuple[str, str, str], float],
                 expected: dict[tuple[str, str, str], float]) -> str | None:
    """The first figure of ``rows`` not exactly ``expected``'s (a missing figure equal to
    another), or one ``expected`` has that ``rows`` lacks, said with both values."""
    for key, want in expected.items():
        option, figure, column = key
        if key not in rows and figure == "equipment_residual_value":
            continue  # (an appraisal written before the figure was)
        if key not in rows:
            return f"no {column} of {figure} for option {option}"
        got = rows[key]
        if not (got == want or (math.isnan(got) and math.isnan(want))):
            return f"{option} {figure} {column} is {got!r} in the file, {want!r} worked out"
    extra = next((k for k in rows if k not in expected), None)
    return None if extra is None else f"a figure {extra[1]} of option {extra[0]} not worked out"


def _short(exc: BaseException) -> str:
    """An exception's message on one line, shortened."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."
