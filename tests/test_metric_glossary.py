"""The metric glossary (sim/experiment/metric_glossary*.py, docs/metrics.md) explains every
metric a bundled scenario's runs yield, each by exactly one entry, with the unit tables use;
it has no entry that nothing yields (unless marked), so the page cannot drift from the code."""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

import pytest

import sim
from sim.cli import main
from sim.experiment import metric_glossary as glossary
from sim.experiment.compare import metric_unit
from sim.experiment.metric_names import MetricNames, metric_names

ROOT = Path(__file__).resolve().parents[1]
SMALL = ROOT / "tests" / "scenarios" / "small.toml"
TWO = ROOT / "tests" / "scenarios" / "two_ports.toml"
DEFAULT = ROOT / "sim" / "scenarios" / "default.toml"
BUNDLED = sorted((ROOT / "sim" / "scenarios").glob("*.toml")) + [SMALL]
#: the scenario that yields the entries marked ``only``: small with a risk engine and two
#: periods, a perishable commodity, counterfeits counted by port and after their finding
#: (ipr), a border-resident lane and transit goods
RISK = {
    "commodities.frozen.spoils_after": "24 h",
    "ports.sea.traffic.origins": {"a": 0.5, "b": 0.5},
    "risk": {"target": 0.05, "random_share": 0.0, "window": 2000, "refresh": "1 h",
             "throttle": {"queue": 50}},
    "periods_at": ["2 d"],  # (a period boundary: the engine's alerts by period)
    # (transit goods: imports in transit and those cleared directly, apart)
    "ports.sea.transit": {"share": {"*": 0.3}, "formalities": "2 h", "travel": "20 h"},
    "enforcement.report_by_port": ["counterfeit"],  # (detected_<type>, slipped_<type>)
    # (ipr_*: found counterfeits detained or released; the bonds' costs only with a bond)
    "enforcement.ipr": {"bond_per_case": 1000, "patent_share": 0.5, "counter_bond_share": 0.5,
                        "counter_bond_per_case": 1000, "counter_bond_sued_share": 0.5},
    # a border-resident lane (resident_lane_*)
    "smuggling": {
        "routes": {"market": {
            "kind": "border_resident_trade", "cost": 100, "perceived": 0.1,
            "patrol": {"staff": 2, "per_officer": 0.01},
            "lane": {"members": "100/d", "allowance": 1000, "service": "2 min",
                     "check_share": 0.1, "check": "10 min", "finds": 0.5},
        }},
        "groups": {"ring": {
            "illicit": "tobacco", "commodity": "frozen", "value": 10000, "rate": "1/d",
            "profit_scale": 1000, "routes": ["market"],
        }},
    },
}


@pytest.fixture(scope="module")
def bundled() -> list[MetricNames]:
    return [metric_names(sim.load_scenario(p)) for p in BUNDLED]


@pytest.fixture(scope="module")
def marked() -> MetricNames:
    return metric_names(sim.load_scenario(SMALL, RISK))


@pytest.fixture(scope="module")
def costed_transit() -> MetricNames:
    """The bundled default (which has costs) with transit goods at its sea port: the
    transit goods' cost per consignment apart (``trader_cost_per_consignment_transit_import``)."""
    transit = {"share": {"*": 0.3}, "formalities": "1 h", "travel": "1 h"}
    return metric_names(sim.load_scenario(DEFAULT, {"ports.sea_port.transit": transit}))


@pytest.fixture(scope="module")
def bonded() -> MetricNames:
    """Two ports, one a bonded zone's gate that the other's transit goods fill (bonded_*),
    through a transit desk under a timeline (transit_desk_era_behind)."""
    transit = {"share": {"*": 0.5}, "formalities": "0 h", "travel": "1 h", "desk": {"capacity": 2}}
    given = {"ports.p.transit": transit, "ports.q.bonded_zone": {"entry": "p"},
             "timeline": [{"reform": "single_window", "at": "1 d"}]}
    return metric_names(sim.load_scenario(TWO, given))


@pytest.fixture(scope="module")
def approach() -> MetricNames:
    """The bundled default with an approach before its land crossing (approach_*)."""
    given = {"ports.land_border.approach": {"inside": 20, "parking": 10}}
    return metric_names(sim.load_scenario(DEFAULT, given))


