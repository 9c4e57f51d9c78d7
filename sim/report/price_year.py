"""The money unit the headline and the brief give amounts in: the currency with the price
year the scenario's costs are at ("USD at 2019 prices", as the console header and the run
table say it), so that a yearly cost handed on says which year's prices it counts in; the
currency alone where a comparison's record has no price year (no [costs], or an older
record)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

#: a record's ``money`` (sim.scenario.costs.money_of): currency and price year first
_AT_PRICES = re.compile(r"(?P<cur>[A-Z]{3}) at (?P<year>[0-9]{4}) prices")


def money_unit(meta: Mapping[str, Any]) -> str:
    """``USD at 2019 prices`` from a comparison's record, else its currency alone."""
    currency = str(meta.get("currency") or "currency")
    found = _AT_PRICES.match(str(meta.get("money") or ""))
    if found is None or found["cur"] != currency:
        return currency
    return found.group(0)
