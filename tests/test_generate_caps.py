"""A long sentence may give a third question, and a blank in the clause before a
semicolon is asked without the clauses after it (which may hold other answers)."""

from __future__ import annotations

from quiz.bank.article import parse_article
from quiz.generate.candidate import Candidate
from quiz.generate.pipeline import generate
from quiz.generate.rules import first_clause_form

ARENA = """= Velmora Arena =

Infobox
- Name: Velmora Arena
- Location: Velmora, Ruritania

"""
ARENA += (
    "Velmora Arena was a multi-purpose stadium in the city of Velmora in northern Ruritania. "
    "The arena was able to hold 41,000 spectators at its height; it opened in 1931 and "
    "closed in 1987. It was built by the engineer Tomas Brenn for the national athletics "
    "federation. The ground hosted the Northern Games in 1948 and the final of the "
    "national cup in 1962.\n")


def _asked(text: str) -> dict[str, str]:
    bank = generate(parse_article(text, "x.txt")).bank
    return {q.prompt: str(q.answer) for q in bank.questions}


def _cloze(prompt: str) -> Candidate:
    return Candidate(rule="cloze-number", type="number", prompt=prompt, answer=41000,
                     kind="count", quotes=[(0, 10)], group=0, answer_text="41,000",
                     score=2.2)


def test_a_long_sentence_gives_its_three_facts() -> None:
    asked = _asked(ARENA)
    assert asked.get("In what year did the Velmora Arena open?") == "1931", asked
    assert asked.get("In what year did the Velmora Arena close?") == "1987", asked
    # the capacity, asked in its own clause: the years after the semicolon are not shown
    capacity = [p for p in asked if "spectators" in p]
    assert capacity == ["The Velmora Arena was able to hold _____ spectators at its height."]
    assert asked[capacity[0]] == "41000"


def test_a_short_sentence_keeps_two() -> None:
    short = ARENA.replace("The arena was able to hold 41,000 spectators at its height; it "
                          "opened in 1931 and closed in 1987.",
                          "The arena held 41,000 people; it opened in 1931 and closed in 1987.")
    asked = _asked(short)
    from_it = [p for p, a in asked.items() if a in ("1931", "1987", "41000")]
    assert len(from_it) == 2, asked


def test_the_first_clause_is_cut_out_only_where_it_stands_alone() -> None:
    cut = first_clause_form(_cloze(
        "The arena was able to hold _____ spectators at its height; it opened in 1931."))
    assert cut is not None
    assert cut.prompt == "The arena was able to hold _____ spectators at its height."
    assert cut.statement == "The arena was able to hold 41,000 spectators at its height."
    assert cut.fact_key == _cloze("x").fact_key and cut.score < 2.2
    # the blank after the semicolon: that clause opens on "it", not on its subject
    assert first_clause_form(_cloze(
        "The arena opened in 1931; it was able to hold _____ spectators.")) is None
    # a name and its appositive: no verb in the first clause
    assert first_clause_form(_cloze(
        "Ida Lorne, née _____, a famous traveller and writer; her books sold well.")) is None
    assert first_clause_form(_cloze("The arena held _____ people; it opened.")) is None  # short
    assert first_clause_form(_cloze("The arena was able to hold _____ spectators.")) is None
