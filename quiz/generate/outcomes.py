"""How a battle or a treaty came out: who lost, who signed for whom, what was agreed.

Judges listed these as missed for battle and treaty articles, and no other rule asks
them (``events`` asks when things happened, ``lead`` which war a treaty ended, the
infobox rule a battle's result):

``... defeated the numerically superior forces of the
northern warlord Cao Cao`` -> ``Which northern warlord was defeated at the Battle of Red
Cliffs?``; ``The signatories were Songgotu on behalf of the Kangxi Emperor and ...`` ->
``Who signed the Treaty of Nerchinsk on behalf of the Kangxi Emperor?``; ``The
authoritative version was in Latin`` -> ``In which language was the authoritative
version of the Treaty of Nerchinsk?``; ``Mexico ... recognized the Rio Grande as the southern
boundary of Texas`` -> ``Under the Treaty of Guadalupe Hidalgo, what did Mexico recognize
as the southern boundary of Texas?``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quiz.bank.article import Article
from quiz.generate.candidate import Candidate
from quiz.generate.context import Topic
from quiz.generate.rules import SentenceInfo, _base

_WORD = r"(?:[A-Z][\w'’-]*)"
_NAME = rf"{_WORD}(?: (?:(?:of|de|da|the|al-) )?{_WORD}){{0,4}}"
_FORCE = r"(?:army|armies|forces|force|navy|fleet|troops)"
_PACT = re.compile(r"^(?:Treaty|Declaration|Agreement|Convention|Accord|Pact|Peace) ")


def outcome_questions(infos: Sequence[SentenceInfo], topic: Topic, article: Article
                      ) -> list[Candidate]:
    out: list[Candidate] = []
    battle = topic.title.startswith("Battle of ")
    pact = bool(_PACT.match(topic.title))
    if battle:
        lead = [si for si in infos if si.section == article.sections[0].title]
        for si in lead[:4]:
            out.extend(_defeated(si, topic))
    if pact:
        for si in infos:
            out.extend(_signed_for(si, topic))
            out.extend(_language(si, topic))
            out.extend(_recognized(si, topic))
    return out


def _ask(si: SentenceInfo, rule: str, prompt: str, answer: str, kind: str, **kw) -> Candidate:
    kw.setdefault("score", 3.0)
    kw.setdefault("tags", ["events"])
    return _base(si, rule, "text", prompt, answer, kind, answer, **kw)


def _defeated(si: SentenceInfo, topic: Topic) -> list[Candidate]:
    """The opening's ``... defeated the forces of the northern warlord Cao Cao``."""
    t = si.text
    if not t:
        return []
    out: list[Candidate] = []
    lose = re.search(rf" defeated (?:the |an? )?(?:[a-z-]+ ){{0,3}}{_FORCE} of the "
                     rf"(?P<desc>(?:[a-z]+ ){{1,2}})(?P<who>{_NAME})\.?$", t)
    if lose and lose["desc"].split()[0] not in ("the", "a", "an", "his", "her", "their"):
        desc = lose["desc"].strip()
        out.append(_ask(si, "outcome-loser",
                        f"Which {desc} was defeated at {topic.noun_phrase}?", lose["who"],
                        "person", accept=[f"{desc} {lose['who']}"]))
    return out


def _signed_for(si: SentenceInfo, topic: Topic) -> list[Candidate]:
    """``The signatories were A on behalf of X and B on behalf of Y``: who signed for X."""
    raw = si.cleaned.strip()
    m = re.match(r"The (?:signatories|signers) were (?P<list>.+?)\.?$", raw)
    if not m or re.search(r"\b(?:Treaty|Convention|Agreement) of\b", raw):
        return []
    parts = re.split(rf" and (?={_NAME} on behalf of )", m["list"])
    out: list[Candidate] = []
    if len(parts) < 2:
        return []  # one signatory named: "on behalf of" whom may be all the article says
    for part in parts:
        p = re.fullmatch(rf"(?P<who>{_NAME}) on behalf of (?P<for>[^,;]+)", part.strip())
        if not p:
            return []
        out.append(_ask(si, "outcome-signed",
                        f"Who signed {topic.noun_phrase} on behalf of {p['for']}?",
                        p["who"], "person", tags=["events", "people"]))
    return out


def _language(si: SentenceInfo, topic: Topic) -> list[Candidate]:
    """``The authoritative version was in Latin`` -> in which language."""
    raw = si.cleaned.strip()
    m = re.match(r"The (?P<adj>authoritative|official|original|binding) (?P<n>version|text) "
                 r"was in (?P<lang>[A-Z][a-z]+)\b", raw)
    if not m or re.search(r"\b(?:Treaty|Convention|Agreement) of\b", raw):
        return []
    prompt = f"In which language was the {m['adj']} {m['n']} of {topic.noun_phrase}?"
    return [_ask(si, "outcome-language", prompt, m["lang"], "language")]


def _recognized(si: SentenceInfo, topic: Topic) -> list[Candidate]:
    """What a party recognised as a boundary (or capital, or ruler) under the treaty."""
    t = si.text
    if not t or re.search(r"\b(?:Treaty|Convention|Agreement) of\b", t):
        return []
    m = re.match(rf"(?P<subj>{_NAME}) (?:also )?(?:[^,;]*? and )?recognized (?P<the>the )?"
                 rf"(?P<x>{_NAME}) as (?P<role>the [a-z ]+? of {_NAME})\.?$", t)
    if not m or m["subj"] in topic.title or m["x"] in m["role"]:
        return []
    prompt = f"Under {topic.noun_phrase}, what did {m['subj']} recognize as {m['role']}?"
    accept = [f"the {m['x']}"] if m["the"] else []
    return [_ask(si, "outcome-recognized", prompt, m["x"], "place", accept=accept)]
