"""Symbolic links among scenario files: a loop of links, or a link to nothing, is named as
such (for the scenario given and for a parent ``extends`` names), and a parent that is not
found is never suggested as the file that extends it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sim.cli import main

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")

LOOP = (
    "is a loop of symbolic links (each leads to another, and back): there is no file to read"
)


def _check(capsys, path: Path) -> tuple[int, str]:
    code = main(["check", str(path)])
    return code, capsys.readouterr().err


def _loop(folder: Path) -> Path:
    """``a.toml`` -> ``b.toml`` -> ``a.toml``."""
    (folder / "a.toml").symlink_to("b.toml")
    (folder / "b.toml").symlink_to("a.toml")
    return folder / "a.toml"


def test_extends_naming_a_loop_of_links_says_it_is_a_loop(tmp_path, capsys):
    _loop(tmp_path)
    child = tmp_path / "symx.toml"
    child.write_text('extends = "a.toml"\n')
    code, err = _check(capsys, child)
    assert code == 2
    # (the value, the parent's path, is shortened when long)
    assert err.startswith(f"error: {child}: extends = '") and err.endswith(f": {LOOP}\n"), err
    assert "did you mean" not in err


def test_a_scenario_that_is_a_loop_of_links_says_it_is_a_loop(tmp_path, capsys):
    a = _loop(tmp_path)
    code, err = _check(capsys, a)
    assert code == 2
    assert err == f"error: {a}: {LOOP}\n"


def test_a_link_to_nothing_names_where_it_leads(tmp_path, capsys):
    link = tmp_path / "gone.toml"
    link.symlink_to("nowhere.toml")
    child = tmp_path / "child.toml"
    child.write_text('extends = "gone.toml"\n')
    code, err = _check(capsys, child)
    assert code == 2
    assert err.startswith(f"error: {child}: extends = '"), err
    assert err.endswith(": is a symbolic link to 'nowhere.toml', which does not exist\n"), err
    code, err = _check(capsys, link)
    assert (code, err) == (
        2, f"error: {link}: is a symbolic link to 'nowhere.toml', which does not exist\n"
    )


def test_a_missing_parent_is_never_suggested_as_the_file_that_extends_it(tmp_path, capsys):
    child = tmp_path / "symx.toml"
    child.write_text('extends = "symy.toml"\n')  # close to its own name, and nothing else
    code, err = _check(capsys, child)
    assert code == 2
    assert "no such file beside the file that extends it" in err, err
    assert "did you mean 'symx.toml'" not in err
