"""Reading a comparison's results folder for an appraisal (:mod:`sim.experiment.appraisal`),
writing its ``appraisal.csv`` and saying it in lines of text."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from sim.experiment.appraisal import FIGURES, NEEDED, Appraisal
from sim.experiment.appraisal_defaults import Defaults, option_defaults, said, unknown_said
from sim.experiment.appraisal_sources import cost_sources, labelled
from sim.experiment.price_index import Carried
from sim.experiment.store import atomic_write

#: the units of the figures not in money (the others are in the comparison's money)
NOT_MONEY = {"hours_saved_per_year": "consignment-hours a year", "payback_years": "years",
             "finds_gained_per_year": "declarations a year",
             "capacity_freed_hours_per_year": "head-hours a year"}


#: each figure's unit in ``appraisal.csv``, ``{money}`` the comparison's money (its currency
#: at its price year): the figures a year are the scenario's traffic over a year
UNITS = {"setup_cost": "{money}", "equipment_outlay": "{money}",
          "equipment_residual_value": "{money}",
          "running_cost_per_year": "{money} per year",
          "running_cost_given_per_year": "{money} per year",
          "cash_saving_per_year": "{money} per year",
          "capacity_freed_per_year": "{money} per year",
          "capacity_freed_hours_per_year": "head-hours per year",
          "trader_saving_per_year": "{money} per year",
          "time_saving_per_year": "{money} per year", "net_benefit_per_year": "{money} per year",
          "budget_present_value": "{money}", "trader_present_value": "{money}",
          "net_present_value": "{money}", "hours_saved_per_year": "consignment-hours per year",
          "budget_per_hour_saved": "{money} per consignment-hour",
          "finds_gained_per_year": "declarations per year",
          "budget_per_extra_find": "{money} per illicit declaration found",
          "revenue_protected_per_year": "{money} per year",
          "harm_avoided_per_year": "{money} per year", "payback_years": "years"}  # fmt: skip


#: the line before the comparison's warnings and notes, which the business case inherits
CAVEATS = ("The comparison's warnings and notes (warning-records.json) hold for this business "
           "case too:")


#: the line saying whether the NPV counts the staff capacity an option frees (by default not)
CASH_ONLY = ("The NPV counts cash only: the staff capacity freed (officers' hours no longer "
             "needed, still paid) is shown apart and not in it; --count-freed-capacity counts "
             "it as a saving, as if the posts were cut")
CAPACITY_COUNTED = ("The NPV counts the staff capacity freed as a saving (--count-freed-capacity),"
                    " as if the posts it frees were cut: the officers are still paid unless "
                    "they are")


def capacity_line(ask: Appraisal) -> str:
    """Whether the NPV counts the staff capacity freed (:data:`CASH_ONLY` by default)."""
    return CAPACITY_COUNTED if ask.count_capacity else CASH_ONLY


#: the line saying whether the NPV counts the equipment's service beyond the horizon
RESIDUAL_APART = ("Equipment is paid once at year 0 and never replaced: its residual value "
                  "beyond the horizon (below 0, its replacement within it) is shown apart and "
                  "not in the NPV; --count-residual-value counts it")
RESIDUAL_COUNTED = ("The state's cost counts the equipment's residual value beyond the horizon "
                    "(below 0, its replacement within it: --count-residual-value)")


#: a payback of 0 years said in words: year 0 costs nothing to repay
AT_ONCE = "at once (no year-0 cost to repay)"


class AppraisalError(ValueError):
    """A results folder or an argument an appraisal cannot use (the message says which)."""


@dataclass(frozen=True)
class Folder:
    """What an appraisal reads from a comparison's folder."""

    replications: pd.DataFrame
    options: list[str]
    days: float
    discount_rate: float
    money: str
    #: each option's set-up cost from its scenario: its ``costs.setup`` items beyond the
    #: baseline's (a reform's ``setup_cost``), what ``--setup`` replaces
    setup: dict[str, float] = field(default_factory=dict)
    #: the comparison's warnings and notes as it printed them (its ``warning-records.json``):
    #: a reform's running cost not given, a queue that did not settle, a run too short
    notes: tuple[str, ...] = ()
    #: each option's running costs a year its comparison already counts: its scenario's
    #: ``costs.systems`` items beyond the baseline's (a reform's ``cost_per_year``, by name),
    #: which ``--running`` may not add to again
    systems: dict[str, dict[str, float]] = field(default_factory=dict)
    #: the reform library's default costs of the options' reforms
    #: (:mod:`sim.experiment.appraisal_defaults`)
    defaults: Defaults = field(default_factory=Defaults)
    #: the baseline's ``costs.currency`` and ``costs.price_year`` (None: not recorded)
    currency: str = ""
    price_year: int | None = None
    #: how the money was carried to another year's prices (``--price-year``); None: not
    carried: Carried | None = None


