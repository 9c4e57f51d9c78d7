"""The risk engine's targets under a run's console table (sim.report.risk_targets): each
achieved-rate row's target, a port's own where it has one, none without an engine on."""

from __future__ import annotations

import re
from pathlib import Path

import sim
from sim.report.risk_targets import ROW, static_line, target_line

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
ROWS = [ROW.format(p="sea", d=d) for d in ("import", "export")]


def test_each_rows_target_is_named_a_ports_own_first():
    on = sim.load_scenario(SMALL, {"risk.target": 0.05})
    line = target_line(on, ROWS)
    assert "sea_import 5 %, sea_export 5 %" in line and "risk-achieved.csv" in line
    own = sim.load_scenario(SMALL, {"risk.target": 0.05, "risk.ports.sea.target": 0.2})
    assert "sea_import 20 %, sea_export 20 %" in target_line(own, ROWS)
    assert "sea_import 5 %" in target_line(on, ROWS, "zh")
    assert "sea_export" not in target_line(on, ROWS[:1])  # (only the rows shown)


def test_none_without_an_engine_or_its_rows():
    off = sim.load_scenario(SMALL, {"risk.target": 0.05, "risk.enabled": False})
    assert target_line(off, ROWS) == ""
    assert target_line(sim.load_scenario(SMALL), ROWS) == ""
    assert target_line(sim.load_scenario(SMALL, {"risk.target": 0.05}), []) == ""


def _suggested(line: str) -> dict[str, object]:
    """The ``--set KEY=VALUE`` a static line suggests, as an override."""
    found = re.search(r"--set ([a-z_.]+)=(true|[0-9.]+)", line)
    assert found, line
    key, value = found.groups()
    return {key: True if value == "true" else float(value)}


def test_static_selection_is_said_with_how_to_switch_the_engine_on():
    off = sim.load_scenario(SMALL, {"risk.target": 0.05, "risk.enabled": False})
    absent = sim.load_scenario(SMALL)
    assert absent.risk is None
    for scenario, why in ((off, "risk.enabled = false"), (absent, "no [risk] section")):
        line = static_line(scenario)
        assert "static selection tables" in line and why in line, line
        assert "risk-achieved.csv" in line and "\n" not in line
        assert "静态布控表" in static_line(scenario, "zh")
        # what it suggests switches the engine on, on this very scenario
        overrides = {"risk.target": 0.05, "risk.enabled": False} if scenario is off else {}
        on = sim.load_scenario(SMALL, {**overrides, **_suggested(line)})
        assert on.risk is not None and on.risk.enabled, line
        assert _suggested(line) == _suggested(static_line(scenario, "zh"))
    assert static_line(sim.load_scenario(SMALL, {"risk.target": 0.05})) == ""


def test_a_run_table_says_its_selection_was_static(tmp_path, capsys):
    from sim.cli import main

    assert main(["run", str(SMALL), "--days", "1", "--reps", "1", "--out",
                 str(tmp_path / "r")]) == 0
    out = capsys.readouterr().out
    assert "static selection tables" in out and "--set risk.target=0.03" in out


def test_the_static_line_says_what_the_engine_and_its_auc_are():
    """Every run of the default scenario prints this line, a newcomer's first meeting with
    the risk engine and its AUC: each is explained where it is named, in both languages."""
    absent = sim.load_scenario(SMALL)
    for lang, open_ in (("en", " ("), ("zh", "（")):
        line = static_line(absent, lang)
        engine, auc = line.split("risk_auc", 1)
        assert auc.startswith(open_) and "0.5" in auc.split(")" if lang == "en" else "）")[0]
        assert ("scores every declaration" if lang == "en" else "打风险分") in engine