#: how an entry's ``only`` names the risk engine switched on
ENGINE_ON = "with a risk engine switched on ("


def _engine_on(path: Path) -> bool:
    """Whether the bundled scenario at ``path`` has its risk engine switched on."""
    risk = sim.load_scenario(path).risk
    return risk is not None and risk.enabled


def _used(known: list[MetricNames]) -> dict[str, set[str]]:
    """Each entry's stem -> the forms of it (its modifiers, "" for the bare stem) that
    ``known``'s scenarios name."""
    out: dict[str, set[str]] = {}
    for k in known:
        for name in k.listing():
            for e, modifier in glossary.found(name, k):
                out.setdefault(e.stem, set()).add(modifier)
    return out


def test_every_metric_of_every_bundled_scenario_has_exactly_one_entry(
    bundled, marked, costed_transit, approach, bonded
):
    for k in [*bundled, marked, costed_transit, approach, bonded]:
        wrong = {n: [e.stem for e in glossary.matches(n, k)] for n in k.listing()}
        wrong = {n: stems for n, stems in wrong.items() if len(stems) != 1}
        assert wrong == {}, f"scenario {k.scenario}: names without exactly one entry"


def test_no_entry_is_unused_unless_marked(bundled, marked, costed_transit, approach, bonded):
    """Every entry matches a name of some bundled scenario, in its bare form and with each
    modifier it claims; one marked ``only`` matches none of theirs (else drop the mark) and
    one of the scenario that has what it needs."""
    used = _used(bundled)
    # a bundled scenario with its risk engine on (guangdong-enforcement) meets the condition
    # of the entries marked only "with a risk engine switched on": they may be its names
    engine_off = _used([k for k, p in zip(bundled, BUNDLED, strict=True) if not _engine_on(p)])
    with_marked = _used([marked, costed_transit, approach, bonded])
    for e in glossary.ENTRIES:
        if e.only:
            meets = used if not e.only.startswith(ENGINE_ON) else engine_off
            assert e.stem not in meets, f"{e.stem} is marked only {e.only!r} but is used"
            assert e.stem in with_marked, f"{e.stem}: no scenario yields it"
        else:
            assert e.stem in used, f"{e.stem}: no bundled scenario yields it (mark it only=...)"
        forms = used.get(e.stem, set()) | with_marked.get(e.stem, set())
        assert forms == {"", *e.by}, f"{e.stem}: forms named {sorted(forms)}, given {e.by}"


def test_stems_are_unique_and_meanings_given():
    stems = [e.stem for e in glossary.ENTRIES]
    assert len(stems) == len(set(stems))
    for e in glossary.ENTRIES:
        assert len(e.meaning.strip()) > 20, e.stem
        assert e.layer in glossary.LAYERS, e.stem
        assert set(e.by) <= set(glossary.MODIFIERS), e.stem


def test_each_entry_has_the_unit_of_the_names_it_matches(bundled, marked):
    for k in [*bundled, marked]:
        for name in k.names:
            entry = glossary.lookup(name, k)
            assert entry is not None
            assert glossary.unit(entry) == metric_unit(name), (name, entry.stem)


def test_a_real_run_names_nothing_the_glossary_lacks():
    s = sim.load_scenario(SMALL, {"days": 1, "drain_days": 1})
    known = metric_names(s)
    assert all(glossary.lookup(n, known) for n in sim.simulate(s, 1).metrics())


