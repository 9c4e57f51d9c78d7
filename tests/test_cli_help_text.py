"""Every command's help reads as printed: no argparse escape left in it."""

from __future__ import annotations

import pytest

from sim.cli import _build

_, COMMANDS = _build()


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_has_no_doubled_percent(name: str) -> None:
    """A description is printed as written (argparse %-formats only help strings), so a
    ``%%`` written there shows doubled; a help string's ``%%`` shows as one ``%``."""
    text = COMMANDS[name].format_help()
    assert "%%" not in text, f"bordersim {name} --help prints '%%'"
