"""The article reader: the whole article, scrolled to a highlighted passage.

Every app opens its article here: the solo game's hints and "why?", the
curator's evidence. The keys that open it (w, v) close it again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from quiz.bank.article import Article
from quiz.tui.text import assemble, literal
from quiz.tui.widgets.article_view import ArticleView
from quiz.tui.widgets.keybar import KeyFooter


class ReaderScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,b,w,v", "close", "Back"),
        Binding("g", "to_passage", "Passage"),
    ]

    def __init__(self, article: Article, spans: Sequence[tuple[int, int]] = (), *,
                 heading: str = "Article", note: str = "") -> None:
        super().__init__()
        self.article = article
        self.spans = list(spans)
        self.heading = heading
        self.note = note

    def compose(self) -> ComposeResult:
        section = ""
        if self.spans and (s := self.article.section_at(self.spans[0][0])) is not None:
            section = s.title
        top = assemble(literal(self.heading, "bold"), "  ·  ", literal(self.article.title))
        if section:
            top = assemble(top, literal(f"  ·  {section}", "dim"))
        yield Static(top, id="reader-status", classes="topbar")
        if self.note:
            yield Static(literal(self.note), id="reader-note")
        yield ArticleView(self.article, self.spans, id="article")
        yield KeyFooter()

    def on_mount(self) -> None:
        view = self.query_one(ArticleView)
        view.focus()
        # Wait for layout: the highlight's line depends on the wrapped width.
        self.call_after_refresh(view.scroll_to_highlight)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_to_passage(self) -> None:
        self.query_one(ArticleView).scroll_to_highlight()