def test_check_explain_prints_each_name_with_its_unit_and_meaning(capsys):
    assert main(["check", str(SMALL), "--explain"]) == 0
    lines = capsys.readouterr().out.splitlines()
    known = metric_names(sim.load_scenario(SMALL))
    assert [line.split("\t")[0] for line in lines] == known.listing()
    assert all(len(line.split("\t")) == 3 for line in lines)
    assert main(["check", str(SMALL), "--explain", "clearance_h_mean_port_sea_import",
                 "utilisation_sea_scanners", "clearance_h_maen"]) == 2  # fmt: skip
    said = capsys.readouterr()
    mean, util, typo = said.out.splitlines()
    # what a figure estimates (a mean of each replication's value, of a quantile or a rate
    # too), said once beside the entries: on stderr, standard output stays one per line
    assert "mean over its replications of each replication's own value" in said.err
    assert "not the ratio of the pooled counts" in said.err
    assert mean.startswith("clearance_h_mean_port_sea_import\thours\tMean clearance time")
    assert mean.endswith("Here: port sea, imports only.")
    assert util.startswith("utilisation_sea_scanners\tshare (0-1)\tBusy time")
    assert typo.startswith("clearance_h_maen\t?\t(not a metric of scenario 'small'; did you "
                           "mean 'clearance_h_mean' or ")  # (the closest names)
    assert main(["check", str(DEFAULT), "--explain", "total_cost_per_consignment"]) == 0
    assert "\tUSD per consignment\t" in capsys.readouterr().out  # (the scenario's currency)


def test_a_metrics_meaning_from_python_is_the_command_lines(bundled, capsys):
    """``sim.metric_names(scenario).explain(...)`` gives in a table what ``check --explain``
    prints (the scenario's currency in a cost's unit), and prints itself in a line."""
    known = next(k for k in bundled if k.scenario == "default")
    wanted = ["total_cost_per_consignment", "inspection_rate_*", "clearance_h_maen"]
    table = known.explain(*wanted)
    assert main(["check", str(DEFAULT), "--explain", *wanted]) == 2  # (the typo)
    printed = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert table.values.tolist() == printed and list(table) == ["metric", "unit", "meaning"]
    assert table.loc[0, "unit"] == "USD per consignment"
    assert len(known.explain()) == len(known.listing())
    shown = repr(known)
    assert len(shown) < 300 and f"names={len(known.names)}" in shown


@pytest.mark.parametrize("cls", ["general", "aeo_general", "aeo_advanced", "discredited"])
def test_explain_names_the_port_of_a_class_metric(capsys, cls):
    """A stem's placeholder may hold underscores (``aeo_advanced``): the port a modifier
    names is still read whole."""
    name = f"inspection_rate_{cls}_port_sea_port"
    assert main(["check", str(DEFAULT), "--explain", name]) == 0
    assert capsys.readouterr().out.rstrip().endswith("Here: port sea_port only.")


def test_the_page_lists_every_entry_under_its_layer():
    from sim.docs_metrics import metrics_page

    page = metrics_page()
    for layer in glossary.LAYERS:
        assert f"## {layer[:1].upper()}{layer[1:]}\n" in page
    for e in glossary.ENTRIES:
        assert f"| `{e.stem}` | {glossary.unit(e)} |" in page


def test_the_lane_entries_say_what_the_exam_yard_holds_and_where_waits_are():
    """The exam yard's lanes are read right: a bay per declaration, a job waiting for its bay
    and mover together (in both queues), then in its bay for a team (the bay busy meanwhile),
    overtime on duty; and what the wait entry says of
    the waits of no lane is true of the intervals table (its exam yard's stretch holds them,
    by port and direction, with their owners)."""
    from sim.model.intervals import STRETCHES

    util = glossary.lookup("utilisation_sea_port_exam_bays")
    queue = glossary.lookup("queue_mean_sea_port_movers")
    wait = glossary.lookup("wait_h_mean_sea_port_exam_teams")
    assert util and queue and wait
    assert "per declaration, not per container" in util.meaning
    from sim.scenario.schema import Exam  # and the scenario reference's field says it too

    assert "held per declaration" in (Exam.model_fields["bays"].description or "")
    assert "overtime" in util.meaning and "`capacity_mean`" in util.meaning
    for e in (queue, wait):
        assert "waits for a bay and a mover together" in e.meaning
        assert "the bay is busy meanwhile" in e.meaning
    assert "in the milestone intervals' `exam_yard` stretch" in wait.meaning
    yard = [s for s in STRETCHES if s.name == "exam_yard"]
    assert yard and yard[0].end == "inspected" and yard[0].owner == "mixed"
    r = sim.simulate(sim.load_scenario(SMALL, {"days": 1, "warmup_days": 0}), 1)
    t = r.intervals
    assert "sea/import" in set(t[t.dimension == "port_direction"].group)
    assert {f"{o}_h" for o in ("trader", "terminal", "customs")} <= set(t.columns)


