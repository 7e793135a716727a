"""More ways of writing a typed answer that a teacher would mark right.

The answer checker forgives case, spacing, punctuation and typos, but not a
missing or extra "the", a title, a bare surname or the other name the article
gives in brackets; the forms here are taken from the article itself.
"""

from __future__ import annotations

import functools
import re
from functools import lru_cache

from quiz.bank.article import Article
from quiz.bank.grounding import text_readable
from quiz.bank.model import Question
from quiz.bank.normalize import contains_folded, fold
from quiz.generate import places
from quiz.generate.candidate import Candidate
from quiz.generate.entities import (
    EVENT_WORDS,
    FUNCTION_CAPS,
    ORG_WORDS,
    PERSON,
    PLACE,
    PLACE_WORDS,
)
from quiz.generate.text import find_word, is_latin_text, wordset

_TITLES = (r"(?:Sir|Lord|Lady|Dame|General|Gen\.|Admiral|Colonel|Captain|Major|Dr\.?|Doctor|"
           r"Professor|Prof\.|King|Queen|Emperor|Empress|Prince|Princess|President|Pope|"
           r"Mr\.?|Mrs\.?|Ms\.?|Negus)")
_TITLE_RE = re.compile(rf"^{_TITLES}\s+(?=[A-Z])")
# "Northern New Guinea", not "South Korea": the -ern forms describe, the others name
_DIRECTION_RE = re.compile(r"^(?:Northern|Southern|Eastern|Western|Central) (?=[A-Z])")
_REGNAL_RE = re.compile(r"\s[IVXLC]+$")


def form_quotes(forms: list[str], quoted: str, article: Article, limit: int = 2
                ) -> list[tuple[int, int]]:
    """Sentences to add to the evidence so that it shows the article's own other forms
    ("the Transvaal (South African Republic)", "Schalk Burger") that ``quoted``, the
    evidence so far, does not: a form is accepted only where the passage holds it."""
    out: list[tuple[int, int]] = []
    for form in forms:
        if len(out) == limit:
            break
        if text_readable(form, quoted) or same_answer_words(form, quoted) or \
                text_readable(_TITLE_RE.sub("", form), quoted):
            continue  # "General Xie Yi": the answer with a title needs no other sentence
        for s in article.sentences:
            if text_readable(form, s.text):
                if (s.start, s.end) not in out:
                    out.append((s.start, s.end))
                    quoted += " … " + s.text
                break
    return out


def same_answer_words(form: str, quoted: str) -> bool:
    """A form that is only the answer with "the" or its like in front needs no sentence."""
    return text_readable(re.sub(r"^(?:the|The) ", "", form), quoted)


def drop_forms_shown(q: Question, text: str) -> None:
    """Leave out another name for the answer that ``text`` shows (another question's prompt
    writes "Klerksdorp, Transvaal"): better one alias fewer than a question dropped as
    given away. A short form of the answer itself ("China" for the People's Republic of
    China) stays: without it the question would mark a right answer wrong."""
    if q.type != "text" or contains_folded(text, str(q.answer)):
        return
    own = set(fold(str(q.answer)).split())
    q.accept = [a for a in q.accept if len(fold(a)) < 2 or not contains_folded(text, a)
                or set(fold(a).split()) & own]


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
    # every right answer of a "Name one of ..." list alike (elsewhere ``exclude`` holds the
    # places around the answer, which are no right answers: "Papal States" for Perugia)
    listed = c.exclude if c.prompt.startswith("Name one") else []
    for other in listed:
        if c.kind not in _NO_THE_KINDS and _written_with_the(other, text):
            out.append(f"the {other}")
    if c.kind == PERSON or _TITLE_RE.match(answer):
        # every right name of a "Name one of ..." list, as the player may type it
        for name in [answer, *listed]:
            out += _name_forms(name, text, people)
            out += _longer_forms(name, text)
            out += _spelled_out(name, text, people)
    m = _DIRECTION_RE.match(answer)
    if m and c.kind != PERSON and _bare_in(answer[m.end():], text):
        out.append(answer[m.end():])  # "Northern New Guinea": New Guinea is right as well
    for name in [answer, *listed]:
        out += _bracketed(name, text)
        if c.kind not in (PERSON, *_NO_THE_KINDS):
            out += _without_generic_head(name, text)
    out += _defined_abbreviation(answer, text)
    out += _known_other_names(answer, text)
    out += _sort_word_forms(answer, text) if c.kind != PERSON else []
    out += _renamed(answer, text) if c.kind == PLACE else []
    out += _country_names(answer, text) if c.kind == PLACE else []
    out += _places_within(c, text)
    out += _containing_places(c)
    out += _winner_forms(c, text)
    out += _division_forms(c, text)
    out += _whole_names(answer, c.kind, text, people)
    out += _year_of_a_date(c)
    out += _dynasty_forms(answer, text)
    out += _type_without_head(answer, c.prompt)
    out += _town_of_a_building(c)
    return [f for f in dict.fromkeys(out) if f and fold(f) != fold(answer)]


