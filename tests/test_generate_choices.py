"""Wrong options of the right kind: places of the answer's own sort (from the gazetteer
when the article never names them), dates that fit the subject's own life and era, and
facts the article gives two values for left unasked."""

from __future__ import annotations

import random

from quiz.bank.article import parse_article
from quiz.bank.model import Question
from quiz.bank.normalize import fold
from quiz.generate import places
from quiz.generate.audit import asks_conflicted, audit, conflicts
from quiz.generate.candidate import Candidate
from quiz.generate.distractors import Pools, learn_article, pick
from quiz.generate.pipeline import generate
from quiz.generate.spans import find_spans


def _pools(text: str) -> Pools:
    pools = Pools()
    learn_article(pools, parse_article(text))
    return pools


def _place(answer: str, prompt: str) -> Candidate:
    return Candidate(rule="cloze-place", type="text", prompt=prompt, answer=answer,
                     kind="place", quotes=[(0, 1)], group=0, answer_text=answer)


EXPLORER = """= Carlo Rossi =

Carlo Rossi (3 May 1820 – 9 June 1880) was an Italian explorer.

Rossi studied in Rome and later joined an expedition to Ethiopia, where he collected birds.
He returned to Italy in 1870 and wrote about his travels.
"""


def test_a_country_gets_countries_of_its_own_region_never_cities() -> None:
    pools = _pools(EXPLORER)
    wrong = pick(_place("Ethiopia", "Rossi joined an expedition to _____."), pools, "")
    assert len(wrong) == 3
    ethiopia = places.lookup("Ethiopia")
    assert ethiopia is not None
    for w in wrong:
        e = places.lookup(w)
        assert e is not None and e.sort == places.COUNTRY, w
        assert e.region == ethiopia.region, w
        assert fold(w) not in fold(EXPLORER)  # never a place the article names


def test_a_city_gets_cities_of_its_own_country_and_never_its_container() -> None:
    text = """= Games of 2019 =

Games of 2019
- Host city: Wuhan, Hubei, China

The games were held in Wuhan, the capital of Hubei province in China.
"""
    pools = _pools(text)
    pools.relate(["Wuhan", "Hubei", "China"])
    wrong = pick(_place("Wuhan", "Which city hosted the Games of 2019?"), pools, "")
    assert len(wrong) == 3
    for w in wrong:
        e = places.lookup(w)
        assert e is not None and e.sort == places.CITY and e.country is not None
        assert e.country.name == "China"
    assert not {fold(w) for w in wrong} & {"china", "hubei", "wuhan"}


def test_a_country_the_prompt_already_implies_gets_no_choices() -> None:
    pools = _pools(EXPLORER)
    c = _place("China", "The old city walls of Xiangyang are among the oldest in _____.")
    assert pick(c, pools, "") == []


def test_a_county_of_a_chinese_article_gets_chinese_cities_not_lisbon() -> None:
    text = """= Lady Wen =

Lady Wen (170 – 215) was a Chinese poet of the Han dynasty.

She was born in Gao County, in what is now Henan, China. Her family lived in Luoyang.
The Chinese court honoured her poems, and she lived in China all her life.
"""
    pools = _pools(text)
    assert pools.country is not None and pools.country.name == "China"
    wrong = pick(_place("Gao County", "Lady Wen was born in _____."), pools, "")
    assert wrong
    china = places.country_named("China")
    assert china is not None
    assert all(w in china.cities or fold(w) in fold(text) for w in wrong)
    assert "Lisbon" not in wrong


def test_the_article_country_is_not_guessed_from_part_of_a_longer_name() -> None:
    text = """= Bird =

The bird lives in the forests of New Guinea. New Guinea is a large island; the bird is
common in northern New Guinea.
"""
    assert places.main_country(text) is None


def test_fuzz_gazetteer_places_get_options_of_their_own_sort() -> None:
    rng = random.Random(7)
    names = [(n, s) for c in places.COUNTRIES
             for s, ns in ((places.COUNTRY, [c.name]), (places.CITY, c.cities),
                           (places.PROVINCE, c.provinces), (places.RIVER, c.rivers))
             for n in ns]
    for _ in range(1500):
        name, _sort = rng.choice(names)
        e = places.lookup(name)
        assert e is not None
        wrong = pick(_place(name, "It lies in _____."), Pools(), "")
        if len(places.same_sort_names(e)) >= 6:
            assert len(wrong) == 3, name
        assert fold(name) not in {fold(w) for w in wrong}
        assert len({fold(w) for w in wrong}) == len(wrong)
        for w in wrong:
            we = places.lookup(w, e.country)
            assert we is not None and we.sort == e.sort, (name, w)
            assert not places.contains(w, name) and not places.contains(name, w)


