"""Warnings as coded records (sim.warning_codes, sim.cli_warnings): every message the
generators write gets its code, port, lane and figures, never ``other_warning``; every code
has a generator here; ``run`` and ``compare`` write the records and exit 3 under
``--fail-on``; the words printed do not change."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

import sim
from sim.cli import main
from sim.experiment import composition
from sim.model import stability
from sim.model.milestones import MILESTONES
from sim.python_words import as_python
from sim.scenario.unfound import unfound_types
from sim.warning_codes import CODES, classify, record

_BEHIND = "transit_desk_era_behind"  # (transit goods a date passed at the desk)

MMC = Path(__file__).resolve().parents[1] / "scenarios" / "teaching-mmc.toml"
BUSY = ["--set", "ports.crossing.arrivals.rate=5/h"]  # (rho 1.25: the lane cannot keep up)


def _lane(name: str = "document_check", weeks: dict[int, float] | None = None):
    return SimpleNamespace(port="p_1", name=name, unlimited=False,
                           weekly_waits=lambda: weeks or {})  # fmt: skip


def _overload() -> str:
    """An overloaded document check whose work asked (504 one-hour jobs in a week: 3 servers'
    work an hour on 3 on duty) needs 4 at 85 %: its warning names the field to set."""
    from sim.model.weekly import Weekly

    weekly = Weekly()
    weekly.days[0] = [0.0, 504.0]
    lane = SimpleNamespace(port="p_1", name="document_check", unlimited=False, weekly=weekly,
                           hourly=[3], served=504, service_sum=504.0,
                           weekly_waits=lambda: {})  # fmt: skip
    return stability.check([lane], (0.0, 168.0), {("p_1", "document_check"): 0.97},
                           ports=["p_1"])[0]


def _rising() -> str:
    from sim.model.weekly import Weekly

    weekly = Weekly()
    for week, mean in enumerate((2.0, 4.0, 6.0, 8.0)):
        for _ in range(3):
            weekly.add(week * 168.0 + 1.0, mean)
    lane = SimpleNamespace(port="p_1", name="document_check", unlimited=False, weekly=weekly,
                           weekly_waits=weekly.means)  # fmt: skip
    return stability.check([lane], (0.0, 4 * 168.0), {("p_1", "document_check"): 0.5})[0]


def _bonded_stock_rising() -> str:
    from sim.model.bonded_stock import BondedStockTally

    tally = BondedStockTally(["sea", "gate"], {1: 0}, (0.0, 48.0))
    tally.zones[0].ins.append(np.column_stack([np.arange(0.0, 48.0, 0.5), np.ones(96)]))
    tally.zones[0].outs.append(np.array([[10.0, 0.0], [40.0, 1.0]]))
    return tally.warnings()[0]


def _approach_rising() -> str:
    from sim.model.approach_settle import DailyWaiting, unsettled

    daily = DailyWaiting((0.0, 7 * 24.0))
    for day in range(7):
        daily.add(day * 24.0, (day + 1) * 24.0, 10 * (day + 1))
    return unsettled("p_1", daily, 30.0, 15)[0]


def _approach_left_waiting() -> str:
    from sim.model.approach_left import left_behind

    return left_behind("p_1", np.array([30.0, 40.0, 50.0]), 97, 15, 1.0)[0]


def _closure_backlog() -> str:
    from tests.test_closure_waits import closed_lane, said

    return said(closed_lane(1.3))[0]


def _slots_rising() -> str:
    from sim.model.weekly import Weekly

    weekly = Weekly()
    for week, mean in enumerate((2.0, 4.0, 6.0, 8.0)):
        for _ in range(3):
            weekly.add(week * 168.0 + 1.0, mean)
    slots = [("p_1", "the exam appointment slots", weekly)]
    return stability.check([], (0.0, 4 * 168.0), {}, slots)[0]


def _exam_window() -> str:
    from sim.scenario.exam_window_hours import exam_window_hours
    from sim.scenario.loader import load_scenario

    small = Path(__file__).resolve().parent / "scenarios" / "small.toml"
    night = [{"port": "sea", "lane": "exam_teams", "at": "8 d", "lasts": "1 d", "servers": 9}]
    return exam_window_hours(load_scenario(str(small), {"capacity_windows": night}))[0]


def _staff_overload() -> str:
    q = SimpleNamespace(unit="gac", role="ruling", weekly_waits=lambda: {})
    return stability.staff([q], (0.0, 168.0), {("org/gac", "ruling"): 0.99})[0]


def _unfinished() -> str:
    stuck = np.zeros((1, len(MILESTONES)))
    stuck[0, MILESTONES.index("lodged_quarantine")] = 50  # (by name: milestones get added)
    return stability.unfinished(["p_1"], np.array([[1000, 0]]), stuck, 2)[0]


def _risk_miss() -> str:
    from sim.model.risk_report import misses
    from tests.test_risk_engine import _report, scenario

    cfg = scenario({"window": 5000, "alert": {"boost": 1.0}}).risk
    return misses(_report([("general", 3000, 300), ("aeo_general", 1000, 100)]), cfg)[0]


def _smugglers(tmp_path: Path) -> str:
    from tests.test_smuggling_settle import _run, settle_warnings

    return settle_warnings(_run(tmp_path, warmup=1.0))[0]


def _warmup_short() -> str:
    from sim.experiment.warmup_store import warmup_warning

    s = SimpleNamespace(weeks=3, days=21, batch=5, output="clearance", pilot_days=120, seed=1,
                        at_limit=False)  # fmt: skip
    said = warmup_warning(SimpleNamespace(warmup_days=7.0), s)  # type: ignore[arg-type]
    assert said is not None
    return said


def _pilot_doubt(which: int) -> str:
    """A warm-up pilot's doubts (:func:`sim.experiment.warmup._doubts`): MSER at the limit
    of its search, a queue sampled every other day."""
    from sim.experiment.warmup import MSER, _doubts

    at_limit = MSER(30, 5, np.array([3.0, 2.0, 1.0]))
    queue = np.array([1.0, np.nan] * 30)
    return _doubts(at_limit, {0: {"all": queue}}, 60, "queue", 48.0)[which]


def _timeline(which: int) -> str:
    from sim.scenario.loader import load_scenario
    from sim.scenario.timeline import after_the_run
    from tests.test_stability import SMALL

    late = [{"timeline": [{"reform": "training", "at": "300 d"}]}, {"periods_at": ["100 d"]},
            {"start_date": "2026-02-02", "ports.sea.exports.arrivals.dated": [
                {"from": "2025-02-02", "to": "2025-02-08", "factor": 2}]}][which]
    return after_the_run(load_scenario(SMALL, late))[-1]


def _office_dates() -> str:
    """A holiday list in the year before the run's: none within, all before its start."""
    from sim.scenario.loader import load_scenario
    from sim.scenario.office_dates import unused_office_dates

    example = MMC.parents[1] / "docs" / "examples" / "office-hours" / "spring-festival.toml"
    late = {"organisation.office_hours.holidays": ["2025-01-29", "2025-01-30"]}
    return unused_office_dates(load_scenario(example, late))[0]


