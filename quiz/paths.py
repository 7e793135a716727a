"""Where quiz keeps its files, and the one way to write one.

``QUIZ_HOME`` overrides every location. Every file quiz writes whole goes
through :func:`write_atomic`, so a crash or a full disk never leaves half a
file behind.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from collections.abc import Callable, Iterable
from pathlib import Path

APP = "quiz"

# A temporary file is stale (a killed writer's) once it is this old, whoever made it.
STALE_AFTER_S = 3600.0
# One that names a process no longer running is stale sooner; not at once, as the
# folder may be shared with another machine whose process ids mean nothing here.
STALE_DEAD_PID_AFTER_S = 60.0


def _home() -> Path | None:
    home = os.environ.get("QUIZ_HOME")
    return Path(home).expanduser() if home else None


def data_dir() -> Path:
    """Progress database and backups."""
    if home := _home():
        return home / "data"
    import platformdirs

    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def cache_dir() -> Path:
    """Parsed-bank cache; safe to delete at any time."""
    if home := _home():
        return home / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def bundled_banks_dir() -> Path:
    """Banks shipped with the package (``questions/`` in the source tree)."""
    here = Path(__file__).resolve().parent
    source_tree = here.parent / "questions"
    if (here.parent / "pyproject.toml").is_file() and source_tree.is_dir():
        return source_tree  # running from a source checkout
    return here / "banks"  # installed: questions/ ships as quiz/banks


def write_atomic(path: str | os.PathLike[str], data: bytes | str, *, private: bool = False,
                 check: Callable[[Path], bool] | None = None) -> bool:
    """Replace ``path`` with ``data`` (text is written as UTF-8, line ends as given).

    The data goes to a temporary file in the same folder, is flushed to disk,
    and only then renamed over ``path``; the folder is synced so the rename
    lasts too. A new file gets the user's usual permissions (the umask
    applies), an existing one keeps its mode; ``private`` makes it readable
    by the user only, for secrets. ``check``, if given, is called with the
    written temporary file before the rename: if it says False, ``path`` is
    left alone and this returns False. On any error the temporary file is
    removed and the error raised; ``path`` is then untouched.
    """
    target = Path(path)
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = _create_temp(target, 0o600 if private else 0o666)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        if not private:
            with contextlib.suppress(FileNotFoundError):
                os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
        if check is not None and not check(tmp):
            tmp.unlink(missing_ok=True)
            return False
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(folder)
    return True


def _create_temp(target: Path, mode: int) -> tuple[int, Path]:
    """A new, hidden file beside ``target``; ``mode`` is narrowed by the umask as usual.

    (``tempfile.mkstemp`` always makes 0600, which would leave a bank that
    was saved once unreadable to the rest of a shared classroom machine.)
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        # The writer's pid in the name lets a later start tell a dead writer's file.
        tmp = target.with_name(f".{target.name}.{os.getpid()}-{os.urandom(4).hex()}.tmp")
        try:
            return os.open(tmp, flags, mode), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")


def _fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (not possible on every platform)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def temp_pattern(name: str | None = None) -> re.Pattern[str]:
    """The names :func:`write_atomic` gives its temporary files for ``name`` (any name if
    None); group 1 is the writer's pid. Files of earlier versions, without it, match too.
    """
    stem = re.escape(name) if name is not None else r"[^/\\]+?"
    return re.compile(rf"\.{stem}\.(?:(\d+)-)?[0-9a-f]{{8}}\.tmp")


def remove_stale_temps(folder: Path, patterns: Iterable[re.Pattern[str]], *,
                       now: float | None = None) -> list[Path]:
    """Delete temporary files in ``folder`` that a killed writer left; the ones deleted.

    Only names matching one of ``patterns`` (a group 1, if any, is the
    writer's pid) are touched, and only old ones: older than an hour, or
    older than a minute when the process named is gone. Another process's
    file in the middle of being written is never one of them.
    """
    moment = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = next((m for p in patterns if (m := p.fullmatch(entry.name))), None)
        if match is None:
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        age = moment - st.st_mtime
        pid = match.group(1) if match.re.groups else None
        dead = pid is not None and not _running(int(pid))
        if age > STALE_AFTER_S or (dead and age > STALE_DEAD_PID_AFTER_S):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _running(pid: int) -> bool:
    """Whether a process ``pid`` exists here (True when that cannot be told)."""
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # no cheap check: the age rule alone applies
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True