# Names of wars and bodies every student knows in two ways; a form is added only when
# the answer is the whole name (never "WWII" for "after World War II ended" cut short).
_WELL_KNOWN = (
    ("World War II", "Second World War", "WWII", "WW2", "World War 2"),
    ("World War I", "First World War", "WWI", "WW1", "World War 1", "Great War"),
    ("United Nations", "UN"),
    ("European Union", "EU"),
    ("United States", "United States of America", "USA", "US", "U.S."),
    ("United Kingdom", "UK", "Britain", "Great Britain"),
    ("Soviet Union", "USSR"),
    ("North Atlantic Treaty Organization", "NATO"),
    ("International Olympic Committee", "IOC"),
    ("World Health Organization", "WHO"),
)


def other_names(answer: str, text: str) -> list[str]:
    """Other ways the article's reader would write ``answer`` whatever the question's
    type: "Yangtze" for "Yangtze River", "United States" for "US". Another prompt or a
    hint showing one of them shows the answer, even where a choice accepts no forms."""
    return list(_other_names(answer, text))


@functools.lru_cache(maxsize=1024)  # asked for every pair of drafts in the self-check
def _other_names(answer: str, text: str) -> tuple[str, ...]:
    return tuple(_without_generic_head(answer, text) + _known_other_names(answer, text))


def _known_other_names(answer: str, text: str) -> list[str]:
    """"World War II" may be written "WWII" or "the Second World War": the one name
    every reader knows in several forms (a form that names something else in this
    article, "US" beside a "US Army" answer, is not the answer and is never matched)."""
    bare = re.sub(r"^(?:the|The) ", "", answer)
    for forms in _WELL_KNOWN:
        if any(fold(bare) == fold(f) for f in forms):
            return [f for f in forms if fold(f) != fold(bare)]
    return []


_SORT_WORDS = ("River", "Lake", "Dam", "Sea", "Mountains", "Desert", "Island", "Glacier",
               "Canal", "Falls")


def _sort_word_forms(answer: str, text: str) -> list[str]:
    """"down the Niger" where the article also writes "the Niger River": "Niger River" and
    "River Niger" are the same answer; only forms the article itself writes (a sort word
    before or after), so "Niger" the country never gets "River"."""
    if not answer[:1].isupper() or any(answer.endswith(f" {w}") or answer.startswith(f"{w} ")
                                       for w in _SORT_WORDS):
        return []
    bare = re.sub(r"^(?:the|The) ", "", answer)
    out = []
    for word in _SORT_WORDS:
        after = f"{bare} {word}"
        before = f"{word} {bare}" if word in ("River", "Lake") else ""
        for form in (after, before):
            if form and re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-]| [A-Z])", text):
                out += [after] + ([before] if before else [])
                break
    return out


# "Chuquisaca (now Sucre, Bolivia)", "Vila Rica (present-day Ouro Preto)": the same place
# under its later name, which a student of today may rightly write
_RENAMED_RE = r"\((?:now|today|present-day|modern(?:-day)?|later|formerly)\s+([^()]{2,40})\)"


def _renamed(answer: str, text: str) -> list[str]:
    out = []
    name = r"[^()\n.;]{0,60}?"
    for m in re.finditer(rf"(?<![\w-]){re.escape(answer)}(?![\w-]){name} {_RENAMED_RE}",
                         text):
        inner = m.group(1).strip()
        if not is_latin_text(inner) or re.search(r"\d", inner) or not inner[:1].isupper():
            continue
        # the bracket must follow the answer's own name, not another place after it
        between = text[m.start() + len(answer):m.start(1)]
        if re.search(r"\b(?:and|or|to|from|between)\b", between):
            continue
        first = inner.split(",")[0].strip()
        out += [first, inner] if first != inner else [inner]
    return out


