"""Infobox keys understood per article kind: rivers, spacecraft, sports events, people,
organisations and bridges, each asked in its own words; template dates and merged
lists handled; nothing asked that has another right answer offered as wrong."""

from __future__ import annotations

from quiz.bank.article import parse_article
from quiz.generate import infobox
from quiz.generate.context import topic_of
from quiz.generate.pipeline import generate


def _infobox_questions(text: str):
    bank = generate(parse_article(text, "x.txt"), keep_all=True).bank
    return [q for q in bank.questions if q.origin.startswith("generated:infobox")]


def _asked(text: str) -> dict[str, object]:
    return {q.prompt: q.answer for q in _infobox_questions(text)}


RIVER = """= Sample River =

Infobox
- Mouth: Example Bay
- Cities: Riverton
- Tributaries Left: Alder Stream
- Tributaries Right: Birch River, Cedar River

The Sample River is a river in the east of Ruritania. Its valley has been farmed since
the Bronze Age.
"""


def test_a_rivers_mouth_cities_and_tributaries_are_asked() -> None:
    article = parse_article(RIVER, "x.txt")
    assert infobox.article_kind(article, topic_of(article)) == "river"
    qs = {q.prompt: q for q in _infobox_questions(RIVER)}
    assert qs["Into which body of water does the Sample River flow?"].answer == "Example Bay"
    assert qs["Name one city on the Sample River."].answer == "Riverton"
    # left and right tributaries are one list: any of the three is right, each also
    # without its sort word (a student may rightly write "the Birch"; nothing else in the
    # article is called so), and the evidence quotes both lines
    trib = qs["Name one tributary of the Sample River."]
    assert {str(trib.answer), *trib.accept} == {"Alder Stream", "Birch River", "Cedar River",
                                                 "Alder", "Birch", "Cedar"}
    assert len(trib.evidence) == 2


SPACECRAFT = """= Probe 7 =

Infobox
- Mission Type: Earth science
- Operator: ASR
- Launch Mass: 115.2 kg
- Launch Date: 15 December 1964, 20:24:00 UTC
- Launch Rocket: Scout X-4
- Launch Site: Wallops LA-3A
- Decay Date: 13 September 1965

Probe 7 was a small research satellite built by the Agency for Space Research (ASR).
It measured the density of the upper atmosphere for nine months.
"""


def test_a_spacecrafts_launch_facts_are_asked_in_the_past() -> None:
    asked = _asked(SPACECRAFT)
    assert asked["When was Probe 7 launched?"] == "15 December 1964"
    assert asked["Which rocket launched Probe 7?"] == "Scout X-4"
    assert asked["Which organisation operated Probe 7?"] == "ASR"
    assert asked["What was the launch mass of Probe 7 (in kg)?"] == 115.2
    assert not any("decay" in p.lower() or "from where" in p.lower() for p in asked)


GAMES = """= 2031 Sample Games =

Infobox
- Host City: Lakeside
- Nations: 110
- Athletes: 9,308
- Events: 316 events in 27 sports
- Stadium: Lakeside Sports Centre
- Opening: 2031-10-18

The 2031 Sample Games were a multi-sport event held in Lakeside in October 2031.
"""


def test_a_sports_events_counts_and_stadium_are_asked() -> None:
    asked = _asked(GAMES)
    # "Nations: 110" is a count, not the year 110
    assert asked["How many nations took part in the 2031 Sample Games?"] == 110
    assert asked["How many athletes competed at the 2031 Sample Games?"] == 9308
    assert asked["How many events were contested at the 2031 Sample Games?"] == 316
    assert asked["What was the main stadium of the 2031 Sample Games?"] == \
        "Lakeside Sports Centre"


BRIDGE = """= Sample Bridge =

Infobox
- Locale: Riverton, Eastland, Ruritania
- Design: Suspension bridge
- Mainspan: 1280 m
- Begin: 2003-11-04
- Open: 2007-12-26

The Sample Bridge is a bridge over the Sample River in Riverton. The bridge carries
a six-lane expressway across the river.
"""


