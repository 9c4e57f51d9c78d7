"""The metric glossary: what every metric of :meth:`RunResult.metrics` means, and its unit.

One entry per metric family (:mod:`sim.experiment.metric_glossary_data` and
:mod:`sim.experiment.metric_glossary_more`): a stem with placeholders (``<port>``,
``<direction>``, ...) and the generic modifiers it takes (``_<direction>``, ``_port_<port>``,
``_port_<port>_<direction>``). :func:`lookup` finds a name's entry; the unit is
:func:`sim.experiment.compare.metric_unit` of an example name, never written twice.
``bordersim check SCENARIO --explain`` and ``docs/metrics.md`` show them.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable
from functools import lru_cache

from sim.experiment.metric_glossary_data import LAYERS, MODIFIERS, Entry
from sim.experiment.metric_glossary_more import ENTRIES
from sim.experiment.metric_glossary_pests import DISEASE
from sim.experiment.metric_names import MetricNames
from sim.experiment.metric_near import near_clause
from sim.model.finders import CHECK_NAMES, FINDERS
from sim.model.milestones import CHANNELS, OWNERS
from sim.scenario.base import DIRECTIONS, ILLICIT, TRADER_CLASSES
from sim.scenario.idling import STRETCHES as IDLING_STRETCHES
from sim.scenario.organisation import LEVELS, ROLES

__all__ = ["ENTRIES", "LAYERS", "MODIFIERS", "PLACEHOLDERS", "Entry", "explain", "explained",
           "filled", "found", "lookup", "matches", "unit"]

#: what a run-dependent name (``PREFIX<...>``) puts in place of a placeholder's value
ANY = "<...>"
#: placeholder -> (meaning, its values: None when the scenario names them)
PLACEHOLDERS: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "direction": ("`import` or `export`", DIRECTIONS),
    "port": ("a port of the scenario (a key of `[ports]`)", None),
    "lane": ("a lane of a port (`<port>_<lane>`: `sea_port_scanners`, `sea_port_lab`; an "
             "organisation's unit and role: `org/<unit>_<role>`). Lanes and their scenario "
             "fields: `declaration_review` [ports.X.review], `document_check` "
             "[ports.X.document_check], `scanners` and `image_officers` [ports.X.scan], "
             "`exam_bays`, `exam_teams`, `movers` [ports.X.exam], `quarantine_officers` "
             "[ports.X.quarantine], `cold_chain_teams` and `cold_chain_warehouse` "
             "[ports.X.quarantine.cold_chain: sampling and disinfection teams, supervision "
             "warehouse places], `exam_officers` (a joint, cross-trained pool), `gate` "
             "[ports.X.release.gate], `transit_desk` [ports.X.transit.desk: the transit "
             "goods' officers], `disposal_facility` [ports.X.quarantine.disposal_facility: "
             "places destroying or treating rejected goods], `lab` [ports.X.quarantine.lab], "
             "`exam_slots` (the "
             "exam yard's appointment slots with a capacity [ports.X.exam.slots]: its "
             "utilisation is the share of the room of the observed window's slots booked, its "
             "wait a cohort examination's wait for a slot with room, owned by customs; no "
             "queue)", None),
    "class": ("a trader class: " + ", ".join(f"`{c}`" for c in TRADER_CLASSES), TRADER_CLASSES),
    "type": ("an illicit type: " + ", ".join(f"`{t}`" for t in ILLICIT) + " (`pest`: "
             "quarantine pests; " + DISEASE + ")", ILLICIT),
    "check": ("a check: " + ", ".join(f"`{c}`" for c in CHECK_NAMES), CHECK_NAMES),
    "finder": ("the check that found the goods first: " + ", ".join(f"`{f}`" for f in FINDERS),
               FINDERS),
    "channel": ("the checks a declaration met (its channel): " + ", ".join(
        f"`{c.replace('+', '_')}`" for c in CHANNELS) + " (`physical_quarantine`: a physical "
        "exam and a quarantine check; `scan`: scanned, not examined)",
        tuple(c.replace("+", "_") for c in CHANNELS)),
    "owner": ("who owned the time: " + ", ".join(f"`{o}`" for o in OWNERS), OWNERS),
    "target": ("a time target of the scenario's `within_hours`, in hours after arrival: "
               "`24h` (always reported), `48h`, `2h`, `30min` for a target of 0.5 h, or `0h` "
               "for 0 (released on arrival)",
               None),
    "era": ("a period of a scenario's timeline, by the goods' arrival: `era_0` from the "
            "run's start, `era_1` from its first dated reform (those at one time together) "
            "to the next, ...; a run's notes say when each begins", None),
    "route": ("a smuggling group's route (a key of its `routes`)", None),
    "commodity": ("a commodity group of the scenario (a key of `[commodities]`)", None),
    "role": ("an organisation's staff role: " + ", ".join(f"`{r}`" for r in ROLES), ROLES),
    "level": ("a level of the organisation: " + ", ".join(f"`{v}`" for v in LEVELS), LEVELS),
    "stretch": ("a Time Release Study stretch a vehicle may wait through (docs/trs.md): "
                + ", ".join(f"`{s}`" for s in IDLING_STRETCHES), IDLING_STRETCHES),
    "escalation": ("an escalation's type (`ruling`, `quarantine`, `case`), or its type and "
                   "deciding level (`case_regional`)", None),
}
#: an example value of each placeholder, for the unit (:func:`unit`)
_EXAMPLE = {"port": "sea", "lane": "scanners", "route": "river", "escalation": "case",
            "era": "era_1", "target": "24h", "commodity": "frozen"}
#: a value the scenario names, when no scenario is given (never a timeline period's suffix,
#: ``_era_1``: ``utilisation_<port>_<lane>_<era>`` is not a lane named ``..._era_1``)
_FREE = r"(?:(?!_era_[0-9]+(?:_|$))[a-z0-9_/])+"
_HOLE = re.compile(r"<([a-z]+)>")


def example(entry: Entry) -> str:
    """The entry's stem with an example value in each placeholder."""
    def value(m: re.Match[str]) -> str:
        values = PLACEHOLDERS[m.group(1)][1]
        return values[0] if values else _EXAMPLE[m.group(1)]

    return _HOLE.sub(value, entry.stem)


