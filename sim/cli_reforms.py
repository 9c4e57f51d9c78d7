"""``bordersim reforms [NAME [SCENARIO]]``: the reform library on the command line.

Without NAME: every reform in a short table, one line each (``--long``: each with its whole
mechanism). With NAME (a reform, or a composition
``A+B``, ``A>B``, with strengths ``A:K=V`` and dates ``A@60d``): its mechanism, strengths,
sources and the field changes it makes on SCENARIO (default: the bundled default).

Only the standard library is imported at start-up (like ``sim.cli``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def add_reforms_parser(sub: Any) -> None:
    """Add the ``reforms`` subcommand to the ``bordersim`` parser."""
    p = sub.add_parser(
        "reforms",
        help="list the reform library, or show one reform's field changes on a scenario",
        description="Without NAME, list every reform in a short table, one line each: what "
        "it changes, the TFA article or seed paper behind it, whether its cost is known "
        "(--long: each reform's whole mechanism). With NAME (e.g. "
        "single_window, single_window:uptake=0.8, joint_inspection+training, "
        "joint_inspection@60d), show its mechanism, strengths, sources and the field changes "
        "it makes on SCENARIO.",
    )
    p.add_argument("name", nargs="?", metavar="NAME", help="a reform or a composition")
    p.add_argument(
        "--on",
        type=Path,
        metavar="SCENARIO",
        help="without NAME: say of each reform what it does on SCENARIO (acts, already in "
        "effect, acts in part, changes nothing there, or not available), to pick reforms "
        "that act there",
    )
    p.add_argument(
        "--tfa",
        action="store_true",
        help="without NAME: list the reforms by the measure of the WTO Trade Facilitation "
        "Agreement (WT/L/940) each implements, with a one-line reason, and those that "
        "implement none (the project's reading, docs/tfa.md)",
    )
    p.add_argument(
        "--long",
        action="store_true",
        help="without NAME: list every reform with its whole mechanism, wrapped, instead of "
        "the one-line table",
    )
    p.add_argument(
        "scenario",
        nargs="?",
        type=Path,
        metavar="SCENARIO",
        help="scenario TOML file (default: the bundled scenarios/default.toml)",
    )
    from sim.cli_lang import add_lang

    add_lang(p)


def run_reforms(args: argparse.Namespace) -> int:
    from sim.cli import UsageError
    from sim.reforms.reform import MissingSection, ReformError

    if args.long and (args.name is not None or args.on is not None or args.tfa):
        raise UsageError("--long lists every reform's whole mechanism: give it alone "
                         "(bordersim reforms --long); bordersim reforms NAME shows one "
                         "reform in full")
    if args.tfa:
        if args.name is not None or args.on is not None:
            raise UsageError("--tfa lists every reform by TFA article: give it alone "
                             "(bordersim reforms --tfa); a reform's own articles are shown "
                             "by bordersim reforms NAME")
        from sim.cli_lang import chosen

        return _tfa(chosen(args))
    if args.name is None:
        if args.on is not None:
            from sim.cli_lang import chosen

            return _on(args.on, chosen(args))
        from sim.cli_lang import chosen

        return _library(chosen(args)) if args.long else _table(chosen(args))
    if args.on is not None:
        raise UsageError(f"--on lists every reform; with NAME give the scenario as its "
                         f"second argument: bordersim reforms {args.name} {args.on}")
    try:
        return _show(args)
    except ReformError as exc:
        if args.scenario is None and isinstance(exc, MissingSection):
            # (the bundled default has no organisation: the reform is described above)
            print(
                f"note: {exc}; give a scenario that has one to see its field changes (the "
                f"bundled guangdong.toml: bordersim reforms {args.name} "
                "scenarios/guangdong.toml in a checkout)",
                file=sys.stderr,
            )
            return 0
        raise UsageError(str(exc)) from None


def _table(lang: str) -> int:
    """The library as a short table, one line a reform (:mod:`sim.cli_reforms_table`)."""
    import shutil

    from sim.cli_reforms_table import table

    print("\n".join(table(lang, max(60, shutil.get_terminal_size((100, 24)).columns))))
    return 0


def _library(lang: str) -> int:
    """Every reform of the library with its one-line mechanism (in Chinese under ``zh``)."""
    from sim.cli_zh_reforms import library_line
    from sim.reforms import REFORMS

    width = max(len(n) for n in REFORMS)
    for name, r in REFORMS.items():
        why = r.missing()
        if lang == "zh":
            _wrapped(f"{name:<{width}}  {library_line(name, r.mechanism, why)}", width + 2,
                     wide=True)
            continue
        note = f"  [not available: {why.split(' needs ', 1)[-1]}]" if why else ""
        _wrapped(f"{name:<{width}}  {r.mechanism}{note}", width + 2)
    return 0


def _show(args: argparse.Namespace) -> int:
    from sim.cli import _load
    from sim.cli_lang import chosen
    from sim.reforms.compose import parse

    lang = chosen(args)
    plan = parse(args.name)
    _describe(plan, lang)
    scenario = _load(args.scenario, {})
    if any(r.missing() for r in plan.reforms):
        return 1
    _changes(plan, scenario, lang)
    _costs(plan, scenario, lang)
    return 0


def _costs(plan: Any, scenario: Any, lang: str) -> None:
    """Each reform's default set-up and running cost on ``scenario``, as appraise takes
    them (:mod:`sim.reforms.cost_library`)."""
    from sim.experiment.appraisal_defaults import acting_ports
    from sim.reforms.compose import parse
    from sim.reforms.cost_library import HEAD, shown
    from sim.scenario.patch import scenario_data

    data = scenario_data(scenario)
    if lang == "zh":
        from sim.report.zh_reform_costs import HEAD as HEAD_ZH
        from sim.report.zh_reform_costs import shown as shown_zh

        print(HEAD_ZH.format(s=scenario.name))
    else:
        print(HEAD.format(s=scenario.name))
    for r in plan.reforms + [parse(label).reforms[0] for label, _ in plan.dated]:
        ports = acting_ports(r, data)
        print(f"  {r.name}:")
        print("\n".join(shown_zh(r.name, data, ports) if lang == "zh" else
                        shown(r.name, data, ports)))


def _describe(plan: Any, lang: str) -> None:
    """Each reform of ``plan``: its mechanism, strengths, sources and TFA measures."""
    from sim.reforms.compose import parse
    from sim.reforms.tfa import describe

    if lang == "zh":
        from sim.cli_zh_reform_show import describe as zh

        print("\n".join(zh(plan)))
        return
    for r in plan.reforms + [parse(label).reforms[0] for label, _ in plan.dated]:
        print(f"{r.name}: {r.mechanism}")
        for k, v in r.strengths.items():
            print(f"  strength {k} = {r.params[k].shown(v)}: {r.params[k].doc}")
        for s in r.sources:
            print(f"  source: {s}")
        print(f"  WTO TFA: {describe(r.name)}")
        if r.missing():
            print(f"  not available: {r.missing()}")
    for label, when in plan.dated:
        print(f"dated: {label} switches on at {when} (consignments arriving from then on)")


def _changes(plan: Any, scenario: Any, lang: str) -> None:
    """The field changes ``plan`` makes on ``scenario`` and what they do there."""
    from sim.cli_zh_reform_show import Words
    from sim.scenario.patch import get_path, scenario_data

    words = Words(lang, scenario.name)
    changes = plan.fields(scenario)
    after = plan.apply(scenario)  # the changes validate
    print(words.title())
    data, new = scenario_data(scenario), scenario_data(after)
    same = 0
    for dotted, value in changes.items():
        old = get_path(data, dotted)
        note = ""
        if old == get_path(new, dotted):  # (compared as validated: "0 h" and 0.0 alike)
            note, same = words.already_so(), same + 1
        print(f"  {dotted}: {_short(old)} -> {_short(value)}{note}")
    kind, why = _effect(plan, scenario, len(changes), same)
    said = words.effect(kind, why)
    if said:
        print(said)


#: what a reform does on a scenario (:func:`_effect`); their words are the keys of the
#: Chinese tables (:mod:`sim.cli_zh_reforms`, :mod:`sim.cli_zh_reform_show`), which import them
ACTS, PART, ALREADY, NO_EFFECT, NOTHING = (
    "acts", "acts in part", "already in effect", "no effect", "changes nothing"
)  # fmt: skip
#: a reform this build cannot apply (it needs a part of the model not there yet)
UNAVAILABLE = "not available"
#: a reform whose changes this scenario refuses at its default strengths (shares that would
#: add up to more than 1, say): listed with the reason, the other reforms still listed
NOT_APPLICABLE = "not applicable"
#: how a listing gives the command that runs a reform refused only at its default strength
RUN_IT = "it runs at that strength with"


def _effect(plan: Any, scenario: Any, changes: int, same: int) -> tuple[str, str]:
    """What ``plan`` does on ``scenario``, given how many fields it changes and how many of
    them already hold its value: one of the kinds above, and why (for the last three)."""
    if not changes:  # (the reform's own words, which may say what parts it acts on)
        return NOTHING, plan.no_effect(scenario) or "the scenario has none of the parts it acts on"
    if same == changes:
        return ALREADY, "it changes no field (only a transition may still act)"
    why = plan.no_effect(scenario)
    if why:
        return NO_EFFECT, why
    part = plan.caveat(scenario)
    return (PART, part) if part else (ACTS, "")


def _on(path: Path, lang: str = "en") -> int:
    """Each reform of the library, at its default strengths, on the scenario at ``path``:
    what it does there, one line each (for picking reforms that act on it)."""
    from sim.cli import _load
    from sim.reforms import REFORMS

    scenario = _load(path, {})
    width = max(len(n) for n in REFORMS)
    from sim.cli_zh_reforms import effect, library_title

    print(library_title(scenario.name) if lang == "zh" else
          f"the reform library on scenario {scenario.name!r} (default strengths):")
    for name, kind, why in _verdicts(scenario, path):
        said = effect(kind, why) if lang == "zh" else f"{kind}{': ' + why if why else ''}"
        _wrapped(f"{name:<{width}}  {said}", width + 2, wide=lang == "zh")
    return 0


def _verdicts(scenario: Any, path: Path) -> list[tuple[str, str, str]]:
    """Each reform of the library at its default strengths on ``scenario`` (loaded from
    ``path``): its name, what it does there (:func:`_effect`'s kinds) and why."""
    from sim.reforms import REFORMS

    return [(name, *_verdict(name, scenario, path)) for name in REFORMS]


def _verdict(name: str, scenario: Any, path: Path) -> tuple[str, str]:
    """What the reform ``name`` at its default strengths does on ``scenario`` (loaded from
    ``path``), and why: "acts" only where its changes can change a figure of a run (the
    reform's own idle rule says why not, :meth:`sim.reforms.reform.Reform.no_effect`)."""
    from sim.reforms import REFORMS
    from sim.reforms.compose import parse
    from sim.scenario.loader import ScenarioError
    from sim.scenario.patch import get_path, scenario_data

    if REFORMS[name].missing():
        return UNAVAILABLE, REFORMS[name].missing()
    plan = parse(name)
    try:
        changes = plan.fields(scenario)
        new = scenario_data(plan.apply(scenario))
    except (ScenarioError, ValueError) as exc:  # (ReformError is a ValueError)
        return _refused(exc, path)
    data = scenario_data(scenario)
    same = sum(get_path(data, k) == get_path(new, k) for k in changes)
    return _effect(plan, scenario, len(changes), same)


def _refused(exc: Exception, path: Path) -> tuple[str, str]:
    """Why a reform cannot be applied to a scenario, in one line: not available (it changes
    a section the scenario lacks), or not applicable (the scenario refuses its changes: the
    first problem found, as the error names it); refused only for its default strength (an
    outbreak's factor, say), with the command that runs it at the largest that fits."""
    from sim.reforms.prevalence_room import TooStrong
    from sim.reforms.reform import MissingSection
    from sim.scenario.loader import as_named
    from sim.shell_line import bordersim_line

    if isinstance(exc, MissingSection):
        return UNAVAILABLE, str(exc)
    why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if isinstance(exc, TooStrong):
        why += f"; {RUN_IT}: {bordersim_line('compare', as_named(path), '--reforms', exc.fit)}"
    return NOT_APPLICABLE, why





def _tfa(lang: str = "en") -> int:
    """``--tfa``: the reforms grouped by the TFA article they implement, then those that
    implement none, each with its reason (:mod:`sim.reforms.tfa`; in Chinese under ``zh``,
    :mod:`sim.report.zh_tfa`)."""
    from sim.reforms.tfa import SOURCE, TAGS, by_article, title
    from sim.report import zh_tfa

    zh = lang == "zh"
    print(zh_tfa.heading() if zh else
          f"reforms by the measure of the WTO Trade Facilitation Agreement they implement "
          f"({SOURCE}; the project's reading, not an official classification):")
    groups = by_article()
    width = max(len(n) for n in TAGS)
    for article, names in groups.items():
        if zh:
            print("\n" + (zh_tfa.title(article) if article else zh_tfa.NO_MEASURE))
        else:
            print("\n" + (title(article) if article else "No TFA measure"))
        for name in names:
            tag = TAGS[name]
            more = "; ".join(title(a) for a in tag.bears_on)
            why = zh_tfa.reason(name) if zh else tag.why + (f" (bears on {more})" if more
                                                            else "")
            _wrapped(f"  {name:<{width}}  {why}", width + 4, wide=zh)
    return 0


def _wrapped(line: str, indent: int, wide: bool = False) -> None:
    """Print ``line`` wrapped to the terminal's width, later lines indented by ``indent``
    (``wide``: Chinese, whose characters take two columns each)."""
    import shutil
    import textwrap

    cols = max(60, shutil.get_terminal_size((100, 24)).columns)
    if wide:
        from sim.cli_zh_reforms import wrap_wide

        print(wrap_wide(line, cols, indent))
        return
    print(textwrap.fill(line, cols, subsequent_indent=" " * indent, break_on_hyphens=False))


def _short(value: Any) -> str:
    from sim.reforms.fields import rounded

    if isinstance(value, dict) and value.get("dist") == "deterministic":  # (a plain number,
        value = value.get("value")  # as validated: shown as the number the user writes)
    text = json.dumps(rounded(value), default=str)
    return text if len(text) <= 100 else text[:97] + "..."
