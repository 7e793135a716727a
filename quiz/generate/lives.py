"""What happened in a person's life: the facts teachers ask that no infobox holds.

Judges kept listing as missed what the prose of a biography says about its subject:
the nationality the opening gives, how old they were at a turning point, who taught
them, a society that turned them away, and what became of them:

``Phan Bội Châu was a Vietnamese nationalist ...`` -> ``What nationality was Phan
Bội Châu?`` (among nationalities of the same part of the world);
``... until he retired at the age of 49`` -> ``How old was Inō Tadataka when he
retired?``; ``... became a pupil of astronomer Takahashi Yoshitoki`` -> ``Inō Tadataka
became a pupil of which astronomer?``; ``she was denied membership by the Royal
Geographical Society`` -> ``Which society denied Ida Laura Pfeiffer membership?``;
``In 1925, French agents seized him in Shanghai.`` -> ``In 1925, where was Phan Bội
Châu seized by French agents?``.

Every shape starts from the subject: the person's name, or a pronoun that can only be
them (the sentence before was about them, the pronoun is theirs, and no one else is
named in the sentence). The prompt always names the person in full.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from quiz.bank.normalize import fold
from quiz.generate import places
from quiz.generate.candidate import Candidate
from quiz.generate.context import Topic
from quiz.generate.entities import PERSON
from quiz.generate.howmany import _base_form
from quiz.generate.rules import SentenceInfo, _base
from quiz.generate.text import capitalise_first, stable_order, strip_parens, wordset

_WORD = r"(?:[A-Z][\w'’-]*)"
_NAME = rf"{_WORD}(?: (?:(?:of|de|da|do|du|del|von|van|al-) )?{_WORD}){{0,4}}"
_PLACE = rf"(?P<the>the )?(?P<place>{_NAME})"
# a sentence the context reader would not rewrite, yet whose pronoun is plainly the
# subject when no one else is named near it
_PRONOUN_REASONS = {"rewritten-mid-sentence", "context-dependent", "ambiguous-reference"}
_NUMBER_WORDS = {w: i for i, w in enumerate([
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty"])}
# nationalities the country table writes as one (the United Kingdom is "British")
# and the neighbours a student would weigh (not "Taiwanese" for a Han dynasty official)
_NATIONS = {"Scottish": ("English", "Irish", "Welsh"), "English": ("Scottish", "Irish", "Welsh"),
            "Welsh": ("English", "Scottish", "Irish"), "Irish": ("English", "Scottish", "Welsh"),
            "American": ("Canadian", "British", "Irish", "Mexican")}
_EAST_ASIA = ("Chinese", "Japanese", "Korean", "Vietnamese", "Mongolian")
_NATIONS.update({n: tuple(x for x in _EAST_ASIA if x != n) for n in _EAST_ASIA})


@dataclass(frozen=True)
class _Person:
    """How the article names its subject, and the pronouns that stand for them."""

    topic: Topic
    names: tuple[str, ...]  # "Inō Tadataka", "Inō", "Reyer" (a maiden name)
    subject: str  # "he" or "she" ("" when the article does not tell)
    marriages: int = 0  # words of marriage in the article: more than one, and a spouse
    # named once may not be the only one

    @property
    def possessive(self) -> str:
        return "his" if self.subject == "he" else "her"

    @property
    def object(self) -> str:
        return "him" if self.subject == "he" else "her"


def life_questions(infos: Sequence[SentenceInfo], topic: Topic, text: str,
                   people: Sequence[str]) -> list[Candidate]:
    """Questions from the sentences of a person's article (``infos`` in article order);
    ``people`` are the other persons the article names."""
    if not topic.is_person:
        return []
    person = _person(topic, text)
    out: list[Candidate] = []
    seen: set[int] = set()
    prev_about = False
    first = True
    for si in infos:
        start = si.sentence.start
        if start in seen:
            continue
        seen.add(start)
        raw = si.cleaned.strip()
        ok = _stands_for(si, person, prev_about, people)
        if ok:
            if first:
                out.extend(_nationality(si, person, raw, text))
            for rule in (_age_at, _fate, _teacher, _spouse, _rank, _book):
                out.extend(rule(si, person, raw))
            out.extend(_studied(si, person, raw, text))
            if not _infobox_birthplace(text):
                out.extend(_born_in(si, person, raw))
        first = False
        prev_about = ok and bool(re.search(_mention_re(person), raw))
    return out


def _person(topic: Topic, text: str) -> _Person:
    names = [topic.title]
    if topic.short and topic.short != topic.title:
        names.append(topic.short)
    words = topic.title.split()
    names += [w for w in (words[0], words[-1]) if len(w) > 2 and w not in names]
    nee = re.search(r"\bnée ([A-Z][\w'’-]+)", text)
    if nee:
        names.append(nee.group(1))
    he = len(re.findall(r"\b(?:he|him|his)\b", text, re.IGNORECASE))
    she = len(re.findall(r"\b(?:she|her|hers)\b", text, re.IGNORECASE))
    subject = "he" if he > 2 * she else "she" if she > 2 * he else ""
    marriages = len(re.findall(r"\b(?:married|marriage|husband|wife|widow|widowed)\b", text))
    return _Person(topic, tuple(sorted(set(names), key=len, reverse=True)), subject, marriages)


def _subject_re(person: _Person) -> str:
    """The subject at the start of a clause: a name of the person or their pronoun."""
    names = "|".join(re.escape(n) for n in person.names)
    pron = person.subject
    return rf"(?:{names}|{pron.capitalize()}|{pron})\b" if pron else rf"(?:{names})\b"


def _mention_re(person: _Person) -> str:
    """The person named or pronounced anywhere in a sentence."""
    names = [re.escape(n) for n in person.names]
    if person.subject:
        names += [w for p in (person.subject, person.object, person.possessive)
                  for w in (p, p.capitalize())]
    return rf"\b(?:{'|'.join(names)})\b"


_FRONT = wordset("In On By At During After Before Following Though Although While As When "
                 "Until From Despite Later Upon Unable Then With")


def _front_cut(raw: str) -> str:
    """``In 1925, French agents ...`` -> ``French agents ...``: a short fronted phrase
    (one that opens with a preposition or a participle, so never the subject)."""
    m = re.match(r"(?P<w>[A-Z][a-z]+)[^,]{2,80}, (?=[A-Za-z])", raw)
    if m and (m["w"] in _FRONT or m["w"].endswith(("ing", "ed"))):
        return raw[m.end():]
    return raw


def _stands_for(si: SentenceInfo, person: _Person, prev_about: bool,
                people: Sequence[str]) -> bool:
    """May a pronoun of this sentence be read as the subject?"""
    if si.text is not None:
        return True
    if si.reason not in _PRONOUN_REASONS or not prev_about or not person.subject:
        return False
    others = [p for p in people if p not in person.names and p in si.cleaned
              and not any(p in n for n in person.names)]
    others += [m.text for m in si.raw_mentions if m.kind == PERSON
               and not any(m.text in n or n in m.text for n in person.names)]
    return not others


def _ask(si: SentenceInfo, rule: str, qtype: str, prompt: str, answer, kind: str,
         written: str, **kw) -> Candidate:
    kw.setdefault("score", 3.0)
    kw.setdefault("tags", ["people"])
    return _base(si, rule, qtype, capitalise_first(prompt), answer, kind, written, **kw)


# -- nationality


def _nationality(si: SentenceInfo, person: _Person, raw: str, text: str) -> list[Candidate]:
    """The opening sentence's ``X was a Japanese surveyor`` -> ``What nationality was X?``
    with three nationalities of the same part of the world the article never names."""
    names = "|".join(re.escape(n) for n in person.names)
    raw = strip_parens(raw)
    m = re.match(rf"(?:{names})(?: {_WORD})*\b[^.;]*?(?:\b(?:was|is)|,) (?:a|an) "
                 rf"(?:[a-z-]+ ){{0,4}}?(?P<nat>[A-Z][a-z]+) (?=[a-z])", raw)
    if not m:
        return []
    nat = m["nat"]
    folded = fold(text)
    wrong = [w for w in _other_nationalities(nat) if not re.search(
        rf"\b{re.escape(fold(w))}\b", folded)]
    if len(wrong) < 3:
        return []
    choices = stable_order([nat, *wrong[:3]], seed=person.topic.title)
    be = "is" if " is " in m.group(0) else "was"
    return [_ask(si, "life-nationality", "choice",
                 f"What nationality {be} {person.topic.title}?", nat, "nationality", nat,
                 choices=choices, score=1.9,
                 statement=f"{person.topic.title} {be} {nat}.")]


def _other_nationalities(nat: str) -> list[str]:
    if nat in _NATIONS:
        return list(_NATIONS[nat])
    country = places.by_demonym(nat)
    if country is None:
        return []
    near = [c.demonym for c in places.COUNTRIES
            if c.region == country.region and c.demonym != nat and c.since == 0]
    nextdoor = [c.demonym for c in places.COUNTRIES
                if c.region in places.neighbours(country.region) and c.since == 0]
    # the same order each time, but not always the table's first three
    return stable_order(near, seed=nat) + stable_order(nextdoor, seed=nat)


# -- how old they were


_AGE = r"(?P<n>\d{1,3}|" + "|".join(_NUMBER_WORDS) + ")"
_CLAUSE_START = wordset("until and when after before then but so")


def _age_at(si: SentenceInfo, person: _Person, raw: str) -> list[Candidate]:
    """``His mother died when he was seven`` -> ``How old was X when his mother died?``;
    ``... until he retired at the age of 49`` and ``he was adopted (age 17) by ...``
    likewise."""
    if not person.subject:
        return []
    pron = person.subject
    out: list[Candidate] = []
    shapes = [
        (rf"(?P<clause>[^,;()]+?) when {pron} was {_AGE}(?: years old)?\b", False),
        (rf"(?P<clause>[^,;()]+?),? at the age of {_AGE}\b", False),
        (rf"(?P<clause>[^,;()]+?) \((?:at )?age {_AGE}\)(?P<rest>[^,;().]*)", True),
    ]
    for shape, with_rest in shapes:
        for m in re.finditer(shape, raw):
            age = _age(m["n"])
            clause = _clause(m["clause"], person)
            if age is None or clause is None:
                continue
            if with_rest:
                rest = m["rest"].strip()
                if rest and not re.match(r"(?:by|in|at|to|from|into)\b", rest):
                    continue
                clause = f"{clause} {rest}".strip()
            if len(clause.split()) > 14:
                continue
            prompt = f"How old was {person.topic.title} when {clause}?"
            accept = [m["n"]] if not m["n"].isdigit() else []
            out.append(_ask(si, "life-age", "number", prompt, age, "count", m["n"],
                            unit="years", accept=accept, number_format=str(age)))
    return out


def _age(word: str) -> int | None:
    n = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
    return n if n is not None and 1 <= n <= 110 else None


def _clause(clause: str, person: _Person) -> str | None:
    """The event the age is tied to, as said of the person: ``Huang ran away from home``
    -> ``she ran away from home``; ``His mother died`` -> ``his mother died``."""
    names = "|".join(re.escape(n) for n in person.names)
    # "He ran a brewery until he retired": the age belongs to the last clause
    starts = list(re.finditer(rf"\b(?:{'|'.join(_CLAUSE_START)}) (?=(?:{names}|"
                              rf"{person.subject}|{person.possessive})\b)", clause))
    if starts:
        clause = clause[starts[-1].end():]
    words = clause.strip().split()
    while words and words[0].lower() in _CLAUSE_START:
        words = words[1:]
    text = " ".join(words)
    if not text:
        return None
    poss = person.possessive
    m = re.match(rf"(?:{names})(?P<s>['’]s)? ", text + " ")
    if m:
        rest = text[m.end():].strip()
        text = f"{poss} {rest}" if m["s"] else f"{person.subject} {rest}"
    elif re.match(rf"(?:{person.subject}|{poss}) ", text, re.IGNORECASE):
        text = text[0].lower() + text[1:]
    else:
        return None  # someone else's deed: the age could be read as theirs
    # "was a trip to ...", "had five brothers": a state, not an event at an age
    if re.search(r"\b(?:was|were) (?:a|an|the)\b|\b(?:had|has|is)\b", text):
        return None
    if not re.search(r"\b(?:\w+ed|was \w+|ran|went|left|became|began|wrote|took|made|"
                     r"met|fought|won|lost|died|married|came)\b", text):
        return None
    return text


# -- what became of them


_CAUGHT = r"seized|arrested|captured|kidnapped|detained|abducted|imprisoned|jailed|executed"


def _fate(si: SentenceInfo, person: _Person, raw: str) -> list[Candidate]:
    """Where the person was seized or arrested, kept under house arrest or died in
    exile, and what they were convicted of."""
    subj = _subject_re(person)
    obj = "|".join([*(re.escape(n) for n in person.names)] +
                   ([person.object] if person.subject else []))
    title = person.topic.title
    out: list[Candidate] = []
    intro_re = r"(?P<intro>(?:In|On|By) [^,]{3,30}, )?"
    active = re.match(rf"{intro_re}(?P<agent>[A-Z]?[a-z]+(?: [a-z]+){{0,2}}) (?P<verb>{_CAUGHT}) "
                      rf"(?:{obj}) in {_PLACE}(?=[,.;]|$| in \d)", raw)
    if active and not active["agent"].lower().startswith(("he ", "she ", "they ")):
        intro = active["intro"] or ""
        agent = active["agent"]
        if agent.split()[0] in ("The", "A", "An", "Some", "Two", "Three", "Several"):
            agent = agent[0].lower() + agent[1:]  # "French agents" keeps its capital
        ask = f"where was {title} {active['verb']} by {agent}?"
        out.append(_place_q(si, intro + ask if intro else capitalise_first(ask), active))
    passive = re.match(rf"{intro_re}{subj} was (?P<verb>{_CAUGHT}) (?P<by>by [a-z][\w ]{{2,30}} )?"
                       rf"in {_PLACE}(?=[,.;]|$| in \d| and)", raw)
    if passive:
        intro = passive["intro"] or ""
        by = f" {passive['by'].strip()}" if passive["by"] else ""
        ask = f"where was {title} {passive['verb']}{by}?"
        out.append(_place_q(si, intro + ask if intro else capitalise_first(ask), passive))
    kept = re.search(rf"(?:^|, |\band )(?:{subj} )?(?P<verb>spent|lived|remained|died|was kept|"
                     rf"was held|was placed) (?P<mid>(?:the rest of (?:his|her) life )?)"
                     rf"(?P<how>under house arrest|in exile) in {_PLACE}(?=[,.;]|$| in \d)",
                     raw)
    if kept and (re.match(subj, raw) or re.match(subj, _front_cut(raw))):
        verb = kept["verb"]
        mid = kept["mid"].replace(" his ", f" {person.possessive} ").replace(
            " her ", f" {person.possessive} ")
        if verb.startswith("was "):
            ask = f"Where {verb.replace('was ', 'was ' + title + ' ')} {kept['how']}?"
        else:
            base = _base_form(verb) if verb not in ("died", "lived") else verb[:-1]
            ask = f"Where did {title} {base} {mid}{kept['how']}?"
        out.append(_place_q(si, ask, kept))
    crime = re.match(rf"{subj} was convicted of (?P<crime>[a-z]+(?: [a-z]+)?)(?=[,.;]| and\b|$)",
                     _front_cut(raw))
    if crime:
        out.append(_ask(si, "life-fate", "text", f"Of what was {title} convicted?",
                        crime["crime"], "crime", crime["crime"]))
    return out


def _place_q(si: SentenceInfo, prompt: str, m: re.Match[str]) -> Candidate:
    place = m["place"]
    accept = [f"the {place}"] if m["the"] else []
    return _ask(si, "life-fate", "text", prompt, place, "place", place, accept=accept,
                tags=["people", "places"])


# -- teachers


_DESC = r"(?:[a-z][a-z-]+ ){1,2}"


def _teacher(si: SentenceInfo, person: _Person, raw: str) -> list[Candidate]:
    """``her tutor, Y,`` -> ``Who was X's tutor?`` (a pupil of Y, studied under Y: the
    agents rule asks those)."""
    body = _front_cut(raw)
    if not re.match(_subject_re(person), body):
        return []
    poss = person.possessive if person.subject else "their"
    return [_person_q(si, f"Who was {person.topic.title}'s {m['role']}?", m["who"], "")
            for m in re.finditer(rf"\b{poss} (?P<role>tutor|teacher|mentor), (?P<who>{_NAME}),",
                                 body)]


def _person_q(si: SentenceInfo, prompt: str, who: str, desc: str) -> Candidate:
    accept = [f"{desc} {who}"] if desc else []
    return _ask(si, "life-teacher", "text", prompt, who, "person", who, accept=accept)


# -- schooling, marriage, rank, books, birthplace


def _studied(si: SentenceInfo, person: _Person, raw: str, text: str) -> list[Candidate]:
    """``Leidy studied medicine at the University of Pennsylvania`` -> ``What did Joseph
    Leidy study as a student?``"""
    names = "|".join(re.escape(n) for n in person.names)
    if person.subject:
        names += f"|{person.subject.capitalize()}"
    m = re.search(rf"(?:^(?:{names})\b[^,;]*? and |(?:^|, )(?:{names}) (?:also )?)studied "
                  rf"(?P<field>[a-z]+(?: [a-z]+)?) (?P<prep>at|in) (?P<where>(?:the )?{_NAME}"
                  rf"(?: and {_NAME})?)(?=[,.;]|$)", raw)
    if not m or m["field"].split()[-1] in ("at", "in", "under", "with", "and"):
        return []
    # where is said only when the article tells of other studies: the place may be
    # another draft's answer ("At which institution was he educated?")
    # ("as a student": a scientist "studies" what they research as well)
    where = f" {m['prep']} {m['where']}" if len(re.findall(r"\bstudied\b", text)) > 1 \
        else " as a student"
    prompt = f"What did {person.topic.title} study{where}?"
    return [_ask(si, "life-studied", "text", prompt, m["field"], "field", m["field"])]


def _spouse(si: SentenceInfo, person: _Person, raw: str) -> list[Candidate]:
    """``... alongside her husband, Manuel Ascencio Padilla, ...`` -> ``Who was X's
    husband?`` (only when the article tells of no other marriage)."""
    if not person.subject:
        return []
    m = re.search(rf"\b{person.possessive} (?P<role>husband|wife), (?P<who>{_NAME}),", raw)
    if not m or not re.match(_subject_re(person), _front_cut(raw)):
        return []
    if person.marriages > 1:
        return []
    return [_ask(si, "life-spouse", "text", f"Who was {person.topic.title}'s {m['role']}?",
                 m["who"], "person", m["who"])]


_RANK_VERBS = {"earning": "earn", "earned": "earn", "reaching": "reach", "reached": "reach",
               "attaining": "attain", "attained": "attain", "achieving": "achieve",
               "achieved": "achieve", "rising to": "rise to", "rose to": "rise to"}


def _rank(si: SentenceInfo, person: _Person, raw: str) -> list[Candidate]:
    """``..., earning the rank of Lieutenant Colonel`` -> ``What rank did X earn?``"""
    if not re.match(_subject_re(person), _front_cut(raw)):
        return []
    verbs = "|".join(_RANK_VERBS)
    m = re.search(rf"\b(?P<verb>{verbs}) the rank of (?P<rank>[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}}|"
                  rf"[a-z]+(?: [a-z]+)?)(?=[,.;]|$)", raw)
    if not m:
        return []
    base = _RANK_VERBS[m["verb"]]
    prompt = f"What rank did {person.topic.title} {base}?"
    return [_ask(si, "life-rank", "text", prompt, m["rank"], "rank", m["rank"])]


_TITLE = (r"[A-Z][\w'’-]*(?: (?:(?:in|the|of|and|a|an|on|to|for|with|from) )*"
          r"[A-Z][\w'’-]*)*")
_WORKS = r"book|travel book|memoir|memoirs|novel|autobiography|treatise|travelogue"


def _book(si: SentenceInfo, person: _Person, raw: str) -> list[Candidate]:
    """``His book Extinct Fauna of Dakota and Nebraska, published in 1869, ...`` ->
    ``Which book by X was published in 1869?``; ``he wrote a popular travel book titled
    Travels in the Interior Districts of Africa`` -> ``Which travel book did X write?``"""
    title = person.topic.title
    names = "|".join(re.escape(n) for n in person.names)
    owner = rf"(?:{person.possessive.capitalize()}|(?:{names})['’]s)" if person.subject \
        else rf"(?:{names})['’]s"
    out: list[Candidate] = []
    m = re.match(rf"{owner} (?P<kind>{_WORKS}) (?P<t>{_TITLE}), published in (?P<y>\d{{4}}),",
                 raw)
    if m:
        out.append(_ask(si, "life-book", "text",
                        f"Which {m['kind']} by {title} was published in {m['y']}?", m["t"],
                        "title", m["t"]))
    body = _front_cut(raw)
    w = re.match(rf"{_subject_re(person)} wrote (?:a|an) (?:[a-z-]+,? (?:and )?){{0,4}}?"
                 rf"(?P<kind>{_WORKS}) (?:titled|entitled|called) (?P<t>{_TITLE})", body)
    if w and len(re.findall(rf"\b(?:titled|entitled) {_TITLE}", raw)) == 1:
        out.append(_ask(si, "life-book", "text", f"Which {w['kind']} did {title} write?",
                        w["t"], "title", w["t"]))
    return out


_BIRTH_KEY = re.compile(r"^- (?:Birth ?place|Place of birth|Born|Birth):(?P<v>.*)$",
                        re.MULTILINE | re.IGNORECASE)
_MONTHS = wordset("January February March April May June July August September October "
                  "November December")


def _infobox_birthplace(text: str) -> bool:
    """Does the facts box name a birthplace? (The prose may name another: "Bisai" beside
    the box's "Nakashima" would make "Where was she born?" a question of two answers.)"""
    return any(w not in _MONTHS for m in _BIRTH_KEY.finditer(text)
               for w in re.findall(r"[A-Z][a-z]+", m["v"]))


def _born_in(si: SentenceInfo, person: _Person, raw: str) -> list[Candidate]:
    """``Ch'oe was born into a wealthy family in Yeongcheon, Gyeongsang Province`` ->
    ``Where was Ch'oe Musŏn born?``"""
    place = rf"(?P<place>{_NAME})(?:, (?P<region>{_NAME}))?"
    m = re.match(rf"{_subject_re(person)} was born (?:into (?:a|an|the) [a-z ]{{3,30}}? )?"
                 rf"in {place}(?=[,.;]| on | in \d| to |$)", raw) or \
        re.match(rf"Born in {place}(?: in \d{{4}})?, {_subject_re(person)}", raw)
    if not m or re.match(r"\d", m["place"]):
        return []
    accept = [f"{m['place']}, {m['region']}", m["region"]] if m["region"] else []
    return [_ask(si, "life-born", "text", f"Where was {person.topic.title} born?", m["place"],
                 "place", m["place"], accept=accept, tags=["people", "places"])]
