"""Options of a comparison: a name and the scenario changes that make it.

An option is a name plus dotted-path overrides (``{"ports.sea_port.scan.scanners.capacity": 4}``).
The first option is always ``baseline``: the scenario unchanged. An option named ``A+B`` whose
parts are options is their combination (the overrides of both, which must not disagree; each
part once, and no changes of its own); the comparison then also reports the interaction
``(A+B) - A - B + baseline``.

Options come from the command line, ``--option NAME:KEY=VALUE[,KEY=VALUE...]`` (values read as
TOML, a bare word as a string), or from a TOML file::

    [options.more_scanners]
    description = "one more H986 scanner at the sea port"
    set = { "ports.sea_port.scan.scanners.capacity" = 4 }

    [options."more_scanners+ai_90"]    # no 'set': the combination of the two

A bare ``NAME`` (an option with no overrides that is neither ``baseline`` nor a combination)
is the reform of that name (:mod:`sim.reforms`); :func:`reform_option` makes an option of any
reform text (``single_window:uptake=0.8``, ``joint_inspection@60d``, ``A+B``). A reform option
is applied to the scenario after the overrides. A combination of reforms whose parts are not
options is given them (:func:`with_parts`): ``--reforms A+B`` compares A, B and A+B.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sim.experiment.option_label import changes_said
from sim.scenario.keys import KeyProblem, dotted_key

BASELINE = "baseline"
_NAME = re.compile(r"^[A-Za-z0-9_.+-]+$")
#: the longest option name (a folder's name; reforms' names, a date and '+' fit well within)
MAX_NAME = 200


class OptionError(ValueError):
    """An option that cannot be understood (reported to the user without a traceback)."""


@dataclass(frozen=True)
class Option:
    """A named variant of the scenario: dotted-path overrides applied on top of it, then
    ``reform``, reform text as ``--reforms`` takes it (``"single_window:uptake=0.8"``)."""

    name: str
    overrides: Mapping[str, Any] = field(default_factory=dict)
    description: str = ""
    parts: tuple[str, ...] = ()  # the options an ``A+B`` combination is made of
    reform: str = ""  # reforms of the library applied after the overrides (sim.reforms)
    #: where the overrides were given, named by an error they cause (default: the option)
    origin: str = ""
    #: a scenario file whose settings make this option instead of the compared scenario's
    #: (its overrides on top): two files side by side, paired by the same seeds
    scenario: str = ""

    def __post_init__(self) -> None:
        if self.name.startswith(".") and _NAME.match(self.name):
            only = "be only dots" if not self.name.strip(".") else "begin with a dot"
            raise OptionError(
                f"option name {self.name!r}: a name cannot {only} (it names the option's "
                "folder: '.' and '..' are folders already, a dot-name a hidden one); begin "
                "it with a letter, a digit or _"
            )
        if self.name.lower() == BASELINE and self.name != BASELINE:
            raise OptionError(
                f"option name {self.name!r}: it differs from 'baseline', the scenario "
                "unchanged, only in case, and their folders would be one where case is not "
                "told apart; name your option otherwise"
            )
        if not _NAME.match(self.name) or self.name.startswith("+"):
            raise OptionError(
                f"option name {self.name!r}: use letters, digits and _ . - "
                "(and + to combine options)"
            )
        if len(self.name) > MAX_NAME:  # (it names a folder: file systems stop at 255 bytes)
            raise OptionError(
                f"option name {self.name[:40]!r}...: {len(self.name)} characters; at most "
                f"{MAX_NAME} (it names the option's folder)"
            )
        if not all(self.name.split("+")):
            raise OptionError(
                f"option name {self.name!r}: '+' joins two options (A+B); one side is empty"
            )
        self._check_combination()

    def _check_combination(self) -> None:
        """A name with '+' is a combination: of different options (``a+a`` has no
        interaction to report), and with no changes of its own (it takes its parts')."""
        if "+" not in self.name:
            return
        names = self.name.split("+")
        again = sorted({n for n in names if names.count(n) > 1})
        if again:
            raise OptionError(
                f"option name {self.name!r}: a combination joins different options; "
                f"{', '.join(repr(n) for n in again)} is given twice"
            )
        if self.scenario and "+" in self.name:
            raise OptionError(
                f"option name {self.name!r}: an option given by a scenario file is not a "
                "combination; write the combined settings into one file and name it "
                "without '+'"
            )
        if self.overrides and not self.parts:
            raise OptionError(
                f"option name {self.name!r}: '+' joins options into a combination, which "
                "takes its parts' changes; an option with changes of its own needs a name "
                f"without '+' (e.g. {self.name.replace('+', '_')})"
            )

    @property
    def is_combination(self) -> bool:
        return len(self.parts) >= 2

    def label(self) -> str:
        """What the option is, short enough for a table's row or a plot's legend: its
        description, else its scenario file, reform and changes (values as a reader writes
        them: :mod:`sim.experiment.option_label`), else its name ("the scenario unchanged"
        for the baseline)."""
        more = changes_said(self.overrides)
        if self.description:
            return self.description
        if self.scenario:
            return f"scenario {self.scenario}" + (f" with {more}" if more else "")
        if self.reform:
            return reform_description(self.reform, self.overrides)
        if not more:
            return "the scenario unchanged" if self.name == BASELINE else self.name
        return more

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "overrides": dict(self.overrides),
            "parts": list(self.parts),
            "reform": self.reform,
            **({"scenario": self.scenario} if self.scenario else {}),
        }