def _window(i: int) -> str:
    from sim.model.window import window_notes

    return window_notes(3.0, 5.0, 1)[i].removeprefix("note: ").rstrip(".")


def _precision(met: bool) -> str:
    """A run's precision target (``Target.notes``), met or not by three replications."""
    import pandas as pd

    from sim.experiment.precision import Target

    per_rep = pd.DataFrame({"clearance_h_mean": [10.0, 10.01, 9.99] if met else [1.0, 9.0, 30.0]})
    said = Target(0.05, ("clearance_h_mean",), 3).notes(per_rep)[0]
    return said.split(": ", 1)[1]


def _resident_lane(tmp_path: Path) -> str:
    from sim.model.run import simulate
    from tests.test_resident_lane import lane_text, scenario

    run = simulate(scenario(tmp_path, lane_text(members="2000/d"), officers=1), 3)
    return next(w for w in run.warnings if w.startswith("resident lane"))


def _prcc_noise() -> str:
    import pandas as pd

    from sim.experiment.sweep_prcc import noise_warning

    return noise_warning(pd.DataFrame({"replication": [0, 0], "point": [0, 1]}), ["m"]) or ""


def _credit(rule: str) -> str:
    from sim.model.credit_rules import credit_rules

    means = {"inspection_rate_aeo_advanced": 0.1684, "inspection_rate_general": 0.1407,
             "inspection_rate_discredited": 0.3}  # fmt: skip
    return credit_rules(means)[rule]


def _credit_by_direction(rule: str) -> str:
    from sim.model.credit_rules import credit_rules

    means = {f"inspection_rate_{cls}_goods_{d}": rate
             for d, rates in (("import", (0.9, 0.05, 0.2)), ("export", (0.6, 0.001, 0.05)))
             for cls, rate in zip(("discredited", "aeo_advanced", "general"), rates,
                                  strict=True)}  # fmt: skip
    return credit_rules(means, directed=True)[rule]


def _org_unused(what: str) -> str:
    """Guangdong's organisation without a risk engine (its local knowledge, its alerts)."""
    from sim.scenario import organisation
    from sim.scenario.loader import load_scenario

    return getattr(organisation, f"unused_{what}")(load_scenario(MMC.with_name(
        "guangdong.toml"))) or ""


def _idle_option() -> str:
    from sim.experiment.compare_notes import idle_notes

    said = idle_notes({"scenario": "small", "identical": ["rare"]})[0]
    return said.removeprefix("note (rare): ")


DEFAULT = MMC.with_name("default.toml")


def _idle_reform(unchanged: bool) -> str:
    """A comparison's note on a reform that finds nothing to change in teaching-mmc."""
    from sim.experiment.compare_notes import idle_notes
    from sim.reforms.compose import parse
    from sim.scenario.loader import load_scenario

    why = parse("direct_pickup").no_effect(load_scenario(MMC))
    notes = idle_notes({"scenario": "teaching-mmc", "no_effect": {"o": why},
                         "unchanged": ["o"] if unchanged else [],
                         "reused": {"o": "baseline"} if unchanged else {}})
    return notes[0].removeprefix("note (o): ")


def _dated(reform: str) -> str:
    """A timeline's note on a dated reform of teaching-mmc that can change nothing."""
    from sim.reforms.timeline import idle_dated
    from sim.scenario.loader import load_scenario

    return idle_dated(load_scenario(MMC, {"timeline": [{"reform": reform, "at": "3 d"}]}))[0]