def _places_within(c: Candidate, text: str) -> list[str]:
    """"Where is the Aswan Low Dam?" -> "Egypt": the town the article puts the subject in
    ("on the Nile in Aswan, Egypt") is a more exact right answer, and so written with the
    country. Only a town written right before the answer, in the question's own evidence."""
    if c.kind != PLACE or c.type != "text" or not isinstance(c.answer, str) or \
            not c.prompt.startswith("Where"):
        return []
    if places.country_named(c.answer) is None:
        return []
    out = []
    quoted = " ".join(text[s:e] for s, e in c.quotes)
    town = r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
    for m in re.finditer(rf"\b(?:in|at) {town}, {re.escape(c.answer)}\b", quoted):
        name = m.group(1)
        if places.country_named(name) is None and name not in FUNCTION_CAPS:
            out += [name, f"{name}, {c.answer}"]
    return out


_OPEN_WHERE_RE = re.compile(r"Where\b|What (?:was|is) the (?:birthplace|birth place|place of "
                            r"birth|location) of\b")


def _containing_places(c: Candidate) -> list[str]:
    """"Where is the Tower of Hercules located?" -> "A Coruña, Galicia, Spain": an open
    "where" is rightly answered by each place of the value, "Spain" too (a question
    that wants the town asks "In which city"). Only names, never "crossing the border"."""
    if c.kind != PLACE or c.type != "text" or not _OPEN_WHERE_RE.match(c.prompt):
        return []
    return [p for p in c.exclude if p[:1].isupper() and not _FUNCTION_END_RE.search(p)]


def _winner_forms(c: Candidate, text: str) -> list[str]:
    """"What was the result of the Battle of Talas?" -> "Abbasid victory": naming the
    winner is the answer ("Abbasid", "the Abbasid Caliphate" as the article names it)."""
    if c.type != "text" or not isinstance(c.answer, str) or \
            not c.prompt.startswith("What was the result of"):
        return []
    m = re.fullmatch(r"((?:[A-Z][\w'-]*)(?: [A-Z][\w'-]*)?) (?:victory|win)", c.answer.strip())
    if not m:
        return []
    side = m.group(1)
    out = [side]
    named = re.search(rf"(?<![\w-]){re.escape(side)} ((?:[A-Z][\w'-]*)(?: [A-Z][\w'-]*)?)",
                      text)
    if named:
        out.append(named.group(0))  # "Abbasid Caliphate"
    return out


def _division_forms(c: Candidate, text: str) -> list[str]:
    """"In which province is Aconcagua?" -> "Mendoza": the article's "Mendoza Province"
    is the same answer."""
    if c.kind != PLACE or c.type != "text" or not isinstance(c.answer, str) or not re.match(
            r"(?:Where|In which (?:province|state|prefecture|region))\b", c.prompt):
        return []
    m = re.search(rf"(?<![\w-]){re.escape(c.answer)} (?:[Pp]rovince|[Ss]tate|[Pp]refecture)\b",
                  text)
    return [m.group(0)] if m else []


# A form cut before its last word ("the Republic of", "his addition" of "his addition of
# pulp ...") is no answer; nor is one that opens on "his"/"her" where the answer goes on.
_FUNCTION_END_RE = re.compile(r"(?<![\w-])(?:of|the|a|an|and|or|to|in|on|at|by|for|with|from|"
                              r"via|into|as)$")


def cut_form(answer: str, form: str) -> bool:
    """Is ``form`` a piece of ``answer`` cut where no answer ends?"""
    if _FUNCTION_END_RE.search(form.strip()):
        return True
    return bool(re.match(r"(?:his|her|its|their) ", form, re.IGNORECASE)) and \
        fold(answer).startswith(fold(form) + " ")


def _whole_names(answer: str, kind: str, text: str, people: list[str]) -> list[str]:
    """A bare family name as the answer ("Soga") when the article names one person of it
    in full ("Riemon Soga"): the full name is right too."""
    if kind != PERSON or " " in answer.strip():
        return []
    whole = [p for p in people if p != answer and
             (p.split()[-1] == answer or p.split()[0] == answer)]
    return whole if len(whole) == 1 else []


