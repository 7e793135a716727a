"""The bank linter: what a careful teacher would catch that the loader does not.

A bank that loads is well formed and grounded; these checks look for questions
that are unfair or give themselves away. Each check is a plain function over
a loaded question (and its bank and article), so the generator and curate can
run them too; :func:`lint_bank` runs them all and says where each finding is
in ``bank.yaml`` (``file:line:col``). Every kind of finding has a stable code.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from quiz.bank import yamlcheck as yc
from quiz.bank.article import Article
from quiz.bank.datetext import DateIn, dates_in, single_date
from quiz.bank.grounding import passage
from quiz.bank.model import Bank, Question
from quiz.bank.normalize import contains_folded, fold
from quiz.bank.numbers import SCALES, WORDS, numbers_in, parse_number
from quiz.textsafe import clean

# code -> (name, what it means); the codes never change meaning.
CODES: dict[str, tuple[str, str]] = {
    "L101": ("answer-shown-elsewhere",
             "an answer or accepted form appears in another question's prompt, choices or hints"),
    "L102": ("hint-gives-answer", "a hint states the answer or an accepted form"),
    "L103": ("hint-order", "a hint gives more of the answer away than a later hint"),
    "L104": ("hint-not-in-article", "a hint names a number, date or name the article does not"),
    "L105": ("order-not-proven", "an order question's evidence does not establish its order"),
    "L106": ("unit-mismatch", "the prompt asks in another unit than the question's `unit`"),
    "L107": ("tolerance-too-wide", "a tolerance wider than the precision the article states"),
    "L108": ("distractor-true", "a wrong choice is stated by the question's own passage"),
}


@dataclass(frozen=True)
class LintWarning:
    """One finding: which question, which field (and item of a list field), and why."""

    code: str
    question_id: str
    field: str  # a YAML key of the question: prompt, hints, choices, items, unit, ...
    index: int | None  # the item of a list field, if the finding is about one
    message: str
    path: str = ""
    line: int = 0
    col: int = 0
    answer_of: str | None = None  # L101: the question whose answer is shown here

    @property
    def name(self) -> str:
        return CODES[self.code][0]

    def format(self) -> str:
        """Compiler style, safe for a terminal (bank text may hold escapes)."""
        text = (f"{self.path}:{self.line}:{self.col}: warning: question '{self.question_id}': "
                f"{self.message} [{self.code} {self.name}]")
        return clean(text).replace("\n", " ")

    def as_dict(self) -> dict[str, object]:
        return {"file": self.path, "line": self.line, "column": self.col,
                "severity": "warning", "code": self.code, "name": self.name,
                "question": self.question_id, "field": self.field, "index": self.index,
                "message": self.message}


# --------------------------------------------------------------------------- matching


_STOP = {"the", "a", "an", "of", "and", "or", "in", "on", "at", "by", "to", "for", "his", "her",
         "its", "their", "with", "from", "as", "is", "was", "he", "she", "it", "they", "s"}


def answer_forms(q: Question) -> list[str]:
    """The strings that count as ``q``'s answer, as a player might see them elsewhere."""
    if q.type in ("text", "choice") and isinstance(q.answer, str):
        forms = [q.answer, *q.accept]
    elif q.type == "multi" and isinstance(q.answer, list):
        forms = list(q.answer)
    else:
        return []
    return [f for f in dict.fromkeys(forms) if len(fold(f)) >= 3]


_NUMBER_RE = re.compile(r"(?<![\w.:])(\d[\d,]*(?:\.\d+)?)(?:st|nd|rd|th)?(?:\s*(thousand|million|"
                        r"billion|trillion)\b)?|\b(" + "|".join(WORDS) + r")\b", re.IGNORECASE)
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "tenth": 10,
                  "twentieth": 20}


def _without_dates(text: str) -> str:
    for d in reversed([d for d in _dates_of(text) if d.month is not None]):
        text = text[:d.start] + " " * (d.end - d.start) + text[d.end:]
    return text


