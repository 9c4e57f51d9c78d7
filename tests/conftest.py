"""Shared fixtures: small scenario files written on the fly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# no plain progress lines on the captured stderr of long tests (tests/test_progress.py
# asks for them); subprocesses inherit it
os.environ.setdefault("BORDERSIM_PROGRESS_EVERY", "0")

HERE = Path(__file__).parent
SMALL = HERE / "scenarios" / "small.toml"


@pytest.fixture
def small_text() -> str:
    return SMALL.read_text()


@pytest.fixture
def write(tmp_path: Path):
    """Write a scenario file into a temporary folder and return its path."""

    def _write(text: str, name: str = "scenario.toml") -> Path:
        path = tmp_path / name
        path.write_text(text)
        return path

    return _write


@pytest.fixture(scope="session")
def doc1_compare(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A finished comparison folder, read only: small.toml against one document officer
    (``doc1``), two replications of a day, no report. Shared by the tests that read a
    comparison's tables (cut intervals, paper tables) so that it is simulated once a
    session, not once a test module; a test that changes it works on a copy."""
    from sim.cli import main

    out = tmp_path_factory.mktemp("doc1-compare") / "c"
    argv = ["compare", str(SMALL), "--option", "doc1:ports.sea.document_check.capacity=1",
            "--days", "1", "--reps", "2", "--no-report", "--out", str(out)]
    assert main(argv) == 0
    return out


@pytest.fixture(autouse=True, scope="session")
def _console_in_english():
    """The tests read the console in English: a ``BORDERSIM_LANG`` set on the machine (a
    workshop's, a developer's) is left out of their environment, subprocesses included;
    the tests of the Chinese console set it themselves."""
    import os

    said = os.environ.pop("BORDERSIM_LANG", None)
    yield
    if said is not None:
        os.environ["BORDERSIM_LANG"] = said


@pytest.fixture(autouse=True, scope="session")
def _writes_not_synced():
    """Results folders written in the tests are not flushed to the disk (``os.fsync`` does
    nothing in this process): the writes, temporary files and renames of
    ``sim.experiment.store.atomic_write`` run as ever, only their durability against a
    power cut, which no test can see, is left out. About a fifth of a small comparison's
    time went to syncing; subprocesses of the tests still sync."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(os, "fsync", lambda fd: None)
        yield


@pytest.fixture(autouse=True, scope="session")
def _figures_left_out():
    """Reports made in the tests leave their plots undrawn and unbuilt (drawing is about three
    fifths of a small report's time, building a third of the rest); a check of a folder
    (``report --check``) still builds them. Tests marked ``drawn``, those that read the
    plots, draw them (see :func:`_drawn`)."""
    from sim.report.plots import figures_left_out

    with figures_left_out(built=False):
        yield


@pytest.fixture(autouse=True)
def _drawn(request):
    """A test marked ``drawn`` draws the plots of the reports it makes (not those of
    fixtures made before it: a drawn test makes its own report)."""
    if not request.node.get_closest_marker("drawn"):
        yield
        return
    from sim.report.plots import figures_left_out

    with figures_left_out(False):
        yield


def pytest_collection_modifyitems(config, items):
    """The full battery (``-m battery``) runs only when asked for by marker."""
    if "battery" in (config.option.markexpr or ""):
        return
    skip = pytest.mark.skip(reason="the full battery runs with -m battery")
    for item in items:
        if "battery" in item.keywords:
            item.add_marker(skip)