def _year_of_a_date(c: Candidate) -> list[str]:
    """"When was she born?" -> "July 12, 1780": the year alone answers "when" too."""
    if c.kind != "date" or not c.prompt.startswith("When") or not isinstance(c.answer, str):
        return []
    m = re.search(r"\b(\d{3,4})$", c.answer.strip())
    return [m.group(1)] if m else []


def _written_with_the(name: str, text: str) -> bool:
    return bool(re.search(rf"\bthe {re.escape(name)}(?![\w-]|(?-i: [A-Z]))", text,
                          re.IGNORECASE))


# Words that say what sort of place a name is; the name without them is the same place
# ("Yangtze" for the Yangtze River, "Yangxia" for Yangxia County, "Baikal" for Lake Baikal).
_GENERIC_TAIL = {"River": places.RIVER, "Stream": None, "Creek": None, "Sea": places.SEA,
                 "Ocean": places.SEA, "County": places.CITY, "Province": places.PROVINCE,
                 "Prefecture": None, "Desert": None, "Glacier": None, "Mountains": None}
_GENERIC_LEAD = ("Lake", "Mount")
# "Yellow River" is not "Yellow", nor "Black Sea" "Black": a word of English alone is no name
_PLAIN_WORDS = wordset(
    "Red Yellow Black White Blue Green Brown Golden Dead Great Little Big Pearl Salt Long "
    "Upper Lower Middle New Old Grand High North South East West Northern Southern Eastern "
    "Western Central Inner Outer Holy Crooked Silver Stone Bay Coral Arctic")


