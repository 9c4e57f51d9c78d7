"""Transit goods (转关) counted over every import that arrived in the observed window, finished
or not. Whether an import comes in transit is drawn at its arrival, so its share is known for
the goods still at the transit desk or on their leg when the run ends (censored); a share
over the finished imports alone reads 0 when a swamped desk keeps every transit
consignment from finishing. The leg's hours are known only for the goods that finished it:
``transit_unfinished`` counts those left out of them."""

from __future__ import annotations

import math

import numpy as np

from sim.model.milestones import CENSORED
from sim.model.recorder_rows import _S
from sim.scenario.schema import DIRECTIONS

#: the counts kept in the run's ``inspections`` (where a stored result keeps them)
_KEYS = ("transit/cohort/imports", "transit/cohort/transit", "transit/cohort/unfinished")
_IMPORT = DIRECTIONS.index("import")


class TransitCohort:
    """Folds statistics rows into ``into`` (the recorder's ``inspections``): the cohort's
    imports, those that came in transit, and those of them still in the flow at the end."""

    def __init__(self, into: dict[str, float]) -> None:
        self.into = into
        for key in _KEYS:
            into[key] = 0

    def fold(self, a: np.ndarray) -> None:
        """Count a block's imports, finished or censored."""
        imports = a[:, _S["direction"]] == _IMPORT
        moved = imports & (a[:, _S["transit"]] > 0)
        left = moved & (a[:, _S["outcome"]] == CENSORED)
        for key, rows in zip(_KEYS, (imports, moved, left), strict=True):
            self.into[key] += int(rows.sum())


def transit_cohort_metrics(ins: dict[str, float]) -> dict[str, float]:
    """``transit_share`` over the cohort's imports (NaN without imports) and
    ``transit_unfinished``, the transit imports censored; nothing where the counts were not
    kept (a scenario without transit, or a result stored by an older version)."""
    if _KEYS[0] not in ins:
        return {}
    imports, moved, left = (float(ins[key]) for key in _KEYS)
    return {"transit_share": moved / imports if imports else math.nan,
            "transit_unfinished": left}
