"""Question kinds beyond the cloze: "how many" from stated counts, and the infobox
facts a teacher asks per article kind."""

from __future__ import annotations

import random
from pathlib import Path

from quiz.bank.article import load_article, parse_article
from quiz.generate.accepts import either_order
from quiz.generate.candidate import Candidate
from quiz.generate.howmany import _base_form, how_many
from quiz.generate.pipeline import generate
from quiz.generate.rules import SentenceInfo
from quiz.generate.spans import find_spans


def _info(text: str) -> SentenceInfo:
    article = parse_article(f"= T =\n\n{text}\n")
    s = article.sentences[0]
    return SentenceInfo(s, "", s.text, "", s.text, spans=find_spans(s.text))


def _asked(text: str) -> list[tuple[str, object, str | None]]:
    return [(c.prompt, c.answer, c.unit) for c in how_many(_info(text))]


def test_a_stated_count_is_asked_as_how_many() -> None:
    assert _asked("Stade Pershing hosted the final of the Coupe de France on four "
                  "occasions.") == [("On how many occasions did Stade Pershing host the final "
                                     "of the Coupe de France?", 4, "occasions")]
    assert _asked("The Games were attended by 77 participants from 5 nations: France, "
                  "Italy and Spain.")[0][:2] == ("How many participants attended the Games?", 77)
    assert _asked("The female bird usually lays two pinkish eggs in a nest.") == [
        ("How many eggs does the female bird usually lay in a nest?", 2, "eggs")]
    assert _asked("In 1729, three men were appointed to prepare the plan for the system "
                  "that would include a bridge.") == [
        ("In 1729, how many men were appointed to prepare the plan for the system?", 3, "men")]


def test_a_hedged_or_tangled_count_is_not_asked() -> None:
    assert _asked("The club had about 40 members in its first year.") == []
    assert _asked("The stadium held more than 29,000 spectators.") == []
    # a phrasal verb and a second number would make a broken question
    assert _asked("The built-up area made up of 3 urban districts had 2,319,640 "
                  "inhabitants.") == []
    # "was ... a forum of": no verb to turn round
    assert _asked("The movement is a forum of 121 countries.") == []
    # "Of how many participants did China send a delegation consisting?"
    assert _asked("Host nation China sent a delegation consisting of 553 participants.") == []


def test_base_forms_of_verbs() -> None:
    cases = {"hosted": "host", "competed": "compete", "created": "create", "stopped": "stop",
             "carried": "carry", "lays": "lay", "had": "have", "includes": "include",
             "reaches": "reach", "appointed": "appoint"}
    assert {v: _base_form(v) for v in cases} == cases


_WORDS = ("the club hosted had lays two 40 members were appointed by on in of and "
          "Paris games four occasions usually about 1,200 people that which , .")


def test_how_many_never_breaks_on_random_sentences() -> None:
    rng = random.Random(12)
    words = list(_WORDS.split())
    for _ in range(2000):
        text = "The " + " ".join(rng.choice(words) for _ in range(rng.randint(3, 14))) + "."
        for c in how_many(_info(text)):
            assert c.prompt.endswith("?") and "how many" in c.prompt.lower()
            assert str(c.answer) not in c.prompt.replace(",", "")
            assert isinstance(c.answer, int) and c.answer >= 2


EVENT = """= Battle of Somewhere =

Infobox
- Conflict: Battle of Somewhere
- Date: 12 May 1410
- Place: Somewhere, Ruritania
- Result: Ruritanian victory
- Participants: 600 knights
- Commander1: Rudolf
- Commander2: Michael
- Casualties1: Unknown

The Battle of Somewhere was fought between Ruritania and Graustark on 12 May 1410.
The Ruritanian army won a clear victory over its neighbour that day, ending the war.
About 600 knights took part in the battle, which was fought in a wide river valley.
"""

