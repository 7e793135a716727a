"""Failures blind reviewers found, fixed as general rules: an open "where" that marks
the country or region wrong, a region asked where the article says province, a place
list that is no list of places, hints that quote broken text or name a blank, a form
cut before its last word, "she" left unnamed because a war bears her name, one body
offered twice (name and abbreviation), and a birth year offered after the first thing
the person did."""

from __future__ import annotations

from quiz.bank.article import parse_article
from quiz.bank.model import Evidence, Question
from quiz.generate.accepts import extra_accepts, fair_form
from quiz.generate.candidate import Candidate
from quiz.generate.context import ContextReader, topic_of
from quiz.generate.distractors import _abbreviates
from quiz.generate.lifespan import lifespan
from quiz.generate.pipeline import _hints_keep_other_answers, generate


def _bank(text: str) -> list[Question]:
    return generate(parse_article(text, "x.txt"), keep_all=True).bank.questions


def _find(questions: list[Question], start: str) -> Question | None:
    return next((q for q in questions if q.prompt.startswith(start)), None)


PEAK = """= Mount Orvell =

- Country: Argentina
- Region: Tulumba

Mount Orvell is a mountain of the Sierra Chica, in Tulumba Province, Argentina. It rises
above the plains of the north and is climbed every summer by many people.
"""


def test_a_region_the_prose_calls_a_province_is_asked_and_checked_as_one() -> None:
    q = _find(_bank(PEAK), "In which province is Mount Orvell")
    assert q is not None, [x.prompt for x in _bank(PEAK)]
    assert q.answer == "Tulumba"
    assert "Tulumba Province" in q.accept
    assert _find(_bank(PEAK), "In which region") is None


PAINTER = """= Aiko Morita =

- Birth Date: 1893-05-15
- Death Place: Shibuya, Tokyo, Japan
- Occupation: Painter

Aiko Morita was a Japanese painter of landscapes and a teacher of many artists in her city.
She studied in Nagoya and later moved to the capital, where she painted for forty years.
"""


def test_an_open_where_accepts_each_place_of_the_value() -> None:
    q = _find(_bank(PAINTER), "Where did Aiko Morita die?")
    assert q is not None
    assert q.answer == "Shibuya"
    assert "Tokyo" in q.accept and "Japan" in q.accept


    # a question that asks for the town never takes the country
    c = Candidate(rule="infobox-place", type="text", prompt="In which city was the fair held?",
                  answer="Shibuya", kind="place", quotes=[(0, 1)], group=0,
                  exclude=["Tokyo", "Japan"])
    assert "Japan" not in extra_accepts(c, "The fair was held in Shibuya, Tokyo, Japan.", [])


BRIDGE = """= Korva Bridge =

- Locale: Lower gorge of the Korva, crossing the Alden-Brisk border
- Material: Steel

The Korva Bridge crosses the Korva River below the falls. It was built by a company from
the coast and opened to trains and cars in the spring of its second year.
"""


def test_a_place_value_that_is_a_clause_is_not_asked_as_where() -> None:
    assert _find(_bank(BRIDGE), "Where is the Korva Bridge") is None


def test_cut_forms_are_never_accepted() -> None:
    c = Candidate(rule="why", type="text", prompt="Why is he known?",
                  answer="his addition of pulp via tree bark", kind="cause", quotes=[(0, 1)],
                  group=0)
    assert not fair_form(c, "his addition")
    assert fair_form(c, "addition of pulp via tree bark")
    r = Candidate(rule="what", type="text", prompt="What did it lead to?",
                  answer="the establishment of the Republic of China", kind="event",
                  quotes=[(0, 1)], group=0)
    assert not fair_form(r, "the Republic of")
    assert fair_form(r, "establishment of the Republic of China")


def _q(qid: str, prompt: str, answer: str, choices: list[str], hints: list[str]) -> Question:
    return Question(id=qid, type="choice" if choices else "text", prompt=prompt, answer=answer,
                    choices=choices, hints=hints, evidence=[Evidence(quote=prompt)])


def test_a_ruled_out_option_that_is_another_answer_is_swapped_not_blanked() -> None:
    city = _q("a", "Which town lies on the bay?", "Hobart",
              ["Hobart", "Sydney", "Mount Wellington", "Darwin"],
              ["Look in the article's introduction.", "It is not “Mount Wellington”."])
    peak = _q("b", "Which peak rises over the town?", "Mount Wellington", [], [])
    _hints_keep_other_answers([city, peak])
    assert "_____" not in " ".join(city.hints)
    assert any(h.startswith("It is not “") and "Mount Wellington" not in h for h in city.hints)