def unit(entry: Entry) -> str:
    """The unit of the entry's metrics (:func:`metric_unit` of an example name)."""
    from sim.experiment.compare import metric_unit

    return metric_unit(example(entry))


def _values(hole: str, known: MetricNames | None) -> str:
    """A regular expression of a placeholder's values (those of ``known``'s scenario)."""
    values = PLACEHOLDERS[hole][1]
    if hole == "era":  # (numbered, whatever the scenario)
        return rf"era_[0-9]+|{re.escape(ANY)}"
    if hole == "target":  # (whole hours or minutes, whatever the scenario)
        return rf"[0-9]+h|[0-9]+min|{re.escape(ANY)}"
    if values is None and known is not None and hole in ("port", "lane"):
        values = known.ports if hole == "port" else known.lanes
    if values is None:
        return f"{_FREE}|{re.escape(ANY)}"
    return "|".join(re.escape(v) for v in (*values, ANY))


def _pattern(form: str, known: MetricNames | None) -> re.Pattern[str]:
    """A form's regular expression; ``<port>_<lane>`` is one value of ``known``'s lanes."""
    form = form.replace("<port>_<lane>", "<lane>")
    parts = _HOLE.split(form)
    out = [re.escape(p) if i % 2 == 0 else f"(?:{_values(p, known)})"
           for i, p in enumerate(parts)]
    return re.compile("".join(out))


@lru_cache(maxsize=64)
def _patterns(known: MetricNames | None) -> list[tuple[re.Pattern[str], Entry, str]]:
    """Every form of every entry: its pattern, the entry and its modifier ("": none)."""
    return [
        (_pattern(e.stem + (MODIFIERS[m][0] if m else ""), known), e, m)
        for e in ENTRIES
        for m in ("", *e.by)
    ]


def found(name: str, known: MetricNames | None = None) -> list[tuple[Entry, str]]:
    """Each (entry, modifier: "" for none) whose form matches ``name``."""
    return [(e, m) for p, e, m in _patterns(known) if p.fullmatch(name)]


def matches(name: str, known: MetricNames | None = None) -> list[Entry]:
    """Every entry whose stem or a modified form matches ``name`` (one, in a sound glossary;
    the placeholders take the values of ``known``'s scenario when given)."""
    return list(dict.fromkeys(e for e, _ in found(name, known)))