def _set_idle(every: bool) -> str:
    """``--set risk.target`` on a scenario whose risk engine is off: run's note, or a
    sweep's (said of every point)."""
    from sim.cli import set_change_notes
    from sim.scenario.loader import load_scenario

    base = load_scenario(DEFAULT)
    if not every:
        return set_change_notes(base, ["risk.target"])[0]
    return _sweep_notes(base, settings=[("risk.target", 0.1)])[0]


def _sweep_notes(base: object, settings: list[tuple[str, object]] | None = None,
                 params: list[tuple[str, object]] | None = None) -> list[str]:
    from sim.cli_experiments import idle_sweep_notes

    args = SimpleNamespace(settings=settings or [], params=params or [], ranges=[])
    return idle_sweep_notes(args, base, [base])  # type: ignore[arg-type]


def _unpriced_sweep(priced: bool = False) -> list[str]:
    """A sweep's notes on the default's transit desk (a desk its sea port does not have, so
    the notes alone): its officers are priced only where ``priced`` lists them."""
    from sim.scenario.loader import load_scenario

    desk = {"costs.staff.transit_desk": {"role": "customs_officer", "heads": 1.0}}
    base = load_scenario(DEFAULT, desk if priced else None)
    return _sweep_notes(base, params=[("ports.sea_port.transit.desk.capacity", [2, 4])])


def test_a_sweep_of_a_lane_no_price_reaches_says_its_costs_leave_it_out():
    """A bonded zone's manager sweeping the transit desk's officers saw the cost per
    consignment stay flat, as if officers were free: the sweep says so, as compare does,
    and not once the desk is priced."""
    said = [classify(m)[0].code for m in _unpriced_sweep()]
    assert said == ["capacity_unpriced"]
    assert classify(_unpriced_sweep()[0])[1]["metric"] == "utilisation_sea_port_transit_desk"
    assert _unpriced_sweep(priced=True) == []


def _sweep_idle() -> str:
    """A sweep of a risk engine's field where the engine is off."""
    from sim.scenario.loader import load_scenario

    return _sweep_notes(load_scenario(DEFAULT), params=[("risk.target", [0.05, 0.1])])[0]


def _sweep_flat(kind: str) -> str:
    """A grid of two swept fields whose points along ``a`` (``b`` fixed) load one scenario
    or, with other scenarios, give the same figures."""
    import pandas as pd

    from sim.experiment.sweep_flat import flat_notes

    rows = pd.DataFrame({"point": [0, 1, 2, 3], "a": [1, 2, 1, 2], "b": [5, 5, 6, 6],
                         "replication": [0] * 4, "m": [1.0, 1.0, 2.0, 2.0]})
    hashes = ["x", "x", "y", "y"] if kind == "scenario" else ["w", "x", "y", "z"]
    return flat_notes(rows, ["a", "b"], hashes)[0]


def _section_created() -> str:
    from sim.scenario.loader import load_scenario
    from sim.scenario.patch import created, scenario_data

    return created(scenario_data(load_scenario(MMC)), {"risk.target": 0.1})[0]


def _unnamed_child(tmp_path: Path) -> str:
    from sim.scenario.changes import unnamed_child

    child = tmp_path / "child.toml"
    child.write_text('extends = "teaching-mmc"\n', encoding="utf-8")
    return unnamed_child(child, "teaching-mmc") or ""


def _periods() -> list[str]:
    """The periods of the small test scenario with a reform at 12 h (in the warm-up) and one
    at 204 h (the second observed day), a start date given."""
    from sim.scenario.loader import load_scenario
    from sim.scenario.timeline import observed_periods
    from tests.test_stability import SMALL

    timeline = [{"reform": "training", "at": "12 h"}, {"reform": "single_window", "at": "204 h"}]
    return observed_periods(load_scenario(SMALL, {"timeline": timeline,
                                                  "start_date": "2018-04-16"}))


def _pattern_note() -> str:
    """A call pattern's one slot (Thursday) outside a run that observes a Monday only."""
    from sim.scenario.call_pattern import pattern_notes
    from sim.scenario.loader import load_scenario

    small = MMC.parents[1] / "tests" / "scenarios" / "small.toml"
    calls = {"slots": ["Thu 12:00"], "boxes": 400, "boxes_per_declaration": 2}
    scenario = load_scenario(small, {"days": 1, "ports.sea.arrivals.calls": calls})
    (note,) = pattern_notes(scenario)
    return note


def _share_note() -> str:
    """A call pattern of share 0.5 whose calls bring far more than half the sea port's."""
    from sim.scenario.call_share import share_notes
    from sim.scenario.loader import load_scenario

    small = MMC.parents[1] / "tests" / "scenarios" / "small.toml"
    calls = {"slots": ["Thu 12:00"], "boxes": 4000, "boxes_per_declaration": 2, "share": 0.5}
    scenario = load_scenario(small, {"days": 1, "ports.sea.arrivals.calls": calls})
    (note,) = share_notes(scenario)
    return note


