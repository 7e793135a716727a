"""The ``?`` dialog: every key of an app, by screen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from quiz.tui.text import assemble, fit, join, literal


@dataclass(frozen=True, slots=True)
class KeyGroup:
    """The keys of one screen or task: (keys, what they do)."""

    title: str
    keys: tuple[tuple[str, str], ...]


def help_text(groups: Sequence[KeyGroup]) -> Content:
    """Each group's title, then its keys in one column wide enough for all of them."""
    width = max((cell_len(k) for g in groups for k, _ in g.keys), default=0) + 2
    lines: list[Content] = []
    for group in groups:
        lines.append(literal(group.title, "bold underline"))
        lines += [assemble(literal(f"  {fit(k, width)}", "bold"), literal(what))
                  for k, what in group.keys]
        lines.append(literal(""))
    return join(lines[:-1])


class HelpDialog(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1,q", "close", "Close"),
    ]

    def __init__(self, groups: Sequence[KeyGroup], *, title: str = "Keys",
                 intro: str = "") -> None:
        super().__init__()
        self.groups = list(groups)
        self.heading = title
        self.intro = intro

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog", classes="dialog"):
            yield Static(literal(self.heading, "bold"), classes="dialog-title")
            if self.intro:
                yield Static(literal(self.intro), classes="dialog-sub")
            yield Static(help_text(self.groups), id="help-text")
            yield Static(literal("Esc closes this help.", "dim"), classes="dialog-sub")

    def action_close(self) -> None:
        self.dismiss(None)