def lookup(name: str, known: MetricNames | None = None) -> Entry | None:
    """The entry of ``name``, or None (no entry, or more than one)."""
    found = matches(name, known)
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=64)
def _named_patterns(known: MetricNames) -> list[tuple[re.Pattern[str], Entry]]:
    """Every form of every entry as :func:`_patterns` gives it, each placeholder a named
    group (a placeholder met twice in a form matches the same way, unnamed)."""
    out = []
    for e in ENTRIES:
        for m in ("", *e.by):
            form = (e.stem + (MODIFIERS[m][0] if m else "")).replace("<port>_<lane>", "<lane>")
            parts, seen, rx = _HOLE.split(form), set(), []
            for i, p in enumerate(parts):
                if i % 2 == 0:
                    rx.append(re.escape(p))
                    continue
                rx.append(f"({'?:' if p in seen else f'?P<{p}>'}{_values(p, known)})")
                seen.add(p)
            out.append((re.compile("".join(rx)), e))
    return out


def filled(name: str, known: MetricNames) -> tuple[Entry, dict[str, str]] | None:
    """The entry of ``name`` and the value of each placeholder its name fills (``port``,
    ``direction``, ``class``, ``lane`` as ``<port>_<lane>``, ``type``, ...), with the
    values of ``known``'s scenario; None when no entry, or more than one, has it."""
    hits = [(e, m.groupdict()) for p, e in _named_patterns(known) if (m := p.fullmatch(name))]
    if len({id(e) for e, _ in hits}) != 1:
        return None
    return hits[0]


def explain(name: str, known: MetricNames | None = None, currency: str | None = None) -> str:
    """One line: the name, its unit (money in ``currency``, the scenario's) and its meaning
    (``?`` when no entry has it)."""
    from sim.experiment.compare import metric_unit, shown_unit

    entry = lookup(name, known)
    if entry is None or (known is not None and name not in known and ANY not in name):
        why = "not in the glossary"
        if known is not None:
            why = f"not a metric of scenario {known.scenario!r}"
            why += near_clause(name, known.listing())
        general = lookup(name)  # (a name of another scenario: when it would appear)
        if known is not None and general is not None and general.only:
            why += f"; it appears only {general.only}"
        return f"{name}\t?\t({why})"
    modifier = next(m for e, m in found(name, known) if e is entry)
    unit = shown_unit(metric_unit(name), currency)
    return f"{name}\t{unit}\t{entry.meaning}{_here(name, entry, modifier, known)}"


def _here(name: str, entry: Entry, modifier: str, known: MetricNames | None = None) -> str:
    """What a modifier restricts ``name`` to, as a sentence ("" without one). The suffix
    is what follows the stem: its shortest start that the stem's form matches (a stem's
    placeholder, ``inspection_rate_<class>``, may hold underscores: ``aeo_advanced``)."""
    if not modifier:
        return ""
    stem = _pattern(entry.stem, known)
    end = next(
        (i for i in range(len(name)) if name[i] == "_" and stem.fullmatch(name[:i])),
        len(entry.stem),
    )
    suffix = name[end + 1 :]
    if modifier == "direction":
        return f" Here: {suffix}s only."
    if modifier == "port":
        return f" Here: port {suffix[len('port_'):]} only."
    port, _, direction = suffix[len("port_") :].rpartition("_")
    return f" Here: port {port}, {direction}s only."


def explained(
    wanted: Iterable[str], known: MetricNames, currency: str | None = None
) -> list[str]:
    """:func:`explain` of each of ``wanted`` (every name ``known`` lists when empty): a name,
    or a shell pattern (``burden_share_*``, as ``--show`` takes) for each name of ``known``
    it picks, so a family (a class's figures, say) is found without knowing its names."""
    wanted = list(wanted)
    if not wanted:
        return [explain(n, known, currency) for n in known.listing()]
    out: list[str] = []
    for w in wanted:
        if not any(ch in w for ch in "*?["):
            out.append(explain(w, known, currency))
            continue
        picked = fnmatch.filter(sorted(known.names), w)
        out += [explain(n, known, currency) for n in picked] or [
            f"{w}\t?\t(matches no metric of scenario {known.scenario!r}{_mentioned(w)})"]
    return list(dict.fromkeys(out))


def _mentioned(pattern: str) -> str:
    """Where a pattern names no metric, the glossary stems whose meaning mentions its word
    (``demurrage*``: ``storage_per_container``, ...): a user's word for a figure (demurrage,
    inventory holding) is often not in the metric's name. Nothing for a word of fewer than
    four letters or one more than five meanings use (``nothing``: too common to point at a
    figure)."""
    word = re.sub(r"[*?\[\]]+", " ", pattern).replace("_", " ").strip().lower()
    if len(word) < 4:
        return ""
    said = re.compile(rf"\b{re.escape(word)}\b")
    stems = [e.stem for e in ENTRIES if said.search(e.meaning.lower())]
    return f"; meanings that mention {word!r}: {', '.join(stems)}" if 0 < len(stems) <= 5 else ""
