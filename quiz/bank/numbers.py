"""Numbers as people write them: ``4,498.57``, ``8.0 billion``, ``four``, ``20th``."""

from __future__ import annotations

import re

WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

_NUM_RE = re.compile(
    r"(?<![\w.])(?P<sign>[-−])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:st|nd|rd|th)?"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"\b(" + "|".join(WORDS) + r")\b", re.IGNORECASE)


def parse_number(text: str) -> float | None:
    """The single number ``text`` spells, or None: ``"4,498.57"``, ``"8 billion"``."""
    t = text.strip().replace("\u2212", "-")
    t = re.sub(r"^[$€£¥₩]\s*", "", t)
    if t.lower() in WORDS:
        return float(WORDS[t.lower()])
    m = _NUM_RE.fullmatch(t)
    if not m:
        return None
    value = float(m["num"].replace(",", ""))
    if m["scale"]:
        value *= SCALES[m["scale"].lower()]
    return -value if m["sign"] else value


def numbers_in(text: str) -> list[float]:
    """Every number in ``text``, both as written and scaled (``8.0 billion`` gives 8 and 8e9)."""
    out: list[float] = []
    for m in _NUM_RE.finditer(text):
        value = float(m["num"].replace(",", ""))
        if m["sign"]:
            value = -value
        out.append(value)
        if m["scale"]:
            out.append(value * SCALES[m["scale"].lower()])
    out.extend(float(WORDS[w.lower()]) for w in _WORD_RE.findall(text))
    return out
