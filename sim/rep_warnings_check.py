"""Whether a comparison's per-replication warnings files (``options/NAME/reps/
rep-NNNN-warnings.json``) still say what the replications warned of. No checksum covered
them, so one emptied by hand (``[]``, hiding that a queue never settled) passed ``bordersim
reproduce --check-only`` as written. Each replication's record (``rep-NNNN.json``) keeps
its warnings under its own checksum: the file must hold exactly those. A record written
before records kept their warnings cannot vouch for its file; that is said as not covered,
not as a change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: the largest warnings file or record read (as the store reads a replication's record)
_LIMIT = 2**26


def warnings_files(folder: Path, reps: int, kind: str) -> tuple[list[str], list[str]]:
    """The warnings files of ``folder``'s replications (``reps`` of them) against their
    records: one line per file that differs or is missing (a comparison writes one for
    every replication; a run writes none, so only one found is checked), and one line per
    file its record cannot vouch for (written before records kept their warnings)."""
    problems: list[str] = []
    uncovered: list[str] = []
    for r in range(reps):
        path = folder / "reps" / f"rep-{r:04d}-warnings.json"
        record = _recorded(folder / "reps" / f"rep-{r:04d}.json")
        if record is None:
            continue  # (a record that cannot be read is named by its own check)
        there = path.exists() or path.is_symlink()
        if not there:
            if kind == "compare":
                problems.append(f"{path}: missing, though its replication's record is there")
            continue
        if "warnings" not in record:
            uncovered.append(_uncovered(path))
            continue
        problems += _differs(path, [str(w) for w in record.get("warnings") or []])
    return problems, uncovered


def _recorded(path: Path) -> dict[str, Any] | None:
    """A replication's record as read (its checksum is checked elsewhere), or None."""
    from sim.experiment.store import read_record

    try:
        data = read_record(path, _LIMIT)
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None


def _differs(path: Path, want: list[str]) -> list[str]:
    """``path`` against the warnings its record keeps: one line saying how it differs."""
    from sim.experiment.store import read_problem, read_record

    try:
        got = read_record(path, _LIMIT)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        return [f"{path}: {read_problem(exc)}"]
    if got == want:
        return []
    held = f"it holds {len(got)}" if isinstance(got, list) else "it is not a list"
    return [f"{path}: not the {len(want)} warnings its replication's record keeps under its "
            f"checksum ({held}: changed after the replication was written)"]


def _uncovered(path: Path) -> str:
    """The line that says ``path`` has nothing to be checked against."""
    return (f"{path}: its replication's record keeps no warnings (written before records "
            "kept them), so this file is not covered by a checksum")