def test_explain_takes_a_pattern_as_show_does(capsys):
    """``--explain 'burden_share_*'`` said "not a metric": a user looking for a family (a
    credit class's figures) had to know its names first. A pattern explains every name of
    the scenario it picks, in order and once each; one that picks none is said, exit 2."""
    known = metric_names(sim.load_scenario(DEFAULT))
    assert main(["check", str(DEFAULT), "--explain", "*_discredited_goods", "clearance_h_mean",
                 "inspection_rate_discredited_goods"]) == 0  # fmt: skip
    lines = capsys.readouterr().out.splitlines()
    picked = sorted(n for n in known.names if n.endswith("_discredited_goods"))
    assert len(picked) >= 2 and "burden_share_discredited_goods" in picked
    assert [line.split("\t")[0] for line in lines] == [*picked, "clearance_h_mean"]
    assert all(len(line.split("\t")) == 3 and "\t?\t" not in line for line in lines)
    assert main(["check", str(DEFAULT), "--explain", "nothing_*"]) == 2
    out = capsys.readouterr().out
    assert out == "nothing_*\t?\t(matches no metric of scenario 'default')\n"


def test_explain_says_when_a_name_of_another_setup_would_appear(capsys):
    """The default scenario's risk engine is off: ``risk_auc`` is not one of its names, and
    --explain says what would make it one."""
    assert main(["check", str(DEFAULT), "--explain", "risk_auc"]) == 2
    out = capsys.readouterr().out
    assert "not a metric of scenario 'default'; it appears only with a risk engine" in out


def test_explain_without_a_file_explains_the_default_scenarios_names(tmp_path, monkeypatch,
                                                                    capsys):
    """``check --explain NAME`` (no FILE) explains NAME for the bundled default scenario, as
    run and compare default to it; ``check NAME --explain``, where NAME is no file, too; a
    scenario file not found is still said to be one."""
    monkeypatch.chdir(tmp_path)
    for argv in (["check", "--explain", "clearance_h_mean"],
                 ["check", "clearance_h_mean", "--explain"]):
        assert main(argv) == 0
        out = capsys.readouterr().out
        assert out.startswith("clearance_h_mean\thours\t") and len(out.splitlines()) == 1, out
    assert main(["check", "nope.toml", "--explain"]) == 2
    assert "scenario file not found: nope.toml" in capsys.readouterr().err


@pytest.mark.parametrize(("stem", "unit", "zh"), [
    ("transit_share", "share (0-1)", "转关货物比例"),
    ("transit_unfinished", "consignments", "运行结束时未完成的转关进口货物票数"),
    ("transit_desk_era_behind", "consignments",
     "转关窗口排队期间遇改革生效而仍适用原规则的转关货物票数"),
    ("transit_h_mean", "hours", "转关运输段时间均值（每票转关货物）"),
    ("transit_clearance_share", "share (0-1)", "转关运输段占海关通关时间比例"),
    ("clearance_h_mean_transit_import", "hours", "转关进口货物海关通关时间均值（自抵达进境口岸）"),
    ("clearance_h_p90_direct_import", "hours", "非转关进口货物海关通关时间第 90 百分位"),
    ("overall_clearance_h_p90_transit_import", "hours",
     "转关进口货物整体通关时间第 90 百分位（自抵达进境口岸）"),
    ("clearance_n_direct_import", "consignments", "已放行非转关进口货物票数"),
    ("clearance_h_mean_integrated_import", "hours",
     "通关一体化进口货物海关通关时间均值（自抵达进境口岸）"),
    ("overall_clearance_h_p90_integrated_import", "hours",
     "通关一体化进口货物整体通关时间第 90 百分位（自抵达进境口岸）"),
    ("clearance_n_integrated_import", "consignments", "已放行通关一体化进口货物票数"),
    ("trader_cost_per_consignment_transit_import", "currency per consignment",
     "转关进口货物每票企业成本"),
    ("agency_cost_per_consignment_direct_import", "currency per consignment",
     "非转关进口货物每票政府部门成本"),
    ("inspection_rate_transit_import", "share (0-1)", "转关进口货物查验率"),
])
def test_the_transit_entries_give_their_unit_and_chinese(stem, unit, zh):
    """Transit goods (转关): each metric has one entry, its unit, and its Chinese name and
    meaning."""
    from sim.report.zh_meanings import meaning
    from sim.report.zh_metrics import METRICS

    entry = glossary.lookup(stem)
    assert entry is not None and entry.stem == stem
    assert glossary.unit(entry) == unit
    assert METRICS[stem] == zh and meaning(stem, entry.meaning) is not None


