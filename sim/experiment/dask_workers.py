"""Whether a Dask cluster's workers run the bordersim that this command runs, asked before any
replication is sent.

A worker that cannot import bordersim dies on its first replication (its own log says why; the
command saw only a scheduler without workers), and a worker with another build of bordersim, or
another Python, computes replications that are not the ones the results folder claims (its
``build`` and ``python`` in ``meta.json``). So every worker is asked once (``Client.run``) for
its build (:func:`sim.build.build`: the version, a fingerprint of the source and the versions
of numpy, SciPy, SimPy, pandas and pyarrow) and its Python version, and a cluster where one
differs is refused in one line naming the workers, what they run and what to do.

Python is compared by its feature release (3.12, not 3.12.4): a feature release can change a
figure (3.12 made ``sum()`` of floats compensated), a bugfix release does not. The machine and
the operating system are not compared, as a resumed folder only warns of them
(:mod:`sim.made_where`).
"""

from __future__ import annotations

import platform
from collections.abc import Callable
from typing import Any

from sim.experiment.executors import SchedulerUnreachable

#: how many workers' addresses a refusal names before it says "and N more"
NAMED = 4


class WorkersUnfit(SchedulerUnreachable):
    """Some workers of the cluster cannot import bordersim, or run another build or Python
    (one line, before anything runs)."""


def _make_probe() -> Callable[[], dict[str, str]]:
    """The function each worker runs: made inside a function so that it is sent by value
    (a worker without bordersim could not import it by name, and would fail to read it)."""

    def probe() -> dict[str, str]:
        import platform

        answer = {"python": platform.python_version()}
        try:
            from sim.build import build
        except Exception as exc:  # noqa: BLE001 - told to the command, which says what to do
            answer["error"] = f"{type(exc).__name__}: {exc}"
        else:
            answer["build"] = build()
        return answer

    return probe


#: what every worker is asked (tests put another in its place to play a worker)
PROBE = _make_probe()


def here() -> dict[str, str]:
    """This command's answer to :data:`PROBE`."""
    from sim.build import build

    return {"python": platform.python_version(), "build": build()}


def ask(client: Any) -> dict[str, dict[str, str]]:
    """Each worker's answer to :data:`PROBE`, by address. A worker that cannot even read the
    probe (another Python reads no other's code) is asked its Python version by name."""
    answers: dict[str, Any] = client.run(PROBE, on_error="return")
    odd = [w for w, a in answers.items() if not isinstance(a, dict)]
    if odd:
        pythons = client.run(platform.python_version, workers=odd, on_error="return")
        for w in odd:
            python = pythons.get(w)
            answers[w] = {"python": python if isinstance(python, str) else "unknown",
                          "error": f"{type(answers[w]).__name__}: {answers[w]}"}
    return answers


def _feature(python: str) -> str:
    return ".".join(python.split(".")[:2])


def _addresses(workers: list[str]) -> str:
    more = f" and {len(workers) - NAMED} more" if len(workers) > NAMED else ""
    return ", ".join(sorted(workers)[:NAMED]) + more


def unfit(answers: dict[str, dict[str, str]], mine: dict[str, str], where: str) -> str | None:
    """The one-line refusal of a cluster whose workers gave ``answers`` to a command whose own
    answer is ``mine`` (:func:`here`), or None when every worker runs what it runs."""
    other_python = {w: a for w, a in answers.items()
                    if _feature(a.get("python", "")) != _feature(mine["python"])}
    broken = {w: a for w, a in answers.items() if "error" in a and w not in other_python}
    if broken:
        why = sorted({a["error"] for a in broken.values()})[0]
        return (f"{len(broken)} worker(s) of the Dask scheduler at {where} cannot import "
                f"bordersim ({_addresses(list(broken))}: {why}); install bordersim {mine['build']} "
                "there (bordersim --version shows it), start those workers again and rerun")
    other_build = {w: a for w, a in answers.items()
                   if w not in other_python and a.get("build") != mine["build"]}
    if not other_python and not other_build:
        return None
    groups: dict[str, list[str]] = {}
    for w, a in other_python.items():
        groups.setdefault(f"Python {a.get('python')}", []).append(w)
    for w, a in other_build.items():
        groups.setdefault(f"bordersim {a.get('build')}", []).append(w)
    told = "; ".join(f"{_addresses(ws)} run {what}" for what, ws in sorted(groups.items()))
    n = len(other_python) + len(other_build)
    return (f"{n} worker(s) of the Dask scheduler at {where} run other software than this "
            f"command (bordersim {mine['build']}, Python {mine['python']}): {told}; their "
            "replications would not be the ones the results folder records; install the same "
            "bordersim and Python there (bordersim --version shows them), start those workers "
            "again and rerun")


def check_workers(client: Any, where: str) -> None:
    """Refuse (:class:`WorkersUnfit`) a cluster whose workers cannot import bordersim or run
    another build or Python; a cluster without workers yet passes (the run says it waits)."""
    said = unfit(ask(client), here(), where)
    if said is not None:
        raise WorkersUnfit(said)
