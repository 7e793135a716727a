"""Answer checking: is what the player gave a correct answer to the question?

Forgiving where a teacher would be (case, spacing, punctuation, accents, the
usual ways of writing a number, a date or a time, a small typo in a long
word) and strict where it matters: a typo allowance never turns a wrong
number, a wrong date, a wrong choice or a different name into a right one.

``check`` never raises on what a player types; odd input is simply wrong.
Given an :class:`~quiz.play.answers.context.AnswerContext` (the bank and
article), the typo allowance also never lands on another of their words.
:mod:`~quiz.play.answers.checkers` judges each type of question, reading
dates and times with :mod:`~quiz.play.answers.dates` and allowing typing
slips through :mod:`~quiz.play.answers.typos`; the rest of quiz imports
from here.
"""

from quiz.play.answers.checkers import _CHECKERS, MAX_INPUT, WRONG, Verdict, check, display_answer
from quiz.play.answers.context import AnswerContext
from quiz.play.answers.dates import Date, parse_date, parse_time
from quiz.play.answers.typos import distance, typo_budget

__all__ = [
    "MAX_INPUT", "WRONG", "_CHECKERS", "AnswerContext", "Date", "Verdict", "check",
    "display_answer", "distance", "parse_date", "parse_time", "typo_budget",
]
