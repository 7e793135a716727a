"""How many typing slips an answer may carry and still count.

The allowance is guarded: it never bridges a different number or year, and
short words (the syllable that tells "Jong-su" from "Jong-un") get none.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_DIGITS_RE = re.compile(r"\d+")


def distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, capped at ``limit``.

    Adjacent transpositions count as one edit: "Kaesnog" is one edit from "Kaesong".
    """
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) >= limit:
            return limit
        prev2, prev = prev, cur
    return min(prev[-1], limit)


def typo_budget(length: int) -> int:
    """Edits allowed for an answer (or a word of it) of ``length`` folded characters."""
    if length < 5:
        return 0
    return 1 if length <= 8 else 2


def word_budget(length: int) -> int:
    # Per word, only words of 5+ letters may carry an edit: a short syllable
    # is what tells "Jong-su" from "Jong-un" and "Hae-sung" from "Hae-jung".
    if length < 5:
        return 0
    return 1 if length <= 8 else 2


def _plural_pair(a: str, b: str) -> bool:
    """ "balloon" / "balloons": one word in the singular and the plural."""
    short, long_ = sorted((a, b), key=len)
    return long_ in (short + "s", short + "es")


def typo_distance(given: str, target: str,
                  is_word: Callable[[str], bool] | None = None) -> int | None:
    """Edits between two canonical strings if within the guarded allowance, else None.

    ``is_word`` says whether a word is a real word of the article or bank: a
    word changed into one of those is a different word, not a typo
    ("Reunification" for "Unification"), unless it is only the plural.
    """
    if _DIGITS_RE.findall(given) != _DIGITS_RE.findall(target):
        return None  # a different number or year is never a typo
    budget = typo_budget(len(target))
    if budget == 0:
        return None
    gw, tw = given.split(), target.split()
    if len(gw) != len(tw):
        return None  # split or merged words are handled by the checker, exactly
    total = 0
    for g, t in zip(gw, tw, strict=True):
        d = distance(g, t, limit=3)
        if d > word_budget(len(t)):
            return None
        if d and is_word is not None and is_word(g) and not _plural_pair(g, t):
            return None
        total += d
    return total if total <= budget else None
