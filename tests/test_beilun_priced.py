"""docs/examples/beilun-costs/priced.toml: beilun-border with the ports' staff, posts,
scanners and laboratory priced beside the patrols, so a reform's cost to the state at the
border is whole. The bundled scenario prices nothing, and its `--set` pricing covers only
the patrols (docs/smuggling.md). A one-day run."""

from __future__ import annotations

from pathlib import Path

import sim

ROOT = Path(__file__).resolve().parents[1]
PRICED = ROOT / "docs" / "examples" / "beilun-costs" / "priced.toml"
SHORT = {"days": 1, "warmup_days": 0, "drain_days": 0}


def test_the_priced_example_costs_every_port_lane_and_post_beside_the_patrols():
    s = sim.load_scenario(PRICED, SHORT)
    a = sim.simulate(s, 1).agency
    assert a is not None
    staffed = {(str(r.port), str(r.item)) for r in a.itertuples() if r.kind == "staff"}
    for port in ("dongxing", "fangchenggang"):
        lanes = {"declaration_review", "document_check", "exam_teams", "quarantine_officers",
                 "scanners", "image_officers"}
        assert {(port, lane) for lane in lanes} <= staffed
        posts = a[(a["port"] == port) & (a["kind"] == "posts")]
        assert float(posts["cost"].sum()) > 0.0
    patrols = a[a["item"].astype(str).str.startswith("patrol:")]
    assert len(patrols) == len([r for r in s.smuggling.routes.values() if r.patrol])
    assert float(a["cost"].sum()) > 2 * float(patrols["cost"].sum())


def test_the_smuggling_page_points_to_the_priced_example():
    page = (ROOT / "docs" / "smuggling.md").read_text(encoding="utf-8")
    assert "examples/beilun-costs/priced.toml" in page
