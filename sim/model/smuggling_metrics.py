"""The smuggling truth layer's headline numbers (:meth:`sim.model.result.RunResult.metrics`):
attempts, deterrence and outcomes over the observed window, pooled, by route, and by illicit
type, so that one type's deterrence and displacement (a tobacco ring's, say) is read apart
from the other groups' it would otherwise be pooled with."""

from __future__ import annotations

import math

import pandas as pd

from sim.model.smuggling import NOT_SMUGGLED


def _share(part: float, whole: float) -> float:
    """``part / whole``, NaN when nothing was counted."""
    return part / whole if whole else math.nan


def interdicted(frame: pd.DataFrame) -> float:
    """The loads the patrols on routes outside the ports stopped in the observed window
    (``smuggling_interdicted``): seizures, though no port's consignments."""
    obs = frame[frame["observed"] & (frame["route"] != NOT_SMUGGLED)]
    return float(obs.loc[obs["kind"] != "port", "caught"].sum())


def smuggling_metrics(frame: pd.DataFrame) -> dict[str, float]:
    """The truth layer's headline numbers over the observed window (attempts by the time
    they were made, as the cohort by its arrival): attempts (deterred ones apart), by route
    and illicit type, and outcomes.

    Value slipped is split by where: a port route's load is a declaration at the port, so
    its value is in the ports' ``value_slipped`` too; ``smuggling_value_slipped_outside``
    (routes outside the ports) is the part added to it for the total (``value_slipped_total``,
    made by :meth:`sim.model.result.RunResult.metrics`, which has both)."""
    obs = frame[frame["observed"]]
    deterred = obs[obs["route"] == NOT_SMUGGLED]
    tried = obs[obs["route"] != NOT_SMUGGLED]
    patrol = tried[tried["kind"] != "port"]
    outside = float(patrol["value_slipped"].sum())
    opportunities = float(obs["chosen"].sum())
    caught, slipped = float(tried["caught"].sum()), float(tried["slipped"].sum())
    out = {
        "smuggling_opportunities": opportunities,
        "smuggling_attempts": float(tried["chosen"].sum()),
        "attempts_deterred": float(deterred["chosen"].sum()),
        "smuggling_deterred_share": _share(float(deterred["chosen"].sum()), opportunities),
        "smuggling_interdicted": interdicted(frame),
        "smuggling_caught_at_ports": caught - float(patrol["caught"].sum()),
        "smuggling_slipped": slipped,
        "smuggling_unresolved": float(tried["unresolved"].sum()),
        "smuggling_caught_share": _share(caught, caught + slipped),
        "smuggling_value_caught": float(tried["value_caught"].sum()),
        "smuggling_value_slipped_outside": outside,
        "smuggling_value_slipped_at_ports": float(tried["value_slipped"].sum()) - outside,
    }
    by_route = tried.groupby("route")[["chosen", "caught", "slipped"]].sum()
    for route in frame.attrs.get("routes", list(by_route.index)):
        n, c, s = (by_route[k].get(route, 0) for k in ("chosen", "caught", "slipped"))
        out[f"smuggling_attempts_route_{route}"] = float(n)
        out[f"smuggling_caught_route_{route}"] = float(c)
        out[f"smuggling_caught_share_route_{route}"] = float(c / (c + s)) if c + s else math.nan
    by_type = tried.groupby("illicit")["chosen"].sum()
    for kind in frame.attrs.get("illicit", list(by_type.index)):
        out[f"smuggling_attempts_{kind}"] = float(by_type.get(kind, 0))
    out.update(_by_type(obs, frame.attrs.get("type_routes")))
    for lane in frame.attrs.get("resident_lanes", {}).values():  # (sim.model.resident_lane)
        out.update(lane)
    return out


def _by_type(obs: pd.DataFrame, known: object) -> dict[str, float]:
    """Each illicit type's deterrence, route choice, catch share, interdictions and value
    slipped (its groups' loads only, at the ports and outside them): the pooled figures mix
    the groups, and a patrol can deter one type while it moves another to a port. ``known``:
    each type's routes (the frame's ``type_routes``; from the rows when a frame lacks it)."""
    type_routes: dict[str, list[str]] = (
        dict(known) if isinstance(known, dict)
        else {str(k): sorted(set(t["route"]) - {NOT_SMUGGLED}) for k, t in obs.groupby("illicit")}
    )
    out: dict[str, float] = {}
    for kind, routes in type_routes.items():
        mine = obs[obs["illicit"] == kind]
        tried = mine[mine["route"] != NOT_SMUGGLED]
        deterred = float(mine.loc[mine["route"] == NOT_SMUGGLED, "chosen"].sum())
        caught, slipped = float(tried["caught"].sum()), float(tried["slipped"].sum())
        out[f"attempts_deterred_{kind}"] = deterred
        out[f"smuggling_deterred_share_{kind}"] = _share(deterred, float(mine["chosen"].sum()))
        out[f"smuggling_caught_share_{kind}"] = _share(caught, caught + slipped)
        outside = tried[tried["kind"] != "port"]
        out[f"smuggling_interdicted_{kind}"] = float(outside["caught"].sum())
        out[f"smuggling_value_slipped_{kind}"] = float(tried["value_slipped"].sum())
        out.update(_type_routes(kind, routes, tried))
    return out


def _type_routes(kind: str, routes: list[str], tried: pd.DataFrame) -> dict[str, float]:
    """One illicit type's attempts by route, their share of the type's attempts, and what
    was caught of them there (by the route's patrol, or the port's checks): where a type
    goes and where it is seized, which the pooled route figures mix with the other types'."""
    by_route = tried.groupby("route")[["chosen", "caught", "slipped"]].sum()
    total = float(tried["chosen"].sum())
    out: dict[str, float] = {}
    for route in routes:
        n, c, s = (float(by_route[k].get(route, 0)) for k in ("chosen", "caught", "slipped"))
        out[f"smuggling_attempts_{kind}_route_{route}"] = n
        out[f"smuggling_route_share_{kind}_route_{route}"] = _share(n, total)
        out[f"smuggling_caught_{kind}_route_{route}"] = c
        out[f"smuggling_caught_share_{kind}_route_{route}"] = _share(c, c + s)
    return out
