"""The spread of an appraisal's net present value from its cost inputs, beside the interval
over the replications (:mod:`sim.experiment.appraisal`), which covers the simulation's noise
only.

Each uncertain cost input gets a low, central and high value: the set-up cost, the running
cost added at appraisal, the value of the goods' time, the equipment's price and the discount
rate. A one-at-a-time tornado gives the mean NPV at each input's low and at its high, the
others central, ranked by the swing between the two. The central value of every input is the
one the appraisal itself used, so the NPV at the centre is the appraisal's own, bit for bit.
Nothing is simulated again: the NPV is worked anew from the comparison's replications.

What it assumes: the inputs are independent of each other and of the simulation's noise (a
set-up cost priced from the scanner's price moves here with the set-up cost, not with the
scanner); a tornado shows each input's effect alone, not their joint spread, and the NPV at an
end is that of the replications' mean, its own noise not added.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from sim.analysis.stats import confidence_interval
from sim.experiment.appraisal import Appraisal, present_values, yearly_flows

#: each input's words, as the terminal, the report and appraisal.json name it
INPUTS = {"setup_cost": "the set-up cost",
          "running_cost_given": "the running cost added a year",
          "time_value": "the value of the goods' time",
          "equipment_price": "the equipment's price",
          "discount_rate": "the discount rate"}
#: the default range of each input and where it comes from (``source`` or ``assumption``)
WHY = {
    "setup_cost": "assumption: half to twice the central figure (the reform library's "
                  "defaults are officer-years assumed, with no published price of a customs "
                  "IT system)",
    "running_cost_given": "assumption: half to twice the central figure, as the set-up cost",
    "time_value": "source: a day in transit is worth 0.6-2.1 % of the goods' value (Hummels "
                  "& Schaur 2013), so the central value up to 3.5 times it (the default "
                  "scenario takes the low end for general goods)",
    "equipment_price": "source: a container scanner's published price of about US$1-4 "
                       "million a unit against the default scenario's 2.6 million, so 1/2.6 "
                       "to 4/2.6 of the central price (the same share for a laboratory: "
                       "assumption)",
    "discount_rate": "assumption: 4 points either side of the central rate (China's 8 % "
                     "social rate, NDRC 2006), at least 0",
}
#: the default ranges as factors of the central value (the discount rate: points added)
FACTORS = {"setup_cost": (0.5, 2.0), "running_cost_given": (0.5, 2.0),
           "time_value": (1.0, 3.5), "equipment_price": (1.0 / 2.6, 4.0 / 2.6)}
RATE_POINTS = 0.04
#: what the spread assumes, said beside it
ASSUMES = ("The NPV's spread from the cost inputs: one input at a time at its low and high "
           "end, the others central, ranked by the swing; the inputs taken as independent; "
           "the NPV at each end is the replications' mean, worked again from them (nothing "
           "simulated again)")


@dataclass(frozen=True)
class Range:
    """An input's low, central and high value (in its own unit: money, a scale, a rate)."""

    name: str
    low: float
    central: float
    high: float
    why: str


@dataclass(frozen=True)
class Swing:
    """The mean NPV with one input at its low and at its high end, the others central."""

    range: Range
    npv_low: float
    npv_high: float

    @property
    def swing(self) -> float:
        """How far the NPV moves across the input's range."""
        return abs(self.npv_high - self.npv_low)

    def record(self) -> dict[str, Any]:
        """The swing for ``appraisal.json``."""
        r = self.range
        return {"input": r.name, "low": r.low, "central": r.central, "high": r.high,
                "npv_at_low": self.npv_low, "npv_at_high": self.npv_high,
                "swing": self.swing, "varied": r.low != r.high, "why": r.why}


#: the reason of a range given with ``--cost-range`` (it replaces the default's)
GIVEN = "given (--cost-range)"


