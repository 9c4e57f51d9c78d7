"""A distribution written as another simulation tool writes it (:mod:`sim.scenario.dist_hints`),
in Chinese: a ``dist`` the schema lacks (normal, Erlang, a fixed time) or a parameter it
names otherwise (an exponential's rate, a lognormal's mu and sigma, a gamma's shape and
scale, a triangular's min and max), with what to write instead. Names, formulas and the
page to read are kept as written. Read by :mod:`sim.cli_zh_errors`."""

from __future__ import annotations

_UNKNOWN = r"unknown distribution; allowed 'dist' values: (?P<allowed>[\w, ]+)"
_KEY = (r"unknown key (?P<key>'[^']*'); (?:did you mean (?P<near>'[^']*')\? )?Allowed here: "
        r"(?P<allowed>[\w, ]+)")
_PAGE = r" \((?P<page>\S+)\)"
_UNKNOWN_ZH = "未知分布；'dist' 可取：{allowed}"
_KEY_ZH = "未知字段 {key}{near}；此处可用的字段：{allowed}"

#: an English reason (the whole of it) -> its Chinese; groups said by :func:`said`
ERRORS: tuple[tuple[str, str], ...] = (
    (_UNKNOWN + r"; times are never below 0: a lognormal or gamma of the same mean and cv "
     r"\((?P<cv>cv = sd / mean)\) keeps them so; for another shape draw a sample of it into a "
     r"CSV and give (?P<form>\{[^}]+\})" + _PAGE,
     _UNKNOWN_ZH + "；时长不会小于 0：请改用均值和 cv 相同（{cv}）的 'lognormal' 或 'gamma' "
     "分布；其他形状的分布请把样本写入 CSV 文件，并写成 {form}（见 {page}）"),
    (_UNKNOWN + r"; an Erlang of k phases is (?P<form>\{dist = \"gamma\", mean = \.\.\., "
     r"cv = 1 / sqrt\(k\)\})" + _PAGE,
     _UNKNOWN_ZH + "；k 阶爱尔朗分布即 {form}（见 {page}）"),
    (_UNKNOWN + r"; a fixed time is (?P<fixed>\"15 min\") \(or (?P<form>\{dist = "
     r"\"deterministic\", value = \.\.\.\})\)" + _PAGE,
     _UNKNOWN_ZH + "；固定时长写作 {fixed}（或 {form}）（见 {page}）"),
    (_UNKNOWN, _UNKNOWN_ZH),
    (_KEY + r"; write (?P<bad>'[^']*') as (?P<good>'[^']*')" + _PAGE,
     _KEY_ZH + "；{bad} 应写作 {good}（见 {page}）"),
    (_KEY + r"; exponential takes its mean, not a rate: (?P<formula>mean = 1 / lambda) \(a "
     r"time with its unit: a rate of 0\.5 a minute is (?P<example>mean = \"2 min\")\)" + _PAGE,
     _KEY_ZH + "；'exponential' 分布取均值而非速率：{formula}（均值是带单位的时长："
     "每分钟 0.5 次即 {example}）（见 {page}）"),
    (_KEY + r"; lognormal takes the mean and cv of the times themselves; from the underlying "
     r"normal's mu and sigma: (?P<formula>mean = exp\(mu \+ sigma\^2/2\), cv = "
     r"sqrt\(exp\(sigma\^2\) - 1\))" + _PAGE,
     _KEY_ZH + "；'lognormal' 分布取时长本身的均值和 cv；由其对应正态分布的 'mu' 和 'sigma' "
     "换算：{formula}（见 {page}）"),
    (_KEY + r"; gamma takes mean and cv: from shape k and scale s, (?P<formula>mean = k x s, "
     r"cv = 1 / sqrt\(k\))" + _PAGE,
     _KEY_ZH + "；'gamma' 分布取均值和 cv：由形状参数 k 和尺度参数 s 换算：{formula}（见 {page}）"),
)


def said(words: dict[str, str]) -> dict[str, str]:
    """The groups of an :data:`ERRORS` pattern as the Chinese says them: the near key asked
    after (nothing when there is none)."""
    out = dict(words)
    if "near" in out:
        out["near"] = f"（是否应为 {out['near']}？）" if out["near"] else ""
    return out
