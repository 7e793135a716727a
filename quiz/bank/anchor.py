"""Finding where a text lives in an article: a quote after the article changed, or a fact.

Two commands stand on this: ``quiz rebase`` re-anchors the quotes of a bank in a
revised article, and ``quiz ground`` finds the passage that proves an answer.
A quote is looked for in three tiers, strictest first, and the first tier that
finds it wins:

1. ``exact``: as the loader matches quotes (runs of whitespace are one space);
2. ``folded``: ignoring case, accents, punctuation and spacing;
3. ``fuzzy``: the best window of a paragraph, scored 0..100 by rapidfuzz's
   ``partial_ratio``, kept when it reaches a threshold.

Every span is given as offsets into the article's own text, so a new quote is
always a copy of the article's words, never a reconstruction.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

from rapidfuzz import fuzz

from quiz.bank.article import Article, QuoteIndex, normalise_ws
from quiz.bank.model import Evidence
from quiz.bank.normalize import strip_accents
from quiz.bank.numbers import numbers_in

FUZZY_THRESHOLD = 82.0  # partial_ratio; a reworded clause scores ~85-95, a neighbour < 75
# Two fuzzy candidates closer than this are a toss-up: the quote is not re-anchored.
FUZZY_MARGIN = 4.0
# Words that carry the meaning of a passage besides its names and numbers.
NEGATIONS = frozenset({"not", "no", "never", "nor", "none", "neither", "without"})
_STOPWORD_TEXT = """
a an the and or but of in on at to for from by with as is was were be been being are it its
this that these those which who whom whose what when where why how did do does done had has
have than then there their they he she his her him them our we you your i me my not no so such
into over under about after before between during while also other another any all each both
either neither one ones own same very can could would should will may might must shall
according article give gives given name named called say says said state states stated take
takes took taken taking place held hold holds happen happened occur occurred occurs
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

_WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
_CAP_RE = re.compile(r"[A-Z]")
_SENTENCE_END_RE = re.compile(r"[.!?]\s*$")


# --------------------------------------------------------------------------- folding


def fold_with_offsets(text: str, base: int = 0) -> tuple[str, list[int]]:
    """``text`` folded (case, accents, punctuation, spacing) and where each character came from.

    Folds like :func:`quiz.bank.normalize.fold` (a thousands comma between digits
    is dropped, a decimal point kept), one source character at a time, so every
    folded character maps back to an offset ``base + i`` of the original.
    """
    chars: list[str] = []
    offsets: list[int] = []
    space = True  # no leading space
    n = len(text)
    for i, ch in enumerate(text):
        between_digits = 0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
        if ch == "," and between_digits:
            continue
        if ch == "." and between_digits:
            piece = "."
        elif ch.isascii():
            piece = ch.lower() if ch.isalnum() else " "
        else:
            piece = strip_accents(unicodedata.normalize("NFKC", ch)).casefold()
        for c in piece:
            if c.isalnum() or c == ".":
                chars.append(c)
                offsets.append(base + i)
                space = False
            elif not space:
                chars.append(" ")
                offsets.append(base + i)
                space = True
    if chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return "".join(chars), offsets


def fold_text(text: str) -> str:
    return fold_with_offsets(text)[0]


def stem(word: str) -> str:
    """A crude English stem, enough to meet ``stories``/``story``, ``demolish``/``demolished``."""
    w = word.casefold()
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            return w[: -len(suffix)] + repl
    return w


def content_sequence(text: str) -> list[str]:
    """Stems of the words of ``text`` that carry content (no stopwords), in order."""
    out = []
    for w in _WORD_RE.findall(text):
        for part in re.split(r"[-'’]", w):
            p = strip_accents(part).casefold()
            if p and p not in STOPWORDS:
                out.append(stem(p))
    return out


def content_words(text: str) -> set[str]:
    return set(content_sequence(text))


def bigrams(text: str) -> set[tuple[str, str]]:
    """Neighbouring content stems: ``first meeting`` is not ``a meeting ... first``."""
    seq = content_sequence(text)
    return set(pairwise(seq))


# --------------------------------------------------------------------------- facts


@dataclass(frozen=True)
class Facts:
    """What a passage asserts beyond its wording: its numbers, names and negations."""

    numbers: Counter[float]
    names: Counter[str]
    negations: Counter[str]
    shown: dict[str, str] = field(default_factory=dict, compare=False)  # key -> as written

    def differences(self, other: Facts) -> tuple[list[str], list[str]]:
        """(what ``self`` has that ``other`` lost, what ``other`` gained), as written."""
        lost: list[str] = []
        gained: list[str] = []
        pairs: list[tuple[Counter, Counter, str]] = [
            (self.numbers, other.numbers, "n"), (self.names, other.names, "w"),
            (self.negations, other.negations, "w")]
        for mine, theirs, kind in pairs:
            # A scaled number (8.0 billion is also 8e9) is shown by its written form only.
            lost += [self.shown[f"{kind}:{k}"] for k in mine - theirs
                     if f"{kind}:{k}" in self.shown]
            gained += [other.shown[f"{kind}:{k}"] for k in theirs - mine
                       if f"{kind}:{k}" in other.shown]
        return lost, gained


