"""The four faces of the teacher's screen: lobby, open question, reveal, podium.

Each panel reads the live :class:`~quiz.classroom.room.Room` when told to
(``show``) and never changes it: the teacher's keys act through the server,
in :mod:`quiz.tui.host.main`. Everything a student or the bank wrote
goes through :mod:`quiz.tui.text`, so a name like ``[b]x[/b]`` shows as typed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar
from urllib.parse import urlsplit

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Digits, Static

from quiz.bank.article import Article
from quiz.bank.model import Evidence, Question
from quiz.classroom.room import Distribution, Phase, Room, ranked_rows, summary_counts
from quiz.play.answers import display_answer
from quiz.textsafe import clean
from quiz.tui.text import assemble, fit, highlighted, join, literal, truncate
from quiz.tui.widgets.bars import Bar, Bars
from quiz.tui.widgets.qr import QRCode

PASSAGE_LIMIT = 480  # characters of a paragraph shown whole; longer ones are cut around the quote
TOP = 5


def join_command(url: str, code: str) -> str:
    """The terminal way in, from the join URL: ``quiz join HOST:PORT --code 123456``."""
    netloc = urlsplit(url).netloc or url
    return f"quiz join {netloc} --code {code}"


def settings_line(room: Room) -> str:
    s = room.settings
    parts = [f"timer {s.timer} s" if s.timer else "no timer",
             f"hints {'on' if s.hints else 'off'}", f"speed {'on' if s.speed else 'off'}",
             f"streak {'on' if s.streak else 'off'}",
             f"anonymous {'on' if s.anonymous else 'off'}"]
    if s.approve_names:
        parts.append("names need approval")
    return " · ".join(parts)


def class_accuracy(room: Room) -> tuple[int, int]:
    """(right, answered) over every answer given in the session."""
    given = list(room.answers.values())
    return sum(a.correct for a in given), len(given)


# -- the passage that proves an answer ---------------------------------------------


@dataclass(slots=True)
class PassageCut:
    section: str
    text: str  # article text from ``base``, line breaks as spaces (same length)
    base: int
    span: tuple[int, int]
    cut_before: bool
    cut_after: bool


def passage_for(article: Article, ev: Evidence) -> PassageCut | None:
    """The paragraph around an evidence quote, cut to the sentences near it if long."""
    if ev.start < 0:
        return None
    para = next((p for p in article.paragraphs if p.start <= ev.start < p.end), None)
    section = ev.section_title or (s.title if (s := article.section_at(ev.start)) else "")
    if para is None:  # an infobox line: its key as a reader reads it, then its value
        field = article.field_at(ev.start)
        if field is None:
            return None
        label = f"{article.field_label(field)}: "
        base = field.start - len(label)  # the label stands where the raw key was
        text = label + article.text[field.start:field.line_end].replace("\n", " ")
        start = ev.start if ev.start >= field.start else base  # a quoted key: its label
        return PassageCut(section, text, base, (start, ev.end), False, False)
    a, b = para.start, para.end
    if b - a > PASSAGE_LIMIT and para.sentences:
        sents = para.sentences
        first = next((i for i, s in enumerate(sents) if s.end > ev.start), 0)
        last = next((i for i, s in reversed(list(enumerate(sents))) if s.start < ev.end),
                    len(sents) - 1)
        lo, hi = max(first - 1, 0), min(last + 1, len(sents) - 1)
        if sents[hi].end - sents[lo].start > PASSAGE_LIMIT:
            lo, hi = first, last
        a, b = max(a, sents[lo].start), min(b, sents[hi].end)
    text = article.text[a:b].replace("\n", " ")
    return PassageCut(section, text, a, (ev.start, ev.end), a > para.start, b < para.end)


class Passage(Widget):
    """An evidence quote highlighted in place (bold and underlined, not colour alone)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"passage--quote"}

    def __init__(self, cut: PassageCut, **kwargs) -> None:
        super().__init__(**kwargs)
        self.cut = cut

    def render(self) -> Content:
        c = self.cut
        style = self.get_visual_style("passage--quote", partial=True)
        body = highlighted(c.text, [c.span], style, c.base)
        return assemble("… " if c.cut_before else "", body, " …" if c.cut_after else "")


# -- how the class answered ---------------------------------------------------------


def option_key(i: int) -> str:
    """How option ``i`` is named on every screen: 1, 2, 3... (the keys students press)."""
    return str(i + 1)


def answer_bars(dist: Distribution, numbered: bool) -> Bars:
    """One bar per option; the right ones carry ✔ and the word "right", not just a colour.

    Options carry the number students pressed for them, as on their screens."""
    last = len(dist.labels) - 1  # "No answer" is always the last row
    rows = [Bar(f"{option_key(i)}  {label}" if numbered and i != last else label, count,
                right=ok, muted=i == last)
            for i, (label, count, ok) in enumerate(zip(dist.labels, dist.counts, dist.correct,
                                                       strict=True))]
    return Bars(rows, marks=True, right_word=True, id="bars")


