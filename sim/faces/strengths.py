"""A library reform's strengths as the workshop page offers them: typed in, checked, named.

The page's option for a reform of the library runs it at its default strengths unless the
facilitator types others (AI auto-clear at 0.5, then at 0.9); a box cleared means its
default again. Only the reform's own number
strengths are offered (those ``bordersim reforms NAME`` lists, without the running cost and
transition every reform carries, and without names, tables or words: they keep their
defaults). What the page sends is text; it is read as ``--reforms NAME:K=V`` reads it and
checked by the reform library, so a bad value is refused in the command line's words. The
reform the option runs is written back from the checked numbers (never from the text sent),
so no text typed on the page can add a reform, a date or another strength.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from sim.experiment.options import Option
from sim.reforms.reform import Param, ReformError
from sim.scenario.schema import Scenario

#: what a page sends: option name -> strength -> the text typed for it
Typed = Mapping[str, Mapping[str, str]]


def offered(option: Option) -> dict[str, Param]:
    """The strengths the page offers for ``option``: those of its library reform that are
    numbers (or whole numbers) with a range, by name; none for any other option."""
    from sim.faces.choices import own_strengths
    from sim.reforms import REFORMS

    reform = REFORMS.get(option.reform or "")
    if reform is None:
        return {}
    return {k: reform.params[k] for k in own_strengths(reform.name)
            if reform.params[k].kind in ("number", "whole") and not reform.params[k].choices}


def shown_default(param: Param) -> str:
    """A strength's default as its input box starts (as ``--reforms`` writes it; empty for
    one unset by default: its meaning says what then applies)."""
    from sim.reforms.reform import toml_value

    return "" if param.default is None else toml_value(param.default)


def given(typed: Mapping[str, str]) -> dict[str, str]:
    """The strengths in ``typed`` that are given: a box cleared (empty or blank) means its
    default, as one never typed in does (a facilitator clears it to go back to normal)."""
    return {k: v for k, v in typed.items() if v.strip()}


def checked(option: Option, typed: Mapping[str, str]) -> dict[str, float | int]:
    """The strengths typed for ``option``, read as the command line reads them and checked
    by the reform library (a ValueError in its words: out of range, not a number, unknown);
    a blank one is left at its default (:func:`given`)."""
    from sim.reforms import REFORMS
    from sim.reforms.compose import read_value

    typed = given(typed)
    if not typed:
        return {}
    params = offered(option)
    if not params:
        raise ReformError(f"option {option.name}: takes no strengths on the page")
    unknown = [k for k in typed if k not in params]
    if unknown:
        raise ReformError(f"reform {option.reform}: unknown parameter {unknown[0]!r}; "
                          f"allowed: {', '.join(params)}")
    reform = REFORMS[str(option.reform)](**{k: read_value(v) for k, v in typed.items()})
    return {k: reform.strengths[k] for k in typed}


def strengthened(option: Option, typed: Mapping[str, str]) -> Option:
    """``option`` at the strengths typed for it (checked), its reform written as
    ``NAME:K=V,...`` from the checked numbers and its words naming them."""
    from sim.reforms.reform import toml_value

    values = checked(option, typed)
    if not values:
        return option
    said = ",".join(f"{k}={toml_value(v)}" for k, v in values.items())
    return replace(option, reform=f"{option.reform}:{said}")


def as_default(option: Option, typed: Mapping[str, str], scenario: Scenario) -> list[str]:
    """A note for each strength typed for ``option`` that makes the same scenario as its
    default or its lowest value (AI auto-clear typed at 0.3 where the scenario already
    clears 0.5: the reform never lowers it), so that an option labelled with it is not read
    as running at it."""
    from sim.faces.choices import with_reform
    from sim.reforms.reform import toml_value

    values = checked(option, typed)
    params = offered(option)

    def at(key: str, value: float | None) -> Scenario:
        said = {**values, key: value}
        text = ",".join(f"{k}={toml_value(v)}" for k, v in said.items() if v is not None)
        return with_reform(scenario, f"{option.reform}:{text}" if text else str(option.reform))

    out = []
    for key, value in values.items():
        param, typed_at = params[key], at(key, value)
        for ref, what in ((param.default, "its default"), (param.low, "its lowest")):
            if ref is None or ref == value or at(key, None if what == "its default" else ref
                                                 ) != typed_at:
                continue
            out.append(f"{option.reform} at {key}={toml_value(value)} is the same option as at "
                       f"{key}={toml_value(ref)} ({what}) on this scenario ({key}: "
                       f"{param.doc}): the scenario already has as much or more, or nothing "
                       "it acts on")
            break
    return out


def named(name: str, values: Mapping[str, float | int], lang: str = "en") -> str:
    """An option's name with the strengths chosen for it, as a run's side is labelled
    (``smart_image_review at clear=0.9``; just the name at its defaults)."""
    from sim.reforms.reform import toml_value

    if not values:
        return name
    said = [f"{k}={toml_value(v)}" for k, v in values.items()]
    if lang == "zh":
        return f"{name}（强度 {'，'.join(said)}）"
    return f"{name} at {', '.join(said)}"


def options_named(options: tuple[str, ...], typed: Typed, catalogue: Mapping[str, Option],
                  lang: str = "en") -> str:
    """The options switched on (``A+B``), each named with the strengths typed for it (in
    English then spaced, ``A at k=1 + B``: ``A at k=1+B`` reads as one strength ``1+B``)."""
    said = [named(n, checked(catalogue[n], typed.get(n, {})), lang) for n in options]
    spaced = lang != "zh" and any(s != n for s, n in zip(said, options, strict=True))
    return (" + " if spaced else "+").join(said)


def input_label(reform: str, key: str, param: Param, lang: str = "en") -> str:
    """A strength's input box label: its name, allowed range and meaning, as ``bordersim
    reforms NAME`` declares them (in Chinese from :mod:`sim.report.zh_strengths`, the
    English meaning where it has none)."""
    if lang != "zh":
        return f"{key} ({param.allowed()}): {param.doc}"
    import re

    from sim.report.zh_reforms import UNTRANSLATED
    from sim.report.zh_strengths import strength

    meaning = strength(reform, key, param.doc)
    meaning = param.doc if meaning.startswith(UNTRANSLATED) else meaning
    low, high = re.findall(r"\S+(?= to )|(?<= to )\S+", param.allowed())
    whole = " 的整数" if param.kind == "whole" else ""
    return f"{key}（可取 {low} 至 {high}{whole}）：{meaning}"
