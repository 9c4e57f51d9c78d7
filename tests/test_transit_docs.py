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
              lambda name: name.startswith("transit_") or name == CLEARANCE
              or name.endswith(("_transit_import", "_direct_import", "_integrated_import")))
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
    _the_groups_side_by_side(m, text)


def _the_groups_side_by_side(m: dict[tuple[str, str], float], text: str) -> None:
    """The imports in transit, under integration and cleared directly: each side's count,
    mean and p90, and what integration does to the goods it covers (against the baseline's
    transit goods, which they were), as the page quotes them."""
    def group(side: str, kind: str) -> tuple[str, str, str]:
        n = m[side, f"clearance_n_{kind}_import"]
        h = (m[side, f"clearance_h_{s}_{kind}_import"] for s in ("mean", "p90"))
        return (f"{n:,.0f}", *(f"{x:.1f} h" for x in h))

    n, mean, p90 = group("baseline", "transit")
    assert f"{n} imports in transit were released, in {mean} on average" in text
    assert f"from the entry port (p90 {p90})" in text
    n, mean, p90 = group("baseline", "direct")
    assert f"against {n} imports cleared directly in {mean} (p90 {p90})" in text
    n, mean, p90 = group("clearance_integration", "transit")
    assert f"With integration {n} imports were still in transit, in {mean} (p90 {p90});" in text
    n, mean, p90 = group("clearance_integration", "integrated")
    assert f"{n} were under integration, in {mean} from their arrival at the entry port " \
           f"(p90 {p90})" in text
    same, mean, p90 = group("clearance_integration", "direct")
    assert same == group("baseline", "direct")[0]
    assert f"and the same {same} cleared directly, in {mean} (p90 {p90})" in text
    was, now = group("baseline", "transit"), group("clearance_integration", "integrated")
    saved = (m["baseline", "clearance_h_mean_transit_import"]
             - m["clearance_integration", "clearance_h_mean_integrated_import"])
    assert f"a transit import took {was[1]}; under integration they take {now[1]}, " \
           f"{saved:.1f} h less each" in text
    assert f"their p90 falls from {was[2]} to {now[2]}" in text
    fall = (m["baseline", "clearance_h_mean_transit_import"]
            - m["clearance_integration", "clearance_h_mean_transit_import"])
    assert f"make the same journey ({fall:.1f} h less;" in text


def test_its_links_lead_to_files() -> None:
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", PAGE.read_text()):
        assert (DOCS / target).exists(), target
