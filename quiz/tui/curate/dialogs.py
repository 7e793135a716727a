"""Small modal screens of ``quiz curate``: yes/no questions, the key help, the article."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from quiz.bank.article import Article
from quiz.tui.text import assemble, join, literal
from quiz.tui.widgets.article_view import ArticleView


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question; dismisses with True for yes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, detail: str = "", yes: str = "Yes", no: str = "No") -> None:
        super().__init__(classes="curate-dialog")
        self.question, self.detail, self.yes, self.no = question, detail, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(literal(self.question), classes="dialog-question")
            if self.detail:
                yield Static(literal(self.detail), classes="dialog-detail")
            with Horizontal(classes="dialog-buttons"):
                yield Button(literal(self.yes), id="yes", variant="primary")
                yield Button(literal(self.no), id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()  # the safe choice is the default

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


HELP_KEYS = (
    ("↑ ↓ PgUp PgDn", "move through the questions (or click one)"),
    ("a", "approve: the question will be played"),
    ("r", "reject: kept in the file, never played"),
    ("d", "back to draft"),
    ("e  Enter", "edit prompt, answer, choices, hints, explanation"),
    ("u", "undo the last change"),
    ("f", "filter: all, drafts, approved, rejected"),
    ("v", "read the evidence in the whole article"),
    ("s", "save now (every change is saved as you make it)"),
    ("q", "quit"),
)
EDIT_KEYS = (
    ("Tab  Shift+Tab", "next / previous field"),
    ("Ctrl+S", "save the question (only when it passes the checks)"),
    ("Esc", "cancel the edit"),
)


class HelpDialog(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="curate-dialog")

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box help-box"):
            yield Static(literal("Curating a bank"), classes="dialog-question")
            yield Static(literal(
                "Generated questions arrive as drafts. Only approved questions are played "
                "(quiz play --include-drafts tries the drafts too). Each question shows the "
                "passage that proves its answer: approve it if the passage does, edit it if "
                "it almost does, reject it otherwise. An edited question keeps its id, and "
                "every edit is checked against the article before it can be saved."),
                classes="dialog-detail")
            yield Static(self._table(HELP_KEYS), classes="help-keys")
            yield Static(literal("In the edit form"), classes="dialog-question")
            yield Static(self._table(EDIT_KEYS), classes="help-keys")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Close", id="close", variant="primary")

    @staticmethod
    def _table(rows: Iterable[tuple[str, str]]) -> Content:
        return join(assemble((f"{k:<15}", "bold"), literal(v)) for k, v in rows)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


class ArticleDialog(ModalScreen[None]):
    """The whole article, scrolled to the evidence of one question."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,v", "close", "Close"),
    ]

    def __init__(self, article: Article, spans: list[tuple[int, int]]) -> None:
        super().__init__(classes="curate-dialog")
        self.article, self.spans = article, spans

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box article-box"):
            yield ArticleView(self.article, self.spans, id="curate-article")
            yield Static(literal("Esc: back to the question"), classes="dialog-detail")

    def on_mount(self) -> None:
        view = self.query_one(ArticleView)
        view.focus()
        self.call_after_refresh(view.scroll_to_highlight)

    def action_close(self) -> None:
        self.dismiss(None)
