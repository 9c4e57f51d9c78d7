"""A listing piped into ``| head`` or ``| more`` that the reader closes early: the command
stops quietly, as other console tools do, with no ``错误：[Errno 32] Broken pipe`` line
(untranslated, under ``--lang zh``) that a workshop would read as a fault of the
simulator."""

from __future__ import annotations

import io

import pytest

from sim.cli import main


class _ClosedPipe(io.StringIO):
    """A standard output whose reader has gone: every write fails as a closed pipe does."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_closed_pipe_stops_the_listing_without_an_error_line(lang, capsys, monkeypatch):
    capsys.readouterr()
    monkeypatch.setattr("sys.stdout", _ClosedPipe())
    assert main(["reforms", "--lang", lang]) == 1
    assert capsys.readouterr().err == ""
