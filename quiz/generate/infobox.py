"""Typed infobox fields: what each one holds, and the question it answers.

A field's type comes from its key ("Director", "Headquarters", "Formed") and
its value (a date, an amount with a unit). Typed values double as a small
gazetteer for recognising names in the prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quiz.bank.article import Article, InfoboxField
from quiz.bank.normalize import contains_folded
from quiz.bank.numbers import parse_number
from quiz.generate.audit import has_hole
from quiz.generate.candidate import Candidate
from quiz.generate.context import Topic, infobox_fields
from quiz.generate.entities import ORG, ORG_WORDS, PERSON, PLACE, PLACE_WORDS
from quiz.generate.places import CITY
from quiz.generate.places import lookup as place_lookup
from quiz.generate.spans import UNITS, Span, date_forms, find_spans
from quiz.generate.text import is_latin_text, tidy, wordset

_SKIP_KEYS = wordset(
    """name logo image caption alt map website url coordinates signature footnotes label
    pushpin seal flag motto nativename native alternative long short official other common
    type symbol abbreviation acronym iso code wikidata"""
)
_PERSON_KEYS = wordset(
    """director architect architects founder founders chief leader president signatories
    signatory collaborator collaborators author authors designer designers editor
    manager chairman chairperson chair head king queen ruler monarch spouse parents children
    successor predecessor engineer engineers discoverer creator inventor commander
    commanders principal curator builder sculptor painter composer captain coach ceo
    secretary administrator governor mayor minister premier advisor adviser supervisor
    mentor students spouse partner""")
_PLACE_KEYS = wordset(
    """location headquarters address country place city region source birthplace site venue
    state origin capital province county municipality continent range habitat cities""")
_ORG_KEYS = wordset(
    """affiliation affiliations parties operator operators parent agency organisation
    organization manufacturer publisher employer institution jurisdiction membership
    owner owners sponsor""")
_DATE_KEYS = wordset(
    """date formed founded established dissolved abolished born died signed opened closed
    launched built completed start started began ended created inaugurated demolished
    discovered released published effective commissioned decommissioned year construction
    opening closing founding birth death""")
_QUANTITY_KEYS = wordset(
    """length size area height width depth capacity population mass weight cost budget span
    elevation distance diameter volume staff employees members speed power collection""")
_ATTRIBUTE_KEYS = wordset(
    "nationality occupation language languages status genre religion position style "
    "material materials sport discipline field fields")
_NOT_ATTRIBUTES = wordset(
    "id by context authority species binomial cites notes note other see also caption image "
    "education "
    "website url type motto anthem")
_A_ROLES = wordset("collaborator collaborators associate member partner student teacher "
                   "influence influences")
_PLURAL_KEYS = wordset("signatories parties collaborators architects authors founders "
                       "designers engineers commanders children parents affiliations "
                       "languages materials fields operators")
_TITLE_WORDS = wordset(
    "duke duchess king queen earl count countess prince princess lord lady emperor empress "
    "baron marquess viscount sultan pope bishop archbishop the")
_NOUN_TO_PARTICIPLE = {
    "construction": "constructed", "completion": "completed", "foundation": "founded",
    "founding": "founded", "establishment": "established", "publication": "published",
    "opening": "opened", "inauguration": "inaugurated", "release": "released",
    "launch": "launched", "signing": "signed", "dedication": "dedicated",
    "demolition": "demolished", "creation": "created", "discovery": "discovered",
    "restoration": "restored", "closure": "closed", "closing": "closed",
    "renovation": "renovated", "consecration": "consecrated", "formation": "formed",
    "adoption": "adopted", "ratification": "ratified", "launching": "launched",
}
_VALUE_QUANTITY_RE = re.compile(
    r"^(?:nearly |about |approximately |around |over |more than |almost |c\. |ca\. |up to |"
    r"at least |under |less than |roughly |~ ?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?: (?P<scale>thousand|million|"
    r"billion))? ?(?P<unit>[^\d\s,;()][^,;()]*?)?$"
)
_UNITS = frozenset([*UNITS, "minutes", "hours", "days", "years", "seconds", "s", "min", "h",
                    "kg", "km/s", "m/s", "GHz", "MHz", "W", "V"])
_COUNT_VALUE_RE = re.compile(r"^(?P<num>\d{1,3}(?:,\d{3})+|\d+) (?P<noun>[a-z]+(?: [a-z]+)?)"
                             r"(?=$| \d)")
_NO_VALUE = frozenset({"unknown", "none", "n/a", "yes", "no", "|", "-"})
_FLAG_CODE_RE = re.compile(r"^[A-Z]{2,3} (?=[A-Z][a-z])")


@dataclass
class FieldInfo:
    f: InfoboxField
    kind: str  # date | year | quantity | count | person | place | org | attribute | life | skip
    parts: list[str] = field(default_factory=list)  # names in the value, cleaned
    span: Span | None = None  # the date in the value
    number: float | None = None
    number_text: str = ""
    unit: str = ""
    plural: bool = False  # several values that are all right ("Commander1", "Commander2")
    others: list[InfoboxField] = field(default_factory=list)  # the lines merged into it

    @property
    def typed(self) -> bool:
        return self.kind in ("date", "year", "quantity", "count", "person", "place", "org",
                             "life")


# The keys asked about, by the kind of article they make sense for. A key not listed
# (a template parameter, a transliteration, a file name, a numbered key) is never asked:
# "What is the p of X?" reads as nonsense and "Office2" is one of several right answers.
KNOWN_KEYS: dict[str, frozenset[str]] = {}


def _keys(text: str) -> frozenset[str]:
    """``"date signed | host city"`` -> {"date_signed", "host_city"}."""
    return frozenset("_".join(k.split()) for k in text.split("|") if k.strip())


KNOWN_KEYS.update({
    "person": _keys("""born | birth date | birthplace | birth place | place of birth | died |
        death date | death place | place of death | spouse | occupation | known for |
        resting place | nationality | position | office | collaborator | father | mother |
        alma mater | field | fields | awards | award | successor |
        known for | notable works"""),
    "place": _keys("country | headquarters | location | elevation | area | founded |"
                   "established | mouth | source | region | province | state"),
    "event": _keys("""date | dates | date signed | signed | location signed | location | place |
        venue | host city | cities | city | signatories | parties | opened | closed |
        established | result | participants | chairperson | organiser | organizer |
        organised by | organized by | outcome | nations | athletes | events | teams |
        countries | stadium | main venue"""),
    "org": _keys("""formed | founded | established | dissolved | headquarters | location |
        founder | founders | director | chairperson | architect | address | members |
        membership | country | president | secretary general | chairman | leader |
        members | founding location"""),
    "structure": _keys("""architect | designer | engineer | construction start |
        construction date | opened | built | completed | location | length | height |
        main span | material | crosses | carries | designed by | built by | established |
        founded | director | country | initiated by | main course length |
        longest span | total length | width | opened | design | owner | operator |
        construction | architectural style | style"""),
    "species": _keys("genus | conservation status | diet | distribution | habitat | family |"
                     "order | range | status"),
    "river": _keys("""mouth | source | length | cities | tributaries | country | countries |
        discharge | basin countries"""),
    # not "Launch Site": its value is a pad's code ("Wallops LA-3A"), not a place to learn
    "spacecraft": _keys("""launch date | launch rocket | operator |
        manufacturer | launch mass"""),
})

# Infobox keys whose value is a count of people or things ("Participants: 607
# representatives", "Membership: 121 member states ..."): asked as "how many".
_COUNT_KEYS = wordset("participants membership members athletes nations teams events "
                      "countries delegates")


def article_kind(article: Article, topic: Topic) -> str:
    """person | species | river | spacecraft | event | org | structure | place: decides
    the keys asked."""
    keys = {" ".join(key_words(f.key)) for f in infobox_fields(article)}
    if topic.is_person:
        return "person"
    if topic.is_species or keys & {"genus", "binomial name", "conservation status", "species"}:
        return "species"
    if keys & {"mouth", "tributaries", "basin size", "discharge", "source"}:
        return "river"
    if keys & {"launch date", "launch rocket", "cospar id", "mission type", "launch mass"}:
        return "spacecraft"
    if keys & {"date signed", "signatories", "parties", "participants", "date", "result",
               "host city", "conflict", "athletes", "nations"}:
        return "event"
    if keys & {"architect", "construction start", "construction date", "carries", "crosses",
               "design", "material", "main span", "length"}:
        return "structure"
    if keys & {"formed", "founded", "dissolved", "headquarters", "membership", "director",
               "chairperson", "jurisdiction", "agency name"}:
        return "org"
    return "place"


def known_key(f: InfoboxField, kind: str) -> bool:
    if re.search(r"\d", f.key):
        return False  # "Office2", "Commander1": one of several values, asked apart never
    key = "_".join(key_words(f.key))
    return key in KNOWN_KEYS.get(kind, frozenset())


_CONFLICT_RE = re.compile(r"\bor\b|\?|\blater than\b|\bpost\b|\bcirca\b|\bc\. ?\d|"
                          r"\bbefore\b|\bafter\b|\baged\b|^\W|^-")


def conflicting(value: str) -> bool:
    """Two values for one thing ("170 or 178"), a guess, or a fragment: not asked."""
    return bool(_CONFLICT_RE.search(value.strip()))


# Other spellings of a key that templates use ("Mainspan", "Open", "Locale").
_KEY_ALIASES = {"mainspan": "main span", "open": "opened", "begin": "construction start",
                "locale": "location", "prizes": "awards", "prize": "award",
                "tributaries left": "tributaries", "tributaries right": "tributaries",
                "left tributaries": "tributaries", "right tributaries": "tributaries",
                "almamater": "alma mater"}


def _without_age(value: str) -> str:
    """"121 CE (aged 59–71)": the age is a range because the birth year is unsure; the
    death year itself is one value."""
    return re.sub(r"\s*\((?:aged|age)\b[^)]*\)", "", value)


def key_words(key: str) -> list[str]:
    words = re.sub(r"\d+", " ", key.lower().replace("_", " ")).split()
    return _KEY_ALIASES.get(" ".join(words), " ".join(words)).split()


def classify(article: Article) -> list[FieldInfo]:
    keys = {f.key for f in infobox_fields(article)}
    out = [_classify(f, keys) for f in infobox_fields(article)]
    # "Commander1: A", "Commander2: B" are one field with two values: asking "Who was
    # the commander?" would have two right answers.
    groups: dict[str, list[FieldInfo]] = {}
    for fi in out:
        # "Tributaries Left" and "Tributaries Right" are one list too
        aliased = " ".join(key_words(fi.f.key)) != " ".join(fi.f.key.lower().split())
        if (re.search(r"\d", fi.f.key) or aliased) and not _paired_position(fi.f.key, keys):
            groups.setdefault(" ".join(key_words(fi.f.key)), []).append(fi)
    for members in groups.values():
        if len(members) < 2:
            continue
        first = members[0]
        if first.kind == "skip":
            continue
        first.plural = True
        for other in members[1:]:
            first.parts.extend(p for p in other.parts if p not in first.parts)
            first.others.append(other.f)
            other.kind = "skip"
    return out


def _place_like(text: str) -> bool:
    """A piece of a born/died value that can name a place: letters, not a date's leftovers."""
    return bool(text) and text[0].isalpha() and not re.search(r"\d", text)