@pytest.mark.parametrize(("name", "unit", "zh"), [
    ("exports_missed_cutoff_containers_share_sea", "share (0-1)",
     "错过截关的出口集装箱比例（口岸 <port>）"),
    ("exports_missed_cutoff_containers_per_day_sea", "containers a day",
     "每日错过截关的出口集装箱数（口岸 <port>）"),
])
def test_exports_that_missed_their_departure_in_containers_are_explained(bundled, name, unit,
                                                                         zh):
    """The missed departures counted in boxes (sim.model.cutoffs): a bundled scenario names
    each, one entry explains it in containers, with its unit and its Chinese name and
    meaning."""
    from sim.report.zh_meanings import meaning
    from sim.report.zh_metrics import METRICS

    assert any(name in names.names for names in bundled)
    entry = glossary.lookup(name)
    assert entry is not None and entry.stem == name.replace("_sea", "_<port>")
    assert "container" in entry.meaning and metric_unit(name) == unit
    assert glossary.unit(entry) == unit
    assert METRICS[entry.stem] == zh and meaning(entry.stem, entry.meaning) is not None


def test_a_name_measured_only_split_points_at_its_split_forms(bundled, capsys):
    """``border_burden_per_container`` exists only split (by port and direction, and by class
    there): the explanation (Python and ``check --explain``) names its least split forms and
    the pattern that picks them all; a typo gets the closest names; ``--show`` its split
    forms too."""
    from sim.experiment.metric_names import MetricError, shown

    known = next(k for k in bundled if k.scenario == "default")
    base = "border_burden_per_container"
    split = sorted(n for n in known.names if n.startswith(f"{base}_"))
    assert base not in known and len(split) > 3
    said = known.explain(base).loc[0, "meaning"]
    suggested = re.findall(r"'([^']+)'", said.split("did you mean ", 1)[1].split("?")[0])
    assert len(suggested) == 3 and set(suggested) <= set(split)
    least = sorted(n.count("_") for n in split)[:3]  # (the least split first)
    assert [n.count("_") for n in suggested] == least
    assert f"('{base}_*' picks all {len(split)})" in said
    assert set(known.explain(f"{base}_*").metric) == set(split)  # (the pattern it names)
    assert main(["check", str(DEFAULT), "--explain", base, "clearance_h_maen"]) == 2
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == f"{base}\t?\t{said}"
    assert "did you mean 'clearance_h_mean'" in printed[1]
    with pytest.raises(MetricError, match=rf"did you mean '{suggested[0]}' or "):
        shown([base], known)


def test_metric_names_takes_a_scenario_files_path_as_simulate_does():
    """A path is loaded (and named in an unknown name's hint), not an AttributeError; any
    other type is a TypeError naming what is accepted."""
    by_path = metric_names(SMALL)
    assert by_path.names == metric_names(sim.load_scenario(SMALL)).names
    assert by_path.source == str(SMALL)
    with pytest.raises(TypeError, match="scenario must be"):
        metric_names(42)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["attempts_deterred", "attempts_deterred_tobacco"])
def test_deterred_opportunities_are_counted_as_opportunities_in_both_languages(name):
    """A deterred opportunity is one at which no attempt was made: its unit is opportunities
    (次机会), and its Chinese name and meaning count 机会 too, never 企图."""
    from sim.report.zh_glossary import UNITS
    from sim.report.zh_meanings import meaning
    from sim.report.zh_metrics import METRICS

    entry = glossary.lookup(name)
    assert entry is not None and glossary.unit(entry) == "opportunities"
    zh = (METRICS[entry.stem], UNITS[glossary.unit(entry)],
          meaning(entry.stem, entry.meaning) or "")
    assert all("机会" in text and "企图" not in text for text in zh)


