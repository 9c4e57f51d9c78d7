"""Compare's progress counts the simulations it runs: an option whose scenario is the
baseline's reuses the baseline's replications (:mod:`sim.experiment.reuse`), which take no
time, so they are neither in the bar's total nor advance it, and the bar's label names
those options apart."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sim.cli_progress import Tracker


def label(scenario: str, twins: Sequence[str], work: int) -> str:
    """What the bar counts, in plain words (it said ``option x replication``, which reads
    as an option named x): one simulation per option and replication, ``work`` options
    simulated, and the options left out of it (their replications the baseline's, reused)."""
    options = f"{work} option" + ("" if work == 1 else "s")
    what = f"{scenario}: simulations (one per option and replication, {options})"
    if not twins:
        return what
    names = ", ".join(repr(name) for name in twins)
    return f"{what} (not counting {names}: the baseline's, reused)"


def failed_line(option: str, r: int, lang: str = "en") -> str:
    """The progress line of a replication that failed, in ``lang`` (Chinese:
    :mod:`sim.cli_zh_failures`)."""
    if lang == "zh":
        from sim.cli_zh_failures import progress_line

        return progress_line(option, r)
    return f"failed: {option}, replication {r}"


class Ticks:
    """``on_done`` for :meth:`~sim.experiment.compare.Comparison.run` that moves ``bar`` by
    the replications simulated (or loaded from an earlier run), not by those reused."""

    def __init__(self, bar: Tracker, work: int, twins: Sequence[str],
                 reused: Mapping[str, Sequence[int]], lang: str = "en"):
        #: ``work``: options simulated per replication; ``reused``: the comparison's own
        #: record of the replications it reused, by option (read as they happen)
        self.bar, self.work, self.twins, self.reused = bar, work, set(twins), reused
        self.lang = lang  # (of the line saying a replication failed)
        self.extra = 0  # a twin's replication run after all (its baseline's was loaded)

    def __call__(self, option: str, r: int, metrics: dict[str, float] | None) -> None:
        if metrics is None:
            self.bar.say(failed_line(option, r, self.lang))
            if option in self.twins:
                return  # (the baseline's failure, reused: no run of its own)
        elif r in self.reused.get(option, ()):
            return
        elif option in self.twins:
            self.extra += 1
        self.bar.grow(self.work * (r + 1) + self.extra)
        self.bar.advance()
