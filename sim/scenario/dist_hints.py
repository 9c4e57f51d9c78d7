"""What to write instead, when a distribution is given as another simulation tool gives it.

A modeller moving a model from another tool writes ``{dist = "exponential", lambda = 2}``
(a rate, where the schema takes a mean), a lognormal by its underlying normal's ``mu`` and
``sigma``, a triangular by ``min`` and ``max``, or a ``weibull`` the schema does not have.
"unknown key" says what is allowed, not how to convert; these hints say that
(docs/from-anylogic.md gives the conversions).
"""

from __future__ import annotations

from typing import Any

_PAGE = " (docs/from-anylogic.md)"
_LOGNORMAL = ("; lognormal takes the mean and cv of the times themselves; from the underlying "
              "normal's mu and sigma: mean = exp(mu + sigma^2/2), cv = sqrt(exp(sigma^2) - 1)")
_GAMMA = "; gamma takes mean and cv: from shape k and scale s, mean = k x s, cv = 1 / sqrt(k)"
_BOUNDS = {"min": "low", "max": "high", "a": "low", "b": "high", "left": "low",
           "right": "high", "minimum": "low", "maximum": "high", "lower": "low",
           "upper": "high", "c": "mode", "peak": "mode", "likely": "mode"}
#: (dist, key written) -> what to write
_KEYS: dict[str, dict[str, str]] = {
    "exponential": dict.fromkeys(
        ("lambda", "rate", "beta", "scale"),
        "; exponential takes its mean, not a rate: mean = 1 / lambda (a time with its unit: "
        "a rate of 0.5 a minute is mean = \"2 min\")"),
    "lognormal": dict.fromkeys(("mu", "sigma", "meanlog", "sdlog", "scale", "shape", "sd",
                                "std", "min"), _LOGNORMAL),
    "gamma": dict.fromkeys(("alpha", "beta", "shape", "scale", "k", "theta", "rate", "sd",
                            "std", "min"), _GAMMA),
}
_ELSE = ("; for another shape draw a sample of it into a CSV and give {dist = \"empirical\", "
         "csv = ..., unit = ...}")
_DISTS = {
    "erlang": "; an Erlang of k phases is {dist = \"gamma\", mean = ..., cv = 1 / sqrt(k)}",
    "normal": "; times are never below 0: a lognormal or gamma of the same mean and cv "
              "(cv = sd / mean) keeps them so" + _ELSE,
    "const": "; a fixed time is \"15 min\" (or {dist = \"deterministic\", value = ...})",
    "constant": "; a fixed time is \"15 min\" (or {dist = \"deterministic\", value = ...})",
    "fixed": "; a fixed time is \"15 min\" (or {dist = \"deterministic\", value = ...})",
}


def key_hint(dist: str | None, key: str) -> str:
    """How to write ``key`` of a ``dist`` the schema names otherwise, or ''."""
    if dist in ("triangular", "uniform") and key.lower() in _BOUNDS:
        to = _BOUNDS[key.lower()]
        if dist == "uniform" and to == "mode":
            return ""
        return f"; write {key!r} as {to!r}" + _PAGE
    hint = _KEYS.get(dist or "", {}).get(key.lower(), "")
    return hint + _PAGE if hint else ""


def dist_hint(given: Any) -> str:
    """For a distribution the schema lacks (``given``: the table written), what to write."""
    name = given.get("dist") if isinstance(given, dict) else None
    if not isinstance(name, str) or not name:
        return ""
    return _DISTS.get(name.lower(), _ELSE) + _PAGE
