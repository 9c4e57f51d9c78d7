"""The worked examples of the trucks' pages: every ``bordersim`` command in a shell block of
docs/trucks.md is run in the page's order, as written but shortened (one replication of half
an observed day, after a quarter-day warm-up and drain: a few seconds in all, most of it the
results folders' writing), so that a renamed option, port, group or field, or a folder used
twice, fails here instead of rotting; the page's ``results/`` folders are made in a
temporary folder. Another page's blocks that read a run with ``bordersim trucks``
(docs/spring-festival.md, whose dated closure needs its whole run) are parsed and their
scenarios loaded with their settings, nothing run; ``cd DIR`` lines are followed."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

import sim
from sim.cli import build_parser, main
from sim.scenario.loader import bundled_scenario

ROOT = Path(__file__).resolve().parents[1]
#: what makes a page's run short here (in place of its own --reps and --days)
SHORT = ["--reps", "1", "--days", "0.5", "--set", "warmup_days=0.25",
         "--set", "drain_days=0.25"]
SIMULATING = ("run", "compare")


def _lines(page: Path) -> list[str]:
    """The page's shell lines (``bordersim`` commands and ``cd``), continuations joined."""
    blocks = re.findall(r"```sh\n(.*?)```", page.read_text(encoding="utf-8"), re.S)
    joined = "\n".join(b.replace("\\\n", " ") for b in blocks)
    return [x.strip() for x in joined.splitlines() if x.startswith(("bordersim ", "cd "))]


def _pages() -> list[Path]:
    """docs/trucks.md, and each other page whose shell blocks run ``bordersim trucks``."""
    others = [p for p in sorted((ROOT / "docs").glob("*.md"))
              if p.name != "trucks.md" and any(x.startswith("bordersim trucks ")
                                               for x in _lines(p))]
    return [ROOT / "docs" / "trucks.md", *others]


def _argv(line: str, out: Path, short: bool = True) -> list[str]:
    """A command's arguments, its ``results/...`` folders moved under ``out`` (``--against
    NAME=results/...`` too), shortened if it simulates (and ``short``)."""
    words = [re.sub(r"(^|=)results/", rf"\g<1>{out}/", w)
             for w in shlex.split(line, comments=True)[1:]]
    if words[0] not in SIMULATING or not short:
        return words
    for option in ("--reps", "--days"):  # (the page's own, replaced: given twice is refused)
        if option in words:
            at = words.index(option)
            del words[at : at + 2]
    return words + SHORT


def test_the_pages_have_their_examples() -> None:
    lines = {p.name: _lines(p) for p in _pages()}
    assert len(lines["trucks.md"]) >= 10 and "spring-festival.md" in lines, lines
    assert all(any(x.startswith("bordersim trucks ") for x in v) for v in lines.values())


def test_every_example_of_the_trucks_page_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    for line in _lines(ROOT / "docs" / "trucks.md"):
        argv = _argv(line, tmp_path)
        code = main(argv)
        said = capsys.readouterr()
        assert code == 0, f"{line}\n{said.err}"
        assert "error" not in said.err.lower(), f"{line}\n{said.err}"
        if argv[0] == "trucks":  # (its tables, with an all row)
            assert re.search(r"^\s*all\b", said.out, re.M), f"{line}\n{said.out}"


@pytest.mark.parametrize("page", _pages()[1:], ids=lambda p: p.name)
def test_another_pages_truck_examples_parse_and_load(page: Path, tmp_path: Path) -> None:
    here = ROOT
    for line in _lines(page):
        if line.startswith("cd "):
            here = ROOT / line.split()[1]
            continue
        args = build_parser().parse_args(_argv(line, tmp_path, short=False))
        if args.command in SIMULATING:
            path = bundled_scenario(args.scenario) or here / args.scenario
            sim.load_scenario(path, dict(args.settings))
