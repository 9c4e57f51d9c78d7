"""The report's AEO payback section: the folder's ``aeo-payback.csv``, written by ``bordersim
compare --declarations-a-year N`` (:mod:`sim.cli_aeo_payback`), as a table of each option's,
port's and direction's certified traders' saving a declaration scaled to one trader's year
against the certification's costs, with the console's warning where the saving's interval
holds 0; none where the folder has no such file. Its Chinese: :mod:`sim.report.zh_aeo_payback`."""

from __future__ import annotations

import html
import math
from pathlib import Path
from typing import Any

from sim.report.folder import ResultsFolderError, read_csv

#: the file read (:data:`sim.cli_aeo_payback.FILE`)
FILE = "aeo-payback.csv"
HEADING = "AEO certification for one trader"
#: the table's columns: heading, then the CSV's figure and the ends of its interval
COLUMNS = (
    ("option", "option", None),
    ("port", "port", None),
    ("direction", "direction", None),
    ("saving a declaration [95 % CI]", "saving", ("saving_low", "saving_high")),
    ("saved a year [95 % CI]", "saved_a_year", ("saved_low_a_year", "saved_high_a_year")),
    ("cost a year to keep the status", "cost_a_year", None),
    ("net saving a year", "net_a_year", None),
    ("one-off cost", "cost_once", None),
    ("months to pay back", "months_to_pay_back", None),
)
#: a cell without a figure: a cost not given, a one-off cost never repaid
NOT_GIVEN = "not given"
NEVER = "never"
#: the note under the heading (its figures: the trader's own)
NOTE = ("For one trader with {declarations} declarations a year at the port and direction "
        "read: the certified traders' saving a declaration in trader cost (each certified "
        "consignment set against itself uncertified, mean and 95 % interval over the "
        "replications, paired), times those declarations, against what the status costs "
        "the trader; money in {unit}. No payback is claimed where the saving's interval "
        "holds 0. Written by bordersim compare --declarations-a-year (aeo-payback.csv); see "
        "docs/aeo-trader.md.")
NONE = ("This comparison has no certified traders' trader cost (an aeo_mutual_recognition "
        "option on a scenario with [costs] has one): no payback to show.")


def aeo_payback_section(folder: Path) -> list[str]:
    """The section's HTML parts (none without ``aeo-payback.csv``); a damaged file is a
    :class:`ResultsFolderError` naming it."""
    from sim.experiment.aeo_payback import NEEDED as WRITTEN

    file = folder / FILE
    if not file.is_file():
        return []
    table = read_csv(file, dtype={"option": str, "port": str, "direction": str, "unit": str})
    if not table.empty and not set(WRITTEN) <= set(table.columns):
        raise ResultsFolderError(f"{file}: not what bordersim compare --declarations-a-year "
                                 "writes; give that command again", repair=False)
    parts = [f"<h2 id='aeo-payback'>{HEADING}</h2>"]
    if table.empty:
        return [*parts, f"<p class='note'>{html.escape(NONE)}</p>"]
    rows: list[dict[str, Any]] = [{str(k): v for k, v in r.items()}
                                  for r in table.to_dict("records")]
    note = NOTE.format(declarations=_declarations(rows),
                       unit=", ".join(dict.fromkeys(str(r["unit"]) for r in rows)))
    parts.append(f"<p class='note'>{html.escape(note)}</p>")
    parts.append(_table(rows))
    from sim.experiment.aeo_payback import unclaimed_words

    for r in rows:
        if not _claimable(r["claimable"]):
            said = f"warning ({r['option']}): {unclaimed_words(r)}"
            parts.append(f"<p class='warn'>{html.escape(said)}</p>")
    return parts


def _declarations(rows: list[dict[str, Any]]) -> str:
    """The trader's declarations a year as the note gives them: ``1,200``, or ``800 import,
    400 export`` where they were counted by direction (``--declarations-a-year
    import=800,export=400``) and the rows' directions differ in them."""
    by_way = {str(r["direction"]): _figure(r["declarations_a_year"], 0) for r in rows}
    if len(set(by_way.values())) == 1 or set(by_way) != {"import", "export"}:
        return _figure(rows[0]["declarations_a_year"], 0)
    return f"{by_way['import']} import, {by_way['export']} export"


def _table(rows: list[dict[str, Any]]) -> str:
    """The rows as an HTML table, one row per option, port and direction."""
    head = "".join(f"<th scope='col'>{html.escape(h)}</th>" for h, _, _ in COLUMNS)
    body = []
    for r in rows:
        cells = "".join(f"<td>{html.escape(_cell(r, key, ends))}</td>"
                        for _, key, ends in COLUMNS)
        body.append(f"<tr>{cells}</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def _cell(r: dict[str, Any], key: str, ends: tuple[str, str] | None) -> str:
    """One cell: a name as written; a figure (with its interval), ``never`` for a one-off
    cost the net saving never repays, ``not given`` for a cost the trader did not enter."""
    value = r[key]
    if key in ("option", "port", "direction"):
        return str(value)
    if _missing(value):
        if key == "months_to_pay_back" and not _missing(r["cost_once"]):
            return NEVER
        return NOT_GIVEN
    digits = 1 if key in ("saving", "months_to_pay_back") else 0
    said = _figure(value, digits)
    if ends is not None:
        said += f" [{_figure(r[ends[0]], digits)}, {_figure(r[ends[1]], digits)}]"
    return said


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _figure(value: Any, digits: int) -> str:
    x = float(value)
    if not math.isfinite(x):
        return "nan"
    return f"{round(x, digits) + 0.0:,.{digits}f}"  # (+ 0.0: never -0.0)


def _claimable(value: Any) -> bool:
    """The CSV's ``claimable`` (True/False as pandas wrote it, or read back as text)."""
    return value is True or str(value).strip().lower() == "true"
