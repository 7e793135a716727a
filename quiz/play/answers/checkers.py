"""One checker per type of question, and :func:`check`, which picks the right one.

Every answer is first made plain (:func:`_clean`) and compared in a canonical
form: folded, with numbers written one way and currency symbols as codes.
See :mod:`quiz.play.answers` for what counts as right.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from quiz.bank.model import Question
from quiz.bank.normalize import fold, strip_accents
from quiz.bank.numbers import NUMBER_WORDS, SCALES, SPACED_GROUPS_RE, number_from_words
from quiz.play.answers.context import NO_CONTEXT, AnswerContext
from quiz.play.answers.dates import Date, parse_date, parse_time
from quiz.play.answers.typos import distance, typo_distance

MAX_INPUT = 1000  # characters; longer input is not an answer anyone typed
MAX_WORDS = 16  # words of a typed answer that are searched for the answer among extra words
MAX_NUMBER_WORDS = 30  # "nine hundred and ninety-nine billion nine hundred ..." is 25


@dataclass(frozen=True)
class Verdict:
    correct: bool
    partial: float = 0.0  # 0..1 credit for multi/order (1.0 when correct)
    close: bool = False  # accepted thanks to the typo allowance
    message: str = ""  # short human note, e.g. "accepted as 16 June 2020"
    # Nothing in the answer could be read as the kind of answer asked for
    # ("two thousand fife" to a number question): it should cost no try.
    unread: bool = False


WRONG = Verdict(False)
Checker = Callable[[Question, object, AnswerContext], Verdict]


def check(question: Question, given: object, context: AnswerContext | None = None) -> Verdict:
    """Judge ``given`` against ``question``; ``context`` is its bank and article, if known."""
    checker = _CHECKERS.get(question.type)
    if checker is None:
        return WRONG
    try:
        return checker(question, given, context or NO_CONTEXT)
    except (ValueError, TypeError, OverflowError, RecursionError):
        # Belt and braces: the checkers are written not to raise (the tests
        # feed them arbitrary input), but a player's keystroke must never be
        # what ends a session.
        return WRONG


def display_answer(question: Question) -> str:
    """The correct answer as the player should see it."""
    a = question.answer
    if question.type == "truefalse":
        return "True" if a is True else "False"
    if question.type == "multi" and isinstance(a, list):
        return ", ".join(str(x) for x in a)
    if question.type == "order" and isinstance(a, list):
        return "  ".join(f"{i}. {x}" for i, x in enumerate(a, 1))
    if question.type == "number" and isinstance(a, int | float) and not isinstance(a, bool):
        text = _format_number(a)
        if question.unit:
            text += f" {question.unit}"
        if question.tolerance:
            text += f" (± {_format_number(question.tolerance)})"
        return text
    return str(a)


# --- input hygiene ---------------------------------------------------------

def _clean(given: object) -> str | None:
    """The player's text, NFKC-normalised and free of control characters, or None."""
    if isinstance(given, bool) or given is None:
        return None
    if isinstance(given, int | float):
        if isinstance(given, float) and not math.isfinite(given):
            return None
        given = _format_number(given)
    if not isinstance(given, str) or len(given) > MAX_INPUT:
        return None
    text = unicodedata.normalize("NFKC", given)
    # Cc (controls) become spaces; Cf (bidi overrides, zero-width joiners) go.
    text = "".join(
        " " if unicodedata.category(ch) == "Cc" else ch
        for ch in text
        if unicodedata.category(ch) != "Cf"
    )
    text = " ".join(text.split())
    return text or None


def _format_number(value: float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)
    return repr(value)


def _number_text(value: float) -> str:
    if value.is_integer() and abs(value) < 1e18:
        return str(int(value))
    return repr(value)


# --- currencies --------------------------------------------------------------

