"""The near choice of a mistyped one: ``bordersim rnu`` (or ``--lang zhh``) is refused by
argparse with the list of choices only; as a mistyped option gets "did you mean --days?"
(:func:`sim.cli._did_you_mean`), a mistyped command or choice gets the one it is near, in
English and, through :mod:`sim.cli_zh_usage`, in Chinese."""

from __future__ import annotations

import difflib
import re

#: argparse's refusal of a choice (Python 3.11: each choice as its repr, comma-separated)
_INVALID = re.compile(r"(?P<head>.*invalid choice: )(?P<value>'[^']*') "
                      r"(?P<tail>\(choose from (?P<choices>.+)\))", re.DOTALL)
#: how close a typed word must be to a choice to be named (difflib's default: a swap of two
#: letters in a three-letter word, ``rnu`` for ``run``, is 0.67)
CUTOFF = 0.6


def with_near_choice(message: str) -> str:
    """``message`` with "; did you mean run?" after the refused value when one choice is near
    it; the message unchanged otherwise (no choice near, or not a refused choice)."""
    found = _INVALID.fullmatch(message)
    if found is None:
        return message
    choices = re.findall(r"'([^']*)'", found["choices"])
    close = difflib.get_close_matches(found["value"].strip("'"), choices, n=1, cutoff=CUTOFF)
    if not close:
        return message
    return f"{found['head']}{found['value']}; did you mean {close[0]}? {found['tail']}"
