"""Wrong options of the answer's own kind, taken from the article itself.

Dates come from the article's other dates (written the same way), amounts
from amounts with the same unit, names from names of the same kind; when the
article has too few, numbers and dates are perturbed. Never the answer, never
an accepted form, never a name the question's own sentence mentions (it may
well be another right answer), never one that would also be correct.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quiz.bank.article import Article
from quiz.bank.normalize import contains_folded, fold
from quiz.generate import places
from quiz.generate.audit import stated
from quiz.generate.candidate import Candidate
from quiz.generate.entities import (
    EVENT,
    EVENT_WORDS,
    ORG,
    ORG_WORDS,
    PERSON,
    PLACE,
    PLACE_WORDS,
    EntityIndex,
)
from quiz.generate.lifespan import END_WORDS, START_WORDS, Lifespan, lifespan, side
from quiz.generate.spans import Span, date_parts, date_sort_key, find_spans, format_like
from quiz.generate.text import content_words, short_hash, wordset

_ROMAN_RE = re.compile(r"[ivx]+", re.IGNORECASE)
_ROYAL_RE = re.compile(r"\b(?:King|Queen|Emperor|Empress|Pope|Tsar|Sultan) |\b[IVX]+$")


_BUILT = wordset(
    "Abbey Castle Palace Tower House Hall Cathedral Temple Church Mosque Monastery Building "
    "Stadium Station Bridge Gate Wall Airport Harbour Harbor Port Canal Road Street Avenue Square "
    "Park Garden Gardens")
_NATURAL = wordset(
    "Hill Hills Mountain Mountains River Valley Lake Sea Ocean Island Islands Desert Forest "
    "Peninsula Bay Coast Gulf Strait Estuary Basin Plain Plains Falls Glacier Reef Cape Peak "
    "Range Delta Channel Archipelago Atoll Lagoon Highlands Lowlands")


@dataclass
class Pools:
    """Everything in the article a distractor may be drawn from."""

    dates: dict[str, list[Span]] = field(default_factory=dict)  # by kind
    amounts: list[Span] = field(default_factory=list)
    names: dict[str, list[str]] = field(default_factory=dict)  # by kind, in article order
    # Places named together ("Vienna, Austria-Hungary") may contain one another, and the
    # places the subject is "in" are right answers to many "in ____" questions.
    related: dict[str, set[str]] = field(default_factory=dict)  # folded -> folded
    with_the: set[str] = field(default_factory=set)  # names the article writes after "the"
    topic_places: set[str] = field(default_factory=set)  # folded
    topic_names: tuple[str, ...] = ()
    units: list[str] = field(default_factory=list)  # the article's statements, for stated()
    country: places.Country | None = None  # the country the article is set in, if plain
    life: Lifespan = field(default_factory=Lifespan)  # the subject's own start and end
    folded_text: str = ""  # the whole article, folded: a table name it never mentions is safe
    latest_year: int = 0  # the latest year the article names anywhere

    def relate(self, names: list[str]) -> None:
        folded = [fold(n) for n in names]
        for a in folded:
            self.related.setdefault(a, set()).update(b for b in folded if b != a)

    def add_span(self, span: Span) -> None:
        if span.kind in ("date", "year", "monthyear", "daymonth", "erayear"):
            self.dates.setdefault(span.kind, []).append(span)
            if span.kind in ("date", "monthyear") and isinstance(span.value, tuple):
                y = str(span.value[0])
                self.dates.setdefault("year", []).append(Span(y, 0, 4, "year", (span.value[0],)))
        elif span.kind in ("money", "quantity", "count"):
            self.amounts.append(span)


def build_pools(spans: list[Span], index: EntityIndex, gazetteer: dict[str, str]) -> Pools:
    pools = Pools()
    for s in spans:
        pools.add_span(s)
    for name, kind in [*index.kinds.items(), *gazetteer.items()]:
        lst = pools.names.setdefault(kind, [])
        if all(fold(name) != fold(n) for n in lst):
            lst.append(name)
    return pools


def learn_article(pools: Pools, article: Article) -> None:
    """What the choices need to know of the whole article: its country and the subject's
    own dates."""
    pools.country = places.main_country(article.text)
    pools.life = lifespan(article)
    pools.folded_text = f" {fold(article.text)} "
    pools.latest_year = max((int(y) for y in _BARE_YEAR_RE.findall(article.text)), default=0)


def _forbidden(c: Candidate) -> list[str]:
    return [str(c.answer) if not isinstance(c.answer, list) else "", *c.accept, *c.exclude]


def _clashes(option: str, c: Candidate, context: str) -> bool:
    """Would ``option`` be the answer again, or another right answer?"""
    f = fold(option)
    if not f:
        return True
    for bad in _forbidden(c):
        b = fold(bad)
        if b and (f == b or f" {f} " in f" {b} " or f" {b} " in f" {f} "):
            return True
    # a name the prompt's own sentence mentions may be right as well
    return bool(context) and contains_folded(context, option)


_DATE_KINDS = ("date", "monthyear", "daymonth", "year", "erayear")


def pick(c: Candidate, pools: Pools, context: str, n: int = 3) -> list[str]:
    """Up to ``n`` distractors for ``c``; ``context`` is the text they must not occur in."""
    span = c.span if isinstance(c.span, Span) else None
    if c.kind in ("date", "monthyear", "daymonth", "year", "erayear") and span is not None:
        options = _in_order(span, c.prompt, _date_options(span, pools))
        options = _in_life(span, c, options, pools)
    elif c.kind in ("money", "quantity", "count") and span is not None:
        options = _amount_options(span, c, pools)
    elif c.kind == "quantity":  # an infobox amount: no span, so perturb it
        options = _perturb_number(float(c.answer), c.number_format)  # type: ignore[arg-type]
    else:
        options = _name_options(c, pools)
    if c.kind == PLACE:
        options = _place_options(c, pools, options)
    if c.kind in (PLACE, ORG, EVENT):
        options = _same_head(str(c.answer), c.prompt, options)
    if c.kind == EVENT:
        options = _same_event_sort(str(c.answer), options)
    if c.kind in (PERSON, ORG) and _described_by_nation(c.prompt):
        return []  # "the American space agency _____": only one option is American
    if c.kind in (PLACE, ORG) and pools.with_the:
        # "the Transvaal" cannot become "the London": keep the article right
        the = fold(str(c.answer)) in pools.with_the
        # a table name the article never writes is judged by its sort ("the Yellow Sea")
        options = [o for o in options if (fold(o) in pools.with_the) == the
                   or (f" {fold(o)} " not in pools.folded_text and places.lookup(o)
                       and places.takes_the(o) == the)]
    if c.kind == PLACE:
        near = pools.related.get(fold(str(c.answer)), set())
        about_topic = any(contains_folded(c.prompt, t) for t in pools.topic_names)
        options = [o for o in options if fold(o) not in near
                   and not (about_topic and fold(o) in pools.topic_places)]
    # a name in the sentences around may be right as well; a date there is another
    # event's (whether it is also true of this one, stated() below tells)
    around = context if c.kind in _DATE_KINDS else context + " " + c.nearby
    out: list[str] = []
    for o in options:
        if len(out) == n:
            break
        if _clashes(o, c, around) or any(_same_name(o, x) or _abbreviates(o, x)
                                          for x in [*out, str(c.answer)]):
            continue
        if pools.units and stated(pools.units, c.prompt, o):
            continue  # the article says this is right somewhere else (a second birth year)
        out.append(o)
    return out


# a blank that is plainly a town: "born in _____", "the city of _____"
_SETTLEMENT_RE = re.compile(r"\b(?:(?:born|died) (?:in|at)|(?:city|town|village) of) _____|"
                            r"^In (?:which|what) (?:city|town)\b")
_SETTLEMENT_WORDS = wordset("County City Town Village District Prefecture Municipality "
                            "Township")


def _place_options(c: Candidate, pools: Pools, from_article: list[str]) -> list[str]:
    """A country gets countries (its neighbours first), a city cities of its own country,
    a province provinces, a river rivers, a sea seas: from the table when the article
    never mentions them (so they cannot be true anywhere in it), then the article's own
    names of that sort. A place the table does not know gets the article's places that
    the table does not put in another sort, and, when it is plainly a town of the
    article's country, that country's cities."""
    answer = str(c.answer)
    entry = places.lookup(answer, pools.country)

    def unmentioned(names: list[str]) -> list[str]:
        return [n for n in names if f" {fold(n)} " not in pools.folded_text
                and not places.contains(n, answer) and not places.contains(answer, n)]

    compass = _COMPASS_REGION_RE.fullmatch(answer)
    if entry is None and compass:
        # "West Africa": the other parts of that continent, never a farm or a country
        regions = [f"{d} {compass.group(2)}" for d in _COMPASS_PARTS[compass.group(2)]]
        return _shuffled([r for r in unmentioned(regions) if fold(r) != fold(answer)], answer)
    if entry is None and answer in _CONTINENT_NAMES:
        # "migration from Asia": other continents, never a city or a mountain; but
        # "Ethiopia was the only independent country left in _____" forces Africa
        known = [k for k in (pools.country, places.main_country(c.prompt)) if k is not None]
        if any(fold(answer) in k.region for k in known):
            return []
        return _shuffled([x for x in _CONTINENT_NAMES if x != answer], answer)
    if entry is None:
        keep = [o for o in from_article if ((e := places.lookup(o, pools.country)) is None
                or e.sort == places.CITY) and o not in _CONTINENT_NAMES
                and _feature_word(o) == _feature_word(answer)]
        settlement = (answer.split()[-1] in _SETTLEMENT_WORDS if answer.split() else False) \
            or bool(_SETTLEMENT_RE.search(c.prompt))
        if pools.country is not None and settlement:
            keep += _shuffled(unmentioned(list(pools.country.cities)), answer)
        return keep
    if entry.sort == places.COUNTRY and entry.country is not None and \
            _names_part_of(c.prompt, entry.country):
        return []  # "the city walls of Xiangyang in _____": the prompt already says China
    table = places.same_sort_names(entry, _era(c, pools))
    if entry.sort == places.COUNTRY:
        # the answer's region, then the regions next to it, then the world: each shuffled
        region = [n for n in table if (e := places.lookup(n)) is not None
                  and e.region == entry.region]
        rest = table[len(region):]
        world = [n for n in rest if (e := places.lookup(n)) is not None
                 and e.region not in places.neighbours(entry.region)]
        next_door = rest[:len(rest) - len(world)]
        ordered = [n for part in (region, next_door, world)
                   for n in _shuffled(unmentioned(part), answer)]
    else:
        ordered = _shuffled(unmentioned(table), answer)
    same = [o for o in from_article if (e := places.lookup(o, pools.country)) is not None
            and e.sort == entry.sort
            and (entry.sort in (places.COUNTRY, places.SEA) or e.country == entry.country)]
    return [o for o in dict.fromkeys(ordered + same) if fold(o) != fold(answer)]


_CONTINENT_NAMES = ("Africa", "Asia", "Europe", "North America", "South America", "Oceania")
_FEATURE_WORDS = wordset("Mount Mountain Mountains Mt River Lake Sea Ocean Island Islands Bay "
                         "Gulf Strait Desert Falls Gorge Peninsula Valley Glacier Cape Canal")


def _feature_word(name: str) -> str:
    """The sort of natural feature a name says it is ("Mount Wellington": a mountain), or
    "": a mountain is no option beside a state or a town."""
    return next((w for w in name.split() if w in _FEATURE_WORDS), "")


# The parts of a continent as they are usually named.
_COMPASS_PARTS = {
    "Africa": ("North", "West", "East", "Central", "Southern"),
    "Asia": ("East", "Southeast", "South", "Central", "Western"),
    "Europe": ("Northern", "Western", "Eastern", "Southern", "Central"),
    "America": ("North", "South", "Central", "Latin"),
}
_COMPASS_REGION_RE = re.compile(
    r"(North|South|East|West|Central|Northern|Southern|Eastern|Western|Southeast|Latin)"
    r" (Africa|Asia|Europe|America)")


def _era(c: Candidate, pools: Pools) -> int | None:
    """The year a question is set in: a year its prompt gives, else the subject's start."""
    years = [int(m.group(0)) for m in _BARE_YEAR_RE.finditer(c.prompt)]
    if years:
        return min(years)
    return pools.life.first[0] if pools.life.first else None


