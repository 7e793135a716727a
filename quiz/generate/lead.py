"""What the subject is: questions from the sentences that define it.

Judges kept listing as missed the facts an article's opening states about its subject:
what it is the capital of, the river it stands on, the country a species is endemic to,
the war a treaty ended, a person's profession. Each shape here starts from the subject
(found as ``facts`` finds it) and asks the part of the definition that teaches:

``Hobart is the capital ... of the island state of Tasmania, Australia`` ->
``Hobart is the capital of which Australian state?``;
``Located ... on the estuary of the River Derwent, it is ...`` ->
``On the estuary of which river is Hobart located?``;
``The okapi ... is an artiodactyl mammal that is endemic to the northeast Democratic
Republic of the Congo`` -> ``To which country is the okapi endemic?``;
``The Treaty of Guadalupe Hidalgo officially ended the Mexican–American War`` ->
``Which war did the Treaty of Guadalupe Hidalgo end?``;
``Inō Tadataka was a Japanese surveyor and cartographer.`` -> ``Which of these was
Inō Tadataka?`` (surveyor, cartographer among professions the article never names).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quiz.bank.normalize import fold
from quiz.generate import places
from quiz.generate.audit import has_hole
from quiz.generate.candidate import Candidate
from quiz.generate.context import Topic
from quiz.generate.entities import EVENT, ORG, PERSON
from quiz.generate.facts import _subject_end, si_kind
from quiz.generate.rules import SentenceInfo, _base
from quiz.generate.text import (
    BLANK,
    capitalise_first,
    short_hash,
    stable_order,
    strip_parens,
    tidy,
)

# A proper name: capitalised words with the small words names carry inside ("Republic of
# the Congo", "Serra do Espinhaço"); dashes inside a word ("Mexican–American").
_WORD = r"(?:[A-Z][\w'’–-]*|\d+)"
_NAME = rf"{_WORD}(?: (?:(?:of|de|da|do|du|del|the|and|von|van) )*{_WORD}){{0,5}}"
_BE = r"(?P<be>is|was|are|were)"

# -- who the sentence is about


def _about(raw: str, topic: Topic, after_topic: bool) -> tuple[int, str] | None:
    """Where the subject ends in ``raw`` and a fronted "Located in ..., " phrase before it
    (that phrase is about the subject too)."""
    front = re.match(r"(?:(?:Located|Situated|Lying|Headquartered|Based) [^,]{3,80}|"
                     r"(?:Although|Though|While) [^,]{3,100}), ", raw)
    if front:
        at = _subject_end(raw[front.end():], topic, after_topic)
        return (front.end() + at, front.group(0)) if at is not None else None
    at = _subject_end(raw, topic, after_topic)
    if at is None and topic.is_person:
        # "Joseph Mellick Leidy" for Joseph Leidy: the full name, a middle name inside
        first, last = topic.title.split()[0], topic.title.split()[-1]
        m = re.match(rf"{re.escape(first)}(?: [A-Z][\w'’.-]*){{0,2}} {re.escape(last)}\b", raw)
        at = m.end() if m and first != last else None
    return (at, "") if at is not None else None


def lead_questions(infos: Sequence[SentenceInfo], topic: Topic, text: str,
                   lead_end: int) -> list[Candidate]:
    """Questions from the lead's sentences (those before ``lead_end``) that define the
    subject. ``text``: the article text (to see paragraph breaks)."""
    out: list[Candidate] = []
    prev_about, prev_end = False, 0
    for si in infos:
        if si.sentence.start >= lead_end:
            break
        raw = strip_parens(si.cleaned).strip()
        para_start = "\n" in text[prev_end:si.sentence.start] or prev_end == 0
        found = _about(raw, topic, prev_about or para_start)
        prev_about, prev_end = found is not None, si.sentence.end
        if found is None or has_hole(tidy(si.sentence.text)):
            continue  # "it weighs between .": a fact with a hole is not asked
        at, front = found
        rest = raw[at:]
        subj = topic.noun_phrase
        if subj.startswith("the ") and raw.startswith(topic.title) and \
                not topic.title.startswith("The "):
            subj = topic.title  # "Yaa Asantewaa I was ...": a name, never "the Yaa Asantewaa"
        out += _role_of(si, topic, subj, rest)
        out += _located_in(si, topic, subj, rest)
        out += _setting(si, topic, subj, front + rest)
        out += _crosses(si, topic, subj, rest)
        out += _headquarters(si, topic, subj, front + rest)
        out += _held_in(si, topic, subj, rest)
        out += _endemic(si, topic, subj, rest, text)
        out += _part_of(si, topic, subj, rest)
        out += _lived_during(si, topic, subj, rest)
        out += _related(si, topic, subj, rest)
        out += _ended(si, topic, subj, rest)
        out += _superlative(si, topic, subj, rest)
        out += _first_of_nation(si, topic, subj, rest)
        out += _record_kind(si, topic, subj, rest)
        out += _first_between(si, topic, subj, rest)
        if topic.is_person:
            out += _profession(si, topic, subj, rest, text)
    return out


def _predicate(rest: str) -> re.Match[str] | None:
    """``, also known as ..., is an ...``: the verb after an aside, and what follows it."""
    return re.match(rf"(?: [IVX]+\b)?(?: or [A-Z][^,;]{{0,40}}?|,[^;]{{0,140}}?,|, (?:commonly|"
                    rf"also|generally) known (?:simply )?as (?:the )?{_NAME})? {_BE} "
                    rf"(?P<pred>.+)$", rest)


def _in_title(answer: str, topic: Topic) -> bool:
    """The answer (or its stem: "Philippines" in "Philippine eagle") is in the title."""
    title = fold(topic.title)
    if fold(answer) in title:
        return True
    for word in fold(answer).split():
        if len(word) > 3 and (word in title or word[:-1] in title.split()
                              or word[:6] in {w[:6] for w in title.split() if len(w) > 5}):
            return True
    return False


def _be(be: str) -> str:
    return "is" if be in ("is", "are") else "was"


def _bare(name: str) -> str:
    return re.sub(r"^the ", "", name.strip())


# -- "the capital of", "a court official of the Eastern Han dynasty"

_ROLE_STOP = re.compile(r"\b(?:type|kind|form|species|genus|family|group|member|one|part|"
                        r"example|most|first|last|second|largest|collection|series|pair|"
                        r"number|list|set|name|majority|half|site|end|top|edge|centre|"
                        r"center|heart|rest|daughter|son|wife|husband|mother|father)\b")
_KIND_OF = r"(?P<kw>state|province|region|city|island|country|kingdom|empire|county)"


_TITLES = r"Queen Mother|King|Queen|Emperor|Empress|Sultan|Duke|Prince|Princess|Chief"
_NAME_KIND = r"(?P<suffix> (?:dynasty|Dynasty|province|Province|County|Prefecture|District))"


def _region_kind(name: str, kw: str | None, suffix: str | None) -> str | None:
    """What to call the place ``name``: the word the article gives ("the state of",
    "Hubei province", "Yangxia County"), else what the gazetteer knows it as."""
    if kw:
        return kw
    if suffix:
        return suffix.strip().lower()
    last = name.rsplit(" ", 1)[-1]
    if last in ("County", "Province", "Prefecture", "District") and " " in name:
        return last.lower()
    entry = places.lookup(name)
    return entry.sort if entry is not None and entry.sort in (
        places.COUNTRY, places.CITY, places.PROVINCE) else None


def _role_of(si: SentenceInfo, topic: Topic, subj: str, rest: str) -> list[Candidate]:
    m = _predicate(rest)
    if not m:
        return []
    r = re.match(rf"(?P<np>(?:the|a|an) (?:[a-zA-Z-]+ ){{0,3}}?(?:[a-z-]+|{_TITLES}))"
                 rf"(?: and (?:most populous|largest) city)? of "
                 rf"(?P<obj>(?:the )?(?:[a-z]+ )?(?:{_KIND_OF} of )?(?P<name>{_NAME}){_NAME_KIND}?)"
                 rf"(?:, (?P<country>{_NAME}))?(?=[,.;]|$| [a-z(])", m["pred"])
    if not r or _ROLE_STOP.search(r["np"]) or re.search(r"\b(?:and|or|that|which|to|in|"
                                                          r"on|by|for|with)\b", r["np"]):
        return []
    np, obj, be = r["np"], r["obj"], _be(m["be"])
    name = r["name"] + (r["suffix"] or "")
    if _in_title(r["name"], topic) or len(name) < 3:
        return []
    lower_np = np[0].lower() + np[1:]
    bare = _bare(obj)
    accept = [x for x in (bare, r["name"]) if x != name]
    short = re.sub(r" (?:County|Province|Prefecture|District)$", "", name)
    if short != name:
        accept.append(short)
    if r["suffix"] and r["suffix"].strip().lower() == "dynasty":
        prompt = f"{subj} {be} {lower_np} of which dynasty?"
        return [_base(si, "lead-role", "text", capitalise_first(prompt), name, "dynasty",
                      name, accept=[r["name"], f"the {name}"], score=3.0, tags=["lead"])]
    sort = _region_kind(r["name"], r["kw"], r["suffix"])
    if sort is not None:
        which = sort
        country = places.country_named(r["country"]) if r["country"] else None
        if country and sort != "country":
            which = f"{country.demonym} {sort}"
        prompt = f"{subj} {be} {lower_np} of which {which}?"
        return [_base(si, "lead-role", "text", capitalise_first(prompt), name, "place",
                      name, accept=accept, score=3.1, tags=["lead", "places"])]
    if si_kind(si, name) == ORG:
        prompt = f"{subj} {be} {lower_np} of which organisation?"
        return [_base(si, "lead-role", "text", capitalise_first(prompt), name, ORG, name,
                      accept=[f"the {name}"], score=3.0, tags=["lead"])]
    if si_kind(si, name) not in (PERSON, EVENT) and re.search(_TITLES, np):
        # "the Queen Mother of Ejisu": a place the table does not know, asked as a blank
        stem = f"{subj} {be} {lower_np} of {BLANK}."
        return [_base(si, "lead-role", "text", capitalise_first(stem), name, "place", name,
                      score=2.9, tags=["lead", "places"],
                      statement=f"{subj} {be} {lower_np} of {name}.")]
    return []


def _located_in(si: SentenceInfo, topic: Topic, subj: str, rest: str) -> list[Candidate]:
    """``Lu'an is a prefecture-level city in western Anhui province`` -> ``In which
    province is Lu'an?``"""
    m = _predicate(rest)
    if not m or topic.is_person or topic.is_species:
        return []
    if not re.match(r"(?:a|an|the) ", m["pred"]):
        return []
    for r in re.finditer(rf" in (?:the )?{_COMPASS}?(?:{_KIND_OF} of )?(?P<name>{_NAME})"
                         rf"{_NAME_KIND}?(?=[,.;]|$| [a-z(])", m["pred"][:120]):
        if re.search(r"[,;]|\b(?:which|that|who|where|of)\b", m["pred"][:r.start()]):
            return []
        sort = _region_kind(r["name"], r["kw"], r["suffix"])
        if sort == places.COUNTRY:
            return []  # the subject's own country: asked too easily, and named everywhere
        if sort is not None:
            break
    else:
        return []
    name = r["name"] + (r["suffix"] or "")
    if sort == "dynasty" or _in_title(r["name"], topic):
        return []
    event = re.search(r"\b(?:battle|war|conference|games|summit|siege)\b", m["pred"][:r.start()])
    be = _be(m["be"])
    prompt = (f"In which {sort} did {subj} take place?" if event else
              f"In which {sort} {be} {subj}?")
    # the bare name ("Anhui", as the facts box gives it): one fact, one answer to compare
    bare = r["name"]
    accept = [name] if name != bare else []
    return [_base(si, "lead-located", "text", prompt, bare, "place", bare, accept=accept,
                  score=2.9, tags=["lead", "places"])]


