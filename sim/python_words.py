"""Notes and warnings in the Python API's words: the same messages the command line prints,
with each of its flags spelt as the argument that does the same from Python (``--days 21``
as ``days=21``, ``--reps 2`` as ``reps=2``), so that a notebook is not told to type a flag.

One table (:data:`ARGUMENTS`) serves both ways: :func:`as_python` rewrites a message, and
:func:`either_spelling` widens a pattern of :mod:`sim.warning_codes` to read both spellings,
so a note keeps its code and figures whichever face printed it. In Python, ``reps=``,
``max_reps=`` and ``precision=`` are arguments of ``replicate`` and ``compare``; a field
(``days=21``, ``warmup_days=28``) is a change to the scenario: ``sim.patch(scenario,
{"days": 21})``, or ``compare``'s ``overrides=``."""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from typing import ParamSpec, TypeVar

#: a command-line flag -> the argument or field that does the same from Python ('' for
#: ``--set``, whose ``KEY=VALUE`` is already a field's change)
ARGUMENTS = {
    "--days": "days",
    "--reps": "reps",
    "--max-reps": "max_reps",
    "--precision": "precision",
    "--set": "",
    "--sobol": "n",
    "--metric": "metric",
    "--output": "output",
}
#: a flag whose value is one of a few words: that word, after it, is the argument's text
#: (``--output clearance`` -> ``output='clearance'``)
CHOICES = {"--output": ("clearance", "queue")}
#: a flag, whole (not the end of a longer one), and the value after it, if any: a number,
#: a field's change, a quoted name (``--metric 'x'``) or a placeholder (``--sobol N``)
_FLAG = re.compile(
    r"(?<![\w-])(?P<flag>" + "|".join(re.escape(f) for f in sorted(ARGUMENTS, key=len,
                                                                      reverse=True))
    + r")(?![\w-])(?: (?P<value>[\d.,]*\d|[\w.]+=|'[\w.]+=[^']*'|'[\w.]+'"
    + r")|(?P<placeholder> [A-Z]\b)|(?P<word> [a-z]+\b))?"
)
#: what a bare ``--set`` (no change after it) is from Python
BARE_SET = "overrides"
#: a phrase of the command line's that Python says otherwise (read before the flags are):
#: ``{out}`` is the argument that names the results folder (``out``; ``replicate``'s ``store``)
PHRASES = {"another --out folder": "another folder as {out}=",
           "choose an --out folder": "choose a folder as {out}="}
#: the argument that names a results folder, unless a function says another (:func:`as_python`)
OUT = "out"
#: "a --set" as a noun (not before its change): an entry of ``overrides`` from Python
_A_SET = re.compile(r"\ba --set(?![\w-])(?! '?[\w.]+=)")
#: the command that lists a scenario's metrics (its path shell-quoted, or SCENARIO)
_CHECK_METRICS = re.compile(r"bordersim check (?P<path>'[^']*'|\S+) --metrics(?![\w-])")
#: how the command line compares a reform given where a scenario goes
_REFORM = re.compile(r"--reforms (?P<reform>\w+) \(bordersim reforms (?P=reform) gives its "
                     r"strengths\)")


def as_python(message: str, out: str = OUT) -> str:
    """``message`` with each flag of :data:`ARGUMENTS` in Python's spelling: ``--days 21`` ->
    ``days=21``, ``--set warmup_days=28`` -> ``warmup_days=28``, a bare ``--reps`` -> ``reps``,
    a bare ``--set`` -> ``overrides`` (``compare``'s and ``load_scenario``'s argument), "a
    --set" as a noun -> "an entry of overrides"; a
    phrase of :data:`PHRASES` as Python says it (the results folder as the argument ``out``
    names it: ``out=``, ``replicate``'s ``store=``), ``bordersim check PATH --metrics`` as
    ``sim.metric_names(PATH)`` and ``--reforms R (bordersim reforms R ...)`` as
    ``sim.compare(scenario, ['R'])``."""
    for phrase, python in PHRASES.items():
        message = message.replace(phrase, python.format(out=out))
    message = _A_SET.sub(f"an entry of {BARE_SET}", message)
    message = _CHECK_METRICS.sub(_metric_names, message)
    message = _REFORM.sub(lambda found: f"sim.compare(scenario, [{found['reform']!r}]) (its "
                          f"strengths: sim.reforms.REFORMS[{found['reform']!r}].params)", message)
    return _FLAG.sub(_spelt, message)


