"""The Time Release Study's published table as Markdown (:mod:`sim.report.trs_publish`), with
the measurement period and the definitions under it, in English or in the words given
(:mod:`sim.cli_zh_publish`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from sim.report.trs_publish import _period, publish_rows

#: the words of the page (another language's given to :func:`publish_page`)
WORDS: dict[str, Any] = {
    "title": "Average release times (WTO TFA Art. 7.6; WCO Time Release Study), option {option}",
    "heads": ("port", "direction", "stage", "mean (h)", "median (h)", "90th percentile (h)",
              "consignments measured", "share within {target} h"),
    "all": "all ports",
    "run": "run",
    "goods": {"import": "imports", "export": "exports"},
    "stages": {"arrival to lodgement": "arrival to lodgement",
               "lodgement to release": "lodgement to release",
               "release to exit": "release to exit",
               "arrival to release": "arrival to release",
               "arrival to exit": "arrival to exit"},
    "period": "Measurement period: the consignments arriving in {days} simulated days after a "
              "warm-up of {warmup} days, in each of {reps} replications of scenario "
              "'{scenario}', each followed to its release and exit (a drain of up to {drain} "
              "days). Figures are the replications' mean; consignments measured are summed "
              "over them. Simulated times, not a measurement of a real office.",
    "definitions": "Definitions",
    "defs": [
        "arrival to lodgement: from the arrival of the goods (means of transport) to the "
        "lodging of their declaration; 0 for a declaration lodged before arrival.",
        "lodgement to release: from the later of lodgement and arrival to customs' release, "
        "every wait after lodgement included (the trader's duty payment too).",
        "release to exit: from release to the goods leaving the port (an import's exit "
        "through the gate; an export's loading at its cut-off or its crossing).",
        "arrival to release: the TRS's average release time, arrival to customs' release.",
        "arrival to exit: arrival to the goods leaving the port (China's overall clearance "
        "time).",
        "median and 90th percentile: read from a log histogram (within 1 % of the exact "
        "quantile), the mean of the replications' values.",
        "consignments measured: released by customs (to release) or out of the port (to "
        "exit); seized, rejected and still-held goods are left out. Stages to release and "
        "to exit count different sets, so they need not add up.",
        "share within the target: arrival to release (or to exit) of at most {target} h.",
    ],
}


def _cell(x: Any, share: bool = False) -> str:
    """A figure as printed: hours to two decimals, a share as a percentage; empty if none."""
    if x is None or pd.isna(x):
        return ""
    return f"{float(x) * 100:.1f} %" if share else f"{float(x):.2f}"


def _table(rows: list[dict[str, Any]], w: dict[str, Any], target: int) -> list[str]:
    """One option's Markdown table."""
    heads = [h.format(target=target) for h in w["heads"]]
    out = ["| " + " | ".join(heads) + " |", "|" + "---|" * 3 + "---:|" * 5]
    for r in rows:
        port = w["all"] if r["port"] == "all" else f"`{r['port']}`"
        out.append("| " + " | ".join([
            port, w["goods"][r["direction"]], w["stages"][r["stage"]], _cell(r["mean"]),
            _cell(r["median"]), _cell(r["p90"]), f"{r['consignments']:.0f}",
            _cell(r["within_target"], share=True)]) + " |")
    return out


def publish_page(folder: Path, words: dict[str, Any] | None = None) -> str:
    """The page: a table per option, then the measurement period and the definitions."""
    from sim.report.trs_publish import TARGET_H

    w = words or WORDS
    rows = publish_rows(folder)
    out: list[str] = []
    options = list(dict.fromkeys(r["option"] for r in rows))
    for option in options:
        name = w["run"] if option == "run" else option
        out += [f"## {w['title'].format(option=name)}", ""]
        out += _table([r for r in rows if r["option"] == option], w, TARGET_H) + [""]
    p = _period(folder)
    reps = max((r["reps"] for r in rows), default=0)
    out.append(w["period"].format(days=p["days"], warmup=p["warmup_days"], reps=reps,
                                  scenario=p["scenario"], drain=p["drain_days"]))
    out += ["", f"### {w['definitions']}", ""]
    out += [f"- {d.format(target=TARGET_H)}" for d in w["defs"]]
    return "\n".join(out) + "\n"
