"""Accepted forms come from the article's own names for the same thing: the
abbreviation it defines, the dynasty written with and without "dynasty", a family name
it uses alone (first in Chinese, Japanese and Korean names); never a place that
contains the answer, another country's name, or a piece of a longer name."""

from __future__ import annotations

from quiz.generate.accepts import extra_accepts, fair_form
from quiz.generate.candidate import Candidate


def _text(answer: str, kind: str = "place") -> Candidate:
    return Candidate(rule="cloze-place", type="text", prompt="Where?", answer=answer,
                     kind=kind, quotes=[(0, 1)], group=0, answer_text=answer)


def test_an_abbreviation_the_article_defines_is_accepted_both_ways() -> None:
    text = ("Troops patrol the Korean Demilitarized Zone (DMZ) along the border. "
            "The DMZ was set up in 1953.")
    assert "Korean Demilitarized Zone" in extra_accepts(_text("DMZ"), text, [])
    assert "DMZ" in extra_accepts(_text("Korean Demilitarized Zone"), text, [])
    # brackets that do not spell the name are no abbreviation of it
    other = "The office of the Ministry of Unification (DMZ) opened in 1953."
    assert "Ministry of Unification" not in extra_accepts(_text("DMZ"), other, [])


def test_a_dynasty_is_accepted_with_and_without_the_word_when_the_article_writes_both() -> None:
    text = ("The Former Qin dynasty ruled the north. Under the Former Qin, the city grew, and "
            "Former Qin armies marched south.")
    assert "Former Qin dynasty" in extra_accepts(_text("Former Qin", "org"), text, [])
    assert "Former Qin" in extra_accepts(_text("Former Qin dynasty", "org"), text, [])
    # never written alone: "Jin" is not the Eastern Jin
    jin = "She was a poet of the Eastern Jin dynasty. The Eastern Jin fell in 420."
    forms = extra_accepts(_text("Eastern Jin", "org"), jin, [])
    assert "Jin" not in forms and "Eastern Jin dynasty" in forms


def test_a_family_name_first_is_accepted_alone_when_the_article_uses_it_so() -> None:
    text = ("Cai Lun was a court official. Cai arrived at the court by 75 CE. In 105 CE Cai "
            "improved the papermaking process.")
    forms = extra_accepts(_text("Cai Lun", "person"), text, ["Cai Lun"])
    assert "Cai" in forms and "Lun" not in forms
    # a name that only ever appears whole gets no short form
    whole = "Cai Lun was a court official. In 105 CE Cai Lun improved papermaking."
    assert extra_accepts(_text("Cai Lun", "person"), whole, ["Cai Lun"]) == []
    # another person of the article shares the family name: it picks out no one
    kin = text + " His father Cai Yong was a scholar; Cai Yong wrote poems."
    forms = extra_accepts(_text("Cai Lun", "person"), kin, ["Cai Lun", "Cai Yong"])
    assert "Cai" not in forms


def test_a_the_form_is_not_taken_from_inside_a_longer_name() -> None:
    text = "The river flows into the East China Sea. It is a river in East China."
    assert "the East China" not in extra_accepts(_text("East China"), text, [])
    river = "Boats sail on the Yangtze River every day."
    assert "the Yangtze River" in extra_accepts(_text("Yangtze River"), river, [])


def test_no_container_and_no_other_countrys_name_is_fair() -> None:
    china = _text("China")
    assert not fair_form(china, "ROC")  # the Republic of China is Taiwan's name
    assert not fair_form(china, "Taiwan")
    assert fair_form(china, "PRC") and fair_form(china, "People's Republic of China")
    wuhan = _text("Wuhan")
    assert not fair_form(wuhan, "China") and not fair_form(wuhan, "Hubei")
    assert not fair_form(_text("Qi County"), "Henan")  # a province for a county
    assert fair_form(wuhan, "Wuhan, Hubei, China")
    assert fair_form(_text("Lisbon"), "Lisbon, Portugal") and not fair_form(_text("Lisbon"),
                                                                          "Portugal")


