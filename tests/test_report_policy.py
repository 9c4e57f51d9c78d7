"""Every HTML report carries a policy that lets it run no script and fetch nothing: text from
files someone else wrote, should its escaping ever be missed, cannot act in the reader's
browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim.cli import main
from sim.report.page_policy import META, POLICY

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
TINY = ["--days", "1", "--set", "warmup_days=1", "--set", "drain_days=2", "--reps", "2"]


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("policy")
    runs = {
        "compare": ["compare", str(SMALL), "--option", "review4:ports.sea.review.capacity=4"],
        "sweep": ["sweep", str(SMALL), "--param", "ports.sea.review.capacity=2,4"],
    }
    out = {}
    for kind, argv in runs.items():
        assert main([*argv, *TINY, "--out", str(root / kind)]) == 0
        if not (root / kind / "report.html").exists():
            assert main(["report", str(root / kind)]) == 0
        out[kind] = (root / kind / "report.html").read_text(encoding="utf-8")
    return out


@pytest.mark.parametrize("kind", ["compare", "sweep"])
def test_the_policy_is_in_the_head_of_every_report(reports, kind):
    page = reports[kind]
    head = page[: page.index("</head>")]
    assert META in head
    assert head.index(META) < head.index("<title>")  # (before any text from a file)


@pytest.mark.parametrize("kind", ["compare", "sweep"])
def test_a_report_needs_nothing_the_policy_forbids(reports, kind):
    """The policy blocks nothing the report uses: no script, every image embedded."""
    page = reports[kind]
    assert "<script" not in page.lower()
    sources = re.findall(r"""\ssrc=["']([^"']*)""", page)
    assert sources and all(s.startswith("data:image/") for s in sources)


def test_the_policy_forbids_scripts_and_fetches():
    rules = dict(r.strip().split(" ", 1) for r in POLICY.split(";"))
    assert rules["default-src"] == "'none'" and "script-src" not in rules
    assert rules["img-src"] == "data:" and rules["form-action"] == "'none'"
