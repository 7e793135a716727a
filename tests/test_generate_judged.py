"""What strict reviewers failed, held back: prompts that do not name what they lean on,
answers a prompt spells out, blanks with several right answers, facts the article gives
two ways, hints with riddles in them, and confidence lowered for the shapes that fail."""

from __future__ import annotations

import random
import string

from quiz.bank.article import parse_article
from quiz.bank.model import Evidence, Question
from quiz.generate.audit import asks_conflicted, conflicts, gives_away, spelled_apart
from quiz.generate.candidate import Candidate
from quiz.generate.confidence import confidence
from quiz.generate.filters import (
    defined_abbreviations,
    lost_context,
    name_referents,
    reject_reason,
    subject_aliases,
)
from quiz.generate.pipeline import generate


def cand(prompt: str, answer, *, rule: str = "cloze-place", type: str = "text",
         kind: str = "place", choices: list[str] | None = None,
         accept: list[str] | None = None) -> Candidate:
    return Candidate(rule=rule, type=type, prompt=prompt, answer=answer, kind=kind,
                     quotes=[(0, 1)], group=0, answer_text=str(answer),
                     choices=choices or [], accept=accept or [])


def reason(c: Candidate, title: str = "Some Topic", defined=None) -> str | None:
    # the quote holds the answer, so only the rule under test can reject
    return reject_reason(c, f"{c.answer} {' '.join(c.choices)}", title, defined)


def question(prompt: str, answer, type: str = "text") -> Question:
    return Question(id="q", type=type, prompt=prompt, answer=answer,
                    evidence=[Evidence(quote="x")], origin="generated:x", status="draft")


# --- criterion 4: given away --------------------------------------------------------------

def test_an_answer_spelled_apart_in_the_prompt_gives_it_away() -> None:
    c = cand('Its original name, the "Zhe River" or "Zhe Jiang", is the origin of the '
             "name of _____ province.", "Zhejiang")
    assert reason(c) == "answer-in-prompt"
    assert spelled_apart("Zhejiang", "Zhe Jiang") and spelled_apart("Beijing", "Bei jing")
    assert not spelled_apart("Zhejiang", "the Zhe River")  # only the whole name
    assert not spelled_apart("Hangzhou Bay", "Hangzhou Bay")  # a many-word answer is not
    assert gives_away(question("Which province?", "Zhejiang"), 'the "Zhe Jiang" name')


def test_a_count_its_list_spells_out_is_forced() -> None:
    prompt = "The motto of CISM is based on the _____ pillars: sport, education and solidarity."
    c = cand(prompt, 3, rule="cloze-number", type="number", kind="count")
    assert reason(c) == "forced-blank"
    c = cand(prompt.replace("education and", "education, health and"), 3,
             rule="cloze-number", type="number", kind="count")
    assert reason(c) is None  # four listed, three asked: counting does not answer it
    c = cand("CISM had _____ members in 1990.", 3, rule="cloze-number", type="number",
             kind="count")
    assert reason(c) is None


def test_a_name_built_from_the_subjects_makes_a_statement_true_by_construction() -> None:
    c = cand("Aru is part, with western New Guinea, of the Vogelkop-Aru lowland rain "
             "forests ecoregion.", True, rule="truefalse", type="truefalse", kind="")
    assert reason(c, "Aru Islands Regency") == "true-by-construction"
    c.prompt = c.prompt.replace("Vogelkop-Aru", "Vogelkop")
    assert reason(c, "Aru Islands Regency") is None


def test_a_nationality_before_the_blank_rules_out_foreign_options() -> None:
    prompt = "In 1961 Italy developed a plan with the American space agency _____ to train crews."
    c = cand(prompt, "NASA", rule="cloze-org", type="choice", kind="org",
             choices=["CERN", "NASA", "ESRO", "CNR"])
    assert reason(c) == "described-blank"
    typed = cand(prompt, "NASA", rule="cloze-org", type="text", kind="org")
    assert reason(typed) is None  # typed in, the description is a fair clue


# --- criterion 3: exactly one right answer ------------------------------------------------

