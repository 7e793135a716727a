"""Continue an unfinished session from the store, at the next unanswered question.

The session row holds the engine snapshot committed together with each
answer, so it always agrees with the answers stored: the engine is restored
from it as it is, and moved on past an answer whose feedback was showing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.play.answers import AnswerContext
from quiz.play.engine import Engine, EngineError, State
from quiz.play.session import PlaySession
from quiz.store.progress import Store, StoreError

if TYPE_CHECKING:
    from quiz.bank.model import Bank


def resume_session(store: Store, bank: Bank, session_id: int, profile: str, *,
                   bank_path: str = "") -> PlaySession:
    """A :class:`PlaySession` that goes on with session ``session_id``.

    Raises :class:`StoreError` (after setting the session aside) when none of
    its questions is left in the bank.
    """
    point = store.resume_point(session_id)
    try:
        engine = Engine.restore(bank.playable(include_drafts=True), point.snapshot,
                                AnswerContext.for_bank(bank))
    except EngineError as exc:
        store.abandon(session_id)
        raise StoreError(f"that session can no longer be resumed: {exc}") from None
    if engine.state is State.FEEDBACK:
        engine.advance()  # its answer was seen; resume at the next question
    recorder = store.recorder(profile, bank_path=bank_path or point.session.bank_path,
                              resume_id=session_id)
    return PlaySession(engine, recorder, bank=bank, profile=profile, resumed=True)