def _number_shown(q: Question, text: str) -> bool:
    """``text`` shows ``q``'s number: a large one anywhere, a small one beside its unit or a
    word of its prompt ("three days", "20th anniversary"), never inside a date."""
    assert isinstance(q.answer, int | float)
    target = float(q.answer)
    context = {_stem(w) for w in fold(f"{q.unit or ''} {q.prompt}").split()} - _STOP
    text = _without_dates(text)
    for m in _NUMBER_RE.finditer(text):
        if m[3]:
            values = [float(WORDS[m[3].lower()])]
        else:  # "8.0 billion" is 8 (in billions) and 8e9
            values = [float(m[1].replace(",", ""))]
            if m[2]:
                values.append(values[0] * SCALES[m[2].lower()])
        if not any(_same(v, target) for v in values):
            continue
        if abs(target) >= 100 and not m[3]:
            return True
        after = [_stem(w) for w in fold(text[m.end():]).split()[:2]]
        if context & set(after):
            return True
    return False


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= max(abs(a), abs(b)) * 1e-9


def _date_matches(answer: tuple[int | None, int | None, int | None], found: DateIn) -> bool:
    year, month, day = answer
    if month is None or found.month != month or found.day != day:
        return False
    return found.year is None or year is None or found.year == year


@functools.lru_cache(maxsize=65536)
def _folded(text: str) -> str:
    return f" {fold(text)} "


@functools.lru_cache(maxsize=65536)
def _dates_of(text: str) -> list[DateIn]:
    return dates_in(text)


def _shows(text: str, form: str) -> bool:
    """``contains_folded``, with both sides folded once per lint run (each is met many times)."""
    needle = _folded(form)
    return needle != "  " and needle in _folded(text)


def gives_away(q: Question, text: str) -> str | None:
    """The form of ``q``'s answer that ``text`` shows, or None."""
    if q.type == "number" and isinstance(q.answer, int | float):
        return _number_text(q.answer) if _number_shown(q, text) else None
    for form in answer_forms(q):
        if _shows(text, form):
            return form
        when = single_date(form)
        if when is not None and any(_date_matches(when, d) for d in _dates_of(text)):
            return form
    return None


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _shown_texts(q: Question) -> Iterable[tuple[str, int | None, str]]:
    """(field, index, text) of what a player sees before answering ``q``."""
    yield "prompt", None, q.prompt
    for i, c in enumerate(q.choices):
        yield "choices", i, c
    if q.type == "order":
        for i, item in enumerate(q.items):
            yield "items", i, item
    for i, h in enumerate(q.hints):
        yield "hints", i, h


# --------------------------------------------------------------------------- the checks


def answer_shown_elsewhere(q: Question, bank: Bank) -> list[LintWarning]:
    """L101: another question shows ``q``'s answer (reported where it is shown)."""
    if q.type not in ("text", "number", "choice"):
        return []
    out = []
    for other in bank.questions:
        if other.id == q.id or other.status == "rejected":
            continue
        for fld, i, text in _shown_texts(other):
            # A choice answer among another question's choices is just another option.
            if fld == "choices" and q.type == "choice":
                continue
            form = gives_away(q, text)
            if form is not None:
                where = f"{fld}[{i + 1}]" if i is not None else fld
                out.append(LintWarning("L101", other.id, fld, i, f"its {where} shows "
                                       f"`{yc.short(form)}`, the answer to question "
                                       f"'{q.id}'; reword one of them", answer_of=q.id))
    return out


def hint_gives_answer(q: Question) -> list[LintWarning]:
    """L102: a hint of ``q`` states its answer or an accepted form."""
    out = []
    for i, hint in enumerate(q.hints):
        form = gives_away(q, hint)
        if form is not None:
            out.append(LintWarning("L102", q.id, "hints", i, f"hint {i + 1} states the answer "
                                   f"`{yc.short(form)}`; a hint narrows, the player answers"))
    return out


def answer_words(forms: Iterable[str]) -> set[str]:
    """The folded words of an answer's forms that carry it (no "the", "of")."""
    return {w for form in forms for w in fold(form).split() if w not in _STOP}


def _answer_tokens(q: Question) -> set[str]:
    words = answer_words(answer_forms(q))
    if q.type == "number" and isinstance(q.answer, int | float):
        words.add(_number_text(q.answer))
    return words


def hint_order(q: Question) -> list[LintWarning]:
    """L103: a hint holds more of the answer's words than a later hint does."""
    tokens = _answer_tokens(q) - set(fold(q.prompt).split())
    if not tokens or len(q.hints) < 2:
        return []
    shown = [len(tokens & set(fold(h).split())) for h in q.hints]
    out = []
    for i in range(len(shown) - 1):
        later = min(shown[i + 1:])
        if shown[i] > later:
            j = i + 1 + shown[i + 1:].index(later)
            out.append(LintWarning("L103", q.id, "hints", i, f"hint {i + 1} gives away more of "
                                   f"the answer than hint {j + 1}; order hints vague to "
                                   "specific"))
    return out