def read_folder(path: Path) -> Folder:
    """The replications, options, observed days, discount rate and money of a comparison's
    folder; an :class:`AppraisalError` naming the file and what is wrong otherwise."""
    whole = path.parent.parent
    if (path.parent.name == "options" and not (path / "compare.json").exists()
            and (whole / "compare.json").is_file()):
        raise AppraisalError(f"{path}: one option's folder of a comparison; give the "
                             f"comparison's folder ({whole})")
    record = _json(path / "compare.json", "a comparison's results folder (bordersim compare)")
    reps_file = path / "replications.csv"
    try:
        reps = pd.read_csv(reps_file)
    except (OSError, ValueError) as exc:
        raise AppraisalError(f"{reps_file}: cannot be read ({exc})") from None
    missing = [m for m in ("option", "replication", *NEEDED) if m not in reps.columns]
    if missing:
        raise AppraisalError(f"{reps_file}: no column {', '.join(missing)}; an appraisal needs "
                             "the cost metrics of a scenario with a [costs] section")
    options = [str(o) for o in dict.fromkeys(reps["option"]) if o != "baseline"]
    if "baseline" not in set(reps["option"]) or not options:
        raise AppraisalError(f"{reps_file}: needs the baseline's replications and an option's")
    days = record.get("days")
    if not isinstance(days, (int, float)) or not days > 0:
        raise AppraisalError(f"{path / 'compare.json'}: days is {days!r}, not a positive number")
    scenario = _json(path / "options" / "baseline" / "scenario.json", "the baseline's scenario")
    rate = (scenario.get("costs") or {}).get("discount_rate")
    if not isinstance(rate, (int, float)):
        raise AppraisalError(f"{path / 'options' / 'baseline' / 'scenario.json'}: no "
                             "costs.discount_rate; give --discount-rate")
    mine = {name: _json(path / "options" / name / "scenario.json", f"option {name}'s scenario")
            for name in options}
    setup = {name: sum(_beyond(s, scenario, "setup").values()) for name, s in mine.items()}
    systems = {name: _beyond(s, scenario, "systems") for name, s in mine.items()}
    defaults = option_defaults(record.get("options") or [], scenario)
    costs = scenario.get("costs") or {}
    year = costs.get("price_year")
    return Folder(reps, options, float(days), float(rate), str(record.get("money") or ""),
                  {k: v for k, v in setup.items() if v > 0}, _notes(path),
                  {k: v for k, v in systems.items() if v}, defaults,
                  str(costs.get("currency") or ""), year if isinstance(year, int) else None)


def _notes(path: Path) -> tuple[str, ...]:
    """The comparison's warnings and notes, each as printed (none from a folder written
    before ``warning-records.json`` was): a business case holds only as far as they allow."""
    file = path / "warning-records.json"
    if not file.exists() and not file.is_symlink():
        return ()
    records = _json(file, "the comparison's warnings").get("records")
    if not isinstance(records, list):
        raise AppraisalError(f"{file}: no records list; it is not what bordersim writes")
    return tuple(str(r["text"]) for r in records if isinstance(r, dict) and r.get("text"))