def test_a_country_typed_into_a_place_in_blank_has_many_right_answers() -> None:
    c = cand("The Qiantang River is a river in _____.", "East China")
    assert reason(c) == "many-right"  # Zhejiang and China are right too
    assert reason(cand("The Battle of Chibi was a naval battle in _____ that ended a war.",
                       "China")) == "many-right"
    choice = cand("The Qiantang River is a river in _____.", "China", type="choice",
                  choices=["Japan", "China", "Korea", "Vietnam"])
    assert reason(choice) is None  # among the options only one is right
    assert reason(cand("In _____, the Wuchang forces formed a government.", "Nanjing")) is None


BIRTHPLACE = """= Fusa Ito =

Fusa Ito
- Birth Date: 1893-05-15
- Birth Place: Nakashima, Aichi, Japan
- Death Place: Shibuya, Tokyo, Japan
- Alma Mater: Aichi Prefectural Training Institution

Fusa Ito was a Japanese feminist and politician who led the suffrage movement.

== Early life ==
Born in Bisai, Aichi Prefecture in 1893, Ito was raised with an emphasis on education.
She attended the Aichi Women's Teacher Academy to become a teacher. She died in Shibuya
in 1981, after a long career in the upper house.
"""


def test_a_place_or_school_given_two_ways_is_not_asked() -> None:
    article = parse_article(BIRTHPLACE)
    found = conflicts(article)
    assert any("bisai" in c.names and "nakashima" in c.names for c in found)
    assert any("aichi women s teacher academy" in c.names for c in found)
    assert not any("shibuya" in c.names for c in found)  # the prose agrees with the box
    assert asks_conflicted(question("Where was Fusa Ito born?", "Nakashima"), found)
    assert not asks_conflicted(question("Where did Fusa Ito die?", "Shibuya"), found)
    prompts = {q.prompt: q.answer for q in generate(article, keep_all=True).bank.questions}
    assert "Where was Fusa Ito born?" not in prompts
    assert not any("educated" in p for p in prompts)
    assert prompts.get("Where did Fusa Ito die?") == "Shibuya"


def test_a_river_mouth_the_prose_names_otherwise_is_not_asked() -> None:
    text = """= Zhe River =

Zhe River
- Mouth: Hangzhou Bay
- Length: 459 km

The Zhe River is a river in China. It runs through Zhejiang, flowing into the East
China Sea via Hangzhou Bay south of Shanghai.
"""
    found = conflicts(parse_article(text))
    assert asks_conflicted(question("Into which body of water does the Zhe River flow?",
                                    "Hangzhou Bay"), found)
    agreeing = text.replace("the East\nChina Sea via Hangzhou Bay", "Hangzhou Bay")
    assert not conflicts(parse_article(agreeing))


def test_a_count_given_twice_roughly_is_not_asked() -> None:
    text = """= Aru Isles =

The Aru Isles are a group of about 95 low-lying islands in eastern Indonesia.

== Geography ==
Altogether there are some 676 islands, of which 28 are inhabited. The main port has 3
piers and 12 cranes. The port was built over 20 years, and rebuilt 50 years later.
"""
    found = conflicts(parse_article(text))
    islands = [c for c in found if c.words.search("islands")]
    assert len(islands) == 1 and islands[0].values == {95.0, 676.0}
    assert asks_conflicted(question("How many islands are there?", 676, type="number"), found)
    assert not any(c.words.search("years") or c.words.search("piers") for c in found)


# --- criterion 5: worth asking ------------------------------------------------------------

def test_the_subjects_full_name_is_its_own_answer() -> None:
    c = cand("Who was an American paleontologist and anatomist?", "Joseph Mellick Leidy",
             rule="wh-who", kind="person")
    assert reason(c, "Joseph Leidy") == "trivial"
    assert reason(cand("In Philadelphia his brother was _____.", "Thomas Leidy",
                       rule="cloze-person", kind="person"), "Joseph Leidy") is None