_NAME_RE = re.compile(r"(?:[A-Z][\w-]*[\w](?:\s+(?:of\s+|the\s+)?(?=[A-Z]))?)+")
_BOUNDS_RE = re.compile(r"\b(?:between|than|under|over|about|around|almost|nearly|roughly|"
                        r"some|at least|at most|and)\s+$", re.IGNORECASE)
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?]\s+|[\"“(]\s*)$")


def _hint_numbers(hint: str) -> list[tuple[str, float]]:
    """Numbers a hint asserts: not dates, not bounds ("between 9 and 10"), not small words."""
    text = _without_dates(hint)
    out = []
    for m in _NUMBER_RE.finditer(text):
        if _BOUNDS_RE.search(text[:m.start()]):
            continue
        if m[3]:
            if WORDS[m[3].lower()] <= 12:
                continue  # "two leaders", "one of them": counting words, not facts
            value: float | None = float(WORDS[m[3].lower()])
        else:
            value = parse_number(m[1] + (f" {m[2]}" if m[2] else ""))
        if value is not None:
            out.append((m[0], value))
    return out


def _names(hint: str, article_text: str) -> list[str]:
    """Runs of capitalised words in ``hint`` that the article does not hold."""
    out = []
    for m in _NAME_RE.finditer(hint):
        name = m[0].strip()
        if contains_folded(article_text, name):
            continue
        words = name.split()
        # A sentence's first word is capitalised anyway: "Each Korea", "The History section".
        if _SENTENCE_START_RE.search(hint[:m.start()]):
            if len(words) == 1 or contains_folded(article_text, " ".join(words[1:])):
                continue
            if words[0].casefold() in _STOP | {"it", "he", "she", "they", "this", "that"}:
                name = " ".join(words[1:])
        out.append(name)
    return out


# What a hint says about the answer's shape, or a choice it rules out, asserts no fact of
# the article: "One word of 7 letters", "It was in the 1870s", "It is not “2003”".
_ABOUT_THE_ANSWER_RE = re.compile(
    r"\b\d+ (?:letters?|words?|digits?|characters?)\b|\b\d{2,4}s\b"
    r"|\bnot (?:“[^”]*”|\"[^\"]*\")")


def hint_not_in_article(q: Question, article: Article) -> list[LintWarning]:
    """L104: a hint names a number, a date or a name that the article does not hold."""
    text = article.text
    known_numbers = _article_numbers(text)
    known_dates = _article_dates(text)
    out = []
    for i, shown in enumerate(q.hints):
        hint = _ABOUT_THE_ANSWER_RE.sub(" ", shown)
        missing: list[str] = []
        for raw, value in _hint_numbers(hint):
            if not any(_same(value, n) for n in known_numbers):
                missing.append(raw)
        for d in dates_in(hint):
            if d.month is not None and not any(
                    k.month == d.month and (d.day is None or k.day == d.day)
                    and (d.year is None or k.year in (None, d.year)) for k in known_dates):
                missing.append(hint[d.start:d.end])
        missing += _names(hint, text)
        if missing:
            what = ", ".join(f"`{yc.short(m)}`" for m in dict.fromkeys(missing))
            out.append(LintWarning("L104", q.id, "hints", i, f"hint {i + 1} names {what}, "
                                   "which the article does not; a hint may only say what the "
                                   "article holds"))
    return out


@functools.lru_cache(maxsize=8)
def _article_dates(text: str) -> list[DateIn]:
    """Every date in an article (read once per article, not once per question)."""
    return dates_in(text)


@functools.lru_cache(maxsize=8)
def _article_numbers(text: str) -> list[float]:
    return numbers_in(text)


def _evidence_date(article: Article, quote: str, start: int) -> DateIn | None:
    """The date an evidence quote gives its event: in the quote, else in its sentence."""
    found = dates_in(quote)
    if not found:
        sentence = next((s for s in article.sentences if s.start <= start < s.end), None)
        found = dates_in(sentence.text) if sentence is not None else []
    if not found:
        return None
    d = found[0]
    if d.year is None:  # "On 13 June": the year of the nearest full date before it
        before = [k for k in _article_dates(article.text)
                  if k.year is not None and k.end <= start]
        if before:
            d = replace(d, year=before[-1].year)
    return d


