"""The workbook's sheet of the agencies' cost items, for a finance officer who has to say what
the agency pays for: each option's fixed cost items (each lane's staff, the fixed posts, the
equipment, the overheads of no port: patrols, auditors, systems, the organisation's units)
from the replications' ``rep-NNNN-agency.csv``, each averaged over the replications (an item
a replication lacks, such as overtime never worked, counts 0 there), its quantity and price
with their units, its cost over the observed days and scaled to a year; then each check's
own cost (``agency_checks_cost_per_year``) and the total, which is the headline's
``agency_cost_per_year``. Nothing is simulated again: every number is the folder's own."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd

from sim.model.agency_costs import OVERHEAD  # (the items' port that is no port's)
from sim.model.costs import HOURS_PER_YEAR
from sim.report.folder import ResultsFolderError, read_csv, read_object
from sim.report.workbook_sheets import Sheet
from sim.report.zh_workbook import item_said, option_said

#: the rows' kinds whose quantity is head-hours (the others', equipment's and systems', is
#: unit-years)
HEAD_HOURS = ("staff", "overtime", "night", "posts")
#: the keys of an item (a replication's agency table has one row of each)
KEYS = ["port", "item", "kind", "role"]
#: the summed columns, averaged over every replication (0 where one lacks the item)
SUMMED = ["quantity", "cost", "busy_cost", "outlay"]

#: the sheet's columns: (key, English header, Chinese header)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("option", "option", "方案"),
    ("port", "port (* = no port's: an overhead)", "口岸（* 表示不属于任何口岸：管理费用）"),
    ("overhead", "overhead (of no port, shared over the ports' consignments)",
     "管理费用（不属于任何口岸，在各口岸货物间分摊）"),
    ("item", "item", "项目"),
    ("kind", "kind", "类别"),
    ("role", "role", "岗位"),
    ("quantity", "quantity (mean over the replications)", "数量（各次重复运行的均值）"),
    ("quantity_unit", "quantity unit", "数量单位"),
    ("price", "price", "单价"),
    ("price_unit", "price unit", "单价单位"),
    ("cost", "cost over the observed days (mean over the replications)",
     "观测期成本（各次重复运行的均值）"),
    ("cost_per_year", "cost a year (mean over the replications)",
     "年度成本（各次重复运行的均值）"),
    ("utilisation", "utilisation", "利用率"),
    ("busy_cost", "busy cost over the observed days (staff's busy time)",
     "观测期忙碌时间成本（人员忙碌时间）"),
    ("outlay", "capital outlay (one-off)", "一次性资本支出"),
    ("money", "money", "货币"),
    ("reps", "replications", "重复运行次数"),
)
#: the kinds and the lines after the items, in Chinese
ZH_KINDS = {"staff": "人员", "overtime": "加班", "night": "夜班津贴", "posts": "固定岗位",
            "equipment": "设备", "systems": "信息系统", "checks": "查验自身成本",
            "overheads": "管理费用小计", "total": "合计"}
#: the lines after each option's items: (kind, English, Chinese)
LINES = {
    "checks": ("each check's own cost and the handling the state pays for traders "
               "(agency_checks_cost_per_year)",
               "各项查验自身成本及国家为企业承担的处置费（agency_checks_cost_per_year）"),
    "overheads": ("of which costs of no port (overheads; part of the total)",
                  "其中不属于任何口岸的成本（管理费用，已含在合计中）"),
    "total": ("agencies' cost a year (agency_cost_per_year, the headline's)",
              "政府部门年度成本（agency_cost_per_year，即主要结果中的数值）"),
}


def agency_sheet(folder: Path, kind: str, lang: str) -> Sheet | None:
    """The agency costs sheet of a checked run's or comparison's folder; None where no
    replication wrote an agency table (a scenario without ``[costs]``)."""
    from sim.report.workbook_appraisal import money_said

    zh = lang == "zh"
    meta = read_object(folder / ("compare.json" if kind == "compare" else "meta.json"))
    money = money_said(folder, kind, dict(meta), lang)
    summary = read_csv(folder / "summary.csv", dtype={"option": str})
    if "option" not in summary.columns:
        summary.insert(0, "option", "run")
    frames = [t for name, path in _options(folder, kind, meta)
              if (t := _option_items(name, path, meta, summary, money, zh)) is not None]
    if not frames:
        return None
    table = pd.concat(frames, ignore_index=True)
    table = table.rename(columns={k: (z if zh else e) for k, e, z in COLUMNS})
    formats = {(z if zh else e): "#,##0.00" for k, e, z in COLUMNS
               if k in ("quantity", "price", "cost", "cost_per_year", "busy_cost", "outlay")}
    formats["利用率" if zh else "utilisation"] = "0.0000"
    about = ("政府部门各项成本（各口岸各环节的人员、固定岗位、设备，以及不属于任何口岸的管理费用："
             "巡查、稽查、系统、组织单位），每项为各次重复运行的均值（某次未出现的项目计为 0），"
             "附数量、单价及其单位、观测期成本和年度成本；各方案最后为查验自身成本与合计，"
             "合计即主要结果中的政府部门年度成本" if zh else
             "the agencies' cost items (each lane's staff, the fixed posts, the equipment, and "
             "the overheads of no port: patrols, auditors, systems, the organisation's units), "
             "each the mean over the replications (an item a replication lacks counts 0 "
             "there), with quantity, price and their units, cost over the observed days and a "
             "year; each option ends with each check's own cost and the total, the headline's "
             "agencies' cost a year")
    return Sheet("政府部门成本" if zh else "agency costs", about, table,
                 source=("options/*/" if kind == "compare" else "") + "reps/rep-NNNN-agency.csv",
                 formats=formats)


def _options(folder: Path, kind: str, meta: Any) -> list[tuple[str, Path]]:
    """Each option's name and folder (a run's: ``run`` and the folder itself)."""
    if kind != "compare":
        return [("run", folder)]
    options = meta.get("options") if isinstance(meta, dict) else None
    return [(str(o["name"]), folder / "options" / str(o["name"]))
            for o in options if isinstance(o, dict) and "name" in o] if isinstance(
        options, list) else []


def _reps(path: Path, below: Any) -> list[int]:
    """The finished replications of an option's folder (only those numbered below ``below``,
    the replications its record counts, when it gives them)."""
    limit = below if isinstance(below, int) and not isinstance(below, bool) else None
    found = (int(p.stem[4:]) for p in (path / "reps").glob("rep-[0-9][0-9][0-9][0-9].json"))
    return sorted(r for r in found if limit is None or r < limit)


def _option_items(name: str, path: Path, meta: Any, summary: pd.DataFrame, money: str,
                  zh: bool) -> pd.DataFrame | None:
    """Option ``name``'s items averaged over its replications, then its checks' cost, the
    overheads' subtotal and the total a year (None without agency tables)."""
    reps = _reps(path, meta.get("reps") if isinstance(meta, dict) else None)
    files = [path / "reps" / f"rep-{r:04d}-agency.csv" for r in reps]
    frames = [_read(f) for f in files if f.is_file()]
    if not frames:
        return None
    stacked = pd.concat(frames, ignore_index=True)
    for k in KEYS:  # (a column an older folder lacks is empty)
        stacked[k] = stacked[k].astype(object).fillna("").astype(str) if k in stacked else ""
    for c in [*SUMMED, "price", "utilisation"]:
        stacked[c] = pd.to_numeric(stacked[c], errors="coerce") if c in stacked else math.nan
    grouped = stacked.groupby(KEYS, sort=False, dropna=False)
    items = (grouped[SUMMED].sum(min_count=1) / len(frames)).join(
        grouped[["price", "utilisation"]].mean()).reset_index()
    days = float(read_object(path / "scenario.json").get("days") or math.nan)
    items["cost_per_year"] = items["cost"] * HOURS_PER_YEAR / (days * 24.0)
    items.insert(0, "option", option_said(name) if zh else name)
    if zh:
        items["item"] = [item_said(str(i)) for i in items["item"]]
    items["overhead"] = [_yes(p == OVERHEAD, zh) for p in items["port"]]
    items["quantity_unit"] = [_quantity_unit(k, zh) for k in items["kind"]]
    items["price_unit"] = [_price_unit(k, money, zh) for k in items["kind"]]
    items["kind"] = [ZH_KINDS.get(k, k) if zh else k for k in items["kind"]]
    checks = _mean(summary, name, "agency_checks_cost_per_year")
    overheads = float(items.loc[items["port"] == OVERHEAD, "cost_per_year"].sum())
    total = float(items["cost_per_year"].sum()) + checks
    lines = pd.DataFrame([_line(option_said(name) if zh else name, k, v, zh) for k, v in
                          (("checks", checks), ("overheads", overheads), ("total", total))])
    out = pd.concat([items, lines], ignore_index=True)
    out["money"], out["reps"] = money, len(frames)
    return out[[k for k, _, _ in COLUMNS]]