# -- the river, range or ocean it stands on or in

_FEATURE_KIND = [  # the kind word of a natural feature's name, and what to call it
    (r"(?:mountain range|Range|Mountains|mountains|Cordillera)", "mountain range"),
    (r"(?:river system)", "river system"),
    (r"(?:River|river)", "river"),
    (r"Lake", "lake"), (r"Ocean", "ocean"), (r"Sea", "sea"), (r"Desert", "desert"),
    (r"(?:Islands|Archipelago)", "island group"),
    (r"Bay", "bay"), (r"Gulf", "gulf"), (r"Strait", "strait"),
]
_PART = r"estuary|banks?|flood plain|floodplain|mouth|shores?|coast|delta|confluence|foot"
_SETTING_RE = re.compile(
    rf"(?P<lead>\b(?:is|was|are|were) (?:a|an|the) [^,;.]{{0,60}}?|"
    rf"\b(?:[Ll]ocated|[Ss]ituated|lies|[Ll]ying|stands|built|fought)(?: [^;.]{{0,50}}?,?)?) "
    rf"(?P<prep>on|in|over|along|at) "
    rf"(?:the (?P<part>{_PART}) of )?(?:the (?:{_NAME}) of )?(?P<the>the )?(?P<feat>{_NAME}"
    rf"(?: (?:mountain range|mountains|river system))?)(?=[,.;]| in\b| between\b| near\b|$)")