def test_an_order_clue_that_would_need_a_blank_is_dropped() -> None:
    order = Question(id="o", type="order", prompt="Put these in order.",
                     answer=["She sailed to Ceylon", "She wrote a book"],
                     hints=["Each event has a date.", "The earliest is “She sailed to Ceylon”."],
                     evidence=[Evidence(quote="x")])
    where = _q("w", "Where did she sail?", "Ceylon", [], [])
    _hints_keep_other_answers([order, where])
    assert order.hints == ["Each event has a date."]


TOWER = """= Tower of Brennet =

The Tower of Brennet is the oldest lighthouse on the northern coast of the island. It was
built in the 2nd century by the navy and restored in 1791 after a long storm.

There is a garden on the grounds of the lighthouse featuring works by Pablo Serrano and .
The tower has been a World Heritage Site since 27 June 2009, and it is visited by many.
"""


def test_a_hint_never_quotes_a_sentence_with_a_hole() -> None:
    for q in _bank(TOWER):
        assert not any("Serrano and" in h for h in q.hints), q.hints


QUEEN = """= Ama Serwa =

- Birth Place: Besease
- Battles: War of the Golden Drum

Ama Serwa (1840 – 1921) was the Queen Mother of Edweso in the Ashanti Empire. She was a
farmer and a war leader.

In 1900, she led the Ashanti war also known as the Ama Serwa War of Independence,
against the British Empire. Ama Serwa died in exile in the Seychelles in 1921.
"""


def test_a_name_inside_a_longer_name_does_not_name_the_subject() -> None:
    article = parse_article(QUEEN, "x.txt")
    reader = ContextReader(article, topic_of(article))
    s = reader.standalone("In 1900, she led the Ashanti war also known as the Ama Serwa "
                          "War of Independence, against the British Empire.", True, False)
    assert s.text is None or "she led" not in s.text


def test_an_abbreviation_is_the_same_option_as_its_full_name() -> None:
    assert _abbreviates("IMO", "International Meteorological Organization")
    assert _abbreviates("International Meteorological Organization", "IMO")
    assert not _abbreviates("UN", "International Meteorological Organization")


SURVEYOR = """= Ino Kaito =

- Born: 1745-02-11
- Died: 1818-05-17

Ino Kaito was a Japanese surveyor and mapmaker of the coast.

In 1800, the government allowed Ino Kaito to survey the country, and he paid for it himself.
"""


def test_the_bullets_that_open_an_article_give_the_subject_its_lifespan() -> None:
    life = lifespan(parse_article(SURVEYOR, "x.txt"))
    assert life.first == (1745, 2, 11) and life.last == (1818, 5, 17)
    born = _find(_bank(SURVEYOR), "When was Ino Kaito born?")
    if born is not None and born.choices:
        assert "1800" not in born.choices


def test_the_winner_of_a_result_is_accepted() -> None:
    c = Candidate(rule="infobox-attribute", type="text",
                  prompt="What was the result of the Battle of Kell?", answer="Abbasid victory",
                  kind="attribute", quotes=[(0, 1)], group=0)
    text = "The Abbasid Caliphate met the Tang army at Kell. Result: Abbasid victory"
    forms = extra_accepts(c, text, [])
    assert "Abbasid" in forms and "Abbasid Caliphate" in forms


def test_a_short_name_for_a_body_named_in_full_before_is_the_full_name() -> None:
    text = ("= Weather Board =\n\nThe Weather Board is a body of the Union.\n\n"
            "The Board is governed by the World Weather Congress, which meets every four "
            "years. The Congress is led by an Executive Council led by the President.\n")
    article = parse_article(text, "x.txt")
    reader = ContextReader(article, topic_of(article))
    at = text.index("The Congress is led")
    s = reader.standalone("The Congress is led by an Executive Council led by the President.",
                          False, False, text[:at])
    assert s.text is not None and s.text.startswith("The World Weather Congress is led")


def test_a_dated_title_keeps_its_head_noun() -> None:
    text = ("= Solidarity Conference, 1957 =\n\nThe 1957 Solidarity Conference was held in "
            "Cairo.\n\nThe conference was organized by a committee under Anwar Sadat.\n")
    assert "conference" in topic_of(parse_article(text, "x.txt")).heads


def test_two_other_leans_on_the_sentence_before() -> None:
    text = ("= Mount Sella =\n\nMount Sella has a number of glaciers. The largest is 10 km "
            "long. Two other large glacier systems are about 5 km long.\n")
    article = parse_article(text, "x.txt")
    reader = ContextReader(article, topic_of(article))
    assert reader.standalone("Two other large glacier systems are about 5 km long.", True,
                             False).text is None


