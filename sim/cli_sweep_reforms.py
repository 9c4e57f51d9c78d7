"""``bordersim sweep``'s reform keys checked before anything runs or is written.

A ``--param`` or ``--range`` key written ``REFORM:STRENGTH`` sweeps a library reform's
strength (:mod:`sim.experiment.sweep_reforms`): the reform and the strength must exist, and
every listed value and both ends of a range must be values the reform allows, as
``--reforms NAME:K=V`` checks them; each refusal is one ``error:`` line naming the flag.
"""

from __future__ import annotations

import argparse
from typing import Any

from sim.cli import UsageError


def check_reform_keys(args: argparse.Namespace) -> None:
    """Refuse an unknown reform or strength, or a value it does not allow, in ``--param``
    (each value) and ``--range`` (each end, as the sample would set it)."""
    from sim.experiment.sweep_reforms import check_value, is_reform_key
    from sim.reforms.reform import ReformError

    given: list[tuple[str, str, list[Any]]] = [
        ("--param", key, list(values)) for key, values in args.params if is_reform_key(key)
    ]
    given += [
        ("--range", key, [r.setting(r.low), r.setting(r.high)])
        for key, r in args.ranges
        if is_reform_key(key)
    ]
    for flag, key, values in given:
        for i, value in enumerate(values):
            try:
                check_value(key, value)
            except ReformError as exc:
                reason = str(exc).removeprefix(f"sweep key {key!r}: ")
                hint = _decimal_comma(key, values[i - 1 : i + 1]) if flag == "--param" else ""
                raise UsageError(f"{flag} {key}: {reason}{hint}") from None


def _decimal_comma(key: str, pair: list[Any]) -> str:
    """A value refused just after a whole number (``0,5`` read as the values 0 and 5): if
    the two read as one decimal (``0.5``) are allowed, how to write it; else ''."""
    from sim.experiment.sweep_reforms import check_value
    from sim.reforms.reform import ReformError

    whole = len(pair) == 2 and all(type(v) is int and v >= 0 for v in pair)
    if not whole:
        return ""
    decimal = f"{pair[0]}.{pair[1]}"
    try:
        check_value(key, float(decimal))
    except ReformError:
        return ""
    return (f" (a comma separates values: for {pair[0]},{pair[1]} write the decimal point, "
            f"{decimal})")


def field_ranges(ranges: list[Any]) -> list[Any]:
    """The ``--range`` pairs over scenario fields (those over a reform's strength are
    checked by :func:`check_reform_keys`)."""
    from sim.experiment.sweep_reforms import is_reform_key

    return [(key, r) for key, r in ranges if not is_reform_key(key)]


def idle_reform_notes(args: argparse.Namespace, base: Any) -> list[str]:
    """The swept reforms that can have no effect on the scenario at any swept strength (each
    value or range end): their points differ in nothing, which must not read as a flat
    response (as a swept field that acts on nothing is noted)."""
    from sim.experiment.sweep_reforms import is_reform_key, strength_of

    given = [(key, list(values)) for key, values in args.params]
    given += [(key, [r.setting(r.low), r.setting(r.high)]) for key, r in args.ranges]
    out = []
    for key, values in given:
        if not is_reform_key(key):
            continue
        reform, param = strength_of(key)
        whys = [reform(**{param: value}).no_effect(base) for value in values]
        if all(whys):
            out.append(f"the swept values can have no effect: {reform.name}: {whys[0]}; "
                       f"the points' figures owe nothing to {key} (flat by construction, not "
                       "a measured response)")
    return out