def _beyond(mine: dict[str, Any], baseline: dict[str, Any], part: str) -> dict[str, float]:
    """An option scenario's ``costs.<part>`` items (``setup``: one-off; ``systems``: a year)
    that the baseline lacks or prices lower, each by how much more (an item the option drops
    saves nothing once spent)."""
    have = (baseline.get("costs") or {}).get(part) or {}
    items = (mine.get("costs") or {}).get(part) or {}
    more = {str(k): float(v) - float(have.get(k, 0.0)) for k, v in items.items()}
    return {k: v for k, v in more.items() if v > 0}


def _json(file: Path, what: str) -> dict[str, Any]:
    """A JSON object of the folder, read as a report reads one (never through a symbolic
    link, of bounded size: :func:`sim.report.folder.read_object`), or an AppraisalError."""
    from sim.report.folder import ResultsFolderError, read_object

    if not file.exists() and not file.is_symlink():
        raise AppraisalError(f"{file}: not found; appraise reads {what}")
    try:
        return read_object(file)
    except ResultsFolderError as exc:
        raise AppraisalError(str(exc)) from None


def write_appraisal(path: Path, table: pd.DataFrame, ask: Appraisal, folder: Folder,
                    command: list[str] | None = None,
                    spread: dict[str, Any] | None = None) -> dict[str, Any]:
    """Write ``appraisal.csv`` and ``appraisal.json`` (the terms too, for the report, where
    each option's set-up and running cost came from, and the ``command`` that wrote them, as
    a run's and a comparison's records keep theirs, so that one changed since can be made
    again, and the NPV's spread from the cost inputs, ``spread``, where given:
    :func:`sim.experiment.appraisal_spread.record`'s) into the folder; return the JSON's
    data."""
    sources = cost_sources(ask, folder)
    atomic_write(path / "appraisal.csv",
                 with_units(table, folder.money, sources).to_csv(index=False))
    figures = {o: {str(r["figure"]): {k: _json_number(r[k]) for k in ("mean", "ci_low", "ci_high")}
                   for r in table[table["option"] == o].to_dict("records")}
               for o in folder.options}
    data: dict[str, Any] = {"years": ask.years, "discount_rate": ask.discount_rate,
                            "money": folder.money,
                            "carried": None if folder.carried is None
                            else folder.carried.record(),
                            "time_value_scale": ask.time_value_scale,
                            "setup": dict(ask.setup), "running": dict(ask.running),
                            "cost_sources": sources,
                            "count_freed_capacity": ask.count_capacity,
                            "count_residual_value": ask.count_residual,
                            "options": figures,
                            "setup_unknown": {k: list(v) for k, v in ask.unknown.items()},
                            "default_costs": {o: [vars(p) for p in ps]
                                              for o, ps in folder.defaults.priced.items()},
                            "notes": list(folder.notes),
                            "command": None if command is None else list(command)}
    data.update(spread or {})
    atomic_write(path / "appraisal.json", json.dumps(data, indent=1, allow_nan=False) + "\n")
    return data


def with_units(table: pd.DataFrame, money: str,
               sources: dict[str, dict[str, str]] | None = None) -> pd.DataFrame:
    """``table`` (:func:`sim.experiment.appraisal.appraise`'s) with, after its columns, each
    figure's ``unit`` (``money``: the currency at its price year) and ``meaning`` (as the
    printed lines word it, the set-up and running cost with where each option's came from:
    ``sources``, :func:`~sim.experiment.appraisal_sources.cost_sources`'), so a reader of
    the file alone knows what each number is."""
    words = dict(FIGURES)
    money = money or "the scenario's currency"
    figure = table["figure"].astype(str)
    meaning = [labelled(f, words[f], (sources or {}).get(str(o)))
               for f, o in zip(figure, table["option"], strict=True)]
    return table.assign(unit=figure.map(lambda f: UNITS[f].format(money=money)),
                        meaning=meaning)  # fmt: skip