def test_initials_and_a_dropped_particle_are_the_same_name() -> None:
    designer = Candidate(rule="infobox-person", type="text", prompt="Who designed the bridge?",
                         answer="G. A. Hobson", kind="person", quotes=[(0, 1)], group=0)
    text = "It was designed by George Andrew Hobson of consultants Fox and Partners."
    forms = extra_accepts(designer, text, ["George Andrew Hobson"])
    assert "George Andrew Hobson" in forms and "Hobson" in forms
    chair = Candidate(rule="infobox-person", type="text", prompt="Who chaired it?",
                      answer="Anwar al-Sadat", kind="person", quotes=[(0, 1)], group=0)
    assert "Anwar Sadat" in extra_accepts(chair, "It was led by Anwar Sadat's committee.", [])


BRIDGE_BUILT = """= Selle Bridge =

- Material: Steel

The Selle Bridge crosses the Selle River below the falls. As the river forms the border
between Alden and Brisk, the bridge links the two countries and has border posts at both
ends. It took just 14 months to construct and was completed in 1905.
"""


def test_no_when_question_whose_subject_ends_on_and() -> None:
    prompts = [q.prompt for q in _bank(BRIDGE_BUILT)]
    assert not any("took just 14 months to construct and completed" in p for p in prompts)


def test_no_count_that_both_gives_away() -> None:
    prompts = [q.prompt for q in _bank(BRIDGE_BUILT)]
    assert not any("links the _____ countries" in p for p in prompts), prompts


FOUNDATION = """= Prize Foundation =

- Headquarters: Stockholm, Sweden

The Prize Foundation is a private institution founded in 1900 to manage the prizes.

Alfred Prize (born 1833, in Stockholm, Sweden) was a chemist and an engineer.
"""


def test_an_infobox_fact_is_explained_only_by_a_sentence_about_the_subject() -> None:
    q = _find(_bank(FOUNDATION), "Where are the headquarters of the Prize Foundation")
    assert q is not None
    assert "Alfred Prize" not in q.explanation
    assert all("Alfred Prize" not in e.quote for e in q.evidence)


def test_a_continent_is_offered_among_continents_and_a_mountain_never_beside_a_state() -> None:
    from quiz.generate.distractors import Pools, _place_options

    def options(answer: str) -> list[str]:
        c = Candidate(rule="cloze-place", type="choice", prompt="It lies in _____.",
                      answer=answer, kind="place", quotes=[(0, 1)], group=0)
        return _place_options(c, Pools(), ["Sydney", "Mount Kellan", "Asia", "Marlia",
                                           "Port Arden"])

    asia = options("Asia")
    assert asia and all(o in ("Africa", "Europe", "North America", "South America",
                              "Oceania", "Antarctica") for o in asia)
    marlia = options("Marlia")
    assert "Mount Kellan" not in marlia and "Asia" not in marlia and "Port Arden" in marlia


def test_half_of_a_dual_name_is_not_blanked() -> None:
    text = """= Port Arden =

Port Arden is the capital of the island state of Marlia, Australia. Its skyline is dominated
by the kunanyi / Mount Kellan, and its harbour is the second-deepest natural port in the world.
"""
    assert not any("kunanyi / _____" in q.prompt for q in _bank(text))


def test_a_capitalised_head_names_the_subject_but_not_another_treaty() -> None:
    text = ("= Treaty of Selm =\n\n- Signed: 1689\n\nThe Treaty of Selm of 1689 was the first "
            "treaty between Arland and Brisk.\n\nLater, in 1727, the Treaty of Kell fixed the "
            "border west of the river and opened up the caravan trade. In 1730, the Treaty "
            "was renewed by both sides after a long dispute.\n")
    article = parse_article(text, "x.txt")
    reader = ContextReader(article, topic_of(article))
    kell = reader.standalone("In 1727, the Treaty of Kell fixed the border west of the river.",
                             False, False, text[:text.index("Later")])
    assert kell.text is None or "Treaty of Selm of Kell" not in kell.text
    s = reader.standalone("In 1730, the Treaty was renewed by both sides after a long dispute.",
                          True, False, text[:text.index("In 1730")])
    assert s.text is not None and "the Treaty of Selm was renewed" in s.text


CITY_BRIDGE = """= Selle River Bridge =

- Locale: Wuhan, Hubei, China
- Design: Suspension bridge

The Selle River Bridge is a suspension bridge over the Yangtze River in Wuhan, Hubei, China.
It was opened to traffic in 2007 after four years of construction.
"""


def test_a_location_the_gazetteer_knows_as_a_city_is_asked_as_the_city() -> None:
    prompts = [q.prompt for q in _bank(CITY_BRIDGE)]
    assert any(p.startswith("In which city is the Selle River Bridge") for p in prompts), prompts
    assert not any(p.startswith("Where is the Selle River Bridge") for p in prompts)
