"""What the subject is known for, a symbol of, regarded as the inventor of, the first to
do, and what it ended: the short phrase of each claim, asked in a question naming the
subject. Claims about someone else, vague answers and pronouns that may mean another are
not asked."""

from __future__ import annotations

from quiz.bank.article import parse_article
from quiz.generate.known import known_questions
from quiz.generate.pipeline import generate
from tests.generate_support import sentence_infos


def _asked(text: str) -> dict[str, tuple[object, list[str]]]:
    _, topic, infos = sentence_infos(text)
    return {c.prompt: (c.answer, c.accept) for c in known_questions(infos, topic)}


PERSON = """= Arlen Voss =

Arlen Voss (1702 – 1771) was a Tessarian engineer and surveyor. He is known for \
completing the first map of Tessaria using triangulation. He is best known for enabling \
Tessaria to domestically produce porcelain by bringing a glaze from Ombria. Although \
traditionally regarded as the inventor of the theodolite, earlier instruments existed, so \
Voss's work was one of improvement. Voss was the first Westerner to have recorded travels \
in the upper reaches of the Saluna, and his journal was widely read.
"""


def test_what_a_person_is_known_for() -> None:
    asked = _asked(PERSON)
    answer, accept = asked["What is Arlen Voss known for completing using triangulation?"]
    assert answer == "the first map of Tessaria"
    assert "map of Tessaria" in accept
    assert asked["What is Arlen Voss best known for enabling Tessaria to domestically "
                 "produce?"][0] == "porcelain"
    assert asked["What is Arlen Voss traditionally regarded as the inventor of?"][0] == \
        "the theodolite"
    answer, accept = asked["Arlen Voss was the first Westerner to have recorded travels in "
                           "the upper reaches of the _____."]
    assert answer == "Saluna" and "the Saluna" in accept


def test_a_claim_about_someone_else_is_not_asked() -> None:
    other = """= Arlen Voss =

Arlen Voss (1702 – 1771) was a Tessarian engineer and surveyor. His brother Tam Voss is \
known for completing the first map of Tessaria using triangulation. Although \
traditionally regarded as the inventor of the theodolite, earlier instruments existed, so \
the work was one of improvement. Another traveller was the first Westerner to have \
recorded travels in the upper reaches of the Saluna.
"""
    assert _asked(other) == {}


BATTLE = """= Battle of Merrow =

The Battle of Merrow was fought in 1402 between Calde and the Ostrian League. The \
defeat marked the end of the Ostrian eastward expansion and left Calde unchallenged. \
Merrow became a lasting symbol of Caldish independence and was celebrated in song.
"""


def test_what_a_battle_ended_and_stood_for() -> None:
    asked = _asked(BATTLE)
    answer, accept = asked["What did the Battle of Merrow mark the end of?"]
    assert answer == "the Ostrian eastward expansion"
    assert "Ostrian eastward expansion" in accept
    assert asked["Of what did the Battle of Merrow become a lasting symbol?"][0] == \
        "Caldish independence"


def test_a_vague_end_or_another_defeat_is_not_asked() -> None:
    vague = BATTLE.replace("the Ostrian eastward expansion", "an era")
    assert "What did the Battle of Merrow mark the end of?" not in _asked(vague)
    # "The defeat" opens a battle's article only: elsewhere it may be anyone's
    treaty = BATTLE.replace("= Battle of Merrow =", "= Treaty of Merrow =")
    assert not any("mark the end" in p for p in _asked(treaty))


BODY = """= Quillon Institute =

The Quillon Institute is a research foundation in Vara. This private medical research \
organization based in Vara was the first to isolate VXR, the agent that causes blight, \
in 1961.
"""


def test_what_a_body_was_first_to_do() -> None:
    asked = _asked(BODY)
    assert asked["What was the Quillon Institute the first to isolate in 1961?"][0] == "VXR"


POET = """= Lin Sera =

Lin Sera (1340 – 1399) was a poet of the Hesh court. She is best known for the anecdote \
about her quick wit, commonly referred to as the "Riddle of the Frozen Pond". She became \
famous for leading the Hesh Guard in the War of the Salt Gate, against the northern clans.
"""


def test_a_named_anecdote_and_a_command() -> None:
    asked = _asked(POET)
    answer, accept = asked["What is the anecdote about Lin Sera's quick wit commonly called?"]
    assert answer == "Riddle of the Frozen Pond"
    assert "the Riddle of the Frozen Pond" in accept
    answer, accept = asked["Whom did Lin Sera become famous for leading in the War of the "
                           "Salt Gate?"]
    assert answer == "the Hesh Guard" and "Hesh Guard" in accept


def test_the_pipeline_writes_them_as_typed_questions() -> None:
    bank = generate(parse_article(BATTLE)).bank
    known = [q for q in bank.questions if q.origin == "generated:known"]
    assert {q.prompt for q in known} >= {"What did the Battle of Merrow mark the end of?"}
    assert all(q.type == "text" for q in known)


def test_what_made_a_business_famous_but_not_a_hometown() -> None:
    firm = """= Dorrel Group =

The Dorrel Group is a trading group based in Pell. Glass blowing made the company famous. \
Its founder was Ama Dorrel.
"""
    assert _asked(firm)["What made the Dorrel Group famous?"][0] == "glass blowing"
    person = """= Ama Dorrel =

Ama Dorrel (1700 – 1760) was a Pellish glass maker. Glass blowing made her hometown \
famous.
"""
    assert _asked(person) == {}


def test_the_only_other_member_of_a_family() -> None:
    beast = """= Tarvel =

The tarvel is a hoofed mammal of the Keshan hills. The tarvel and the mossbuck are the \
only living members of the family Tarvelidae.
"""
    answer, accept = _asked(beast)["Besides the tarvel, what is the only other living member "
                                   "of the tarvel's family?"]
    assert answer == "the mossbuck" and "mossbuck" in accept
    other = beast.replace("The tarvel and the mossbuck", "The mossbuck and the rillhorn")
    assert _asked(other) == {}



def test_a_record_on_completion_of_the_subjects_own_kind() -> None:
    dam = """= Orra Dam =

The Orra Dam is a gravity dam on the Vell River. When built between 1890 and 1894, \
nothing of its size had been tried; on completion, it was the largest granite dam in the \
world.
"""
    asked = _asked(dam)
    assert asked["On completion, the Orra Dam was the largest _____ dam in the world."][0] == \
        "granite"
    other = dam.replace("largest granite dam", "largest granite quarry")
    assert _asked(other) == {}
