"""Dotted paths as a command line gives them (``--set``, ``--option``, a sweep's keys): TOML's
dotted keys, whose quoted names are read as TOML reads them. Standard library only: the
command line parses its arguments before it loads anything heavy."""

from __future__ import annotations

import re
import tomllib


class KeyProblem(ValueError):
    """A dotted path that cannot be read (a quote not closed, a name holding a dot)."""


#: one segment of a dotted key and the dot after it (or the end): TOML's basic string
#: ("..."), literal string ('...'), or a bare key (as TOML's, but any text without a dot or
#: a quote: ``*``)
_SEGMENT = re.compile(r"""\s*(?:("(?:[^"\\]|\\.)*")|'([^']*)'|([^."']*?))\s*(\.|$)""")


def dotted_key(text: str) -> str:
    """A dotted path as a command line gives it, its quoted segments unquoted as TOML reads
    them (``selection.scan."*"`` and ``selection.scan.'*'``: ``selection.scan.*``), so that
    a key written as in a scenario file works. A path whose quotes do not close, or that
    quotes a name holding a dot (a dotted path cannot carry one), is a :class:`KeyProblem`."""
    text = text.strip()
    if '"' not in text and "'" not in text:
        return text
    parts: list[str] = []
    at = 0
    while True:
        m = _SEGMENT.match(text, at)
        if m is None:
            raise KeyProblem(
                f"{text}: not a dotted path (a quoted name must be closed, and followed by a "
                "dot or the end)"
            )
        basic, literal, bare, dot = m.groups()
        try:
            part = tomllib.loads(f"k = {basic}")["k"] if basic is not None else literal
        except tomllib.TOMLDecodeError:
            raise KeyProblem(f"{text}: {basic} is not a TOML string") from None
        part = bare if part is None else part
        if "." in part:
            quoted = basic if basic is not None else f"'{literal}'"
            whole = f" ({'.'.join(parts)} = {{{quoted} = ...}})" if parts else ""
            raise KeyProblem(
                f"{text}: a dotted path cannot name {part!r}, which holds a dot; set the table "
                f"that holds it whole{whole}"
            )
        parts.append(part)
        at = m.end()
        if not dot:
            return ".".join(parts)