_QUOTE = "'"


def _metric_names(found: re.Match[str]) -> str:
    """``bordersim check PATH --metrics`` as the call that lists the same names."""
    path = found["path"]
    if path == "SCENARIO":
        return "sim.metric_names(scenario)"
    return f"sim.metric_names({path.strip(_QUOTE)!r})"


def _spelt(found: re.Match[str]) -> str:
    flag, word = found["flag"], found["word"]
    if word is not None:  # (a choice of CHOICES, or the next word of the sentence)
        name = ARGUMENTS[flag] or BARE_SET
        chosen = word.strip()
        return f"{name}={chosen!r}" if chosen in CHOICES.get(flag, ()) else name + word
    name, value = ARGUMENTS[flag], found["value"]
    if not name:
        return value.strip("'") if value else BARE_SET
    return f"{name}={value}" if value else name


def either_spelling(pattern: str) -> str:
    """A regular expression of a message that also reads it in Python's spelling: each
    ``--flag `` before a value may be ``name=`` instead (``--set `` may be left out), a bare
    ``--flag`` its name (``--set``: :data:`BARE_SET`)."""
    for flag, name in ARGUMENTS.items():
        bare = name or BARE_SET
        python = f"{name}=" if name else ""  # (and a bare flag before a word: "--set changes")
        pattern = pattern.replace(f"{flag} ", f"(?:{re.escape(flag)} |{bare} |{python})")
        pattern = re.sub(rf"(?<![\w\\-]){flag}(?![\w-])", f"(?:{re.escape(flag)}|{bare})",
                         pattern)
    return pattern


K = TypeVar("K")


def warnings_as_python(by: Mapping[K, list[str]]) -> dict[K, list[str]]:
    """Warnings kept by option, point or year (``CompareResult.warnings``, a sweep's
    ``attrs["warnings"]``), each in Python's words (:func:`as_python`)."""
    return {key: [as_python(w) for w in ws] for key, ws in by.items()}


P = ParamSpec("P")
R = TypeVar("R")


def given_in_python_words(
    run: Callable[P, R],
    words: Callable[[R], None],
    errors: tuple[type[Exception], ...] = (),
    out: str = OUT,
    nested: bool = False,
) -> Callable[P, R]:
    """``run`` as the Python API gives it (``sim.simulate``, ``sim.sweep``): ``words`` puts
    its result's warnings in Python's words, once whatever stores them has stored the command
    line's; ``run`` itself, which the command line runs, keeps those. An error of ``errors``
    that ``run`` raises says its one message in Python's words too (``out``: the argument
    that names its results folder, as :func:`as_python`'s). With ``nested`` that folder is
    refused inside another results folder first, as the command line refuses its ``--out``
    (:mod:`sim.experiment.nesting`). Help and signature are ``run``'s."""

    @functools.wraps(run)
    def given(*args: P.args, **kwargs: P.kwargs) -> R:
        with python_errors(*errors, out=out):
            if nested:
                _not_nested(run, out, args, kwargs)
            result = run(*args, **kwargs)
        words(result)
        return result

    return given


def _not_nested(run: Callable[..., object], out: str, args: tuple[object, ...],
                kwargs: dict[str, object]) -> None:
    """Refuse the results folder ``run``'s argument ``out`` names inside another one (a
    call whose arguments do not fit ``run`` is left to ``run`` to refuse)."""
    import inspect

    from sim.experiment.nesting import check_given_folder

    try:
        given = inspect.signature(run).bind(*args, **kwargs).arguments
    except TypeError:
        return
    check_given_folder(given.get(out))


@contextlib.contextmanager
def python_errors(*errors: type[Exception], out: str = OUT) -> Iterator[None]:
    """An error of ``errors`` raised inside says its one message in Python's words
    (``metric='x'`` for ``--metric 'x'``; ``out``: as :func:`as_python`'s); its type, and
    any other error, as raised. An error that keeps its problems apart (a
    :class:`~sim.scenario.loader.ScenarioError`, whose ``format()`` says them again) has
    each reworded by its ``reword``, so that both say Python's words."""
    try:
        yield
    except errors as exc:
        reword = getattr(exc, "reword", None)
        if callable(reword):
            reword(functools.partial(as_python, out=out))
        elif len(exc.args) == 1 and isinstance(exc.args[0], str):
            exc.args = (as_python(exc.args[0], out),)
        raise