def _read(file: Path) -> pd.DataFrame:
    """A replication's agency table; one without its items' names or costs is refused,
    naming the file (it is not what bordersim writes)."""
    table = read_csv(file, dtype={k: str for k in KEYS})
    missing = [c for c in ("item", "cost") if c not in table.columns]
    if missing:
        raise ResultsFolderError(f"{file} lacks the column(s) {', '.join(missing)} (an agency "
                                 "table has port, item, kind, quantity, price and cost)",
                                 repair=False)
    return table


def _mean(summary: pd.DataFrame, option: str, metric: str) -> float:
    """Option ``option``'s mean of ``metric`` in ``summary.csv`` (0 where it has none)."""
    found = summary.loc[(summary["option"] == option) & (summary["metric"] == metric), "mean"]
    value = float(pd.to_numeric(found, errors="coerce").iloc[0]) if len(found) else 0.0
    return value if math.isfinite(value) else 0.0


def _line(option: str, kind: str, cost: float, zh: bool) -> dict[str, Any]:
    """A line after an option's items: its words in ``item`` and its cost a year."""
    return {"option": option, "item": LINES[kind][1 if zh else 0],
            "kind": ZH_KINDS[kind] if zh else kind, "cost_per_year": cost}


def _quantity_unit(kind: str, zh: bool) -> str:
    if kind in HEAD_HOURS:
        return "人·小时" if zh else "head-hours"
    return "单位·年" if zh else "unit-years"


def _price_unit(kind: str, money: str, zh: bool) -> str:
    if kind in HEAD_HOURS:
        return f"{money}/人·小时" if zh else f"{money} per head-hour"
    return (f"{money}/单位·年（等额年成本）" if zh
            else f"{money} per unit-year (equivalent annual cost)")


def _yes(value: bool, zh: bool) -> str:
    return ("是" if value else "否") if zh else ("yes" if value else "no")
