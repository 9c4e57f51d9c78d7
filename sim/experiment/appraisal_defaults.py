"""The reform library's default set-up and running costs of a comparison's options
(:mod:`sim.reforms.cost_library`), for ``bordersim appraise``: each option's reforms read from
``compare.json``, each priced on the baseline's scenario, where the comparison did not give
the reform's own ``setup_cost`` or ``cost_per_year``. Nothing is simulated again."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Priced:
    """One reform's default costs in an option: ``None`` where it has no figure."""

    reform: str
    setup: float | None
    running: float | None


@dataclass(frozen=True)
class Defaults:
    """Each option's reforms' default costs (option -> reforms priced)."""

    priced: dict[str, list[Priced]] = field(default_factory=dict)

    def setup(self) -> dict[str, float]:
        """Each option's default set-up cost: its reforms' figures added."""
        return {o: sum(p.setup or 0.0 for p in ps) for o, ps in self.priced.items()}

    def running(self) -> dict[str, float]:
        """Each option's default running cost a year, where above 0."""
        out = {o: sum(p.running or 0.0 for p in ps) for o, ps in self.priced.items()}
        return {o: v for o, v in out.items() if v > 0}

    def unknown(self) -> dict[str, tuple[str, ...]]:
        """Each option's reforms with no set-up figure (its payback is then not known)."""
        out = {o: tuple(p.reform for p in ps if p.setup is None) for o, ps in self.priced.items()}
        return {o: v for o, v in out.items() if v}


def _reforms(text: str) -> list[Any]:
    """The reforms of an option's reform text, dated ones too (none where it does not parse)."""
    from sim.reforms.compose import parse, parse_one
    from sim.reforms.reform import ReformError

    try:
        composite = parse(text)
        return [*composite.reforms, *(parse_one(t)[0] for t, _ in composite.dated)]
    except (ReformError, ValueError, KeyError):
        return []


def acting_ports(reform: Any, baseline: dict[str, Any]) -> list[str]:
    """The ports ``reform`` acts on in the baseline (none: every port)."""
    from sim.reforms.reform import serves

    try:
        return serves(baseline, reform.fields(baseline))
    except (ValueError, KeyError, TypeError):
        return []


def price_reform(reform: Any, baseline: dict[str, Any]) -> Priced:
    """``reform``'s default costs on ``baseline`` (plain scenario data), but those the
    comparison gave it as strengths (counted in its scenario already: 0 here)."""
    from sim.reforms.cost_library import cost_of, price

    rule, ports = cost_of(reform.name), acting_ports(reform, baseline)

    def one(key: str, item: Any) -> float | None:
        if key in reform.values:
            return 0.0
        return None if item is None else price(item, baseline, ports)

    return Priced(reform.name, one("setup_cost", rule.setup),
                  one("cost_per_year", rule.running))


def option_defaults(options: Sequence[Mapping[str, Any]], baseline: dict[str, Any]) -> Defaults:
    """The default costs of ``options`` (``compare.json``'s, the baseline first) whose
    ``reform`` names reforms of the library."""
    priced: dict[str, list[Priced]] = {}
    for o in options[1:]:
        reforms = _reforms(str(o.get("reform") or ""))
        if reforms:
            priced[str(o.get("name"))] = [price_reform(r, baseline) for r in reforms]
    return Defaults(priced)


