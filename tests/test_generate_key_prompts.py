"""Prompts the reviewers of the fourth held-out set failed as template English or as a
count the sentence gives: "How many membership does ...", "What was the resting place of
...", "the better known of the _____ species"; and a count the key facts and the prose give
differently."""

from __future__ import annotations

from quiz.bank.article import parse_article
from quiz.generate.pipeline import generate

SOCIETY = """= Brusk Society =

- Founded: 1830
- Membership: 16,500

The Brusk Society is a learned society in Brusk. Founded in 1830 for the study of rivers, \
the society has 16,000 members, who meet every spring.
"""


def _asked(text: str) -> dict[str, object]:
    return {q.prompt: q.answer for q in generate(parse_article(text, "x.txt"),
                                                 keep_all=True).bank.questions}


def test_a_membership_is_asked_as_members_and_not_when_the_prose_counts_otherwise() -> None:
    assert 16500 not in _asked(SOCIETY).values()  # 16,500 or 16,000: not sure which
    same = _asked(SOCIETY.replace("16,000 members", "16,500 members"))
    assert same.get("How many members does the Brusk Society have?") == 16500, same


def test_a_resting_place_is_asked_where_buried() -> None:
    text = """= Anna Korvel =

- Born: 3 May 1801
- Died: 9 March 1847
- Resting place: St Mary's Church, Brusk

Anna Korvel (1801 – 1847) was a Ruritanian collector of fossils. She sold her finds to \
museums in Brusk and Vell.
"""
    asked = _asked(text)
    assert asked.get("Where is Anna Korvel buried?") == "St Mary's Church", asked
    assert not any("resting place" in p for p in asked)


def test_two_is_not_asked_where_a_comparison_gives_it() -> None:
    text = """= Brusk lungfish =

The Brusk lungfish is a fish of the Ruritanian lakes. It has a vivid green skin, and is \
the better known of the two living species of its genus. It was first described in 1938.
"""
    assert 2 not in _asked(text).values()
    # without the comparison the count is not forced
    plain = text.replace("is the better known of the two living species of its genus",
                         "is one of two living species of its genus")
    assert 2 in _asked(plain).values()
