"""What a TOML syntax error says to a user: the line and, for a key or table given twice, its
field path (the parser names only a line and a column). The line's text is never quoted: the
file may be no scenario at all (a parent named by mistake), and its content is not echoed."""

from __future__ import annotations

import re
import tomllib

_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([^=\s\[#][^=]*?)\s*=")


def toml_problem(exc: tomllib.TOMLDecodeError, text: str) -> str:
    """A TOML syntax error as one line: what is wrong and where."""
    msg = str(exc)
    at = _AT.search(msg)
    if at is None:
        return f"not valid TOML: {msg}"
    what, n = msg[: at.start()].strip(), int(at.group(1))
    twice = _given_twice(what, text.splitlines()[:n])
    if twice:
        what = f"{twice} is given twice (each key and table may be given once)"
    return f"not valid TOML at line {n}: {what}"


def _given_twice(what: str, lines: list[str]) -> str:
    """The field path of a key or table given twice (the last of ``lines``), or ''."""
    if not lines or not (what.startswith("Cannot overwrite") or what.endswith("twice")):
        return ""
    last = lines[-1]
    header = _HEADER.match(last)
    if header:
        return _path(header.group(1))
    key = _KEY.match(last)
    if key is None:
        return ""
    table = next((m.group(1) for m in map(_HEADER.match, reversed(lines[:-1])) if m), "")
    name = _path(key.group(1))
    return f"{_path(table)}.{name}" if table else name


def _path(dotted: str) -> str:
    """A dotted TOML key with the spaces around its dots removed and quotes kept."""
    return ".".join(part.strip() for part in dotted.split("."))
