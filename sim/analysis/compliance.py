"""What customs could estimate of its own non-compliance rate from its inspections.

A compliance-measurement programme (China's "double random" checks, the US and EU
compliance measurement programmes) estimates the true rate of non-compliance from a sample
of consignments inspected with known selection probabilities. With the selection tables,
every consignment's chance of a physical exam is known to customs: the table's probability
for its port, direction, commodity and trader class. So the inspected consignments are a
Poisson sample of the declarations, and the Horvitz-Thompson estimator

    rate = (1 / N) * sum over inspected i of y_i / pi_i

is unbiased for the share of the N declarations found non-compliant *when inspected*, where
y_i is 1 if customs found illicit goods on consignment i before release. Its variance under
Poisson sampling is estimated by (1 / N^2) * sum over inspected i of y_i (1 - pi_i) / pi_i^2.
Non-compliance is rare (a few finds in hundreds of exams), where the normal interval built on
that estimate covers far less than it says (few finds give a small standard error too), so
the interval is Clopper-Pearson's at Kish's effective sample size, n_eff = (sum w)^2 / sum w^2
of the inspected consignments' weights w = 1 / pi (Korn and Graubard's interval with Kish's
design effect of the weights in place of the estimated one, which is 0 with no finds; the exact
binomial interval when every probability is the same). Exams still under way at the end of
the run (``pending``) have no known outcome: they are left out, and the others' probabilities
multiplied by the share of their port and direction's selections that ended (a weighting for
non-response; its own uncertainty is not in the interval).

A miss looks compliant: an exam that finds illicit goods with probability d gives y_i = 0 to
a share 1 - d of the illicit consignments it inspects, so the estimate is of d times the
true rate, and its interval (which knows nothing of d) is too low. The table sets the
estimate beside the hidden truth, the share of the same N declarations that carry illicit
goods (the log's ``illicit``), so a planner sees how well customs can know its compliance.

The risk engine's selection is not a known probability per consignment (its score uses the
run's state and the hidden truth's noise); only its random share is, and the log does not
say which selections were random, so its runs are refused, as is a timeline (the tables may
change at its dates).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import stats

from sim.model.selection import TableSelector
from sim.scenario.base import ILLICIT, TRADER_CLASSES
from sim.scenario.schema import Scenario

#: the finds customs records before release (``found_by``): what an inspection tells it
BEFORE_RELEASE = ("document", "exam", "quarantine")
#: the checks whose selections can be the sample: a quarantine check's selection is also
#: limited to goods subject to statutory inspection (and spared by an inspection at origin),
#: which the table's probability does not say
SAMPLES = ("document", "scan", "physical")
#: the milestone that ends each check (a selection whose check has not ended is pending)
CHECK_ENDS = {"document": "doc_end", "scan": "scan_end", "physical": "exam_end"}
#: the table's columns, in order
COLUMNS = ("declarations", "inspected", "pending", "found", "estimate", "se", "low", "high",
           "truth", "covered")  # fmt: skip


class NotEstimable(ValueError):
    """The run's selection probabilities are not known per consignment."""


def selection_probabilities(scenario: Scenario, log: pd.DataFrame, check: str) -> np.ndarray:
    """Each logged consignment's probability of being selected for ``check`` under the
    scenario's selection tables (as customs knows them)."""
    if check not in SAMPLES:
        raise NotEstimable(
            f"check {check!r}: the sample is one of {', '.join(SAMPLES)} (a quarantine "
            "check's selection is limited to goods subject to statutory inspection, which the "
            "table's probability does not say)"
        )
    if scenario.risk is not None and scenario.risk.enabled:
        raise NotEstimable(
            f"scenario {scenario.name!r} selects with the risk engine ([risk]): a "
            "consignment's chance of inspection is not known, only the random share's, and the "
            "log does not say which selections were random; estimate from a run with the "
            "selection tables (--set risk.enabled=false)"
        )
    if scenario.timeline:
        raise NotEstimable(
            f"scenario {scenario.name!r} has a timeline: its selection tables may change at its "
            "dates; estimate from a run without one"
        )
    table = TableSelector(scenario)
    commodities = list(scenario.commodities)
    pi = np.full(len(log), np.nan)
    for port in log["port"].unique():
        rows = (log["port"] == port).to_numpy()
        sub = log[rows]
        commodity = np.array([commodities.index(c) for c in sub["commodity"]], int)
        cls = np.array([TRADER_CLASSES.index(c) for c in sub["trader_class"]], int)
        direction = (sub["direction"].astype(str) == "export").to_numpy().astype(int)
        value = sub["value"].to_numpy(float) if "value" in sub else None  # (a low-value path)
        pi[rows] = table.probability(str(port), check, commodity, cls, direction, value)
    return pi


