"""What to review next: the stored review cards read back as due lists, cram orders, leeches.

The cards themselves move in :mod:`quiz.store.review` (FSRS); these queries
read them through a :class:`~quiz.store.progress.Store`, which offers each
one as a method.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from quiz.store import review

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quiz.bank.model import Bank, Question
    from quiz.store.progress import Store


@dataclass(frozen=True, kw_only=True)
class ReviewRow(review.CardState):
    """A question's review state as stored: the card and the question it belongs to."""

    bank_id: str
    question_id: str
    content_hash: str
    answer_hash: str


def review_rows(store: Store, profile: str,
                bank_id: str | None = None) -> dict[tuple[str, str], ReviewRow]:
    """The cards of ``profile`` (in one bank, or all), by (bank id, question id)."""
    sql = ("SELECT r.bank_id, r.question_id, r.content_hash, r.answer_hash, r.card, r.due, "
           "r.reps, r.lapses, r.last_rating, r.last_review FROM review r "
           "JOIN profiles p ON p.id = r.profile_id WHERE p.name = ?")
    params: list[Any] = [profile]
    if bank_id is not None:
        sql += " AND r.bank_id = ?"
        params.append(bank_id)
    out = {}
    for r in store.query(sql, params):
        out[(r[0], r[1])] = ReviewRow(
            bank_id=r[0], question_id=r[1], content_hash=r[2], answer_hash=r[3], card=r[4],
            due=datetime.fromisoformat(r[5]), reps=r[6], lapses=r[7], last_rating=r[8],
            last_review=datetime.fromisoformat(r[9]) if r[9] else None)
    return out


def end_of_today(now: datetime) -> datetime:
    """Midnight after ``now``'s day, local time: what "due today" counts up to."""
    local = now.astimezone()
    tomorrow = local.date() + timedelta(days=1)
    return datetime.combine(tomorrow, datetime.min.time(), tzinfo=local.tzinfo)


def due_questions(store: Store, profile: str, banks: Sequence[Bank], *,
                  until: datetime | None = None,
                  include_drafts: bool = False) -> list[tuple[Bank, Question]]:
    """Questions due for review by ``until`` (default: the end of today), most overdue first.

    Only questions the profile has met are scheduled; one whose answer
    changed since is due at once (its schedule restarted).
    """
    limit = until or end_of_today(store.now())
    rows = review_rows(store, profile)
    due: list[tuple[datetime, int, Bank, Question]] = []
    for bi, bank in enumerate(banks):
        for q in bank.playable(include_drafts):
            r = rows.get((bank.id, q.id))
            if r is None:
                continue
            when = r.due if r.answer_hash == q.answer_hash else datetime.min.replace(tzinfo=UTC)
            if when <= limit:
                due.append((when, bi, bank, q))
    due.sort(key=lambda t: (t[0], t[1]))
    return [(b, q) for _w, _i, b, q in due]


def weakest_first(store: Store, profile: str, bank: Bank, *,
                  include_drafts: bool = False) -> list[Question]:
    """Every playable question of ``bank``, the ones most worth cramming first.

    Missed last time (lowest accuracy, most lapses first), then never
    seen, then answered right last time (least likely recalled first).
    """
    now = store.now()
    rows = review_rows(store, profile, bank.id)
    history: dict[str, list[bool]] = {}
    for a in store.attempts(profile=profile, bank_id=bank.id, final_only=True):
        q = bank.question(a.question_id)
        if q is not None and a.answer_hash == q.answer_hash:
            history.setdefault(a.question_id, []).append(a.correct)

    def key(item: tuple[int, Question]) -> tuple[Any, ...]:
        i, q = item
        h = history.get(q.id)
        if not h:
            return (1, 0.0, 0, i)
        accuracy = sum(h) / len(h)
        r = rows.get((bank.id, q.id))
        lapses = r.lapses if r is not None and r.answer_hash == q.answer_hash else 0
        if not h[-1]:
            return (0, accuracy, -lapses, i)
        fresh = r is not None and r.answer_hash == q.answer_hash
        recall = review.retrievability(r.card, now) if r and fresh else accuracy
        return (2, recall, -lapses, i)

    qs = list(enumerate(bank.playable(include_drafts)))
    return [q for _i, q in sorted(qs, key=key)]


def leeches(store: Store, profile: str) -> list[ReviewRow]:
    """Questions missed again and again (``review.LEECH_LAPSES`` or more lapses)."""
    rows = review_rows(store, profile).values()
    return sorted((r for r in rows if r.leech), key=lambda r: (-r.lapses, r.bank_id,
                                                               r.question_id))
