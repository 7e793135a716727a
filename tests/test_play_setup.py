"""The game setup shared by plain mode and the TUI, driven by scripted answers."""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any

import pytest

from quiz.bank.load import load_bank
from quiz.bank.model import Bank
from quiz.play.engine import Mode, Settings
from quiz.play.session import MemoryRecorder, SessionInfo
from quiz.play.setup import (
    AskMode,
    AskProfile,
    AskResume,
    Game,
    GameSetup,
    Note,
    NothingDue,
    PlayRequest,
    Step,
    settings_for,
    with_mode,
)
from quiz.store import review
from quiz.store.progress import Store, profile_to_show
from tests.conftest import SEED_BANK, Clock
from tests.test_store import _attempt_for, _play, _recorder, new_session, small_bank


@pytest.fixture(scope="module")
def bank() -> Bank:
    return small_bank(load_bank(SEED_BANK / "bank.yaml"))


class Player:
    """Answers each step from a script and keeps every step it was shown."""

    def __init__(self, *answers: Any) -> None:
        self.answers = list(answers)
        self.shown: list[Step] = []

    def __call__(self, step: Step) -> Any:
        self.shown.append(step)
        if isinstance(step, Note):
            return None
        assert self.answers, f"not scripted: {step}"
        return self.answers.pop(0)

    def asked(self) -> list[type]:
        return [type(s) for s in self.shown if not isinstance(s, Note)]


def setup(bank: Bank, store: Store | None, **kw: Any) -> GameSetup:
    return GameSetup(bank, Settings(shuffle=False), store=store, **kw)


def paused_session(store: Store, bank: Bank, profile: str = "ada", mode: str = "practice",
                   answered: int = 2) -> int:
    """An unfinished session of ``profile`` on ``bank``, ``answered`` questions in."""
    s = new_session(store, bank, profile, mode=Mode(mode))
    _play(s, answered)
    s.finish()  # the player typed q
    (row,) = store.unfinished_sessions(profile, bank.id)
    return row.id


# -- whose game ------------------------------------------------------------------


def test_the_remembered_profile_plays_without_being_asked(store: Store, bank: Bank) -> None:
    store.set_default_profile("ada")
    player = Player("practice")
    game = setup(bank, store).run(player)
    assert isinstance(game, Game) and game.session.profile == "ada"
    assert player.asked() == [AskMode]


def test_the_first_run_asks_a_name_and_remembers_it(store: Store, bank: Bank) -> None:
    store.get_or_create_profile("Grace")
    player = Player("Mina", "practice")
    flow = setup(bank, store)
    game = flow.run(player)
    assert player.shown[0] == AskProfile(known=("Grace",), problem=None)
    assert isinstance(game, Game) and game.session.profile == flow.profile == "Mina"
    assert store.default_profile() == "Mina"


def test_a_bad_name_is_asked_again_with_the_reason(store: Store, bank: Bank) -> None:
    player = Player("x" * 50, "Ada", "practice")
    game = setup(bank, store).run(player)
    first, second = player.shown[:2]
    assert isinstance(first, AskProfile) and first.problem is None
    assert isinstance(second, AskProfile) and second.problem and "characters" in second.problem
    assert isinstance(game, Game) and game.session.profile == "Ada"
    assert store.default_profile() == "Ada"


@pytest.mark.parametrize("answer", [None, "", "   "])
def test_no_name_plays_as_the_fallback_profile_without_remembering_it(
        store: Store, bank: Bank, answer: str | None) -> None:
    game = setup(bank, store).run(Player(answer, "practice"))
    assert isinstance(game, Game) and game.session.profile == "default"
    assert store.default_profile() is None


def test_a_front_end_that_cannot_ask_plays_as_the_fallback(store: Store, bank: Bank) -> None:
    player = Player("practice")
    game = setup(bank, store, ask_profile=False).run(player)
    assert isinstance(game, Game) and game.session.profile == "default"
    assert player.asked() == [AskMode]


def test_playing_without_saving_asks_no_name_it_would_not_keep(bank: Bank) -> None:
    unsaved = Store.memory()
    unsaved.unsaved = "the data folder is read-only"  # as Store.open leaves it then
    try:
        player = Player("practice")
        game = setup(bank, unsaved).run(player)
        assert player.asked() == [AskMode]
        assert isinstance(game, Game) and game.session.profile == "default"
    finally:
        unsaved.close()


def test_the_profile_asked_for_wins_and_is_remembered(store: Store, bank: Bank) -> None:
    store.set_default_profile("ada")
    game = setup(bank, store, profile="grace").run(Player("practice"))
    assert isinstance(game, Game) and game.session.profile == "grace"
    assert store.default_profile() == "grace"


