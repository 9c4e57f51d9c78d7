"""``bordersim org``: run a scenario's organisation and others side by side, print what
each structure does to escalations, alerts, directives and staff, and draw the trees."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sim import cli_zh_org as zh
from sim.shell_line import bordersim_line

STRUCTURES = ("spindle", "hybrid", "dumbbell")
SHOWN = (
    ("escalation_latency_h_mean", "escalation latency, mean (h)"),
    ("escalation_latency_h_p90", "escalation latency, p90 (h)"),
    ("alert_propagation_h_mean", "alert propagation, mean (h)"),
    ("alert_reach", "alert reach (share of alerts x ports)"),
    ("directive_propagation_h_mean", "directive propagation, mean (h)"),
    ("alert_units", "units an alert queues at, up + down (mean)"),
    ("org_hold_h_mean", "goods' wait per hold that held them (h)"),
    ("clearance_h_p90_import", "clearance p90, imports (h)"),
    ("clearance_h_p90_export", "clearance p90, exports (h)"),
    ("org_staff_heads", "organisation staff"),
    ("org_staff_cost_cny", "staff cost per year (CNY)"),  # (as priced, with its price year)
    ("org_staff_cost_per_year", "staff cost per year"),  # (converted: staff_money_words)
    ("org_manager_posts", "managers' posts (organisation.span_of_control)"),
    ("org_manager_cost_per_year", "managers' posts' cost per year"),
)


def add_parser(sub: Any, add_settings: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser(
        "org",
        help="run a scenario's organisation in several structures and draw the trees",
        description="Run one replication of the scenario in each structure asked for (same "
        "seed) and print escalation latency, alert and directive propagation and staff; "
        "where a structure runs in (organisation.advantages.transition_loss and "
        "transition_days set, for a structure not among organisation.advantages.today), also "
        "a table by observed week: the goods' wait per organisation hold and the running-in's "
        "productivity loss, so the dip and the recovery show; "
        "with --plot, draw the trees one above the other with staff and utilisation per unit.",
    )
    p.add_argument("scenario", type=Path, metavar="SCENARIO", help="scenario TOML file")
    p.add_argument(
        "--structures",
        default="spindle,dumbbell",
        help="comma-separated structures to compare (default spindle,dumbbell)",
    )
    from sim.cli import _seed

    p.add_argument("--seed", type=_seed, default=1, help="root seed, 0 or more (default 1)")
    p.add_argument("--plot", type=Path, metavar="FILE.png", help="write the trees to FILE.png")
    p.add_argument("--days", type=float, help="observed days (overrides the scenario's days)")
    add_settings(p)
    from sim.cli_lang import add_lang

    add_lang(p)  # (the table, its lines and the notes; the trees' picture stays English)


def _error(text: str, lang: str) -> None:
    """An ``error:`` line on stderr, in Chinese under ``zh`` (:mod:`sim.cli_zh_errors`)."""
    from sim.cli_zh_errors import error_line

    print(error_line(text, lang), file=sys.stderr)


def _names(structures: str, lang: str = "en") -> list[str] | None:
    """The structures asked for (None: an error said so on stderr)."""
    names = [s.strip() for s in structures.split(",") if s.strip()]
    bad = [s for s in names if s not in STRUCTURES]
    if bad or not names:
        what = f"unknown {', '.join(map(repr, bad))}" if bad else "none given"
        _error(f"--structures: {what}; allowed: {', '.join(STRUCTURES)}", lang)
        return None
    return names


def _variants(scenario: Any, names: list[str], path: Path, lang: str = "en"
              ) -> dict[str, tuple[Any, Any]] | None:
    """Each structure's scenario and its checked tree, before anything runs (None: a tree
    that cannot work in one structure, said on stderr)."""
    from sim.scenario.org_tree import TreeError, check

    out = {}
    for name in names:
        org = scenario.organisation.model_copy(update={"structure": name})
        try:
            tree = check(org, list(scenario.ports))
        except TreeError as exc:
            _error(f"{path} as the {name}: {exc}", lang)
            return None
        out[name] = (scenario.model_copy(update={"organisation": org}), tree)
    return out


def _writable(plot: Path, lang: str = "en") -> bool:
    """Whether the picture can be written where ``--plot`` says (else an error on stderr)."""
    folder = plot.parent if str(plot.parent) else Path(".")
    if folder.is_dir() and os.access(folder, os.W_OK) and not plot.is_dir():
        return True
    why = "is a folder" if plot.is_dir() else f"{folder} is not a folder that can be written"
    _error(f"--plot {plot}: {why}; give a file in a folder that exists", lang)
    return False


def run(args: argparse.Namespace, load: Callable[[Path, dict[str, Any]], Any]) -> int:
    from sim.cli import settings_with_days
    from sim.cli_lang import chosen
    from sim.model.run import simulate
    from sim.report import org_weeks
    from sim.report.org_plot import draw_organisations, utilisation_by_unit

    lang = chosen(args)
    scenario = load(args.scenario, settings_with_days(args))
    if scenario.organisation is None:
        _error(f"{args.scenario} has no [organisation] section", lang)
        return 2
    names = _names(args.structures, lang)
    variants = _variants(scenario, names, args.scenario, lang) if names is not None else None
    if names is None or variants is None:
        return 2
    if args.plot and not _writable(args.plot, lang):  # (before the runs, not after them)
        return 2
    panels, table, holds = [], {}, {}
    weekly = _running_in(variants)  # (by week only when a structure runs in)
    for name, (sc, tree) in variants.items():
        result = simulate(sc, args.seed, log=bool(weekly))
        table[name] = result.metrics()
        panels.append((name, tree, utilisation_by_unit(result.resources)))
        if weekly:
            holds[name] = org_weeks.hold_by_week(result.log, float(sc.warmup_days))
    from sim.model.org.stats import staff_cost_per_year

    for name, (sc, tree) in variants.items():
        table[name]["alert_units"] = alert_units(sc.organisation, tree, list(sc.ports))
        table[name]["org_staff_cost_cny"] = staff_cost_per_year(tree.units)  # (as priced)
    _print_table(table, names, lang, scenario.organisation.price_year, scenario.costs)
    from sim.report.org_local_risks import line

    print(line({n: sc for n, (sc, _) in variants.items()}, lang))  # (which risks are local)
    from sim.report.org_managers import line as managers_line

    if text := managers_line(table, getattr(scenario.costs, "currency", ""), lang):
        print(text)  # (what a flatter or wider hierarchy saves or costs in managers' posts)
    from sim.report.org_heads import lines

    for text in lines({n: tree for n, (_, tree) in variants.items()}, lang):
        print(text)  # (which staff move where: the total is equal by construction)
    if weekly:  # (the dip and the recovery, not only their mean over the run)
        for text in org_weeks.lines(holds, weekly, lang):
            print(text)
    command = compare_command(args.scenario, scenario, names, args.settings, args.days)
    print(zh.first_look(args.seed, command) if lang == "zh" else
          f"one replication per structure (seed {args.seed}), so no intervals: a first look. "
          f"For differences with 95 % intervals: {command}")
    _notes(scenario, variants, lang)
    if args.plot:
        draw_organisations(panels).savefig(args.plot)
        print(zh.trees(args.plot) if lang == "zh" else f"trees written to {args.plot}")
    return 0


def _running_in(variants: dict[str, tuple[Any, Any]]) -> dict[str, dict[int, float]]:
    """Each structure's running-in loss by observed week, of those that run in (none: {})."""
    from sim.report import org_weeks

    out = {}
    for name, (sc, _) in variants.items():
        r = org_weeks.scenario_running_in(sc)
        if r.loss > 0 and r.end > r.start:
            weeks = math.ceil(float(sc.days) / 7.0)
            out[name] = org_weeks.loss_by_week(r, float(sc.warmup_days), weeks)
    return out


