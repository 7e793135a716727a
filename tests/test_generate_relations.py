"""Kinship and taxonomy questions: a relative asked only where one answer fits (pinned
down by what they were, or a role with one holder), a species' family and order from
its defining sentence, and a former genus with its date."""

from __future__ import annotations

import random

from quiz.bank.article import parse_article
from quiz.generate.audit import shares_a_stem
from quiz.generate.pipeline import generate
from quiz.generate.relations import kinship, taxonomy
from quiz.generate.text import strip_parens
from tests.generate_support import plain_infos

POET = """= Wen Sample =

Wen Sample was a poet of the Eastern Jin dynasty.
Wen Sample was the niece of Prime Minister Wen An, the daughter of General Wen Yi, \
and the wife of calligrapher Wang Ningzhi.
Her father was Wen Yi and her mother was Ruan Rong.
Wen Sample was a daughter of Cai Yong. She wrote poems, and she sang.
"""

FISH = """= Ruritanian sturgeon =

- Genus: Sinosturio
- Conservation status: CR

The Ruritanian sturgeon is a critically endangered member of the family Acipenseridae \
in the order Acipenseriformes.
It lives in rivers. Prior to 2025, it was placed in the genus Acipenser.
"""


def _asked(text: str, rule) -> list[tuple[str, object]]:
    _article, topic, infos = plain_infos(text)
    out = []
    for si in infos:
        out += [(c.prompt, c.answer) for c in rule(si, topic)]
    return out


def test_a_relative_is_asked_by_what_they_were() -> None:
    asked = _asked(POET, kinship)
    assert ("Wen Sample was the niece of which prime minister?", "Wen An") in asked
    assert ("Wen Sample was the daughter of which general?", "Wen Yi") in asked
    assert ("Wen Sample was the wife of which calligrapher?", "Wang Ningzhi") in asked
    assert ("Who was Wen Sample's mother?", "Ruan Rong") in asked
    assert ("Who was Wen Sample's father?", "Wen Yi") in asked
    # "a daughter of Cai Yong": the other parent would be right too
    assert not any(a == "Cai Yong" for _, a in asked), asked


def test_relatives_of_one_family_reach_the_bank_with_titles_accepted() -> None:
    bank = generate(parse_article(POET, "x.txt"), keep_all=True).bank
    kin = [q for q in bank.questions if q.origin == "generated:kinship"]
    assert len({q.answer for q in kin}) >= 3, [q.prompt for q in kin]
    niece = [q for q in kin if "niece" in q.prompt]
    assert niece and "Prime Minister Wen An" in niece[0].accept


def test_a_species_family_order_and_former_genus() -> None:
    asked = _asked(FISH, taxonomy)
    assert ("To which family does the Ruritanian sturgeon belong?", "Acipenseridae") in asked
    assert ("To which order does the Ruritanian sturgeon belong?", "Acipenseriformes") in asked
    assert ("Prior to 2025, in which genus was the Ruritanian sturgeon placed?",
            "Acipenser") in asked
    # a person's article has no taxonomy, a fish has no kin
    assert _asked(POET, taxonomy) == [] and _asked(FISH, kinship) == []


def test_a_taxon_built_on_the_subjects_name_is_not_asked() -> None:
    # "Okapia" for the okapi, "Welwitschiaceae" for Welwitschia: the subject spells it
    text = FISH.replace("family Acipenseridae", "family Sturgeonidae")
    assert ("To which family does the Ruritanian sturgeon belong?", "Sturgeonidae") \
        in _asked(text, taxonomy)
    asked = {(q.prompt, q.answer) for q in generate(parse_article(text), keep_all=True)
             .bank.questions}
    assert not any(answer == "Sturgeonidae" for _prompt, answer in asked), asked
    assert ("What is the genus of the Ruritanian sturgeon?", "Sinosturio") in asked
    # a name's head word is what counts; common words and short ones begin too many others
    assert shares_a_stem("Friedrich Welwitsch", "Welwitschia is named after _____.")
    assert not shares_a_stem("Korean Central News Agency", "North Korea's news agency?")
    assert not shares_a_stem("possibly extinct", "driven to extinction by humans")


def test_kinship_and_taxonomy_never_break_on_random_sentences() -> None:
    rng = random.Random(12)
    words = " ".join([
        "Wen Sample was the niece wife daughter of General Prime Minister calligrapher",
        "her father mother is a member family order genus Acipenseridae , and . which",
        "placed in Prior to 2025 the Ruritanian sturgeon Xie An"]).split()
    for _ in range(1500):
        body = " ".join(rng.choice(words) for _ in range(rng.randint(3, 20)))
        for text, rule in ((f"= Wen Sample =\n\nWen Sample was a poet. {body}.\n", kinship),
                           (FISH + f"\n{body}.\n", taxonomy)):
            for prompt, answer in _asked(text, rule):
                assert prompt.endswith("?") and answer and str(answer) in text


def test_parentheses_take_their_era_and_leave_the_comma() -> None:
    assert strip_parens("Xie Daoyun (Pinyin: Xie) courtesy name Lingjiang (), was a poet of "
                        "the Eastern Jin dynasty (266–420) CE.") == \
        "Xie Daoyun, courtesy name Lingjiang, was a poet of the Eastern Jin dynasty."
    assert strip_parens("In 105 (a year) CE he left.") == "In 105 CE he left."


FAMILY = """= Wen Sample =

Wen Sample was a poet of the Eastern Jin dynasty.
Wen Sample was the niece of Prime Minister Wen An, the daughter of General Wen Yi, the \
sister of General Wen Xuan, and the wife of calligrapher Wang Ningzhi.
She wrote poems, and her poems were sung by her friends.
"""


def test_four_relatives_in_one_sentence_are_all_asked() -> None:
    # the per-sentence cap would keep two; each relative is its own fact
    bank = generate(parse_article(FAMILY, "x.txt"), keep_all=True).bank
    kin = {q.answer for q in bank.questions if q.origin == "generated:kinship"}
    assert kin == {"Wen An", "Wen Yi", "Wen Xuan", "Wang Ningzhi"}, kin