def said(name: str, priced: Sequence[Priced], zh: bool = False,
         given: Collection[str] = ()) -> str:
    """One option's default costs in a line (English, or Chinese with ``zh``); ``given``: the
    kinds (``setup``, ``running``) that ``--setup`` or ``--running`` gave for the option,
    said as replaced, not as taken."""
    taken = [k for k in ("setup", "running") if k not in given]
    replaced = [k for k in ("setup", "running") if k in given]
    if zh:
        head = (f"方案 {name} 采用改革库的默认{_KINDS_ZH[tuple(taken)]}（依据见 bordersim "
                f"reforms 改革名；{_FLAGS_ZH[tuple(taken)]} 可替换）：{_parts(priced, taken, zh)}"
                if taken else f"方案 {name} 不采用改革库的默认成本")
        if replaced:
            head += (f"；{_FLAGS_ZH[tuple(replaced)]} 给出的金额替换了改革库的默认"
                     f"{_KINDS_ZH[tuple(replaced)]}（{_parts(priced, replaced, zh)}）")
        return head
    head = (f"Option {name} takes the reform library's default {_KINDS[tuple(taken)]} "
            f"(bordersim reforms NAME gives {_THEIR[tuple(taken)]} grounds; "
            f"{_FLAGS[tuple(taken)]} {_REPLACE[tuple(taken)]}): {_parts(priced, taken, zh)}"
            if taken else f"Option {name} takes none of the reform library's default costs")
    if replaced:
        head += (f"; the {_FLAGS[tuple(replaced)]} given {_REPLACES[tuple(replaced)]} its "
                 f"default {_KINDS[tuple(replaced)]} ({_parts(priced, replaced, zh)})")
    return head


#: the kinds of default cost, in words (both, or one)
_KINDS = {("setup", "running"): "costs", ("setup",): "set-up cost",
          ("running",): "running cost"}
_KINDS_ZH = {("setup", "running"): "成本", ("setup",): "建设成本", ("running",): "运行成本"}
_THEIR = {("setup", "running"): "their", ("setup",): "its", ("running",): "its"}
_FLAGS = {("setup", "running"): "--setup and --running", ("setup",): "--setup",
          ("running",): "--running"}
_FLAGS_ZH = {("setup", "running"): "--setup、--running", ("setup",): "--setup",
             ("running",): "--running"}
_REPLACE = {("setup", "running"): "replace them", ("setup",): "replaces it",
            ("running",): "replaces it"}
_REPLACES = {("setup", "running"): "replace", ("setup",): "replaces", ("running",): "replaces"}


def _parts(priced: Sequence[Priced], kinds: Sequence[str], zh: bool) -> str:
    """Each reform's default figures of ``kinds`` (``setup``, ``running``), joined."""
    from sim.experiment.appraisal_folder import figure_text

    parts = []
    for p in priced:
        each = []
        if "setup" in kinds:
            none = "无数字" if zh else "no figure"
            each.append(("建设成本 " if zh else "set-up ")
                        + (none if p.setup is None else figure_text(p.setup)))
        if "running" in kinds:
            none = "无数字" if zh else "no figure"
            each.append(("运行成本 " if zh else "running ") + (
                none if p.running is None else
                figure_text(p.running) + ("/年" if zh else " a year")))
        parts.append(f"{p.reform} " + ("，" if zh else ", ").join(each))
    return ("；" if zh else "; ").join(parts)


def unknown_said(name: str, reforms: Sequence[str], zh: bool = False) -> str:
    """An option's payback not known, said loudly: no set-up figure for ``reforms``."""
    names = ", ".join(reforms)
    if zh:
        return (f"回收期未知：没有建设成本（改革库中 {names} 没有建设成本数字；"
                f"请用 --setup {name}=金额 给出）")
    return (f"payback not known: no set-up cost (the reform library has no set-up figure for "
            f"{names}; give --setup {name}=AMOUNT)")


def notes_holding(notes: Sequence[str], running_given: Collection[str]) -> tuple[str, ...]:
    """The comparison's notes that still hold for the appraisal: not an option's note that
    ``bordersim appraise`` takes the reform library's default running cost (code
    ``reform_uncosted``) where ``--running`` gave the option's running cost instead (the
    option's line of default costs says what the given figure replaced)."""
    from sim.warning_codes import record

    out = []
    for note in notes:
        said_of = record(note)
        if said_of["code"] == "reform_uncosted" and said_of["option"] in running_given:
            continue
        out.append(note)
    return tuple(out)
