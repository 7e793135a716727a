"""Sentences with two dated facts split into one question each, and dates of verbs that
take no object ("it closed in 1960") asked with do-support."""

from __future__ import annotations

import random

from quiz.bank.article import parse_article
from quiz.generate.clauses import split_dated
from quiz.generate.pipeline import generate
from quiz.generate.rules import SentenceInfo, wh_when_active
from quiz.generate.spans import find_spans


def test_two_dated_clauses_become_two_sentences() -> None:
    assert split_dated("Construction on the bridge began on November 4, 2003, and it opened "
                       "to traffic on December 26, 2007.") == [
        "Construction on the bridge began on November 4, 2003.",
        "It opened to traffic on December 26, 2007."]
    # a shared subject, with or without its auxiliary
    assert split_dated("It opened in 1919 and closed in 1960.") == [
        "It opened in 1919.", "It closed in 1960."]
    assert split_dated("The town was sacked by the Mongols in 1268 and rebuilt in 1290 "
                       "by the Yuan.") == ["The town was sacked by the Mongols in 1268.",
                                           "The town was rebuilt in 1290 by the Yuan."]
    assert split_dated("He was born in 1801 and died in 1860.") == [
        "He was born in 1801.", "He died in 1860."]
    # one verb, two dated objects
    assert split_dated("Stade Pershing hosted the Inter-Allied Games in 1919 and the first "
                       "Women's World Games in 1922.")[1] == \
        "Stade Pershing hosted the first Women's World Games in 1922."
    # a second clause after a semicolon
    assert split_dated("The stadium held 29,000 people; it opened in 1919 and closed in "
                       "1960.") == ["It opened in 1919.", "It closed in 1960."]


def test_what_is_not_two_clauses_is_left_whole() -> None:
    for text in ("Joseph Leidy (September 9, 1823 – April 30, 1891) was an American "
                 "anatomist.",
                 "She married Wang Ningzhi in 360 and had a son.",
                 "The German Navy adopted a version in 1926.",
                 "Between 1920 and 1930 the city grew, and in 1931 it was renamed.",
                 "The bridge opened in 1957 and carried the railway and the road."):
        assert split_dated(text) == [], text


def _asked(text: str) -> list[tuple[str, object]]:
    s = parse_article(f"= T =\n\n{text}\n").sentences[0]
    si = SentenceInfo(s, "", s.text, "", s.text, spans=find_spans(s.text))
    return [(c.prompt, c.answer) for c in wh_when_active(si)]


def test_a_verb_without_object_is_asked_with_did() -> None:
    assert _asked("Stade Pershing closed in 1960.") == [
        ("In what year did Stade Pershing close?", 1960)]
    assert _asked("The Yangluo Bridge opened to traffic on December 26, 2007.") == [
        ("On what date did the Yangluo Bridge open to traffic?", "December 26, 2007")]
    assert _asked("Construction on the bridge began on 4 November 2003.") == [
        ("On what date did construction on the bridge begin?", "4 November 2003")]
    # a verb with an object, a date not at the end, two subjects: not asked
    assert _asked("The company opened a factory in 1960.") == []
    assert _asked("The stadium closed in 1960 after a fire.") == []
    assert _asked("France and Spain ended the war in 1659.") == []


ARTICLE = """= Stade Example =

Stade Example was a multi-purpose stadium in Paris, France. It was used for football \
matches. The stadium held 29,000 spectators at its height. It opened in 1919 and closed \
in 1962.
"""
# (the capacity has a sentence of its own: "The stadium held ...; it opened ..." now names
# the stadium and asks its capacity too, and two questions is the cap for one sentence)


def test_both_dates_of_one_sentence_reach_the_bank() -> None:
    bank = generate(parse_article(ARTICLE), keep_all=True).bank
    answers = {str(q.answer) for q in bank.questions}
    text = " ".join(q.prompt + " " + str(q.answer) for q in bank.questions)
    assert "1962" in answers or "closed in 1962" in text
    assert "1919" in text
    assert all("It " not in q.prompt and " it " not in q.prompt for q in bank.questions)


def test_splitting_never_invents_words() -> None:
    rng = random.Random(12)
    words = ["the", "bridge", "it", "opened", "closed", "was", "built", "in", "on", "and",
             ",", ";", "1919", "1960", "March", "3,", "2001", "Paris", "he", "died",
             "rebuilt", "hosted", "Games"]
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(3, 16))) + "."
        for clause in split_dated(text):
            dates = [x for x in find_spans(clause) if x.kind in ("date", "year", "monthyear")]
            assert len(dates) == 1, (text, clause)
            # each clause holds one date, and every word is from the sentence
            assert set(clause.rstrip(".").lower().replace(",", " ").split()) <= \
                set(text.lower().replace(",", " ").replace(";", " ").rstrip(".").split())
