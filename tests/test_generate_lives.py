"""What a biography tells of a life, and how a battle or a treaty came out: nationality,
age at a turning point, teacher, a society that refused them, where they were seized or
held, what they studied, their rank, their book, where they were born; who won a battle,
who was defeated, who signed a treaty for whom. Only where the sentence is plainly about
the subject and the answer is the one the article gives."""

from __future__ import annotations

from quiz.bank.article import parse_article
from quiz.generate import infobox
from quiz.generate.entities import PERSON, TOPIC, build_index
from quiz.generate.lives import life_questions
from quiz.generate.outcomes import outcome_questions
from quiz.generate.pipeline import generate
from tests.generate_support import sentence_infos


def _asked(text: str) -> list[tuple[str, object]]:
    article, topic, infos = sentence_infos(text)
    fields = infobox.classify(article)
    index = build_index(article, {**infobox.gazetteer(fields),
                                  **{a: TOPIC for a in topic.aliases}})
    people = [n for n, k in index.kinds.items() if k == PERSON]
    return [(c.prompt, c.answer) for c in life_questions(infos, topic, article.text, people)]


def _outcomes(text: str) -> list[tuple[str, object]]:
    article, topic, infos = sentence_infos(text)
    return [(c.prompt, c.answer) for c in outcome_questions(infos, topic, article)]


SURVEYOR = """= Mori Kenzo =

Mori Kenzo was a Japanese engineer and surveyor. He mapped the northern coast.

==Early life==
Mori was born in the village of Tamba. His father died when he was six and he was adopted \
(age 15) by the Sato family of Kobe, a town in Settsu Province. He ran a brewery until he \
retired at the age of 52. After retirement, he moved to Osaka and became a pupil of \
astronomer Hara Shinzo. He studied mathematics at the Osaka Academy.
"""


def test_nationality_is_a_choice_among_neighbours_the_article_never_names() -> None:
    article, topic, infos = sentence_infos(SURVEYOR)
    cs = life_questions(infos, topic, article.text, [])
    nat = [c for c in cs if c.rule == "life-nationality"]
    assert [c.prompt for c in nat] == ["What nationality was Mori Kenzo?"]
    assert nat[0].answer == "Japanese"
    assert sorted(nat[0].choices) == ["Chinese", "Japanese", "Korean", "Vietnamese"]


def test_a_neighbour_the_article_names_is_no_wrong_option() -> None:
    text = SURVEYOR.replace("He mapped the northern coast.",
                            "He mapped the coast with Chinese instruments.")
    article, topic, infos = sentence_infos(text)
    nat = [c for c in life_questions(infos, topic, article.text, [])
           if c.rule == "life-nationality"]
    assert sorted(nat[0].choices) == ["Japanese", "Korean", "Mongolian", "Vietnamese"]


def test_age_at_a_turning_point() -> None:
    asked = _asked(SURVEYOR)
    assert ("How old was Mori Kenzo when his father died?", 6) in asked
    assert ("How old was Mori Kenzo when he was adopted by the Sato family of Kobe?", 15) in asked
    assert ("How old was Mori Kenzo when he retired?", 52) in asked


def test_teacher_and_studies() -> None:
    asked = _asked(SURVEYOR)
    # "became a pupil of" is the agents rule's (one question, one rule)
    assert not [p for p, _ in asked if "pupil" in p]
    assert ("What did Mori Kenzo study as a student?", "mathematics") in asked


def test_an_age_of_a_state_or_of_someone_else_is_not_asked() -> None:
    text = """= Anna Vogt =

Anna Vogt was a German painter.

==Life==
Her first long journey was a trip to Rome when she was five years old. \
Napoleon conquered Vienna when she was twelve.
"""
    assert not [p for p, _ in _asked(text) if p.startswith("How old")]


TRAVELLER = """= Clara Brenner =

Clara Brenner (1801 – 1860) was an Austrian traveller and writer. She journeyed through \
Asia and Africa. Though a member of the geographical society of Paris, she was denied \
membership by the Imperial Botanical Society in Vienna as it barred women.

==Early life==
Brenner was introduced to explorers by her tutor, Karl Weiss, and read widely. She fought in \
the uprising alongside her husband, Anton Brenner, earning the rank of Lieutenant Colonel.
"""


def test_her_tutor_rank_and_husband() -> None:
    asked = _asked(TRAVELLER)
    assert not [p for p, _ in asked if "denied" in p]  # the agents rule asks it
    assert ("Who was Clara Brenner's tutor?", "Karl Weiss") in asked
    assert ("What rank did Clara Brenner earn?", "Lieutenant Colonel") in asked
    assert ("Who was Clara Brenner's husband?", "Anton Brenner") in asked


def test_a_spouse_is_not_asked_when_the_article_tells_of_another_marriage() -> None:
    text = TRAVELLER + "She later married Paul Roth.\n"
    assert not [p for p, _ in _asked(text) if "husband" in p]