def test_the_subjects_other_name_is_its_own_answer() -> None:
    lead = ('The 1957 Solidarity Conference, also known as the "Cairo Conference", was held '
            "in Cairo, Egypt.")
    aliases = subject_aliases(lead)
    assert aliases == ["Cairo Conference"]
    assert subject_aliases("The 1911 Revolution, also known as the Xinhai Revolution or "
                           "Hsinhai Revolution, ended the Qing.") == ["Xinhai Revolution",
                                                                     "Hsinhai Revolution"]
    c = cand("The 1957 _____ hosted many representatives.", "Cairo Conference",
             rule="cloze-event", kind="event")
    assert reject_reason(c, "Cairo Conference", "1957 Solidarity Conference", None,
                         aliases) == "trivial"
    city = cand("Which city hosted the 1957 Solidarity Conference?", "Cairo",
                rule="infobox-place", type="choice", choices=["Giza", "Cairo", "Luxor", "Aswan"])
    assert reject_reason(city, "Cairo Giza Luxor Aswan", "1957 Solidarity Conference", None,
                         aliases) is None  # a word of the other name is no give-away


# --- criterion 2: stands alone ------------------------------------------------------------

def test_a_prompt_must_name_what_it_leans_on() -> None:
    def lost(prompt: str, title: str = "Self-anchored suspension bridge",
             defined=None) -> bool:
        return lost_context(cand(prompt, "x"), title, defined)

    assert lost("Reserves are aimed at this species in the _____.")
    assert lost("The form was applied to a handful of _____ crossings in Germany.")
    assert lost("The village was opened for the athletes in _____.")
    assert lost("Leidy also had a brother, _____.")
    assert lost("It was first proposed by the CRS in _____.", defined={"CRS": ""})
    # named after all
    assert not lost("The motto of CISM is based on _____ pillars.")
    assert not lost("The Qiantang River runs through _____.")
    assert not lost("The bridge was opened in _____.")  # the subject's own head noun
    assert not lost("The main course of the Águas Livres Aqueduct covers _____ km.")
    assert not lost("The Treaty was also known as the _____.")
    assert not lost("She was raised with care but also as a witness in _____.")
    assert not lost("It was proposed by the CISM in _____.", defined={})


def test_abbreviations_the_article_defines_for_something_else() -> None:
    text = ("The International Military Sports Council (IMSC; Conseil International du "
            "Sport Militaire, CISM) is based in Brussels. It was built by the Italian Space "
            "Research Commission (Commissione per le Ricerche Spaziali, CRS). The United "
            "Nations (UN) and the People's Republic of China (PRC) took part (in 1950). ")
    found = defined_abbreviations(text, "International Military Sports Council")
    assert found == {"CRS": "Italian Space Research Commission"}


def test_what_a_prompt_leans_on_is_named_in_it() -> None:
    c = cand("Reserves are aimed at this species and release juveniles in the _____.",
             "Yangtze River")
    named = name_referents(c, "the Chinese sturgeon", {"sturgeon"}, True, {})
    assert named == ("Reserves are aimed at the Chinese sturgeon and release juveniles in "
                     "the _____.")
    c = cand("This fish spawns in the _____.", "Yangtze River")
    assert name_referents(c, "the Chinese sturgeon", {"sturgeon"}, True, {}).startswith(
        "The Chinese sturgeon spawns")
    c = cand("In _____ a plan proposed by the CRS was approved.", 1961, type="number")
    defined = {"CRS": "Italian Space Research Commission"}
    c.prompt = name_referents(c, "San Marco 1", set(), False, defined)
    assert c.prompt == ("In _____ a plan proposed by the Italian Space Research Commission "
                        "was approved.")
    assert not lost_context(c, "San Marco 1", defined)
    false = cand("This species lives in the sea.", False, rule="truefalse", type="truefalse")
    assert name_referents(false, "the Chinese sturgeon", set(), True, {}) == false.prompt


def test_an_era_mark_left_after_cut_dates_is_a_seam() -> None:
    c = cand("Xie Daoyun was a renowned poet of the _____ dynasty CE.", "Eastern Jin")
    assert reason(c, "Xie Daoyun") == "template-seam"
    ok = cand("Cai Lun's innovation came in _____, in the 2nd century CE.", "Luoyang")
    assert reason(ok, "Cai Lun") is None


# --- criterion 7: hints -------------------------------------------------------------------

SPECIES = """= Red isle frog =

The red isle frog is a frog of the Aru Islands, part of the Vogelkop lowland ecoregion.
Its flora and fauna are closely related to that of New Guinea, as is its call.
The frog lays its eggs in small pools during the wet season.
"""


