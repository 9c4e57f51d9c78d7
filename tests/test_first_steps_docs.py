"""The README's quick start and first steps hold for a new user: `bordersim` is put on the
path before any command types it, the user guide is linked, and the first steps' commands
parse, name only metrics, reforms and files the default scenario takes, and their small
scenario file changes exactly what its comment says."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import sim
from sim.experiment.metric_names import metric_names, shown
from sim.reforms.compose import parse

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
BLOCK = re.compile(r"^```(sh|toml)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _section(title: str) -> str:
    """The README's section under ``## title``, up to the next one."""
    start = README.index(f"\n## {title}\n")
    return README[start: README.index("\n## ", start + 1)]


def _commands(text: str) -> list[list[str]]:
    """Every ``bordersim`` command of the sh blocks of ``text``, split as a shell would."""
    lines = [line for kind, body in BLOCK.findall(text) if kind == "sh"
             for line in body.splitlines()]
    return [shlex.split(line, comments=True) for line in lines if line.startswith("bordersim ")]


def test_the_quick_start_puts_bordersim_on_the_path_before_any_command_types_it():
    start = _section("Quick start")
    blocks = [body for kind, body in BLOCK.findall(start) if kind == "sh"]
    lines = [line.strip() for body in blocks for line in body.splitlines()]
    assert ". .venv/bin/activate" in lines
    first = next(i for i, line in enumerate(lines) if line.startswith("bordersim"))
    assert lines.index(". .venv/bin/activate") < first
    # no command of the README types bordersim before the quick start says how
    assert README.index(". .venv/bin/activate") < README.index("\nbordersim ")
    assert "[docs/README.md](docs/README.md)" in start


def test_the_first_steps_commands_name_what_the_default_scenario_takes(tmp_path, monkeypatch):
    from sim.cli import build_parser

    steps = _section("First steps")
    commands = _commands(steps)
    assert [c[1] for c in commands] == ["run", "compare", "check", "compare"]
    known = metric_names(sim.load_scenario(sim.default_scenario_path()))
    (toml,) = [body for kind, body in BLOCK.findall(steps) if kind == "toml"]
    (tmp_path / "my-port.toml").write_text(toml)
    monkeypatch.chdir(tmp_path)
    base = sim.load_scenario(sim.default_scenario_path(), {"days": 1})
    for command in commands:
        asked = build_parser().parse_args(command[1:])
        if command[1] == "check":
            continue
        assert asked.only and asked.days and asked.days <= 7 and asked.reps <= 3
        names = asked.show[0].split(",")
        assert shown(asked.show, known) == names, names
        for spec in getattr(asked, "reforms", None) or []:
            assert parse(spec).apply(base) is not None
        for option in getattr(asked, "option", None) or []:
            assert Path(option.split(":@", 1)[1]).is_file()


def test_the_first_steps_file_changes_what_its_comment_says(tmp_path, monkeypatch, capsys):
    from sim.cli import main

    steps = _section("First steps")
    (toml,) = [body for kind, body in BLOCK.findall(steps) if kind == "toml"]
    (tmp_path / "my-port.toml").write_text(toml)
    monkeypatch.chdir(tmp_path)
    (check,) = [c for c in _commands(steps) if c[1] == "check"]
    assert main(check[1:]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()[1:]]
    assert {row[0] for row in rows} == {"name", "ports.sea_port.scan.scanners.capacity"}
    parent, child = next(row[1:3] for row in rows if row[0].endswith("capacity"))
    assert f"the default has {parent}" in steps and f"capacity = {child}" in toml
    # the same change written as an option, as the section says
    assert f"four_scanners:ports.sea_port.scan.scanners.capacity={child}" in steps


#: commands the README shows in a section of their own rather than in its usage block
SHOWN_APART = ("dashboard", "animate", "docs")


def _usage_block() -> str:
    """The sh block under "Using it": one entry per command, its options after it."""
    start = README.index("\n## Using it\n")
    return README[README.index("```sh\n", start): README.index("\n```", start + 20)]


def test_every_command_has_its_entry_in_the_usage_block():
    """A reader looks a command up in the usage block: each command of the parser has an
    entry there (the reform library too, which `compare --reforms` names), or, the few
    shown apart, its own line elsewhere in the README."""
    import argparse

    from sim.cli import build_parser

    (commands,) = [a for a in build_parser()._actions
                   if isinstance(a, argparse._SubParsersAction)]
    block = _usage_block()
    starts = {line.split()[1] for line in block.splitlines() if line.startswith("bordersim ")}
    assert set(commands.choices) - starts == set(SHOWN_APART)
    for name in SHOWN_APART:
        assert f"bordersim {name}" in README.replace(block, ""), name
    compare = block[block.index("\nbordersim compare "): block.index("\nbordersim reforms ")]
    assert "--reforms REFORM" in compare and "(docs/reforms.md)" in block


def test_the_user_guide_sends_a_newcomer_to_the_first_steps():
    """docs/README.md, the guide the README links, starts by pointing at the quick start
    and first steps, and both anchors are the README's own sections."""
    guide = (ROOT / "docs" / "README.md").read_text()
    head = guide.split("\n- ", 1)[0]
    for title in ("Quick start", "First steps"):
        anchor = title.lower().replace(" ", "-")
        assert f"(../README.md#{anchor})" in head, anchor
        assert f"\n## {title}\n" in README, title


def _demo_command() -> list[str]:
    """The ``bordersim compare`` that ``make demo`` runs, its Makefile variables expanded."""
    # make reads "$\" and a line break as nothing (an empty variable), a "\" alone as a space
    text = re.sub(r"\$\\\n\s*", "", (ROOT / "Makefile").read_text()).replace("\\\n", " ")
    variables = dict(re.findall(r"^(DEMO_\w+) :=(.*)$", text, re.MULTILINE))
    recipe = text[text.index("\ndemo:") + 1:].splitlines()[1]
    for name, value in variables.items():
        recipe = recipe.replace(f"$({name})", " ".join(value.split()))
    return shlex.split(recipe.replace("$(BIN)/", ""))


def test_the_demo_prints_a_table_a_newcomer_can_read():
    """`make demo` is a newcomer's first output: its table keeps a few named rows (the full
    key table runs to over 300 lines), each a metric the default scenario yields, and the
    quick start says where the rest are."""
    from sim.cli import build_parser

    command = _demo_command()
    assert command[:2] == ["bordersim", "compare"]
    asked = build_parser().parse_args(command[1:])
    assert asked.only and asked.show
    names = asked.show[0].split(",")
    known = metric_names(sim.load_scenario(sim.default_scenario_path()))
    assert shown(asked.show, known) == names
    assert len(names) <= 12
    start = _section("Quick start")
    assert "--show" in start and "report.html" in start


def test_the_readme_leaves_the_options_reference_to_its_own_page():
    """The README was 1,700 lines, 620 of them the options of run, compare and sweep in
    detail: that reference is docs/commands.md, linked from the usage section, and it sends
    a newcomer back to the first steps."""
    using = _section("Using it")
    assert "[docs/commands.md](docs/commands.md)" in using
    assert "\n- `--show` (run, compare, sweep)" not in README
    page = (ROOT / "docs" / "commands.md").read_text()
    assert "\n- `--show` (run, compare, sweep)" in page
    assert "(../README.md#first-steps)" in page
    assert len(README.splitlines()) <= 1200