def staff_cost_words(price_year: int | None) -> str:
    """The row of the staff cost as the organisation prices it: in CNY a head, whatever the
    scenario's costs are in, at ``organisation.price_year`` (or that none is given)."""
    year = (f"{price_year} prices" if price_year is not None else
            "no price year given: organisation.price_year")
    return f"staff cost per year (CNY, {year})"


def staff_money_words(costs: Any) -> str:
    """The converted staff cost row's words: the scenario's reporting currency and price
    year, and the rate it was converted at (``costs.exchange.CNY``), so that the row beside
    the agencies' figures is in their money and says where it came from."""
    return (f"staff cost per year ({costs.currency} at {costs.price_year} prices: "
            f"CNY x {costs.rate('CNY'):g}, costs.exchange)")


def _print_table(table: dict[str, dict[str, float]], names: list[str], lang: str = "en",
                 price_year: int | None = None, costs: Any = None) -> None:
    """The structures' figures, one row per :data:`SHOWN` (its words in Chinese under
    ``zh``, padded by their width on the console: a Chinese character takes two columns);
    the staff cost as priced, in CNY with its ``price_year`` (:func:`staff_cost_words`), and
    with ``costs`` converted into their currency (:func:`staff_money_words`): both shown,
    each labelled, never a mix. Without ``costs`` there is no reporting currency: CNY alone."""
    from sim.cli_lang import columns, pad

    words = {"org_staff_cost_cny": staff_cost_words(price_year),
             "org_staff_cost_per_year": staff_money_words(costs) if costs is not None else "",
             "org_manager_cost_per_year": f"managers' posts' cost per year ({costs.currency})"
             if costs is not None else ""}
    shown = [(k, words.get(k, w)) for k, w in SHOWN if words.get(k, w)]
    labels = [zh.label(key, words, price_year) if lang == "zh" else words
              for key, words in shown]
    width = max(columns(label) for label in labels)
    print(f"{'':{width}}  " + "  ".join(f"{n:>12}" for n in names))
    for (key, _), label in zip(shown, labels, strict=True):
        cells = [table[n].get(key, math.nan) for n in names]
        whole = key.endswith(("_heads", "_per_year", "_cny", "_posts"))  # (whole people; a budget)
        spec = "12,.0f" if whole else "12,.2f"
        print(f"{pad(label, width, right=False)}  " + "  ".join(f"{c:{spec}}" for c in cells))