def test_a_lanes_mean_number_in_service_is_explained_as_little_at_the_servers():
    """``in_service_mean_<port>_<lane>`` (the busy-time area over the window): its own entry
    and unit, saying what theory it checks and how it relates to the utilisation."""
    entry = glossary.lookup("in_service_mean_sea_scanners")
    assert entry is not None and entry.stem == "in_service_mean_<port>_<lane>"
    assert "L_s = lambda E[S]" in entry.meaning
    assert "`utilisation_<port>_<lane>` times" in entry.meaning
    assert metric_unit("in_service_mean_sea_scanners") == "jobs in service"


def test_a_pattern_that_picks_none_suggests_itself_led_by_a_star(bundled):
    """``--show 'cost_per_consignment*'`` picks none (the names start with whose cost it
    is): the error suggests the pattern led by ``*`` and how many that picks, in English and
    in Chinese; a pattern that picks none either way suggests nothing."""
    from sim.cli_zh_errors import reason
    from sim.experiment.metric_names import MetricError, shown

    known = next(k for k in bundled if k.scenario == "default")
    wider = fnmatch.filter(known.names, "*cost_per_consignment*")
    assert wider and not fnmatch.filter(known.names, "cost_per_consignment*")
    with pytest.raises(MetricError) as said:
        shown(["cost_per_consignment*"], known)
    hint = f"did you mean '*cost_per_consignment*'? it matches {len(wider):,} metrics"
    assert hint in str(said.value)
    assert f"是否应为 '*cost_per_consignment*'？它匹配 {len(wider):,} 个指标" in str(
        reason(str(said.value)))
    with pytest.raises(MetricError) as said:
        shown(["zz_*"], known)
    assert "did you mean" not in str(said.value) and reason(str(said.value))


@pytest.mark.parametrize(("name", "stem", "unit", "zh"), [
    ("found_pest_by_quarantine", "found_<type>_by_<finder>", "consignments",
     "经检疫查出的检疫性有害生物票数"),
    ("value_seized_counterfeit", "value_seized_<type>", "currency, observed days",
     "侵权假冒商品查扣违规货值"),
    ("value_slipped_frozen", "value_slipped_<type>", "currency, observed days",
     "未经检疫的冻品漏查违规货值（观测期内）"),
    ("slipped_tobacco", "slipped_<type>", "consignments",
     "走私烟草漏放票数（放行前及放行后均未查出）"),
])
def test_each_illicit_types_pooled_outcome_has_its_entry_and_chinese(name, stem, unit, zh):
    """Each illicit type's counts and values pooled in every run (sim.model.illicit_types):
    every bundled scenario yields them, with no `only` condition, each has one entry, its
    unit, and its Chinese name and meaning."""
    _default_has_its_entry_and_chinese(name, stem, unit, zh)


@pytest.mark.parametrize(("stem", "unit", "zh"), [
    ("trader_cost_p90_port_<port>_<direction>", "currency per consignment",
     "企业成本第 90 百分位（口岸 <port>，<direction>）"),
])
def test_the_trader_costs_p90_by_port_has_its_entry_unit_and_chinese(stem, unit, zh):
    """A broker's worst usual case by port: one entry, its unit, a Chinese name and meaning,
    and the default scenario (costed, two ports) yields it for each port and direction."""
    from sim.report.zh_meanings import meaning
    from sim.report.zh_metrics import METRICS

    entry = glossary.lookup("trader_cost_p90_port_sea_port_import")
    assert entry is not None and entry.stem == stem
    assert glossary.unit(entry) == unit
    assert METRICS[stem] == zh and meaning(stem, entry.meaning) is not None
    known = metric_names(sim.load_scenario(DEFAULT))
    assert {"trader_cost_p90_port_sea_port_import",
            "trader_cost_p90_port_land_border_export"} <= set(known.names)


