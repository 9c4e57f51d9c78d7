"""The README's claim of how long ``make demo`` takes counts the simulations the Makefile's
demo runs (replications x options, the baseline among them), so that the claim is redone
when the demo grows; the seconds each takes were measured (one replication of the default,
56 observed days: about 10 s of processor time on an idle machine)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_readme_counts_the_demos_simulations():
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    options = re.search(r"^DEMO_OPTIONS :=(.*?)\n(?!\s)", make, re.S | re.M)
    assert options is not None
    demo = make.split("\ndemo:", 1)[1].split("\n\n", 1)[0]
    reps = re.search(r"--reps (\d+)", demo)
    assert reps is not None
    runs = int(reps.group(1)) * (1 + options.group(1).count("--option"))
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"{runs} simulations of about 10 s of processor time each, two at a time" in readme
    assert "about a minute on two idle cores" not in readme
