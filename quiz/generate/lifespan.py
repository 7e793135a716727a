"""When the subject began and ended (born/died, founded/dissolved, signed/suspended),
and the facts the article gives two values for.

Wrong options must respect the subject's own dates: a birth year after the death
year, or a founding after the dissolution, is an option a student can rule out
without knowing anything. And when the infobox and the prose disagree (two birth
years from two sources), asking for "the" year would mark a right answer wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quiz.bank.article import Article, normalise_ws
from quiz.generate.context import infobox_fields
from quiz.generate.spans import date_sort_key, find_spans

START, END = "start", "end"
# infobox keys (as lowercase words) that date the subject's beginning or end
_START_KEYS = re.compile(
    r"^(?:born|birth|birth date|date of birth|founded|founding|foundation|established|"
    r"formed|formation|created|creation|inaugurated|inauguration|opened|opening|signed|"
    r"date signed|built|commissioned|launched|launch date|start date|began|date founded|"
    r"date established|date formed|date opened)$")
_END_KEYS = re.compile(
    r"^(?:died|death|death date|date of death|dissolved|dissolution|defunct|abolished|"
    r"closed|closure|demolished|demolition|destroyed|disbanded|end date|ended|suspended|"
    r"terminated|date dissolved|date closed|date demolished|decay date|decayed)$")
# words of a question about the subject's beginning or end
START_WORDS = re.compile(
    r"\b(?:born|birth|founded|established|formed|created|inaugurated|opened|signed|built|"
    r"constructed|commissioned|launched|begin|began|start|started)\b", re.IGNORECASE)
END_WORDS = re.compile(
    r"\b(?:die|died|death|dissolved|abolished|closed|demolished|destroyed|disbanded|"
    r"suspended|ended|end|terminated)\b", re.IGNORECASE)
_YEAR_RE = re.compile(r"(?<![\d.,:/])(\d{3,4})(?:-\d\d-\d\d)?(?![\d%]|[.,]\d)")
_AGED_RE = re.compile(r"\(\s*aged?[^)]*\)", re.IGNORECASE)
_BC_RE = re.compile(r"\b(?:BC|BCE|B\.C\.)\b")


Key = tuple[int, int, int]  # (year, month, day); 0 where the article does not say


@dataclass
class Lifespan:
    """The dates the article gives for the subject's start and end (each may hold several
    when sources disagree)."""

    start_dates: set[Key] = field(default_factory=set)
    end_dates: set[Key] = field(default_factory=set)
    person: bool = False  # born and died, not founded and dissolved
    # every date the article gives, in order: what else happened in the subject's life
    all_dates: list[Key] = field(default_factory=list)

    @property
    def start(self) -> set[int]:
        return {k[0] for k in self.start_dates}

    @property
    def end(self) -> set[int]:
        return {k[0] for k in self.end_dates}

    @property
    def first(self) -> Key | None:
        """The earliest start, as precisely as the article gives it."""
        return _most_precise(self.start_dates, min(self.start)) if self.start_dates else None

    @property
    def last(self) -> Key | None:
        return _most_precise(self.end_dates, max(self.end)) if self.end_dates else None

    def next_after(self, key: Key) -> Key | None:
        """The first date the article gives after ``key`` (as finely as both are known)."""
        return next((k for k in self.all_dates if side(k, key) > 0), None)

    def last_before(self, key: Key) -> Key | None:
        return next((k for k in reversed(self.all_dates) if side(k, key) < 0), None)

    def conflict(self, which: str) -> bool:
        return len(self.start if which == START else self.end) > 1


def side(a: Key, b: Key) -> int:
    """-1, 0 or 1: ``a`` before, on or after ``b``, compared only as finely as both are
    known (a bare year against a full date)."""
    if 0 in (a[1], b[1]):
        a, b = (a[0], 0, 0), (b[0], 0, 0)
    elif 0 in (a[2], b[2]):
        a, b = (a[0], a[1], 0), (b[0], b[1], 0)
    return (a > b) - (a < b)


_PERSON_KEYS = re.compile(r"^(?:born|birth|birth date|date of birth|died|death|death date|"
                          r"date of death)$")


def _most_precise(keys: set[Key], year: int) -> Key:
    return max((k for k in keys if k[0] == year), key=lambda k: (k[1] > 0, k[2] > 0, k))


def dates_in(text: str) -> list[Key]:
    """The dates a date value names ("170 or 178", "7 July 189", "1893-05-15", "50 BC")."""
    text = _AGED_RE.sub(" ", text)
    out: list[Key] = []
    for s in find_spans(text):
        key = date_sort_key(s)
        if key is not None:
            out.append(key)
    if not out:
        bc = bool(_BC_RE.search(text))
        for m in _YEAR_RE.finditer(text):
            y = -int(m.group(1)) if bc else int(m.group(1))
            iso = re.fullmatch(r"\d{4}-(\d\d)-(\d\d)", m.group(0))
            out.append((y, int(iso.group(1)), int(iso.group(2))) if iso else (y, 0, 0))
    return list(dict.fromkeys(k for k in out if k[0] != 0))


def years_in(text: str) -> list[int]:
    return list(dict.fromkeys(k[0] for k in dates_in(text)))


def _key_words(key: str) -> str:
    return " ".join(re.findall(r"[a-z]+", key.lower().replace("_", " ")))


def lifespan(article: Article) -> Lifespan:
    life = Lifespan()
    found: set[Key] = set()
    # (the unlabelled "- Born: 1745-02-11" bullets that open an article count as well)
    for f in infobox_fields(article):
        key = _key_words(f.key)
        found.update(dates_in(f.value))
        life.person = life.person or bool(_PERSON_KEYS.match(key))
        if _START_KEYS.match(key):
            life.start_dates.update(dates_in(f.value))
        elif _END_KEYS.match(key):
            life.end_dates.update(dates_in(f.value))
    lead = _lead_dates(article)
    if lead is not None:
        life.start_dates.update(lead[0])
        life.end_dates.update(lead[1])
    for s in article.sentences:
        m = re.search(r"\b(?:was|were) born\b([^;]*)", s.text)
        if m and _about_subject(s.text, article.title):
            clause = re.split(r",? and\b|\. ", m.group(1))[0]
            life.start_dates.update(dates_in(clause)[:1])
            life.person = True
    for p in article.paragraphs:
        for sp in find_spans(normalise_ws(p.text)):
            k = date_sort_key(sp)
            if k is not None and k[0] != 0:
                found.add(k)
    life.all_dates = sorted(found)
    return life


def _about_subject(sentence: str, title: str) -> bool:
    first = sentence.split(" ", 1)[0]
    words = set(title.split())
    return first in ("He", "She") or first in words or sentence.startswith(title)


def _lead_dates(article: Article) -> tuple[list[Key], list[Key]] | None:
    """"Orazio Antinori (28 October 1811 – 26 August 1882) was ...": the brackets right
    after the subject's name in the first sentence."""
    for p in article.paragraphs:
        if p.bullet or not p.sentences:
            continue
        first = p.sentences[0].text
        m = re.match(r"[^()]{1,80}?\(([^()]*)\)", first)
        if not m or not any(w in m.group(0) for w in article.title.split()[:1]):
            return None
        inside = m.group(1)
        parts = [x for x in re.split(r";\s*or\s+", inside) if x.strip()]
        starts: list[Key] = []
        ends: list[Key] = []
        for part in parts:
            halves = re.split(r"\s+[–—-]\s+|(?<=\d)[–—-](?=\d)", part, maxsplit=1)
            if len(halves) != 2:
                if re.match(r"\s*(?:died|d\.)", part):
                    ends += dates_in(part)[:1]
                continue
            a, b = dates_in(halves[0]), dates_in(halves[1])
            if _BC_RE.search(halves[1]) and not _BC_RE.search(halves[0]):
                a = [(-k[0], k[1], k[2]) for k in a]  # "(50 – 10 BC)": both ends are BC
            starts += a[:1]
            ends += b[:1]
        if not starts and not ends:
            return None
        return starts, ends
    return None
