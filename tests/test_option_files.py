"""An option given by a scenario file of its own (``--option NAME:@FILE``, or ``scenario =``
in an options file): two files compared side by side, paired by the same seeds, as a change
by ``--set`` would be; a folder is not resumed once the file has changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import sim
from sim.cli import main
from sim.experiment.options import OptionError, parse_option, resolve_options

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: a child of the small scenario with three scanners at its sea port (it has a schedule)
CHILD = 'extends = "small.toml"\n[ports.sea.scan.scanners]\ncapacity = 3\n'


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """The small scenario and a child of it, side by side."""
    base = tmp_path / "small.toml"
    shutil.copy(SMALL, base)
    child = tmp_path / "more.toml"
    child.write_text(CHILD)
    return base, child


def test_an_option_from_a_file_gives_the_figures_of_the_same_change_by_set(files, tmp_path):
    """The file's settings make the option: its figures equal those of the option making
    the same change by ``--set``, to the last digit, and differ from the baseline's."""
    base, child = files
    res = sim.compare(base, [f"more:@{child}", "same:ports.sea.scan.scanners.capacity=3"],
                      reps=2, seed=3, log=False, overrides={"days": 2})  # fmt: skip
    s = res.summary.pivot(index="metric", columns="option", values="mean")
    assert s["more"].equals(s["same"])
    assert s.loc["clearance_h_mean", "more"] != s.loc["clearance_h_mean", "baseline"]


def _resolved(folder: Path, option: str) -> dict:
    return json.loads((folder / "options" / option / "scenario.json").read_text())


def test_the_options_own_changes_and_the_comparisons_apply_over_the_file(files, tmp_path):
    base, child = files
    sim.compare(base, [f"more:@{child},ports.sea.exam.bays.capacity=7"], reps=2, seed=3,
                log=False, overrides={"days": 2}, report=False, out=tmp_path / "c")  # fmt: skip
    more = _resolved(tmp_path / "c", "more")
    sea = more["ports"]["sea"]
    assert (sea["scan"]["scanners"]["capacity"], sea["exam"]["bays"]["capacity"]) == (3, 7)
    assert more["days"] == _resolved(tmp_path / "c", "baseline")["days"] == 2


def test_an_options_file_names_a_scenario_beside_itself(files, tmp_path, capsys):
    base, _ = files
    opts = tmp_path / "opts.toml"
    opts.write_text('[options.more]\ndescription = "three scanners"\nscenario = "more.toml"\n')
    code = main(["compare", str(base), "--options-file", str(opts), "--reps", "2", "--days",
                 "1", "--no-report", "--out", str(tmp_path / "c")])  # fmt: skip
    assert code == 0
    assert "more = three scanners" in capsys.readouterr().out


def test_a_folder_is_not_resumed_once_the_options_file_has_changed(files, tmp_path, capsys):
    base, child = files
    argv = ["compare", str(base), "--option", f"more:@{child}", "--reps", "2", "--days", "1",
            "--no-report", "--out", str(tmp_path / "c")]  # fmt: skip
    assert main(argv) == 0
    assert main(argv) == 0  # (the same file: resumed, nothing to do)
    child.write_text(CHILD.replace("3", "4"))
    capsys.readouterr()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"option more's scenario file {child} had other settings" in err


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["x:@"], "'@' needs a scenario file: NAME:@FILE.toml"),
        (["baseline:@f.toml"], "the option 'baseline' is the compared scenario"),
        (["a+b:@f.toml"], "an option given by a scenario file is not a combination"),
        (["a:@f.toml", "b:days=2", "a+b"], "a combination cannot join files"),
    ],
)
def test_file_options_that_cannot_be_are_refused(options, words):
    with pytest.raises(OptionError, match=words.replace("(", r"\(").replace("+", r"\+")):
        resolve_options([parse_option(o) for o in options])


def test_a_file_option_parses_its_file_and_its_changes():
    o = parse_option("more:@my/more.toml,ports.sea.exam.bays.capacity=7")
    assert (o.scenario, dict(o.overrides)) == ("my/more.toml", {"ports.sea.exam.bays.capacity": 7})
    assert o.label() == "scenario my/more.toml with ports.sea.exam.bays.capacity=7"
