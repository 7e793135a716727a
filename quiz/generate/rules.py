"""Question rules for sentences: cloze, wh-questions, appositions, causes.

Each rule reads one sentence (already made to stand alone, see ``context``)
and proposes candidates; filtering and ranking come later, so a rule may
overgenerate but must never invent: every answer is a piece of the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from quiz.bank.article import Sentence
from quiz.generate.candidate import Candidate
from quiz.generate.context import outside_quotes
from quiz.generate.entities import EVENT, NAME, ORG, PERSON, PLACE, Mention
from quiz.generate.spans import Span, date_forms
from quiz.generate.text import BLANK, capitalise_first, lower_first, tidy, wordset

ENTITY_KINDS = (PERSON, PLACE, ORG, EVENT, NAME)
_PARTICIPLES = wordset(
    """made held built sold told found kept left led met paid set shut spent struck taught
    thrown won begun done given known seen shown taken written born chosen drawn driven
    fought brought bought caught sent put cut hit laid read run sung sworn torn worn"""
)
_AUX = r"was|were"


@dataclass
class SentenceInfo:
    """One prose sentence with what the rules need to know about it."""

    sentence: Sentence
    section: str
    text: str | None  # stand-alone version, or None
    reason: str  # why it cannot stand alone
    cleaned: str  # the original without stripped-script parentheses
    spans: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    raw_mentions: list[Mention] = field(default_factory=list)  # in ``cleaned``


def _base(si: SentenceInfo, rule: str, qtype: str, prompt: str, answer, kind: str,
          answer_text: str, statement: str | None = None, **kw) -> Candidate:
    return Candidate(
        rule=rule, type=qtype, prompt=tidy(prompt), answer=answer, kind=kind,
        quotes=[(si.sentence.start, si.sentence.end)], group=si.sentence.start,
        answer_text=answer_text, explanation=tidy(si.sentence.text),
        statement=statement if statement is not None else (si.text or ""), **kw,
    )


TRAIL_STARTERS = wordset(
    """during citing including which where while with becoming as after before following
    when who whose beginning making leading resulting thus although though despite since
    because bringing causing ending allowing through establishing leaving ensuring forming
    creating marking prompting"""
)
_LEAD_RE = re.compile(
    r"(?:After|Before|Following|During|Despite|Although|While|When|As|Since|According to|"
    r"In the absence of|With|Due to|Because of|(?:On|In|By|At) [^,]{1,40}|"
    r"[A-Z][a-z]+ed [^,]{1,60})\b[^,]*, (?=(?:[Tt]he|[A-Z]))"
)
MAX_CLOZE_WORDS = 28
_ASIDE_RE = re.compile(r", (?:drawing|having|being|following|citing|according) [^,;]{3,80},")


def trim_around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Shorten a long sentence around the piece asked: drop a trailing ", during ..."
    or ", citing ..." and a leading "After ..., " that do not hold it."""
    if len(text.split()) <= MAX_CLOZE_WORDS:
        return text, start, end
    for m in re.finditer(r", (\w+)", text):
        if m.start() >= end and m.group(1).lower() in TRAIL_STARTERS \
                and len(text[:m.start()].split()) >= 8:
            text = text[:m.start()] + "."
            break
    if len(text.split()) > MAX_CLOZE_WORDS:
        # ", drawing on the principles agreed at ..., ": an aside between commas that
        # does not hold the piece asked
        for m in _ASIDE_RE.finditer(text):
            if (m.end() <= start or m.start() >= end) and len(text.split()) > MAX_CLOZE_WORDS:
                cut = m.end() - m.start() - 1
                text = text[:m.start()] + text[m.end() - 1:]
                if m.start() < start:
                    start, end = start - cut, end - cut
                break
    if len(text.split()) > MAX_CLOZE_WORDS:
        lead = _LEAD_RE.match(text)
        if lead and lead.end() <= start and len(text[lead.end():].split()) >= 8:
            shift = lead.end()
            text = capitalise_first(text[shift:])
            start, end = start - shift, end - shift
    return text, start, end


