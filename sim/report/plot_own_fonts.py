"""The fonts matplotlib ships, known to its font list before a plot is drawn.

Matplotlib keeps its list of fonts in a cache file under the user's cache folder, named by
its version alone: a matplotlib installed elsewhere on the machine (the system's, another
environment's) that wrote that file first leaves this one's own fonts out of it. The
plots' mathematics (the powers of ten on a log axis) then asks for STIX, Computer Modern
and DejaVu Sans Display, finds none, and matplotlib says so in some twenty ``findfont:
Font family [...] not found`` lines on stderr for every report. Each of the fonts shipped
with this matplotlib that its list lacks is added to it, so that those families exist and
the mathematics is drawn as designed; where the list has them (the usual case) nothing
changes."""

from __future__ import annotations

import os
from pathlib import Path


def add_own_fonts() -> int:
    """Add to matplotlib's font list each font file shipped with it that the list lacks (a
    cache written by another matplotlib); gives how many were added (0: none lacked)."""
    import matplotlib
    from matplotlib import font_manager

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    known = {os.path.realpath(f.fname) for f in font_manager.fontManager.ttflist}
    added = 0
    for path in sorted(folder.glob("*.ttf")):
        if os.path.realpath(path) in known:
            continue
        try:
            font_manager.fontManager.addfont(str(path))
        except (OSError, RuntimeError, ValueError):  # (a damaged file: left out, as matplotlib)
            continue
        added += 1
    return added