def _date(answer: str, prompt: str) -> Candidate:
    span = find_spans(f"in {answer}")[0]
    return Candidate(rule="cloze-year", type="text", prompt=prompt, answer=span.text,
                     kind=span.kind, quotes=[(0, 1)], group=0, answer_text=span.text,
                     span=span)


def _year(option: str) -> int:
    return int(option) if option.isdigit() else find_spans(option)[0].value[0]  # type: ignore[index]


PERSON = """= Anna Berg =

Anna Berg
- Born: 12 March 1850
- Died: 4 May 1890

Anna Berg (12 March 1850 – 4 May 1890) was a painter. In 1872 she moved to Paris. In 1884
she opened a school. She died in 1890.
"""


def test_no_birth_year_after_the_death_and_no_death_before_the_birth() -> None:
    pools = _pools(PERSON)
    for s in find_spans(PERSON):
        pools.add_span(s)  # the article's own later years are candidates too
    born = pick(_date("12 March 1850", "When was Anna Berg born?"), pools, "")
    assert len(born) == 3 and all(_year(o) <= 1890 - 15 for o in born)
    died = pick(_date("4 May 1890", "When did Anna Berg die?"), pools, "")
    assert len(died) == 3 and all(_year(o) >= 1850 + 15 for o in died)


def test_fuzz_event_years_stay_on_the_answers_side_of_the_subjects_life() -> None:
    rng = random.Random(3)
    for _ in range(600):
        start = rng.randint(1100, 1950)
        end = start + rng.randint(2, 70)
        text = (f"= Guild =\n\nGuild\n- Founded: {start}\n- Dissolved: {end}\n\n"
                f"The Guild was a trade body. It was founded in {start} and dissolved in {end}.\n")
        pools = _pools(text)
        assert pools.life.first == (start, 0, 0) and pools.life.last == (end, 0, 0)
        founded = pick(_date(str(start), "In what year was the Guild founded?"), pools, "")
        assert all(_year(o) <= end for o in founded), (start, end, founded)
        year = rng.randint(start + 1, end - 1) if end - start > 1 else end
        event = pick(_date(str(year), "In _____, the Guild moved its hall."), pools, "")
        assert all(_year(o) >= start for o in event), (start, year, event)


def test_article_years_centuries_away_are_not_offered() -> None:
    text = """= Aqueduct =

The aqueduct was begun in 1731. A first plan was drawn up in 1620. Water first
flowed in 1748. Repairs were made in 1755.
"""
    pools = _pools(text)
    for s in find_spans(text):
        pools.add_span(s)
    wrong = pick(_date("1731", "In what year was the aqueduct begun?"), pools, "")
    assert len(wrong) == 3 and "1620" not in wrong


def test_two_birth_years_are_a_conflict_and_not_asked() -> None:
    text = """= Wen Ji =

Wen Ji
- Born: 1811
- Died: 1882

Wen Ji was a Chinese poet and painter of the Qing court. Wen Ji was born in 1812 in Suzhou,
according to a later family history. She painted for the court for forty years.
"""
    article = parse_article(text)
    found = conflicts(article)
    assert any(c.values == {1811.0, 1812.0} for c in found)
    bank = generate(article, keep_all=True).bank
    for q in bank.questions:
        assert not asks_conflicted(q, found), q.prompt
        assert not ("born" in q.prompt and str(q.answer) in ("1811", "1812"))
    assert audit(bank, article)["conflicting-values"] == 0


def test_an_infobox_figure_the_prose_gives_otherwise_is_a_conflict() -> None:
    text = """= Games =

Games
- Events: 316 events in 27 sports

The games had 9,308 athletes from 110 countries competing in 329 events and 27 sports.
"""
    found = conflicts(parse_article(text))
    assert any(c.values == {316.0, 329.0} for c in found)
    # the same figure stated twice is no conflict
    same = text.replace("329 events", "316 events")
    assert not conflicts(parse_article(same))