def _schedule_note(tmp: Path, which: int) -> str:
    """A schedule's notes: its one call after the warm-up, and days after it without one."""
    from sim.scenario.loader import load_scenario
    from sim.scenario.schedule import schedule_notes

    (tmp / "calls.csv").write_text("hours,declarations\n200,10\n", encoding="utf-8")
    small = MMC.parents[1] / "tests" / "scenarios" / "small.toml"
    (tmp / "s.toml").write_text(
        f'extends = "{small}"\n[ports.sea.arrivals]\nschedule = "calls.csv"\n')
    return schedule_notes(load_scenario(tmp / "s.toml"))[which]


def _resumed_elsewhere(tmp: Path) -> str:
    from sim import made_where

    old = {"python": "3.11.7", "platform": "Linux-6.1-x86_64", "git": {"commit": "a" * 40,
                                                                     "dirty": False}}
    new = {**old, "python": "3.12.1"}
    found = made_where.changes(old, new)
    return made_where.warning(tmp / "out", found, made_where.same_commit(old, new))


#: code -> a generator of one message of that code (the model's, where it can be called)
def _structure(running_in: str = "") -> str:
    """The stated assumptions a dumbbell option rests on, in Guangdong's spindle (with a
    dumbbell reform's running-in, ``running_in_days=...``)."""
    from sim.experiment.composition import structure_assumptions
    from sim.reforms import apply
    from sim.scenario.loader import load_scenario

    spindle = load_scenario(MMC.with_name("guangdong-spindle.toml"))
    option = apply(spindle, "dumbbell" + (f":running_in_loss=0.3,{running_in}" if running_in
                                          else ""))
    return structure_assumptions(spindle, {"d": option})["d"]


def _generated_dumbbell() -> str:
    import io
    from contextlib import redirect_stderr

    from sim.cli_org import _notes
    from sim.scenario.loader import load_scenario

    spindle = load_scenario(MMC.with_name("guangdong-spindle.toml"))
    dumbbell = spindle.model_copy(update={"organisation": spindle.organisation.model_copy(
        update={"structure": "dumbbell"})})
    err = io.StringIO()
    with redirect_stderr(err):
        _notes(spindle, {"dumbbell": (dumbbell, None)})
    return err.getvalue().splitlines()[-1].removeprefix("note (dumbbell): ")


def _unfound() -> str:
    from tests.test_unfound import BEILUN, NO_WILDLIFE

    return unfound_types(sim.load_scenario(BEILUN, NO_WILDLIFE))[0]


def _strength_as_default() -> str:
    """AI auto-clear typed at 0 on the page, where the default scenario already clears 0.5."""
    from sim.faces.choices import option_catalogue
    from sim.faces.strengths import as_default

    option = option_catalogue()["smart_image_review"]
    return as_default(option, {"clear": "0"}, sim.load_scenario("default"))[0]


