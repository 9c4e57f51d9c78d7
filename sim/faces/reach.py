"""Whether an option of the workshop page can change a scenario: at its default strengths,
only at other strengths typed on the page, or not at all.

A library reform's option is offered when some value of the strengths the page lets the
facilitator type (:func:`sim.faces.strengths.offered`) changes the chosen scenario: AI
auto-clear at its default 0.5 changes nothing where the scenario already clears 0.5, at 0.9
it does. Its strengths are tried at their defaults, then each at the ends of its range (the
others at their defaults), then all at their lowest and all at their highest: a strength is a
share, a count or an AUC that acts the further it goes from the scenario's own value, so an
end of its range acts if any value does. Checked on every bundled scenario (each strength
alone at seven inner values): no reform the trials leave unoffered acts at an inner value.
An end may be refused where inner values act (``single_window`` at ``preparation_cut=1``
leaves a lodging time of 0; the ``dumbbell`` at ``management_cut=1`` leaves
``guangdong-dumbbell`` no manager); the reform is offered there all the same, by its default
or another strength. A test pins the assumption on two scenarios, so that a reform added
that acts only inside its range is not silently left unoffered. A trial whose fields the
reform library finds already in the scenario (:meth:`~sim.reforms.reform.Reform.fields`) is
settled without building the scenario; only one that writes another value is applied and
compared.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sim.experiment.options import Option
from sim.scenario.schema import Scenario

#: the option changes the scenario at its default strengths
AT_DEFAULT = "default"
#: it changes nothing at its default strengths, only at others typed on the page
AT_OTHER = "other"
#: its default strengths cannot apply there (the values it writes are refused), others can
REFUSED_AT_DEFAULT = "refused"
#: no strength the page offers makes it change the scenario (or it cannot apply there)
NOWHERE = ""

_ABSENT = object()
_ACTS, _SAME, _REFUSED = "acts", "same", "refused"


def reach(option: Option, scenario: Scenario, data: Mapping[str, Any] | None = None) -> str:
    """Where ``option`` changes ``scenario``: :data:`AT_DEFAULT`, :data:`AT_OTHER`,
    :data:`REFUSED_AT_DEFAULT` or :data:`NOWHERE`. ``data``: the scenario as plain data,
    when the caller has it."""
    from sim.scenario.patch import scenario_data

    if not _tables_exist(option, scenario):
        return NOWHERE
    if not option.reform:
        return AT_DEFAULT
    data = scenario_data(scenario) if data is None else data
    at_default = ""
    for values in trials(option):
        found = _changes(option, scenario, data, values)
        if found == _ACTS:
            return AT_DEFAULT if not values else at_default
        at_default = at_default or (REFUSED_AT_DEFAULT if found == _REFUSED else AT_OTHER)
    return NOWHERE


def trials(option: Option) -> Iterator[dict[str, float | int]]:
    """The strengths tried, in order: the defaults (``{}``), each offered strength at each
    end of its range, then all at their lowest and all at their highest."""
    from sim.faces.strengths import offered

    params = offered(option)
    yield {}
    for key, param in params.items():
        for end in (param.low, param.high):
            if end is not None and end != param.default:
                yield {key: _value(param.kind, end)}
    for side in ("low", "high"):
        ends = {k: getattr(p, side) for k, p in params.items()}
        if len(params) > 1 and None not in ends.values():
            yield {k: _value(params[k].kind, v) for k, v in ends.items()}


def _value(kind: str, end: float) -> float | int:
    return int(end) if kind == "whole" else float(end)


def _changes(option: Option, scenario: Scenario, data: Mapping[str, Any],
             values: Mapping[str, float | int]) -> str:
    """Whether ``option``'s reform at ``values`` changes ``scenario`` (:data:`_ACTS`), not:
    every field it writes already holds that value (:data:`_SAME`), or it cannot apply there
    (:data:`_REFUSED`: a section it needs is missing, the values it writes are refused)."""
    from sim.faces.choices import with_reform
    from sim.reforms import REFORMS
    from sim.reforms.reform import toml_value
    from sim.scenario.loader import ScenarioError
    from sim.scenario.patch import get_path

    name = str(option.reform)
    try:
        fields = REFORMS[name](**values).fields(scenario) if name in REFORMS else None
    except ValueError:
        return _REFUSED
    if fields is not None and all(get_path(data, k, _ABSENT) == v for k, v in fields.items()):
        return _SAME  # (already in effect there, or nothing to act on)
    said = ",".join(f"{k}={toml_value(v)}" for k, v in values.items())
    try:
        changed = with_reform(scenario, f"{name}:{said}" if said else name)
    except (ValueError, ScenarioError):
        return _REFUSED
    return _ACTS if changed != scenario else _SAME


def _tables_exist(option: Option, scenario: Scenario) -> bool:
    """Whether every table an option's overrides write into exists in ``scenario``."""
    data = scenario.model_dump(by_alias=True)
    for dotted in option.overrides:
        node: Any = data
        for key in dotted.split(".")[:-1]:
            if not isinstance(node, dict) or node.get(key) is None:
                return False
            node = node[key]
    return True
