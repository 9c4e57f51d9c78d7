"""What a reform of the library still lacks in Chinese, as entries to paste:
``python -m sim.report.zh_reform_todo NAME [NAME ...]`` (no name: every reform).

A reform's Chinese lives in four tables, each entry keyed and holding the digest of the
English it translates (:func:`sim.report.zh_reforms.digest`): its mechanism in
:mod:`sim.report.zh_reforms`, its TFA reason in :mod:`sim.report.zh_tfa`, its strengths and
sources in :mod:`sim.report.zh_strengths_more`. This prints, table by table, each entry that
is missing or stale with its key and digest worked out and the English as a comment; the
Chinese is left as ``...``, which the type check refuses until it is written, so a pasted
entry cannot pass for a translation. ``docs/adding-a-reform.md`` step 4."""

from __future__ import annotations

import sys
from collections import defaultdict

from sim.reforms import REFORMS
from sim.reforms.tfa import TAGS
from sim.report.zh_reforms import UNTRANSLATED, digest, mechanism
from sim.report.zh_strengths import source, strength
from sim.report.zh_tfa import WHYS

#: where each kind of entry goes: the file and its table
TABLES = {
    "mechanism": "sim/report/zh_reforms.py, MECHANISMS",
    "tfa": "sim/report/zh_tfa.py, WHYS",
    "strength": "sim/report/zh_strengths_more.py, MORE_STRENGTHS",
    "source": "sim/report/zh_strengths_more.py, MORE_SOURCES",
}


def _entry(key: str, english: str) -> str:
    """One table entry to paste: key, digest, the Chinese to write, the English it says."""
    return f'    "{key}": ("{digest(english)}", ...),  # {english}'


def todo(name: str) -> dict[str, list[str]]:
    """Reform ``name``'s missing or stale Chinese entries, by kind (keys of :data:`TABLES`);
    empty when it has all of them."""
    reform = REFORMS[name]
    out: dict[str, list[str]] = defaultdict(list)
    if mechanism(name, reform.mechanism) is None:
        out["mechanism"].append(_entry(name, reform.mechanism))
    tag = TAGS.get(name)
    known = WHYS.get(name)
    if tag is not None and (known is None or known[0] != digest(tag.why)):
        out["tfa"].append(_entry(name, tag.why))
    for key, param in reform.params.items():
        if strength(name, key, param.doc).startswith(UNTRANSLATED):
            out["strength"].append(_entry(f"{name}.{key}", param.doc))
    for i, said in enumerate(reform.sources):
        if source(name, i, said).startswith(UNTRANSLATED):
            out["source"].append(_entry(f"{name}:{i}", said))
    return dict(out)


def report(names: list[str]) -> str:
    """The entries every reform of ``names`` lacks, grouped under the table they go in."""
    merged: dict[str, list[str]] = defaultdict(list)
    for name in names:
        for kind, lines in todo(name).items():
            merged[kind] += lines
    if not merged:
        return "every reform named has all its Chinese\n"
    out = []
    for kind, where in TABLES.items():
        if merged.get(kind):
            out += [f"# {where}", *merged[kind], ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Print the missing entries; exit 2 naming the known reforms for an unknown name."""
    names = list(sys.argv[1:] if argv is None else argv) or list(REFORMS)
    unknown = [n for n in names if n not in REFORMS]
    if unknown:
        print(f"error: unknown reform(s) {', '.join(unknown)}; known: {', '.join(REFORMS)}",
              file=sys.stderr)
        return 2
    print(report(names), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
