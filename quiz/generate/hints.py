"""Graded hints, vague to specific, all drawn from the article.

1. where to look (the section, or the facts box at the top);
2. a nearby sentence with the answer blanked out;
3. a letter or length clue (or, for choices, one option ruled out).
The game adds the last step itself: showing the passage.
"""

from __future__ import annotations

import re

from quiz.bank.article import Article, Sentence
from quiz.bank.lint import answer_words
from quiz.bank.normalize import contains_folded, fold
from quiz.generate.accepts import other_names
from quiz.generate.audit import has_hole
from quiz.generate.candidate import Candidate
from quiz.generate.text import BLANK, short_hash, tidy

NEARBY = "Nearby, the article says: "


def hints(c: Candidate, article: Article, neighbours: dict[int, list[Sentence]],
          infobox_groups: set[int]) -> list[str]:
    out = [_where(c, article, infobox_groups)]
    nearby = _nearby(c, neighbours)
    if nearby:
        out.append(nearby)
    clue = _clue(c)
    if clue:
        out.append(clue)
    return out


def _where(c: Candidate, article: Article, infobox_groups: set[int]) -> str:
    if c.type == "order":
        return "Each event has a date in the article; look for the years first."
    if c.group in infobox_groups:
        return "Look at the key facts listed at the top of the article."
    section = article.section_at(c.group)
    if section is None or section is article.sections[0]:
        return "Look in the article's introduction."
    return f"Look in the section “{section.title}”."


def _forms(c: Candidate) -> list[str]:
    answers = c.answer if isinstance(c.answer, list) else [c.answer]
    forms = [str(a) for a in answers if not isinstance(a, bool)] + list(c.accept)
    if c.answer_text:
        forms.append(c.answer_text)
    if c.type == "choice" and isinstance(c.answer, str):
        forms += other_names(c.answer, "")  # "the United States Army" tells "US"
    return sorted({f for f in forms if len(f) >= 2}, key=len, reverse=True)


def blank_out(text: str, forms: list[str]) -> str:
    for form in forms:
        text = re.sub(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", BLANK, text,
                      flags=re.IGNORECASE)
    return text


def _nearby(c: Candidate, neighbours: dict[int, list[Sentence]]) -> str | None:
    if c.type == "order":
        return None
    around = neighbours.get(c.group, [])
    forms = _forms(c)
    # a word of the answer the prompt does not already show
    telling = set() if c.type == "number" else answer_words(forms) - set(fold(c.prompt).split())
    for s in around:
        # (the raw text too: tidying closes "by Pablo Serrano and ." into "and.")
        if has_hole(s.text) or has_hole(tidy(s.text)) or not tidy(s.text)[:1].isupper():
            continue  # never quote broken text (" was a Japanese feminist": its name cut off)
        text = blank_out(tidy(s.text), forms)
        if BLANK in text:
            continue  # a quote with a hole reads as broken text, whatever the hole hides
        if len(text.split()) < 5 or len(text.split()) > 60:
            continue
        if any(contains_folded(text, f) for f in forms if len(fold(f)) >= 2):
            continue
        if telling & set(fold(text).split()):
            continue  # "his elder brother, Jang Seong-bal" tells half of "Jang Seong-hwi"
        if c.type == "number" and str(c.answer).rstrip("0").rstrip(".") in text:
            continue
        return f"{NEARBY}“{text}”"
    return None


_COUNT_WORDS = {2: "Two", 3: "Three", 4: "Four", 5: "Five"}


def _clue(c: Candidate) -> str | None:
    if c.type == "truefalse":
        return "Compare every name, date and number in the statement with the passage."
    if c.type == "order":
        first = c.answer[0] if isinstance(c.answer, list) and c.answer else ""
        return f"The earliest is “{first}”." if first else None
    if c.type == "multi":
        n = len(c.answer) if isinstance(c.answer, list) else 1
        # in words: a digit reads as a figure the article should hold (`quiz lint` L104)
        return f"{_COUNT_WORDS.get(n, str(n))} of the options are right."
    if c.type == "choice":
        wrong = [x for x in c.choices if x != c.answer]
        if not wrong:
            return None
        return ruled_out_hint(sorted(wrong, key=lambda x: short_hash(c.prompt, x))[0])
    if c.type == "number":
        if c.kind == "year":
            return _decade(int(c.answer))  # type: ignore[arg-type]
        digits = len(re.sub(r"\D", "", str(c.number_format or c.answer).split(".")[0]))
        if c.number_format and not c.number_format[0].isdigit():
            return f"The number is written as a word starting with “{c.number_format[0]}”."
        return f"The whole part of the number has {digits} digit{'s' if digits != 1 else ''}."
    answer = str(c.answer)
    year_found = re.search(r"\d{4}", answer)
    if c.kind in ("date", "monthyear") and year_found:
        return f"The year is {year_found.group(0)}."
    letters = re.sub(r"[\W\d_]", "", answer)
    n_words = len(answer.split())
    first = re.sub(r"^(?:the|a|an) ", "", answer).lstrip("'\"“(")[:1]
    if not letters or not first.isalpha() or c.accept:
        return None  # a letter clue would fit one form and mislead about the others
    if n_words == 1:
        return f"One word of {len(letters)} letters, starting with “{first}”."
    return f"{n_words} words, starting with “{first}”."


def quotes_passage(hint: str, quote: str) -> bool:
    """Does the nearby-sentence ``hint`` quote ``quote`` (another draft's passage)? Its
    longest stretch without a blank, of five words or more, is found in the passage."""
    if not hint.startswith(NEARBY):
        return False
    inner = hint.removeprefix(NEARBY).strip("“”")
    longest = max(inner.split(BLANK), key=lambda part: len(part.split())).strip(" ,.;:()")
    return len(longest.split()) >= 5 and contains_folded(tidy(quote), longest)


def ruled_out_hint(wrong: str) -> str:
    return f"It is not “{wrong}”."


def _decade(year: int) -> str | None:
    """"It was in the 1840s." A year that opens its decade would be written in that
    clue ("the 1960s" for 1960), so it is named by the decade before it."""
    decade = year // 10 * 10
    if year != decade:
        return f"It was in the {decade}s."
    if year < 100:
        return None  # "the decade after the 0s" says nothing a student can use
    return f"It was in the decade after the {decade - 10}s."
