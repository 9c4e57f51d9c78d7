"""docs/seed-paper.md walks a student through the seed paper's claims: every command on it
must run as written (its scenario, reforms and strengths, --set fields, --param fields and
--show metrics exist), and its figures that follow from the scenario alone (the staff cost a
management cut saves) are recomputed here. Nothing is simulated: a few seconds."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

import sim
from sim.cli import build_parser
from sim.experiment.metric_names import metric_names
from sim.reforms import REFORMS
from sim.reforms.compose import parse
from sim.scenario.org_tree import units_of

PAGE = Path(__file__).resolve().parents[1] / "docs" / "seed-paper.md"


def _commands() -> list[str]:
    text = PAGE.read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    return [line for b in blocks for line in b.splitlines() if line.startswith("bordersim ")]


COMMANDS = _commands()


def test_the_page_has_the_commands_its_table_names():
    text = PAGE.read_text(encoding="utf-8")
    named = set(re.findall(r"\| (compare \d|sweep \d)[ ,]", text))
    given = set(re.findall(r"^# (compare \d|sweep \d):", text, re.M))
    assert named and named <= given
    assert len(COMMANDS) == len(given)


@pytest.mark.parametrize("line", COMMANDS, ids=lambda c: " ".join(c.split()[1:4]))
def test_every_command_on_the_page_runs_as_written(line):
    args = build_parser().parse_args(shlex.split(line)[1:])
    base = sim.load_scenario(args.scenario, dict(args.settings))
    scenarios = [base]
    for text in getattr(args, "reforms", []):
        scenarios.append(parse(text).apply(base))
    for key, values in getattr(args, "params", []):
        scenarios += [sim.patch(base, {key: v}) for v in values]
    shown = [m for group in args.show for m in group.split(",")]
    assert shown, "each command shows the metrics its claim is about"
    for metric in shown:
        assert any(metric in metric_names(s) for s in scenarios), (line, metric)


def _staff_cost(s: sim.Scenario) -> float:
    return sum(
        r.count * r.cost_per_year
        for u in units_of(s.organisation).values()
        for r in u.staff.values()
    )


@pytest.mark.parametrize(
    ("reform", "share", "saving"),
    [("dumbbell", 0.3, "-1,573,200"), ("merge_affiliated", 0.1, "-524,400")],
)
def test_the_pages_staff_saving_is_the_scenarios(reform, share, saving):
    """The page's saving is what the cut heads cost: the figure is the scenario's, not a
    run's, so it is recomputed exactly."""
    base = sim.load_scenario("guangdong-spindle")
    plain = _staff_cost(REFORMS[reform].apply(base))
    cut = _staff_cost(REFORMS[reform](management_cut=share).apply(base))
    assert plain == _staff_cost(base) == 18_648_400
    assert f"{cut - plain:,.0f}" == saving
    assert saving in PAGE.read_text(encoding="utf-8")