def _feature_kind(feat: str) -> tuple[str, str] | None:
    """``the River Derwent`` -> (river, Derwent); ``Andes mountain range`` -> (mountain
    range, Andes)."""
    for pattern, kind in _FEATURE_KIND:
        m = re.fullmatch(rf"(?P<n>.+?) {pattern}", feat) or re.fullmatch(
            rf"{pattern} (?P<n>[A-Z].+)", feat)
        if m and m["n"][:1].isupper():
            return kind, m["n"]
    return None


def _setting(si: SentenceInfo, topic: Topic, subj: str, rest: str) -> list[Candidate]:
    for m in _SETTING_RE.finditer(rest):
        if re.search(r"\b(?:which|that|who|where|whose)\b", rest[:m.start("prep")]):
            return []  # a relative clause: the place is some other thing's
        feat = m["feat"]
        known = _feature_kind(feat)
        if not known:
            continue
        kind, core = known
        if _in_title(core, topic):
            return []
        answer = feat
        accept: list[str] = []
        if kind in ("mountain range", "river system") and feat.endswith(
                ("mountain range", "mountains", "river system")):
            answer = core
            accept = [feat]
        elif kind == "river":
            accept = [core]
        if m["the"]:
            accept.append(f"the {answer}")
        part = f"the {m['part']} of " if m["part"] else ""
        be = "was" if re.search(r"\b(?:was|were)\b", rest[:m.start("prep")]) else "is"
        if topic.is_person:
            return []
        verb = "fought" if "fought" in m["lead"] else "located"
        prompt = f"{m['prep'].capitalize()} {part}which {kind} {be} {subj} {verb}?"
        return [_base(si, "lead-setting", "text", prompt, answer, "place", answer,
                      accept=accept, score=3.0, tags=["lead", "places"])]
    return []


