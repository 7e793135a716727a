"""Candidate extraction for ``quiz generate``: spans, names, infobox fields, context."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.article import load_article, parse_article
from quiz.generate import infobox, rules
from quiz.generate.audit import article_units
from quiz.generate.context import ContextReader, topic_of
from quiz.generate.entities import ORG, PERSON, PLACE, TOPIC, build_index
from quiz.generate.spans import date_forms, find_spans, format_like
from quiz.generate.text import BLANK, strip_parens
from quiz.generate.why import why_questions
from tests.generate_support import sentence_infos

ARTICLES = Path(__file__).parent / "articles"
SEED = Path(__file__).parent.parent / "questions" / "inter-korean-liaison-office" / "article.txt"

# A small article of our own, with the traps the rules must handle.
BRIDGE = """= Harbour Bridge of Tallow =

Infobox
- Name: Harbour Bridge of Tallow
- Location: Tallow, Wexmark
- Opened: 3 May 1932
- Architect: Edda Morn
- Length: 1,149 m
- Chief1 Name: Ivo Stark
- Chief1 Position: Bridge Master
- Operator: Wexmark Roads Agency
- Jurisdiction: WXM, OSK

The Harbour Bridge of Tallow is a steel arch bridge over the river Lune in Tallow.
It was designed by Edda Morn, the daughter of Karl Morn, and built by the Wexmark
Roads Agency.

==History==
In 1924, Edda Morn proposed a single arch. The king opened a ferry in 1901, and another
king closed it in 1925. The bridge was opened on 3 May 1932 at 11:30 am. A year later, in
1933, tolls were removed. The works cost 4.2 million crowns ($1.1 million). Three men died
during construction. The city grew. The bridge carries a railway; a second bridge carries
a road. He later moved to Osk.

