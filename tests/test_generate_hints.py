"""Hints narrow the answer without stating it: the decade clue of a year question."""

from __future__ import annotations

import re

from quiz.bank.article import parse_article
from quiz.generate.candidate import Candidate
from quiz.generate.hints import hints

ARTICLE = """= Oakfield Bridge =

The Oakfield Bridge is a road bridge over the river Oak. Work on the bridge began in the
spring and it was opened to traffic in the autumn of that year.
"""


def _year_clue(year: int) -> str:
    article = parse_article(ARTICLE)
    c = Candidate(rule="wh-when", type="number", prompt="In what year was the Oakfield "
                  "Bridge opened?", answer=year, kind="year", quotes=[], group=-1,
                  answer_text=str(year))
    said = hints(c, article, {}, set())
    return said[-1]


def test_a_year_clue_names_its_decade() -> None:
    for year in (1843, 1967, 2005):
        clue = _year_clue(year)
        assert f"{year // 10 * 10}s" in clue
        assert str(year) not in clue


def test_a_year_that_opens_its_decade_is_not_written_in_its_clue() -> None:
    # "It was in the 1960s." for 1960 states the answer; the decade is named another way
    for year in range(1000, 2030, 10):
        clue = _year_clue(year)
        assert str(year) not in clue, clue
        shown = [int(y) for y in re.findall(r"\d{3,4}", clue)]
        assert shown == [year - 10], clue  # still narrows it to ten years
