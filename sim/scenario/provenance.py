"""Where each number of a scenario file comes from, as its comments say: a value whose
comment (or, without one, the comment block just above it) cites a ``source``, or says it is
an ``assumption``; through an ``extends`` chain, a child's value in place of its parent's.
``bordersim check FILE --sources`` prints it, so that a study can state the assumptions its
figures rest on, and the field path by which to vary each (``--set``, a sweep)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

_TABLE = re.compile(r"^\s*\[\[?([^\]]+)\]")  # (a table, or an array of tables: [[timeline]])
_KEY = re.compile(r'^\s*("[^"]*"|[A-Za-z0-9_*-]+)\s*=\s*(.*)$')
_ARRAY = re.compile(r"^\s*\[\[([^\]]+)\]\]", re.MULTILINE)
_SOURCE = re.compile(r"\bsource\b")
_ASSUMPTION = re.compile(r"\bassumption")
#: keys whose values are names, not figures to source (an HS code names goods)
_NAMES = ("name", "description", "label", "label_zh", "hs")
#: a value set on the command line, whatever the file says of it
COMMAND_LINE = "command line"


@dataclass(frozen=True)
class Provenance:
    """One value: its dotted field path, the value as written, what it rests on
    (``source``, ``assumption``, ``source and assumption``, or :data:`COMMAND_LINE`), the
    comment that says so, and the file it is written in."""

    field: str
    value: str
    kind: str
    note: str
    file: str

    def line(self) -> str:
        """Tab-separated: field, value, kind, note, file."""
        return "\t".join((self.field, self.value, self.kind, self.note, self.file))


def under(field: str, wanted: str) -> bool:
    """Whether ``field`` is ``wanted`` or lies under it (``timeline[0].at`` under
    ``timeline``)."""
    return field == wanted or field.startswith((f"{wanted}.", f"{wanted}["))


def entries(text: str) -> Iterator[tuple[str, str | None, str, str, str]]:
    """Each table header (key None) and key of a TOML text: (table, key, value as written,
    the comment block just above, its own comment)."""
    table, block = "", []
    for line in text.splitlines():
        code, _, comment = line.partition("#")
        if not code.strip():
            if comment.strip() and not comment.lstrip().startswith(("-", "=")):
                block.append(comment.strip())
            elif not comment.strip():
                block = []
            continue
        note = " ".join(block)
        block = []
        if m := _TABLE.match(code):
            table = m.group(1).strip()
            yield table, None, "", note, comment
        elif m := _KEY.match(code):
            yield table, m.group(1), m.group(2).strip(), note, comment


def _said(own: str, note: str) -> str:
    """The comment that speaks for a value: its own, or, when it has none, the block just
    above it."""
    return own if own else note


def _kind(comment: str) -> str:
    """``source``, ``assumption``, both (a sourced figure split or scaled by a judgement),
    or "" (neither)."""
    cited, assumed = bool(_SOURCE.search(comment)), bool(_ASSUMPTION.search(comment))
    return {(True, False): "source", (False, True): "assumption",
            (True, True): "source and assumption"}.get((cited, assumed), "")  # fmt: skip


def _values(text: str) -> Iterator[tuple[str, str, str]]:
    """Each value of one file: its dotted field path (an array's tables numbered from 0), the
    value as written, and the comment that speaks for it."""
    arrays = set(_ARRAY.findall(text))  # (``[[timeline]]``: its entries numbered from 0)
    seen, where = dict[str, int](), ""
    for table, key, value, note, comment in entries(text):
        if key is None:
            seen[table] = seen.get(table, -1) + 1
            where = f"{table}[{seen[table]}]" if table in arrays else table
        elif key not in ("extends", "drop"):
            yield f"{where}.{key}".lstrip("."), value, _said(comment.strip(), note)


def of_text(text: str, file: str) -> list[Provenance]:
    """Each value of one file whose comment (its own, else the block above it) cites a
    source, names an assumption, or both."""
    return [
        Provenance(field, value, kind, said, file)
        for field, value, said in _values(text)
        if (kind := _kind(said))
    ]


def unsaid(text: str) -> list[str]:
    """The fields of one file written with a number (or naming a distribution) whose comment
    neither cites a source nor names an assumption (names and words need neither)."""
    out = []
    for field, value, said in _values(text):
        key = field.rpartition(".")[2]
        number = bool(re.search(r"\d", value)) and key not in _NAMES
        if (number or key == "dist") and not _kind(said):
            out.append(field)
    return out


def of_file(path: Path, overrides: Mapping[str, object] | None = None) -> list[Provenance]:
    """:func:`of_text` of a scenario file and the files it ``extends`` (a child's value in
    place of its parent's), then each of ``overrides`` (``--set``) in place of the file's."""
    from sim.scenario.loader import _parent_path

    chain, seen = [], set()
    while path.resolve() not in seen:  # (a loop is the loader's to report)
        seen.add(path.resolve())
        text = path.read_text(encoding="utf-8")
        chain.append((path, text))
        parent = tomllib.loads(text).get("extends")
        if not isinstance(parent, str):
            break
        path = _parent_path(path, parent)
    rows: dict[str, Provenance] = {}
    for file, text in reversed(chain):  # (the root first: a child replaces its values)
        drops = tomllib.loads(text).get("drop")  # (the parent's tables it removes)
        for gone in drops if isinstance(drops, list) else ():
            rows = {k: r for k, r in rows.items() if not under(k, str(gone))}
        rows.update({r.field: r for r in of_text(text, file.name)})
    for field, value in (overrides or {}).items():
        was = rows.get(field)
        note = f"was {was.value} in {was.file}: {was.note}" if was else "not in the file"
        rows[field] = Provenance(field, str(value), COMMAND_LINE, note, COMMAND_LINE)
    return list(rows.values())