def _crosses(si: SentenceInfo, topic: Topic, subj: str, rest: str) -> list[Candidate]:
    m = re.match(rf" (?P<v>crosses|crossed|spans|spanned) (?P<the>the )?(?P<feat>{_NAME})"
                 rf"(?=[,.;]| just\b| at\b| near\b| in\b| between\b|$)", rest)
    if not m:
        return []
    known = _feature_kind(m["feat"])
    if not known or _in_title(known[1], topic):
        return []
    kind, core = known
    do = "does" if m["v"].endswith("s") else "did"
    verb = {"crosses": "cross", "crossed": "cross", "spans": "span", "spanned": "span"}[m["v"]]
    accept = [core] if kind == "river" else []
    if m["the"]:
        accept.append(f"the {m['feat']}")
    return [_base(si, "lead-setting", "text", f"Which {kind} {do} {subj} {verb}?", m["feat"],
                  "place", m["feat"], accept=accept, score=3.0, tags=["lead", "places"])]


def _headquarters(si: SentenceInfo, topic: Topic, subj: str, rest: str) -> list[Candidate]:
    m = re.search(rf"\b(?:headquartered|based) in (?P<city>{_NAME})(?:, (?P<country>{_NAME}))?"
                  rf"(?=[,.;]|$)", rest)
    if not m or re.search(r"\b(?:which|that|who|where)\b", rest[:m.start()]):
        return []
    city = m["city"]
    entry = places.lookup(city)
    if (entry is not None and entry.sort == places.COUNTRY) or _in_title(city, topic):
        return []
    be = "was" if re.search(r"\bwas\b", rest[:m.start()]) else "is"
    word = "headquartered" if "headquartered" in m.group(0) else "based"
    return [_base(si, "lead-headquarters", "text", f"In which city {be} {subj} {word}?", city,
                  "place", city, score=3.0, tags=["lead", "places"])]


def _held_in(si: SentenceInfo, topic: Topic, subj: str, rest: str) -> list[Candidate]:
    """``X was held from October 18–27, 2019, in Wuhan, Hubei, China`` -> ``In which city
    was X held?``"""
    m = re.match(rf"(?:,[^;]{{0,140}}?,)? (?P<be>was|were|is|are) (?:(?:first )?held|hosted) "
                 rf"(?:[^;]{{0,60}}?,? )?in (?P<city>{_NAME})(?=[,.;]|$| [a-z(])", rest)
    if not m or re.search(r"\b(?:which|that|who|where|by)\b", m.group(0)):
        return []
    city = m["city"]
    entry = places.lookup(city)
    if entry is None or entry.sort != places.CITY or _in_title(city, topic):
        return []
    return [_base(si, "lead-located", "text", f"In which city {_be(m['be'])} {subj} held?",
                  city, "place", city, score=2.9, tags=["lead", "places"])]


# -- living things: where they are endemic, what they are related to

_COMPASS = r"(?:(?:north|south|east|west|central|northern|southern|eastern|western)[a-z-]* )"


