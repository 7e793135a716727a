"""Who did it: the people and bodies an article names as the doers of its subject's
deeds (designed, built, appointed by; whose brainchild, whose pupil, against whom; who
formed it). Each question names the subject; a doer among others, or an "It" that
means something else, is not asked."""

from __future__ import annotations

import re

from quiz.bank.article import parse_article
from quiz.generate.agents import agent_questions
from quiz.generate.pipeline import generate
from quiz.generate.rules import cloze
from tests.generate_support import sentence_infos


def _asked(text: str, people: tuple[str, ...] = ()) -> dict[str, tuple[object, list[str]]]:
    article, topic, infos = sentence_infos(text)
    return {c.prompt: (c.answer, c.accept)
            for c in agent_questions(infos, topic, article.text, list(people))}


BRIDGE = """= Harnow Bridge =

The Harnow Bridge crosses the Vell River at Osk.

==History==
The bridge was the brainchild of Peter Malloy, a merchant of Osk. It was designed by \
Edith Carrow. The bridge was built in Tarbury by the Osk Iron & Steel Company, before \
being floated down the river.
"""


def test_passive_doers_and_brainchild() -> None:
    asked = _asked(BRIDGE, ("Edith Carrow",))
    assert asked["Whose brainchild was the Harnow Bridge?"][0] == "Peter Malloy"
    assert asked["Who designed the Harnow Bridge?"][0] == "Edith Carrow"
    answer, accept = asked["Which company built the Harnow Bridge?"]
    assert answer == "Osk Iron & Steel Company"
    assert "the Osk Iron & Steel Company" in accept


def test_one_of_several_doers_or_another_it_is_not_asked() -> None:
    two = BRIDGE.replace("Edith Carrow.", "Edith Carrow and Hugo Marne.")
    assert "Who designed the Harnow Bridge?" not in _asked(two, ("Edith Carrow",))
    ferry = """= Harnow Bridge =

The Harnow Bridge crosses the Vell River at Osk. A ferry ran beside the old ford for \
years. It was built by Edith Carrow.
"""
    assert _asked(ferry, ("Edith Carrow",)) == {}


PERSON = """= Mira Tallon =

- Born: 3 May 1801

Mira Tallon (1801 – 1870) was a Fenwick astronomer. She was appointed by her uncle \
Joren Tallon as keeper of the observatory. In 1830, she led the revolt also known as \
the Lantern Rising against the Dorvish Empire.

==Life==
After her marriage, she moved to Hessel and became a pupil of mathematician Aldo Verri, \
who taught her geometry.
"""


def test_a_persons_appointer_opponent_and_teacher() -> None:
    asked = _asked(PERSON)
    answer, accept = asked["Who appointed Mira Tallon?"]
    assert answer == "Joren Tallon" and "her uncle" in accept
    answer, accept = asked["Against whom did Mira Tallon lead the Lantern Rising?"]
    assert answer == "Dorvish Empire" and "the Dorvish Empire" in accept
    assert asked["Mira Tallon became a pupil of which mathematician?"][0] == "Aldo Verri"


def test_a_society_that_refused_her() -> None:
    text = PERSON + ("Though a member of the society of Hessel, she was denied membership "
                     "by the Royal Botanical Society in Brusk as it barred women.\n")
    answer, _ = _asked(text)["Which society denied Mira Tallon membership?"]
    assert answer == "Royal Botanical Society"


def test_what_was_led_must_be_named() -> None:
    text = PERSON.replace("the revolt also known as the Lantern Rising",
                          "the hill tribes of the north")
    assert not any(p.startswith("Against whom") for p in _asked(text))


TRUST = """= Korvel Trust =

The Korvel Trust is a charity in Brusk. The heirs of the founder were Anna Korvel and \
Tomas Brell who formed the Korvel Trust to manage the estate.
"""


def test_two_founders_each_right() -> None:
    answer, accept = _asked(TRUST)["Name one of the people who formed the Korvel Trust."]
    assert answer == "Anna Korvel" and accept == ["Tomas Brell"]
    three = TRUST.replace("were Anna Korvel", "were Ivo Renn, Anna Korvel")
    assert _asked(three) == {}


BATTLE = """= Battle of Vesk =

The Battle of Vesk was the last battle of the Salt War. The Brusk army defeated an \
invading Dorvish force led by Halvar Oske on 3 May 1410, near the town of Vesk. After \
the battle, Brusk entered into peace negotiations with the Dorvish envoy, Pell Amrit.
"""


