"""A scenario's timeline as eras: (start time, scenario in force), for the World.

Each dated reform is applied, in time order, to the scenario in force before it; a structural
reform with ``transition_days`` adds an era in which officers' service times are longer by
``transition_loss``. Eras may change what each consignment needs and how it is selected and
routed, not what is built once for the run: lanes, slots, laboratories, arrivals and the run's
length. The risk engine's settings may change (it takes each decision with those in force at
the decision's time, sim.model.risk_eras), not whether it is on, its refresh interval or
whether alerts match classes. A scenario's validation computes its eras, so a dated reform
that breaks these rules is refused on load (``timeline.I.reform``, naming the field it would
change), before anything runs.
"""

from __future__ import annotations

from typing import Any

from sim.reforms.compose import parse
from sim.reforms.fields import officer_work
from sim.reforms.reform import ReformError
from sim.scenario.limits import AtField
from sim.scenario.loader import ScenarioError
from sim.scenario.patch import get_path, patch, scenario_data
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
    """``[(0, scenario without its timeline), (t1, scenario from t1), ...]``, sorted.

    A dated reform that cannot take effect at its time (it changes what is built once for the
    run, or makes the scenario invalid) is an :class:`AtField` naming ``timeline.I.reform``:
    the scenario's validation calls this, so such a timeline is refused before anything runs.
    """
    current = patch(scenario, {"timeline": []}, "timeline") if scenario.timeline else scenario
    out = [(0.0, current)]
    dated = sorted(
        ((e.hours(scenario.start_date), i, e.reform) for i, e in enumerate(scenario.timeline)),
    )
    for t, i, text in dated:
        try:
            steps = _era(current, t, i, text)
        except (ReformError, ScenarioError) as exc:
            at = scenario.timeline[i].at
            when = at if isinstance(at, str) else f"{at / 24:g} d" if at % 24 == 0 else f"{at:g} h"
            raise AtField(("timeline", i, "reform"), _why(f"{text!r} (at {when})", exc)) from None
        out += steps
        current = steps[-1][1]
    out.sort(key=lambda e: e[0])
    return out


def _era(current: Scenario, t: float, i: int, text: str) -> list[tuple[float, Scenario]]:
    """The era(s) the dated reform ``timeline[i]`` adds at ``t``: a transition (slower
    officers), then the new rules; the last is the scenario in force from then on."""
    source = f"timeline[{i}] {text}"
    plan = parse(text)
    changes = plan.fields(current)
    why = _built_change(current, changes, text)
    if why:
        raise AtField(("timeline", i, "reform"), why)
    current = patch(current, changes, source)
    loss = _transition(plan.reforms)
    if loss is None:
        return [(t, current)]
    days, share = loss
    slowed = patch(current, officer_work(scenario_data(current), 1 + share), source)
    return [(t, slowed), (t + days * 24, current)]


def _why(dated: str, exc: ReformError | ScenarioError) -> str:
    """What is wrong with the dated reform ``dated`` (its text and time; not its field
    changes), as one line."""
    if isinstance(exc, ReformError):
        return f"{dated} cannot apply at its date: {exc}"
    found = "; ".join(f"{path}: {msg}" if path else msg for _, path, _, msg in exc.problems)
    return f"{dated} cannot apply at its date: it would make the scenario invalid ({found})"


def _transition(reforms: list[Any]) -> tuple[float, float] | None:
    """The longest transition among structural reforms that set one."""
    best = None
    for r in reforms:
        s = r.strengths
        if r.structural and s.get("transition_days", 0) > 0:
            cand = (float(s["transition_days"]), float(s["transition_loss"]))
            best = cand if best is None or cand > best else best
    return best


def _built_once(dotted: str) -> bool:
    """Whether the field ``dotted`` is built once for the run (a dated reform may not change it)."""
    parts = dotted.split(".")
    if dotted.startswith("costs.systems."):  # a running cost: counted from its date on
        return False
    return (
        parts[0] in _RUN
        or dotted in _RISK_BUILT
        or any(p in _BUILT for p in parts)
        or dotted.startswith("inspection.joint_staffing")
    )


def _built_change(scenario: Scenario, changes: dict[str, Any], text: str) -> str:
    """Why the dated reform ``text`` may not make ``changes`` (it changes something built once
    for the run), or "" when it may."""
    data = scenario_data(scenario)
    for dotted, value in changes.items():
        if _built_once(dotted) and get_path(data, dotted) != value:
            shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
            return (
                f"{text!r} changes {dotted} (to {shown}), which is built once for the run "
                "(lanes, review centres, slots, laboratories, arrivals, the run's length, "
                "the risk engine's being on, its refresh and alert classes, the "
                "organisation, smugglers, costs): a dated reform cannot change it; apply it "
                "from the start instead (drop the timeline entry's 'at' and apply the reform "
                "to the scenario; in --reforms, drop its '@TIME')"
            )
    return ""
