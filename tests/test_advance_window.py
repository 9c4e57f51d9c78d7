"""An advance declaration's lead that mostly overshoots the legal window is refused: the model
would cut most of them to exactly ``declaration.advance_max`` and no run would say so."""

from __future__ import annotations

import pytest

from sim.cli import main

LEAD = 'advance_lead = {dist = "uniform", low = "2 h", high = "48 h"}'


def _check(write, text: str, capsys) -> tuple[int, str]:
    path = write(text)
    code = main(["check", str(path)])
    return code, capsys.readouterr().err.replace(str(path), "FILE")


@pytest.mark.parametrize(
    "new,median",
    [
        ('advance_lead = "5 d"', "5 d"),
        ('advance_lead = {dist = "uniform", low = "2 h", high = "10 d"}', "121 h"),
    ],
)
def test_lead_beyond_the_window_is_an_error(write, small_text, capsys, new, median):
    assert LEAD in small_text
    code, err = _check(write, small_text.replace(LEAD, new, 1), capsys)
    assert code == 2 and "Traceback" not in err
    assert err.startswith("error: FILE: ports.sea.declaration.advance_lead = "), err
    assert f"its median, {median} before arrival" in err
    assert "declaration.advance_max = 3 d" in err
    assert "widen advance_max" in err


def test_a_window_of_zero_names_the_lead_it_cuts(write, small_text, capsys):
    text = small_text.replace("[declaration]\n", '[declaration]\nadvance_max = "0 h"\n', 1)
    code, err = _check(write, text, capsys)
    assert code == 2, err
    assert "ports.sea.declaration.advance_lead" in err
    assert "declaration.advance_max = 0 h" in err
    assert "the window set in FILE" in err


def test_an_exports_own_lead_is_checked(write, small_text, capsys):
    at = "[ports.sea.exports]\n"
    text = small_text.replace(at, at + 'advance_lead = "4 d"\n', 1)
    code, err = _check(write, text, capsys)
    assert code == 2, err
    assert err.startswith("error: FILE: ports.sea.exports.advance_lead = '4 d'"), err


@pytest.mark.parametrize(
    "new",
    [
        'advance_lead = "3 d"',  # on the window: nothing cut
        'advance_lead = {dist = "uniform", low = "2 h", high = "5 d"}',  # median 61 h: a tail
        'advance_lead = {dist = "lognormal", mean = "60 h", cv = 1.5}',  # a long tail is cut
    ],
)
def test_a_lead_within_the_window_or_with_a_tail_beyond_it_is_accepted(
    write, small_text, capsys, new
):
    code, err = _check(write, small_text.replace(LEAD, new, 1), capsys)
    assert code == 0, err