def read_value(raw: str) -> Any:
    """A value as TOML (``4``, ``0.9``, ``"separate"``, ``[1, 2]``); a bare word as a string."""
    raw = raw.strip()
    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        return raw


def parse_option(text: str, given_as: str = "--option") -> Option:
    """``NAME`` or ``NAME:KEY=VALUE[,KEY=VALUE...]`` (commas inside [], {} or quotes kept);
    an error names it as ``given_as`` (``--option`` on the command line, ``option`` from
    Python)."""
    name, sep, rest = text.partition(":")
    name = name.strip()
    if not sep and "=" in name:  # (a change without the option's name before it)
        head, space, change = name.partition(" ")  # ('NAME KEY=VALUE': a space for the colon)
        first, _, after = name.partition("=")  # ('NAME=KEY=VALUE': '=' for the colon)
        if space and "=" not in head:
            example = f"{head}:{change.strip()}"
        elif "." not in first and "=" in after and "." in after.partition("=")[0]:
            example = f"{first.strip()}:{after.strip()}"
        else:
            example = f"mine:{name}"
        raise OptionError(
            f"{given_as} {text!r}: a change needs the option's name first: NAME:KEY=VALUE, "
            f"e.g. {example}"
        )
    overrides: dict[str, Any] = {}
    items = _split_top(rest) if sep else []
    if items and len(items) < len(_split_top(rest, keep_empty=True)):
        raise OptionError(
            f"{given_as} {text!r}: an empty change (two commas together, or one at the end); "
            "give NAME:KEY=VALUE[,KEY=VALUE] with one comma between changes"
        )
    scenario = items.pop(0)[1:].strip() if items and items[0].startswith("@") else ""
    if rest.strip().startswith("@") and not scenario:
        raise OptionError(f"{given_as} {text!r}: '@' needs a scenario file: NAME:@FILE.toml")
    if sep:
        for item in items:
            key, eq, raw = item.partition("=")
            try:
                key = dotted_key(key)
            except KeyProblem as exc:
                raise OptionError(f"{given_as} {text!r}: {exc}") from None
            if not eq or not key:
                raise OptionError(
                    f"{given_as} {text!r}: expected NAME:KEY=VALUE[,KEY=VALUE], e.g. "
                    "more_scanners:ports.sea_port.scan.scanners.capacity=4"
                )
            if key in overrides:
                raise OptionError(f"{given_as} {text!r}: {key} is set twice; give it one value")
            overrides[key] = read_value(raw)
    _not_strengths(text, name, overrides, given_as)
    return Option(name, overrides, scenario=scenario)


