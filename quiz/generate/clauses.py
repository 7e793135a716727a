"""Sentences that hold two dated facts, split so each fact can be asked on its own.

"Construction began on 4 November 2003, and it opened to traffic on 26 December 2007"
is two facts; the rules ask a sentence about one date only, so both were lost. Here
the sentence is cut where each side holds exactly one date ("; ", ", and ", " and "),
a clause that shares the first one's subject gets it back ("it opened in 1919 and
closed in 1960" -> "it closed in 1960"), and each clause is made to stand alone like
any sentence. The evidence stays the whole sentence.
"""

from __future__ import annotations

import re

from quiz.generate.audit import has_hole
from quiz.generate.context import ContextReader
from quiz.generate.rules import SentenceInfo
from quiz.generate.spans import find_spans
from quiz.generate.text import wordset

_DATE_KINDS = ("date", "year", "monthyear")
_CUTS = re.compile(r",? and ")
# a clause that opens with a past-tense verb shares the subject of the one before
_VERB_START = re.compile(r"(?:[a-z]+ed|began|grew|rose|fell|sank|became|won|held|went|"
                         r"came|took|made|left|built|was|were)\b")
# "hosted " (a verb with an object and no auxiliary), and "the X Games in 1922"
_SIMPLE_VERB = re.compile(r"[a-z]+ed ")
_OBJECT_DATE = re.compile(r"(?:the |an? )?[\w'’-]+(?: [\w'’-]+){0,6} (?:in|on) "
                          r"(?:\d{1,2} )?(?:[A-Z][a-z]+ )?(?:\d{1,2}, )?\d{3,4}")
# past forms never used with "was": "was born in 1801 and died in 1860"
_INTRANSITIVE = wordset("died lived arrived retired resigned returned emerged existed remained "
                        "happened occurred collapsed moved travelled traveled worked served "
                        "settled stayed fled went")
_FINITE = re.compile(r"\b(?:[a-z]+ed|was|were|is|are|began|became|had|has)\b")
_SUBJECT = re.compile(r"(?P<subj>(?:(?:[Tt]he|[Aa]n?) [\w'-]+|[A-Z][\w'-]*|[Ii]t|[Hh]e|[Ss]he)"
                      r"(?: [\w'-]+){0,7}?) "
                      r"(?=(?:[a-z]+ed|began|was|were|became|won|held)\b)")


def _dates(text: str) -> int:
    return sum(1 for s in find_spans(text) if s.kind in _DATE_KINDS)


def split_dated(text: str) -> list[str]:
    """The one-date clauses of a sentence with two or more dates (else [])."""
    body = text.strip().rstrip(".")
    if _dates(body) < 2:
        return []
    out: list[str] = []
    for part in (p for p in re.split(r"; ", body) if p):
        if _dates(part) == 1:
            out.append(part)
        elif _dates(part) == 2:
            out.extend(_halves(part))
    return [c + "." for c in out] if len(out) >= 2 else []


def _halves(part: str) -> list[str]:
    """One cut of ``part`` with one date on each side, the second side given a subject."""
    for m in _CUTS.finditer(part):
        left, right = part[:m.start()], part[m.end():]
        if _dates(left) != 1 or _dates(right) != 1:
            continue
        subj = _SUBJECT.match(left)
        passive = re.match(r"(?:was|were) (?=[a-z]+(?:ed|t|n)\b)", left[subj.end():]) \
            if subj else None
        verb = re.match(r"[a-z]+(?:ed|t|n) ", right)
        if subj and passive and verb and verb[0].strip() not in _INTRANSITIVE:
            right = f"{subj['subj']} {passive[0]}{right}"  # "was sacked ... and rebuilt in"
        elif _VERB_START.match(right):
            if not subj:
                return []
            right = f"{subj['subj']} {right}"  # "... and closed in 1960"
        elif _SUBJECT.match(right):
            pass  # "..., and it opened to traffic on 26 December 2007"
        elif subj and (verb := _SIMPLE_VERB.match(left[subj.end():])) and \
                _OBJECT_DATE.fullmatch(right) and not _FINITE.search(right):
            # "hosted the Inter-Allied Games in 1919 and the Women's World Games in 1922"
            right = f"{subj['subj']} {verb[0]}{right}"
        else:
            return []
        return [_upper_first(left), _upper_first(right)]
    return []


def _upper_first(text: str) -> str:
    return text[0].upper() + text[1:]


def dated_clauses(infos: list[SentenceInfo], reader: ContextReader, article_text: str,
                  mentions) -> list[SentenceInfo]:
    """Extra sentence infos, one per dated clause of a two-date sentence."""
    out: list[SentenceInfo] = []
    before = False  # the sentence before was about the subject: "it" may mean it
    for si in infos:
        s = si.sentence
        clauses = split_dated(si.cleaned)
        earlier = article_text[:s.start]
        prev_topic = reader.about_topic(s.text) or before
        before = reader.about_topic(s.text)
        for clause in clauses:
            st = reader.standalone(clause, prev_topic, False, earlier)
            if st.text is None or has_hole(st.text) or has_hole(clause):
                continue
            extra = SentenceInfo(s, si.section, st.text, "", clause,
                                 raw_mentions=mentions(clause))
            extra.spans = find_spans(st.text)
            extra.mentions = mentions(st.text)
            out.append(extra)
            prev_topic = prev_topic or reader.about_topic(clause)
    return out