def _before(a: DateIn, b: DateIn) -> bool:
    """``a`` is certainly earlier than ``b``, at the precision both state."""
    if a.year is None or b.year is None:
        return False
    if a.year != b.year:
        return a.year < b.year
    if a.month is None or b.month is None or a.month != b.month:
        return a.month is not None and b.month is not None and a.month < b.month
    return a.day is not None and b.day is not None and a.day < b.day


def order_not_proven(q: Question, article: Article) -> list[LintWarning]:
    """L105: an order question whose evidence does not date each item in that order."""
    if q.type != "order":
        return []
    items = q.items
    if len(q.evidence) != len(items):
        return [LintWarning("L105", q.id, "evidence", None, f"{len(items)} items but "
                            f"{len(q.evidence)} evidence quotes; quote one dated passage per "
                            "item, in the items' order, so the order can be checked")]
    dates = [_evidence_date(article, e.quote, e.start) for e in q.evidence]
    out = []
    for i, d in enumerate(dates):
        if d is None:
            out.append(LintWarning("L105", q.id, "items", i, f"item {i + 1} has no date in its "
                                   "passage, so the article does not prove where it goes"))
        elif d.upper_bound and i > 0:
            out.append(LintWarning("L105", q.id, "items", i, f"item {i + 1} is dated only "
                                   f"“by” {article.text[d.start:d.end] if d.start < 0 else ''}"
                                   "a deadline, so it may have come before the items above it"
                                   .replace("“by” a", "“by” a").replace("  ", " ")))
    for i in range(len(dates) - 1):
        a, b = dates[i], dates[i + 1]
        if a is not None and b is not None and not b.upper_bound and not _before(a, b):
            out.append(LintWarning("L105", q.id, "items", i + 1, f"the passages do not show "
                                   f"that item {i + 1} came before item {i + 2}"))
    return out


_UNIT_WORDS = {
    "m2": ("square metre", "square meter", "m²", "sq m"),
    "km2": ("square kilometre", "square kilometer", "km²"),
    "km": ("kilometre", "kilometer"), "m": ("metre", "meter"), "kg": ("kilogram",),
    "%": ("per cent", "percent"), "usd": ("dollar", "$"), "krw": ("won",),
}


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def unit_mismatch(q: Question) -> list[LintWarning]:
    """L106: a number question whose prompt does not ask in its ``unit``."""
    if q.type != "number" or not q.unit:
        return []
    stems = " " + " ".join(_stem(w) for w in fold(q.prompt).split()) + " "
    for word in fold(q.unit).split():
        forms = [word, *_UNIT_WORDS.get(word, ())]
        if any(f" {' '.join(_stem(w) for w in fold(f).split())} " in stems for f in forms):
            return []
    return [LintWarning("L106", q.id, "unit", None, f"the prompt does not ask in `{q.unit}`, "
                        "the unit the answer is given in; use the prompt's word for the unit")]


_WRITTEN_RE = re.compile(r"(?<![\w.])(\d[\d,]*)(?:\.(\d+))?(?:\s*(thousand|million|billion|"
                         r"trillion)\b)?", re.IGNORECASE)


def tolerance_too_wide(q: Question) -> list[LintWarning]:
    """L107: a tolerance that accepts numbers the article's stated digits rule out."""
    if q.type != "number" or not q.tolerance or not isinstance(q.answer, int | float):
        return []
    target = float(q.answer)
    precision = 1.0
    for m in _WRITTEN_RE.finditer(passage(q)):
        value = float(m[1].replace(",", "") + (f".{m[2]}" if m[2] else ""))
        step = 10.0 ** -len(m[2] or "")
        scale = SCALES[m[3].lower()] if m[3] else 1.0
        if _same(value, target):
            precision = step
            break
        if _same(value * scale, target):
            precision = step * scale
            break
    if q.tolerance <= precision:
        return []
    return [LintWarning("L107", q.id, "tolerance", None, f"tolerance {_number_text(q.tolerance)}"
                        f" is wider than the article's precision ({_number_text(precision)}); "
                        "it accepts numbers the article rules out")]