def test_no_quoted_hint_has_a_blank_in_it() -> None:
    from quiz.generate.hints import hints
    from quiz.generate.pipeline import _neighbours

    article = parse_article(SPECIES)
    first = article.paragraphs[0].sentences[0]
    neighbours = _neighbours(article)
    # a statement made from a blank on "New Guinea": the next sentence holds those words
    statement = cand(first.text, True, rule="truefalse", type="truefalse", kind="")
    statement.group, statement.answer_text = first.start, "New Guinea"
    said = hints(statement, article, neighbours, set())
    assert not any("_____" in h for h in said), said
    assert any("eggs in small pools" in h for h in said)  # the next sentence without one
    # a neighbour whose opening words were cut off is never quoted
    cut = parse_article(SPECIES.replace("Its flora", "and its flora"))
    first = cut.paragraphs[0].sentences[0]
    blank = cand("The red isle frog lives in _____.", "Vogelkop")
    blank.group = first.start
    assert not any("and its flora" in h for h in hints(blank, cut, _neighbours(cut), set()))
    # nor does any other question's: it is given the next neighbour without its answer
    blank = cand("The red isle frog lives in _____.", "New Guinea")
    blank.group = first.start
    said = hints(blank, article, neighbours, set())
    assert not any("_____" in h for h in said), said
    assert any("eggs in small pools" in h for h in said)


# --- the confidence model -----------------------------------------------------------------

def test_confidence_falls_for_the_shapes_strict_reviewers_failed() -> None:
    many = cand("Name one of the signatories of the Treaty of Paris.", "Alfred Milner",
                rule="infobox-person", kind="person",
                accept=["Kitchener", "Louis Botha", "Jan Smuts", "Reitz", "Burger", "Steyn"])
    few = cand(many.prompt, "Alfred Milner", rule="infobox-person", kind="person",
               accept=["Kitchener"])
    assert confidence(many) < 0.6 <= confidence(few)
    inside_out = cand("Of how many participants did China send a delegation consisting?", 553,
                      rule="how-many", type="number", kind="count")
    plain = cand("How many participants did China send to the games?", 553,
                 rule="how-many", type="number", kind="count")
    assert confidence(inside_out) < 0.6 <= confidence(plain)
    abbrev = cand("Which organisation operated San Marco 1?", "CNR", rule="infobox-org",
                  kind="org")
    named = cand("Which organisation operated San Marco 1?", "National Research Council",
                 rule="infobox-org", kind="org")
    assert confidence(abbrev) < 0.6 <= confidence(named)
    office = cand("What was the office of Fusa Ito?", "Member of the House of Councillors",
                  rule="infobox-attribute", kind="office")
    assert confidence(office) < 0.6
    office.accept = ["House of Councillors"]
    assert confidence(office) >= 0.6  # a short form may be typed instead


# --- attack the new rules -----------------------------------------------------------------

def test_the_new_rules_survive_random_text() -> None:
    rng = random.Random(20)
    pieces = ["The", "the", "this", "This", "also", "_____", "CE", "in", "of", ":", ",",
              "and", "Aru", "Vogelkop-Aru", "species", "CRS", "(", ")", "three", "3", "—",
              "pillars", "East", "China", "American", "agency", "Zhe", "Jiang", "’s", "'s"]
    defined = {"CRS": "Italian Space Research Commission", "XY": ""}
    for _ in range(3000):
        words = [rng.choice(pieces) if rng.random() < 0.7 else
                 "".join(rng.choice(string.ascii_letters) for _ in range(rng.randint(1, 8)))
                 for _ in range(rng.randint(1, 18))]
        prompt = " ".join(words)
        kind, type_ = rng.choice([("place", "text"), ("place", "choice"), ("count", "number"),
                                  ("", "truefalse"), ("person", "text")])
        answer: object = rng.choice(["Zhejiang", "China", "NASA", "East China"])
        if type_ == "number":
            answer = rng.randint(0, 5)
        elif type_ == "truefalse":
            answer = rng.random() < 0.5
        c = cand(prompt, answer, type=type_, kind=kind,
                 choices=["A1", "B2", "C3", str(answer)] if type_ == "choice" else None)
        named = name_referents(c, "the red frog", {"frog"}, True, defined)
        c.prompt = named
        assert name_referents(c, "the red frog", {"frog"}, True, defined) == named
        reason(c, "Aru Islands Regency", defined)  # never raises