def test_full_dates_of_the_subject_bound_the_options_to_the_day() -> None:
    text = """= Liaison Office =

Liaison Office
- Formed: 14 September 2018
- Dissolved: 16 June 2020

The Liaison Office opened on 14 September 2018. The first meeting was held on 22 October
2018. The office was closed on 30 January 2020. The building was demolished on 16 June 2020.
"""
    pools = _pools(text)
    for s in find_spans(text):
        pools.add_span(s)
    formed = pick(_date("14 September 2018", "When was the Liaison Office formed?"), pools, "")
    assert formed and all(find_spans(o)[0].value < (2020, 6, 16) for o in formed)  # type: ignore[operator]
    closed = pick(_date("30 January 2020", "On what date was the Liaison Office closed?"),
                  pools, "")
    assert closed and "16 June 2020" not in closed
    assert all((2018, 9, 14) < find_spans(o)[0].value < (2020, 6, 16)  # type: ignore[operator]
               for o in closed)


def test_a_prompt_that_names_what_the_answer_is_keeps_options_of_that_head() -> None:
    pools = Pools()
    pools.names["org"] = ["Ministry of Unification", "Committee for Peace", "Xinhua News Agency",
                          "Unification Office", "Yonhap News Agency", "Tass Agency"]
    c = Candidate(rule="appositive", type="text", prompt="What was North Korea's news agency?",
                  answer="Korean Central News Agency", kind="org", quotes=[(0, 1)], group=0,
                  answer_text="Korean Central News Agency")
    wrong = pick(c, pools, "")
    assert wrong and all(w.endswith(" Agency") for w in wrong)


def test_countries_are_only_offered_by_names_in_use_at_the_time() -> None:
    pools = Pools()
    c = _place("China", "Where did the 1911 Revolution take place?")
    wrong = pick(c, pools, "")
    assert len(wrong) == 3
    assert not {"South Korea", "North Korea", "Taiwan"} & set(wrong)
    later = pick(_place("Japan", "Where were the 1988 Games held?"), pools, "")
    assert len(later) == 3 and all(places.lookup(w) is not None for w in later)


def test_no_year_after_the_latest_the_article_knows() -> None:
    text = """= Regency =

At the 2011 census the regency had 84,138 people; the 2020 census counted 102,237, and an
estimate as at 2024 gave 112,531.
"""
    pools = _pools(text)
    for s in find_spans(text):
        pools.add_span(s)
    wrong = pick(_date("2024", "The estimate as at mid _____ was 112,531."), pools, "")
    assert len(wrong) == 3 and all(int(w) < 2024 for w in wrong)


def test_fuzz_dates_and_conflicts_survive_odd_infobox_values() -> None:
    rng = random.Random(11)
    bits = ["(", ")", "–", "-", " or ", "c.", "BC", "CE", "aged", "later than", "post", ";",
            "12", "170", "1893-05-15", "7 July 189", "99999", "0", "March", ",", " ", "km",
            "born", "died"]
    keys = ["Born", "Died", "Founded", "Dissolved", "Length", "Events", "Area", "Signed"]
    for _ in range(300):
        lines = [f"- {rng.choice(keys)}: " + "".join(rng.choice(bits) for _ in range(6))
                 for _ in range(3)]
        lead = "X " + "".join(rng.choice(bits) for _ in range(8)) + " was a thing of 12 km."
        text = "= X =\n\nX\n" + "\n".join(lines) + f"\n\n{lead} It was born in 170.\n"
        article = parse_article(text)
        pools = _pools(text)
        for c in conflicts(article):
            assert len(c.values) > 1
        assert all(isinstance(k, tuple) and len(k) == 3 for k in pools.life.start_dates)
        generate(article, keep_all=True)  # never raises on odd values


def test_an_infobox_date_the_prose_puts_in_another_year_is_a_conflict() -> None:
    text = ("= Long Bridge =\n\nLong Bridge\n- Opened: 26 December 2007\n\n"
            "The Long Bridge is a road bridge. Work began in 2003, and the bridge opened to "
            "traffic on 26 December 2008.\n")
    article = parse_article(text)
    found = conflicts(article)
    assert any(c.values == {2007.0, 2008.0} for c in found)
    ask = Question(id="q", type="text", prompt="When did the Long Bridge open?",
                   answer="26 December 2007", evidence=[])
    assert asks_conflicted(ask, found)
    other = Question(id="r", type="text", prompt="When did work on the Long Bridge begin?",
                     answer="2003", evidence=[])
    assert not asks_conflicted(other, found)
    same = text.replace("26 December 2008", "26 December 2007")
    assert not conflicts(parse_article(same))


