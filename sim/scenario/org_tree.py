"""The organisation tree resolved: generated units, parent links, the path a request takes
and the ports an alert reaches. Pure (no simulation), so the scenario's validation and the
model ask the same questions.

A request for ``task`` from a port climbs the port's chain of units (field point, subordinate
customs, directly-affiliated customs, General Administration). It stops at every unit on the
way that handles the task (a forwarding review, queued for that unit's staff) and is decided
by the first unit at the deciding level that handles it, or by a centre of that level under
it (a national tax or risk centre under the General Administration).
"""

from __future__ import annotations

from sim.scenario.organisation import (
    ESCALATIONS,
    LEVELS,
    ROLE_OF,
    Generate,
    OrganisationSpec,
    Role,
    Unit,
)

GAC = "gac"
CENTRES = {
    "ruling": "national tax centre",
    "case": "national anti-smuggling centre",
    "quarantine": "national quarantine centre",
    "alert": "national risk centre",
}


class TreeError(ValueError):
    """A tree that cannot work; the message names the units, ``path`` the field to blame
    (relative to ``[organisation]``) and ``value`` the bad value there (None: none to show,
    the problem is what the tree lacks)."""

    def __init__(self, message: str, path: tuple[str, ...] = (), value: object = None):
        super().__init__(message)
        self.path, self.value = path, value


# -- generation ---------------------------------------------------------------------------
def _split(total: int, weights: list[float]) -> list[int]:
    """``total`` heads split by ``weights`` in whole heads (largest remainder); every unit
    gets at least one when there are enough to go round."""
    if not weights:
        return []
    floor = 1 if total >= len(weights) else 0
    total -= floor * len(weights)
    s = sum(weights) or 1.0
    exact = [total * w / s for w in weights]
    out = [int(x) for x in exact]
    order = sorted(range(len(exact)), key=lambda i: (out[i] - exact[i], i))
    for i in order[: total - sum(out)]:
        out[i] += 1
    return [x + floor for x in out]


def _by_customs(g: Generate, total: int) -> dict[str, int]:
    """``total`` heads at the directly-affiliated customs, split by weight among the customs
    as listed (before any merge), a merged customs taking the sum of its parts' heads: a merge
    pools the same heads and moves none to or from a customs outside it."""
    listed = list(g.customs)
    out: dict[str, int] = {}
    for cid, n in zip(listed, _split(total, [g.weight(c) for c in listed]), strict=True):
        new = g.merged_into(cid)
        out[new] = out.get(new, 0) + n
    return out


def _placement(spec: OrganisationSpec, task: str, heads: int, n_local: int) -> dict[str, int]:
    """Heads of ``task``'s role by where they sit: ``centre``, ``regional`` (all the
    customs together), ``local`` (all the subordinate customs together), ``gac``."""
    structure, level = spec.structure, spec.level_of(task)
    g = spec.generate
    assert g is not None
    if task == "directive":
        if structure == "dumbbell":
            return {"gac": heads}
        parts = ["gac", "regional"] + (["local"] if n_local else [])
        return dict(zip(parts, _split(heads, [1.0] * len(parts)), strict=True))
    local = 0 if structure == "dumbbell" else min(heads, n_local * g.local_heads)
    rest = heads - local
    if level == "regional":
        return {"local": local, "regional": rest}
    centre = rest if structure != "hybrid" else round(rest * g.centre_share)
    if structure == "dumbbell":
        return {"centre": heads}
    return {"local": local, "regional": rest - centre, "centre": centre}


def _add(unit: dict, task: str, heads: int, service: object, cost: float) -> None:
    if heads <= 0:
        return
    role = ROLE_OF[task]
    unit["staff"][role] = Role(count=heads, cost_per_year=cost)
    unit["tasks"][task] = service


