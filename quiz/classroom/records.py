"""Classroom sessions on the teacher's disk: in the progress database, beside solo play.

Every answer is committed before the student is told it arrived, and the
room's phase is saved at each step, so ``quiz host --resume`` rebuilds the
room exactly: same code, same players (their resume tokens still work), same
scores, the same question open.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from quiz.bank.model import Bank, Question
from quiz.classroom.room import AnswerRecord, Player, Room, RoomSettings, RoomState
from quiz.play.answers import AnswerContext
from quiz.store.progress import Store


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True, slots=True)
class ClassSession:
    id: int
    code: str
    bank_id: str
    bank_title: str
    bank_path: str
    question_ids: list[str]
    settings: RoomSettings
    state: RoomState
    port: int
    status: str
    started: str
    ended: str | None


def _session(row: Any) -> ClassSession:
    return ClassSession(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]),
                        RoomSettings.from_dict(json.loads(row[6])),
                        RoomState.from_dict(json.loads(row[7])), row[8], row[9], row[10],
                        row[11])


_SESSION_COLS = ("id, code, bank_id, bank_title, bank_path, question_ids, settings, state, "
                 "port, status, started, ended")


class ClassRecords:
    """The class_* tables of a :class:`~quiz.store.progress.Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- sessions -------------------------------------------------------------

    def create(self, room: Room, bank: Bank, port: int) -> int:
        now = _now()
        with self.store.transaction() as c:
            cur = c.execute(
                "INSERT INTO class_sessions (code, bank_id, bank_title, bank_path, question_ids,"
                " settings, state, port, status, started, updated)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?)",
                (room.code, bank.id, bank.title, str(bank.path),
                 json.dumps([q.id for q in room.questions]),
                 json.dumps(room.settings.to_dict()), json.dumps(room.state.to_dict()),
                 port, now, now))
            return int(cur.lastrowid or 0)

    def save_state(self, session_id: int, room: Room) -> None:
        ended = room.phase == "ended"
        with self.store.transaction() as c:
            c.execute("UPDATE class_sessions SET state = ?, updated = ?, status = ?,"
                      " ended = COALESCE(ended, ?) WHERE id = ?",
                      (json.dumps(room.state.to_dict()), _now(),
                       "ended" if ended else "running", _now() if ended else None, session_id))

    def session(self, session_id: int) -> ClassSession | None:
        rows = self.store.query(f"SELECT {_SESSION_COLS} FROM class_sessions WHERE id = ?",
                                (session_id,))
        return _session(rows[0]) if rows else None

    def sessions(self, status: str | None = None) -> list[ClassSession]:
        where, params = ("WHERE status = ?", (status,)) if status else ("", ())
        rows = self.store.query(f"SELECT {_SESSION_COLS} FROM class_sessions {where} "
                                "ORDER BY id DESC", params)
        return [_session(r) for r in rows]

    # -- players ----------------------------------------------------------------

    def add_player(self, session_id: int, name: str, token_hash_: str, approved: bool) -> int:
        with self.store.transaction() as c:
            cur = c.execute("INSERT INTO class_players (session_id, name, token_hash, approved,"
                            " joined) VALUES (?, ?, ?, ?, ?)",
                            (session_id, name, token_hash_, int(approved), _now()))
            return int(cur.lastrowid or 0)

    def update_player(self, player: Player) -> None:
        with self.store.transaction() as c:
            c.execute("UPDATE class_players SET approved = ?, kicked = ?, left_room = ?"
                      " WHERE id = ?",
                      (int(player.approved), int(player.kicked), int(player.left), player.id))

    def players(self, session_id: int) -> list[Player]:
        rows = self.store.query("SELECT id, name, token_hash, approved, kicked, left_room"
                                " FROM class_players WHERE session_id = ? ORDER BY id",
                                (session_id,))
        return [Player(r[0], r[1], r[2], bool(r[3]), bool(r[4]), bool(r[5])) for r in rows]

    # -- answers and hints --------------------------------------------------------

    def add_answers(self, session_id: int, batch: list[AnswerRecord]) -> None:
        """Commit a batch of answers in one transaction (one fsync for all of them)."""
        now = _now()
        with self.store.transaction() as c:
            c.executemany(
                "INSERT OR IGNORE INTO class_answers (session_id, player_id, q, question_id,"
                " given, correct, partial, seconds, hints, points, bonus, at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(session_id, a.player_id, a.q, a.question_id,
                  json.dumps(a.given, ensure_ascii=False), int(a.correct), a.partial,
                  a.seconds, a.hints, a.points, a.bonus, now) for a in batch])

    def set_hints(self, session_id: int, player_id: int, q: int, taken: int) -> None:
        with self.store.transaction() as c:
            c.execute("INSERT OR REPLACE INTO class_hints (session_id, player_id, q, taken)"
                      " VALUES (?, ?, ?, ?)", (session_id, player_id, q, taken))

    def answers(self, session_id: int) -> list[AnswerRecord]:
        rows = self.store.query(
            "SELECT player_id, q, question_id, given, correct, partial, seconds, hints,"
            " points, bonus FROM class_answers WHERE session_id = ? ORDER BY q, player_id",
            (session_id,))
        return [AnswerRecord(r[0], r[1], r[2], json.loads(r[3]), bool(r[4]), r[5], r[6], r[7],
                             r[8], r[9]) for r in rows]

    def hints(self, session_id: int) -> dict[tuple[int, int], int]:
        rows = self.store.query("SELECT player_id, q, taken FROM class_hints"
                                " WHERE session_id = ?", (session_id,))
        return {(r[0], r[1]): r[2] for r in rows}

    # -- picking a room up again ------------------------------------------------------

    def restore(self, session: ClassSession, bank: Bank) -> Room:
        """The room as it was when the host stopped, questions in the same order."""
        by_id: dict[str, Question] = {q.id: q for q in bank.questions}
        missing = [qid for qid in session.question_ids if qid not in by_id]
        if missing:
            raise LookupError(f"the bank no longer has question {missing[0]!r}; "
                              "the session cannot be resumed with this bank")
        questions = [by_id[qid] for qid in session.question_ids]
        settings = RoomSettings.from_dict({**session.settings.to_dict(), "shuffle": False})
        room = Room(questions, settings, session.code, AnswerContext.for_bank(bank))
        room.settings = session.settings
        room.state = session.state
        for p in self.players(session.id):
            room.add_player(p)
        for a in self.answers(session.id):
            room.apply(a)
        room.hints_taken = self.hints(session.id)
        return room
