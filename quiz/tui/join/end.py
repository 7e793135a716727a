"""The end of the session: the podium, and how this student did."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from quiz.tui.join.base import JoinScreen
from quiz.tui.join.reveal import Ranked, ranked_lines
from quiz.tui.text import literal


@dataclass(slots=True)
class Ending:
    podium: list[Ranked]
    score: int
    rank: int
    of: int
    correct: int
    answered: int
    total: int

    @classmethod
    def from_message(cls, msg: dict[str, Any]) -> Ending:
        you = msg.get("you") or {}
        return cls(podium=Ranked.rows(msg.get("podium")), score=int(you.get("score", 0)),
                   rank=int(you.get("rank", 0)), of=int(you.get("of", 0)),
                   correct=int(you.get("correct", 0)), answered=int(you.get("answered", 0)),
                   total=int(msg.get("total", 0)))


class JoinEndScreen(JoinScreen):
    def __init__(self, ending: Ending, me: str | None = None) -> None:
        super().__init__()
        self.ending = ending
        self.me = me

    def compose(self) -> ComposeResult:
        e = self.ending
        yield from self.compose_status()
        with VerticalScroll(id="je-body"):
            yield Static(literal("The session is over. Thank you for playing!", "bold"),
                         id="je-title")
            yield Static(literal("Podium", "bold"), classes="jr-head")
            yield Static(ranked_lines(e.podium, self.me), id="je-podium")
            yield Static(literal("You", "bold"), classes="jr-head")
            place = f"rank {e.rank} of {e.of}" if e.rank else "not ranked"
            yield Static(literal(
                f"Score {e.score}  ·  {place}\n"
                f"{e.correct} right of {e.answered} answered ({e.total} questions)"),
                id="je-you")
            yield Static(literal("Press q to close.", "dim"), id="je-close")
        yield from self.compose_footer()
