"""Plain mode: the game as a line-by-line prompt on stdin/stdout.

For screen readers, dumb terminals and scripts. No cursor movement, no
redrawing: each line is printed once, so a transcript reads top to bottom.
Colour (ANSI bold/green/red) only when stdout is a terminal and ``NO_COLOR``
is unset. When stdin is not a terminal, what was read is echoed after the
prompt, so a piped transcript shows the answers too. End of input quits
cleanly and prints the results.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from quiz.bank.answertext import given_text
from quiz.bank.article import Article, quote_as_read
from quiz.bank.model import Bank, Evidence, Question
from quiz.play.engine import AnswerOutcome, HintStep, Mode, Results, State
from quiz.play.session import PlaySession, Recorder
from quiz.play.setup import (
    AskMode,
    AskProfile,
    AskResume,
    GameSetup,
    Note,
    NothingDue,
    PlayRequest,
    Step,
    describe,
)
from quiz.textsafe import clean

if TYPE_CHECKING:
    from quiz.store.progress import Store

_TRUE = {"t", "true", "y", "yes"}
_FALSE = {"f", "false", "n", "no"}
_SPLIT_RE = re.compile(r"[\s,;]+")
_NUMERIC_RE = re.compile(r"[\d\s,;]+")

HELP = """\
Answer by typing:
  choice      the number of your choice (or its text)
  multi       the numbers of all your picks, e.g. 1 3
  true/false  t or f
  order       the numbers in the right order, e.g. 3 1 2
  text        the answer; number: the number (a unit is optional)
