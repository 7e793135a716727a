"""After a question closes: the right answer, the passage that proves it, how
the class answered, the top five, and (once ``result`` arrives) this student's
own points and rank."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from quiz.tui.join.base import JoinScreen
from quiz.tui.join.question import shown_value
from quiz.tui.text import assemble, join, literal
from quiz.tui.widgets.bars import Bar, Bars


@dataclass(slots=True)
class Ranked:
    rank: int
    name: str
    score: int

    @classmethod
    def rows(cls, items: Any) -> list[Ranked]:
        return [cls(int(r.get("rank", 0)), str(r.get("name") or ""), int(r.get("score", 0)))
                for r in items or [] if isinstance(r, dict)]


def ranked_lines(rows: list[Ranked], me: str | None = None) -> Content:
    """``1.  Ana  120`` per row; names may be empty (anonymous sessions)."""
    lines = []
    for r in rows:
        name = r.name or "(anonymous)"
        style = "bold" if me is not None and r.name == me else ""
        lines.append(assemble(literal(f"{r.rank:>2}.  ", "dim"), literal(name, style),
                              literal(f"  {r.score} pts", "dim")))
    return join(lines) if lines else literal("No scores yet.", "dim")


@dataclass(slots=True)
class Reveal:
    q: int
    answer: str
    explanation: str
    evidence: list[str]
    section: str
    answers: list[Bar]  # how the class answered, one bar per option (and "No answer")
    top: list[Ranked] = field(default_factory=list)

    @classmethod
    def from_message(cls, msg: dict[str, Any]) -> Reveal:
        dist = msg.get("distribution") or {}
        labels = [str(x) for x in dist.get("labels") or []]
        # A malformed message must not break the screen: counts and flags pad to the labels.
        n = len(labels)
        counts = ([max(0, int(x)) for x in dist.get("counts") or []] + [0] * n)[:n]
        flags = ([bool(x) for x in dist.get("correct") or []] + [False] * n)[:n]
        return cls(q=int(msg["q"]), answer=str(msg.get("answer", "")),
                   explanation=str(msg.get("explanation") or ""),
                   evidence=[str(e) for e in msg.get("evidence") or []],
                   section=str(msg.get("section") or ""),
                   answers=[Bar(label, count, right=ok)
                            for label, count, ok in zip(labels, counts, flags, strict=True)],
                   top=Ranked.rows(msg.get("top")))


@dataclass(slots=True)
class Result:
    given: Any
    correct: bool
    points: int
    score: int
    rank: int
    of: int

    @classmethod
    def from_message(cls, msg: dict[str, Any]) -> Result:
        return cls(given=msg.get("given"), correct=bool(msg.get("correct")),
                   points=int(msg.get("points", 0)), score=int(msg.get("score", 0)),
                   rank=int(msg.get("rank", 0)), of=int(msg.get("of", 0)))


class JoinRevealScreen(JoinScreen):
    def __init__(self, reveal: Reveal, *, number: int, total: int, qtype: str = "",
                 me: str | None = None) -> None:
        super().__init__()
        self.reveal = reveal
        self.number = number
        self.total = total
        self.qtype = qtype
        self.me = me
        self.result: Result | None = None

    def compose(self) -> ComposeResult:
        r = self.reveal
        yield from self.compose_status()
        with VerticalScroll(id="jr-body"):
            where = f"Question {self.number} of {self.total}" if self.total else (
                f"Question {self.number}")
            yield Static(literal(f"{where}  ·  The answer", "bold"), id="jr-where")
            yield Static(assemble(literal("✔ ", "bold"), literal(r.answer, "bold")),
                         id="jr-answer")
            yield Static("", id="jr-result")
            yield Static(literal("How the class answered", "bold"), classes="jr-head")
            yield Bars(r.answers, marks=True, empty="No answers.", id="jr-dist")
            if r.evidence:
                where = f"From the article, “{r.section}”" if r.section else "From the article"
                yield Static(literal(where, "bold"), classes="jr-head")
                yield Static(join([literal(f"“{quote}”", "italic") for quote in r.evidence]),
                             id="jr-evidence")
            if r.explanation:
                yield Static(literal(r.explanation), id="jr-explanation")
            yield Static(literal("Top 5", "bold"), classes="jr-head")
            yield Static(ranked_lines(r.top, self.me), id="jr-top")
        yield from self.compose_footer()

    def show_result(self, result: Result) -> None:
        self.result = result
        self.redraw()

    def redraw(self) -> None:
        if not self.ready:
            return
        box = self.query_one("#jr-result", Static)
        res = self.result
        box.display = res is not None
        if res is None:
            return
        box.set_class(res.correct, "-right")
        box.set_class(not res.correct, "-wrong")
        if res.given is None:
            verdict = literal("You did not answer this one.", "bold")
        elif res.correct:
            verdict = assemble(literal(f"✔ Right! +{res.points} points", "bold"))
        else:
            partial = f"  (+{res.points} points)" if res.points else ""
            verdict = assemble(literal("✘ Not this time: you said ", "bold"),
                               literal(shown_value(res.given, self.qtype)), literal(partial))
        standing = f"Score {res.score}  ·  rank {res.rank} of {res.of}"
        box.update(assemble(verdict, "\n", literal(standing)))