def default_ranges(name: str, ask: Appraisal,
                   given: Mapping[str, tuple[float, float]] | None = None) -> list[Range]:
    """Option ``name``'s inputs with their ranges about the values ``ask`` used: the default
    factors of :data:`FACTORS`, or those ``given`` (``--cost-range``: factors of the central
    value, the discount rate's its ends)."""
    given = given or {}
    central = {"setup_cost": ask.setup.get(name, 0.0),
               "running_cost_given": ask.running.get(name, 0.0),
               "time_value": ask.time_value_scale, "equipment_price": 1.0}
    out = []
    for k, c in central.items():
        low, high = given.get(k, FACTORS[k])
        out.append(Range(k, c * low, c, c * high, GIVEN if k in given else WHY[k]))
    r = ask.discount_rate
    low, high = given.get("discount_rate", (max(0.0, r - RATE_POINTS), r + RATE_POINTS))
    out.append(Range("discount_rate", low, r, high,
                     GIVEN if "discount_rate" in given else WHY["discount_rate"]))
    return out


def npv_at(mine: pd.DataFrame, base: pd.DataFrame, name: str, ask: Appraisal,
           at: dict[str, float] | None = None) -> float:
    """Option ``name``'s mean NPV over the replications with the inputs ``at`` (an input
    missing there: the value ``ask`` used), worked as :func:`~sim.experiment.appraisal.appraise`
    works it."""
    at = at or {}
    ask = replace(ask, discount_rate=at.get("discount_rate", ask.discount_rate),
                  time_value_scale=at.get("time_value", ask.time_value_scale))
    flows = yearly_flows(mine, base, ask, at.get("setup_cost", ask.setup.get(name, 0.0)),
                         at.get("running_cost_given", ask.running.get(name, 0.0)))
    if "equipment_price" in at:  # (the outlay and its residual scale with the price)
        for figure in ("equipment_outlay", "equipment_residual_value"):
            flows[figure] = flows[figure] * at["equipment_price"]
    npv = present_values(flows, ask)["net_present_value"].to_numpy(dtype=float)
    return float(confidence_interval(npv)[0])


def tornado(replications: pd.DataFrame, name: str, ask: Appraisal,
            ranges: Sequence[Range] | None = None) -> list[Swing]:
    """Option ``name``'s swings, the widest first (ties in the inputs' order): each input at
    its low and at its high end, the others central (``ranges``: the defaults where None)."""
    from sim.experiment.appraisal import NEEDED, OPTIONAL

    cols = ["replication", *NEEDED, *(m for m in OPTIONAL if m in replications.columns)]
    base = replications.loc[replications["option"] == "baseline", cols]
    mine = replications.loc[replications["option"] == name, cols]
    out = [Swing(r, npv_at(mine, base, name, ask, {r.name: r.low}),
                 npv_at(mine, base, name, ask, {r.name: r.high}))
           for r in (default_ranges(name, ask) if ranges is None else ranges)]
    return sorted(out, key=lambda s: -s.swing if math.isfinite(s.swing) else 0.0)


def spread(replications: pd.DataFrame, options: Sequence[str], ask: Appraisal,
           given: Mapping[str, tuple[float, float]] | None = None) -> dict[str, list[Swing]]:
    """Each option's tornado over its default ranges, but those ``given``."""
    return {o: tornado(replications, o, ask, default_ranges(o, ask, given)) for o in options}


def value_text(name: str, x: float, zh: bool = False) -> str:
    """An input's value as the lines say it: money whole, a scale as ``x 3.5`` (``× 3.5`` in
    Chinese), a rate."""
    from sim.experiment.appraisal_folder import figure_text

    if name in ("time_value", "equipment_price"):  # (a scale of the central value)
        return f"{'×' if zh else 'x'} {x:.3g}"
    if name == "discount_rate":
        return f"{x:g}"
    return figure_text(x)