def _classify(f: InfoboxField, keys: set[str]) -> FieldInfo:
    words = key_words(f.key)
    value = f.value.strip()
    if not words or not value or not is_latin_text(value) or value.lower() in _NO_VALUE:
        return FieldInfo(f, "skip")
    if any(len(w) > 4 and w.endswith(("of", "by", "for")) for w in words):
        return FieldInfo(f, "skip")  # "Partof": a template parameter, not a label
    last = words[-1]
    if words[0] in _SKIP_KEYS and not (last == "name" and _paired_position(f.key, keys)):
        return FieldInfo(f, "skip")
    if last == "name" and _paired_position(f.key, keys):
        return FieldInfo(f, "person", [_clean_name(value)])
    if last in ("position", "title", "role") and _paired_name(f.key, keys):
        return FieldInfo(f, "skip")  # asked together with its "Name" field
    if last in _SKIP_KEYS or value.lower().endswith((".svg", ".png", ".jpg")):
        return FieldInfo(f, "skip")
    spans = find_spans(value)
    if words[0] in ("born", "died", "birth", "death") or last in ("born", "died"):
        date = next((s for s in spans if s.kind in ("date", "monthyear")), None)
        # "1893-05-15" is a template's ISO date: its year is asked, and the "-05-15"
        # after it is no place.
        year = re.match(r"(\d{3,4})(?:-\d{1,2}-\d{1,2})?\b", value)
        if date is None and year:
            date = Span(year.group(1), year.start(1), year.end(1), "year", (int(year[1]),))
        rest = value[max(date.end, year.end() if year and date.kind == "year" else 0):] \
            if date else value
        rest = re.sub(r"\((?:aged|age)\b[^)]*\)", "", rest)  # "(aged 88–89)"
        rest = re.sub(r"^\s*(?:BCE?|CE|AD|A\.D\.|B\.C\.)(?!\w)", "", rest)  # "121 CE"
        places = [p.strip() for p in rest.split(",") if _place_like(p.strip())]
        return FieldInfo(f, "life", places, span=date)
    bare_count = re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", value)
    if last in _COUNT_KEYS and bare_count and not set(words) & _DATE_KEYS:
        # "Nations: 110", "Athletes: 9,308": a count of what the key names, not a year
        number = parse_number(value)
        if number is not None:
            return FieldInfo(f, "count", number=number, number_text=value, unit=last)
    iso = re.fullmatch(r"(\d{4})-\d{2}-\d{2}", value)
    if iso and set(words) & _DATE_KEYS:
        # "Founded: 1948-02-18" is a template's date: its year is what the value shows
        return FieldInfo(f, "year", span=Span(iso[1], 0, 4, "year", (int(iso[1]),)))
    if set(words) & _DATE_KEYS or re.fullmatch(r"(?:c\. )?\d{3,4}", value) or (
            spans and spans[0].kind == "date" and spans[0].text == value):
        if re.fullmatch(r"\d{3,4}", value):
            return FieldInfo(f, "year", span=Span(value, 0, len(value), "year", (int(value),)))
        # the whole value, or a date that opens it ("15 December 1964, 20:24:00 UTC")
        full = next((s for s in spans if s.kind in ("date", "monthyear")
                     and (s.text == value or s.start == 0)), None)
        if full:
            return FieldInfo(f, "date", span=full)
        if set(words) & _DATE_KEYS and not set(words) & (_PLACE_KEYS | _PERSON_KEYS):
            return FieldInfo(f, "skip")
    count = _COUNT_VALUE_RE.match(value)
    if last in _COUNT_KEYS and count:
        # "607 representatives", "121 member states 18 observer states": the first count
        number = parse_number(count["num"])
        noun = re.sub(r" (?:in|of|at|from|for|and)$", "", count["noun"])  # "events in"
        if number is not None:
            return FieldInfo(f, "count", number=number, number_text=count["num"], unit=noun)
    m = _VALUE_QUANTITY_RE.match(value)
    known_unit = bool(m and m["unit"] and m["unit"].split()[0] in _UNITS)
    quantity_key = bool(set(words) & _QUANTITY_KEYS) or known_unit
    if quantity_key and m and m["unit"] and not set(words) & _DATE_KEYS:
        number = parse_number(m["num"] + (f" {m['scale']}" if m["scale"] else ""))
        if number is not None:
            unit = re.sub(r"\s+(?:tall|long|wide|high|deep|thick|across|in diameter)$", "",
                          m["unit"].strip())  # "112.3 cm tall": the unit is cm
            return FieldInfo(f, "quantity", number=number, number_text=m["num"], unit=unit)
    if set(words) & _PERSON_KEYS or (last == "by" and len(words) >= 2):
        parts = _split_names(value) if last in _PLURAL_KEYS or "," in value else [value]
        parts = [_clean_name(p) for p in parts]
        if len(parts) == 1 and last not in _PLURAL_KEYS and ", " in parts[0]:
            return FieldInfo(f, "person", parts)  # "William, Duke of Normandy"
        if any(set(p.split()) & (ORG_WORDS | PLACE_WORDS) or p.startswith(("The ", "United "))
               for p in parts):
            return FieldInfo(f, "org", parts)  # "Initiated By: Ministry of ...": not a person
        if all(_looks_like_name(p) for p in parts):
            return FieldInfo(f, "person", parts)
        return FieldInfo(f, "skip")
    if set(words) & _PLACE_KEYS:
        parts = [p.strip() for p in value.split(",") if p.strip()]
        return FieldInfo(f, "place", parts)
    if set(words) & _ORG_KEYS:
        if "," in value and not re.search(r"[a-z]", value):
            return FieldInfo(f, "skip")  # codes such as "PRK, ROK"
        parts = _split_names(value) if last in _PLURAL_KEYS else [value]
        return FieldInfo(f, "org", [p for p in parts if p])
    short = re.sub(r"\s*\([^)]*\)", "", value).strip()
    noun_key = key_is_noun(words)
    if (set(words) & _ATTRIBUTE_KEYS or (len(words) <= 2 and noun_key)) \
            and 1 <= len(short.split()) <= 6 \
            and not re.search(r"(?<![\w-])\d", short) and last not in _NOT_ATTRIBUTES:
        # "Diet: Mainly fruits and insects", "Genus: Paradisaea", "Orbit Regime: Low Earth"
        return FieldInfo(f, "attribute", [p.strip() for p in short.split(",") if p.strip()])
    return FieldInfo(f, "skip")


