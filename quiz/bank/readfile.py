"""Reading a bank or article file: only a regular file, and never more than a cap.

A bank folder is written by anyone, so ``bank.yaml`` may be a FIFO (a plain
read blocks for ever), a symlink to ``/dev/zero`` (its size says 0, reading it
never ends) or a socket. The file is opened without blocking, checked on the
open descriptor (so it cannot be swapped between check and read), and read
with a byte cap rather than trusted to be as long as its size says.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
    | getattr(os, "O_BINARY", 0)


class NotReadable(Exception):
    """The file is over the cap (``reason`` is "size") or not a regular file (it says what)."""

    def __init__(self, reason: str, size: int = 0) -> None:
        super().__init__(reason)
        self.reason, self.size = reason, size


def kind_of(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_capped(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, if there are at most ``limit`` of them.

    Raises ``NotReadable`` or ``OSError``.
    """
    try:
        mode = os.stat(path).st_mode
    except ValueError:  # a NUL in the name
        raise FileNotFoundError(str(path)) from None
    if not stat.S_ISREG(mode):  # a socket cannot even be opened: say what it is first
        raise NotReadable(kind_of(mode))
    fd = os.open(path, _FLAGS)
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotReadable(kind_of(st.st_mode))
        if st.st_size > limit:
            raise NotReadable("size", st.st_size)
        data = f.read(limit + 1)
    if len(data) > limit:  # it grew, or its size was wrong
        raise NotReadable("size", max(len(data), st.st_size))
    return data