PERSON = """= Anna Example =

Infobox
- Born: 3 March 1811, Perugia, Papal States
- Died: 9 August 1882, Rome, Italy
- Nationality: Italian
- Position: Secretary of the Geographical Society
- Collaborator: Bruno Sample
- Issue: Carla Example
- Birth Place: Unknown

Anna Example was an explorer who collected birds in East Africa for thirty years.
She worked with the zoologist Bruno Sample on a catalogue of the birds of Italy.
Anna Example served as secretary of the Geographical Society in Rome from 1870.
"""


def _prompts(text: str) -> dict[str, object]:
    return {q.prompt: q.answer for q in generate(parse_article(text), keep_all=True).bank.questions
            if q.origin.startswith("generated:infobox")}


def test_an_events_infobox_gives_its_result_place_and_head_count() -> None:
    asked = _prompts(EVENT)
    assert asked.get("What was the result of the Battle of Somewhere?") == "Ruritanian victory"
    assert asked.get("How many knights took part in the Battle of Somewhere?") == 600
    # numbered keys and empty values are never asked
    assert not any("commander" in p.lower() or "casualties" in p.lower() for p in asked)
    assert "Unknown" not in asked.values()


def test_a_persons_infobox_gives_nationality_position_and_collaborator() -> None:
    asked = _prompts(PERSON)
    assert asked.get("What was the nationality of Anna Example?") == "Italian"
    assert asked.get("What position did Anna Example hold?") == \
        "Secretary of the Geographical Society"
    assert asked.get("Who was a collaborator of Anna Example?") == "Bruno Sample"
    # "Issue" has other right answers the key alone cannot list (a child's other names)
    assert not any("issue" in p.lower() or "child" in p.lower() for p in asked)
    assert "Unknown" not in asked.values()


def test_a_dated_list_title_is_named_as_a_phrase() -> None:
    from quiz.generate.context import topic_of

    text = ("= Solidarity Conference, 1957 =\n\nInfobox\n- Host City: Cairo\n\n"
            "The Solidarity Conference was held in Cairo in December 1957.\n")
    assert topic_of(parse_article(text)).noun_phrase == "the 1957 Solidarity Conference"
    assert _prompts(text) == {"Which city hosted the 1957 Solidarity Conference?": "Cairo"}


def test_a_typed_persons_name_is_marked_for_either_order() -> None:
    def cand(answer: str, kind: str = "person", qtype: str = "text") -> Candidate:
        return Candidate("cloze", qtype, "Who?", answer, kind, [(0, 1)], 0)

    assert either_order(cand("Kim Yo-jong"))
    assert not either_order(cand("King John V"))  # a ruler's name does not turn round
    assert not either_order(cand("Pius IX"))
    assert not either_order(cand("Seoul", kind="place"))
    assert not either_order(cand("Kim Yo-jong", qtype="choice"))  # picked, never typed
    # And the generator writes it: a bank with a typed person's name marks it.
    root = Path(__file__).resolve().parent / "corpus"
    bank = generate(load_article(root / "cairo-anti-war-conference.txt")).bank
    people = [q for q in bank.questions if q.person]
    assert people and all(q.type == "text" for q in people)


def test_an_iso_birth_date_leaves_no_date_fragment_as_a_place() -> None:
    text = ("= Jane Doe =\n\nInfobox\n- Name: Jane Doe\n- Born: 1893-05-15, Yamato, Aichi, Japan\n"
            "- Died: 1981-02-11 (aged 87), Tokyo, Japan\n\nJane Doe was a writer.\n")
    bank = generate(parse_article(text, "x.txt"), keep_all=True).bank
    asked = {q.prompt: q.answer for q in bank.questions}
    assert str(asked.get("When was Jane Doe born?")) == "1893"
    assert asked.get("Where was Jane Doe born?") == "Yamato"
    for q in bank.questions:  # no "-05-15", no "(aged 87)" as an answer or accepted form
        for form in [str(q.answer), *q.accept]:
            assert form[:1].isalnum() and "aged" not in form, (q.prompt, form)