GENERATORS: dict[str, Callable[[Path], str]] = {
    "lane_overload": lambda _: _overload(),
    "staff_overload": lambda _: _staff_overload(),
    "wait_rising": lambda _: _rising(),
    "closure_backlog": lambda _: _closure_backlog(),
    "approach_rising": lambda _: _approach_rising(),
    "bonded_stock_rising": lambda _: _bonded_stock_rising(),
    "approach_left_waiting": lambda _: _approach_left_waiting(),
    "unfinished": lambda _: _unfinished(),
    "not_out": lambda _: stability.not_out(["p_1"], np.array([[1000, 0]]), np.array([30]), 2)[0],
    "risk_target_missed": lambda _: _risk_miss(),
    "smugglers_unsettled": _smugglers,
    "smuggling_never_arrived": lambda _: __import__("sim.model.closed_days", fromlist=["x"]
                                                    ).never_came("sea", "sea", [200.0, 260.0]),
    "resident_lane_overload": _resident_lane,
    "credit_floor_missed": lambda _: _credit("floor"),
    "credit_cap_exceeded": lambda _: _credit("cap_aeo_advanced"),
    "credit_floor_missed_direction": lambda _: _credit_by_direction("floor_export"),
    "credit_cap_exceeded_direction": lambda _: _credit_by_direction("cap_aeo_advanced_import"),
    "org_local_knowledge_unused": lambda _: _org_unused("local_knowledge"),
    "org_alerts_unused": lambda _: _org_unused("alerts"),
    "setting_replaces_rival": lambda _: __import__("sim.scenario.patch", fromlist=["x"]).displaced(
        {"ports": {"p": {"review": {"schedule": [2] * 20 + [8] * 4}}}},
        {"ports.p.review.capacity": 8})[0],
    "reform_uncosted": lambda _: __import__("sim.experiment.compare_notes", fromlist=["x"]
                                            ).uncosted_words(["ai_review", "training"]),
    "aeo_payback_unclaimed": lambda _: __import__("sim.experiment.aeo_payback", fromlist=["x"]
                                                  ).unclaimed_words(
        {"port": "sea_port", "direction": "import", "saving": 33.8, "saving_low": -13.8,
         "saving_high": 77.2, "unit": "USD"}),
    "option_identical": lambda _: _idle_option(),
    "capacity_unpriced": lambda _: _unpriced_sweep()[0],
    "audit_share_unpriced": lambda _: __import__("sim.scenario.dormant", fromlist=["x"]).unpriced(
        __import__("sim.scenario.loader", fromlist=["x"]).load_scenario(DEFAULT),
        ["enforcement.audit.share"])[0],
    "strength_as_default": lambda _: _strength_as_default(),
    "resident_lane_backlog": lambda tmp: next(
        w for w in __import__("tests.test_resident_lane", fromlist=["x"]).carriers_swamp(
            tmp).warnings if w.startswith("resident lane")),
    "empty_run": lambda _: __import__("sim.experiment.composition", fromlist=["x"]
                                      ).empty_note(2, 5),
    "reform_outside_run": lambda _: _timeline(0),
    "period_outside_run": lambda _: _timeline(1),
    "dated_window_outside_run": lambda _: _timeline(2),
    "office_dates_outside_run": lambda _: _office_dates(),
    "illicit_redrawn": lambda _: composition.truth_note(240.2, -2.6),
    "engine_switched": lambda _: composition.ENGINE_SWITCHED,
    "type_unfound": lambda _: _unfound(),
    "structure_assumptions": lambda _: _structure(),
    "generated_dumbbell": lambda _: _generated_dumbbell(),
    "warmup_too_short": lambda _: _warmup_short(),
    "pilot_no_steady_state": lambda _: _pilot_doubt(0),
    "pilot_queue_sparse": lambda _: _pilot_doubt(1),
    "precision_not_reached": lambda _: _precision(False),
    "precision_met": lambda _: _precision(True),
    "run_too_short": lambda _: stability.too_short(7.0, 5.0) or "",
    "part_of_week": lambda _: _window(2),
    "one_replication": lambda _: _window(3),
    "few_replications": lambda _: (__import__("sim.model.window", fromlist=["x"])
                                   .few_reps_note(3) or "").removeprefix("note: "),
    "warmup_not_whole_weeks": lambda _: _window(0),
    "near_saturation": lambda _: stability.near_saturation({"utilisation_p_1_scan": 0.93})[0],
    "cost_unshared": lambda _: __import__("sim.model.cost_sharing", fromlist=["x"]
                                          ).unshared_notes({"agency_cost_unshared_per_year": 5e5,
                                                            "agency_cost_per_year": 2e6})[0],
    "transit_desk_era_behind": lambda _: __import__("sim.model.desk_eras", fromlist=["x"]
                                                    ).desk_era_notes({_BEHIND: 12.5})[0],
    "metric_unmeasured": lambda _: __import__("sim.cli_warnings", fromlist=["x"]).unmeasured(
        {"a_metric": {"mean": None}}, ["a_metric"])[0].removeprefix("warning: "),
    "prcc_too_few_points": lambda _: __import__("sim.experiment.sweep_prcc", fromlist=["x"]
                                                ).prcc_warning(10, 2) or "",
    "prcc_noise": lambda _: _prcc_noise(),
    "resumed_elsewhere": lambda tmp: _resumed_elsewhere(tmp),
    "sobol_uncertain": lambda _: __import__("sim.experiment.sobol_noise", fromlist=["x"]
                                            ).noise_warning(None, 1) or "",
    "sobol_not_power_of_two": lambda _: __import__("sim.experiment.sensitivity", fromlist=["x"]
                                                   ).unbalanced(6) or "",
    "option_unchanged": lambda _: _idle_reform(True),
    "option_no_effect": lambda _: _idle_reform(False),
    "set_no_effect": lambda _: _set_idle(False),
    "section_created": lambda _: _section_created(),
    "dated_reform_unchanged": lambda _: _dated("single_window"),
    "dated_reform_no_effect": lambda _: _dated("risk_based_audit"),
    "sweep_no_effect": lambda _: _sweep_idle(),
    "sweep_same_scenario": lambda _: _sweep_flat("scenario"),
    "sweep_same_figures": lambda _: _sweep_flat("figures"),
    "schedule_no_warmup_calls": lambda tmp: _schedule_note(tmp, 0),
    "schedule_idle_end": lambda tmp: _schedule_note(tmp, 1),
    "pattern_idle_observed": lambda tmp: _pattern_note(),
    "pattern_share_off": lambda tmp: _share_note(),
    "unnamed_child": lambda tmp: _unnamed_child(tmp),
    "engine_cap_exceeded": lambda _: __import__("sim.model.credit_rules", fromlist=["x"]
                                                ).credit_rules(
        {"risk_auc": 0.8, "inspection_rate_general": 0.097,
         "inspection_rate_aeo_advanced": 0.0381}, {"aeo_advanced": 0.2})["cap_aeo_advanced"],
    "alerts_crowded": lambda _: __import__("sim.model.risk_notes", fromlist=["x"]
                                           ).risk_notes({"alert_raised_share": 0.84})["alerts"],
    "static_selection_overload": lambda _: __import__(
        "sim.model.static_overload", fromlist=["x"]).static_overload_notes(
        [_slots_rising(), _rising()], True)[0],
    "window_outside_exam_hours": lambda _: _exam_window(),
    "throttle_idle": lambda _: __import__("sim.model.risk_notes", fromlist=["x"]).risk_notes(
        {"throttle_engaged_share_port_sea": 0.0, "throttle_queue_peak_port_sea": 12.5},
        50.0)["throttle_sea"],
    "results_by_period": lambda _: __import__("sim.experiment.compare_notes", fromlist=["x"]
                                              ).periods_note(_periods(), True),
    "folder_file_rebuilt": lambda tmp: __import__("sim.experiment.store", fromlist=["x"]
                                                  ).rebuilt(tmp / "meta.json", "empty", "sweep"),
    "folder_file_rewritten": lambda tmp: __import__("sim.experiment.store", fromlist=["x"]
                                                    ).rewritten(tmp / "design.csv",
                                                                "the points of this sweep"),
    "replication_recomputed": lambda tmp: __import__("sim.experiment.store", fromlist=["x"]
                                                     ).recomputing(f"{tmp / 'rep-0003.json'}: "
                                                                   "checksum does not match "
                                                                   "(the file was changed)", 3),
    "scenario_uncosted": lambda _: __import__("sim.experiment.compare_notes", fromlist=["x"]
                                              ).uncosted_scenario(SimpleNamespace(
        summary=__import__("pandas").DataFrame({"metric": ["org_staff_heads"]})
    ))[0].removeprefix("note: "),
    "metric_unpaired": lambda _: __import__("sim.experiment.compare_notes", fromlist=["x"]
                                            ).unpaired({"baseline": {"a"}, "o": {"a", "b"}},
                                                       "baseline")[0].split(": ", 1)[1],
    "seizure_cost_added": lambda _: _seizure_cost_message(),
    "seizure_cost_patrols_only": lambda _: __import__(
        "sim.experiment.seizure_cost_scope", fromlist=["x"]).patrols_only_note(
        6000.0, 6000.0, 900.0).removeprefix("note: "),
    "seizures_not_success": lambda _: __import__(
        "sim.experiment.seizure_notes", fromlist=["x"]).seizure_note("o", 0.25, False
                                                                      ).split(": ", 1)[1],
}


