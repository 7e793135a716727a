"""Starting a game: whose it is, what to resume, which mode and which questions.

One flow for plain mode and the TUI. :meth:`GameSetup.steps` is written once
as a generator: it yields what it must ask the player (:class:`AskProfile`,
:class:`AskResume`, :class:`AskMode`) or tell them (:class:`Note`), and each
front end answers its own way, plain mode with prompts (:meth:`GameSetup.run`),
the TUI with screens it awaits (:meth:`GameSetup.run_async`). No Textual here.
"""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable, Generator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from quiz.play.engine import Mode, Settings
from quiz.play.resume import resume_session
from quiz.play.session import PlaySession
from quiz.store.progress import SessionRow, Store, StoreError

if TYPE_CHECKING:
    from quiz.bank.model import Bank, Question
    from quiz.play.session import Recorder

# Whose progress it is when nobody can be asked (stdin is a pipe) or nobody answers.
FALLBACK_PROFILE = "default"

# Modes that play in the store's order (most overdue first, weakest first), never shuffled.
_STORE_ORDER = (Mode.REVIEW, Mode.CRAM)


@dataclass(frozen=True)
class PlayRequest:
    """``quiz play BANK`` as the player asked for it."""

    bank: str = ""  # a bank folder, its bank.yaml, or a bank id
    extra_paths: tuple[str, ...] = ()  # more folders of banks (``quiz -b``)
    mode: str | None = None  # None: the TUI asks, plain mode plays practice
    plain: bool = False
    profile: str | None = None
    seed: int | None = None
    in_order: bool = False
    time_limit: float | None = None
    include_drafts: bool = False
    resume: bool | None = None  # True: go on without asking; False: start over; None: ask


def with_mode(base: Settings, mode: str | Mode) -> Settings:
    """``base`` played in ``mode`` (review and cram keep the store's order)."""
    m = Mode(mode)
    return replace(base, mode=m, shuffle=base.shuffle and m not in _STORE_ORDER)


def settings_for(request: PlayRequest) -> Settings:
    """Engine settings for a request (practice when it names no mode)."""
    base = Settings(shuffle=not request.in_order, seed=request.seed,
                    time_limit=request.time_limit)
    return with_mode(base, request.mode or Mode.PRACTICE)


def open_bank(request: PlayRequest) -> Bank | None:
    """The bank the request names, if it loads and has questions to play.

    Says on stderr why not (the command then exits 1).
    """
    from quiz.bank.catalog import open_for_command
    from quiz.bank.load import load_bank

    bank = open_for_command("play", request.bank, request.extra_paths, load_bank)
    if bank is None:
        return None
    if not bank.playable(request.include_drafts):
        hint = "" if request.include_drafts else " (try --include-drafts)"
        print(f"quiz play: error: {bank.path}: no playable questions{hint}", file=sys.stderr)
        return None
    return bank


# -- what the setup asks and says ------------------------------------------------


@dataclass(frozen=True)
class AskProfile:
    """First run: who is playing? Answer a name, or None or "" to play unnamed."""

    known: tuple[str, ...] = ()  # the profiles already kept here
    problem: str | None = None  # why the name answered last time will not do


@dataclass(frozen=True)
class AskResume:
    """An unfinished session: answer True (go on), False (start over) or None (back out)."""

    row: SessionRow


@dataclass(frozen=True)
class AskMode:
    """Which mode? Answer a mode's name, or None (back out)."""

    progress: bool  # review and cram need saved progress
    due: int | None = None  # questions due for review today; None: not known


@dataclass(frozen=True)
class Note:
    """Something to tell the player; the answer is ignored."""

    text: str


Step = AskProfile | AskResume | AskMode | Note


@dataclass(frozen=True)
class Game:
    """A session ready to play."""

    session: PlaySession
    leeches: dict[str, int] = field(default_factory=dict)  # question id -> lapses
    resumed: bool = False


@dataclass(frozen=True)
class NothingDue:
    """Review found nothing due today in the bank (each front end says so its way)."""


# None: the player backed out.
Outcome = Game | NothingDue | None


