"""A scenario's timeline as eras: (start time, scenario in force), for the World.

Each dated reform is applied, in time order, to the scenario in force before it; a structural
reform with ``transition_days`` adds an era in which officers' service times are longer by
``transition_loss``. Eras may change what each consignment needs and how it is selected and
routed, not what is built once for the run: lanes, slots, laboratories, arrivals and the run's
length (an error names the field). The risk engine's settings may change (it takes each
decision with those in force at the decision's time, sim.model.risk_eras), not whether it is
on, its refresh interval or whether alerts match classes.
"""

from __future__ import annotations

from typing import Any

from sim.reforms.compose import parse
from sim.reforms.fields import officer_work
from sim.scenario.patch import patch, scenario_data
from sim.scenario.schema import Scenario

#: what the risk engine fixes for the run (its other settings may change by date: the engine
#: decides at each assessment with the settings in force then, sim.model.risk_eras)
_RISK_BUILT = ("risk", "risk.enabled", "risk.refresh", "risk.alert.match_class")
#: what the World builds once; a dated reform may not change it
_BUILT = ("capacity", "schedule", "slots", "arrivals", "batch_size", "cutoffs", "pool")
_RUN = (
    "days",
    "warmup_days",
    "drain_days",
    "queue_sample",
    "start_date",
    "organisation",
    "smuggling",
    "costs",  # sections the World builds once
)


def eras(scenario: Scenario) -> list[tuple[float, Scenario]]:
    """``[(0, scenario without its timeline), (t1, scenario from t1), ...]``, sorted."""
    current = patch(scenario, {"timeline": []}, "timeline") if scenario.timeline else scenario
    out = [(0.0, current)]
    dated = sorted(
        ((e.hours(scenario.start_date), i, e.reform) for i, e in enumerate(scenario.timeline)),
    )
    for t, i, text in dated:
        source = f"timeline[{i}] {text}"
        plan = parse(text)
        changes = plan.fields(current)
        _check_built(current, changes, source)
        current = patch(current, changes, source)
        loss = _transition(plan.reforms)
        if loss is not None:
            days, share = loss
            slowed = patch(current, officer_work(scenario_data(current), 1 + share), source)
            out.append((t, slowed))
            out.append((t + days * 24, current))
        else:
            out.append((t, current))
    out.sort(key=lambda e: e[0])
    return out


def _transition(reforms: list[Any]) -> tuple[float, float] | None:
    """The longest transition among structural reforms that set one."""
    best = None
    for r in reforms:
        s = r.strengths
        if r.structural and s.get("transition_days", 0) > 0:
            cand = (float(s["transition_days"]), float(s["transition_loss"]))
            best = cand if best is None or cand > best else best
    return best


def _check_built(scenario: Scenario, changes: dict[str, Any], source: str) -> None:
    from sim.scenario.loader import ScenarioError
    from sim.scenario.patch import get_path

    data = scenario_data(scenario)
    for dotted, value in changes.items():
        parts = dotted.split(".")
        built = (
            parts[0] in _RUN
            or dotted in _RISK_BUILT
            or any(p in _BUILT for p in parts)
            or dotted.startswith("inspection.joint_staffing")
        )
        if built and get_path(data, dotted) != value:
            raise ScenarioError(
                [
                    (
                        source,
                        dotted,
                        value,
                        "a dated reform cannot change what is built once for the run "
                        "(lanes, review centres, slots, laboratories, arrivals, the run's length, "
                        "the risk engine's being on, its refresh and alert classes, the "
                        "organisation, smugglers, costs): "
                        "apply it from the start instead",
                    )
                ]
            )
