"""docs/customs-broker.md holds: its commands name metrics and reforms the default scenario
takes (the border's part of a box's cost by port among them), its AEO snippet weighs the
certified traders' saving at the port, scaled by the client's declarations, against the
certification's yearly cost (and nothing else), and the guide links it."""

from __future__ import annotations

import math
import re
import shlex
from pathlib import Path

import pandas as pd
import pytest

import sim
from sim.experiment.gains import KEYS, PER_CONTAINER, POOLED
from sim.experiment.metric_names import metric_names, shown
from sim.reforms.compose import parse

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "customs-broker.md"
BLOCK = re.compile(r"^```(sh|python)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _blocks(kind: str) -> list[str]:
    return [body for k, body in BLOCK.findall(PAGE.read_text()) if k == kind]


def test_the_commands_name_what_the_default_scenario_takes():
    known = metric_names(sim.load_scenario(sim.default_scenario_path()))
    (run,), (compare,) = ([shlex.split(line) for line in b.splitlines()] for b in _blocks("sh"))
    assert run[:2] == ["bordersim", "run"] and compare[:2] == ["bordersim", "compare"]
    picked = shown([run[run.index("--show") + 1]], known)
    assert "border_burden_per_container_port_sea_port_import" in picked
    assert "border_burden_per_container_port_land_border_export" in picked
    for name in re.findall(r"`([a-z0-9_]+_port_(?:sea_port|land_border)_[a-z]+)`",
                           PAGE.read_text()):
        assert name in known, name
    reforms = compare[compare.index("--reforms") + 1: compare.index("--reps")]
    assert any(r.startswith("aeo_mutual_recognition:") for r in reforms)
    base = sim.load_scenario(sim.default_scenario_path(), {"days": 1})
    for spec in reforms:
        assert parse(spec).apply(base) is not None
    assert "(customs-broker.md)" in (ROOT / "docs" / "README.md").read_text()


def _gains(imports: float, exports: float) -> pd.DataFrame:
    rows = []
    for option in ("aeo_mutual_recognition.shift-0.05", "two_step_declaration"):
        for port in ("sea_port", "land_border"):
            for direction, change in (("import", imports), ("export", exports)):
                for group in ("general → aeo_advanced", "general", "aeo_advanced"):
                    for measure in ("trader_cost", "clearance"):
                        rows.append({
                            "option": option, "measure": measure,
                            "dimension": "trader_class", "port": port,
                            "direction": direction, "group": group, "unit": "USD", "n": 100,
                            "reps": 3, "mean_change": change, "ci_low": change - 5,
                            "ci_high": change + 5, "share_worse": 0.0, "share_better": 0.5,
                            "baseline_mean": 1000.0,
                            **dict.fromkeys(PER_CONTAINER, math.nan),
                        })
    frame = pd.DataFrame(rows)
    assert list(frame.columns) == ["option", *KEYS, "unit", *POOLED]  # (gains.csv's header)
    # only the certified traders' cost at the port may count: the rest differ
    other = (frame.group != "general → aeo_advanced") | (frame.port != "sea_port")
    other |= (frame.measure != "trader_cost") | (frame.option == "two_step_declaration")
    frame.loc[other, ["mean_change", "ci_low", "ci_high"]] = 1e6
    return frame


@pytest.mark.parametrize(("imports", "exports"), [(-40.0, -10.0), (-3.0, 1.0)])
def test_the_aeo_snippet_weighs_the_ports_saving_against_the_certification(
        imports, exports, tmp_path, monkeypatch, capsys):
    (tmp_path / "results" / "broker").mkdir(parents=True)
    _gains(imports, exports).to_csv(tmp_path / "results" / "broker" / "gains.csv", index=False)
    monkeypatch.chdir(tmp_path)
    (snippet,) = _blocks("python")
    scope: dict[str, object] = {}
    exec(compile(snippet, str(PAGE), "exec"), scope)  # noqa: S102 (the page's own code)
    a_month, cost = scope["a_month"], scope["certification_a_year"]
    assert isinstance(a_month, dict) and isinstance(cost, float)
    want = -(imports * a_month["import"] + exports * a_month["export"]) * 12
    saving, net = scope["saving"], scope["net"]
    assert isinstance(saving, dict) and isinstance(net, dict)
    assert saving["mean"] == pytest.approx(want)
    assert saving["low"] == pytest.approx(want - 5 * 12 * sum(a_month.values()))
    assert net["mean"] == pytest.approx(want - cost)
    per = want / 12 / sum(a_month.values())
    assert scope["break_even"] == pytest.approx(cost / 12 / per)
    said = capsys.readouterr().out
    assert f"pays from {cost / 12 / per:,.0f} declarations a month" in said


def test_the_query_and_channel_commands_show_what_the_default_scenario_names():
    """The sections on queried declarations and stuck ones: each command's --show picks
    names of the default scenario, and every review or channel metric the page names is
    one of its names."""
    known = metric_names(sim.load_scenario(sim.default_scenario_path()))
    lines = re.findall(r"^\$ (bordersim .*)$", PAGE.read_text(), re.MULTILINE)
    assert len(lines) == 2
    for line in lines:
        words = shlex.split(line)
        assert shown([words[words.index("--show") + 1]], known)
    named = re.findall(r"`((?:review_rate|[a-z_]+_channel_)[a-z0-9_]*)`", PAGE.read_text())
    assert "review_rate" in named
    for name in named:
        if "<" not in name and not name.endswith("_"):
            assert name in known.names, name
