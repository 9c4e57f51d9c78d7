"""What the brief says of its money and its volumes, so that a planner copying its figures
into a page of their own quotes them rightly: the currency and price year of every amount
(the scenario's own, which the organisation's staff cost is converted into; in CNY only in
a record written before that, as ``compare.json``'s ``money`` says), and, when the scenario says its
volumes are scaled down to run in seconds (the Guangdong scenarios' ``description``), that
only the differences can be quoted, not the levels."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sim.report.price_year import money_unit

#: ``money``'s part on the organisation's staff (sim.scenario.costs.money_of): in CNY, with
#: their price year when the scenario gives one, or at another year's prices than the rest
_STAFF = re.compile(r"\(the organisation's staff cost figures (?:in CNY(?:, (?P<y>[0-9]{4}) "
                    r"prices)?|at (?P<at>[0-9]{4}) prices)\)")

#: a scenario description saying its volumes are scaled (``volumes and staff scaled down``)
_SCALED = re.compile(r"\bvolumes\b[^.;]*\bscaled\b", re.IGNORECASE)

#: the brief's line for a scenario whose volumes are scaled down
SCALED = ("Volumes: scaled down in this scenario to run in seconds (its description says so): "
          "quote the differences between options, not the levels (counts, and costs a year, "
          "are those of the scaled-down ports)")


def staff_unit(meta: Mapping[str, Any]) -> str:
    """The money unit of the organisation's staff cost: the scenario's own (``USD at 2019
    prices``: converted from CNY at ``costs.exchange``); in a record written before staff
    were converted, ``CNY at 2019 prices`` (``CNY`` without a year) as it says."""
    money = str(meta.get("money") or "")
    found = _STAFF.search(money)
    if found is None:  # (converted into the scenario's own money; an older, unpriced record:
        unit = money_unit(meta)  # its staff in CNY beside goods' values in the default)
        return "CNY" if "CNY for the organisation's staff" in money else unit
    year = found["y"] or found["at"]
    return f"CNY at {year} prices" if year else "CNY"


def money_line(meta: Mapping[str, Any], staff: bool) -> str:
    """The brief's line on its money (empty without a currency): the scenario's unit, and
    the organisation's staff cost's where it is another (``staff``: the option has it)."""
    unit = money_unit(meta)
    if unit == "currency":
        return ""
    line = f"Money: every amount in {unit}, the scenario's currency and price year"
    other = staff_unit(meta)
    if staff and other != unit:
        line += (f"; the organisation's staff cost (below) in {other}, as the scenario prices "
                 "its staff")
    return line


def scaled(description: str) -> bool:
    """Whether a scenario's description says its volumes are scaled (not a port's own)."""
    return _SCALED.search(description) is not None


def scaled_volumes(variants: Mapping[str, Any]) -> bool:
    """Whether the scenario of a results folder's ``variants`` (the first: the baseline)
    says its volumes are scaled."""
    first = next(iter(variants.values()), None)
    return first is not None and scaled(str(first.scenario.get("description") or ""))
