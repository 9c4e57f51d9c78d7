"""Optional parts of bordersim that are installed only on request, and the one line that says
how to install one that is missing.

Dask (``--executor dask``, ``--dask ADDRESS``, :class:`~sim.experiment.executors.DaskExecutor`)
is the ``dask`` extra (``pip install 'bordersim[dask]'``): a plain install runs replications
serially or in local processes without it, so a machine that never uses a cluster does not
have to carry (and have vetted) Dask and the dozen packages it brings. Whether it is there is
found without importing it, so asking costs nothing.
"""

from __future__ import annotations

import importlib.util

#: the modules the Dask executor imports, in the order they are checked
DASK_MODULES = ("dask", "distributed")


class ExtraMissing(ImportError):
    """An optional part was asked for but is not installed; the message says how to add it."""


def dask_missing() -> str | None:
    """Why the Dask executor cannot run here (a module is not installed), or ``None``."""
    for name in DASK_MODULES:
        if importlib.util.find_spec(name) is None:
            return (
                f"the dask executor needs Dask ({name} is missing): "
                "pip install 'bordersim[dask]', or run with --executor serial or processes"
            )
    return None


def require_dask() -> None:
    """Raise :class:`ExtraMissing` unless the Dask executor can run here."""
    why = dask_missing()
    if why is not None:
        raise ExtraMissing(why)
