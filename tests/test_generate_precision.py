"""Generator precision: era years, dates whose choices do not give the answer away,
order-consistent distractors, lost context, true-by-construction statements and
subjects written as the article writes them."""

from __future__ import annotations

import random
from collections import Counter

from quiz.bank.article import parse_article
from quiz.generate.candidate import Candidate
from quiz.generate.distractors import Pools, pick
from quiz.generate.filters import lost_context
from quiz.generate.pipeline import generate
from quiz.generate.spans import Span, date_forms, date_sort_key, find_spans, format_like


def test_a_year_with_its_era_is_a_date() -> None:
    spans = find_spans("Cai arrived at court by 75 CE and died in 208 BC, not in 1998.")
    era = [(s.text, s.value) for s in spans if s.kind == "erayear"]
    assert era == [("75 CE", (75,)), ("208 BC", (-208,))]
    bc = next(s for s in spans if s.text == "208 BC")
    assert format_like(bc, (-210,)) == "210 BC"
    assert "208 BCE" in date_forms(bc) and "208" not in date_forms(bc)
    ce = next(s for s in spans if s.text == "75 CE")
    assert set(date_forms(ce)) == {"75 AD", "75"}


def _choice_pick(text: str, prompt: str) -> tuple[Span, list[str]]:
    span = find_spans(text)[0]
    c = Candidate(rule="cloze-date", type="text", prompt=prompt, answer=span.text,
                  kind=span.kind, quotes=[(0, 1)], group=0, answer_text=span.text, span=span)
    return span, pick(c, Pools(), "")


def _centre(answer: tuple[int, ...], options: list[tuple[int, ...]]) -> bool:
    """Does the answer agree with every option on some part while no other does?"""
    def shared(a: tuple[int, ...], b: tuple[int, ...]) -> int:
        return sum(x == y for x, y in zip(a, b, strict=True))
    scores = {o: sum(shared(o, p) for p in options if p != o) for o in options}
    best = max(scores.values())
    return scores[answer] == best and list(scores.values()).count(best) == 1


def test_made_up_dates_do_not_make_the_answer_the_centre() -> None:
    rng = random.Random(12)
    months = ["January", "March", "June", "July", "October", "December"]
    centred = 0
    positions: Counter[int] = Counter()
    for _ in range(400):
        text = f"on {rng.randint(1, 28)} {rng.choice(months)} {rng.randint(1100, 2020)}"
        span, wrong = _choice_pick(text, "It happened on _____.")
        assert len(wrong) == 3 and span.text not in wrong
        values = [find_spans(w)[0].value for w in wrong]
        centred += _centre(span.value, [span.value, *values])  # type: ignore[list-item]
        year = f"in {rng.randint(1100, 2020)}"
        yspan, ywrong = _choice_pick(year, "It was founded in _____.")
        keys = sorted([int(yspan.text), *map(int, ywrong)])
        positions[keys.index(int(yspan.text))] += 1
    assert centred < 400 * 0.3  # small edits of the answer made it the centre every time
    assert len(positions) == 4 and min(positions.values()) > 40  # anywhere in time order


def test_distractors_keep_the_order_of_the_dates_in_the_prompt() -> None:
    for n in range(300):
        y = 1500 + n
        prompt = f"The town was known as Fen from _____ to {y + 3}."
        _, wrong = _choice_pick(f"in {y}", prompt)
        assert wrong and all(int(w) < y + 3 for w in wrong), (y, wrong)
        prompt = f"The fair was held from 26 December {y} to _____."
        _, wrong = _choice_pick(f"on 1 January {y + 1}", prompt)
        start = (y, 12, 26)
        assert wrong and all(date_sort_key(find_spans(w)[0]) > start  # type: ignore[operator]
                             for w in wrong), (y, wrong)


def test_a_lone_name_in_the_possessive_has_lost_its_context() -> None:
    def c(prompt: str) -> Candidate:
        return Candidate("cloze-place", "text", prompt, "x", "place", [(0, 1)], 0)
    assert lost_context(c("Under Liu's rule, Xiangyang became a destination for _____."),
                        "Xiangyang")
    assert not lost_context(c("Xiangyang's built-up area has _____ districts."), "Xiangyang")
    assert not lost_context(c("The name of North Korea's news agency is _____."), "Kaesong")
    assert not lost_context(c("The 1922 Women's World Games were held in _____."),
                            "1922 Women's World Games")
    assert not lost_context(c("Lu'an had _____ inhabitants."), "Lu'an")


LEAD = """= Fenwick Tower =

Fenwick Tower is a stone tower built in 1620 in the town of Arlen, Wexmark.

The tower was restored in 1881 by the architect Ivo Stark. It was opened to visitors in 1902
after a long dispute. In 1950, the tower was given to the town of Arlen by its owners.
"""


def test_the_defining_sentence_is_never_a_true_statement() -> None:
    article = parse_article(LEAD)
    lead = article.paragraphs[0].sentences[0].text
    bank = generate(article, keep_all=True).bank
    assert not any(q.type == "truefalse" and q.answer is True and q.prompt == lead
                   for q in bank.questions)
    # the rule is about that sentence only: later sentences may still be true statements
    from quiz.generate import pipeline
    assert pipeline._lead_sentence(article) == article.paragraphs[0].sentences[0].start


CONCEPT = """= Cable-stayed bridge =

Infobox
- Carries: Pedestrians, bicycles, automobiles
- Crosses: Rivers

A cable-stayed bridge is a type of bridge with towers from which cables hold the deck.
Early examples, such as the Fenwick Bridge, were built in 1881 in Arlen. The first modern
cable-stayed bridge was opened in 1955 in Strömsund, in Sweden.
"""


def test_a_common_noun_subject_is_written_as_the_article_writes_it() -> None:
    from quiz.generate.context import topic_of

    article = parse_article(CONCEPT)
    assert topic_of(article).noun_phrase == "the cable-stayed bridge"
    proper = parse_article(CONCEPT.replace("A cable-stayed bridge", "Cable-stayed bridge")
                           .replace("modern\ncable-stayed bridge", "modern\nbridge"))
    assert topic_of(proper).noun_phrase != "the cable-stayed bridge"
    prompts = [q.prompt for q in generate(article, keep_all=True).bank.questions]
    assert "Name one kind of traffic that the cable-stayed bridge carries." in prompts
    assert not any("carries of" in p or "the crosses" in p for p in prompts)


def test_half_a_range_is_never_blanked() -> None:
    from quiz.generate.filters import bad_shape

    def c(prompt: str) -> Candidate:
        return Candidate("cloze-date", "text", prompt, "19 December 2002", "date", [(0, 1)], 0)
    assert bad_shape(c("The Cairo conference was held on 17–_____, at the Conrad Hotel.")) \
        == "cut-range"
    assert bad_shape(c("The Cairo conference was held on _____ at the Conrad Hotel.")) is None
