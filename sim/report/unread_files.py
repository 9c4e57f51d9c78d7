"""The files of a comparison folder ``bordersim report`` does not work out again but vouches
for: ``metrics.csv`` and ``interactions.csv`` (the page sends its reader to them; a comparison
of one option has no interactions, so the check of that table against the replications
passes a file of no rows, whatever it holds) and ``warning-records.json`` (the business case
reads its notes). Each is checked before the report is written, or ``--check`` says whole: the
tables by the checksums the comparison's finish sealed (:mod:`sim.warehouse.derived`, as
``bordersim tables`` checks them), the records as what bordersim writes. A file missing, cut
short or not parseable is refused, naming it and the command that writes it again.

Not checked inside the comparison's finish, which writes its report before it seals the
folder and before the command line writes the records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sim.report.folder import ResultsFolderError, kind_of, read_object

#: the sealed tables checked (``finished.json`` lists them with their checksums)
SEALED = ("metrics.csv", "interactions.csv")


def check_unread_files(path: Path) -> None:
    """Refuse (:class:`ResultsFolderError`) a comparison folder whose files above are missing
    or damaged, ending with the command that repairs it; other folders pass."""
    from sim.report.remedy import remedy
    from sim.warehouse.derived import AGAIN, check_compare_seal

    if kind_of(path) != "compare":
        return
    try:
        check_compare_seal(path, "compare", SEALED)
        check_records(path, read_object(path / "compare.json"))
    except ResultsFolderError as exc:
        said = str(exc).split(AGAIN)[0]
        raise ResultsFolderError(f"{said}; {remedy(path, 'compare')}", repair=False) from None


def check_records(path: Path, record: dict[str, Any]) -> None:
    """``warning-records.json``: a JSON object of records, each with its code, severity and
    text, and counts of them as they are. A comparison made from Python (``record`` names no
    command) has none."""
    from sim.cli_warnings import RECORDS_FILE, counts_of

    file = path / RECORDS_FILE
    if not file.exists() and not file.is_symlink():
        if record.get("command") is None:
            return
        raise ResultsFolderError(f"{file} is missing (the folder is incomplete or damaged)")
    data = read_object(file)  # (cut short, not JSON, not an object: said by the reader)
    records = data.get("records")
    if not isinstance(records, list) or not all(
            isinstance(r, dict) and all(isinstance(r.get(k), str)
                                        for k in ("code", "severity", "text"))
            for r in records):
        raise ResultsFolderError(f"{file} is not what bordersim writes (no list of records)")
    if data.get("counts") != counts_of(records):
        raise ResultsFolderError(
            f"{file} is not what bordersim writes (its counts do not match its records)")
