"""Who did it: the people and bodies the article names as the doers of its subject's
key deeds.

Strict reviewers kept listing them as missed: "designed by George Andrew Hobson", "built
by the Cleveland Bridge & Engineering Company", "the brainchild of Cecil Rhodes", "a pupil
of astronomer Takahashi Yoshitoki", "appointed by her brother", "led ... against the
British Empire", "a force led by Oreste Baratieri", "the U.S. envoy, Nicholas Trist".

Most shapes start from the subject, read as ``facts`` reads it (its name opening the
sentence, or "It" / "She" right after a sentence about it), so the question can name it;
the rest name the subject inside the pattern ("who formed the Nobel Foundation") or their
own actors ("with the U.S. envoy, Nicholas Trist"; a force led by someone in a battle):

``The bridge was prefabricated in Darlington, England by the Cleveland Bridge &
Engineering Company`` -> ``Which company prefabricated the Victoria Falls Bridge?``;
``The bridge was the brainchild of Cecil Rhodes`` -> ``Whose brainchild was the Victoria
Falls Bridge?``; ``he ... became a pupil of astronomer Takahashi Yoshitoki`` -> ``Inō
Tadataka became a pupil of which astronomer?``; ``she led the Ashanti war also known as
the War of the Golden Stool ..., against the British Empire`` -> ``Against whom did Yaa
Asantewaa lead the War of the Golden Stool?``; ``Ragnar Sohlman and Rudolf Lilljequist
who formed the Nobel Foundation`` -> ``Name one of the people who formed the Nobel
Foundation.``

A doer among others ("by A, B and C") is not asked as "the" one. ``facts._founded_by``
asks "Who founded X?" where the founder follows the verb at once, and the infobox asks a
designer it names ("G. A. Hobson" for "It was designed by George Andrew Hobson"): those
are left to them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quiz.bank.normalize import fold
from quiz.generate import places
from quiz.generate.candidate import Candidate
from quiz.generate.context import Topic
from quiz.generate.entities import EVENT, NAME, ORG, PERSON, PLACE
from quiz.generate.facts import (
    _NAME,
    _founded_by,
    _subject,
    _subject_end,
    _subject_forms,
    si_kind,
)
from quiz.generate.relations import _described
from quiz.generate.rules import SentenceInfo, _base
from quiz.generate.text import capitalise_first, strip_parens, wordset

# a doer's name: a person's, or a firm's with "&" in it ("Cleveland Bridge & Engineering")
_DOER = rf"{_NAME}(?: & {_NAME})?"

# past participle -> past tense (the active question: "Who designed X?")
_DEEDS = {
    "designed": "designed", "built": "built", "constructed": "constructed",
    "prefabricated": "prefabricated", "erected": "erected", "engineered": "engineered",
    "commissioned": "commissioned", "conceived": "conceived", "planned": "planned",
    "negotiated": "negotiated", "drafted": "drafted", "signed": "signed",
    "discovered": "discovered", "described": "described", "painted": "painted",
    "composed": "composed", "written": "wrote", "sculpted": "sculpted",
    "organised": "organised", "organized": "organized", "led": "led",
    "commanded": "commanded", "appointed": "appointed", "crowned": "crowned",
    "adopted": "adopted", "financed": "financed", "funded": "funded",
    # ``facts._founded_by`` asks these where the founder follows the verb; here only
    # where it does not ("founded in Paris in 1887 by ...")
    "founded": "founded", "established": "established", "co-founded": "co-founded",
    "created": "created", "invented": "invented",
    "opened": "opened", "inaugurated": "inaugurated", "unveiled": "unveiled",
}
# present passive -> present active: "X is operated by Y" -> "Which company operates X?"
_NOW = {"owned": "owns", "operated": "operates", "managed": "manages", "run": "runs",
        "maintained": "maintains", "administered": "administers", "governed": "governs",
        "headed": "heads", "led": "leads", "published": "publishes", "organised": "organises",
        "organized": "organizes", "sponsored": "sponsors", "funded": "funds"}
# kept in the question ("Who first described X?"); "also" is not read (it adds to a
# sentence that is not shown)
_ADVERBS = r"(?:(?P<adv>first|later|originally|initially|jointly|formally) )?"
# what the doer was, before the name: "by American engineer Charles Bender"
_ROLE = (r"(?:the )?(?:[A-Z][a-z]+ )?(?:architect|engineer|designer|sculptor|painter|"
         r"explorer|naturalist|zoologist|botanist|scientist|astronomer|physician|missionary|"
         r"general|admiral|commander|artist|writer|author|mathematician) ")
# where or when, between the verb and "by": "prefabricated in Darlington, England by ..."
_SETTING = r"(?: (?:in|at|on|from|during|between|circa|c\.) [^;:()]{1,40}?)?"
_KIN = r"(?:brother|sister|father|mother|husband|wife|uncle|aunt|son|daughter|cousin)"
# peoples named as doers: "built by the British"
_PEOPLES = wordset(
    "British English French Romans Portuguese Spanish Dutch Germans Italians Mongols "
    "Ottomans Japanese Chinese Russians Americans Belgians Arabs Persians Greeks")
_COMPANY = re.compile(r"\b(?:Company|Co\.|Corporation|Ltd|Limited|Inc\.?|Partners|Group|"
                      r"Brothers|& Sons|plc|GmbH|S\.A\.)$|&")
_BODY_WORDS = wordset(
    "Council Commission Committee Congress Assembly Parliament Government Ministry Society "
    "Association Institute Academy Agency Office Department Board League Union Federation "
    "Organization Organisation Foundation Navy Army Diet Senate University Fédération")
_TITLES = wordset("King Queen Emperor Empress Sultan Pope Prince Princess Sir Lord Lady "
                  "President General Admiral Marshal Tsar Shah Caliph Duke")
_FORCE = r"(?:force|forces|army|armies|troops|fleet|navy|expedition|column|garrison)"


def agent_questions(infos: Sequence[SentenceInfo], topic: Topic, text: str,
                    people: Sequence[str] = (), infobox: Sequence[str] = ()
                    ) -> list[Candidate]:
    """Questions on who did the subject's deeds, from the sentences of ``infos`` (in
    article order); ``text``: the article (to see paragraph breaks); ``people``: names
    known to be people (a doer not among them is asked "which company" or "which body"
    only when its name says so); ``infobox``: the infobox's values (a doer it names in
    another form, "G. A. Hobson", is asked there already)."""
    out: list[Candidate] = []
    prev_about, prev_end, named_before = False, 0, False
    for si in infos:
        # as ``facts`` reads it: the subject opens the sentence, or "It" / "The bridge"
        # opens one right after a sentence about it (or a paragraph)
        raw = _without_lead_clause(strip_parens(si.cleaned).strip())
        para_start = "\n" in text[prev_end:si.sentence.start] or prev_end == 0
        at = _subject_end(raw, topic, prev_about or para_start or named_before)
        prev_about, prev_end = at is not None, si.sentence.end
        named_before = _names_only_subject(si, topic)
        out += _formed_by(si, topic, raw, people)
        out += _named_for_subject(si, topic, raw, people)
        out += _initiative(si, topic, raw)
        if si.text:
            out += _with_role(si, people)
            out += _force_led_by(si, topic, people)
        if at is None:
            continue
        rest = raw[at:]
        out += [c for c in _done_by(si, topic, rest, people)
                if not _asked_in_infobox(str(c.answer), infobox)]
        out += _brainchild(si, topic, rest, people)
        out += _pupil_of(si, topic, rest)
        out += _against(si, topic, rest)
        out += _denied_by(si, topic, rest, people)
        if topic.is_person:
            out += _learned_from(si, topic, rest)
    return out


def _names_only_subject(si: SentenceInfo, topic: Topic) -> bool:
    """In a person's article: does the sentence name the subject (in full, or by one part
    of the name) and no other person? Then "She" opening the next one is the subject."""
    if not topic.is_person:
        return False
    parts = [topic.title, *topic.title.split()]
    named = any(re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", si.cleaned)
                for p in parts if len(p) >= 3)
    return named and not any(m.kind == PERSON for m in si.raw_mentions)


def _without_lead_clause(text: str) -> str:
    """``Though a member of ..., Ida Pfeiffer was denied ...`` -> ``Ida Pfeiffer was
    denied ...``: an opening clause between the subject and the start."""
    m = re.match(r"(?:Though|Although|While|Despite|Headquartered|Based) [^,]{1,80}, "
                 r"(?=[A-Z]|(?:he|she|it) )", text)
    # "In Yazhou she learnt ...": a place opening the sentence without a comma
    m = m or re.match(r"(?:In|At|On) [A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2},? "
                      r"(?=(?:he|she) )", text)
    return capitalise_first(text[m.end():]) if m else text


def _asked_in_infobox(answer: str, infobox: Sequence[str]) -> bool:
    """Does an infobox value name the same doer another way ("G. A. Hobson" for "George
    Andrew Hobson")? The same name written alike is left to the ranking (one question
    per answer)."""
    last = answer.split()[-1]
    return any(re.search(rf"(?<![\w-]){re.escape(last)}(?![\w-])", v)
               and fold(answer) not in fold(v) for v in infobox)


# -- what kind of doer


def _doer(si: SentenceInfo, who: str, people: Sequence[str]) -> tuple[str, str] | None:
    """(question word, kind) for a doer: "Who" for a person or a people, "Which company",
    "Which body" or "Which country" for the rest; None when the name says nothing."""
    bare = who.removeprefix("the ")
    kind = si_kind(si, bare)
    if kind == PERSON or any(fold(bare) == fold(p) for p in people):
        return "Who", PERSON
    if who.startswith("the ") and bare in _PEOPLES:
        return "Who", "people"
    if _COMPANY.search(bare):
        return "Which company", ORG
    head = bare.split()[-1]
    if head in _BODY_WORDS and head not in ("Government", "Fédération"):
        return f"Which {head.lower()}", ORG  # "Which society denied ...?"
    if {bare.split()[0], head} & _BODY_WORDS or (kind == ORG and " " in bare):
        return "Which body", ORG
    if kind == PLACE or places.country_named(bare) is not None:
        country = places.country_named(bare)
        return ("Which country", PLACE) if country is not None else None
    return None


def _person_like(si: SentenceInfo, who: str, people: Sequence[str]) -> bool:
    """A person, or a name of two to four words the index could not place that reads
    as one ("Robert Peary"): no body's or firm's word in it, no place of the gazetteer."""
    if _doer(si, who, people) == ("Who", PERSON):
        return True
    words = who.split()
    if words[0] in _TITLES and len(words) <= 6 and si_kind(si, who) in (NAME, None):
        return True  # "King Manuel I of Portugal"
    return (si_kind(si, who) in (NAME, None) and 2 <= len(words) <= 4
            and not set(words) & _BODY_WORDS and not _COMPANY.search(who)
            and places.lookup(who) is None and all(w[:1].isupper() for w in words))


def _lone(tail: str) -> bool:
    """The doer is the only one: no "and Y" or ", Y," of a list after it."""
    return not re.match(r",? (?:and|or) (?:the )?[A-Z]|, [A-Z]|"
                        r", the [A-Z][^,]*, (?:and|or) (?:the )?[A-Z]", tail)


# -- the shapes


def _done_by(si: SentenceInfo, topic: Topic, rest: str, people: Sequence[str]
             ) -> list[Candidate]:
    """``X was designed by Y`` -> ``Who designed X?``; ``X was prefabricated in Darlington,
    England by the Z Company`` -> ``Which company prefabricated X?``; ``She was appointed
    by her brother Y`` -> ``Who appointed X?`` (her brother accepted as well)."""
    m = re.match(rf",? (?P<be>was|were) {_ADVERBS}(?P<verb>{'|'.join(_DEEDS)}){_SETTING} by "
                 rf"(?:(?P<poss>her|his|its|their) (?P<kin>{_KIN}),? |(?P<role>{_ROLE}))?"
                 rf"(?P<who>(?:the )?{_DOER})(?P<tail>.*)$", rest) or \
        re.match(rf",? (?P<be>is|are) (?P<adv>)(?P<verb>{'|'.join(_NOW)}) by (?P<poss>)(?P<kin>)"
                 rf"(?P<role>{_ROLE})?(?P<who>(?:the )?{_DOER})(?P<tail>.*)$", rest)
    if not m or not re.match(r"(?:[,.;]| of\b| in\b| on\b| at\b| before\b| after\b|"
                             r" for\b| under\b| as\b| and [a-z]|$)", m["tail"]) \
            or not _lone(m["tail"]):
        return []
    if m["verb"] in ("founded", "established", "created", "discovered", "invented") and \
            _founded_by(si, topic, rest):
        return []  # asked there already
    who = m["who"]
    doer = _doer(si, who, people)
    if m["kin"] or m["role"]:
        # "by her brother Y", "by engineer Y": a person, whatever the index made of the name
        doer = ("Who", PERSON) if _person_like(si, who, people) or si_kind(si, who) in (
            PERSON, NAME, None) else None
    elif doer is None and _person_like(si, who, people):
        doer = ("Who", PERSON)  # "Gustave Eiffel", a name the index could not place
    if doer is None or len(who.removeprefix("the ").split()) > 6:
        return []
    ask, kind = doer
    verb = _NOW[m["verb"]] if m["be"] in ("is", "are") else _DEEDS[m["verb"]]
    subj = _subject(topic)
    if m["verb"] == "led" and kind != PERSON:
        return []  # "led by the Executive Council": a body above, not a deed
    prompt = f"{ask} {m['adv'] + ' ' if m['adv'] else ''}{verb} {subj}?"
    answer = who.removeprefix("the ") if kind == ORG else who
    accept = [who] if answer != who else []
    if m["role"]:
        accept.append(m["role"] + who)
    if m["kin"]:
        accept += [f"{m['poss']} {m['kin']}", m["kin"], f"{m['poss']} {m['kin']} {who}"]
    if kind == "people":
        accept += [who.removeprefix("the ")]
    # "the British" among named people would be an option of another kind
    return [_base(si, "agent", "text", capitalise_first(prompt), answer,
                  PERSON if kind in (PERSON, "people") else kind, answer, accept=accept,
                  score=3.1, tags=["people"], typed_only=kind == "people")]


def _brainchild(si: SentenceInfo, topic: Topic, rest: str, people: Sequence[str]
                ) -> list[Candidate]:
    """``The bridge was the brainchild of Cecil Rhodes`` -> ``Whose brainchild was the
    Victoria Falls Bridge?``"""
    m = re.match(rf",? (?P<be>was|is) (?:the )?(?P<what>brainchild|idea|invention|creation) "
                 rf"of (?P<who>{_NAME})(?P<tail>.*)$", rest)
    if not m or not re.match(r"(?:[,.;]|$)", m["tail"]) or not _lone(m["tail"]):
        return []
    who = m["who"]
    if si_kind(si, who) in (PLACE, EVENT):
        return []  # a person, or a body: "Whose brainchild" reads right for either
    prompt = f"Whose {m['what']} {m['be']} {_subject(topic)}?"
    return [_base(si, "agent", "text", prompt, who, PERSON, who, score=3.1, tags=["people"])]


def _pupil_of(si: SentenceInfo, topic: Topic, rest: str) -> list[Candidate]:
    """``X moved to Edo and became a pupil of astronomer Y`` -> ``X became a pupil of which
    astronomer?``; ``X studied under Y`` -> ``Under whom did X study?``"""
    m = re.match(rf"(?:,? [^,;]{{0,60}}? and)? (?P<verb>became|was) (?:a|the) "
                 rf"(?P<role>pupil|student|disciple|apprentice|protégé) of "
                 rf"(?P<who>(?:[a-z][a-z-]+ ){{0,2}}{_NAME})(?P<tail>.*)$", rest)
    under = re.match(rf"(?:,? [^,;]{{0,60}}? and)? (?P<verb>studied|trained) under "
                     rf"(?P<who>(?:[a-z][a-z-]+ ){{0,2}}{_NAME})(?P<tail>.*)$", rest)
    hit = m or under
    if not hit or not re.match(r"(?:[,.;]| in\b| at\b|$)", hit["tail"]) or \
            not _lone(hit["tail"]):
        return []
    described = _described(hit["who"])
    if described is None:
        return []
    desc, person, written = described
    name = topic.title
    if m:
        what = f"which {desc}" if desc else "whom"
        prompt = f"{name} {m['verb']} a {m['role']} of {what}?"
    else:
        base = "study" if hit["verb"] == "studied" else "train"
        prompt = (f"Under which {desc} did {name} {base}?" if desc
                  else f"Under whom did {name} {base}?")
    if si_kind(si, person) not in (PERSON, NAME, None):
        return []
    accept = [written] if written != person else []
    return [_base(si, "agent", "text", prompt, person, PERSON, person, accept=accept,
                  score=3.1, tags=["people"])]


def _against(si: SentenceInfo, topic: Topic, rest: str) -> list[Candidate]:
    """``she led the Ashanti war also known as the War of the Golden Stool, ..., against
    the British Empire`` -> ``Against whom did Yaa Asantewaa lead the War of the Golden
    Stool?`` (what was led must be a name the prompt can carry)."""
    m = re.match(r" (?P<verb>led|commanded|waged|launched|fought) (?P<what>[^;]{3,140}?),? "
                 rf"against (?P<whom>(?:the )?{_NAME})(?P<tail>.*)$", rest)
    if not m or not re.match(r"(?:[,.;]|$)", m["tail"]) or not _lone(m["tail"]):
        return []
    what = m["what"]
    known = re.search(rf"\b(?:also )?known as (?P<n>the {_NAME})", what)
    if known:
        what = known["n"]
    elif not re.fullmatch(rf"the {_NAME}", what):
        return []
    if " against " in what:
        return []
    base = {"led": "lead", "commanded": "command", "waged": "wage", "launched": "launch",
            "fought": "fight"}[m["verb"]]
    whom = m["whom"]
    bare = whom.removeprefix("the ")  # the answer as a blank of the sentence would give it
    accept = [whom] if bare != whom else []
    empire = re.fullmatch(r"([A-Z]\w+) Empire", bare)
    if empire:
        accept += [f"the {empire.group(1)}", empire.group(1)]  # "the British Empire"
    prompt = f"Against whom did {topic.title} {base} {what}?"
    return [_base(si, "agent", "text", prompt, bare, "opponent", bare, accept=accept,
                  score=3.0, tags=["people"])]


def _force_led_by(si: SentenceInfo, topic: Topic, people: Sequence[str]) -> list[Candidate]:
    """In a battle's article: ``The Ethiopian army defeated an invading Italian and
    Eritrean force led by Oreste Baratieri`` -> ``Who led the invading Italian and
    Eritrean force at the Battle of Adwa?``"""
    if not re.match(r"(?:Battle|Siege|Sack|Fall) of ", topic.title):
        return []
    t = si.text or ""
    m = re.search(rf"\b(?:an?|the) (?P<np>(?:[A-Za-z-]+ ){{0,5}}{_FORCE}) "
                  rf"(?P<verb>led|commanded) by (?P<who>{_NAME})(?P<tail>.*)$", t)
    if not m or not _lone(m["tail"]) or not _person_like(si, m["who"], people):
        return []
    np = m["np"]
    if re.search(r"\b(?:and|or)\b", np) and not re.fullmatch(
            r"(?:[a-z-]+ )?[A-Z]\w+ and [A-Z]\w+ \w+", np):
        return []  # "Italian and Eritrean force" is one force; "army and navy" is two
    prompt = f"Who {m['verb']} the {np} at {_subject(topic)}?"
    # typed: the article's other commanders led the other side, or served under this one;
    # ranked below the battle's date asked from the same sentence, whose prompt shows
    # the commander: the date is the fact a battle is known by
    return [_base(si, "agent", "text", prompt, m["who"], PERSON, m["who"], score=2.2,
                  tags=["people"], typed_only=True)]


def _with_role(si: SentenceInfo, people: Sequence[str]) -> list[Candidate]:
    """``Mexico entered into peace negotiations with the U.S. envoy, Nicholas Trist.`` ->
    ``Who was the U.S. envoy with whom Mexico entered into peace negotiations?`` (the
    sentence ends on the name, and its doer is a name too)."""
    t = si.text or ""
    body = re.sub(r"^(?:(?:After|Before|During|In|On|By|Following) [^,]{1,80}, )", "",
                  t.rstrip("."))
    m = re.fullmatch(rf"(?P<clause>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){{0,3}} "
                     rf"(?P<verb>[a-z]+ed) [^,;]{{3,60}}) with the (?P<role>(?:[A-Z][\w.]*\.? )?"
                     rf"(?:[a-z][\w-]* ){{0,2}}(?:envoy|ambassador|commander|general|"
                     rf"representative|delegate|minister|president|governor|admiral)),? "
                     rf"(?P<who>{_NAME})", body)
    if not m or not _person_like(si, m["who"], people):
        return []
    if re.search(r"\b(?:he|she|they|it|his|her|its|their)\b", m["clause"]):
        return []
    prompt = f"Who was the {m['role']} with whom {m['clause']}?"
    # "the U.S. envoy": the others of the article are of the other side
    return [_base(si, "agent", "text", prompt, m["who"], PERSON, m["who"], score=3.0,
                  tags=["people"], typed_only=True)]


_FORMED = {"formed": "formed", "founded": "founded", "established": "established",
           "created": "created", "set up": "set up", "co-founded": "co-founded"}


def _formed_by(si: SentenceInfo, topic: Topic, raw: str, people: Sequence[str]
               ) -> list[Candidate]:
    """``The executors of his will were Ragnar Sohlman and Rudolf Lilljequist who formed
    the Nobel Foundation`` -> ``Name one of the two people who formed the Nobel
    Foundation.`` (each name right); one founder -> ``Who formed X?``."""
    forms = [re.escape(f) for f in _subject_forms(topic)]
    forms += [re.escape(f[0].lower() + f[1:]) for f in _subject_forms(topic)
              if f.startswith("The ")]
    m = re.search(rf"(?P<who>{_NAME})(?: and (?P<two>{_NAME}))?,? (?P<rel>who|which) "
                  rf"(?:(?:formally|jointly|later|then) )?(?P<verb>{'|'.join(_FORMED)}) "
                  rf"(?:{'|'.join(forms)})(?![\w'’-])", raw)
    if not m:
        return []
    who = [w for w in (m["who"], m["two"]) if w]
    if len(who) == 1 and " and " in who[0]:
        who = who[0].split(" and ")  # a name may hold "and": "Fox and Partners"
        if len(who) != 2:
            return []
    if re.search(rf"\b(?:{'|'.join(re.escape(w) for w in who)}),? and (?:the )?[A-Z]",
                 raw[:m.start()] + m.group(0)) and len(who) == 1:
        return []  # "A, B and C who founded": one of a longer list
    if re.search(r"(?:,|\band) $", raw[:m.start()]):
        return []  # "X, Y and Z who ...": the list began before the match
    # "who formed" says they are people, unless the article knows them as something else
    if any(_doer(si, w, people) != ("Who", PERSON)
           and not (m["rel"] == "who" and si_kind(si, w) in (NAME, None)) for w in who):
        return []
    subj, verb = _subject(topic), _FORMED[m["verb"]]
    if len(who) == 1:
        return [_base(si, "agent", "text", f"Who {verb} {subj}?", who[0], PERSON, who[0],
                      score=3.1, tags=["people"])]
    prompt = f"Name one of the people who {verb} {subj}."
    return [_base(si, "agent", "text", prompt, who[0], PERSON, who[0], accept=[who[1]],
                  exclude=[who[1]], score=3.0, tags=["people"])]


def _denied_by(si: SentenceInfo, topic: Topic, rest: str, people: Sequence[str]
               ) -> list[Candidate]:
    """``she was denied membership by the Royal Geographical Society in London`` ->
    ``Which society denied Ida Laura Pfeiffer membership?``"""
    m = re.match(rf",? (?:was|were) (?P<verb>denied|refused|awarded|granted|offered) "
                 rf"(?P<what>(?:an? |the )?[a-z][a-z-]+(?: [a-z][a-z-]+)?) by "
                 rf"(?P<who>(?:the )?{_DOER})(?P<tail>.*)$", rest)
    if not m or not re.match(r"(?:[,.;]| in\b| for\b| as\b| because\b|$)", m["tail"]) \
            or not _lone(m["tail"]) or m["what"].split()[-1] in ("by", "to"):
        return []
    who = m["who"]
    doer = _doer(si, who, people)
    if doer is None:
        return []
    ask, kind = doer
    answer = who.removeprefix("the ") if kind == ORG else who
    prompt = f"{ask} {m['verb']} {topic.title if topic.is_person else _subject(topic)} " \
             f"{m['what']}?"
    return [_base(si, "agent", "text", capitalise_first(prompt), answer,
                  PERSON if kind in (PERSON, "people") else kind, answer,
                  accept=[who] if who != answer else [], score=3.1, tags=["people"])]


def _learned_from(si: SentenceInfo, topic: Topic, rest: str) -> list[Candidate]:
    """``In Yazhou, Huang Daopo learnt spinning and weaving from the local Li people`` ->
    ``From whom did Huang Daopo learn spinning and weaving?``"""
    m = re.match(r" (?:learnt|learned) (?P<what>[a-z][a-z -]{2,50}?) from "
                 r"(?P<the>the )?(?P<adj>(?:local|native|indigenous) )?"
                 r"(?P<who>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}(?: (?:people|tribe|monks))?)"
                 r"\.?$", rest)
    if not m or re.search(r"\b(?:his|her|their)\b", m["what"]):
        return []
    who = m["who"]
    accept = [f"{m['the'] or ''}{m['adj'] or ''}{who}".strip()]
    if m["the"]:
        accept.append(f"the {who}")
    if who.endswith(" people"):
        accept.append(who.removesuffix(" people"))  # "the Li"
    accept = [a for a in dict.fromkeys(accept) if a != who]
    prompt = f"From whom did {topic.title} learn {m['what']}?"
    return [_base(si, "agent", "text", prompt, who, PERSON, who, accept=accept, score=3.1,
                  tags=["people"])]


def _named_for_subject(si: SentenceInfo, topic: Topic, raw: str, people: Sequence[str]
                       ) -> list[Candidate]:
    """In a person's article: ``The Leidy Glacier in northwest Greenland was named by
    Robert Peary after him.`` -> ``Who named the Leidy Glacier after Joseph Leidy?``"""
    if not topic.is_person:
        return []
    m = re.match(rf"The (?P<thing>{_NAME})(?: in [a-z ]*[A-Z][\w ]{{1,30}}?)? was named by "
                 rf"(?P<who>{_NAME}) after (?:him|her)\.?$", raw)
    if not m or not _person_like(si, m["who"], people):
        return []
    prompt = f"Who named the {m['thing']} after {topic.title}?"
    return [_base(si, "agent", "text", prompt, m["who"], PERSON, m["who"], score=3.0,
                  tags=["people"])]


def _initiative(si: SentenceInfo, topic: Topic, raw: str) -> list[Candidate]:
    """``the Non-Aligned Movement was formally established in Belgrade, Yugoslavia, through
    an initiative led by Yugoslav president Josip Broz Tito, Egyptian president Gamal Abdel
    Nasser, ... and Indonesian president Sukarno.`` -> ``Name one of the people who led the
    initiative that established the Non-Aligned Movement.`` (each of them right)."""
    forms = [re.escape(f) for f in _subject_forms(topic)]
    forms += [re.escape(f[0].lower() + f[1:]) for f in _subject_forms(topic)
              if f.startswith("The ")]
    m = re.search(rf"(?:{'|'.join(forms)}) (?:was|were) (?:formally |officially )?"
                  rf"(?P<verb>established|founded|created|formed)[^;]{{0,60}}? through an? "
                  rf"(?P<what>initiative|proposal|campaign) (?:led|launched|made) by "
                  rf"(?P<list>[^;()]+?)\.?$", raw)
    if not m:
        return []
    names = []
    for item in re.split(r",? and |, ", m["list"]):
        # "Yugoslav president Josip Broz Tito" -> "Josip Broz Tito"
        n = re.fullmatch(r"(?:(?:[A-Z][a-z]+ )?(?:[a-z]+ ){1,2})?(?P<name>[A-Z][\w'’-]*"
                         r"(?: [A-Z][\w'’-]*){0,3})", item.strip())
        if n is None:
            return []
        names.append(n["name"])
    if len(names) < 2 or len(set(names)) != len(names):
        return []
    prompt = (f"Name one of the people who led the {m['what']} that {m['verb']} "
              f"{_subject(topic)}.")
    return [_base(si, "agent", "text", prompt, names[0], PERSON, names[0],
                  accept=names[1:], exclude=names[1:], score=3.0, tags=["people"])]