Commands: h hint (each one lowers the points), s skip, q quit, ? this help.
After an answer: Enter next, w why (the passage that proves it), q quit."""


_MODE_LABELS = {
    Mode.PRACTICE: "practice",
    Mode.REVIEW: "review of the questions due today",
    Mode.CRAM: "cram, weakest first (your review schedule is left as it is)",
}


class _Quit(Exception):
    """The player typed q or input ended."""


class _NoOneToAsk(Exception):
    """A choice only the player can make, with input from a pipe: the message says what to pass."""


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def colour_allowed(stream: TextIO) -> bool:
    """ANSI colour only for a terminal, and never when NO_COLOR is set (no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Console:
    """Line-by-line input and output: what plain mode says and reads, game or not."""

    def __init__(self, stdin: TextIO, stdout: TextIO, *, colour: bool | None = None,
                 echo: bool | None = None) -> None:
        self.inp = stdin
        self.out = stdout
        self.colour = colour_allowed(stdout) if colour is None else colour
        if echo is None:
            echo = not _is_tty(stdin)
        self.echo = echo

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def _style(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour else text

    def bold(self, text: str) -> str:
        return self._style(text, "1")

    def good(self, text: str) -> str:
        return self._style(text, "1;32")

    def bad(self, text: str) -> str:
        return self._style(text, "1;31")

    def read(self, prompt: str = "> ") -> str:
        """One line of input, stripped; raises _Quit at end of input."""
        self.out.write(prompt)
        self.out.flush()
        line = self.inp.readline()
        if not line:
            self.say()
            raise _Quit
        line = line.rstrip("\r\n")
        if self.echo:
            self.out.write(clean(line) + "\n")
            self.out.flush()
        return line.strip()

    def answer_setup(self, step: Step) -> str | bool | None:
        """What the player says to a step of the game setup."""
        match step:
            case AskProfile(problem=None):
                self.say("Who is playing? Your progress is kept under this name "
                         "(switch later with --profile NAME).")
                return self._read_or_none("Name: ")
            case AskProfile(problem=problem):
                self.say(f"That name won't do: {problem}.")
                return self._read_or_none("Name: ")
            case AskResume(row=row):
                if not _is_tty(self.inp):
                    # Piped lines are answers to questions; none of them saw this one.
                    raise _NoOneToAsk(f"you have an unfinished {describe(row)}, and input is "
                                      "not a terminal, so quiz cannot ask whether to go on "
                                      "with it. Run again with --resume (go on with it) or "
                                      "--new (set it aside and start over).")
                self.say(f"You have an unfinished {describe(row)}.")
                return self.read("Resume it? [Y/n] ").lower() in ("", "y", "yes")
            case Note(text=text):
                self.say(clean(text))
            case AskMode():  # never asked: plain mode plays the mode given, or practice
                raise AssertionError("plain mode does not ask for a mode")
        return None

    def _read_or_none(self, prompt: str) -> str | None:
        try:
            return self.read(prompt)
        except _Quit:
            return None


class PlainGame(Console):
    """One plain-mode game over a :class:`PlaySession`."""

    def __init__(self, session: PlaySession, bank: Bank, stdin: TextIO, stdout: TextIO, *,
                 colour: bool | None = None, echo: bool | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(stdin, stdout, colour=colour, echo=echo)
        self.session = session
        self.bank = bank
        self.clock = clock
        self._shown_at = 0.0
        # Question id -> lapses, for questions the player keeps missing (leeches).
        self.leeches: dict[str, int] = {}

    # -- the game -----------------------------------------------------------

    def play(self) -> Results:
        s = self.session
        mode = s.mode
        self.say(self.bold(clean(self.bank.title)))
        if mode is not Mode.TEST:
            tries = s.settings.tries
            retry = "a second try" if tries == 2 else f"{tries} tries" if tries > 1 else "one try"
            hints = "hints" if s.settings.hints else "no hints"
            what = f"{_MODE_LABELS[mode]}: {hints} and {retry}; feedback after each question"
        else:
            what = "test: one try per question, no hints; results at the end"
        self.say(f"{s.total} questions, {what}.")
        if s.settings.time_limit:
            self.say(f"Time limit: {s.settings.time_limit:g} seconds per question.")
        self.say("Type ? for help, q to quit.")
        try:
            while s.state is not State.FINISHED:
                if s.state is State.ASKING:
                    self._ask()
                else:
                    self._feedback()
        except _Quit:
            pass
        results = s.finish()
        self.print_results(results)
        return results

    def _ask(self) -> None:
        s = self.session
        q = s.current
        assert q is not None
        self._shown_at = self.clock()
        self._show_question(q)
        # In test mode an answer moves straight on, so stop once q is settled.
        while s.state is State.ASKING and s.current is q:
            line = self.read()
            low = line.lower()
            if low == "q":
                raise _Quit
            if low in ("?", "help"):
                self.say(HELP)
            elif low in ("h", "?hint", "hint"):
                self._hint()
            elif low == "s":
                self._show_outcome(s.skip(self._elapsed()))
            elif low == "w":
                self.say("The passage is shown after you answer (or as the last hint).")
            elif not line:
                self.say("Type an answer, or ? for help.")
            else:
                given = self._parse(q, line)
                if given is not None:
                    self._show_outcome(s.answer(given, self._elapsed()))

    def _elapsed(self) -> float:
        return round(self.clock() - self._shown_at, 3)

    def _show_question(self, q: Question) -> None:
        s = self.session
        section = f" · {clean(q.section)}" if q.section else ""
        self.say()
        # What it can still earn: a resumed question may have had hints or a wrong try.
        self.say(self.bold(f"Question {s.number} of {s.total}") + section
                 + f" · {s.available_points()} points")
        self.say(clean(q.prompt))
        for i, opt in enumerate(s.options(q), 1):
            self.say(f"  {i}. {clean(opt)}")
        self.say(_how_to_answer(q))
        if lapses := self.leeches.get(q.id):
            self.say(f"(You keep missing this one: {lapses} times after first seeing it. "
                     "Reading its passage may help more than guessing.)")
        self._show_so_far()
        self._offer_hint()

    def _show_so_far(self) -> None:
        """A resumed question: the hints already taken and the tries already used."""
        s = self.session
        for step in s.hints_taken():
            if step.is_passage:
                self.say(f"Hint {step.number} of {step.total} (taken before), the passage:")
                self._print_passages(step.evidence)
            else:
                self.say(f"Hint {step.number} of {step.total} (taken before): {clean(step.text)}")
        if s.wrong_tries:
            left = s.tries_left
            self.say(f"(Tried before: {s.wrong_tries} wrong; {left} more "
                     f"{'try' if left == 1 else 'tries'}, worth {s.available_points()} points.)")

    def _offer_hint(self) -> None:
        after = self.session.next_hint_cost()
        if after is None:
            return
        s = self.session
        step = s.hints_used + 1
        kind = "the passage" if step == s.hint_steps() else f"hint {step}"
        self.say(f"(h: {kind}; the question would then be worth {after} points)")

    def _hint(self) -> None:
        s = self.session
        if not s.can_hint():
            if not s.settings.hints:
                self.say("No hints in this mode.")
            else:
                self.say("No hints left.")
            return
        step: HintStep = s.hint()
        if step.is_passage:
            self.say(f"Hint {step.number} of {step.total}, the passage "
                     f"(now worth {step.available} points):")
            self._print_passages(step.evidence)
        else:
            self.say(f"Hint {step.number} of {step.total} (now worth {step.available} "
                     f"points): {clean(step.text)}")
            self._offer_hint()

    def _parse(self, q: Question, line: str):
        """The answer ``line`` gives for ``q``, or None (after saying why) if it gives none."""
        opts = self.session.options(q)
        if q.type == "truefalse":
            low = line.lower()
            # The options are listed as "1. True  2. False", so their numbers work too.
            if low in _TRUE or low == "1":
                return True
            if low in _FALSE or low == "2":
                return False
            self.say("Type t (true) or f (false), or 1 or 2.")
            return None
        if q.type == "choice":
            if line.isdigit() and 1 <= int(line) <= len(opts):
                return opts[int(line) - 1]
            # A choice that is itself a number ("2005") may be typed out.
            typed = next((o for o in opts if o.strip().casefold() == line.casefold()), None)
            if typed is not None:
                return typed
            if _NUMERIC_RE.fullmatch(line):
                self.say(f"Pick one number from 1 to {len(opts)}.")
                return None
            return line  # the choice typed out
        if q.type in ("multi", "order"):
            nums = _numbers(line, len(opts))
            if nums is None or len(set(nums)) != len(nums):
                self.say(f"Type numbers from 1 to {len(opts)}, each once, e.g. "
                         + ("1 3." if q.type == "multi" else "3 1 2."))
                return None
            if q.type == "order" and len(nums) != len(opts):
                self.say(f"Put all {len(opts)} items in order, e.g. "
                         + " ".join(str(i) for i in range(len(opts), 0, -1)) + ".")
                return None
            return [opts[n - 1] for n in nums]
        return line  # text and number: the checker reads what was typed

    def _show_outcome(self, o: AnswerOutcome) -> None:
        s = self.session
        if not o.reveal:
            if o.timed_out:
                self.say("Out of time. Answer recorded.")
            else:
                self.say("Skipped." if o.skipped else "Answer recorded.")
            s.advance()
            return
        if not o.final:
            note = f" ({clean(o.message)})" if o.message else ""
            tries = f"{o.tries_left} more {'try' if o.tries_left == 1 else 'tries'}"
            self.say(f"{note[2:-1]}." if o.unread else self.bad("Not quite.")
                     + f"{note} {tries}; a right answer now earns {o.available} points.")
            self._offer_hint()
            return
        bonus = f" + {o.bonus} bonus" if o.bonus else ""
        if o.correct:
            extra = f" ({clean(o.message)})" if o.close and o.message else ""
            self.say(self.good("Right!") + f" +{o.points} points{bonus}.{extra}")
        elif o.timed_out:
            self.say(self.bad("Out of time.") + " 0 points.")
        elif o.skipped:
            self.say("Skipped. 0 points.")
        elif o.points:
            self.say(self.bad("Partly right.") + f" +{o.points} points.")
        else:
            self.say(self.bad("Wrong.") + " 0 points.")
        if not o.correct and o.expected is not None:
            self.say(f"The answer: {clean(o.expected)}")
        q = s.current
        if q is not None and q.explanation:
            self.say(clean(q.explanation))
        score = s.running_score()
        if score is not None:
            self.say(f"Score so far: {score}.")

    def _feedback(self) -> None:
        s = self.session
        last = s.number == s.total
        nxt = "results" if last else "next question"
        line = self.read(f"(Enter: {nxt} · w: why · q: quit) ")
        low = line.lower()
        if low == "q":
            raise _Quit
        if low in ("w", "why"):
            q = s.current
            if q is not None:
                self._print_passages(q.evidence)
            return
        if low in ("?", "help"):
            self.say(HELP)
            return
        s.advance()

    # -- passages and results -----------------------------------------------

    def _print_passages(self, evidence: tuple[Evidence, ...] | list[Evidence]) -> None:
        for line in self._passages(list(evidence)):
            self.say(line)

    def _passages(self, evidence: list[Evidence]) -> list[str]:
        """Each paragraph that holds a quote, once, with its quotes marked."""
        article = self._article()
        loose = [e for e in evidence if article is None or e.start < 0]
        out = [self._mark(e.quote) for e in loose]
        if article is None:
            return out
        text = article.text
        groups: dict[tuple[int, int], list[Evidence]] = {}
        for ev in sorted((e for e in evidence if e.start >= 0), key=lambda e: e.start):
            para = next((p for p in article.paragraphs if p.start <= ev.start < p.end), None)
            box = article.field_at(ev.start) if para is None else None
            # An infobox line is not a paragraph: its value is shown after its key.
            span = ((para.start, max(para.end, ev.end)) if para
                    else (box.start, max(box.end, ev.end)) if box else (ev.start, ev.end))
            groups.setdefault(span, []).append(ev)
        for (lo, hi), evs in groups.items():
            parts, at = [], lo
            for ev in evs:
                start = max(ev.start, lo)  # an infobox quote may start at the key
                if start < at:  # overlapping quotes: mark the first only
                    continue
                parts.append(clean(text[at:start]))
                parts.append(self._mark(text[start:ev.end]))
                at = ev.end
            parts.append(clean(text[at:hi]))
            box = article.field_at(lo)
            if box is not None and lo >= box.start:
                where = article.infobox_label or "Infobox"
                if evs[0].start < lo:  # the quote takes in the key: mark the line as read
                    parts = [self._mark(article.readable(evs[0].start, hi))]
                else:
                    parts.insert(0, clean(article.field_label(box)) + ": ")
            else:
                where = evs[0].section_title or article.section_title_at(lo)
            out.append(f"[{clean(where)}] " + "".join(parts))
        return out

    def _mark(self, quote: str) -> str:
        return self.bold(clean(quote)) if self.colour else f">>> {clean(quote)} <<<"

    def print_results(self, r: Results) -> None:
        self.say()
        self.say(self.bold("Results so far" if r.finished_early else "Results"))
        if not r.settled:
            self.say(f"No question answered yet ({r.total} in this game).")
            return
        pct = round(100 * r.accuracy)
        bonus = f" (including {r.bonus} bonus)" if r.bonus else ""
        self.say(f"Score: {r.score}/{r.max_score}{bonus}")
        self.say(f"Right: {r.correct} of {r.settled} ({pct}%)")
        if r.unanswered:
            self.say(f"Not reached: {r.unanswered} of {r.total}")
        if r.sections:
            self.say("By section:")
            width = max(len(clean(sec.title)) for sec in r.sections)
            for sec in r.sections:
                self.say(f"  {clean(sec.title):<{width}}  {sec.right}/{sec.total}")
        missed = [rec for rec in r.records if rec.settled and not rec.correct]
        if missed:
            from quiz.play.answers import display_answer

            self.say("Missed:")
            for rec in missed:
                q = rec.question
                self.say(f"  - {clean(q.prompt)} [{rec.status}]")
                if rec.given is not None:
                    self._answer_lines("yours: ", rec.given, q.type)
                self._answer_lines("answer:", q.answer if q.type == "multi"
                                   else display_answer(q), q.type)
                if q.evidence:
                    ev = q.evidence[0]
                    quote = quote_as_read(self._article(), ev.quote, ev.start, ev.end)
                    self.say(f"    source: \"{clean(quote)}\"")

    def _answer_lines(self, heading: str, value: object, qtype: str) -> None:
        """An answer; a multi answer's picks one per line, so no option runs into the next."""
        if qtype == "multi" and isinstance(value, list) and value:
            self.say(f"    {heading}")
            for v in value:
                self.say(f"      * {clean(str(v))}")
            return
        self.say(f"    {heading} {clean(given_text(value, qtype, readable=True))}")

    def _article(self) -> Article | None:
        try:
            return self.bank.article
        except Exception:  # the article vanished since loading: the quotes as written
            return None


def _numbers(line: str, n: int) -> list[int] | None:
    """"3 1 2" / "3,1,2" / "312" (up to 9 options) as 1-based numbers, or None."""
    tokens = [t for t in _SPLIT_RE.split(line.strip()) if t]
    if len(tokens) == 1 and tokens[0].isdigit() and n <= 9 and len(tokens[0]) > 1:
        tokens = list(tokens[0])
    if not tokens or not all(t.isdigit() for t in tokens):
        return None
    nums = [int(t) for t in tokens]
    return nums if all(1 <= x <= n for x in nums) else None


def _how_to_answer(q: Question) -> str:
    if q.type == "choice":
        return "(type the number of your choice)"
    if q.type == "multi":
        return "(pick all that apply: type their numbers, e.g. 1 3)"
    if q.type == "truefalse":
        return "(t for true, f for false)"
    if q.type == "order":
        return "(type the numbers in the right order, e.g. 3 1 2)"
    if q.type == "number":
        unit = f"; in {clean(q.unit)}" if q.unit else ""
        return f"(type a number{unit})"
    return "(type your answer)"


def run_plain(request: PlayRequest, bank: Bank, *, recorder: Recorder | None = None,
              stdin: TextIO | None = None, stdout: TextIO | None = None,
              store: Store | None = None) -> int:
    """Play to the end (or q / end of input) and print the results.

    With a ``store``, the game is played as a profile (asked for once on a
    terminal), an unfinished session on this bank is offered for resuming,
    and every answer is saved before the next question; without one, answers
    go to ``recorder``.
    """
    inp, out = stdin or sys.stdin, stdout or sys.stdout
    prompt = Console(inp, out)
    setup = GameSetup.for_request(request, bank, store=store, recorder=recorder,
                                  ask_profile=_is_tty(inp), ask_mode=False)
    try:
        outcome = setup.run(prompt.answer_setup)
    except _Quit:
        return 0
    except _NoOneToAsk as exc:
        print(f"quiz play: error: {exc}", file=sys.stderr)
        return 2
    if isinstance(outcome, NothingDue):
        prompt.say(f"Nothing in {clean(bank.title)} is due for review today. Try --mode cram "
                   "to go over the whole bank, weakest first.")
        return 0
    if outcome is None:
        return 0
    session = outcome.session
    if outcome.resumed:
        score = session.running_score()
        where = ("all questions are answered" if session.finished else
                 f"question {session.number} of {session.total}")
        prompt.say(f"Resuming {session.profile}'s session: {where}"
                   + (f", score so far {score}." if score is not None else "."))
    game = PlainGame(session, bank, inp, out)
    game.leeches = outcome.leeches
    try:
        game.play()
    except KeyboardInterrupt:
        # Everything answered is already recorded; show where the player stood,
        # and exit like any interrupted command (128 + SIGINT).
        game.say()
        game.print_results(session.finish())
        return 130
    except sqlite3.Error as exc:
        print(f"quiz play: error: your answer could not be saved ({exc}); everything "
              "answered before it is kept. Play on later to resume.", file=sys.stderr)
        return 1
    return 0


def play_plain(request: PlayRequest, bank: Bank) -> int:
    """``quiz play BANK --plain``: :func:`run_plain` with the progress store."""
    from quiz.store.progress import StoreError, open_with_notices

    store = open_with_notices()
    try:
        if store.unsaved is not None:
            if not play_without_saving(sys.stdin, sys.stdout, sys.stderr):
                return 0
            store = store.unsaved_copy()
        return run_plain(request, bank, store=store)
    except StoreError as exc:
        print(f"quiz play: error: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()


def play_without_saving(stdin: TextIO, stdout: TextIO, stderr: TextIO,
                        what: str = "play") -> bool:
    """Progress cannot be saved (the reason is already told): go on without saving, or not?

    Asked on a terminal; with input from a pipe nobody can answer, so it says
    so and goes on.
    """
    if not _is_tty(stdin):
        print(f"quiz: input is not a terminal, so quiz will {what} without saving progress.",
              file=stderr)
        return True
    console = Console(stdin, stdout)
    try:
        line = console.read(f"{what.capitalize()} without saving progress, or quit? [P/q] ")
    except _Quit:
        return False
    return line.lower() not in ("q", "quit", "n", "no")
