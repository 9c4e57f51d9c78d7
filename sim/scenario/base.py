"""Names every part of the scenario shares: modes, directions, trader classes, checks, illicit
types, and the strict base model (unknown fields are errors, values frozen)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

MODES = ("sea", "land", "air", "rail", "post")
DIRECTIONS = ("import", "export")
TRADER_CLASSES = ("aeo_advanced", "aeo_general", "general", "discredited")
CHECKS = ("document", "scan", "physical", "quarantine")
#: illicit types of the hidden truth; a consignment's truth code is 0 when compliant and
#: ``ILLICIT.index(kind) + 1`` otherwise
ILLICIT = ("tobacco", "counterfeit", "frozen", "pest", "undervaluation")
ANY = "*"

__all__ = ["ANY", "CHECKS", "DIRECTIONS", "ILLICIT", "MODES", "TRADER_CLASSES", "Strict"]


class Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, validate_default=True
    )
