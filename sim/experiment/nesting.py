"""A results folder is never made inside another. ``bordersim tables``, ``report``, the
warehouse and a reader's own scripts walk a results folder's files: a run, comparison or sweep
written inside one would be met there as part of it (its replications, its tables). So the
``--out`` of every command that writes a results folder is refused when a folder above it is
one, naming that folder (and from Python, ``sim.replicate``'s ``store=`` and the ``out=`` of
``sim.compare``, ``sim.sweep`` and ``sim.sobol``: :func:`check_given_folder`). The folder
itself may be one (a command resuming into it), and a plain folder that holds results folders
(``results/``) is not one.

A results folder is recognised by the file that describes it, as a resume recognises it
(:func:`sim.experiment.store.folder_kind`: ``compare.json``, or a run's or sweep's
``meta.json``), or by a ``meta.json`` beside the replications it describes (``reps/``,
``points/``: a folder whose ``meta.json`` was damaged is still one)."""

from __future__ import annotations

from pathlib import Path

from sim.experiment.store import StoreMismatch, folder_kind

#: the folders a run's or sweep's ``meta.json`` describes
_DESCRIBED = ("reps", "points")


def is_results_folder(path: Path) -> bool:
    """Whether ``path`` is a folder bordersim run, compare or sweep wrote (or began)."""
    if folder_kind(path) is not None:
        return True
    return (path / "meta.json").is_file() and any((path / d).is_dir() for d in _DESCRIBED)


def enclosing_results_folder(out: Path) -> Path | None:
    """The outermost results folder above ``out`` (links followed, so a folder reached
    through one is found), or None; named as ``out`` names it where it can be (``results/x``,
    not its absolute path). ``out`` need not exist yet."""
    found = None
    for parent in out.resolve().parents:
        if is_results_folder(parent):
            found = parent
    if found is None:
        return None
    return next((p for p in out.parents if p.resolve() == found), found)


def check_not_nested(out: Path) -> None:
    """Refuse (:class:`~sim.experiment.store.StoreMismatch`) an ``--out`` folder inside a
    results folder, naming it and what to do."""
    outer = enclosing_results_folder(out)
    if outer is not None:
        raise StoreMismatch(
            f"{out} is inside the results folder {outer}: a results folder made in another is "
            f"read as part of it (by report, tables and the warehouse); choose an --out folder "
            f"outside {outer}"
        )


def check_given_folder(folder: object) -> None:
    """:func:`check_not_nested` for the results folder a Python caller gives (``out=``, or
    ``replicate``'s ``store=``: a path, or a :class:`~sim.experiment.store.RunStore` by its
    folder; None, no folder, passes), as the command line checks its ``--out``."""
    folder = getattr(folder, "path", folder)
    if isinstance(folder, str | Path):
        check_not_nested(Path(folder))