def test_a_country_is_accepted_by_the_other_names_the_article_uses_for_it() -> None:
    text = ("Xiangyang is a city in the People's Republic of China. Its walls are among the "
            "oldest in China. Taiwan lies far to the east.")
    forms = extra_accepts(_text("People's Republic of China"), text, [])
    assert "China" in forms and "Taiwan" not in forms and "PRC" not in forms


def test_fuzz_accepted_forms_never_raise_and_never_repeat_the_answer() -> None:
    import random

    from quiz.bank.normalize import fold

    rng = random.Random(5)
    words = ["DMZ", "(DMZ)", "Korean", "Zone", "the", "dynasty", "Former", "Qin", "Cai", "Lun",
             "[x]", "C++", "(", ")", "China", "ROC", "of", "*", "Eastern", "Jin", ".", "A.B.",
             "River", "Lake", "Sir", "de", "Ben", "House", "Yang-tze", "-", "type", "Filho"]
    for _ in range(2000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 25)))
        answer = " ".join(rng.choice(words) for _ in range(rng.randint(1, 3)))
        kind = rng.choice(["place", "person", "org"])
        c = _text(answer, kind)
        if rng.random() < 0.5:  # a "Name one of ..." list, with its other right answers
            c.prompt = "Name one of the parties."
            c.exclude = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 3)))]
        forms = extra_accepts(c, text, [answer])
        assert all(f and fold(f) != fold(answer) for f in forms)
        assert len(forms) == len(set(forms))
        for f in forms:
            fair_form(_text(answer, kind), f)


def _listed(answer: str, others: list[str], kind: str = "person") -> Candidate:
    return Candidate(rule="infobox-person", type="text", prompt="Name one of the signatories.",
                     answer=answer, kind=kind, quotes=[(0, 1)], group=0, answer_text=answer,
                     exclude=others)


def test_a_place_is_accepted_without_its_sort_word_when_that_names_nothing_else() -> None:
    text = "Juveniles are released in the Yangtze River. She came from Yangxia County."
    assert "Yangtze" in extra_accepts(_text("Yangtze River"), text, [])
    assert "Yangxia" in extra_accepts(_text("Yangxia County"), text, [])
    assert "Baikal" in extra_accepts(_text("Lake Baikal"), "Lake Baikal is deep.", [])
    # the stem is a province, a plain English word, or part of another name here
    assert "Zhejiang" not in extra_accepts(_text("Zhejiang River"), "The Zhejiang River.", [])
    assert "Yellow" not in extra_accepts(_text("Yellow River"), "The Yellow River.", [])
    shared = "It flows into the Puyang River near the Puyang Bridge."
    assert "Puyang" not in extra_accepts(_text("Puyang River"), shared, [])


def test_a_type_is_accepted_without_the_noun_the_prompt_names() -> None:
    bridge = Candidate(rule="infobox-attribute", type="text", answer="Suspension bridge",
                       prompt="What type of bridge is the Yangluo Bridge?", kind="attribute",
                       quotes=[(0, 1)], group=0, answer_text="Suspension bridge")
    assert "Suspension" in extra_accepts(bridge, "A suspension bridge.", [])
    bridge.prompt = "What is the Yangluo Bridge?"
    assert "Suspension" not in extra_accepts(bridge, "A suspension bridge.", [])


def test_a_buildings_town_is_accepted_but_not_a_towns_province_or_country() -> None:
    signed = _text("Melrose House")
    signed.accept = ["Melrose House, Pretoria"]
    assert "Pretoria" in extra_accepts(signed, "Signed at Melrose House, Pretoria.", [])
    born = _text("Nakashima")
    born.accept = ["Nakashima, Aichi, Japan"]
    forms = extra_accepts(born, "Born in Nakashima, Aichi, Japan.", [])
    assert "Aichi" not in forms and "Japan" not in forms


