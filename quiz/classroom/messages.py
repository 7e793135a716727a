"""What the host tells students (docs/protocol.md), built from the room's state.

Each function returns one encoded frame. They read the room and never change
it; the server decides when to send which, and to whom.
"""

from __future__ import annotations

from quiz.bank.article import Article, quote_as_read
from quiz.bank.model import Bank
from quiz.classroom import protocol
from quiz.classroom.fanout import result_text
from quiz.classroom.protocol import encode
from quiz.classroom.room import Player, Room, ranked_rows
from quiz.play.answers import display_answer


def ms(seconds: float | None) -> int | None:
    return None if seconds is None else int(seconds * 1000)


def welcome(room: Room, bank: Bank, player: Player, token: str) -> str:
    src = bank.source
    s = room.settings
    return encode("welcome", v=protocol.VERSION,
                  player={"id": player.id, "name": player.name}, token=token,
                  bank={"title": bank.title, "source": src.title,
                        "license": src.license or "", "url": src.url or ""},
                  settings={"timer": s.timer, "hints": s.hints, "anonymous": s.anonymous,
                            "speed": s.speed, "streak": s.streak},
                  score=room.shown_score(player))


LOBBY_NAMES = 100  # names listed in a lobby update; a full hall is counted, not listed


def lobby(room: Room, player: Player | None = None) -> str:
    """Who is in; for ``player``, whether they still wait for the teacher's approval.

    The frame depends on the player only through ``waiting``, so the server
    encodes it twice for the whole class (:func:`lobby_frames`), not once each.
    """
    return lobby_frames(room)[player is not None and not player.approved]


def lobby_frames(room: Room) -> tuple[str, str]:
    """The lobby update for (approved players, players waiting for approval)."""
    present = [p for p in room.active_players() if p.connected]
    names: list[str] = []
    if not room.settings.anonymous:
        names = sorted((p.name for p in present), key=str.casefold)[:LOBBY_NAMES]
    return (encode("lobby", count=len(present), names=names, waiting=False),
            encode("lobby", count=len(present), names=names, waiting=True))


def question(room: Room, remaining: float | None, player: Player | None = None) -> str:
    """The open question; for ``player``, with what they already gave and took."""
    i = room.index
    q = room.questions[i]
    record = room.answers.get((player.id, i)) if player is not None else None
    return encode("question", q=i, number=i + 1, total=room.total, qtype=q.type,
                  prompt=q.prompt, options=room.options(i), unit=q.unit,
                  points=room.points(i), hints=room.hint_count(i),
                  remaining_ms=ms(remaining),
                  answered=record.given if record else None,
                  hints_taken=room.hints_for(player.id, i) if player is not None else [])


def paused(room: Room, remaining: float | None) -> str:
    return encode("paused", q=room.index, remaining_ms=ms(remaining))


def resumed(room: Room, remaining: float | None) -> str:
    return encode("resumed", q=room.index, remaining_ms=ms(remaining))


def reveal(room: Room, article: Article | None = None) -> str:
    """The answer, its evidence, how the class answered and the top of the table.

    Evidence from the infobox is sent as a reader reads it ("North Korea
    Representative: Jon Jong-su", not "Chief1 Name: ...") when the article is known.
    """
    i = room.index
    q = room.questions[i]
    dist = room.distribution(i)
    evidence = [quote_as_read(article, e.quote, e.start, e.end) for e in q.evidence]
    return encode("reveal", q=i, answer=display_answer(q), correct=q.answer,
                  explanation=q.explanation, evidence=evidence,
                  section=q.section,
                  distribution={"labels": dist.labels, "counts": dist.counts,
                                "correct": dist.correct},
                  top=ranked_rows(room.standings(), room.settings.anonymous))


def result(room: Room, player: Player, ranks: dict[int, int] | None = None) -> str:
    """How ``player`` did on the revealed question; ``ranks`` (player id -> rank), when
    sending to the whole class, saves ranking the class once per student."""
    i = room.state.index
    record = room.answers.get((player.id, i))
    if ranks is None:
        rank, of = room.rank_of(player.id)
    else:
        rank, of = ranks.get(player.id, 0), len(ranks)
    return result_text(i, record.given if record else None, bool(record and record.correct),
                       record.total if record else 0, player.score, rank, of)


def end(room: Room, player: Player, ranks: dict[int, int] | None = None) -> str:
    """The podium and how ``player`` did; ``total`` counts the questions played."""
    if ranks is None:
        rank, of = room.rank_of(player.id)
    else:
        rank, of = ranks.get(player.id, 0), len(ranks)
    return encode("end", podium=ranked_rows(room.standings(), room.settings.anonymous, 3),
                  you={"score": player.score, "rank": rank, "of": of,
                       "correct": player.correct, "answered": player.answered},
                  total=room.played, bank_total=room.total)
