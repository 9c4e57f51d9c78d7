"""``bordersim appraise RESULTS_DIR [--setup OPTION=AMOUNT] [--running OPTION=AMOUNT]
[--years N] [--discount-rate R] [--time-value-scale X] [--price-year YEAR
[--price-index NAME]] [--json]``: each option's business
case over years against the baseline of a comparison's results folder
(:mod:`sim.experiment.appraisal`), from its files alone: nothing is simulated again.
Only the standard library is imported at start-up."""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: the most a discount rate may be (as a scenario's `costs.discount_rate`): above, it is most
#: likely a percentage typed as a share
MAX_RATE = 0.3
MAX_YEARS = 100


def add_parser(sub: Any) -> None:
    """Add ``appraise`` to the ``bordersim`` parser."""
    p = sub.add_parser(
        "appraise",
        help="each option's business case over years (NPV, payback) from a comparison",
        description="Read a results folder of bordersim compare and give each option's "
        "business case against the baseline: its one-off cost (the set-up cost given here "
        "and the equipment it adds), the change in the agencies' running cost a year (cash), "
        "the staff capacity it frees (officers' hours still paid: apart, not in the NPV unless "
        "--count-freed-capacity), the traders' saving a year (fees and the value of the goods' "
        "time), their present values over the horizon, the net present value, the payback "
        "year and the state's cost per consignment-hour saved, each with a 95 % interval over "
        "the replications (paired); beside them, the NPV's spread from the cost inputs (each "
        "input at its low and high end, the others central, ranked by the swing; "
        "--cost-range). Nothing is simulated again; writes RESULTS_DIR/appraisal.csv.",
    )
    p.add_argument("folder", type=Path, metavar="RESULTS_DIR", help="a comparison's folder")
    p.add_argument("--setup", action="append", default=[], metavar="OPTION=AMOUNT",
                   help="an option's one-off set-up cost in the comparison's money: its "
                   "currency at the prices of its costs.price_year (USD at 2019 prices in the "
                   "bundled default), or of --price-year's year where it is given "
                   "(IT build, accreditation, training; repeatable); default: its scenario's "
                   "costs.setup items beyond the baseline's (a reform's setup_cost) plus the "
                   "reform library's default set-up cost of its other reforms (bordersim "
                   "reforms NAME shows it); a reform with none leaves the payback not known")
    p.add_argument("--running", action="append", default=[], metavar="OPTION=AMOUNT",
                   help="an option's running cost a year beyond what the model counts (IT, "
                   "licences, staff), in the same money as --setup; added to each year's "
                   "change in running cost, as a reform's cost_per_year would be, without "
                   "running the comparison again (repeatable); default: the reform library's "
                   "default running cost of its reforms whose cost_per_year was not given; "
                   "refused for an option whose comparison already counts a reform's "
                   "cost_per_year")
    p.add_argument("--years", default="10", metavar="N",
                   help=f"the horizon in years, 1 to {MAX_YEARS} (default 10)")
    p.add_argument("--discount-rate", metavar="R",
                   help="the real discount rate, a share 0 to 0.3 (default: the baseline "
                   "scenario's costs.discount_rate)")
    p.add_argument("--time-value-scale", default="1", metavar="X",
                   help="the value of the goods' time x X (a sensitivity: the default "
                   "scenario's 0.6 %% a day for general goods is the low end of 0.6-2.1 %%; "
                   "X = 3.5 takes the high end for them; default 1)")
    _add_pricing(p)
    p.add_argument("--json", action="store_true", help="print only JSON")
    from sim.cli_lang import add_lang

    add_lang(p)  # (the business case's lines; --json and the files written stay English)


def _add_pricing(p: Any) -> None:
    """The options that say what the NPV counts and at which prices and ranges."""
    p.add_argument("--count-freed-capacity", action="store_true",
                   help="count the staff capacity an option frees (officers' hours no longer "
                   "needed, at their cost) as a saving in the NPV and payback, as if the posts "
                   "were cut; by default the NPV counts cash only, and the capacity freed is "
                   "shown apart (the officers are still paid)")
    p.add_argument("--count-residual-value", action="store_true",
                   help="count the equipment's service beyond the horizon in what the state "
                   "pays: its residual value where the horizon is shorter than its life, its "
                   "replacement within the horizon where longer (in kind, the life the "
                   "comparison's equipment charge implies); by default equipment is paid once "
                   "at year 0 and never replaced, and the figure is shown apart")
    p.add_argument("--price-year", metavar="YEAR",
                   help="give every money figure at YEAR's prices: each figure of the "
                   "comparison (at its costs.price_year) and the reform library's defaults "
                   "carried by a price index; --setup and --running amounts are then read at "
                   "YEAR's prices (default: the comparison's costs.price_year, nothing carried)")
    p.add_argument("--price-index", metavar="NAME",
                   help="the index that carries them with --price-year: us_cpi_u (US CPI-U, "
                   "BLS) or cn_cpi (China's CPI, NBS); default: the index of the scenario's "
                   "currency (USD: us_cpi_u, CNY: cn_cpi)")
    p.add_argument("--cost-range", action="append", default=[], metavar="INPUT=LOW:HIGH",
                   help="replace a cost input's default range in the NPV's spread (each input "
                   "at its low and high end, the others central; repeatable): setup_cost, "
                   "running_cost_given, time_value or equipment_price as multiples of the "
                   "value used (0.5:2), discount_rate as rates (0.03:0.12); each range holds "
                   "the value used")


@dataclass(frozen=True)
class Worked:
    """An appraisal worked from a folder and the arguments: what ``appraise`` writes and
    prints (the workbook works its spread again the same way)."""

    folder: Any  # (sim.experiment.appraisal_folder.Folder, its money at the prices asked)
    ask: Any  # (sim.experiment.appraisal.Appraisal)
    table: Any  # (the business case, pandas)
    given: dict[str, tuple[float, float]]  # (each --cost-range)
    spreads: dict[str, Any]  # (each option's tornado)
    joints: dict[str, Any]  # (each option's Monte Carlo)


def worked(args: argparse.Namespace) -> Worked:
    """The appraisal ``args`` asks of its folder; an
    :class:`~sim.experiment.appraisal_folder.AppraisalError` for a bad folder or argument."""
    from dataclasses import replace

    from sim.experiment.appraisal import appraise
    from sim.experiment.appraisal_defaults import notes_holding
    from sim.experiment.appraisal_folder import read_folder
    from sim.experiment.appraisal_spread import spread, together

    folder = _prices(args, read_folder(args.folder))
    ask = _settings(args, folder)
    folder = replace(folder, notes=notes_holding(folder.notes, ask.running_given))
    table = appraise(folder.replications, folder.options, ask)
    given = cost_ranges(getattr(args, "cost_range", []), ask)
    return Worked(folder, ask, table, given, spread(folder.replications, folder.options, ask,
                                                     given),
                  together(folder.replications, folder.options, ask, given))


def worked_again(path: Path, flags: list[str]) -> Worked:
    """The appraisal of the folder ``path`` with ``appraise``'s ``flags`` (those
    ``appraisal.json`` records: :func:`sim.report.workbook_appraisal.given_flags`), parsed
    as the command parses them."""
    parser = argparse.ArgumentParser(prog="bordersim")
    add_parser(parser.add_subparsers(dest="command"))
    return worked(parser.parse_args(["appraise", str(path), *flags]))


def run(args: argparse.Namespace) -> int:
    """Appraise the folder's options; 2 with a clear error for a bad folder or argument."""
    from sim.cli import UsageError
    from sim.cli_lang import chosen
    from sim.experiment.appraisal_folder import AppraisalError, write_appraisal
    from sim.experiment.appraisal_spread import record

    lang = chosen(args)
    try:
        w = worked(args)
        out = write_appraisal(args.folder, w.table, w.ask, w.folder,
                              getattr(args, "command_line", None),
                              record(w.spreads, w.given, w.joints))
    except AppraisalError as exc:
        raise UsageError(str(exc)) from None
    if args.json:
        print(json.dumps(out, indent=1, allow_nan=False))
        return 0
    from sim import cli_zh_appraise as zh
    from sim.experiment.appraisal_folder import lines

    said = zh.lines if lang == "zh" else lines  # (the same table, terms and figures)
    from sim.experiment.appraisal_spread import lines as spread_lines

    shown = said(w.table, w.ask, w.folder)  # (the spread before the closing note on reading it)
    print("\n".join([*shown[:-1], *spread_lines(w.spreads, lang == "zh", w.joints),
                     shown[-1]]))
    return 0


def _prices(args: argparse.Namespace, folder: Any) -> Any:
    """``folder`` with its money at ``--price-year``'s prices (as it is without one); an
    index or a year the data does not cover is an error naming the flag and what is allowed."""
    from sim.experiment.appraisal_folder import AppraisalError

    index = getattr(args, "price_index", None)
    year_text = getattr(args, "price_year", None)
    if year_text is None:
        if index is not None:
            raise AppraisalError(f"--price-index {index}: carries money only with --price-year")
        return folder
    year = _number(year_text, "--price-year")
    if year != int(year):
        raise AppraisalError(f"--price-year {year_text}: a year, a whole number (2024)")
    from sim.experiment.appraisal_prices import at_prices_of
    from sim.experiment.price_index import PriceIndexError, known

    try:
        known(index) if index is not None else None
    except PriceIndexError as exc:
        raise AppraisalError(f"--price-index {index}: {exc}") from None
    try:
        return at_prices_of(folder, int(year), index)
    except PriceIndexError as exc:
        raise AppraisalError(f"--price-year {year_text}: {exc}") from None


def _settings(args: argparse.Namespace, folder: Any) -> Any:
    """The appraisal asked for, each argument checked (an error names it, its value and what
    is allowed)."""
    from sim.experiment.appraisal import Appraisal
    from sim.experiment.appraisal_folder import AppraisalError

    years = _number(args.years, "--years")
    if years != int(years) or not 1 <= years <= MAX_YEARS:
        raise AppraisalError(f"--years {args.years}: a whole number of years 1 to {MAX_YEARS}")
    rate = folder.discount_rate if args.discount_rate is None else _number(
        args.discount_rate, "--discount-rate")
    if not 0 <= rate <= MAX_RATE:
        raise AppraisalError(f"--discount-rate {rate}: a share 0 to {MAX_RATE} (8 % is 0.08)")
    scale = _number(args.time_value_scale, "--time-value-scale")
    if scale < 0:
        raise AppraisalError(f"--time-value-scale {args.time_value_scale}: 0 or more")
    setup, running, unknown = _with_defaults(folder)
    given_setup = _amounts(args.setup, "--setup", folder, args.folder)
    setup.update(given_setup)
    given = _amounts(args.running, "--running", folder, args.folder)
    for name in given:
        _not_counted_twice(name, folder, args.running)
    running.update(given)
    unknown = {k: v for k, v in unknown.items() if k not in given_setup}
    count = bool(getattr(args, "count_freed_capacity", False))
    if count:
        _capacity_measured(folder, args.folder)
    return Appraisal(years=int(years), discount_rate=rate, days=folder.days, setup=setup,
                     time_value_scale=scale, running=running, unknown=unknown,
                     count_capacity=count, setup_given=frozenset(given_setup),
                     running_given=frozenset(given),
                     count_residual=bool(getattr(args, "count_residual_value", False)),
                     scenario_rate=folder.discount_rate)


def cost_ranges(given: list[str], ask: Any) -> dict[str, tuple[float, float]]:
    """Each ``--cost-range INPUT=LOW:HIGH``, checked: a known input, two numbers, LOW not
    above the value used (1 for a multiple, the rate for the discount rate), HIGH not below."""
    from sim.experiment.appraisal_folder import AppraisalError
    from sim.experiment.appraisal_spread import INPUTS

    out = {}
    for each in given:
        name, sep, ends = each.partition("=")
        low_text, colon, high_text = ends.partition(":")
        if not sep or not colon or name not in INPUTS:
            raise AppraisalError(f"--cost-range {each}: not INPUT=LOW:HIGH (its inputs: "
                                 f"{', '.join(INPUTS)})")
        low = _number(low_text, f"--cost-range {name} LOW")
        high = _number(high_text, f"--cost-range {name} HIGH")
        central = ask.discount_rate if name == "discount_rate" else 1.0
        if not 0 <= low <= central <= high or (name == "discount_rate" and high > MAX_RATE):
            most = f" and at most {MAX_RATE}" if name == "discount_rate" else ""
            raise AppraisalError(f"--cost-range {each}: LOW 0 or more, at most {central:g}, "
                                 f"HIGH at least {central:g}{most}")
        out[name] = (low, high)
    return out


def _capacity_measured(folder: Any, path: Path) -> None:
    """Refuse ``--count-freed-capacity`` for a comparison without the idle staff time (one
    written before it was measured): the capacity freed would count as 0."""
    from sim.experiment.appraisal import FREED
    from sim.experiment.appraisal_folder import AppraisalError

    if FREED[0] not in folder.replications.columns:
        raise AppraisalError(
            f"--count-freed-capacity: {path} has no {FREED[0]} (a comparison made before it "
            "was measured); run bordersim compare again to count the capacity freed")


def _with_defaults(folder: Any) -> tuple[dict[str, float], dict[str, float],
                                         dict[str, tuple[str, ...]]]:
    """Each option's set-up cost (the reforms' setup_cost its scenario counts plus the
    reform library's defaults of the others), its running cost a year beyond what the run
    counts (the library's defaults) and the options with a reform of no set-up figure."""
    defaults = folder.defaults.setup()
    setup = {o: folder.setup.get(o, 0.0) + defaults.get(o, 0.0) for o in folder.options}
    return ({k: v for k, v in setup.items() if v > 0}, folder.defaults.running(),
            folder.defaults.unknown())


def _amounts(given: list[str], flag: str, folder: Any, path: Path) -> dict[str, float]:
    """Each ``OPTION=AMOUNT`` of ``flag``, checked: a known option, a number 0 or more."""
    from sim.experiment.appraisal_folder import AppraisalError

    out = {}
    for each in given:
        name, sep, amount = each.partition("=")
        if not sep or name not in folder.options:
            known = ", ".join(folder.options) or "none"
            what = "not OPTION=AMOUNT" if not sep else f"no option {name!r} in {path}"
            raise AppraisalError(f"{flag} {each}: {what} (its options: {known})")
        value = _number(amount, f"{flag} {name}")
        if value < 0:
            raise AppraisalError(f"{flag} {each}: a cost is 0 or more")
        out[name] = value
    return out


def _not_counted_twice(name: str, folder: Any, given: list[str]) -> None:
    """Refuse ``--running`` for an option whose comparison already counts a running cost of
    its own (a reform's ``cost_per_year``, in its scenario's ``costs.systems``): it would be
    counted twice."""
    from sim.experiment.appraisal_folder import AppraisalError

    counted = folder.systems.get(name)
    if counted:
        each = [g for g in given if g.partition("=")[0] == name][-1]
        items = ", ".join(f"{k} {v:,.0f} a year" for k, v in counted.items())
        raise AppraisalError(
            f"--running {each}: option {name}'s comparison already counts a running cost "
            f"beyond the baseline's (costs.systems: {items}; a reform's cost_per_year); "
            "give it one way only")


def _number(text: str, what: str) -> float:
    from sim.experiment.appraisal_folder import AppraisalError

    try:
        value = float(text)
    except ValueError:
        raise AppraisalError(f"{what} {text}: not a number") from None
    if not math.isfinite(value):
        raise AppraisalError(f"{what} {text}: not a finite number")
    return value


if __name__ == "__main__":  # pragma: no cover
    sys.exit("run it as: bordersim appraise RESULTS_DIR")
