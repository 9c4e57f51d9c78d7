"""Work that grows with a declaration's containers (examinations, moves; scans may reuse it).

One declaration may cover ``k`` containers. Drawing ``k`` independent per-box times would need
``k`` uniforms; instead the total is built from the one per-box draw ``x`` (mean ``mu``,
variance ``sigma**2``)::

    total = k * mu + sqrt(k) * (x - mu)

which has mean ``k * mu`` and variance ``k * sigma**2``, exactly those of a sum of ``k``
independent boxes, and keeps the common random numbers (one uniform per quantity). It is
never negative when ``x >= 0`` and ``k >= 1``: ``total = sqrt(k) * x + (k - sqrt(k)) * mu``.
With ``k = 1`` it is ``x`` itself.
"""

from __future__ import annotations

import numpy as np


def per_container(x: np.ndarray, mu: float, k: np.ndarray) -> np.ndarray:
    """Total work of ``k`` containers from one per-box draw ``x`` of mean ``mu``."""
    k = np.maximum(np.asarray(k, float), 1.0)
    root = np.sqrt(k)
    return np.asarray(root * np.asarray(x, float) + (k - root) * mu)
