"""Regression tests for the quality of generated drafts: one item per list answer,
balanced true/false, no list or phrase as a typed answer, accept forms that the
answer checker needs, and long cloze sentences kept for when they are needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.article import load_article, parse_article
from quiz.bank.model import Evidence, Question
from quiz.generate import forms
from quiz.generate.audit import audit, gradeable
from quiz.generate.candidate import Candidate
from quiz.generate.distractors import Pools
from quiz.generate.filters import long_cloze, reject_reason
from quiz.generate.infobox import _split_names
from quiz.generate.pipeline import generate
from quiz.generate.rules import trim_around
from quiz.play.answers import check

HERE = Path(__file__).parent
SEED = HERE.parent / "questions" / "inter-korean-liaison-office" / "article.txt"
ARTICLES = [SEED, *sorted((HERE / "articles").glob("*.txt"))]

TREATY = """= Treaty of Oakfield =

Infobox
- Type: Peace treaty
- Date Signed: 4 March 1802
- Signatories: Sir John Harrow, Lord Bexley, Pieter Jan Smit, J. B. M. Hertzen, C. H. Vos
- Diet: Mainly bread and cheese
- Distribution: Northern Oakland, Misford, Yarrow

The Treaty of Oakfield was a peace treaty signed on 4 March 1802 at Oakfield House.

==History==
Lord Bexley arrived in Oakfield in February 1802 with a small escort. Bexley met the
delegates of the republic at the Oakfield House, where the talks lasted three weeks.
"""


SPECIES = """= Oakfield vole =

Infobox
- Genus: Microtus
- Conservation Status: Least Concern
- Diet: Mainly bread and cheese
- Distribution: Northern Oakland, Misford, Yarrow

