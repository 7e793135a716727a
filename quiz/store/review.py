"""Spaced review: how one settled answer moves a question's FSRS schedule.

Pure functions over JSON-friendly values; ``quiz.store.progress`` keeps the result in
its ``review`` table and ``quiz.store.queue`` reads it back. A question's card lives
under (profile, bank, question id): a reworded prompt keeps it, a changed answer
starts it afresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fsrs import Scheduler

# Ratings, as the fsrs package numbers them.
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4

# Anki's default: a question failed this often after first being seen is a
# leech, worth rewording or studying from the passage instead of drilling.
LEECH_LAPSES = 8

# Modes whose answers move the schedule. Cram is for the night before a test:
# it must not pretend a crammed answer is a remembered one.
SCHEDULED_MODES = frozenset({"practice", "test", "review"})


def rating_for(correct: bool, try_number: int, hints_used: int) -> int:
    """FSRS rating of a settled answer.

    Right at the first try with no hint is "good"; right only with help (a
    hint or a second try) is "hard"; anything else (wrong, partly right,
    skipped, timed out) is "again". "Easy" is never guessed from a quiz
    answer: speed says more about typing than about memory.
    """
    if not correct:
        return AGAIN
    if try_number > 1 or hints_used > 0:
        return HARD
    return GOOD


@cache
def scheduler() -> Scheduler:
    from fsrs import Scheduler

    # One 10-minute learning step: a miss comes back later the same day, a
    # first right answer graduates straight to days. No fuzzing: banks are
    # small, so due dates need no spreading, and tests stay deterministic.
    return Scheduler(learning_steps=(timedelta(minutes=10),), enable_fuzzing=False)


@dataclass(frozen=True)
class CardState:
    """What the store keeps per question (beside its hashes)."""

    card: str  # fsrs.Card as JSON
    due: datetime
    reps: int
    lapses: int
    last_rating: int | None
    last_review: datetime | None

    @property
    def leech(self) -> bool:
        return self.lapses >= LEECH_LAPSES


def new_card(card_id: int) -> str:
    """A fresh card as JSON (the id is given: fsrs would sleep 1 ms to make one)."""
    from fsrs import Card

    return Card(card_id=card_id, due=datetime(1970, 1, 1, tzinfo=UTC)).to_json()


def review(card_json: str | None, rating: int, when: datetime, *, card_id: int,
           reps: int = 0, lapses: int = 0) -> CardState:
    """The card after one rated answer at ``when`` (timezone-aware)."""
    from fsrs import Card, Rating

    card = Card.from_json(card_json) if card_json else Card.from_json(new_card(card_id))
    if card.last_review is None:
        card.due = when  # a new card is due the moment it is first seen
    updated, _log = scheduler().review_card(card, Rating(rating), when.astimezone(UTC))
    # A lapse is a miss on a question already seen: "what they keep getting wrong".
    lapse = rating == AGAIN and reps > 0
    return CardState(
        card=updated.to_json(), due=updated.due, reps=reps + 1, lapses=lapses + lapse,
        last_rating=rating, last_review=when,
    )


def retrievability(card_json: str, when: datetime) -> float:
    """Chance of recalling the question at ``when`` (0 for a card never reviewed)."""
    from fsrs import Card

    card = Card.from_json(card_json)
    if card.last_review is None:
        return 0.0
    return float(scheduler().get_card_retrievability(card, when.astimezone(UTC)))