def test_the_goods_wait_on_the_organisation_by_port_has_its_entry_unit_and_chinese():
    """Which ports a structure's holds favour: one entry (org_hold_h_mean's, by port), hours,
    a Chinese name and meaning, and Guangdong's spindle yields it for each of its ports."""
    from sim.report.translate import metric_name
    from sim.report.zh_meanings import meaning

    entry = glossary.lookup("org_hold_h_mean_port_gz_post")
    assert entry is not None and entry.stem == "org_hold_h_mean" and "port" in entry.by
    assert glossary.unit(entry) == "hours"
    assert metric_name("org_hold_h_mean_port_gz_post") == "每次请示暂扣平均时长（口岸 gz_post）"
    assert meaning(entry.stem, entry.meaning) is not None
    spindle = sim.load_scenario(ROOT / "sim" / "scenarios" / "guangdong-spindle.toml")
    known = metric_names(spindle)
    assert {f"org_hold_h_mean_port_{p}" for p in spindle.ports} <= set(known.names)


@pytest.mark.parametrize(("stem", "unit", "zh"), [
    ("agency_idle_staff_cost_per_year", "currency per year", "政府部门人员闲置时间年度成本"),
    ("agency_idle_staff_hours_per_year", "head-hours per year", "政府部门人员年度闲置工时"),
])
def test_the_idle_staff_time_has_its_entry_unit_and_chinese(stem, unit, zh):
    """The staff time paid but not busy (a reform's capacity freed, not cash): one entry
    each, its unit, a Chinese name and meaning, and the default scenario yields it."""
    from sim.report.zh_meanings import meaning
    from sim.report.zh_metrics import METRICS

    entry = glossary.lookup(stem)
    assert entry is not None and entry.stem == stem
    assert glossary.unit(entry) == unit
    assert METRICS[stem] == zh and meaning(stem, entry.meaning) is not None
    assert stem in metric_names(sim.load_scenario(DEFAULT)).names


@pytest.mark.parametrize(("name", "stem", "unit", "zh"), [
    ("yard_dwell_h_p90_port_sea_port_import", "yard_dwell_h_p90_port_<port>_<direction>",
     "hours", "每箱堆场停留时间第 90 百分位（口岸 sea_port，进口）"),
    ("yard_boxes_max_port_sea_port_import", "yard_boxes_max_port_<port>_<direction>",
     "containers", "堆场在场集装箱数最大值（口岸 sea_port，进口）"),
    ("yard_boxes_p95_port_sea_port_export", "yard_boxes_p95_port_<port>_<direction>",
     "containers", "堆场在场集装箱数第 95 百分位（按时间，口岸 sea_port，出口）"),
    ("yard_dwell_h_to_release_port_sea_port_import",
     "yard_dwell_h_to_release_port_<port>_<direction>", "hours",
     "每箱堆场停留时间均值：放行前（口岸 sea_port，进口）"),
    ("yard_dwell_h_to_release_customs_port_sea_port_import",
     "yard_dwell_h_to_release_<owner>_port_<port>_<direction>", "hours",
     "每箱堆场停留时间均值：放行前海关所占（口岸 sea_port，进口）"),
    ("yard_dwell_h_after_release_port_sea_port_export",
     "yard_dwell_h_after_release_port_<port>_<direction>", "hours",
     "每箱堆场停留时间均值：放行后（口岸 sea_port，出口）"),
    ("exam_yard_boxes_max_port_sea_port", "exam_yard_boxes_max_port_<port>", "containers",
     "查验场同时在场集装箱数最大值（口岸 sea_port）"),
    ("exam_yard_boxes_p95_port_sea_port", "exam_yard_boxes_p95_port_<port>", "containers",
     "查验场同时在场集装箱数第 95 百分位（按时间，口岸 sea_port）"),
])
def test_the_yards_busiest_boxes_and_dwell_p90_have_their_entry_unit_and_chinese(
    name, stem, unit, zh
):
    """A terminal's yard in boxes at its worst: one entry each, its unit, a Chinese name and
    meaning, and the default scenario yields it."""
    from sim.report.translate import metric_name
    from sim.report.zh_meanings import meaning

    entry = glossary.lookup(name)
    assert entry is not None and entry.stem == stem
    assert glossary.unit(entry) == unit
    assert metric_name(name) == zh and meaning(stem, entry.meaning) is not None
    assert name in metric_names(sim.load_scenario(DEFAULT)).names


