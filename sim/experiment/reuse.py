"""Options of a comparison whose replications are the baseline's, reused rather than run.

An option whose loaded scenario (after its reforms and overrides) is exactly the baseline's
(a reform already in effect: ``joint_inspection`` on the default scenario) runs, under common
random numbers, replication for replication the very simulation the baseline runs: the same
scenario, seed and code give the same figures to the last bit. Running it again only costs
time, so :class:`~sim.experiment.compare.Comparison` stores the baseline's result of each
replication as the option's too, written by the same code a simulated one is (the option's
``options/<name>/reps`` files are those a simulation would write, and every reader of the
folder, ``report``, ``reproduce``, ``tables`` and a resume, reads them as before).

Identity is proved, not assumed: the scenarios must be equal as models and as their
canonical JSON (:func:`~sim.experiment.store.scenario_hash`). ``compare.json`` names such
options under ``reused`` (option -> ``"baseline"``) and its history entry, like each option's
``meta.json``, lists the replications a command ``reused`` apart from those it ``computed``.
A folder written before this key existed has none, and reads as before.
"""

from __future__ import annotations

from collections.abc import Mapping

from sim.experiment.options import BASELINE
from sim.experiment.store import scenario_hash
from sim.scenario.schema import Scenario


def baseline_twins(variants: Mapping[str, Scenario]) -> dict[str, str]:
    """Each option whose scenario is exactly the baseline's (equal as a model and in its
    canonical JSON), mapped to ``"baseline"``: its replications can be the baseline's."""
    base = variants[BASELINE]
    digest = scenario_hash(base)
    return {
        name: BASELINE
        for name, v in variants.items()
        if name != BASELINE and v == base and scenario_hash(v) == digest
    }