def _without_generic_head(answer: str, text: str) -> list[str]:
    """"Yangtze River" may be written "Yangtze", when "Yangtze" names nothing else: the
    article never writes it before another word ("Hangzhou Bay" beside the city
    Hangzhou), the gazetteer knows it as nothing of another sort ("Zhejiang River" is
    not the province), and it is not a plain English word ("Yellow")."""
    words = answer.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return []
    if words[-1] in _GENERIC_TAIL:
        stem, sort = " ".join(words[:-1]), _GENERIC_TAIL[words[-1]]
    elif words[0] in _GENERIC_LEAD:
        stem, sort = " ".join(words[1:]), None
    else:
        return []
    if len(stem) < 3 or any(w in _PLAIN_WORDS for w in stem.split()) or \
            not is_latin_text(stem) or re.search(r"\d", stem):
        return []
    known = places.lookup(stem)
    if known is not None:
        # the gazetteer's own river of that name is the same river; anything else is not
        return [stem] if sort is not None and known.sort == sort else []
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(stem)}(?![\w'’-])", text):
        before, after = text[max(0, m.start() - 6):m.start()], text[m.end():m.end() + 40]
        if answer in text[m.start():m.end() + len(answer) + 1] or \
                text[max(0, m.start() - len(answer)):m.end()].endswith(answer):
            continue
        if words[-1] == "River" and before.endswith("River "):
            continue  # "River Nile" is the Nile River written the other way
        prev = re.search(r"([A-Z][\w-]*) +$", before)
        if re.match(r" +[A-Z]", after) or (prev and prev.group(1) not in FUNCTION_CAPS):
            return []  # part of another name: "Hangzhou Bay", "Upper Yangxia"
    return [stem]


def _type_without_head(answer: str, prompt: str) -> list[str]:
    """"What type of bridge is it?" -> "Suspension bridge" may be written "suspension"."""
    words = answer.split()
    if len(words) < 2:
        return []
    head = words[-1].lower()
    if re.search(rf"\b(?:type|kind|sort|form) of {re.escape(head)}\b", prompt, re.IGNORECASE):
        return [" ".join(words[:-1])]
    return []


def _town_of_a_building(c: Candidate) -> list[str]:
    """"Where was it signed?" -> "Melrose House, Pretoria": a building's town is a right
    answer too (a city, never the province or country it lies in)."""
    if c.kind != PLACE or not isinstance(c.answer, str):
        return []
    answer = c.answer
    if answer.split()[-1:] and answer.split()[-1] not in _BUILDINGS:
        return []
    out = []
    for form in c.accept:
        m = re.fullmatch(rf"{re.escape(answer)}, ([^,]+)", form)
        if not m:
            continue
        entry = places.lookup(m.group(1))
        if entry is not None and entry.sort == places.CITY:
            out.append(m.group(1))
    return out


_BUILDINGS = wordset(
    "House Palace Castle Hall Cathedral Church Temple Mosque Abbey Monastery Stadium Station "
    "Hotel Theatre Theater Museum Library Tower Building Centre Center Arena Park Gardens "
    "Garden Square Manor Fort Fortress Villa Chapel Pavilion")


def _longer_forms(name: str, text: str) -> list[str]:
    """The infobox's "Colonel Nilton Gomes Rolim" is the prose's "Nilton Gomes Rolim
    Filho": the article's fuller form of the same name is right as well."""
    untitled = _TITLE_RE.sub("", name)
    if len(untitled.split()) < 2:
        return []
    out = []
    for m in re.finditer(rf"(?<![\w-]){re.escape(untitled)}((?: [A-Z][\w.'’-]*){{1,2}})"
                         rf"(?![\w-])", text):
        tail = m.group(1).split()
        # "Sir Alfred Milner Street", "John Smith University": a place or body, not him
        if any(w in PLACE_WORDS or w in ORG_WORDS or w in EVENT_WORDS for w in tail):
            continue
        if re.match(r"\s*(?:\(|,\s*[A-Z])", text[m.end():]):
            continue
        out.append(f"{untitled}{m.group(1)}")
        break
    return out


def _spelled_out(name: str, text: str, people: list[str]) -> list[str]:
    """"G. A. Hobson" where the article writes "George Andrew Hobson": the full name, and
    the family name alone (no one else the article names bears it); "Anwar al-Sadat"
    where it writes "Anwar Sadat": the name without its particle."""
    out: list[str] = []
    m = re.fullmatch(r"((?:[A-Z]\. ?)+)([A-Z][\w'’-]+)", name.strip())
    if m:
        initials = re.findall(r"[A-Z]", m.group(1))
        given = " ".join(rf"{i}[a-z]+" for i in initials)
        full = re.search(rf"(?<![\w-]){given} {re.escape(m.group(2))}(?![\w-])", text)
        if full:
            out.append(full.group(0))
            if not any(p.split()[-1] == m.group(2) and fold(p) != fold(full.group(0))
                       and p != name for p in people):
                out.append(m.group(2))
    plain = re.sub(r"(?<![\w-])(?:al|el|ad|as|ash|at|az)-(?=[A-Z])", "", name)
    if plain != name and re.search(rf"(?<![\w-]){re.escape(plain)}(?![\w-])", text):
        out.append(plain)
    return out


def fair_form(c: Candidate, form: str) -> bool:
    """May ``form`` be marked right for ``c``? Not a place that contains the answer ("China"
    or "Hubei" for Wuhan), nor a place of another sort, nor another country's name or
    abbreviation ("ROC" for China)."""
    if isinstance(c.answer, str) and cut_form(c.answer, form):
        return False
    if c.kind != PLACE or c.type != "text":
        return True
    if form in _containing_places(c):
        return True
    f = places.lookup(form)
    if f is None:
        return True  # a form the gazetteer does not know ("Wuhan, Hubei, China")
    a = places.lookup(str(c.answer))
    if a is None:
        return f.sort not in (places.COUNTRY, places.PROVINCE)
    if a.sort == places.COUNTRY and f.sort == places.CITY and f.country == a.country and \
            c.prompt.startswith("Where"):
        return True  # a town of the answer country (only _places_within adds one)
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
        at = len(words) - 1
        while at > 1 and words[at - 1].lower() in _PARTICLES:
            at -= 1  # "Koos de la Rey" is "de la Rey"
        surname = " ".join(words[at:])
        # the surname alone, when the article itself calls the person so (or the name is
        # plainly given name first) and no other person it names shares it
        # "Kim Yo-jong", "Cai Lun": the family name comes first, and the article uses it
        # alone as it would a surname; the last word alone is then no name at all
        for family, least in ((surname, 3), (words[0], 2)):
            alone = _used_alone(family, untitled, text) or (
                family == surname and _given_name_first(untitled, name, text))
            others = [p for p in people if fold(p) != fold(untitled) and fold(p) != fold(name)
                      and find_word(p, family) >= 0 and not find_word(untitled, p) >= 0]
            if alone and not others and len(family) >= least and (
                    family[:1].isupper() or family.split()[0] in _PARTICLES):
                out.append(family)
        if len(words) >= 3 and not _INITIAL_RE.match(words[0]):
            # "Schalk Willem Burger" is "Schalk Burger" where the article writes him so
            short = f"{words[0]} {surname}"
            if re.search(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text):
                out.append(short)
    return out


_PARTICLES = ("de", "da", "van", "von", "del", "della", "di", "la", "le", "du", "der", "den",
              "dos", "das", "ben", "bin", "ibn", "al", "el", "abu", "ter", "ten")
_INITIAL_RE = re.compile(r"^(?:[A-Z]\.)+$")


def _given_name_first(untitled: str, name: str, text: str) -> bool:
    """Is the last word surely the family name? Not in an article set in East Asia, where
    the family name comes first ("Kim Yo-jong", "Xie Yi"), nor for a hyphenated given
    name or a common family name of those cultures in front; and of three names in a
    Spanish-speaking country the middle one is the family name."""
    words = untitled.split()
    custom = _naming_custom(text)
    if any("-" in w for w in words) or custom == "family-first" or \
            words[0] in _FAMILY_FIRST_NAMES:
        return False
    # "Gabriel García Márquez": in Spanish the first of two surnames is the one used alone
    return len(words) == 2 or custom != "two-surnames"


# Common family names of cultures that put them first: "Zhou Enlai" named in an article
# about a conference in Geneva is still not "Enlai".
_FAMILY_FIRST_NAMES = wordset(
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo "
    "Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Cai Jiang "
    "Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Jin Qiu Mao Kong Xiang Qin Mei Bai Sima Zhuge "
    "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Oh Seo Shin Kwon Hwang Ahn Yoo Hong Jeon "
    "Ko Moon Son Bae Baek Heo Nam Roh Chun Jon Ri Pak Nguyen Tran Pham Ngo Ho Vo Dang Bui")


@lru_cache(maxsize=8)
def _naming_custom(text: str) -> str:
    """How the people of the article's country order their names, as far as it matters
    here: "family-first" (East Asia), "two-surnames" (Spanish-speaking) or ""."""
    country = places.main_country(text)
    if country is None:
        return ""
    if country.region == "east asia":
        return "family-first"
    if country.name == "Spain" or (country.region in ("central america", "south america")
                                   and country.name != "Brazil"):
        return "two-surnames"
    return ""


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


def _examples(inner: str) -> bool:
    """"the southern Arabian Peninsula (Yemen, Oman)": brackets that list places in the
    answer, not another name of it ("Sucre, Bolivia" is a town and its country)."""
    parts = [p.strip() for p in re.split(r",|\band\b|\bor\b", inner) if p.strip()]
    return len(parts) >= 2 and places.country_named(parts[0]) is not None


def _bracketed(answer: str, text: str) -> list[str]:
    """"Transvaal (South African Republic)": the name in brackets is right as well, and
    the name before the brackets is right for the one inside them."""
    out = []
    name = r"[A-Z][\w'’-]*(?: (?:of|de|du|la|[A-Z][\w'’-]*))*"
    # an abbreviation in brackets must spell the name before it: _defined_abbreviation
    abbreviation = bool(re.fullmatch(r"[A-Z][A-Z.&-]{1,7}", answer))
    before = rf"(?<![\w-])({name}) \({re.escape(answer)}\)"
    for m in [] if abbreviation else re.finditer(before, text):
        line = text[text.rfind("\n", 0, m.start()) + 1:]
        outer = m.group(1)
        if not line.startswith("- ") and is_latin_text(outer) and outer not in FUNCTION_CAPS \
                and len(outer) >= 3:
            out.append(outer)
    if "(" in answer:
        out.append(re.sub(r"\s*\([^()]*\)", "", answer).strip())
    for m in re.finditer(rf"(?<![\w-]){re.escape(answer)} \(([^()]{{2,40}})\)", text):
        if text[text.rfind("\n", 0, m.start()) + 1:].startswith("- "):
            continue  # an infobox line: brackets there hold sources and units, not names
        inner = m.group(1).strip()
        # "Perugia (then in the Papal States)": a note about the name, not another name
        if is_latin_text(inner) and not re.search(r"\d", inner) and inner[:1].isupper() \
                and not re.search(r"\b(?:then|now|present|formerly|today|modern)\b", inner) \
                and not _examples(inner):
            out.append(inner)
    return out
