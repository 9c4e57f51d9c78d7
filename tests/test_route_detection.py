"""Detection over every route: the ports' finds and the patrols' interdictions outside the
ports over both places' illicit loads of known outcome, beside the ports' own
``detection_rate`` and the outside routes' share; and the headline says which is which."""

from __future__ import annotations

import math
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd

import sim
from sim.model.route_detection import route_detection
from sim.report.headline import PORTS_ONLY
from tests.headlines import one_option

BEILUN = Path(__file__).parents[1] / "scenarios" / "beilun-border.toml"


def _tally() -> SimpleNamespace:
    """Two tally rows (port x direction), columns: compliant then four illicit types; 10
    illicit declarations, 1 held undetected, 3 detected; values 100 each, held 100."""
    n = np.array([[50, 4, 2, 0, 0], [30, 2, 2, 0, 0]])
    held = np.array([[0, 1, 0, 0, 0], [0, 0, 0, 0, 0]])
    detected = np.array([[0, 2, 0, 0, 0], [0, 0, 1, 0, 0]])
    return SimpleNamespace(n=n, held=held, detected=detected, value=100.0 * n,
                           held_value=100.0 * held, detected_value=100.0 * detected)


def _attempts() -> pd.DataFrame:
    """A port load (in the tally already), two river crossings (one caught), one unresolved
    boat trip and one outside the observed window; a deterred opportunity."""
    rows = [(True, "road", "port", 1, 0, 0, 0.0, 500.0),
            (True, "river", "river", 1, 0, 0, 400.0, 0.0),
            (True, "river", "river", 0, 1, 0, 0.0, 200.0),
            (True, "boats", "small_vessels", 0, 0, 1, 0.0, 0.0),
            (False, "river", "river", 1, 0, 0, 9e9, 0.0),
            (True, "not_smuggled", "none", 0, 0, 0, 0.0, 0.0)]
    columns = ["observed", "route", "kind", "caught", "slipped", "unresolved",
               "value_caught", "value_slipped"]
    return pd.DataFrame(rows, columns=columns)


def test_detection_over_every_route_pools_the_ports_and_the_patrols_by_count_and_value():
    out = route_detection(_tally(), _attempts())  # type: ignore[arg-type]
    assert out["detection_rate_all_routes"] == (3 + 1) / (9 + 2)
    assert out["detection_rate_value_all_routes"] == (300 + 400) / (900 + 400 + 200)
    assert out["detection_rate_outside_ports"] == 1 / 2
    assert out["detection_rate_value_outside_ports"] == 400 / 600


def test_without_outside_attempts_the_all_routes_share_is_the_ports_one():
    frame = _attempts()
    out = route_detection(_tally(), frame[frame["kind"] == "port"])  # type: ignore[arg-type]
    assert out["detection_rate_all_routes"] == 3 / 9
    assert math.isnan(out["detection_rate_outside_ports"])


def test_the_headline_labels_the_ports_share_as_ports_only_beside_every_route():
    rows = [("detection_rate", 0.01, -0.01, 0.03),
            ("detection_rate_all_routes", 0.05, 0.02, 0.08),
            ("detection_rate_outside_ports", 0.12, 0.06, 0.18)]
    text = one_option(rows)
    assert f"{PORTS_ONLY}: no clear change" in text
    assert "share of illicit loads detected over every route" in text
    assert "interdicted by patrols (outside the ports only): 12" in text
    plain = one_option(rows[:1])  # (no routes outside the ports: the words as before)
    assert PORTS_ONLY not in plain
    assert "share of illicit consignments detected: no clear change" in plain


def test_a_run_with_patrols_has_the_all_routes_share_between_its_two_parts():
    """Over every route the share is a weighted mean of the ports' and the outside routes'
    shares, so it lies between them; the ports' own figure is untouched."""
    scenario = sim.load_scenario(BEILUN, {"days": 7})
    m = sim.simulate(scenario, 1).metrics()
    low, high = sorted((m["detection_rate"], m["detection_rate_outside_ports"]))
    assert low < high and low <= m["detection_rate_all_routes"] <= high
    assert m["smuggling_interdicted"] > 0
