"""The grounding rule: a question claims only what its passage holds.

For text, number and choice questions the answer itself must be readable in
the evidence quotes, and every accepted form must be readable there too or be
the answer written another way (the same number, the same date, the same
words spaced or hyphenated otherwise, or with a leading "the"/"his"). An
accepted form can no longer vouch for an answer: "Union Buildings" with
"Melrose House" in `accept` is refused, since the passage says Melrose House.

The loader applies this to every question it reads (drafts and generated
ones too), curate's edit form does through the loader, and the generator can
call :func:`grounding_problems` on a draft before writing it.
"""

from __future__ import annotations

from dataclasses import dataclass

from quiz.bank.datetext import dates_in, single_date
from quiz.bank.model import Question
from quiz.bank.normalize import contains_folded, fold
from quiz.bank.numbers import numbers_in, parse_number
from quiz.bank.yamlcheck import short as _short

GROUNDED_TYPES = ("text", "number", "choice")
# Words that may lead an accepted form without changing what it claims.
_LEADING = {"the", "a", "an", "his", "her", "its", "their", "in", "on", "at", "by", "of"}
_QUOTE_SHOWN = 90  # characters of the passage a message shows


@dataclass(frozen=True, slots=True)
class Ungrounded:
    """One part of a question its passage does not hold."""

    field: str  # "answer" or "accept"
    index: int  # which accepted form (0 for the answer)
    message: str


def passage(q: Question) -> str:
    """The evidence quotes of ``q`` as one text (what the answer must be read in)."""
    return " … ".join(e.quote for e in q.evidence)


def shown_passage(q: Question) -> str:
    """The passage, shortened for a message: ``"On 16 June 2020 at 2:50 pm, …"``."""
    text = " ".join(passage(q).split())
    if len(text) > _QUOTE_SHOWN:
        text = text[: _QUOTE_SHOWN - 1].rstrip() + "…"
    return f"“{text}”"


def _same_number(a: float, b: float) -> bool:
    return abs(a - b) <= max(abs(a), abs(b)) * 1e-9


def number_readable(value: float, text: str) -> bool:
    return any(_same_number(n, value) for n in numbers_in(text))


def text_readable(answer: str, text: str) -> bool:
    """``answer`` is in ``text`` as whole words, or as the same date or number."""
    if contains_folded(text, answer):
        return True
    if (when := single_date(answer)) is not None:
        return any(d.value == when for d in dates_in(text))
    number = parse_number(answer)
    return number is not None and number_readable(number, text)


def _compact(text: str) -> str:
    return fold(text).replace(" ", "")


def _without_leading(form: str) -> str:
    words = form.split()
    while len(words) > 1 and words[0].casefold() in _LEADING:
        words.pop(0)
    return " ".join(words)


def same_answer(form: str, answer: str) -> bool:
    """``form`` is ``answer`` written another way, as the answer checker reads it."""
    if _compact(form) == _compact(answer):  # "Chun Haesung" for "Chun Hae-sung"
        return True
    if _compact(_without_leading(form)) == _compact(_without_leading(answer)):
        return True
    if (when := single_date(form)) is not None:
        return when == single_date(answer)
    a, f = parse_number(answer), parse_number(form)
    return a is not None and f is not None and _same_number(a, f)


def _form_grounded(q: Question, form: str, text: str) -> bool:
    if q.type == "number":
        assert isinstance(q.answer, int | float), "a number question's answer is a number"
        value = parse_number(form)
        if value is None:  # "4,498.57 m2", "four stories": the number it holds
            found = numbers_in(form)
            return bool(found) and all(_same_number(n, float(q.answer)) for n in found[:1])
        return _same_number(value, float(q.answer))
    return (text_readable(form, text) or text_readable(_without_leading(form), text)
            or same_answer(form, str(q.answer)))


def grounding_problems(q: Question) -> list[Ungrounded]:
    """What of ``q``'s answer and accepted forms its evidence does not hold (none: grounded)."""
    if q.type not in GROUNDED_TYPES or not q.evidence:
        return []
    text = passage(q)
    out: list[Ungrounded] = []
    if q.type == "number":
        ok = isinstance(q.answer, int | float) and number_readable(float(q.answer), text)
    else:
        ok = text_readable(str(q.answer), text)
    if not ok:
        fix = "quote the sentence that states it, or correct the answer to what the passage says"
        out.append(Ungrounded("answer", 0, f"the answer `{_short(str(q.answer))}` cannot be read "
                              f"in the evidence {shown_passage(q)}; a bank may claim only what "
                              f"its passage holds: {fix}"))
    for i, form in enumerate(q.accept):
        if _form_grounded(q, form, text):
            continue
        if q.type == "number":
            why = f"is not the number {_short(str(q.answer))}"
            fix = "accept only other ways of writing the answer"
        else:
            why = (f"cannot be read in the evidence {shown_passage(q)} and is not the answer "
                   f"`{_short(str(q.answer))}` written another way")
            fix = "accept only the passage's own wording, or the same number or date"
        out.append(Ungrounded("accept", i, f"accepted form `{_short(form)}` {why}; {fix}"))
    return out
