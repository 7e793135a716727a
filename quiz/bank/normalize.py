"""Text folding shared by answer checking and evidence checks."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Punctuation, except a decimal point between two digits.
_PUNCT_RE = re.compile(r"(?!(?<=\d)\.(?=\d))[^\w\s]|_", re.UNICODE)
_WS_RE = re.compile(r"\s+")
_NUM_COMMA_RE = re.compile(r"(?<=\d),(?=\d{3}\b)")


def strip_accents(text: str) -> str:
    if text.isascii():  # the common case, and the decomposition below is per character
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Fold for comparison: NFKC, case, accents, punctuation and spacing.

    Thousands separators are dropped first so ``4,498.57`` folds like
    ``4498.57``; a decimal point between digits is kept.
    """
    # The generator's checks fold the same article sentences thousands of times; long
    # texts (a hostile answer, a whole article) are not kept.
    return _fold_cached(text) if len(text) <= 600 else _fold(text)


@lru_cache(maxsize=8192)
def _fold_cached(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _NUM_COMMA_RE.sub("", text)
    text = strip_accents(text).casefold()
    text = _PUNCT_RE.sub(" ", text)
    return _WS_RE.sub(" ", text).strip()


def contains_folded(haystack: str, needle: str) -> bool:
    """True when ``needle`` occurs in ``haystack`` as whole words, both folded."""
    n, h = fold(needle), fold(haystack)
    if not n:
        return False
    return f" {n} " in f" {h} "
