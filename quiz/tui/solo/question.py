"""Asking one question: prompt, the answer widget for its type, hints, skip."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Button, Static

from quiz.bank.model import Bank
from quiz.play.engine import AnswerOutcome, HintStep
from quiz.play.session import PlaySession
from quiz.tui.text import assemble, literal
from quiz.tui.widgets.answers import AnswerGiven, AnswerWidget, TypedAnswer, answer_widget
from quiz.tui.widgets.asking import TYPE_HELP, TYPE_NAMES, AskingScreen
from quiz.tui.widgets.keybar import KeyFooter

T = TypeVar("T")


def play_status(session: PlaySession, bank: Bank):
    """The top line: where we are, the mode, and the running score."""
    score = session.running_score()
    where = f"Question {session.number} of {session.total}  ·  {session.mode.title()}"
    if score is not None:
        where += f"  ·  Score {score}"
    return assemble(literal(where, "bold"), literal("  ·  "), literal(bank.title))


class QuestionScreen(AskingScreen):
    """One question. The app swaps in a fresh screen for each question.

    The screen plays the question on the session it is given; once the question
    is settled it posts :class:`Settled` and takes no more input.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # F2 and F3 work from inside a text box too (the footer shows them there).
        Binding("h,f2", "hint", "Hint"),
        Binding("s,f3", "skip", "Skip"),
        Binding("p", "passage", "Passage"),
        Binding("escape", "leave_input", "Leave the box"),
    ]

    class Settled(Message):
        """The question was answered, skipped or timed out: the app shows what comes next."""

        def __init__(self, outcome: AnswerOutcome) -> None:
            super().__init__()
            self.outcome = outcome

    class SaveFailed(Message):
        """Progress could not be saved: the app stops the game (what was saved is kept)."""

        def __init__(self, error: Exception) -> None:
            super().__init__()
            self.error = error

    def __init__(self, session: PlaySession, bank: Bank, *, lapses: int = 0) -> None:
        super().__init__()
        self.session = session
        self.bank = bank
        question = session.current
        assert question is not None
        self.question = question
        self.options = session.options(question)
        self.lapses = lapses  # times missed after first seen (a leech): said on the screen
        self.passage: HintStep | None = None
        self.settled = False
        self._shown_at = time.monotonic()
        self._timer: Timer | None = None

    # -- layout -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        q = self.question
        yield Static(play_status(self.session, self.bank), id="status", classes="topbar")
        with VerticalScroll(id="question-body"):
            yield Static(self._meta(), id="meta")
            yield Static(literal(q.prompt), id="prompt")
            if self.lapses:
                # As plain mode says it: a leech is better read than guessed again.
                yield Static(assemble(literal("You keep missing this one", "bold"),
                                      literal(f": {self.lapses} times after first seeing it. "
                                              "Its passage may help more than a guess.")),
                             id="leech")
            yield answer_widget(q.type, self.options, q.unit)
            yield Static("", id="retry")
            yield Vertical(id="hints")
        with Horizontal(id="actions"):
            yield Button("Submit", id="submit", variant="primary", action="screen.submit")
            yield Button(self._hint_label(), id="hint", action="screen.hint")
            yield Button("Skip", id="skip", action="screen.skip")
        yield KeyFooter()

    def _meta(self):
        q = self.question
        points = self.session.available_points()
        limit = self.session.settings.time_limit
        text = f"{TYPE_NAMES.get(q.type, q.type)}  ·  up to {points} points"
        if limit:
            text += f"  ·  {limit:g} s"
        return assemble(literal(text, "bold"), literal(f"   {TYPE_HELP.get(q.type, '')}", "dim"))

    def _hint_label(self):
        cost = self.session.next_hint_cost()
        if cost is None:
            return "No hints" if not self.session.settings.hints else "No more hints"
        n = self.session.hints_used + 1
        total = self.session.hint_steps()
        what = "Passage" if n == total else f"Hint {n}/{total}"
        return f"{what} (leaves {cost} pts)"

    def on_mount(self) -> None:
        self.query_one(AnswerWidget).focus_first()
        # A resumed question: the hints already taken and the tries already used, again.
        for step in self.session.hints_taken():
            self._show_hint(step, open_passage=False)
        if self.session.wrong_tries:
            self._show_retry(self.session.tries_left, self.session.available_points())
        self._refresh_controls()
        limit = self.session.settings.time_limit
        if limit:
            self._timer = self.set_interval(0.5, self._tick)

    def on_screen_resume(self) -> None:
        # Back from the reader or help: focus stays where the player left it (a
        # letter key then means what it meant before); answering if nothing had it.
        if self.is_mounted and self.focused is None:
            self.query_one(AnswerWidget).focus_first()

    def _refresh_controls(self) -> None:
        hint = self.query_one("#hint", Button)
        hint.label = self._hint_label()
        hint.disabled = not self.session.can_hint()
        hint.display = self.session.settings.hints
        self.query_one("#meta", Static).update(self._meta())
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hint":
            if not self.session.settings.hints:
                return False  # a test: no hints at all, so no key for them
            return self.session.can_hint() or None  # None: shown greyed out
        if action == "passage":
            return self.passage is not None
        return super().check_action(action, parameters)

    # -- input ------------------------------------------------------------------

    @property
    def can_answer(self) -> bool:
        return not self.settled

    def on_answer_given(self, message: AnswerGiven) -> None:
        message.stop()
        outcome = self._save(self.session.answer, message.value, self._elapsed())
        if outcome is None:
            return
        if outcome.final:
            self._leave(outcome)
        else:
            self._retry(outcome)

    def _show_retry(self, tries_left: int, available: int, note: str = "Not right.",
                    unread: bool = False) -> None:
        retry = self.query_one("#retry", Static)
        retry.update(assemble(
            # An answer read as no number was not judged: no cross for it.
            literal("? " if unread else "✘ ", "bold"), literal(note),
            literal(f"  Try again: up to {available} points left "
                    f"({tries_left} {'try' if tries_left == 1 else 'tries'})."),
        ))
        retry.add_class("-shown")

    def _retry(self, outcome: AnswerOutcome) -> None:
        self._show_retry(outcome.tries_left, outcome.available or 0,
                         outcome.message or "Not right.", outcome.unread)
        answer = self.query_one(AnswerWidget)
        if isinstance(answer, TypedAnswer):
            answer.clear()
        answer.focus_first()
        self._refresh_controls()

    def _save(self, operation: Callable[..., T], *args: object) -> T | None:
        """A session call that records progress; None once settled, or if saving failed."""
        from quiz.tui.solo.failures import STORE_ERRORS

        if self.settled:
            return None  # a key pressed before the app moved on: the question is over
        try:
            return operation(*args)
        except STORE_ERRORS as exc:
            self._stop()
            self.post_message(self.SaveFailed(exc))
            return None

    def _elapsed(self) -> float:
        return round(time.monotonic() - self._shown_at, 3)

    def _tick(self) -> None:
        limit = self.session.settings.time_limit
        # Wait while the reader or help is on top: the time-out swaps this screen out.
        if not limit or not self.is_current or self.session.current is not self.question:
            return
        left = limit - self._elapsed()
        if left <= 0:
            if (outcome := self._save(self.session.time_out, limit)) is not None:
                self._leave(outcome)
            return
        self.query_one("#meta", Static).update(
            assemble(self._meta(), literal(f"  ·  {left:.0f} s left", "bold"))
        )

    def _stop(self) -> None:
        self.settled = True
        if self._timer is not None:
            self._timer.stop()

    def _leave(self, outcome: AnswerOutcome) -> None:
        self._stop()
        self.post_message(self.Settled(outcome))

    # -- actions ----------------------------------------------------------------

    def action_hint(self) -> None:
        if self.settled:
            return
        if not self.session.can_hint():
            self.notify("No more hints for this question.", severity="warning")
            return
        step = self._save(self.session.hint)
        if step is None:
            return
        self.query_one("#retry", Static).remove_class("-shown")  # its points are stale now
        self._show_hint(step, open_passage=True)
        self.query_one("#question-body", VerticalScroll).scroll_end(animate=False)

    def _show_hint(self, step: HintStep, *, open_passage: bool) -> None:
        hints = self.query_one("#hints", Vertical)
        if step.is_passage:
            self.passage = step
            section = self.question.section
            text = assemble(
                literal(f"Passage ({step.number}/{step.total})", "bold"),
                literal(f" from “{section}”" if section else ""),
                literal(f"  ·  now worth {step.available} pts", "dim"),
                "\n", literal(self._passage_text(step), "italic"),
            )
            hints.mount(Static(text, classes="hint passage"))
            self._refresh_controls()
            # As after any hint, the player answers next: back from the reader, in the box.
            self.query_one(AnswerWidget).focus_first()
            if open_passage:
                self.action_passage()
        else:
            text = assemble(
                literal(f"Hint {step.number}/{step.total}", "bold"),
                literal(f"  ·  now worth {step.available} pts", "dim"),
                "\n", literal(step.text),
            )
            hints.mount(Static(text, classes="hint"))
            self._refresh_controls()
            self.query_one(AnswerWidget).focus_first()

    def _passage_text(self, step: HintStep) -> str:
        """The passage's quotes as a student reads them (an infobox key by its label)."""
        if not step.evidence:
            return step.text
        from quiz.bank.article import quote_as_read
        from quiz.tui.solo.results import article_of

        article = article_of(self.bank)
        return "\n".join(quote_as_read(article, e.quote, e.start, e.end) for e in step.evidence)

    def action_passage(self) -> None:
        """Open the article at the passage (after the last hint step)."""
        if self.passage is None:
            return
        from quiz.tui.dialogs.reader import ReaderScreen

        self.app.push_screen(ReaderScreen(self.bank.article, self.passage.spans,
                                          heading="Hint: the passage"))

    def action_skip(self) -> None:
        if (outcome := self._save(self.session.skip, self._elapsed())) is not None:
            self._leave(outcome)