def compliance_estimate(
    log: pd.DataFrame, scenario: Scenario, check: str = "physical", level: float = 0.95
) -> pd.DataFrame:
    """The Horvitz-Thompson estimate of the non-compliance rate from the consignments
    selected for ``check``, with its standard error and interval, beside the truth: one row
    for all illicit types together (``all``) and one per type, over the cohort's
    declarations that were assessed (their selection decided)."""
    pop = log[log["cohort"].to_numpy(bool) & log["assessed"].notna().to_numpy()]
    pi = selection_probabilities(scenario, pop, check)
    sampled = pop[f"sel_{check}"].to_numpy(bool)
    pending = sampled & (pop["outcome"].astype(str) == "censored").to_numpy() & (
        pop[CHECK_ENDS[check]].isna().to_numpy()
    )
    answered, pi = sampled & ~pending, answered_probabilities(pop, sampled, pending, pi)
    found = pop["found_by"].isin(BEFORE_RELEASE).to_numpy() & answered
    illicit = pop["illicit"].astype(str).to_numpy()
    rows = {}
    for kind in ("all", *ILLICIT):
        is_kind = illicit != "compliant" if kind == "all" else illicit == kind
        row = _row(answered, found & is_kind, is_kind, pi, level)
        rows[kind] = (row[0], float(sampled.sum()), float(pending.sum()), *row[2:])
    out = pd.DataFrame.from_dict(rows, orient="index", columns=list(COLUMNS))
    out.index.name = "illicit"
    return out


def answered_probabilities(
    pop: pd.DataFrame, sampled: np.ndarray, pending: np.ndarray, pi: np.ndarray
) -> np.ndarray:
    """Each consignment's probability of a selection whose check had ended by the run's end:
    its table probability times the share of its port and direction's selections not
    ``pending`` (a queue's order does not depend on what the goods carry, so the answered
    are a random part of the selected, as a survey weights for non-response)."""
    out = pi.copy()
    keys = pop["port"].astype(str) + "/" + pop["direction"].astype(str)
    for key in keys[sampled & pending].unique():
        group = (keys == key).to_numpy()
        out[group] *= 1 - pending[group].sum() / sampled[group].sum()
    return out


def _row(
    sampled: np.ndarray, y: np.ndarray, truth: np.ndarray, pi: np.ndarray, level: float
) -> tuple[float, ...]:
    """One type's figures (see :data:`COLUMNS`, but ``pending``); ``y``: found on
    inspection, ``truth``: carries the type. A sampled consignment's probability is above 0
    (it was selected)."""
    n = len(sampled)
    if n == 0 or not sampled.any():
        return (float(n), 0.0, 0.0, *(math.nan,) * 5, False)
    w, yy = 1 / pi[sampled], y[sampled].astype(float)
    estimate = float((yy * w).sum() / n)
    se = float(math.sqrt((yy * (w - 1) * w).sum()) / n)
    low, high = clopper_pearson(estimate, float(w.sum() ** 2 / (w**2).sum()), level)
    share = float(truth.mean())
    return (float(n), float(sampled.sum()), float(yy.sum()), estimate, se, low, high, share,
            bool(low <= share <= high))  # fmt: skip


def clopper_pearson(rate: float, n_eff: float, level: float) -> tuple[float, float]:
    """The Clopper-Pearson interval of a proportion ``rate`` seen in ``n_eff`` trials (a
    fractional count where ``n_eff`` is an effective sample size)."""
    x, tail = rate * n_eff, (1 - level) / 2
    low = float(stats.beta.ppf(tail, x, n_eff - x + 1)) if x > 0 else 0.0
    high = float(stats.beta.ppf(1 - tail, x + 1, n_eff - x)) if x < n_eff else 1.0
    return low, high
