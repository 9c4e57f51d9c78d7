"""A reform: a named, documented transformation of a resolved scenario.

A :class:`Reform` says which fields it changes (a function of the scenario and its strength
parameters), by which mechanism, on what evidence. ``reform.apply(scenario)`` patches those
fields through :func:`sim.scenario.patch.patch` (re-validated; an error names the reform, the
field and the bad value). ``reform(uptake=0.8)`` is the same reform at another strength.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sim.scenario.patch import get_path, patch, scenario_data
from sim.scenario.schema import Scenario

#: what a reform writes: dotted field path -> new value (plain data, as a scenario file has it)
Changes = dict[str, Any]
#: a reform's field changes: f(scenario as plain data, strength parameters)
ChangeRule = Callable[[dict[str, Any], Mapping[str, Any]], Changes]
#: why a reform's changes can have no effect on a scenario (plain data, strengths); '' if they can
IdleRule = Callable[[dict[str, Any], Mapping[str, Any]], str]

#: the reason given when a reform finds no field of a scenario to change
NO_PARTS = "the scenario has none of the parts it acts on"


#: how to give a scenario a section a reform changes, where one setting makes it
GIVE_ONE = {
    "risk": "; give it one, e.g. --set risk.target=0.05 (the risk engine at a 5 % target "
    "inspection rate, its other fields at their defaults: bordersim check shows them)",
}


def _give_one(section: str, scenario: Scenario | dict[str, Any]) -> str:
    """How to give ``scenario`` the ``section`` a reform needs; for the risk engine, with a
    window its volumes fill (sim.scenario.window_hint) when the scenario is at hand."""
    from sim.scenario.loader import ScenarioError
    from sim.scenario.window_hint import window_for

    if section != "risk":
        return GIVE_ONE.get(section, "")
    if not isinstance(scenario, Scenario):
        try:  # the data of a checked scenario, as reforms pass it on
            scenario = patch(scenario, {}, "the scenario")
        except (ScenarioError, ValueError):
            return GIVE_ONE[section]
    window, why = window_for(scenario)
    if not window:
        return GIVE_ONE.get(section, "")
    return (
        f"; give it one, e.g. --set risk.target=0.05 --set risk.window={window} (the risk "
        f"engine at a 5 % target inspection rate; the window because {why}; its other fields "
        "at their defaults: bordersim check shows them)"
    )


class ReformError(ValueError):
    """A reform that cannot be used as asked: names the reform, the parameter or field, and
    the bad value."""


class MissingSection(ReformError):
    """A reform that changes a section the scenario does not have (an organisation, say)."""


#: the kinds of strength parameter (see :class:`Param`)
KINDS = ("number", "whole", "names", "groups")


@dataclass(frozen=True)
class Param:
    """A strength parameter: its default, its allowed range (or values) and what it means.
    ``kind``: 'number' (in [low, high]), 'whole' (a whole number in [low, high]: a count, of
    scanners, teams, officers, bays or lanes, say; 2.0 is read as 2, 2.5 is refused), 'names'
    (a list of names, or the word "all") or 'groups' (a table: new name -> list of names);
    names are checked by the reform's rule, against the scenario. ``gone``: values once among
    the choices, each with what to write instead (its error says so)."""

    default: Any
    doc: str
    low: float | None = 0.0
    high: float | None = 1.0
    choices: tuple[str, ...] = ()
    kind: str = "number"
    gone: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise TypeError(f"a strength's kind is one of {', '.join(KINDS)}: {self.kind!r}")
        if self.kind == "whole" and (
            isinstance(self.default, bool) or not isinstance(self.default, int)
        ):
            raise TypeError(f"a whole-number strength's default must be an int: {self.default!r}")

    def allowed(self) -> str:
        """The values a number allows, as an error message gives them."""
        low = self.low if self.low is not None else "-inf"
        high = self.high if self.high is not None else "inf"
        if self.kind == "whole":
            return f"a whole number from {_whole(low)} to {_whole(high)}"
        return f"{low} to {high}"

    def shown(self, value: Any) -> str:
        """A strength's value as the console and the docs show it: ``none`` for a strength
        left unset (its doc says what then applies), else as written in Python."""
        return "none" if value is None else repr(value)

    def check(self, reform: str, name: str, value: Any) -> Any:
        if self.kind == "names":
            return _names(reform, name, value)
        if self.kind == "groups":
            return _groups(reform, name, value)
        if self.choices:
            instead = dict(self.gone).get(value) if isinstance(value, str) else None
            if instead:
                raise ReformError(f"reform {reform}: {name} = {value!r}: {instead} (allowed "
                                  f"{', '.join(self.choices)})")
            if value not in self.choices:
                raise ReformError(
                    f"reform {reform}: {name} = {value!r}: allowed {', '.join(self.choices)}"
                )
            return str(value)
        whole = self.kind == "whole"
        if isinstance(value, bool) or not isinstance(value, int | float):
            point = "" if whole else _decimal_point(value)
            if point:  # (refused still: a comma separates strengths on the command line)
                raise ReformError(f"reform {reform}: {name} = {value!r}: not a number; write "
                                  f"the decimal point: {point} (allowed {self.allowed()})")
            what = "a whole number" if whole else "a number"
            raise ReformError(
                f"reform {reform}: {name} = {value!r}: must be {what}, allowed {self.allowed()}"
            )
        if not math.isfinite(value):  # (NaN passes every comparison with the range)
            raise ReformError(
                f"reform {reform}: {name} = {value!r}: must be a finite number, allowed "
                f"{self.allowed()}"
            )
        if whole and not (isinstance(value, int) or value.is_integer()):
            raise ReformError(
                f"reform {reform}: {name} = {value!r}: not a whole number (it counts "
                f"things), allowed {self.allowed()}"
            )
        if (self.low is not None and value < self.low) or (
            self.high is not None and value > self.high
        ):
            raise ReformError(
                f"reform {reform}: {name} = {value!r}: out of range, allowed {self.allowed()}"
            )
        return int(value) if whole else float(value)


def _decimal_point(value: Any) -> str:
    """``value`` written with the decimal point if it is a number written with a decimal
    comma (``0,5`` or the full-width ``0，5`` -> ``0.5``), else ''. Not for three digits after
    a comma behind a whole part other than 0 (``2,500``): that may be a thousands separator,
    and a hint of ``2.500`` would mislead."""
    if not isinstance(value, str):
        return ""
    found = re.fullmatch(r"\s*([+-]?[0-9]+)[,，]([0-9]+)\s*", value)
    if found is None or (len(found[2]) == 3 and found[1].lstrip("+-").strip("0")):
        return ""
    return f"{found[1]}.{found[2]}"


def _whole(bound: float | str) -> str:
    """A whole number's bound as written: ``1``, not ``1.0``."""
    return str(int(bound)) if isinstance(bound, float) and bound.is_integer() else str(bound)


