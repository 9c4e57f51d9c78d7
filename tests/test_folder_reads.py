"""Commands that read somebody's run folder (``trucks``, ``both-sides``, ``compliance``) read
its files as ``bordersim report`` does (:mod:`sim.report.folder`): never through a symbolic
link planted in the folder, and a damaged file is a one-line error naming it, not a
traceback. One short logged run of the two-port test scenario, copied before each change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sim.cli import main

ROOT = Path(__file__).resolve().parents[1]
TWO_PORTS = ROOT / "tests" / "scenarios" / "two_ports.toml"
PARTNER = ROOT / "docs" / "examples" / "mong-cai" / "partner.toml"
LINK = "cannot be read: a symbolic link"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-day run of two land ports with its per-consignment log."""
    out = tmp_path_factory.mktemp("reads") / "run"
    assert main(["run", str(TWO_PORTS), "--reps", "1", "--days", "1", "--seed", "1",
                 "--log", "--out", str(out)]) == 0
    return out


def _commands(folder: Path, tmp: Path) -> dict[str, list[str]]:
    """Each command on ``folder`` (the partner of both-sides moved to its land port ``p``)."""
    partner = tmp / "partner.toml"
    partner.write_text(PARTNER.read_text(encoding="utf-8").replace(
        'port = "dongxing"', 'port = "p"'), encoding="utf-8")
    return {"trucks": ["trucks", str(folder), "--port", "p"],
            "both-sides": ["both-sides", str(folder), "--partner", str(partner)],
            "compliance": ["compliance", str(folder)]}


def _error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The command's error: exit status 2 and one line, no traceback."""
    capsys.readouterr()
    assert main(argv) == 2, argv
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


def _linked(file: Path, tmp: Path) -> None:
    """``file`` replaced by a link to a copy of itself (the same bytes, only linked)."""
    target = tmp / f"elsewhere-{file.name}"
    shutil.copyfile(file, target)
    file.unlink()
    file.symlink_to(target)


@pytest.mark.parametrize("name", ["scenario.json", "reps/rep-0000-log.parquet"])
def test_a_file_of_the_folder_is_never_read_through_a_link(run, tmp_path, capsys, name):
    folder = shutil.copytree(run, tmp_path / "run")
    commands = _commands(folder, tmp_path)
    for argv in commands.values():  # (the copy reads as the run does)
        capsys.readouterr()
        assert main(argv) == 0, argv
    _linked(folder / name, tmp_path)
    for what, argv in commands.items():
        err = _error(argv, capsys)
        assert f"{folder / name} {LINK}" in err, (what, err)


def test_the_meta_json_of_trucks_is_never_read_through_a_link(run, tmp_path, capsys):
    folder = shutil.copytree(run, tmp_path / "run")
    _linked(folder / "meta.json", tmp_path)
    assert f"{folder / 'meta.json'} {LINK}" in _error(_commands(folder, tmp_path)["trucks"],
                                                        capsys)


@pytest.mark.parametrize("name", ["scenario.json", "meta.json"])
def test_a_damaged_json_is_a_one_line_error_naming_it(run, tmp_path, capsys, name):
    folder = shutil.copytree(run, tmp_path / "run")
    (folder / name).write_text("{", encoding="utf-8")  # (cut short)
    commands = _commands(folder, tmp_path)
    wanted = ["trucks"] if name == "meta.json" else list(commands)
    for what in wanted:
        assert str(folder / name) in _error(commands[what], capsys), what


def test_a_damaged_log_is_a_one_line_error_naming_it(run, tmp_path, capsys):
    folder = shutil.copytree(run, tmp_path / "run")
    log = folder / "reps" / "rep-0000-log.parquet"
    log.write_bytes(log.read_bytes()[:100])
    for what, argv in _commands(folder, tmp_path).items():
        assert f"{log} cannot be read" in _error(argv, capsys), what


def test_compliance_loads_the_scenario_it_checked_not_one_swapped_in_after(
        run, tmp_path, monkeypatch, capsys):
    """``scenario.json`` read once, as checked: a file swapped for a link (here: damaged)
    right after the check is not what the estimates use."""
    import sim.report.folder as folder_reads

    folder = shutil.copytree(run, tmp_path / "run")
    checked = folder_reads.own_bytes

    def then_swapped(path: Path, limit: int = 1 << 30) -> bytes:
        raw = checked(path, limit)
        if path.name == "scenario.json":
            path.write_text("{", encoding="utf-8")
        return raw

    monkeypatch.setattr(folder_reads, "own_bytes", then_swapped)
    capsys.readouterr()
    assert main(["compliance", str(folder)]) == 0, capsys.readouterr().err
    assert (folder / "scenario.json").read_text(encoding="utf-8") == "{"  # (it was swapped)


def test_a_scenario_json_not_utf8_is_a_one_line_error_naming_it(run, tmp_path, capsys):
    folder = shutil.copytree(run, tmp_path / "run")
    (folder / "scenario.json").write_bytes(b'{"days": "\xff"}')
    err = _error(_commands(folder, tmp_path)["compliance"], capsys)
    assert f"{folder / 'scenario.json'} cannot be read" in err
