"""docs/returned-declarations.md runs as written: its console line in a copy of
docs/examples/returned/, and the figures its prose quotes are the comparison's; its links
lead to files that exist."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.doc_pages import means, run_page

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGE = DOCS / "returned-declarations.md"
EXAMPLES = DOCS / "examples" / "returned"


def pc(share: float) -> str:
    """A share as the page writes it: 0.051 is 5.1 %."""
    return f"{100 * share:.1f} %"


def test_the_page_runs_as_written_and_quotes_its_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ex = run_page(PAGE, EXAMPLES, tmp_path, monkeypatch, capsys)
    m = means(ex / "results" / "returns" / "summary.csv", lambda m: m.startswith("returned_"))
    base, cut = "baseline", "fewer_returns"
    text = " ".join(PAGE.read_text().split())
    share = (m[base, "returned_share"], m[cut, "returned_share"])
    assert f"{pc(share[0])} are returned in the baseline and {pc(share[1])} with" in text
    assert f"takes {m[base, 'returned_h_mean']:.1f} h from its return" in text
    added = (m[base, "returned_h_added"], m[cut, "returned_h_added"])
    assert f"returns add {added[0]:.3f} h to release time in the baseline and" in text
    assert f"and {added[1]:.3f} h with the cut" in text
    part = (m[base, "returned_clearance_share"], m[cut, "returned_clearance_share"])
    assert f"{pc(part[0])} of the mean clearance time against {pc(part[1])}" in text


def test_its_links_lead_to_files() -> None:
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", PAGE.read_text()):
        assert (DOCS / target).exists(), target


def test_the_results_it_writes_in_the_examples_folder_are_not_left_for_git() -> None:
    """Run as the page says (in docs/examples/returned/), its --out lands in the checkout:
    ignored, so that following the page leaves the working tree clean."""
    root = DOCS.parent
    if not (root / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout")
    written = EXAMPLES / "results" / "returns" / "summary.csv"
    ignored = subprocess.run(["git", "check-ignore", "-q", str(written.relative_to(root))],
                             cwd=root, check=False)
    assert ignored.returncode == 0