def _not_strengths(text: str, name: str, overrides: Mapping[str, Any], given_as: str) -> None:
    """Refuse ``REFORM:STRENGTH=VALUE`` as an option's changes: its keys are dotted field
    paths, and a reform's strength (``single_window:uptake=0.8``) is no field; say how a
    reform is given at a strength instead (``--reforms`` there, ``Option(reform=...)`` here)."""
    if not overrides or any("." in key for key in overrides):
        return
    from sim.reforms import REFORMS

    reform = REFORMS.get(name)
    strengths = [key for key in overrides if reform is not None and key in reform.params]
    if not strengths:
        return
    text = text.strip()
    how = (
        f"--reforms {text!r}"
        if given_as.startswith("--")
        else f"sim.Option({name + '_1'!r}, reform={text!r}) (any name)"
    )
    raise OptionError(
        f"{given_as} {text!r}: {' and '.join(strengths)} "
        f"{'is a strength' if len(strengths) == 1 else 'are strengths'} of the reform {name}, "
        f"not a scenario field (an option's KEY=VALUE sets a field by its dotted path); "
        f"give the reform at that strength as {how}"
    )


def _split_top(text: str, keep_empty: bool = False) -> list[str]:
    """Split on commas that are not inside brackets, braces or quotes (``keep_empty``: with
    the empty parts, as between two commas)."""
    from sim.reforms.compose import split_top

    return [p for p in (s.strip() for s in split_top(text, ",")) if p or keep_empty]