def _names_part_of(text: str, country: places.Country) -> bool:
    folded = f" {fold(text)} "
    return any(f" {fold(n)} " in folded
               for n in (country.demonym, *country.cities, *country.provinces, *country.rivers))


def _shuffled(names: list[str], seed: str) -> list[str]:
    return sorted(names, key=lambda n: short_hash(seed, n))


# a person's life is longer than an organisation's may be: a margin for birth and death
_BORN_RE = re.compile(r"\bborn\b")
_DIED_RE = re.compile(r"\b(?:die|died)\b")


def _in_life(span: Span, c: Candidate, options: list[str], pools: Pools) -> list[str]:
    """Dates that fit the subject's own: no birth after the death, no founding after the
    dissolution, nothing about the subject before it existed; and of the same era (an
    option centuries off is no choice at all)."""
    key = date_sort_key(span)
    if key is None:
        return options
    year = key[0]
    # Keeping an option on the answer's side of the subject's dates can only make it more
    # plausible, so this holds for any question of the article, about the subject or not.
    life = pools.life
    first, last = life.first, life.last
    born, died = _BORN_RE.search(c.prompt), _DIED_RE.search(c.prompt)
    on_first = first is not None and _side(key, first) == 0 and not END_WORDS.search(c.prompt)
    on_last = last is not None and _side(key, last) == 0 and not START_WORDS.search(c.prompt)
    gap = max(20, min(150, (2030 - year) // 5))
    # no year after the latest the article knows of: "an estimate as at mid 2037" reads as
    # a forecast, and gives away that it is wrong
    ceiling = max(pools.latest_year, year) if pools.latest_year else None
    # A beginning comes before everything else the article dates after it, an end after
    # everything before it: "born in 1917" beside "in 1917 she became a reporter", or
    # "signed on 23 November 2023" beside "suspended on 23 November 2023", is no choice.
    # A person does nothing worth dating in the first dozen years of life.
    after = life.next_after(key) if on_first else None
    before = life.last_before(key) if on_last else None
    childhood = 12 if life.person else 0
    grown = first is not None and life.person and year >= first[0] + childhood
    out = []
    for o in options:
        k = _option_key(span, o)
        if k is None or abs(k[0] - year) > gap or (ceiling is not None and k[0] > ceiling):
            continue
        if after is not None and (_side(k, after) >= 0 or (
                born and k[0] > after[0] - childhood)):
            continue
        if before is not None and _side(k, before) <= 0:
            continue
        if grown and first is not None and k[0] < first[0] + childhood:
            continue  # "published in 1823", the year he was born
        if on_first and last is not None and (_side(k, last) >= 0 or (
                born and k[0] > last[0] - 15)):
            continue  # born, founded or signed no later than the end
        if on_last and first is not None and (_side(k, first) <= 0 or (
                died and k[0] < first[0] + 15)):
            continue  # died, dissolved or closed no earlier than the start
        if any(b is not None and not (on_first and b == first) and not (on_last and b == last)
               and (_side(k, b) == -_side(key, b) != 0 or _side(k, b) == 0)
               for b in (first, last)):
            continue  # on the other side of the subject's start or end than the answer
        out.append(o)
    return out


def _same_head(answer: str, prompt: str, options: list[str]) -> list[str]:
    """"What was North Korea's news agency?": when the prompt names what the answer is
    (its head word), the only option that is one gives it away; keep options that are."""
    words = answer.split()
    if not words:
        return options
    head = words[-1]
    if head not in ORG_WORDS | PLACE_WORDS | EVENT_WORDS or not re.search(
            rf"\b{re.escape(head.lower())}s?\b", prompt.lower()):
        return options
    return [o for o in options if o.split()[-1:] == [head]]


# Sorts of events: a war is no option for a conference, nor a pact for a war.
_EVENT_SORTS = (
    wordset("War Wars Battle Siege Revolution Uprising Rebellion Crisis Campaign Operation "
            "Massacre Crusade Incident Affair"),
    wordset("Conference Summit Convention Congress Assembly"),
    wordset("Treaty Declaration Agreement Accord Accords Armistice Pact Protocol Act"),
    wordset("Games Olympics Olympiad Cup Championship Championships Festival Exhibition "
            "Exposition"),
)


def _event_sort(name: str) -> int:
    """Which of _EVENT_SORTS ``name`` is (-1: none): by its last word ("Cold War"), else
    its first ("Treaty of Vereeniging", "Battle of Red Cliffs")."""
    words = name.split()
    for head in words[-1:] + words[:1]:
        for i, sort in enumerate(_EVENT_SORTS):
            if head in sort:
                return i
    return -1


def _same_event_sort(answer: str, options: list[str]) -> list[str]:
    sort = _event_sort(answer)
    return [o for o in options if _event_sort(o) == sort] if sort >= 0 else options


_NATION_BEFORE_BLANK = re.compile(
    r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:[a-z-]+ ){0,3}_____")


def _described_by_nation(prompt: str) -> bool:
    """"South Korean president _____", "the American space agency _____": options would
    have to be of that nation too, and the article rarely gives three."""
    m = _NATION_BEFORE_BLANK.search(prompt)
    if not m:
        return False
    words = m.group(1).split()
    return any(places.by_demonym(" ".join(words[i:])) is not None for i in range(len(words)))


def _abbreviates(a: str, b: str) -> bool:
    """"IMO" beside "International Meteorological Organization": one body offered twice."""
    short, full = (a, b) if len(a) < len(b) else (b, a)
    if not re.fullmatch(r"[A-Z]{2,6}", short):
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", full)
                       if w[0].isupper())
    return initials == short


def _same_name(a: str, b: str) -> bool:
    """"Edward" and "Edward the Confessor" are one option offered twice."""
    fa, fb = fold(a), fold(b)
    return fa == fb or f" {fa} " in f" {fb} " or f" {fb} " in f" {fa} "


def _in_order(span: Span, prompt: str, options: list[str]) -> list[str]:
    """Keep only dates on the same side as the answer of every other date the prompt
    gives: "from _____ to 2010" cannot take 2013, nor "In _____, ... in 1860" 1862."""
    key = date_sort_key(span)
    others = [k for s in find_spans(prompt) if (k := date_sort_key(s)) is not None]
    taken = [(s.start, s.end) for s in find_spans(prompt)]
    others += [(int(m[0]), 0, 0) for m in _BARE_YEAR_RE.finditer(prompt)
               if not any(a <= m.start() < b for a, b in taken)]
    if key is None or not others:
        return options
    out = []
    for o in options:
        k = _option_key(span, o)
        if k is not None and all(_side(k, x) == _side(key, x) for x in others):
            out.append(o)
    return out


_BARE_YEAR_RE = re.compile(r"(?<![\w$€£¥₩.,])(?:1\d{3}|20\d{2})(?![\w%]|[.,]\d)")


def _option_key(span: Span, option: str) -> tuple[int, int, int] | None:
    if span.kind == "year":
        return (int(option), 0, 0) if option.isdigit() else None
    spans = [s for s in find_spans(option) if s.kind == span.kind]
    return date_sort_key(spans[0]) if spans else None


_side = side  # compare only as finely as both are known (a bare year against a full date)


def _date_options(span: Span, pools: Pools) -> list[str]:
    assert isinstance(span.value, tuple)
    same = [s for s in pools.dates.get(span.kind, []) if s.value != span.value]
    # the article's own dates first, nearest in time first (they are plausible)
    key0 = span.value[0] if span.kind != "daymonth" else 0
    same.sort(key=lambda s: (abs((date_parts(s)[0] if span.kind != "daymonth" else 0) - key0),
                             s.value))
    out = [format_like(span, date_parts(s)) for s in same]
    out += [format_like(span, v) for v in _perturb_date(span)]
    return list(dict.fromkeys(out))


def _perturb_date(span: Span) -> list[tuple[int, ...]]:
    """Made-up dates near the answer, arranged so that the answer is not the one the
    others have in common (three edits of one date give that date away) and sits
    anywhere among the choices in time order."""
    v = span.value
    assert isinstance(v, tuple)
    turn = int(short_hash(span.kind, span.text), 16) % 4
    if span.kind == "erayear":
        # same era only: "3 CE" minus five is not "-2 CE"
        offsets = ((3, 7, 12), (-4, 5, 9), (-9, -3, 4), (-12, -7, -2))[turn]
        return [(v[0] + d,) for d in (*offsets, 15, -15, 20, -20)
                if (v[0] + d > 0) == (v[0] > 0) and v[0] + d != 0]
    if span.kind == "year":
        # where the answer falls among the four years, earliest first, varies
        offsets = ((2, 5, 9), (-3, 4, 7), (-6, -2, 3), (-8, -5, -1))[turn]
        spare = (11, -11, 13, -13, -16, 16, -19, 19)
        return [(v[0] + d,) for d in (*offsets, *spare)]
    base = v if turn == 0 else _date_variants(span.kind, v)[turn - 1]
    out = [base] if base != v else []
    out += [x for x in _date_variants(span.kind, base) if x != v]
    out += [x for x in _date_variants(span.kind, v) if x != base]
    # spares further back, for when the subject's own dates rule out those after the
    # answer (a founding just before the next event the article dates)
    out += [x for x in _earlier_variants(span.kind, v) if x != v]
    return list(dict.fromkeys(out))


def _earlier_variants(kind: str, v: tuple[int, ...]) -> list[tuple[int, ...]]:
    """Dates before ``v``, none sharing both its day and its month."""
    if kind == "monthyear":
        y, m = v
        return [(y - 2, (m + 4 - 1) % 12 + 1), (y - 1, (m + 6 - 1) % 12 + 1)]
    if kind != "date":
        return []
    y, m, d = v
    other = min(d + 5, 28) if d < 20 else d - 11
    return [(y, m - 3, other) if m > 3 else (y - 1, m + 7, other),
            (y - 1, (m - 4 - 1) % 12 + 1, other), (y - 2, (m + 2 - 1) % 12 + 1, d)]


def _date_variants(kind: str, v: tuple[int, ...]) -> list[tuple[int, ...]]:
    if kind == "monthyear":
        y, m = v
        return [(y + 1, m), (y, (m + 3 - 1) % 12 + 1), (y - 1, (m - 2 - 1) % 12 + 1)]
    if kind == "daymonth":
        month, day = v
        return [((month + 1) % 12 + 1, day), (month, min(day + 9, 28) if day < 19 else day - 9),
                ((month - 3 - 1) % 12 + 1, day)]
    y, m, d = v
    return [(y + 1, m, d), (y, (m + 3 - 1) % 12 + 1, min(d, 28)),
            (y - 1, m, min(d + 9, 28) if d < 19 else d - 9)]


def _amount_options(span: Span, c: Candidate, pools: Pools) -> list[str]:
    """Other amounts with the same unit, then perturbations, written like the answer."""
    written = c.number_format
    out = []
    for s in pools.amounts:
        if s.unit == span.unit and s.kind == span.kind and s.value != span.value and s.number_text:
            num = re.match(r"[\d.,]+|\S+", s.number_text)
            if num and num.group(0) != written:
                out.append(num.group(0))
    value = float(c.answer)  # type: ignore[arg-type]
    out += _perturb_number(value, written)
    return out


def _perturb_number(value: float, written: str) -> list[str]:
    decimals = len(written.split(".")[1]) if "." in written and written[0].isdigit() else 0
    if value == int(value) and value < 20 and decimals == 0:
        factors = [value + 1, value + 2, value - 1, value * 2]
    else:
        factors = [value * 1.5, value * 0.5, value * 2, value * 1.25, value * 0.75]
    out = []
    for v in factors:
        if v <= 0 or v == value:
            continue
        if decimals:
            text = f"{v:.{decimals}f}"
        else:
            v = round(v) if v < 1000 else round(v, -2)
            text = f"{int(v):,}" if "," in written else str(int(v))
        out.append(text)
    return out


def _subkind(name: str, kind: str) -> str:
    """Finer sorts within a kind: kings among people; sites (a house, a valley) apart from
    countries and towns among places."""
    if kind == PERSON:
        return "royal" if _ROYAL_RE.search(name) else "person"
    if kind == PLACE:
        last = name.split()[-1]
        if last in _BUILT:
            return "building"
        if last in _NATURAL:
            return "natural"
        return "site" if last in PLACE_WORDS else "geo"
    return kind


def same_sort(c: Candidate, option: str) -> bool:
    return _subkind(option, c.kind) == _subkind(str(c.answer), c.kind)


def _name_options(c: Candidate, pools: Pools) -> list[str]:
    pool = pools.names.get(c.kind, [])
    answer = str(c.answer)
    a_words = content_words(answer)
    a_last = answer.split()[-1] if answer.split() else ""
    a_core = {w for w in a_words if len(w) > 2 and not _ROMAN_RE.fullmatch(w)}
    options = []
    for name in pool:
        n_core = {w for w in content_words(name) if len(w) > 2 and not _ROMAN_RE.fullmatch(w)}
        if c.kind == PERSON and (name.split()[-1] == a_last or n_core & a_core):
            continue  # "Chun" is "Chun Hae-sung"
        if c.kind == PERSON and len(name.split()) == 1 and len(answer.split()) >= 2:
            continue  # a bare surname against a full name reads like a trick
        options.append(name)
    # the same sort of name first (a king for a king), then a similar length, then a
    # fixed but arbitrary order
    n = len(answer.split())
    sort = _subkind(answer, c.kind)
    options.sort(key=lambda o: (_subkind(o, c.kind) != sort, abs(len(o.split()) - n),
                                short_hash(answer, o)))
    if c.kind == PERSON:
        # a king among architects (or an architect among kings) is no choice at all
        options = [o for o in options if _subkind(o, c.kind) == sort]
    return options
