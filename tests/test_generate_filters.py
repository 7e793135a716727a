"""Hard filters and distractor rules of ``quiz generate``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from quiz.bank.article import load_article
from quiz.bank.normalize import fold
from quiz.generate import forms, infobox
from quiz.generate.candidate import Candidate
from quiz.generate.distractors import build_pools, pick
from quiz.generate.entities import build_index
from quiz.generate.filters import near_duplicate, reject_reason
from quiz.generate.spans import Span, find_spans

SEED = Path(__file__).parent.parent / "questions" / "inter-korean-liaison-office" / "article.txt"
QUOTE = "The four-story office building was demolished by North Korea on 16 June 2020."
TITLE = "Inter-Korean Liaison Office"


def cand(**kw) -> Candidate:
    base = dict(rule="cloze-date", type="text",
                prompt="The liaison office was demolished on _____.",
                answer="16 June 2020", kind="date", quotes=[(0, 1)], group=10,
                answer_text="16 June 2020")
    base.update(kw)
    return Candidate(**base)  # type: ignore[arg-type]


# ------------------------------------------------------------------ filters


def test_a_good_candidate_passes() -> None:
    assert reject_reason(cand(), QUOTE, TITLE) is None


@pytest.mark.parametrize(("change", "reason"), [
    ({"answer": "17 June 2020", "answer_text": "17 June 2020"}, "answer-not-in-evidence"),
    ({"prompt": "The building demolished on 16 June 2020 was demolished when?"},
     "answer-in-prompt"),
    ({"type": "number", "answer": 2020, "prompt": "In 2020 the office went; in what year?"},
     "answer-in-prompt"),
    ({"answer": "North Korea", "kind": "place",
      "prompt": "Which state of North Korea demolished the building?"}, "answer-in-prompt"),
    ({"answer": "Inter-Korean Liaison Office", "kind": "org",
      "prompt": "Which office was demolished on 16 June 2020?"}, None),  # checked below
    ({"prompt": "Demolished on _____?"}, "length"),
    ({"prompt": "When was it demolished by he?"}, "dangling-pronoun"),
    ({"type": "choice", "choices": ["16 June 2020", "16 June 2020", "1 May 2019"]},
     "bad-distractors"),
    ({"type": "choice", "choices": ["16 June 2020", "June 16, 2020", "1 May 2019", "2 May 2019"],
      "accept": ["June 16, 2020"]}, "bad-distractors"),
    ({"answer": "State", "answer_text": "State", "kind": "name"}, "answer-not-in-evidence"),
])
def test_rejections(change, reason) -> None:
    c = cand(**change)
    if c.answer == TITLE:
        quote = "The Inter-Korean Liaison Office was demolished on 16 June 2020."
        assert reject_reason(c, quote, TITLE) == "trivial"  # its own bank's subject
        return
    assert reject_reason(c, QUOTE, TITLE) == reason


def test_a_lone_word_of_unknown_kind_is_too_vague() -> None:
    c = cand(answer="State", answer_text="State", kind="name",
             prompt="Documents tied the archive to the _____ and foreign kingdoms.")
    assert reject_reason(c, "Documents tied the archive to the State and kingdoms.",
                         TITLE) == "vague-answer"


def test_number_answers_are_checked_as_numbers() -> None:
    c = cand(type="number", answer=4498.57, kind="quantity", answer_text="4498.57",
             prompt="The liaison office had an area of _____ m2.")
    assert reject_reason(c, "a building with an area of 4498.57 m2", TITLE) is None
    assert reject_reason(c, "a building with an area of 4500 m2", TITLE) == \
        "answer-not-in-evidence"


def test_two_blanks_from_one_sentence_are_near_duplicates() -> None:
    a = cand(prompt="The summit between _____ and Kim Jong-il.", answer="Kim Dae-jung",
             kind="person")
    b = cand(prompt="The summit between Kim Dae-jung and _____.", answer="Kim Jong-il",
             kind="person")
    assert near_duplicate(a, b)
    assert not near_duplicate(a, replace(b, group=99, prompt="Who ruled North Korea in 2000?"))


# ------------------------------------------------------------------ distractors


@pytest.fixture(scope="module")
def seed_pools():
    article = load_article(SEED)
    fields = infobox.classify(article)
    gaz = infobox.gazetteer(fields)
    index = build_index(article, gaz)
    spans = [s for p in article.paragraphs for st in p.sentences for s in find_spans(st.text)]
    return build_pools(spans, index, gaz)


def test_date_distractors_come_from_the_article_written_alike(seed_pools) -> None:
    span = find_spans("on 16 June 2020")[0]
    c = cand(span=span)
    wrong = pick(c, seed_pools, "")
    assert len(wrong) == 3
    assert all(find_spans(w)[0].kind == "date" for w in wrong)
    assert "16 June 2020" not in wrong and "June 16, 2020" not in wrong
    article_text = SEED.read_text(encoding="utf-8")
    assert all(w in article_text for w in wrong)  # real dates from the article


def test_person_distractors_are_people_not_in_the_sentence(seed_pools) -> None:
    sentence = ("It was headed by North Korean Representative Jon Jong-su and South Korean "
                "Representative Chun Hae-sung.")
    c = cand(kind="person", answer="Jon Jong-su", answer_text="Jon Jong-su", span=None,
             prompt=sentence.replace("Jon Jong-su", "_____"))
    wrong = pick(c, seed_pools, sentence)
    assert len(wrong) == 3
    assert "Chun Hae-sung" not in wrong  # named in the sentence: it might be right too
    assert not any(w in ("Jon", "Chun") for w in wrong)  # the same people, shortened
    index_people = set(seed_pools.names["person"])
    assert set(wrong) <= index_people


def test_accepted_forms_and_other_right_answers_are_never_distractors(seed_pools) -> None:
    c = cand(kind="person", answer="Moon Jae-in", answer_text="Moon Jae-in", span=None,
             accept=["Kim Jong-un"], exclude=["Kim Yo-jong"])
    wrong = pick(c, seed_pools, "", n=10)
    assert wrong
    assert not {fold(w) for w in wrong} & {fold("Moon Jae-in"), fold("Kim Jong-un"),
                                           fold("Kim Yo-jong")}


def test_numbers_are_perturbed_in_the_answer_format(seed_pools) -> None:
    span = Span("4498.57 m2", 0, 10, "quantity", 4498.57, "m2", "4498.57")
    c = cand(type="number", kind="quantity", answer=4498.57, answer_text="4498.57",
             number_format="4498.57", span=span)
    wrong = pick(c, seed_pools, "")
    assert len(wrong) == 3 and "4498.57" not in wrong
    assert all(len(w.split(".")[1]) == 2 for w in wrong)  # two decimals, like the answer


def test_choice_form_has_three_same_kind_options(seed_pools) -> None:
    c = cand(span=find_spans("on 16 June 2020")[0])
    choice = forms.choice_form(c, seed_pools)
    assert choice is not None and choice.type == "choice"
    assert choice.answer in choice.choices and len(choice.choices) == 4
    assert len({fold(x) for x in choice.choices}) == 4
    assert choice.choices == sorted(choice.choices, key=forms._date_order)


def test_false_statement_swaps_in_a_same_kind_value(seed_pools) -> None:
    span = find_spans("on 16 June 2020")[0]
    c = cand(span=span, statement=QUOTE)
    tf = {f.answer: f for f in forms.truefalse_forms(c, seed_pools)}
    assert tf[True].prompt == QUOTE
    false = tf[False].prompt
    assert false != QUOTE and "16 June 2020" not in false
    assert false.startswith("The four-story office building was demolished by North Korea on ")
