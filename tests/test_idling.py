"""Idling at the ports (sim/model/idling.py, sim/scenario/idling.py): each figure is what the
per-consignment log gives when recomputed by hand, for every way of counting the vehicles and
the stretches; the stretches add up to the total; the section changes no other figure; a bad
section is refused naming the field, the value and what is allowed."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

import sim
from sim.experiment.compare import metric_unit
from sim.experiment.metric_names import metric_names
from sim.scenario.loader import ScenarioError

DAYS = 3
#: the bundled default's land border (every stretch, a truck a container), and two ports
#: counted otherwise: the sea port one vehicle a consignment to release, the airport's
#: vehicles a container through pick-up and the gate
COUNTED = """
extends = "default"
[idling.ports.sea_port]
per = "consignment"
stretches = "to_release"
directions = ["import"]
engine_on = 1.0
fuel_l_per_h = 2.0
co2_kg_per_l = 3.0
[idling.ports.airport]
stretches = ["pickup", "gate"]
engine_on = 0.25
fuel_l_per_h = 1.5
co2_kg_per_l = 2.5
"""


def _load(tmp: Path, text: str) -> sim.Scenario:
    path = tmp / "idling.toml"
    path.write_text(text)
    return sim.load_scenario(path, {"days": DAYS, "warmup_days": 1})


@pytest.fixture(scope="module")
def counted(tmp_path_factory):
    s = _load(tmp_path_factory.mktemp("idling"), COUNTED)
    r = sim.simulate(s, 2, log=True)
    assert r.log is not None
    return s, r.log, r.metrics()


def _by_hand(log: pd.DataFrame, port: str, direction: str, start, end, per_box: bool) -> dict:
    """Vehicles a day and vehicle-hours a day from ``start`` to ``end`` (columns, or a
    function of the rows), over the cohort out of the flow at ``port`` in ``direction``."""
    done = log[log.cohort & (log.outcome == "released") & (log.port == port)
               & (log.direction == direction)]
    vehicles = done.containers if per_box else pd.Series(1.0, index=done.index)
    hours = (end(done) if callable(end) else done[end]) - done[start]
    return {"n": vehicles.sum() / DAYS, "h": (vehicles * hours).sum() / DAYS}


def test_every_figure_is_the_logs_by_hand(counted):
    s, log, m = counted
    land = s.idling.ports["land_border"]
    for direction in ("import", "export"):  # every hour from arrival to the end of the flow
        tail = f"port_land_border_{direction}"
        want = _by_hand(log, "land_border", direction, "arrived",
                        lambda d: d[["exited", "loaded"]].max(axis=1), True)
        assert m[f"idling_vehicles_per_day_{tail}"] == pytest.approx(want["n"], rel=1e-12)
        assert m[f"idling_vehicle_hours_per_day_{tail}"] == pytest.approx(want["h"], rel=1e-9)
        fuel = want["h"] * land.engine_on * land.fuel_l_per_h
        assert m[f"idling_fuel_l_per_day_{tail}"] == pytest.approx(fuel, rel=1e-9)
        assert m[f"idling_co2_kg_per_day_{tail}"] == pytest.approx(fuel * 2.68, rel=1e-9)
        assert m[f"idling_h_per_vehicle_{tail}"] == pytest.approx(want["h"] / want["n"])
    sea = _by_hand(log, "sea_port", "import", "arrived", "released", False)  # a consignment
    assert m["idling_vehicles_per_day_port_sea_port_import"] == pytest.approx(sea["n"])
    assert sea["n"] < _by_hand(log, "sea_port", "import", "arrived", "released", True)["n"]
    assert m["idling_vehicle_hours_per_day_port_sea_port_import"] == pytest.approx(
        sea["h"], rel=1e-9)
    assert m["idling_co2_kg_per_day_port_sea_port_import"] == pytest.approx(sea["h"] * 6.0)
    air = _by_hand(log, "airport", "import", "released", "exited", True)
    assert air["h"] > 0
    assert m["idling_vehicle_hours_per_day_port_airport_import"] == pytest.approx(
        air["h"], rel=1e-9)
    assert m["idling_fuel_l_per_day_port_airport_import"] == pytest.approx(air["h"] * 0.375)


def test_stretches_add_up_and_only_those_counted_are_named(counted):
    _, _, m = counted
    for port, direction in (("land_border", "import"), ("land_border", "export"),
                            ("sea_port", "import"), ("airport", "import")):
        tail = f"_port_{port}_{direction}"
        parts = {k: v for k, v in m.items()
                 if k.startswith("idling_stretch_hours_") and k.endswith(tail)}
        assert sum(parts.values()) == pytest.approx(m[f"idling_vehicle_hours_per_day{tail}"])
        if port == "airport":
            assert set(parts) == {f"idling_stretch_hours_{k}{tail}" for k in ("pickup", "gate")}
    assert "idling_vehicle_hours_per_day_port_sea_port_export" not in m  # (not a direction)
    assert "idling_stretch_hours_pickup_port_sea_port_import" not in m  # (after release)
    assert "idling_stretch_hours_crossing_port_land_border_import" not in m  # (exports')
    assert m["idling_stretch_hours_laboratory_port_land_border_import"] > 0


def test_names_units_and_no_other_figure_changed(counted, tmp_path):
    s, _, m = counted
    assert {k for k in m if k.startswith("idling_")} == {
        k for k in metric_names(s).names if k.startswith("idling_")}
    assert metric_unit("idling_co2_kg_per_day_port_land_border_import") == "kg CO2 a day"
    assert metric_unit("idling_stretch_hours_scan_wait_port_land_border_import") == (
        "vehicle-hours a day")
    assert metric_unit("idling_h_per_vehicle_port_land_border_import") == "hours"
    plain = sim.simulate(_load(tmp_path, 'extends = "default"\ndrop = ["idling"]\n'), 2)
    other = plain.metrics()
    assert not any(k.startswith("idling_") for k in other)
    assert other.keys() == {k for k in m if not k.startswith("idling_")}
    differ = [k for k, v in other.items()
              if not (v == m[k] or (math.isnan(v) and math.isnan(m[k])))]
    assert differ == []


@pytest.mark.parametrize(
    ("body", "where", "bad", "allowed"),
    [
        ("[idling.ports.harbour]\nengine_on = 0.5\nfuel_l_per_h = 3\nco2_kg_per_l = 2.68\n",
         "idling.ports.harbour", "harbour", "allowed: sea_port, land_border, airport, post_hub"),
        ('[idling.ports.sea_port]\nstretches = ["gate", "berth"]\nengine_on = 0.5\n'
         "fuel_l_per_h = 3\nco2_kg_per_l = 2.68\n",
         "idling.ports.sea_port.stretches.1", "berth",
         "'to_release' or some of transit_formalities"),
        ('[idling.ports.sea_port]\nstretches = ["gate", "gate"]\nengine_on = 0.5\n'
         "fuel_l_per_h = 3\nco2_kg_per_l = 2.68\n",
         "idling.ports.sea_port.stretches.1", "gate", "give each once"),
        ("[idling.ports.land_border]\nengine_on = 1.5\n",
         "idling.ports.land_border.engine_on", "1.5", "less than or equal to 1"),
        ("[idling.ports.land_border]\nfuel_l_per_h = 3000\n",
         "idling.ports.land_border.fuel_l_per_h", "3000", "less than or equal to 100"),
    ],
)
def test_a_bad_section_names_field_value_and_what_is_allowed(tmp_path, body, where, bad,
                                                            allowed):
    with pytest.raises(ScenarioError) as err:
        _load(tmp_path, 'extends = "default"\n' + body)
    text = str(err.value)
    assert "idling.toml" in text and where in text and bad in text and allowed in text, text


def test_the_schema_names_every_stretch_the_model_partitions_in_its_order():
    from sim.model.idling import PARTITION
    from sim.scenario.idling import STRETCHES

    assert STRETCHES == PARTITION


def test_an_idling_metric_of_a_scenario_without_the_section_says_what_it_needs(capsys):
    from sim.cli import main

    mmc = sim.default_scenario_path().parent / "teaching-mmc.toml"
    name = "idling_co2_kg_per_day_port_crossing_import"
    assert main(["run", str(mmc), "--reps", "1", "--days", "1", "--show", name]) == 2
    assert "they need an [idling] section" in capsys.readouterr().err


def test_the_transit_leg_counts_only_when_named():
    """Transit goods' leg (the formalities at the entry port, the journey under seal) is not a
    wait at this port: 'all' and 'to_release' leave it out; named, it counts."""
    from sim.scenario.idling import ON_THE_WAY, IdlingPort

    engine = {"engine_on": 0.5, "fuel_l_per_h": 3.0, "co2_kg_per_l": 2.68}
    for whole in ("all", "to_release"):
        counted = IdlingPort(stretches=whole, **engine).counted()
        assert "lodging" in counted and not set(ON_THE_WAY) & set(counted)
    named = IdlingPort(stretches=["lodging", "transit_formalities"], **engine).counted()
    assert named == ("transit_formalities", "lodging")
