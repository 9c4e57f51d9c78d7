"""``bordersim compare --declarations-a-year``'s AEO payback lines in Chinese: the same rows
and figures as :mod:`sim.cli_aeo_payback`'s English lines, in the terms of
:mod:`sim.report.zh_glossary`."""

from __future__ import annotations

from typing import Any

#: the refusals of a certification cost or a row filter given without the declarations, and
#: of a port not in the scenario (regex -> Chinese)
ERRORS: tuple[tuple[str, str], ...] = (
    (r"(?P<given>--certification-\S+(?: and --certification-\S+)?) given without "
     r"--declarations-a-year N: the payback needs your declarations a year to scale the saving",
     "给出了 {given}，但没有给出 --declarations-a-year N：计算收回成本需要贵企业每年的报关单"
     "票数来换算节省金额"),
    (r"(?P<given>--payback-\S+(?: and --payback-\S+)?) given without --declarations-a-year N: "
     r"they pick the payback's rows, which need your declarations a year",
     "给出了 {given}，但没有给出 --declarations-a-year N：这些选项筛选收回成本表的行，而该表需要"
     "贵企业每年的报关单票数"),
    (r"--payback-port: (?P<port>'.*') is not a port of the scenario (?P<name>'.*'); allowed: "
     r"(?P<ports>.*)", "--payback-port：{port} 不是情景 {name} 中的口岸；可选：{ports}"),
)
#: the refusal of a ``--declarations-a-year`` in neither form (argparse's; regex -> Chinese,
#: for :data:`sim.cli_zh_usage.MESSAGES`)
USAGE: tuple[tuple[str, str], ...] = (
    (r"expected N \(one count for both directions\) or import=N,export=N \(each direction "
     r"once\); got (?P<value>.+)",
     "应为 N（进出口共用一个票数）或 import=N,export=N（进口和出口各给一次）；实际为 {value}"),
)


def errors_said(words: dict[str, str]) -> dict[str, str]:
    """A refusal's parts as written, its flags joined in Chinese."""
    if "given" in words:
        return {**words, "given": words["given"].replace(" and ", " 和 ")}
    return words


#: import, export
DIRECTION = {"import": "进口", "export": "出口"}


def lines(rows: list[dict[str, Any]], ask: Any) -> list[str]:
    """The payback in Chinese: a heading, then one line per option, port and direction."""
    n = ask.declarations_a_year
    head = (f"单个企业的 AEO 认证（每年进口 {n['import']:,.0f} 票、出口 {n['export']:,.0f} 票报关单"
            if isinstance(n, dict) else f"单个企业的 AEO 认证（每年 {n:,.0f} 票报关单")
    if ask.cost_once is None and ask.cost_a_year is None:
        head += ("；未给出认证成本：请用 --certification-once 和 --certification-a-year "
                 "输入贵企业自己的数字")
    if not rows:
        return [head + "）：本次比较没有获得认证企业的贸易商成本（在含 [costs] 的情景上以 "
                "aeo_mutual_recognition 为选项即有）"]
    return [head + "）：", *(_line(r) for r in rows)]


def _line(r: dict[str, Any]) -> str:
    u, way = r["unit"], DIRECTION.get(r["direction"], r["direction"])
    said = (f"  {r['option']}  {r['port']} {way}：每票报关单节省 {r['saving']:,.1f} {u} "
            f"[{r['saving_low']:,.1f}, {r['saving_high']:,.1f}]（n {r['n']:,}）；每年 "
            f"{r['saved_a_year']:,.0f} {u} [{r['saved_low_a_year']:,.0f}, "
            f"{r['saved_high_a_year']:,.0f}]")
    if r["cost_a_year"] is not None:
        said += f"，扣除每年 {r['cost_a_year']:,.0f} 的维持成本后净节省 {r['net_a_year']:,.0f}"
    if r["cost_once"] is not None:
        months = r["months_to_pay_back"]
        said += ("；无法收回一次性认证成本" if months is None else
                 f"；{months:,.1f} 个月收回一次性成本 {r['cost_once']:,.0f}")
    return said + ("" if r["claimable"] else "（不能认定：区间包含 0）")