def key_is_noun(words: list[str]) -> bool:
    """"Diet", "Orbit Regime", "Known For" (yes: asked as "known for"), not "Illustrated"."""
    if " ".join(words) == "known for":
        return True
    last = words[-1]
    return not (last in ("for", "by", "as", "of", "in", "to", "with") or last.endswith("ed"))


def _paired_position(key: str, keys: set[str]) -> str | None:
    """``Chief1 Name`` goes with ``Chief1 Position``."""
    if not key.lower().endswith("name"):
        return None
    stem = key[: -len("name")].strip()
    if not stem:
        return None
    for k in keys:
        if k != key and k.startswith(stem) and k.lower().endswith(("position", "title", "role")):
            return k
    return None


def _paired_name(key: str, keys: set[str]) -> bool:
    stem = re.sub(r"(?i)(position|title|role)$", "", key).strip()
    return bool(stem) and any(k != key and k.startswith(stem) and k.lower().endswith("name")
                              for k in keys)


def _split_names(value: str) -> list[str]:
    """``A, B and C`` -> three names; ``William, Duke of Normandy`` stays one."""
    parts: list[str] = []
    for piece in re.split(r",\s*|\s+and\s+|;\s*", value):
        piece = piece.strip()
        if not piece:
            continue
        toks = piece.split()
        # "Duke of Normandy", "the Conqueror": a title or description of the name before;
        # "Lord Kitchener", "Sir Alfred Milner": a titled name of its own
        describes = toks[0][:1].islower() or (
            toks[0].lower() in _TITLE_WORDS and (len(toks) == 1 or toks[1] in ("of", "the")))
        if parts and describes:
            parts[-1] = f"{parts[-1]}, {piece}"
        else:
            parts.append(piece)
    return parts


