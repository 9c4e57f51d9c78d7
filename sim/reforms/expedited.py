"""Expedited shipments (WTO TFA Art. 7.8): at air cargo terminals, the express operators'
shipments lodge their release information before arrival and are released on a minimum of
documents, without fewer checks.

The model does not tell an express shipment from other air cargo at the same port, so the
rule acts on averages, as ``electronic_certificates`` does: the covered share of an air
port's declarations (imports and exports) moves to lodging in advance, and the declaration
review and document check are shorter on average by that share times the time the minimal
documents save. Selection rates, examinations and quarantine are untouched (the article
keeps the right to examine, select and inspect). Post and express hubs (mode ``post``) are
not changed: their lists are already lodged in advance and reviewed in minutes, which is the
expedited procedure the scenario gives them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sim.reforms.fields import at, ports, rounded, scaled, shares_toward
from sim.reforms.reform import Changes, Param, Reform

#: the desks whose service the minimal documents shorten
_DESKS = ("review", "document_check")


def _expedited(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    """Every air port: the covered share lodges in advance (imports and exports), and each
    document desk's service is shorter on average by express_share x doc_cut."""
    out: Changes = {}
    express = s["express_share"]
    factor = 1 - express * s["doc_cut"]
    for name, port in ports(data, "air"):
        share = port["declaration"]["advance_share"]
        out[f"ports.{name}.declaration.advance_share"] = rounded(shares_toward(share, express))
        own = at(port, "exports.advance_share")
        if own is not None:
            out[f"ports.{name}.exports.advance_share"] = rounded(shares_toward(own, express))
        for desk in _DESKS:
            service = at(port, f"{desk}.service")
            if service is not None:
                out[f"ports.{name}.{desk}.service"] = rounded(scaled(service, factor))
    return out


EXPEDITED = [
    Reform(
        "expedited_shipments",
        "expedited shipments at air cargo terminals (WTO TFA Art. 7.8): the express "
        "operators' share of each air port's declarations, imports and exports, lodges its "
        "information before arrival (so it can be released on arrival) and is reviewed on a "
        "minimum of documents, so the declaration review and the document check are shorter "
        "on average by express_share x doc_cut; selection and checks are unchanged, and post hubs "
        "are left as they are (their lists are already expedited)",
        _expedited,
        (
            "WTO Agreement on Trade Facilitation, WT/L/940, Art. 7.8.2: information submitted "
            "before arrival (a), a minimum of documentation (c), release as rapidly as "
            "possible after arrival (d); Art. 7.8.3 keeps the right to examine and inspect",
            "assumption: express_share and doc_cut (no published figure was found)",
        ),
        {
            "express_share": Param(
                0.2, "share of an air port's declarations that are express shipments under "
                "the expedited procedure"
            ),
            "doc_cut": Param(
                0.5, "share of the declaration review and document check time that the "
                "minimal documents save for an expedited shipment"
            ),
        },
    ),
]