def _seizure_cost_message() -> str:
    """An operation's note of what each additional seizure cost (patrols' and ports')."""
    import pandas as pd

    from sim.experiment.seizure_cost import seizure_cost_note

    d = pd.DataFrame({"ports": [1.0, 0.0, 1.0, 2.0], "patrols": [2.0, 3.0, 2.0, 3.0]})
    d["all"] = d["ports"] + d["patrols"]
    d["cost"] = [9000.0, 9100.0, 8900.0, 9050.0]
    note = seizure_cost_note("o", d, 7.0, "USD")
    assert note is not None
    return note.split(": ", 1)[1]


def test_every_code_has_a_generator_here():
    """A code added to the table without a message that proves it fails here."""
    known = {c.code for c in CODES} - {"other_warning", "other_note"}
    assert known == set(GENERATORS)


@pytest.mark.parametrize("code", sorted(GENERATORS))
def test_each_generators_message_gets_its_code(code: str, tmp_path: Path):
    message = GENERATORS[code](tmp_path)
    assert message, code
    found, _, figures = classify(message)
    assert found.code == code, message
    # (in Python's words, --days 21 as days=21, it keeps its code and figures)
    python, _, same = classify(as_python(message))
    assert (python.code, same) == (code, figures), as_python(message)


def test_the_fields_and_figures_of_the_lane_warnings():
    over = record("warning: " + GENERATORS["lane_overload"](Path()))
    assert (over["port"], over["lane"], over["metric"]) == (
        "p_1", "document_check", "utilisation_p_1_document_check")
    assert over["figures"]["utilisation_pct"] == 97 and over["figures"]["threshold_pct"] == 95
    assert over["fields"] == {"capacity_field": "ports.p_1.document_check.capacity"}
    assert (over["figures"]["servers_needed"], over["figures"]["servers_now"]) == (4, 3)
    bare = record("warning: " + stability.check([_lane()], (0.0, 168.0),
                                                {("p_1", "document_check"): 0.97})[0])
    assert bare["fields"] == {} and "servers_needed" not in bare["figures"]
    rising = record("warning: " + _rising())
    assert (rising["port"], rising["lane"], rising["code"]) == ("p_1", "document_check",
                                                                 "wait_rising")
    assert rising["figures"]["weekly_mean_wait_h"][0] < rising["figures"]["weekly_mean_wait_h"][-1]
    slots = record("warning: " + _slots_rising())
    assert (slots["port"], slots["lane"]) == ("p_1", "exam_slots")
    staff = record("warning: " + _staff_overload())
    assert (staff["port"], staff["lane"], staff["fields"]) == (
        "org/gac", "ruling", {"unit": "gac", "role": "ruling"})
    stuck = record("warning: " + _unfinished())
    assert stuck["figures"]["censored"] == 50 and stuck["figures"]["cohort"] == 1000
    miss = record("warning: " + _risk_miss())
    assert not miss["unsettles"] and miss["figures"]["target"] == pytest.approx(0.08)
    assert miss["metric"] == "inspection_rate_ordinary_port_sea_import"


def test_an_unknown_line_is_still_a_warning_and_never_dropped():
    assert record("warning: something new")["code"] == "other_warning"
    assert record("warning: something new")["severity"] == "warning"
    assert record("note: a remark")["code"] == "other_note"
    # a too-short run is printed as a note but is a warning to a scheduler
    assert record("note: " + GENERATORS["run_too_short"](Path()) + ".")["severity"] == "warning"