def read_options_file(path: str | Path) -> list[Option]:
    """Options from a TOML file (``[options.NAME]`` tables with ``description`` and ``set``),
    read with the checks of a scenario file: a regular file of at most
    :data:`~sim.scenario.files.MAX_SCENARIO_BYTES`, UTF-8 (any problem: :class:`OptionError`)."""
    from sim.scenario.files import MAX_SCENARIO_BYTES, FileProblem, read_text
    from sim.scenario.toml_errors import toml_problem

    path = Path(path)
    try:
        text = read_text(path, MAX_SCENARIO_BYTES)
        data = tomllib.loads(text)
    except FileProblem as exc:
        if exc.missing:
            raise OptionError(f"options file not found: {path}") from None
        raise OptionError(f"options file {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise OptionError(f"{path}: {toml_problem(exc, text)}") from None
    except RecursionError:
        raise OptionError(f"{path}: not valid TOML (tables or arrays nested too deeply)") from None
    table = data.get("options")
    if not isinstance(table, dict) or not table:
        raise OptionError(f"{path}: no [options.NAME] tables")
    out = []
    for name, spec in table.items():
        _plain_text(path, name, spec)
        if not isinstance(spec, dict):
            raise OptionError(f"{path}: options.{name} must be a table")
        unknown = set(spec) - {"description", "set", "scenario"}
        if unknown:
            raise OptionError(
                f"{path}: options.{name}: unknown key(s) {', '.join(sorted(unknown))}; "
                "allowed: description, set, scenario"
            )
        file = spec.get("scenario", "")
        if not isinstance(file, str):
            raise OptionError(f"{path}: options.{name}.scenario must be a file name (a string)")
        overrides = spec.get("set", {})
        if not isinstance(overrides, dict):
            raise OptionError(f"{path}: options.{name}.set must be a table of dotted keys")
        origin = f"{path} [options.{name}]"
        try:
            where = str(path.parent / file) if file else ""  # (beside the options file)
            out.append(
                Option(name, dict(overrides), str(spec.get("description", "")), origin=origin,
                       scenario=where)
            )
        except OptionError as exc:
            raise OptionError(f"{path}: options.{name}: {exc}") from None
    return out


def _plain_text(path: Path, name: str, spec: Any) -> None:
    """Refuse an option's name or description holding a terminal control character or a
    bidirectional override (:mod:`sim.scenario.text_chars`): both are printed to the terminal
    and into the report, so an options file written by someone else must not act on them."""
    from sim.scenario.text_chars import ALLOWED, bad_char

    described = spec.get("description") if isinstance(spec, dict) else None
    shown = name if bad_char(name) is None else repr(name)
    for part, text in (("", name), (".description", described)):
        found = bad_char(text) if isinstance(text, str) else None
        if found:
            raise OptionError(
                f"{path}: options.{shown}{part} = {text!r}: holds {found}; {ALLOWED}"
            )


def _one(option: Any) -> Option:
    """One option of a list: an :class:`Option` or its text (a wrong type is a TypeError)."""
    if isinstance(option, str):
        return parse_option(option, "option")
    if not isinstance(option, Option):
        raise TypeError(
            "each option must be an Option or a 'NAME:KEY=VALUE' string; got "
            f"{type(option).__name__} {option!r}"
        )
    return option


def resolve_options(options: Iterable[Option | str]) -> list[Option]:
    """The options to run, baseline first: combinations resolved, names unique.

    ``baseline`` is added when missing (and must not carry overrides). ``A+B`` without its
    own overrides takes those of its parts; its parts must be options too, and may not set
    the same key to different values.
    """
    if isinstance(options, str | Option) or not isinstance(options, Iterable):
        raise TypeError(
            "options must be a list of Option or 'NAME:KEY=VALUE' strings; got "
            f"{type(options).__name__} {options!r} (put one option in a list: [...])"
        )
    given = [_one(o) for o in options]
    names = [o.name for o in given]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise OptionError(f"option(s) given twice: {', '.join(dupes)}")
    folded = [n.lower() for n in names]
    alike = [n for n, f in zip(names, folded, strict=True) if folded.count(f) > 1]
    if alike:
        raise OptionError(
            f"options {' and '.join(repr(n) for n in alike)} differ only in case: their "
            "folders would be one where case is not told apart; name them otherwise"
        )
    given = [_bare(o) for o in with_parts(given)]  # (before a combination reads its parts)
    by_name = {o.name: o for o in given}
    base = by_name.pop(BASELINE, Option(BASELINE))
    if base.scenario:
        raise OptionError(
            "the option 'baseline' is the compared scenario: give its file as the scenario to "
            "compare (bordersim compare FILE ...), and name the option otherwise"
        )
    if base.overrides:
        raise OptionError(
            "the option 'baseline' is the scenario unchanged: it takes no KEY=VALUE; give "
            "your option another name"
        )
    if base.reform:
        raise OptionError(
            f"the option 'baseline' is the scenario unchanged: it takes no reform "
            f"({base.reform!r}); give your option another name"
        )
    out = [Option(BASELINE, {}, base.description or "the scenario unchanged")]
    for o in given:
        if o.name == BASELINE:
            continue
        parts = tuple(p for p in o.name.split("+") if p)
        if len(parts) >= 2:
            missing = [p for p in parts if p not in by_name]
            if missing and not o.overrides:
                raise OptionError(_missing_parts(o.name, missing))
            if not missing:
                out.append(_combination(o, [by_name[p] for p in parts]))
                continue
        out.append(o)
    return out


def _combination(o: Option, parts: list[Option]) -> Option:
    """Combination ``o`` of the options ``parts``: their changes (which must agree) and
    reforms, then its own; parts given by a scenario file cannot be joined."""
    files = [p.name for p in parts if p.scenario]
    if files:
        raise OptionError(
            f"option {o.name!r}: {', '.join(files)} is given by a scenario file, and a "
            "combination cannot join files: write the combined settings into one "
            "file and compare it as an option of its own"
        )
    reform = o.reform or "+".join(p.reform for p in parts if p.reform)
    merged: dict[str, Any] = {}
    for p in parts:
        for k, v in p.overrides.items():
            if k in merged and merged[k] != v:
                raise OptionError(
                    f"option {o.name!r}: its parts set {k} to different values "
                    f"({merged[k]!r} and {v!r})"
                )
            merged[k] = v
    merged.update(o.overrides)
    said = o.description or (reform_description(reform, merged) if reform else "")
    return Option(o.name, merged, said, tuple(p.name for p in parts), reform)


def _bare(o: Option) -> Option:
    """An option given by a bare name (no changes, not a combination): the reform of that
    name (see :func:`_named_reform`); one given a reform without a description
    (``Option("sw80", reform="single_window:uptake=0.8")``): described as a reform option is;
    any other option as it is."""
    if o.reform and not o.description and o.name != BASELINE:
        return replace(o, description=reform_description(o.reform, o.overrides))
    if o.name == BASELINE or o.overrides or o.reform or o.scenario or "+" in o.name:
        return o
    return _named_reform(o)


def reform_description(reform: str, overrides: Mapping[str, Any] | None = None) -> str:
    """What an option that applies ``reform`` (with its strengths) is, as tables and reports
    show it: ``reform single_window:uptake=0.8``, then the changes made before it."""
    changes = changes_said(overrides or {})
    return f"reform {reform.strip()}" + (f", after {changes}" if changes else "")


def with_parts(given: list[Option]) -> list[Option]:
    """``given`` with the parts of each combination ``A+B`` that makes no changes of its
    own added before it when they are not options already and are reforms (its interaction
    ``(A+B) - A - B + baseline`` needs A and B alone)."""
    names = {o.name for o in given}
    out: list[Option] = []
    for o in given:
        if "+" in o.name and not o.overrides:
            for part in _reform_parts(o):
                if part.name not in names:
                    out.append(part)
                    names.add(part.name)
        out.append(o)
    return out


def _reform_parts(o: Option) -> list[Option]:
    """The parts of combination ``o`` as reform options: from its reform text
    (``--reforms A+B``), else those of its name's parts that name a reform (``--option A+B``)."""
    from sim.reforms import REFORMS
    from sim.reforms.compose import split_top

    names = o.name.split("+")
    if not o.reform:
        return [reform_option(p) for p in names if p in REFORMS]
    parts = [reform_option(t.strip()) for t in split_top(o.reform, "+")]
    return parts if [p.name for p in parts] == names else []


def _missing_parts(name: str, missing: list[str]) -> str:
    """The error of a combination whose parts are neither options nor reforms."""
    verb = "is not an option or a reform" if len(missing) == 1 else "are not options or reforms"
    give = " and ".join(f"--option {m}:KEY=VALUE" for m in missing)
    return (
        f"option {name!r} combines {name.replace('+', ' and ')}, but {' and '.join(missing)} "
        f"{verb}: give {give} too (or see `bordersim reforms` for the reforms)"
    )


def _named_reform(o: Option) -> Option:
    """A bare option name that is a reform of the library: that reform."""
    from sim.reforms import REFORMS
    from sim.reforms.compose import near

    if o.name not in REFORMS:
        raise OptionError(
            f"option {o.name!r} changes nothing and is not a reform{near(o.name)}; see "
            f"`bordersim reforms`, or give it changes as {o.name}:KEY=VALUE[,KEY=VALUE]"
        )
    return reform_option(o.name, o.description)


_SAFE = {":": ".", "=": "-", "@": ".at.", ",": ".", ">": ".then."}
_SAFE.update(dict.fromkeys("{}[]\"'", ""))  # strengths that are TOML arrays or tables


def reform_option(text: str, description: str = "") -> Option:
    """An option that applies reform text (``single_window:uptake=0.8``, ``A+B``, ``A@60d``);
    its name is the text with ``: = @ ,`` spelt so that an option name allows them."""
    from sim.reforms.compose import parse, without_exponent_signs
    from sim.reforms.reform import ReformError

    text = without_exponent_signs(text)  # (so that a '+' in its name joins reforms)
    try:
        plan = parse(text)  # (a transition without a date: refused with the scenario)
        why = next((r.missing() for r in plan.reforms if r.missing()), "")
    except ReformError as exc:
        raise OptionError(str(exc)) from None
    if why:
        raise OptionError(why)
    name = "".join(_SAFE.get(ch, ch) for ch in text.strip().replace(" ", ""))
    return Option(name, {}, description or reform_description(text), reform=text.strip())