REBEL = """= Tran Van Loc =

Tran Van Loc (1870 – 1941) was a Vietnamese writer and revolutionary. In 1905, he founded \
a school in Hanoi. In 1926, French agents seized him in Canton. He was convicted of sedition \
and spent the rest of his life under house arrest in Hue.
"""


def test_where_he_was_seized_and_held_and_what_he_was_convicted_of() -> None:
    asked = _asked(REBEL)
    assert ("In 1926, where was Tran Van Loc seized by French agents?", "Canton") in asked
    assert ("Where did Tran Van Loc spend the rest of his life under house arrest?", "Hue") \
        in asked
    assert ("Of what was Tran Van Loc convicted?", "sedition") in asked


def test_a_pronoun_beside_another_person_is_not_read_as_the_subject() -> None:
    text = REBEL.replace("In 1926, French agents seized him in Canton.",
                         "In 1926, Governor Paul Merlin sent agents who seized him in Canton.")
    text = text.replace("He was convicted", "Later Merlin said he was convicted")
    asked = _asked(text)
    assert not [p for p, _ in asked if "seized" in p or "convicted" in p]


def test_books_and_birthplace() -> None:
    text = """= Hugo Lind =

Hugo Lind (1820 – 1890) was a Swedish naturalist.

==Life==
Lind was born into a poor family in Lund, Scania; his father was a baker. His book Birds of \
the Northern Marshes, published in 1861, described many species.
"""
    asked = _asked(text)
    assert ("Where was Hugo Lind born?", "Lund") in asked
    assert ("Which book by Hugo Lind was published in 1861?", "Birds of the Northern Marshes") \
        in asked


def test_no_birthplace_from_prose_when_the_facts_box_gives_one() -> None:
    text = """= Hugo Lind =

- Birth Place: Malmo, Sweden

Hugo Lind (1820 – 1890) was a Swedish naturalist. Lind was born into a poor family in Lund, \
Scania.
"""
    assert not [p for p, _ in _asked(text) if "born" in p]


def test_no_life_questions_for_what_is_not_a_person() -> None:
    text = """= Kelso Bridge =

The Kelso Bridge is a Scottish bridge over the Osk River. It was closed when it was ten \
years old.
"""
    assert _asked(text) == []


def test_the_defeated_side_of_a_battle() -> None:
    text = """= Battle of Vosk =

The Battle of Vosk was fought in 737 near the river Vosk. The combined forces of the \
Khazars and Alans defeated the forces of the ambitious general Marwan Ibn. \
It was a decisive battle.
"""
    assert _outcomes(text) == [("Which ambitious general was defeated at the Battle of Vosk?",
                                "Marwan Ibn")]


def test_a_defeated_side_without_a_description_is_not_asked() -> None:
    text = """= Battle of Vosk =

The Battle of Vosk was fought in 737. The Khazars defeated the forces of the Umayyads.
"""
    assert _outcomes(text) == []


def test_who_signed_a_treaty_for_whom_and_its_language() -> None:
    text = """= Treaty of Armel =

The Treaty of Armel was signed in 1701 between Sweden and Poland.

The signatories were Jan Sobek on behalf of King Augustus and Erik Dahl on behalf of the \
Swedish regent Karl. The authoritative version was in Latin, with a translation into Polish.
"""
    asked = _outcomes(text)
    assert ("Who signed the Treaty of Armel on behalf of King Augustus?", "Jan Sobek") in asked
    assert ("Who signed the Treaty of Armel on behalf of the Swedish regent Karl?",
            "Erik Dahl") in asked
    assert ("In which language was the authoritative version of the Treaty of Armel?",
            "Latin") in asked


def test_what_a_party_recognised_under_the_treaty() -> None:
    text = """= Treaty of Armel =

The Treaty of Armel ended the Northern War. Poland gave up all claims to Livonia and \
recognized the Dvina River as the southern boundary of Courland.
"""
    assert ("Under the Treaty of Armel, what did Poland recognize as the southern boundary "
            "of Courland?", "Dvina River") in _outcomes(text)


def test_a_regnal_number_after_the_name_is_still_a_person() -> None:
    text = """= Ama Serwaa =

Ama Serwaa I (1840 – 1921) was the Queen Mother of Ejura. In 1900, she led a war against \
the British Empire. She died in exile in the Seychelles in 1921.
"""
    asked = _asked(text)
    assert ("Where did Ama Serwaa die in exile?", "Seychelles") in asked


def test_one_signatory_for_one_party_is_not_asked() -> None:
    text = """= Treaty of Armel =

The Treaty of Armel was signed in 1701 between Sweden and Poland.

The signatories were Jan Sobek on behalf of King Augustus.
"""
    assert _outcomes(text) == []


def test_the_drafts_reach_the_bank() -> None:
    bank = generate(parse_article(REBEL, "a.txt")).bank
    origins = {q.origin for q in bank.questions}
    assert "generated:life-fate" in origins
