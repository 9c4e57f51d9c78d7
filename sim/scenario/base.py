"""Names every part of the scenario shares: modes, directions, trader classes, checks, illicit
types, and the strict base model (unknown fields are errors, values frozen)."""

from __future__ import annotations

from functools import cache
from typing import Any, ClassVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)

from sim.scenario.limits import Probability

MODES = ("sea", "land", "air", "rail", "post")
DIRECTIONS = ("import", "export")
TRADER_CLASSES = ("aeo_advanced", "aeo_general", "general", "discredited")
CHECKS = ("document", "scan", "physical", "quarantine")
#: illicit types of the hidden truth; a consignment's truth code is 0 when compliant and
#: ``ILLICIT.index(kind) + 1`` otherwise. A new type is appended last, so that the codes of the
#: older ones never change: ``wildlife`` (endangered species under CITES: pangolin scales,
#: ivory, rhino horn, live reptiles and birds, red sandalwood) came after the first five
ILLICIT = ("tobacco", "counterfeit", "frozen", "pest", "undervaluation", "wildlife")
#: how many of the types existed before any was appended: a scenario that gives a later type
#: nothing dumps, hashes, logs and sums as before it existed (its outcome's default is left
#: out of the dump, its log lists it only when it can carry it:
#: :func:`sim.model.truth_kinds.logged_kinds`, its empty column is left out of sums over types)
FIRST_TYPES = 5
ANY = "*"
#: what the ``label_zh`` of a port, a commodity, a smuggling route or group is for
LABEL_ZH = ("name shown in Chinese reports and workbooks (`--lang zh`) in place of `label`; "
            "without it they show `label`, or the id")

__all__ = [
    "ANY",
    "LABEL_ZH",
    "CHECKS",
    "DIRECTIONS",
    "ILLICIT",
    "FIRST_TYPES",
    "MODES",
    "TRADER_CLASSES",
    "ByDirection",
    "Extended",
    "Strict",
]


class Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, validate_default=True
    )

    def __setattr__(self, name: str, value: Any) -> None:
        """Refuse setting a field (a scenario is frozen: its hash names its results) in
        words that say how to change one, ``sim.patch``, rather than pydantic's."""
        if name in type(self).model_fields:
            path = name if type(self).__name__ == "Scenario" else f"PATH.TO.{name}"
            raise TypeError(
                f"{type(self).__name__}.{name} cannot be set: a scenario is frozen; make a "
                f"changed copy with sim.patch(scenario, {{{path!r}: {value!r}}}) (a field "
                "by its dotted path from the scenario, e.g. "
                "'ports.sea.scan.scanners.capacity'), which validates it again")
        super().__setattr__(name, value)


class Extended(Strict):
    """A part of the scenario that gained fields after results folders were written with
    it: those named in ``ADDED`` are left out of its dump while they hold their defaults, so
    a scenario that does not give them dumps, and hashes, as it did before they existed (its
    results folders still resume; tests/test_scenario_hash_pinned.py)."""

    ADDED: ClassVar[tuple[str, ...]] = ()
    # (a wrapping serializer's JSON-mode dump would write NaN and infinity as None, in the
    # whole tree below it: a copy holding a NaN would then be refused as None, not as NaN)
    model_config = ConfigDict(**Strict.model_config, ser_json_inf_nan="constants")

    @model_serializer(mode="wrap")
    def _dump(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return self.dropped_defaults(handler(self))

    def dropped_defaults(self, out: dict[str, Any]) -> dict[str, Any]:
        """``out`` (this part's dump) without the ``ADDED`` fields that hold their defaults."""
        fields = type(self).model_fields
        for name in self.ADDED:
            if getattr(self, name) == _default(type(self), name):
                out.pop(fields[name].alias or name, None)
        return out


@cache
def _default(part: type[Strict], name: str) -> Any:
    """The default of field ``name`` of ``part``, made once: pydantic inspects the factory's
    signature and builds a new default at every call (a scenario's dump asks for each added
    field's, in every part)."""
    return part.model_fields[name].get_default(call_default_factory=True)


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
