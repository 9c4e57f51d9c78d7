"""What a workshop page may ask for: bundled scenarios, named options, levers, run lengths.

The page sends names and numbers only, never a file path or code. A :class:`Plan` holds them
and :meth:`Plan.check` refuses anything not on these lists, so a tampered request is turned
away here, whatever the browser sent.

- Scenarios are the names of the files bundled in ``sim/scenarios`` (``default``), or of
  those in a folder the server was started with (``bordersim dashboard --scenarios DIR``).
- Options are named scenario variants (:class:`~sim.experiment.options.Option`), the same
  kind ``bordersim compare --option`` takes; several switched on together are combined as
  ``A+B`` by :func:`~sim.experiment.options.resolve_options`. :func:`option_catalogue` is the
  one place that lists them: a reform library adds its named reforms there.
- Levers are sliders that turn into dotted-path overrides of the option's scenario, applied
  and validated by the scenario loader like ``--set``. At its neutral value a lever changes
  nothing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sim.experiment.options import Option, resolve_options
from sim.scenario.loader import BUNDLED, load_scenario
from sim.scenario.schema import Scenario

#: replications the page offers (the first is preselected)
REPS_CHOICES = (3, 5, 10, 2)
#: observed days the page offers, besides the scenario's own (0 means "the scenario's")
DAYS_CHOICES = (0, 7, 14, 1)
MAX_SEED = 2**31 - 1
#: the first answer: one replication from an empty port, short and without warm-up
QUICK = {"days": 2, "warmup_days": 0, "drain_days": 3}
INSPECTED_CHECKS = ("scan", "physical", "quarantine")  # document checks are counted apart
STAFF_LANES = (
    ("review",),
    ("document_check",),
    ("scan", "image_review", "officers"),
    ("exam", "teams"),
    ("quarantine", "officers"),
)


class PlanError(ValueError):
    """A request the page may not make (unknown name, value out of range)."""


def bundled_scenarios(folder: Path = BUNDLED) -> list[str]:
    """Names of the scenarios in ``folder``, by default those shipped (``default`` first)."""
    names = sorted(p.stem for p in folder.glob("*.toml") if p.is_file())
    return sorted(names, key=lambda n: n != "default")


def option_catalogue() -> dict[str, Option]:
    """The named options the page can switch on, by name.

    Today: the variants of the bundled default that ``make demo`` compares. The reform
    library adds its named reforms to this mapping (same :class:`Option` type), and the page
    shows whichever apply to the chosen scenario.
    """
    options = (
        Option(
            "sea_scanner",
            {"ports.sea_port.scan.scanners.capacity": 4},
            "one more H986 scanner at the sea port (4 instead of 3)",
        ),
        Option(
            "ai_clear_90",
            {"ports.sea_port.scan.image_review.ai_clear": 0.9},
            "AI image review clears 90 % of the images it reads at the sea port",
        ),
    )
    return {o.name: o for o in options}


def applies(option: Option, scenario: Scenario) -> bool:
    """Whether every table an option's overrides write into exists in ``scenario``."""
    data = scenario.model_dump(by_alias=True)
    for dotted in option.overrides:
        node: Any = data
        for key in dotted.split(".")[:-1]:
            if not isinstance(node, dict) or node.get(key) is None:
                return False
            node = node[key]
    return True


@dataclass(frozen=True)
class Lever:
    """A slider: its range, its neutral value and the overrides a value means."""

    name: str
    label: str
    start: float
    end: float
    step: float
    neutral: Callable[[Scenario], float]
    overrides: Callable[[Scenario, float], dict[str, Any]]

    def check(self, value: float) -> None:
        if not (isinstance(value, int | float) and math.isfinite(value)):
            raise PlanError(f"{self.label}: not a number: {value!r}")
        if not self.start - 1e-9 <= value <= self.end + 1e-9:
            raise PlanError(f"{self.label}: {value:g} is outside {self.start:g} to {self.end:g}")


def _scaled_selection(scenario: Scenario, factor: float) -> dict[str, Any]:
    """Every scan, physical and quarantine selection probability times ``factor`` (at most 1)."""
    if factor == 1:
        return {}

    def scaled(table: Mapping[str, Mapping[str, float]]) -> dict[str, dict[str, float]]:
        return {c: {k: min(1.0, p * factor) for k, p in row.items()} for c, row in table.items()}

    out: dict[str, Any] = {}
    for check in INSPECTED_CHECKS:
        if check in scenario.selection:
            out[f"selection.{check}"] = scaled(scenario.selection[check])
        for pname, port in scenario.ports.items():
            if check in port.selection:
                out[f"ports.{pname}.selection.{check}"] = scaled(port.selection[check])
    return out


def _ai_ports(scenario: Scenario) -> list[str]:
    return [p for p, port in scenario.ports.items() if port.scan is not None]


def _ai_clear_neutral(scenario: Scenario) -> float:
    ports = _ai_ports(scenario)
    if not ports:
        return 0.0
    scan = scenario.ports[ports[0]].scan
    assert scan is not None
    return float(scan.image_review.ai_clear)