def test_a_lines_replications_are_named():
    w = GENERATORS["lane_overload"](Path())
    by_rep = {"rep-0000": [w], "rep-0001": [], "rep-0002": [w + "; its figures differ"]}
    line = f"warning: {w} (2 of the replications; the figures are rep-0000's, the others' differ)"
    assert record(line, by_rep)["replications"] == ["rep-0000", "rep-0002"]
    assert record(f"warning: {w} (rep-0002)")["replications"] == ["rep-0002"]
    compared = record(f"warning (busy, unstable): rep-0001: {w}")
    assert compared["option"] == "busy" and compared["replications"] == ["rep-0001"]
    assert compared["code"] == "lane_overload"
    shown = record(f"warning: rep-0000, rep-0002: {w}")  # (the dashboard's form)
    assert shown["replications"] == ["rep-0000", "rep-0002"] and shown["code"] == "lane_overload"


def test_unsettled_reads_codes_and_outlook_names_lanes_by_code():
    from sim.experiment.outlook import _names

    over = GENERATORS["lane_overload"](Path())
    assert stability.unsettled([over]) and not stability.unsettled([_risk_miss()])
    assert _names(over, "p_1", "document_check") and not _names(over, "p", "1_document_check")
    assert _names(_slots_rising(), "p_1", "exam_slots")


def test_run_writes_records_and_fails_on_warning(tmp_path: Path, capsys):
    out = tmp_path / "run"
    argv = ["run", str(MMC), "--reps", "2", "--days", "5", *BUSY, "--out", str(out), "--json"]
    assert main([*argv, "--fail-on", "warning"]) == 3
    printed = json.loads(capsys.readouterr().out)
    saved = json.loads((out / "warning-records.json").read_text(encoding="utf-8"))
    assert printed["warning_records"] == saved["records"]
    codes = {r["code"] for r in saved["records"]}
    assert {"lane_overload", "run_too_short", "part_of_week"} <= codes
    assert "other_warning" not in codes
    assert saved["counts"]["code"]["lane_overload"] == 1
    assert all(r["text"] in printed["notes"] for r in saved["records"])  # (the words as printed)
    assert main([*argv]) == 0  # (the default: never)


def test_a_run_with_nothing_to_doubt_exits_0_under_fail_on_warning(tmp_path: Path, capsys):
    argv = ["run", str(MMC), "--reps", "2", "--days", "21", "--out", str(tmp_path / "r"),
            "--json", "--fail-on", "warning"]
    assert main(argv) == 0
    recs = json.loads(capsys.readouterr().out)["warning_records"]
    assert all(r["severity"] == "note" for r in recs)
    assert main([*argv[:-1], "note"]) == (3 if recs else 0)


def test_compare_records_each_options_warnings(tmp_path: Path, capsys):
    out = tmp_path / "cmp"
    argv = ["compare", str(MMC), "--option", "busy:ports.crossing.arrivals.rate=5/h",
            "--reps", "2", "--days", "5", "--no-report", "--out", str(out), "--json",
            "--fail-on", "warning"]
    assert main(argv) == 3
    recs = json.loads(capsys.readouterr().out)["warning_records"]
    over = [r for r in recs if r["code"] == "lane_overload"]
    assert over and all(r["option"] == "busy" and r["lane"] == "document_check" for r in over)
    assert {r["replications"][0] for r in over} == {"rep-0000", "rep-0001"}
    saved = json.loads((out / "warning-records.json").read_text(encoding="utf-8"))
    assert saved["records"] == recs


def test_sweep_records_each_points_warnings(tmp_path: Path, capsys):
    out = tmp_path / "sw"
    argv = ["sweep", str(MMC), "--param", "ports.crossing.document_check.capacity=2,3", *BUSY,
            "--reps", "2", "--days", "5", "--out", str(out), "--fail-on", "warning"]
    assert main(argv) == 3
    err = capsys.readouterr().err
    recs = json.loads((out / "warning-records.json").read_text(encoding="utf-8"))["records"]
    over = [r for r in recs if r["code"] == "lane_overload"]
    assert over and {r["point"] for r in over} == {0}  # (3 officers keep up: rho 0.83)
    # (stderr says each distinct warning once, with the first figures; the records keep all)
    heads = [re.sub(r"^\w+(?: \([^()]*\))?: ", "", r["text"]).split(" (")[0] for r in recs]
    assert all(h in err for h in heads) and "other_warning" not in {r["code"] for r in recs}
    assert "run_too_short" in {r["code"] for r in recs}


def test_a_shown_metric_no_replication_measured_is_a_coded_warning(tmp_path: Path, capsys):
    """A nightly job that reads a figure by name is told when it is missing (null)."""
    export = "clearance_h_mean_port_crossing_export"  # (the crossing has no exports)
    argv = ["run", str(MMC), "--reps", "2", "--days", "21", "--show", export, "--out",
            str(tmp_path / "r"), "--json", "--fail-on", "warning"]
    assert main(argv) == 3
    data = json.loads(capsys.readouterr().out)
    assert data[export]["mean"] is None
    (missing,) = [r for r in data["warning_records"] if r["severity"] == "warning"]
    assert (missing["code"], missing["metric"]) == ("metric_unmeasured", export)


