"""What the subject is, asked from the sentences that define it: the capital of which
state, the river it stands on, the country a species is endemic to, the war a treaty
ended, a person's professions. Only sentences about the subject, never an answer the
title or the prompt already holds, never a sentence with a hole."""

from __future__ import annotations

from quiz.generate.lead import lead_questions
from tests.generate_support import sentence_infos


def _asked(text: str) -> list[tuple[str, object, list[str]]]:
    article, topic, infos = sentence_infos(text)
    lead_end = article.sections[1].start if len(article.sections) > 1 else len(article.text)
    return [(c.prompt, c.answer, c.accept)
            for c in lead_questions(infos, topic, article.text, lead_end)]


def _prompts(text: str) -> list[str]:
    return [p for p, _, _ in _asked(text)]


CITY = """= Vellmar =

Vellmar is the capital and most populous city of the island state of Tasmania, Australia. \
Located in the north on the estuary of the River Osk, it is a busy port for the region.
"""


def test_capital_of_and_the_river_it_stands_on() -> None:
    asked = _asked(CITY)
    assert ("Vellmar is the capital of which Australian state?", "Tasmania",
            ["island state of Tasmania"]) in asked
    assert ("On the estuary of which river is Vellmar located?", "River Osk",
            ["Osk", "the River Osk"]) in asked


def test_a_sentence_about_something_else_is_not_read() -> None:
    text = """= Vellmar =

Vellmar is a town with a long history. A mill stands beside the harbour. \
Located on the estuary of the River Osk, it is the capital of the island state of Tasmania.
"""
    assert _asked(text) == []


def test_a_sentence_with_a_hole_is_not_read() -> None:
    text = """= Kelso Bridge =

The Kelso Bridge crosses the Osk River and is between and long.
"""
    assert _asked(text) == []
    whole = """= Kelso Bridge =

The Kelso Bridge crosses the Osk River just below the falls.
"""
    assert _asked(whole) == [("Which river does the Kelso Bridge cross?", "Osk River",
                              ["Osk", "the Osk River"])]


MOUNTAIN = """= Mount Kelso =

Mount Kelso is a mountain in the Veldt mountain range, in the north of the country. \
It is the highest mountain outside Asia.
"""


def test_the_range_it_is_in_and_the_record_outside_a_continent() -> None:
    asked = _asked(MOUNTAIN)
    assert ("In which mountain range is Mount Kelso located?", "Veldt",
            ["Veldt mountain range", "the Veldt"]) in asked
    assert ("Mount Kelso is the highest mountain outside which continent?", "Asia",
            []) in asked


def test_a_record_within_its_own_country_is_not_asked() -> None:
    text = """= Kelso Light =

The Kelso Light is the second-tallest lighthouse in Spain, after the Torre Alta.
"""
    assert _asked(text) == []


SPECIES = """= Dwarf kelpie =

Dwarf kelpie
- Genus: Kelpia

The dwarf kelpie (Kelpia minor) is a small mammal that is endemic to the northeast \
Democratic Republic of the Congo. Although the dwarf kelpie has striped legs, it is most \
closely related to the giraffe.
"""


def test_where_a_species_is_endemic_and_what_it_is_related_to() -> None:
    asked = _asked(SPECIES)
    assert ("To which country is the dwarf kelpie endemic?",
            "Democratic Republic of the Congo", ["the Democratic Republic of the Congo"]) in asked
    assert ("To which animal is the dwarf kelpie most closely related?", "giraffe",
            ["the giraffe"]) in asked


def test_a_family_named_after_the_answer_gives_it_away() -> None:
    text = SPECIES + "The dwarf kelpie and the okapi are the only living members of the " \
        "family Kelpidae. The dwarf kelpie and the giraffe are the only living members of " \
        "the family Giraffidae.\n"
    prompts = _prompts(text)
    assert "Besides the dwarf kelpie, which animal is the only living member of the family " \
        "Kelpidae?" in prompts
    assert not any("Giraffidae" in p for p in prompts)


def test_native_to_two_countries_is_a_multi_question_among_unnamed_countries() -> None:
    text = """= Dwarf kelpie =

The dwarf kelpie (Kelpia minor) is a small mammal. It is native to Angola and Namibia, \
where it lives in dry valleys.
"""
    article, topic, infos = sentence_infos(text)
    [c] = lead_questions(infos, topic, article.text, len(article.text))
    assert (c.type, c.prompt, c.answer) == (
        "multi", "To which countries is the dwarf kelpie native?", ["Angola", "Namibia"])
    assert len(c.choices) == 4 and {"Angola", "Namibia"} < set(c.choices)
    assert not any(o in text for o in c.choices if o not in ("Angola", "Namibia"))


def test_a_place_the_title_names_or_a_list_it_cannot_read_is_not_asked() -> None:
    named = """= Philippine kelpie =

The Philippine kelpie (Kelpia philippina) is a small mammal that is endemic to the \
Philippines.
"""
    assert _asked(named) == []  # "Philippines" in "Philippine kelpie": given away
    listed = """= Dwarf kelpie =

The dwarf kelpie (Kelpia minor) is a small mammal native to Angola and the southern coast.
"""
    assert _asked(listed) == []


