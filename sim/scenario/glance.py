"""A scenario in one line, as a notebook shows it: its name, ports and modes, run length and
which of the larger parts are on (pydantic's own repr spells out every field, some 25,000
characters for the bundled default). The whole scenario stays one call away:
``scenario.model_dump()`` (plain data), ``sim.scenario_data(scenario)`` (data that loads
back) or ``bordersim check SCENARIO`` (its summary on the command line)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

#: ports named in full; past them, only how many more there are
SHOWN_PORTS = 8


def glance(scenario: Scenario) -> str:
    """``Scenario(name=..., ports={port: mode}, days=..., ...)`` in one line: what a
    researcher checks before running it (run length, warm-up, drain, start date, and whether
    the risk engine, illicit traffic, strategic smugglers, the organisation, a timeline of
    dated reforms and costs are in it)."""
    risk = scenario.risk is not None and bool(scenario.risk.enabled)
    organisation = None if scenario.organisation is None else scenario.organisation.structure
    parts = [
        f"name={scenario.name!r}",
        f"ports={_ports(scenario)}",
        f"days={scenario.days:g}",
        f"warmup_days={scenario.warmup_days:g}",
        f"drain_days={scenario.drain_days:g}",
        *([f"start_date='{scenario.start_date}'"] if scenario.start_date else []),
        f"risk={risk}",
        f"illicit={scenario.enforcement.active}",
        f"smuggling={scenario.smuggling is not None}",
        f"organisation={organisation!r}",
        f"timeline={len(scenario.timeline)}",
        f"costs={scenario.costs is not None}",
    ]
    return f"Scenario({', '.join(parts)})"


def _ports(scenario: Scenario) -> str:
    """``{'sea_port': 'sea', ...}``, the first :data:`SHOWN_PORTS` of them, then how many
    more."""
    modes = [f"{name!r}: {port.mode!r}" for name, port in scenario.ports.items()]
    more = len(modes) - SHOWN_PORTS
    shown = modes[:SHOWN_PORTS] + ([f"... {more} more"] if more > 0 else [])
    return "{" + ", ".join(shown) + "}"
