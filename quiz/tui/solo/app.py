"""The Textual app: one factory for the command line and the tests.

The app owns the play session and moves between screens; screens post what
the player did and the app asks the :class:`~quiz.play.session.PlaySession` what
happens next, so scoring, checking and recording stay in the core.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from quiz.textsafe import clean
from quiz.tui.styles import sheet

if TYPE_CHECKING:
    from quiz.bank.catalog import BankEntry
    from quiz.bank.model import Bank
    from quiz.play.engine import AnswerOutcome, Settings
    from quiz.play.session import PlaySession, Recorder
    from quiz.play.setup import Game, PlayRequest, Step
    from quiz.store.progress import Store
    from quiz.store.stats import Stats
    from quiz.tui.solo.feedback import FeedbackScreen
    from quiz.tui.solo.picker import PickerScreen
    from quiz.tui.solo.question import QuestionScreen
    from quiz.tui.solo.results import ResultsScreen

RecorderFactory = Callable[["Bank"], "Recorder | None"]
# Action -> the key that works from inside a text box (the footer shows it there).
IN_TEXT_BOX = {"help": "F1", "hint": "F2", "skip": "F3", "quit": "^q"}
T = TypeVar("T")


class QuizApp(App[int]):
    # At start only what the picker needs; the rest when another screen is first shown.
    CSS_PATH: ClassVar[list[str | PurePath]] = [sheet("common.tcss"), sheet("picker.tcss")]
    LATER_CSS: ClassVar[tuple[Path, ...]] = (sheet("dialogs.tcss"), sheet("quiz.tcss"))
    TITLE = "quiz"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help"),
        Binding("q", "quit", "Quit"),
        Binding("f6", "contrast", "Contrast", show=False),
    ]

    def __init__(
        self,
        *,
        extra_paths: Iterable[str | Path] = (),
        bank: Bank | None = None,
        settings: Settings | None = None,
        ask_mode: bool = True,
        include_drafts: bool = False,
        profile: str | None = None,
        recorder_factory: RecorderFactory | None = None,
        store: Store | None = None,
        open_store: Callable[[], Store] | None = None,
        resume: bool | None = None,
    ) -> None:
        """The app, for ``quiz``, ``quiz play`` and the tests alike (as :func:`create_app`).

        With ``bank`` the app starts at that bank (the mode screen, or straight into
        the game when ``ask_mode`` is False); without, at the bank picker. With a
        ``store``, games are played as a profile (asked once), an unfinished game is
        offered for resuming (or, by ``resume``, gone on with or set aside without
        asking), and every answer is saved; ``open_store`` gives the store when a
        bank is first picked, so opening it does not delay the first screen.
        Without a store, answers go to ``recorder_factory(bank)`` if given.
        """
        super().__init__()
        self._store = store
        # Opened when first needed (the picker's due counts, a bank picked, the stats),
        # never before the first frame; the lock keeps a worker thread and the game
        # from opening it twice.
        self._open_store = open_store
        self._store_lock = threading.Lock()
        # Why progress cannot be saved, until the player was asked whether to play on.
        self._unsaved: str | None = None
        # --resume / --new: go on with an unfinished game, or set it aside, without asking.
        self.resume_choice = resume
        self.extra_paths = [Path(p) for p in extra_paths]
        self.start_bank = bank
        self.base_settings = settings
        self.ask_mode = ask_mode
        self.include_drafts = include_drafts
        self.profile = profile
        self.recorder_factory = recorder_factory
        self.session: PlaySession | None = None
        self.bank: Bank | None = None
        # Question id -> lapses for this bank's leeches, shown as a marker on the question.
        self.leeches: dict[str, int] = {}
        # Started as ``quiz play BANK``: the results screen ends the app.
        self.single_game = bank is not None
        self._usual_theme = self.theme
        self._later_css_read = False

    # -- flow -----------------------------------------------------------------

    def _load_screen_css(self, screen: Screen) -> None:
        # Reading and parsing the game's and the dialogs' sheets is a good part of
        # the time to the first frame: they wait for the first screen that needs them.
        if not self._later_css_read and not getattr(screen, "START_CSS_ONLY", False):
            self._later_css_read = True
            for path in self.LATER_CSS:
                if not self.stylesheet.has_source(str(path), ""):
                    self.stylesheet.read(path)
            self.stylesheet.reparse()
            self.stylesheet.update(self)
        super()._load_screen_css(screen)

    def get_default_screen(self) -> Screen:
        # The picker is the bottom screen, so the first frame is already the picker.
        if self.start_bank is None:
            from quiz.tui.solo.picker import PickerScreen

            return PickerScreen(self.extra_paths, include_drafts=self.include_drafts,
                                count_due=self.due_counts, stats=self.keeps_progress)
        return super().get_default_screen()

    def _ensure_store(self) -> tuple[Store | None, list[str]]:
        """The store, opened now if it was not yet, and the notices opening it left.

        A store that cannot save (a read-only folder, a full disk) is swapped
        for an in-memory copy at once, so nothing tries to write there; the
        player is then asked whether to play on without saving.
        """
        with self._store_lock:
            if self._store is None and self._open_store is not None:
                opener, self._open_store = self._open_store, None
                store = opener()
                if store.unsaved is not None:
                    self._unsaved = store.unsaved
                    store = store.unsaved_copy()
                self._store = store
                return store, list(store.notices)
            return self._store, []

    def _take_unsaved(self) -> str | None:
        """The reason progress cannot be saved, once: whoever takes it asks the player."""
        with self._store_lock:
            reason, self._unsaved = self._unsaved, None
            return reason

    def _announce(self, notices: list[str]) -> None:
        unsaved = self._store.unsaved if self._store is not None else None
        for notice in notices:
            if notice != unsaved:  # that one is asked about in a dialog
                self.notify(clean(notice), severity="warning", timeout=10, markup=False)
        reason = self._take_unsaved()
        if reason is not None:
            self.push_screen(self._unsaved_dialog(reason), self._unsaved_answered)

    @staticmethod
    def _unsaved_dialog(reason: str) -> Screen[bool]:
        from quiz.tui.dialogs.confirm import ConfirmDialog

        return ConfirmDialog("Progress cannot be saved", f"{reason} Play without saving, "
                             "or quit?", yes="Play without saving", no="Quit")

    def _unsaved_answered(self, play_on: bool | None) -> None:
        if not play_on:
            self.exit(0)

    @property
    def store(self) -> Store | None:
        store, notices = self._ensure_store()
        self._announce(notices)
        return store

    def store_from_thread(self) -> Store | None:
        """:attr:`store`, for a worker thread (notices go to the app's own thread)."""
        store, notices = self._ensure_store()
        if notices:
            self.call_from_thread(self._announce, notices)
        return store

    def progress_profile(self, store: Store) -> str | None:
        """Whose progress the picker and the stats show, without asking anyone."""
        from quiz.store.progress import profile_to_show

        return profile_to_show(store, self.profile)

    def due_counts(self, entries: Sequence[BankEntry]) -> list[int] | None:
        """Questions due today in each listed bank, for the picker (from a worker thread).

        None when there is no store, or nobody has played yet: nothing can be due.
        """
        if self._store is None:
            # Nothing scheduled yet (a new player): no need to open the store for that.
            nothing_due = getattr(self._open_store, "nothing_due", None)
            if nothing_due is not None and nothing_due():
                return None
        store = self.store_from_thread()
        if store is None:
            return None
        profile = self.progress_profile(store)
        if profile is None:
            return None
        from quiz.tui.solo.picker import due_counts

        return due_counts(store, profile, entries, include_drafts=self.include_drafts)

    def close_store(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def on_mount(self) -> None:
        if self.start_bank is not None:
            self.choose_bank(self.start_bank)

    def choose_bank(self, bank: Bank) -> None:
        """Play ``bank``: whose game, resume or not, which mode; then the first question."""
        self._begin(bank)

    @work(exclusive=True, group="begin")
    async def _begin(self, bank: Bank) -> None:
        game = await self._new_session(bank)
        if game is None:
            if self.single_game:
                self.exit(0)  # backed out of ``quiz play``
            return
        self.bank, self.session = bank, game.session
        self.leeches = game.leeches
        if game.session.finished:  # resumed a session whose every question was answered
            self.push_screen(self._results_screen())
        else:
            self.show_question(first=True)

    async def _new_session(self, bank: Bank) -> Game | None:
        """The game setup (shared with plain mode), its questions answered with screens."""
        from quiz.play.engine import Settings
        from quiz.play.setup import GameSetup, NothingDue

        store, notices = self._ensure_store()
        reason = self._take_unsaved()  # first: asked here, and awaited, not by _announce
        self._announce(notices)
        if reason is not None and not await self.push_screen_wait(self._unsaved_dialog(reason)):
            self.exit(0)
            return None
        # The mode given on the command line is played as it is; else the player picks.
        mode_given = not self.ask_mode and self.base_settings is not None
        recorder = None
        if store is None and self.recorder_factory is not None:
            recorder = self.recorder_factory(bank)
        setup = GameSetup(bank, self.base_settings or Settings(), mode_given=mode_given,
                          profile=self.profile, resume=self.resume_choice,
                          include_drafts=self.include_drafts, store=store, recorder=recorder)
        outcome = await setup.run_async(lambda step: self._answer_setup(bank, step))
        self.profile = setup.profile
        if isinstance(outcome, NothingDue):
            self.notify("Nothing in this bank is due for review today; cram goes over the "
                        "whole bank, weakest first.", severity="warning")
            return None
        return outcome

    async def _answer_setup(self, bank: Bank, step: Step) -> str | bool | None:
        """A step of the game setup, answered by the player on a screen."""
        from quiz.play.setup import AskMode, AskProfile, AskResume, Note

        match step:
            case AskProfile(known=known, problem=problem):
                from quiz.tui.solo.profile import ProfileScreen

                return await self.push_screen_wait(ProfileScreen(list(known), problem=problem))
            case AskResume(row=row):
                from quiz.tui.solo.resume import ResumeScreen

                return await self.push_screen_wait(ResumeScreen(row))
            case AskMode(progress=progress, due=due):
                from quiz.tui.solo.mode import ModeScreen

                return await self.push_screen_wait(ModeScreen(bank, progress=progress, due=due,
                                                           include_drafts=self.include_drafts))
            case Note(text=text):
                self.notify(clean(text), severity="warning", markup=False)
        return None

    def show_question(self, first: bool = False) -> None:
        from quiz.tui.solo.question import QuestionScreen

        assert self.session is not None and self.bank is not None
        question = self.session.current
        lapses = self.leeches.get(question.id, 0) if question is not None else 0
        screen = QuestionScreen(self.session, self.bank, lapses=lapses)
        if first:
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def answered(self, outcome: AnswerOutcome) -> None:
        """A question was settled (answered, skipped or timed out)."""
        if outcome.reveal:
            from quiz.tui.solo.feedback import FeedbackScreen

            assert self.session is not None and self.bank is not None
            self.switch_screen(FeedbackScreen(self.session, self.bank, outcome))
        else:
            self.advance()  # test mode: the verdict waits for the results

    def guarded(self, operation: Callable[..., T], *args: object) -> T | None:
        """Run a session operation that saves progress; if saving fails, stop the game.

        Everything recorded before the failure is kept, so the game can be resumed.
        """
        from quiz.tui.solo.failures import STORE_ERRORS

        try:
            return operation(*args)
        except STORE_ERRORS as exc:
            self.stop_unsaved(exc)
            return None

    def stop_unsaved(self, error: Exception) -> None:
        """Saving failed: end the game with the reason (what was saved is kept)."""
        from rich.text import Text

        self.exit(1, return_code=1, message=Text(clean(
            f"quiz: error: your answer could not be saved ({error}); everything answered "
            "before it is kept. Play on later to resume.")))

    def advance(self) -> None:
        from quiz.play.engine import State

        assert self.session is not None
        state = self.guarded(self.session.advance)
        if state is None:
            return
        if state is State.FINISHED:
            self.show_results()
        else:
            self.show_question()

    def show_results(self) -> None:
        self.switch_screen(self._results_screen())

    def _results_screen(self) -> Screen:
        from quiz.tui.solo.results import ResultsScreen

        assert self.session is not None and self.bank is not None
        return ResultsScreen(self.session.finish(), self.bank, stats=self.keeps_progress)

    def results_done(self) -> None:
        """Leave the results: back to the picker, or out after ``quiz play``."""
        self.session = None
        if self.single_game:
            self.exit(0)
        else:
            self.pop_screen()

    @property
    def keeps_progress(self) -> bool:
        """Whether there is a store (open, or to be opened when needed)."""
        return self._store is not None or self._open_store is not None

    def show_stats(self) -> None:
        """The stats screen of whoever is playing (the store is opened if need be)."""
        self._gather_stats()

    @work(thread=True, exclusive=True, group="stats")
    def _gather_stats(self) -> None:
        # In a thread: opening the store and loading the banks played can take a moment.
        from quiz.tui.solo.failures import STORE_ERRORS

        try:
            store = self.store_from_thread()
            if store is None:
                self.call_from_thread(self.notify, "Progress is not being saved, so there "
                                      "are no stats to show.", severity="warning")
                return
            profile = self.progress_profile(store)
            if profile is None:
                self.call_from_thread(self.notify, "No progress yet: play a bank, and your "
                                      "progress shows here.")
                return
            from quiz.bank.catalog import load_played
            from quiz.store import stats

            banks = {b.id: b for b in load_played(store.sessions(profile))}
            if self.bank is not None:
                banks[self.bank.id] = self.bank  # the bank just played, as it was played
            result = stats.compute(store, profile, list(banks.values()))
        except STORE_ERRORS as exc:
            self.call_from_thread(self.notify, clean(f"The stats cannot be read: {exc}"),
                                  severity="error", markup=False)
            return
        self.call_from_thread(self._push_stats, result)

    def _push_stats(self, result: Stats) -> None:
        from quiz.tui.solo.stats import StatsScreen

        if not isinstance(self.screen, StatsScreen):
            self.push_screen(StatsScreen(result))

    @property
    def in_game(self) -> bool:
        return self.session is not None and not self.session.finished

    # -- what the screens ask ----------------------------------------------------

    def on_picker_screen_bank_chosen(self, message: PickerScreen.BankChosen) -> None:
        self.choose_bank(message.bank)

    def on_picker_screen_stats_wanted(self, message: PickerScreen.StatsWanted) -> None:
        self.show_stats()

    def on_question_screen_settled(self, message: QuestionScreen.Settled) -> None:
        self.answered(message.outcome)

    def on_question_screen_save_failed(self, message: QuestionScreen.SaveFailed) -> None:
        self.stop_unsaved(message.error)

    def on_feedback_screen_next(self, message: FeedbackScreen.Next) -> None:
        self.advance()

    def on_results_screen_stats_wanted(self, message: ResultsScreen.StatsWanted) -> None:
        self.show_stats()

    def on_results_screen_done(self, message: ResultsScreen.Done) -> None:
        self.results_done()

    # -- keys -----------------------------------------------------------------

    def get_key_display(self, binding: Binding) -> str:
        """The key the footer shows: in a text box, the one that works there.

        A text box takes ``?``, ``h``, ``s`` and ``q`` as letters of the answer;
        F-keys and Ctrl+Q reach the screen and the app from inside it.
        """
        if binding.action in IN_TEXT_BOX and self._in_text_box():
            return IN_TEXT_BOX[binding.action]
        return super().get_key_display(binding)

    def _in_text_box(self) -> bool:
        from textual.widgets import Input

        try:
            return isinstance(self.screen.focused, Input)
        except Exception:  # no screen yet
            return False

    # -- actions --------------------------------------------------------------

    def action_contrast(self) -> None:
        """Switch between the usual theme and a high-contrast one (F6)."""
        from quiz.tui.styles import HIGH_CONTRAST, register_themes

        register_themes(self)
        if self.theme == HIGH_CONTRAST:
            self.theme = self._usual_theme
        else:
            self._usual_theme = self.theme
            self.theme = HIGH_CONTRAST
        self.notify(f"Theme: {self.theme} (F6 switches)", timeout=3)

    def action_help(self) -> None:
        from quiz.tui.dialogs.help import HelpDialog
        from quiz.tui.solo.keys import KEYS

        if not isinstance(self.screen, HelpDialog):
            self.push_screen(HelpDialog(KEYS))

    async def action_quit(self) -> None:
        """Quit; in the middle of a game, ask first (answers so far are already saved)."""
        if not self.in_game:
            self.exit(0)
            return
        from quiz.tui.dialogs.confirm import ConfirmDialog

        if isinstance(self.screen, ConfirmDialog):
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self.session is not None:
                # What was answered so far, as plain mode prints it; Done then quits.
                if self.session.finish().settled:
                    self.single_game = True
                    self.switch_screen(self._results_screen())
                else:
                    self.exit(0)

        saved = self._store is not None or self.recorder_factory is not None
        detail = ("Every answer so far is saved: pick this bank again to go on."
                  if saved else "Progress is not being saved in this game.")
        self.push_screen(ConfirmDialog("Quit this game?", detail), confirmed)


# The one factory the command line and the tests build the app with.
create_app = QuizApp


class StoreOpener:
    """Opens the progress store in the data folder (sqlite and the store code are
    imported only then), and can tell beforehand that nothing in it can be due."""

    def __call__(self) -> Store:
        from quiz.store.progress import Store

        return Store.open()

    def nothing_due(self) -> bool:
        """True when nobody has a review schedule there yet (a read-only look).

        The picker's due counts need not open the store then: it is opened,
        checked and recovered when a bank is picked, before anything is written.
        """
        from quiz.store import db

        return db.holds_schedule(db.default_path()) is False


open_store = StoreOpener()


def run_home(extra_paths: Iterable[str] = ()) -> int:
    """Plain ``quiz``: the bank picker (bundled banks, ./questions and ``-b`` folders)."""
    app = create_app(extra_paths=extra_paths, open_store=open_store)
    try:
        return app.run() or 0
    finally:
        app.close_store()


def run_play(request: PlayRequest, bank: Bank) -> int:
    """``quiz play BANK``: the mode screen (or the game, with ``--mode``)."""
    from quiz.play.setup import settings_for

    app = create_app(
        bank=bank,
        settings=settings_for(request),
        ask_mode=request.mode is None,
        include_drafts=request.include_drafts,
        profile=request.profile,
        open_store=open_store,
        resume=request.resume,
    )
    try:
        return app.run() or 0
    finally:
        app.close_store()
