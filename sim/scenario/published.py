"""The published figures bundled beside a bundled scenario (``<name>.published.csv``): what
``run --observed published`` sets beside the run's figures.

A researcher who cites a scenario first asks whether it reproduces the published figures it
claims to rest on. The file names each figure's metric, its value, a label (``fitted:`` when
the figure set an input, so matching it checks the fit; ``not fitted:`` when it did not) and
its source with the year, in the columns ``--observed`` reads.
"""

from __future__ import annotations

from pathlib import Path

from sim.scenario.loader import BUNDLED, as_named, bundled_scenario

#: the suffix of a bundled scenario's published figures
SUFFIX = ".published.csv"


class NoPublishedFigures(ValueError):
    """The scenario has no bundled published figures."""


def with_published() -> list[str]:
    """The bundled scenarios that have published figures beside them, by name."""
    return sorted(p.name.removesuffix(SUFFIX) for p in BUNDLED.glob(f"*{SUFFIX}"))


def published_figures_path(scenario: str) -> Path:
    """The published figures of the bundled scenario ``scenario`` (as the command line names
    it: ``default``, ``default.toml`` or the bundled file's path), else a
    :class:`NoPublishedFigures` naming the scenarios that have some and the route for a
    port's own figures."""
    path = Path(scenario)
    bundled = bundled_scenario(path)
    if bundled is None and path.suffix == ".toml" and path.is_file() and (
            path.resolve().parent == BUNDLED):
        bundled = path.resolve()
    figures = None if bundled is None else BUNDLED / f"{bundled.stem}{SUFFIX}"
    if figures is None or not figures.is_file():
        have = ", ".join(with_published()) or "none"
        raise NoPublishedFigures(
            f"--observed published: {as_named(scenario)!r} has no bundled published figures "
            f"(bundled scenarios that have them: {have}); for your own port's figures, write a CSV "
            "(columns metric,observed,label,source) and give its path to --observed "
            "(docs/calibration-default.md, 'Your own port')"
        )
    return figures
