"""The whole article, block by block, with evidence spans highlighted.

Each block keeps the offset of its first character in ``article.text``, so a
span found at bank load (``Evidence.start/end``) lands on the same words here.
The highlight colour is a component class, so it lives in the stylesheet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget

from quiz.bank.article import LEAD_SECTION, Article
from quiz.tui.text import assemble, highlighted, literal

Spans = Sequence[tuple[int, int]]


class ArticleBlock(Widget):
    """One paragraph, bullet, infobox line or heading of the article."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"article-block--highlight"}

    def __init__(self, text: str, base: int, spans: Spans = (), prefix: str = "",
                 **kwargs) -> None:
        super().__init__(**kwargs)
        # A paragraph's line breaks are source formatting; a space keeps offsets.
        self.text = text.replace("\n", " ")
        self.base = base
        self.spans = [(s, e) for s, e in spans if s < base + len(text) and e > base]
        self.prefix = prefix
        if self.spans:
            self.add_class("-has-highlight")

    def render(self) -> Content:
        if not self.spans:
            body = literal(self.text)
        else:
            style = self.get_visual_style("article-block--highlight", partial=True)
            body = highlighted(self.text, self.spans, style, self.base)
            if self.prefix and any(s < self.base for s, _ in self.spans):
                # A quote that starts before the text (an infobox key) takes in its label.
                return assemble(literal(self.prefix).stylize(style), body)
        return assemble(self.prefix, body) if self.prefix else body

    def highlight_line(self, width: int) -> int | None:
        """The wrapped line (0-based) where the first highlight starts, at ``width`` cells."""
        if not self.spans:
            return None
        content = self.render()
        for n, line in enumerate(content.wrap(max(width, 1))):
            if line.spans:
                return n
        return 0


class ArticleView(VerticalScroll, can_focus=True):
    """A scrollable article; :meth:`scroll_to_highlight` brings the first span into view."""

    def __init__(self, article: Article, spans: Spans = (), **kwargs) -> None:
        super().__init__(**kwargs)
        self.article = article
        self.spans = [(s, e) for s, e in spans if 0 <= s < e]

    def compose(self) -> Iterable[Widget]:
        a, spans = self.article, self.spans
        yield ArticleBlock(a.title, -1, classes="title")
        if a.infobox:
            if a.infobox_label:
                yield ArticleBlock(a.infobox_label, -1, classes="infobox-label")
            for f in a.infobox:
                # The key as a reader reads it ("North Korea Representative", not
                # "Chief1 Name"); the value keeps its offsets, so spans still land.
                yield ArticleBlock(a.text[f.start:f.end], f.start, spans,
                                   prefix=f"{a.field_label(f)}: ", classes="infobox")
        for section in a.sections:
            if section.title != LEAD_SECTION or section.level != 1:
                yield ArticleBlock(section.title, -1, classes=f"heading level-{section.level}")
            for p in section.paragraphs:
                if p.bullet:
                    yield ArticleBlock(p.text, p.start, spans, prefix="• ", classes="bullet")
                else:
                    yield ArticleBlock(p.text, p.start, spans, classes="paragraph")

    @property
    def first_highlight(self) -> ArticleBlock | None:
        return next(iter(self.query(".-has-highlight").results(ArticleBlock)), None)

    def scroll_to_highlight(self) -> None:
        """Scroll so the first highlighted line sits about a third of the way down."""
        block = self.first_highlight
        if block is None:
            return
        line = block.highlight_line(block.content_region.width) or 0
        y = block.virtual_region.y + block.styles.padding.top + line
        self.scroll_to(y=max(0, y - self.size.height // 3), animate=False, immediate=True)
