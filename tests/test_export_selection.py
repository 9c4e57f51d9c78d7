"""Exports' own selection tables (sim/scenario/export_selection.py, docs/exports.md): which
table decides an export's check, that imports keep their selection draw for draw, and that
bad or unusable tables are refused with the field named."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim
from sim.model.selection import TableSelector

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
ALL = {"*": {"*": 1.0}}
NONE = {"*": {"*": 0.0}}
SHORT = {"days": 3, "warmup_days": 1, "drain_days": 3}


def test_unset_export_tables_leave_the_dump_as_it_was():
    dump = sim.load_scenario(SMALL).model_dump(by_alias=True)
    assert "export_selection" not in dump
    assert "selection" not in dump["ports"]["sea"]["exports"]


def test_the_first_table_that_lists_the_check_decides_an_export():
    s = sim.load_scenario(SMALL, {"export_selection": {"scan": {"general": {"*": 0.5}}}})
    assert s.probability("scan", "general", "general", "sea", "export") == 0.5
    assert s.probability("scan", "general", "general", "sea") == 0.1  # imports: unchanged
    assert s.probability("scan", "frozen", "general", "sea", "export") == 0.0  # unlisted row
    assert s.probability("physical", "general", "general", "sea", "export") == 0.03
    port = s.model_dump(by_alias=True)["ports"]["sea"]
    own = sim.patch(s, {"ports.sea.selection": {"scan": {"*": {"*": 0.2}}}})
    assert own.probability("scan", "general", "general", "sea", "export") == 0.2  # port first
    port["exports"]["selection"] = {"scan": {"*": {"*": 0.7}}}
    mine = sim.patch(own, {"ports.sea.exports": port["exports"]})
    assert mine.probability("scan", "general", "general", "sea", "export") == 0.7
    assert mine.probability("scan", "general", "general", "sea") == 0.2


def test_imports_keep_their_selection_and_exports_follow_their_own_table():
    base = sim.simulate(sim.load_scenario(SMALL, SHORT), seed=1, log=True).log
    over = {**SHORT, "export_selection": {"scan": ALL, "physical": NONE, "quarantine": NONE}}
    own = sim.simulate(sim.load_scenario(SMALL, over), seed=1, log=True).log
    cols = ["sel_document", "sel_scan", "sel_physical", "sel_quarantine"]
    imp_b, imp_o = base[base.direction == "import"], own[own.direction == "import"]
    assert len(imp_b) == len(imp_o) > 0
    assert (imp_b[cols].to_numpy() == imp_o[cols].to_numpy()).all()
    exp_b, exp_o = base[base.direction == "export"], own[own.direction == "export"]
    assert len(exp_o) > 100
    assert exp_o.sel_scan.all() and not exp_o.sel_physical.any()
    assert not exp_o.sel_quarantine.any() and exp_b.sel_quarantine.any()
    assert (exp_b.sel_document.to_numpy() == exp_o.sel_document.to_numpy()).all()


def test_the_selector_keeps_no_export_arrays_without_export_tables():
    assert TableSelector(sim.load_scenario(SMALL)).export == {}
    s = sim.load_scenario(SMALL, {"export_selection": {"scan": NONE}})
    assert set(TableSelector(s).export["sea"]) == {"scan"}


@pytest.mark.parametrize(
    ("over", "words"),
    [
        ({"export_selection": {"scans": NONE}}, ["export_selection", "'scans'", "allowed"]),
        ({"export_selection": {"scan": {"fruit": {"*": 0.1}}}},
         ["export_selection.scan", "'fruit'"]),
        ({"export_selection": {"scan": {"*": {"*": 1.5}}}}, ["export_selection", "1.5"]),
        ({"export_selection": {"scan": NONE}, "risk": {"target": 0.03}},
         ["export_selection", "risk engine", "risk.enabled = false"]),
    ],
)
def test_bad_export_tables_are_refused_naming_the_field(over, words):
    with pytest.raises(Exception) as err:
        sim.load_scenario(SMALL, over)
    for word in words:
        assert word in str(err.value)


def test_an_export_table_needs_the_lane_it_sends_goods_to():
    data = sim.scenario_data(sim.load_scenario(SMALL))
    data["ports"]["sea"].pop("quarantine")
    data["selection"].pop("quarantine")
    data["ports"]["sea"]["exports"]["selection"] = {"quarantine": {"frozen": {"*": 0.5}}}
    with pytest.raises(Exception) as err:
        sim.load_scenario(data)
    text = str(err.value)
    assert "ports.sea" in text and "export selection of quarantine" in text
    assert "[ports.sea.quarantine]" in text


@pytest.mark.parametrize("reform", ["cold_chain_mandate", "epidemic"])
def test_reforms_aimed_at_imports_leave_exports_selection_as_it_was(reform):
    from sim.reforms import apply

    base_s = sim.load_scenario(SMALL, SHORT)
    base = sim.simulate(base_s, seed=1, log=True).log
    with_reform = sim.simulate(apply(base_s, reform), seed=1, log=True).log
    frozen_imports = (with_reform.direction == "import") & (with_reform.commodity == "frozen")
    assert frozen_imports.sum() > 20 and with_reform[frozen_imports].sel_quarantine.all()
    exp_b, exp_r = base[base.direction == "export"], with_reform[with_reform.direction == "export"]
    assert exp_b.sel_quarantine.sum() > 5  # (some frozen exports were checked before)
    assert (exp_b.sel_quarantine.to_numpy() == exp_r.sel_quarantine.to_numpy()).all()


def test_with_the_risk_engine_on_the_reforms_add_no_export_table():
    from sim.reforms import apply

    on = sim.load_scenario(SMALL, {"risk": {"target": 0.05}})
    assert apply(on, "epidemic").export_selection == {}
    assert apply(sim.load_scenario(SMALL), "epidemic").export_selection["quarantine"] == {
        "frozen": {"*": 0.3}
    }


def test_a_ports_inspection_rate_by_direction_recounts_from_the_log():
    run = sim.simulate(sim.load_scenario(SMALL), seed=1, log=True)
    metrics, log = run.metrics(), run.log
    cohort = log[log.cohort]
    checked = cohort[["scan_start", "exam_start", "quarantine_start"]].notna().any(axis=1)
    for direction in ("import", "export"):
        mine = cohort.direction == direction
        assert metrics[f"inspection_rate_port_sea_{direction}"] == checked[mine].mean()
        for cls in ("aeo_advanced", "general", "discredited"):
            rows = mine & (cohort.trader_class == cls)
            assert rows.sum() > 20
            got = metrics[f"inspection_rate_{cls}_port_sea_{direction}"]
            assert got == checked[rows].mean()


def test_the_headline_says_how_often_each_direction_is_inspected():
    from tests.headlines import one_option

    text = one_option([("inspection_rate_export", -0.0225, -0.0229, -0.0221, True),
                       ("inspection_rate_import", 0.0, 0.0, 0.0, False)])
    assert "share of exports inspected (scan, exam or quarantine): 2.25 percentage points lower" \
        in text
    assert "share of imports inspected (scan, exam or quarantine): no change" in text


def test_the_docs_options_are_a_fifth_of_the_imports_tables_but_for_discredited_traders():
    import tomllib

    root = Path(__file__).resolve().parent.parent
    with open(root / "docs/examples/exports/export-tables.toml", "rb") as f:
        options = tomllib.load(f)["options"]
    base = sim.load_scenario("default")
    for name, option in options.items():
        assert sim.load_scenario("default", option["set"]).export_selection, name
    fifth = options["exports_fifth"]["set"]
    for check in ("scan", "physical"):
        mine = fifth[f"export_selection.{check}"]
        assert set(mine) == set(base.selection[check])
        for com, row in mine.items():
            for cls, p in row.items():
                want = base.selection[check][com][cls]
                assert p == (want if cls == "discredited" else pytest.approx(want / 5)), (
                    check, com, cls)


@pytest.mark.parametrize("text", ["cold_chain_mandate+big_data_targeting",
                                  "cold_chain_mandate>double_random", "epidemic+smart_sharing"])
def test_an_imports_only_reform_beside_one_that_turns_the_risk_engine_on_is_not_refused(text):
    """The export table an imports-only reform writes is moot once another reform of the
    option turns the risk engine on (exports are then checked as imports, as with the engine
    on from the start); the option was refused as if the reader had given export tables."""
    from sim.reforms import apply

    base = sim.load_scenario("default")
    assert not base.risk.enabled and not base.export_selection
    done = apply(base, text)
    assert done.risk.enabled and done.export_selection == {}
    assert apply(base, "cold_chain_mandate").export_selection  # (alone: exports kept)


def test_a_scenarios_own_export_table_is_still_refused_when_a_reform_turns_the_risk_engine_on():
    from sim.reforms import apply

    own = sim.load_scenario("default", {"export_selection": {"scan": NONE}})
    with pytest.raises(Exception, match="export selection tables are not read by the risk"):
        apply(own, "cold_chain_mandate+big_data_targeting")


def _only_exported_frozen(export_quarantine: dict) -> dict:
    """The small scenario with frozen goods only exported and no quarantine lane."""
    data = sim.scenario_data(sim.load_scenario(SMALL))
    sea = data["ports"]["sea"]
    sea.pop("quarantine")
    sea["traffic"]["commodities"] = {"general": 1.0}
    sea["exports"]["traffic"] = {"commodities": {"general": 0.9, "frozen": 0.1}}
    data["export_selection"] = {"quarantine": export_quarantine}
    return data


def test_goods_only_exported_need_no_lane_their_export_table_sends_none_to():
    """The imports' table selects frozen goods for quarantine, but no frozen goods are
    imported and exports' own table checks none: the port needs no quarantine lane (it was
    refused, the imports' table read against the exports' commodities)."""
    ok = sim.load_scenario(_only_exported_frozen({}))
    assert ok.probability("quarantine", "frozen", "general", "sea", "export") == 0
    with pytest.raises(Exception) as err:  # (exports' table sending them there: refused)
        sim.load_scenario(_only_exported_frozen({"frozen": {"*": 0.2}}))
    assert "export selection of quarantine sends 'frozen'" in str(err.value)
    assert "[ports.sea.quarantine]" in str(err.value)


def test_an_export_table_where_no_port_has_exports_is_said_to_act_on_nothing(tmp_path, capsys):
    """teaching-mmc's crossing has no exports: an export table there changes no figure, and
    the run says why (it said nothing), in English and in Chinese."""
    from sim.cli import main

    mmc = Path(__file__).resolve().parents[1] / "scenarios" / "teaching-mmc.toml"
    for lang, said in (("en", "export_selection.scan.*.*: no port has exports there"),
                       ("zh", "export_selection.scan.*.*：该情景中没有口岸有出口货物")):
        argv = ["run", str(mmc), "--reps", "1", "--days", "1", "--set",
                "export_selection.scan.*.*=0.5", "--lang", lang, "--out", str(tmp_path / lang)]
        assert main(argv) == 0
        assert said in capsys.readouterr().err, lang
