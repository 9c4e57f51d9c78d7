"""Names every part of the scenario shares: modes, directions, trader classes, checks, illicit
types, and the strict base model (unknown fields are errors, values frozen)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sim.scenario.limits import Probability

MODES = ("sea", "land", "air", "rail", "post")
DIRECTIONS = ("import", "export")
TRADER_CLASSES = ("aeo_advanced", "aeo_general", "general", "discredited")
CHECKS = ("document", "scan", "physical", "quarantine")
#: illicit types of the hidden truth; a consignment's truth code is 0 when compliant and
#: ``ILLICIT.index(kind) + 1`` otherwise
ILLICIT = ("tobacco", "counterfeit", "frozen", "pest", "undervaluation")
ANY = "*"

__all__ = [
    "ANY",
    "CHECKS",
    "DIRECTIONS",
    "ILLICIT",
    "MODES",
    "TRADER_CLASSES",
    "ByDirection",
    "Strict",
]


class Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, validate_default=True
    )


class ByDirection(Strict):
    """A probability that may differ between imports and exports (a number: both)."""

    import_: Probability = Field(alias="import")
    export: Probability

    @model_validator(mode="before")
    @classmethod
    def _same(cls, v: Any) -> Any:
        if isinstance(v, int | float) and not isinstance(v, bool):
            return {"import": v, "export": v}
        return v

    def of(self, direction: int) -> float:
        """The value for a direction code (0 import, 1 export)."""
        return self.export if direction else self.import_
