"""Set facts about the subject, read from the sentence shapes that state them: what it is
named after, its other and former names, its founder, its record, its UNESCO listing.
Each question names the subject itself; a sentence whose "It" means something else is
not read."""

from __future__ import annotations

import random

from quiz.bank.article import parse_article
from quiz.generate.facts import fact_questions
from quiz.generate.pipeline import generate
from tests.generate_support import plain_infos


def _asked(text: str) -> list[tuple[str, object, list[str]]]:
    article, topic, infos = plain_infos(text)
    return [(c.prompt, c.answer, c.accept)
            for c in fact_questions(infos, topic, article.text, ["Anna Korvel"])]


INSTITUTE = """= Vellmar Institute =

The Vellmar Institute is a research foundation in Brusk. It is named after Anna Korvel, \
who discovered the cure for red fever. The Vellmar Institute was founded in 1887 by \
Tomas Brell.
"""


def test_named_after_and_founder() -> None:
    asked = _asked(INSTITUTE)
    assert ("After whom is the Vellmar Institute named?", "Anna Korvel", []) in asked
    assert ("Who founded the Vellmar Institute?", "Tomas Brell", []) in asked


def test_it_that_means_something_else_is_not_read() -> None:
    text = """= Vellmar Institute =

The Vellmar Institute is a research foundation in Brusk. A hospital stands next to it. \
It is named after Anna Korvel, who ran it for years.
"""
    assert _asked(text) == []


RIVER = """= Ostra River =

The Ostra River, formerly known as the Kalvin River or Tesmar River, is a river in Brusk.
It is also called the Silver Serpent. The river was known as Ostrava from 1950 to 2010.
The Ostra River, formerly romanized as Ostrah, runs east.
"""


def test_other_and_former_names_blank_only_the_words_that_differ() -> None:
    asked = _asked(RIVER)
    # "River" is the subject's own word: blanking it all would leave it in the prompt
    assert ("The Ostra River was formerly called the _____ River.", "Kalvin",
            ["Tesmar"]) in asked
    assert ("What is another name for the Ostra River?", "Silver Serpent", []) in asked
    assert ("What was the Ostra River called from 1950 to 2010?", "Ostrava", []) in asked
    # a transliteration is not worth asking
    assert not any(a == "Ostrah" or "Ostrah" in acc for _, a, acc in asked), asked


def test_a_name_that_differs_only_by_a_letter_or_number_is_not_asked() -> None:
    text = """= Sirel 1 =

Sirel 1, also known as Sirel A, was the first Brusk satellite.
"""
    assert _asked(text) == []


RECORDS = """= Brusk Games Council =

The Brusk Games Council is a sports body. It is the world's second-largest \
multi-discipline sports organisation, after the Grand Games Committee.
"""


def test_second_to_what() -> None:
    asked = _asked(RECORDS)
    assert ("Which multi-discipline sports organisation is larger than the Brusk Games "
            "Council?", "Grand Games Committee", ["the Grand Games Committee"]) in asked
    league = """= Brusk League =

The Brusk League is a union of states. After the Grand Union, it is the largest grouping \
of states worldwide.
"""
    assert ("Which grouping of states is larger than the Brusk League?", "Grand Union",
            ["the Grand Union"]) in _asked(league)


def test_a_record_blanks_what_makes_it_one() -> None:
    text = """= Great Hall of Vesk =

The Great Hall of Vesk in the Old Brusk style is the largest adobe brick building in the \
world.
"""
    assert ("The Great Hall of Vesk is the largest _____ building in the world.",
            "adobe brick", ["adobe"]) in _asked(text)


HERITAGE = """= Great Hall of Vesk =

The Great Hall of Vesk is a hall in Brusk. Along with the old town, it was designated a \
World Heritage Site by UNESCO in 1988.
"""


def test_unesco_year_and_reason() -> None:
    assert ("In what year was the Great Hall of Vesk designated a UNESCO World Heritage "
            "Site?", 1988, []) in _asked(HERITAGE)
    lake = """= Lake Sorn =

In 1996, Lake Sorn was declared a World Heritage Site by UNESCO.
"""
    assert ("In what year was Lake Sorn declared a UNESCO World Heritage Site?", 1996,
            []) in _asked(lake)
    town = """= Vesk =

Vesk is a town in Brusk. The town, a former mining town in the hills, was designated a \
World Heritage Site by UNESCO due to its Baroque colonial architecture.
"""
    assert ("Why was Vesk designated a UNESCO World Heritage Site?",
            "its Baroque colonial architecture", ["Baroque colonial architecture"]) \
        in _asked(town)


def test_the_facts_reach_the_bank_with_their_evidence() -> None:
    town = """= Vesk =

Vesk, formerly Kalvin, is a town in Brusk. The town, a former mining town in the hills, \
was designated a World Heritage Site by UNESCO due to its Baroque colonial architecture.
"""
    bank = generate(parse_article(town, "x.txt"), keep_all=True).bank
    asked = {q.origin: q for q in bank.questions}
    assert {"generated:other-name", "generated:heritage"} <= set(asked), \
        [q.prompt for q in bank.questions]
    assert asked["generated:other-name"].prompt == "What was Vesk formerly called?"
    for q in asked.values():
        assert str(q.answer) in " ".join(e.quote for e in q.evidence)


def test_fact_rules_never_break_on_random_sentences() -> None:
    rng = random.Random(7)
    vocabulary = ("It is was named after for Anna Korvel , formerly known as also called "
                  "the Kalvin River or and founded by in 1887 world's second-largest "
                  "largest adobe building in the world after UNESCO World Heritage "
                  "Site designated 1988 due to its . traces roots to a bookshop Brusk")
    words = vocabulary.split()
    for _ in range(1500):
        body = " ".join(rng.choice(words) for _ in range(rng.randint(3, 22)))
        text = f"= Ostra River =\n\nThe Ostra River is a river. The Ostra River {body}.\n"
        for prompt, answer, accept in _asked(text):
            assert prompt.strip() and str(answer) and str(answer) in text
            assert all(a in text for a in accept)


def test_an_adverb_before_a_verb_is_no_other_name() -> None:
    text = """= Oakfield League =

The Oakfield League is a forum of river towns. The Oakfield League was formally \
established in Misford in 1961. The Oakfield League is officially the Oak River League.
"""
    asked = _asked(text)
    assert not any("established" in str(a) for _, a, _ in asked), asked
    # a name after the adverb is still read
    assert ("The Oakfield League is officially known as the _____ League.", "Oak River",
            []) in asked
