"""Finding dates inside bank and article text: ``16 June 2020``, ``13 June``, ``2018-09-14``.

The answer checker reads what a player typed (``quiz.play.answers.dates``); the
bank's own checks need something else: every date a passage, a hint or a prompt
*contains*, so that a quote can be said to hold an answer's date and a timeline
can be read off its evidence. The bank sits below the player's side, so this
finder is its own small thing; a test keeps the two in agreement.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_MONTH = (r"(?P<{}>" + "|".join(m[:3] + (m[3:] and f"(?:{m[3:]})?") for m in MONTHS)
          + r"|sept)\.?")
_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{}>\d{{4}})"

_PATTERNS = [
    # 16 June 2020, 16 June
    re.compile(rf"\b{_DAY.format('d')}(?:\s+of)?\s+{_MONTH.format('m')}(?:,?\s+{_YEAR.format('y')})?\b",
               re.IGNORECASE),
    # June 16, 2020, June 16
    re.compile(rf"\b{_MONTH.format('m')}\s+{_DAY.format('d')}(?:,?\s+{_YEAR.format('y')})?\b",
               re.IGNORECASE),
    # June 2020
    re.compile(rf"\b{_MONTH.format('m')},?\s+{_YEAR.format('y')}\b", re.IGNORECASE),
    # 2020-06-16
    re.compile(r"\b(?P<y>\d{4})-(?P<mn>\d{1,2})-(?P<d>\d{1,2})\b"),
    # 16/6/2020 (day first), or 6/16/2020 when only the US reading is a date
    re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})\b"),
    # a year alone: 2005 (not 4498, not 2005.5, not $2005)
    re.compile(r"(?<![\d.,$€£¥₩])\b(?P<y>1[5-9]\d\d|20\d\d)\b(?![.,]\d)"),
]
_BOUND_RE = re.compile(r"\b(?:by|before|until|till|no later than|not later than)\s*$",
                       re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateIn:
    """A date found in a text, with the part that is not stated left None."""

    year: int | None
    month: int | None  # None: a year alone
    day: int | None
    start: int
    end: int
    upper_bound: bool = False  # "by 25 October 2018": only a latest date

    @property
    def value(self) -> tuple[int | None, int | None, int | None]:
        return (self.year, self.month, self.day)


def _month_number(word: str) -> int:
    w = word.rstrip(".").casefold()
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(w[:3]))


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is None:
        return True
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    last = calendar.monthrange(year, month)[1] if year else (29 if month == 2 else 31)
    return 1 <= day <= last


def dates_in(text: str) -> list[DateIn]:
    """Every date in ``text``, earliest position first, none overlapping another."""
    text = unicodedata.normalize("NFKC", text)
    found: list[DateIn] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            g = m.groupdict()
            year = int(g["y"]) if g.get("y") else None
            month: int | None
            if len(g) == 1:
                day, month = None, None
            elif "a" in g:  # numeric d/m/y, read day first unless only m/d/y makes a date
                a, b = int(g["a"]), int(g["b"])
                day, month = (a, b) if b <= 12 else (b, a)
            elif "mn" in g:
                day, month = int(g["d"]), int(g["mn"])
            else:
                month = _month_number(g["m"])
                day = int(g["d"]) if g.get("d") else None
            if not _valid(year, month, day):
                continue
            bound = bool(_BOUND_RE.search(text[:m.start()]))
            found.append(DateIn(year, month, day, m.start(), m.end(), bound))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


_FILLER_RE = re.compile(r"^\s*(?:on\s+|the\s+)*|[\s,.]*$", re.IGNORECASE)


def single_date(text: str) -> tuple[int | None, int | None, int | None] | None:
    """The date ``text`` is, when it is nothing but one date (``on 16 June 2020``), else None.

    A year alone is a number, not a date, here.
    """
    bare = _FILLER_RE.sub("", unicodedata.normalize("NFKC", text))
    found = dates_in(bare)
    if (len(found) == 1 and found[0].month is not None and found[0].start == 0
            and found[0].end == len(bare)):
        return found[0].value
    return None
