"""After an answer (practice): right or wrong, the answer, the explanation, and "why?"."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Static

from quiz.bank.article import quote_as_read
from quiz.bank.model import Bank
from quiz.play.engine import AnswerOutcome
from quiz.play.session import PlaySession
from quiz.tui.solo.question import play_status
from quiz.tui.solo.results import article_of
from quiz.tui.text import assemble, join, literal, truncate
from quiz.tui.widgets.keybar import KeyFooter


def verdict_line(outcome: AnswerOutcome):
    if outcome.skipped:
        return literal("Skipped", "bold"), "-skipped"
    if outcome.timed_out:
        return literal("Out of time", "bold"), "-wrong"
    points = f"  +{outcome.points} points" + (f" (+{outcome.bonus} bonus)" if outcome.bonus else "")
    if outcome.correct:
        return literal("✔ Right!" + points, "bold"), "-right"
    if outcome.points:
        return literal("◐ Partly right" + points, "bold"), "-partial"
    return literal("✘ Not right", "bold"), "-wrong"


class FeedbackScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space,n", "next", "Next", key_display="⏎"),
        Binding("w", "why", "Why?"),
    ]

    class Next(Message):
        """On to the next question (or the results): the app advances the session."""

    def __init__(self, session: PlaySession, bank: Bank, outcome: AnswerOutcome) -> None:
        super().__init__()
        self.session, self.bank, self.outcome = session, bank, outcome
        self.done = False  # Next was asked for: a second Enter must not skip a question
        question = bank.question(outcome.question_id) or session.current
        assert question is not None
        self.question = question

    def compose(self) -> ComposeResult:
        o, q = self.outcome, self.question
        yield Static(play_status(self.session, self.bank), id="status", classes="topbar")
        with VerticalScroll(id="feedback-body"):
            verdict, kind = verdict_line(o)
            yield Static(verdict, id="verdict", classes=kind)
            if o.message and not o.correct and not o.skipped and not o.timed_out:
                yield Static(literal(o.message), id="message")
            elif o.close:
                yield Static(literal(o.message or "Close enough: check the spelling."),
                             id="message")
            # A reminder of the question, not all of it: the answer matters here.
            yield Static(literal(truncate(q.prompt, 400)), id="fb-prompt")
            yield Static(assemble(literal("Answer: ", "bold"), literal(o.expected or "")),
                         id="expected")
            if q.explanation:
                yield Static(literal(q.explanation), id="explanation")
            article = article_of(self.bank)
            quotes = [literal(f"“{quote_as_read(article, e.quote, e.start, e.end)}”", "italic")
                      for e in q.evidence]
            yield Static(join([literal("From the article (w shows it in place):", "dim"),
                               *quotes]), id="evidence")
        with Horizontal(id="actions"):
            last = self.session.number >= self.session.total
            yield Button("Results" if last else "Next", id="next", variant="primary",
                         action="screen.next")
            yield Button("Why? (show in article)", id="why", action="screen.why")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#next", Button).focus()

    def action_next(self) -> None:
        if not self.done:
            self.done = True
            self.post_message(self.Next())

    def action_why(self) -> None:
        from quiz.tui.dialogs.reader import ReaderScreen

        q = self.question
        spans = [(e.start, e.end) for e in q.evidence if e.start >= 0]
        self.app.push_screen(ReaderScreen(self.bank.article, spans, heading="Why?",
                                          note=q.explanation))
