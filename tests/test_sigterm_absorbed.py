"""A SIGTERM never ends a command as if it had not come (sim.cli_signals).

Each test sends a real SIGTERM to this process at a chosen moment of a stand-in command, and
checks that ``bordersim`` ends with the one line and status 143 a batch scheduler expects.
"""

from __future__ import annotations

import os
import signal
import time

import pytest
from pydantic import BaseModel, field_serializer

import sim.cli as cli
import sim.cli_signals as stop_signal

LINE = "terminated; rerun with the same --out to resume\n"


class _Lands(BaseModel):
    """A model whose serializer is where the signal lands (as in a scenario's hash)."""

    x: int = 1

    @field_serializer("x")
    def _dump(self, x: int) -> int:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.01)  # (the handler runs here, inside the serializer)
        return x


@pytest.fixture(autouse=True)
def _harmless_default(monkeypatch):
    """A SIGTERM outside the command is noted, not fatal to the test run."""
    seen: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: seen.append(signum))
    yield seen
    signal.signal(signal.SIGTERM, previous)


def test_a_sigterm_in_a_serializer_is_not_a_traceback(monkeypatch, capsys):
    """Pydantic wraps what a serializer raises in a ValueError: it still ends as SIGTERM."""
    monkeypatch.setattr(cli, "_main", lambda argv: len(_Lands().model_dump()))
    assert cli.main(["run"]) == 143
    assert capsys.readouterr().err == LINE


def test_a_sigterm_absorbed_by_an_except_is_not_an_ordinary_exit(monkeypatch, capsys):
    """Code that takes a ValueError for a bad value and goes on must not turn it into 0."""

    def absorbs(argv):
        try:
            _Lands().model_dump()
        except ValueError:
            pass
        return 0

    monkeypatch.setattr(cli, "_main", absorbs)
    assert cli.main(["run"]) == 143
    assert capsys.readouterr().err == LINE


def test_a_sigterm_absorbed_mid_run_is_sent_again_until_it_ends_the_run(monkeypatch, capsys):
    """The run does not go on to its end (past a scheduler's grace period) on a lost SIGTERM."""
    monkeypatch.setattr(stop_signal, "AGAIN_EVERY", 0.05)
    worked: list[float] = []

    def absorbs_then_works(argv):
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.01)
        except BaseException:  # (a library that takes every exception for its own)
            pass
        started = time.monotonic()
        while time.monotonic() - started < 3:
            time.sleep(0.01)
            worked.append(time.monotonic() - started)
        return 0

    monkeypatch.setattr(cli, "_main", absorbs_then_works)
    assert cli.main(["run"]) == 143
    assert worked and worked[-1] < 1.5, "the run went on after SIGTERM"
    assert capsys.readouterr().err == LINE


def test_a_sigterm_as_the_command_ends_still_ends_it_with_143(monkeypatch, capsys,
                                                               _harmless_default):
    """All the work done, a SIGTERM during the clean-up (the lock let go) is answered too."""
    monkeypatch.setattr(cli, "_main", lambda argv: 0)
    unlock = cli._unlock

    def signalled_unlock():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.01)
        unlock()

    monkeypatch.setattr(cli, "_unlock", signalled_unlock)
    assert cli.main(["run"]) == 143
    assert capsys.readouterr().err == LINE
    assert _harmless_default == []  # (the command's own handler took it)


def test_no_signal_no_change(monkeypatch, capsys):
    monkeypatch.setattr(cli, "_main", lambda argv: 0)
    assert cli.main(["run"]) == 0
    assert capsys.readouterr().err == ""


class _Finalised:
    """An object whose finaliser is where the signal lands (Python only reports it)."""

    def __del__(self) -> None:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.01)


def test_a_sigterm_swallowed_by_a_finaliser_as_the_command_returns_is_143(monkeypatch, capsys):
    """It is sent again a moment later, but the command had returned by then: status 0."""

    def returns_at_once(argv):
        _Finalised()  # (collected at once: its __del__ runs here)
        return 0

    monkeypatch.setattr(cli, "_main", returns_at_once)
    assert cli.main(["run"]) == 143
    assert capsys.readouterr().err == LINE


def test_no_signal_is_sent_again_after_the_command_returned(monkeypatch, _harmless_default):
    """A process that goes on after the command (a notebook) gets no stray SIGTERM later."""
    monkeypatch.setattr(stop_signal, "AGAIN_EVERY", 0.05)

    def returns_at_once(argv):
        _Finalised()
        return 0

    monkeypatch.setattr(cli, "_main", returns_at_once)
    assert cli.main(["run"]) == 143
    time.sleep(0.3)
    assert _harmless_default == []


@pytest.mark.parametrize("sig, status, word", [
    (signal.SIGTERM, 143, "terminated"), (signal.SIGINT, 130, "interrupted"),
])  # fmt: skip
def test_a_signal_wrapped_without_its_cause_still_ends_as_that_signal(monkeypatch, capsys,
                                                                       sig, status, word):
    """A nested serializer's error names the signal only in its text (no ``__cause__``)."""

    def wraps(argv):
        try:
            os.kill(os.getpid(), sig)
            time.sleep(0.01)
        except (cli.Terminated, KeyboardInterrupt):
            raise ValueError("Error calling function `_dump`: ...: ") from None
        return 0

    monkeypatch.setattr(cli, "_main", wraps)
    assert cli.main(["run"]) == status
    assert capsys.readouterr().err == f"{word}; rerun with the same --out to resume\n"
