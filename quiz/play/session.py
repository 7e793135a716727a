"""One play session: an :class:`~quiz.play.engine.Engine` bound to a :class:`Recorder`.

This is the one way front ends play (the TUI, plain mode, tests, later the
classroom server), so "answer -> saved -> next" is written once: every try,
skip or timeout is handed to the recorder, and the recorder has returned,
before the call that produced it returns; and ``advance`` refuses to show the
next question while anything is still unrecorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from quiz.bank.model import Bank, Question
from quiz.play.engine import (
    AnswerOutcome,
    Attempt,
    Engine,
    HintStep,
    Mode,
    Results,
    Settings,
    State,
)


@dataclass(frozen=True)
class SessionInfo:
    """What a recorder learns when a session starts."""

    bank_id: str
    bank_title: str
    mode: str
    profile: str | None
    seed: int
    question_ids: tuple[str, ...]  # in play order
    settings: dict[str, Any] = field(default_factory=dict)
    resumed: bool = False


class Recorder(Protocol):
    """Where attempts go. The progress store implements this; raise to refuse."""

    def session_started(self, info: SessionInfo) -> None: ...

    def record(self, attempt: Attempt) -> None:
        """Persist one attempt durably before returning."""
        ...

    def checkpoint(self, snapshot: dict[str, Any]) -> None:
        """The engine state after a change (hint, answer, advance), to resume from."""
        ...

    def session_finished(self, results: Results) -> None: ...


class NullRecorder:
    """Keeps nothing (plays that need no progress, and tests)."""

    def session_started(self, info: SessionInfo) -> None:
        pass

    def record(self, attempt: Attempt) -> None:
        pass

    def checkpoint(self, snapshot: dict[str, Any]) -> None:
        pass

    def session_finished(self, results: Results) -> None:
        pass


class MemoryRecorder(NullRecorder):
    """Keeps everything in lists: handy for tests and for a plain run's summary."""

    def __init__(self) -> None:
        self.started: list[SessionInfo] = []
        self.attempts: list[Attempt] = []
        self.snapshots: list[dict[str, Any]] = []
        self.finished: list[Results] = []

    def session_started(self, info: SessionInfo) -> None:
        self.started.append(info)

    def record(self, attempt: Attempt) -> None:
        self.attempts.append(attempt)

    def checkpoint(self, snapshot: dict[str, Any]) -> None:
        self.snapshots.append(snapshot)

    def session_finished(self, results: Results) -> None:
        self.finished.append(results)


class PlaySession:
    """Drive play through this: it exposes the engine's operations and records each answer.

    Read-only views (``state``, ``current``, ``options()``, ...) come straight
    from the engine; operations that change it go through here.
    """

    def __init__(self, engine: Engine, recorder: Recorder | None = None, *,
                 bank: Bank | None = None, profile: str | None = None,
                 resumed: bool = False) -> None:
        self.engine = engine
        self.recorder: Recorder = recorder if recorder is not None else NullRecorder()
        self.bank = bank
        self.profile = profile
        self._finished_reported = False
        s = engine.settings
        self.recorder.session_started(SessionInfo(
            bank_id=bank.id if bank else "",
            bank_title=bank.title if bank else "",
            mode=str(s.mode),
            profile=profile,
            seed=int(s.seed or 0),
            question_ids=tuple(q.id for q in engine.questions),
            settings=s.to_dict(),
            resumed=resumed,
        ))
        self._flush()  # a resumed engine may carry attempts that were never saved
        self._checkpoint()

    @classmethod
    def from_bank(cls, bank: Bank, settings: Settings | None = None,
                  recorder: Recorder | None = None, *, profile: str | None = None,
                  include_drafts: bool = False,
                  questions: list[Question] | None = None) -> PlaySession:
        """A new session over the bank's playable questions (or ``questions``)."""
        qs = questions if questions is not None else bank.playable(include_drafts)
        return cls(Engine(qs, settings), recorder, bank=bank, profile=profile)

    @classmethod
    def resume(cls, bank: Bank, snapshot: dict[str, Any], recorder: Recorder | None = None,
               *, profile: str | None = None, include_drafts: bool = True) -> PlaySession:
        """Continue a session from a saved ``snapshot()`` of its engine."""
        engine = Engine.restore(bank.playable(include_drafts), snapshot)
        return cls(engine, recorder, bank=bank, profile=profile, resumed=True)

    # -- views --------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self.engine.settings

    @property
    def mode(self) -> Mode:
        return self.engine.mode

    @property
    def state(self) -> State:
        return self.engine.state

    @property
    def current(self) -> Question | None:
        return self.engine.current

    @property
    def position(self) -> int:
        return self.engine.position

    @property
    def number(self) -> int:
        return self.engine.number

    @property
    def total(self) -> int:
        return self.engine.total

    @property
    def last_outcome(self) -> AnswerOutcome | None:
        return self.engine.last_outcome

    @property
    def finished(self) -> bool:
        return self.engine.state is State.FINISHED

    def options(self, question: Question | None = None) -> list[str]:
        return self.engine.options(question)

    def base_points(self, question: Question | None = None) -> int:
        return self.engine.base_points(question)

    def available_points(self) -> int:
        return self.engine.available_points()

    def can_hint(self) -> bool:
        return self.engine.can_hint()

    def hint_steps(self, question: Question | None = None) -> int:
        return self.engine.hint_steps(question)

    @property
    def hints_used(self) -> int:
        return self.engine.hints_used

    @property
    def tries_left(self) -> int:
        return self.engine.tries_left

    def next_hint_cost(self) -> int | None:
        return self.engine.next_hint_cost()

    def running_score(self) -> int | None:
        return self.engine.running_score()

    def results(self) -> Results:
        return self.engine.results()

    def snapshot(self) -> dict[str, Any]:
        return self.engine.snapshot()

    # -- operations ---------------------------------------------------------

    def hint(self) -> HintStep:
        step = self.engine.hint()
        self._checkpoint()
        return step

    def answer(self, given: Any, seconds: float | None = None) -> AnswerOutcome:
        """Check and record an answer; returns only once the recorder has it."""
        outcome = self.engine.answer(given, seconds)
        self._flush()
        self._checkpoint()
        return outcome

    def skip(self, seconds: float | None = None) -> AnswerOutcome:
        outcome = self.engine.skip(seconds)
        self._flush()
        self._checkpoint()
        return outcome

    def time_out(self, seconds: float | None = None) -> AnswerOutcome:
        outcome = self.engine.time_out(seconds)
        self._flush()
        self._checkpoint()
        return outcome

    def advance(self) -> State:
        """Go on to the next question, never before every attempt is recorded."""
        self._flush()  # retries a record that failed earlier; raises if it fails again
        state = self.engine.advance()
        self._checkpoint()
        if state is State.FINISHED:
            self._report_finished()
        return state

    def finish(self) -> Results:
        """End the session (early or not) and report the results to the recorder."""
        self._flush()
        results = self.engine.finish()
        self._checkpoint()
        self._report_finished()
        return results

    # -- internals ----------------------------------------------------------

    def _flush(self) -> None:
        # Pop only after record() returns: a failed write leaves the attempt queued.
        pending = self.engine.pending
        while pending:
            self.recorder.record(pending[0])
            pending.pop(0)

    def _checkpoint(self) -> None:
        self.recorder.checkpoint(self.engine.snapshot())

    def _report_finished(self) -> None:
        if not self._finished_reported:
            self._finished_reported = True
            self.recorder.session_finished(self.engine.results())