# Symbols become ISO codes before folding (which would drop them): "$8 billion"
# must not read as "8 billion" when the answer is in won.
_SYMBOLS = {"us$": "usd", "$": "usd", "€": "eur", "£": "gbp", "₩": "krw", "¥": "jpy"}
_SYMBOL_RE = re.compile(r"(?i:us\$)|[$€£₩¥]")
CURRENCY_WORDS = {
    "usd": "usd", "dollar": "usd", "dollars": "usd", "eur": "eur", "euro": "eur",
    "euros": "eur", "gbp": "gbp", "sterling": "gbp", "krw": "krw", "won": "krw",
    "jpy": "jpy", "yen": "jpy", "cny": "cny", "rmb": "cny", "yuan": "cny", "renminbi": "cny",
}
_CODES = sorted(set(CURRENCY_WORDS.values()))
# In free text "won" is a verb; after a number it is the currency.
_CURRENCY_AFTER_RE = re.compile(r"(?<=\d )(" + "|".join(CURRENCY_WORDS) + r")\b")
_CODE_FIRST_RE = re.compile(r"\b(" + "|".join(_CODES) + r") (\d+(?:\.\d+)?)\b")


def _symbols_to_codes(text: str) -> str:
    return _SYMBOL_RE.sub(lambda m: f" {_SYMBOLS[m[0].casefold()]} ", text)


# --- canonical text: folded, with numbers written one way ------------------

_BIG_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
_CANON_NUM_RE = re.compile(
    r"(?<![\w.])(?P<num>\d+(?:\.\d+)?)(?:st|nd|rd|th)?"
    r"(?:\s+(?P<scale>thousand|million|billion|trillion))?(?![\w.])"
)
_DIGITS_RE = re.compile(r"\d+")


@lru_cache(maxsize=4096)  # the answers and choices of a bank come back with every check
def _canon(text: str) -> str:
    """Folded text with every number as its plain value: ``$8.0 billion`` -> ``8000000000 usd``."""
    t = fold(_symbols_to_codes(unicodedata.normalize("NFKC", text)))
    t = SPACED_GROUPS_RE.sub(lambda m: m[0].replace(" ", ""), t)
    t = _words_to_digits(t)
    t = _CANON_NUM_RE.sub(_canon_number, t)
    t = _CURRENCY_AFTER_RE.sub(lambda m: CURRENCY_WORDS[m[1]], t)
    return _CODE_FIRST_RE.sub(r"\2 \1", t)  # "usd 8" -> "8 usd", as the answer writes it


def _canon_number(m: re.Match[str]) -> str:
    value = float(m["num"]) * (SCALES[m["scale"]] if m["scale"] else 1)
    return _number_text(value)


def _number_run(words: Sequence[str], i: int) -> tuple[int, float] | None:
    """The longest run of number words from ``words[i]``: (end, value), or None."""
    first = words[i]
    if first not in NUMBER_WORDS and not (first == "a" and i + 1 < len(words)
                                          and words[i + 1] in _BIG_WORDS):
        return None
    for j in range(min(len(words), i + MAX_NUMBER_WORDS), i, -1):
        value = number_from_words(" ".join(words[i:j]))
        if value is not None:
            return j, value
    return None


def _words_to_digits(folded: str) -> str:
    """ "two thousand and five" -> "2005", "twentieth" -> "20" (in folded text)."""
    words = folded.split()
    if not any(w in NUMBER_WORDS for w in words):
        return folded
    out: list[str] = []
    i = 0
    while i < len(words):
        run = _number_run(words, i)
        if run is None:
            out.append(words[i])
            i += 1
        else:
            out.append(_number_text(run[1]))
            i = run[0]
    return " ".join(out)


_ARTICLE_RE = re.compile(r"^(?:the|a|an) (?=\S)")


def _bare(canon: str) -> str:
    return _compact(_ARTICLE_RE.sub("", canon))


def _compact(canon: str) -> str:
    """Spaces dropped, except between digits: "Jon Jongsu" == "Jon Jong-su"."""
    return re.sub(r"(?<!\d) | (?!\d)", "", canon)


# --- extra words -------------------------------------------------------------

# Words that may come with an answer without changing it: "in 2005", "by balloon".
FUNCTION_WORDS = frozenset({
    "a", "an", "the", "in", "on", "at", "of", "by", "for", "with", "via", "as", "its", "his",
    "her", "their", "it", "was", "is", "were", "year",
})
# Words that change what an answer says, even when the prompt uses them.
_NEVER_EXTRA = frozenset({
    "not", "no", "nor", "never", "or", "and", "but", "before", "after", "except", "than",
    "until", "since", "about", "around", "approximately", "nearly", "almost", "over", "under",
    "more", "less", "least", "most", "maybe", "perhaps", "either", "neither",
})