def test_a_pattern_picking_a_switched_off_lane_is_no_warning(tmp_path: Path, capsys):
    """docs/teaching.md's --show 'wait_h_mean_crossing_*' on the Jackson network also picks
    the image officers, whom that scenario switches off: a pattern is no request for each
    name it picks, so that is no warning; a pattern that picked nothing measured still
    warns (a name given literally too: the test above)."""
    jackson = MMC.with_name("teaching-jackson.toml")
    officers = "wait_h_mean_crossing_image_officers"

    def unmeasured(show: str, out: str) -> list[str]:
        main(["run", str(jackson), "--reps", "1", "--days", "2", "--show", show, "--out",
              str(tmp_path / out), "--json"])
        data = json.loads(capsys.readouterr().out)
        assert data[officers]["mean"] is None and data["wait_h_mean_crossing_scanners"]["mean"]
        return [r["metric"] for r in data["warning_records"] if r["code"] == "metric_unmeasured"]

    assert unmeasured("wait_h_mean_crossing_*", "r") == []
    missing = unmeasured("wait_h_mean_crossing_*,wait_h_*_image_officers", "s")
    assert officers in missing and all(m.endswith("_image_officers") for m in missing)


def test_a_resident_lanes_overload_names_its_route_and_figures(tmp_path: Path):
    rec = record("warning: " + _resident_lane(tmp_path))
    assert rec["code"] == "resident_lane_overload" and rec["unsettles"]
    assert rec["fields"]["route"] == "market"
    assert rec["metric"] == "resident_lane_member_wait_h_mean_route_market"
    figures = rec["figures"]
    assert figures["work_officer_h_per_week"] > figures["officer_h_per_week"] > 0


def test_a_latin_hypercube_sweeps_prcc_warnings_are_recorded_and_fail_on(tmp_path: Path, capsys):
    """Too few points and one replication: the PRCC warnings printed on stderr are coded in
    warning-records.json and --fail-on warning exits 3 (they were printed and dropped: a
    nightly job saw exit 0)."""
    out = tmp_path / "lhs"
    argv = ["sweep", str(MMC), "--lhs", "4", "--range",
            "ports.crossing.document_check.capacity=1:3", "--reps", "1", "--days", "2",
            "--out", str(out), "--fail-on", "warning"]
    assert main(argv) == 3
    err = capsys.readouterr().err
    recs = json.loads((out / "warning-records.json").read_text(encoding="utf-8"))["records"]
    codes = {r["code"] for r in recs}
    assert {"prcc_too_few_points", "prcc_noise"} <= codes, (codes, err)
    assert "other_warning" not in codes
    few = next(r for r in recs if r["code"] == "prcc_too_few_points")
    assert few["text"] in err.splitlines() and few["figures"]["points"] == 4


def test_a_sobol_sweeps_warnings_are_recorded_and_fail_on(tmp_path: Path, capsys):
    out = tmp_path / "sobol"
    argv = ["sweep", str(MMC), "--sobol", "4", "--range",
            "ports.crossing.document_check.capacity=1:3", "--reps", "1", "--days", "2",
            "--out", str(out), "--fail-on", "warning"]
    assert main(argv) == 3
    capsys.readouterr()
    recs = json.loads((out / "warning-records.json").read_text(encoding="utf-8"))["records"]
    assert "sobol_uncertain" in {r["code"] for r in recs}
    assert "other_warning" not in {r["code"] for r in recs}


def test_the_docs_name_every_field_a_code_can_give():
    """A record's ``fields`` holds each named part of a pattern that is not its port, lane,
    metric or a figure: docs/warnings.md names every one (a resident lane's ``route`` was
    missing)."""
    import re

    from sim.docs_warnings import warnings_page as page

    said = next(line for line in page().splitlines() if line.startswith("| `fields` |"))
    names = {n for c in CODES for p in (c.pattern, *c.extras) for n in re.compile(p).groupindex}
    kept = names - {"port", "lane", "metric", "lane_metric", "weekly", "daily"}  # (elsewhere)
    assert [n for n in sorted(kept) if not n.startswith("f_") and f"`{n}`" not in said] == []


def test_the_periods_note_names_each_period_in_chinese():
    """A run's periods: the first from the observed days' start with the reform in effect
    before it, the next from its date; a comparison's, each option's with paired differences."""
    from sim.cli_lang import line

    said = line("note: " + GENERATORS["results_by_period"](Path()), "zh")
    assert said.startswith("提示：结果还按货物到达的时期分列：era_1 自观测期开始（2018-04-23，第 7 "
                           "天；自2018-04-16，第 0.5 天起：training）；era_2 自2018-04-24，第 8.5 "
                           "天起：single_window；分列的指标为 clearance_h_mean_era_<k>, "), said
    assert said.endswith("；某一时期的数据并非该时期改革的效果（要看效果，请把该改革与"
                         "基准方案比较）")
    compared = line("note: every option's results are also split by the period the goods "
                    "arrived in, with a paired difference per period: era_0 from the observed "
                    "days' start (day 7); era_1 from day 9: training", "zh")
    assert compared == ("提示：结果还按货物到达的时期分列：era_0 自观测期开始（第 7 天）；"
                        "era_1 自第 9 天起：training；各方案均如此，每个时期另给出与基准方案的"
                        "配对差值")
