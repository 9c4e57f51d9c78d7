"""The Time Release Study stretches of a declaration returned for correction (退单,
:mod:`sim.model.steps.returned`), for :mod:`sim.model.intervals`: its first review and queue
to the return (``returned_review``, customs), the broker's correction (``correction``, the
trader) and its second queue and review to acceptance (``second_review``, customs), in place
of the ``acceptance`` every other declaration has."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from sim.model.intervals import _Chain


def to_acceptance(chain: _Chain, col: Mapping[str, np.ndarray]) -> None:
    """From lodging to acceptance, after arrival: a returned declaration's three stretches,
    or the acceptance (officer review and its queue) of any other."""
    a = col["arrived"]
    chain.to("returned_review", np.maximum(col["returned"], a))
    chain.to("correction", np.maximum(col["relodged"], a))
    accepted = np.maximum(col["accepted"], a)
    returned = ~np.isnan(col["returned"])
    chain.to("second_review", accepted, returned & ~np.isnan(accepted))
    chain.to("acceptance", accepted, ~returned & ~np.isnan(accepted))


def whole(col: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The whole acceptance (of a declaration not returned), correction and second review,
    before arrival too."""
    not_returned = np.isnan(col["returned"])
    return {
        "acceptance": np.where(not_returned, col["accepted"] - col["lodged"], np.nan),
        "correction": col["relodged"] - col["returned"],
        "second_review": col["accepted"] - col["relodged"],
    }