def test_the_war_a_treaty_ended() -> None:
    text = """= Treaty of Osk =

The Treaty of Osk officially ended the Mexican–American War. It was signed in Osk.
"""
    assert ("Which war did the Treaty of Osk end?", "Mexican–American War",
            ["the Mexican–American War"]) in _asked(text)
    own = """= Treaty of the Osk War =

The Treaty of the Osk War ended the Osk War.
"""
    assert _asked(own) == []  # the title names the war


def test_the_dynasty_of_an_official_and_a_county_of_birth() -> None:
    text = """= Wen Ji =

Wen Ji (120 – 180) was a Chinese court official of the Eastern Han dynasty. \
She was a native of Yangxia County, Chen Commandery.
"""
    asked = _asked(text)
    assert ("Wen Ji was a Chinese court official of which dynasty?", "Eastern Han dynasty",
            ["Eastern Han", "the Eastern Han dynasty"]) in asked
    assert ("Wen Ji was a native of which county?", "Yangxia County", ["Yangxia"]) in asked


def test_the_province_a_city_is_in_but_not_its_country() -> None:
    assert _asked("""= Vellmar =

Vellmar is a prefecture-level city in western Anhui province, China.
""") == [("In which province is Vellmar?", "Anhui", ["Anhui province"])]
    assert _asked("""= Vellmar =

Vellmar is a small town in Spain.
""") == []


def test_professions_as_a_multi_question_with_no_near_or_named_profession() -> None:
    text = """= Tomas Brell =

Tomas Brell (1745 – 1818) was a Danish surveyor and cartographer. He studied under an \
astronomer in Osk and later taught geology.
"""
    article, topic, infos = sentence_infos(text)
    [c] = lead_questions(infos, topic, article.text, len(article.text))
    assert (c.type, c.prompt, c.answer) == (
        "multi", "Which of these was Tomas Brell?", ["surveyor", "cartographer"])
    wrong = set(c.choices) - {"surveyor", "cartographer"}
    assert len(wrong) == 2
    # an explorer is near a surveyor; the article names an astronomer and geology
    assert not wrong & {"explorer", "geographer", "astronomer", "geologist"}


def test_one_profession_is_a_choice_blank() -> None:
    text = """= Anna Korvel =

Anna Korvel (1801 – 1870) was a Danish poet. She taught at a village school, drew maps \
of the coast and traded in wool.
"""
    article, topic, infos = sentence_infos(text)
    [c] = lead_questions(infos, topic, article.text, len(article.text))
    assert (c.type, c.prompt, c.answer) == ("choice", "Anna Korvel was a Danish _____.", "poet")
    assert len(c.choices) == 4 and not {"writer", "novelist"} & set(c.choices)
    # three wrong options unlike one another: no one kind of work gives the odd one away
    assert len({"novelist", "playwright", "composer", "historian", "musician"}
               & set(c.choices)) <= 1
    # what she is said to have done is true of her, though the noun is never written
    assert not {"teacher", "cartographer", "merchant"} & set(c.choices)


def test_a_profession_the_title_or_the_facts_box_gives_is_not_asked() -> None:
    titled = """= Tomas Brell (explorer) =

Tomas Brell (1745 – 1818) was a Danish explorer.
"""
    assert _asked(titled) == []
    boxed = """= Tomas Brell =

Tomas Brell
- Occupation: Surveyor, cartographer

Tomas Brell (1745 – 1818) was a Danish surveyor and cartographer.
"""
    assert _asked(boxed) == []


def test_the_city_an_event_was_held_in() -> None:
    text = """= 2031 Osk Games =

The 2031 Osk Games was held from May 3–9, 2031, in Wuhan, Hubei, China.
"""
    assert _asked(text) == [("In which city was the 2031 Osk Games held?", "Wuhan", [])]


def test_the_dynasty_a_revolution_ended() -> None:
    text = """= Osk Revolution =

The Osk Revolution culminated the end of China's last imperial dynasty, the Qing dynasty, \
and led to the establishment of a republic.
"""
    assert _asked(text) == [("Which dynasty did the Osk Revolution bring to an end?",
                             "Qing dynasty", ["Qing", "the Qing dynasty"])]


def test_an_alias_before_the_verb_without_a_closing_comma() -> None:
    text = """= Osk National Archive =

The Osk National Archive, commonly known simply as the Tower Archive is the national \
archive of Portugal, located in Lisbon.
"""
    assert ("The Osk National Archive is the national archive of which country?", "Portugal",
            []) in _asked(text)


def test_the_other_party_of_a_first_treaty() -> None:
    text = """= Treaty of Osk =

The Treaty of Osk was the first treaty between the Tsardom of Russia and the Qing dynasty \
of China.
"""
    assert _asked(text) == [(
        "The Treaty of Osk was the first treaty between the Tsardom of Russia and which "
        "dynasty?", "Qing dynasty", ["Qing", "the Qing dynasty"])]
