"""One checker per type of question, and :func:`check`, which picks the right one.

Every answer is first made plain (:func:`_clean`) and compared in a canonical
form: folded, with numbers written one way. See :mod:`quiz.play.answers` for
what counts as right.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quiz.bank.model import Question
from quiz.bank.normalize import fold, strip_accents
from quiz.bank.numbers import SCALES, WORDS, parse_number
from quiz.play.answers.dates import Date, parse_date, parse_time
from quiz.play.answers.typos import distance, typo_distance

MAX_INPUT = 1000  # characters; longer input is not an answer anyone typed


@dataclass(frozen=True)
class Verdict:
    correct: bool
    partial: float = 0.0  # 0..1 credit for multi/order (1.0 when correct)
    close: bool = False  # accepted thanks to the typo allowance
    message: str = ""  # short human note, e.g. "accepted as 16 June 2020"


WRONG = Verdict(False)


def check(question: Question, given: object) -> Verdict:
    """Judge ``given`` against ``question``; see the module docstring."""
    checker = _CHECKERS.get(question.type)
    if checker is None:
        return WRONG
    try:
        return checker(question, given)
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


# --- canonical text: folded, with numbers written one way ------------------

# Number words become digits; "hundred"/"thousand" stay words so "eight
# thousand" is read as 8 thousand below rather than "8 1000".
_WORD_NUMBERS = {w: v for w, v in WORDS.items() if w not in ("hundred", "thousand")}
_WORD_RE = re.compile(r"\b(" + "|".join(_WORD_NUMBERS) + r")\b")
_CANON_NUM_RE = re.compile(
    r"(?<![\w.])(?P<num>\d+(?:\.\d+)?)(?:st|nd|rd|th)?"
    r"(?:\s+(?P<scale>thousand|million|billion|trillion))?(?![\w.])"
)
_DIGITS_RE = re.compile(r"\d+")


def _canon(text: str) -> str:
    """Folded text with every number as its plain value: ``8.0 billion`` -> ``8000000000``."""
    text = _WORD_RE.sub(lambda m: str(_WORD_NUMBERS[m[1]]), fold(text))
    return _CANON_NUM_RE.sub(_canon_number, text)


def _canon_number(m: re.Match[str]) -> str:
    value = float(m["num"]) * (SCALES[m["scale"]] if m["scale"] else 1)
    if value.is_integer() and value < 1e18:
        return str(int(value))
    return repr(value)


_ARTICLE_RE = re.compile(r"^(?:the|a|an) (?=\S)")


def _bare(canon: str) -> str:
    return _compact(_ARTICLE_RE.sub("", canon))


def _compact(canon: str) -> str:
    """Spaces dropped, except between digits: "Jon Jongsu" == "Jon Jong-su"."""
    return re.sub(r"(?<!\d) | (?!\d)", "", canon)


# --- text (and typed choice) answers ---------------------------------------

def _targets(q: Question) -> list[str]:
    forms = [q.answer] if isinstance(q.answer, str) else []
    return forms + [a for a in q.accept if isinstance(a, str)]


def _rivals(q: Question, targets: Sequence[str]) -> list[str]:
    """The choices that are not the answer: a typo may never land on one."""
    right = {_canon(t) for t in targets}
    return [c for c in q.choices if isinstance(c, str) and _canon(c) not in right]


def _match_text(q: Question, text: str) -> Verdict:
    targets = _targets(q)
    if not targets:
        return WRONG
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
    # A choice typed exactly never gets here: _check_choice picks it first.
    rivals = [_canon(r) for r in _rivals(q, targets)]

    # Dates and times are compared as values; they never get a typo allowance.
    given_date = parse_date(text)
    given_time = parse_time(text)
    plain: list[str] = []
    note = ""
    for t, ct in zip(targets, canon_targets, strict=True):
        if (td := parse_date(t)) is not None:
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
    # wrong choice, and every guard in typo_distance must hold.
    best = min((d for t in plain if (d := typo_distance(g, t)) is not None), default=None)
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


def _check_text(q: Question, given: object) -> Verdict:
    text = _clean(given)
    return WRONG if text is None else _match_text(q, text)


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


def _check_choice(q: Question, given: object) -> Verdict:
    picked = _pick(q, given)
    if picked is not None:
        return Verdict(True, 1.0) if _canon(picked) == _canon(str(q.answer)) else WRONG
    # A typed answer that names no choice exactly is read like a text answer,
    # with the other choices as the rivals a typo may not reach.
    return _check_text(q, given) if isinstance(given, str) else WRONG


def _check_multi(q: Question, given: object) -> Verdict:
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


def _check_truefalse(q: Question, given: object) -> Verdict:
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

def _unit_key(text: str) -> str:
    return re.sub(r"\s+", "", strip_accents(unicodedata.normalize("NFKC", text)).casefold())


def _readings(text: str, unit: str | None) -> list[tuple[float, str]]:
    """Every way to read ``text`` as (value, unit written): "8 billion KRW" -> (8e9, "krw")."""
    out: list[tuple[float, str]] = []
    if (v := parse_number(text)) is not None:
        out.append((v, ""))
    if unit:
        # Try the unit as written and, for "billion KRW", its last word.
        words = unit.split()
        candidates = {unit, words[-1]} if words else {unit}
        for u in candidates:
            pattern = r"\s*".join(re.escape(w) for w in _unit_key(u)) if _unit_key(u) else None
            if not pattern:
                continue
            m = re.fullmatch(r"(.*?)\s*" + pattern + r"\.?", text.casefold())
            if m and (v := parse_number(m[1])) is not None:
                out.append((v, _unit_key(u)))
    return out


def _check_number(q: Question, given: object) -> Verdict:
    answer = q.answer
    if isinstance(answer, bool) or not isinstance(answer, int | float):
        return WRONG
    text = _clean(given)
    if text is None:
        return WRONG
    if any(_canon(text) == _canon(a) for a in q.accept if isinstance(a, str)):
        return Verdict(True, 1.0)
    tol = abs(q.tolerance or 0.0)
    unit = q.unit or None
    # A unit that starts with a scale word ("billion KRW") also lets the
    # player write the whole value: "8,000,000,000" or "8 billion KRW".
    scale = 1.0
    if unit and unit.split()[0].casefold() in SCALES and len(unit.split()) > 1:
        scale = SCALES[unit.split()[0].casefold()]
    full, rest = (_unit_key(unit), _unit_key(unit.split()[-1])) if unit else ("", "")

    def near(value: float, target: float, slack: float) -> bool:
        return math.isfinite(value) and abs(value - target) <= slack + 1e-9 * max(1, abs(target))

    readings = _readings(text, unit)
    for value, written in readings:
        ok = False
        if written in ("", full):
            ok = near(value, answer, tol)
        if not ok and scale != 1.0 and written in ("", rest):
            ok = near(value, answer * scale, tol * scale)
        if ok:
            exact = _canon(text) == _canon(display_answer(q)) or value == answer
            return Verdict(True, 1.0, message="" if exact else f"accepted as {display_answer(q)}")
    if not readings and unit:
        return Verdict(False, message=f"give a number (in {unit})")
    return WRONG


# --- order -----------------------------------------------------------------

def _check_order(q: Question, given: object) -> Verdict:
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


_CHECKERS = {
    "text": _check_text,
    "choice": _check_choice,
    "multi": _check_multi,
    "truefalse": _check_truefalse,
    "number": _check_number,
    "order": _check_order,
}
