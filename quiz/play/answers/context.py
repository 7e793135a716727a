"""What the checker may know beyond one question: the other phrases of its bank and article.

The typo allowance must never turn one real word or phrase of the article
or bank into another ("Reunification" for "Unification", "Hae-jung" for
"Hae-sung"), and the article's own "long (short)" pairs are answers too.
Everything here is read lazily, on the first answer that needs it, and kept:
a session that never leans on the typo allowance never reads the article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from quiz.bank.model import Bank, Question
from quiz.bank.normalize import fold

_SPACE_RE = re.compile(r"\s+")


def _question_texts(questions: Iterable[Question]) -> list[str]:
    out: list[str] = []
    for q in questions:
        out.append(q.prompt)
        out.extend(q.hints)
        out.append(q.explanation)
        out.extend(q.choices)
        out.extend(q.accept)
        if isinstance(q.answer, str):
            out.append(q.answer)
        elif isinstance(q.answer, list):
            out.extend(str(a) for a in q.answer)
    return out


def loose(text: str) -> str:
    """Case and spacing folded, punctuation kept: for finding "X (Y)" in an article."""
    return _SPACE_RE.sub(" ", text.casefold()).strip()


@dataclass(eq=False)
class AnswerContext:
    """The bank and article around the questions being checked.

    ``texts`` gives the bank's own text (prompts, answers, choices, hints)
    and ``article`` the article's; both are called at most once.
    ``month_first`` reads an ambiguous numeric date as a US reader would
    (the bank's ``locale: en-US``).
    """

    texts: Callable[[], Sequence[str]]
    article: Callable[[], str] = field(default=lambda: "")
    month_first: bool = False

    @classmethod
    def for_questions(cls, questions: Sequence[Question]) -> AnswerContext:
        """What the questions themselves tell (no article): for engines built without a bank."""
        qs = list(questions)
        return cls(lambda: _question_texts(qs))

    @classmethod
    def for_bank(cls, bank: Bank) -> AnswerContext:
        return cls(lambda: _question_texts(bank.questions), lambda: bank.article.text,
                   month_first=(bank.locale or "").casefold() == "en-us")

    @cached_property
    def article_text(self) -> str:
        return self.article()

    @cached_property
    def words(self) -> frozenset[str]:
        """Every folded word of the bank and the article."""
        words: set[str] = set()
        for text in [*self.texts(), self.article_text]:
            words.update(fold(text).split())
        return frozenset(words)

    @cached_property
    def article_loose(self) -> str:
        return f" {loose(self.article_text)} "

    def names_as(self, answer: str, given: str) -> bool:
        """Whether the article writes ``answer (given)``: its own other form of the answer.

        Only this way round: in ``Chun Hae-sung (천해성)`` the part before the
        bracket has no clear start, so "Hae-sung" must not pass for "천해성".
        """
        la, lg = loose(answer), loose(given)
        if not la or not lg or any(ch.isdigit() for ch in la + lg):
            return False  # "8.0 billion KRW ($7.1 million)" is a conversion, not a name
        pattern = r"(?<![\w-])" + re.escape(f"{la} ({lg})")
        return re.search(pattern, self.article_loose) is not None


NO_CONTEXT = AnswerContext(lambda: ())
