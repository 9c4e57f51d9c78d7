"""A SIGTERM that lands in a garbage-collector callback (where Python swallows the exception
the handler raises; a Dask client runs one at every collection) still ends the command as
terminated (status 143), not as if no one had asked it to stop."""

from __future__ import annotations

import gc
import os
import signal
import sys
import time
from typing import Any

import pytest

import sim.cli as cli


def _signal_inside_gc_callback(argv: list[str]) -> int:
    """A command that collects garbage while a SIGTERM arrives, then works on for a while."""
    fired = []

    def callback(phase: str, info: dict[str, Any]) -> None:
        if phase == "start" and not fired:
            fired.append(True)
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(1000):  # (the handler runs here, inside the callback)
                pass

    gc.callbacks.append(callback)
    try:
        gc.collect()
    finally:
        gc.callbacks.remove(callback)
    assert fired
    deadline = time.monotonic() + 20  # (far above the bound below, so a loaded machine
    # cannot blur the two)
    while time.monotonic() < deadline:
        time.sleep(0.01)
    return 0


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_swallowed_in_a_gc_callback_still_terminates(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "_main", _signal_inside_gc_callback)
    started = time.monotonic()
    assert cli.main(["run"]) == 143
    assert time.monotonic() - started < 10  # (ended at the signal, not after the work)
    err = capsys.readouterr().err
    assert "terminated; rerun with the same --out to resume" in err
    assert "Exception ignored" not in err


def test_other_unraisable_exceptions_are_still_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[BaseException | None] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: seen.append(u.exc_value))
    def command(argv: list[str]) -> int:
        class Noisy:
            def __del__(self) -> None:
                raise ValueError("from __del__")

        Noisy()
        return 0

    monkeypatch.setattr(cli, "_main", command)
    assert cli.main(["run"]) == 0
    assert [str(e) for e in seen] == ["from __del__"]
    assert sys.unraisablehook is not None and not seen[1:]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_sending_that_lands_inside_the_hook_is_sent_again(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a loaded machine the timer that sends the swallowed SIGTERM again can fire while
    the hook still waits for it to start: the handler then raises inside the hook, where
    Python ignores it. The hook sends once more, so the command still ends as terminated."""
    import threading

    real = threading.Timer
    landed: list[bool] = []

    class LandsAtOnce(real):  # type: ignore[misc,valid-type]
        def start(self) -> None:
            if not landed:  # (the first sending lands before start returns)
                landed.append(True)
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(0.05)  # (the handler runs here, inside the hook)
            super().start()

    monkeypatch.setattr(threading, "Timer", LandsAtOnce)
    monkeypatch.setattr(cli, "_main", _signal_inside_gc_callback)
    assert cli.main(["run"]) == 143 and landed
    err = capsys.readouterr().err
    assert "terminated; rerun with the same --out to resume" in err
    assert "Exception ignored" not in err, err
