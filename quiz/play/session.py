"""One play session: an :class:`~quiz.play.engine.Engine` bound to a :class:`Recorder`.

This is the one way front ends play (the TUI, plain mode, tests, later the
classroom server), so "answer -> saved -> next" is written once: every try,
skip or timeout is handed to the recorder together with the engine state
after it, and the recorder has returned, before the call that produced it
returns; and ``advance`` refuses to show the next question while anything is
still unrecorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from quiz.bank.model import Bank, Question
from quiz.play.answers import AnswerContext
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

    def save(self, attempts: Sequence[Attempt], snapshot: dict[str, Any]) -> None:
        """Persist ``attempts`` (maybe none) and the engine state after them, to resume from.

        Both are kept together, durably, before returning: never the one
        without the other.
        """
        ...

    def session_finished(self, results: Results) -> None: ...


class NullRecorder:
    """Keeps nothing (plays that need no progress, and tests)."""

    def session_started(self, info: SessionInfo) -> None:
        pass

    def save(self, attempts: Sequence[Attempt], snapshot: dict[str, Any]) -> None:
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

    def save(self, attempts: Sequence[Attempt], snapshot: dict[str, Any]) -> None:
        self.attempts.extend(attempts)
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
        self._save()  # a resumed engine may carry attempts that were never saved

    @classmethod
    def from_bank(cls, bank: Bank, settings: Settings | None = None,
                  recorder: Recorder | None = None, *, profile: str | None = None,
                  include_drafts: bool = False,
                  questions: list[Question] | None = None) -> PlaySession:
        """A new session over the bank's playable questions (or ``questions``)."""
        qs = questions if questions is not None else bank.playable(include_drafts)
        return cls(Engine(qs, settings, AnswerContext.for_bank(bank)), recorder, bank=bank,
                   profile=profile)

    @classmethod
    def resume(cls, bank: Bank, snapshot: dict[str, Any], recorder: Recorder | None = None,
               *, profile: str | None = None, include_drafts: bool = True) -> PlaySession:
        """Continue a session from a saved ``snapshot()`` of its engine."""
        engine = Engine.restore(bank.playable(include_drafts), snapshot,
                                AnswerContext.for_bank(bank))
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

    @property
    def wrong_tries(self) -> int:
        """Wrong tries so far on the current question (a retry is being asked if > 0)."""
        q = self.current
        if q is None:
            return 0
        tries = 1 if q.type == "truefalse" else self.settings.tries
        return max(0, tries - self.tries_left)

    def hints_taken(self) -> list[HintStep]:
        """The hint steps already taken on the current question, as they were shown.

        A resumed game shows them again; ``available`` is what the question is
        worth now (later tries may have lowered it since).
        """
        q = self.current
        if q is None or self.state is not State.ASKING:
            return []
        steps = self.hint_steps(q)
        now = self.available_points()
        out = []
        for n in range(1, min(self.hints_used, steps) + 1):
            if n < steps:
                out.append(HintStep(n, steps, q.hints[n - 1], False, (), now))
            else:
                out.append(HintStep(n, steps, "\n".join(e.quote for e in q.evidence), True,
                                    tuple(q.evidence), now))
        return out

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
        self._save()
        return step

    def answer(self, given: Any, seconds: float | None = None) -> AnswerOutcome:
        """Check and record an answer; returns only once the recorder has it."""
        outcome = self.engine.answer(given, seconds)
        self._save()
        return outcome

    def skip(self, seconds: float | None = None) -> AnswerOutcome:
        outcome = self.engine.skip(seconds)
        self._save()
        return outcome

    def time_out(self, seconds: float | None = None) -> AnswerOutcome:
        outcome = self.engine.time_out(seconds)
        self._save()
        return outcome

    def advance(self) -> State:
        """Go on to the next question, never before every attempt is recorded."""
        self._save_pending()  # retries a save that failed earlier; raises if it fails again
        state = self.engine.advance()
        self._save()
        if state is State.FINISHED:
            self._report_finished()
        return state

    def finish(self) -> Results:
        """End the session (early or not) and report the results to the recorder."""
        self._save_pending()
        results = self.engine.finish()
        self._save()
        self._report_finished()
        return results

    # -- internals ----------------------------------------------------------

    def _save(self) -> None:
        """Hand the queued attempts and the state after them to the recorder in one save."""
        attempts = list(self.engine.pending)
        # The snapshot is the state once these attempts are stored, so it queues none.
        self.recorder.save(attempts, {**self.engine.snapshot(), "pending": []})
        # Dequeue only after save() returns: a failed write leaves them queued for a retry.
        del self.engine.pending[:len(attempts)]

    def _save_pending(self) -> None:
        if self.engine.pending:
            self._save()

    def _report_finished(self) -> None:
        if not self._finished_reported:
            self._finished_reported = True
            self.recorder.session_finished(self.engine.results())
