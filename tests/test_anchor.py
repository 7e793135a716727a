"""Finding a quote again in an article: exact, folded, fuzzy; and what a passage asserts."""

from __future__ import annotations

from quiz.bank.anchor import Anchors, facts_of, fold_text
from quiz.bank.article import parse_article

TEXT = """= Office =

Infobox
- Formed: 14 September 2018
- Headquarters: Kaesong

The office was opened on 14 September 2018 in Kaesong. It cost 8.0 billion KRW to build.

==History==
The first meeting took place on 22 October 2018. A second meeting was held on 2 November 2018.
"""


def anchors() -> Anchors:
    return Anchors(parse_article(TEXT))


def text_of(a: Anchors, span) -> str:
    return a.text[span.start:span.end]


def test_tiers_find_exact_then_folded_then_fuzzy() -> None:
    a = anchors()
    [s] = a.find("It cost 8.0 billion KRW to build.")
    assert s.how == "exact" and text_of(a, s) == "It cost 8.0 billion KRW to build."
    [s] = a.find("it COST 8.0 billion krw, to build")
    assert s.how == "folded" and text_of(a, s).startswith("It cost 8.0 billion KRW to build")
    s = a.find("The first meeting happened on 22 October 2018.")[0]
    assert s.how == "fuzzy" and text_of(a, s).startswith("The first meeting took place")


def test_a_short_line_inside_a_long_quote_is_no_match() -> None:
    a = anchors()
    assert a.fuzzy("Headquarters: Kaesong, where the office stood until it was blown up") == []


def test_unrelated_text_is_not_found() -> None:
    assert anchors().find("Penguins breed in the Antarctic winter.") == []


def test_folding_keeps_decimal_points_and_drops_thousands_commas() -> None:
    assert fold_text("4,498.57 m² — Kaesong’s") == "4498.57 m2 kaesong s"


def test_facts_see_numbers_names_and_negations_but_not_wording() -> None:
    a = facts_of("The office was opened on 14 September 2018 in Kaesong.")
    b = facts_of("The office opened in Kaesong on 14 September 2018.")
    assert a.differences(b) == ([], [])
    c = facts_of("The office was opened on 15 September 2018 in Kaesong.")
    assert a.differences(c) == (["14"], ["15"])
    d = facts_of("The office was not opened on 14 September 2018 in Kaesong.")
    assert d.differences(a)[0] == ["not"]
    e = facts_of("The office was opened on 14 September 2018 in Seoul.")
    assert a.differences(e) == (["Kaesong"], ["Seoul"])


def test_evidence_at_adds_a_prefix_when_the_words_repeat() -> None:
    a = anchors()
    second = a.exact("meeting")[1]
    ev = a.evidence_at(second)
    assert ev is not None and ev.prefix == "second" and ev.quote == "meeting"
    first = a.exact("14 September 2018")[0]
    ev = a.evidence_at(first)
    assert ev is not None and ev.prefix is not None and ev.section == "Introduction"