def alert_units(org: Any, tree: Any, ports: list[str]) -> float:
    """The units an alert queues at on its way, up from a seizure's port to the unit that
    issues it and down to a port it reaches, over every such pair of ports (each adds a
    transfer and a review: why one structure's alerts take longer than another's)."""
    level, hops = org.level_of("alert"), []
    for port in ports:
        up = tree.path(port, "alert", level)
        issuer = up[-1]
        for q in tree.ports_under(tree.scope_root(issuer)):
            hops.append(len(up) + len(tree.down(issuer, q, "alert")))
    return sum(hops) / len(hops) if hops else math.nan


def compare_command(path: Path, scenario: Any, names: list[str],
                    settings: list[tuple[str, Any]] | None = None,
                    days: float | None = None) -> str:
    """The comparison of the structures in the table, with intervals: the first as the
    baseline (the scenario set to it, if it is not its own), the others as options; on the
    same scenario as the table's (its ``--set`` values and ``--days``), named as the user
    named it (a bundled scenario by its name, not by where it is installed)."""
    from sim.reforms.reform import toml_value
    from sim.scenario.loader import as_named

    own = scenario.organisation.structure
    words: list[object] = ["compare", as_named(path)]
    for key, value in settings or []:
        text = json.dumps(value) if isinstance(value, str) else toml_value(value)
        words += ["--set", f"{key}={text}"]
    if days is not None:
        words += ["--days", f"{days:g}"]
    if names[0] != own:
        words += ["--set", f'organisation.structure="{names[0]}"']
    for n in names[1:]:
        words += ["--option", f'{n}:organisation.structure="{n}"']
    return bordersim_line(*words, "--reps", "10")


def _notes(scenario: Any, variants: dict[str, tuple[Any, Any]], lang: str = "en") -> None:
    """On stderr: parts of the scenario that act on nothing, and the stated assumptions every
    structure's result rests on (the scenario's own included, when it is run with others)."""
    from sim.experiment.composition import assumptions, structure_assumptions
    from sim.scenario.dormant import unused_parts

    for message in unused_parts(scenario):  # (as run and compare say them)
        _note(message, lang)
    runs = {n: sc for n, (sc, _) in variants.items()}
    moved = structure_assumptions(scenario, runs)
    own = scenario.organisation.structure  # (not run unless listed)
    if moved:  # (the own structure's figures, when run, rest on them as much)
        moved = {n: assumptions(sc.organisation) for n, sc in runs.items()}
    for why in dict.fromkeys(moved.values()):  # (as compare says it, once for all it fits)
        who = ", ".join(n for n, w in moved.items() if w == why)
        _note(why, lang, (f"{who}; the scenario's own structure is {own}",
                          f"{who.replace(', ', '、')}；情景自身的结构为 {own}"))
    if scenario.organisation.generate is not None and "dumbbell" in runs:
        _note("the generated dumbbell keeps the headcount and puts the deciding staff of "
              "every task the national level decides in national centres (the General "
              "Administration and its centres straight to the field points; the customs keep "
              "coordination only, as docs/DESIGN.md has it); the front line's inspection "
              "staff are the ports' lanes, the same in every structure. For decision staff at "
              "the front line, give the units yourself ([organisation.units]); to send the "
              "middle layer's heads to the ports' lanes instead, compare the dumbbell reform "
              "with its front_line strength (--reforms dumbbell:front_line=0.3).", lang,
              ("dumbbell", "dumbbell"))


def _note(message: str, lang: str, who: tuple[str, str] | None = None) -> None:
    """A ``note:`` on stderr, of the structures ``who`` names (English, Chinese) if given; in
    Chinese under ``zh``, by its code (:func:`sim.cli_lang.line`)."""
    from sim.cli_lang import line

    if lang != "zh":
        print(f"note ({who[0]}): {message}" if who else f"note: {message}", file=sys.stderr)
        return
    said = line(f"note: {message}", "zh")
    if who:  # (structures, not a comparison's options)
        said = said.replace("提示：", f"提示（{who[1]}）：", 1)
    print(said, file=sys.stderr)
