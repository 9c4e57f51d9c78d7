"""docs/transit.md runs as written: its console line in a copy of docs/examples/transit/, and
the figures its prose quotes are the comparison's; its links lead to files that exist."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest

from tests.doc_pages import console_commands, run_as_written

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGE = DOCS / "transit.md"
EXAMPLES = DOCS / "examples" / "transit"
CONSOLE = re.compile(r"^```console\n(.*?)^```$", re.MULTILINE | re.DOTALL)
CLEARANCE = "clearance_h_mean_port_sea_port_import"


def pc(share: float) -> str:
    """A share as the page writes it: 0.407 is 40.7 %."""
    return f"{100 * share:.1f} %"


def test_the_page_runs_as_written_and_quotes_its_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # (not a results folder a reader's run of the page left there: resumed, it would refuse)
    shutil.copytree(EXAMPLES, tmp_path / "ex", ignore=shutil.ignore_patterns("results"))
    monkeypatch.chdir(tmp_path / "ex")
    commands = [c for body in CONSOLE.findall(PAGE.read_text()) for c in console_commands(body)]
    assert len(commands) == 1
    for command, shown in commands:
        run_as_written(command, shown, capsys)
    with open(tmp_path / "ex" / "results" / "transit" / "summary.csv") as f:
        m = {(r["option"], r["metric"]): float(r["mean"]) for r in csv.DictReader(f)
             if r["metric"].startswith("transit_") or r["metric"] == CLEARANCE}  # fmt: skip
    base, cut = "baseline", "clearance_integration"
    text = " ".join(PAGE.read_text().split())
    share = (m[base, "transit_share"], m[cut, "transit_share"])
    assert f"{pc(share[0])} of imports come in transit in the baseline and {pc(share[1])}" in text
    assert f"spends {m[base, 'transit_h_mean']:.1f} h between the entry port" in text
    part = (m[base, "transit_clearance_share"], m[cut, "transit_clearance_share"])
    assert f"{pc(part[0])} of the imports' mean clearance time in the baseline and " in text
    assert f"and {pc(part[1])} with integration" in text
    both = (m[base, CLEARANCE], m[cut, CLEARANCE])
    assert f"from {both[0]:.1f} h to {both[1]:.1f} h" in text


def test_its_links_lead_to_files() -> None:
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", PAGE.read_text()):
        assert (DOCS / target).exists(), target
