"""docs/disruptions.md runs as written: each ``$ bordersim ...`` line of its console block in a
copy of docs/examples/disruptions/, printing what the page shows; the clearance times its
prose quotes are the comparison's; its links lead to files that exist."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest

from tests.doc_pages import console_commands, run_as_written

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGE = DOCS / "disruptions.md"
EXAMPLES = DOCS / "examples" / "disruptions"
CONSOLE = re.compile(r"^```console\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _commands() -> list[tuple[str, list[str]]]:
    """Each ``$ `` line of the page's console blocks with the lines printed after it."""
    return [c for body in CONSOLE.findall(PAGE.read_text()) for c in console_commands(body)]


def test_the_page_runs_as_written_and_quotes_its_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "ex")
    monkeypatch.chdir(tmp_path / "ex")
    commands = _commands()
    assert len(commands) == 2
    for command, shown in commands:
        run_as_written(command, shown, capsys)
    with open(tmp_path / "ex" / "results" / "disruptions" / "summary.csv") as f:
        era_2 = {
            r["option"]: float(r["mean"])
            for r in csv.DictReader(f)
            if r["metric"] == "clearance_h_mean_era_2"
        }
    text = " ".join(PAGE.read_text().split())
    assert f"take {era_2['typhoon']:.1f} h on average to clear against" in text
    assert f"against {era_2['baseline']:.1f} h in the baseline" in text
    assert f"reopening day's clearance to {era_2['typhoon_overtime']:.1f} h" in text
    reps = tmp_path / "ex" / "results" / "disruptions" / "options" / "typhoon_overtime" / "reps"
    with open(reps / "rep-0000-agency.csv") as f:
        overtime = {r["item"]: float(r["quantity"]) for r in csv.DictReader(f)
                    if r["kind"] == "overtime"}
    assert (
        f"{overtime['declaration_review']:.1f} officer-hours at the review desk and "
        f"{overtime['document_check']:.1f} at the document check" in text
    )


def test_its_links_lead_to_files() -> None:
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", PAGE.read_text()):
        assert (DOCS / target).exists(), target
