"""Who a person was related to, and where a species sits in its taxonomy.

``Xie Daoyun was the niece of Prime Minister Xie An, ..., and the wife of calligrapher
Wang Ningzhi.`` -> ``Xie Daoyun was the niece of which prime minister?`` and ``... the
wife of which calligrapher?``; ``Her father was Xie Yi`` -> ``Who was Xie Daoyun's
father?``; ``The Chinese sturgeon is a member of the family Acipenseridae`` -> ``To which
family does the Chinese sturgeon belong?``.

A kinship is asked only where it has one answer: the relative is pinned down by what
they were ("which general?"), or the role has one holder (a father, a wife). A parent
named without a role ("the daughter of Cai Yong") is not asked: the other parent would
be right as well.
"""

from __future__ import annotations

import re

from quiz.generate.candidate import Candidate
from quiz.generate.context import Topic
from quiz.generate.rules import SentenceInfo, _base
from quiz.generate.text import wordset

_KIN = (r"(?:(?:elder|younger|eldest|youngest|older|only) )?(?:niece|nephew|daughter|son|"
        r"sister|brother|wife|husband|widow|consort|concubine|mother|father|grandson|"
        r"granddaughter|grandfather|grandmother|uncle|aunt|cousin|"
        r"(?:great-)?grandson|daughter-in-law|son-in-law)")
# one holder at a time: asked even without a description of the relative
_SOLE = wordset("wife husband widow mother father")
_TITLES = ("Prime Minister", "Grand Chancellor", "Chancellor", "General", "Emperor",
           "Empress", "King", "Queen", "Prince", "Princess", "Duke", "Marquis", "Lord",
           "Admiral", "Governor", "President", "Minister", "Senator", "Bishop", "Pope")
_NAME = r"[A-Z][\w'’-]+(?: (?:de |da |van |von |al-)?[A-Z][\w'’-]+){0,3}"
_DESC = r"(?:[a-z][a-z-]+ ){1,2}"


def kinship(si: SentenceInfo, topic: Topic) -> list[Candidate]:
    t = si.text
    if not t or not topic.is_person:
        return []
    name = re.escape(topic.title)
    out: list[Candidate] = []
    head = re.match(rf"{name} (?P<be>was|is) (?=(?:the|a|an) )", t)
    if head:
        for m in re.finditer(rf"(?:^|, (?:and )?|\band )(?:the|a|an) (?P<role>{_KIN}) of "
                             rf"(?P<who>(?:{_DESC})?{_NAME})(?=[,.;]| and\b|$)",
                             t[head.end():]):
            asked = _described(m["who"])
            if asked is None:
                continue
            desc, person, written = asked
            if desc is None and m["role"].split()[-1] not in _SOLE:
                continue
            what = f"which {desc}" if desc else "whom"
            prompt = (f"{topic.title} {head['be']} the {m['role']} of {what}?" if desc
                      else f"Whose {m['role']} {head['be']} {topic.title}?")
            out.append(_ask(si, prompt, person, written))
    poss = re.escape(topic.title + "'s")
    for m in re.finditer(rf"(?:^{poss}|\b(?:his|her)) (?P<role>father|mother|husband|wife) "
                         rf"(?P<be>was|is) (?P<who>{_NAME})(?=[,.;]| and\b|$)", t):
        if m.start() and not re.match(poss, t):
            continue  # "her" is the subject only when the sentence opened with her name
        prompt = f"Who {m['be']} {topic.title}'s {m['role']}?"
        out.append(_ask(si, prompt, m["who"], m["who"]))
    return out


def _described(who: str) -> tuple[str | None, str, str] | None:
    """``General Xie Yi`` -> ("general", "Xie Yi", ...); ``calligrapher Wang Ningzhi`` ->
    ("calligrapher", "Wang Ningzhi", ...); a bare name has no description."""
    lower = re.match(rf"({_DESC})({_NAME})$", who)
    if lower:
        desc = lower.group(1).strip()
        if desc.split()[0] in ("the", "a", "an", "his", "her", "their"):
            return None
        return desc, lower.group(2), who
    for title in _TITLES:
        if who.startswith(title + " "):
            person = who[len(title) + 1:]
            return title.lower(), person, who
    if len(who.split()) < 2:
        return None  # a single word may be a title cut short
    return None, who, who


def _ask(si: SentenceInfo, prompt: str, person: str, written: str) -> Candidate:
    accept = [written] if written != person else []
    return _base(si, "kinship", "text", prompt, person, "relative", person, accept=accept,
                 score=3.0, tags=["people"])


_RANKS = ("family", "genus", "order", "subfamily", "class")
_TAXON = r"[A-Z][a-z]+(?:idae|inae|formes|aceae|ales)?"


def taxonomy(si: SentenceInfo, topic: Topic) -> list[Candidate]:
    """Where a species stands: ``X is a ... member of the family F in the order O`` ->
    ``To which family does X belong?``; ``Prior to 2025, X was placed in the genus G`` ->
    ``Prior to 2025, in which genus was X placed?``."""
    t = si.text
    if not t or not topic.is_species:
        return []
    np = topic.noun_phrase
    subj = re.escape(np[:1].upper() + np[1:])
    out: list[Candidate] = []
    now = re.match(rf"{subj} is (?:a|an|the) [^,;]*?$", t.rstrip(".")) or \
        re.match(rf"{subj} is (?:a|an|the) [^;]*", t)
    if now:
        for m in re.finditer(rf"\b(?:the|a) ({'|'.join(_RANKS)}) ({_TAXON})\b", now.group(0)):
            rank, taxon = m.groups()
            out.append(_base(si, "taxonomy", "text", f"To which {rank} does {np} belong?",
                             taxon, "taxon", taxon, score=3.0, tags=["taxonomy"]))
    either = f"[{np[0].upper()}{np[0].lower()}]{re.escape(np[1:])}"
    past = re.match(rf"(?P<intro>(?:Prior to|Before|Until|From) [^,]{{1,30}}, )?"
                    rf"{either} was (?P<verb>placed|classified|included|moved) "
                    rf"(?:in|into|to) the (?:[a-z]+ )?(?P<rank>{'|'.join(_RANKS)}) "
                    rf"(?P<taxon>{_TAXON})\.?$", t)
    if past:
        intro = past["intro"] or ""
        if past["verb"] == "moved":
            ask = f"to which {past['rank']} was {np} moved?"
        else:
            ask = f"in which {past['rank']} was {np} {past['verb']}?"
        prompt = intro + ask if intro else ask[:1].upper() + ask[1:]
        out.append(_base(si, "taxonomy", "text", prompt, past["taxon"], "taxon",
                         past["taxon"], score=2.0, tags=["taxonomy"]))
    return out
