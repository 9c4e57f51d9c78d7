"""The organisation's reforms (sim.scenario.org_reforms) registered in the library: their
field change is the section they rewrite."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sim.reforms.fields import no_pool
from sim.reforms.reform import Changes, Param, Reform
from sim.scenario import front_line, org_reforms
from sim.scenario.patch import patch, scenario_data
from sim.scenario.schema import Scenario


def _section(
    section: str, transform: Callable[[Scenario, Mapping[str, Any]], Scenario], name: str = ""
) -> Callable[[dict[str, Any], Mapping[str, Any]], Changes]:
    def rule(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
        try:
            new = transform(patch(data, {}, "organisation reform"), s)
        except ValueError as exc:
            from sim.reforms.reform import ReformError

            raise ReformError(f"reform {name}: {exc}" if name else str(exc)) from None
        return _diff(section, data.get(section), scenario_data(new)[section]) or {
            section: scenario_data(new)[section]
        }

    return rule


def _diff(path: str, old: Any, new: Any) -> Changes:
    """The fields where ``new`` differs from ``old`` (tables compared key by key; a key
    ``new`` drops is set to None, which removes it)."""
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return {} if old == new else {path: new}
    out: Changes = {}
    for k in dict.fromkeys([*old, *new]):
        out.update(_diff(f"{path}.{k}", old.get(k), new.get(k)))
    return out


def _dumbbell(s: Scenario, p: Mapping[str, Any]) -> Scenario:
    front = front_line.to_front_line(s, p["front_line"], p["front_line_lane"])
    loss, days = p["running_in_loss"], p["running_in_days"]
    s = org_reforms.dumbbell(s, loss if loss > 0 else None, days if days > 0 else None)
    s = org_reforms.with_staff(s, {  # (after: the middle that lost them is gone)
        k.rsplit(".", 1)[1]: v for k, v in front.items() if k.startswith("organisation.")
    })
    s = org_reforms.running_in_curve(s, *(
        v if v != "scenario" else None for v in (p["running_in_shape"], p["running_in_from"])
    ))
    if p["uniform_standards"] != 1:
        s = org_reforms.uniform_standards(s, p["uniform_standards"])
    return org_reforms.cut_management(s, p["management_cut"])


def _dumbbell_rule(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    """The organisation's changes, and with ``front_line`` the ports' new servers (the
    middle layer's heads counted in the scenario's own structure, before the change)."""
    changes = _section("organisation", _dumbbell, "dumbbell")(data, s)
    if s["front_line"] > 0:  # (checked by the organisation's own change above)
        base = patch(data, {}, "organisation reform")
        front = front_line.to_front_line(base, s["front_line"], s["front_line_lane"])
        changes.update({k: v for k, v in front.items() if k.startswith("ports.")})
    return changes


#: the paper's claim of a saving in posts, as a strength (the structural reforms place the
#: same heads unless it is given)
MANAGEMENT_CUT = Param(
    0.0,
    "share of the organisation's management heads whose posts go with the removed level "
    "(rounded down to whole heads; 0: every head moves, staff cost unchanged). Management "
    "does only the directive in the model, so the saving costs no service: an upper bound",
    0,
    1,
)


#: the seven Guangdong customs merged into four, as guangdong-four.toml (an assumption there:
#: the two customs of Guangzhou city together; Gongbei with the western customs)
GUANGDONG_FOUR = {
    "guangzhou": ["guangzhou", "huangpu"],
    "west": ["gongbei", "jiangmen", "zhanjiang"],
}


def _merge(s: Scenario, p: Mapping[str, Any]) -> Scenario:
    s = org_reforms.merge_affiliated(s, dict(p["groups"]))
    return org_reforms.cut_management(s, p["management_cut"])


def _field(s: Scenario, p: Mapping[str, Any]) -> Scenario:
    return org_reforms.merge_field_departments(s, p["slowdown"])


def _nothing_to_pool(data: dict[str, Any], s: Mapping[str, Any]) -> str:
    """Merging directly-affiliated customs pools their heads and queues: in a generated
    dumbbell every task is decided above them (GAC or a centre), so they hold no heads and
    no queue, and with no management posts cut nothing changes."""
    from sim.scenario.organisation import ROLE_OF

    org = data.get("organisation") or {}
    if org.get("structure") != "dumbbell" or org.get("generate") is None:
        return ""
    if s["management_cut"] > 0:
        return ""
    spec = patch(data, {}, "organisation reform").organisation
    assert spec is not None
    if any(spec.level_of(task) == "regional" for task in ROLE_OF):
        return ""
    return (
        "in this dumbbell no task is decided at the directly-affiliated customs (each goes "
        "to GAC or a centre), so they hold no heads and no queue to pool"
    )


REFORMS = [
    Reform(
        "dumbbell",
        "GAC and national business-function centres decide; directly-affiliated customs keep "
        "coordination only; every head moves to where its work is decided (equal headcount, "
        "so the organisation's staff cost is unchanged by construction unless management_cut "
        "abolishes posts: the structure changes where decisions wait, not what staff cost); "
        "front_line sends a share of the middle layer's heads to the ports' lanes instead "
        "(the paper's strong front line: fewer organisation heads, more port servers); "
        "uniform_standards lowers the escalation shares (the paper's uniform law "
        "enforcement, an assumption); built once for the run, so it "
        "cannot be dated (running_in_days counts from the run's start, warm-up included, "
        "unless running_in_from = \"observation\": from the first observed day, taken as the "
        "reform's start)",
        _dumbbell_rule,
        (
            "seed paper: the dumbbell structure",
            "seed paper: 'realise the uniformity of law enforcement' (uniform_standards) and "
            "'total volume control ... prohibiting over-employment of leading cadres' "
            "(management_cut)",
            "assumption: uniform_standards, management_cut, front_line, running_in_loss and "
            "running_in_days (no published figure was found)",
        ),
        {
            "running_in_loss": Param(
                0.0, "productivity loss while running in (0: the scenario's)", 0, 1
            ),
            "running_in_days": Param(0.0, "days of running-in (0: the scenario's)", 0, 3650),
            "running_in_shape": Param(
                "scenario",
                "how the loss goes: constant (all of it until the running-in ends) or linear "
                "(fading to none by its last day: an assumption); scenario: the scenario's",
                None, None, ("scenario", "constant", "linear"),
            ),
            "running_in_from": Param(
                "scenario",
                "where running_in_days count from: run (the run's start, warm-up included) or "
                "observation (the first observed day, the reform's start); scenario: the "
                "scenario's",
                None, None, ("scenario", "run", "observation"),
            ),
            "uniform_standards": Param(
                1.0,
                "factor on the escalation shares once standards are uniform (multiplies "
                "organisation.advantages.uniform_standards; 1: the scenario's)",
            ),
            "management_cut": MANAGEMENT_CUT,
            "front_line": Param(
                0.0,
                "share of the heads the scenario's structure places in the middle layer "
                "(directly-affiliated and subordinate customs; each role rounded down) that "
                "leave the organisation for the ports' front line instead of the national "
                "centres (the paper's strong front line: an assumption; 0: every head moves "
                "to the centres); they become servers of front_line_lane at every port with "
                "a fixed capacity there, in proportion to it",
                0,
                1,
            ),
            "front_line_lane": Param(
                "exam",
                "the front-line lane the heads join: exam (exam teams), document_check, "
                "review (declaration review) or quarantine (quarantine officers); a lane of "
                "fixed capacity is on duty round the clock, so one more server takes "
                "costs.staff's heads per server (1 where not given) x 8,760 h / "
                "costs.hours_per_year heads, and heads that make no whole server stay",
                None, None, tuple(front_line.LANES),
            ),
        },
        requires=("organisation",),
    ),
    Reform(
        "merge_affiliated",
        "directly-affiliated customs merged (fewer middle units): each group's ports, staff "
        "and tasks pooled under one customs (the same heads: staff cost unchanged unless "
        "management_cut abolishes posts; otherwise the saving is in pooled queues); built "
        "once for the run, so it cannot be dated and carries no running-in",
        _section("organisation", _merge, "merge_affiliated"),
        (
            "seed paper: 'it is technically feasible to retain 3-4 directly affiliated customs "
            "in Guangdong Province'",
            "assumption: the default grouping, Guangdong's seven into four as "
            "guangdong-four.toml (the two Guangzhou customs; Gongbei with the western customs)",
            "assumption: management_cut (the posts of the merged customs' heads; no published "
            "figure was found)",
        ),
        {
            "groups": Param(
                GUANGDONG_FOUR,
                "new customs id -> the directly-affiliated customs it merges, e.g. "
                '{south = ["shenzhen", "huangpu"]}',
                None,
                None,
                kind="groups",
            ),
            "management_cut": MANAGEMENT_CUT,
        },
        idle=_nothing_to_pool,
        requires=("organisation",),
    ),
    Reform(
        "merge_field_departments",
        "port supervision, quarantine, commodity inspection and food safety merged into one "
        "field department: cross-trained teams examine jointly",
        _section("inspection", _field),
        (
            "seed paper: merging field departments after the 2018 merger",
            "assumption: slowdown (no published figure was found: the 2018 merger's "
            "figures count steps, e.g. Beijing Capital Airport's passenger process 8 -> 5 "
            "links (published-figures.md §2.7), not how long the merged teams take; it "
            "would need the exam times of the same checks by specialists and by newly "
            "cross-trained officers; the tornado tries 1 to 1.5)",
        ),
        {"slowdown": Param(1.0, "factor on examination times while officers learn", 1.0, 3.0)},
        idle=no_pool,
    ),
]