def _ai_clear(scenario: Scenario, value: float) -> dict[str, Any]:
    """Every scanner's AI auto-clear share set to ``value`` (unless it is the neutral one)."""
    if math.isclose(value, _ai_clear_neutral(scenario)):
        return {}
    return {f"ports.{p}.scan.image_review.ai_clear": round(value, 4) for p in _ai_ports(scenario)}


def _scale_servers(n: int, factor: float) -> int:
    return 0 if n == 0 else max(1, round(n * factor))


def _staff(scenario: Scenario, factor: float) -> dict[str, Any]:
    """Officers, exam teams and quarantine officers at every port times ``factor``."""
    if factor == 1:
        return {}
    out: dict[str, Any] = {}
    for pname, port in scenario.ports.items():
        for path in STAFF_LANES:
            lane: Any = port
            for key in path:
                lane = getattr(lane, key, None)
                if lane is None:
                    break
            if lane is None:
                continue
            where = ".".join(("ports", pname, *path))
            if lane.schedule is not None:
                out[f"{where}.schedule"] = [_scale_servers(n, factor) for n in lane.schedule]
            elif lane.capacity not in (None, "unlimited"):
                out[f"{where}.capacity"] = _scale_servers(int(lane.capacity), factor)
    return out


LEVERS: dict[str, Lever] = {
    lever.name: lever
    for lever in (
        Lever(
            "inspection_scale",
            "Inspection rate (x scenario)",
            0.25,
            3.0,
            0.25,
            lambda s: 1.0,
            _scaled_selection,
        ),
        Lever(
            "ai_clear",
            "AI auto-clear share (every scanner)",
            0.0,
            0.95,
            0.05,
            _ai_clear_neutral,
            _ai_clear,
        ),
        Lever("staff_scale", "Staff (x scenario)", 0.5, 2.0, 0.1, lambda s: 1.0, _staff),
    )
}


@dataclass(frozen=True)
class Plan:
    """One request from the page: what to run, by name and number only."""

    scenario: str = "default"
    options: tuple[str, ...] = ()
    levers: Mapping[str, float] = field(default_factory=dict)
    reps: int = REPS_CHOICES[0]
    days: float = 0
    seed: int = 1

    def check(
        self, catalogue: Mapping[str, Option] | None = None, folder: Path = BUNDLED
    ) -> None:
        """Refuse anything the page does not offer (raises :class:`PlanError`)."""
        catalogue = option_catalogue() if catalogue is None else catalogue
        offered = bundled_scenarios(folder)
        if self.scenario not in offered:
            raise PlanError(f"unknown scenario {self.scenario!r}; offered: {', '.join(offered)}")
        unknown = [o for o in self.options if o not in catalogue]
        if unknown:
            raise PlanError(
                f"unknown option(s) {', '.join(map(repr, unknown))}; "
                f"known: {', '.join(catalogue) or '(none)'}"
            )
        for name, value in self.levers.items():
            if name not in LEVERS:
                raise PlanError(f"unknown lever {name!r}; known: {', '.join(LEVERS)}")
            LEVERS[name].check(value)
        if self.reps not in REPS_CHOICES:
            raise PlanError(f"replications: {self.reps!r} is not one of {sorted(REPS_CHOICES)}")
        if self.days not in DAYS_CHOICES:
            raise PlanError(f"days: {self.days!r} is not one of {sorted(DAYS_CHOICES)}")
        if not (isinstance(self.seed, int) and 0 <= self.seed <= MAX_SEED):
            raise PlanError(f"seed: {self.seed!r} must be a whole number from 0 to {MAX_SEED}")

    @property
    def label(self) -> str:
        """The option column's name: switched-on options and moved levers."""
        moved = [f"{k}={v:g}" for k, v in self.levers.items()]
        return "+".join(self.options) + (" " if self.options and moved else "") + " ".join(moved)


@dataclass(frozen=True)
class Variants:
    """The two scenarios a plan runs: the bundled one unchanged, and with the option."""

    baseline: Scenario
    option: Scenario
    option_overrides: dict[str, Any]


def variants(
    plan: Plan,
    quick: bool = False,
    catalogue: Mapping[str, Option] | None = None,
    folder: Path = BUNDLED,
) -> Variants:
    """Load the plan's scenario and its option (validated: a bad value is a ScenarioError)."""
    catalogue = option_catalogue() if catalogue is None else catalogue
    plan.check(catalogue, folder)
    path = folder / f"{plan.scenario}.toml"
    run: dict[str, Any] = dict(QUICK) if quick else ({"days": plan.days} if plan.days else {})
    baseline = load_scenario(path, run)
    changes: dict[str, Any] = {}
    if plan.options:
        chosen = [catalogue[n] for n in plan.options]
        name = "+".join(plan.options)
        combined = resolve_options([*chosen, Option(name)] if len(chosen) > 1 else chosen)
        changes.update(combined[-1].overrides)
    for name, value in plan.levers.items():
        changes.update(LEVERS[name].overrides(baseline, value))
    option = load_scenario(path, {**run, **changes}) if changes else baseline
    return Variants(baseline, option, changes)
