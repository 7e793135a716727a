"""GIFT import: every construct Moodle documents, malformed questions with their lines,
and a varied file of over a hundred questions in which every question is accounted for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quiz.interop.gift import read_gift

VARIED = Path(__file__).parent / "interop" / "varied_100.gift"


def one(text: str):
    result = read_gift(text, "t.gift")
    assert not result.skipped, result.skipped
    assert len(result.questions) == 1, result.questions
    return result.questions[0]


def skipped(text: str):
    result = read_gift(text, "t.gift")
    assert not result.questions, result.questions
    assert len(result.skipped) == 1
    return result.skipped[0]


def test_multiple_choice_with_title_and_feedback() -> None:
    q = one("// a comment\n::Grant::Who's buried in Grant's tomb?{~Grant ~Jefferson "
            "=no one#Right, no one is buried there.}")
    assert (q.type, q.name, q.prompt) == ("choice", "Grant", "Who's buried in Grant's tomb?")
    assert q.choices == ["Grant", "Jefferson", "no one"] and q.answer == "no one"
    assert q.explanation == "Right, no one is buried there."


def test_missing_word_puts_a_blank_where_the_answers_were() -> None:
    q = one("Grant is {~buried =entombed ~living} in Grant's tomb.")
    assert q.prompt == "Grant is _____ in Grant's tomb." and q.answer == "entombed"
    assert one("The Nile ends in the {=Mediterranean}.").prompt == "The Nile ends in the _____."


def test_true_false_in_every_spelling_with_feedback() -> None:
    for word, value in (("T", True), ("TRUE", True), ("F", False), ("FALSE", False)):
        q = one(f"Grant is buried in Grant's tomb.{{{word}}}")
        assert q.type == "truefalse" and q.answer is value
    q = one("The sun is a star.{TRUE#Wrong: it is.#Yes, a G-type star.}")
    assert q.explanation == "Yes, a G-type star."  # the feedback for the right answer


def test_short_answer_keeps_every_full_mark_form() -> None:
    q = one("Who's buried in Grant's tomb?{=no one =nobody =%50%Grant}")
    assert (q.type, q.answer, q.accept) == ("text", "no one", ["nobody"])
    result = read_gift("Colour of the sky?{=%100%blue =%50%light blue}")
    assert result.notes and "partial credit" in result.notes[0].message


def test_numerical_exact_tolerance_range_and_weighted() -> None:
    assert (one("Year?{#1822}").answer, one("Year?{#1822}").tolerance) == (1822, 0)
    q = one("When was Grant born?{#1822:5}")
    assert (q.type, q.answer, q.tolerance) == ("number", 1822, 5)
    q = one("A number from 1 to 5?{#1..5}")
    assert (q.answer, q.tolerance) == (3, 2)
    q = one("Pi?{#3.14:0.01}")
    assert (q.answer, q.tolerance) == (3.14, 0.01)
    q = one("When was Grant born?{#\n=1822:0#Exact.\n=%50%1822:2#Close.\n}")
    assert (q.answer, q.tolerance, q.explanation) == (1822, 0, "Exact.")
    assert one("Below zero?{#-7}").answer == -7


def test_multiple_answers_from_weights() -> None:
    q = one("What two people are entombed in Grant's tomb?{\n~%-100%No one\n~%50%Grant\n"
            "~%50%Grant's wife\n~%-100%Grant's father\n}")
    assert q.type == "multi" and q.answer == ["Grant", "Grant's wife"]
    assert q.choices == ["No one", "Grant", "Grant's wife", "Grant's father"]


def test_general_feedback_and_per_answer_feedback() -> None:
    q = one("Capital of Peru?{=Lima#Yes. ~Cusco#No.####Lima was founded in 1535.}")
    assert q.explanation == "Lima was founded in 1535."  # general feedback wins
    assert one("Capital of Peru?{=Lima#Yes. ~Cusco#No.}").explanation == "Yes."


def test_escapes_and_newline() -> None:
    q = one("::Escapes\\: all::Which is \\{ \\} \\= \\# \\~ \\: ?\\nLine two.{=a \\= b ~c \\~ d}")
    assert q.name == "Escapes: all"
    assert q.prompt == "Which is { } = # ~ : ?\nLine two."
    assert q.choices == ["a = b", "c ~ d"] and q.answer == "a = b"
    assert one("Path?{=C\\\\temp}").answer == "C\\temp"


def test_text_formats_html_never_reaches_the_bank() -> None:
    q = one("[html]<p>Is <b>5</b> &lt; 6?</p><script>alert(1)</script>{T}")
    assert q.prompt == "Is 5 < 6?"
    assert one("[plain]Is <b> a tag?{=no}").prompt == "Is <b> a tag?"
    assert one("[markdown]Is **this** bold?{=yes}").prompt == "Is **this** bold?"
    assert one("[moodle]The <i>Mona Lisa</i>?{=Leonardo}").prompt == "The Mona Lisa?"
    assert one("Bell\x1b[31m red?{=x}").prompt == "Bell red?"  # no terminal escapes


def test_category_becomes_a_tag() -> None:
    result = read_gift("$CATEGORY: $course$/Geography/Capitals\n\nCapital of Peru?{=Lima}")
    assert result.questions[0].tags == ["capitals"]


@pytest.mark.parametrize(("text", "reason"), [
    ("Write an essay.{}", "essay"),
    ("Just some words between questions.", "description"),
    ("Match.{=Canada -> Ottawa =Italy -> Rome}", "matching"),
])
def test_kinds_quiz_has_no_type_for_are_reported(text: str, reason: str) -> None:
    assert skipped(text).reason == reason


@pytest.mark.parametrize(("text", "line", "words"), [
    ("\n\nOpen {=yes ~no", 3, "never closed"),
    ("A\nclosing } first", 2, "no `{` before"),
    ("Lonely {~one}", 1, "at least 2 answers"),
    ("None right {~a ~b}", 1, "no answer is marked right"),
    ("Count {#many}", 1, "not a number"),
    ("Range {#5..1}", 1, "runs backwards"),
    ("Two {=a}\nblocks {=b}", 2, "more than one answer block"),
    ("{=an answer and no question}", 1, "no text before"),
    ("::Unclosed title {=a}", 1, "never closed"),
    ("Same twice {=a ~a}", 1, "twice"),
])
def test_malformed_questions_name_their_line(text: str, line: int, words: str) -> None:
    bad = skipped(text)
    assert bad.reason == "malformed" and bad.line == line and words in bad.detail
    assert bad.format("x.gift").startswith(f"x.gift:{line}: skipped: malformed: ")


def test_questions_after_a_bad_one_still_import() -> None:
    result = read_gift("Good?{=yes}\n\nBad {=a\n\nAlso good?{T}")
    assert [q.line for q in result.questions] == [1, 5]
    assert [s.line for s in result.skipped] == [3]


def test_the_varied_file_accounts_for_every_question() -> None:
    text = VARIED.read_text(encoding="utf-8")
    # Each question in the file starts with its title, ::qNNN::, on a line of its own.
    starts = {n for n, row in enumerate(text.splitlines(), 1) if re.match(r"::q\d{3}::", row)}
    assert len(starts) >= 100
    result = read_gift(text, str(VARIED))
    imported = {q.line for q in result.questions}
    reported = {s.line for s in result.skipped}
    assert imported.isdisjoint(reported)
    assert imported | reported == starts
    assert len(result.questions) + len(result.skipped) == len(starts)
    kinds = {q.type for q in result.questions}
    assert kinds == {"choice", "multi", "truefalse", "text", "number"}
    reasons = {s.reason for s in result.skipped}
    assert {"essay", "description", "matching", "malformed"} <= reasons
    assert all(q.name.startswith("q") for q in result.questions)
