"""docs/smuggling.md's command is the planner's as written: its options file doubles the
river patrol of beilun-border hour by hour, and the command's settings load (without the
run: a comparison of beilun-border takes about 15 s of CPU)."""

from __future__ import annotations

import shlex
import tomllib
from pathlib import Path

from tests.doc_pages import CONSOLE, console_commands

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "smuggling.md"
KEY = "smuggling.routes.beilun_river.patrol.schedule"


def _argv() -> list[str]:
    found = [c for body in CONSOLE.findall(PAGE.read_text()) for c in console_commands(body)]
    assert len(found) == 1
    return shlex.split(found[0][0])


def test_the_option_doubles_the_scenarios_river_patrol_in_every_hour():
    argv = _argv()
    options = tomllib.loads((ROOT / argv[argv.index("--options-file") + 1]).read_text())
    doubled = options["options"]["river_patrols_x2"]["set"][KEY]
    scenario = tomllib.loads((ROOT / "sim" / "scenarios" / "beilun-border.toml").read_text())
    today = scenario["smuggling"]["routes"]["beilun_river"]["patrol"]["schedule"]
    assert doubled == [2 * n for n in today]


def test_the_commands_settings_load_on_the_scenario():
    from sim.cli import _load

    argv = _argv()
    options = tomllib.loads((ROOT / argv[argv.index("--options-file") + 1]).read_text())
    sets = {key: tomllib.loads(f"v = {value}")["v"] for key, value in
            (b.split("=", 1) for a, b in zip(argv, argv[1:], strict=False) if a == "--set")}
    assert set(sets) == {"costs.price_year", "costs.roles.customs_officer"}
    over = {**sets, KEY: options["options"]["river_patrols_x2"]["set"][KEY]}
    scenario = _load(ROOT / "sim" / "scenarios" / "beilun-border.toml", over)
    assert scenario.costs is not None and scenario.costs.price_year == sets["costs.price_year"]