@lru_cache(maxsize=1024)  # prompts and choices, read again with every check
def _word_forms(text: str) -> frozenset[str]:
    """Folded words of ``text``, each also without a plural ending."""
    words = set(fold(text).split())
    return frozenset(words | {_singular(w) for w in words})


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _prompt_words(q: Question) -> frozenset[str]:
    """The prompt's words that may come beside an answer: none when it offers alternatives.

    "North Korea or South Korea?" holds a wrong answer; "South Korea North Korea"
    must not pass because both halves are the prompt's.
    """
    words = _word_forms(q.prompt)
    return frozenset() if "or" in words else words


def _extra_ok(word: str, context_words: frozenset[str], banned: frozenset[str]) -> bool:
    """A word beside the answer that adds nothing: a function word or the prompt's own."""
    if word in _NEVER_EXTRA or word in banned or any(ch.isdigit() for ch in word):
        return False
    return word in FUNCTION_WORDS or word in context_words or _singular(word) in context_words


def _cores(q: Question, text: str, targets: Sequence[str]) -> Iterable[str]:
    """``text`` with extra words dropped from either end, longest first.

    Only function words and words of the prompt (a unit, the context asked
    about: "20th anniversary", "2032 Summer Olympics") may be dropped, never
    a word of a wrong choice, a negation or a hedge.
    """
    tokens = text.split()
    n = len(tokens)
    if n < 2 or n > MAX_WORDS:
        return
    target_words = frozenset().union(*(_word_forms(t) for t in targets))
    banned = frozenset().union(*(_word_forms(c) for c in q.choices)) - target_words
    context_words = _prompt_words(q) | _word_forms(q.unit or "")
    ok = [all(_extra_ok(w, context_words, banned) for w in fold(tok).split()) for tok in tokens]
    for size in range(n - 1, 0, -1):
        for i in range(0, n - size + 1):
            j = i + size
            if all(ok[:i]) and all(ok[j:]):
                yield " ".join(tokens[i:j])


# --- text (and typed choice) answers ---------------------------------------

def _targets(q: Question) -> list[str]:
    forms = [q.answer] if isinstance(q.answer, str) else []
    return forms + [a for a in q.accept if isinstance(a, str)]


def _rivals(q: Question, targets: Sequence[str]) -> list[str]:
    """The choices that are not the answer: a typo may never land on one."""
    right = {_canon(t) for t in targets}
    return [c for c in q.choices if isinstance(c, str) and _canon(c) not in right]


def _name_orders(name: str) -> list[str]:
    """A person's name with its family name moved: "Kim Yo-jong" -> "Yo-jong Kim"."""
    parts = name.split()
    if len(parts) < 2:
        return []
    return list(dict.fromkeys([" ".join(parts[1:] + parts[:1]), " ".join(parts[-1:] + parts[:-1])]))


def _match_text(q: Question, text: str, ctx: AnswerContext = NO_CONTEXT) -> Verdict:
    targets = _targets(q)
    if not targets:
        return WRONG
    verdict = _match_core(q, text, targets, ctx)
    if verdict.correct:
        return verdict
    for core in _cores(q, text, targets):
        found = _match_core(q, core, targets, ctx)
        if found.correct:
            return replace(found, message=found.message or f"accepted as {q.answer}")
    return verdict