def _endemic(si: SentenceInfo, topic: Topic, subj: str, rest: str, text: str
             ) -> list[Candidate]:
    m = re.search(rf"\b(?P<how>endemic|native) to (?P<the>the )?{_COMPASS}?"
                  rf"(?P<name>{_NAME})(?P<system> river system)?(?P<more>,? (?:and|or) [a-z])?",
                  rest)
    if not m or m["more"]:
        return []  # "and the southern Arabian Peninsula": a list the pattern cannot read
    name, how = m["name"], m["how"]
    pred = _predicate(rest)
    be = _be(pred["be"]) if pred else "is"
    if m["system"]:
        if _in_title(name, topic):
            return []
        prompt = f"To which river system {be} {subj} {how}?"
        return [_base(si, "lead-endemic", "text", prompt, name, "place", name,
                      accept=[f"{name} river system", f"the {name}", f"{name} River"],
                      score=3.0, tags=["lead", "places"])]
    parts = re.split(r",? and |, ", name)
    entries = [places.lookup(p) for p in parts]
    if any(e is None or e.sort != places.COUNTRY for e in entries) or any(
            _in_title(p, topic) for p in parts) or len(parts) > 3:
        return []
    if len(parts) == 1:
        prompt = f"To which country {be} {subj} {how}?"
        return [_base(si, "lead-endemic", "text", prompt, name, "place", name,
                      accept=[f"the {name}"] if m["the"] else [], score=3.2,
                      tags=["lead", "places"])]
    # "native to Angola and Namibia": both, among two countries the article never names
    entry = entries[0]
    assert entry is not None
    folded = f" {fold(text)} "
    wrong = [n for n in places.same_sort_names(entry) if n not in parts
             and f" {fold(n)} " not in folded and places.lookup(n) is not None
             and places.lookup(n).region == entry.region]  # type: ignore[union-attr]
    wrong = sorted(wrong, key=lambda n: short_hash(topic.title, n))[:2]
    if len(wrong) < 2:
        return []
    choices = stable_order([*parts, *wrong], seed=topic.title)
    prompt = f"To which countries {be} {subj} {how}?"
    return [_base(si, "lead-endemic", "multi", prompt, parts, "place", " and ".join(parts),
                  choices=choices, score=3.2, tags=["lead", "places"])]


def _related(si: SentenceInfo, topic: Topic, subj: str, rest: str) -> list[Candidate]:
    if not topic.is_species:
        return []
    fam = re.match(r" and the (?P<what>[a-z][a-z-]+) are the only (?P<alive>living |extant )?"
                   r"members of the (?P<rank>family|genus|order) (?P<fam>[A-Z][a-z]+)\.?$", rest)
    if fam and not _in_title(fam["what"], topic) and \
            fold(fam["what"])[:5] not in fold(fam["fam"]):  # "giraffe" in "Giraffidae"
        prompt = (f"Besides {subj}, which animal is the only {fam['alive'] or ''}member of the "
                  f"{fam['rank']} {fam['fam']}?")
        return [_base(si, "lead-related", "text", prompt, fam["what"], "animal", fam["what"],
                      accept=[f"the {fam['what']}"], score=3.0, tags=["lead"])]
    m = re.search(r"\b(?P<be>is|are|was|were) (?P<most>most |more |very )?closely related to "
                  r"(?P<the>the )?(?P<what>[a-z][a-z-]+)(?=[,.;]|$| and\b)", rest)
    if not m or m["what"] in ("that", "those", "it", "them") or _in_title(m["what"], topic):
        return []
    prompt = f"To which animal {_be(m['be'])} {subj} {m['most'] or ''}closely related?"
    accept = [f"the {m['what']}"] if m["the"] else []
    return [_base(si, "lead-related", "text", prompt, m["what"], "animal", m["what"],
                  accept=accept, score=3.0, tags=["lead"])]


def _part_of(si: SentenceInfo, topic: Topic, subj: str, rest: str) -> list[Candidate]:
    """``Socotra is geographically a part of Africa`` -> ``Of which continent is Socotra
    geographically a part?``"""
    m = re.match(rf" {_BE} (?P<how>geographically |geologically )?(?:a )?part of "
                 rf"(?P<c>{'|'.join(_CONTINENTS)})\.?$", rest)
    if not m or _in_title(m["c"], topic):
        return []
    prompt = f"Of which continent {_be(m['be'])} {subj} {m['how'] or ''}a part?"
    return [_base(si, "lead-role", "text", prompt, m["c"], "place", m["c"], score=3.0,
                  tags=["lead", "places"])]


def _lived_during(si: SentenceInfo, topic: Topic, subj: str, rest: str) -> list[Candidate]:
    """``... who lived during the late Eastern Han dynasty`` -> ``During which dynasty did
    Cai Yan live?``"""
    m = re.search(rf"\blived (?:during|under) the (?:(?:late|early|later|mid) )?"
                  rf"(?P<d>{_NAME}) (?:dynasty|Dynasty)(?=[,.;]|$| of\b)", rest)
    if not topic.is_person or not m or " and " in m["d"] or _in_title(m["d"], topic):
        return []
    name = m.group(0).split(" the ", 1)[1]
    answer = re.sub(r"^(?:late|early|later|mid) ", "", name)
    return [_base(si, "lead-role", "text", f"During which dynasty did {subj} live?", answer,
                  "dynasty", answer, accept=[m["d"], f"the {answer}"], score=3.0,
                  tags=["lead"])]


