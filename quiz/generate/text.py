"""Small text helpers shared by the generator's stages."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from quiz.bank.normalize import fold

BLANK = "_____"

WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_SPACE_RE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT_RE = re.compile(r"\s+([,.;:!?)])")
_EMPTY_PARENS_RE = re.compile(r"\s*\(\s*[,;]?\s*\)")
_SLUG_RE = re.compile(r"[^a-z0-9]+")

def wordset(text: str) -> frozenset[str]:
    """A set of words written as one string (long word lists read better so)."""
    return frozenset(text.split())


# Words too common to carry meaning when comparing prompts and answers.
STOPWORDS = wordset(
    """a an the of in on at to for from by with and or but as is was were are be been being
    it its this that these those which who whom whose what when where why how than then
    there their they them he she his her him has had have do does did not no so such into
    onto over under about after before during between while also both each other another
    some any all more most very can could would should will may might must one"""
)


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def content_words(text: str) -> set[str]:
    """Folded words of ``text`` without stopwords (for overlap tests)."""
    return {w for w in fold(text).split() if w not in STOPWORDS}


def tidy(text: str) -> str:
    """One line, single spaces, no space before punctuation, no empty parentheses."""
    text = _EMPTY_PARENS_RE.sub("", text)
    text = _SPACE_RE.sub(" ", text).strip()
    return _SPACE_BEFORE_PUNCT_RE.sub(r"\1", text)


def is_latin_text(text: str) -> bool:
    """True when every letter is Latin script (a typed answer must be typeable)."""
    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


def strip_foreign_parens(text: str) -> str:
    """Drop parentheses that hold no Latin letters (stripped or non-Latin script)."""

    def repl(m: re.Match[str]) -> str:
        inner = m.group(1)
        has_latin = any(ch.isalpha() and "LATIN" in unicodedata.name(ch, "") for ch in inner)
        has_other = any(ch.isalpha() and "LATIN" not in unicodedata.name(ch, "") for ch in inner)
        keep = (has_latin and not has_other) or (not has_other and any(c.isdigit() for c in inner))
        return m[0] if keep else ""

    return tidy(re.sub(r"\s*\(([^()]*)\)", repl, text))


def strip_parens(text: str) -> str:
    """Drop every parenthetical: asides, native names, conversions, life dates.

    A prompt reads better without them, and a quoted name or a converted amount in
    brackets would often give the answer away.
    """
    prev = None
    while prev != text:
        # "the Eastern Jin dynasty (266–420) CE": the era went with the dates
        prev, text = text, re.sub(r"\s*\([^()]*\d[^()]*\)\s+(?:CE|BCE|AD|BC)\b|\s*\([^()]*\)",
                                  "", text)
    # "Xie Daoyun (...) courtesy name Lingjiang, was": the comma went with the brackets
    text = re.sub(r"(?<=[\w.])\s+((?:courtesy|art|pen|personal) name [A-Z][\w'-]*,)", r", \1",
                  text)
    return tidy(text)


def slugify(text: str) -> str:
    """``Águas Livres Aqueduct`` -> ``aguas-livres-aqueduct``."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    slug = _SLUG_RE.sub("-", ascii_text.lower()).strip("-")
    return slug[:60].strip("-") or "article"


def short_hash(*parts: object) -> str:
    raw = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:8]


def stable_order(items: list[str], seed: str) -> list[str]:
    """A deterministic shuffle: the same seed always gives the same order."""
    return sorted(items, key=lambda s: short_hash(seed, s))


def capitalise_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def lower_first(text: str) -> str:
    """Lower-case a sentence's first word unless it is a name or an acronym."""
    first = text.split(" ", 1)[0]
    if first in {"The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "During"}:
        return text[:1].lower() + text[1:]
    return text


def find_word(text: str, phrase: str, start: int = 0) -> int:
    """Index of ``phrase`` in ``text`` as whole words (case-sensitive), or -1."""
    pattern = r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])"
    m = re.compile(pattern).search(text, start)
    return m.start() if m else -1
