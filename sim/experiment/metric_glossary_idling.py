"""The glossary's entries of idling at the ports (:mod:`sim.model.idling`): the vehicles that
wait with the goods at a port an ``[idling]`` section names, their hours, fuel and CO2."""

from __future__ import annotations

from sim.experiment.metric_glossary_data import IDLING_LAYER, Entry

_TAIL = "_port_<port>_<direction>"
_OUT = (
    "the cohort's consignments out of the flow (released, and exited or loaded; seized, "
    "rejected and censored ones left out), at a port `[idling.ports.<port>]` names, in each "
    "of its `directions`"
)
_VEHICLES = (
    "a vehicle for each container (`per = \"container\"`, the default; a land crossing's "
    "truck is one) or each consignment (`per = \"consignment\"`)"
)
_DAY = "summed and divided by the observed days (`days`): a day's figure"
_HOURS = (
    "the hours of the stretches it counts (`stretches`: the Time Release Study stretches of "
    "`milestone-intervals.csv`, from arrival to the end of the flow for `all`, to release for "
    "`to_release`)"
)

IDLING = [
    Entry(f"idling_vehicles_per_day{_TAIL}", IDLING_LAYER,
          f"Vehicles that waited with the goods: {_VEHICLES}, over {_OUT}; {_DAY}."),
    Entry(f"idling_vehicle_hours_per_day{_TAIL}", IDLING_LAYER,
          f"Vehicle-hours spent waiting at the port: each consignment's vehicles times "
          f"{_HOURS}, over {_OUT}; {_DAY}. The sum of `idling_stretch_hours_<stretch>{_TAIL}`."),
    Entry(f"idling_h_per_vehicle{_TAIL}", IDLING_LAYER,
          f"Mean hours a vehicle waited: `idling_vehicle_hours_per_day{_TAIL}` over "
          f"`idling_vehicles_per_day{_TAIL}` (NaN where none finished)."),
    Entry(f"idling_fuel_l_per_day{_TAIL}", IDLING_LAYER,
          f"Litres of fuel burnt idling while waiting: `idling_vehicle_hours_per_day{_TAIL}` "
          f"times the share of the hours with the engine on (`engine_on`) times the fuel an "
          f"hour of idling burns (`fuel_l_per_h`)."),
    Entry(f"idling_co2_kg_per_day{_TAIL}", IDLING_LAYER,
          f"kg of CO2 emitted idling while waiting: `idling_fuel_l_per_day{_TAIL}` times "
          f"`co2_kg_per_l` (tank to exhaust: the fuel's production is not counted)."),
    Entry(f"idling_stretch_hours_<stretch>{_TAIL}", IDLING_LAYER,
          f"Vehicle-hours a day spent in one stretch (a lane's queue, its check, the "
          f"trader's lodging, ...): its hours times the vehicles, over {_OUT}; {_DAY}. Named "
          f"for each stretch the port counts, 0 where none passed through it."),
]
