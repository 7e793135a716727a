"""The curation screen's right-hand side: one question in full, and the passage behind it.

The passage is the paragraph (or infobox line) that holds each evidence quote,
with the quote highlighted, so a curator can see at a glance whether the
article really says what the question claims. Long paragraphs are cut to the
sentences around the quote.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from textual.content import Content
from textual.widget import Widget

from quiz.bank.article import Article, ArticleError
from quiz.bank.lint import LintWarning
from quiz.bank.model import Evidence, Question
from quiz.tui.text import assemble, highlighted, join, literal

LONG_PASSAGE = 480  # characters; longer paragraphs show only the sentences near the quote


@dataclass
class Passage:
    """A stretch of the article (``text`` starts at offset ``base``) with quote spans."""

    text: str
    base: int
    spans: list[tuple[int, int]] = field(default_factory=list)
    cut_before: bool = False
    cut_after: bool = False


def passages(article: Article, evidence: list[Evidence]) -> list[Passage]:
    """The blocks of ``article`` that hold the evidence quotes, in article order."""
    blocks: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for ev in evidence:
        if ev.start < 0:
            continue
        blocks.setdefault(_block_of(article, ev.start, ev.end), []).append((ev.start, ev.end))
    out = []
    for (start, end), spans in sorted(blocks.items()):
        p = Passage(article.text[start:end], start, spans)
        if end - start > LONG_PASSAGE:
            p = _trimmed(article, p)
        out.append(p)
    return out


def _block_of(article: Article, start: int, end: int) -> tuple[int, int]:
    for p in article.paragraphs:
        if p.start <= start < p.end:
            return p.start, max(p.end, end)
    for f in article.infobox:
        if f.line_start <= start < f.line_end:
            return f.line_start, max(f.line_end, end)
    return start, end  # a quote across paragraphs: show just the quote


def _trimmed(article: Article, p: Passage) -> Passage:
    """The sentences around the quotes: one before the first, one after the last."""
    first = min(s for s, _ in p.spans)
    last = max(e for _, e in p.spans)
    sentences = [s for s in article.sentences if p.base <= s.start < p.base + len(p.text)]
    hit = [i for i, s in enumerate(sentences) if s.end > first and s.start < last]
    if not hit:
        return p
    lo, hi = max(hit[0] - 1, 0), min(hit[-1] + 1, len(sentences) - 1)
    start, end = min(sentences[lo].start, first), max(sentences[hi].end, last)
    return Passage(article.text[start:end], start, p.spans,
                   cut_before=start > p.base, cut_after=end < p.base + len(p.text))


class QuestionDetail(Widget):
    """Everything about one question; set :attr:`question` (and :attr:`article`) to show it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "curate-detail--heading",
        "curate-detail--prompt",
        "curate-detail--quiet",
        "curate-detail--correct",
        "curate-detail--quote",
        "curate-detail--draft",
        "curate-detail--approved",
        "curate-detail--rejected",
        "curate-detail--warning",
    }

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.question: Question | None = None
        self.article: Article | None = None
        self.article_error: str | None = None
        self.warnings: list[LintWarning] = []

    def show(self, question: Question | None, article: Article | None = None,
             article_error: str | None = None, warnings: list[LintWarning] | None = None) -> None:
        self.question, self.article, self.article_error = question, article, article_error
        self.warnings = list(warnings or [])
        self.refresh(layout=True)

    def _style(self, name: str):
        return self.get_visual_style(f"curate-detail--{name}", partial=True)

    def render(self) -> Content:
        q = self.question
        if q is None:
            return literal("No question to show. Press f to change the filter.",
                           self._style("quiet"))
        parts: list[Content] = [self._header(q), *self._warnings(q),
                                literal(q.prompt, self._style("prompt"))]
        parts += self._answer(q)
        if q.hints:
            parts.append(self._heading("Hints"))
            parts += [assemble(f"{n}. ", literal(h)) for n, h in enumerate(q.hints, 1)]
        if q.explanation:
            parts += [self._heading("Explanation"), literal(q.explanation)]
        parts += self._evidence(q)
        return join(parts)

    def _heading(self, text: str) -> Content:
        return assemble("\n", literal(text, self._style("heading")))

    def _header(self, q: Question) -> Content:
        quiet = self._style("quiet")
        return assemble(
            literal(q.status, self._style(q.status if q.status in (
                "draft", "approved", "rejected") else "quiet")),
            (f" · {q.type} · difficulty {q.difficulty} · ", quiet),
            literal(q.origin, quiet),
            "\n",
            literal(q.id, quiet),
            "\n",
        )

    def _warnings(self, q: Question) -> list[Content]:
        """What ``quiz lint`` says about this question, above it (where it is not missed)."""
        warn = self._style("warning")
        out = []
        for w in self.warnings:
            where = "" if w.question_id == q.id else f"question '{w.question_id}': "
            out.append(assemble(("⚠ ", warn), literal(f"{where}{w.message}", warn),
                                (f" [{w.code}]", self._style("quiet"))))
        return [*out, literal("")] if out else []

    def _answer(self, q: Question) -> list[Content]:
        correct, quiet = self._style("correct"), self._style("quiet")
        out: list[Content] = []
        if q.type in ("choice", "multi"):
            right = set(q.answer) if isinstance(q.answer, list) else {q.answer}
            out.append(self._heading("Choices (✓ correct)"))
            for c in q.choices:
                out.append(assemble(("✓ ", correct), literal(c, correct)) if c in right
                           else assemble(("· ", quiet), literal(c)))
        elif q.type == "order":
            out.append(self._heading("Items, in the right order"))
            out += [assemble(f"{n}. ", literal(item)) for n, item in enumerate(q.items, 1)]
        else:
            if isinstance(q.answer, bool):
                shown = "true" if q.answer else "false"
            else:
                shown = str(q.answer)
                if q.type == "number" and q.unit:
                    shown += f" {q.unit}"
                if q.type == "number" and q.tolerance:
                    shown += f" (± {q.tolerance:g})"
            out += [self._heading("Answer"), literal(shown, correct)]
        if q.accept:
            out += [self._heading("Also accepted"), literal("; ".join(q.accept))]
        return out

    def _evidence(self, q: Question) -> list[Content]:
        quote = self._style("quote")
        section = q.section or "?"
        out = [self._heading(f"Evidence · {section}")]
        if self.article is None:
            if self.article_error:
                out.append(literal(self.article_error, self._style("quiet")))
            out += [assemble("“", literal(e.quote, quote), "”") for e in q.evidence]
            return out
        shown = passages(self.article, q.evidence)
        for p in shown:
            # Line breaks inside a paragraph are source formatting; a space keeps offsets.
            body = highlighted(p.text.replace("\n", " "), p.spans, quote, p.base)
            out.append(assemble("… " if p.cut_before else "", body,
                                " …" if p.cut_after else ""))
        if not shown:
            out += [assemble("“", literal(e.quote, quote), "”") for e in q.evidence]
        out.append(literal("v: read it in the article", self._style("quiet")))
        return out


def load_article_safely(bank) -> tuple[Article | None, str | None]:
    """The bank's article, or why it cannot be shown (the list still works without it)."""
    try:
        return bank.article, None
    except (ArticleError, OSError) as exc:
        return None, f"The article cannot be read: {exc}"