def _clean_name(name: str) -> str:
    """``PRK Kim Jong-un`` (a flag code left by the conversion) -> ``Kim Jong-un``."""
    return _FLAG_CODE_RE.sub("", name.strip())


def _looks_like_name(text: str) -> bool:
    toks = text.split()
    return 1 <= len(toks) <= 5 and toks[0][:1].isupper() and not re.search(r"\d", text)


def gazetteer(fields: list[FieldInfo]) -> dict[str, str]:
    """Names from typed fields, for recognising them in the prose."""
    out: dict[str, str] = {}
    for fi in fields:
        kind = {"person": PERSON, "place": PLACE, "org": ORG, "life": PLACE}.get(fi.kind)
        if kind is None:
            continue
        for part in fi.parts:
            if fi.kind == "place" or fi.kind == "life":
                part = re.sub(r"^(?:[a-z]+ )*(?:parish|municipality|city|town|village|"
                              r"province|region|district) of ", "", part, flags=re.I)
            if kind == PERSON:
                part = part.split(", ")[0]  # "William, Duke of Normandy" is written "William"
            if part and part[0].isupper():
                out[part] = kind
    return out


def _tense(article: Article) -> str:
    keys = " ".join(f.key.lower() for f in infobox_fields(article))
    return "was" if re.search(r"dissolved|abolished|died|death|demolished|closed|defunct|"
                              r"ended|decommissioned", keys) else "is"


