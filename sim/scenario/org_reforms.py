"""Organisational reforms as scenario transformations (Scenario -> Scenario).

- :func:`dumbbell`: the seed paper's proposal. The General Administration and national
  business-function centres decide; the directly-affiliated customs keep coordination only,
  the subordinate level goes, every head moves to where its work is decided (equal headcount).
  Optionally a running-in period of lower productivity (the paper's "years of running-in").
- :func:`merge_affiliated`: named directly-affiliated customs merged into one, pooling their
  staff and their ports (Guangdong's seven into three or four).
- :func:`cut_management`: a share of the management posts abolished with the level a
  reform removes (the paper's "total volume control": its saving in staff cost, which the
  two structural reforms leave at zero by construction unless asked).
- :func:`merge_field_departments`: port supervision, animal and plant quarantine, commodity
  inspection and food safety merged into one field department: cross-trained teams examine
  jointly.

Each returns a new, checked scenario and leaves its argument alone; the reform library
registers them.
"""

from __future__ import annotations

from sim.scenario.org_tree import GAC, TreeError, check
from sim.scenario.organisation import OrganisationSpec, Role, Unit
from sim.scenario.schema import Scenario


def _with(s: Scenario, org: OrganisationSpec) -> Scenario:
    try:
        check(org, list(s.ports))
    except TreeError as exc:
        field = ".".join(("organisation", *exc.path))
        value = f" = {exc.value!r}" if exc.value is not None else ""
        raise ValueError(f"{field}{value}: {exc}") from None
    return s.model_copy(update={"organisation": org})


def _org(s: Scenario) -> OrganisationSpec:
    if s.organisation is None:
        raise ValueError(f"scenario {s.name!r} has no [organisation] to reform")
    return s.organisation


def dumbbell(
    s: Scenario, transition_loss: float | None = None, transition_days: float | None = None
) -> Scenario:
    """The dumbbell structure; with ``transition_loss``, a productivity loss for the first
    ``transition_days`` of the run (a structural change is not free; it acts while the
    dumbbell is not one of today's structures, ``advantages.today``, as by default)."""
    org = _org(s)
    if org.generate is None:
        raise ValueError(
            "the dumbbell reform needs a generated organisation ([organisation."
            "generate]); an explicit tree is already what it is"
        )
    adv = org.advantages
    if transition_loss is not None:
        adv = adv.model_copy(update={"transition_loss": transition_loss})
    if transition_days is not None:
        adv = adv.model_copy(update={"transition_days": transition_days})
    return _with(s, org.model_copy(update={"structure": "dumbbell", "advantages": adv}))


def running_in_curve(s: Scenario, shape: str | None, start: str | None) -> Scenario:
    """The running-in's curve (``advantages.transition_shape``) and where it counts from
    (``advantages.transition_from``); None leaves the scenario's."""
    org = _org(s)
    update = {k: v for k, v in (("transition_shape", shape), ("transition_from", start)) if v}
    if not update:
        return s
    return _with(s, org.model_copy(update={"advantages": org.advantages.model_copy(
        update=update)}))


def uniform_standards(s: Scenario, factor: float) -> Scenario:
    """``advantages.uniform_standards`` times ``factor``: in the dumbbell, the escalation
    shares fall with it (the paper's "uniformity of law enforcement", an assumption)."""
    org = _org(s)
    adv = org.advantages
    adv = adv.model_copy(update={"uniform_standards": adv.uniform_standards * factor})
    return _with(s, org.model_copy(update={"advantages": adv}))


