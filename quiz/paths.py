"""Where quiz keeps its files, and the one way to write one.

``QUIZ_HOME`` overrides every location. Every file quiz writes whole goes
through :func:`write_atomic`, so a crash or a full disk never leaves half a
file behind.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

APP = "quiz"


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
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
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
