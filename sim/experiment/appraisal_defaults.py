"""The reform library's default set-up and running costs of a comparison's options
(:mod:`sim.reforms.cost_library`), for ``bordersim appraise``: each option's reforms read from
``compare.json``, each priced on the baseline's scenario, where the comparison did not give
the reform's own ``setup_cost`` or ``cost_per_year``. Nothing is simulated again."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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


def said(name: str, priced: Sequence[Priced], zh: bool = False) -> str:
    """One option's default costs in a line (English, or Chinese with ``zh``)."""
    from sim.experiment.appraisal_folder import figure_text

    parts = []
    for p in priced:
        if zh:
            setup = "无数字" if p.setup is None else figure_text(p.setup)
            running = "无数字" if p.running is None else f"{figure_text(p.running)}/年"
            parts.append(f"{p.reform} 建设成本 {setup}，运行成本 {running}")
        else:
            setup = "no figure" if p.setup is None else figure_text(p.setup)
            running = "no figure" if p.running is None else f"{figure_text(p.running)} a year"
            parts.append(f"{p.reform} set-up {setup}, running {running}")
    if zh:
        return (f"方案 {name} 采用改革库的默认成本（依据见 bordersim reforms 改革名；"
                f"--setup、--running 可替换）：" + "；".join(parts))
    return (f"Option {name} takes the reform library's default costs (bordersim reforms NAME "
            "gives their grounds; --setup and --running replace them): " + "; ".join(parts))


def unknown_said(name: str, reforms: Sequence[str], zh: bool = False) -> str:
    """An option's payback not known, said loudly: no set-up figure for ``reforms``."""
    names = ", ".join(reforms)
    if zh:
        return (f"回收期未知：没有建设成本（改革库中 {names} 没有建设成本数字；"
                f"请用 --setup {name}=金额 给出）")
    return (f"payback not known: no set-up cost (the reform library has no set-up figure for "
            f"{names}; give --setup {name}=AMOUNT)")
