"""Failures a second reading of every draft found recurring, as general rules: hints that
quote a riddle of blanks or another draft's passage, causes nobody can type, infobox
phrases and figures that mislead, and an answer given away by another prompt's short name."""

from __future__ import annotations

from quiz.bank.article import parse_article
from quiz.bank.model import Evidence, Question
from quiz.generate import rules, why
from quiz.generate.hints import NEARBY, quotes_passage
from quiz.generate.pipeline import _hints_keep_other_answers, _short_name_shown, generate


def _bank(text: str) -> list[Question]:
    return generate(parse_article(text, "x.txt"), keep_all=True).bank.questions


def _q(qid: str, qtype: str, prompt: str, answer: object, hints: list[str],
       quote: str) -> Question:
    return Question(id=qid, type=qtype, prompt=prompt, answer=answer, hints=hints,
                    evidence=[Evidence(quote=quote)])


def test_a_quoted_sentence_holding_another_answer_is_dropped_not_holed() -> None:
    q = _q("a", "text", "Who was the mother of Lena Orsk?", "Mira Orsk",
           ["Look in the introduction.",
            f"{NEARBY}“Her father was Tomas Orsk, a miller from Brask.”"],
           "Her mother was Mira Orsk.")
    father = _q("b", "text", "Who was the father of Lena Orsk?", "Tomas Orsk", [],
                "Her father was Tomas Orsk, a miller from Brask.")
    _hints_keep_other_answers([q, father])
    assert q.hints == ["Look in the introduction."]


def test_a_hint_quoting_another_statement_or_number_is_dropped() -> None:
    stated = "In 1920 she founded the Veland Women's League in the capital."
    tf = _q("t", "truefalse", "In 1920 Lena Orsk founded the Veland Women's League.", True,
            ["Compare the statement with the passage."], stated)
    age = _q("n", "number", "How old was Lena Orsk when she left home?", 7, [],
             "She left home when she was seven, after her mother died.")
    other = _q("o", "text", "Where was Lena Orsk born?", "Brask",
               ["Look in the introduction.", f"{NEARBY}“{stated}”"], "She was born in Brask.")
    later = _q("l", "text", "Which river did Lena Orsk cross?", "Orva",
               ["Look in the introduction.",
                f"{NEARBY}“She left home when she was seven, after her mother died.”"],
               "She crossed the Orva.")
    _hints_keep_other_answers([tf, age, other, later])
    assert other.hints == ["Look in the introduction."]
    assert later.hints == ["Look in the introduction."]
    assert quotes_passage(f"{NEARBY}“In 1920 she founded the _____ in the capital.”", stated)
    assert not quotes_passage(f"{NEARBY}“She was born in Brask.”", stated)


def test_a_long_cause_is_not_asked_as_text_and_an_establishment_takes_its_name() -> None:
    forms = why._cause_forms("the establishment of the Republic of Veland")
    assert "Republic of Veland" in forms and "the Republic of Veland" in forms
    assert "Veland" not in why._cause_forms("the loss of the Veland")  # no act of making
    assert not why._typeable("his addition of pulp via tree bark and hemp ends", [])
    assert why._typeable("the impact of humans", [])


ARTICLE = """= Lena Orsk =

Infobox person
- Born: 1810
- Known For: Exploration of the northern Veland coast
- Occupation: Explorer

Lena Orsk (1810 – 1870) was a Velandic explorer. She mapped the coast of Veland in 1840.

==Legacy==
The Revolution of Lena Orsk ended the Brask monarchy and led to the establishment of the
Republic of Veland.
"""

TOWER = """= Tower of Orvell =

Infobox building
- Location: Brask, Veland
- Elevation: 57 m

The Tower of Orvell is a lighthouse in Brask, Veland. The structure stands 55 m tall and
overlooks the northern coast. It was built in 1712 by the Velandic navy.
"""


def test_a_known_for_phrase_and_an_elevation_beside_a_height_are_not_asked() -> None:
    assert not any("known for" in q.prompt for q in _bank(ARTICLE))
    short = ARTICLE.replace("Exploration of the northern Veland coast", "Mapping Veland")
    assert any("known for" in q.prompt for q in _bank(short))
    tower = _bank(TOWER)
    assert not any("elevation" in q.prompt for q in tower)
    assert _bank(TOWER.replace("stands 55 m tall and overlooks", "overlooks"))  # still drafts
    assert any("elevation" in q.prompt
               for q in _bank(TOWER.replace("The structure stands 55 m tall and", "It")))


def test_a_short_name_in_another_prompt_gives_the_answer_away() -> None:
    place = _q("p", "choice", "Where did the Battle of Orvell take place?", "Orva River", [],
               "It was fought on the Orva River.")
    place.choices = ["Orva River", "Brask River", "Vell River", "Tarn River"]
    text = "It was fought on the Orva River. The victory left them in control of the Orva."
    assert _short_name_shown(place, "The victory left them in control of the Orva.", text)
    assert not _short_name_shown(place, "The victory left them in control of the coast.", text)



def test_an_office_held_in_turn_is_not_asked_undated() -> None:
    # "Jon Jong-su, vice chairman of the Committee ..." -> no "Who was the vice chairman
    # of ...?": many have held it; a founder, a sister, a father is one person
    for role in ("vice chairman of ", "the vice minister of ", "the president of ",
                 "the director of "):
        assert rules._OFFICE_RE.search(role), role
    for role in ("the founder of ", "the sister of ", "the father of ", "the architect of "):
        assert not rules._OFFICE_RE.search(role), role


def test_the_same_answer_asked_again_is_dropped() -> None:
    from quiz.generate.pipeline import _same_answer
    dynasty = _q("d", "text", "Lena Orsk was a poet of which dynasty?", "Eastern Vell dynasty",
                 [], "Lena Orsk was a poet of the Eastern Vell dynasty.")
    again = _q("a", "text", "Lena Orsk was born during the _____ dynasty.", "Eastern Vell", [],
               "Lena Orsk was born during the Eastern Vell dynasty.")
    other = _q("o", "text", "Lena Orsk moved to _____ in 1840.", "Eastern Vell Bay", [],
               "Lena Orsk moved to Eastern Vell Bay in 1840.")
    assert _same_answer(again, dynasty)
    assert not _same_answer(other, dynasty)
    assert not _same_answer(_q("x", "text", "Where?", "Brask", [], "Brask."), dynasty)