# -- events: the war a treaty ended


def _ended(si: SentenceInfo, topic: Topic, subj: str, rest: str) -> list[Candidate]:
    m = re.search(rf"(?:^|\bthat|\bwhich|\b(?:is|was) [^,;]{{0,40}}?) (?:officially |formally )?"
                  rf"(?P<v>ended|ends|concluded) the (?P<war>{_NAME} (?:War|Revolution|"
                  rf"Rebellion|Conflict))(?=[,.;( ]|$)", rest)
    if not m:
        return _ended_dynasty(si, topic, subj, rest)
    if _in_title(m["war"], topic):
        return []
    do = "does" if m["v"] == "ends" else "did"
    kind = m["war"].rsplit(" ", 1)[1].lower()
    verb = "end" if m["v"] != "concluded" else "conclude"
    return [_base(si, "lead-ended", "text", f"Which {kind} {do} {subj} {verb}?", m["war"],
                  "event", m["war"], accept=[f"the {m['war']}"], score=3.2,
                  tags=["lead", "events"])]


def _ended_dynasty(si: SentenceInfo, topic: Topic, subj: str, rest: str) -> list[Candidate]:
    """``... culminated the end of China's last imperial dynasty, the Qing dynasty`` ->
    ``Which dynasty did the 1911 Revolution bring to an end?``"""
    m = re.search(rf"(?:^|,) (?P<v>ended|overthrew|toppled|culminated the end of|brought an end "
                  rf"to|led to the end of) (?:[^,;]{{0,50}}, )?the (?P<d>{_NAME}) (?:dynasty|"
                  rf"Dynasty)(?=[,.;]|$| and\b)", rest)
    if not m or _in_title(m["d"], topic) or " and " in m["d"]:
        return []
    answer = f"{m['d']} dynasty"
    return [_base(si, "lead-ended", "text", f"Which dynasty did {subj} bring to an end?",
                  answer, "dynasty", answer, accept=[m["d"], f"the {answer}"], score=3.0,
                  tags=["lead", "events"])]


# -- records: "the highest mountain in the Americas", "the highest outside Asia"

_SUP = (r"(?:second-|third-)?(?:highest|largest|longest|tallest|biggest|oldest|deepest|"
        r"busiest|southernmost|northernmost|easternmost|westernmost|smallest)")
_CONTINENTS = {"Asia": "continent", "Africa": "continent", "Europe": "continent",
               "North America": "continent",
               "South America": "continent", "Oceania": "continent",
               "Antarctica": "continent"}


def _place_kind(name: str) -> str | None:
    # a record within its own country ("the second-tallest lighthouse in Spain") asks
    # only where the subject is: continents alone
    return "continent" if name in _CONTINENTS else None


def _superlative(si: SentenceInfo, topic: Topic, subj: str, rest: str) -> list[Candidate]:
    out: list[Candidate] = []
    m = re.search(rf"\b{_BE} (?:also )?(?:[^,;]{{0,70}}?, )?(?:as well as )?the (?P<sup>{_SUP}) "
                  rf"(?P<noun>[a-z]+(?: [a-z]+)?) (?P<prep>in|outside|outside of) (?P<the>the )?"
                  rf"(?P<place>{_NAME})(?=[,.;]| and\b|$)", rest)
    if not m:
        return out
    be = _be(m["be"])
    hits = [(m["sup"], m["prep"], m["place"], m["the"])]
    # ", the highest outside Asia": the same record, the noun left out
    for more in re.finditer(rf", (?:and )?the {re.escape(m['sup'])} (?P<prep>outside|outside of|"
                            rf"in) (?P<the>the )?(?P<place>{_NAME})(?=[,.;]| and\b|$)",
                            rest[m.end():]):
        hits.append((m["sup"], more["prep"], more["place"], more["the"]))
    for sup, prep, place, the in hits:
        kind = _place_kind(place)
        if kind is None or _in_title(place, topic):
            continue
        prompt = f"{subj} {be} the {sup} {m['noun']} {prep} which {kind}?"
        accept = [f"the {place}"] if the else []
        out.append(_base(si, "lead-record", "text", capitalise_first(prompt), place, "place",
                         place, accept=accept, score=3.0, tags=["lead", "records"]))
    return out


