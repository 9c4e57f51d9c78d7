"""``--dask ADDRESS``: an address that is not ``HOST:PORT`` or ``SCHEME://HOST:PORT`` is a
usage error before anything is created; a scheduler that cannot be reached, or a server that
is not one, is one line (no traceback)."""

from __future__ import annotations

import contextlib
import socket
import threading
from pathlib import Path

import pytest

from sim.cli import main
from sim.experiment.executors import DaskExecutor, SchedulerUnreachable, Task, check_address

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("notanaddress", "no port number"),
        ("tcp://host", "no port number"),
        ("host:0", "port 0 is not 1 to 65535"),
        ("host:70000", "port 70000 is not 1 to 65535"),
        ("foo://host:1", "unknown scheme 'foo'"),
        ("host:port", "not an address"),
        ("tcp://:8786", "not an address"),
    ],
)
def test_a_malformed_address_is_refused_before_the_results_folder_is_made(
    tmp_path, capsys, address, why
):
    out = tmp_path / "o"
    with pytest.raises(SystemExit) as exc:
        main(["run", str(SMALL), "--reps", "1", "--days", "1", "--dask", address,
              "--out", str(out)])  # fmt: skip
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert f"argument --dask: {address!r}: {why}" in err, err
    assert "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize(
    "address", ["10.0.0.5:8786", "tcp://sched.example:8786", "tls://[::1]:8786", "h:1"]
)
def test_a_well_formed_address_is_kept(address):
    assert check_address(address) == address
    assert DaskExecutor(address).address == address


def test_the_library_refuses_a_malformed_address():
    with pytest.raises(ValueError, match="no port number"):
        DaskExecutor("notanaddress")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_scheduler_that_is_not_there_is_one_line(tmp_path, capsys):
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    address = f"tcp://127.0.0.1:{_free_port()}"  # nothing listens there
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        code = main(["run", str(SMALL), "--reps", "1", "--days", "1", "--dask", address,
                     "--out", str(tmp_path / "o")])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f"error: cannot reach the Dask scheduler at {address}: "), err
    assert len(err.strip().splitlines()) == 1, err
    assert not (tmp_path / "o").exists()  # refused before anything was written


def test_a_refused_command_leaves_no_results_folder_of_its_own(tmp_path, capsys, monkeypatch):
    """Without --out a command makes its own folder; refused before writing into it (a bad
    --param), it leaves none behind."""
    monkeypatch.chdir(tmp_path)
    code = main(["sweep", str(SMALL), "--param", "nonexistent.key=1,2", "--reps", "1"])
    assert code == 2 and "unknown key 'nonexistent'" in capsys.readouterr().err
    assert not list((tmp_path / "results").glob("*"))


def test_a_server_that_is_not_a_scheduler_is_one_line(tmp_path):
    pytest.importorskip("distributed")
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)

    def answer() -> None:  # a web server's answer, read as the length of a huge message
        while True:  # (to each connection, as a server does: bordersim first knocks)
            try:
                conn, _ = server.accept()
            except OSError:  # closed: the test is over
                return
            with conn:
                conn.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n" + b"\0" * 64)
                with contextlib.suppress(OSError):
                    conn.recv(1)

    threading.Thread(target=answer, daemon=True).start()
    address = f"127.0.0.1:{server.getsockname()[1]}"
    try:
        with pytest.raises(SchedulerUnreachable, match="does not answer as a Dask scheduler"):
            list(DaskExecutor(address).map([Task("k", None, 0, 0)]))  # type: ignore[arg-type]
    finally:
        server.close()


@pytest.mark.parametrize("command", ["run", "compare"])
def test_a_command_that_fails_after_opening_its_folder_removes_it(
    command, tmp_path, capsys, monkeypatch
):
    """A command that fails after writing only what describes the run (meta.json,
    scenario.json, an empty reps/) into a folder it made removes it again, --out or not; a
    folder that already was there, or that holds a result, is kept as it is."""
    import sim.cli_experiments
    import sim.experiment.compare
    from sim.cli import UsageError

    def fail(*args, **kwargs):
        raise UsageError("refused on purpose")

    monkeypatch.setattr(sim.cli_experiments, "check_warmup", fail)
    monkeypatch.setattr(sim.experiment.compare.Comparison, "replicate", fail)
    monkeypatch.chdir(tmp_path)
    argv = [command, str(SMALL), "--reps", "1", "--days", "1", "--no-report"][
        : 6 if command == "run" else 7]
    if command == "compare":
        argv += ["--option", "a:days=2"]
    for out in ([], ["--out", "mine"]):
        assert main([*argv, *out]) == 2
        assert "error: refused on purpose" in capsys.readouterr().err
        assert not (tmp_path / "mine").exists() and not list(tmp_path.glob("results/*"))
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "keep.txt").write_text("mine")
    assert main([*argv, "--out", "mine"]) != 0
    assert (tmp_path / "mine" / "keep.txt").read_text() == "mine"