# Reviewers call these trivia when only the key facts hold them (a taxon rank, a street
# address): asked only when the prose says them too.
_PROSE_ONLY_KEYS = {"family", "order", "class", "phylum", "kingdom", "address"}


def candidates(article: Article, fields: list[FieldInfo], topic: Topic) -> list[Candidate]:
    """One question (two for birth and death) per typed field."""
    kind = article_kind(article, topic)
    be = "was" if kind in ("event", "spacecraft") else _tense(article)
    s = topic.noun_phrase
    keys = {fi.f.key: fi for fi in fields}
    out: list[Candidate] = []
    for fi in fields:
        f = fi.f
        if not known_key(f, kind) or conflicting(_without_age(f.value)):
            continue
        words = key_words(f.key)
        last = words[-1] if words else ""
        key_l = " ".join(words)
        if key_l in _PROSE_ONLY_KEYS and prose_support(article, re.sub(
                r"\s*\([^)]*\)", "", f.value).strip()) is None:
            continue

        def add(rule: str, qtype: str, prompt: str, answer, kind: str, answer_text: str,
                _f: InfoboxField = f, _fi: FieldInfo = fi, **kw) -> None:
            # the quote is "Key: Value", without the list dash in front; a list merged
            # from several lines quotes each of them
            quotes = []
            for line in [_f, *_fi.others]:
                start = article.text.find(line.key, line.line_start, line.line_end)
                quotes.append((max(start, line.line_start), line.line_end))
            out.append(Candidate(
                rule=rule, type=qtype, prompt=tidy(prompt), answer=answer, kind=kind,
                quotes=quotes, group=_f.line_start,
                answer_text=answer_text,
                explanation=f"The article's key facts give {_f.key}: {_f.value}.", **kw))

        if fi.kind in ("date", "year"):
            event = " ".join(w for w in words if w not in ("date", "dates"))
            lead = "In what year" if fi.kind == "year" else "When"
            prompt = _date_prompt(words, s, fi.kind) or (
                f"{lead} was the {event} of {s}?" if event else f"{lead} did {s} take place?")
            if prompt and "construction" in words and _has_founding(keys):
                # founded long before its present building went up
                prompt = prompt.replace(f"was {s} constructed", f"was the building of {s} "
                                        "constructed")
            if prompt is None:
                continue
            if fi.kind == "year":
                assert fi.span is not None
                year = fi.span.text
                add("infobox-date", "number", prompt, int(year), "year", year, span=fi.span,
                    number_format=year, score=3.3, difficulty=2, tags=["dates"])
            else:
                assert fi.span is not None
                add("infobox-date", "text", prompt, fi.span.text, fi.span.kind, fi.span.text,
                    accept=date_forms(fi.span), span=fi.span, score=3.3, tags=["dates"])
        elif fi.kind == "life":
            verb = "born" if "born" in words or "birth" in words else "die"
            when = f"When was {s} born?" if verb == "born" else f"When did {s} die?"
            where = f"Where was {s} born?" if verb == "born" else f"Where did {s} die?"
            if fi.span is not None:
                qtype = "number" if fi.span.kind == "year" else "text"
                answer = int(fi.span.text) if qtype == "number" else fi.span.text
                add("infobox-date", qtype, when, answer, fi.span.kind, fi.span.text,
                    accept=date_forms(fi.span), span=fi.span, score=3.3, tags=["dates"])
            if fi.parts:
                add("infobox-place", "text", where, fi.parts[0], PLACE, fi.parts[0],
                    accept=[", ".join(fi.parts)] if len(fi.parts) > 1 else [],
                    exclude=fi.parts[1:], score=3.3, tags=["places"])
        elif fi.kind == "count":
            prompt = _count_prompt(words, s, be, fi.unit)
            add("infobox-number", "number", prompt, int(fi.number or 0), "count", fi.number_text,
                unit=fi.unit, number_format=fi.number_text, score=3.2, tags=["numbers"])
        elif fi.kind == "quantity":
            if words[-1] == "elevation" and _PROSE_HEIGHT_RE.search(article.text):
                continue  # "Elevation: 57 m" beside "stands 55 m tall": two figures to confuse
            prompt = _quantity_prompt(words, s, be, fi.unit)
            value = int(fi.number) if fi.number == int(fi.number or 0) else fi.number
            add("infobox-number", "number", prompt, value, "quantity", fi.number_text,
                unit=fi.unit, number_format=fi.number_text, score=3.2, tags=["numbers"])
        elif fi.kind == "person":
            pos_key = _paired_position(f.key, set(keys))
            names = fi.parts
            if pos_key:
                role = keys[pos_key].f.value if pos_key in keys else ""
                if not role:
                    continue
                prompt = f"Who {be} the {role} of {s}?"
            elif key_l == "successor":
                # "Succession: Empress Dowager of the Han dynasty" says in what office
                office = next((x.value for x in infobox_fields(article)
                               if x.key.lower() == "succession" and is_latin_text(x.value)), "")
                prompt = f"Who succeeded {s} as {office}?" if office else f"Who succeeded {s}?"
            elif last == "by" and len(words) >= 2:
                prompt = f"Who {' '.join(words[:-1])} {s}?"
                honorific = re.match(
                    r"(?:King|Queen|Emperor|Empress|President|Pope|Sir|Saint) ", names[0])
                if honorific:
                    names = [names[0], names[0][honorific.end():]]
            elif fi.plural:
                prompt = f"Name one of the {_plural(key_l)} of {s}."
            elif len(names) > 1 or last in _PLURAL_KEYS:
                single = _singular(key_l)
                prompt = f"Name one of the {key_l} of {s}." if len(names) > 1 else \
                    f"Who {be} the {single} of {s}?"
            elif last in _A_ROLES:
                prompt = f"Who was a {key_l} of {s}?"

            else:
                was = be if last in ("director", "head", "chief", "president", "chairman",
                                     "manager", "owner", "leader", "curator", "principal") \
                    else "was"
                prompt = f"Who {was} the {key_l} of {s}?"
            bare = [n.split(", ")[0] for n in names if ", " in n]  # "William"
            rank = re.match(_RANK_RE, names[0])
            if rank and len(names[0][rank.end():].split()) >= 2:
                bare.append(names[0][rank.end():])  # "Colonel Nilton Gomes Rolim"
            other = _other_names(article.text, names)
            add("infobox-person", "text", prompt, names[0], PERSON, names[0],
                accept=names[1:] + bare, exclude=names[1:] + other, score=3.3,
                tags=["people"])
        elif fi.kind == "place":
            answer = fi.parts[0]
            if any(p[:1].islower() for p in fi.parts[1:]):
                continue  # "Second Gorge ..., crossing the ... border": no place list to check
            division = _division_word(article.text, answer) if key_l == "region" else None
            # "Region: Mendoza" where the prose says "Mendoza Province": a region could be
            # the Andes or South America too, so ask for the province
            prompt = _place_prompt([division] if division else words, s, be, kind)
            town = place_lookup(answer)
            if key_l in ("location", "locale") and town is not None and town.sort == CITY:
                # "Where is the bridge?" is as rightly "over the Yangtze": ask for the city
                prompt = f"In which city {be} {s}?"
            accept = []
            if len(fi.parts) > 1:
                # "Lisbon, Portugal": it is in Portugal too, so each part is right
                # the whole value is right, a part of it alone is not: a country is no
                # answer to "where is this city?"
                accept = [f.value]
                if _strip_place_noun(answer) != answer:
                    answer = _strip_place_noun(answer)
                    accept = [fi.parts[0], *accept]
            add("infobox-place", "text", prompt, answer, PLACE, answer,
                accept=list(dict.fromkeys(a for a in accept if a != answer)),
                exclude=fi.parts[1:], score=3.1, tags=["places"])
        elif fi.kind == "org":
            names = fi.parts
            if len(names) > 1:
                prompt = f"Name one of the {_plural(key_l) if fi.plural else key_l} of {s}."
                if last == "parties":
                    prompt = f"Name one of the parties to {s}."
            elif key_l in ("operator", "manufacturer"):
                verb = "operated" if key_l == "operator" else "built"
                prompt = f"Which organisation {verb} {s}?"
            else:
                prompt = f"What {be} the {key_l} of {s}?"
            add("infobox-org", "text", prompt, names[0], ORG, names[0], accept=names[1:],
                exclude=names[1:], score=3.1, tags=["organisations"])
        elif fi.kind == "attribute":
            tense = "was" if topic.is_person else be
            if last.endswith("s") and not last.endswith(("ss", "us", "is")):
                tense = {"was": "were", "is": "are"}[tense]  # "Fields", "Languages"
            # "Mainly fruits and insects": the hedge is not part of any item
            parts = [re.sub(r"^(?:mainly|mostly|chiefly|largely|primarily|usually) ", "", p,
                            flags=re.I) for p in fi.parts]
            items = [x for p in parts for x in re.split(r"\s+and\s+", p) if x]
            if len(items) > 1 or fi.plural:
                # A list is never a typed answer: ask for one item, and take any of them.
                one_of = _one_of_prompt(words, s, fi.plural)
                if one_of is None:
                    continue
                add("infobox-attribute", "text", one_of, items[0], "attribute", items[0],
                    accept=items[1:], exclude=items[1:], score=2.0, tags=["facts"])
                continue
            prompt = f"What {tense} the {key_l} of {s}?"
            special = _attribute_prompt(key_l, s, fi.parts[0], topic)
            if special == "":
                continue
            if special:
                prompt = special
            elif last == "position":
                prompt = f"What position did {s} hold?"
            elif key_l == "known for":
                if len(fi.parts[0].split()) > 3:
                    continue  # "Exploration of West Africa": a phrase nobody types word for word
                prompt = f"What is {s} known for?"
            elif key_l in ("crosses", "carries"):
                prompt = f"What does {s} {key_l[:-2] if key_l == 'crosses' else 'carry'}?"
            answer = fi.parts[0]
            accept = [items[0]] if items[0] != answer else []
            if key_l in ("conservation status", "status") and answer.upper() in _IUCN:
                # "Conservation status: CR": asked only in the words the prose uses
                words_for = _prose_form(article, _IUCN[answer.upper()])
                if words_for is None:
                    continue
                answer, accept = words_for, [answer]
            add("infobox-attribute", "text", prompt, answer, "attribute", answer,
                accept=accept, score=2.0, tags=["facts"])
    return out


