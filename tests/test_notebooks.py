"""The notebooks in notebooks/ run from top to bottom (short runs), with the project's Python."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))

#: Notebooks whose conclusions are computed from the run they make and printed, not quoted in
#: their text, and sentences those printed conclusions must contain (so a cell that stops
#: printing its reading fails).
CONCLUSIONS = {
    "01-quickstart.ipynb": [
        "A fourth scanner: overall clearance ",
        "AI clearing 90 %: overall clearance ",
        "AI clearing 90 % changes the value slipped by ",
        "So a fourth scanner ",
    ],
    "02-spindle-vs-dumbbell.ipynb": [
        "Staff cost per year ",
        "Mean escalation latency: the spindle ",
        "90th percentile of import clearance: the spindle ",
        "The dumbbell against the spindle, the same seeds",
        "mean escalation latency: ",
    ],
    "03-targeting-and-smuggling.ipynb": [
        "Options flagged unstable: ",
        " warnings in res.warnings); ",
        " warnings in res2.warnings).",
        "The baseline (the risk engine at the scenario's own target rate and AUCs) detects ",
        "Highest detection: ",
        "AUC 0.65 to 0.85 at the same target rate changes detection by ",
        "the number of attempts on the river (baseline ",
        "The number of attempts deterred (not smuggling at all) ",
        "So the doubled patrol ",
        "the total value slipped: value_slipped_total (baseline ",
        "Break-even perceived detection ",
    ],
    "04-reform-portfolio.ipynb": [
        "efficient set: ",
        "Mean import clearance changes by ",
        "The total cost per consignment changes by ",
        "Smart image review: mean import clearance ",
        "The state paying for exams that find nothing changes ",
        "The efficient set: ",
        "Mean import clearance with the single window used by 0%, 50%, 100% of traders: ",
        "From none to half of the traders mean import clearance changes by ",
        "As an option of sim.compare, half the traders using it changes mean import clearance",
        "the same runs as the sweep's point at one half: True.",
    ],
    "05-sensitivity.ipynb": [
        "Mean import clearance with 2, 3, 4 scanners: ",
        "From 2 to 4 scanners mean import clearance ",
        "ports.sea_port.scan.image_review.ai_clear: total index ",
    ],
    "06-teaching-queues.ipynb": [
        "Wq: simulated ",
        "C(c, a): simulated ",
        "L_s: simulated ",
        "M/M/2 against Erlang C: ",
        "arrivals an hour, ",
        "Lq - lambda Wq (per replication): simulated ",
        "Little's law on the run's figures: Lq - lambda Wq is ",
        "E[T], mean sojourn: simulated ",
        "Jackson network: mean sojourn simulated ",
    ],
}
#: a result figure: a decimal (4.43, 0.001) or a number with thousands separators (123,000)
FIGURE = re.compile(r"\d\.\d|\d,\d{3}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path, tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    monkeypatch.setenv("BORDERSIM_QUICK", "1")
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    monkeypatch.chdir(tmp_path)
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    # jupyter_client starts a "python3" kernel with sys.executable: this venv's interpreter
    client.execute()
    assert os.environ["BORDERSIM_QUICK"] == "1"
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs)
    printed = "".join(o.get("text", "") for o in outputs if o.get("name") == "stdout")
    missing = [s for s in CONCLUSIONS.get(path.name, []) if s not in printed]
    assert not missing, f"{path.name} did not print its conclusions: {missing}"


@pytest.mark.parametrize("name", sorted(CONCLUSIONS))
def test_text_quotes_no_result_figures(name):
    """Results change with the code and with the run's length: a notebook that prints its
    conclusions leaves figures out of its text (inline code such as `risk.target=0.05` aside)."""
    nb = json.loads((REPO / "notebooks" / name).read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            text = re.sub(r"`[^`]*`", "", "".join(cell["source"]))
            assert not FIGURE.search(text), f"{name}: a figure in the text: {text[:200]}"


def test_a_notebook_renders_to_html():
    """`make notebooks` renders them with nbconvert (here one, without executing it)."""
    nbformat = pytest.importorskip("nbformat")
    nbconvert = pytest.importorskip("nbconvert")
    nb = nbformat.read(NOTEBOOKS[0], as_version=4)
    html, _ = nbconvert.HTMLExporter().from_notebook_node(nb)
    assert "<html" in html and "bordersim quick start" in html


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_steady_state_is_said_only_where_it_was_checked(path):
    """No option flagged unstable is not steady-state when the run observed too few whole
    weeks to see a queue that keeps rising: a cell that prints "steady-state" of a
    comparison reads its ``steady_state`` (NA: not checked), not ``unstable`` alone."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code" and "is steady-state" in source:
            assert "steady_state" in source, f"{path.name}: {source[:200]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_a_notebook_takes_the_python_faces_of_the_api(path):
    """A function ``sim`` gives in Python's words (``sim.sobol``: ``n=8`` for ``--sobol 8``)
    is not imported from its module, whose function keeps the command line's words."""
    import sim

    wrapped = {n for n in sim.__all__ if hasattr(getattr(sim, n), "__wrapped__")}
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in (c for c in nb["cells"] if c["cell_type"] == "code"):
        for line in "".join(cell["source"]).splitlines():
            found = re.match(r"\s*from (sim\.[\w.]+) import (.+)", line)
            names = set(re.findall(r"\w+", found[2])) if found else set()
            assert not names & wrapped, f"{path.name}: {line} (use sim.{min(names & wrapped)})"
