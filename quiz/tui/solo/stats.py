"""Progress at a glance: accuracy per bank, mastery per section as bars, streak, sessions."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from quiz.play.engine import SectionResult
from quiz.store.stats import Stats, session_line, summary_line
from quiz.tui.solo.profile import CSS
from quiz.tui.solo.results import section_bars
from quiz.tui.text import label, literal
from quiz.tui.widgets.keybar import KeyFooter


class StatsScreen(Screen[None]):
    CSS_PATH = CSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "close", "Back")]

    def __init__(self, stats: Stats) -> None:
        super().__init__()
        self.stats = stats

    def compose(self) -> ComposeResult:
        st = self.stats
        yield Static(label("[b]Progress[/b] of $name", name=st.profile), id="stats-top")
        with VerticalScroll(id="stats-body"):
            yield Static(literal(_summary(st)), id="stats-summary", classes="stats-line")
            for b in st.banks:
                yield Static(literal(b.title), classes="stats-heading")
                seen = (f"{b.questions_seen} of {b.questions_total}"
                        if b.questions_total is not None else str(b.questions_seen))
                yield Static(literal(f"{round(100 * b.accuracy)}% right over {b.answered} "
                                     f"answers · {seen} questions seen"), classes="stats-line")
                if b.sections:
                    # Mastered out of all the section's questions, drawn like the results.
                    yield section_bars(SectionResult(s.title, s.mastered, s.total)
                                       for s in b.sections)
            if st.leeches:
                yield Static(literal("Missed again and again"), classes="stats-heading")
                for bank_id, qid, lapses in st.leeches:
                    yield Static(literal(f"{bank_id} / {qid}: missed {lapses} times after "
                                         "first seen; read its passage"),
                                 classes="stats-leech")
            if st.recent:
                yield Static(literal("Recent sessions"), classes="stats-heading")
                for s in st.recent:
                    # One line each, whatever the bank's title: it gives way, not the rest.
                    yield Static(literal(session_line(s, s.bank_title or s.bank_id, width=72)),
                                 classes="stats-line")
        yield KeyFooter()

    def action_close(self) -> None:
        self.dismiss(None)


def _summary(st: Stats) -> str:
    if not st.answered:
        return "No answers yet: play a bank, and your progress shows here."
    return summary_line(st)
