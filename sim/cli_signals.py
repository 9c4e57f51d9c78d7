"""A stop signal Python swallowed is delivered again.

The command line turns SIGTERM (and Ctrl-C) into an exception, so that a run ends as an
interrupt does: what finished is kept, and its history says it was interrupted. But Python
cannot raise an exception out of a garbage-collector callback or a ``__del__``: it prints it
as "Exception ignored in ..." and goes on. A signal that lands there (a Dask client runs a
garbage-collector callback at every collection) was lost: the run went on to its end and
exited 0, as if no one had asked it to stop. Here such an exception is not printed; the same
signal is sent again a moment later, when the main thread is back in ordinary code.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any

#: how long (seconds) after a swallowed stop signal it is sent again
AGAIN_AFTER = 0.05


def redeliver_swallowed(terminated: type[BaseException]) -> Callable[[], None]:
    """Install a ``sys.unraisablehook`` that sends SIGTERM again when ``terminated`` (what
    the SIGTERM handler raises) was swallowed, and SIGINT when a KeyboardInterrupt was;
    return what puts the previous hook back."""
    previous = sys.unraisablehook

    def hook(unraisable: Any) -> None:
        exc = unraisable.exc_value
        if isinstance(exc, terminated | KeyboardInterrupt):
            signum = signal.SIGTERM if isinstance(exc, terminated) else signal.SIGINT
            again = threading.Timer(AGAIN_AFTER, os.kill, (os.getpid(), signum))
            again.daemon = True
            again.start()
            return
        previous(unraisable)

    sys.unraisablehook = hook

    def restore() -> None:
        sys.unraisablehook = previous

    return restore