def _attribute_prompt(key: str, s: str, value: str, topic: Topic) -> str | None:
    """A natural prompt for a one-value key ("" when the key is not asked for this
    value; None to use the plain "What is the KEY of X?")."""
    if key == "design":
        # "Design: Suspension bridge" names the kind of structure; "Design: medium" not
        head = value.split()[-1].lower()
        return f"What type of {head} is {s}?" if head in topic.heads and \
            len(value.split()) > 1 else ""
    return _ATTRIBUTE_PROMPTS[key].format(s=s) if key in _ATTRIBUTE_PROMPTS else None


_IUCN = {"EX": "extinct", "EW": "extinct in the wild", "CR": "critically endangered",
         "PE": "possibly extinct", "EN": "endangered", "VU": "vulnerable",
         "NT": "near threatened", "LC": "least concern", "DD": "data deficient"}


def _prose_form(article: Article, phrase: str) -> str | None:
    """``phrase`` as the article's prose writes it, if it does."""
    m = re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", article.text, re.IGNORECASE)
    return m.group(0) if m and prose_support(article, m.group(0)) else None


_ATTRIBUTE_PROMPTS = {
    "mouth": "Into which body of water does {s} flow?",
    "source": "Where does {s} rise?",
    "stadium": "What was the main stadium of {s}?",
    "main venue": "What was the main venue of {s}?",
    "launch rocket": "Which rocket launched {s}?",
    "alma mater": "At which institution was {s} educated?",
    "field": "In which field did {s} work?",
    "fields": "In which field did {s} work?",
    "award": "Which award did {s} receive?",
    "awards": "Which award did {s} receive?",
    "notable works": "Name a notable work by {s}.",
}

