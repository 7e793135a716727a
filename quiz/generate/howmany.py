""""How many" questions from counts the article states ("hosted the final on four
occasions", "attended by 77 participants", "has 121 member states").

The sentence is turned round so the count is asked for: an active verb gets
do-support ("How many occasions did X host ...?" needs the verb's base form),
a passive "by N nouns" becomes the active ("How many participants attended X?").
Hedged counts ("about 40", "more than 100") are not asked: the answer would need a
tolerance the article does not give.
"""

from __future__ import annotations

import re

from quiz.generate.candidate import Candidate
from quiz.generate.rules import SentenceInfo, _base
from quiz.generate.spans import Span
from quiz.generate.text import lower_first, wordset

_HEDGES = re.compile(r"\b(?:about|around|approximately|nearly|almost|over|some|more than|"
                     r"less than|fewer than|up to|at least|roughly|under|only|estimated|"
                     r"an estimated|over|some)\s+$", re.IGNORECASE)
_IRREGULAR = {
    "had": "have", "has": "have", "held": "hold", "won": "win", "took": "take", "made": "make",
    "built": "build", "gave": "give", "lost": "lose", "sent": "send", "wrote": "write",
    "brought": "bring", "fought": "fight", "found": "find", "kept": "keep", "led": "lead",
    "left": "leave", "met": "meet", "saw": "see", "set": "set", "spent": "spend",
    "drew": "draw", "bore": "bear", "killed": "kill", "ran": "run", "lays": "lay",
    "contains": "contain", "includes": "include", "consists": "consist",
}
# words that end like verbs but are not the sentence's verb
_NOT_VERBS = wordset("was were is are has had its this his thus always also as us less "
                     "across towards perhaps news series species")
_KEPT_ADVERBS = frozenset({"usually", "often", "typically"})
_SUBJECT = r"(?P<subj>(?:The |the )?[A-Z0-9][\w'’-]*(?: [A-Za-z][\w'’-]*){0,6}?)"


