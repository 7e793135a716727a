"""Number questions on the subject's sizes, distances, shares, sums and durations
("The structure stands 55 m tall" -> "How tall is the Tower of Hercules, in metres?").

Only a few sentence shapes are read, each one whose figure plainly belongs to the
subject: a height or length ("stands 55 m tall", "with a summit elevation of ..."),
a weight or an area ("weighs 250 kg", "covers an area of ..."), a distance ("lies
112 km northwest of ..."), a course ("runs for 459 km through ..."), a time taken
("took 14 months to construct", "spent 3,736 days making ...", "lasted 3 days",
"reigned for 12 years"), a
journey ("journeyed 32,000 km by land"), a share ("cede 55 percent of its
territory"), a sum paid and a membership ("made up of 193 countries"). A figure that
is one end of a range, hedged one way ("up to", "more than", "nearly"), the date of
a count, or given otherwise by the infobox is not asked; a figure said "about" is,
with a tolerance of half its last written place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from quiz.bank.article import Article
from quiz.bank.numbers import parse_number
from quiz.generate.candidate import Candidate
from quiz.generate.context import Topic, infobox_fields
from quiz.generate.entities import PERSON, TOPIC
from quiz.generate.howmany import _NOT_VERBS, _base_form
from quiz.generate.rules import SentenceInfo, _base
from quiz.generate.spans import find_spans
from quiz.generate.text import capitalise_first, lower_first

_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# a figure said "about" is still the article's one value; "up to" or "nearly" is not
_HEDGE = r"(?P<hedge>(?:about|around|approximately|an estimated|roughly|some) )?"
_LENGTHS = {"km": "kilometres", "kilometres": "kilometres", "kilometers": "kilometres",
            "m": "metres", "metres": "metres", "meters": "metres", "cm": "centimetres",
            "mm": "millimetres", "mi": "miles", "miles": "miles", "ft": "feet", "feet": "feet"}
_AREAS = {"km2": "square kilometres", "km²": "square kilometres", "m2": "square metres",
          "m²": "square metres", "ha": "hectares", "hectares": "hectares", "acres": "acres",
          "square kilometres": "square kilometres", "sq mi": "square miles"}
_MASSES = {"kg": "kilograms", "kilograms": "kilograms", "t": "tonnes", "tonnes": "tonnes",
           "tons": "tons", "g": "grams"}
_ALL_UNITS = {**_LENGTHS, **_AREAS, **_MASSES}
_DURATIONS = "years|months|weeks|days|hours"


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_LEN = rf"(?P<unit>{_alt(_LENGTHS)})(?![\w²^])"
_ANY = rf"(?P<unit>{_alt(_ALL_UNITS)})(?![\w²^])"
_FIG = rf"{_HEDGE}{_NUM}\s?"
_END = r"(?=[,.;]|$| and\b| but\b| which\b)"

# what is measured -> the adjective of "How ... is X?"
_ADJ = {"tall": "tall", "high": "high", "long": "long", "wide": "wide", "deep": "deep",
        "length": "long", "height": "tall", "width": "wide", "depth": "deep"}
# the infobox keys that measure the same thing: a different figure there is a conflict
# (a lighthouse's "Elevation" is where it stands, not how tall it is)
_SAME_THING = {"tall": ("height",), "high": ("height",),
               "long": ("length",), "wide": ("width",), "deep": ("depth",), "area": ("area",),
               "weigh": ("weight", "mass")}

_DIMENSION = re.compile(
    rf" (?P<verb>stands|stood|is|was|rises|rose|measures|measured) {_FIG}{_LEN}"
    rf"(?: (?P<adj>tall|high|long|wide|deep)| in (?P<dim>length|height|width|depth))"
    rf"(?P<at> at the shoulder)?{_END}")
_OF_NOUN = re.compile(
    rf"\b(?:with|has|had|have) an? (?P<noun>(?:[a-z-]+ )?(?:elevation|height|length|span|"
    rf"area|diameter|depth|width|wingspan|capacity)) (?:of |of about |of around |around |about )?"
    rf"{_NUM}\s?{_ANY}{_END}")
_DISTANCE = re.compile(
    rf" (?P<verb>lies|lay|is located|was located|is situated|was situated)"
    rf"(?: (?:on|in) an? [a-z]+)? {_FIG}{_LEN} "
    rf"(?P<dir>(?:(?:north|south|east|west)[a-z-]*|up-?stream|down-?stream) of|from) "
    rf"(?P<place>(?:the )?[A-Za-z][^,.;()]{{2,60}}?)"
    rf"(?P<appos>, the (?:city|town|capital|port) of [A-Z][^,.;()]*?)?(?=[,.;]|$| and\b)")
_COURSE = re.compile(
    rf" (?P<verb>runs|flows|stretches|extends) (?:for )?{_FIG}{_LEN}"
    rf"(?P<tail> (?:through|across|along) [A-Z][^,.;()]*?)?{_END}")
_TOOK = re.compile(
    rf" took (?:just |only |some )?{_NUM} (?P<unit>{_DURATIONS}) to (?P<verb>build|construct|"
    rf"complete|finish|build and open){_END}")
_LASTED = re.compile(rf" (?P<verb>lasted|lasts) {_FIG}(?P<unit>{_DURATIONS}){_END}")
_REIGNED = re.compile(
    rf" (?P<verb>reigned|ruled|served) for {_NUM} (?P<unit>{_DURATIONS}){_END}")
_WEIGHS = re.compile(
    rf" (?P<verb>weighs|weighed) {_FIG}(?P<unit>{_alt(_MASSES)})(?![\w²^]){_END}")
_AREA = re.compile(
    rf" (?P<verb>covers|covered|occupies|occupied) an area of {_FIG}"
    rf"(?P<unit>{_alt(_AREAS)})(?![\w²^]){_END}")
_SPENT = re.compile(
    rf" (?P<adv>reportedly )?spent {_NUM} (?P<unit>{_DURATIONS}) "
    rf"(?P<what>[a-z]+ing(?: [a-z]+){{0,3}}){_END}")
_JOURNEY = re.compile(
    rf" (?P<verb>journeyed|travelled|traveled|sailed|walked) {_FIG}{_LEN} "
    rf"(?P<by>by (?:land|sea|air|road|rail|ship|foot))"
    rf"(?: and (?P<num2>\d{{1,3}}(?:,\d{{3}})+|\d+)\s?(?P<unit2>{_alt(_LENGTHS)}) "
    rf"(?P<by2>by (?:land|sea|air|road|rail|ship|foot)))?\b")
_SHARE = re.compile(
    rf" (?P<verb>[a-z]+(?:ed|s))(?P<mid> [A-Z][\w.]*(?: [A-Z][\w.]*)? to [a-z]+)? {_FIG}"
    rf"(?P<unit>%|percent|per cent) of "
    rf"(?P<np>(?:his|her|its|their|the) [a-z]+(?: [a-z]+)?(?: of the [A-Z][\w ]+?)?)"
    rf"(?=[,.;]|$| including\b| to\b| and\b)")
_PAID = re.compile(
    r" (?:paid|gave) (?P<to>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}) "
    r"(?P<cur>US\$|\$|£|€)(?P<num>\d+(?:\.\d+)?) (?P<scale>million|billion)\b")
_MEMBERS = re.compile(
    r" (?P<verb>is|was|are|were) (?:made up of|composed of) "
    r"(?P<num>\d{1,3}(?:,\d{3})*) (?P<noun>[a-z]+s(?: and [a-z]+s)?)\b")

_CURRENCY_WORDS = {"$": "dollars", "US$": "US dollars", "£": "pounds", "€": "euros"}
_TRAVEL_BASE = {"journeyed": "journey", "travelled": "travel", "traveled": "travel",
                "sailed": "sail", "walked": "walk"}
# a treaty pays nothing itself: the sum is paid "under" it
_UNDER_HEADS = ("treaty", "agreement", "accord", "convention", "purchase", "pact")
_INTRO = re.compile(r"(?:(?:In turn|Built in the [\w ]+?|An? [a-z ]{3,30}?|Today|Since then), "
                    r"|During this period )?")


def measure_questions(infos: list[SentenceInfo], topic: Topic, article: Article
                      ) -> list[Candidate]:
    """Number questions on the subject's figures (see the module's note)."""
    boxed = _infobox_figures(article)
    out: list[Candidate] = []
    for si in infos:
        if si.text:
            out.extend(_ask(si, si.text, topic, boxed))
    return out


def _infobox_figures(article: Article) -> dict[str, set[float]]:
    """Infobox key words -> the figures given under them ("height" -> {57.0})."""
    out: dict[str, set[float]] = {}
    for f in infobox_fields(article):
        values = {float(s.value) for s in find_spans(f.value)
                  if s.kind == "quantity" and isinstance(s.value, float)}
        value = parse_number(f.value.split(" (")[0])
        if value is not None:
            values.add(value)
        for w in re.findall(r"[a-z]+", f.key.lower()):
            out.setdefault(w, set()).update(values)
    return out


def _subject(t: str, topic: Topic, si: SentenceInfo) -> tuple[str, int] | None:
    """The sentence's subject, when it is the article's subject or a person it names
    (how the prompt names it, and where the predicate starts)."""
    intro = _INTRO.match(t)
    at = intro.end() if intro else 0
    if re.search(r"\b(?:1\d|20)\d\d\b", t[:at]):
        return None  # "In 2020, ..." dates the figure: a count of its day
    names = {n for n in (topic.title, topic.noun_phrase, topic.short, *topic.aliases) if n}
    initials = "".join(w[0] for w in topic.title.split() if w[:1].isupper())
    if len(initials) >= 3:
        names.add(f"The {initials}")  # "The WMO is made up of ..."
    # "The island of Socotra represents ..."
    for h in ("island", "city", "town", "river"):
        if t.startswith(f"The {h} of {topic.title} ", at):  # said so beside its namesake
            return f"the {h} of {topic.title}", at + len(f"The {h} of {topic.title}")
    for n in sorted(names, key=len, reverse=True):
        for cand in (n, capitalise_first(n)):
            if t.startswith(cand, at) and re.match(r" [a-z]", t[at + len(cand):]):
                return topic.noun_phrase, at + len(cand)
    # "The structure stands 55 m tall" in the article on the tower
    m = re.match(r"The (?P<head>[a-z]+)(?= [a-z])", t[at:])
    if m and (m["head"] in topic.heads or (m["head"] in ("structure", "island")
                                           and not topic.is_person)) and not topic.is_species:
        return topic.noun_phrase, at + m.end()
    for mention in si.mentions:
        if mention.kind in (PERSON, TOPIC) and mention.start == at and re.match(
                r" [a-z]", t[mention.end:]):
            # "Inō" is the subject; "Nobel" in the article on his foundation is himself
            named = topic.noun_phrase if mention.kind == TOPIC and topic.is_person \
                else mention.text
            return named, mention.end
    return None


def _tolerance(written: str, hedged: bool) -> float:
    """Half the last written place of a figure said "about" (32,000 -> 500; 2.4 ->
    0.05); a long exact figure may be given whole (6967.15 m -> 6967); else exact."""
    digits = written.replace(",", "")
    if "." in digits:
        decimals = len(digits.split(".")[1])
        if hedged:
            return 0.5 * 10 ** -decimals
        return 0.5 if float(digits) >= 100 else 0.0
    if not hedged:
        return 0.0
    zeros = len(digits) - len(digits.rstrip("0"))
    return 0.5 * 10 ** zeros


def _value(written: str) -> int | float:
    v = float(written.replace(",", ""))
    return int(v) if v == int(v) and "." not in written else v


def _bad_figure(t: str, start: int, end: int) -> bool:
    """One end of a range, one of two values, a hedged bound, or a count of a date."""
    before, after = t[:start], t[end:]
    if re.search(r"(?:\bto|\bor|\band|\bfrom|\bbetween|[–—-])\s*$", before):
        return True
    if re.match(r"\s?(?:[–—-]|to\b|or\b)\s*\d", after) or re.match(
            r"[^,.;]{0,12}\s(?:to|or)\s+\d", after):
        return True
    if re.search(r"\b(?:up to|more than|over|nearly|almost|at least|less than|fewer than|"
                 r"under|possibly|as (?:long|much|many|high) as|below|above)\s+$",
                 before):
        return True
    return bool(re.match(r"[^,.;]{0,25}?\b(?:in (?:1\d|20)\d\d|as of|census)\b", after))


@dataclass
class _Figure:
    """One figure a sentence shape asks about, before it is checked."""

    prompt: str
    written: str  # the number as the article writes it
    start: int  # where it stands in the predicate
    unit: str
    hedged: bool = False
    accept: list[str] = field(default_factory=list)
    measure: str = ""  # "tall", "long": what the infobox may give otherwise
    shared_hedge: bool = False  # "an estimated X by land and Y by sea": Y is no range end
    score: float = 3.2


def _ask(si: SentenceInfo, t: str, topic: Topic, boxed: dict[str, set[float]]
         ) -> list[Candidate]:
    found = _subject(t, topic, si)
    if found is None:
        return _paid(si, t, topic)
    subj, at = found
    rest = t[at:]
    figures = [f for shape in _SHAPES for f in shape(rest, subj)]
    out: list[Candidate] = []
    for f in figures:
        if not f.shared_hedge and _bad_figure(rest, f.start, f.start + len(f.written)):
            continue
        value = _value(f.written)
        if f.measure:
            others = set().union(*(boxed.get(k, set()) for k in _SAME_THING[f.measure]))
            if others and float(value) not in others:
                continue  # the infobox gives this measure another figure
        out.append(_base(si, "measure", "number", capitalise_first(f.prompt), value,
                         "measure", f.written, t, unit=f.unit,
                         tolerance=_tolerance(f.written, f.hedged), accept=f.accept,
                         number_format=f.written, score=f.score, tags=["numbers"]))
    return out


def _dimension(rest: str, subj: str) -> list[_Figure]:
    m = _DIMENSION.match(rest)
    if not m:
        return []
    adj = m["adj"] or _ADJ[m["dim"]]
    be = "was" if m["verb"] in ("stood", "was", "rose", "measured") else "is"
    return [_Figure(f"How {adj} {be} {subj}{m['at'] or ''}, in {_LENGTHS[m['unit']]}?",
                    m["num"], m.start("num"), m["unit"], bool(m["hedge"]), measure=adj)]


def _of_noun(rest: str, subj: str) -> list[_Figure]:
    tense = "was" if re.match(r" (?:was|were|had)\b", rest) else "is"
    out = []
    for m in _OF_NOUN.finditer(rest):
        if re.search(r"\b(?:its|his|her|their)\b", rest[:m.start()]):
            continue  # "... the Yangtze, with its length of": whose?
        hedged = bool(re.search(r"(?:about|around) $", rest[:m.start("num")]))
        out.append(_Figure(f"What {tense} the {m['noun']} of {subj}, in "
                           f"{_ALL_UNITS[m['unit']]}?", m["num"], m.start("num"), m["unit"],
                           hedged))
    return out


def _weight_or_area(rest: str, subj: str) -> list[_Figure]:
    m = _WEIGHS.match(rest)
    if m:
        do = "does" if m["verb"] == "weighs" else "did"
        return [_Figure(f"How much {do} {subj} weigh, in {_MASSES[m['unit']]}?", m["num"],
                        m.start("num"), m["unit"], bool(m["hedge"]), measure="weigh")]
    m = _AREA.match(rest)
    if m:
        do = "does" if m["verb"].endswith("s") else "did"
        verb = "cover" if m["verb"].startswith("cover") else "occupy"
        return [_Figure(f"What area {do} {subj} {verb}, in {_AREAS[m['unit']]}?", m["num"],
                        m.start("num"), m["unit"], bool(m["hedge"]), measure="area")]
    return []


def _distance(rest: str, subj: str) -> list[_Figure]:
    m = _DISTANCE.match(rest)
    if not m:
        return []
    place = m["place"] + (f"{m['appos']}," if m["appos"] else "")
    if re.match(r"(?:these|those|this|that|it|them|here|there)\b", place, re.IGNORECASE):
        return []  # "25 km downstream from these bridges": which?
    verb, where = m["verb"], f"{m['dir']} {place}"
    q = (f"How far {where} does {subj} lie" if verb == "lies" else
         f"How far {where} did {subj} lie" if verb == "lay" else
         f"How far {where} {verb.split()[0]} {subj} {verb.split()[1]}")
    # ranked low: the place it names may be another question's answer ("Where is it?")
    return [_Figure(f"{q}, in {_LENGTHS[m['unit']]}?", m["num"], m.start("num"), m["unit"],
                    bool(m["hedge"]), score=2.0)]


def _course(rest: str, subj: str) -> list[_Figure]:
    m = _COURSE.match(rest)
    if not m:
        return []
    return [_Figure(f"How far does {subj} {m['verb'][:-1]}{m['tail'] or ''}, in "
                    f"{_LENGTHS[m['unit']]}?", m["num"], m.start("num"), m["unit"],
                    bool(m["hedge"]))]


def _time_taken(rest: str, subj: str) -> list[_Figure]:
    m = _TOOK.match(rest)
    if m:
        return [_Figure(f"How many {m['unit']} did {subj} take to {m['verb']}?", m["num"],
                        m.start("num"), m["unit"])]
    m = _LASTED.match(rest)
    if m:
        do = "does" if m["verb"] == "lasts" else "did"
        return [_Figure(f"How many {m['unit']} {do} {subj} last?", m["num"], m.start("num"),
                        m["unit"], bool(m["hedge"]))]
    m = _REIGNED.match(rest)
    if m:
        base = {"reigned": "reign", "ruled": "rule", "served": "serve"}[m["verb"]]
        return [_Figure(f"How many {m['unit']} did {subj} {base}?", m["num"],
                        m.start("num"), m["unit"])]
    m = _SPENT.match(rest)
    if m:
        return [_Figure(f"How many {m['unit']} did {subj} {m['adv'] or ''}spend {m['what']}?",
                        m["num"], m.start("num"), m["unit"])]
    return []


def _journey(rest: str, subj: str) -> list[_Figure]:
    m = _JOURNEY.match(rest)
    if not m:
        return []
    base = _TRAVEL_BASE[m["verb"]]
    lead = "About how many" if m["hedge"] else "How many"
    units = _LENGTHS[m["unit"]]
    out = [_Figure(f"{lead} {units} did {subj} {base} {m['by']}?", m["num"], m.start("num"),
                   m["unit"], bool(m["hedge"]))]
    if m["num2"] and m["unit2"] == m["unit"]:
        out.append(_Figure(f"{lead} {units} did {subj} {base} {m['by2']}?", m["num2"],
                           m.start("num2"), m["unit"], bool(m["hedge"]), shared_hedge=True))
    return out


def _share(rest: str, subj: str) -> list[_Figure]:
    m = _SHARE.match(rest)
    base = _base_form(m["verb"]) if m and m["verb"] not in _NOT_VERBS else None
    if not m or not base:
        return []
    do = "does" if m["verb"].endswith("s") else "did"
    forms = [f"{m['num']} percent", f"{m['num']} per cent", f"{m['num']}%"]
    return [_Figure(f"What percentage of {m['np']} {do} {subj} {base}{m['mid'] or ''}?",
                    m["num"], m.start("num"), "%", bool(m["hedge"]), accept=forms)]


def _members(rest: str, subj: str) -> list[_Figure]:
    m = _MEMBERS.match(rest)
    if not m:
        return []
    verb = "make" if m["verb"] in ("is", "are") else "made"
    return [_Figure(f"How many {m['noun']} {verb} up {subj}?", m["num"], m.start("num"),
                    m["noun"])]


_SHAPES: tuple[Callable[[str, str], list[_Figure]], ...] = (
    _dimension, _of_noun, _weight_or_area, _distance, _course, _time_taken, _journey, _share,
    _members)


def _paid(si: SentenceInfo, t: str, topic: Topic) -> list[Candidate]:
    """``In turn, the U.S. government paid Mexico $15 million`` in the article on a
    treaty -> ``How much did the U.S. government pay Mexico under the Treaty of ...?``"""
    kinds = topic.heads | set(topic.title.lower().split())
    if not any(h in kinds for h in _UNDER_HEADS) or topic.title in t:
        return []
    intro = _INTRO.match(t)
    at = intro.end() if intro else 0
    m = re.match(r"(?P<payer>(?:[Tt]he )?(?:[A-Z][\w.]*)(?: [A-Z][\w.]*)?(?: [a-z]+)?)"
                 + _PAID.pattern, t[at:])
    if not m or _bad_figure(t, at + m.start("num"), at + m.end("num")):
        return []
    currency = _CURRENCY_WORDS[m["cur"]]
    prompt = (f"How much did {lower_first(m['payer'])} pay {m['to']} under "
              f"{topic.noun_phrase}, in {m['scale']}s of {currency}?")
    return [_base(si, "measure", "number", capitalise_first(prompt), _value(m["num"]),
                  "measure", m["num"], t, unit=f"{m['scale']} {currency}",
                  number_format=m["num"], score=3.2, tags=["numbers"])]
