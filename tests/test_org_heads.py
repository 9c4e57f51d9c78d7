"""``bordersim org`` says where each structure puts the organisation's heads (docs/DESIGN.md:
the organisation): by level and role, each later structure's change from the first, and
how many heads move. The headcount is equal by construction, so without this table a
planner asking "which staff move where" had only the trees' picture."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from sim.cli import main
from sim.report.org_heads import LEVEL_WORDS, heads_by_level, moved

QUICK = ["--days", "0.2", "--set", "warmup_days=0", "--set", "drain_days=0"]


def _unit(level: str, **staff: int) -> SimpleNamespace:
    return SimpleNamespace(level=level, staff={r: SimpleNamespace(count=n)
                                               for r, n in staff.items()})


def test_heads_are_summed_by_level_and_role_and_a_moved_head_counts_once() -> None:
    spindle = SimpleNamespace(units={"gac": _unit("national", management=2),
                                     "a": _unit("regional", tariff=3, risk=1),
                                     "b": _unit("regional", tariff=2)})
    dumbbell = SimpleNamespace(units={"gac": _unit("national", management=2),
                                      "c": _unit("national", tariff=5, risk=1),
                                      "a": _unit("regional", tariff=0)})
    first, other = heads_by_level(spindle), heads_by_level(dumbbell)
    assert first == {("national", "management"): 2, ("regional", "tariff"): 5,
                     ("regional", "risk"): 1}
    assert other == {("national", "management"): 2, ("national", "tariff"): 5,
                     ("national", "risk"): 1}
    assert moved(first, other) == 6  # (the 5 tariff and the 1 risk heads, once each)
    assert moved(first, first) == 0


def _rows(out: str) -> list[tuple[str, list[int]]]:
    """The heads table's rows (label, numbers), from its title to its first line after (a
    role's label comes once under each level)."""
    lines = out.splitlines()
    start = next(i for i, s in enumerate(lines) if s.startswith("where the heads sit"))
    rows = []
    for line in lines[start + 2:]:
        found = re.match(r"^(\s*\S.*?)\s{2,}([-+\d,\s]+)$", line)
        if not found:
            break
        rows.append((found.group(1),
                     [int(x.replace(",", "")) for x in found.group(2).split()]))
    return rows


def test_the_org_command_says_which_heads_move_where(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["org", "guangdong-spindle", *QUICK]) == 0
    out = capsys.readouterr().out
    rows = _rows(out)
    levels = {lvl: dict(rows)[words] for lvl, (words, _) in LEVEL_WORDS.items()}
    staff = re.search(r"^organisation staff\s+([\d,]+)\s+([\d,]+)$", out, re.M)
    assert staff, out
    totals = [int(x.replace(",", "")) for x in staff.groups()]
    for k in range(2):  # (the levels add up to each structure's headcount)
        assert sum(v[k] for v in levels.values()) == totals[k]
    for label, (spindle, dumbbell, change) in rows:
        assert change == dumbbell - spindle, label
    assert levels["regional"][1] == levels["local"][1] == 0  # (the dumbbell's middle: none)
    assert levels["local"][0] > 0  # (the spindle's subordinate customs do)
    risen = sum(max(0, c) for label, (_, _, c) in rows if label.startswith("  "))
    said = re.search(r"^dumbbell: (\d+) of the (\d+) heads in the spindle", out, re.M)
    assert said and int(said.group(1)) == risen and int(said.group(2)) == totals[0], out


def test_the_reports_organisation_section_has_the_heads_table() -> None:
    """The report shows where each option's structure puts the heads, as ``bordersim org``
    does: a row per level and role, each option's heads and its change from the first."""
    from pathlib import Path

    import sim
    from sim.reforms import apply
    from sim.report.folder import Variant
    from sim.report.org_table import tree_from_record, tree_record
    from sim.report.sections import org_section

    spindle = sim.load_scenario("guangdong-spindle")
    variants = {}
    for name, sc in (("baseline", spindle), ("dumbbell", apply(spindle, "dumbbell"))):
        record = tree_record(sc)
        assert record is not None
        variants[name] = Variant(name, Path("."), {}, [0], tree=tree_from_record(record),
                                 structure=record["structure"])
    page = "".join(org_section(variants))
    counts = [heads_by_level(v.tree) for v in variants.values()]
    national = [sum(n for (level, _), n in c.items() if level == "national") for c in counts]
    label = LEVEL_WORDS["national"][0]
    row = re.search(rf"<tr><th>{label}</th><td>([\d,]+)</td><td>([\d,]+)</td><td>([^<]+)</td>",
                    page)
    assert row is not None, page
    assert [int(row[1]), int(row[2])] == national and row[3] == f"{national[1] - national[0]:+d}"
    assert "<th>baseline: spindle</th><th>dumbbell</th>" in page
    assert f"{moved(counts[0], counts[1])} of the {sum(counts[0].values())} heads" in page