def _frames(answer: str, quote: str) -> list[tuple[str, str]]:
    """The two words before and after ``answer`` where ``quote`` states it."""
    words, target = fold(quote).split(), fold(answer).split()
    n = len(target)
    return [(" ".join(words[max(0, i - 2):i]), " ".join(words[i + n:i + n + 2]))
            for i in range(len(words) - n + 1) if words[i:i + n] == target]


def distractor_true(q: Question, article: Article) -> list[LintWarning]:
    """L108: a wrong choice the article states in the answer's own frame.

    "It was headed by North Korean Representative Jon Jong-su": if the article also
    says "... Representative Chun Hae-sung", Chun is no wrong answer to "who headed it".
    """
    if q.type not in ("choice", "multi") or not q.evidence:
        return []
    right = list(q.answer) if isinstance(q.answer, list) else [str(q.answer)]
    frames = [f for a in right for e in q.evidence for f in _frames(a, e.quote)]
    out = []
    for i, c in enumerate(q.choices):
        if c in right:
            continue
        for before, after in frames:
            said = [t for t in (f"{before} {fold(c)}" if before else "",
                                f"{fold(c)} {after}" if after else "") if t]
            if any(contains_folded(article.text, t) for t in said):
                out.append(LintWarning("L108", q.id, "choices", i, f"choice `{yc.short(c)}` "
                                       "is not marked right, but the article says of it what "
                                       "the passage says of the answer; pick a distractor the "
                                       "article does not hold"))
                break
    return out


QuestionCheck = Callable[[Question, Bank, Article], list[LintWarning]]
CHECKS: tuple[QuestionCheck, ...] = (
    lambda q, b, a: answer_shown_elsewhere(q, b),
    lambda q, b, a: hint_gives_answer(q),
    lambda q, b, a: hint_order(q),
    lambda q, b, a: hint_not_in_article(q, a),
    lambda q, b, a: order_not_proven(q, a),
    lambda q, b, a: unit_mismatch(q),
    lambda q, b, a: tolerance_too_wide(q),
    lambda q, b, a: distractor_true(q, a),
)


def lint_questions(bank: Bank, questions: Iterable[Question]) -> list[LintWarning]:
    """Every finding about ``questions`` of ``bank`` (rejected ones are skipped), unplaced."""
    article = bank.article
    out: list[LintWarning] = []
    for q in questions:
        if q.status == "rejected":
            continue
        for check in CHECKS:
            out += check(q, bank, article)
    return out


def lint_bank(bank: Bank) -> list[LintWarning]:
    """Every finding in ``bank``, each placed at its ``file:line:col``, in file order."""
    found = lint_questions(bank, bank.questions)
    return sorted(place(bank.path, found), key=lambda w: (w.line, w.col, w.code))


def warnings_for(found: Iterable[LintWarning], qid: str) -> list[LintWarning]:
    """The findings that concern question ``qid``: on its own fields, or showing its answer."""
    return [w for w in found if qid in (w.question_id, w.answer_of)]


# --------------------------------------------------------------------------- positions


def place(path: Path, found: list[LintWarning]) -> list[LintWarning]:
    """``found`` with each warning's file, line and column read from ``path``."""
    nodes = _question_nodes(path)
    out = []
    for w in found:
        line, col = yc.pos(_node_of(nodes.get(w.question_id), w.field, w.index))
        out.append(replace(w, path=str(path), line=line, col=col))
    return out


def _question_nodes(path: Path) -> dict[str, MappingNode]:
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yc.Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    if not isinstance(root, MappingNode):
        return {}
    questions = next((v for k, v in root.value if isinstance(k, ScalarNode)
                      and k.value == "questions"), None)
    out: dict[str, MappingNode] = {}
    for qnode in questions.value if isinstance(questions, SequenceNode) else []:
        if isinstance(qnode, MappingNode):
            for k, v in qnode.value:
                if isinstance(k, ScalarNode) and k.value == "id" and isinstance(v, ScalarNode):
                    out[v.value] = qnode
    return out


def _node_of(qnode: MappingNode | None, field: str, index: int | None) -> Node | None:
    if qnode is None:
        return None
    for k, v in qnode.value:
        if isinstance(k, ScalarNode) and k.value == field:
            if index is not None and isinstance(v, SequenceNode) and index < len(v.value):
                return v.value[index]
            return v
    return qnode
