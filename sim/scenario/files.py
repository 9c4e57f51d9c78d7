"""Reading the files a scenario names (itself, its parents, its CSVs) safely.

Only regular files are read (never a device such as ``/dev/zero``, a named pipe or a folder),
at most a size limit, and as UTF-8; every problem is a :class:`FileProblem` whose message says
what is wrong with the file without quoting its content.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

MAX_SCENARIO_BYTES = 4 * 2**20  #: a scenario or parent file (the default is about 20 KiB)
MAX_CSV_BYTES = 64 * 2**20  #: a CSV of observations


class FileProblem(ValueError):
    """A file that cannot be used: missing, not a regular file, too big, or not UTF-8."""

    def __init__(self, message: str, missing: bool = False):
        super().__init__(message)
        self.missing = missing


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _is_socket(path: Path) -> bool:
    try:
        return stat.S_ISSOCK(os.stat(path).st_mode)
    except OSError:
        return False


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        if os.path.islink(path):
            raise FileProblem(
                f"is a symbolic link to {os.readlink(path)!r}, which does not exist"
            ) from None
        raise FileProblem("no such file", missing=True) from None
    except OSError as exc:
        if exc.errno == errno.EISDIR:
            raise FileProblem("is a folder, not a file") from None
        if exc.errno == errno.ELOOP:
            raise FileProblem(
                "is a loop of symbolic links (each leads to another, and back): there is no "
                "file to read"
            ) from None
        if exc.errno == errno.ENXIO and _is_socket(path):  # (a socket cannot be opened)
            raise FileProblem("is a socket, not a regular file") from None
        raise FileProblem(f"cannot read: {exc.strerror}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileProblem(f"is {_kind(st.st_mode)}, not a regular file")
        if st.st_size > limit:
            raise FileProblem(f"is {st.st_size:,} bytes; at most {limit:,} bytes are read")
        chunks, size = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise FileProblem(f"is more than {limit:,} bytes; at most {limit:,} are read")
        return b"".join(chunks)
    except OSError as exc:
        raise FileProblem(f"cannot read: {exc.strerror}") from None
    finally:
        os.close(fd)


def read_text(path: Path, limit: int) -> str:
    """A regular file of at most ``limit`` bytes, decoded as UTF-8 (a BOM is allowed)."""
    raw = read_bytes(path, limit)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        hint = " (it looks like UTF-16)" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else ""
        raise FileProblem(
            f"is not UTF-8 text{hint}: byte 0x{raw[exc.start]:02x} on line {line}; save it as UTF-8"
        ) from None
    if "\0" in text:
        line = text.count("\n", 0, text.index("\0")) + 1
        raise FileProblem(f"is not a text file: a NUL character on line {line}")
    return text


def depth(data: object) -> int:
    """How deeply tables and arrays nest in ``data`` (iteratively: never a RecursionError)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        node, d = stack.pop()
        if isinstance(node, dict):
            children = list(node.values())
        elif isinstance(node, list):
            children = node
        else:
            continue
        deepest = max(deepest, d + 1)
        stack.extend((c, d + 1) for c in children)
    return deepest


def deep_path(data: object, limit: int) -> str:
    """The dotted path (first keys) to where ``data`` nests more than ``limit`` deep."""
    parts: list[str] = []
    node = data
    while len(parts) < 4:
        if isinstance(node, dict) and node:
            key, node = max(node.items(), key=lambda kv: depth(kv[1]))
            parts.append(str(key))
        elif isinstance(node, list) and node:
            items: list[Any] = node
            i = max(range(len(items)), key=lambda j: depth(items[j]))
            parts.append(str(i))
            node = node[i]
        else:
            break
    return ".".join(parts)
