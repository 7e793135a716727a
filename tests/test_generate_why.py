"""Why-questions from explicit causal sentences (``quiz.generate.why``)."""

from __future__ import annotations

import random

import pytest

from quiz.bank.article import parse_article
from quiz.generate import why
from quiz.generate.audit import article_units
from quiz.generate.pipeline import generate
from tests.generate_support import sentence_infos

MILL = """= Ostrava Grain Mill =

Infobox
- Name: Ostrava Grain Mill
- Opened: 1871

The Ostrava Grain Mill is a former water mill on the river Vell in Dorrin.

==History==
""" + " ".join([
    'The mill was closed in 1931 due to a long drought in the valley.',
    'Owing to a fire in 1904, the mill was rebuilt in 1905.',
    'The mill was sold in 1960 as a result of a family quarrel.',
    'The mill was flooded in 1972 because of a broken dam.',
    'Later owners renamed the mill because the old name offended the Vell guild.',
    'Jan Hobb built a second wheel so that barges could pass the weir.',
    'The roof was replaced in 1950 due to storms, floods, and rot.',
    'The mill was listed in 1990 due to their efforts.',
    'The mill was widened because of the rising traffic of heavy carts from the quarries'
    ' of the northern hills beyond the river.',
]) + "\n"


@pytest.fixture(scope="module")
def mill():
    article, topic, infos = sentence_infos(MILL)
    return why.why_questions(infos, topic, article_units(article))


def _by_prompt(cands, start: str):
    return [c for c in cands if c.prompt.startswith(start)]


def test_trailing_cause_with_an_auxiliary(mill) -> None:
    (q,) = [c for c in _by_prompt(mill, "Why was the Ostrava Grain Mill closed")
            if c.type == "text"]
    assert q.prompt == "Why was the Ostrava Grain Mill closed in 1931?"
    assert q.answer == "a long drought in the valley"
    assert "long drought in the valley" in q.accept


def test_leading_cause_clause(mill) -> None:
    (q,) = [c for c in _by_prompt(mill, "Why was the Ostrava Grain Mill rebuilt")
            if c.type == "text"]
    assert q.answer == "a fire in 1904"


def test_past_verb_takes_did_and_its_base_form(mill) -> None:
    (q,) = [c for c in _by_prompt(mill, "Why did") if "renam" in c.prompt and c.type == "text"]
    assert q.prompt == "Why did later owners rename the Ostrava Grain Mill?"
    assert q.answer == "the old name offended the Vell guild"


def test_purpose_clause(mill) -> None:
    (q,) = [c for c in mill if "second wheel" in c.prompt and c.type == "text"]
    assert q.prompt == "Why did Jan Hobb build a second wheel?"
    assert q.answer == "barges could pass the weir"


def test_no_question_from_a_cut_list_a_dangling_pronoun_or_a_long_cause(mill) -> None:
    prompts = " ".join(c.prompt for c in mill)
    assert "roof" not in prompts  # "storms, floods, and rot" would be cut to "storms"
    assert "listed" not in prompts  # "their efforts": whose?
    assert "widened" not in prompts  # the cause is longer than a readable option


def test_unrelated_causes_become_choices_and_a_false_statement(mill) -> None:
    choice = [c for c in mill if c.type == "choice"
              and c.prompt == "Why was the Ostrava Grain Mill closed in 1931?"]
    assert choice, "other causes of the same form should make a choice question"
    (c,) = choice
    assert c.answer == "a long drought in the valley"
    assert {"a fire in 1904", "a family quarrel"} <= set(c.choices)
    false = [c for c in mill if c.type == "truefalse"]
    assert false and all(c.answer is False for c in false)
    assert any(s in f.prompt for f in false for s in ("due to a fire", "owing to a long drought"))


def test_a_related_cause_is_not_offered_as_wrong() -> None:
    text = MILL.replace("a fire in 1904", "a long drought in 1904")
    article, topic, infos = sentence_infos(text)
    cands = why.why_questions(infos, topic, article_units(article))
    for c in cands:
        if c.prompt == "Why was the Ostrava Grain Mill closed in 1931?" and c.type == "choice":
            assert "a long drought in 1904" not in c.choices
    assert not [c for c in cands if c.type == "truefalse" and "drought in 1904" in c.prompt
                and "closed" in c.prompt]


@pytest.mark.parametrize("verb,base", [
    ("appointed", "appoint"), ("closed", "close"), ("levied", "levy"), ("stopped", "stop"),
    ("located", "locate"), ("maintained", "maintain"), ("considered", "consider"),
    ("called", "call"), ("agreed", "agree"), ("chose", "choose"), ("collapsed", "collapse"),
    ("demolished", "demolish"), ("opened", "open"),
])
def test_base_form(verb: str, base: str) -> None:
    assert why.base_form(verb) == base


def test_generate_writes_a_why_question() -> None:
    bank = generate(parse_article(MILL, "a.txt"), keep_all=True).bank
    assert any(q.origin == "generated:cause" and q.prompt.startswith("Why") for q in bank.questions)


def test_fuzzed_causal_sentences_never_invent() -> None:
    rng = random.Random(12)
    subjects = ["The mill", "The Ostrava Grain Mill", "Later owners", "The miller", "It", "They"]
    verbs = ["was closed", "closed", "was rebuilt", "had been empty", "moved", "is known"]
    markers = ["due to", "because of", "because", "owing to", "in response to", "so that",
               "in order to", "in protest over", "as a result of"]
    causes = ["a long drought", "the war, the plague and a fire", "their efforts", "it rained",
              "the guild of the Vell valley and the northern hills of the old kingdom", "( )",
              "a fire which spread", "the 1931 flood"]
    for _ in range(400):
        s = (f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(markers)} "
             f"{rng.choice(causes)}.")
        if rng.random() < 0.3:
            s = f"{rng.choice(markers).capitalize()} {rng.choice(causes)}, {s[0].lower()}{s[1:]}"
        text = f"= Ostrava Grain Mill =\n\nThe Ostrava Grain Mill is a mill.\n\n==History==\n{s}\n"
        article, topic, infos = sentence_infos(text)
        for c in why.why_questions(infos, topic, article_units(article)):
            assert c.type == "truefalse" or (c.prompt.startswith("Why ")
                                             and c.prompt.endswith("?"))
            if c.type != "truefalse":
                answer = str(c.answer).removeprefix("to ")
                assert answer.lower() in article.text.lower()
                assert len(answer.split()) <= why.MAX_CAUSE_WORDS


REVOLT = """= Dorrin Revolt =

The Dorrin Revolt was an uprising in Wexmark in 1848 and led to the fall of the Vell dynasty.

==Aftermath==
The war in the hills, which the revolt began, led to a long famine in the valley.
The Dorrin Revolt resulted in it.
"""


def test_effect_of_the_subject_is_asked() -> None:
    _, topic, infos = sentence_infos(REVOLT)
    (q,) = why.effect_questions(infos, topic)
    assert q.prompt == "What did the Dorrin Revolt lead to?"
    assert q.answer == "the fall of the Vell dynasty"
    # "which the revolt began, led to ...": the war led to it, not the subject
    assert "famine" not in q.answer