def test_the_articles_fuller_form_of_a_name_is_accepted() -> None:
    text = "Since 2022, the president has been Colonel Nilton Gomes Rolim Filho of Brazil."
    forms = extra_accepts(_text("Colonel Nilton Gomes Rolim", "person"), text, [])
    assert "Nilton Gomes Rolim Filho" in forms
    street = "He lived on John Smith Street."
    assert "John Smith Street" not in extra_accepts(_text("John Smith", "person"), street, [])


def test_every_listed_person_is_accepted_by_surname_and_the_articles_short_name() -> None:
    text = ("Signed by Sir Alfred Milner, Schalk Willem Burger, Christiaan de Wet and Ahmed "
            "Ben Bella. Schalk Burger was acting president.")
    people = ["Alfred Milner", "Schalk Willem Burger", "Christiaan de Wet", "Ahmed Ben Bella"]
    c = _listed("Sir Alfred Milner", people[1:])
    forms = extra_accepts(c, text, people)
    for form in ("Milner", "Burger", "Schalk Burger", "de Wet", "Ben Bella"):
        assert form in forms, form
    assert "Wet" not in forms and "Bella" not in forms
    # another person of the article shares the surname: it picks out no one
    assert "Burger" not in extra_accepts(c, text + " Tom Burger wrote.", [*people, "Tom Burger"])


def test_no_given_name_is_taken_for_a_surname_where_the_family_name_comes_first() -> None:
    korea = ("Kim Yo-jong met officials in Seoul, South Korea, and Pyongyang. "
             "Jon Jong-su spoke in Seoul.")
    assert "Yo-jong" not in extra_accepts(_text("Kim Yo-jong", "person"), korea, [])
    assert "Jong-su" not in extra_accepts(_text("Jon Jong-su", "person"), korea, [])
    geneva = "At the conference in Geneva, Switzerland, Zhou Enlai spoke for China."
    assert "Enlai" not in extra_accepts(_text("Zhou Enlai", "person"), geneva, [])
    # "García Márquez": in Spanish the middle name of three is the family name
    mexico = "Gabriel García Márquez lived in Mexico City, Mexico, for years."
    assert "Márquez" not in extra_accepts(_text("Gabriel García Márquez", "person"), mexico, [])


def test_the_name_before_brackets_is_accepted_for_the_one_inside() -> None:
    text = "Self-government came to the Transvaal (South African Republic) in 1906."
    assert "Transvaal" in extra_accepts(_text("South African Republic"), text, [])


def test_other_right_answers_get_forms_only_in_a_name_one_list() -> None:
    text = "Born in Perugia in the Papal States."
    born = _text("Perugia")
    born.exclude = ["Papal States"]  # places around the answer: kept out of the choices
    assert "the Papal States" not in extra_accepts(born, text, [])
    parties = _listed("South African Republic", ["Papal States"], kind="place")
    assert "the Papal States" in extra_accepts(parties, text, [])


def test_a_form_the_evidence_lacks_brings_the_sentence_that_writes_it() -> None:
    from quiz.bank.article import parse_article
    from quiz.generate.accepts import form_quotes

    article = parse_article("= T =\n\nThe treaty was signed in May. Schalk Burger was acting "
                            "president. Burger later retired.\n")
    spans = form_quotes(["Schalk Burger", "General T"], "Schalk Willem Burger", article)
    assert [article.text[s:e] for s, e in spans] == ["Schalk Burger was acting president."]
    assert form_quotes(["Burger"], "Schalk Willem Burger", article) == []


def test_an_alias_another_prompt_shows_is_left_out_but_a_short_form_stays() -> None:
    from quiz.bank.model import Question
    from quiz.generate.accepts import drop_forms_shown

    q = Question(id="q", type="text", prompt="Name one party.", answer="South African Republic",
                 accept=["Transvaal", "the South African Republic"], evidence=[])
    drop_forms_shown(q, "The leaders met at Klerksdorp, Transvaal.")
    assert q.accept == ["the South African Republic"]
    china = Question(id="c", type="text", prompt="In which country?",
                     answer="People's Republic of China", accept=["China"], evidence=[])
    drop_forms_shown(china, "One of the oldest walls in China.")
    assert china.accept == ["China"]