def _in_parens(text: str, at: int) -> bool:
    before = text[:at]
    return before.count("(") > before.count(")")


def _number_part(span: Span) -> tuple[int, int] | None:
    """Offsets (relative to the span) of the digits or number word inside it."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+", span.text)
    if span.kind == "count":
        m = re.match(r"\S+", span.text)
    return (m.start(), m.end()) if m else None


def _unit_label(span: Span, num: tuple[int, int]) -> str:
    rest = (span.text[:num[0]] + " " + span.text[num[1]:]).strip()
    return re.sub(r"\s+", " ", rest)


def cloze(si: SentenceInfo) -> list[Candidate]:
    """Blank one typed span of the sentence: a date, an amount, a name."""
    t = si.text
    if not t:
        return []
    out: list[Candidate] = []
    targets: list[tuple[int, int, str, object]] = [(s.start, s.end, s.kind, s) for s in si.spans]
    targets += [(m.start, m.end, m.kind, m) for m in si.mentions if m.kind in ENTITY_KINDS]
    full = t
    for start, end, kind, obj in targets:
        if not outside_quotes(full, start) or _in_parens(full, start):
            continue
        if kind in ENTITY_KINDS and ((start and full[start - 1] in "-–—")
                                     or full[end:end + 1] in ("-", "–", "—")):
            continue  # "the Mexican–_____", "the _____–American War": a name cut in two
        t, start, end = trim_around(full, start, end)
        text = t[start:end]
        if isinstance(obj, Span) and obj.kind in ("money", "quantity", "count"):
            num = _number_part(obj)
            if num is None or obj.value is None:
                continue
            written = text[num[0]:num[1]]
            prompt = t[:start + num[0]] + BLANK + t[start + num[1]:]
            if obj.kind == "money":
                prompt = _drop_conversion(prompt, start + num[0] + len(BLANK))
            value = _number_value(written)
            if value is None:
                continue
            accept = [written] if not written[0].isdigit() else []
            out.append(_base(si, "cloze-number", "number", prompt, value, obj.kind, written, t,
                             unit=_unit_label(obj, num) or None, accept=accept, span=obj,
                             number_format=written, score=2.2, tags=["numbers"]))
            continue
        prompt = t[:start] + BLANK + t[end:]
        if kind == "year":
            out.append(_base(si, "cloze-year", "number", prompt, int(text), kind, text, t,
                             span=obj, number_format=text, score=2.2, tags=["dates"]))
        elif kind == "century":
            # "in the late _____" (19th century): typed as the article writes it, or
            # the ordinal alone
            out.append(_base(si, "cloze-date", "text", prompt, text, kind, text, t,
                             accept=[text.split()[0]], span=obj, score=2.0, tags=["dates"]))
        elif kind in ("date", "monthyear", "daymonth", "time", "erayear"):
            accept = date_forms(obj) if isinstance(obj, Span) else []
            out.append(_base(si, "cloze-date", "text", prompt, text, kind, text, t,
                             accept=accept, span=obj, score=2.3, tags=["dates"]))
        elif kind in ENTITY_KINDS:
            if kind == PERSON and re.search(r"\bthe\s+$", t[:start], re.IGNORECASE):
                continue  # "in control of the Yangtze": no person is "the ..."
            score = 1.4 if kind == NAME else 2.2
            out.append(_base(si, f"cloze-{kind}", "text", prompt, text, kind, text, t,
                             span=obj, score=score, tags=[_TAGS.get(kind, "names")]))
    return out + [c for c in map(first_clause_form, out) if c is not None]


MIN_CLAUSE_WORDS = 6
_NAME_THEN_COMMA_RE = re.compile(r"(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*,")


def first_clause_form(c: Candidate) -> Candidate | None:
    """The same blank in the clause before a semicolon ("Stade Pershing was able to hold
    _____ spectators at its height; it opened in 1919 and closed in 1960." -> the first
    clause): the rest of the sentence may hold another question's answer, and would keep
    this fact out of the bank. The first clause has the sentence's own subject; later
    ones often open on a pronoun, so they are not cut out."""
    cut = c.prompt.find("; ")
    at = c.prompt.find(BLANK)
    if cut < 0 or at < 0 or at > cut or len(c.prompt.split()) > MAX_CLOZE_WORDS:
        return None  # (a long sentence is not shortened so: it is the other clauses' place)
    clause = c.prompt[:cut].rstrip(",")
    # "Ida Pfeiffer, née _____, a famous traveler ...": a name and its appositive, no verb;
    # only the rest of the sentence made it one
    if (_NAME_THEN_COMMA_RE.match(clause) or len(clause.split()) < MIN_CLAUSE_WORDS
            or clause.count("(") != clause.count(")")):
        return None
    written = c.answer_text or str(c.answer)
    # a little below the whole sentence: taken only where that one is kept out
    return replace(c, prompt=clause + ".", score=c.score - 0.05,
                   statement=clause.replace(BLANK, written) + ".")


_TAGS = {PERSON: "people", PLACE: "places", ORG: "organisations", EVENT: "events",
         NAME: "names"}


def _number_value(written: str) -> int | float | None:
    from quiz.bank.numbers import parse_number

    value = parse_number(written)
    if value is None:
        return None
    return int(value) if value == int(value) and "." not in written else value


def _drop_conversion(prompt: str, after: int) -> str:
    """``_____ billion KRW ($7.1 million)``: the converted amount would give it away."""
    m = re.match(r"([^()]{0,20}?)\s*\([^()]*\d[^()]*\)", prompt[after:])
    if m:
        return prompt[:after] + m.group(1) + prompt[after + m.end():]
    return prompt


_DATE_PREP_RE = r"(?:on|in|by|from|during)"


def wh_when(si: SentenceInfo) -> list[Candidate]:
    """``X was demolished by Y on 16 June 2020.`` -> ``On what date was X demolished by Y?``"""
    t = si.text
    if not t:
        return []
    dates = [s for s in si.spans if s.kind in ("date", "year", "monthyear")]
    if len(dates) != 1:
        return []
    d = dates[0]
    body = t.rstrip(".")
    intro = re.match(rf"(?:On|In) {re.escape(d.text)}(?: at [^,]+)?, ", body)
    if intro:
        main = body[intro.end():]
    else:
        m = re.search(rf" (?:on|in) {re.escape(d.text)}(?=,|$| and\b)", body)
        if not m:
            return []
        main = body[:m.start()] + body[m.end():]
    pre = re.match(r"[^,]{3,80}, (?=[A-Za-z])", main)
    if pre and not re.match(r"(?:The|the|[A-Z][\w-]+ [A-Z])", main[pre.end():]):
        pre = None
    if pre:
        main = main[pre.end():]
    m = re.match(rf"(?P<subj>(?:[Tt]he |[A-Z])[^,]*?) (?P<aux>{_AUX}) (?P<rest>.+)$", main)
    if not m:
        return []
    subj, rest = m["subj"], m["rest"].rstrip(",")
    if re.search(r"\b(?:and|or|but)$", subj):
        return []  # "X took 14 months to build and was completed": no subject for "was"
    rest_words = rest.split()
    if not rest_words or len(subj.split()) > 12 or len(rest_words) > 14 or "," in rest:
        return []
    verb = rest_words[0]
    if not (verb.endswith("ed") or verb in _PARTICIPLES):
        return []
    # the date must belong to the main verb: no second participle after it
    if any(w.endswith("ed") and w[0].islower() for w in rest_words[1:]):
        return []
    return _when(si, d, f"{_WHEN_LEAD[d.kind]} {m['aux']} {lower_first(subj)} {rest}?")


_WHEN_LEAD = {"date": "On what date", "year": "In what year", "monthyear": "In what month"}


def _when(si: SentenceInfo, d: Span, prompt: str) -> list[Candidate]:
    """A "when" question on date ``d``: a year is a number answer, a date a text one."""
    if d.kind == "year":
        return [_base(si, "wh-when", "number", prompt, int(d.text), "year", d.text, span=d,
                      number_format=d.text, score=3.0, tags=["dates"])]
    return [_base(si, "wh-when", "text", prompt, d.text, d.kind, d.text,
                  accept=date_forms(d), span=d, score=3.0, tags=["dates"])]


# past verbs that take no object, so "X opened in 1919" is whole: "When did X open?"
_ACTIVE_BASE = {"opened": "open", "reopened": "reopen", "closed": "close", "began": "begin",
                "started": "start", "ended": "end", "collapsed": "collapse", "sank": "sink",
                "died": "die", "retired": "retire", "resigned": "resign", "ceased": "cease",
                "erupted": "erupt", "merged": "merge", "dissolved": "dissolve"}
_ACTIVE_RE = re.compile(
    r"(?P<subj>(?:The |[A-Z])[^,;()]*?) (?P<verb>" + "|".join(_ACTIVE_BASE) + r")"
    r"(?P<rest> to (?:traffic|the public)| operations)? (?:in|on) (?P<date>.+?)\.?$")


def wh_when_active(si: SentenceInfo) -> list[Candidate]:
    """``Stade Pershing closed in 1960.`` -> ``In what year did Stade Pershing close?``
    (only verbs that take no object, the date ending the sentence)."""
    t = si.text
    if not t:
        return []
    dates = [s for s in si.spans if s.kind in ("date", "year", "monthyear")]
    m = _ACTIVE_RE.match(t)
    if len(dates) != 1 or not m or m["date"] != dates[0].text:
        return []
    subj = m["subj"]
    if len(subj.split()) > 10 or re.search(r"\b(?:and|or|who|which|that)\b", subj):
        return []
    d = dates[0]
    if re.match(r"[A-Z][a-z]+ [a-z]", subj):
        subj = subj[0].lower() + subj[1:]  # "Construction on the bridge", not a name
    return _when(si, d, f"{_WHEN_LEAD[d.kind]} did {lower_first(subj)} "
                        f"{_ACTIVE_BASE[m['verb']]}{m['rest'] or ''}?")


def wh_who(si: SentenceInfo) -> list[Candidate]:
    """``In 1571, Francisco de Holanda proposed ...`` -> ``In 1571, who proposed ...?``"""
    t = si.text
    if not t:
        return []
    intro = re.match(r"(?:(?:In|On|By|During|After|From) [^,]{1,40}, )?", t)
    at = intro.end() if intro else 0
    for m in si.mentions:
        if m.kind != PERSON:
            continue
        role = re.fullmatch(r"(?:[A-Z][a-z]+ ){1,2}", t[at:m.start])
        if m.start != at and not (role and role.group(0).split()[0].lower() in _ROLE_TITLES):
            continue
        after = t[m.end:]
        vm = re.match(r"(?:, [^,]{3,60},)? ([a-z][\w-]*)\b", after)
        if not vm or vm.group(1) in ("and", "or", "of", "in", "on", "at", "to", "with"):
            continue
        rest = after[vm.start(1):].rstrip(".")
        if len(rest.split()) < 3 or len(rest.split()) > 25:
            continue
        lead = t[:at]
        prompt = (lead + "who " + rest + "?") if lead else ("Who " + rest + "?")
        answer = m.text
        accept = [t[at:m.end]] if role else []
        return [_base(si, "wh-who", "text", capitalise_first(prompt), answer, PERSON, answer,
                      accept=accept, span=m, score=3.0, tags=["people"])]
    return []


_ROLE_TITLES = wordset(
    "king queen emperor empress president prince princess pope saint sir general admiral "
    "captain colonel dr professor chancellor sultan tsar negus"
)


# Offices held in turn: "Who was the vice minister of Unification?" has many right answers.
_OFFICE_RE = re.compile(
    r"\b(?:chair(?:man|woman|person)?|minister|president|director|secretary|head|leader|"
    r"governor|mayor|commander|chief|representative|ambassador|spokes(?:man|woman|person)|"
    r"member|premier|chancellor|deputy|vice)\b")


def appositive(si: SentenceInfo) -> list[Candidate]:
    """``Kim Yo-jong, the sister of Kim Jong-un, ...`` -> ``Who was the sister of Kim Jong-un?``;
    ``North Korea's news agency, the Korean Central News Agency`` -> ``What is the name
    of North Korea's news agency?``"""
    t = si.cleaned
    out: list[Candidate] = []
    ments = si.raw_mentions
    by_start = {m.start: m for m in ments}
    tense = "is" if re.search(r"\b(?:is|are)\b", t) and not re.search(r"\bwas\b", t) else "was"
    for m in ments:
        after = t[m.end:]
        if m.kind == PERSON:
            r = re.match(r", ((?:the )?(?:[a-z][\w-]* ){0,4}of )(the )?", after)
            if not r or r.group(1).startswith(("a ", "an ")):
                continue
            obj = by_start.get(m.end + r.end())
            if obj is None or obj.kind not in (PERSON, ORG, PLACE):
                continue
            role = r.group(1) + (r.group(2) or "") + obj.text
            if re.search(r"\b(?:his|her|its|their|this|that)\b", role):
                continue
            if _OFFICE_RE.search(r.group(1)):
                continue  # "the vice minister of ...": an office many have held; asked undated
            if not role.startswith("the "):
                role = "the " + role  # "Who was the founder of ...", not "Who was founder"
            prompt = f"Who {tense} {role}?"
            out.append(_base(si, "appositive", "text", prompt, m.text, PERSON, m.text,
                             span=m, score=3.2, tags=["people"]))
        elif m.kind in (ORG, PLACE, NAME):
            # "the Blue House, South Korea's executive office,"
            r = re.match(r", ((?:[A-Z][\w-]* ){0,3}[A-Z][\w-]*'s (?:[a-z][\w-]* ){0,3}"
                         r"[a-z][\w-]*),", after)
            desc = r.group(1) if r else None
            if desc is None:
                # "North Korea's news agency, the Korean Central News Agency"
                b = re.search(r"((?:[A-Z][\w-]* ){0,3}[A-Z][\w-]*'s (?:[a-z][\w-]* ){0,3}"
                              r"[a-z][\w-]*), (?:the )?$", t[:m.start])
                desc = b.group(1) if b else None
            if desc is None or (m.kind == NAME and " " not in m.text):
                continue
            the = "the " if re.search(r"\bthe $", t[:m.start]) else ""
            prompt = f"What {tense} the name of {desc}?"
            accept = [the + m.text] if the else []
            out.append(_base(si, "appositive", "text", prompt, m.text, m.kind, m.text,
                             accept=accept, span=m, score=3.0,
                             tags=[_TAGS.get(m.kind, "names")]))
    return out


def first_holder(si: SentenceInfo) -> list[Candidate]:
    """``The first known Royal Keeper was João Annes de Almada, ...`` ->
    ``Who was the first known Royal Keeper?`` (a titled office only: "the first man"
    would need the article around it)."""
    t = si.text
    if not t:
        return []
    m = re.match(r"The ((?:first|last|only|earliest)(?: known)? (?:[A-Z][\w-]* ?){1,4}) "
                 r"(was|is) ", t)
    if not m:
        return []
    person = next((x for x in si.mentions if x.kind == PERSON and x.start == m.end()), None)
    if person is None:
        return []
    prompt = f"Who {m.group(2)} the {m.group(1).strip()}?"
    return [_base(si, "wh-who", "text", prompt, person.text, PERSON, person.text, span=person,
                  score=3.0, tags=["people"])]