def _names(reform: str, name: str, value: Any) -> Any:
    if value == "all":
        return value
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise ReformError(
            f"reform {reform}: {name} = {value!r}: a list of names (['a', 'b']) or \"all\""
        )
    return list(value)


def _groups(reform: str, name: str, value: Any) -> dict[str, list[str]]:
    ok = isinstance(value, dict) and value and all(
        isinstance(v, list) and v and all(isinstance(x, str) for x in v) for v in value.values()
    )
    if not ok:
        raise ReformError(
            f"reform {reform}: {name} = {value!r}: a table of new name -> list of names, "
            "e.g. {south = [\"shenzhen\", \"huangpu\"]}"
        )
    return {str(k): list(v) for k, v in value.items()}


def toml_value(v: Any) -> str:
    """A strength as it is written on a command line (TOML; a bare word for a plain name)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):  # (every digit, so that the label parses back to the value;
        text = repr(v).replace("e+", "e")  # no '+', which joins reforms)
        return text[:-2] if text.endswith(".0") else text
    if isinstance(v, int):
        return str(v)
    if isinstance(v, list | tuple):
        return "[" + ", ".join(_item(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f'"{k}" = {_item(x)}' for k, x in v.items()) + "}"
    return str(v)


def _item(v: Any) -> str:
    """A value inside an array or a table: strings quoted."""
    return f'"{v}"' if isinstance(v, str) else toml_value(v)


#: every structural reform's transition: a time-limited loss of productivity after the change
TRANSITION = {
    "transition_days": Param(0.0, "days of lower productivity after the change (0: none)", 0, 365),
    "transition_loss": Param(
        0.2, "during the transition, officers' service times are longer by this share", 0, 2
    ),
}


#: every reform's running cost: what it costs the agencies a year beyond the staff and
#: equipment the model counts, written into ``costs.systems`` under the reform's name; and
#: its one-off set-up cost, into ``costs.setup`` (read by ``bordersim appraise``)
RUNNING_COST = {
    "cost_per_year": Param(
        0.0,
        "what it costs the agencies a year beyond the staff and equipment the model counts "
        "(IT systems, licences, maintenance, training), in the scenario's currency; 0: not "
        "costed (give it for a cost-benefit; needs a [costs] section)",
        0,
        1e12,
    ),
    "setup_cost": Param(
        0.0,
        "what it costs the agencies once to set up (building the system, training, change "
        "management), in the scenario's currency; written into costs.setup, year 0 of "
        "bordersim appraise; 0: not costed (needs a [costs] section)",
        0,
        1e12,
    ),
}


def serves(data: Mapping[str, Any], changes: Changes) -> list[str]:
    """The ports a reform's running cost serves: those whose fields its changes change (set
    to another value), or none (every port) when it changes a field of no single port."""
    acting = [
        k for k, v in changes.items() if not k.startswith("costs.") and get_path(data, k) != v
    ]
    if not acting or not all(k.startswith("ports.") for k in acting):
        return []
    return sorted({k.split(".")[1] for k in acting})


@dataclass(frozen=True)
class Reform:
    """A named scenario transformation with its mechanism, sources and strengths."""

    name: str
    mechanism: str  # one sentence
    rule: ChangeRule
    sources: tuple[str, ...] = ()
    params: Mapping[str, Param] = field(default_factory=dict)
    values: Mapping[str, Any] = field(default_factory=dict)  # strengths set by the user
    requires: tuple[str, ...] = ()  # scenario sections the reform writes into
    needs: str = ""  # not yet buildable: what the model still lacks
    structural: bool = False  # carries the transition parameters
    idle: IdleRule | None = None  # why its changes can do nothing in a scenario ('' if they can)
    #: what of the reform cannot act in a scenario, though some of it can ('' if all can)
    partial: IdleRule | None = None
    #: the parts it acts on, in a user's words, said after :data:`NO_PARTS` when a scenario
    #: has none of them (so that the note says what to add, or which scenario has them)
    acts_on: str = ""

    def __post_init__(self) -> None:
        extra = {**TRANSITION, **RUNNING_COST} if self.structural else RUNNING_COST
        object.__setattr__(self, "params", {**self.params, **extra})

    def __call__(self, **values: Any) -> Reform:
        """The same reform at other strengths: ``single_window(uptake=0.8)``."""
        for k, v in values.items():
            if k not in self.params:
                allowed = ", ".join(self.params) or "none"
                why = (
                    " (a transition belongs to a structural reform that can be dated; see "
                    "`bordersim reforms`)"
                    if k in TRANSITION
                    else ""
                )
                raise ReformError(
                    f"reform {self.name}: unknown parameter {k!r}; allowed: {allowed}{why}"
                )
            values[k] = self.params[k].check(self.name, k, v)
        return replace(self, values={**self.values, **values})

    @property
    def strengths(self) -> dict[str, Any]:
        """Every parameter's value: the user's, or the default."""
        return {k: self.values.get(k, p.default) for k, p in self.params.items()}

    @property
    def label(self) -> str:
        """The reform as written on a command line: ``name`` or ``name:k=v,k=v``."""
        if not self.values:
            return self.name
        return self.name + ":" + ",".join(f"{k}={toml_value(v)}" for k, v in self.values.items())

    def missing(self) -> str:
        """Why this reform cannot be applied in this build ('' when it can)."""
        if self.needs:
            return f"reform {self.name} needs {self.needs}"
        absent = [s for s in self.requires if s not in Scenario.model_fields]
        if absent:
            return (
                f"reform {self.name} needs the scenario section(s) [{', '.join(absent)}], "
                "which this version of the model does not have yet"
            )
        return ""

    def fields(self, scenario: Scenario | dict[str, Any]) -> Changes:
        """The field changes this reform makes on ``scenario`` (dotted path -> new value)."""
        why = self.missing()
        if why:
            raise ReformError(why)
        data = scenario_data(scenario) if isinstance(scenario, Scenario) else scenario
        for s in self.requires:
            if data.get(s) is None:
                raise MissingSection(
                    f"reform {self.name} changes the [{s}] section, which the scenario "
                    f"{data.get('name', '')!r} does not have" + _give_one(s, scenario)
                )
        changes = self.rule(data, self.strengths)
        cost = self._priced(data, "cost_per_year")
        if cost > 0:
            changes[f"costs.systems.{self.name}"] = cost
            served = serves(data, changes)
            if served:
                changes[f"costs.system_ports.{self.name}"] = served
        setup = self._priced(data, "setup_cost")
        if setup > 0:
            changes[f"costs.setup.{self.name}"] = setup
        return changes

    def _priced(self, data: dict[str, Any], what: str) -> float:
        """The reform's ``cost_per_year`` or ``setup_cost``; one above 0 needs [costs]."""
        amount = float(self.strengths[what])
        if amount > 0 and data.get("costs") is None:
            raise MissingSection(
                f"reform {self.name}: {what} = {amount:g} is added to the [costs] section, "
                f"which the scenario {data.get('name', '')!r} does not have"
            )
        return amount

    def no_effect(self, scenario: Scenario | dict[str, Any]) -> str:
        """Why this reform can have no effect on ``scenario`` ('' when it can): it finds no
        field to change, or the fields it changes act on nothing there."""
        data = scenario_data(scenario) if isinstance(scenario, Scenario) else scenario
        if not self.fields(data):
            return f"{NO_PARTS} ({self.acts_on})" if self.acts_on else NO_PARTS
        return self.idle(data, self.strengths) if self.idle is not None else ""

    def caveat(self, scenario: Scenario | dict[str, Any]) -> str:
        """What of this reform cannot act on ``scenario``, when the rest can ('' if all can,
        or none: see :meth:`no_effect`)."""
        if self.partial is None or self.no_effect(scenario):
            return ""
        data = scenario_data(scenario) if isinstance(scenario, Scenario) else scenario
        return self.partial(data, self.strengths)

    def apply(self, scenario: Scenario) -> Scenario:
        """``scenario`` with this reform's changes, validated again."""
        return patch(scenario, self.fields(scenario), f"reform {self.label}")