_NUMBER_SHOWN_RE = re.compile(r"\d+(?:[.,]\d+)*(?:st|nd|rd|th)?|\b[a-z]+\b", re.IGNORECASE)


def facts_of(text: str) -> Facts:
    """The numbers, names and negations of ``text``.

    A name is a capitalised word that does not open a sentence, or a word of a
    script without case (Hangul, Han); months count as names, so a date is its
    numbers and its month.
    """
    shown: dict[str, str] = {}
    numbers: Counter[float] = Counter()
    for value in numbers_in(text):
        key = round(value, 6)
        numbers[key] += 1
    for m in _NUMBER_SHOWN_RE.finditer(text):
        vals = numbers_in(m[0])
        if vals:
            shown.setdefault(f"n:{round(vals[0], 6)}", m[0])
    names: Counter[str] = Counter()
    negations: Counter[str] = Counter()
    opening = True
    for m in _WORD_RE.finditer(text):
        w = m[0]
        folded = strip_accents(w).casefold()
        if folded in NEGATIONS or folded.endswith("n't"):
            negations[folded] += 1
            shown[f"w:{folded}"] = w
        elif not opening and (_CAP_RE.match(w) or (w[0].isalpha() and not w[0].isascii()
                                                    and w.lower() == w.upper())):
            names[folded] += 1
            shown[f"w:{folded}"] = w
        opening = bool(_SENTENCE_END_RE.search(text[m.end():m.end() + 2]))
    return Facts(numbers, names, negations, shown)


# --------------------------------------------------------------------------- passages


@dataclass(frozen=True)
class Passage:
    """A sentence, a bullet or an infobox line (``Key: Value``), with its offsets."""

    start: int
    end: int
    text: str
    section: str
    kind: str  # "sentence" | "bullet" | "field"


@dataclass(frozen=True)
class Span:
    """Where a text was found: offsets into ``article.text``, how, and how well (0..100)."""

    start: int
    end: int
    how: str  # "exact" | "folded" | "fuzzy"
    score: float


_FIELD_LEAD_RE = re.compile(r"-\s*")


