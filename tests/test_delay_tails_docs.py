"""docs/delay-tails.md holds: its commands name only metrics the default scenario yields with
its targets and parse as the command line reads them, its pricing snippet runs on a real
results folder and gives one row per port, direction and commodity, and the README links it."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pandas as pd
import pytest

import sim
from sim.cli import main
from sim.experiment.metric_names import metric_names, shown

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "delay-tails.md"
BLOCK = re.compile(r"^```(sh|python)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
TARGETS = [48, 72, 168]


def _blocks(kind: str) -> list[str]:
    return [body for k, body in BLOCK.findall(PAGE.read_text()) if k == kind]


def test_the_page_names_only_metrics_the_scenario_yields():
    known = metric_names(sim.load_scenario(sim.default_scenario_path(),
                                           {"within_hours": TARGETS}))
    text = PAGE.read_text()
    for name in set(re.findall(r"delay_share_over_[0-9]+h_[a-z_]+(?<!_)", text)):
        assert name in known, name
    commands = [shlex.split(c) for c in _blocks("sh")[0].replace("\\\n", " ").splitlines()
                if not c.startswith("#")]  # (a label line, for the docs-figures check)
    assert [c[:2] for c in commands] == [["bordersim", "run"], ["bordersim", "compare"]]
    for argv in commands:
        assert argv[argv.index("--set") + 1] == f"within_hours=[{','.join(map(str, TARGETS))}]"
        picked = shown([argv[argv.index("--show") + 1]], known)
        assert len(picked) == 4 * (1 + 6)  # (24 h and 3 targets; all and six commodities)
    assert "[docs/delay-tails.md](docs/delay-tails.md)" in (ROOT / "README.md").read_text()
    assert "(delay-tails.md)" in (ROOT / "docs" / "README.md").read_text()


def test_the_pricing_snippet_runs_on_a_results_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    argv = ["run", "--reps", "2", "--days", "2", "--set", "warmup_days=1",
            "--set", "within_hours=[48,72,168]", "--out", "results/tails"]
    assert main(argv) == 0
    capsys.readouterr()
    (snippet,) = _blocks("python")
    scope: dict[str, object] = {}
    exec(compile(snippet, str(PAGE), "exec"), scope)  # noqa: S102 (the page's own code)
    table = scope["table"]
    assert isinstance(table, pd.DataFrame)
    assert ("port", "direction", "commodity") == tuple(table.index.names)
    assert ("sea_port", "import", "frozen") in table.index
    assert ("sea_port", "import", "all") in table.index
    assert sorted(table["mean"].columns) == ["168h", "24h", "48h", "72h"]
    row = table.loc[("sea_port", "import", "all")]
    assert row[("mean", "24h")] >= row[("mean", "48h")] >= row[("mean", "72h")]
    with pytest.raises(KeyError):
        table.loc[("post_hub", "export", "frozen")]  # (not carried there: not named)
