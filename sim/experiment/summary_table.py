"""The summary of replications as a table in memory (``sim.summarise``): what a run's
results folder writes as ``summary.csv``, for a notebook that ran ``sim.replicate`` without
a folder. Before it the summary was only on disk, or in ``sim.analysis.stats.summarise``,
which gives the raw interval without the unit or the interval as tables show it.

    per_rep = sim.replicate(scenario, reps=5, seed=1)
    sim.summarise(per_rep, scenario).loc["clearance_h_mean"]   # unit, mean, CI, n
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from sim.scenario.schema import Scenario

#: the columns of :func:`summarise`, as a folder's ``summary.csv`` has them
COLUMNS = ("unit", "mean", "ci_low", "ci_high", "n", "shown_low", "shown_high")


def summarise(per_rep: pd.DataFrame, scenario: Scenario | None = None) -> pd.DataFrame:
    """One row per metric (index ``metric``, in the replications' order): its ``unit``
    (money in ``scenario``'s currency, else the default's), ``mean``, the raw 95 % t
    interval ``ci_low``..``ci_high``, ``n`` (the replications that measured it) and the
    interval as tables show it (``shown_low``, ``shown_high``: a share's kept in 0..1),
    the same figures as a results folder's ``summary.csv`` for the same replications.
    ``per_rep`` is what :func:`sim.replicate` returns (one row per replication)."""
    import pandas as pd

    from sim.experiment.compare import metric_unit, shown_unit
    from sim.experiment.store import run_summary

    _check(per_rep)
    summary = run_summary(per_rep)
    currency = _currency(scenario)
    rows = [{"metric": m, "unit": shown_unit(metric_unit(m), currency),
             **{k: s.get(k) for k in COLUMNS[1:]}} for m, s in summary.items()]
    table = pd.DataFrame(rows, columns=["metric", *COLUMNS]).set_index("metric")
    table["n"] = table["n"].astype(int)
    return table


def _check(per_rep: Any) -> None:
    """Refuse what is not a table of replications, saying what to give."""
    import pandas as pd

    if not isinstance(per_rep, pd.DataFrame):
        raise TypeError(
            f"per_rep must be the DataFrame sim.replicate returns (one row per replication); "
            f"got {type(per_rep).__name__}"
        )
    if "replication" not in per_rep.columns or per_rep.empty:
        raise ValueError(
            "per_rep has no replications (no 'replication' column, or no rows): give what "
            "sim.replicate returns; a comparison's summary is already res.summary"
        )


def _currency(scenario: Scenario | None) -> str:
    """The currency of ``scenario``'s money (its ``[costs]``'), else the default's, as a
    folder's tables name it."""
    from sim.scenario.costs import Costs

    costs = getattr(scenario, "costs", None)
    return str(getattr(costs, "currency", None) or Costs.model_fields["currency"].default)