def test_commander_and_envoy_are_typed_not_chosen() -> None:
    asked = _asked(BATTLE, ("Halvar Oske", "Pell Amrit"))
    assert asked["Who led the invading Dorvish force at the Battle of Vesk?"][0] == \
        "Halvar Oske"
    assert asked["Who was the Dorvish envoy with whom Brusk entered into peace "
                 "negotiations?"][0] == "Pell Amrit"
    article, topic, infos = sentence_infos(BATTLE)
    assert all(c.typed_only for c in agent_questions(infos, topic, article.text,
                                                     ["Halvar Oske", "Pell Amrit"]))


def test_the_pipeline_writes_them_with_their_passage() -> None:
    bank = generate(parse_article(BRIDGE, "x.txt"), keep_all=True).bank
    agents = [q for q in bank.questions if q.origin == "generated:agent"]
    assert {q.prompt for q in agents} >= {"Whose brainchild was the Harnow Bridge?"}
    for q in agents:
        assert str(q.answer) in " ".join(e.quote for e in q.evidence)


def test_the_doers_role_and_the_verbs_adverb() -> None:
    text = """= Vell Lighthouse =

The Vell Lighthouse is a lighthouse on the island of Osk. It was originally designed by \
Scottish engineer Hugh Dunmore in 1850.
"""
    answer, accept = _asked(text)["Who originally designed the Vell Lighthouse?"]
    assert answer == "Hugh Dunmore" and "Scottish engineer Hugh Dunmore" in accept


def test_the_leaders_of_an_initiative_each_right() -> None:
    text = """= Salt League =

The Salt League is a union of trading towns. In 1410, the Salt League was formally \
established in Vesk through an initiative led by Brusk mayor Anna Korvel, Osk merchant \
Tomas Brell and Pell Amrit.
"""
    answer, accept = _asked(text)[
        "Name one of the people who led the initiative that established the Salt League."]
    assert answer == "Anna Korvel" and accept == ["Tomas Brell", "Pell Amrit"]


def test_no_blank_cut_across_a_hyphenated_name() -> None:
    # the envoy question leaves the sentence's other names to the blanks: none may cut the
    # war's name in two
    text = """= Treaty of Vesk =

The Treaty of Vesk officially ended the Brusk–Dorvish War in 1411. It was signed in Vesk.
"""
    _, _, infos = sentence_infos(text)
    prompts = [c.prompt for si in infos for c in cloze(si)]
    assert prompts and not any(re.search(r"_____–|–_____", p) for p in prompts), prompts


def test_present_doers_and_founders_after_a_setting() -> None:
    text = """= Vell Stadium =

The Vell Stadium is a football ground in Osk. It is operated by the Osk Leisure Company \
and owned by the town. The Vell Stadium was founded in Osk, Brusk, in 1887 by Tomas Brell.
"""
    asked = _asked(text, ("Tomas Brell",))
    assert asked["Which company operates the Vell Stadium?"][0] == "Osk Leisure Company"
    assert asked["Who founded the Vell Stadium?"][0] == "Tomas Brell"


def test_a_founder_right_after_the_verb_is_left_to_the_facts_rule() -> None:
    text = """= Vell Stadium =

The Vell Stadium is a football ground in Osk. The Vell Stadium was founded in 1887 by \
Tomas Brell.
"""
    assert "Who founded the Vell Stadium?" not in _asked(text, ("Tomas Brell",))


def test_doers_the_index_cannot_place() -> None:
    def asked(body: str) -> dict[str, tuple[object, list[str]]]:
        return _asked(f"= Vell Tower =\n\nThe Vell Tower is a tower in Osk. {body}\n")

    assert asked("It was opened by Queen Maren II of Brusk in 1851.") == {
        "Who opened the Vell Tower?": ("Queen Maren II of Brusk", [])}
    assert asked("It was designed by Gustave Varenne and built by the town.") == {
        "Who designed the Vell Tower?": ("Gustave Varenne", [])}
    assert asked("It was designed by the Ministry of Works.")[
        "Which body designed the Vell Tower?"][0] == "Ministry of Works"
    # two or three designers, a people that is no name, a place: not asked
    assert asked("It was designed by Smith and Jones.") == {}
    assert asked("It was designed by Ana Varenne, Piet Koel and Emile Nour.") == {}
    assert asked("It was built by Portuguese settlers.") == {}
    assert asked("It was built by Mexico City.") == {}


def test_a_people_as_doer_is_typed() -> None:
    article, topic, infos = sentence_infos(
        "= Vell Dam =\n\nThe Vell Dam is a dam on the Vell River. The dam was built by the "
        "British in 1902.\n")
    (c,) = agent_questions(infos, topic, article.text)
    assert (c.prompt, c.answer, c.accept, c.typed_only) == (
        "Who built the Vell Dam?", "the British", ["British"], True)
