"""The parsed-bank cache: a checked bank pickled, so the next load skips parsing.

An entry is found by a key made of the bank file, its article(s) and the code
that parses them: touching any of these makes a new key, and a stale entry is
never read again. The cache is an optimisation only; any trouble with it
means the bank is parsed as if there were none.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
from pathlib import Path

from quiz.bank.model import Bank
from quiz.paths import cache_dir, remove_stale_temps, temp_pattern, write_atomic

# The modules whose code decides what a parsed bank holds (tests check that
# every module the loader imports is here).
SOURCES = ("load.py", "cache.py", "model.py", "article.py", "yamlcheck.py", "normalize.py",
           "numbers.py", "readfile.py", "grounding.py", "datetext.py",
           "files.py")

_code_version: str | None = None


def code_version() -> str:
    """Changes whenever the code that shapes a parsed bank changes."""
    global _code_version
    if _code_version is None:
        h = hashlib.sha256()
        here = Path(__file__).parent
        for name in SOURCES:
            h.update((here / name).read_bytes())
        _code_version = h.hexdigest()[:16]
    return _code_version


def key(p: Path) -> str | None:
    """The cache key of the bank file ``p``; None if it cannot be read."""
    try:
        st = p.stat()
        p = p.resolve()
        # The article is part of what is cached (evidence offsets), so it is in the key.
        art = [(a.name, a.stat().st_size, a.stat().st_mtime_ns)
               for a in sorted(p.parent.glob("*.txt"))]
    except OSError:
        return None
    raw = repr((str(p), st.st_size, st.st_mtime_ns, art, code_version()))
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def _path(key: str) -> Path:
    return cache_dir() / "banks" / f"{key}.pickle"


def get(key: str) -> Bank | None:
    try:
        with open(_path(key), "rb") as f:
            bank = pickle.load(f)
    except Exception:  # a missing, stale or damaged cache is simply rebuilt
        return None
    return bank if isinstance(bank, Bank) else None


def put(key: str, bank: Bank) -> None:
    article, bank._article = bank._article, None  # the article is re-read lazily
    try:
        data = pickle.dumps(bank, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        bank._article = article
    target = _path(key)
    # What a writer killed mid-write left behind (only old files, never one in flight).
    remove_stale_temps(target.parent, (temp_pattern(),))
    # The cache is an optimisation: a read-only cache folder must not stop play.
    with contextlib.suppress(OSError):
        write_atomic(target, data)
