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