# Keys whose list values are asked one item at a time in their own words.
_ONE_OF = {
    "field": "Name one field in which {s} worked.",
    "fields": "Name one field in which {s} worked.",
    "awards": "Name one award {s} received.",
    "tributaries": "Name one tributary of {s}.",
    "notable works": "Name a notable work by {s}.",
    "diet": "Name one food in the diet of {s}.",
    "food": "Name one food in the diet of {s}.",
    "prey": "Name one animal that {s} preys on.",
    "distribution": "Name one place where {s} is found.",
    "range": "Name one place where {s} is found.",
    "habitat": "Name one habitat of {s}.",
    "known for": "Name one thing {s} is known for.",
    "occupation": "Name one of the occupations of {s}.",
    "carries": "Name one kind of traffic that {s} carries.",
    "material": "Name one material {s} is built of.",
    "materials": "Name one material {s} is built of.",
}


def _one_of_prompt(words: list[str], s: str, plural: bool) -> str | None:
    """"Name one of the primary inflows of X." for plural keys; None where no natural
    wording is known (a singular key with a list value reads badly as "one of")."""
    key = " ".join(words)
    if key in _ONE_OF:
        return _ONE_OF[key].format(s=s)
    last = words[-1]
    if plural or (last.endswith("s") and not last.endswith(("ss", "us", "is"))):
        return f"Name one of the {_plural(key)} of {s}."
    return None


_NAME_PAREN_RE = re.compile(r"([A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3}) \(([A-Z][\w' -]{1,40})\)")


def _other_names(text: str, names: list[str]) -> list[str]:
    """The article's other name for a person ("Liu Hong (Emperor Ling)" for "Emperor
    Ling of Han"): right too, so it is never offered as a wrong choice."""
    out: list[str] = []
    for m in _NAME_PAREN_RE.finditer(text):
        a, b = m.group(1), m.group(2)
        for name in names:
            for mine, other in ((a, b), (b, a)):
                if (name == mine or name.startswith(mine + " ")) and other not in names \
                        and other not in out:
                    out.append(other)
    return out


_RANK_RE = (r"(?:Colonel|General|Lieutenant|Major|Captain|Admiral|Marshal|Brigadier|Commander|"
            r"Dr\.?|Professor|Sir|Dame|Lord|Lady) ")


def _has_founding(keys: dict[str, FieldInfo]) -> bool:
    return any(set(key_words(k)) & {"established", "founded", "formed", "founding"}
               for k in keys)


def _date_prompt(words: list[str], s: str, kind: str) -> str | None:
    lead = "In what year" if kind == "year" else "When"
    ws = [w for w in words if w != "date"]
    if len(ws) == 1 and (ws[0].endswith("ed") or ws[0] in ("built", "begun")):
        return f"{lead} was {s} {ws[0]}?"  # "Formed", "Date Signed", "Established"
    if len(ws) == 1 and ws[0] in _NOUN_TO_PARTICIPLE:
        return f"{lead} was {s} {_NOUN_TO_PARTICIPLE[ws[0]]}?"  # "Construction Date"
    if len(ws) == 2 and ws[1] in ("start", "started", "begun", "began"):
        return f"{lead} did the {ws[0]} of {s} start?"  # "Construction Start"
    if len(ws) == 2 and ws[1] in ("end", "ended", "completed", "completion"):
        return f"{lead} was the {ws[0]} of {s} completed?"
    if len(ws) == 1 and ws[0] == "year":
        return None
    return None


