"""docs/smuggling.md's command is the planner's as written: its reform doubles the river
patrol of beilun-border hour by hour and leaves the other routes' patrols, and the command's
settings load (without the run: a comparison of beilun-border takes about 15 s of CPU)."""

from __future__ import annotations

import shlex
import tomllib
from pathlib import Path

from tests.doc_pages import CONSOLE, console_commands

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "smuggling.md"
BEILUN = ROOT / "sim" / "scenarios" / "beilun-border.toml"


def _argv() -> list[str]:
    found = [c for body in CONSOLE.findall(PAGE.read_text()) for c in console_commands(body)]
    found = [c for c in found if " compare " in c[0]]  # (the page also shows a run's)
    assert len(found) == 1
    return shlex.split(found[0][0])


def test_the_commands_reform_doubles_the_river_patrol_and_its_settings_load():
    from sim.cli import _load
    from sim.reforms.compose import parse

    argv = _argv()
    (reform,) = argv[argv.index("--reforms") + 1:argv.index("--reps")]
    sets = {key: tomllib.loads(f"v = {value}")["v"] for key, value in
            (b.split("=", 1) for a, b in zip(argv, argv[1:], strict=False) if a == "--set")}
    assert set(sets) == {"costs.price_year", "costs.roles.customs_officer"}
    scenario = _load(BEILUN, sets)
    assert scenario.costs is not None and scenario.costs.price_year == sets["costs.price_year"]
    after = parse(reform).apply(scenario).smuggling
    before = scenario.smuggling
    assert before is not None and after is not None
    for name, route in before.routes.items():
        patrol = after.routes[name].patrol
        if name == "beilun_river":
            assert patrol is not None and route.patrol is not None
            assert patrol.weekly() == [2 * n for n in route.patrol.weekly()]
        else:
            assert patrol == route.patrol, name
