"""Where quiz keeps its files. ``QUIZ_HOME`` overrides every location."""

from __future__ import annotations

import os
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


def config_dir() -> Path:
    if home := _home():
        return home / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP, appauthor=False))


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
