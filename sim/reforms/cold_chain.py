"""The imported cold-chain mandate (China 2020-22): every frozen import checked by quarantine,
its containers swab-sampled and disinfected, the goods held in a centralised supervision
warehouse until a negative nucleic-acid result (``quarantine.cold_chain``,
docs/cold-chain-mandate.md).

No figure for the measures is in the research notes: every strength is an assumption.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sim.reforms.fields import ports
from sim.reforms.imports_only import exports_keep
from sim.reforms.reform import Changes, Param, Reform


def _mandate(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    """Every covered import quarantine-checked; the teams and warehouse at every port with
    quarantine checks; the teams' staff priced as quarantine officers where costs are."""
    covered = s["commodity"]
    if covered not in (data.get("commodities") or {}):
        return {}  # (no such goods to test)
    measures = {
        "commodities": [covered],
        "teams": {"capacity": s["teams"]},
        "disinfect": f"{s['disinfect_h']:g} h",
        "test": f"{s['test_h']:g} h",
        "warehouse": {"capacity": s["places"]},
        "release": f"{s['release_h']:g} h",
    }
    table = dict((data.get("selection") or {}).get("quarantine") or {})
    table[covered] = {"*": 1.0}  # every covered consignment checked (so held)
    out: Changes = {}
    for name, port in ports(data):
        if port.get("quarantine") is not None:
            out[f"ports.{name}.quarantine.cold_chain"] = dict(measures)
    if not out:
        return {}  # (no quarantine checks to extend)
    out["selection.quarantine"] = table
    out.update(exports_keep(data, "quarantine"))  # (frozen exports: as they were)
    if data.get("costs") is not None and s["heads"] > 0:
        role = {"role": "quarantine_officer", "heads": s["heads"]}
        out["costs.staff.cold_chain_teams"] = role
    return out


COLD_CHAIN = [
    Reform(
        "cold_chain_mandate",
        "every import of the covered commodity quarantine-checked, each container "
        "swab-sampled and disinfected by teams of its own, then the goods held in a "
        "centralised supervision warehouse (places limited) until the nucleic-acid result "
        "and release papers; exports keep their quarantine selection (an export table of "
        "their own, export_selection.quarantine, holds what they had; with the risk engine "
        "on, whose tables have no direction, such exports are checked too, but only imports "
        "are sampled, disinfected and held)",
        _mandate,
        (
            "assumption: 2020-22 imported cold-chain measures (nucleic-acid testing, "
            "disinfection, supervision warehouses); no figure in the research notes",
            "assumption: teams, places, durations and heads per team",
            "assumption: disinfect_h, test_h and release_h, the durations above",
        ),
        {
            "commodity": Param("frozen", "the commodity covered", None, None, ("frozen",)),
            "teams": Param(6, "sampling and disinfection teams at each port with quarantine "
                           "checks", 1, 500, kind="whole"),
            "disinfect_h": Param(0.5, "a team's hours per container (swabs, disinfection)",
                                 0.0, 24.0),
            "test_h": Param(24.0, "hours from sampling to the nucleic-acid result", 0.0, 240.0),
            "places": Param(60, "consignments the supervision warehouse of each port holds "
                            "at once", 1, 100000, kind="whole"),
            "release_h": Param(4.0, "hours from a negative result to the goods out of the "
                               "warehouse (certificate, traceability record, moves)",
                               0.0, 240.0),
            "heads": Param(2, "quarantine officers per team (priced where the scenario has "
                           "costs; 0: unpriced)", 0, 20, kind="whole"),
        },
    ),
]
