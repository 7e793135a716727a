"""How sure the generator is of a draft: which long blanks are written after all, which
shapes are held back, and how a long blank waits for the shorter questions."""

from __future__ import annotations

from quiz.bank.article import parse_article
from quiz.generate.candidate import Candidate
from quiz.generate.confidence import THRESHOLD, confidence, named_blank
from quiz.generate.pipeline import Report, _select, generate

LEAGUE = "\n".join([
    "= Oakfield League =",
    "",
    "The Oakfield League is a forum of small river towns that are not aligned with any of the "
    "larger trading unions of the north.",
    "",
    "==History==",
    "The league grew out of a long quarrel over tolls on the river Oak. The Oakfield League "
    "was formally established in Misford, Ruritania, at the urging of Ruritanian chancellor Johan "
    "Peter Tarrow, Borduvian president Elsa Marie Quint, Vastrian prime minister Otto Frank "
    "Lindqvist, and Oaklander regent Karl Heinz Abel. Its first secretary was Anna Berg, who kept "
    "the office for ten years. The league meets every second year in a different member town.",
    "",
])

# 33 words: longer than a blank is taken from unless the bank falls short
LONG = ("The Oakfield League was formally established in Misford, Ruritania, at the "
        "urging of Ruritanian chancellor {0}, Borduvian president Elsa Marie Quint, "
        "Vastrian prime minister Otto Frank Lindqvist, and Oaklander regent Karl Heinz Abel.")


def _cloze(rule: str, answer: str, prompt: str, type: str = "text", kind: str = "person",
           group: int = 5, score: float = 2.2) -> Candidate:
    c = Candidate(rule=rule, type=type, prompt=prompt, answer=answer, kind=kind,
                  quotes=[(0, 1)], group=group, answer_text=answer, score=score)
    if type == "choice":
        c.choices = [answer, "Oakfield", "Yarrow", "Bexley"]
    return c


def test_a_long_sentence_whose_blank_is_a_full_name_is_written() -> None:
    bank = generate(parse_article(LEAGUE, "x.txt")).bank
    asked = {q.prompt: q.answer for q in bank.questions}
    assert asked.get(LONG.format("_____")) == "Johan Peter Tarrow", asked
    # a one-word place cut from the same long sentence stays out: "Misford, _____" and
    # "in _____, Ruritania" are often forced or vague
    assert "Misford" not in asked.values() and "Ruritania" not in asked.values()


def test_which_long_blanks_count_as_names() -> None:
    prompt = LONG.format("_____")
    assert len(prompt.split()) > 30
    person = _cloze("cloze-person", "Johan Peter Tarrow", prompt)
    assert named_blank(person) and confidence(person) >= THRESHOLD
    org = _cloze("cloze-org", "University of Oakfield", prompt, kind="org")
    assert named_blank(org) and confidence(org) >= THRESHOLD
    place = _cloze("cloze-place", "Misford", prompt, kind="place")
    assert not named_blank(place) and confidence(place) < THRESHOLD
    single = _cloze("cloze-person", "Tarrow", prompt)  # one name of several: unsure
    assert not named_blank(single) and confidence(single) < THRESHOLD
    picked = _cloze("cloze-place", "Misford", prompt, type="choice", kind="place")
    assert named_blank(picked) and confidence(picked) >= THRESHOLD  # nothing to type


def test_shapes_that_fail_review_are_held_back() -> None:
    # a blank beside a clause with no verb ("née Reyer, a famous traveler ...; her journals")
    verbless = _cloze("cloze-number", "7", "Anna Berg, née Quint, a famous early traveler who "
                      "became an explorer and a writer of many books; her bestselling journals "
                      "were translated into _____ languages.", type="number", kind="count")
    assert confidence(verbless) < THRESHOLD
    # a bare abbreviation typed in, even in a short sentence: its long name is not accepted
    short = _cloze("cloze-org", "ORC", "A plan was drawn up with the river agency _____.",
                   kind="org")
    assert confidence(short) < THRESHOLD
    assert confidence(_cloze("cloze-org", "River Council", short.prompt, kind="org")) \
        >= THRESHOLD
    # a world war typed in: "WWII", "the Second World War" are as right
    war = _cloze("cloze-event", "World War II", "The old trading houses were dissolved after "
                 "_____.", kind="event")
    assert confidence(war) < THRESHOLD
    assert confidence(_cloze("cloze-event", "Great Flood", war.prompt, kind="event")) \
        >= THRESHOLD


def test_a_long_named_blank_only_fills_a_place_no_shorter_question_took() -> None:
    long = _cloze("cloze-person", "Johan Peter Tarrow", LONG.format("_____"), score=2.3)
    # the shorter blank of the same sentence shows the long one's answer: one of the two
    short = _cloze("cloze-place", "Misford", "Johan Peter Tarrow founded the league in "
                   "_____ in 1961.", kind="place")
    report = Report("t", 100, 100, 0)
    chosen = _select([long, short], report, target=0.0)
    assert chosen == [short]
    # alone, it is taken
    assert _select([long], Report("t", 100, 100, 0), target=0.0) == [long]
