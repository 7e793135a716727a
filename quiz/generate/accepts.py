"""More ways of writing a typed answer that a teacher would mark right.

The answer checker forgives case, spacing, punctuation and typos, but not a
missing or extra "the", a title, a bare surname or the other name the article
gives in brackets; the forms here are taken from the article itself.
"""

from __future__ import annotations

import re

from quiz.bank.normalize import fold
from quiz.generate import places
from quiz.generate.candidate import Candidate
from quiz.generate.entities import PERSON, PLACE
from quiz.generate.text import find_word, is_latin_text

_TITLES = (r"(?:Sir|Lord|Lady|Dame|General|Gen\.|Admiral|Colonel|Captain|Major|Dr\.?|Doctor|"
           r"Professor|Prof\.|King|Queen|Emperor|Empress|Prince|Princess|President|Pope|"
           r"Mr\.?|Mrs\.?|Ms\.?|Negus)")
_TITLE_RE = re.compile(rf"^{_TITLES}\s+(?=[A-Z])")
# "Northern New Guinea", not "South Korea": the -ern forms describe, the others name
_DIRECTION_RE = re.compile(r"^(?:Northern|Southern|Eastern|Western|Central) (?=[A-Z])")
_REGNAL_RE = re.compile(r"\s[IVXLC]+$")


def either_order(c: Candidate) -> bool:
    """Whether a typed person's name may come family name first or last.

    Not for a ruler's name ("King John V", "Pius IX"): moving its parts makes no name.
    """
    answer = str(c.answer)
    return (c.kind == PERSON and c.type == "text" and not _TITLE_RE.match(answer)
            and not _REGNAL_RE.search(answer))


_NO_THE_KINDS = (PERSON, "date", "year", "monthyear", "daymonth", "time", "money", "quantity",
                 "count")


def extra_accepts(c: Candidate, text: str, people: list[str]) -> list[str]:
    """Forms of ``c``'s answer to add to its accept list. ``text``: the article;
    ``people``: every person the article names (a bare surname must pick out one)."""
    if c.type != "text" or not isinstance(c.answer, str):
        return []
    answer = c.answer
    out: list[str] = []
    bare = re.sub(r"^(?:the|The) ", "", answer)
    if bare != answer:
        out.append(bare)
    elif c.kind not in _NO_THE_KINDS and re.search(
            rf"\bthe {re.escape(answer)}(?![\w-]|(?-i: [A-Z]))", text, re.IGNORECASE):
        out.append(f"the {answer}")  # the article writes "the Industrial Revolution"
    if c.kind == PERSON or _TITLE_RE.match(answer):
        # every right name of a "Name one of ..." list, as the player may type it
        for name in [answer, *c.exclude]:
            out += _name_forms(name, text, people)
    m = _DIRECTION_RE.match(answer)
    if m and c.kind != PERSON and _bare_in(answer[m.end():], text):
        out.append(answer[m.end():])  # "Northern New Guinea": New Guinea is right as well
    out += _bracketed(answer, text)
    out += _defined_abbreviation(answer, text)
    out += _country_names(answer, text) if c.kind == PLACE else []
    out += _dynasty_forms(answer, text)
    return [f for f in dict.fromkeys(out) if f and fold(f) != fold(answer)]


def fair_form(c: Candidate, form: str) -> bool:
    """May ``form`` be marked right for ``c``? Not a place that contains the answer ("China"
    or "Hubei" for Wuhan), nor a place of another sort, nor another country's name or
    abbreviation ("ROC" for China)."""
    if c.kind != PLACE or c.type != "text":
        return True
    f = places.lookup(form)
    if f is None:
        return True  # a form the gazetteer does not know ("Wuhan, Hubei, China")
    a = places.lookup(str(c.answer))
    if a is None:
        return f.sort not in (places.COUNTRY, places.PROVINCE)
    return f.sort == a.sort and (f.sort != places.COUNTRY or f.country == a.country)


def _defined_abbreviation(answer: str, text: str) -> list[str]:
    """"Korean Demilitarized Zone (DMZ)": the answer "DMZ" may be written in full, and
    the full name by its abbreviation (the brackets hold it)."""
    if not re.fullmatch(r"[A-Z][A-Z.&-]{1,7}", answer):
        return []
    out: list[str] = []
    letters = [ch for ch in answer if ch.isalpha()]
    name = r"(?:[A-Z][\w'’-]*|of|the|and|for|on|de|des|du)"
    for m in re.finditer(rf"((?:{name} )+)\({re.escape(answer)}\)", text):
        words = m.group(1).split()
        while words and not words[0][:1].isupper():
            words = words[1:]
        # the shortest tail of the name that starts with the abbreviation's first letter and
        # holds its letters in order ("Demilitarized Zone" for DMZ); then the whole name
        for i in range(len(words) - 1, -1, -1):
            tail = words[i:]
            if tail[0][:1] == letters[0] and _in_order(letters, " ".join(tail)):
                out += [" ".join(tail), " ".join(words)]
                break
    return out


