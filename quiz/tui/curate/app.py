"""``quiz curate``: the Textual app, built by one factory for the command line and the tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.screen import Screen

from quiz.tui.curate.main import CurateScreen
from quiz.tui.styles import sheets

if TYPE_CHECKING:
    from quiz.bank.curation import Curation


class CurateApp(App[int]):
    CSS_PATH = sheets("curate.tcss")
    TITLE = "quiz curate"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, curation: Curation, *, include_rejected: bool = False) -> None:
        super().__init__()
        self.curation = curation
        self.include_rejected = include_rejected

    def get_default_screen(self) -> Screen:
        return CurateScreen(self.curation, include_rejected=self.include_rejected)

    def on_unmount(self) -> None:
        self.curation.close()  # removes the private folder the edit checks use


def create_curate_app(curation: Curation, *, include_rejected: bool = False) -> CurateApp:
    return CurateApp(curation, include_rejected=include_rejected)


def run_curate(curation: Curation, *, include_rejected: bool = False) -> int:
    """``quiz curate BANK``: the curation app on ``curation``, until the curator quits."""
    return create_curate_app(curation, include_rejected=include_rejected).run() or 0
