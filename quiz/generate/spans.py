"""Typed spans found by pattern: dates, years, times, money and quantities.

Names (people, places, organisations) are found in ``entities``; these are
the spans a regular expression can recognise on its own.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from quiz.bank.numbers import WORDS, parse_number
from quiz.generate.text import wordset

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)
MONTH_INDEX = {m: i + 1 for i, m in enumerate(MONTHS)}
_M = "|".join(MONTHS)
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"thousand|million|billion|trillion"

_DMY_RE = re.compile(rf"\b(?P<d>[0-3]?\d) (?P<m>{_M}),? (?P<y>\d{{3,4}})\b")
_MDY_RE = re.compile(rf"\b(?P<m>{_M}) (?P<d>[0-3]?\d),? (?P<y>\d{{3,4}})\b")
_MY_RE = re.compile(rf"\b(?P<m>{_M}) (?P<y>\d{{4}})\b")
_DM_RE = re.compile(rf"\b(?P<d>[0-3]?\d) (?P<m>{_M})\b(?!,? \d)")
_MD_RE = re.compile(rf"\b(?P<m>{_M}) (?P<d>[0-3]?\d)\b(?!,? \d)(?!\d)")
# A year with its era ("105 CE", "208 BC"): the era makes it a date wherever it stands.
_ERA_YEAR_RE = re.compile(r"(?<![\w$€£¥₩.,–-])(?P<y>[1-9]\d{0,3}) (?P<era>BCE|BC|CE|AD)\b(?!\.\w)")
_YEAR_RE = re.compile(r"(?<![\w$€£¥₩.,–-])(?P<y>1\d{3}|20\d{2})(?![\w%–-]|[.,]\d)")
# A year is a date only after words that introduce one ("in 1571", "by 2005"):
# "the 2018 agreement" uses it as a modifier, and a question there reads badly.
_YEAR_CUES = wordset(
    "in since by until till from before after around circa c. during of early late mid"
)
# "the 19th century": when a kind of thing arose or spread, in a concept's article
_CENTURY_RE = re.compile(r"(?<![\w-])(?P<n>[12]?\d)(?:st|nd|rd|th) century\b(?! ?[A-Z])")
_TIME_RE = re.compile(r"\b(?P<h>[0-2]?\d):(?P<min>[0-5]\d)(?:\s?(?P<ap>[ap]\.m\.|[ap]m)(?!\w))?")
_MONEY_SYMBOL_RE = re.compile(
    rf"(?P<cur>US\$|A\$|C\$|[$€£¥₩])\s?(?P<num>{_NUM})(?:\s(?P<scale>{_SCALE})\b)?"
)
_MONEY_CODE_RE = re.compile(
    rf"(?<![\w.])(?P<num>{_NUM})(?:\s(?P<scale>{_SCALE}))?\s"
    r"(?P<cur>[A-Z]{3}\b|dollars\b|euros\b|pounds sterling\b|pounds\b|won\b|yen\b|francs\b"
    r"|lire\b|marks\b|escudos\b|reais\b|rupees\b|roubles\b|rubles\b|yuan\b)"
)
UNITS = (
    "km2", "km²", "m2", "m²", "sq mi", "km/h", "mph", "km", "cm", "mm", "m", "mi", "ft", "kg",
    "g", "t", "ha", "kW", "MW", "GW", "°C", "°F", "%", "per cent", "percent",
    "kilometres", "kilometers", "metres", "meters", "miles", "feet", "inches", "hectares",
    "acres", "tonnes", "tons", "kilograms", "grams", "litres", "liters", "square kilometres",
    "square kilometers", "square metres", "square meters", "square miles",
)
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_QUANTITY_RE = re.compile(
    rf"(?<![\w.$€£¥₩])(?P<num>{_NUM})(?:\s(?P<scale>{_SCALE}))?\s?(?P<unit>{_UNIT_ALT})"
    r"(?![\w²])"
)
_NUMBER_WORDS = "|".join(w for w in WORDS if w not in ("zero", "hundred", "thousand"))
# "three men", "12 species": a count of things, the noun is the unit.
_COUNT_RE = re.compile(
    rf"(?<![\w.,$-])(?P<num>\d{{1,3}}(?:,\d{{3}})*|\b(?:{_NUMBER_WORDS}))"
    r" (?P<unit>(?:[a-z]+ )?(?:[a-z]{2,}s|men|women|people|children|feet|teeth|mice|geese|"
    r"fish|sheep|deer|species|aircraft|personnel|staff|crew))\b",
    re.IGNORECASE,
)
_COUNT_NOT_UNIT = wordset(
    "years days months weeks hours minutes seconds times was is has his its this "
    "thus plus"
)


@dataclass(frozen=True)
class Span:
    """A typed piece of a sentence: ``text`` is exactly ``sentence[start:end]``."""

    text: str
    start: int
    end: int
    kind: str  # date | daymonth | monthyear | year | erayear | century | time | money |
    # quantity | count
    value: float | tuple[int, ...] | None = None
    unit: str | None = None  # quantity/money/count: what is counted ("km", "KRW", "men")
    number_text: str | None = None  # the number as written ("8.0 billion", "three")


def _overlaps(a: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in taken)


def _prev_word(text: str, at: int) -> str:
    m = re.search(r"([\w.]+)\W*$", text[max(0, at - 100):at])  # a window: see _cue_votes
    return m.group(1).lower() if m else ""


def find_spans(text: str) -> list[Span]:
    """Every date, time, money amount and quantity in ``text``, left to right."""
    # the rules and checks read the same sentences many times over; a long text is not kept
    return list(_find_spans_cached(text) if len(text) <= 2000 else _find_spans(text))


@functools.lru_cache(maxsize=4096)
def _find_spans_cached(text: str) -> tuple[Span, ...]:
    return tuple(_find_spans(text))


def _find_spans(text: str) -> list[Span]:
    out: list[Span] = []
    taken: list[tuple[int, int]] = []

    def add(span: Span) -> None:
        if not _overlaps((span.start, span.end), taken):
            out.append(span)
            taken.append((span.start, span.end))

    for m in _DMY_RE.finditer(text):
        ymd = (int(m["y"]), MONTH_INDEX[m["m"]], int(m["d"]))
        if 1 <= ymd[2] <= 31:
            add(Span(m[0], m.start(), m.end(), "date", ymd))
    for m in _MDY_RE.finditer(text):
        ymd = (int(m["y"]), MONTH_INDEX[m["m"]], int(m["d"]))
        if 1 <= ymd[2] <= 31:
            add(Span(m[0], m.start(), m.end(), "date", ymd))
    for m in _MY_RE.finditer(text):
        add(Span(m[0], m.start(), m.end(), "monthyear", (int(m["y"]), MONTH_INDEX[m["m"]])))
    for rx in (_DM_RE, _MD_RE):
        for m in rx.finditer(text):
            if 1 <= int(m["d"]) <= 31:
                add(Span(m[0], m.start(), m.end(), "daymonth",
                         (MONTH_INDEX[m["m"]], int(m["d"]))))
    for m in _TIME_RE.finditer(text):
        if int(m["h"]) <= 24:
            add(Span(m[0], m.start(), m.end(), "time", (int(m["h"]), int(m["min"]))))
    for rx in (_MONEY_SYMBOL_RE, _MONEY_CODE_RE):
        for m in rx.finditer(text):
            num = m["num"] + (f" {m['scale']}" if m["scale"] else "")
            value = parse_number(num)
            if value is None:
                continue
            cur = m["cur"]
            if rx is _MONEY_CODE_RE and cur.isupper() and not _looks_like_currency(cur):
                continue
            add(Span(m[0], m.start(), m.end(), "money", value, cur, num))
    for m in _QUANTITY_RE.finditer(text):
        num = m["num"] + (f" {m['scale']}" if m["scale"] else "")
        value = parse_number(num)
        if value is not None:
            add(Span(m[0], m.start(), m.end(), "quantity", value, m["unit"], num))
    for m in _ERA_YEAR_RE.finditer(text):
        if not _in_range(text, m.start(), m.end()):
            y = int(m["y"])
            add(Span(m[0], m.start(), m.end(), "erayear", (-y if m["era"] in ("BC", "BCE") else y,),
                     m["era"]))
    for m in _YEAR_RE.finditer(text):
        if _prev_word(text, m.start()) in _YEAR_CUES and not _in_range(text, m.start(), m.end()):
            add(Span(m[0], m.start(), m.end(), "year", (int(m["y"]),)))
    for m in _CENTURY_RE.finditer(text):
        add(Span(m[0], m.start(), m.end(), "century", (int(m["n"]),)))
    for m in _COUNT_RE.finditer(text):
        unit = m["unit"]
        if unit.split()[-1].lower() in _COUNT_NOT_UNIT or unit[0].isupper():
            continue
        value = parse_number(m["num"])
        if value is None or _in_range(text, m.start(), m.end()):
            continue
        add(Span(m[0], m.start(), m.end(), "count", value, unit, m["num"]))
    out.sort(key=lambda s: s.start)
    return out


def _in_range(text: str, start: int, end: int) -> bool:
    """Part of a range like ``1860–1861`` (asking for one end reads badly)."""
    return bool(re.match(r"\s?[–—-]\s?\d", text[end:end + 3])
                or re.search(r"\d\s?[–—-]\s?$", text[max(0, start - 3):start]))


CURRENCY_CODES = wordset(
    "USD EUR GBP JPY KRW KPW CNY INR RUB BRL CHF CAD AUD MXN ZAR SEK NOK DKK PLN TRY "
    "HKD SGD NZD THB IDR PHP VND EGP NGN KES ARS CLP COP PEN PTE ITL FRF DEM ESP"
)


def _looks_like_currency(code: str) -> bool:
    return code in CURRENCY_CODES


def date_parts(span: Span) -> tuple[int, ...]:
    """The numbers of a date, year or time span: (year, month, day), (month, day), ..."""
    assert isinstance(span.value, tuple), "find_spans gives every date kind a tuple value"
    return span.value


def date_sort_key(span: Span) -> tuple[int, int, int] | None:
    """A comparable (year, month, day) for spans that carry a year."""
    if not isinstance(span.value, tuple):
        return None
    if span.kind == "date":
        return span.value  # type: ignore[return-value]
    if span.kind == "monthyear":
        return (span.value[0], span.value[1], 0)
    if span.kind in ("year", "erayear"):
        return (span.value[0], 0, 0)
    return None


def date_forms(span: Span) -> list[str]:
    """Other ways to write a full date: ``16 June 2020`` <-> ``June 16, 2020``;
    ``105 CE`` <-> ``105 AD`` <-> ``105`` (an era-less year is read as CE)."""
    if span.kind == "erayear" and isinstance(span.value, tuple):
        y = abs(span.value[0])
        pair = ("BC", "BCE") if span.value[0] < 0 else ("AD", "CE")
        forms = [f"{y} {e}" for e in pair] + ([] if span.value[0] < 0 else [str(y)])
        return [f for f in forms if f != span.text]
    if span.kind != "date" or not isinstance(span.value, tuple):
        return []
    y, m, d = span.value
    if y < 1000:
        return []  # "7 July 189": the loader reads no other spelling of an early date
    forms = [f"{d} {MONTHS[m - 1]} {y}", f"{MONTHS[m - 1]} {d}, {y}"]
    return [f for f in forms if f != span.text]


def format_like(span: Span, value: tuple[int, ...]) -> str:
    """Write the date ``value`` in the same style as ``span`` (for distractors)."""
    if span.kind == "year":
        return str(value[0])
    if span.kind == "erayear":
        return f"{abs(value[0])} {span.unit}"
    if span.kind == "monthyear":
        return f"{MONTHS[value[1] - 1]} {value[0]}"
    if span.kind == "daymonth":
        month, day = value[0], value[1]
        return (f"{MONTHS[month - 1]} {day}" if span.text[0].isalpha()
                else f"{day} {MONTHS[month - 1]}")
    y, m, d = value
    if span.text[0].isalpha():
        return f"{MONTHS[m - 1]} {d}, {y}" if "," in span.text else f"{MONTHS[m - 1]} {d} {y}"
    return f"{d} {MONTHS[m - 1]} {y}"