def test_a_bridges_template_keys_and_iso_dates_are_asked() -> None:
    asked = _asked(BRIDGE)
    assert asked["Where is the Sample Bridge located?"] == "Riverton"
    assert asked["What type of bridge is the Sample Bridge?"] == "Suspension bridge"
    assert asked["How long is the main span of the Sample Bridge (in m)?"] == 1280
    # a template's ISO date is asked by its year, never by a fragment such as "-11-04"
    assert str(asked["In what year did the construction of the Sample Bridge start?"]) == "2003"
    assert str(asked["In what year was the Sample Bridge opened?"]) == "2007"


def test_a_design_that_is_not_a_kind_of_structure_is_not_asked() -> None:
    text = BRIDGE.replace("Design: Suspension bridge", "Design: medium")
    assert not any("type of" in p for p in _asked(text))


PERSON = """= Liu Sample =

Infobox
- Died: 121 CE (aged 59–71)
- Succession: Grand Chancellor of Ruritania
- Successor: Wen Example
- Spouse: Emperor Ling of Han
- Alma Mater: University of Eastland
- Field: botany, anatomy
- Prizes: Lyell Medal

Liu Sample was a scholar and official. Liu Sample married Liu Hong (Emperor Ling), who later ruled.
"""


def test_a_persons_successor_studies_and_awards_are_asked() -> None:
    qs = {q.prompt: q for q in _infobox_questions(PERSON)}
    asked = {p: q.answer for p, q in qs.items()}
    assert asked["Who succeeded Liu Sample as Grand Chancellor of Ruritania?"] == "Wen Example"
    assert asked["At which institution was Liu Sample educated?"] == "University of Eastland"
    assert asked["Which award did Liu Sample receive?"] == "Lyell Medal"
    assert asked["Name one field in which Liu Sample worked."] in ("botany", "anatomy")
    # the age range says the birth year is unsure, not the death year; the era mark
    # is no place of death
    assert str(asked["When did Liu Sample die?"]) == "121"
    assert "Where did Liu Sample die?" not in asked
    # the article's other name for the spouse is right too: never a wrong choice
    article = parse_article(PERSON, "x.txt")
    drafts = infobox.candidates(article, infobox.classify(article), topic_of(article))
    spouse = next(c for c in drafts if c.prompt == "Who was the spouse of Liu Sample?")
    assert "Liu Hong" in spouse.exclude


def test_a_titled_persons_name_is_accepted_without_the_rank() -> None:
    text = ("= Sample Council =\n\nInfobox\n- Founded: 1948-02-18\n"
            "- President: Colonel Nilton Sample Rolim\n\nThe Sample Council is a sports "
            "body. Since 2022 its president has been Colonel Nilton Sample Rolim.\n")
    qs = {q.prompt: q for q in _infobox_questions(text)}
    president = qs["Who is the president of the Sample Council?"]
    assert "Nilton Sample Rolim" in president.accept
    assert qs["In what year was the Sample Council founded?"].answer in (1948, "1948")


def test_counts_of_athletes_and_nations_are_both_written() -> None:
    # two prompts that differ in one word were dropped as near-duplicates
    games = GAMES.replace("Sample Games", "Sample Military World Games")
    bank = generate(parse_article(games), keep_all=True).bank
    answers = {q.answer for q in bank.questions if q.type == "number"}
    assert {110, 9308} <= answers, [q.prompt for q in bank.questions]


def test_a_taxon_rank_or_an_address_only_the_key_facts_hold_is_not_asked() -> None:
    text = """= Brusk pine =

- Order: Pinales
- Family: Araucariaceae
- Genus: Aldera

The Brusk pine is a tall conifer of the mountains of Ruritania. It grows on wet cliffs.
"""
    asked = {q.answer for q in _infobox_questions(text)}
    assert "Pinales" not in asked and "Araucariaceae" not in asked
    assert "Aldera" in asked  # a genus stays (it is the first word of the species' name)
    # the prose says the family: a teacher may ask it
    said = text.replace("It grows", "It belongs to the family Araucariaceae and grows")
    assert "Araucariaceae" in {q.answer for q in _infobox_questions(said)}
