"""Continue an unfinished session from the store, at the next unanswered question.

The session row holds the engine snapshot written after each change. A kill
can fall between an answer's commit and the snapshot that follows it; the
answers committed after the snapshot are then replayed through the engine
(they are deterministic given the same question), so the resumed game has
the right position and the right score, and nothing is asked twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.play.engine import Engine, EngineError, State
from quiz.play.session import PlaySession
from quiz.store.progress import AttemptRow, ResumePoint, Store, StoreError

if TYPE_CHECKING:
    from quiz.bank.model import Bank, Question


def restore_engine(questions: list[Question], point: ResumePoint) -> Engine:
    """The engine as it stood after the last committed attempt, moved on past feedback."""
    engine = Engine.restore(questions, point.snapshot)
    if point.later and not _replay(engine, point.later):
        # The bank changed under the session: play on from the snapshot, but
        # never reuse a sequence number that is already taken.
        snap = dict(point.snapshot, seq=max(int(point.snapshot.get("seq", 0)), point.max_seq))
        engine = Engine.restore(questions, snap)
    engine.pending.clear()  # everything replayed is already stored
    if engine.state is State.FEEDBACK:
        engine.advance()  # its answer was seen; resume at the next question
    return engine


def _replay(engine: Engine, attempts: list[AttemptRow]) -> bool:
    try:
        for a in attempts:
            if engine.state is State.FEEDBACK:
                engine.advance()
            q = engine.current
            if engine.state is not State.ASKING or q is None or q.id != a.question_id:
                return False
            while engine.hints_used < a.hints_used and engine.can_hint():
                engine.hint()
            if a.kind == "skip":
                engine.skip(a.seconds)
            elif a.kind == "timeout" and a.given is None:
                engine.time_out(a.seconds)
            else:  # an answer, or one typed after the time limit (a timeout again)
                engine.answer(a.given, a.seconds)
            made = engine.pending[-1] if engine.pending else None
            if made is None or (made.seq, made.question_id, made.try_number, made.kind) != (
                    a.seq, a.question_id, a.try_number, a.kind):
                return False
    except EngineError:
        return False
    return True


def resume_session(store: Store, bank: Bank, session_id: int, profile: str, *,
                   bank_path: str = "") -> PlaySession:
    """A :class:`PlaySession` that goes on with session ``session_id``.

    Raises :class:`StoreError` (after setting the session aside) when none of
    its questions is left in the bank.
    """
    point = store.resume_point(session_id)
    try:
        engine = restore_engine(bank.playable(include_drafts=True), point)
    except EngineError as exc:
        store.abandon(session_id)
        raise StoreError(f"that session can no longer be resumed: {exc}") from None
    recorder = store.recorder(profile, bank_path=bank_path or point.session.bank_path,
                              resume_id=session_id)
    return PlaySession(engine, recorder, bank=bank, profile=profile, resumed=True)