def leaderboard(room: Room, limit: int = TOP) -> Content:
    rows = ranked_rows(room.standings(), room.settings.anonymous, limit)
    if not rows:
        return literal("No scores yet.")
    lines = []
    for row in rows:
        name = row["name"] or "(name hidden)"
        lines.append(assemble((f"{row['rank']:>2}  ", "bold"), fit(clean(name), 20),
                              f"  {row['score']:>5}"))
    return join(lines)


# -- the panels ---------------------------------------------------------------------


class LobbyPanel(Horizontal):
    """The way in (URL, code, QR) and who is in."""

    def __init__(self, url: str, code: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.url = url
        self.code = code

    def compose(self) -> ComposeResult:
        yield QRCode(self.url, id="qr")
        with Vertical(id="lobby-info"):
            yield Static(literal("Join at", "bold"), classes="label")
            yield Static(literal(self.url), id="join-url")
            yield Static(literal(f"or in a terminal:  {join_command(self.url, self.code)}"),
                         id="join-cmd")
            yield Static(literal("Code", "bold"), classes="label")
            yield Digits(self.code, id="code")
            yield Static(id="lock-state")
            yield Static(id="joined-count")
            yield Static(id="joined-names")
            yield Static(id="waiting-names")
            yield Static(id="lobby-hint")

    def set_url(self, url: str) -> None:
        self.url = url
        self.query_one(QRCode).set_data(url)
        self.query_one("#join-url", Static).update(literal(url))
        self.query_one("#join-cmd", Static).update(
            literal(f"or in a terminal:  {join_command(url, self.code)}"))

    def show(self, room: Room) -> None:
        active = room.active_players()
        waiting = room.waiting_players()
        locked = room.state.locked
        self.query_one("#lock-state", Static).update(
            literal("🔒 Lobby locked: nobody new can join (l unlocks)", "bold")
            if locked else literal("Lobby open"))
        self.query_one("#lock-state").set_class(locked, "-locked")
        present = [p for p in active if p.connected]
        n, away = len(present), len(active) - len(present)
        count = f"{n} student{'s' if n != 1 else ''} connected"
        if away:
            count += f", {away} away (x removes them)"
        self.query_one("#joined-count", Static).update(literal(count, "bold"))
        names = self.query_one("#joined-names", Static)
        if room.settings.anonymous:
            names.update(literal("Anonymous mode: names are not shown."))
        elif active:
            # Who is really here: the away ones are marked, not counted.
            ordered = sorted(active, key=lambda p: (not p.connected, p.name.casefold()))
            names.update(join([literal(p.name) if p.connected
                               else literal(f"{p.name} (away)", "dim") for p in ordered], "   "))
        else:
            names.update(literal("Waiting for the first student…"))
        wait = self.query_one("#waiting-names", Static)
        wait.display = bool(waiting)
        if waiting:
            if room.settings.anonymous:
                body = literal(f"{len(waiting)} waiting for approval")
            else:
                body = join([literal(p.name) for p in waiting], "   ")
            wait.update(assemble(("Waiting for approval (a approves, d declines):  ", "bold"),
                                 body))
        self.query_one("#lobby-hint", Static).update(
            literal("s starts the first question" if n else "s starts once students are in"))


class QuestionPanel(Horizontal):
    """The open question, its countdown and how many have answered."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.index = -2

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="question-main"):
            yield Static(id="q-meta")
            yield Static(id="q-prompt")
            yield Vertical(id="q-options")
        with Vertical(id="question-side"):
            yield Static(literal("Time left", "bold"), id="clock-label", classes="label")
            yield Digits("", id="clock")
            yield Static(id="q-state")
            yield Static(id="q-answered")

    def show(self, room: Room, now: float) -> None:
        q = room.current
        if q is None:
            return
        if room.index != self.index:
            self.index = room.index
            self._show_question(room, q)
        self.tick(room, now)

    def _show_question(self, room: Room, q: Question) -> None:
        i = room.index
        self.query_one("#q-meta", Static).update(literal(
            f"Question {i + 1} of {room.total}  ·  {room.points(i)} points  ·  {kind_name(q)}"))
        self.query_one("#q-prompt", Static).update(literal(q.prompt))
        options = room.options(i)
        rows: list[Widget] = []
        if q.type == "order":
            rows.append(Static(literal("Put these in order:", "italic"), classes="q-note"))
        for n, opt in enumerate(options):
            # Number and text side by side, so a long option wraps under its own text.
            rows.append(Horizontal(Static(literal(option_key(n), "bold"), classes="q-letter"),
                                   Static(literal(opt), classes="q-option"),
                                   classes="q-row"))
        if not options:
            unit = f" (in {clean(q.unit)})" if q.unit else ""
            rows.append(Static(literal(f"Students type their answer{unit}.", "italic"),
                               classes="q-note"))
        box = self.query_one("#q-options", Vertical)
        box.remove_children()
        box.mount_all(rows)

    def tick(self, room: Room, now: float) -> None:
        left = room.remaining(now)
        clock = self.query_one("#clock", Digits)
        self.query_one("#clock-label").display = left is not None
        clock.display = left is not None
        if left is not None:
            secs = math.ceil(left)
            clock.update(f"{secs // 60}:{secs % 60:02d}")
            clock.set_class(secs <= 5 and room.phase is Phase.OPEN, "-low")
        state = self.query_one("#q-state", Static)
        if room.phase is Phase.PAUSED:
            state.update(literal("⏸ PAUSED  (p resumes)", "bold"))
        elif room.phase is Phase.CLOSED:
            state.update(literal("Closed  (r reveals)", "bold"))
        elif left is None:
            state.update(literal("No timer: r reveals when you are ready"))
        else:
            state.update(literal("p pauses\nr reveals now"))
        state.set_class(room.phase is Phase.PAUSED, "-paused")
        counts = summary_counts(room)
        away = counts["players"] - counts["connected"]
        self.query_one("#q-answered", Static).update(
            # Of everyone in the room: an answer given before its student dropped out
            # still counts, so "of connected" could read "2 of 0".
            literal(f"Answered {counts['answered']} of {counts['players']}"
                    + (f"\n{away} away" if away else ""), "bold"))


def kind_name(q: Question) -> str:
    return {"choice": "one answer", "multi": "several answers", "truefalse": "true or false",
            "text": "typed answer", "number": "a number", "order": "put in order"}.get(
                q.type, q.type)


class RevealPanel(Horizontal):
    """After a question: how the class answered, the right answer, the proof, the top five."""

    def __init__(self, room: Room, article: Article | None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.room = room
        self.article = article
        self.index = room.index

    def compose(self) -> ComposeResult:
        room, i = self.room, self.room.index
        q = room.questions[i]
        with VerticalScroll(id="reveal-main"):
            yield Static(literal(f"Question {i + 1} of {room.total}  ·  answers"),
                         id="r-meta")
            yield Static(literal(truncate(q.prompt, 300)), id="r-prompt")
            yield answer_bars(room.distribution(i), bool(room.options(i)) and q.type != "order")
            yield Static(assemble(("Answer: ", "bold"), (display_answer(q), "bold")),
                         id="r-answer")
            for ev in q.evidence:
                cut = passage_for(self.article, ev) if self.article else None
                where = (cut.section if cut else ev.section_title) or "the article"
                yield Static(assemble(("From the article — ", "dim"), (where, "dim italic")),
                             classes="r-where")
                if cut is not None:
                    yield Passage(cut, classes="r-passage")
                else:
                    yield Static(literal(f"“{ev.quote}”", "italic"), classes="r-passage")
            if q.explanation:
                yield Static(literal(q.explanation), id="r-explanation")
        with Vertical(id="reveal-side"):
            yield Static(literal("Leaderboard", "bold"), classes="label")
            yield Static(leaderboard(self.room), id="r-top")
            last = i + 1 >= room.total
            yield Static(literal("e ends the session: that was the last question" if last
                                 else "n opens the next question"), id="r-next")


class EndPanel(Vertical):
    """The podium and how the class did."""

    def __init__(self, room: Room, **kwargs) -> None:
        super().__init__(**kwargs)
        self.room = room

    def compose(self) -> ComposeResult:
        room = self.room
        yield Static(literal("Session over", "bold"), id="end-title")
        rows = ranked_rows(room.standings(), room.settings.anonymous, 3)
        with Horizontal(id="podium"):
            # Second, first, third: the tallest step in the middle.
            for place in (1, 0, 2):
                row = rows[place] if place < len(rows) else None
                empty = " -empty" if row is None else ""
                with Vertical(classes=f"step step-{place + 1}{empty}"):
                    if row is None:  # fewer than three players: an empty place
                        continue
                    yield Static(literal(f"#{row['rank']}", "bold"), classes="step-rank")
                    yield Static(literal(row["name"] or "(name hidden)", "bold"),
                                 classes="step-name")
                    yield Static(literal(f"{row['score']} points"), classes="step-score")
        right, answered = class_accuracy(room)
        players = len(room.active_players())
        played = max(room.index + 1, 0)
        if answered:
            pct = round(100 * right / answered)
            text = (f"Class accuracy: {pct}%  ({right} of {answered} answers right; "
                    f"{players} students, {played} of {room.total} questions played)")
        else:
            text = "No answers were given in this session."
        yield Static(literal(text, "bold"), id="accuracy")
        yield Static(literal("q closes the host; the session is saved for the report."),
                     id="end-hint")