def _country_names(answer: str, text: str) -> list[str]:
    """"People's Republic of China" may be written "China" when the article itself calls
    the country so (the gazetteer's own names of that one country, never a neighbour's)."""
    country = places.country_named(answer)
    if country is None:
        return []
    return [n for n in (country.name, *country.aliases)
            if n != answer and re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text)]


def _in_order(letters: list[str], name: str) -> bool:
    rest = name.upper()
    for ch in letters:
        at = rest.find(ch)
        if at < 0:
            return False
        rest = rest[at + 1:]
    return True


def _dynasty_forms(answer: str, text: str) -> list[str]:
    """"Former Qin" and "Former Qin dynasty" are one answer when the article writes both."""
    m = re.fullmatch(r"(.+?) [Dd]ynasty", answer)
    if m:
        bare = m.group(1)
        return [bare] if re.search(rf"(?<![\w-]){re.escape(bare)}(?! [Dd]ynasty)(?![\w-])",
                                   text) else []
    full = re.search(rf"(?<![\w-]){re.escape(answer)} ([Dd]ynasty)\b", text)
    return [f"{answer} {full.group(1)}"] if full else []


def _bare_in(name: str, text: str) -> bool:
    """Does the article write ``name`` without a direction in front ("New Guinea" alone,
    where "Jin" never stands for the Eastern Jin)?"""
    return any(not re.search(r"(?:Northern|Southern|Eastern|Western|Central|North|South|East|"
                             r"West|Later|Former) $", text[:m.start()])
               for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text))


def _name_forms(name: str, text: str, people: list[str]) -> list[str]:
    out = []
    untitled = _TITLE_RE.sub("", name)
    if untitled != name:
        out.append(untitled)  # "Sir Alfred Milner" -> "Alfred Milner"
    # a title the article puts before the name: "Sir Thomas Bludworth"
    m = re.search(rf"\b({_TITLES}) {re.escape(untitled)}(?![\w-])", text)
    if m:
        out.append(f"{m.group(1)} {untitled}")
    words = untitled.split()
    if len(words) >= 2:
        surname = words[-1]
        if words[-2].lower() in ("de", "da", "van", "von", "del", "di", "la", "le"):
            surname = " ".join(words[-2:])
        # the surname alone, when the article itself calls the person so and no other
        # person it names shares it
        # "Kim Yo-jong", "Cai Lun": the family name comes first, and the article uses it
        # alone as it would a surname; the last word alone is then no name at all
        for family, least in ((surname, 3), (words[0], 2)):
            alone = _used_alone(family, untitled, text)
            others = [p for p in people if fold(p) != fold(untitled) and fold(p) != fold(name)
                      and find_word(p, family) >= 0 and not find_word(untitled, p) >= 0]
            if alone and not others and len(family) >= least and family[:1].isupper():
                out.append(family)
    return out


def _used_alone(surname: str, full: str, text: str) -> bool:
    """Does the article write ``surname`` on its own, not as part of ``full`` or of
    another name?"""
    for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
        before = text[max(0, m.start() - len(full) - 1):m.end()]
        after = text[m.start():m.start() + len(full)]
        if before.endswith(full) or after == full:
            continue
        if re.search(r"[A-Z][\w.-]* $", text[:m.start()]) or \
                re.match(r" (?:[A-Z][\w-]*|[Dd]ynasty)", text[m.end():]):
            continue  # part of a longer name ("Cai Yong", "Cai Wenji")
        return True
    return False


def _bracketed(answer: str, text: str) -> list[str]:
    """"Transvaal (South African Republic)": the name in brackets is right as well."""
    out = []
    if "(" in answer:
        out.append(re.sub(r"\s*\([^()]*\)", "", answer).strip())
    for m in re.finditer(rf"(?<![\w-]){re.escape(answer)} \(([^()]{{2,40}})\)", text):
        if text[text.rfind("\n", 0, m.start()) + 1:].startswith("- "):
            continue  # an infobox line: brackets there hold sources and units, not names
        inner = m.group(1).strip()
        # "Perugia (then in the Papal States)": a note about the name, not another name
        if is_latin_text(inner) and not re.search(r"\d", inner) and inner[:1].isupper() \
                and not re.search(r"\b(?:then|now|present|formerly|today|modern)\b", inner):
            out.append(inner)
    return out
