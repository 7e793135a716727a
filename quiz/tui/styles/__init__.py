"""The apps' Textual stylesheets (``.tcss``), found by name."""

from pathlib import Path

HERE = Path(__file__).resolve().parent


def sheet(name: str) -> Path:
    """The stylesheet ``name`` (e.g. ``"quiz.tcss"``) beside this module."""
    return HERE / name
