"""Reading a documentation page's console blocks, for the tests that run a page as written."""

from __future__ import annotations


def console_commands(body: str) -> list[tuple[str, list[str]]]:
    """Each ``$ `` line of a console block with the lines printed after it."""
    out: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            out.append((line[2:], []))
        else:
            out[-1][1].append(line)
    return out
