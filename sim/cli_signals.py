"""A stop signal Python swallowed is delivered again, and one never ends a command as if
it had not come.

The command line turns SIGTERM (and Ctrl-C) into an exception, so that a run ends as an
interrupt does: what finished is kept, and its history says it was interrupted. But Python
cannot raise an exception out of a garbage-collector callback or a ``__del__``: it prints it
as "Exception ignored in ..." and goes on. A signal that lands there (a Dask client runs a
garbage-collector callback at every collection) was lost: the run went on to its end and
exited 0, as if no one had asked it to stop. Here such an exception is not printed; the same
signal is sent again a moment later, when the main thread is back in ordinary code.

Other code can absorb the exception too: Pydantic wraps what a serializer raises in a
``PydanticSerializationError`` (a ValueError), so a SIGTERM landing in a scenario's dump (its
hash, written into ``meta.json``) reached the command as a traceback, and any ``except
ValueError`` on the way would have turned it into an ordinary exit. So the command notes each
stop signal (:func:`note`): until it answers it (:func:`closing`), the signal is sent again
every :data:`AGAIN_EVERY` seconds, and one noted but not answered ends the command with its
interrupt's status however the command otherwise ended (:func:`pending`).
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

#: how often (seconds) a stop signal the command has not answered is sent again (an
#: assumption: long beside the clean-up an interrupted run does before it answers, short
#: beside a batch scheduler's grace period between SIGTERM and SIGKILL, typically a minute)
AGAIN_EVERY = 2.0

#: how many times the hook sends a stop signal that keeps landing inside it
_TRIES = 10


class _Stop:
    """The stop signal this command received: its number, and whether the command is closing
    (it answered, or is ending anyway: a signal is then only noted)."""

    signum: int | None = None
    closing = False
    repeats: threading.Event | None = None


def begin() -> None:
    """A command starts: no stop signal yet."""
    _Stop.signum, _Stop.closing, _Stop.repeats = None, False, None


def note(signum: int) -> bool:
    """Note ``signum``; True if the handler should raise now (the command is not closing).
    The first one noted is sent again every :data:`AGAIN_EVERY` seconds until
    :func:`closing`: wherever it was absorbed, a later one lands elsewhere."""
    if _Stop.signum is None:
        _Stop.signum = signum
        if not _Stop.closing:
            _Stop.repeats = threading.Event()
            threading.Thread(target=_repeat, args=(signum, _Stop.repeats),
                             name="stop-again", daemon=True).start()
    return not _Stop.closing


def _repeat(signum: int, stop: threading.Event) -> None:
    while not stop.wait(AGAIN_EVERY):
        os.kill(os.getpid(), signum)


def closing() -> None:
    """The command answers the signal, or ends anyway: no more repeats, and a stop signal
    from now on is only noted."""
    _Stop.closing = True
    if _Stop.repeats is not None:
        _Stop.repeats.set()


def pending() -> int | None:
    """The stop signal noted since :func:`begin`, if any."""
    return _Stop.signum


def redeliver_swallowed(terminated: type[BaseException]) -> Callable[[], None]:
    """Install a ``sys.unraisablehook`` that sends SIGTERM again when ``terminated`` (what
    the SIGTERM handler raises) was swallowed, and SIGINT when a KeyboardInterrupt was;
    return what puts the previous hook back (and cancels a sending not yet made: the command
    has ended, and a process that goes on, a notebook, must not be stopped later)."""
    previous = sys.unraisablehook
    timers: list[threading.Timer] = []

    def send_later(signum: int) -> None:
        again = threading.Timer(AGAIN_AFTER, os.kill, (os.getpid(), signum))
        again.daemon = True
        timers.append(again)
        again.start()

    def hook(unraisable: Any) -> None:
        exc = unraisable.exc_value
        if not isinstance(exc, terminated | KeyboardInterrupt):
            previous(unraisable)
            return
        signum = signal.SIGTERM if isinstance(exc, terminated) else signal.SIGINT
        for _ in range(_TRIES):
            try:  # (on a loaded machine the sending can land while the timer still starts,
                send_later(signum)  # here in the hook, where it would be lost: send again)
                return
            except (terminated, KeyboardInterrupt):
                continue

    sys.unraisablehook = hook

    def restore() -> None:
        sys.unraisablehook = previous
        for timer in timers:
            timer.cancel()

    return restore
