"""A smuggling route as a reader knows it: by the label its scenario gives it
(``[smuggling.routes.<id>] label``), with its id beside it to find the route's table in the
scenario file. A metric of a route is named by the id (``smuggling_attempts_route_beilun_river``),
which a planner reading a brief does not recognise as "Night crossings of the Beilun River"."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

#: what a route's metric names hold before the route's id
_ROUTE = "_route_"
#: how the Chinese headline's lines that name routes by id begin (where smuggling attempts
#: went, deterred or displaced: :mod:`sim.report.zh_phrases`)
HEADLINE_LEADS = ("走私企图去向", "震慑与转移")


def route_labels(folder: Path, kind: str, lang: str = "en") -> dict[str, str]:
    """Each labelled smuggling route of the results folder's scenario, id -> label (in
    Chinese, ``lang`` ``"zh"``, its ``label_zh`` where given): a run's ``scenario.json``, a
    comparison's options' (the first option to label a route wins, the baseline first). A
    route without a label, or a folder without smugglers, has none."""
    out: dict[str, str] = {}
    for scenario in scenarios(folder, kind):
        routes = (scenario.get("smuggling") or {}).get("routes") or {}
        for route, table in routes.items() if isinstance(routes, dict) else ():
            label = said_label(table, lang)
            if label and str(route) not in out:
                out[str(route)] = label
    return out


def said_label(table: object, lang: str) -> str:
    """A port's or a route's table's name in ``lang``: in Chinese its ``label_zh`` where
    given, else (and in English) its ``label``; empty without either."""
    if not isinstance(table, dict):
        return ""
    zh = table.get("label_zh") if lang == "zh" else None
    return str(zh or table.get("label") or "")


def scenarios(folder: Path, kind: str) -> list[dict[str, Any]]:
    """The results folder's scenarios as run: a run's ``scenario.json``, a comparison's
    options' (the baseline first); a file missing is left out."""
    from sim.report.folder import read_object

    if kind == "compare":
        names = [str(o.get("name")) for o in options(folder)]
        files = [folder / "options" / n / "scenario.json" for n in names]
    else:
        files = [folder / "scenario.json"]
    return [read_object(file) for file in files if file.is_file()]


def options(folder: Path) -> list[dict[str, object]]:
    """A comparison's options as its ``compare.json`` lists them, the baseline first."""
    from sim.report.folder import read_object

    options = read_object(folder / "compare.json").get("options")
    return [o for o in options if isinstance(o, dict)] if isinstance(options, list) else []


def route_of(metric: str) -> str | None:
    """The route a metric is of (``..._route_<id>``), or None."""
    at = metric.rfind(_ROUTE)
    return metric[at + len(_ROUTE):] if at >= 0 else None


def route_said(route: str, labels: Mapping[str, str], lang: str) -> str:
    """A route by its label with its id beside it (``Night crossings of the Beilun River
    (beilun_river)``; in Chinese, ``…（beilun_river）``); an unlabelled one by its id."""
    label = labels.get(route)
    if not label:
        return route
    return f"{label}（{route}）" if lang == "zh" else f"{label} ({route})"


def with_route_label(words: str, metric: str, labels: Mapping[str, str], lang: str) -> str:
    """A metric's words (its name, in English or Chinese) with the route it is of said by
    its label and id: ``走私企图数（路线 <label>，beilun_river）``, ``smuggling attempts, route
    <label> (beilun_river)``; words that do not end with the route's id are as they were."""
    route = route_of(metric)
    label = labels.get(route) if route is not None else None
    if route is None or not label:
        return words
    if lang == "zh":
        return words.replace(f"路线 {route}）", f"路线 {label}，{route}）")
    end = f"route {route}"
    return words.removesuffix(end) + f"route {label} ({route})" if words.endswith(end) else words


def labelled_page(page: str, labels: Mapping[str, str]) -> str:
    """A Chinese report page with each route a metric's name gives by id (``（路线
    beilun_river）``) said by its label with the id beside it, and so each route the
    headline's lines on where smuggling went name (:data:`HEADLINE_LEADS`), in the page's
    text only (the ``data-*`` attributes keep the metrics' names)."""
    import html
    import re

    shown = {r: html.escape(label) for r, label in labels.items() if label}
    if not shown:
        return page
    for route, label in shown.items():
        page = page.replace(f"（路线 {html.escape(route)}）", f"（路线 {label}，{route}）")
    ids = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, shown)) + r")(?![\w.])"
                     r"(?: (?=[\u4e00-\u9fff]))?")  # (no space left between ） and Chinese)
    lines = re.compile(f">((?:{'|'.join(HEADLINE_LEADS)})[^<]*)<")
    return lines.sub(lambda m: ">" + ids.sub(lambda r: f"{shown[r[1]]}（{r[1]}）", m[1]) + "<",
                     page)


def legend_names(folder: Path | None) -> dict[str, str]:
    """Each smuggling route's name in the legends of the plots being drawn: in Chinese (a
    Chinese report's plots, where a font draws them) a route the folder's scenario gives a
    ``label_zh`` is said by it with its id beside it (``北仑河夜间偷渡（beilun_river）``);
    otherwise none, and a legend keeps the route's id (an English label in a Chinese plot
    would be English again)."""
    from sim.report.plot_lang import drawn_in_chinese

    if folder is None or not drawn_in_chinese():
        return {}
    kind = "compare" if (folder / "compare.json").is_file() else "run"
    out: dict[str, str] = {}
    for scenario in scenarios(folder, kind):
        routes = (scenario.get("smuggling") or {}).get("routes") or {}
        for route, table in routes.items() if isinstance(routes, dict) else ():
            zh = table.get("label_zh") if isinstance(table, dict) else None
            if zh and str(route) not in out:
                out[str(route)] = f"{zh}（{route}）"
    return out
