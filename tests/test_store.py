"""The progress store: durable answers, resume, profiles, edits that keep history, review."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from quiz import paths
from quiz.bank.load import load_bank
from quiz.bank.model import Bank, Question
from quiz.play.engine import Attempt, Mode, Settings, State
from quiz.play.resume import resume_session
from quiz.play.session import PlaySession, SessionInfo
from quiz.store import review
from quiz.store.progress import Store, StoreError, StoreRecorder
from tests.conftest import SEED_BANK, Clock


@pytest.fixture(scope="module")
def seed_bank() -> Bank:
    return load_bank(SEED_BANK / "bank.yaml")


def right(q: Question) -> object:
    return q.items if q.type == "order" else q.answer


def wrong(session: PlaySession, q: Question) -> object:
    if q.type == "truefalse":
        return not q.answer
    if q.type == "choice":
        return next(o for o in session.options(q) if o != q.answer)
    if q.type == "multi":
        return [o for o in session.options(q) if o not in q.answer][:1]
    if q.type == "order":
        return list(reversed(q.items))
    return "certainly not this 0000"


def small_bank(bank: Bank, n: int = 5) -> Bank:
    """The seed bank cut to ``n`` questions (fast sessions)."""
    return dataclasses.replace(bank, questions=bank.playable()[:n])


def new_session(store: Store, bank: Bank, profile: str = "ada", **settings) -> PlaySession:
    settings.setdefault("shuffle", False)
    return PlaySession.from_bank(bank, Settings(**settings),
                                 store.recorder(profile, bank_path=bank.path), profile=profile)


def other_connection(store: Store) -> sqlite3.Connection:
    assert store.path is not None
    return sqlite3.connect(store.path)


# -- the database file -------------------------------------------------------


def test_the_database_lives_in_the_data_dir_with_wal_full_sync_and_a_busy_timeout(
        store: Store) -> None:
    assert store.path == paths.data_dir() / "progress.db"
    assert store.path.is_file()
    c = store.conn
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert c.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert c.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert c.execute("PRAGMA user_version").fetchone()[0] == 4
    assert store.notices == []


def test_quiz_home_moves_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZ_HOME", str(tmp_path / "class"))
    with Store.open() as s:
        assert s.path == tmp_path / "class" / "data" / "progress.db"


# -- recording ---------------------------------------------------------------


def test_each_answer_is_committed_before_the_session_goes_on(store: Store,
                                                             seed_bank: Bank) -> None:
    s = new_session(store, small_bank(seed_bank))
    seen = other_connection(store)
    for n in range(1, 4):
        q = s.current
        s.answer(right(q), seconds=2.5)
        # Another connection (another process) already sees it: it is committed.
        rows = seen.execute("SELECT question_id, correct, points, seconds FROM attempts "
                            "ORDER BY seq").fetchall()
        assert len(rows) == n
        assert rows[-1][0] == q.id and rows[-1][1] == 1 and rows[-1][2] > 0
        assert rows[-1][3] == 2.5
        s.advance()
    seen.close()


def test_an_attempt_row_holds_everything_the_issue_lists(store: Store, seed_bank: Bank) -> None:
    bank = small_bank(seed_bank)
    s = new_session(store, bank)
    q = s.current
    s.hint()
    s.answer(right(q), seconds=4.0)
    (a,) = store.attempts(profile="ada")
    assert (a.bank_id, a.question_id, a.content_hash, a.answer_hash) == (
        bank.id, q.id, q.content_hash, q.answer_hash)
    assert a.given == right(q) and a.correct and a.hints_used == 1
    assert a.seconds == 4.0 and a.points == s.running_score() and a.at == store.now()


def _attempt(seq: int, qid: str = "q1", try_number: int = 1, kind: str = "answer",
             correct: bool = True, final: bool = True, mode: str = "practice") -> Attempt:
    return Attempt(seq=seq, question_id=qid, content_hash="c" + qid, answer_hash="a" + qid,
                   section="Intro", difficulty=1, mode=mode, position=seq - 1,
                   try_number=try_number, kind=kind, given="x", correct=correct,
                   partial=1.0 if correct else 0.0, points=100 if correct else 0, bonus=0,
                   hints_used=0, seconds=1.0, final=final)


def _recorder(store: Store, qids=("q1", "q2", "q3")) -> StoreRecorder:
    rec = store.recorder("ada")
    rec.session_started(SessionInfo("b", "B", "practice", "ada", 1, tuple(qids)))
    return rec


def test_recording_the_same_attempt_twice_stores_it_once(store: Store) -> None:
    rec = _recorder(store)
    rec.save([_attempt(1)])
    rec.save([_attempt(1)])  # a retry, or an attempt a resumed snapshot still queued
    assert len(store.attempts()) == 1
    assert store.review_rows("ada")[("b", "q1")].reps == 1  # scheduled once, too


def test_a_clashing_sequence_number_keeps_both_answers(store: Store) -> None:
    rec = _recorder(store)
    rec.save([_attempt(1, "q1")])
    rec.save([_attempt(1, "q2")])
    assert [(a.seq, a.question_id) for a in store.attempts()] == [(1, "q1"), (2, "q2")]


def test_attempts_are_append_only(store: Store) -> None:
    rec = _recorder(store)
    rec.save([_attempt(1)])
    for sql in ("UPDATE attempts SET correct = 0", "DELETE FROM attempts"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            store.conn.execute(sql)
    assert store.attempts()[0].correct


def test_a_failed_write_leaves_the_answer_queued_and_play_cannot_go_on(
        store: Store, seed_bank: Bank) -> None:
    s = new_session(store, small_bank(seed_bank))
    hold = other_connection(store)
    hold.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    store.conn.execute("PRAGMA busy_timeout = 50")
    with pytest.raises(sqlite3.OperationalError):
        s.answer(right(s.current))
    with pytest.raises(sqlite3.OperationalError):
        s.advance()  # never shows the next question with an answer unsaved
    hold.rollback()
    hold.close()
    assert s.advance() is State.ASKING  # the queued answer is written first
    assert len(store.attempts()) == 1


# -- profiles ----------------------------------------------------------------


def test_profiles_are_created_once_and_the_default_is_remembered(clock: Clock) -> None:
    with Store.open(now=clock) as s:
        assert s.default_profile() is None
        a = s.get_or_create_profile("Ada")
        assert s.get_or_create_profile("  ada ").id == a.id  # case and spaces don't matter
        s.set_default_profile("Grace Hopper")
        assert [p.name for p in s.profiles()] == ["Ada", "Grace Hopper"]
    with Store.open(now=clock) as s:
        assert s.default_profile() == "Grace Hopper"


@pytest.mark.parametrize("name", ["", "   ", "x" * 41, "bad\x1b[2Jname", "rtl\u202ename"])
def test_bad_profile_names_are_refused(store: Store, name: str) -> None:
    with pytest.raises(StoreError):
        store.get_or_create_profile(name)
    assert store.profiles() == []


def test_profiles_keep_their_progress_apart(store: Store, seed_bank: Bank) -> None:
    bank = small_bank(seed_bank)
    for who in ("ada", "grace"):
        s = new_session(store, bank, who)
        s.answer(right(s.current))
        s.finish()
    assert [a.profile for a in store.attempts(profile="ada")] == ["ada"]
    assert len(store.review_rows("grace")) == 1
    assert store.unfinished_sessions("ada")[0].profile == "ada"


# -- resume ------------------------------------------------------------------


def _play(s: PlaySession, n: int, answer=right) -> None:
    for _ in range(n):
        s.answer(answer(s.current))
        s.advance()


def test_quit_then_resume_continues_at_the_next_question_with_the_score(
        store: Store, seed_bank: Bank) -> None:
    bank = small_bank(seed_bank)
    s = new_session(store, bank)
    _play(s, 2)
    s.answer(wrong(s, s.current))  # practice: a wrong first try leaves the question open
    s.answer(right(s.current))
    score, third = s.running_score(), s.current.id
    s.finish()  # the player typed q
    (row,) = store.unfinished_sessions("ada")
    assert row.status == "paused" and row.answered == 3 and row.points == score

    r = resume_session(store, bank, row.id, "ada")
    assert r.state is State.ASKING
    assert r.number == 4 and r.current.id == bank.questions[3].id
    assert r.running_score() == score
    assert third not in [q.id for q in (r.current,)]
    _play(r, 2)
    assert r.state is State.FINISHED
    assert store.session(row.id).status == "finished"
    assert store.unfinished_sessions("ada") == []
    assert [a.seq for a in store.attempts(session_id=row.id)] == [1, 2, 3, 4, 5, 6]


def test_a_killed_session_is_offered_and_resumed(clock: Clock, seed_bank: Bank) -> None:
    bank = small_bank(seed_bank)
    s1 = Store.open(now=clock)
    s = new_session(s1, bank)
    _play(s, 2)
    s.answer(right(s.current))  # answered, feedback showing, then the process dies
    score = s.running_score()
    s1.conn.close()  # no finish(), no goodbye
    s.recorder.close()  # the kernel would drop the session lock

    with Store.open(now=clock) as s2:
        (row,) = s2.unfinished_sessions("ada")
        assert row.status == "active"
        r = resume_session(s2, bank, row.id, "ada")
        assert (r.number, r.running_score()) == (4, score)


def test_an_answer_and_the_snapshot_after_it_are_one_commit(store: Store,
                                                             seed_bank: Bank) -> None:
    """No moment exists where the answer is stored but the snapshot is not (or the reverse)."""
    bank = small_bank(seed_bank)
    s = new_session(store, bank)
    _play(s, 1)
    seen = other_connection(store)
    store.conn.execute("CREATE TEMP TRIGGER no_snapshot BEFORE UPDATE OF snapshot ON sessions "
                       "BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    with pytest.raises(sqlite3.IntegrityError, match="disk full"):
        s.answer(right(s.current))
    assert seen.execute("SELECT COUNT(*) FROM attempts").fetchone()[0] == 1  # rolled back too
    assert len(s.engine.pending) == 1  # still queued for the next save
    store.conn.execute("DROP TRIGGER no_snapshot")
    s.advance()
    snapshot = json.loads(seen.execute("SELECT snapshot FROM sessions").fetchone()[0])
    assert [a.seq for a in store.attempts()] == [1, 2] and snapshot["seq"] == 2
    assert snapshot["pending"] == []  # saved with the snapshot, not queued in it
    seen.close()


def test_a_session_being_played_elsewhere_is_not_offered(store: Store, seed_bank: Bank) -> None:
    s = new_session(store, small_bank(seed_bank))
    _play(s, 1)
    assert store.unfinished_sessions("ada") == []  # its player still holds it
    s.recorder.close()
    assert len(store.unfinished_sessions("ada")) == 1


def test_resuming_a_session_held_by_another_process_is_refused(store: Store,
                                                              seed_bank: Bank) -> None:
    bank = small_bank(seed_bank)
    s = new_session(store, bank)
    _play(s, 1)
    with pytest.raises(StoreError, match="another window"):
        resume_session(store, bank, s.recorder.session_id, "ada")


def test_quitting_before_any_answer_leaves_nothing_to_resume(store: Store,
                                                            seed_bank: Bank) -> None:
    s = new_session(store, small_bank(seed_bank))
    s.finish()
    assert store.unfinished_sessions("ada") == []
    assert store.sessions("ada")[0].status == "abandoned"


def test_starting_over_abandons_the_old_session(store: Store, seed_bank: Bank) -> None:
    s = new_session(store, small_bank(seed_bank))
    _play(s, 1)
    s.finish()
    (row,) = store.unfinished_sessions("ada")
    store.abandon(row.id)
    assert store.unfinished_sessions("ada") == []
    assert len(store.attempts()) == 1  # its answers stay in the history


def test_resume_skips_questions_removed_from_the_bank(store: Store, seed_bank: Bank) -> None:
    bank = small_bank(seed_bank)
    s = new_session(store, bank)
    _play(s, 2)
    s.finish()
    (row,) = store.unfinished_sessions("ada")
    edited = dataclasses.replace(bank, questions=[q for i, q in enumerate(bank.questions)
                                                  if i != 2])
    r = resume_session(store, edited, row.id, "ada")
    assert r.current.id == bank.questions[3].id and r.total == 4


def test_a_session_whose_questions_are_all_gone_is_set_aside(store: Store,
                                                            seed_bank: Bank) -> None:
    bank = small_bank(seed_bank)
    s = new_session(store, bank)
    _play(s, 1)
    s.finish()
    (row,) = store.unfinished_sessions("ada")
    gone = dataclasses.replace(bank, questions=seed_bank.playable()[10:12])
    with pytest.raises(StoreError, match="no longer be resumed"):
        resume_session(store, gone, row.id, "ada")
    assert store.unfinished_sessions("ada") == []


# -- edits keep history --------------------------------------------------------


def _one_question_bank(bank: Bank, q: Question) -> Bank:
    return dataclasses.replace(bank, questions=[q])


def _answer_once(store: Store, bank: Bank, correct: bool, mode: str = "practice") -> None:
    s = new_session(store, bank, mode=Mode(mode), max_tries=1)
    q = s.current
    s.answer(right(q) if correct else wrong(s, q))
    s.advance()


def test_a_reworded_prompt_keeps_history_and_schedule(store: Store, clock: Clock,
                                                      seed_bank: Bank) -> None:
    q = seed_bank.playable()[0]
    bank = _one_question_bank(seed_bank, q)
    _answer_once(store, bank, True)
    before = store.review_rows("ada")[(bank.id, q.id)]
    reworded = dataclasses.replace(q, prompt=q.prompt + " (reworded)")
    assert reworded.content_hash != q.content_hash and reworded.answer_hash == q.answer_hash
    clock.tick(days=30)
    _answer_once(store, _one_question_bank(seed_bank, reworded), True)
    after = store.review_rows("ada")[(bank.id, q.id)]
    assert [a.content_hash for a in store.attempts(question_id=q.id)] == [
        q.content_hash, reworded.content_hash]
    assert after.reps == before.reps + 1  # the schedule went on
    assert after.content_hash == reworded.content_hash
    assert after.due - clock.t > before.due - before.last_review  # interval grew


def test_a_changed_answer_keeps_history_but_restarts_the_schedule(store: Store, clock: Clock,
                                                                  seed_bank: Bank) -> None:
    q = next(q for q in seed_bank.playable() if q.type == "text")
    bank = _one_question_bank(seed_bank, q)
    for _ in range(3):
        _answer_once(store, bank, True)
        clock.tick(days=10)
    assert store.review_rows("ada")[(bank.id, q.id)].reps == 3
    changed = dataclasses.replace(q, accept=[*q.accept, "another accepted form"])
    assert changed.answer_hash != q.answer_hash
    cbank = _one_question_bank(seed_bank, changed)
    # Until it is answered again, the changed question is due at once.
    assert store.due_questions("ada", [cbank]) == [(cbank, changed)]
    _answer_once(store, cbank, True)
    row = store.review_rows("ada")[(bank.id, q.id)]
    assert row.reps == 1 and row.answer_hash == changed.answer_hash
    assert len(store.attempts(question_id=q.id)) == 4  # nothing was wiped


def test_a_removed_question_keeps_its_history(store: Store, seed_bank: Bank) -> None:
    bank = small_bank(seed_bank, 3)
    s = new_session(store, bank)
    _play(s, 3)
    gone = bank.questions[1]
    trimmed = dataclasses.replace(bank, questions=[bank.questions[0], bank.questions[2]])
    assert len(store.attempts(question_id=gone.id)) == 1
    assert (bank.id, gone.id) in store.review_rows("ada")
    # It is simply not offered any more.
    assert gone not in store.weakest_first("ada", trimmed)
    assert all(q.id != gone.id for _b, q in store.due_questions(
        "ada", [trimmed], until=store.now() + timedelta(days=400)))


# -- review, cram, leeches -----------------------------------------------------


def test_missed_questions_are_due_today_and_right_ones_later(store: Store,
                                                            seed_bank: Bank) -> None:
    bank = small_bank(seed_bank, 4)
    s = new_session(store, bank, max_tries=1)
    missed = []
    for i in range(4):
        q = s.current
        s.answer(right(q) if i % 2 else wrong(s, q))
        if i % 2 == 0:
            missed.append(q.id)
        s.advance()
    due = store.due_questions("ada", [bank])
    assert [q.id for _b, q in due] == missed
    later = store.due_questions("ada", [bank], until=store.now() + timedelta(days=30))
    assert len(later) == 4


def test_unseen_questions_are_not_due(store: Store, seed_bank: Bank) -> None:
    assert store.due_questions("ada", [seed_bank]) == []


def test_hints_or_a_retry_make_a_right_answer_hard_not_good() -> None:
    assert review.rating_for(True, 1, 0) == review.GOOD
    assert review.rating_for(True, 1, 2) == review.HARD
    assert review.rating_for(True, 2, 0) == review.HARD
    assert review.rating_for(False, 1, 0) == review.AGAIN


def test_cram_does_not_touch_the_schedule(store: Store, seed_bank: Bank) -> None:
    bank = small_bank(seed_bank, 2)
    _answer_once(store, _one_question_bank(seed_bank, bank.questions[0]), False)
    before = store.review_rows("ada")
    rec = store.recorder("ada")
    rec.session_started(SessionInfo(bank.id, bank.title, "cram", "ada", 1, ()))
    for seq, q in enumerate(bank.questions, 1):
        rec.save([_attempt_for(q, seq, "cram")])
    assert store.review_rows("ada") == before
    assert len(store.attempts(profile="ada")) == 3


def _attempt_for(q: Question, seq: int, mode: str, correct: bool = True) -> Attempt:
    return Attempt(seq=seq, question_id=q.id, content_hash=q.content_hash,
                   answer_hash=q.answer_hash, section=q.section, difficulty=q.difficulty,
                   mode=mode, position=0, try_number=1, kind="answer", given=None,
                   correct=correct, partial=float(correct), points=0, bonus=0, hints_used=0,
                   seconds=None, final=True)


def test_weakest_first_puts_misses_then_unseen_then_known(store: Store, seed_bank: Bank) -> None:
    bank = small_bank(seed_bank, 5)
    qs = bank.questions
    rec = store.recorder("ada")
    rec.session_started(SessionInfo(bank.id, bank.title, "practice", "ada", 1, ()))
    seq = iter(range(1, 100))
    # q0: right; q1: wrong twice; q2: right then wrong; q3, q4: never seen.
    for q, results in ((qs[0], [True]), (qs[1], [False, False]), (qs[2], [True, False])):
        for ok in results:
            rec.save([_attempt_for(q, next(seq), "practice", ok)])
    order = [q.id for q in store.weakest_first("ada", bank)]
    assert order == [qs[1].id, qs[2].id, qs[3].id, qs[4].id, qs[0].id]


def test_a_question_missed_again_and_again_becomes_a_leech(store: Store, clock: Clock,
                                                           seed_bank: Bank) -> None:
    q = seed_bank.playable()[0]
    rec = _recorder(store, (q.id,))
    for n in range(1, review.LEECH_LAPSES + 2):
        rec.save([_attempt_for(q, n, "review", correct=False)])
        clock.tick(hours=1)
        leeches = store.leeches("ada")
        # The first miss is a first sight, not a lapse.
        assert bool(leeches) == (n - 1 >= review.LEECH_LAPSES)
    (leech,) = store.leeches("ada")
    assert leech.question_id == q.id and leech.lapses == review.LEECH_LAPSES


def test_a_late_answer_is_kept_as_a_timeout_and_not_asked_again(store: Store,
                                                                 seed_bank: Bank) -> None:
    bank = small_bank(seed_bank, 3)
    s = new_session(store, bank, time_limit=10.0)
    out = s.answer(right(s.current), seconds=25.0)  # typed after the limit: a timeout
    assert out.timed_out
    s.recorder.close()  # the process dies with the feedback showing
    (row,) = store.unfinished_sessions("ada")
    r = resume_session(store, bank, row.id, "ada")
    assert r.number == 2
    (a,) = store.attempts(session_id=row.id)
    assert a.kind == "timeout" and a.given == right(bank.questions[0])


def test_lock_files_of_sessions_that_are_over_are_removed(store: Store, seed_bank: Bank) -> None:
    locks = store.path.parent / "locks"
    bank = small_bank(seed_bank, 2)
    s = new_session(store, bank)
    _play(s, 1)
    s.finish()  # paused: its lock file stays for the next resume
    assert len(list(locks.iterdir())) == 1
    r = resume_session(store, bank, s.recorder.session_id, "ada")
    _play(r, 1)  # finished
    assert list(locks.iterdir()) == []


def test_review_is_one_try_with_hints_and_cram_plays_like_practice() -> None:
    review_mode, cram = Settings(mode=Mode.REVIEW), Settings(mode=Mode.CRAM)
    assert (review_mode.tries, review_mode.hints, review_mode.reveal) == (1, True, True)
    assert (cram.tries, cram.hints, cram.reveal) == (2, True, True)