class Anchors:
    """An article prepared for anchoring: its quote index, folded text and passages."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.index = QuoteIndex(article)
        self.folded, self.fold_offsets = fold_with_offsets(article.text)

    # -- the pieces of the article ------------------------------------------

    @cached_property
    def passages(self) -> list[Passage]:
        out: list[Passage] = []
        for f in self.article.infobox:
            lead = _FIELD_LEAD_RE.match(self.text, f.line_start)
            start = lead.end() if lead else f.line_start
            out.append(Passage(start, f.line_end, self.text[start:f.line_end],
                               self.article.section_title_at(start), "field"))
        for section in self.article.sections:
            for p in section.paragraphs:
                for s in p.sentences:
                    out.append(Passage(s.start, s.end, s.text, section.title,
                                       "bullet" if p.bullet else "sentence"))
        return out

    @cached_property
    def _blocks(self) -> list[tuple[str, list[int]]]:
        """Paragraphs and infobox lines, folded: where fuzzy matches are looked for."""
        spans = [(f.line_start, f.line_end) for f in self.article.infobox]
        spans += [(p.start, p.end) for p in self.article.paragraphs]
        return [fold_with_offsets(self.text[a:b], a) for a, b in spans]

    @cached_property
    def idf(self) -> dict[str, float]:
        """Inverse passage frequency of each content stem: rare words weigh more."""
        counts: Counter[str] = Counter()
        for p in self.passages:
            counts.update(self.words(p))
        n = max(len(self.passages), 1)
        return {w: math.log((n + 1) / (c + 0.5)) for w, c in counts.items()}

    def words(self, p: Passage) -> set[str]:
        return self._words.setdefault(p.start, content_words(p.text))

    def pairs(self, p: Passage) -> set[tuple[str, str]]:
        return self._pairs.setdefault(p.start, bigrams(p.text))

    @cached_property
    def _pairs(self) -> dict[int, set[tuple[str, str]]]:
        return {}

    @cached_property
    def _words(self) -> dict[int, set[str]]:
        return {}

    def weight(self, word: str) -> float:
        return self.idf.get(word, math.log(len(self.passages) + 2))

    def section_at(self, offset: int) -> str:
        return self.article.section_title_at(offset)

    # -- finding a quote ----------------------------------------------------

    def exact(self, quote: str) -> list[Span]:
        needle = normalise_ws(quote)
        if not needle:
            return []
        idx = self.index
        return [Span(idx.offsets[h], idx.offsets[h + len(needle) - 1] + 1, "exact", 100.0)
                for h in idx.find_all(needle)]

    def folded_hits(self, quote: str) -> list[Span]:
        needle = fold_text(quote)
        if not needle:
            return []
        hay = f" {self.folded} "
        out, at = [], hay.find(f" {needle} ")
        while at >= 0:
            first, last = at, at + len(needle) - 1  # in self.folded (hay has a leading space)
            out.append(self._snap(Span(self.fold_offsets[first],
                                       self.fold_offsets[last] + 1, "folded", 100.0), quote))
            at = hay.find(f" {needle} ", at + 1)
        return out

    def fuzzy(self, quote: str, threshold: float = FUZZY_THRESHOLD) -> list[Span]:
        """The best window of each paragraph scoring at least ``threshold``, best first."""
        needle = fold_text(quote)
        if len(needle) < 8:  # too short to tell a rewording from a coincidence
            return []
        out = []
        for folded, offsets in self._blocks:
            if not folded:
                continue
            if len(needle) <= len(folded):
                al = fuzz.partial_ratio_alignment(needle, folded, score_cutoff=threshold)
                if al is None or al.dest_end <= al.dest_start:
                    continue
                a, b, score = al.dest_start, al.dest_end, al.score
            else:
                # A block shorter than the quote is compared whole: that the quote
                # contains a short line ("Agency Name: ...") says nothing.
                score = fuzz.ratio(needle, folded)
                if score < threshold:
                    continue
                a, b = 0, len(folded)
            span = Span(offsets[a], offsets[b - 1] + 1, "fuzzy", score)
            out.append(self._snap(span, quote))
        out.sort(key=lambda s: -s.score)
        return out

    def find(self, quote: str, *, threshold: float = FUZZY_THRESHOLD) -> list[Span]:
        """The spans of the first tier that finds ``quote`` (exact, folded, fuzzy)."""
        return self.exact(quote) or self.folded_hits(quote) or self.fuzzy(quote, threshold)

    def _snap(self, span: Span, quote: str) -> Span:
        """Widen ``span`` to whole words, and to the quote's own closing punctuation."""
        t = self.text
        start, end = span.start, span.end
        while start > 0 and t[start - 1].isalnum() and t[start].isalnum():
            start -= 1
        while end < len(t) and t[end].isalnum() and t[end - 1].isalnum():
            end += 1
        q = quote.strip()
        while end < len(t) and q and not q[-1].isalnum() and t[end] == q[-1] and (
                t[start:end].strip()[-1:] != q[-1]):
            end += 1
        while start < end and t[start].isspace():
            start += 1
        while end > start and t[end - 1].isspace():
            end -= 1
        return Span(start, end, span.how, span.score)

    # -- what a span needs to be found again --------------------------------

    def occurrences(self, quote: str) -> list[int]:
        """Offsets in the article where the whitespace-normalised ``quote`` begins."""
        needle = normalise_ws(quote)
        return [self.index.offsets[h] for h in self.index.find_all(needle)] if needle else []

    def evidence_at(self, span: Span, *, keep_section: bool = True) -> Evidence | None:
        """An evidence entry that the loader resolves to ``span`` (a prefix if it must), or None."""
        quote = normalise_ws(self.text[span.start:span.end])
        if not quote:
            return None
        section = self.section_at(span.start) if keep_section else None
        hits = self.occurrences(quote)
        if section is not None:
            hits = [h for h in hits if self.section_at(h) == section]
        if hits == [span.start]:
            return Evidence(quote=quote, section=section)
        # Several: the fewest words before it that only this occurrence has.
        before = normalise_ws(self.text[max(0, span.start - 200):span.start]).split(" ")
        norm = self.index.norm
        at = self.index.norm_at(span.start)
        for n in range(1, min(len(before), 12) + 1):
            prefix = " ".join(before[-n:])
            same = [h for h in self.index.find_all(quote)
                    if norm[:h].rstrip().endswith(prefix)
                    and (section is None or self.section_at(self.index.offsets[h]) == section)]
            if same == [at]:
                return Evidence(quote=quote, prefix=prefix, section=section)
        return None

    def context_score(self, span: Span, before: str, after: str) -> float:
        """How much the text around ``span`` looks like ``before``/``after`` (0..200)."""
        here_before = fold_text(self.text[max(0, span.start - 80):span.start])
        here_after = fold_text(self.text[span.end:span.end + 80])
        b, a = fold_text(before), fold_text(after)
        score = 0.0
        if b:
            score += fuzz.ratio(b[-60:], here_before[-60:])
        if a:
            score += fuzz.ratio(a[:60], here_after[:60])
        return score