def _match_core(q: Question, text: str, targets: Sequence[str], ctx: AnswerContext) -> Verdict:
    answer = str(q.answer)
    accepted = Verdict(True, 1.0, message=f"accepted as {answer}")
    g = _canon(text)
    if not g:
        return WRONG
    canon_targets = [_canon(t) for t in targets]
    if g in canon_targets or _compact(g) in {_compact(t) for t in canon_targets}:
        return Verdict(True, 1.0)
    # A leading article is not part of the answer: "the Blue House" == "Blue House".
    if _bare(g) in {_bare(t) for t in canon_targets}:
        return Verdict(True, 1.0)
    # A person's name with the family name last: "Yo-jong Kim".
    reordered = [_canon(o) for t in targets for o in _name_orders(t)] if q.person else []
    if _compact(g) in {_compact(r) for r in reordered}:
        return accepted
    # The article's own other form of the answer: "Chun Hae-sung (천해성)".
    if any(ctx.names_as(t, text) for t in targets):
        return accepted
    # A choice typed exactly never gets here: _check_choice picks it first.
    rivals = [_canon(r) for r in _rivals(q, targets)]

    # Dates and times are compared as values; they never get a typo allowance.
    given_date = parse_date(text, month_first=ctx.month_first)
    given_time = parse_time(text)
    plain: list[str] = list(reordered)
    note = ""
    for t, ct in zip(targets, canon_targets, strict=True):
        if (td := parse_date(t, month_first=ctx.month_first)) is not None:
            verdict = _compare_dates(td, given_date, answer)
            if verdict.correct:
                return verdict
            note = note or verdict.message
        elif (tt := parse_time(t, strict=True)) is not None:
            if given_time == tt:
                return accepted
        else:
            plain.append(ct)
            # A bare number is enough unless a wrong choice has the same number
            # (then the unit is what the question asks).
            if _unit_omitted(g, ct) and not any(_unit_omitted(g, r) for r in rivals):
                return accepted

    # Guarded typo allowance: the nearest right form must be nearer than any
    # wrong choice, every guard in typo_distance must hold, and no word may
    # have turned into another real word of the question, bank or article.
    def is_word(word: str) -> bool:
        own = _word_forms(" ".join([q.prompt, *q.choices, *q.hints, q.explanation]))
        return word in own or word in ctx.words

    best = min((d for t in plain if (d := typo_distance(g, t, is_word)) is not None),
               default=None)
    if best is None:
        return Verdict(False, message=note)
    for r in rivals:
        if distance(g, r, limit=best + 1) <= best:
            return WRONG
    return Verdict(True, 1.0, close=True, message=f"close enough: {answer}")


def _compare_dates(target: Date, given: Date | None, answer: str) -> Verdict:
    if given is None:
        return WRONG
    if target.year is not None and given.year is None:
        return Verdict(False, message="the year is missing")
    if target.day is not None and given.day is None:
        return Verdict(False, message="the day is missing")
    # An extra year is fine ("13 June 2020" for "13 June"); an extra day is not.
    if target.day is None and given.day is not None:
        return WRONG
    if target.year is not None and given.year != target.year:
        return WRONG
    if (given.month, given.day) != (target.month, target.day):
        return WRONG
    return Verdict(True, 1.0, close=given.close, message=f"accepted as {answer}")


def _unit_omitted(given: str, target: str) -> bool:
    """ "4498.57" for "4498.57 m2": a lone number equal to the target's, whose unit was left off."""
    parts = target.split()
    return (
        len(parts) == 2
        and _DIGITS_RE.fullmatch(parts[0].replace(".", "", 1)) is not None
        and not parts[1][0].isdigit()
        and given == parts[0]
    )


def _check_text(q: Question, given: object, ctx: AnswerContext = NO_CONTEXT) -> Verdict:
    text = _clean(given)
    return WRONG if text is None else _match_text(q, text, ctx)


# --- choice and multi ------------------------------------------------------

def _pick(q: Question, given: object) -> str | None:
    """The choice ``given`` names: an index, or a string equal to a choice when folded."""
    if isinstance(given, int) and not isinstance(given, bool):
        return q.choices[given] if 0 <= given < len(q.choices) else None
    text = _clean(given) if isinstance(given, str) else None
    if text is None:
        return None
    g = _compact(_canon(text))
    return next((c for c in q.choices if _compact(_canon(c)) == g), None)


def _check_choice(q: Question, given: object, ctx: AnswerContext = NO_CONTEXT) -> Verdict:
    picked = _pick(q, given)
    if picked is not None:
        return Verdict(True, 1.0) if _canon(picked) == _canon(str(q.answer)) else WRONG
    # A typed answer that names no choice exactly is read like a text answer,
    # with the other choices as the rivals a typo may not reach.
    return _check_text(q, given, ctx) if isinstance(given, str) else WRONG


def _check_multi(q: Question, given: object, ctx: AnswerContext = NO_CONTEXT) -> Verdict:
    if not isinstance(q.answer, list):
        return WRONG
    right = {_canon(str(a)) for a in q.answer}
    if isinstance(given, str | int):
        given = [given]
    if not isinstance(given, Iterable) or isinstance(given, dict | bytes):
        return WRONG
    picks: set[str] = set()
    wrong = 0
    for i, item in enumerate(given):
        if i > max(len(q.choices), 1) * 4:
            return WRONG  # far more picks than choices: not a real answer
        choice = _pick(q, item)
        if choice is None:
            wrong += 1  # a pick that is no choice at all still counts against
        else:
            picks.add(_canon(choice))
    hits = len(picks & right)
    wrong += len(picks - right)
    if not right:
        return Verdict(True, 1.0) if not picks and not wrong else WRONG
    if hits == len(right) and not wrong:
        return Verdict(True, 1.0)
    return Verdict(False, max(0.0, (hits - wrong) / len(right)))