def _json_number(x: Any) -> float | str | None:
    """A figure for JSON: null where there is none (NaN), "never" for a payback beyond the
    horizon (inf)."""
    x = float(x)
    if math.isinf(x):
        return "never"
    return x if math.isfinite(x) else None


def lines(table: pd.DataFrame, ask: Appraisal, folder: Folder) -> list[str]:
    """The appraisal as text: a header with its terms, then each option's figures with their
    intervals, then how to read them."""
    out = [f"Business case against the baseline over {ask.years} years at a discount rate of "
           f"{ask.discount_rate:g}; money in {folder.money or 'the scenario currency'}; mean "
           "and 95 % interval over the replications (paired with the baseline)"
           + ("" if ask.time_value_scale == 1 else
              f"; the value of the goods' time x {ask.time_value_scale:g}")]
    if folder.carried is not None:
        out.append(folder.carried.said())
    out.append(capacity_line(ask))
    out.append(RESIDUAL_COUNTED if ask.count_residual else RESIDUAL_APART)
    words = dict(FIGURES)
    sources = cost_sources(ask, folder)
    for name in folder.options:
        out.append(f"{name}:")
        for r in table[table["option"] == name].to_dict("records"):
            unit = NOT_MONEY.get(str(r["figure"]), "")
            mean = float(r["mean"])
            shown = (payback_text(mean) if r["figure"] == "payback_years" else
                     figure_text(mean) + (f" {unit}" if unit else ""))
            if r["figure"] == "payback_years" and name in ask.unknown:
                shown = unknown_said(name, ask.unknown[name])
            named = labelled(str(r["figure"]), words[str(r["figure"])], sources[name])
            out.append(f"  {named}: {shown} "
                       f"({interval_text(float(r['ci_low']), float(r['ci_high']))})")
        if name in folder.defaults.priced:
            out.append("  " + said(name, folder.defaults.priced[name], given=ask.given(name)))
    if folder.notes:
        out.append(CAVEATS)
        out += list(folder.notes)
    out.append("Year 0: set-up cost and equipment; years 1 on: running cost and traders' "
               "saving. A payback of never does not pay back within the horizon; an interval of "
               "the cost per hour saved (per extra find) is 'none' where the hours saved (the "
               "finds gained) are not clear of 0; such a ratio is positive where the state pays "
               "more for more (or saves by giving some up: hours or finds below 0). Revenue "
               "and harm are not in the NPV. "
               "Per-year figures are the scenario's own traffic: where its volumes are scaled "
               "down (the default's are one terminal's), a national set-up cost must be given "
               "as these ports' share. Written: appraisal.csv, appraisal.json (bordersim report "
               "shows it).")
    return out


def figure_text(x: float) -> str:
    """A figure as the appraisal prints it: whole above 100, else three significant digits;
    "never" for a payback beyond the horizon, "n/a" for none."""
    if math.isnan(x):
        return "n/a"
    if math.isinf(x):  # (only a payback beyond the horizon is infinite)
        return "never"
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:.3g}"


def payback_text(years: float) -> str:
    """A payback as the appraisal prints it: "at once" where there is nothing to repay (no
    cost at year 0), "1 year", "3 years", "never" beyond the horizon, "n/a" for none."""
    if years == 0:
        return AT_ONCE
    if not math.isfinite(years):
        return figure_text(years)  # ("never", not "inf years")
    return f"{figure_text(years)} year{'' if years == 1 else 's'}"


def interval_text(low: float, high: float) -> str:
    """A figure's 95 % interval as the appraisal prints it (translated word for word by
    :mod:`sim.cli_zh_appraise`)."""
    if math.isnan(low) or math.isnan(high):
        return "95 % CI none"
    return f"95 % CI {figure_text(low)} to {figure_text(high)}"