def _base_form(verb: str) -> str | None:
    """The verb after "did"/"does": ``hosted`` -> ``host``, ``lays`` -> ``lay``;
    None when unsure (an -ed word whose stem cannot be told apart)."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("ied"):
        return verb[:-3] + "y"
    if re.search(r"(?:pp|tt|nn|gg|rr|mm)ed$", verb):
        return verb[:-3]  # "stopped" -> "stop"
    if re.search(r"(?:at|iz|is|uc|iv|ur|os|ud|ag|ng|ir|rv|bl|pl|tl|dl|et|ot|ut)ed$", verb):
        return verb[:-1]  # "created", "produced", "included" -> keep the e
    if verb.endswith("ed"):
        return verb[:-2]  # "hosted", "appointed", "attended"
    if verb.endswith("es") and re.search(r"(?:ch|sh|ss|x)es$", verb):
        return verb[:-2]
    if verb.endswith("s") and not verb.endswith("ss"):
        return verb[:-1]  # "covers", "lays"
    return None


def how_many(si: SentenceInfo) -> list[Candidate]:
    t = si.text
    if not t:
        return []
    out: list[Candidate] = []
    for c in si.spans:
        if c.kind == "count":
            out.extend(_ask(si, t, c))
    return out


def _ask(si: SentenceInfo, t: str, c: Span) -> list[Candidate]:
    value = c.value
    if not isinstance(value, (int, float)) or value < 2 or value != int(value) or not c.unit:
        return []
    if _HEDGES.search(t[:c.start]):
        return []
    body = t.rstrip(".")
    rest = body[c.end:].strip()
    if "," in rest or len(rest.split()) > 10:
        rest = ""  # a trailing clause or list ("5 nations: A, B, C") stays out
    elif rest and not re.match(r"(?:from|in|of|at|on|to|during|for|across)\b", rest):
        return []
    noun = _noun(c.unit)
    prompt = _as_subject(body, c, noun) or _passive(body, c, noun, rest) or \
        _active(body, c, noun, rest)
    if prompt is None or len(prompt.split()) > 24:
        return []
    accept = [c.number_text] if c.number_text and not c.number_text[0].isdigit() else []
    return [_base(si, "how-many", "number", prompt, int(value), "count",
                  c.number_text or str(int(value)), t, unit=noun, accept=accept, span=c,
                  number_format=c.number_text if c.number_text and
                  c.number_text[0].isdigit() else str(int(value)),
                  score=3.1, tags=["numbers"])]


_ADJECTIVE_RE = re.compile(r"(?:[a-z]+(?:ish|ful|ous|ive|ing)|large|small|big|new|old|major|"
                           r"minor|other|more|different|separate)$")


def _noun(unit: str) -> str:
    """``pinkish eggs`` -> ``eggs`` (the colour is not what is counted); ``member
    states`` stays whole."""
    first, _, last = unit.partition(" ")
    return last if last and _ADJECTIVE_RE.match(first) else unit


def _as_subject(body: str, c: Span, noun: str) -> str | None:
    """``In 1729, three men were appointed to prepare ...`` -> ``In 1729, how many men
    were appointed to prepare ...?``"""
    intro = body[:c.start]
    if intro and not re.fullmatch(r"(?:In|On|By|During|After|Before) [^,]{1,40}, ", intro):
        return None
    after = body[c.end:]
    m = re.match(r" (?:were|are|have|had|was) [a-z][^,;:]*", after)
    if not m:
        return None
    # "... for the system that would include ...": the relative clause is left out
    tail = re.split(r" (?:that|which|who|where|while|when) ", m.group(0))[0]
    if len(tail.split()) < 3 or re.search(r"\b(?:and|or)\s*$", tail):
        return None
    lead = f"{intro}how many" if intro else "How many"
    return f"{lead} {noun}{tail}?"


def _passive(body: str, c: Span, noun: str, rest: str) -> str | None:
    """``X was attended by 77 participants`` -> ``How many participants attended X?``"""
    m = re.fullmatch(rf"{_SUBJECT} (?:was|were) (?P<verb>[a-z]+ed) by ", body[:c.start])
    if not m:
        return None
    tail = f" {rest}" if rest.startswith(("from", "in")) else ""
    return f"How many {noun}{tail} {m['verb']} {lower_first(m['subj'])}?"


def _active(body: str, c: Span, noun: str, rest: str) -> str | None:
    """``X hosted the final on 4 occasions`` -> ``On how many occasions did X host the
    final?``; ``X has 121 member states`` -> ``How many member states does X have?``"""
    before = body[:c.start].rstrip()
    # "X was used mostly for matches and hosted the final": ask about the second verb
    both = re.match(r"(?P<s>[^,]+?) (?:was|were|is|are) [^,;]*? and (?P<v>[a-z]+ed\b.*)$",
                    before)
    if both:
        before = f"{both['s']} {both['v']}"
    words = before.split()
    if not words or not re.match(r"(?:The |[A-Z])", before):
        return None
    for i, w in enumerate(words[1:9], 1):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w in ("usually", "also", "only", "still", "often", "once", "later", "eventually",
                 "now", "typically"):
            continue
        if not re.fullmatch(r"[a-z]+", w):
            if w[:1].isupper() or w.endswith(("'s", "’s")) or "-" in w:
                continue  # part of a name or a possessive
            return None
        verb_like = w in _IRREGULAR or w.endswith("ed") or (
            w.endswith("s") and not w.endswith("ss"))
        if not verb_like or (w.endswith("s") and (nxt.endswith("ed") or nxt in _IRREGULAR)):
            continue  # "The athletes competed": the noun before the verb
        if w in _NOT_VERBS and w not in ("has", "had"):
            return None
        base = _base_form(w)
        if base is None:
            return None
        adverbs = [x for x in words[:i] if x in _KEPT_ADVERBS]
        subj = " ".join(x for x in words[:i] if x not in _KEPT_ADVERBS | {"also", "only",
                                                                         "still"})
        past = w.endswith("ed") or (w in _IRREGULAR and not w.endswith("s"))
        do = "did" if past else "does"
        mid_words = words[i + 1:]
        prep = ""
        if mid_words and mid_words[-1] in ("on", "in", "of", "with", "from", "at", "by", "for"):
            prep = mid_words.pop()
        if prep and mid_words and mid_words[-1].endswith("ing"):
            return None  # "Of how many participants did X send a delegation consisting?"
        mid = " ".join(mid_words)
        if re.search(r"\d", mid) or mid.split()[:1] in (["up"], ["out"], ["off"], ["down"]):
            return None  # another number, or "made up of" (a phrasal verb)
        if len(mid_words) > 10 or re.search(r"\b(?:and|or|which|that|who|when)\b|[,;:()]",
                                            mid):
            return None
        if mid_words and mid_words[-1] in ("a", "an", "the", "its", "his", "her", "their"):
            return None
        head = f"{prep.capitalize()} how many" if prep else "How many"
        parts = [head, noun, do, lower_first(subj), *adverbs, base, mid, rest]
        return " ".join(p for p in parts if p) + "?"
    return None