# --- true/false ------------------------------------------------------------

_TRUE = {"t", "true", "y", "yes"}
_FALSE = {"f", "false", "n", "no"}


def _check_truefalse(q: Question, given: object, ctx: AnswerContext = NO_CONTEXT) -> Verdict:
    if not isinstance(q.answer, bool):
        return WRONG
    if isinstance(given, str):
        word = fold(given) if len(given) <= MAX_INPUT else ""
        if word in _TRUE:
            given = True
        elif word in _FALSE:
            given = False
    if not isinstance(given, bool):
        return WRONG
    return Verdict(True, 1.0) if given is q.answer else WRONG


# --- numbers ---------------------------------------------------------------

_NUM_TOKEN_RE = re.compile(
    r"(?P<num>\d+(?:\.\d+)?|\.\d+)(?!\d|\.\d)(?:(?:st|nd|rd|th)\b)?|[^\W\d_]+\d?"
)
_GROUP_COMMA_RE = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
# One unit, however it is written: "storeys" is "floors", "sq m" is "m2".
_UNIT_SYNONYMS = {
    "story": "floor", "stories": "floor", "storey": "floor", "storeys": "floor",
    "floors": "floor", "level": "floor", "levels": "floor", "sqm": "m2",
    "metre": "m", "metres": "m", "meter": "m", "meters": "m",
}


@dataclass
class _Amount:
    """What a typed number answer says: "$8 billion" -> 8e9 in usd."""

    values: list[float]  # one per number in it
    scaled: bool = False  # written with a scale word: "8 billion"
    currencies: set[str] | None = None
    words: list[str] | None = None  # every other word


def _read_amount(text: str) -> _Amount:
    t = strip_accents(_symbols_to_codes(unicodedata.normalize("NFKC", text))).casefold()
    t = t.replace("\u2212", "-")
    negative = t.lstrip().startswith("-")
    t = _GROUP_COMMA_RE.sub("", t)
    t = SPACED_GROUPS_RE.sub(lambda m: re.sub(r"\s", "", m[0]), t)
    tokens = [(m["num"], m[0]) for m in _NUM_TOKEN_RE.finditer(t)]
    amount = _Amount([], currencies=set(), words=[])
    assert amount.currencies is not None and amount.words is not None
    i = 0
    while i < len(tokens):
        num, tok = tokens[i]
        if num is not None:
            value = float(num)
            i += 1
            while i < len(tokens) and tokens[i][1] in SCALES:
                value *= SCALES[tokens[i][1]]
                amount.scaled = True
                i += 1
            amount.values.append(value)
            continue
        run = _number_run([w for _, w in tokens[i:]], 0) if tok in NUMBER_WORDS or tok == "a" \
            else None
        if run is not None:
            amount.values.append(run[1])
            amount.scaled |= any(w in SCALES for _, w in tokens[i:i + run[0]])
            i += run[0]
            continue
        if tok in CURRENCY_WORDS:
            amount.currencies.add(CURRENCY_WORDS[tok])
        else:
            amount.words.append(tok)
        i += 1
    if negative and len(amount.values) == 1:
        amount.values[0] = -amount.values[0]
    return amount


@dataclass(frozen=True)
class _Unit:
    scale: float
    currency: str | None
    words: frozenset[str]


@lru_cache(maxsize=256)
def _read_unit(unit: str | None) -> _Unit:
    if not unit:
        return _Unit(1.0, None, frozenset())
    a = _read_amount(unit)
    scale = 1.0
    for w in (a.words or []):
        if w in SCALES:
            scale *= SCALES[w]
    # "billion KRW": a number word in a unit is its scale ("thousand" reads as 1000).
    for v in a.values:
        scale *= v
    words = frozenset(_unit_word(w) for w in (a.words or []) if w not in SCALES)
    currency = next(iter(sorted(a.currencies or ())), None)
    return _Unit(scale, currency, words)


