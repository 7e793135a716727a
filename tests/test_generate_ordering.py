"""Dated events, ordering and "what happened" questions (``quiz.generate.events``,
``quiz.generate.ordering``)."""

from __future__ import annotations

import pytest

from quiz.bank.article import parse_article
from quiz.generate import events, infobox, ordering
from quiz.generate.pipeline import generate
from tests.generate_support import sentence_infos

KELL = """= Mara Kell =

Infobox
- Name: Mara Kell
- Born: 3 March 1850
- Died: 9 May 1921

Mara Kell was a Wexish explorer and botanist.

==Life==
""" + " ".join([
    'In 1871, Mara Kell sailed to the Osk Islands.',
    'In 1875, she founded the Lune Herbarium.',
    'She crossed the Vell Desert in 1880.',
    'In 1884, she was elected to the Wexish Academy.',
    'She published the Flora of Osk in March 1880.',
    'In 1890, she moved to Tallow and founded a school.',
    'In 1895, after the flood, Mara Kell rebuilt the garden.',
    'Mara Kell visited Rome in 1899 and Paris in 1900.',
]) + "\n"


@pytest.fixture(scope="module")
def kell():
    article, topic, infos = sentence_infos(KELL)
    fields = infobox.classify(article)
    return topic, events.extract(article, infos, fields, topic)


def test_events_carry_one_date_and_a_short_predicate(kell) -> None:
    _, evs = kell
    by_pred = {e.predicate: e for e in evs}
    assert by_pred["sailed to the Osk Islands"].key == (1871, 0, 0)
    assert by_pred["crossed the Vell Desert"].key == (1880, 0, 0)
    assert by_pred["published the Flora of Osk"].key == (1880, 3, 0)
    assert by_pred["was elected to the Wexish Academy"].passive
    assert by_pred["moved to Tallow"].key == (1890, 0, 0)  # the second verb is another event
    assert all(e.about_topic for e in evs if not e.infobox)


def test_no_event_from_a_leading_clause_or_two_dates(kell) -> None:
    _, evs = kell
    preds = " ".join(e.predicate for e in evs)
    assert all(e.key != (1895, 0, 0) for e in evs)  # "In 1895, after the flood, ...": whose?
    assert "visited" not in preds  # two dates in one sentence


def test_overlapping_dates() -> None:
    assert events.overlaps((1880, 0, 0), (1880, 3, 0))
    assert not events.overlaps((1880, 4, 0), (1880, 3, 0))
    assert not events.overlaps((1871, 0, 0), (1880, 0, 0))


def test_order_question_items_are_dated_distinct_and_sorted(kell) -> None:
    _, evs = kell
    (q,) = ordering.order_questions(evs)
    assert q.type == "order"
    keyed = {e.phrase: e.key for e in evs}
    keys = [keyed[i] for i in q.answer]
    assert keys == sorted(keys)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            assert not events.overlaps(a, b)
    assert len(q.quotes) == len(q.answer)  # the evidence covers every item


def test_order_question_takes_at_most_one_bookend(kell) -> None:
    _, evs = kell
    only_bookends_and_two = [e for e in evs if e.infobox] + [
        e for e in evs if e.predicate in ("sailed to the Osk Islands", "moved to Tallow")]
    (q,) = ordering.order_questions(only_bookends_and_two)
    assert sum(1 for i in q.answer if i.endswith(("was born", "died"))) == 1


def test_too_few_events_make_no_order_question(kell) -> None:
    _, evs = kell
    assert ordering.order_questions(evs[:2]) == []


def test_what_happened_offers_other_events_at_other_dates(kell) -> None:
    topic, evs = kell
    qs = events.what_happened(evs, topic)
    assert qs
    for q in qs:
        assert q.type == "choice" and q.answer in q.choices
        asked = next(e for e in evs if e.predicate == q.answer and not e.infobox)
        for choice in q.choices:
            if choice == q.answer:
                continue
            other = next(e for e in evs if e.predicate == choice)
            assert not events.overlaps(other.key, asked.key)
    crossing = [q for q in qs if q.answer == "crossed the Vell Desert"]
    for q in crossing:  # asked for 1880: March 1880 may be the same time
        assert "published the Flora of Osk" not in q.choices


def test_generate_writes_order_and_what_happened_questions() -> None:
    bank = generate(parse_article(KELL, "k.txt"), keep_all=True).bank
    origins = {q.origin for q in bank.questions}
    assert "generated:order-events" in origins
    assert "generated:what-happened" in origins
