"""docs/aeo-trader.md holds: its commands name only metrics and reforms the default scenario
takes, its yearly snippet scales each moved group's change at the port by the trader's own
consignments of that direction (and nothing else), and the README and the guide link it."""

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
PAGE = ROOT / "docs" / "aeo-trader.md"
BLOCK = re.compile(r"^```(sh|python)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _blocks(kind: str) -> list[str]:
    return [body for k, body in BLOCK.findall(PAGE.read_text()) if k == kind]


def test_the_commands_name_what_the_default_scenario_takes():
    known = metric_names(sim.load_scenario(sim.default_scenario_path()))
    (run,), (compare,), (pays,), (partners,), (keeps,) = (
        [shlex.split(line) for line in b.splitlines()] for b in _blocks("sh"))
    assert run[:2] == ["bordersim", "run"] and compare[:2] == ["bordersim", "compare"]
    picked = shown([run[run.index("--show") + 1]], known)
    # each of the four classes' imports and exports: inspection rate, mean and p90
    assert len(picked) == 3 * 4 * 2, picked
    for name in re.findall(r"`([a-z0-9_]+_port_sea_port_[a-z]+)`", PAGE.read_text()):
        assert name in known, name
    reforms = compare[compare.index("--reforms") + 1: compare.index("--reps")]
    assert any(r.startswith("credit_downgrade:") for r in reforms)
    base = sim.load_scenario(sim.default_scenario_path(), {"days": 1})
    for spec in reforms:
        assert parse(spec).apply(base) is not None
    # the payback's command: the trader's figures are compare's options, its reform certifies
    from sim.cli import build_parser

    asked = build_parser().parse_args(pays[1:])
    assert asked.declarations_a_year > 0 and asked.certification_once is not None
    assert asked.certification_a_year is not None
    assert [r.split(":")[0] for r in asked.reforms] == ["aeo_mutual_recognition"]
    assert parse(asked.reforms[0]).apply(base) is not None
    # the partners' AEOs' imports: a reform of its own, no payback asked
    partnered = build_parser().parse_args(partners[1:])
    assert [r.split(":")[0] for r in partnered.reforms] == ["aeo_partner_recognition"]
    assert partnered.declarations_a_year is None
    assert parse(partnered.reforms[0]).apply(base) is not None
    # a certified trader's: the same figures, its reform takes the status away
    kept = build_parser().parse_args(keeps[1:])
    assert kept.declarations_a_year > 0 and kept.certification_a_year is not None
    assert [r.split(":")[0] for r in kept.reforms] == ["aeo_lapse"]
    assert parse(kept.reforms[0]).apply(base) is not None
    assert "[docs/aeo-trader.md](docs/aeo-trader.md)" in (ROOT / "README.md").read_text()
    assert "(aeo-trader.md)" in (ROOT / "docs" / "README.md").read_text()


def test_the_yearly_snippet_scales_the_moved_groups_at_the_port(tmp_path, monkeypatch, capsys):
    rows = []
    for port in ("sea_port", "land_border"):
        for direction, change in (("import", -40.0), ("export", -10.0)):
            for group in ("general → aeo_advanced", "general", "aeo_advanced"):
                rows.append({"option": "a", "measure": "trader_cost", "dimension": "trader_class",
                             "port": port, "direction": direction, "group": group, "unit": "USD",
                             "n": 100, "reps": 3, "mean_change": change, "ci_low": change - 5,
                             "ci_high": change + 5, "share_worse": 0.0, "share_better": 0.5,
                             "baseline_mean": 1000.0,
                             **dict.fromkeys(PER_CONTAINER, math.nan)})  # fmt: skip
    frame = pd.DataFrame(rows)
    assert list(frame.columns) == ["option", *KEYS, "unit", *POOLED]  # (gains.csv's header)
    (tmp_path / "results" / "aeo").mkdir(parents=True)
    frame.to_csv(tmp_path / "results" / "aeo" / "gains.csv", index=False)
    monkeypatch.chdir(tmp_path)
    (snippet,) = _blocks("python")
    scope: dict[str, object] = {}
    exec(compile(snippet, str(PAGE), "exec"), scope)  # noqa: S102 (the page's own code)
    table = scope["table"]
    assert isinstance(table, pd.DataFrame)
    assert len(table) == 2  # the port's moved group, imports and exports: no other row
    per_year = scope["per_year"]
    assert isinstance(per_year, dict)
    for key, row in table.iterrows():
        assert isinstance(key, tuple)
        _, group, _, direction = key
        assert group == "general → aeo_advanced"
        assert row["mean_change_a_year"] == pytest.approx(row["mean_change"] * per_year[direction])
        assert row["ci_low_a_year"] == pytest.approx((row["mean_change"] - 5) * per_year[direction])
    capsys.readouterr()
