"""Reforms written as text, composed and dated.

``NAME[:K=V,K=V][@TIME]`` is one reform (``single_window:uptake=0.8``,
``joint_inspection@60d``); ``A+B`` applies both, each computed on the same scenario, and is an
error when both write the same field (naming the field and the two reforms); ``A>B`` declares
an order: B is computed on A's result and wins where both write. A reform with ``@TIME``
(``60d``, ``12h`` or a date ``2018-04-20`` with the scenario's ``start_date``) goes into the
scenario's ``timeline``: it switches on at that time inside the run.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sim.reforms.imports_only import moot_with_risk
from sim.reforms.reform import Changes, Reform, ReformError
from sim.scenario.patch import patch, scenario_data, set_path
from sim.scenario.schema import Scenario


def read_value(raw: str) -> Any:
    """A strength as TOML (``0.8``, ``"frozen"``); a bare word as a string."""
    try:
        return tomllib.loads(f"v = {raw.strip()}")["v"]
    except tomllib.TOMLDecodeError:
        return raw.strip()


def split_top(text: str, sep: str) -> list[str]:
    """``text`` split on ``sep`` where it stands outside brackets, braces and quotes, so that
    a strength may be a TOML array or inline table (``groups={a=["x","y"]}``)."""
    parts, depth, quote, start = [], 0, "", 0
    for i, ch in enumerate(text):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        elif ch == sep and depth == 0 and not _exponent(text, i):
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _exponent(text: str, i: int) -> bool:
    """Whether the '+' at ``text[i]`` is a number's exponent sign (``2e+06``), not a join."""
    return (
        text[i] == "+"
        and i >= 2
        and text[i - 1] in "eE"
        and text[i - 2].isdigit()
        and text[i + 1 : i + 2].isdigit()
    )


def without_exponent_signs(text: str) -> str:
    """``text`` with every number's exponent '+' dropped (``2e+06`` -> ``2e06``), so that
    each '+' left joins reforms."""
    return "".join(ch for i, ch in enumerate(text) if not _exponent(text, i))


def catalogue() -> dict[str, Reform]:
    from sim.reforms import REFORMS

    return REFORMS


def _commas(parts: list[str]) -> str:
    """How to write reforms given with commas between them (a comma separates a reform's
    parameters)."""
    return (f"reforms are separated by spaces, not commas (--reforms {' '.join(parts)}: each "
            f"an option), or joined by '+' to apply them in one option ({'+'.join(parts)})")


def parse_one(text: str) -> tuple[Reform, str | None]:
    """``NAME[:K=V,...][@TIME]`` -> (the reform at those strengths, TIME or None)."""
    text = text.strip()
    body, *dated = split_top(text, "@")
    when = "@".join(dated)
    if dated and not when.strip():
        raise ReformError(f"reform {text!r}: '@' needs a time after it (60d, 12h or a date)")
    name, _, params = body.partition(":")
    reform = catalogue().get(name.strip())
    if reform is None:
        parts = [p.strip() for p in name.split(",")]
        if len(parts) > 1 and all(p in catalogue() for p in parts):
            raise ReformError(f"{name.strip()!r} is not one reform: {_commas(parts)}")
        raise ReformError(
            f"unknown reform {name.strip()!r}{near(name.strip())}; "
            "see `bordersim reforms` for the list"
        )
    values: dict[str, Any] = {}
    for item in filter(None, (p.strip() for p in split_top(params, ","))):
        key, eq, raw = item.partition("=")
        if not eq and item.partition(":")[0] in catalogue():
            raise ReformError(
                f"reform {text!r}: {item!r} is a reform, not a parameter: "
                f"{_commas([body.rpartition(',')[0], item])}"
            )
        if not eq:
            raise ReformError(f"reform {reform.name}: {item!r}: write parameters as KEY=VALUE")
        if key.strip() in values:
            raise ReformError(
                f"reform {text!r}: {key.strip()} is set twice; give it one value"
            )
        values[key.strip()] = read_value(raw)
    return reform(**values), (when.strip() or None)


