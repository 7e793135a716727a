"""The apps' Textual stylesheets (``.tcss``), found by name."""

from pathlib import Path, PurePath

HERE = Path(__file__).resolve().parent


def sheet(name: str) -> Path:
    """The stylesheet ``name`` (e.g. ``"quiz.tcss"``) beside this module."""
    return HERE / name


def sheets(*names: str) -> list[str | PurePath]:
    """An app's ``CSS_PATH``: ``common.tcss`` (top bar, dialogs, reader), then ``names``."""
    return [sheet(name) for name in ("common.tcss", *names)]
