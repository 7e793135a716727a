"""PlaySession: every answer reaches the recorder before play can go on."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from quiz.bank.model import Bank, Source
from quiz.play.engine import Attempt, EngineError, Mode, Settings, State
from quiz.play.session import MemoryRecorder, NullRecorder, PlaySession
from tests.test_engine import make_questions, right_answer


def make_bank() -> Bank:
    qs = make_questions()
    qs[2].status = "draft"  # co-heads
    return Bank("liaison", "Liaison Office", Source("article.txt", "Liaison Office"), qs,
                Path("bank.yaml"))


class StrictRecorder(MemoryRecorder):
    """Checks, while recording, that the answer has not yet been handed back."""

    def __init__(self, session_ref: list[PlaySession]) -> None:
        super().__init__()
        self.ref = session_ref
        self.seen_pending: list[bool] = []

    def save(self, attempts: Sequence[Attempt], snapshot: dict[str, Any]) -> None:
        if attempts:
            session = self.ref[0]
            # The attempt is still queued in the engine: the session has not returned yet.
            self.seen_pending.append(session.engine.pending == list(attempts))
        super().save(attempts, snapshot)


class FlakyRecorder(MemoryRecorder):
    def __init__(self) -> None:
        super().__init__()
        self.fail = False

    def save(self, attempts: Sequence[Attempt], snapshot: dict[str, Any]) -> None:
        if self.fail:
            raise OSError("disk full")
        super().save(attempts, snapshot)


def test_from_bank_plays_approved_questions_unless_drafts_asked_for() -> None:
    bank = make_bank()
    assert PlaySession.from_bank(bank, Settings(shuffle=False)).total == 5
    assert PlaySession.from_bank(bank, Settings(), include_drafts=True).total == 6


def test_session_start_and_finish_are_reported_once() -> None:
    rec = MemoryRecorder()
    s = PlaySession.from_bank(make_bank(), Settings(seed=5, mode=Mode.TEST), rec,
                              profile="ada")
    info = rec.started[0]
    assert (info.bank_id, info.mode, info.profile, info.seed) == ("liaison", "test", "ada", 5)
    assert list(info.question_ids) == [q.id for q in s.engine.questions]
    assert info.settings["mode"] == "test" and not info.resumed
    while s.state is not State.FINISHED:
        s.answer(right_answer(s.current))
        s.advance()
    assert len(rec.finished) == 1 and rec.finished[0].correct == 5
    s.finish()
    assert len(rec.finished) == 1


def test_each_answer_is_recorded_before_it_returns() -> None:
    ref: list[PlaySession] = []
    rec = StrictRecorder(ref)
    s = PlaySession(PlaySession.from_bank(make_bank(), Settings(shuffle=False)).engine, rec)
    ref.append(s)
    s.answer("wrong")  # a non-final try is recorded too
    assert len(rec.attempts) == 1 and not s.engine.pending
    s.answer("16 June 2020")
    assert len(rec.attempts) == 2 and not s.engine.pending
    s.advance()
    s.skip()
    assert len(rec.attempts) == 3
    assert rec.seen_pending == [True, True, True]
    assert [a.kind for a in rec.attempts] == ["answer", "answer", "skip"]


class CallLog(MemoryRecorder):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[list[Attempt], dict[str, Any]]] = []

    def save(self, attempts: Sequence[Attempt], snapshot: dict[str, Any]) -> None:
        self.calls.append((list(attempts), snapshot))
        super().save(attempts, snapshot)


def test_an_answer_is_saved_in_one_call_with_the_state_after_it() -> None:
    rec = CallLog()
    s = PlaySession.from_bank(make_bank(), Settings(shuffle=False), rec)
    for act in (lambda: s.answer("wrong"), lambda: s.answer("16 June 2020")):
        before = len(rec.calls)
        act()
        ((attempts, snapshot),) = rec.calls[before:]  # one save, not an attempt then a state
        assert [a.seq for a in attempts] == [snapshot["seq"]]
        assert snapshot == s.snapshot() and snapshot["pending"] == []
    assert rec.calls[-1][1]["state"] == "feedback"
    s.advance()
    s.hint()  # a hint changes the state without an attempt: saved on its own
    attempts, snapshot = rec.calls[-1]
    assert attempts == [] and snapshot["current"]["hints_used"] == 1


def test_a_failed_write_blocks_the_next_question_until_it_succeeds() -> None:
    rec = FlakyRecorder()
    s = PlaySession.from_bank(make_bank(), Settings(shuffle=False), rec)
    rec.fail = True
    with pytest.raises(OSError):
        s.answer("16 June 2020")
    assert len(s.engine.pending) == 1  # kept for another go, not lost
    with pytest.raises(OSError):
        s.advance()
    assert s.current.id == "demolished"  # the next question was not shown
    rec.fail = False
    assert s.advance() is State.ASKING
    assert s.current.id == "rep"
    assert [(a.seq, a.question_id, a.correct) for a in rec.attempts] == [
        (1, "demolished", True),
    ]


def test_hint_and_views_pass_through() -> None:
    s = PlaySession.from_bank(make_bank(), Settings(shuffle=False))
    assert s.available_points() == 200 and s.next_hint_cost() == 150
    step = s.hint()
    assert step.available == 150 and s.hints_used == 1
    assert s.options() == [] and s.hint_steps() == 3
    assert s.running_score() == 0 and s.tries_left == 2


def test_checkpoints_allow_resuming_where_play_stopped() -> None:
    rec = MemoryRecorder()
    bank = make_bank()
    s = PlaySession.from_bank(bank, Settings(seed=21), rec)
    s.answer(right_answer(s.current))
    s.advance()
    s.hint()
    last = json.loads(json.dumps(rec.snapshots[-1]))
    assert last == s.snapshot()

    rec2 = MemoryRecorder()
    resumed = PlaySession.resume(bank, last, rec2)
    assert rec2.started[0].resumed
    assert resumed.current.id == s.current.id and resumed.hints_used == 1
    assert resumed.results().score == s.results().score
    out = resumed.answer(right_answer(resumed.current))
    assert out.final and rec2.attempts[-1].seq == 2  # numbering continues


def test_unrecorded_attempts_in_a_snapshot_are_recorded_on_resume() -> None:
    bank = make_bank()
    rec = FlakyRecorder()
    s = PlaySession.from_bank(bank, Settings(shuffle=False), rec)
    rec.fail = True
    with pytest.raises(OSError):
        s.answer("16 June 2020")
    snap = s.snapshot()  # the process dies here, with one attempt unsaved
    rec2 = MemoryRecorder()
    PlaySession.resume(bank, snap, rec2)
    assert [a.question_id for a in rec2.attempts] == ["demolished"]


def test_finish_early_reports_results() -> None:
    rec = MemoryRecorder()
    s = PlaySession.from_bank(make_bank(), Settings(shuffle=False), rec)
    s.answer("16 June 2020")
    results = s.finish()
    assert s.finished and results.finished_early and results.unanswered == 4
    assert rec.finished == [results]
    with pytest.raises(EngineError):
        s.answer("x")


def test_null_recorder_accepts_everything() -> None:
    s = PlaySession.from_bank(make_bank(), Settings(shuffle=False), NullRecorder())
    s.answer("16 June 2020")
    s.advance()
    assert s.results().score == 200