==See also==
- Lune
"""


@pytest.fixture(scope="module")
def bridge():
    return parse_article(BRIDGE, "bridge.txt")


# ------------------------------------------------------------------ spans


def test_dates_in_both_orders_and_forms() -> None:
    spans = find_spans("It opened on 16 June 2020 and closed on November 23, 2023.")
    assert [(s.kind, s.text) for s in spans] == [("date", "16 June 2020"),
                                                 ("date", "November 23, 2023")]
    assert date_forms(spans[0]) == ["June 16, 2020"]
    assert format_like(spans[1], (2018, 4, 27)) == "April 27, 2018"
    assert format_like(spans[0], (2018, 4, 27)) == "27 April 2018"


def test_a_year_needs_a_cue_word_and_ranges_are_skipped() -> None:
    kinds = [(s.kind, s.text) for s in find_spans("In 1571 the 2018 agreement failed.")]
    assert kinds == [("year", "1571")]  # "the 2018 agreement" is a modifier, not a date
    assert not [s for s in find_spans("He travelled in 1860–1861.") if s.kind == "year"]


def test_money_quantities_counts_and_times() -> None:
    spans = {s.kind: s for s in find_spans(
        "It cost 8.0 billion KRW ($7.1 million), covers 4498.57 m2, three men came at 2:50 pm.")}
    assert spans["money"].unit in ("KRW", "$") and spans["money"].value in (8.0e9, 7.1e6)
    assert spans["quantity"].value == pytest.approx(4498.57) and spans["quantity"].unit == "m2"
    assert spans["count"].value == 3 and spans["count"].unit == "men"
    assert spans["time"].text == "2:50 pm"


# ------------------------------------------------------------------ names


def test_name_kinds_on_the_seed_article() -> None:
    article = load_article(SEED)
    gaz = infobox.gazetteer(infobox.classify(article))
    idx = build_index(article, gaz)
    assert idx.kind("Jon Jong-su") == PERSON
    assert idx.kind("Kim Yo-jong") == PERSON  # "the sister of ..." after it
    assert idx.kind("Roh Tae-kang") == PERSON  # "Minister of Culture, Sports and Tourism X"
    assert idx.kind("Ministry of Unification") == ORG
    assert idx.kind("Korean Central News Agency") == ORG
    assert idx.kind("North Korea") == PLACE
    assert idx.kind("Inter-Korean Liaison Office") == TOPIC
    assert "Tourism Roh Tae-kang" not in idx.kinds and "Culture" not in idx.of_kind(PERSON)


def test_role_words_are_split_from_names(bridge) -> None:
    idx = build_index(bridge)
    names = [m.text for m in idx.mentions("South Korean President Moon Jae-in met King John V.")]
    assert "Moon Jae-in" in names and "John V" in names
    assert not any(n.startswith(("South Korean", "King")) for n in names)


# ------------------------------------------------------------------ infobox


def test_infobox_fields_are_typed(bridge) -> None:
    kinds = {fi.f.key: fi.kind for fi in infobox.classify(bridge)}
    assert kinds == {
        "Name": "skip", "Location": "place", "Opened": "date", "Architect": "person",
        "Length": "quantity", "Chief1 Name": "person", "Chief1 Position": "skip",
        "Operator": "org", "Jurisdiction": "skip",
    }


def test_infobox_questions_read_well(bridge) -> None:
    fields = infobox.classify(bridge)
    qs = {c.prompt: c for c in infobox.candidates(bridge, fields, topic_of(bridge))}
    assert qs["When was the Harbour Bridge of Tallow opened?"].answer == "3 May 1932"
    assert qs["Who was the architect of the Harbour Bridge of Tallow?"].answer == "Edda Morn"
    # "Chief1 Name" is a numbered key: one of several values, so it is never asked
    assert not any("Bridge Master" in p for p in qs)
    length = qs["How long is the Harbour Bridge of Tallow (in m)?"]
    assert length.type == "number" and length.answer == 1149 and length.unit == "m"
    # the quote is the field as the article writes it
    s, e = length.quotes[0]
    assert bridge.text[s:e] == "Length: 1,149 m"


def test_flag_codes_are_dropped_from_signatories() -> None:
    article = load_article(ARTICLES / "panmunjom-declaration.txt")
    fi = next(f for f in infobox.classify(article) if f.f.key == "Signatories")
    assert fi.parts == ["Moon Jae-in", "Kim Jong-un"]


# ------------------------------------------------------------------ context


def _reader(article):
    return ContextReader(article, topic_of(article))


def test_lead_pronoun_becomes_the_subject(bridge) -> None:
    st = _reader(bridge).standalone(
        "It was designed by Edda Morn, the daughter of Karl Morn.", False, True)
    assert st.text == "The Harbour Bridge of Tallow was designed by Edda Morn, the daughter " \
        "of Karl Morn."


def test_biography_pronouns_become_the_full_name() -> None:
    article = load_article(ARTICLES / "orazio-antinori.txt")
    reader = _reader(article)
    st = reader.standalone("In 1848, he fought against the Neapolitans.", True, False)
    # the whole name, never a last word that may be a given name ("Cai Yan" -> "Yan")
    assert st.text == "In 1848, Orazio Antinori fought against the Neapolitans."
    st = reader.standalone("On his return to Italy he became the secretary.", True, False)
    assert st.text == "On Orazio Antinori's return to Italy he became the secretary."


@pytest.mark.parametrize(("sentence", "reason"), [
    ("The king opened a ferry in 1901.", "ambiguous-reference"),  # two kings
    ("The bridge carries a railway.", None),  # the topic's own head noun: fine
    ("He later moved to Osk.", "dangling-pronoun"),  # not a biography
    ("They crossed the river in 1920.", "dangling-pronoun"),
    ("This span was painted red.", "dangling-reference"),
    ("Both men were engineers.", "context-dependent"),
    ("The city grew.", "ambiguous-reference"),  # "the city" is first met here
])
def test_sentences_that_cannot_stand_alone(bridge, sentence, reason) -> None:
    st = _reader(bridge).standalone(sentence, False, False, BRIDGE[:BRIDGE.index("==History")])
    assert st.reason == (reason or "")
    assert (st.text is None) == (reason is not None)


def test_the_building_is_ambiguous_when_several_exist() -> None:
    article = load_article(SEED)
    st = _reader(article).standalone(
        "On 16 June 2020 at 2:50 pm, the four-story building was demolished by North Korea.",
        False, False, article.text)
    assert st.text is None and st.reason == "ambiguous-reference"


def test_relative_time_is_dropped_when_a_date_follows(bridge) -> None:
    st = _reader(bridge).standalone("A year later, in 1933, tolls were removed.", False, False)
    assert st.text == "In 1933, tolls were removed."
    st = _reader(bridge).standalone("A year later, tolls were removed.", False, False)
    assert st.text is None


def test_subject_noun_becomes_the_title() -> None:
    article = load_article(ARTICLES / "panmunjom-declaration.txt")
    st = _reader(article).standalone(
        "The declaration was submitted to the United Nations General Assembly on 6 September "
        "2018.", False, False, article.text)
    assert st.text.startswith("The Panmunjom Declaration was submitted")


def test_parentheses_are_dropped() -> None:
    assert strip_parens("The office () was headed by Jon (전종수) in 2018 (see below).") == \
        "The office was headed by Jon in 2018."


# ------------------------------------------------------------------ sentence rules


def _info(article, text):
    idx = build_index(article, infobox.gazetteer(infobox.classify(article)))
    sent = next(s for s in article.sentences if s.text.startswith(text[:30]))
    st = _reader(article).standalone(sent.text, True, True, article.text[:sent.start])
    si = rules.SentenceInfo(sent, "", st.text, st.reason, strip_parens(sent.text),
                            raw_mentions=idx.mentions(strip_parens(sent.text)))
    if st.text:
        si.spans = find_spans(st.text)
        si.mentions = idx.mentions(st.text)
    return si


def test_cloze_blanks_each_typed_span() -> None:
    article = load_article(SEED)
    si = _info(article, "The four-story office building was demolished by North Korea")
    cands = {c.answer: c for c in rules.cloze(si)}
    assert cands["16 June 2020"].prompt == \
        f"The four-story office building was demolished by North Korea on {BLANK}."
    assert cands["16 June 2020"].accept == ["June 16, 2020"]
    assert cands["North Korea"].rule == "cloze-place"


def test_wh_when_and_appositive_questions() -> None:
    article = load_article(SEED)
    si = _info(article, "The four-story office building was demolished by North Korea")
    (when,) = rules.wh_when(si)
    assert when.prompt == "On what date was the four-story office building demolished by " \
        "North Korea?"
    si = _info(article, "On 13 June, three days before the building was destroyed")
    (app,) = [c for c in rules.appositive(si) if c.answer == "Kim Yo-jong"]
    assert app.prompt == "Who was the sister of Kim Jong-un?"


def test_cause_question() -> None:
    # through the "why" rule the pipeline runs
    article, topic, infos = sentence_infos(SEED.read_text(encoding="utf-8"))
    why = next(c for c in why_questions(infos, topic, article_units(article))
               if "vacant" in c.prompt)
    assert why.prompt == "Why had the Inter-Korean Liaison Office been vacant since January?"
    assert why.answer == "the COVID-19 pandemic in Korea"
    assert "the COVID-19 pandemic" in why.accept
