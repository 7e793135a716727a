"""Nickname rules: what a student may call themselves on the class's screen.

The rules are the ones a teacher would enforce out loud: short, printable,
not somebody else's name, and nothing rude projected on the wall. The rude
word check is deliberately small and catches the usual disguises (case,
accents, ``0`` for ``o``, doubled letters); the teacher's approval setting is
the real safety net.
"""

from __future__ import annotations

import re
import unicodedata

MAX_NAME = 20

_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
                         # Blank "letters" and invisible marks: a name made of them shows as
                         # nothing (Hangul fillers, braille blank, soft hyphen, selectors).
                         "\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164"
                         "\ufe00-\ufe0f\uffa0\U000e0000-\U000e007f"
                         "\ud800-\udfff]")  # lone surrogates: bytes that were not text
# Cyrillic and Greek letters drawn like Latin ones (lower case: names are casefolded first).
# Enough to see through the usual disguises; a full confusables table is not needed for a
# classroom, where the teacher sees every name.
_LOOKALIKE = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i",
    "ј": "j", "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "ү": "y", "ɡ": "g", "ӏ": "l",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "γ": "y", "ω": "w", "ѡ": "w", "ս": "u",
    "օ": "o", "ց": "g", "ɑ": "a", "ı": "i",
})
# For the word filter only: у also stands in for u ("fуck").
_LOOKALIKE_U = str.maketrans({"у": "u", "ү": "u"})
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
                       "@": "a", "$": "s", "!": "i", "|": "i", "+": "t"})
# Matched anywhere in the squeezed name: no ordinary name contains these.
_ANYWHERE = ("fuck", "fuk", "shit", "bitch", "nigg", "fagot", "whore", "slut",
             "retard", "ashole", "wank", "twat", "porn", "hitler", "dildo", "jizz")
# Matched as whole words only: each is inside some ordinary name (Cassandra, Dickens).
_WORDS = frozenset({"cunt", "ass", "arse", "dick", "cock", "fag", "rape", "sex", "penis", "pussy",
                    "tits", "nazi", "kkk", "nob", "poo", "piss", "cum", "anal", "balls"})


class NameError_(ValueError):
    """A nickname that is refused; the message says which rule and what to do."""


def _fold(name: str, *, u: bool = False) -> str:
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name).casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    if u:
        text = text.translate(_LOOKALIKE_U)
    return text.translate(_LOOKALIKE).translate(_LEET)


def _squeeze(text: str) -> str:
    """Letters and digits only, runs of one letter collapsed (``fuuuck`` -> ``fuck``)."""
    out: list[str] = []
    for c in text:
        if c.isalnum() and (not out or out[-1] != c):
            out.append(c)
    return "".join(out)


# Squeezed like the names they are compared with ("ass" -> "as").
_SQUEEZED_WORDS = frozenset(_squeeze(w) for w in _WORDS)


def name_key(name: str) -> str:
    """Two names with the same key look the same on the leaderboard.

    Case, accents, spaces and punctuation do not count; letters and digits do
    (``Ana 1`` and ``Ana 11`` are two students); nor does the alphabet a letter
    is drawn from (``Аna`` with a Cyrillic А is ``Ana``).
    """
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name).casefold())
    text = "".join(c for c in text if c.isalnum() and not unicodedata.combining(c))
    return text.translate(_LOOKALIKE)


def offensive(name: str) -> bool:
    return _offensive(_fold(name)) or _offensive(_fold(name, u=True))


def _offensive(folded: str) -> bool:
    squeezed = _squeeze(folded)
    if any(word in squeezed for word in _ANYWHERE):
        return True
    for word in re.split(r"[^0-9a-z]+", folded):
        if word in _WORDS:
            return True
        # "asss" is "ass" stretched; "as" is just "as".
        squeezed_word = _squeeze(word)
        if squeezed_word != word and squeezed_word in _SQUEEZED_WORDS:
            return True
    return False


def check_name(name: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """The name to use (trimmed, spaces tidied) or :class:`NameError_` saying why not.

    ``taken`` holds the :func:`name_key` of names already in the room.
    """
    if _CONTROL_RE.search(name):
        raise NameError_("a name cannot hold control or invisible characters; "
                         "type it with ordinary letters")
    # NFKC: full-width and styled letters (Ａｎａ, 𝐀𝐧𝐚) become the plain ones.
    tidy = " ".join(unicodedata.normalize("NFKC", name).split())
    if not tidy:
        raise NameError_("the name is empty; type the name the class knows you by")
    if len(tidy) > MAX_NAME:
        raise NameError_(f"the name is {len(tidy)} characters long; use at most {MAX_NAME}")
    key = name_key(tidy)
    if not key:
        raise NameError_("a name needs at least one letter or digit")
    if offensive(tidy):
        raise NameError_("that name is not allowed in class; choose another")
    if key in taken:
        raise NameError_(f"{tidy!r} is already taken in this room (or looks the same as a "
                         "name that is); add an initial or a number")
    return tidy