@dataclass
class GameSetup:
    """Everything settled before a game starts, and the flow that settles the rest.

    With a ``store`` the game is played as a profile (asked once, on first
    run), an unfinished session on the bank is offered for resuming, review and
    cram take their questions from the schedule, and every answer is saved;
    without one, answers go to ``recorder``.
    """

    bank: Bank
    settings: Settings = field(default_factory=Settings)
    mode_given: bool = False  # settings.mode was chosen: not asked, and only it is resumed
    profile: str | None = None  # the one asked for; after the setup, whose game it is
    resume: bool | None = None  # True: go on without asking; False: start over; None: ask
    include_drafts: bool = False
    store: Store | None = None
    recorder: Recorder | None = None
    # What the front end can ask. Unasked, the profile is the fallback one and
    # the mode the settings' own.
    ask_profile: bool = True
    ask_mode: bool = True

    @classmethod
    def for_request(cls, request: PlayRequest, bank: Bank, **kw: Any) -> GameSetup:
        return cls(bank, settings_for(request), mode_given=request.mode is not None,
                   profile=request.profile, resume=request.resume,
                   include_drafts=request.include_drafts, **kw)

    def run(self, answer: Callable[[Step], Any]) -> Outcome:
        """The setup, with ``answer(step)`` answering each step as it comes."""
        flow = self.steps()
        try:
            step = next(flow)
            while True:
                step = flow.send(answer(step))
        except StopIteration as done:
            return done.value

    async def run_async(self, answer: Callable[[Step], Awaitable[Any]]) -> Outcome:
        """:meth:`run` for a front end that awaits its answers (screens)."""
        flow = self.steps()
        try:
            step = next(flow)
            while True:
                step = flow.send(await answer(step))
        except StopIteration as done:
            return done.value

    def steps(self) -> Generator[Step, Any, Outcome]:
        """The setup, one step at a time: profile, resume or set aside, mode, questions."""
        store = self.store
        if store is not None:
            self.profile = yield from self._pick_profile(store)
            offer = yield from self._offer_resume(store, self.profile)
            if isinstance(offer, Game):
                return offer
            if not offer:
                return None
        settings = self.settings
        if not self.mode_given and self.ask_mode:
            due = None
            if store is not None and self.profile:
                due = len(store.due_questions(self.profile, [self.bank],
                                              include_drafts=self.include_drafts))
            mode = yield AskMode(progress=store is not None, due=due)
            if mode is None:
                return None
            settings = with_mode(settings, mode)
        if store is None:
            return Game(PlaySession.from_bank(self.bank, settings, self.recorder,
                                              profile=self.profile,
                                              include_drafts=self.include_drafts))
        assert self.profile is not None
        questions = questions_for(store, self.profile, self.bank, str(settings.mode),
                                  include_drafts=self.include_drafts)
        if not questions:
            return NothingDue()
        recorder = store.recorder(self.profile, bank_path=self.bank.path)
        session = PlaySession.from_bank(self.bank, settings, recorder, profile=self.profile,
                                        include_drafts=self.include_drafts,
                                        questions=questions)
        return Game(session, self._leeches(store, self.profile))

    def _pick_profile(self, store: Store) -> Generator[Step, Any, str]:
        """The profile asked for (remembered for next time), else the remembered one.

        Else, where the front end can ask, the name the player gives, remembered;
        else the fallback profile, not remembered, so that a later run that can
        ask still does.
        """
        if self.profile:
            return store.set_default_profile(self.profile).name
        remembered = store.default_profile()
        if remembered:
            return remembered
        # Playing without saving (the data folder cannot be written): no name is kept,
        # so don't ask for one.
        if self.ask_profile and not store.unsaved:
            known = tuple(p.name for p in store.profiles())
            problem = None
            while True:
                name = yield AskProfile(known, problem)
                if not name or not name.strip():
                    break
                try:
                    return store.set_default_profile(name).name
                except StoreError as exc:
                    problem = str(exc)
        return store.get_or_create_profile(FALLBACK_PROFILE).name

    def _offer_resume(self, store: Store, profile: str) -> Generator[Step, Any, Game | bool]:
        """The resumed game; else True to start a new one, False if the player backed out."""
        # A mode asked for by name only offers a session of that mode.
        row = resumable(store, profile, self.bank,
                        str(self.settings.mode) if self.mode_given else None)
        if row is None:
            return True
        go_on = self.resume
        if go_on is None:
            go_on = yield AskResume(row)
            if go_on is None:
                return False
        if not go_on:
            store.abandon(row.id)
            return True
        try:
            session = resume_session(store, self.bank, row.id, profile,
                                     bank_path=str(self.bank.path))
        except StoreError as exc:
            yield Note(f"Cannot resume: {exc}. Starting a new game.")
            return True
        return Game(session, self._leeches(store, profile), resumed=True)

    def _leeches(self, store: Store, profile: str) -> dict[str, int]:
        """This bank's questions the player keeps missing, with their lapses."""
        return {r.question_id: r.lapses for r in store.leeches(profile)
                if r.bank_id == self.bank.id}


# -- the pieces -------------------------------------------------------------------


def resumable(store: Store, profile: str, bank: Bank,
              mode: str | None = None) -> SessionRow | None:
    """The most recent unfinished session of ``profile`` on ``bank`` (in ``mode``, if given)."""
    rows = [r for r in store.unfinished_sessions(profile, bank.id)
            if mode is None or r.mode == mode]
    return rows[0] if rows else None


def questions_for(store: Store, profile: str, bank: Bank, mode: str, *,
                  include_drafts: bool = False) -> list[Question]:
    """What a new session plays: due ones for review, weakest first for cram, else all."""
    if mode == "review":
        return [q for _b, q in store.due_questions(profile, [bank],
                                                   include_drafts=include_drafts)]
    if mode == "cram":
        return store.weakest_first(profile, bank, include_drafts=include_drafts)
    return bank.playable(include_drafts)


def due_by_bank(store: Store, profile: str,
                banks: list[Bank]) -> list[tuple[Bank, list[Question]]]:
    """Review across banks: each bank with questions due today, and those questions.

    Question ids are unique only within a bank, so a cross-bank review is
    played as one session per bank, one after the other.
    """
    grouped: dict[str, tuple[Bank, list[Question]]] = {}
    for bank, q in store.due_questions(profile, banks):
        grouped.setdefault(bank.id, (bank, []))[1].append(q)
    return list(grouped.values())


def describe(row: SessionRow) -> str:
    """One line about an unfinished session, for the resume offer."""
    when = row.updated.astimezone().strftime("%Y-%m-%d %H:%M")
    return (f"{row.mode} session from {when}: {row.answered} of {row.total} answered, "
            f"{row.points} points so far")
