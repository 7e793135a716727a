"""Dates and times as people type them: ``16 June 2020``, ``16/06/2020``, ``2:50 pm``."""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass

from quiz.bank.normalize import strip_accents
from quiz.bank.numbers import ORDINALS
from quiz.play.answers.typos import distance

# Spelled out rather than taken from ``calendar``, whose names follow the locale.
_MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"]
_MONTHS = {name: i for i, name in enumerate(_MONTH_NAMES, 1)}
_MONTH_ABBR = {name[:3]: i for name, i in _MONTHS.items()} | {"sept": 9}
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_SKIP = {"of", "the", "on", "st", "nd", "rd", "th"} | set(_DAYS) | {d[:3] for d in _DAYS}


@dataclass(frozen=True)
class Date:
    year: int | None
    month: int
    day: int | None
    close: bool = False  # a month name was read through a typo


def _month(token: str) -> tuple[int, bool] | None:
    if token in _MONTHS:
        return _MONTHS[token], False
    if token in _MONTH_ABBR:
        return _MONTH_ABBR[token], False
    if len(token) >= 4:  # "Jnue" -> June, but only when no other month is as near
        near = [m for name, m in _MONTHS.items() if distance(token, name, 2) <= 1]
        if len(near) == 1:
            return near[0], True
    return None


def parse_date(text: str, *, month_first: bool = False) -> Date | None:
    """A calendar date in a common English form, or None.

    A numeric date is read the only way it can be when one part is over 12
    (16/06/2020 and 06/16/2020 are both 16 June); when both parts could be
    the month it is read day-first, or month-first with ``month_first`` (a
    bank written for US readers). A four-digit year first is ISO (2020-06-16);
    two-digit years are not read. Ordinal words count as days ("sixteenth").
    """
    text = unicodedata.normalize("NFKC", text)
    raw = re.findall(r"\d+|[^\W\d_]+", strip_accents(text).casefold())
    if len(raw) > 8:
        return None
    kinds: list[str] = []
    values: list[int] = []
    close = False
    for tok in raw:
        if tok.isdecimal():  # not isdigit: "²" is a digit int() cannot read
            if len(tok) > 4:
                return None
            kinds.append("Y" if len(tok) == 4 else "N")
            values.append(int(tok))
        elif tok in _SKIP:
            continue
        elif tok in ORDINALS and ORDINALS[tok] <= 31:
            kinds.append("N")
            values.append(int(ORDINALS[tok]))
        elif (named := _month(tok)) is not None:
            kinds.append("M")
            values.append(named[0])
            close = close or named[1]
        else:
            return None
    shape = "".join(kinds)
    v = values
    fields: tuple[int | None, int, int | None]
    if shape == "NMY":
        fields = (v[2], v[1], v[0])
    elif shape == "MNY":
        fields = (v[2], v[0], v[1])
    elif shape in ("YMN", "YNN"):
        fields = (v[0], v[1], v[2])
    elif shape == "NNY":
        us = v[1] > 12 or (month_first and v[0] <= 12)
        fields = (v[2], v[0], v[1]) if us else (v[2], v[1], v[0])
    elif shape == "NM":
        fields = (None, v[1], v[0])
    elif shape == "MN":
        fields = (None, v[0], v[1])
    elif shape == "MY":
        fields = (v[1], v[0], None)
    elif shape == "YM":
        fields = (v[0], v[1], None)
    else:
        return None
    year, month, day = fields
    if not 1 <= month <= 12:
        return None
    if day is not None:
        last = calendar.monthrange(year, month)[1] if year else (29 if month == 2 else 31)
        if not 1 <= day <= last:
            return None
    if year is not None and not 1 <= year <= 9999:
        return None
    return Date(year, month, day, close)


_TIME_RE = re.compile(
    r"(?:at\s+)?(?P<h>\d{1,2})(?:\s*[:.h]\s*(?P<m>\d{2}))?\s*"
    r"(?:(?P<mer>[ap])\.?\s*m?\.?)?(?:\s*(?:hours|hrs|h))?",
)


def parse_time(text: str, *, strict: bool = False) -> tuple[int, int] | None:
    """(hour, minute) on a 24-hour clock from ``2:50 pm``, ``2.50pm``, ``14:50``, or None.

    ``strict`` (used for the answer itself) wants a colon or am/pm, so an
    answer like ``2.50`` is not taken for a time.
    """
    t = unicodedata.normalize("NFKC", text).strip().casefold()
    if t in ("noon", "midday", "12 noon"):
        return (12, 0)
    if t == "midnight":
        return (0, 0)
    m = _TIME_RE.fullmatch(t)
    if not m:
        return None
    if m["m"] is None and m["mer"] is None:
        return None
    if strict and m["mer"] is None and ":" not in t:
        return None
    hour, minute = int(m["h"]), int(m["m"] or 0)
    if minute > 59:
        return None
    if m["mer"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m["mer"] == "p" else 0)
    elif hour > 23:
        return None
    return (hour, minute)