@pytest.mark.parametrize(("name", "stem", "unit", "zh"), [
    ("quarantine_rejected_lots_plants", "quarantine_rejected_lots_<commodity>", "consignments",
     "plants检疫不合格退运或销毁批数"),
    ("quarantine_rejected_h_mean_frozen", "quarantine_rejected_h_mean_<commodity>", "hours",
     "frozen检疫不合格批到港至判定不合格平均小时数"),
    ("quarantine_rejection_cost_per_lot_plants", "quarantine_rejection_cost_per_lot_<commodity>",
     "currency per lot", "plants检疫不合格批每批退运或销毁费用"),
    ("quarantine_treated_lots_plants", "quarantine_treated_lots_<commodity>", "consignments",
     "plants检疫处理（熏蒸、热处理）后放行批数"),
    ("quarantine_treatment_h_mean_plants", "quarantine_treatment_h_mean_<commodity>", "hours",
     "plants检疫处理平均小时数"),
    ("quarantine_treatment_cost_per_lot_plants",
     "quarantine_treatment_cost_per_lot_<commodity>", "currency per lot", "plants检疫处理每批费用"),
])
def test_what_quarantine_did_with_the_lots_it_acted_on_has_its_entry_and_chinese(
    name, stem, unit, zh
):
    """The rejected and treated lots by commodity (sim.model.quarantine_disposal): the default
    scenario yields them for its statutory commodities, each with one entry (the lots'
    count not taken for their hours), its unit, and its Chinese name and meaning."""
    _default_has_its_entry_and_chinese(name, stem, unit, zh)


@pytest.mark.parametrize(("name", "stem", "zh"), [
    ("review_rate", "review_rate", "人工审单率"),
    ("review_rate_port_sea_port_import", "review_rate", "人工审单率（口岸 sea_port，进口）"),
    ("review_rate_general_port_sea_port", "review_rate_<class>",
     "一般信用企业人工审单率（口岸 sea_port）"),
    ("review_rate_aeo_advanced_export", "review_rate_<class>",
     "AEO 高级认证企业人工审单率（出口）"),
])
def test_how_often_a_declaration_is_reviewed_has_its_entry_and_chinese(name, stem, zh):
    """A broker's "how often is my declaration queried" (sim.model.review_tally): the
    default scenario yields it pooled, by port and direction and by class, each with one
    entry, a share, and its Chinese name and meaning."""
    _default_has_its_entry_and_chinese(name, stem, "share (0-1)", zh)


@pytest.mark.parametrize(("name", "stem", "zh"), [
    ("clearance_h_mean_channel_green", "clearance_h_mean_channel_<channel>",
     "直接放行通道海关通关时间均值"),
    ("clearance_h_p90_channel_physical_quarantine", "clearance_h_p90_channel_<channel>",
     "人工查验及检疫查验通道海关通关时间第 90 百分位"),
    ("declared_to_release_h_mean_channel_document", "declared_to_release_h_mean_channel_<channel>",
     "单证审核通道申报至放行时间均值"),
])
def test_clearance_by_channel_has_its_entry_and_chinese(name, stem, zh):
    """Which declarations wait long and why (each channel's clearance): the default scenario
    yields it for every channel, each with one entry, in hours, and its Chinese name and
    meaning."""
    _default_has_its_entry_and_chinese(name, stem, "hours", zh)


def _default_has_its_entry_and_chinese(name: str, stem: str, unit: str, zh: str) -> None:
    """The default scenario names ``name``; its one entry is ``stem``'s, with no `only`
    condition, in ``unit``, with the Chinese name ``zh`` and a Chinese meaning."""
    from sim.report.translate import metric_name
    from sim.report.zh_meanings import meaning

    known = metric_names(sim.load_scenario(DEFAULT))
    assert name in known.names
    entry = glossary.lookup(name, known)
    assert entry is not None and entry.stem == stem and not entry.only
    assert glossary.unit(entry) == unit
    assert metric_name(name) == zh and meaning(stem, entry.meaning) is not None
