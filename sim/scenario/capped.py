"""Distributions whose draws the limits cut (:mod:`sim.scenario.limits`): every time is at
most 365 d, containers at most 10,000 a declaration, a value at most 1e12. A distribution
whose tail reaches past its cap delivers a lower mean than it states, silently; a scenario
that writes one is told by how much."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
from pydantic import BaseModel

from sim.scenario.distributions import _Dist

#: a shortfall of the mean below this share is not worth a note
NOTABLE = 0.01
#: quantiles at which a distribution's draws are looked at (midpoints of equal shares)
_GRID = (np.arange(20_000) + 0.5) / 20_000


def capped_draws(scenario: Any) -> list[str]:
    """A note for each distribution of ``scenario`` whose cap takes more than
    :data:`NOTABLE` off its mean."""
    out = []
    for path, dist in _distributions(scenario, ""):
        stated = float(dist.mean)
        if not stated > 0:
            continue
        cap = float(dist._cap)
        draws = dist.ppf(_GRID)
        delivered = float(np.mean(draws))
        short = 1 - delivered / stated
        if short > NOTABLE:
            above = float(np.mean(draws >= cap))
            out.append(
                f"{path}: about {above:.1%} of its draws exceed the cap of {_said(cap, path)} "
                f"and are cut there, so its draws' mean is about {_said(delivered, path)}, "
                f"{short:.0%} below the {_said(stated, path)} it states; shorten its tail (a "
                "lower cv or mean) if that is not meant"
            )
    return out


def _said(x: float, path: str) -> str:
    timed = not path.endswith(("containers", "value", "size"))
    if not timed:
        return f"{x:,.4g}"
    return f"{x / 24:,.4g} d" if x >= 48 else f"{x:,.4g} h"


def _distributions(node: Any, path: str) -> Iterator[tuple[str, _Dist]]:
    """Every distribution in a scenario, with its dotted path."""
    if isinstance(node, _Dist):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _distributions(getattr(node, name), f"{path}.{name}".lstrip("."))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _distributions(value, f"{path}.{key}".lstrip("."))
    elif isinstance(node, (list, tuple)):
        for i, value in enumerate(node):
            yield from _distributions(value, f"{path}[{i}]")
