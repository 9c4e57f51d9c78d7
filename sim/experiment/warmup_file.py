"""A saved warm-up suggestion read back, checked field by field.

A file under ``results/warmup/`` is read by every later ``run`` and ``compare`` in that
folder, so a damaged one (edited, truncated, a field of the wrong type, NaN, an impossible
number of days) must neither stop them with a traceback nor give advice built from impossible
values: :func:`read_suggestion` says what is wrong, and the caller skips the file with a note.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from sim.scenario.limits import MAX_RUN_DAYS

#: a saved suggestion is a few hundred bytes; anything far larger is not one
MAX_BYTES = 1_000_000

_Days = Annotated[int, Field(ge=0, le=int(MAX_RUN_DAYS))]
_Count = Annotated[int, Field(ge=1)]


class _Saved(BaseModel):
    """The fields of a saved suggestion, as :class:`~sim.experiment.warmup_store.Suggestion`
    writes them (the last five may be missing in files saved by older versions)."""

    model_config = ConfigDict(strict=True, extra="forbid")

    weeks: Annotated[int, Field(ge=0, le=int(MAX_RUN_DAYS) // 7)]
    days: _Days
    truncation_days: _Days
    pilot_days: Annotated[int, Field(ge=1, le=int(MAX_RUN_DAYS))]
    reps: _Count
    seed: Annotated[int, Field(ge=0)]
    output: Literal["clearance", "queue"]
    batch: _Count
    scenario: str
    key: str
    series: str = "all"
    at_limit: bool = False
    warnings: list[str] = []
    first_replication: Annotated[int, Field(ge=0)] = 0
    truncations: dict[str, _Days] = {}

    @model_validator(mode="after")
    def _consistent(self) -> _Saved:
        if self.days != 7 * self.weeks:
            raise ValueError(f"days {self.days} is not 7 times weeks {self.weeks}")
        if self.days > self.pilot_days:  # (MSER truncates at most half the pilot)
            raise ValueError(f"{self.days} days is longer than the {self.pilot_days}-day "
                             "pilot it was found by")
        if self.truncation_days > self.days:
            raise ValueError(f"{self.days} days is shorter than the truncation of "
                             f"{self.truncation_days} days it was rounded up from")
        return self


def read_suggestion(path: Path, key: str, output: str) -> dict[str, Any]:
    """The fields of the suggestion saved in ``path`` for the scenario ``key`` and ``output``;
    a ValueError saying what is wrong with it otherwise (an OSError when it cannot be read)."""
    from sim.experiment.store import read_record

    data = read_record(path, MAX_BYTES)
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    try:
        saved = _Saved.model_validate(data)
    except ValidationError as exc:
        raise ValueError(_first_problem(exc)) from None
    if saved.key != key or saved.output != output:
        raise ValueError(f"it holds the suggestion of {saved.key!r} ({saved.output}), not of "
                         f"the scenario its name gives ({key}, {output})")
    return saved.model_dump()


def _first_problem(exc: ValidationError) -> str:
    """The first field a validation refused, its value and why, in one line."""
    error = exc.errors(include_url=False)[0]
    where = ".".join(str(part) for part in error["loc"])
    got = "" if error["type"] == "missing" else f" (got {error['input']!r})"
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{where}: {message}{got}" if where else message
