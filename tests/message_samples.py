"""Every message a raise in the package can give, read from its source with ``ast``: each
f-string's values sampled from a table of examples, so that a test can check each message
has its Chinese pattern (and a message added without one fails there)."""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterable, Mapping, Sequence


def messages_of(
    nodes: Iterable[ast.AST], calls: Mapping[str, int], samples: Mapping[str, Sequence[object]],
    source: str = "", skip: Iterable[str] = (),
) -> list[str]:
    """The messages of every call in ``nodes`` (and below them) to a name of ``calls``, the
    message being the call's argument at the position ``calls`` gives; an expression
    ``skip`` lists (its source text) is left out."""
    skipped = set(skip)
    out: list[str] = []
    for node in (n for root in nodes for n in ast.walk(root)):
        if not isinstance(node, ast.Call):
            continue
        at = calls.get(getattr(node.func, "id", ""))
        if at is None or len(node.args) <= at:
            continue
        text = node.args[at]
        if ast.unparse(text) not in skipped:
            out += sampled(text, samples, source)
    return out


def sampled(text: ast.expr, samples: Mapping[str, Sequence[object]], source: str = "") -> list[str]:
    """Every message ``text`` (a string or an f-string) can give, each value taken from
    ``samples`` by its expression's source (``SOURCE:EXPR`` first, for an expression that
    means another thing in another file)."""
    parts = text.values if isinstance(text, ast.JoinedStr) else [text]
    choices: list[list[str]] = []
    for part in parts:
        if isinstance(part, ast.Constant):
            choices.append([str(part.value)])
            continue
        assert isinstance(part, ast.FormattedValue), ast.unparse(part)
        expr = ast.unparse(part.value)
        expr = f"{source}:{expr}" if f"{source}:{expr}" in samples else expr
        assert expr in samples, f"give the samples a value of {expr} ({source})"
        spec = ast.unparse(part.format_spec)[2:-1] if part.format_spec else ""
        choices.append([format(repr(v) if part.conversion == ord("r") else v, spec)
                        for v in samples[expr]])
    return ["".join(c) for c in itertools.product(*choices)]
