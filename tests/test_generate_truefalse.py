"""True/false statements: never true by their own words."""

from __future__ import annotations

from quiz.generate.candidate import Candidate
from quiz.generate.distractors import Pools
from quiz.generate.forms import truefalse_forms


def _stated(statement: str, answer: str, kind: str = "place") -> Candidate:
    return Candidate(rule="cloze-place", type="text", prompt=statement.replace(answer, "_____"),
                     answer=answer, kind=kind, quotes=[(0, 1)], group=0, answer_text=answer,
                     statement=statement)


def test_a_statement_whose_name_stands_inside_another_of_its_names_is_not_made() -> None:
    echo = _stated("Aru is part, with western New Guinea, of the Vogelkop-Aru rain forests "
                   "ecoregion.", "New Guinea")
    assert truefalse_forms(echo, Pools()) == []
    plain = _stated("Aru is part, with western New Guinea, of the Vogelkop rain forests "
                    "ecoregion.", "New Guinea")
    assert [f.answer for f in truefalse_forms(plain, Pools())] == [True]
    # two names that share a family name are no echo
    kims = _stated("The summit was held between Kim Dae-jung and Kim Jong-il in Pyongyang.",
                   "Pyongyang")
    assert truefalse_forms(kims, Pools())


LAKE = """= Oakfield Lake =

Oakfield Lake is a lake in the north of Ruritania.

==Protection==
In 1996 Oakfield Lake was declared a nature reserve by the council of Oakfield. \
A paper mill built on its shore in 1966 polluted the water for decades and was finally \
closed in 2013.
"""


def _lake_fact():
    from quiz.bank.article import parse_article
    from quiz.generate.audit import article_units
    from quiz.generate.spans import find_spans

    article = parse_article(LAKE, "x.txt")
    pools = Pools(units=article_units(article))
    for s in article.sentences:
        for span in find_spans(s.text):
            pools.add_span(span)
    declared, mill = article.sentences[-2:]
    year = next(s for s in find_spans(declared.text) if s.text == "1996")
    c = Candidate(rule="cloze-year", type="number",
                  prompt=declared.text.replace("1996", "_____"), answer=1996, kind="year",
                  quotes=[(declared.start, declared.end)], group=declared.start,
                  answer_text="1996", statement=declared.text, span=year, number_format="1996",
                  nearby=mill.text)
    return c, pools


def test_a_year_after_in_is_no_part_of_the_name_that_follows() -> None:
    from quiz.generate.filters import low_value

    c, _ = _lake_fact()
    assert c.prompt.startswith("In _____ Oakfield Lake")
    assert low_value(c, "Oakfield Lake") is None
    games = Candidate(rule="cloze-year", type="number", answer=2010, kind="year", quotes=[],
                      group=0, prompt="Oakfield hosted the _____ Asian Games in the summer.")
    assert low_value(games, "Oakfield") == "part-of-a-name"  # "the 2010 Asian Games" is one


def test_a_year_of_a_neighbouring_sentence_makes_a_sound_false_statement() -> None:
    # the mill's 2013, in the next sentence, is another event's year: "In 2013 Oakfield
    # Lake was declared a nature reserve" is false for a reason a student can learn
    c, pools = _lake_fact()
    made = truefalse_forms(c, pools)
    false = [f.prompt for f in made if f.answer is False]
    assert false and false[0].startswith(("In 2013 ", "In 1966 ")), made