# --- round 6: stand alone, one right answer, worth asking, given away ----------------------

def test_a_lone_part_of_the_subjects_name_is_written_whole() -> None:
    c = cand("Later in life, Ch'oe embarked on a quest to bring gunpowder to _____.", "Korea")
    assert name_referents(c, "Ch'oe Musŏn", set(), False, {}, "Ch'oe Musŏn").startswith(
        "Later in life, Ch'oe Musŏn embarked")
    other = cand("The efforts of generals Yi Sŏnggye and Ch'oe Yŏng failed in _____.", "Goryeo")
    assert name_referents(other, "", set(), False, {}, "Ch'oe Musŏn") == other.prompt
    father = cand("Her father, Don Matías Azurduy, farmed at _____.", "Toroca")
    assert "Juana" not in name_referents(father, "", set(), False, {},
                                         "Juana Azurduy de Padilla")
    # without the person's name nothing changes
    assert name_referents(c, "", set(), False, {}) == c.prompt


def test_a_prompt_that_does_not_say_whom_it_is_about_is_not_asked() -> None:
    her = cand("Don Matías taught her to ride in _____.", "Toroca")
    assert reject_reason(her, "Toroca", "Juana Azurduy", person=True) == "unnamed-subject"
    named = cand("Juana Azurduy learnt to ride in _____.", "Toroca")
    assert reject_reason(named, "Toroca", "Juana Azurduy", person=True) is None
    trunks = cand("Trunks may reach a diameter of _____ m.", 14, rule="cloze-number",
                  type="number", kind="quantity")
    assert reason(trunks, "Adansonia digitata") == "unnamed-subject"
    who = cand("Who learned Western methods of copper refining?", "Riemon Soga",
               rule="wh-who", kind="person")
    assert reason(who, "Sumitomo Group") == "unnamed-subject"
    assert reason(cand("Who learned Western methods of copper refining at Sumitomo?",
                       "Riemon Soga", rule="wh-who", kind="person"), "Sumitomo Group") is None
    # a lower-case word of the title is the kind of thing, not its name
    eagles = cand("More than _____ eagles have been rescued in Mindanao.", 20,
                  rule="cloze-number", type="number", kind="count")
    assert reject_reason(eagles, "20", "Philippine eagle") is None  # names Mindanao
    assert reason(cand("More than _____ eagles have been rescued.", 20, rule="cloze-number",
                       type="number", kind="count"), "Philippine eagle") == "unnamed-subject"


def test_a_company_or_portfolio_not_named_leans_on_context() -> None:
    c = cand("By _____, copper mining had been added to the portfolio.", 1691,
             rule="cloze-year", kind="year")
    assert reason(c, "Sumitomo Group") == "lost-context"
    who = cand("Who passed control of the company to his son Tomomochi?", "Soga",
               rule="wh-who", kind="person")
    assert reason(who, "Sumitomo Group") == "lost-context"


def test_another_persons_name_in_a_life_story_is_a_side_figure() -> None:
    c = cand("Goryeo was defended by generals Yi Sŏnggye and _____.", "Ch'oe Yŏng",
             rule="cloze-person", kind="person")
    assert reject_reason(c, c.answer, "Ch'oe Musŏn", person=True) == "side-figure"
    assert reject_reason(c, c.answer, "Goryeo Army") is None  # not a life story


def test_the_year_a_running_count_starts_is_not_asked() -> None:
    c = cand("Since _____, more than 20 eagles have been rescued in Mindanao.", 2019,
             rule="cloze-year", kind="year")
    assert reason(c, "Philippine eagle") == "statistic-date"
    tf = cand("Since 1888, ten Institut Pasteur scientists have won the Nobel Prize.", False,
              rule="truefalse", type="truefalse", kind="year")
    quote = "Since 1908, ten Institut Pasteur scientists have won the Nobel Prize."
    assert reject_reason(tf, quote, "Pasteur Institute") == "statistic-date"
    count = cand("Since 1908, eleven Institut Pasteur scientists have won the Nobel Prize.",
                 False, rule="truefalse", type="truefalse", kind="count")
    assert reject_reason(count, quote, "Pasteur Institute") is None  # the count swapped
    plain = cand("Since _____, Mindanao has been a province of the Philippines.", 1950,
                 rule="cloze-year", kind="year")
    assert reason(plain, "Mindanao") is None


