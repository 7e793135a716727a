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
             "[x]", "C++", "(", ")", "China", "ROC", "of", "*", "Eastern", "Jin", ".", "A.B."]
    for _ in range(2000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 25)))
        answer = " ".join(rng.choice(words) for _ in range(rng.randint(1, 3)))
        kind = rng.choice(["place", "person", "org"])
        forms = extra_accepts(_text(answer, kind), text, [answer])
        assert all(f and fold(f) != fold(answer) for f in forms)
        assert len(forms) == len(set(forms))
        for f in forms:
            fair_form(_text(answer, kind), f)
