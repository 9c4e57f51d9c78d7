"""Control orders (布控指令): mandatory checks for goods of a declared signature (origins,
commodities, ports, direction), whatever the trader's credit class or a risk score says.

Written in the selection section (``[[selection.orders]]``); the model keeps them apart from
the selection tables, as ``Scenario.orders``: a scenario without orders dumps, and hashes, as
it did before orders existed. An order is in force for the whole run; dated, it is a reform in
the timeline (``control_order:origins=...@12d``), and acts on consignments assessed from its
date on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import Field, field_validator

from sim.scenario.base import ANY, CHECKS, Extended
from sim.scenario.limits import Probability

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

#: where orders are written in a scenario file (and in its dump)
WRITTEN = ("selection", "orders")
Names = list[str] | Literal["*"]


class ControlOrder(Extended):
    """One order: its ``checks`` for every consignment of the named origins, commodities and
    ports going the named way ("*": any); ``sample``: the share of its quarantine checks that
    send a laboratory sample (none: the port's ``sample_share``)."""

    ADDED: ClassVar[tuple[str, ...]] = ("sample",)

    origins: Names = Field(description='origins of the goods ordered checked (names or "*")')
    commodities: Names = Field(description='commodities ordered checked (names or "*")')
    checks: list[str] = Field(min_length=1, description="the checks ordered, from CHECKS")
    ports: Names = Field(default="*", description='ports where it applies (names or "*")')
    direction: Literal["import", "export", "*"] = Field(
        default="import", description='the goods\' direction it applies to ("*": both)'
    )
    sample: Probability | None = Field(
        default=None,
        description="share of its quarantine checks that send a laboratory sample (0-1; none: "
        "the port's quarantine.sample_share; goods the tables chose anyway: the larger)",
    )

    @field_validator("origins", "commodities", "checks", "ports")
    @classmethod
    def _some(cls, v: Any) -> Any:
        if isinstance(v, list) and not v:
            raise ValueError('an empty list; give names or "*"')
        return v

    def covers(self, name: str, names: Names) -> bool:
        """Whether ``names`` (one of this order's lists) takes in ``name``."""
        return names == ANY or name in names


def split_orders(data: Any) -> Any:
    """A scenario's raw data with ``selection.orders`` moved out of the selection tables
    (keyed by check) into the scenario's own ``orders`` field; other data as it was."""
    if not isinstance(data, dict):
        return data
    selection = data.get(WRITTEN[0])
    if not isinstance(selection, dict) or WRITTEN[1] not in selection:
        return data
    tables = {k: v for k, v in selection.items() if k != WRITTEN[1]}
    return {**data, WRITTEN[0]: tables, "orders": selection[WRITTEN[1]]}


def join_orders(out: dict[str, Any]) -> dict[str, Any]:
    """A scenario's dump with its orders written back where a file writes them."""
    if "orders" in out:
        orders = out.pop("orders")
        out[WRITTEN[0]] = {**(out.get(WRITTEN[0]) or {}), WRITTEN[1]: orders}
    return out


def check_orders(scenario: Scenario) -> None:
    """Every order names known origins, commodities, checks and ports (ValueError naming the
    field path, the bad value and what is allowed)."""
    origins = list(dict.fromkeys(o for p in scenario.ports.values() for o in p.traffic.origins))
    known: dict[str, Sequence[str]] = {
        "origins": origins,
        "commodities": list(scenario.commodities),
        "ports": list(scenario.ports),
        "checks": CHECKS,
    }
    for i, order in enumerate(scenario.orders):
        for field, allowed in known.items():
            given = getattr(order, field)
            for name in [] if given == ANY else given:
                if name not in allowed:
                    star = "" if field == "checks" else "*, "
                    raise ValueError(
                        f"selection.orders.{i}.{field}: unknown {_one(field)} {name!r}; "
                        f"allowed: {star}{', '.join(allowed)}"
                    )
        _check_lab(scenario, i, order)


def _check_lab(scenario: Scenario, i: int, order: ControlOrder) -> None:
    """An order's samples need a laboratory at every port where its quarantine check is
    done (ValueError naming the field, the value and what is allowed)."""
    if not order.sample or "quarantine" not in order.checks:
        return
    for name, port in scenario.ports.items():
        q = port.quarantine
        if order.covers(name, order.ports) and q is not None and q.lab is None:
            raise ValueError(
                f"selection.orders.{i}.sample: {order.sample!r} sends samples to a laboratory "
                f"and port {name!r} has none; allowed: 0 there, or give "
                f"ports.{name}.quarantine.lab"
            )


def _one(field: str) -> str:
    return {"origins": "origin", "commodities": "commodity", "ports": "port"}.get(field, "check")
