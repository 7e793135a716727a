""""Put these events in order" questions from the article's dated events.

Only events whose dates are distinct and cannot be the same day ("2018" and
"22 October 2018" might be) are ordered together, and at most one of them may
be a bookend (a birth, a founding) whose place a student could guess unread.
"""

from __future__ import annotations

from quiz.generate.candidate import Candidate
from quiz.generate.events import Event, date_phrase, overlaps

MAX_ITEMS = 4
MIN_ITEMS = 3
MAX_ITEM_WORDS = 14
_BOOKENDS = ("was born", "died", "was founded", "was formed", "was established",
             "was dissolved")


def _bookend(e: Event) -> bool:
    return e.predicate in _BOOKENDS


def order_questions(events: list[Event]) -> list[Candidate]:
    usable = [e for e in events if len(e.phrase.split()) <= MAX_ITEM_WORDS]
    # prose events first, then infobox ones; within each, in reading order
    usable.sort(key=lambda e: (e.infobox, e.group))
    picked: list[Event] = []
    for e in usable:
        if len(picked) == MAX_ITEMS:
            break
        if any(overlaps(e.key, p.key) for p in picked):
            continue
        if _bookend(e) and any(_bookend(p) for p in picked):
            continue
        if any(e.phrase.lower() == p.phrase.lower() for p in picked):
            continue
        picked.append(e)
    if len(picked) < MIN_ITEMS:
        return []
    picked.sort(key=lambda e: e.key)
    items = [e.phrase for e in picked]
    return [Candidate(
        rule="order-events", type="order",
        prompt="Put these events in the order in which they happened, earliest first.",
        answer=items, kind="events", quotes=[e.quote for e in picked], group=-1,
        answer_text="", score=2.6, difficulty=3, tags=["dates", "events"],
        explanation=" ".join(f"{e.phrase} {date_phrase(e.date_text, e.key)}." for e in picked),
    )]