def test_a_word_made_from_the_place_gives_it_away() -> None:
    from quiz.generate.audit import derived_from, gives_away

    assert derived_from("Venice", "the patron saint of _____, aiding Venetian sailors")
    assert derived_from("China", "a river dolphin of the Chinese Yangtze")
    assert derived_from("Italy", "an Italian explorer")
    assert not derived_from("Tunisia", "Antinori studied Chott near Tunis.")
    assert not derived_from("Perugia", "He was born in _____ and studied in Rome.")
    q = Question(id="q", type="text", prompt="Where?", answer="France", evidence=[])
    assert gives_away(q, "The French team won.")


def test_gazetteer_places_are_places_but_the_articles_own_country_is_not_asked() -> None:
    from quiz.generate.entities import PLACE, build_index

    text = ("= Lady Wen =\n\nLady Wen was a Chinese poet of the Han dynasty of China. Her poems "
            "reached Japan, and Kaifeng and Hangzhou kept them. The Chinese court of China "
            "praised her.\n")
    index = build_index(parse_article(text), {})
    assert index.kind("Japan") == PLACE and index.kind("Kaifeng") == PLACE
    # the gazetteer does not make the article's own country a place: "the Han dynasty of
    # _____" would be forced by every sentence around it
    assert index.kind("China") != PLACE


FEMINIST = """= Ito Fumi =

Ito Fumi
- Birth Date: 1893-05-15
- Death Date: 1981-02-11

Ito Fumi was a Japanese feminist. In 1917 she became a reporter. In 1920 she founded an
association. She was elected in 1953 and again in 1974, and served until 1981.
"""


def test_no_birth_year_in_the_years_the_article_gives_for_the_persons_adult_life() -> None:
    pools = _pools(FEMINIST)
    for s in find_spans(FEMINIST):
        pools.add_span(s)
    born = pick(_date("1893", "When was Ito Fumi born?"), pools, "")
    assert len(born) == 3, born
    # a reporter at four is no choice: every option leaves her a dozen years before 1917
    assert all(_year(o) <= 1917 - 12 for o in born), born


def test_an_event_of_a_persons_life_is_not_offered_her_birth_or_death_year() -> None:
    pools = _pools(PERSON)
    for s in find_spans(PERSON):
        pools.add_span(s)
    for _ in range(3):
        wrong = pick(_date("1884", "In _____, Anna Berg opened a school."), pools, "")
        assert wrong and "1850" not in wrong and "1890" not in wrong, wrong
        assert all(_year(o) >= 1850 + 12 for o in wrong), wrong


def test_a_beginning_comes_before_the_later_events_and_an_end_after_the_earlier() -> None:
    text = """= Accord =

Accord
- Signed: 27 April 2018
- Suspended: 23 November 2023

The Accord was signed on 27 April 2018. It was sent to the United Nations on 6 September
2018. A liaison office opened on 14 November 2020. It was suspended on 23 November 2023.
"""
    pools = _pools(text)
    for s in find_spans(text):
        pools.add_span(s)
    signed = pick(_date("27 April 2018", "When was the Accord signed?"), pools, "")
    assert all(find_spans(o)[0].value < (2018, 9, 6) for o in signed), signed  # type: ignore[operator]
    ended = pick(_date("23 November 2023", "When was the Accord suspended?"), pools, "")
    assert ended and all(find_spans(o)[0].value > (2020, 11, 14)  # type: ignore[operator]
                         for o in ended), ended


def test_an_answer_the_prompt_gives_a_nationality_gets_no_choices() -> None:
    pools = Pools()
    pools.names = {"org": ["CERN", "ESRO", "CNR", "NASA"],
                   "person": ["Kim Jong-un", "Won Kil-u", "Kim Jong-il", "Moon Jae-in"]}
    nasa = Candidate(rule="cloze-org", type="text", answer="NASA", kind="org",
                     prompt="A plan was made with the American space agency _____ in 1962.",
                     quotes=[(0, 1)], group=0, answer_text="NASA")
    assert pick(nasa, pools, "") == []
    moon = Candidate(rule="cloze-person", type="text", answer="Moon Jae-in", kind="person",
                     prompt="South Korean president _____ responded.", quotes=[(0, 1)],
                     group=0, answer_text="Moon Jae-in")
    assert pick(moon, pools, "") == []
    moon.prompt = "In 2018, _____ met the delegates."
    assert len(pick(moon, pools, "")) == 3


