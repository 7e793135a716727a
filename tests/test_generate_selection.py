"""The selection of one form per fact: what it keeps apart, and what takes the place of
a draft the final self-check drops."""

from __future__ import annotations

from quiz.bank.article import parse_article
from quiz.generate import pipeline
from quiz.generate.candidate import Candidate
from quiz.generate.filters import repeats_year
from quiz.generate.pipeline import generate

BRIDGE = """= Oakfield Bridge =

Infobox
- Bridge Name: Oakfield Bridge
- Design: Suspension bridge
- Locale: Oakfield, Ruritania
- Length: 2725 m
- Begin: 2003-11-04
- Open: 2007-12-26

The Oakfield Bridge is a suspension bridge over the river Oak in Oakfield. Construction on
the bridge began on November 4, 2003, and it opened to traffic on December 26, 2007. The
bridge carries the Northern Expressway over the river and gives easy access to both banks.
In 2012 the bridge was painted green by the city council of Oakfield.
"""


def _cand(answer: str, kind: str, type: str = "text") -> Candidate:
    return Candidate(rule="wh-when", type=type, prompt="When?", answer=answer, kind=kind,
                     quotes=[], group=1, answer_text=answer)


def test_a_year_and_a_full_date_of_that_year_are_kept_apart() -> None:
    year, date = _cand("2007", "year", "number"), _cand("December 26, 2007", "date")
    assert repeats_year(year, date) and repeats_year(date, year)
    assert not repeats_year(year, _cand("December 26, 2008", "date"))
    assert not repeats_year(date, _cand("March 3, 2007", "date"))  # two dates: both fine
    assert not repeats_year(_cand("May 2007", "monthyear"), date)
    assert repeats_year(_cand("May 2007", "monthyear"), year)


def test_a_bank_never_asks_a_year_beside_a_date_of_that_year() -> None:
    bank = generate(parse_article(BRIDGE, "x.txt"), keep_all=True).bank
    asked = [(q.prompt, str(q.answer)) for q in bank.questions if q.type != "truefalse"]
    years = {a for _, a in asked if a.isdigit() and len(a) == 4}
    dates = [a for _, a in asked if not a.isdigit() and a[-4:] in years]
    assert years, asked  # the infobox years are asked...
    assert not dates, asked  # ...and no date of the same year beside them


def test_the_next_form_of_a_fact_takes_the_place_of_a_dropped_one(monkeypatch) -> None:
    article = parse_article(BRIDGE, "x.txt")
    before = {q.prompt: q.type for q in generate(article).bank.questions}
    chosen_as_choice = [p for p, t in before.items() if t == "choice"]
    assert chosen_as_choice
    # the self-check now fails every choice question: each such fact comes back in
    # another of its forms (typed in), not lost
    real = pipeline.audit_question
    monkeypatch.setattr(pipeline, "audit_question",
                        lambda q: ["test"] if q.type == "choice" else real(q))
    after = {q.prompt: q.type for q in generate(parse_article(BRIDGE, "x.txt")).bank.questions}
    assert "choice" not in after.values()
    assert all(p in after for p in chosen_as_choice if p.startswith(("In what", "When")))
    assert len(after) >= len(before)