def test_a_well_known_war_or_body_is_accepted_in_its_other_common_forms() -> None:
    text = "The groups were dissolved after World War II."
    forms = extra_accepts(_text("World War II", "event"), text, [])
    assert {"Second World War", "WWII", "WW2"} <= set(forms)
    assert "World War II" in extra_accepts(_text("WWII", "event"), text, [])
    # a longer name that merely starts like one is not it
    assert "WWII" not in extra_accepts(_text("World War II veterans", "event"), text, [])


def test_a_river_named_bare_is_accepted_with_the_sort_word_the_article_writes() -> None:
    text = ("He explored the upper Niger River. He was killed travelling down the Niger. "
            "Niger is also a country.")
    forms = extra_accepts(_text("Niger"), text, [])
    assert "Niger River" in forms and "River Niger" in forms
    # no sort word in the article: nothing is added
    assert extra_accepts(_text("Niger"), "He died in Niger.", []) == []
    # "River Nile" in the key facts is the Nile River, not another name holding "Nile"
    nile = "- Dam Crosses: River Nile\n\nThe dam is on the Nile River. The Nile floods."
    assert "Nile" in extra_accepts(_text("Nile River"), nile, [])


def test_a_place_is_accepted_by_the_later_name_the_article_gives_in_brackets() -> None:
    text = ("She was a leader from Chuquisaca, Viceroyalty of the Río de la Plata "
            "(now Sucre, Bolivia).")
    forms = extra_accepts(_text("Chuquisaca"), text, [])
    assert "Sucre" in forms and "Sucre, Bolivia" in forms
    # a note about the place is no other name, nor is a bracket after another place
    note = "He died in Perugia (then in the Papal States). He left Rome and Pisa (now a town)."
    assert extra_accepts(_text("Perugia"), note, []) == []
    assert extra_accepts(_text("Rome"), note, []) == []


def test_places_listed_in_brackets_are_examples_not_other_names() -> None:
    text = "It is native to Africa and the southern Arabian Peninsula (Yemen, Oman)."
    forms = extra_accepts(_text("Arabian Peninsula"), text, [])
    assert not any("Yemen" in f or "Oman" in f for f in forms)
    # a town with its country in brackets is still another name of the place
    named = "He was born in Chuquisaca (Sucre, Bolivia)."
    assert "Sucre, Bolivia" in extra_accepts(_text("Chuquisaca"), named, [])


def test_the_town_the_evidence_puts_the_subject_in_answers_where_too() -> None:
    text = "The Old Dam is a masonry dam on the Nile River in Aswan, Egypt."
    c = Candidate(rule="infobox-place", type="text", prompt="Where is the Old Dam located?",
                  answer="Egypt", kind="place", quotes=[(0, len(text))], group=0)
    forms = [f for f in extra_accepts(c, text, []) if fair_form(c, f)]
    assert "Aswan" in forms and "Aswan, Egypt" in forms
    # not for a blank in a sentence: there the country is what is asked
    c.prompt = "The Old Dam is a masonry dam in _____."
    assert "Aswan" not in extra_accepts(c, text, [])


def test_a_bare_family_name_is_accepted_in_full_when_one_person_has_it() -> None:
    text = "His brother-in-law Riemon Soga learned refining. Soga passed control to his son."
    c = _text("Soga", "person")
    assert "Riemon Soga" in extra_accepts(c, text, ["Riemon Soga"])
    # two people of that name: the full name would pick one of them
    assert extra_accepts(c, text, ["Riemon Soga", "Tomo Soga"]) == []


def test_a_full_date_answering_when_accepts_its_year() -> None:
    c = Candidate(rule="infobox-date", type="text", prompt="When was Juana born?",
                  answer="July 12, 1780", kind="date", quotes=[(0, 1)], group=0)
    assert "1780" in extra_accepts(c, "Born: July 12, 1780", [])
    c.prompt = "On _____ she was born."
    assert "1780" not in extra_accepts(c, "Born: July 12, 1780", [])