@dataclass(frozen=True)
class Composite:
    """Reforms applied together: stages in order (``>``), each stage's reforms side by side
    (``+``), and dated reforms (``@``) for the scenario's timeline."""

    stages: tuple[tuple[Reform, ...], ...]
    dated: tuple[tuple[str, str], ...] = ()  # (reform label, time)
    text: str = ""

    @property
    def reforms(self) -> list[Reform]:
        return [r for stage in self.stages for r in stage]

    def fields(self, scenario: Scenario) -> Changes:
        """Every field this composition changes on ``scenario`` (timeline included)."""
        data = scenario_data(scenario)
        total: Changes = {}
        for stage in self.stages:
            changes = _side_by_side(stage, data)
            for dotted, value in changes.items():
                set_path(data, dotted, value)
            total.update(changes)
        total = moot_with_risk(data, total)  # (an imports-only reform beside the risk engine)
        if self.dated:  # (one written twice alike is once, as an undated one side by side)
            timeline = list(data.get("timeline") or [])
            timeline += [{"reform": label, "at": when} for label, when in dict.fromkeys(self.dated)]
            total["timeline"] = timeline
        return total

    def apply(self, scenario: Scenario) -> Scenario:
        self.check_undated(scenario)
        return patch(scenario, self.fields(scenario), f"reform {self.text}")

    def check_undated(self, scenario: Scenario | None = None) -> None:
        """Refuse a transition on an undated reform: it acts from the reform's date, and an
        undated reform is in force from the run's start, so it would silently do nothing.
        With ``scenario``: a reform that cannot be dated on it is told the transition cannot
        be used, not to date it."""
        from sim.reforms.timeline import built_field

        for r in self.reforms:
            days = r.strengths.get("transition_days", 0) if r.structural else 0
            if days <= 0:
                continue
            what = (f"reform {r.label}: its transition (officers' service times longer by "
                    f"{r.strengths['transition_loss']:g} for {days:g} days) runs from the "
                    "reform's date")
            found = None if scenario is None else built_field(scenario, r.fields(scenario))
            if scenario is not None and found is not None:
                raise ReformError(
                    f"{what}, but this reform cannot be dated in scenario {scenario.name!r}: "
                    f"it changes {found[0]} (to {found[1]}), which is built once for the run, "
                    "so the transition cannot be used here; drop transition_days (the reform "
                    "then applies from the run's start, with no running-in)"
                )
            raise ReformError(
                f"{what}, and an undated reform is in force from the run's start, so it "
                f"would do nothing: date it, e.g. {r.label}@<days>d at or after the end of "
                "the warm-up, so that the running-in falls in the observed days"
            )

    def no_effect(self, scenario: Scenario) -> str:
        """Why none of these reforms can have an effect on ``scenario`` ('' when one can):
        each reform's reason, named when there are several."""
        parts = self.reforms + [parse_one(label)[0] for label, _ in self.dated]
        why = {r.name: r.no_effect(scenario) for r in parts}
        if not all(why.values()):
            return ""
        if len(why) == 1:
            return next(iter(why.values()))
        return "; ".join(f"{name}: {reason}" for name, reason in why.items())

    def caveat(self, scenario: Scenario) -> str:
        """What of these reforms cannot act on ``scenario`` while the rest can ('' if all
        can): each reform's :meth:`Reform.caveat`."""
        return "; ".join(c for r in self.reforms if (c := r.caveat(scenario)))


def near(name: str) -> str:
    """" (did you mean 'X'?)" for a misspelt reform name, or ""."""
    close = difflib.get_close_matches(name, sorted(catalogue()), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def overlaps(a: str, b: str) -> bool:
    """Whether dotted paths ``a`` and ``b`` name one field, or one holds the other."""
    return _overlaps(a, b)


def _overlaps(a: str, b: str) -> bool:
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def _side_by_side(stage: Sequence[Reform], data: dict[str, Any]) -> Changes:
    """The union of the stage's changes; two reforms writing one field is an error."""
    out: Changes = {}
    owner: dict[str, str] = {}
    for r in stage:
        for dotted, value in r.fields(data).items():
            for other, who in owner.items():
                if _overlaps(dotted, other):
                    raise ReformError(
                        f"reforms {who} and {r.name} both change {max(dotted, other, key=len)}; "
                        f"declare an order with '>' ({who}>{r.name} applies {r.name} last)"
                    )
            owner[dotted] = r.name
            out[dotted] = value
    return out


def parse(text: str) -> Composite:
    """``A+B>C@60d`` and the like (see the module notes)."""
    if not text.strip():
        raise ReformError(f"no reform in {text!r}")
    stages, dated = [], []
    for stage_text in split_top(text, ">"):
        terms = [t.strip() for t in split_top(stage_text, "+")]
        if not all(terms):  # 'A+', '+A', 'A++B', 'A>' or '>A': never read as A alone
            op = ">" if not stage_text.strip() else "+"
            raise ReformError(
                f"reform text {text.strip()!r}: {op!r} needs a reform on each side "
                f"(e.g. single_window{op}joint_inspection; see `bordersim reforms`)"
            )
        stage = []
        for term in terms:
            reform, when = parse_one(term)
            if when is None:
                stage.append(reform)
            else:
                dated.append((reform.label, when))
        if stage:
            stages.append(tuple(stage))
    if not stages and not dated:
        raise ReformError(f"no reform in {text!r}")
    return Composite(tuple(stages), tuple(dated), text.strip())


def apply(scenario: Scenario, text: str) -> Scenario:
    """``scenario`` with the reforms written in ``text`` applied (dated ones timed)."""
    return parse(text).apply(scenario)