def _unit_word(word: str) -> str:
    word = _UNIT_SYNONYMS.get(word, word)
    return _UNIT_SYNONYMS.get(_singular(word), _singular(word))


@lru_cache(maxsize=256)
def _currencies_in(text: str) -> frozenset[str]:
    return frozenset(_read_amount(text).currencies or ())


def _no_number(q: Question) -> Verdict:
    where = f", in {q.unit}" if q.unit else ""
    return Verdict(False, message="I read that as no number: type it in digits or words"
                   + where, unread=True)


def _check_number(q: Question, given: object, ctx: AnswerContext = NO_CONTEXT) -> Verdict:
    answer = q.answer
    if isinstance(answer, bool) or not isinstance(answer, int | float):
        return WRONG
    text = _clean(given)
    if text is None:
        return WRONG
    if any(_canon(text) == _canon(a) for a in q.accept if isinstance(a, str)):
        return Verdict(True, 1.0)
    amount = _read_amount(text)
    if not amount.values:
        return _no_number(q)
    if len(amount.values) > 1:
        return WRONG  # "4 or 5" is no one answer
    value = amount.values[0]
    unit = _read_unit(q.unit)
    currencies = amount.currencies or set()
    prompt_currencies = _currencies_in(q.prompt)
    # Units and currencies must agree when both are given: "$8 billion" is not 8 billion won.
    if len(currencies) > 1:
        return WRONG
    if currencies and currencies != ({unit.currency} if unit.currency else prompt_currencies):
        return WRONG
    # Every other word must be the unit, a function word or the prompt's own.
    context_words = _prompt_words(q)
    named_unit = bool(currencies)
    for w in amount.words or []:
        if _unit_word(w) in unit.words:
            named_unit = True
        elif not _extra_ok(w, context_words, frozenset()):
            return WRONG
    tol = abs(q.tolerance or 0.0)

    def near(target: float, slack: float) -> bool:
        # Rounding error only: at 1e-9 relative, 1,000,000,001 would pass for a billion.
        return math.isfinite(value) and abs(value - target) <= slack + 1e-12 * max(1, abs(target))

    full = answer * unit.scale
    if amount.scaled or (named_unit and unit.scale != 1.0):
        ok = near(full, tol * unit.scale)  # "8 billion", "8 KRW": the whole amount
    else:
        ok = near(answer, tol) or (unit.scale != 1.0 and near(full, tol * unit.scale))
    if not ok:
        return WRONG
    # Said as the answer is written, or as the bare number: no note needed.
    exact = value == answer and (_canon(text) == _canon(display_answer(q))
                                 or (not amount.words and not currencies))
    return Verdict(True, 1.0, message="" if exact else f"accepted as {display_answer(q)}")


# --- order -----------------------------------------------------------------

def _check_order(q: Question, given: object, ctx: AnswerContext = NO_CONTEXT) -> Verdict:
    items = q.items
    if not items or isinstance(given, str) or not isinstance(given, Sequence):
        return WRONG
    if len(given) > len(items) * 4:
        return WRONG
    index = {_canon(str(it)): i for i, it in enumerate(items)}
    positions: list[int] = []
    for g in given:
        text = _clean(g) if isinstance(g, str) else None
        pos = index.get(_canon(text)) if text else None
        if pos is not None and pos not in positions:
            positions.append(pos)
    if positions == list(range(len(items))) and len(given) == len(items):
        return Verdict(True, 1.0)
    return Verdict(False, _order_credit(positions, len(items)))


def _order_credit(positions: list[int], n: int) -> float:
    """Partial credit from the longest run of items in the right relative order.

    (LIS - 1) / (n - 1): one item moved out of place costs one item's share,
    not every item after it (as a "right position" count would), and a fully
    reversed list earns 0.
    """
    if n < 2:
        return 0.0
    tails: list[int] = []  # patience sorting: tails[k] is the least end of a run of k+1
    for p in positions:
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < p:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(tails):
            tails.append(p)
        else:
            tails[lo] = p
    return max(0.0, (len(tails) - 1) / (n - 1))


_CHECKERS: dict[str, Checker] = {
    "text": _check_text,
    "choice": _check_choice,
    "multi": _check_multi,
    "truefalse": _check_truefalse,
    "number": _check_number,
    "order": _check_order,
}
