"""``bordersim paper-table --methods``: a comparison's methods paragraph, every fact read
from the folder (code, scenario, run length, replications, seed, precision target), and its
claim of verification against queueing theory held to the tests that make it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sim.cli import main
from sim.report.paper_methods import VERIFIED, methods_text

TESTS = Path(__file__).parent


@pytest.fixture(scope="module")
def meta(doc1_compare: Path) -> dict[str, Any]:
    return dict(json.loads((doc1_compare / "compare.json").read_text(encoding="utf-8")))


def test_each_fact_is_the_folders(meta: dict[str, Any]) -> None:
    text = methods_text(meta, 2, 2, "c")
    for said in (f"bordersim {meta['version']}", f"build {meta['build']}",
                 f"scenario {meta['scenario']}", str(meta["scenario_hash"])[:12],
                 f"warm-up of {meta['warmup_days']:g} days",
                 f"next {meta['days']:g} observed days", f"drain of {meta['drain_days']:g} days",
                 f"root seed {meta['seed']}", "ran 2 independent replications",
                 "compared 1 option with the baseline", "`bordersim reproduce c`"):
        assert said in text, said
    other = {**meta, "seed": 7, "days": 14, "warmup_days": 14,
             "git": {"commit": "ab" * 20, "dirty": True},
             "precision": 0.05, "precision_on": "differences", "max_reps": 40}
    text = methods_text(other, 10, 12, "c")
    assert "root seed 7" in text and "10 to 12 independent replications" in text
    assert "commit abababababab with uncommitted changes" in text
    assert "within 0.05" in text and "the paired differences" in text and "at most 40" in text
    assert "not whole weeks" not in text and "whole weeks, so" in text
    assert "not whole weeks" in methods_text({**meta, "days": 5}, 2, 2, "c")
    assert "another mix" not in methods_text({**meta, "arrivals_changed": {}}, 2, 2, "c")
    mixed = methods_text({**meta, "arrivals_changed": {"parcels": 120.0}}, 2, 2, "c")
    assert "Option parcels changes which consignments arrive" in mixed


def test_the_verification_it_claims_is_in_the_test_suite() -> None:
    for name in ("erlang_c", "pollaczek_khinchine", "jackson", "little", "organisation"):
        assert (TESTS / f"test_theory_{name}.py").is_file(), name
    scenarios = TESTS.parent / "scenarios"
    for scenario in ("teaching-mmc", "teaching-jackson"):
        assert scenario in VERIFIED and (scenarios / f"{scenario}.toml").is_file()
    assert (TESTS.parent / "docs" / "teaching.md").is_file()


def test_the_command_prints_it_in_either_markup(
    doc1_compare: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["paper-table", str(doc1_compare), "--methods"]) == 0
    out = capsys.readouterr().out
    assert "95 % Student-t" in out and f"`bordersim reproduce {doc1_compare.name}`" in out
    assert main(["paper-table", str(doc1_compare), "--methods", "--format", "latex"]) == 0
    out = capsys.readouterr().out
    assert r"95 \% Student-t" in out and r"\texttt{bordersim reproduce" in out
    assert main(["paper-table", str(doc1_compare), "--methods", "--assumptions"]) == 2
    assert "give one of them" in capsys.readouterr().err