def _count_prompt(words: list[str], s: str, be: str, noun: str) -> str:
    """"Participants: 607 representatives" -> "How many representatives took part in X?"."""
    if words[-1] in ("athletes", "teams", "competitors"):
        # not "took part" as for nations: two prompts that differ in one word read as one
        return f"How many {noun} competed at {s}?"
    if words[-1] in ("participants", "nations", "countries", "delegates"):
        return f"How many {noun} took part in {s}?"
    if words[-1] == "events":
        return f"How many events were contested at {s}?"
    if noun == "membership":
        noun = "members"  # "Membership: 16,500": not "How many membership"
    have = "did" if be == "was" else "does"
    return f"How many {noun} {have} {s} have?"


# a structure's own height in the prose ("stands 55 m tall", "is 120 metres high")
_PROSE_HEIGHT_RE = re.compile(
    r"\b\d[\d.,]*\s*(?:m|metres|meters|ft|feet)\b[^.]{0,12}\b(?:tall|high)\b")


def _quantity_prompt(words: list[str], s: str, be: str, unit: str) -> str:
    """"Main Course Length: 18 km" -> "How long is the main course of X (in km)?"."""
    adjective = {"length": "long", "height": "tall", "width": "wide", "depth": "deep"}
    if words[-1] == "span" and len(words) == 2:
        return f"How long {be} the {words[0]} span of {s} (in {unit})?"  # "Main Span"
    if words[-1] in adjective and words[0] not in ("span",):
        rest = " ".join(words[:-1])
        what = f"the {rest} of {s}" if rest else s
        return f"How {adjective[words[-1]]} {be} {what} (in {unit})?"
    return f"What {be} the {' '.join(words)} of {s} (in {unit})?"


def _place_prompt(words: list[str], s: str, be: str, kind: str = "") -> str:
    key = " ".join(words)
    if kind == "river" and key == "cities":
        return f"Name one city on {s}."
    if key == "host city":
        return f"Which city hosted {s}?"
    if key in ("city", "cities"):
        return f"In which city was {s} held?"
    if key in ("region", "province", "state", "prefecture"):
        return f"In which {key} {be} {s}?"
    if key in ("place", "venue", "site"):
        return f"Where did {s} take place?"
    if words[-1] == "location" and len(words) == 1:
        return f"Where {be} {s} located?"
    if words[0] == "location" and len(words) == 2 and words[1].endswith("ed"):
        return f"Where was {s} {words[1]}?"  # "Location Signed"
    if words[-1] == "headquarters":
        return f"Where {'were' if be == 'was' else 'are'} the headquarters of {s}?"
    if words[-1] == "country" and len(words) == 1:
        return f"In which country {be} {s}?"
    if words[-1] == "address":
        return f"What {be} the address of {s}?"
    if key in ("resting place", "burial place", "place of burial"):
        return f"Where is {s} buried?"
    return f"What {be} the {key} of {s}?"


def _division_word(text: str, name: str) -> str | None:
    """"province" when the article writes ``name`` as "Mendoza Province" or "Anhui
    province" (the kind of region it is), else None."""
    m = re.search(rf"(?<![\w-]){re.escape(name)} ([Pp]rovince|[Ss]tate|[Pp]refecture)\b", text)
    return m.group(1).lower() if m else None


def _strip_place_noun(part: str) -> str:
    """``Parish of Caneças`` -> ``Caneças``."""
    return re.sub(r"^(?:[A-Za-z]+ )*?(?:parish|municipality|city|town|village|province|"
                  r"region|district|county) of ", "", part, flags=re.I)


def _plural(key: str) -> str:
    if key.endswith("s"):
        return key
    if key.endswith("y") and key[-2:-1] not in "aeiou":
        return key[:-1] + "ies"
    return key + ("es" if key.endswith(("ch", "sh", "x")) else "s")


def _singular(key: str) -> str:
    if key.endswith("ies"):
        return key[:-3] + "y"
    return key[:-1] if key.endswith("s") else key


def prose_support(article: Article, answer: str, topic: Topic | None = None
                  ) -> tuple[int, int] | None:
    """A prose sentence that states ``answer`` too (it makes a better explanation): a
    whole sentence, and one about ``topic`` (Alfred Nobel's birthplace does not say where
    the Nobel Foundation is)."""
    if len(answer) < 3:
        return None
    for p in article.paragraphs:
        if p.bullet:
            continue
        for s in p.sentences:
            if not contains_folded(s.text, answer) or not s.text[:1].isupper() or \
                    has_hole(s.text):
                continue  # "at the Pershing Stadium in Paris.": a sentence cut in two
            if topic is not None and not _about(s.text, topic):
                continue
            return (s.start, s.end)
    return None


def _about(sentence: str, topic: Topic) -> bool:
    """Does ``sentence`` speak of ``topic`` (by name, as "the <head>", or "It"/"He")?"""
    if topic.is_person:
        return bool(re.match(r"(?:He|She|His|Her)\b", sentence)) or any(
            len(w) >= 3 and re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", sentence)
            for w in topic.title.split())
    names = [topic.title, topic.short, topic.noun_phrase.removeprefix("the "), *topic.aliases]
    return bool(re.match(r"(?:It|Its|This|These)\b", sentence)) or any(
        contains_folded(sentence, n) for n in names if n) or any(
        re.search(rf"\b[Tt]he (?:[\w-]+ ){{0,2}}{re.escape(h)}\b", sentence)
        for h in topic.heads)