def test_one_end_of_a_range_is_not_a_size() -> None:
    c = cand("The Philippine eagle measures 86 to _____ cm in length.", 102,
             rule="cloze-number", type="number", kind="quantity")
    assert reason(c, "Philippine eagle") == "cut-range"
    c = cand("The Philippine eagle weighs between 4 and _____ kg.", 8,
             rule="cloze-number", type="number", kind="quantity")
    assert reason(c, "Philippine eagle") == "cut-range"
    years = cand("Ouro Preto was the seat of Minas Gerais from 1720 to _____.", 1897,
                 rule="cloze-year", kind="year")
    assert reason(years, "Ouro Preto") is None  # when a period ended is a fact


def test_a_blank_beside_or_is_one_of_two_values() -> None:
    c = cand("Huang Daopo was likely born around _____ or 1245.", 1240, rule="cloze-year",
             kind="year")
    assert reason(c, "Huang Daopo") == "either-or"
    c = cand("Huang Daopo was likely born around 1240 or _____.", 1245, rule="cloze-year",
             kind="year")
    assert reason(c, "Huang Daopo") == "either-or"


EITHER = """= Lin Sample =

Lin Sample (1245 – 1330) was a Chinese weaver of Songjiang.

==Life==
Lin was likely born around 1240 or 1245. She taught weaving in Songjiang from 1295.
"""


def test_two_values_joined_by_or_make_the_fact_conflicted() -> None:
    found = conflicts(parse_article(EITHER))
    assert asks_conflicted(question("When was Lin Sample born?", "1245"), found)
    assert asks_conflicted(question("In what year was Lin Sample born?", "1240"), found)
    both = Question(id="q", type="truefalse", prompt="Lin Sample was likely born around "
                    "1240 or 1245.", answer=True, evidence=[Evidence(quote="x")],
                    origin="generated:x", status="draft")
    assert not asks_conflicted(both, found)  # it says both
    assert not asks_conflicted(question("When did Lin Sample start teaching?", "1295"), found)
    one = EITHER.replace("around 1240 or 1245", "in 1245")
    assert not asks_conflicted(question("When was Lin Sample born?", "1245"),
                               conflicts(parse_article(one)))


FRONTED = """= Vila Sample =

- Established: 8 July 1711
- Population: 74,558

Vila Sample is a town in Minas Gerais, Brazil.

==History==
In 1698, Vila Velha (later Vila Sample) was established, becoming a capital.
In 1697, the Estrada Real was established by the crown.
"""


def test_a_founding_year_the_prose_fronts_conflicts_with_the_infobox() -> None:
    found = conflicts(parse_article(FRONTED))
    assert asks_conflicted(question("When was Vila Sample established?", "8 July 1711"), found)
    assert asks_conflicted(question("In _____, Vila Velha was established.", "1698"), found)
    # another thing established in another year is no second value
    agreeing = FRONTED.replace("In 1698, Vila Velha", "In 1711, Vila Velha")
    assert not asks_conflicted(question("When was Vila Sample established?", "8 July 1711"),
                               conflicts(parse_article(agreeing)))
    order = Question(id="q", type="order", prompt="Put these in order.", answer=["a", "b"],
                     evidence=[Evidence(quote="x")], origin="generated:x", status="draft",
                     explanation="Vila Sample was established in 1711; the road in 1697.")
    assert asks_conflicted(order, found)


def test_a_demonym_shorter_than_its_country_gives_it_away() -> None:
    q = question("The Philippine eagle is the national bird of the _____.", "Philippines")
    assert gives_away(q, q.prompt)
    assert not gives_away(question("The eagle is the national bird of the _____.",
                                   "Philippines"), "The eagle is the national bird.")
