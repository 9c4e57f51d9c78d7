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

from sim.reforms.compose import overlaps, parse
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
_BUILT = ("capacity", "schedule", "shifts", "slots", "arrivals", "batch_size", "cutoffs", "pool")
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


Era = tuple[float, Scenario]


def eras(scenario: Scenario) -> list[Era]:
    """``[(0, scenario without its timeline), (t1, scenario from t1), ...]``, sorted.

    A dated reform that cannot take effect at its time (it changes what is built once for the
    run, or makes the scenario invalid, or sets a field that another entry taking effect at
    the same time sets to another value) is an :class:`AtField` naming ``timeline.I.reform``:
    the scenario's validation calls this, so such a timeline is refused before anything runs.
    """
    out = [(0.0, _undated(scenario))]
    for _, _, steps in _dated(scenario):
        out += steps
    out.sort(key=lambda e: e[0])
    return out


def _undated(scenario: Scenario) -> Scenario:
    return patch(scenario, {"timeline": []}, "timeline") if scenario.timeline else scenario


def _dated(scenario: Scenario) -> list[tuple[int, Scenario, list[Era]]]:
    """Each dated reform in time order: (its index in the timeline, the scenario in force
    before it, the eras it adds)."""
    current = _undated(scenario)
    out = []
    dated = sorted(
        ((e.hours(scenario.start_date), i, e.reform) for i, e in enumerate(scenario.timeline)),
    )
    for t, i, text in dated:
        together = [(j, other) for u, j, other in dated if u == t]
        if len(together) > 1 and together[0][0] == i:
            _same_time(current, scenario, together)
        try:
            steps = _era(current, t, i, text)
        except (ReformError, ScenarioError) as exc:
            at = _when(scenario, i)
            raise AtField(("timeline", i, "reform"), _why(f"{text!r} (at {at})", exc)) from None
        out.append((i, current, steps))
        current = steps[-1][1]
    return out


def idle_dated(scenario: Scenario) -> list[str]:
    """A note per dated reform that changes nothing at its date (what it sets is already in
    force then), or whose changes can act on nothing there (:meth:`Reform.no_effect`): a run
    with it reads as one without."""
    out = []
    for i, before, steps in _dated(scenario):
        entry = scenario.timeline[i]
        head = f"timeline.{i}: the dated reform {entry.reform!r} (at {_when(scenario, i)})"
        if scenario_data(steps[-1][1]) == scenario_data(before):
            slower = "; only its transition's slower officers show" if len(steps) > 1 else ""
            out.append(
                f"{head} changes nothing at its date: it is already in effect then{slower}"
            )
        elif why := parse(entry.reform).no_effect(before):
            out.append(f"{head} can have no effect from its date: {why}")
    return out


def _when(scenario: Scenario, i: int) -> str:
    """When ``timeline[i]`` takes effect, as written (a bare number of hours in days)."""
    at = scenario.timeline[i].at
    return at if isinstance(at, str) else f"{at / 24:g} d" if at % 24 == 0 else f"{at:g} h"


def _same_time(current: Scenario, scenario: Scenario, together: list[tuple[int, str]]) -> None:
    """Refuse two dated reforms of ``together`` (timeline entries taking effect at one time,
    each computed on ``current``, the scenario in force before them) that set one field to
    different values: their order in the file would decide which wins."""
    changes: list[tuple[int, dict[str, Any]]] = []
    for i, text in together:
        try:
            changes.append((i, parse(text).fields(current)))
        except ReformError:
            return  # (the entry's own error is told when it is applied)
    for n, (i, mine) in enumerate(changes):
        for j, theirs in changes[n + 1 :]:
            clash = _clashes(mine, theirs)
            if not clash:
                continue
            (field, a, b), more = clash[0], len(clash) - 1
            entry = scenario.timeline
            raise AtField(
                ("timeline", j, "reform"),
                f"timeline.{i} ({entry[i].reform!r} at {_when(scenario, i)}) and timeline.{j} "
                f"({entry[j].reform!r} at {_when(scenario, j)}) take effect at the same time "
                f"and set {field} to {_brief(a)} and to {_brief(b)}"
                + (f" (and {more} other field{'s' if more > 1 else ''})" if more else "")
                + ": their order in the file would decide which wins; give them different "
                "times, or keep one",
            )


_UNSET = object()


def _clashes(mine: dict[str, Any], theirs: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """The fields two sets of changes both set, to different values: (field, one, other)."""
    out = []
    for k, a in mine.items():
        for m, b in theirs.items():
            if not overlaps(k, m):
                continue
            field = max(k, m, key=len)
            x, y = _written(k, a, field), _written(m, b, field)
            if x is _UNSET or y is _UNSET:  # a value where the other writes inside a table
                field = min(k, m, key=len)
                x, y = _written(k, a, field), _written(m, b, field)
            if x != y:
                out.append((field, x, y))
    return out


def _written(key: str, value: Any, field: str) -> Any:
    """What setting ``key`` to ``value`` writes at ``field``: the value inside it (when
    ``field`` is ``key`` or inside it; ``_UNSET`` if ``value`` has none there), or a table
    holding it (when ``field`` holds ``key``)."""
    if field != key and not field.startswith(key + "."):
        for part in reversed(key[len(field) + 1 :].split(".")):
            value = {part: value}
        return value
    for part in field[len(key) + 1 :].split(".") if field != key else []:
        if not isinstance(value, dict) or part not in value:
            return _UNSET
        value = value[part]
    return value


def _brief(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


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
    if dotted.startswith(("costs.systems.", "costs.system_ports.")):  # a running cost:
        return False  # counted from its date on (and the ports it serves)
    if dotted.startswith("costs.setup."):  # a one-off cost: no part of the run at all
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
    found = built_field(scenario, changes)
    if found is not None:
        dotted, shown = found
        return (
            f"{text!r} changes {dotted} (to {shown}), which is built once for the run "
            "(lanes, review centres, slots, laboratories, arrivals, the run's length, "
            "the risk engine's being on, its refresh and alert classes, the "
            "organisation, smugglers, costs): a dated reform cannot change it; apply it "
            "from the start instead (drop the timeline entry's 'at' and apply the reform "
            "to the scenario; in --reforms, drop its '@TIME')"
        )
    return ""


def built_field(scenario: Scenario, changes: dict[str, Any]) -> tuple[str, str] | None:
    """The first field of ``changes`` built once for the run that they change on
    ``scenario`` (a dated reform may not), with its new value as shown; None if none."""
    data = scenario_data(scenario)
    for dotted, value in _leaves(changes):
        if _built_once(dotted) and get_path(data, dotted) != value:
            return dotted, repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    return None


def _leaves(changes: dict[str, Any]) -> list[tuple[str, Any]]:
    """The changes down to their leaves: a change that writes a whole table (a section the
    scenario lacked, with a lane in it) is checked field by field, as if set one at a time."""
    out: list[tuple[str, Any]] = []
    for dotted, value in changes.items():
        if isinstance(value, dict) and value and not _built_once(dotted):
            out += _leaves({f"{dotted}.{k}": v for k, v in value.items()})
        else:
            out.append((dotted, value))
    return out

