"""The workbook's business case sheet and the money its figures are in: a comparison's
``appraisal.csv`` (written by ``bordersim appraise``) with its terms (horizon, discount rate,
money, set-up costs given) from ``appraisal.json``, so a finance office reading the
workbook alone gets the business case the report shows, each figure with its unit and 95 %
interval. No sheet where the folder has not been appraised."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from sim.report.folder import ResultsFolderError, own_bytes, read_csv
from sim.report.workbook_sheets import Sheet

#: the sheet's columns: (the file's column, header in English, in Chinese)
_COLUMNS = (("option", "option", "方案"), ("figure", "figure (name in appraisal.csv)", "指标代码"),
            ("meaning", "meaning", "含义"), ("unit", "unit", "单位"), ("mean", "mean", "均值"),
            ("ci_low", "95 % interval, low", "95% 置信区间下限"),
            ("ci_high", "95 % interval, high", "95% 置信区间上限"),
            ("n", "replications", "重复运行次数"))
#: the Chinese of a figure's unit apart from its money (``appraisal_folder.UNITS``' forms)
_ZH_UNITS = {"{money}": "{money}", "{money} per year": "{money}/年",
             "{money} per consignment-hour": "{money}/票·小时",
             "{money} per illicit declaration found": "{money}（每多查获 1 份违规报关单）",
             "consignment-hours per year": "票·小时/年", "declarations per year": "份报关单/年",
             "head-hours per year": "人·小时/年", "years": "年"}


def money_said(folder: Path, kind: str, meta: dict[str, Any], lang: str) -> str:
    """What the folder's money figures are in, with the year of their prices ("USD at 2019
    prices"): the comparison's record, else the scenario's ``[costs]``; its currency alone
    where neither says the year."""
    money = str(meta.get("money") or "")
    if not money:
        scenario = folder / ("options/baseline" if kind == "compare" else "") / "scenario.json"
        costs = _object(scenario).get("costs") if scenario.is_file() else None
        if isinstance(costs, dict) and costs.get("price_year") and costs.get("currency"):
            money = f"{costs['currency']} at {costs['price_year']} prices"
    money = money or str(meta.get("currency", ""))
    if lang == "zh":
        from sim.cli_zh import money as zh_money

        return zh_money(money)
    return money


def appraisal_sheet(folder: Path, lang: str) -> Sheet | None:
    """The business case sheet of an appraised comparison's folder (None without
    ``appraisal.csv``); a damaged appraisal is a :class:`ResultsFolderError` naming it."""
    file = folder / "appraisal.csv"
    if not file.is_file():
        return None
    zh = lang == "zh"
    table = read_csv(file, dtype={"option": str, "figure": str})
    terms = _object(folder / "appraisal.json")
    missing = [c for c, _, _ in _COLUMNS if c not in table.columns]
    if missing or not {"years", "discount_rate", "money", "setup"} <= set(terms):
        raise ResultsFolderError(f"{file} or appraisal.json is not what bordersim appraise "
                                 f"writes; run bordersim appraise {folder} again", repair=False)
    _check_current(folder, table, terms)
    table = table[[c for c, _, _ in _COLUMNS]].copy()
    payback = table["figure"] == "payback_years"
    for col in ("mean", "ci_low", "ci_high"):  # (a payback beyond the horizon: never; of 0
        # years: at once, as the report's cell says it, not a 0 that reads as none)
        table[col] = table[col].astype(object).where(~table[col].map(_inf), _never(zh))
        table[col] = table[col].where(~(payback & (table[col] == 0)), _at_once(zh))
    unknown = set(terms.get("setup_unknown") or {})  # (a reform of no set-up figure: its
    # payback is not known, as the report and appraise say, not an empty cell)
    for col in ("mean", "ci_low", "ci_high"):
        table[col] = table[col].where(~(payback & table["option"].isin(unknown)),
                                      _not_known(zh))
    if zh:
        from sim.cli_zh_appraise import FIGURES
        from sim.experiment.appraisal_sources import labelled, part

        sources = part(terms, "cost_sources")
        table["meaning"] = [labelled(str(f), FIGURES[str(f)], part(sources, str(o)) or None,
                                     zh=True)
                            for f, o in zip(table["figure"], table["option"], strict=True)]
        table["unit"] = table["figure"].map(lambda f: _zh_unit(f, str(terms["money"])))
    table.columns = [zh_name if zh else en for _, en, zh_name in _COLUMNS]
    return Sheet("效益成本分析" if zh else "business-case", _about(terms, zh), table,
                 source="appraisal.csv",
                 formats={zh_h if zh else en: "#,##0.00" for c, en, zh_h in _COLUMNS
                          if c in ("mean", "ci_low", "ci_high")})


def older_than_replications(folder: Path, table: Any) -> tuple[str, int, int] | None:
    """The first option whose appraisal (``table``: ``appraisal.csv``) is of another number
    of paired replications than the folder now holds (a comparison resumed since), with
    both numbers; None where the appraisal is current. The workbook refuses such a one, the
    report says it beside the business case."""
    reps = read_csv(folder / "replications.csv", usecols=["option", "replication"],
                    dtype={"option": str})
    held = {o: set(r) for o, r in reps.groupby("option")["replication"]}
    base = held.get("baseline", set())
    for option, n in table.groupby("option")["n"].max().items():
        paired = len(base & held.get(str(option), set()))
        if paired != int(n):
            return str(option), int(n), paired
    return None


def _check_current(folder: Path, table: Any, terms: dict[str, Any]) -> None:
    """Refuse an appraisal older than the folder's replications (a comparison resumed with
    more since): its figures would disagree with every other sheet's. The command to run
    again carries the terms the appraisal was given (``appraisal.json``), so that the new
    one is of the same business case."""
    from sim.shell_line import bordersim_line

    older = older_than_replications(folder, table)
    if older is not None:
        option, n, paired = older
        again = bordersim_line("appraise", folder, *given_flags(folder, terms))
        raise ResultsFolderError(
            f"{folder / 'appraisal.csv'} is of {n} replications of {option}, the "
            f"folder now holds {paired}: run {again} again (the terms it was given, from "
            "appraisal.json) before making the workbook", repair=False)


def given_flags(folder: Path, terms: dict[str, Any]) -> list[str]:
    """The flags of ``bordersim appraise`` that give ``terms`` (``appraisal.json``'s): each
    ``--setup`` and ``--running`` given (an appraisal written before ``--running`` has none;
    one that records ``cost_sources`` gives no flag for a library default), and
    ``--years``, ``--discount-rate`` and ``--time-value-scale`` where they are not the
    defaults (10 years, the baseline scenario's rate, 1), and ``--count-freed-capacity``
    where the NPV counted the capacity freed, and each ``--cost-range`` given."""
    out: list[str] = []
    sources = terms.get("cost_sources")
    for flag, key in (("--setup", "setup"), ("--running", "running")):
        out += [w for k, v in dict(terms.get(key) or {}).items()
                if not isinstance(sources, dict) or _given(sources.get(k), key)
                for w in (flag, f"{k}={float(v):.15g}")]
    if int(terms["years"]) != 10:  # (appraise's default)
        out += ["--years", str(int(terms["years"]))]
    scenario = folder / "options" / "baseline" / "scenario.json"
    costs = _object(scenario).get("costs") if scenario.is_file() else None
    rate = float(terms["discount_rate"])
    if not isinstance(costs, dict) or costs.get("discount_rate") != rate:
        out += ["--discount-rate", f"{rate:.15g}"]
    scale = float(terms.get("time_value_scale", 1.0))
    out += ["--time-value-scale", f"{scale:.15g}"] if scale != 1 else []
    from sim.experiment.price_index import from_record

    carried = from_record(terms.get("carried"))  # (money at another year's prices)
    out += ([] if carried is None else
            ["--price-year", str(carried.to_year), "--price-index", carried.index])
    out += ["--count-residual-value"] if terms.get("count_residual_value") else []
    out += [w for k, (low, high) in dict(terms.get("cost_ranges") or {}).items()
            for w in ("--cost-range", f"{k}={float(low):.15g}:{float(high):.15g}")]
    return out + (["--count-freed-capacity"] if terms.get("count_freed_capacity") else [])


def _given(sources: Any, kind: str) -> bool:
    """Whether an option's ``kind`` of cost was given at appraisal (``cost_sources``'): a
    library default is not given again as a flag, lest the new appraisal call it given."""
    from sim.experiment.appraisal_sources import GIVEN

    return isinstance(sources, dict) and sources.get(kind) == GIVEN


def _about(terms: dict[str, Any], zh: bool) -> str:
    """The business case's terms, as the readme sheet says them: each option's set-up and
    running cost with where it came from (given, or the library's default: an assumption)."""
    setup = _costs(terms, "setup", zh, "")
    running = _costs(terms, "running", zh, "/年" if zh else " a year")
    if zh:
        from sim.cli_zh import money

        return (f"效益成本分析（bordersim appraise）：期限 {terms['years']} 年，折现率 "
                f"{float(terms['discount_rate']):g}，金额单位：{money(str(terms['money']))}；"
                f"一次性建设成本：{setup or '无'}；所加每年运行成本：{running or '无'}；"
                "各项为均值及 95% 置信区间（与基准方案配对）")
    return (f"the business case (bordersim appraise) over {terms['years']} years at a "
            f"discount rate of {float(terms['discount_rate']):g}, money in {terms['money']}; "
            f"one-off set-up costs: {setup or 'none'}; running costs added: "
            f"{running or 'none'}; each figure's mean and 95 % interval over the replications "
            "(paired with the baseline)")


def _costs(terms: dict[str, Any], kind: str, zh: bool, per: str) -> str:
    """Each option's ``kind`` (``setup``, ``running``) of cost in ``terms``
    (``appraisal.json``'s), each with where it came from where the file says it (an
    appraisal written before sources were recorded, or before ``--running``, has less)."""
    from sim.experiment.appraisal_sources import WORDS, WORDS_ZH, part

    sources = part(terms, "cost_sources")
    words = WORDS_ZH if zh else WORDS
    out = []
    for name, amount in dict(terms.get(kind) or {}).items():
        source = words.get(str(part(sources, name).get(kind)))
        out.append(f"{name} {float(amount):,.0f}{per}"
                   + ("" if source is None else f"（{source}）" if zh else f" ({source})"))
    return ("；" if zh else "; ").join(out)


def _zh_unit(figure: str, money: str) -> str:
    from sim.cli_zh import money as zh_money
    from sim.experiment.appraisal_folder import UNITS

    return _ZH_UNITS[UNITS[figure]].format(money=zh_money(money))


def _inf(x: Any) -> bool:
    return isinstance(x, float) and math.isinf(x)


def _never(zh: bool) -> str:
    return "期内不回收" if zh else "never"


def _at_once(zh: bool) -> str:
    from sim.cli_zh_appraise import said
    from sim.report.appraisal_section import AT_ONCE

    return said(AT_ONCE) if zh else AT_ONCE  # (立即回收, the console's word)


def _not_known(zh: bool) -> str:
    from sim.cli_zh_appraise import said
    from sim.report.appraisal_section import NOT_KNOWN

    return said(NOT_KNOWN) if zh else NOT_KNOWN  # (未知（没有建设成本）, the report's word)


def _object(file: Path) -> dict[str, Any]:
    """A JSON object of the folder, read as the report reads one (never through a link)."""
    try:
        data = json.loads(own_bytes(file, 64 * 2**20).decode("utf-8"))
    except (OSError, ValueError) as exc:
        raise ResultsFolderError(f"{file}: cannot be read ({exc})", repair=False) from None
    if not isinstance(data, dict):
        raise ResultsFolderError(f"{file}: not a JSON object", repair=False)
    return data