def lines(spreads: dict[str, list[Swing]], zh: bool = False,
          joints: Mapping[str, Any] | None = None) -> list[str]:
    """The spread as text (English, or Chinese with ``zh``, the same figures): what it
    assumes, then each option's inputs, the widest swing first, and the inputs and the
    simulation's noise drawn together (``joints``: :func:`together`'s, where given)."""
    from sim.experiment.appraisal_folder import figure_text
    from sim.report import zh_appraisal_spread as z

    out = [(z.ASSUMES + "：") if zh else (ASSUMES + ":")]
    for name, swings in spreads.items():
        out.append(f"{name}{'：' if zh else ':'}")
        if joints and name in joints:
            out.append(joint_text(joints[name], zh))
        for s in swings:
            r = s.range
            low, high = value_text(r.name, r.low, zh), value_text(r.name, r.high, zh)
            npv = f"{figure_text(s.npv_low)} {z.TO if zh else 'to'} {figure_text(s.npv_high)}"
            if zh:
                ends = f"{low} {z.TO} {high}" if r.low != r.high else f"{low}，{z.NOT_VARIED}"
                why = z.GIVEN if r.why == GIVEN else z.WHY[r.name]
                out.append(f"  {z.INPUTS[r.name]} {ends}：{z.NPV} {npv}（{z.SWING} "
                           f"{figure_text(s.swing)}；{why}）")
                continue
            ends = f"{low} to {high}" if r.low != r.high else f"{low}, not varied"
            out.append(f"  {INPUTS[r.name]} {ends}: NPV {npv} (swing {figure_text(s.swing)}; "
                       f"{r.why})")
    return out


def record(spreads: dict[str, list[Swing]],
           given: Mapping[str, tuple[float, float]] | None = None,
           joints: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The spread for ``appraisal.json``: what it assumes and each option's swings, the
    widest first (NaN as null)."""
    def number(x: Any) -> Any:
        return None if isinstance(x, float) and not math.isfinite(x) else x

    return {"input_spread_assumes": ASSUMES,
            "input_spread_together": {o: j.record() for o, j in (joints or {}).items()},
            "cost_ranges": {k: list(v) for k, v in (given or {}).items()},
            "input_spread": {o: [{k: number(v) for k, v in s.record().items()} for s in swings]
                             for o, swings in spreads.items()}}


def together(replications: pd.DataFrame, options: Sequence[str], ask: Appraisal,
             given: Mapping[str, tuple[float, float]] | None = None) -> dict[str, Any]:
    """Each option's NPV over its inputs' ranges and the simulation's noise drawn together
    (:mod:`sim.experiment.appraisal_montecarlo`)."""
    from sim.experiment.appraisal_montecarlo import summary

    return {o: summary(d) for o, d in drawn(replications, options, ask, given).items()}


def drawn(replications: pd.DataFrame, options: Sequence[str], ask: Appraisal,
          given: Mapping[str, tuple[float, float]] | None = None) -> dict[str, Any]:
    """Each option's seeded draws of the NPV that :func:`together` sums up, in order (the
    workbook lists them for a chart)."""
    from sim.experiment.appraisal import NEEDED, OPTIONAL
    from sim.experiment.appraisal_montecarlo import npv_draws

    cols = ["replication", *NEEDED, *(m for m in OPTIONAL if m in replications.columns)]
    base = replications.loc[replications["option"] == "baseline", cols]
    out = {}
    for o in options:
        mine = replications.loc[replications["option"] == o, cols]
        npv = present_values(yearly_flows(mine, base, ask, ask.setup.get(o, 0.0),
                                          ask.running.get(o, 0.0)), ask)["net_present_value"]
        out[o] = npv_draws(mine, base, ask, default_ranges(o, ask, given),
                           npv.to_numpy(float))
    return out


#: the Monte Carlo's line (its figures filled in)
JOINT = ("  all together (a seeded Monte Carlo of {draws} draws: each input triangular over "
         "its range, the central value its mode, and the simulation's noise): NPV 95 % range "
         "{low} to {high}; below 0 in {share} of the draws")


def joint_text(j: Any, zh: bool = False) -> str:
    """An option's Monte Carlo in a line (:data:`JOINT`, or its Chinese)."""
    from sim.experiment.appraisal_folder import figure_text
    from sim.report import zh_appraisal_spread as z

    return (z.JOINT if zh else JOINT).format(
        draws=f"{j.draws:,}", low=figure_text(j.low), high=figure_text(j.high),
        share=f"{100 * j.below_zero:.1f} %" if not zh else f"{100 * j.below_zero:.1f}%")
