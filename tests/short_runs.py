"""A bundled scenario run short, for tests that read what a command says about its settings
(notes), not its figures."""

from __future__ import annotations

from pathlib import Path


def short_run(tmp_path: Path, scenario: str | Path, drain_days: float | None = 1) -> str:
    """``scenario`` without its warm-up and with ``drain_days`` (None: its own), as a file
    that extends it: notes drawn from the scenario's settings are the same over a run of 2
    or 3 days as over one of 23 to 58. A ``--set`` of the run's length would not do: it
    acts, and so hides a note that every ``--set`` key acts on nothing."""
    path = tmp_path / f"short-{Path(scenario).name}"
    drain = "" if drain_days is None else f"drain_days = {drain_days:g}\n"
    path.write_text(f'extends = "{scenario}"\nwarmup_days = 0\n{drain}')
    return str(path)
