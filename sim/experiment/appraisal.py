"""A reform's business case over years, from a comparison's replications: what it costs the
state to set up and to run, what it saves traders, its net present value and payback, each
with a 95 % interval over the replications.

A comparison gives, per replication and option, the agencies' yearly running cost, their
equipment's one-off capital and the traders' yearly cost. Replication ``r`` of every option
runs under one seed, so each replication's option - baseline difference is one paired draw of
the reform's effect; every figure here is computed within a replication and then averaged with
a Student-t interval, so the intervals keep the pairing (adding the rows' own intervals would
not). Cash flows: at year 0 the set-up cost the user gives (IT build, accreditation, training:
the model cannot know it) plus the change in equipment outlay; from year 1 to ``years``
the change in running cost (the state's, plus a running cost a year given for the option:
IT, licences, staff the model does not count) and the traders' saving, discounted at
``discount_rate``. The NPV counts cash: the staff capacity an option frees
(officers' hours no longer needed, still paid unless posts are cut) is shown apart and left
out unless ``count_capacity`` asks for it (``--count-freed-capacity``). Equipment is paid at
once and not credited with a residual value at the end of the horizon (a conservative NPV
where its life outlasts the horizon). The yearly figures are the scenario's traffic scaled
from its observed days: a scenario whose volumes are scaled down (the default's are one
terminal's) needs a national cost given as these ports' share.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sim.analysis.paired import noise_free
from sim.analysis.stats import confidence_interval, ratio_interval

#: the replications' metrics an appraisal reads (a scenario with a [costs] section has them)
NEEDED = ("agency_running_cost_per_year", "agency_capital_outlay", "trader_cost_per_year",
          "trader_cost_per_consignment", "time_per_consignment", "overall_clearance_h_mean",
          "consignments_released")
#: the staff time paid but not busy (sim.model.cost_capacity), cost and head-hours: its rise
#: under an option is the capacity it frees, still paid (a comparison older than it lacks it)
FREED = ("agency_idle_staff_cost_per_year", "agency_idle_staff_hours_per_year")
#: metrics of the hidden truth an appraisal reads where the scenario yields them (enforcement)
OPTIONAL = ("detection_rate", "illicit_declarations", "illicit_held", "revenue_evaded",
            "harm_slipped", *FREED, "agency_capital_cost_per_year")
#: the figures of an appraisal, in the order shown, with what each is
FIGURES: tuple[tuple[str, str], ...] = (
    ("setup_cost", "one-off set-up cost (year 0, the state)"),
    ("equipment_outlay", "change in equipment capital (year 0, the state)"),
    ("equipment_residual_value", "present value of the equipment's service beyond the "
                                 "horizon (its residual value; below 0, its replacement "
                                 "within it)"),
    ("running_cost_per_year", "change in the agencies' running cost a year (the state)"),
    ("running_cost_given_per_year", "of which the running cost added at appraisal (IT, "
                                    "licences, staff the model does not count)"),
    ("cash_saving_per_year", "the state's cash saving a year (the fall in its running cost: "
                             "fewer posts or shifts paid, less overtime, lower running and "
                             "per-check costs)"),
    ("capacity_freed_per_year", "staff capacity freed a year, at its cost (officers' hours no "
                                "longer needed but still paid: not cash unless posts are cut)"),
    ("capacity_freed_hours_per_year", "of which the head-hours freed"),
    ("trader_saving_per_year", "traders' saving a year (fees and the value of time)"),
    ("time_saving_per_year", "of which the value of the goods' time"),
    ("net_benefit_per_year", "traders' saving less the change in running cost, a year"),
    ("budget_present_value", "present value of what the state pays (set-up, equipment, running)"),
    ("trader_present_value", "present value of the traders' saving"),
    ("net_present_value", "net present value (traders' saving less the state's cost)"),
    ("hours_saved_per_year", "consignment-hours of overall clearance saved a year"),
    ("budget_per_hour_saved", "the state's equivalent annual cost per consignment-hour saved"),
    ("finds_gained_per_year", "more illicit declarations found before release a year"),
    ("budget_per_extra_find", "the state's equivalent annual cost per extra illicit find"),
    ("revenue_protected_per_year", "duty evaded the less a year (apart from the NPV)"),
    ("harm_avoided_per_year", "harm of illicit goods slipping through the less a year "
                              "(apart from the NPV)"),
    ("payback_years", "years until the discounted net benefit repays year 0's cost"),
)


@dataclass(frozen=True)
class Appraisal:
    """What an appraisal is asked: its horizon, rate and the set-up cost of each option, and
    the running cost a year given for an option (``--running``: what the comparison's own
    cost figures leave out, added to each year's change in running cost)."""

    years: int
    discount_rate: float
    days: float
    setup: Mapping[str, float] = field(default_factory=dict)
    time_value_scale: float = 1.0
    running: Mapping[str, float] = field(default_factory=dict)
    #: whether the NPV counts the staff capacity an option frees as a saving (as if the posts
    #: were cut); by default not: the officers are still paid, so it is no cash
    count_capacity: bool = False
    #: options whose set-up cost is not known (a reform with no figure and none given): their
    #: payback is not known (NaN), never "at once"; each with the reforms lacking one
    unknown: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: the options given a set-up (``--setup``) or running cost (``--running``) at appraisal:
    #: the reform library's defaults for them are replaced, not taken
    setup_given: frozenset[str] = frozenset()
    running_given: frozenset[str] = frozenset()
    #: whether the present value of what the state pays counts the equipment's residual value
    #: (or its replacement within the horizon); by default not: paid once, never replaced
    count_residual: bool = False
    #: the scenario's ``costs.discount_rate``, at which the run charged the equipment a year
    #: (its life is implied from that charge: :mod:`sim.experiment.appraisal_residual`)
    scenario_rate: float | None = None

    def given(self, option: str) -> tuple[str, ...]:
        """The kinds of cost (``setup``, ``running``) given for ``option`` at appraisal."""
        return tuple(k for k, names in (("setup", self.setup_given),
                                        ("running", self.running_given)) if option in names)

    def annuity(self) -> float:
        """The present value of 1 a year paid at the end of years 1 to ``years``."""
        r = self.discount_rate
        return float(self.years) if r == 0 else (1.0 - (1.0 + r) ** -self.years) / r


def _less(base: pd.Series, option: pd.Series) -> pd.Series:
    """``base - option``, float rounding (the same sums added in another order) exactly 0."""
    return pd.Series(noise_free((base - option).to_numpy(dtype=float), base.to_numpy(dtype=float),
                                option.to_numpy(dtype=float)), index=base.index)


def yearly_flows(option: pd.DataFrame, base: pd.DataFrame, ask: Appraisal,
                 setup: float, running: float = 0.0) -> pd.DataFrame:
    """Per replication (rows paired by ``replication``), the option's cash flows against the
    baseline's: year 0's cost and each year's running cost (the simulated change plus the
    ``running`` cost a year given), traders' saving and hours saved."""
    both = option.merge(base, on="replication", suffixes=("", "_base"))
    out = pd.DataFrame({"replication": both["replication"]})

    def time_per_year(suffix: str) -> pd.Series:
        # the value of time's share of the trader's cost, per consignment and so per year
        share = both[f"time_per_consignment{suffix}"] / both[f"trader_cost_per_consignment{suffix}"]
        return both[f"trader_cost_per_year{suffix}"] * share

    def saved(metric: str) -> pd.Series:
        return _less(both[f"{metric}_base"], both[metric])

    time_saving = _less(time_per_year("_base"), time_per_year(""))
    fee_saving = saved("trader_cost_per_year") - time_saving
    out["setup_cost"] = float(setup)
    out["equipment_outlay"] = -saved("agency_capital_outlay")
    out["equipment_residual_value"] = _residual(both, out["equipment_outlay"], ask)
    out["running_cost_given_per_year"] = float(running)
    out["running_cost_per_year"] = -saved("agency_running_cost_per_year") + float(running)
    out["time_saving_per_year"] = ask.time_value_scale * time_saving
    out["trader_saving_per_year"] = fee_saving + out["time_saving_per_year"]
    out["net_benefit_per_year"] = out["trader_saving_per_year"] - out["running_cost_per_year"]
    _capacity(both, out, ask)
    out["hours_saved_per_year"] = (saved("overall_clearance_h_mean")
                                   * both["consignments_released_base"] * 365.0 / ask.days)
    return _enforcement(both, out, ask)


def _residual(both: pd.DataFrame, outlay: pd.Series, ask: Appraisal) -> pd.Series:
    """Per replication, the present value of the added equipment's service beyond the
    horizon (NaN where the comparison has no equipment charge a year or no scenario rate)."""
    from sim.experiment.appraisal_residual import CAPITAL, residual_value

    if CAPITAL not in both or ask.scenario_rate is None:
        return pd.Series(math.nan, index=both.index)
    per_year = -_less(both[f"{CAPITAL}_base"], both[CAPITAL])
    return residual_value(outlay, per_year, ask.scenario_rate, ask.discount_rate, ask.years)


def _capacity(both: pd.DataFrame, out: pd.DataFrame, ask: Appraisal) -> None:
    """Into ``out``: the state's cash saving (the fall in its running cost) apart from the staff
    capacity the option frees (its rise in the staff time paid but not busy, cost and
    head-hours; NaN where the comparison has no such metric), and, where ``ask`` counts
    that capacity as a saving, the net benefit with it."""
    out["cash_saving_per_year"] = -out["running_cost_per_year"]
    for figure, metric in (("capacity_freed_per_year", FREED[0]),
                           ("capacity_freed_hours_per_year", FREED[1])):
        out[figure] = (-_less(both[f"{metric}_base"], both[metric]) if metric in both
                       else pd.Series(math.nan, index=both.index))
    if ask.count_capacity:
        out["net_benefit_per_year"] += out["capacity_freed_per_year"]


def _enforcement(both: pd.DataFrame, out: pd.DataFrame, ask: Appraisal) -> pd.DataFrame:
    """``out`` with what the option changes in what customs finds and what slips through a
    year (NaN where the scenario has no hidden truth): the finds gained are the change in
    detection rate x illicit declarations whose outcome is known, scaled to a year."""
    def found(suffix: str) -> pd.Series:
        known = both[f"illicit_declarations{suffix}"] - both[f"illicit_held{suffix}"]
        return both[f"detection_rate{suffix}"] * known

    nan = pd.Series(math.nan, index=both.index)
    has = all(m in both for m in ("detection_rate", "illicit_declarations", "illicit_held"))
    out["finds_gained_per_year"] = (-_less(found("_base"), found("")) * 365.0 / ask.days
                                    if has else nan)
    for figure, metric in (("revenue_protected_per_year", "revenue_evaded"),
                           ("harm_avoided_per_year", "harm_slipped")):
        out[figure] = _less(both[f"{metric}_base"], both[metric]) if metric in both else nan
    return out


def present_values(flows: pd.DataFrame, ask: Appraisal) -> pd.DataFrame:
    """``flows`` with each replication's present values added over the horizon."""
    a = ask.annuity()
    now = flows["setup_cost"] + flows["equipment_outlay"]
    if ask.count_residual:  # (kept at the horizon, or replaced within it)
        now = now - flows["equipment_residual_value"].fillna(0.0)
    out = flows.copy()
    out["budget_present_value"] = now + a * flows["running_cost_per_year"]
    out["trader_present_value"] = a * flows["trader_saving_per_year"]
    out["net_present_value"] = out["trader_present_value"] - out["budget_present_value"]
    if ask.count_capacity:  # (the capacity freed a year, as if it were cash)
        out["net_present_value"] += a * flows["capacity_freed_per_year"]
    out["budget_annual"] = now / a + flows["running_cost_per_year"]  # equivalent annual cost
    return out


def payback_years(outlay: float, net_per_year: float, ask: Appraisal) -> float:
    """The first whole year by whose end the discounted net benefit repays ``outlay`` (0 when
    nothing is to repay and the benefit is not negative); inf when it never does within the
    horizon."""
    if outlay <= 0 and net_per_year >= 0:
        return 0.0
    paid = -outlay
    for year in range(1, ask.years + 1):
        paid += net_per_year / (1.0 + ask.discount_rate) ** year
        if paid >= 0:
            return float(year)
    return math.inf


def appraise(replications: pd.DataFrame, options: Sequence[str], ask: Appraisal) -> pd.DataFrame:
    """One row per option (not the baseline) and figure of :data:`FIGURES`: ``mean``,
    ``ci_low``, ``ci_high`` (NaN with fewer than two replications; payback's bounds are its
    years at the net benefit's interval ends, inf where it does not pay back), ``n``."""
    missing = [m for m in NEEDED if m not in replications.columns]
    if missing:
        raise KeyError(", ".join(missing))
    cols = ["replication", *NEEDED, *(m for m in OPTIONAL if m in replications.columns)]
    base = replications.loc[replications["option"] == "baseline", cols]
    rows: list[dict[str, object]] = []
    for name in options:
        mine = replications.loc[replications["option"] == name, cols]
        flows = present_values(yearly_flows(mine, base, ask, ask.setup.get(name, 0.0),
                                            ask.running.get(name, 0.0)), ask)
        rows.extend(_figures(name, flows, ask))
    return pd.DataFrame(rows, columns=["option", "figure", "mean", "ci_low", "ci_high", "n"])


def _figures(name: str, flows: pd.DataFrame, ask: Appraisal) -> list[dict[str, object]]:
    """The rows of one option's figures from its per-replication flows."""
    out: list[dict[str, object]] = []
    summary: dict[str, tuple[float, float, float]] = {}
    for figure, _ in FIGURES:
        if figure in flows:
            mean, low, high = confidence_interval(flows[figure].to_numpy(dtype=float))
            summary[figure] = (mean, _nan(low), _nan(high))
    summary["budget_per_hour_saved"] = ratio_interval(
        flows["budget_annual"].to_numpy(dtype=float),
        flows["hours_saved_per_year"].to_numpy(dtype=float))
    summary["budget_per_extra_find"] = ratio_interval(
        flows["budget_annual"].to_numpy(dtype=float),
        flows["finds_gained_per_year"].to_numpy(dtype=float))
    outlay = summary["setup_cost"][0] + summary["equipment_outlay"][0]
    net, net_low, net_high = summary["net_benefit_per_year"]
    summary["payback_years"] = (payback_years(outlay, net, ask),  # (fewer years, more benefit)
                                payback_years(outlay, net_high, ask) if math.isfinite(net_high)
                                else math.nan,
                                payback_years(outlay, net_low, ask) if math.isfinite(net_low)
                                else math.nan)
    if name in ask.unknown:  # (a cost left out would make it look sooner)
        summary["payback_years"] = (math.nan, math.nan, math.nan)
    for figure, _ in FIGURES:
        mean, low, high = summary[figure]
        out.append({"option": name, "figure": figure, "mean": mean, "ci_low": low,
                    "ci_high": high, "n": int(np.count_nonzero(flows["replication"].notna()))})
    return out


def _nan(x: float | None) -> float:
    return math.nan if x is None else float(x)
