"""Warm-up suggestions kept between commands, and the warning a short warm-up gets.

``bordersim warmup`` saves each pilot's suggestion under ``results/warmup/`` *relative to the
current folder* (a command run elsewhere does not see it), one file per scenario (its days,
warm-up and drain ignored), output and pilot seed: ``<key>-seed<S>.json`` (clearance) and
``<key>-queue-seed<S>.json``. A pilot with another seed adds a file rather than replacing the
last one, since a suggestion is noisy (MSER on a nearly flat series can pick 0 or 3 weeks
from one seed to the next); a pilot with the same seed and output replaces its own file.
``run`` and ``compare`` check the scenario's warm-up against the longest suggestion saved.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sim.experiment.store import atomic_write, dump_json, read_problem, scenario_hash
from sim.experiment.warmup_file import read_suggestion

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

OUTPUTS = ("clearance", "queue")
#: the folder (relative to the current one) under which ``warmup/`` keeps the suggestions
ROOT = "results"


@dataclass(frozen=True)
class Suggestion:
    """A suggested warm-up and how it was found."""

    weeks: int
    days: int  # weeks * 7
    truncation_days: int  # MSER's truncation, before rounding up to whole weeks
    pilot_days: int
    reps: int
    seed: int
    output: str
    batch: int
    scenario: str
    key: str
    #: the series whose truncation was the longest ("<port>/<direction>" of the clearance;
    #: "all" for the queue)
    series: str = "all"
    #: the truncation is the longest MSER may choose (half the pilot): no steady state was
    #: found within the pilot, and the suggestion is only a lower bound
    at_limit: bool = False
    #: what makes the suggestion doubtful (a truncation at the limit, a coarse queue series)
    warnings: tuple[str, ...] = ()
    #: the pilot's replications are numbered from here (0 in suggestions saved before the
    #: pilot had streams of its own)
    first_replication: int = 0
    #: every series' own MSER truncation (days), the longest of which is suggested: their
    #: spread shows how much of the suggestion is noise (empty in older saved suggestions)
    truncations: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Suggestion:
        return cls(**{**data, "warnings": tuple(data.get("warnings", ()))})


def warmup_key(scenario: Scenario) -> str:
    """A hash of the scenario with its days, warm-up, drain and name left out."""
    neutral = scenario.model_copy(update={"name": "", "days": 1.0, "warmup_days": 0.0})
    neutral = neutral.model_copy(update={"drain_days": 0.0})
    return scenario_hash(neutral)[:16]


def suggestion_path(
    scenario: Scenario,
    root: str | Path = ROOT,
    output: str = "clearance",
    seed: int = 1,
    pilot_days: int = 56,
) -> Path:
    """Where the suggestion for ``scenario`` from the daily ``output`` of a pilot of
    ``pilot_days`` with ``seed`` is kept (each output, seed and length its own file, so a
    short pilot never replaces a longer one's suggestion)."""
    return _path(warmup_key(scenario), output, root, seed, pilot_days)


def _path(
    key: str, output: str, root: str | Path, seed: int | None, days: int | None = None
) -> Path:
    suffix = "" if output == "clearance" else f"-{output}"
    tail = "" if seed is None else f"-seed{seed}" + ("" if days is None else f"-{days}d")
    return Path(root) / "warmup" / f"{key}{suffix}{tail}.json"


def save_suggestion(s: Suggestion, root: str | Path = ROOT) -> Path:
    path = _path(s.key, s.output, root, s.seed, s.pilot_days)
    atomic_write(path, dump_json(s.to_dict()))
    return path


def saved_suggestions(
    scenario: Scenario, root: str | Path = ROOT, damaged: list[str] | None = None
) -> list[Suggestion]:
    """Every suggestion saved for this scenario (whatever its days and warm-up): each
    output's and each pilot seed's, and one saved before they were kept by seed. A damaged
    file is skipped, with a note in ``damaged`` naming it and how to repair it."""
    key, found = warmup_key(scenario), []
    for output in OUTPUTS:
        legacy = _path(key, output, root, None)
        pattern = _path(key, output, root, None).name.removesuffix(".json") + "-seed*.json"
        for path in [legacy, *sorted(legacy.parent.glob(pattern))]:
            if path == legacy and not (path.exists() or path.is_symlink()):
                continue
            try:
                found.append(Suggestion.from_dict(read_suggestion(path, key, output)))
            except (OSError, ValueError) as exc:
                if damaged is not None:
                    damaged.append(damaged_note(path, read_problem(exc)))
    return found


def damaged_note(path: Path, reason: str) -> str:
    """The note of a saved suggestion that cannot be used, and how to repair it."""
    return (
        f"note: {path} is not a warm-up suggestion bordersim can use ({reason}); skipped: "
        "delete it, or run bordersim warmup on this scenario again to replace it"
    )


def stored_suggestion(scenario: Scenario, root: str | Path = ROOT) -> Suggestion | None:
    """The suggestion saved for this scenario: of those of each output and pilot seed, the
    longest warm-up (None when none is saved)."""
    return max(saved_suggestions(scenario, root), key=lambda s: s.days, default=None)


def warmup_warning(scenario: Scenario, s: Suggestion, pilots: int = 1) -> str | None:
    """A warning when the scenario's warm-up is shorter than the suggestion, else None
    (``pilots``: how many saved suggestions ``s`` is the longest of)."""
    if scenario.warmup_days >= s.days:
        return None
    of = f"; the longest of {pilots} saved pilots" if pilots > 1 else ""
    limit = "; no steady state found within the pilot: run a longer pilot" if s.at_limit else ""
    return (
        f"warm-up of {scenario.warmup_days:g} day(s) is shorter than the suggested "
        f"{s.weeks} week(s) ({s.days} days; MSER-{s.batch} on daily {s.output} of a "
        f"{s.pilot_days}-day pilot, seed {s.seed}{of}{limit}); the first weeks' figures may "
        f"carry the empty start: --set warmup_days={s.days}"
    )


def saved_warning(
    scenario: Scenario, root: str | Path = ROOT, damaged: list[str] | None = None
) -> tuple[Suggestion | None, str | None]:
    """The longest suggestion saved for ``scenario`` under ``root/warmup`` (relative to the
    current folder) and the warning it gives (None when the warm-up is long enough); a
    note in ``damaged`` for each damaged file skipped."""
    saved = saved_suggestions(scenario, root, damaged)
    s = max(saved, key=lambda s: s.days, default=None)
    if s is None:
        return None, None
    return s, warmup_warning(scenario, s, len(saved))