The Oakfield vole is a small rodent found in the meadows of Oakland.
"""


@pytest.fixture(scope="module")
def banks():
    return {p.stem: generate(load_article(p)).bank for p in ARTICLES}


def test_names_with_titles_and_initials_are_split_one_per_person() -> None:
    assert _split_names("Sir Alfred Milner, Lord Kitchener, J. B. M. Hertzog, C. H. Olivier") \
        == ["Sir Alfred Milner", "Lord Kitchener", "J. B. M. Hertzog", "C. H. Olivier"]
    # a title that describes the name before it stays with it
    assert _split_names("William, Duke of Normandy") == ["William, Duke of Normandy"]


def test_name_one_of_a_list_takes_every_item_and_each_alone() -> None:
    bank = generate(parse_article(TREATY)).bank
    q = next(q for q in bank.questions if q.prompt.startswith("Name one of the signatories"))
    assert q.answer == "Sir John Harrow"
    for name in ("Lord Bexley", "Pieter Jan Smit", "J. B. M. Hertzen", "C. H. Vos",
                 "John Harrow", "Bexley"):
        assert check(q, name).correct, name
    assert not check(q, "Sir John Harrow, Lord Bexley").correct or q.type != "text"


def test_no_typed_answer_is_a_list_or_a_long_phrase(banks) -> None:
    synthetic = generate(parse_article(TREATY)).bank
    for bank in [*banks.values(), synthetic]:
        for q in bank.questions:
            if q.type == "text":
                a = str(q.answer)
                assert a.count(", ") < 2 and not (", " in a and " and " in a), q.prompt
    # a diet is asked about a species only (a treaty's "Diet" key is not a known key)
    assert not any("diet" in q.prompt for q in synthetic.questions)
    synthetic = generate(parse_article(SPECIES), keep_all=True).bank
    diet = next(q for q in synthetic.questions if "diet" in q.prompt)
    assert diet.prompt.startswith("Name one food")
    assert check(diet, "bread").correct and check(diet, "cheese").correct
    where = next(q for q in synthetic.questions if q.prompt.startswith("Name one place"))
    assert all(check(where, p).correct for p in ("Misford", "Yarrow", "Oakland"))


def test_a_list_answer_is_rejected_by_the_filters() -> None:
    c = Candidate(rule="infobox-attribute", type="text", prompt="What is the range of the bird?",
                  answer="Northern New Guinea, Misool, Yapen", kind="attribute", quotes=[],
                  group=0)
    assert reject_reason(c, c.answer, "Bird") == "list-answer"  # type: ignore[arg-type]


def test_true_and_false_statements_are_balanced(banks) -> None:
    truths = [q.answer for b in banks.values() for q in b.questions if q.type == "truefalse"]
    assert truths.count(False) >= truths.count(True) - 1  # "always true" must not pay
    assert truths.count(False) >= 2
    for bank in banks.values():
        quotes = [q.evidence[0].quote for q in bank.questions if q.type == "truefalse"]
        assert len(quotes) == len(set(quotes))  # never two statements from one sentence


def test_a_false_statement_is_grounded_in_the_article(banks) -> None:
    for bank in banks.values():
        text = bank.article.text
        for q in bank.questions:
            if q.type == "truefalse" and q.answer is False:
                quote = q.evidence[0].quote
                changed = [w for w in q.prompt.rstrip(".").split() if w not in quote]
                assert changed, q.prompt
                assert all(w.strip(",;:") in text for w in changed), q.prompt


def test_no_false_statement_from_inside_a_longer_name() -> None:
    c = Candidate(rule="cloze-place", type="text", prompt="x", answer="St Paul", kind="place",
                  quotes=[], group=0, answer_text="St Paul",
                  statement="On Tuesday the fire reached St Paul's Cathedral, whose roof melted.")
    pools = Pools(names={"place": ["St Paul", "Pudding Lane", "Westminster"]})
    assert [f.answer for f in forms.truefalse_forms(c, pools)] == [True]


def test_no_false_statement_swapping_a_place_beside_another_place() -> None:
    c = Candidate(rule="cloze-place", type="text", prompt="x", answer="France", kind="place",
                  quotes=[], group=0, answer_text="France",
                  statement="At fourteen he was sent to France, where he studied in Paris.")
    pools = Pools(names={"place": ["France", "Paris", "Portsmouth", "Bristol"]})
    assert [f.answer for f in forms.truefalse_forms(c, pools)] == [True]


def test_generated_questions_are_gradeable_by_the_answer_checker(banks) -> None:
    for bank in banks.values():
        assert not audit(bank), bank.id
        for q in bank.questions:
            assert gradeable(q) == [], (q.prompt, q.answer, q.accept)


def test_the_gradeable_check_catches_a_wrong_accept_and_an_accepted_distractor() -> None:
    ev = [Evidence(quote="x")]
    q = Question(id="q", type="text", prompt="p", answer="Lisbon", accept=[""], evidence=ev)
    assert "answer-not-accepted" in gradeable(q)
    q = Question(id="q", type="choice", prompt="p", answer="Lisbon", evidence=ev,
                 choices=["Lisbon", "lisbon!", "Porto"])
    assert "distractor-accepted" in gradeable(q)


def test_accept_forms_the_article_supports(banks) -> None:
    bank = generate(parse_article(TREATY)).bank
    forms_seen = {a for q in bank.questions for a in q.accept}
    assert "Bexley" in forms_seen  # the article calls him "Bexley" alone
    # never alone in the article, but the title puts his given name first: a teacher marks
    # the surname right ("Milner" for Sir Alfred Milner, as the reviewers asked)
    assert "Harrow" in forms_seen
    assert not forms_seen & {"John", "Sir", "Jan", "Pieter"}
    seed = banks["article"]
    for q in seed.questions:
        if q.type == "text" and q.answer == "Blue House":
            assert check(q, "the Blue House").correct


def test_long_cloze_sentences_are_trimmed_or_kept_back() -> None:
    text = ("After months of talks in the capital and a long winter of delays caused by the "
            "floods, the council finally agreed that the new stone bridge over the wide river "
            "near the old mill would open to carts and walkers in 1840.")
    start = text.index("1840")
    short, s, e = trim_around(text, start, start + 4)
    assert short[s:e] == "1840" and len(short.split()) < len(text.split())
    assert short.startswith("The council")
    c = Candidate(rule="cloze-year", type="number", prompt=" ".join(["word"] * 36),
                  answer=1840, kind="year", quotes=[], group=0)
    assert long_cloze(c)
