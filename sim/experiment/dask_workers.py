"""Whether a Dask cluster's workers run the bordersim that this command runs: asked before any
replication is sent, and told again with each replication that comes back.

A worker that cannot import bordersim dies on its first replication (its own log says why; the
command saw only a scheduler without workers), and a worker with another build of bordersim, or
another Python, computes replications that are not the ones the results folder claims (its
``build`` and ``python`` in ``meta.json``). So every worker is asked once (``Client.run``) for
its build (:func:`sim.build.build`: the version, a fingerprint of the source and the versions
of numpy, SciPy, SimPy, pandas and pyarrow) and its Python version, and a cluster where one
differs is refused in one line naming the workers, what they run and what to do.

A worker that joins after that check is never asked, so every replication carries the proof
too: the function a worker runs for it (:data:`RUN`) says the worker's address, build and
Python beside the outcome, and the executor compares them with its own on receipt
(:func:`received`), before the outcome is stored. A worker that differs stops the run with the
same kind of one line (:class:`WorkersUnfit`), saying which replications are still to do; its
outcome is not stored, what finished before is kept, and the same command resumes. The task
goes to the worker pickled (bytes), so that a worker without bordersim reaches :data:`RUN` and
says so, instead of failing to read its task (before, such a worker stopped as it joined,
and the command went on waiting for workers without saying why); a worker that differs does
not even unpickle or run it. A worker of another Python may fail to read :data:`RUN` itself:
when a replication raises on a worker, the workers are asked again (:func:`asked_again`)
before that is told as the replication's failure. The build is worked out once per worker
process (:func:`sim.build.build` is cached: its fingerprint reads the source).

Python is compared by its feature release (3.12, not 3.12.4): a feature release can change a
figure (3.12 made ``sum()`` of floats compensated), a bugfix release does not. The machine and
the operating system are not compared, as a resumed folder only warns of them
(:mod:`sim.made_where`).
"""

from __future__ import annotations

import pickle
import platform
from collections.abc import Callable, Iterable
from typing import Any

from sim.experiment.executors import Outcome, SchedulerUnreachable, Task

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


def _make_runner() -> Callable[..., tuple[dict[str, str], Outcome | None]]:
    """The function each worker runs for a replication, made like the probe so that it is
    sent by value. It answers as :data:`PROBE` does, with the worker's address, and runs the
    task (pickled) only when that answer matches ``expected`` (the command's :func:`here`)."""

    def run(blob: bytes, expected: dict[str, str]) -> tuple[dict[str, str], Any]:
        import platform

        answer = {"python": platform.python_version(), "worker": "an unknown worker"}
        try:
            from distributed import get_worker

            answer["worker"] = str(get_worker().address)
        except Exception:  # noqa: BLE001, S110 - (not on a worker: named as unknown)
            pass
        try:
            from sim.build import build
        except Exception as exc:  # noqa: BLE001 - told to the command, which says what to do
            answer["error"] = f"{type(exc).__name__}: {exc}"
            return answer, None
        answer["build"] = build()  # (cached: once per worker process)
        if answer["build"] != expected["build"] or (
                answer["python"].split(".")[:2] != expected["python"].split(".")[:2]):
            return answer, None  # (refused on receipt: not worth running)
        from sim.experiment.dask_workers import on_worker

        return answer, on_worker(blob)

    return run


#: what each worker runs for a replication: ``RUN(pickle.dumps(task), here())``
RUN = _make_runner()


def on_worker(blob: bytes) -> Outcome:
    """On a worker that runs this build: the pickled task's outcome (by
    :func:`sim.experiment.executors.run_task`, looked up now so that tests can play it)."""
    from sim.experiment import executors

    task: Task = pickle.loads(blob)  # noqa: S301 - our own task, from the command
    return executors.run_task(task)


def received(answer: dict[str, str], mine: dict[str, str], where: str,
             left: Iterable[Task]) -> None:
    """Refuse (:class:`WorkersUnfit`) a replication's outcome whose worker gave ``answer``
    (:data:`RUN`), when it cannot import bordersim or runs another build or Python than
    ``mine``: it joined after the check. ``left``: the tasks not yet stored (its own too)."""
    worker = answer.get("worker", "an unknown worker")
    said = unfit({worker: {k: v for k, v in answer.items() if k != "worker"}}, mine, where)
    if said is not None:
        raise _late(said, left)


def asked_again(client: Any, where: str, left: Iterable[Task]) -> WorkersUnfit | None:
    """When a replication raised on a worker (not the cluster's fault): the refusal of a
    worker that cannot even read :data:`RUN` (another Python reads no other's code), asked
    as :func:`check_workers` asks; None when every worker answers as this command would (the
    replication's own failure), or the workers cannot be asked now."""
    try:
        said = unfit(ask(client), here(), where)
    except Exception:  # noqa: BLE001 - not asked: the failure is told as the replication's
        return None
    return None if said is None else _late(said, left)


def _late(said: str, left: Iterable[Task]) -> WorkersUnfit:
    """The refusal ``said`` of a worker that joined after the check, with what is left."""
    from sim.experiment.dask_trouble import still_to_do

    todo = list(left)
    return WorkersUnfit(
        f"{said}; it joined after the check at the start: {len(todo)} replication(s) still to "
        f"do ({still_to_do(todo)}); what finished is kept: rerun the same "
        "command with the same --out to resume")
