"""One class playing one bank: players, the open question, answers and scores.

A pure state machine: no sockets, no clock, no disk. The server passes the
time in (wall-clock seconds, so a deadline survives a host restart) and
persists what the room returns. Scoring and answer checking are the solo
game's own (:mod:`quiz.play.scoring`, :mod:`quiz.play.answers`); option order comes
from the solo engine, so a question's options read the same everywhere.
"""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from quiz.bank.model import Question
from quiz.classroom.names import NameError_, check_name, name_key
from quiz.play import answers, scoring
from quiz.play.engine import Engine, Settings

TIMER_RANGE = (5, 240)
MAX_PLAYERS = 300  # the default; a teacher may allow up to PLAYERS_RANGE[1]
PLAYERS_RANGE = (1, 2000)
TOP = 5


class Phase(StrEnum):
    LOBBY = "lobby"
    OPEN = "open"  # answers taken
    PAUSED = "paused"  # open, timer stopped, answers not taken
    CLOSED = "closed"  # answers no longer taken, not yet revealed
    REVEALED = "revealed"
    ENDED = "ended"


class RoomError(Exception):
    """A request the room refuses; ``code`` is the protocol's error or refusal reason."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(slots=True)
class RoomSettings:
    timer: int | None = None  # seconds per question; None: the teacher closes it
    speed: bool = False
    streak: bool = False
    shuffle: bool = True
    hints: bool = True
    anonymous: bool = False
    approve_names: bool = False
    seed: int = 0
    max_players: int = MAX_PLAYERS  # connected at once

    def __post_init__(self) -> None:
        if self.timer is not None and not TIMER_RANGE[0] <= self.timer <= TIMER_RANGE[1]:
            raise ValueError(f"the question timer is {TIMER_RANGE[0]} to {TIMER_RANGE[1]} "
                             "seconds (or off)")
        if not PLAYERS_RANGE[0] <= self.max_players <= PLAYERS_RANGE[1]:
            raise ValueError(f"a room holds {PLAYERS_RANGE[0]} to {PLAYERS_RANGE[1]} players")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RoomSettings:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


@dataclass(slots=True)
class Player:
    id: int
    name: str
    token_hash: str
    approved: bool = True
    kicked: bool = False
    left: bool = False
    connected: bool = False  # kept by the server, never stored
    score: int = 0
    streak: int = 0
    correct: int = 0
    answered: int = 0

    @property
    def active(self) -> bool:
        return self.approved and not self.kicked and not self.left


@dataclass(slots=True)
class AnswerRecord:
    player_id: int
    q: int
    question_id: str
    given: Any
    correct: bool
    partial: float
    seconds: float
    hints: int
    points: int
    bonus: int = 0

    @property
    def total(self) -> int:
        return self.points + self.bonus


@dataclass(slots=True)
class Distribution:
    labels: list[str]
    counts: list[int]
    correct: list[bool]


@dataclass(slots=True)
class Standing:
    rank: int
    player: Player


@dataclass(slots=True)
class RoomState:
    """What must be stored to pick a room up again after the host dies."""

    phase: Phase = Phase.LOBBY
    index: int = -1
    locked: bool = False
    opened_at: float = 0.0
    deadline: float | None = None  # wall clock; None when untimed or paused
    remaining: float | None = None  # seconds left while paused
    paused_for: float = 0.0  # seconds the open question spent paused
    paused_at: float | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["phase"] = str(self.phase)
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RoomState:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        state = cls(**known)
        state.phase = Phase(state.phase)
        return state


def new_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


class Room:
    def __init__(self, questions: list[Question], settings: RoomSettings, code: str,
                 context: answers.AnswerContext | None = None) -> None:
        if not questions:
            raise ValueError("the bank has no playable questions")
        engine = Engine(questions, Settings(shuffle=settings.shuffle, seed=settings.seed))
        self.questions: list[Question] = engine.questions
        # The bank and article the answers are judged against (as in solo play).
        self.context = context or answers.AnswerContext.for_questions(self.questions)
        self._options = [engine.options(q) for q in self.questions]
        self.settings = settings
        self.code = code
        self.state = RoomState()
        self.players: dict[int, Player] = {}
        self.answers: dict[tuple[int, int], AnswerRecord] = {}
        self.hints_taken: dict[tuple[int, int], int] = {}
        self.answer_counts: dict[int, int] = {}  # question -> answers given (kept, not counted)
        self._keys: dict[str, int] = {}
        self._tokens: dict[str, int] = {}  # token hash -> player id (a hall reconnects at once)

    # -- reading --------------------------------------------------------------

    @property
    def phase(self) -> Phase:
        return self.state.phase

    @property
    def index(self) -> int:
        return self.state.index

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def played(self) -> int:
        """Questions opened so far (all that were asked, once the session ends)."""
        return min(self.state.index + 1, len(self.questions)) if self.state.index >= 0 else 0

    @property
    def current(self) -> Question | None:
        i = self.state.index
        return self.questions[i] if 0 <= i < len(self.questions) else None

    def options(self, q: int) -> list[str]:
        return list(self._options[q])

    def active_players(self) -> list[Player]:
        return [p for p in self.players.values() if p.active]

    def present_players(self) -> int:
        """Players holding a place: connected, and neither gone nor turned away."""
        return sum(1 for p in self.players.values() if p.connected and not p.kicked
                   and not p.left)

    def shown_score(self, player: Player) -> int:
        """The score a student may see now: the open question's points wait for its reveal.

        Otherwise a reconnect would tell a student (or a friend with a second name)
        whether the answer just given was right.
        """
        if self.phase in (Phase.OPEN, Phase.PAUSED, Phase.CLOSED):
            record = self.answers.get((player.id, self.index))
            if record is not None:
                return player.score - record.total
        return player.score

    def waiting_players(self) -> list[Player]:
        return [p for p in self.players.values()
                if not p.approved and not p.kicked and not p.left]

    def remaining(self, now: float) -> float | None:
        """Seconds left on the open question's timer (None: untimed)."""
        s = self.state
        if s.phase is Phase.PAUSED:
            return s.remaining
        if s.deadline is None:
            return None
        return max(0.0, s.deadline - now)

    def points(self, q: int) -> int:
        return scoring.base_points(self.questions[q].difficulty)

    def hint_count(self, q: int) -> int:
        return len(self.questions[q].hints) if self.settings.hints else 0

    def answers_to(self, q: int) -> list[AnswerRecord]:
        # By player, not by scanning every answer of the session: this runs on each answer.
        found = (self.answers.get((pid, q)) for pid in self.players)
        return [a for a in found if a is not None]

    def all_answered(self) -> bool:
        """Every connected active player has answered the open question.

        Asked after every answer: it stops at the first player still thinking, so a
        class of a thousand costs a short scan, not a thousand-long one, each time.
        """
        i, answers = self.index, self.answers
        anyone = False
        for p in self.players.values():
            if p.connected and p.approved and not p.kicked and not p.left:
                if (p.id, i) not in answers:
                    return False
                anyone = True
        return anyone

    def standings(self) -> list[Standing]:
        """Active players by score; equal scores share a rank (1, 2, 2, 4)."""
        ranked = sorted(self.active_players(), key=lambda p: (-p.score, p.name.casefold()))
        out: list[Standing] = []
        for i, p in enumerate(ranked):
            rank = out[-1].rank if out and out[-1].player.score == p.score else i + 1
            out.append(Standing(rank, p))
        return out

    def rank_of(self, player_id: int) -> tuple[int, int]:
        table = self.standings()
        for s in table:
            if s.player.id == player_id:
                return s.rank, len(table)
        return 0, len(table)

    def distribution(self, q: int) -> Distribution:
        question = self.questions[q]
        given = self.answers_to(q)
        if question.type in ("choice", "multi", "truefalse"):
            labels = self.options(q)
            counts = [0] * len(labels)
            for a in given:
                picked = a.given if isinstance(a.given, list) else [a.given]
                for value in picked:
                    label = ("True" if value else "False") if isinstance(value, bool) else value
                    if label in labels:
                        counts[labels.index(label)] += 1
            if question.type == "truefalse":
                right = ["True" if question.answer is True else "False"]
            elif isinstance(question.answer, list):
                right = list(question.answer)
            else:
                right = [str(question.answer)]
            flags = [label in right for label in labels]
        else:
            labels, flags = ["Right", "Wrong"], [True, False]
            counts = [sum(a.correct for a in given), sum(not a.correct for a in given)]
        silent = sum(1 for p in self.active_players() if (p.id, q) not in self.answers)
        return Distribution([*labels, "No answer"], [*counts, silent], [*flags, False])

    # -- the lobby --------------------------------------------------------------

    def join(self, name: str, token_hash: str, player_id: int) -> Player:
        """Add a player (``player_id`` comes from the store); raises RoomError."""
        tidy = self.check_join(name)
        player = Player(player_id, tidy, token_hash, approved=not self.settings.approve_names)
        self.add_player(player)
        return player

    def check_join(self, name: str) -> str:
        """Raise RoomError if ``name`` could not join now; else the tidied name."""
        if self.phase is Phase.ENDED:
            raise RoomError("ended", "this session has ended")
        if self.state.locked:
            raise RoomError("locked", "the teacher has locked the room; ask them to unlock it")
        # Connected players only: those who left or lost their connection hold no place.
        cap = self.settings.max_players
        if self.present_players() >= cap:
            raise RoomError("full", f"the room is full ({cap} players)")
        try:
            return check_name(name, set(self._keys))
        except NameError_ as exc:
            raise RoomError("name", str(exc)) from None

    def add_player(self, player: Player) -> None:
        """Put a known player in the room (joining, or restoring after a restart)."""
        self.players[player.id] = player
        self._tokens[player.token_hash] = player.id
        if not player.kicked and not player.left:
            self._keys[name_key(player.name)] = player.id

    def by_token(self, token_hash: str) -> Player:
        pid = self._tokens.get(token_hash)
        p = self.players.get(pid) if pid is not None else None
        if p is not None and p.token_hash == token_hash:
            if p.kicked:
                raise RoomError("kicked", "the teacher removed you from this session")
            if p.left:
                raise RoomError("token", "you left this session; join again with a name")
            return p
        raise RoomError("token", "this resume token is not known here; join with a name")

    def approve(self, player_id: int) -> Player:
        p = self.players[player_id]
        p.approved = True
        return p

    def remove(self, player_id: int, *, kicked: bool) -> Player:
        """Kick (or let leave) a player: their name is free again, their answers stay."""
        p = self.players[player_id]
        if kicked:
            p.kicked = True
        else:
            p.left = True
        p.connected = False
        self._keys.pop(name_key(p.name), None)
        return p

    def set_locked(self, locked: bool) -> None:
        self.state.locked = locked

    # -- the teacher's controls ---------------------------------------------------

    def open_next(self, now: float) -> int | None:
        """Open the next question (the first from the lobby); None when none is left."""
        if self.phase in (Phase.OPEN, Phase.PAUSED):
            raise RoomError("not_now", "close the open question first")
        if self.phase is Phase.ENDED:
            raise RoomError("not_now", "the session has ended")
        nxt = self.state.index + 1
        if nxt >= len(self.questions):
            return None
        s = self.state
        s.index, s.phase, s.opened_at = nxt, Phase.OPEN, now
        s.paused_for, s.paused_at, s.remaining = 0.0, None, None
        s.deadline = now + self.settings.timer if self.settings.timer else None
        return nxt

    def pause(self, now: float) -> float | None:
        s = self.state
        if s.phase is not Phase.OPEN:
            raise RoomError("not_now", "only an open question can be paused")
        s.remaining = None if s.deadline is None else max(0.0, s.deadline - now)
        s.deadline, s.phase, s.paused_at = None, Phase.PAUSED, now
        return s.remaining

    def resume(self, now: float) -> float | None:
        s = self.state
        if s.phase is not Phase.PAUSED:
            raise RoomError("not_now", "the question is not paused")
        s.paused_for += max(0.0, now - (s.paused_at or now))
        s.deadline = None if s.remaining is None else now + s.remaining
        s.phase, s.paused_at, s.remaining = Phase.OPEN, None, None
        return s.deadline - now if s.deadline is not None else None

    def close(self) -> None:
        if self.phase not in (Phase.OPEN, Phase.PAUSED):
            raise RoomError("not_now", "no question is open")
        s = self.state
        s.phase, s.deadline, s.remaining, s.paused_at = Phase.CLOSED, None, None, None

    def reveal(self) -> None:
        if self.phase in (Phase.OPEN, Phase.PAUSED):
            self.close()
        if self.phase is not Phase.CLOSED:
            raise RoomError("not_now", "there is no closed question to reveal")
        self.state.phase = Phase.REVEALED
        # A player who did not answer breaks their streak.
        for p in self.active_players():
            if (p.id, self.index) not in self.answers:
                p.streak = 0

    def end(self) -> None:
        self.state.phase = Phase.ENDED
        self.state.deadline = None

    # -- the students' requests ---------------------------------------------------

    def _open_for(self, player_id: int, q: int) -> Question:
        p = self.players.get(player_id)
        if p is None or not p.active:
            raise RoomError("not_joined", "you are not playing in this room")
        if self.phase is Phase.PAUSED:
            raise RoomError("not_open", "the teacher has paused the question")
        if self.phase is not Phase.OPEN:
            raise RoomError("not_open", "no question is open")
        if q != self.state.index:
            raise RoomError("wrong_question", f"question {q + 1} is not the open one")
        return self.questions[q]

    def hint(self, player_id: int, q: int) -> tuple[int, str, int]:
        """The next written hint: (step, text, points still to earn)."""
        question = self._open_for(player_id, q)
        if not self.settings.hints:
            raise RoomError("no_hints", "hints are off in this session")
        if (player_id, q) in self.answers:
            raise RoomError("already_answered", "you have already answered")
        taken = self.hints_taken.get((player_id, q), 0)
        if taken >= len(question.hints):
            raise RoomError("no_hints", "there are no more hints for this question")
        taken += 1
        self.hints_taken[(player_id, q)] = taken
        return taken, question.hints[taken - 1], self._available(q, taken)

    def hints_for(self, player_id: int, q: int) -> list[str]:
        n = self.hints_taken.get((player_id, q), 0)
        return list(self.questions[q].hints[:n])

    def _available(self, q: int, hints: int) -> int:
        question = self.questions[q]
        return scoring.available(self.points(q), hints, len(question.hints) + 1, 0)

    def answer(self, player_id: int, q: int, value: Any, now: float) -> AnswerRecord:
        """Judge and score a player's one answer to the open question."""
        question = self._open_for(player_id, q)
        if (player_id, q) in self.answers:
            raise RoomError("already_answered", "you have already answered this question")
        given = self._shape(question, q, value)
        verdict = answers.check(question, given, self.context)
        if verdict.unread:  # "lots" for a number: say so, and let the student answer again
            raise RoomError("bad_answer", verdict.message)
        s = self.state
        seconds = max(0.0, now - s.opened_at - s.paused_for)
        hints = self.hints_taken.get((player_id, q), 0)
        points = scoring.earned(self._available(q, hints), verdict.correct, verdict.partial)
        bonus = 0
        player = self.players[player_id]
        if verdict.correct:
            if self.settings.speed:
                bonus += scoring.speed_bonus(points, seconds, self.settings.timer)
            if self.settings.streak:
                bonus += scoring.streak_bonus(self.points(q), player.streak + 1)
        record = AnswerRecord(player_id, q, question.id, given, verdict.correct,
                              1.0 if verdict.correct else verdict.partial,
                              round(seconds, 3), hints, points, bonus)
        self.apply(record)
        return record

    def apply(self, record: AnswerRecord) -> None:
        """Count an answer (a new one, or one read back from disk after a restart)."""
        self.answers[(record.player_id, record.q)] = record
        self.answer_counts[record.q] = self.answer_counts.get(record.q, 0) + 1
        p = self.players.get(record.player_id)
        if p is None:
            return
        p.score += record.total
        p.answered += 1
        if record.correct:
            p.correct += 1
            p.streak += 1
        else:
            p.streak = 0

    def forget(self, record: AnswerRecord) -> None:
        """Take back an answer that could not be saved (the student may answer again)."""
        if self.answers.pop((record.player_id, record.q), None) is None:
            return
        self.answer_counts[record.q] -= 1
        p = self.players.get(record.player_id)
        if p is not None:
            p.score -= record.total
            p.answered -= 1
            p.correct -= int(record.correct)
            p.streak = self._streak_before(record.player_id, record.q)

    def _streak_before(self, player_id: int, q: int) -> int:
        """Right answers in a row up to question ``q`` (a wrong or missing one ends a run).

        Counted from the answers, since a wrong answer reset the streak to 0 and
        the number it replaced is gone.
        """
        run = 0
        for i in range(q - 1, -1, -1):
            record = self.answers.get((player_id, i))
            if record is None or not record.correct:
                break
            run += 1
        return run

    def _shape(self, question: Question, q: int, value: Any) -> Any:
        """Refuse an answer that could not have come from this question's widgets."""
        options = self._options[q]
        kind = question.type
        ok = False
        if kind == "truefalse":
            ok = isinstance(value, bool)
        elif kind == "choice":
            ok = isinstance(value, str) and value in options
        elif kind == "multi":
            # At least one pick: an empty list is no answer, and would burn the one try.
            ok = (isinstance(value, list) and bool(value) and len(set(value)) == len(value)
                  and all(v in options for v in value))
        elif kind == "order":
            ok = isinstance(value, list) and sorted(value) == sorted(options)
        else:
            ok = isinstance(value, str) and bool(value.strip())
        if not ok:
            raise RoomError("bad_answer", f"that is not an answer to a {kind} question")
        return value


def ranked_rows(standings: list[Standing], anonymous: bool, limit: int = TOP) -> list[dict]:
    return [{"rank": s.rank, "name": "" if anonymous else s.player.name,
             "score": s.player.score} for s in standings[:limit]]


def summary_counts(room: Room) -> dict[str, int]:
    """How many are in the room, how many answered the open question."""
    active = room.active_players()
    answered = sum(1 for p in active if (p.id, room.index) in room.answers)
    return {"players": len(active), "connected": sum(p.connected for p in active),
            "answered": answered}