def test_whose_progress_to_show_without_asking(store: Store) -> None:
    assert profile_to_show(store) is None
    store.get_or_create_profile("ada")
    assert profile_to_show(store) == "ada"  # the only one
    store.get_or_create_profile("grace")
    assert profile_to_show(store) is None  # which of two is not known
    store.set_default_profile("grace")
    assert profile_to_show(store) == "grace"
    assert profile_to_show(store, "ada") == "ada"


# -- resume or start over ----------------------------------------------------------


def test_resume_offered_and_taken_goes_on_with_the_same_session(store: Store,
                                                               bank: Bank) -> None:
    store.set_default_profile("ada")
    row_id = paused_session(store, bank)
    player = Player(True)
    game = setup(bank, store).run(player)
    (offer,) = player.shown
    assert isinstance(offer, AskResume) and offer.row.id == row_id
    assert isinstance(game, Game) and game.resumed
    assert game.session.number == 3
    game.session.skip()
    assert len(store.attempts(session_id=row_id)) == 3  # the next answer goes on in it


def test_resume_declined_sets_the_session_aside_and_asks_the_mode(store: Store,
                                                                 bank: Bank) -> None:
    store.set_default_profile("ada")
    row_id = paused_session(store, bank)
    player = Player(False, "test")
    game = setup(bank, store).run(player)
    assert player.asked() == [AskResume, AskMode]
    assert isinstance(game, Game) and not game.resumed
    assert game.session.mode is Mode.TEST and game.session.number == 1
    assert [r.status for r in store.sessions("ada") if r.id == row_id] == ["abandoned"]


def test_backing_out_of_the_offer_leaves_the_session_alone(store: Store, bank: Bank) -> None:
    store.set_default_profile("ada")
    row_id = paused_session(store, bank)
    assert setup(bank, store).run(Player(None)) is None
    assert [r.id for r in store.unfinished_sessions("ada")] == [row_id]


@pytest.mark.parametrize("flag", [True, False])
def test_the_resume_and_new_flags_answer_the_offer(store: Store, bank: Bank,
                                                   flag: bool) -> None:
    store.set_default_profile("ada")
    row_id = paused_session(store, bank)
    mode = Settings(mode=Mode.PRACTICE, shuffle=False)
    player = Player()
    game = GameSetup(bank, mode, mode_given=True, resume=flag, store=store).run(player)
    assert player.shown == []
    assert isinstance(game, Game) and game.resumed is flag
    (old,) = [r for r in store.sessions("ada") if r.id == row_id]
    assert (old.status == "abandoned") is not flag
    assert game.session.number == (3 if flag else 1)


def test_a_mode_given_offers_only_a_session_of_that_mode(store: Store, bank: Bank) -> None:
    store.set_default_profile("ada")
    paused_session(store, bank, mode="practice")
    player = Player()
    game = GameSetup(bank, Settings(mode=Mode.TEST), mode_given=True, store=store).run(player)
    assert player.shown == []
    assert isinstance(game, Game) and not game.resumed and game.session.mode is Mode.TEST


def test_a_session_that_cannot_be_resumed_is_said_and_a_new_game_starts(
        store: Store, bank: Bank) -> None:
    store.set_default_profile("ada")
    paused_session(store, bank)
    seed = load_bank(SEED_BANK / "bank.yaml")
    changed = dataclasses.replace(bank, questions=seed.playable()[10:12])  # all gone
    player = Player(True, "practice")
    game = setup(changed, store).run(player)
    notes = [s for s in player.shown if isinstance(s, Note)]
    assert len(notes) == 1 and notes[0].text.startswith("Cannot resume: ")
    assert player.asked() == [AskResume, AskMode]
    assert isinstance(game, Game) and not game.resumed


# -- mode and questions --------------------------------------------------------------


def test_nothing_due_in_review(store: Store, bank: Bank) -> None:
    store.set_default_profile("ada")
    given = GameSetup(bank, Settings(mode=Mode.REVIEW), mode_given=True, store=store)
    assert isinstance(given.run(Player()), NothingDue)
    player = Player("review")
    assert isinstance(setup(bank, store).run(player), NothingDue)
    (ask,) = player.shown
    assert ask == AskMode(progress=True, due=0)


def test_the_mode_question_counts_what_is_due_and_review_plays_it(store: Store,
                                                                 bank: Bank) -> None:
    store.set_default_profile("ada")
    missed = bank.questions[1]
    rec = store.recorder("ada", bank_path=bank.path)
    rec.session_started(SessionInfo(bank.id, bank.title, "practice", "ada", 1, ()))
    rec.save([_attempt_for(missed, 1, "practice", correct=False)])
    rec.close()
    player = Player("review")
    game = GameSetup(bank, Settings(shuffle=True), store=store).run(player)
    assert player.shown == [AskMode(progress=True, due=1)]
    assert isinstance(game, Game)
    assert game.session.mode is Mode.REVIEW and not game.session.settings.shuffle
    assert game.session.total == 1 and game.session.current.id == missed.id


def test_backing_out_of_the_mode_question_gives_no_game(store: Store, bank: Bank) -> None:
    assert setup(bank, store, profile="ada").run(Player(None)) is None