def cut_management(s: Scenario, share: float) -> Scenario:
    """The generated tree's management heads less ``share`` of them (rounded down), so the
    posts of a removed level go instead of moving. Management does only the directive in the
    model, so the saving costs no service there: an upper bound on what the cut saves."""
    org = _org(s)
    g = org.generate
    if g is None:
        raise ValueError(
            f"management_cut needs a generated organisation ([organisation.generate]); "
            f"scenario {s.name!r} writes its units out: change their staff.management instead"
        )
    heads = g.staff.get("management", 0)
    cut = int(share * heads + 1e-9)  # 0.29 x 100 is 28.999...: 29 heads
    if share > 0 and not 0 < cut < heads:
        what = "cuts no whole head" if not cut else "leaves no head"
        raise ValueError(
            f"management_cut = {share} {what} of the {heads} management heads "
            f"(organisation.generate.staff.management); allowed: 0, or a share that cuts at "
            f"least one head and leaves at least one ({1 / max(heads, 1):.3g} to "
            f"{(heads - 1) / max(heads, 1):.3g} here)"
        )
    if not cut:
        return s
    staff = {**g.staff, "management": heads - cut}
    return _with(s, org.model_copy(update={"generate": g.model_copy(update={"staff": staff})}))


def with_staff(s: Scenario, staff: dict[str, int]) -> Scenario:
    """The generated tree with the roles in ``staff`` at those totals (the heads the
    dumbbell's front line takes out of the organisation; empty: ``s`` itself)."""
    org = _org(s)
    if not staff or org.generate is None:
        return s
    g = org.generate
    new = g.model_copy(update={"staff": {**g.staff, **staff}})
    return _with(s, org.model_copy(update={"generate": new}))


def merge_affiliated(s: Scenario, groups: dict[str, list[str]]) -> Scenario:
    """Merge each group of directly-affiliated customs into one named ``new id``: their
    ports, staff (and the weights that split staff) pooled."""
    org = _org(s)
    if org.generate is not None:
        return _with(s, org.model_copy(update={"generate": _merge_generated(org, groups)}))
    return _with(s, org.model_copy(update={"units": _merge_units(org.units, groups)}))


def _merge_generated(org: OrganisationSpec, groups: dict[str, list[str]]) -> object:
    """The merges added to the generated tree's own (a customs merged twice is refused)."""
    g = org.generate
    assert g is not None
    _known(groups, list(g.merged()))
    merge = {k: list(v) for k, v in g.merge.items()}
    for new, olds in groups.items():
        parts = [p for old in olds for p in merge.pop(old, [old])]
        merge[new] = parts
    return g.model_copy(update={"merge": merge})


def _merge_units(units: dict[str, Unit], groups: dict[str, list[str]]) -> dict[str, Unit]:
    _known(groups, [u for u, x in units.items() if x.level == "regional"])
    out = dict(units)
    for new, olds in groups.items():
        first = units[olds[0]]
        staff: dict[str, Role] = {}
        for old in olds:
            for role, r in units[old].staff.items():
                have = staff.get(role)
                count = r.count + (have.count if have else 0)
                cost = r.cost_per_year if have is None else max(have.cost_per_year, r.cost_per_year)
                staff[role] = Role(count=count, cost_per_year=cost)
            del out[old]
        tasks = {}
        for old in reversed(olds):
            tasks.update(units[old].tasks)
        out[new] = first.model_copy(update={"name": new, "staff": staff, "tasks": tasks})
        for uid, u in out.items():
            if u.parent in olds:
                out[uid] = u.model_copy(update={"parent": new})
    return out


def _known(groups: dict[str, list[str]], customs: list[str]) -> None:
    for new, olds in groups.items():
        if not olds:
            raise ValueError(f"merge {new!r}: name the customs to merge")
        for old in olds:
            if old not in customs:
                merged = f" ({new!r} already is one: is the scenario merged already?)"
                raise ValueError(
                    f"merge {new!r}: {old!r} is not a directly-affiliated customs of the "
                    f"scenario{merged if new in customs else ''}; allowed: {', '.join(customs)}"
                )
    if GAC in groups:
        raise ValueError(f"merge: {GAC!r} is the General Administration's id")


def merge_field_departments(s: Scenario, slowdown: float | None = None) -> Scenario:
    """One field department: joint examinations by one cross-trained pool (headcounts of
    exam teams and quarantine officers added); ``slowdown`` > 1 while officers learn."""
    update: dict[str, object] = {"mode": "joint", "joint_staffing": "cross_trained"}
    if slowdown is not None:
        update["cross_training_slowdown"] = slowdown
    return s.model_copy(update={"inspection": s.inspection.model_copy(update=update)})