def generate(spec: OrganisationSpec) -> dict[str, Unit]:
    """The units of a generated tree for ``spec.structure``."""
    g = spec.generate
    assert g is not None
    dumbbell = spec.structure == "dumbbell"
    raw: dict[str, dict] = {GAC: _raw("General Administration", "national", "")}
    merged = g.merged()
    for customs, ports in merged.items():
        raw[customs] = _raw(customs, "regional", GAC)
        for port in ports:
            parent = customs
            if g.subordinate and not dumbbell:
                parent = f"{port}_sub"
                raw[parent] = _raw(f"{port} subordinate customs", "local", customs)
            raw[f"{port}_field"] = _raw(f"{port} field point", "field", parent, [port])
    locals_ = [u for u, r in raw.items() if r["level"] == "local"]
    for task, role in ROLE_OF.items():
        heads = g.staff.get(role, 0)
        cost = g.cost_per_year.get(role, 0.0)
        decide = g.service.get(task)
        if heads == 0 or decide is None:
            continue
        passing = g.forward.get(task, decide)
        where = _placement(spec, task, heads, len(locals_))
        level = spec.level_of(task)
        if where.get("centre"):
            centre = f"{task}_centre"
            raw[centre] = _raw(CENTRES[task], "national", GAC)
            _add(raw[centre], task, where["centre"], decide, cost)
        _add(raw[GAC], task, where.get("gac", 0), decide, cost)
        for cid, n in _by_customs(g, where.get("regional", 0)).items():
            _add(raw[cid], task, n, decide if level == "regional" else passing, cost)
        even = [1.0] * len(locals_)
        for uid, n in zip(locals_, _split(where.get("local", 0), even), strict=True):
            _add(raw[uid], task, n, passing, cost)
    # already-validated parts (distributions in hours): constructed, not re-validated
    return {uid: Unit.model_construct(**r) for uid, r in raw.items()}


def _raw(name: str, level: str, parent: str, ports: list[str] | None = None) -> dict:
    return {
        "name": name,
        "level": level,
        "parent": parent,
        "staff": {},
        "tasks": {},
        "ports": ports or [],
    }


def units_of(spec: OrganisationSpec) -> dict[str, Unit]:
    """The explicit units, or the generated ones."""
    return dict(spec.units) if spec.units else generate(spec)


# -- the tree ------------------------------------------------------------------------------
class Tree:
    """Units with parent links, checked: one root, every parent known, no cycle."""

    def __init__(self, units: dict[str, Unit]):
        self.units = units
        self.children: dict[str, list[str]] = {u: [] for u in units}
        roots = []
        for uid, u in units.items():
            if not u.parent:
                roots.append(uid)
            elif u.parent not in units:
                raise TreeError(
                    f"unit {uid!r}: parent {u.parent!r} is not a unit",
                    ("units", uid, "parent"),
                    u.parent,
                )
            else:
                self.children[u.parent].append(uid)
        for uid in units:
            self._no_cycle(uid)
        if len(roots) != 1:
            raise TreeError(
                f"the tree needs exactly one root (a unit with no parent); found "
                f"{', '.join(map(repr, roots)) or 'none'}",
                ("units", roots[-1], "parent") if roots else ("units",),
                "",
            )
        self.root = roots[0]
        self.port_unit: dict[str, str] = {}
        for uid, u in units.items():
            for port in u.ports:
                if port in self.port_unit:
                    raise TreeError(
                        f"port {port!r} belongs to units {self.port_unit[port]!r} and {uid!r}",
                        ("units", uid, "ports"),
                        port,
                    )
                self.port_unit[port] = uid

    def _no_cycle(self, uid: str) -> None:
        seen = [uid]
        parent = self.units[uid].parent
        while parent:
            if parent in seen:
                loop = " -> ".join([*seen[seen.index(parent) :], parent])
                where = ("units", seen[-1], "parent")
                raise TreeError(f"units form a cycle: {loop}", where, parent)
            seen.append(parent)
            parent = self.units[parent].parent

    def any_handles(self, task: str) -> bool:
        return any(u.handles(task) for u in self.units.values())

    def chain(self, uid: str) -> list[str]:
        """``uid`` and its ancestors, up to the root."""
        out = [uid]
        while self.units[out[-1]].parent:
            out.append(self.units[out[-1]].parent)
        return out

    def decider(self, uid: str, task: str, level: str) -> tuple[str, int] | None:
        """The unit that decides ``task`` for ``uid`` at ``level`` and the position in
        ``uid``'s chain of the ancestor at that level (None: nobody can)."""
        for i, a in enumerate(self.chain(uid)):
            if self.units[a].level != level:
                continue
            if self.units[a].handles(task):
                return a, i
            for child in sorted(self.children[a]):
                c = self.units[child]
                if c.level == level and c.handles(task):
                    return child, i
            return None
        return None

    def path(self, port: str, task: str, level: str) -> list[str]:
        """The units a request from ``port`` queues at, the decider last."""
        start = self.port_unit[port]
        found = self.decider(start, task, level)
        if found is None:
            chain = " -> ".join(self.chain(start))
            raise TreeError(
                f"no unit at level {level!r} on the path {chain} (or a centre of that level "
                f"under it) handles task {task!r} for port {port!r}"
            )
        decider, top = found
        below = [u for u in self.chain(start)[:top] if self.units[u].handles(task)]
        return [*below, decider]

    def scope_root(self, issuer: str) -> str:
        """The unit whose subtree an issuer speaks for: itself, or its parent when it is a
        centre of its parent's level."""
        u = self.units[issuer]
        if u.parent and self.units[u.parent].level == u.level:
            return u.parent
        return issuer

    def ports_under(self, uid: str) -> list[str]:
        out = list(self.units[uid].ports)
        for child in self.children[uid]:
            out += self.ports_under(child)
        return out

    def down(self, issuer: str, port: str, task: str) -> list[str]:
        """The units below ``issuer`` a message for ``port`` queues at, top down."""
        top = self.scope_root(issuer)
        chain = self.chain(self.port_unit[port])
        below = chain[: chain.index(top)] if top in chain else chain
        return [u for u in reversed(below) if u != issuer and self.units[u].handles(task)]