def test_a_front_end_that_cannot_ask_the_mode_plays_the_settings_mode(store: Store,
                                                                     bank: Bank) -> None:
    player = Player()
    game = setup(bank, store, profile="ada", ask_mode=False).run(player)
    assert player.shown == []
    assert isinstance(game, Game) and game.session.mode is Mode.PRACTICE


def test_without_a_store_answers_go_to_the_recorder(bank: Bank) -> None:
    recorder = MemoryRecorder()
    player = Player("test")
    game = setup(bank, None, recorder=recorder, profile="ada").run(player)
    assert player.shown == [AskMode(progress=False, due=None)]
    assert isinstance(game, Game) and game.session.profile == "ada" and game.leeches == {}
    game.session.skip()
    assert len(recorder.attempts) == 1


def test_the_game_knows_this_banks_leeches(store: Store, clock: Clock, bank: Bank) -> None:
    q = bank.questions[0]
    rec = _recorder(store, (q.id,))  # profile ada, on a bank of another id
    for n in range(1, review.LEECH_LAPSES + 2):
        rec.save([_attempt_for(q, n, "review", correct=False)])
        clock.tick(hours=1)
    assert store.leeches("ada")
    game = setup(bank, store, profile="ada", ask_mode=False).run(Player())
    assert isinstance(game, Game) and game.leeches == {}  # another bank's
    mine = dataclasses.replace(bank, id=store.leeches("ada")[0].bank_id)
    game = setup(mine, store, profile="ada", ask_mode=False).run(Player())
    assert isinstance(game, Game) and game.leeches == {q.id: review.LEECH_LAPSES}


def test_the_async_driver_takes_the_same_steps(store: Store, bank: Bank) -> None:
    shown: list[Step] = []
    answers = iter(["Mina", "cram"])

    async def answer(step: Step) -> Any:
        shown.append(step)
        await asyncio.sleep(0)  # a screen the front end awaits
        return next(answers)

    game = asyncio.run(setup(bank, store).run_async(answer))
    assert [type(s) for s in shown] == [AskProfile, AskMode]
    assert isinstance(game, Game) and game.session.mode is Mode.CRAM
    assert game.session.profile == "Mina"


# -- settings from a request -----------------------------------------------------------


@pytest.mark.parametrize("mode", list(Mode))
def test_review_and_cram_are_never_shuffled(mode: Mode) -> None:
    s = settings_for(PlayRequest(mode=str(mode), seed=3, time_limit=9.0))
    assert s.mode is mode and (s.seed, s.time_limit) == (3, 9.0)
    assert s.shuffle is (mode in (Mode.PRACTICE, Mode.TEST))
    assert with_mode(Settings(shuffle=True), mode).shuffle is s.shuffle


def test_in_order_and_no_mode() -> None:
    s = settings_for(PlayRequest(in_order=True))
    assert s.mode is Mode.PRACTICE and not s.shuffle
    assert not with_mode(s, Mode.TEST).shuffle


# -- the bank list: one entry per bank, and known banks without the loader ----------------


def test_an_identical_copy_of_a_bank_is_listed_once(tmp_path, monkeypatch) -> None:
    import shutil

    from quiz import paths
    from quiz.bank.catalog import find_banks
    from tests.conftest import SEED_BANK

    installed = tmp_path / "installed"
    shutil.copytree(SEED_BANK, installed / SEED_BANK.name)
    work = tmp_path / "work"
    shutil.copytree(SEED_BANK, work / "questions" / SEED_BANK.name)
    monkeypatch.setattr(paths, "bundled_banks_dir", lambda: installed)
    monkeypatch.chdir(work)
    assert [e.origin for e in find_banks()] == ["bundled"]
    # An edited copy is another bank: both are listed.
    yaml_file = work / "questions" / SEED_BANK.name / "bank.yaml"
    yaml_file.write_text(yaml_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert [e.origin for e in find_banks()] == ["bundled", "local"]


def test_known_banks_are_listed_without_the_loader(tmp_path) -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = ("import sys\nfrom quiz.bank.catalog import listed_from_summaries\n"
            "e = listed_from_summaries()\n"
            "print(e and len(e), 'quiz.bank.load' in sys.modules, 'yaml' in sys.modules)\n")
    env = {**__import__("os").environ, "QUIZ_HOME": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           cwd=ROOT, env=env, check=True).stdout.split()
    assert first[0] == "None"  # never listed: nothing to go on yet
    subprocess.run([sys.executable, "-c", "from quiz.bank.catalog import find_banks; "
                    "find_banks()"], cwd=ROOT, env=env, check=True)
    listed, loader, yaml = subprocess.run([sys.executable, "-c", code], capture_output=True,
                                          text=True, cwd=ROOT, env=env,
                                          check=True).stdout.split()
    assert int(listed) >= 1 and loader == "False" and yaml == "False"
