"""``bordersim org`` ends with the ``bordersim compare`` to run for intervals: that command
must compare the scenario the table was made of (its ``--set`` values, its ``--days``) and
name a bundled scenario as the user did, so that it can be pasted on another machine."""

from __future__ import annotations

import shlex

import pytest

from sim.cli import _bundled_by_name, _parse, main, settings_with_days
from sim.scenario.loader import BUNDLED

SETTINGS = ["--set", "warmup_days=0", "--set", "drain_days=0",
            "--set", "organisation.transfer_to.national.mean=1 h",
            "--set", "organisation.advantages.middle_filter=0.3"]


def test_the_suggested_comparison_is_of_the_same_scenario(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["org", "guangdong-spindle", "--days", "0.2", *SETTINGS]
    assert main(argv) == 0
    line = capsys.readouterr().out.splitlines()[-1]
    command = line.split("95 % intervals: ", 1)[1]
    assert str(BUNDLED) not in command, command  # (the installation's folder is no name)
    words = shlex.split(command)
    assert words[:3] == ["bordersim", "compare", "guangdong-spindle"], command
    asked, suggested = _parse(argv), _parse(words[1:])
    _bundled_by_name(asked)
    _bundled_by_name(suggested)
    assert suggested.scenario == asked.scenario
    theirs = settings_with_days(suggested)
    structure = theirs.pop("organisation.structure", None)
    assert theirs == settings_with_days(asked), command
    assert structure is None  # (spindle is guangdong-spindle's own structure)
    assert suggested.options == ['dumbbell:organisation.structure="dumbbell"']
