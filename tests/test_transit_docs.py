"""docs/transit.md runs as written: its console line in a copy of docs/examples/transit/, and
the figures its prose quotes are the comparison's; its links lead to files that exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.doc_pages import means, run_page

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGE = DOCS / "transit.md"
EXAMPLES = DOCS / "examples" / "transit"
CLEARANCE = "clearance_h_mean_port_sea_port_import"


def pc(share: float) -> str:
    """A share as the page writes it: 0.407 is 40.7 %."""
    return f"{100 * share:.1f} %"


def test_the_page_runs_as_written_and_quotes_its_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ex = run_page(PAGE, EXAMPLES, tmp_path, monkeypatch, capsys)
    m = means(ex / "results" / "transit" / "summary.csv",
              lambda name: name.startswith("transit_") or name == CLEARANCE)
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
