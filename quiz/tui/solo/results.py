"""The end of a game: score, accuracy, sections as bars, and the missed questions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quiz.bank.answertext import given_text
from quiz.bank.article import Article, quote_as_read
from quiz.bank.model import Bank
from quiz.play.answers import display_answer
from quiz.play.engine import QuestionRecord, Results, SectionResult
from quiz.tui.text import assemble, join, label, literal, truncate
from quiz.tui.widgets.bars import Bar, Bars
from quiz.tui.widgets.keybar import KeyFooter

STATUS_WORDS = {"wrong": "✘ wrong", "partial": "◐ partly right", "skipped": "– skipped",
                "timeout": "⏱ out of time"}


def section_bars(sections: Iterable[SectionResult], **kwargs: Any) -> Bars:
    """Per section, the share answered right: ``History  ██████░░░░  3/4``."""
    return Bars([Bar(s.title, s.right, s.total) for s in sections], track="░",
                empty="No questions were answered.", **kwargs)


def answer_lines(heading: str, value: Any, qtype: str) -> list:
    """``heading`` and an answer; a multi answer's picks one per line (an option's own
    commas and full stops would run into the next one on a line of their own)."""
    if qtype == "multi" and isinstance(value, list) and value:
        return [literal(f"  {heading}:", "dim"),
                *(assemble("    • ", literal(str(v))) for v in value)]
    return [assemble(literal(f"  {heading}: ", "dim"),
                     literal(given_text(value, qtype, readable=True)))]


def missed_entry(record: QuestionRecord, bank: Bank | None = None):
    q = record.question
    article = article_of(bank)
    expected = q.answer if q.type == "multi" else display_answer(q)
    lines = [
        assemble(literal(STATUS_WORDS.get(record.status, record.status), "bold"), "  ",
                 literal(truncate(q.prompt, 300))),
        *answer_lines("Your answer", record.given, q.type),
        *answer_lines("Answer", expected, q.type),
    ]
    lines += [assemble("  ", literal(f"“{quote_as_read(article, e.quote, e.start, e.end)}”",
                                     "italic")) for e in q.evidence]
    return join(lines)


def article_of(bank: Bank | None) -> Article | None:
    try:
        return bank.article if bank is not None else None
    except Exception:  # the article vanished since loading: the quotes as written
        return None


class ResultsScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,d", "done", "Done"),
        Binding("s", "stats", "Stats"),
    ]

    class StatsWanted(Message):
        """The player asked for their progress."""

    class Done(Message):
        """The player is done with the results: the app goes back to the picker (or ends)."""

    def __init__(self, results: Results, bank: Bank, *, stats: bool = False) -> None:
        super().__init__()
        self.results = results
        self.bank = bank
        self.stats = stats  # progress is kept, so there are stats to show
        self.done = False
        self.missed = [r for r in results.records if r.settled and not r.correct]

    def compose(self) -> ComposeResult:
        r = self.results
        heading = "Results so far" if r.finished_early else "Results"
        yield Static(label(f"[b]{heading}[/b]  ·  $title  ·  $mode", title=self.bank.title,
                           mode=r.mode.title()), id="results-status", classes="topbar")
        with Vertical(id="results-body"):
            score = f"Score {r.score} of {r.max_score}"
            if r.bonus:
                score += f" (incl. {r.bonus} bonus)"
            acc = f"{r.correct} of {r.settled} right · accuracy {r.accuracy:.0%}"
            if r.unanswered:
                acc += f" · {r.unanswered} not reached"
            yield Static(join([literal(score, "bold"), literal(acc)]), id="score")
            yield Static(literal("By section", "bold"), classes="subtitle")
            yield section_bars(r.sections, id="bars")
            if self.missed:
                yield Static(literal(f"Missed ({len(self.missed)}): Enter shows the passage",
                                     "bold"), classes="subtitle")
                yield OptionList(
                    *(Option(missed_entry(m, self.bank), id=f"missed-{i}")
                      for i, m in enumerate(self.missed)),
                    id="missed",
                )
            else:
                yield Static(literal("Nothing missed. Well done!", "bold"), classes="subtitle")
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.missed:
            self.query_one("#missed", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        from quiz.tui.dialogs.reader import ReaderScreen

        q = self.missed[event.option_index].question
        spans = [(e.start, e.end) for e in q.evidence if e.start >= 0]
        self.app.push_screen(ReaderScreen(self.bank.article, spans, heading="Why?",
                                          note=q.explanation))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "stats":
            return self.stats  # no store, no stats
        return True

    def action_stats(self) -> None:
        self.post_message(self.StatsWanted())

    def action_done(self) -> None:
        if not self.done:  # Done twice would leave the picker too
            self.done = True
            self.post_message(self.Done())
