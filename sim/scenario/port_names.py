"""What a port may be called: its name goes into metric names
(``clearance_h_mean_port_<port>_import``), a result table's groups (``<port>/<direction>``)
and file names, so it is a plain word."""

from __future__ import annotations

import re

#: the characters a port's name may use
ALLOWED = "letters a-z and A-Z, digits, _ and -"
_NAME = re.compile(r"[A-Za-z0-9_-]+")


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a port (None when it can): it is empty or has a character
    outside :data:`ALLOWED` ('/' splits a result table's groups, '.' a field path)."""
    if not name:
        return f"a port needs a name; use {ALLOWED}"
    if _NAME.fullmatch(name):
        return None
    bad = list(dict.fromkeys(c for c in name if not _NAME.fullmatch(c)))
    return (
        f"a port's name names its metrics and files, so it may use only {ALLOWED}; "
        f"{', '.join(repr(c) for c in bad)} {'is' if len(bad) == 1 else 'are'} not allowed"
    )