def test_an_event_gets_events_of_its_own_sort() -> None:
    pools = Pools()
    pools.names = {"event": ["Warsaw Pact", "Bandung Conference", "Korean War", "Vietnam War",
                             "Treaty of Rome", "Suez Crisis"]}
    war = Candidate(rule="cloze-event", type="text", answer="Cold War", kind="event",
                    prompt="It was founded in the context of the _____.", quotes=[(0, 1)],
                    group=0, answer_text="Cold War")
    assert sorted(pick(war, pools, "")) == ["Korean War", "Suez Crisis", "Vietnam War"]
    pact = Candidate(rule="cloze-event", type="text", answer="Treaty of Paris", kind="event",
                     prompt="They signed the _____.", quotes=[(0, 1)], group=0,
                     answer_text="Treaty of Paris")
    assert sorted(pick(pact, pools, "")) == ["Treaty of Rome", "Warsaw Pact"]


def test_a_founding_just_before_the_next_dated_event_still_gets_three_options() -> None:
    # every option must come before the office's first meeting three weeks later; the
    # made-up dates after the answer are ruled out, so earlier ones take their place
    rng = random.Random(12)
    for _ in range(200):
        year, month, day = rng.randint(1900, 2020), rng.randint(1, 12), rng.randint(1, 25)
        later = month + 1 if month < 12 else 1
        next_year = year if month < 12 else year + 1
        text = (f"= Liaison Office =\n\nInfobox\n- Formed: {day} {_MONTHS[month]} {year}\n\n"
                f"The Liaison Office was a joint office. Its first meeting was held on "
                f"{day} {_MONTHS[later]} {next_year}.\n")
        pools = _pools(text)
        for s in find_spans(text):
            pools.add_span(s)
        answer = f"{day} {_MONTHS[month]} {year}"
        wrong = pick(_date(answer, "When was the Liaison Office formed?"), pools, "")
        assert len(wrong) == 3, (answer, wrong)
        first_meeting = (next_year, later, day)
        assert all(_key(o) < first_meeting for o in wrong), (answer, wrong)


_MONTHS = ["", "January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def _key(date: str) -> tuple[int, int, int]:
    day, month, year = date.split()
    return int(year), _MONTHS.index(month), int(day)


def test_a_sea_gets_seas_of_its_own_ocean() -> None:
    text = """= Isle =

Isle is an island in the Indian Ocean, between the Guardafui Channel and the Arabian Sea.
"""
    wrong = pick(_place("Arabian Sea", "Isle lies between the Guardafui Channel and the _____."),
                 _pools(text), "")
    assert wrong and "Caspian Sea" not in wrong and "Black Sea" not in wrong
    arabian = places.lookup("Arabian Sea")
    assert arabian is not None
    assert all(w in places.same_sort_names(arabian) for w in wrong), wrong


def test_a_part_of_a_continent_gets_other_parts_of_it() -> None:
    text = """= Mungo =

Mungo was a Scottish explorer of West Africa. He was born at Foulshiels and died at Bussa.
"""
    wrong = pick(_place("West Africa", "Mungo was a Scottish explorer of _____."),
                 _pools(text), "")
    assert len(wrong) == 3
    assert all(w.endswith(" Africa") and w != "West Africa" for w in wrong), wrong


def test_a_language_is_not_a_place_and_never_a_place_option() -> None:
    from quiz.generate.entities import LANGUAGE, PLACE, build_index

    text = """= Juana =

Juana was born in Chuquisaca. Her father had a hacienda in Toroca. Besides Spanish, she
became fluent in Quechua and Aymara, the languages of the local people. She lived in Potosi.
"""
    index = build_index(parse_article(text))
    assert index.kind("Quechua") == LANGUAGE and index.kind("Aymara") == LANGUAGE
    assert index.kind("Toroca") == PLACE
    # and without the cue they would be places ("in Quechua")
    plain = text.replace("fluent in Quechua and Aymara, the languages of the local people",
                         "at home in Quechua and Aymara")
    assert build_index(parse_article(plain)).kind("Quechua") == PLACE