def check(spec: OrganisationSpec, ports: list[str]) -> Tree:
    """The tree of ``spec``, or a :class:`TreeError` naming what is wrong: a cycle, a unit
    without a known parent, a port without a unit (or a unit naming an unknown port), a task
    no unit on a port's path can decide."""
    tree = Tree(units_of(spec))
    for uid, u in tree.units.items():
        if u.level not in LEVELS:  # pragma: no cover - the schema refuses it first
            raise TreeError(f"unit {uid!r}: unknown level {u.level!r}")
        _below_parent(tree, uid)
        for port in u.ports:
            if port not in ports:
                raise TreeError(
                    f"unit {uid!r} names port {port!r}, which is not a port; allowed: "
                    f"{', '.join(ports)}",
                    ("units", uid, "ports"),
                    port,
                )
    for port in ports:
        if port not in tree.port_unit:
            raise TreeError(
                f"port {port!r} belongs to no unit (list it in a unit's ports)", ("units",)
            )
    tasks = [k for k in ESCALATIONS if spec.escalation(k).share > 0]
    for task in tasks + (["alert"] if tree.any_handles("alert") else []):
        for port in ports:
            try:
                tree.path(port, task, spec.level_of(task))
            except TreeError as exc:
                why = too_few_heads(spec, task)
                if why is not None:
                    raise TreeError(*why) from None
                raise TreeError(str(exc), *_decider_field(spec, task)) from None
    return tree


def _below_parent(tree: Tree, uid: str) -> None:
    """A unit sits at its parent's level or below (a centre beside its parent's level, a
    customs under the General Administration), and a field point has no units under it:
    a "customs" declared at field level with field points under it is refused."""
    u = tree.units[uid]
    if not u.parent:
        return
    parent = tree.units[u.parent]
    if parent.level == "field":
        raise TreeError(
            f"unit {u.parent!r} is at field level and has unit {uid!r} under it: a field point "
            f"serves ports and has no units under it (give {u.parent!r} a higher level, or "
            f"{uid!r} another parent)",
            ("units", u.parent, "level"),
            parent.level,
        )
    if LEVELS.index(u.level) < LEVELS.index(parent.level):
        raise TreeError(
            f"unit {uid!r} ({u.level}) is under {u.parent!r} ({parent.level}): a unit sits at "
            f"its parent's level or below ({' > '.join(LEVELS)})",
            ("units", uid, "level"),
            u.level,
        )


