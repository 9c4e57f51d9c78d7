"""Characters a scenario's text may not hold: terminal control codes and bidirectional
overrides.

A scenario's names, labels, descriptions and notes are printed to a terminal (progress
bars, tables, errors) and shown in reports. An escape character (``\\x1b``) there lets a file
someone else wrote retitle the terminal, recolour or erase what is printed before it, or hide
text; a bidirectional override (U+202E) makes text read in another order than it is stored
(a port that displays as one name but is another). Neither has a use in a scenario, so both
are refused where they are written, naming the field and the character. Tabs and line
breaks (a multi-line description) stay allowed, and so does every printable character in
any script.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

Problem = tuple[str, str, Any, str]  # (file, field path, bad value, what is wrong / allowed)

#: control characters that text may hold: tab and line break
ALLOWED_CONTROLS = frozenset("\t\n")
#: the bidirectional embeddings, overrides and isolates (not the plain marks LRM, RLM)
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

ALLOWED = (
    "text may hold any printable character in any script, tabs and line breaks, but no "
    "control characters (escape, bell, carriage return, ...) and no bidirectional "
    "overrides: a terminal or a page would act on them instead of showing them"
)


def bad_char(text: str) -> str | None:
    """The first character of ``text`` that a scenario's text may not hold, described
    (``U+001B (a control character) at character 3``); None when every character is allowed."""
    for i, ch in enumerate(text, 1):
        code = ord(ch)
        control = (code < 0x20 or 0x7F <= code < 0xA0) and ch not in ALLOWED_CONTROLS
        if control or ch in BIDI_CONTROLS:
            name = unicodedata.name(ch, "a control character")
            return f"U+{code:04X} ({name.lower()}) at character {i}"
    return None


def _walk(node: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any, bool]]:
    """Each key (``True``) and string value (``False``) of ``node`` with its field path."""
    stack: list[tuple[Any, tuple[str, ...]]] = [(node, path)]
    while stack:
        item, at = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                yield (*at, str(key)), key, True
                stack.append((value, (*at, str(key))))
        elif isinstance(item, list):
            stack.extend((value, (*at, str(i))) for i, value in enumerate(item))
        elif isinstance(item, str):
            yield at, item, False


def control_problems(data: dict[str, Any], file_of: Callable[[tuple[str, ...]], str]) -> list[
    Problem
]:
    """A problem for each key or string of ``data`` that holds a character text may not hold
    (:func:`bad_char`), naming the file that wrote it (``file_of(field path)``), the field
    path, the value and what is allowed; sorted by field path."""
    out: list[Problem] = []
    for at, value, is_key in _walk(data):
        if not isinstance(value, str):
            continue
        found = bad_char(value)
        if found is None:
            continue
        what = "the name of this table or field" if is_key else "this text"
        out.append((file_of(at), ".".join(at), value, f"{what} holds {found}; {ALLOWED}"))
    return sorted(out, key=lambda p: p[1])
