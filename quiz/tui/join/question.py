"""One question of a class session, with the solo game's answer widgets.

The host owns the clock and the answer key: this screen shows the countdown
the host sent, sends the student's one answer and says "sent" only when the
host has acknowledged it (the answer is then on the host's disk). Whether it
was right is told at the reveal, not here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, OptionList, Static

from quiz.tui.join.base import JoinScreen
from quiz.tui.text import assemble, literal
from quiz.tui.widgets.answers import (
    AnswerGiven,
    AnswerWidget,
    ChoiceAnswer,
    TrueFalseAnswer,
    answer_widget,
)
from quiz.tui.widgets.asking import TYPE_HELP, TYPE_NAMES, AskingScreen

# In class a key picks and Enter sends: one try, so a slip of the finger must be undoable.
JOIN_HELP = {
    "choice": "1-9 picks (change it freely) · Enter sends",
    "truefalse": "1 or t true · 2 or f false · Enter sends",
}

CLOSED_WHY = {
    "time": "Time is up: answers are closed.",
    "all_answered": "Everyone has answered.",
    "teacher": "The teacher closed the question.",
}


class SendAnswer(Message):
    """The student gave ``value`` to question ``q``; the app sends it."""

    def __init__(self, q: int, value: Any) -> None:
        super().__init__()
        self.q = q
        self.value = value


class AskHint(Message):
    """The student asked for the next hint to question ``q``."""

    def __init__(self, q: int) -> None:
        super().__init__()
        self.q = q


@dataclass(slots=True)
class OpenQuestion:
    """A ``question`` message, checked into plain fields."""

    q: int
    number: int
    total: int
    qtype: str
    prompt: str
    options: list[str]
    unit: str | None
    points: int
    hints: int
    remaining_ms: int | None
    answered: Any = None
    hints_taken: list[str] = field(default_factory=list)

    @classmethod
    def from_message(cls, msg: dict[str, Any]) -> OpenQuestion:
        remaining = msg.get("remaining_ms")
        taken = msg.get("hints_taken") or []
        return cls(q=int(msg["q"]), number=int(msg.get("number", int(msg["q"]) + 1)),
                   total=int(msg.get("total", 0)), qtype=str(msg.get("qtype", "text")),
                   prompt=str(msg.get("prompt", "")),
                   options=[str(o) for o in msg.get("options") or []],
                   unit=str(msg["unit"]) if msg.get("unit") else None,
                   points=int(msg.get("points", 0)), hints=int(msg.get("hints", 0)),
                   remaining_ms=None if remaining is None else int(remaining),
                   answered=msg.get("answered"),
                   hints_taken=[str(t) for t in taken])


def shown_value(value: Any, qtype: str = "") -> str:
    """An answer value as the student would read it."""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, list):
        if not value:
            return "(nothing picked)"
        return " → ".join(map(str, value)) if qtype == "order" else ", ".join(map(str, value))
    return "" if value is None else str(value)


class JoinQuestionScreen(JoinScreen, AskingScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("h", "hint", "Hint", show=False),
        # Letters go into a typed answer's box, so hints also have keys that never do.
        # (Not Ctrl+H: some terminals send it for Backspace, and a hint costs points.)
        Binding("f2", "hint", "Hint", key_display="h/F2", priority=True),
        Binding("escape", "leave_input", "Leave the box"),
        # Enter sends what a key picked, wherever the focus happens to be.
        Binding("enter", "submit", "Send", show=False),
    ]

    def __init__(self, question: OpenQuestion) -> None:
        super().__init__()
        self.question = question
        self.hints: list[tuple[int, str, int | None]] = [
            (i + 1, text, None) for i, text in enumerate(question.hints_taken)]
        self.points_left: int | None = None
        self.sent: Any = question.answered
        self.sent_before = question.answered is not None  # given before a reconnect
        self.sending: Any = None
        self.paused = False
        self.closed_why: str | None = None
        self.deadline: float | None = None
        self.paused_left: float | None = None
        self.chosen = False  # a key picked an option; Enter sends it
        self._set_clock(question.remaining_ms)

    # -- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        q = self.question
        yield from self.compose_status()
        with VerticalScroll(id="jq-body"):
            yield Static("", id="jq-meta")
            yield Static("", id="jq-clock")
            yield Static(literal(q.prompt), id="jq-prompt")
            yield answer_widget(q.qtype, q.options, q.unit)
            yield Static("", id="jq-state")
            yield Vertical(id="jq-hints")
        with Horizontal(id="jq-actions"):
            yield Button("Submit", id="submit", variant="primary", action="screen.submit")
            yield Button("Hint (F2)", id="hint", action="screen.hint")
        yield from self.compose_footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(AnswerWidget).focus_first()
        if self.question.remaining_ms is not None:
            self.set_interval(0.25, self._tick)

    # -- what the host says ---------------------------------------------------------

    def _set_clock(self, remaining_ms: int | None) -> None:
        self.deadline = (None if remaining_ms is None
                         else time.monotonic() + max(0, remaining_ms) / 1000)

    def again(self, question: OpenQuestion) -> None:
        """The same question sent again (after a reconnect): keep what was typed."""
        if question.answered is not None:
            # The host holds the answer, whatever this screen thought of it.
            self.sent, self.sent_before, self.sending = question.answered, True, None
        elif question.answered is None and self.sending is not None:
            self.sending = None  # lost with the connection: the student may send it again
        for i, text in enumerate(question.hints_taken[len(self.hints):], len(self.hints)):
            self.hints.append((i + 1, text, None))
        self.question.remaining_ms = question.remaining_ms
        self._set_clock(question.remaining_ms)
        self.redraw()

    def acked(self) -> None:
        if self.sending is not None:
            self.sent, self.sending = self.sending, None
        self.redraw()

    def refused(self, code: str) -> None:
        """The host did not take the answer (see the app's notification for why)."""
        if code == "already_answered" and self.sending is not None:
            self.sent = self.sending
        self.sending = None
        self.redraw()

    def unsent(self) -> None:
        """The answer could not leave this machine (no connection)."""
        self.sending = None
        self.redraw()

    def hint_given(self, step: int, text: str, points_left: int | None) -> None:
        if all(s != step for s, _, _ in self.hints):
            self.hints.append((step, text, points_left))
        self.points_left = points_left
        self.redraw()
        if self.ready:
            self.query_one("#jq-body", VerticalScroll).scroll_end(animate=False)

    def pause(self, remaining_ms: int | None) -> None:
        self.paused = True
        self.paused_left = None if remaining_ms is None else remaining_ms / 1000
        self.deadline = None
        self.redraw()

    def resume(self, remaining_ms: int | None) -> None:
        self.paused = False
        self._set_clock(remaining_ms)
        self.redraw()

    def close(self, why: str) -> None:
        self.closed_why = why
        self.deadline = None
        self.redraw()

    # -- drawing ----------------------------------------------------------------------

    @property
    def can_answer(self) -> bool:
        return (self.sent is None and self.sending is None and not self.paused
                and self.closed_why is None)

    @property
    def can_hint(self) -> bool:
        return self.can_answer and len(self.hints) < self.question.hints

    def redraw(self) -> None:
        if not self.ready:
            return
        q = self.question
        worth = self.points_left if self.points_left is not None else q.points
        meta = f"Question {q.number} of {q.total}  ·  {TYPE_NAMES.get(q.qtype, q.qtype)}"
        meta += f"  ·  up to {worth} points"
        help_text = JOIN_HELP.get(q.qtype) or TYPE_HELP.get(q.qtype, "")
        self.query_one("#jq-meta", Static).update(assemble(
            literal(meta, "bold"), literal(f"   {help_text}", "dim")))
        self._draw_clock()
        answer = self.query_one(AnswerWidget)
        answer.disabled = not self.can_answer
        if self.can_answer and self.focused is None:
            answer.focus_first()  # back after a refused or unsent answer
        self.query_one("#submit", Button).disabled = not self.can_answer
        hint = self.query_one("#hint", Button)
        hint.display = q.hints > 0
        hint.disabled = not self.can_hint
        n = len(self.hints)
        hint.label = (f"Hint {n + 1}/{q.hints} (F2)" if n < q.hints else "No more hints")
        state = self.query_one("#jq-state", Static)
        state.update(self._state())
        state.set_class(self.sent is not None, "-sent")
        state.set_class(self.closed_why is not None and self.sent is None, "-closed")
        self._draw_hints()
        self.refresh_bindings()

    def _clock(self) -> Content:
        if self.paused:
            was = "" if self.paused_left is None else f"  ({self.paused_left:.0f} s left)"
            return literal(f"⏸ Paused by the teacher{was}", "bold")
        if self.closed_why is not None or self.deadline is None:
            return Content("")
        left = max(0.0, self.deadline - time.monotonic())
        return literal(f"⏱ {left:.0f} s left", "bold")

    def _state(self) -> Content:
        kind = self.question.qtype
        if self.sent is not None:
            head = "✔ Your answer was already sent: " if self.sent_before else "✔ Answer sent: "
            return assemble(literal(head, "bold"), literal(shown_value(self.sent, kind)),
                            literal("   Wait for the reveal.", "dim"))
        if self.sending is not None:
            return literal("Sending your answer…", "italic")
        if self.closed_why is not None:
            return literal(CLOSED_WHY.get(self.closed_why, "Answers are closed."), "bold")
        picked = self._picked()
        if picked is not None:
            return assemble(literal("Your choice: ", "bold"), literal(shown_value(picked, kind)),
                            literal("   Enter sends it; another key changes it.", "dim"))
        return Content("")

    def _picked(self) -> Any:
        """The option a key has picked and Enter has not sent yet."""
        if not self.chosen or not self.ready:
            return None
        return self.query_one(AnswerWidget).value()

    def _draw_hints(self) -> None:
        box = self.query_one("#jq-hints", Vertical)
        shown = len(box.children)
        for step, text, left in self.hints[shown:]:
            head = f"Hint {step}/{self.question.hints}"
            if left is not None:
                head += f"  ·  now worth {left} points"
            box.mount(Static(assemble(literal(head, "bold"), "\n", literal(text)),
                             classes="hint"))

    def _draw_clock(self) -> None:
        clock = self.query_one("#jq-clock", Static)
        text = self._clock()
        clock.update(text)
        clock.display = bool(text.plain)  # no timer: no empty line either

    def _tick(self) -> None:
        if self.ready and self.deadline is not None:
            self._draw_clock()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hint":
            if self.question.hints == 0:
                return False
            return self.can_hint or None
        return super().check_action(action, parameters)

    # -- the student --------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        """A digit (or t/f) picks an option and waits for Enter, unlike the solo game."""
        widget = self.query_one(AnswerWidget)
        if (isinstance(widget, ChoiceAnswer | TrueFalseAnswer) and self.can_answer
                and event.character):
            index = widget.key_index(event.character)
            if index is not None:
                event.stop()
                event.prevent_default()
                options = widget.query_one(OptionList)
                options.highlighted = index
                options.focus()
                self.chosen = True
                self.redraw()
                return
        super().on_key(event)

    def on_answer_given(self, message: AnswerGiven) -> None:
        message.stop()
        if not self.can_answer:
            return
        self.sending = message.value
        self.redraw()
        self.post_message(SendAnswer(self.question.q, message.value))

    def action_hint(self) -> None:
        if not self.can_hint:
            return
        self.post_message(AskHint(self.question.q))