def _decider_field(spec: OrganisationSpec, task: str) -> tuple[tuple[str, ...], str]:
    """The field that says where ``task`` is decided in the spec's structure, and its value."""
    level = spec.level_of(task)
    if task == "alert":
        return ("alert_level", spec.structure), level
    if task == "directive":
        return (), level
    return ("escalations", task, "decided_at", spec.structure), level


def _n_local(spec: OrganisationSpec) -> int:
    """The subordinate customs a generated tree has (one per port; none in the dumbbell)."""
    g = spec.generate
    if g is None or not g.subordinate or spec.structure == "dumbbell":
        return 0
    return sum(len(p) for p in g.merged().values())


def _decided(spec: OrganisationSpec, task: str, heads: int) -> bool:
    """Whether ``heads`` of ``task``'s role, generated, give every customs (or the centre)
    a decider at the deciding level."""
    g = spec.generate
    assert g is not None
    where = _placement(spec, task, heads, _n_local(spec))
    if spec.level_of(task) == "regional":
        return min(_by_customs(g, where.get("regional", 0)).values()) > 0
    return where.get("centre", 0) > 0 or where.get("gac", 0) > 0


def too_few_heads(spec: OrganisationSpec, task: str) -> tuple[str, tuple[str, ...]] | None:
    """Why a generated tree has no decider for ``task``, and the field to blame: no service
    time for it, no heads of its role, or too few (the role's total is given out to the
    subordinate customs first, ``local_heads`` each, and what is left does not reach every
    deciding unit); the message names the least total that does. None: another cause."""
    g = spec.generate
    if g is None or spec.units or task == "directive":
        return None
    role = ROLE_OF[task]
    raised = (
        f"the scenario raises {task!r} (organisation.escalations.{task}.share "
        f"{spec.escalation(task).share:g})" if task != "alert" else "alerts are issued"
    )
    if task not in g.service:
        return (
            f"{raised}, but organisation.generate.service has no {task!r} time: the generator "
            f"places no {role} heads to decide it in the {spec.structure}; give "
            f"organisation.generate.service.{task}",
            ("generate", "service"),
        )
    heads = g.staff.get(role, 0)
    if heads > 0 and _decided(spec, task, heads):
        return None
    least = next((h for h in range(heads + 1, 10**6 + 1) if _decided(spec, task, h)), None)
    need = f"at least {least}" if least is not None else "more"
    if heads == 0:
        return (
            f"{raised}, but there are no {role} heads (organisation.generate.staff.{role}) to "
            f"decide it in the {spec.structure}; give {need}"
            + (f", or set organisation.escalations.{task}.share to 0" if task != "alert" else ""),
            ("generate", "staff", role),
        )
    where = (
        "a directly-affiliated customs that decides it with none"
        if spec.level_of(task) == "regional"
        else "none for the national centre that decides it"
    )
    first = (
        f"the generator gives {g.local_heads} to each of the {_n_local(spec)} subordinate "
        "customs first (local_heads), and what is left leaves"
        if _n_local(spec) and g.local_heads
        else "split by the generator, they leave"
    )
    return (
        f"{heads} {role} heads (organisation.generate.staff.{role}) are too few for "
        f"{task!r} in the {spec.structure}: {first} {where}; give {need}",
        ("generate", "staff", role),
    )


def other_structures(spec: OrganisationSpec, ports: list[str]) -> list[tuple[str, str]]:
    """What keeps a generated tree from working in a structure other than its own (a
    ``decided_at`` or ``alert_level`` of that structure no unit can serve, too few heads for
    it), each as (field, "field = value: why"): the scenario runs, but a comparison of
    structures (``--reforms dumbbell``, ``--set organisation.structure``) would fail. An
    explicit tree is written for its own structure: none."""
    if spec.generate is None:
        return []
    out = []
    for structure in ("spindle", "hybrid", "dumbbell"):
        if structure == spec.structure:
            continue
        try:
            check(spec.model_copy(update={"structure": structure}), ports)
        except TreeError as exc:
            field = ".".join(("organisation", *exc.path))
            value = f" = {exc.value!r}" if exc.value is not None else ""
            why = (
                f"{field}{value}: in the {structure} (as --reforms {structure} or --set "
                f"'organisation.structure=\"{structure}\"' would run it; the scenario's own "
                f"{spec.structure} works): {exc}"
            )
            out.append((field, why))
    return out
