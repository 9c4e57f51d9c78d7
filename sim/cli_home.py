"""The commands on a machine whose home folder cannot be written (a locked-down or shared
machine, a read-only profile, a service account without a home).

Matplotlib then keeps its settings and font cache in a temporary folder for the command, which
is right, but says so in two warning lines (``mkdir -p failed ...``, ``Matplotlib created a
temporary cache directory ...``) on every command that draws (``report``, ``compare``,
``animate``): lines that read as errors and about which the user can do nothing but set
``MPLCONFIGDIR``. The console script drops exactly those lines; matplotlib's other warnings
still show, and ``MPLCONFIGDIR`` set to a writable folder (to keep the font cache from one
command to the next) works as always.
"""

from __future__ import annotations

import logging

#: the warnings matplotlib gives when its folder under the home folder cannot be written
HOME_WARNINGS = (
    "mkdir -p failed for path",
    "is not a writable directory",
    "Matplotlib created a temporary cache directory",
)


class HomeNotWritable(logging.Filter):
    """Drops matplotlib's warnings that its home folder cannot be written."""

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.msg if isinstance(record.msg, str) else ""
        return not any(part in text for part in HOME_WARNINGS)


def quiet_home_warnings() -> None:
    """Install :class:`HomeNotWritable` on matplotlib's logger (once; before it is imported,
    as it warns while being imported)."""
    logger = logging.getLogger("matplotlib")
    if not any(isinstance(f, HomeNotWritable) for f in logger.filters):
        logger.addFilter(HomeNotWritable())