def _first_of_nation(si: SentenceInfo, topic: Topic, subj: str, rest: str) -> list[Candidate]:
    """``San Marco 1 was the first Italian satellite`` -> ``San Marco 1 was the first
    satellite of which country?``"""
    m = re.match(rf"(?:,[^;]{{0,100}}?,)? {_BE} the first (?P<dem>[A-Z][a-z]+) "
                 rf"(?P<noun>[a-z]+)\.?$", rest)
    if not m:
        return []
    country = places.by_demonym(m["dem"])
    if country is None or _in_title(country.name, topic):
        return []
    prompt = f"{subj} {_be(m['be'])} the first {m['noun']} of which country?"
    return [_base(si, "lead-record", "text", capitalise_first(prompt), country.name, "place",
                  m["dem"], accept=[m["dem"]], score=3.0, tags=["lead", "records"])]


def _record_kind(si: SentenceInfo, topic: Topic, subj: str, rest: str) -> list[Candidate]:
    """``the oldest known extant Roman lighthouse`` -> ``The Tower of Hercules is the oldest
    known extant _____ lighthouse.``: the word that makes the record, not the thing."""
    m = re.match(rf"(?:,[^;]{{0,100}}?,)? {_BE} the (?P<sup>{_SUP}) (?P<mods>(?:(?:known|extant|"
                 rf"surviving|remaining|existing) )*)(?P<adj>[A-Z][a-z]+) (?P<noun>[a-z]+)\.?$",
                 rest)
    if not m or _in_title(m["adj"], topic) or not m["noun"].isalpha():
        return []
    be = _be(m["be"])
    shown = f"{subj} {be} the {m['sup']} {m['mods']}{{}} {m['noun']}."
    return [_base(si, "lead-record", "text", capitalise_first(shown.format(BLANK)), m["adj"],
                  "kind", m["adj"], score=2.9, tags=["lead", "records"],
                  statement=capitalise_first(shown.format(m["adj"])))]


def _first_between(si: SentenceInfo, topic: Topic, subj: str, rest: str) -> list[Candidate]:
    """``the first treaty between the Tsardom of Russia and the Qing dynasty of China`` ->
    ``... the first treaty between the Tsardom of Russia and which dynasty?``"""
    m = re.match(rf"(?: of \d{{4}})?(?:,[^;]{{0,100}}?,)? {_BE} the first (?P<what>[a-z]+) between "
                 rf"(?P<a>(?:the )?{_NAME}) and (?P<the>the )?(?P<b>{_NAME})(?P<d> dynasty)?"
                 rf"(?=[,.;]|$| of\b)", rest)
    if not m or " and " in m["a"] or _in_title(m["b"], topic):
        return []
    entry = places.lookup(m["b"])
    kind = "dynasty" if m["d"] else ("country" if entry and entry.sort == places.COUNTRY
                                     else None)
    if kind is None:
        return []
    answer = m["b"] + (m["d"] or "")
    accept = [m["b"], f"the {answer}"] if m["d"] else []
    prompt = f"{subj} {_be(m['be'])} the first {m['what']} between {m['a']} and which {kind}?"
    # below a blank year of the same sentence ("The Treaty of X of _____ was the first
    # treaty between ..."): the two cannot both be asked, and the date is what teachers want
    return [_base(si, "lead-role", "text", capitalise_first(prompt), answer, "dynasty"
                  if m["d"] else "place", answer, accept=accept, score=2.1, tags=["lead"])]


# -- people: what they were

# Professions a definition names, by field: the wrong options come from the answer's own
# field first. Each group of ``_NEAR`` holds work so alike that one is arguably true of
# whoever did another (a surveyor "explores", an inventor "engineers"): never offered.
PROFESSIONS: dict[str, tuple[str, ...]] = {
    "science": ("astronomer", "botanist", "chemist", "physicist", "mathematician",
                "geologist", "zoologist", "physician", "engineer", "inventor", "surveyor",
                "cartographer", "explorer", "anatomist", "paleontologist", "parasitologist",
                "ethnographer", "naturalist", "geographer"),
    "arts": ("poet", "composer", "painter", "novelist", "sculptor", "architect", "writer",
             "playwright", "historian", "musician", "textile artist", "travel writer"),
    "public": ("politician", "diplomat", "lawyer", "journalist", "merchant", "feminist",
               "military general", "general", "monk", "teacher"),
}
_NEAR = (
    {"surveyor", "cartographer", "geographer", "explorer", "astronomer", "naturalist"},
    {"inventor", "engineer", "chemist", "physicist", "architect"},
    {"zoologist", "botanist", "naturalist", "anatomist", "paleontologist", "parasitologist",
     "physician", "geologist", "explorer", "ethnographer"},
    {"poet", "writer", "novelist", "playwright", "historian", "travel writer", "composer",
     "musician", "journalist"},
    {"painter", "sculptor", "textile artist", "architect"},
    {"politician", "diplomat", "lawyer", "feminist", "journalist"},
    {"military general", "general", "politician"},
)
# Too rare to be a fair wrong option ("parasitologist" beside "explorer" is no choice).
_RECOGNISED_ONLY = {"anatomist", "paleontologist", "parasitologist", "ethnographer",
                    "travel writer", "textile artist", "general", "naturalist", "geographer"}
