"""What ``bordersim workbook`` puts in each sheet, as plain tables read from a checked results
folder: the headline figures with their 95 % intervals and units (and, in a comparison, each
option's paired difference from the baseline), and the folder's main CSV tables as they are.
Nothing is computed here but the choice and order of rows: every number is the folder's own,
so the workbook cannot say what the folder does not. :mod:`sim.report.workbook` writes them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from sim.report.folder import read_csv, read_object
from sim.report.route_labels import route_labels, with_route_label
from sim.report.zh_workbook import option_said

#: the folder's tables a sheet shows whole (file, sheet name in English and in Chinese,
#: what it is in each); a comparison's ``differences.csv`` only with a comparison
TABLES: tuple[tuple[str, str, str, str, str], ...] = (
    ("differences.csv", "differences", "配对差异",
     "every figure's paired difference, option minus baseline on the same seeds, with its "
     "95 % interval",
     "每个指标的配对差异（方案减基准方案，相同随机数种子）及其 95% 置信区间"),
    ("summary.csv", "summary", "全部指标",
     "every figure of every option: its mean over the replications and 95 % interval",
     "每个方案的全部指标：各次重复运行的均值及 95% 置信区间"),
    ("enforcement.csv", "enforcement", "执法",
     "declarations inspected, detected and seized by port, direction and what they truly "
     "were, a replication's mean over the observed days",
     "按口岸、进出口方向和货物真实情况统计的查验、查出和查扣报关单数（观测期内，各次重复运行的均值）"),
    ("trading-across-borders.csv", "trading-across-borders", "跨境贸易",
     "time and cost of documentary and border compliance by port and direction",
     "按口岸和方向统计的单证合规与边境合规的时间和成本"),
)

#: readable headers of the headline sheet (English, Chinese)
HEADLINE_COLUMNS: dict[str, tuple[str, str]] = {
    "figure": ("figure", "指标"),
    "metric": ("metric (name in the results folder)", "指标代码（结果文件夹中的名称）"),
    "unit": ("unit", "单位"),
    "option": ("option", "方案"),
    "mean": ("mean", "均值"),
    "low": ("95 % interval, low", "95% 置信区间下限"),
    "high": ("95 % interval, high", "95% 置信区间上限"),
    "n": ("replications", "重复运行次数"),
    "diff": ("change from baseline (option minus baseline)", "相对基准方案的变化（方案减基准）"),
    "diff_low": ("change, 95 % interval low", "变化 95% 置信区间下限"),
    "diff_high": ("change, 95 % interval high", "变化 95% 置信区间上限"),
    "clear": ("clear change (Holm-corrected)", "变化显著（Holm 校正）"),
    "steady": ("steady-state", "稳态"),
}
#: Chinese headers of the full tables' common columns (others keep the file's name)
ZH_COLUMNS = {"option": "方案", "metric": "指标代码", "metric_zh": "指标", "base": "基础指标",
              "port": "口岸", "direction": "方向", "trader_class": "企业信用等级",
              "lane": "环节", "unit": "单位", "mean": "均值", "ci_low": "95% 置信区间下限（原始）",
              "ci_high": "95% 置信区间上限（原始）", "n": "重复运行次数",
              "shown_low": "95% 置信区间下限（截至可能范围）",
              "shown_high": "95% 置信区间上限（截至可能范围）", "p_value": "p 值",
              "steady_state": "稳态", "significant": "显著（Holm 校正）", "truth": "真实情况"}


@dataclass
class Sheet:
    """One sheet: its name, what it is (for the readme sheet) and its table."""

    name: str
    about: str
    table: pd.DataFrame
    source: str = ""  # the folder's file it is (empty: built from several)
    formats: dict[str, str] = field(default_factory=dict)  # column -> number format
    #: with ``formats``: each row's number format (by its unit) instead of the column's
    row_formats: list[str] = field(default_factory=list)
    #: lines above the header row (what the figures assume, where their ranges come from)
    notes: tuple[str, ...] = ()


def number_format(unit: str) -> str:
    """A spreadsheet number format for a figure of ``unit`` (the value is unchanged)."""
    if unit.startswith("hours") or unit.startswith("days"):
        return "#,##0.00"
    if unit.startswith("share") or unit.startswith("AUC"):
        return "0.0000"
    return "#,##0.00"


def headline_table(folder: Path, kind: str, lang: str) -> pd.DataFrame:
    """The headline figures (the report's headline metrics the folder has), one row per
    figure and option: its mean and 95 % interval (as the tables show it, clipped to what is
    possible) and, in a comparison, its paired change from the baseline with that change's
    raw 95 % interval and whether Holm's correction confirms it."""
    summary = read_csv(folder / "summary.csv", dtype={"option": str})
    if "option" not in summary.columns:
        summary.insert(0, "option", "run")
    diffs = (read_csv(folder / "differences.csv", dtype={"option": str})
             if kind == "compare" else pd.DataFrame())
    by_diff = {(r["option"], r["metric"]): r for r in diffs.to_dict("records")}
    rows = []
    labels = route_labels(folder, kind, lang)
    figures = _with_overhead(_headline_metrics(folder, kind, lang), summary, lang)
    figures = _with_patrols(figures, summary, lang)  # (the patrols' right after the agencies')
    for metric, what in _with_routes(figures, summary, lang, labels):
        for r in summary[summary["metric"] == metric].to_dict("records"):
            row = {"figure": what, "metric": metric,
                   "unit": _unit(str(r["unit"]), lang),
                   "option": option_said(r["option"]) if lang == "zh" else r["option"],
                   "mean": r["mean"], "low": r["shown_low"], "high": r["shown_high"],
                   "n": r["n"]}
            if kind == "compare":
                d = by_diff.get((r["option"], metric))
                row.update(diff=d["mean"] if d else None,
                           diff_low=d["ci_low"] if d else None,
                           diff_high=d["ci_high"] if d else None,
                           clear=_yes(d.get("significant"), lang) if d else None,
                           steady=_yes(d.get("steady_state"), lang) if d else None)
            rows.append(row)
    return pd.DataFrame(rows)


def changed_ports(folder: Path, kind: str) -> list[str]:
    """The ports a comparison's options change (``ports.<port>.`` settings), in order."""
    if kind != "compare":
        return []
    options = read_object(folder / "compare.json").get("options")
    out: dict[str, None] = {}
    for o in options if isinstance(options, list) else []:
        for key in dict(o.get("overrides") or {}) if isinstance(o, dict) else ():
            parts = str(key).split(".")
            if len(parts) > 2 and parts[0] == "ports":
                out[parts[1]] = None
    return list(out)


def _headline_metrics(folder: Path, kind: str, lang: str) -> list[tuple[str, str]]:
    """The headline's metrics and their words: those of every port pooled, then, for each
    port an option changes, that port's own (a change at one port is diluted in figures
    pooled over every port), as the report's headline gives them."""
    from sim.report.headline import AT_PORT, HEADLINE, ORGANISATION

    out = [(m, _words(m, what, lang)) for m, what, _, _ in HEADLINE + ORGANISATION]
    for port in changed_ports(folder, kind):
        for form, what, _, _ in AT_PORT:
            metric = form.format(p=port)
            words = _words(form.replace("_port_{p}", ""), what, lang)
            if lang == "zh":
                words = (words[:-1] + f"，口岸 {port}）" if words.endswith("）")
                         else f"{words}（口岸 {port}）")
            out.append((metric, words if lang == "zh" else f"{what} at {port}"))
    return out


#: the smuggling figures by route the headline sheet gives after the smuggling totals: where
#: the attempts went and how many were caught there (a patrol that moves loads to another
#: route changes little in the totals; a planner had to find these among every metric)
ROUTE_FORMS = (("smuggling_attempts_route_", "smuggling attempts, route {r}"),
               ("smuggling_caught_share_route_", "share of smuggling attempts caught, route {r}"))


def _with_routes(metrics: list[tuple[str, str]], summary: pd.DataFrame, lang: str,
                 labels: Mapping[str, str]) -> list[tuple[str, str]]:
    """``metrics`` with the folder's smuggling figures by route after the share caught,
    each route said by its scenario's label with its id (``labels``: id -> label)."""
    names = sorted(str(m) for m in summary["metric"].unique())
    routes = [(m, with_route_label(_words(m, what.format(r=m.removeprefix(prefix)), lang),
                                   m, labels, lang))
              for prefix, what in ROUTE_FORMS for m in names if m.startswith(prefix)]
    at = next((i + 1 for i, (m, _) in enumerate(metrics) if m == "smuggling_caught_share"),
              len(metrics))
    return metrics[:at] + routes + metrics[at:]


#: the smuggling patrols' cost, each after the agencies' cost it is part of (their own line,
#: in no port's cost: :mod:`sim.report.headline_patrol`), as (after, metric, words)
PATROL_FORMS = (
    ("agency_cost_per_consignment", "agency_cost_patrol_per_consignment",
     "of which the smuggling patrols' outside the ports (per declaration, every port pooled)"),
    ("agency_cost_per_year", "agency_cost_patrol_per_year",
     "of which the smuggling patrols' outside the ports (their staff, a year)"),
)


def _with_patrols(metrics: list[tuple[str, str]], summary: pd.DataFrame,
                  lang: str) -> list[tuple[str, str]]:
    """``metrics`` with the patrols' cost after the agencies' cost it is part of, where an
    option has patrols (their cost a year above 0; 0 without patrols): the console's
    headline says it, and a finance reader of the sheet had no row for it."""
    year = summary.loc[summary["metric"] == "agency_cost_patrol_per_year", "mean"]
    if not (pd.to_numeric(year, errors="coerce") > 0).any():
        return metrics
    out = []
    for metric, what in metrics:
        out.append((metric, what))
        out += [(m, _words(m, words, lang)) for after, m, words in PATROL_FORMS
                if after == metric]
    return out


def _with_overhead(metrics: list[tuple[str, str]], summary: pd.DataFrame,
                   lang: str) -> list[tuple[str, str]]:
    """``metrics`` with the overhead per declaration (costs of no port shared over the
    ports' declarations) after the agencies' cost per declaration it is part of (and after
    the patrols' part of it, which :func:`_with_patrols` puts right after that), where
    some option has overhead (:func:`sim.report.headline_overhead.has_overhead`), as the
    report's headline says it."""
    from sim.report.headline_overhead import METRIC, OVERHEAD, has_overhead

    if not has_overhead(summary):
        return metrics
    out = []
    for metric, what in metrics:
        out.append((metric, what))
        if metric == "agency_cost_per_consignment":
            out.append((METRIC, _words(METRIC, OVERHEAD + " (per declaration, every port "
                                       "pooled)", lang)))
    return out


def _yes(value: object, lang: str) -> str:
    yes = str(value).strip().lower() in ("true", "1", "1.0")
    return ("是" if yes else "否") if lang == "zh" else ("yes" if yes else "no")


def _words(metric: str, what: str, lang: str) -> str:
    if lang != "zh":
        return what
    from sim.report.translate import metric_name

    return metric_name(metric) or metric


def _unit(unit: str, lang: str) -> str:
    """A unit as the folder writes it, in Chinese with ``lang`` zh where the glossary has it
    (the scenario's currency kept)."""
    if lang != "zh":
        return unit
    from sim.report.zh_glossary import UNITS

    for en, zh in sorted(UNITS.items(), key=lambda kv: -len(kv[0])):
        for cur in ("USD", "CNY", "EUR", "currency"):
            if en.replace("currency", cur) == unit:
                return zh.replace("currency", cur)
    return unit


def sheets(folder: Path, kind: str, lang: str) -> list[Sheet]:
    """The data sheets of the workbook of a checked run or comparison folder, in order."""
    zh = lang == "zh"
    head = headline_table(folder, kind, lang)
    formats = {c: "#,##0.00" for c in ("mean", "low", "high", "diff", "diff_low", "diff_high")
               if c in head.columns}
    summary = read_csv(folder / "summary.csv")
    units = dict(zip(summary["metric"], summary["unit"].astype(str), strict=True))
    by_row = [number_format(units.get(m, "")) for m in head.get("metric", [])]
    about = ("主要结果（通关时间、执法、成本），各附 95% 置信区间" + (
        "及各方案相对基准方案的配对变化" if kind == "compare" else "")) if zh else (
        "the headline figures (clearance time, enforcement, cost), each with its 95 % "
        "interval over the replications" + (" and each option's paired change from the "
                                            "baseline" if kind == "compare" else ""))
    out = [Sheet("主要结果" if zh else "headline", about,
                 head.rename(columns={k: v[1 if zh else 0]
                                      for k, v in HEADLINE_COLUMNS.items()}),
                 formats={HEADLINE_COLUMNS[k][1 if zh else 0]: v for k, v in formats.items()},
                 row_formats=by_row)]
    for file, en, zh_name, what_en, what_zh in TABLES:
        if file == "differences.csv" and kind != "compare":
            continue
        if not (folder / file).is_file():
            continue
        table = read_csv(folder / file, dtype={"option": str, "port": str, "direction": str})
        if zh and "metric" in table.columns:
            from sim.report.translate import metric_name
            from sim.report.zh_labels import chinese_labels, labelled

            labels, named = route_labels(folder, kind, lang), chinese_labels(folder, kind)
            table.insert(list(table.columns).index("metric") + 1, "metric_zh",
                         [labelled(with_route_label(metric_name(str(m)) or "", str(m), labels,
                                                    lang), named) for m in table["metric"]])
        if zh and file in ("summary.csv", "differences.csv"):
            from sim.report.zh_workbook import coded_values

            table = coded_values(table)
        if zh and file == "enforcement.csv":
            from sim.report.zh_workbook import enforcement_table

            table = enforcement_table(table)
        if zh and file == "trading-across-borders.csv":
            from sim.report.zh_workbook import trading_table

            table = trading_table(table)
        if zh:
            table = table.rename(columns=ZH_COLUMNS)
            if "单位" in table.columns:
                table["单位"] = [_unit(str(u), lang) for u in table["单位"]]
        out.append(Sheet(zh_name if zh else en, what_zh if zh else what_en, table, source=file))
    return out
