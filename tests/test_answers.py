"""Answer checking. The tables below are the rules: each row is a realistic
answer to a question about the seed article and what the checker must say.

    OK     correct, exactly or in an accepted form (a date written another way)
    CLOSE  correct thanks to the typo allowance (Verdict.close is True)
    NO     wrong
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.bank.model import Evidence, Question
from quiz.play.answers import _CHECKERS as CHECKERS
from quiz.play.answers import Verdict, check, display_answer, distance, parse_date, parse_time

OK, CLOSE, NO = "ok", "close", "no"


def q(type_: str, answer, **kw) -> Question:
    return Question(id=f"q-{type_}", type=type_, prompt="?", answer=answer,
                    evidence=[Evidence(quote="(see article)")], **kw)


# --- the questions (facts from the seed article) ----------------------------

Q = {
    "demolished": q("text", "16 June 2020"),
    "declaration": q("text", "27 April 2018"),
    "predicted": q("text", "13 June"),  # "On 13 June, three days before ..."
    "vacant-since": q("text", "January 2020"),
    "time": q("text", "2:50 pm"),
    "area-text": q("text", "4498.57 m2"),
    "cost-text": q("text", "8.0 billion KRW"),
    "stories-text": q("text", "four-story"),
    "north-rep": q("text", "Jon Jong-su"),
    "south-rep": q("text", "Chun Hae-sung"),
    "surname": q("text", "Jon"),
    "predictor": q("text", "Kim Yo-jong"),
    "moon": q("text", "Moon Jae-in"),
    "leader": q("text", "Kim Jong-un"),
    "where": q("text", "Kaesong Industrial Region", accept=["Kaesong"]),
    "declaration-name": q("text", "Panmunjom Declaration"),
    "agency": q("text", "Korean Central News Agency", accept=["KCNA"]),
    "pandemic": q("text", "COVID-19 pandemic"),
    "date-choice": q("choice", "16 June 2020",
                     choices=["27 April 2018", "16 June 2020", "14 September 2018",
                              "30 January 2020"]),
    "person-choice": q("choice", "Kim Yo-jong",
                       choices=["Kim Jong-un", "Kim Yo-jong", "Kim Jong-il", "Kim Dae-jung"]),
    "position-choice": q("choice", "North Korea Representative",
                         choices=["South Korea Representative", "North Korea Representative",
                                  "Vice Minister of Unification"]),
    "area-unit-choice": q("choice", "4498.57 m2",
                          choices=["4498.57 ha", "4498.57 m2", "4498.57 km2"]),
    "area": q("number", 4498.57, unit="m2"),
    "area-approx": q("number", 4498.57, unit="m2", tolerance=1),
    "cost": q("number", 8.0, unit="billion KRW"),
    "renovation-krw": q("number", 9_700_000_000, unit="KRW"),
    "stories": q("number", 4, accept=["four and a basement"]),
    "anniversary": q("number", 20),
    "built": q("number", 2005),
    "south-did-it": q("truefalse", False),
    "in-kaesong": q("truefalse", True),
}

CASES: list[tuple[str, object, str, str]] = [
    # (question, what the player gave, expected, why)

    # -- the answer itself, and what folding forgives
    ("demolished", "16 June 2020", OK, "the answer itself"),
    ("demolished", "16 june 2020", OK, "case"),
    ("demolished", "  16   June  2020 ", OK, "spacing"),
    ("demolished", "16 June 2020.", OK, "trailing punctuation"),
    ("north-rep", "jon jong-su", OK, "case"),
    ("north-rep", "Jon Jong su", OK, "hyphen as space"),
    ("north-rep", "Jon Jongsu", OK, "hyphen dropped (spacing is forgiven)"),
    ("north-rep", "JON JONG-SU!", OK, "shouting"),
    ("north-rep", "Ｊｏｎ Ｊｏｎｇ-ｓｕ", OK, "full-width letters (NFKC)"),
    ("north-rep", "Jón Jöng-sū", OK, "accents"),
    ("north-rep", "Jon\u200b Jong-su", OK, "zero-width space"),
    ("where", "kaesong industrial region", OK, "case"),
    ("where", "Kaesong", OK, "an accept form"),
    ("where", "KAESONG.", OK, "an accept form, folded"),
    ("agency", "KCNA", OK, "a short accept form, exactly"),
    ("agency", "K.C.N.A.", OK, "a dotted abbreviation"),
    ("pandemic", "covid 19 pandemic", OK, "punctuation inside"),
    ("pandemic", "the COVID-19 pandemic", OK, "a leading article is not part of the answer"),
    ("declaration-name", "The Panmunjom Declaration", OK, "a leading 'The'"),
    ("declaration-name", "thePanmunjom Declaration", NO, "'the' glued on is no article"),

    # -- dates: the common English forms are one date
    ("demolished", "June 16, 2020", OK, "month first, comma"),
    ("demolished", "June 16 2020", OK, "month first, no comma"),
    ("demolished", "16th of June 2020", OK, "ordinal with 'of'"),
    ("demolished", "the 16th of June, 2020", OK, "ordinal with 'the' and a comma"),
    ("demolished", "16 Jun 2020", OK, "abbreviated month"),
    ("demolished", "2020-06-16", OK, "ISO"),
    ("demolished", "16/06/2020", OK, "numeric, day first"),
    ("demolished", "16.06.2020", OK, "numeric with dots, day first"),
    ("demolished", "Tuesday, 16 June 2020", OK, "with the weekday"),
    ("demolished", "16 Jnue 2020", CLOSE, "a typo in the month name"),
    ("demolished", "06/16/2020", OK, "month first, unambiguous: 16 can only be the day"),
    ("demolished", "17 June 2020", NO, "a different day"),
    ("demolished", "16 July 2020", NO, "a different month, only two letters away"),
    ("demolished", "16 Juny 2020", NO, "a month typo as near to July as to June"),
    ("demolished", "16 June 2021", NO, "a different year"),
    ("demolished", "16 June", NO, "the year is missing"),
    ("demolished", "June 2020", NO, "the day is missing"),
    ("demolished", "16 June 20", NO, "two-digit years are not read"),
    ("demolished", "2020", NO, "only the year"),
    ("demolished", "16 June 2020 2:50 pm", NO, "extra text after the date"),
    ("declaration", "27 April 2018", OK, "the answer itself"),
    ("declaration", "April 27th, 2018", OK, "month first, ordinal"),
    ("declaration", "27/04/2018", OK, "numeric, day first"),
    ("declaration", "2018-04-27", OK, "ISO"),
    ("declaration", "14 September 2018", NO, "another date from the article"),
    ("declaration", "27 April 2019", NO, "a different year, one digit away"),
    ("declaration", "72 April 2018", NO, "digits transposed: no such day"),
    ("predicted", "13 June", OK, "an answer without a year"),
    ("predicted", "June 13th", OK, "month first"),
    ("predicted", "13 June 2020", OK, "an extra year is fine when the answer has none"),
    ("predicted", "16 June", NO, "a different day"),
    ("vacant-since", "Jan 2020", OK, "month and year"),
    ("vacant-since", "30 January 2020", NO, "a day is more than the answer says"),
    ("vacant-since", "January", NO, "the year is missing"),

    # -- times
    ("time", "2:50 pm", OK, "the answer itself"),
    ("time", "2:50 PM", OK, "case"),
    ("time", "2:50pm", OK, "no space"),
    ("time", "2.50pm", OK, "a dot for the colon"),
    ("time", "2:50 p.m.", OK, "p.m. with dots"),
    ("time", "14:50", OK, "24-hour clock"),
    ("time", "14.50", OK, "24-hour clock with a dot"),
    ("time", "at 14:50 hours", OK, "'at' and 'hours'"),
    ("time", "2:50 am", NO, "morning"),
    ("time", "2:50", NO, "without pm, read as 02:50"),
    ("time", "3:50 pm", NO, "a different hour"),
    ("time", "2:05 pm", NO, "digits swapped"),
    ("time", "2:51 pm", NO, "a minute off"),

    # -- numbers inside text answers
    ("area-text", "4,498.57 m2", OK, "thousands separator"),
    ("area-text", "4498.57 m²", OK, "superscript two (NFKC)"),
    ("area-text", "4498.57", OK, "unit left off"),
    ("area-text", "4498.75 m2", NO, "digits swapped"),
    ("area-text", "4498.5 m2", NO, "a digit dropped"),
    ("area-text", "4498 m2", NO, "decimals dropped"),
    ("area-text", "449857 m2", NO, "the decimal point is not punctuation"),
    ("cost-text", "8 billion KRW", OK, "8.0 is 8"),
    ("cost-text", "8,000,000,000 KRW", OK, "written out"),
    ("cost-text", "eight billion KRW", OK, "a number word"),
    ("cost-text", "8 billion", OK, "unit left off"),
    ("cost-text", "9 billion KRW", NO, "a different number"),
    ("cost-text", "8 million KRW", NO, "a different scale"),
    ("stories-text", "4-story", OK, "a digit for the number word"),
    ("stories-text", "four", OK, "the count without its noun"),
    ("stories-text", "five-story", NO, "a different number word"),

    # -- the typo allowance, and its guards
    ("where", "Kaesong Industrial Regoin", CLOSE, "one transposition"),
    ("where", "Kaesong Industiral Rgion", CLOSE, "two edits in a 25-letter answer"),
    ("where", "Kaesnog Industiral Regoin", NO, "three edits"),
    ("where", "Kaesong Industrial", NO, "a word missing"),
    ("where", "Kaesng", CLOSE, "a typo in the accept form (6 letters, 1 edit)"),
    ("where", "Kasng", NO, "two edits in a 7-letter form"),
    ("declaration-name", "Panmunjeom Declaration", CLOSE, "a romanisation variant"),
    ("declaration-name", "Panmunjom Decleration", CLOSE, "a spelling slip"),
    ("declaration-name", "Pyongyang Declaration", NO, "a different place"),
    ("south-rep", "Chun Hae-sun", NO, "a four-letter name part gets no allowance: another name"),
    ("south-rep", "Chun Hea-sung", NO, "three-letter syllables must be exact"),
    ("south-rep", "Jon Jong-su", NO, "the other representative"),
    ("north-rep", "Jon Jong-un", NO, "a different name, two edits away"),
    ("north-rep", "Jon Jong-sue", NO, "short syllables get no allowance"),
    ("north-rep", "Jong-su Jon", NO, "words in another order"),
    ("leader", "Kim Jong-il", NO, "his father: a different name"),
    ("leader", "Kim Jong-un", OK, "the answer itself"),
    ("leader", "Kim Jung-un", NO, "a four-letter name part gets no allowance"),
    ("moon", "Moon Jae-un", NO, "a short syllable changed"),
    ("predictor", "Kim Jong-un", NO, "her brother"),
    ("surname", "Jon", OK, "a short answer, exactly"),
    ("surname", "Jonn", NO, "short answers must match exactly"),
    ("surname", "Jun", NO, "short answers must match exactly"),
    ("agency", "KCAN", NO, "a short accept form gets no typo allowance"),
    ("agency", "Korean Central News Agncy", CLOSE, "one letter missing"),
    ("pandemic", "COVID-18 pandemic", NO, "a different digit is never a typo"),
    ("pandemic", "COVD-19 pandemic", CLOSE, "a letter missing"),
    ("pandemic", "COVID-19 pandemics", CLOSE, "an extra letter"),

    # -- choice questions: chosen by text or by index
    ("date-choice", "16 June 2020", OK, "the right choice"),
    ("date-choice", 1, OK, "the right choice by index"),
    ("date-choice", 0, NO, "a wrong choice by index"),
    ("date-choice", 4, NO, "an index past the end"),
    ("date-choice", -1, NO, "a negative index"),
    ("date-choice", True, NO, "a bool is not an index"),
    ("date-choice", "27 April 2018", NO, "a distractor"),
    ("date-choice", "June 16, 2020", OK, "the right date, typed another way"),
    ("date-choice", "April 27, 2018", NO, "a distractor, typed another way"),
    ("date-choice", "16 Jnue 2020", CLOSE, "the right date with a month typo"),
    ("person-choice", "Kim Yo-jong", OK, "the right choice"),
    ("person-choice", "kim yo jong", OK, "folded"),
    ("person-choice", "Kim Jong-il", NO, "a distractor"),
    ("person-choice", "Kim Jongil", NO, "a distractor, spaced differently"),
    ("person-choice", "Kim Yojong", OK, "the answer, spaced differently"),
    ("person-choice", "Kim Jong-ul", NO, "a typo of a distractor"),
    ("person-choice", "Kim Yo-jnog", NO, "a four-letter name part gets no allowance"),
    ("person-choice", "Kimm Yo-jong", NO, "nor does a three-letter one"),
    ("area-unit-choice", "4498.57 m2", OK, "the right choice"),
    ("area-unit-choice", "4498.57", NO, "no unit when the unit is what the choices differ in"),
    ("area-unit-choice", "4498.57 ha", NO, "a distractor"),
    ("position-choice", "North Korea Representative", OK, "the right choice"),
    ("position-choice", "Nroth Korea Representative", CLOSE, "nearer the answer"),
    ("position-choice", "Sorth Korea Representative", NO, "as near a distractor as the answer"),
    ("position-choice", "South Korea Representative", NO, "the distractor one word away"),

    # -- number questions
    ("area", "4498.57", OK, "the number"),
    ("area", 4498.57, OK, "a float"),
    ("area", "4,498.57", OK, "thousands separator"),
    ("area", "4498.57 m2", OK, "with its unit"),
    ("area", "4498.57m2", OK, "unit without a space"),
    ("area", "4498.57 M2", OK, "unit in capitals"),
    ("area", "4498.57 m²", OK, "superscript unit (NFKC)"),
    ("area", "4498.570", OK, "a trailing zero"),
    ("area", "4498.58", NO, "a hundredth off, no tolerance"),
    ("area", "4498", NO, "rounded, no tolerance"),
    ("area", "4498.57 km2", NO, "a different unit"),
    ("area", "4498.57 ft", NO, "a different unit"),
    ("area", "m2", NO, "only the unit"),
    ("area", "about 4498.57", NO, "words around the number"),
    ("area-approx", "4498", OK, "within the tolerance of 1"),
    ("area-approx", "4499.5", OK, "within the tolerance of 1"),
    ("area-approx", "4,500", NO, "outside the tolerance"),
    ("area-approx", "4497.5 m2", NO, "outside the tolerance, with unit"),
    ("cost", "8", OK, "the number as the unit counts it"),
    ("cost", "8.0", OK, "as the article writes it"),
    ("cost", "8.0 billion KRW", OK, "with its unit"),
    ("cost", "8 billion KRW", OK, "scale word and currency"),
    ("cost", "8 billion", OK, "scale word, currency left off"),
    ("cost", "8,000,000,000", OK, "written out in full"),
    ("cost", "8000000000 KRW", OK, "in full with the currency"),
    ("cost", "eight", OK, "a number word"),
    ("cost", "8 KRW", NO, "eight won is not eight billion"),
    ("cost", "8 million", NO, "a different scale"),
    ("cost", "9.7 billion KRW", NO, "the renovation cost"),
    ("cost", "7.1", NO, "the dollar figure"),
    ("renovation-krw", "9.7 billion", OK, "a scale word"),
    ("renovation-krw", "9,700,000,000 KRW", OK, "in full with the currency"),
    ("renovation-krw", "9.7 billion KRW", OK, "scale and currency"),
    ("renovation-krw", "9.7", NO, "not 9.7 won"),
    ("stories", "4", OK, "digits"),
    ("stories", "four", OK, "a number word"),
    ("stories", "Four", OK, "a number word, capitalised"),
    ("stories", "4.0", OK, "a decimal"),
    ("stories", 4, OK, "an int"),
    ("stories", "Four and a basement.", OK, "an accept form of a number question"),
    ("stories", "5", NO, "a different number"),
    ("stories", "fourteen", NO, "a longer number word"),
    ("stories", "for", NO, "a homophone is not a number"),
    ("anniversary", "20th", OK, "an ordinal"),
    ("anniversary", "twenty", OK, "a number word"),
    ("anniversary", "2O", NO, "a letter O is not a zero"),
    ("built", "2005", OK, "a year"),
    ("built", "2,005", OK, "a year with a separator (still the number)"),
    ("built", "2006", NO, "a year off"),
    ("built", "2500", NO, "digits swapped"),

    # -- true / false
    ("south-did-it", False, OK, "a bool"),
    ("south-did-it", "false", OK, "the word"),
    ("south-did-it", "F", OK, "a letter"),
    ("south-did-it", "no", OK, "yes/no"),
    ("south-did-it", " False. ", OK, "folded"),
    ("south-did-it", True, NO, "the other bool"),
    ("south-did-it", "true", NO, "the other word"),
    ("south-did-it", "yes", NO, "the other yes/no"),
    ("south-did-it", 0, NO, "an int is not a bool"),
    ("south-did-it", "maybe", NO, "not a truth value"),
    ("in-kaesong", "t", OK, "a letter"),
    ("in-kaesong", "Yes", OK, "yes/no"),
    ("in-kaesong", "TRUE", OK, "capitals"),
    ("in-kaesong", "f", NO, "the other letter"),
    ("in-kaesong", "tru", NO, "no typo allowance for truth values"),
]

ODD_INPUT: list[object] = [
    None, "", "   ", "\x00", "\x1b[31m16 June 2020\x1b[0m", "\u202e0202 enuJ 61", "🎉", "🇰🇷",
    "[bold]x[/bold]", "[/x]", "a" * 5000, "9" * 5000, "1e308", "nan", "inf", "-0", "½",
    "٤٤٩٨.٥٧", b"16 June 2020", 3.5, float("nan"), float("inf"), -1, 10**400,
    [], {}, ["16 June 2020"], object(), ("a", "b"), {"x"},
]


def _describe(expected: str) -> str:
    return {"ok": "accept", "close": "accept as close", "no": "reject"}[expected]


@pytest.mark.parametrize(
    ("name", "given", "expected", "why"),
    CASES,
    ids=[f"{n}:{g!r}->{e}" for n, g, e, _ in CASES],
)
def test_answer_table(name: str, given: object, expected: str, why: str) -> None:
    verdict = check(Q[name], given)
    assert isinstance(verdict, Verdict)
    assert verdict.correct is (expected != NO), f"should {_describe(expected)}: {why}"
    assert verdict.close is (expected == CLOSE), f"close flag wrong: {why}"
    if verdict.correct:
        assert verdict.partial == 1.0
    else:
        assert verdict.partial == 0.0


def test_table_is_big_and_balanced() -> None:
    kinds = [e for _, _, e, _ in CASES]
    assert kinds.count(NO) >= 60
    assert kinds.count(OK) + kinds.count(CLOSE) >= 60
    assert len(CASES) >= 100
    assert {name for name, *_ in CASES} == set(Q), "every question is exercised"


@pytest.mark.parametrize("name", sorted(Q))
@pytest.mark.parametrize("given", ODD_INPUT, ids=lambda g: repr(g)[:20])
def test_odd_input_is_wrong_not_an_error(name: str, given: object) -> None:
    verdict = CHECKERS[Q[name].type](Q[name], given)  # without check()'s safety net
    # Odd input never counts, except the one odd form that is a plain answer:
    # Arabic-Indic digits are the area, and NFKC/str.isdigit read them as such.
    if name in ("area", "area-approx", "area-text") and given == "٤٤٩٨.٥٧":
        assert verdict.correct
    else:
        assert verdict == Verdict(False) or (not verdict.correct and verdict.partial == 0)


# --- messages ---------------------------------------------------------------

def test_messages_explain_what_was_accepted_or_missing() -> None:
    assert check(Q["demolished"], "June 16, 2020").message == "accepted as 16 June 2020"
    assert check(Q["demolished"], "16 June 2020").message == ""
    assert check(Q["demolished"], "June 16").message == "the year is missing"
    assert check(Q["where"], "Kaesong Industrial Regoin").message.startswith("close enough")
    assert "billion KRW" in check(Q["cost"], "8,000,000,000").message


# --- multi ------------------------------------------------------------------

HEADS = q("multi", ["Jon Jong-su", "Chun Hae-sung"],
          choices=["Moon Jae-in", "Jon Jong-su", "Kim Yo-jong", "Chun Hae-sung"])
THREE = q("multi", ["14 September 2018", "22 October 2018", "2 November 2018"],
          choices=["14 September 2018", "22 October 2018", "2 November 2018",
                   "16 June 2020", "27 April 2018"])


@pytest.mark.parametrize(
    ("question", "picks", "correct", "partial"),
    [
        (HEADS, ["Jon Jong-su", "Chun Hae-sung"], True, 1.0),
        (HEADS, ["Chun Hae-sung", "Jon Jong-su"], True, 1.0),  # order does not matter
        (HEADS, {"jon jong su", "CHUN HAE-SUNG"}, True, 1.0),  # a set, folded
        (HEADS, ("Jon Jongsu", "Chun Haesung"), True, 1.0),  # spacing forgiven
        (HEADS, [1, 3], True, 1.0),  # by index
        (HEADS, ["Jon Jong-su"], False, 0.5),
        (HEADS, "Jon Jong-su", False, 0.5),  # one string is one pick
        (HEADS, ["Jon Jong-su", "Jon Jong-su"], False, 0.5),  # a pick counts once
        (HEADS, ["Jon Jong-su", "Moon Jae-in"], False, 0.0),
        (HEADS, ["Jon Jong-su", "Chun Hae-sung", "Moon Jae-in"], False, 0.5),
        (HEADS, ["Moon Jae-in", "Jon Jong-su", "Kim Yo-jong", "Chun Hae-sung"], False, 0.0),
        (HEADS, ["Jon Jong-su", "Chun Hae-sung", "Kim Jong-un"], False, 0.5),  # not a choice
        (HEADS, ["Jon Jong-su", "Chun Hae-sun"], False, 0.0),  # no typo allowance on picks
        (HEADS, [], False, 0.0),
        (HEADS, None, False, 0.0),
        (HEADS, [None, 3.5, b"x"], False, 0.0),
        (THREE, ["14 September 2018", "22 October 2018"], False, 2 / 3),
        (THREE, ["14 September 2018"], False, 1 / 3),
        (THREE, ["14 September 2018", "22 October 2018", "16 June 2020"], False, 1 / 3),
        (THREE, ["14 September 2018", "22 October 2018", "2 November 2018"], True, 1.0),
    ],
)
def test_multi(question: Question, picks: object, correct: bool, partial: float) -> None:
    verdict = check(question, picks)
    assert verdict.correct is correct
    assert verdict.partial == pytest.approx(partial)


# --- order ------------------------------------------------------------------

EVENTS = [
    "Panmunjom Declaration signed",
    "Liaison office formed",
    "First meeting at the office",
    "Office closed for COVID-19",
    "Building demolished",
]
TIMELINE = q("order", EVENTS)
A, B, C, D, E = EVENTS


@pytest.mark.parametrize(
    ("given", "correct", "partial"),
    [
        ([A, B, C, D, E], True, 1.0),
        ([a.upper() for a in EVENTS], True, 1.0),  # folded
        ([B, A, C, D, E], False, 0.75),  # one adjacent swap: 4 of 5 in order
        ([E, A, B, C, D], False, 0.75),  # the last moved first: still 4 in order
        ([A, C, B, E, D], False, 0.5),
        ([E, D, C, B, A], False, 0.0),  # reversed
        ([A, B, C, D], False, 0.75),  # one missing
        ([A, B, C, D, E, E], False, 1.0),  # a repeat is not the right answer
        ([A, B, "Something else", C, D, E], False, 1.0),  # an extra item is not either
        ([], False, 0.0),
        ("Panmunjom Declaration signed", False, 0.0),  # a string is not a list
        (None, False, 0.0),
        ([None, 1, b"x"], False, 0.0),
    ],
)
def test_order(given: object, correct: bool, partial: float) -> None:
    verdict = check(TIMELINE, given)
    assert verdict.correct is correct
    assert verdict.partial == pytest.approx(partial)


# --- display_answer ---------------------------------------------------------

@pytest.mark.parametrize(
    ("question", "shown"),
    [
        (Q["demolished"], "16 June 2020"),
        (Q["date-choice"], "16 June 2020"),
        (HEADS, "Jon Jong-su, Chun Hae-sung"),
        (Q["in-kaesong"], "True"),
        (Q["south-did-it"], "False"),
        (Q["area"], "4498.57 m2"),
        (Q["area-approx"], "4498.57 m2 (± 1)"),
        (Q["cost"], "8 billion KRW"),
        (Q["renovation-krw"], "9,700,000,000 KRW"),
        (Q["stories"], "4"),
        (q("order", ["a", "b", "c"]), "1. a  2. b  3. c"),
    ],
)
def test_display_answer(question: Question, shown: str) -> None:
    assert display_answer(question) == shown


def test_display_answer_is_always_accepted() -> None:
    # What the game shows as the answer must itself be a right answer.
    for name, question in Q.items():
        shown = display_answer(question).split(" (±")[0]  # the tolerance is a note
        given: object = question.answer if question.type == "truefalse" else shown
        assert check(question, given).correct, name


# --- the parsers on their own ----------------------------------------------

def test_parse_date_forms() -> None:
    d = parse_date("16 June 2020")
    assert d is not None and (d.year, d.month, d.day) == (2020, 6, 16)
    for form in ["June 16, 2020", "16th of June 2020", "2020-06-16", "16/06/2020"]:
        assert parse_date(form) == d, form
    assert parse_date("30 February 2020") is None
    assert parse_date("29 February 2020") is not None  # a leap year
    assert parse_date("29 February 2019") is None
    assert parse_date("Kaesong Industrial Region") is None
    assert parse_date("16 ² 2020") == parse_date("16/2/2020")  # NFKC, as for typed text
    assert parse_date("፩ June 2020") is None  # a digit (Ethiopic) that int() cannot read
    assert parse_date("16 June ２０２０") == d  # full-width digits


def test_parse_time_forms() -> None:
    for form in ["2:50 pm", "2.50pm", "14:50", "2:50 p.m.", "14h50"]:
        assert parse_time(form) == (14, 50), form
    assert parse_time("12:00 am") == (0, 0)
    assert parse_time("12 pm") == (12, 0)
    assert parse_time("2.50", strict=True) is None  # a price, not a time
    assert parse_time("25:00") is None
    assert parse_time("2:60 pm") is None
    assert parse_time("2 m") is None


@pytest.mark.parametrize(
    ("a", "b", "d"),
    [("kaesong", "kaesong", 0), ("kaesong", "kaesnog", 1), ("kaesong", "kaesng", 1),
     ("kaesong", "kaesongg", 1), ("june", "july", 2), ("ab", "ba", 1), ("", "abc", 3),
     ("ca", "abc", 3)],
)
def test_distance(a: str, b: str, d: int) -> None:
    assert distance(a, b, limit=5) == d
    assert distance(b, a, limit=5) == d


# --- properties ---------------------------------------------------------------

FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(name=st.sampled_from(sorted(Q)), text=st.text(max_size=80))
def test_never_raises_on_any_text(name: str, text: str) -> None:
    # The per-type checkers are called directly: check() also has a safety
    # net, and it must not be what keeps odd text from raising.
    verdict = CHECKERS[Q[name].type](Q[name], text)
    assert isinstance(verdict, Verdict)
    assert 0.0 <= verdict.partial <= 1.0
    assert verdict.correct or verdict.partial == 0.0


@FAST
@given(items=st.lists(st.one_of(st.text(max_size=20), st.integers(), st.none()), max_size=8))
def test_multi_and_order_never_raise_and_credit_stays_in_range(items: list[object]) -> None:
    for question in (HEADS, THREE, TIMELINE):
        verdict = check(question, items)
        assert 0.0 <= verdict.partial <= 1.0
        if verdict.correct:
            assert verdict.partial == 1.0


WORDY = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzéöñ0123456789 -'"), min_size=1,
    max_size=40,
).filter(lambda s: any(ch.isalnum() for ch in s))


@FAST
@given(answer=WORDY, data=st.data())
def test_the_answer_and_its_folded_variants_are_accepted(answer: str, data) -> None:
    question = q("text", answer)
    assert check(question, answer).correct
    # Case, outer spaces, doubled spaces and trailing punctuation are forgiven.
    flips = data.draw(st.lists(st.booleans(), min_size=len(answer), max_size=len(answer)))
    variant = "".join(c.upper() if f else c for c, f in zip(answer, flips, strict=True))
    variant = "  " + variant.replace(" ", "  ") + data.draw(st.sampled_from(["", ".", "!", "?"]))
    assert check(question, variant).correct, variant


@FAST
@given(answer=st.sampled_from([v for v in Q.values() if v.type == "text"]), data=st.data())
def test_changing_a_digit_is_never_accepted(answer: Question, data) -> None:
    text = str(answer.answer)
    spots = [i for i, ch in enumerate(text) if ch.isdigit()]
    if not spots:
        return
    i = data.draw(st.sampled_from(spots))
    new = data.draw(st.sampled_from([d for d in "0123456789" if d != text[i]]))
    changed = text[:i] + new + text[i + 1:]
    assert not check(answer, changed).correct, changed


@FAST
@given(a=st.text("abcde", max_size=12), b=st.text("abcde", max_size=12),
       limit=st.integers(1, 4))
def test_distance_is_symmetric_and_its_cap_is_exact(a: str, b: str, limit: int) -> None:
    full = distance(a, b, limit=30)
    assert full == distance(b, a, limit=30)
    assert (full == 0) is (a == b)
    # Stopping early at the cap must not change an answer below the cap.
    assert distance(a, b, limit=limit) == min(full, limit)


# --- the seed bank ------------------------------------------------------------

def test_seed_bank_answers_are_accepted_and_distractors_are_not() -> None:
    from quiz.bank.load import load_bank
    from tests.conftest import SEED_BANK

    bank = load_bank(SEED_BANK / "bank.yaml")
    for question in bank.questions:
        forms: list[object] = [question.answer, *question.accept]
        if question.type in ("text", "choice", "number"):
            forms.append(display_answer(question).split(" (±")[0])
        for form in forms:
            assert check(question, form).correct, (question.id, form)
        if question.type == "choice":
            for wrong in set(question.choices) - {question.answer}:
                assert not check(question, wrong).correct, (question.id, wrong)