_ALL_PROFESSIONS = {p for ps in PROFESSIONS.values() for p in ps}
# What doing the work is called: an article that says she "taught" weaving makes
# "teacher" true in its terms, though it never writes the noun.
_DOING = {
    "teacher": r"teach|taught|tutor", "writer": r"wr(?:ite|ote|itten|iting)|author",
    "poet": r"poe(?:m|try)", "painter": r"paint", "composer": r"compos", "musician": r"music",
    "inventor": r"invent|machine|device|innovat", "explorer": r"explor|expedition",
    "engineer": r"engineer|machine",
    "surveyor": r"survey", "cartographer": r"maps?\b|cartograph", "merchant": r"trad(?:e|er|ing)",
    "monk": r"monk|monaster|buddhis", "diplomat": r"diplomat|envoy|ambassador|negotiat",
    "politician": r"politic", "physician": r"physician|doctor|medic|surgeon",
    "botanist": r"botan", "astronomer": r"astronom", "chemist": r"chemi",
    "journalist": r"journal|newspaper", "lawyer": r"\blaw\b|legal", "historian": r"histor",
    "architect": r"architect|design", "sculptor": r"sculpt|statue", "novelist": r"novel",
    "playwright": r"play|drama", "geologist": r"geolog", "zoologist": r"zoolog|animal",
    "physicist": r"physic", "mathematician": r"mathemat", "feminist": r"femin|women's",
    "military general": r"general|army|military", "activist": r"activis|campaign",
}


def _wrong_professions(items: list[str], text: str, seed: str) -> list[str]:
    """Professions of the answers' own field first, none near an answer, none the
    article names anywhere (so none can be true in its terms)."""
    folded = f" {fold(text)} "
    near = set(items).union(*(g for g in _NEAR if g & set(items)))
    fields = [f for f, ps in PROFESSIONS.items() if any(i in ps for i in items)]
    ranked = [(f not in fields, short_hash(seed, p), p)
              for f, ps in PROFESSIONS.items() for p in ps]
    out: list[str] = []
    for _, _, p in sorted(ranked):
        if p in near or p in _RECOGNISED_ONLY or re.search(rf"\b{re.escape(fold(p))}", folded) \
                or re.search(rf"\b(?:{_DOING.get(p, '(?!)')})", folded):
            continue
        out.append(p)
        near |= set().union(*(g for g in _NEAR if p in g))  # wrong options unlike each other
    return out


_ADJECTIVE = re.compile(r"(?:[A-Z][\w-]*|medieval|renowned|famous|early|female|male|noted|"
                        r"prominent|leading|professional|influential|ancient) ")


def _profession(si: SentenceInfo, topic: Topic, subj: str, rest: str, text: str
                ) -> list[Candidate]:
    m = _predicate(rest)
    if not m or not re.match(r"an? ", m["pred"]):
        return []
    np = re.split(r",? (?:who|whose|which|during|from|of|in|at|for|with)\b|[.;]",
                  m["pred"][2:].lstrip(), maxsplit=1)[0]
    while _ADJECTIVE.match(np):
        np = np[_ADJECTIVE.match(np).end():]  # type: ignore[union-attr]
    items = [x.strip() for x in re.split(r",? and |, ", np) if x.strip()]
    if re.search(r"^- (?:Occupation|Profession)s?:", text, re.MULTILINE):
        return []  # the facts box lists them: asked from there
    heading = fold(text.lstrip().split("\n", 1)[0])  # "= Mungo Park (explorer) ="
    if not items or len(items) > 3 or any(i not in _ALL_PROFESSIONS for i in items) or any(
            fold(i) in heading for i in items):
        return []  # "Mungo Park (explorer)": the title says it
    wrong = _wrong_professions(items, text, topic.title)
    be = _be(m["be"])
    if len(items) == 1:
        if len(wrong) < 3:
            return []
        head = m["pred"][:m["pred"].index(items[0])]
        stem = f"{subj} {be} {head}{BLANK}."
        choices = stable_order([items[0], *wrong[:3]], seed=topic.title)
        return [_base(si, "lead-profession", "choice", stem, items[0], "profession",
                      items[0], choices=choices, score=3.0, tags=["lead", "people"],
                      statement=f"{subj} {be} {head}{items[0]}.")]
    if len(wrong) < 2:
        return []
    choices = stable_order([*items, *wrong[:2]], seed=topic.title)
    return [_base(si, "lead-profession", "multi", f"Which of these {be} {subj}?", items,
                  "profession", " and ".join(items), choices=choices, score=3.0,
                  tags=["lead", "people"])]
