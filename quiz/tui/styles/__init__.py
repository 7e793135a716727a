"""The apps' Textual stylesheets (``.tcss``), found by name."""

from pathlib import Path, PurePath

HERE = Path(__file__).resolve().parent


def sheet(name: str) -> Path:
    """The stylesheet ``name`` (e.g. ``"quiz.tcss"``) beside this module."""
    return HERE / name


def sheets(*names: str) -> list[str | PurePath]:
    """An app's ``CSS_PATH``: ``common.tcss`` (screen, top bar), ``dialogs.tcss``
    (dialogs, reader), then ``names``."""
    return [sheet(name) for name in ("common.tcss", "dialogs.tcss", *names)]


HIGH_CONTRAST = "quiz-high-contrast"


def register_themes(app) -> None:
    """Add the high-contrast theme (pure black and white, saturated accents) to ``app``."""
    from textual.theme import Theme

    if HIGH_CONTRAST in app.available_themes:
        return
    app.register_theme(Theme(
        name=HIGH_CONTRAST, dark=True,
        primary="#ffff00", secondary="#00ffff", accent="#ff00ff",
        warning="#ffff00", error="#ff5555", success="#00ff00",
        foreground="#ffffff", background="#000000", surface="#000000", panel="#202020",
        variables={"text-muted": "#ffffff", "footer-key-foreground": "#ffff00",
                   "block-cursor-foreground": "#000000", "block-cursor-background": "#ffffff"},
    ))
