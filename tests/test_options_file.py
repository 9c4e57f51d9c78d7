"""``compare --options-file`` reads its file with the checks of a scenario file: a regular
file (never a folder, a named pipe or a device such as ``/dev/zero``), at most a size cap, and
UTF-8; every problem is one line naming the file, exit status 2, and nothing is written."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

import sim.scenario.files as files
from sim.cli import main

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def _compare(tmp_path: Path, options_file: Path, capsys) -> tuple[int, str]:
    out = tmp_path / "o"
    code = main(["compare", str(SMALL), "--reps", "2", "--days", "2", "--out", str(out),
                 "--options-file", str(options_file)])  # fmt: skip
    err = capsys.readouterr().err
    assert not out.exists()
    return code, err


def test_an_options_file_that_is_not_utf8_is_one_line_naming_the_file(tmp_path, capsys):
    opts = tmp_path / "opts.toml"
    opts.write_bytes(b'[options.a]\nset = { "days" = 3 }\n# caf\xe9\n')
    code, err = _compare(tmp_path, opts, capsys)
    assert code == 2
    assert err == (
        f"error: options file {opts}: is not UTF-8 text: byte 0xe9 on line 3; "
        "save it as UTF-8\n"
    )


def test_an_options_file_that_is_a_folder_is_refused(tmp_path, capsys):
    code, err = _compare(tmp_path, tmp_path, capsys)
    assert code == 2
    assert err == f"error: options file {tmp_path}: is a folder, not a regular file\n"


def _feed(fifo: Path) -> None:
    """Write a valid options file into ``fifo`` once something opens it for reading."""
    try:
        with open(fifo, "w") as f:
            f.write('[options.a]\nset = { "days" = 3 }\n')
    except OSError:  # the reader looked and went away
        pass


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_an_options_file_that_is_a_pipe_is_refused_without_reading_it(tmp_path, capsys):
    fifo = tmp_path / "opts.toml"
    os.mkfifo(fifo)
    feeder = threading.Thread(target=_feed, args=(fifo,), daemon=True)
    feeder.start()  # (so that reading it, were it read, would end rather than wait)
    code, err = _compare(tmp_path, fifo, capsys)
    os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))  # let the feeder go
    feeder.join(5)
    assert code == 2
    assert err == f"error: options file {fifo}: is a named pipe, not a regular file\n"


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null here")
def test_an_options_file_that_is_a_device_is_refused(tmp_path, capsys):
    # (/dev/null, not /dev/zero: were the check gone, it would end rather than fill memory)
    code, err = _compare(tmp_path, Path("/dev/null"), capsys)
    assert code == 2
    assert err == "error: options file /dev/null: is a device, not a regular file\n"


def test_an_options_file_over_the_size_cap_is_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(files, "MAX_SCENARIO_BYTES", 64)
    opts = tmp_path / "opts.toml"
    opts.write_text('[options.a]\nset = { "days" = 3 }\n' + "# padding\n" * 10)
    code, err = _compare(tmp_path, opts, capsys)
    assert code == 2
    assert err == f"error: options file {opts}: is 133 bytes; at most 64 bytes are read\n"


def test_a_missing_options_file_is_named(tmp_path, capsys):
    code, err = _compare(tmp_path, tmp_path / "nope.toml", capsys)
    assert code == 2
    assert err == f"error: options file not found: {tmp_path / 'nope.toml'}\n"


def test_an_option_given_twice_names_its_field_path_and_line(tmp_path, capsys):
    opts = tmp_path / "opts.toml"
    opts.write_text('[options.a]\nset = { "days" = 3 }\n[options.a]\ndescription = "x"\n')
    code, err = _compare(tmp_path, opts, capsys)
    assert code == 2
    assert err == (
        f"error: {opts}: not valid TOML at line 3: options.a is given twice (each key and "
        "table may be given once)\n"
    )
