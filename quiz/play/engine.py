"""A play session as a pure state machine.

The engine orders the questions, takes answers, hints and skips, scores them
(through ``quiz.play.scoring``) and reports results. It knows nothing of screens,
storage or clocks: front ends pass elapsed seconds in, and every settled or
tried answer is queued as an :class:`Attempt` in ``engine.pending`` for
``quiz.play.session.PlaySession`` to hand to a recorder before play goes on.

States::

    ASKING --answer (final) / skip / time_out--> FEEDBACK --advance--> ASKING ... FINISHED
    ASKING --answer (wrong, tries left)--> ASKING
    any --finish--> FINISHED

In test mode nothing about right or wrong leaves the engine before the end:
an :class:`AnswerOutcome` has ``reveal=False`` and its verdict fields are
``None``, so no front end can show (or leak) them by mistake.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, fields, replace
from enum import StrEnum
from typing import Any

from quiz.bank.model import Evidence, Question
from quiz.play import scoring
from quiz.play.answers import AnswerContext, check, display_answer

SNAPSHOT_VERSION = 1


class EngineError(RuntimeError):
    """An operation that the current state does not allow (a front-end bug)."""


class Mode(StrEnum):
    """How a session plays; each mode's rules are in ``_MODE_RULES``.

    ``review`` plays the questions the schedule says are due and ``cram`` a
    whole bank weakest first (the store picks the questions for both).
    """

    PRACTICE = "practice"
    TEST = "test"
    REVIEW = "review"
    CRAM = "cram"


class State(StrEnum):
    ASKING = "asking"
    FEEDBACK = "feedback"
    FINISHED = "finished"


@dataclass(frozen=True)
class _ModeRules:
    max_tries: int
    hints: bool
    reveal: bool  # feedback after each question (else only in the results)


_MODE_RULES = {
    Mode.PRACTICE: _ModeRules(max_tries=2, hints=True, reveal=True),
    Mode.TEST: _ModeRules(max_tries=1, hints=False, reveal=False),
    # One try: a second guess would blur how well the question was remembered.
    Mode.REVIEW: _ModeRules(max_tries=1, hints=True, reveal=True),
    Mode.CRAM: _ModeRules(max_tries=2, hints=True, reveal=True),
}


@dataclass
class Settings:
    """What a teacher or player can switch. ``None`` means "the mode's default"."""

    mode: Mode = Mode.PRACTICE
    shuffle: bool = True  # question order; False keeps the bank's order
    seed: int | None = None  # None: a random seed, kept in the snapshot
    time_limit: float | None = None  # seconds per question
    retry_penalty: float = scoring.RETRY_PENALTY
    max_tries: int | None = None  # practice 2, test 1
    hints_allowed: bool | None = None  # practice yes, test no
    streak_bonus: bool = False
    speed_bonus: bool = False
    shuffle_choices: bool = True  # choice/multi options; order items are always scrambled

    def __post_init__(self) -> None:
        self.mode = Mode(self.mode)

    @property
    def tries(self) -> int:
        """Tries per question after mode defaults (at least 1)."""
        rules = _MODE_RULES[self.mode]
        n = rules.max_tries if self.max_tries is None else self.max_tries
        if self.mode is Mode.TEST:
            n = 1  # a test is one try, whatever else is set
        return max(1, n)

    @property
    def hints(self) -> bool:
        if self.mode is Mode.TEST:
            return False  # hints would change what a test measures
        rules = _MODE_RULES[self.mode]
        return rules.hints if self.hints_allowed is None else self.hints_allowed

    @property
    def reveal(self) -> bool:
        """Whether right/wrong is shown after each question (else at the end)."""
        return _MODE_RULES[self.mode].reveal

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["mode"] = str(self.mode)
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(frozen=True)
class HintStep:
    """One hint step. The last step of every question is the passage itself."""

    number: int  # 1-based
    total: int  # written hints + 1 (the passage)
    text: str  # the hint; for the passage step, the evidence quotes joined
    is_passage: bool
    evidence: tuple[Evidence, ...] = ()  # offsets into the article, to highlight
    available: int = 0  # what the question can still earn now that this step is taken

    @property
    def spans(self) -> list[tuple[int, int]]:
        """(start, end) offsets into ``bank.article.text`` of each quote."""
        return [(e.start, e.end) for e in self.evidence if e.start >= 0]


@dataclass(frozen=True)
class AnswerOutcome:
    """What a front end may show after an answer, skip or timeout.

    When ``reveal`` is False (test mode) ``correct``, ``partial``, ``close``,
    ``message``, ``points``, ``bonus`` and ``expected`` are None: the verdict
    is only in the results.
    """

    question_id: str
    final: bool  # the question is settled; the engine is in FEEDBACK
    reveal: bool
    tries_left: int  # 0 when final
    available: int | None  # practice retry: what the next try can still earn
    correct: bool | None = None
    partial: float | None = None
    close: bool | None = None  # accepted thanks to the typo allowance
    message: str | None = None
    points: int | None = None  # earned, bonus not included
    bonus: int | None = None
    expected: str | None = None  # the right answer as text (final and revealed only)
    skipped: bool = False
    timed_out: bool = False
    # Nothing in the answer could be read ("two thousand fife" to a number
    # question): it cost no try, and ``message`` says what to type instead.
    # Shown in every mode: it tells nothing about right or wrong.
    unread: bool = False

    @property
    def may_retry(self) -> bool:
        return not self.final


@dataclass
class Attempt:
    """One try, skip or timeout, as handed to a recorder. Plain values only."""

    seq: int  # 1, 2, ... in this session: lets a store write each one exactly once
    question_id: str
    content_hash: str
    answer_hash: str
    section: str
    difficulty: int
    mode: str
    position: int  # 0-based position of the question in this session
    try_number: int  # 1-based; skips and timeouts count as a try
    kind: str  # "answer" | "skip" | "timeout"
    given: Any  # JSON-friendly: str, bool, number, list of str, or None
    correct: bool
    partial: float
    points: int  # 0 for a try that is not final
    bonus: int
    hints_used: int
    seconds: float | None
    final: bool


@dataclass
class QuestionRecord:
    """How one question of the session went (for results and review)."""

    question: Question
    status: str  # correct | partial | wrong | skipped | timeout | unanswered
    points: int = 0
    bonus: int = 0
    max_points: int = 0
    hints_used: int = 0
    tries: int = 0
    seconds: float | None = None
    given: Any = None

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    @property
    def settled(self) -> bool:
        return self.status != "unanswered"


@dataclass(frozen=True)
class SectionResult:
    title: str
    right: int
    total: int


@dataclass
class Results:
    """The session's score. Counts cover the questions that were settled
    (answered, skipped or timed out); ``unanswered`` are the ones never reached."""

    mode: str
    score: int  # points + bonus
    max_score: int  # base points of the settled questions (bonuses excluded)
    bonus: int
    correct: int
    settled: int
    total: int  # questions in the session
    sections: list[SectionResult]  # in article order
    records: list[QuestionRecord]  # in play order, settled first
    finished_early: bool

    @property
    def accuracy(self) -> float:
        return self.correct / self.settled if self.settled else 0.0

    @property
    def unanswered(self) -> int:
        return self.total - self.settled

    @property
    def missed(self) -> list[Question]:
        """Questions not fully right (wrong, partial, skipped, timed out)."""
        return [r.question for r in self.records if r.settled and not r.correct]


@dataclass
class _Current:
    """Progress on the question being asked."""

    hints_used: int = 0
    wrong_tries: int = 0
    last_given: Any = None


class Engine:
    """Plays ``questions`` under ``settings``. See the module docstring for states."""

    def __init__(self, questions: list[Question], settings: Settings | None = None,
                 context: AnswerContext | None = None) -> None:
        if not questions:
            raise EngineError("a session needs at least one question")
        self.settings = settings or Settings()
        # The bank and article around the questions, for the answer checker;
        # without a bank, what the questions themselves hold.
        self.context = context or AnswerContext.for_questions(questions)
        if self.settings.seed is None:
            self.settings.seed = random.SystemRandom().randrange(2**31)
        self._by_id = {q.id: q for q in questions}
        order = list(questions)
        if self.settings.shuffle:
            random.Random(self.settings.seed).shuffle(order)
        self._order: list[Question] = order
        self._pos = 0
        self._state = State.ASKING
        self._cur = _Current()
        self._records: dict[str, QuestionRecord] = {}
        self._streak = 0
        self._seq = 0
        self._finished_early = False
        self.last_outcome: AnswerOutcome | None = None
        # Attempts not yet handed to a recorder (PlaySession drains this).
        self.pending: list[Attempt] = []

    # -- where we are -------------------------------------------------------

    @property
    def state(self) -> State:
        return self._state

    @property
    def mode(self) -> Mode:
        return self.settings.mode

    @property
    def current(self) -> Question | None:
        """The question being asked or just settled; None when finished."""
        if self._state is State.FINISHED:
            return None
        return self._order[self._pos]

    @property
    def position(self) -> int:
        """0-based index of the current question."""
        return self._pos

    @property
    def number(self) -> int:
        """1-based number of the current question, for "Question 3 of 12"."""
        return self._pos + 1

    @property
    def total(self) -> int:
        return len(self._order)

    @property
    def questions(self) -> list[Question]:
        """The session's questions in play order."""
        return list(self._order)

    @property
    def hints_used(self) -> int:
        return self._cur.hints_used

    @property
    def tries_left(self) -> int:
        return max(0, self._tries_for(self._q()) - self._cur.wrong_tries)

    def hint_steps(self, question: Question | None = None) -> int:
        """Hint steps of a question: its written hints plus the passage."""
        q = question or self._q()
        return len(q.hints) + 1

    def options(self, question: Question | None = None) -> list[str]:
        """What to show as numbered options, in display order.

        choice/multi: the choices (shuffled per question unless
        ``shuffle_choices`` is off); order: the items, scrambled and never
        already in the right order; truefalse: ``["True", "False"]``;
        text/number: ``[]``. Deterministic for a seed, so a resumed session
        shows the same order. Front ends pass option *text* back to ``answer``.
        """
        q = question or self._q()
        rng = random.Random(f"{self.settings.seed}/{q.id}")
        if q.type in ("choice", "multi"):
            opts = list(q.choices)
            if self.settings.shuffle_choices:
                rng.shuffle(opts)
            return opts
        if q.type == "order":
            items = q.items
            opts = list(items)
            rng.shuffle(opts)
            if opts == items and len(items) > 1:
                opts = opts[1:] + opts[:1]  # a rotation is never the right order
            return opts
        if q.type == "truefalse":
            return ["True", "False"]
        return []

    def base_points(self, question: Question | None = None) -> int:
        return scoring.base_points((question or self._q()).difficulty)

    def available_points(self) -> int:
        """What the current question can still earn (before any bonus)."""
        q = self._q()
        return scoring.available(self.base_points(q), self._cur.hints_used,
                                 self.hint_steps(q), self._cur.wrong_tries,
                                 self.settings.retry_penalty)

    def can_hint(self) -> bool:
        return (self._state is State.ASKING and self.settings.hints
                and self._cur.hints_used < self.hint_steps())

    def next_hint_cost(self) -> int | None:
        """What the question could still earn AFTER the next hint step.

        Front ends show this before the hint is taken. None when no hint can
        be taken (test mode, all steps taken, not asking).
        """
        if not self.can_hint():
            return None
        q = self._q()
        return scoring.available(self.base_points(q), self._cur.hints_used + 1,
                                 self.hint_steps(q), self._cur.wrong_tries,
                                 self.settings.retry_penalty)

    def running_score(self) -> int | None:
        """Points so far; None in test mode, where the score is only told at the end."""
        if not self.settings.reveal:
            return None
        return sum(r.points + r.bonus for r in self._records.values())

    # -- play ---------------------------------------------------------------

    def hint(self) -> HintStep:
        """Take the next hint step; the last one is the passage with its offsets."""
        if not self.settings.hints:
            raise EngineError("hints are off in this session")
        self._need(State.ASKING)
        q = self._q()
        steps = self.hint_steps(q)
        if self._cur.hints_used >= steps:
            raise EngineError("no hint steps left")
        self._cur.hints_used += 1
        n = self._cur.hints_used
        if n < steps:
            return HintStep(n, steps, q.hints[n - 1], False, (), self.available_points())
        text = "\n".join(e.quote for e in q.evidence)
        return HintStep(n, steps, text, True, tuple(q.evidence), self.available_points())

    def answer(self, given: Any, seconds: float | None = None) -> AnswerOutcome:
        """Check ``given`` for the current question.

        ``given`` is what ``quiz.play.answers.check`` takes: the option text for
        choice, a list of option texts for multi, a bool (or "t"/"f") for
        truefalse, the typed string for text and number, the items in the
        player's order for order. ``seconds`` is the time since the question
        was first shown; over the time limit, the answer is a timeout.
        """
        self._need(State.ASKING)
        limit = self.settings.time_limit
        if limit is not None and seconds is not None and seconds > limit:
            return self._settle_without_answer("timeout", given, seconds)
        q = self._q()
        verdict = check(q, given, self.context)
        if verdict.unread:
            # Not an answer at all: say so, and keep every try and point.
            outcome = AnswerOutcome(
                q.id, final=False, reveal=True, tries_left=self.tries_left,
                available=self.available_points(), correct=False, partial=0.0, close=False,
                message=verdict.message, points=0, bonus=0, unread=True,
            )
            self.last_outcome = outcome
            return outcome
        self._cur.last_given = _plain(given)
        try_number = self._cur.wrong_tries + 1
        avail = self.available_points()
        if not verdict.correct and try_number < self._tries_for(q):
            # Wrong with tries left: the question stays open at a penalty.
            self._cur.wrong_tries += 1
            self._queue(q, try_number, "answer", given, False, verdict.partial, 0, 0,
                        seconds, final=False)
            outcome = AnswerOutcome(
                q.id, final=False, reveal=self.settings.reveal, tries_left=self.tries_left,
                available=self.available_points() if self.settings.reveal else None,
            )
            if self.settings.reveal:
                outcome = _with_verdict(outcome, False, verdict.partial, verdict.close,
                                        verdict.message, 0, 0, None)
            self.last_outcome = outcome
            return outcome

        points = scoring.earned(avail, verdict.correct, verdict.partial)
        bonus = 0
        if verdict.correct:
            self._streak += 1
            if self.settings.streak_bonus:
                bonus += scoring.streak_bonus(self.base_points(q), self._streak)
            if self.settings.speed_bonus:
                bonus += scoring.speed_bonus(points, seconds, limit)
        else:
            self._streak = 0
        partial = 1.0 if verdict.correct else verdict.partial
        status = "correct" if verdict.correct else ("partial" if points > 0 else "wrong")
        self._queue(q, try_number, "answer", given, verdict.correct, partial, points, bonus,
                    seconds, final=True)
        self._settle(q, status, points, bonus, try_number, seconds)
        outcome = AnswerOutcome(q.id, final=True, reveal=self.settings.reveal, tries_left=0,
                                available=None)
        if self.settings.reveal:
            outcome = _with_verdict(outcome, verdict.correct, partial, verdict.close,
                                    verdict.message, points, bonus, _display(q))
        self.last_outcome = outcome
        return outcome

    def skip(self, seconds: float | None = None) -> AnswerOutcome:
        """Give up on the current question: 0 points, counted as missed."""
        self._need(State.ASKING)
        return self._settle_without_answer("skip", None, seconds)

    def time_out(self, seconds: float | None = None) -> AnswerOutcome:
        """The time limit ran out before an answer: wrong, 0 points."""
        self._need(State.ASKING)
        if seconds is None:
            seconds = self.settings.time_limit
        return self._settle_without_answer("timeout", None, seconds)

    def advance(self) -> State:
        """Move from FEEDBACK to the next question (or to FINISHED after the last)."""
        self._need(State.FEEDBACK)
        if self._pos + 1 >= len(self._order):
            self._state = State.FINISHED
        else:
            self._pos += 1
            self._cur = _Current()
            self._state = State.ASKING
        self.last_outcome = None
        return self._state

    def finish(self) -> Results:
        """End the session now (or confirm the end); unreached questions stay unanswered."""
        if self._state is not State.FINISHED:
            reached = self._pos + (1 if self._state is State.FEEDBACK else 0)
            self._finished_early = reached < len(self._order)
            self._state = State.FINISHED
        return self.results()

    # -- results ------------------------------------------------------------

    def results(self) -> Results:
        """The score so far (complete once FINISHED).

        In test mode this raises until the session is finished: verdicts are
        told at the end, never mid-test.
        """
        if not self.settings.reveal and self._state is not State.FINISHED:
            raise EngineError("test results are only given once the test is finished")
        records = [self._records.get(q.id) or QuestionRecord(q, "unanswered",
                                                             max_points=self.base_points(q))
                   for q in self._order]
        settled = [r for r in records if r.settled]
        # Sections in article order: by the earliest evidence offset among their questions.
        first: dict[str, int] = {}
        counts: dict[str, list[int]] = {}
        for r in settled:
            title = r.question.section or "Other"
            start = min((e.start for e in r.question.evidence if e.start >= 0), default=10**12)
            first[title] = min(first.get(title, 10**12), start)
            c = counts.setdefault(title, [0, 0])
            c[0] += r.correct
            c[1] += 1
        sections = [SectionResult(t, *counts[t]) for t in sorted(counts, key=lambda t: first[t])]
        return Results(
            mode=str(self.mode),
            score=sum(r.points + r.bonus for r in settled),
            max_score=sum(r.max_points for r in settled),
            bonus=sum(r.bonus for r in settled),
            correct=sum(r.correct for r in settled),
            settled=len(settled),
            total=len(records),
            sections=sections,
            records=settled + [r for r in records if not r.settled],
            finished_early=self._finished_early,
        )

    # -- snapshot -----------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """The whole state as plain JSON-friendly values (questions by id)."""
        return {
            "version": SNAPSHOT_VERSION,
            "settings": self.settings.to_dict(),
            "order": [q.id for q in self._order],
            "pos": self._pos,
            "state": str(self._state),
            "current": asdict(self._cur),
            "records": {
                qid: {k: v for k, v in asdict(r).items() if k != "question"}
                for qid, r in self._records.items()
            },
            "streak": self._streak,
            "seq": self._seq,
            "finished_early": self._finished_early,
            "pending": [asdict(a) for a in self.pending],
        }

    @classmethod
    def restore(cls, questions: list[Question], snapshot: dict[str, Any],
                context: AnswerContext | None = None) -> Engine:
        """Rebuild an engine from ``snapshot()`` output and the bank's questions.

        Questions no longer in the bank are dropped from the order; if the
        current one is gone, play resumes at the next question.
        """
        if snapshot.get("version") != SNAPSHOT_VERSION:
            raise EngineError(f"unknown snapshot version {snapshot.get('version')!r}")
        by_id = {q.id: q for q in questions}
        order_ids = [qid for qid in snapshot["order"] if qid in by_id]
        if not order_ids:
            raise EngineError("none of the snapshot's questions are in the bank")
        eng = cls([by_id[qid] for qid in order_ids],
                  Settings.from_dict({**snapshot["settings"], "shuffle": False}),
                  context or AnswerContext.for_questions(questions))
        eng.settings.shuffle = bool(snapshot["settings"].get("shuffle", True))
        old_order = snapshot["order"]
        old_pos = int(snapshot["pos"])
        state = State(snapshot["state"])
        current_kept = old_pos < len(old_order) and old_order[old_pos] in by_id
        # The new position: the first kept question at or after the old one.
        kept_before = sum(1 for qid in old_order[:old_pos] if qid in by_id)
        eng._pos = min(kept_before, len(order_ids) - 1)
        eng._records = {
            qid: QuestionRecord(by_id[qid], **rec)
            for qid, rec in snapshot["records"].items() if qid in by_id
        }
        eng._streak = int(snapshot["streak"])
        eng._seq = int(snapshot["seq"])
        eng._finished_early = bool(snapshot.get("finished_early", False))
        eng.pending = [Attempt(**a) for a in snapshot.get("pending", [])]
        if state is State.FINISHED:
            eng._state = State.FINISHED
        elif current_kept:
            eng._state = state
            eng._cur = _Current(**snapshot["current"])
        elif kept_before >= len(order_ids):
            eng._state = State.FINISHED  # the rest of the session was removed
        else:
            eng._state = State.ASKING
        return eng

    # -- internals ----------------------------------------------------------

    def _q(self) -> Question:
        if self._state is State.FINISHED:
            raise EngineError("the session is finished")
        return self._order[self._pos]

    def _need(self, state: State) -> None:
        if self._state is not state:
            raise EngineError(f"not allowed while {self._state}; needs {state}")

    def _tries_for(self, q: Question) -> int:
        # A retry on true/false would be a free answer, so it always has one try.
        return 1 if q.type == "truefalse" else self.settings.tries

    def _settle_without_answer(self, kind: str, given: Any,
                               seconds: float | None) -> AnswerOutcome:
        q = self._q()
        self._streak = 0
        try_number = self._cur.wrong_tries + 1
        self._queue(q, try_number, kind, given, False, 0.0, 0, 0, seconds, final=True)
        status = "skipped" if kind == "skip" else "timeout"
        self._cur.last_given = _plain(given)
        self._settle(q, status, 0, 0, try_number, seconds)
        outcome = AnswerOutcome(q.id, final=True, reveal=self.settings.reveal, tries_left=0,
                                available=None, skipped=kind == "skip",
                                timed_out=kind == "timeout")
        if self.settings.reveal:
            msg = "skipped" if kind == "skip" else "out of time"
            outcome = _with_verdict(outcome, False, 0.0, False, msg, 0, 0, _display(q))
        self.last_outcome = outcome
        return outcome

    def _settle(self, q: Question, status: str, points: int, bonus: int, tries: int,
                seconds: float | None) -> None:
        self._records[q.id] = QuestionRecord(
            q, status, points=points, bonus=bonus, max_points=self.base_points(q),
            hints_used=self._cur.hints_used, tries=tries, seconds=seconds,
            given=self._cur.last_given,
        )
        self._state = State.FEEDBACK

    def _queue(self, q: Question, try_number: int, kind: str, given: Any, correct: bool,
               partial: float, points: int, bonus: int, seconds: float | None,
               final: bool) -> None:
        self._seq += 1
        self.pending.append(Attempt(
            seq=self._seq, question_id=q.id, content_hash=q.content_hash,
            answer_hash=q.answer_hash, section=q.section, difficulty=q.difficulty,
            mode=str(self.mode), position=self._pos, try_number=try_number, kind=kind,
            given=_plain(given), correct=correct, partial=float(partial), points=points,
            bonus=bonus, hints_used=self._cur.hints_used, seconds=seconds, final=final,
        ))


def _plain(given: Any) -> Any:
    """``given`` as JSON-friendly values (sets become sorted lists)."""
    if given is None or isinstance(given, str | bool | int | float):
        return given
    if isinstance(given, set | frozenset):
        return sorted(str(g) for g in given)
    if isinstance(given, list | tuple):
        return [g if isinstance(g, str | bool | int | float) else str(g) for g in given]
    return str(given)


def _display(q: Question) -> str:
    return display_answer(q)


def _with_verdict(o: AnswerOutcome, correct: bool, partial: float, close: bool, message: str,
                  points: int, bonus: int, expected: str | None) -> AnswerOutcome:
    return replace(o, correct=correct, partial=partial, close=close, message=message,
                   points=points, bonus=bonus, expected=expected)


__all__ = [
    "AnswerOutcome", "Attempt", "Engine", "EngineError", "HintStep", "Mode", "QuestionRecord",
    "Results", "SectionResult", "Settings", "State",
]
