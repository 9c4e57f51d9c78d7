"""Which risks only a local officer knows: ``organisation.advantages.local_risks``.

``local_knowledge_auc`` gives each structure one AUC bonus for locally known risks. Without
``local_risks`` the risk engine adds it to the score of every illicit type at every port (the
form every scenario had before, kept bit for bit). With it, the scenario names the risks that
are local knowledge (a land crossing's frozen-goods smuggling, a local tobacco ring) and how
much of each (a share of the bonus, 0 to 1), for every port or port by port; every type not
named, and every port a type's table leaves out, gets none of the bonus (counterfeit brands
flagged nationally, say). The bonus adds to each type's AUC in force
(``RiskEngine.current_auc``: what ``risk.learning`` has learned, or ``risk.auc``), never
replaces it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Annotated, Any

from pydantic import BeforeValidator, Discriminator, Field, Tag

from sim.scenario.base import ILLICIT
from sim.scenario.limits import AtField, real

#: how much of the structure's bonus a type (at a port) gets: 1 all of it, 0 none
#: the union tag of a type's table of shares by port (the loader drops it from a location)
BY_PORT = "shares-by-port"
LocalShare = Annotated[float, BeforeValidator(real), Field(ge=0, le=1, allow_inf_nan=False)]
#: a type's share at every port, or its shares port by port (the ports left out: none)
LocalRisk = Annotated[
    Annotated[LocalShare, Tag("float")] | Annotated[dict[str, LocalShare], Tag(BY_PORT)],
    Discriminator(lambda v: BY_PORT if isinstance(v, dict) else "float"),
]
#: how the scenario reference says a type's table entry (its two forms, which the generic
#: words of a union would both call a table of shares)
TYPE_TEXT = ("a share, 0 to 1, at every port, or a table of shares by port (port → share, "
             "0 to 1; the ports left out get none)")

FIELD = ("organisation", "advantages", "local_risks")
DESCRIPTION = (
    "which illicit types, and optionally at which ports, local_knowledge_auc's bonus applies "
    "to, and how much of it: type -> share 0 to 1 (every port) or type -> {port -> share} "
    "(the ports left out get none); the types not named get none; empty: every type at "
    "every port gets all of it"
)


def check_types(table: Mapping[str, Any]) -> None:
    """Every key of ``local_risks`` is an illicit type."""
    for kind in table:
        if kind not in ILLICIT:
            raise AtField(
                ("local_risks", kind),
                f"unknown illicit type {kind!r}; allowed: {', '.join(ILLICIT)}",
                kind,
            )


def check_ports(table: Mapping[str, Any], ports: Iterable[str]) -> None:
    """Every port a type's table names is one of the scenario's ``ports``."""
    known = list(ports)
    for kind, shares in table.items():
        for port in shares if isinstance(shares, dict) else ():
            if port not in known:
                raise AtField(
                    (*FIELD, kind, port),
                    f"unknown port {port!r}; allowed: {', '.join(known)}",
                    port,
                )


def share(table: Mapping[str, Any], kind: str, port: str) -> float:
    """The share of the bonus illicit type ``kind`` gets at ``port`` (1 with no table)."""
    if not table:
        return 1.0
    given = table.get(kind, 0.0)
    return float(given.get(port, 0.0) if isinstance(given, dict) else given)


def carried(table: Mapping[str, Any], bonus: float, ports: Iterable[str]
            ) -> dict[str, dict[str, float]]:
    """Each illicit type's AUC bonus by port, of those that get any (bonus: the
    structure's): what a reader is told carries local knowledge."""
    out: dict[str, dict[str, float]] = {}
    for kind in ILLICIT:
        at = {p: bonus * share(table, kind, p) for p in ports}
        at = {p: b for p, b in at.items() if b > 0}
        if at:
            out[kind] = at
    return out


def bonus_metrics(advantages: Any, bonus: float, ports: Iterable[str]) -> dict[str, float]:
    """``org_local_knowledge_auc_bonus`` (the structure's bonus) and, when ``advantages``
    say which risks are local, ``org_local_knowledge_auc_bonus_<type>``: each type's bonus,
    the mean over the ports (settings reported back, not measured)."""
    table = advantages.local_risks
    out = {"org_local_knowledge_auc_bonus": bonus}
    names = list(ports)
    if table and names:
        for kind in ILLICIT:
            at = [bonus * share(table, kind, p) for p in names]
            out[f"org_local_knowledge_auc_bonus_{kind}"] = sum(at) / len(names)
    return out
