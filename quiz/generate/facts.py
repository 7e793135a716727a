"""Set facts about the article's subject, read from the sentence shapes that state them.

Strict reviewers kept listing the same missed facts: what a thing is named after, its
other and former names, who founded it, the record it holds, the year UNESCO listed it.
Each shape here is a pattern that starts with the subject (or "It" / "The city" right
after a sentence about it), so the question can name the subject itself and need
nothing else from the article:

``It is named after Louis Pasteur, who ...`` -> ``After whom is the Pasteur Institute named?``;
``Ouro Preto, formerly Vila Rica, is ...`` -> ``What was Ouro Preto formerly called?``;
``X traces its roots to a bookshop founded circa 1615 by Masatomo Sumitomo`` -> no (the
bookshop was founded, not X); ``X was founded in 1887 by Louis Pasteur`` -> ``Who founded X?``;
``It is the world's second-largest sports organisation, after the IOC`` -> ``Which sports
organisation is larger than X?``; ``X is the largest adobe brick building in the world`` ->
``X is the largest _____ building in the world.``; ``it was designated a World Heritage
Site by UNESCO in 1988`` -> ``In what year was X designated a UNESCO World Heritage Site?``
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quiz.bank.normalize import fold
from quiz.generate.candidate import Candidate
from quiz.generate.context import Topic
from quiz.generate.entities import EVENT, PERSON, PLACE
from quiz.generate.rules import SentenceInfo, _base
from quiz.generate.spans import find_spans
from quiz.generate.text import BLANK, capitalise_first, content_words, strip_parens

# A proper name as an answer: capitalised words, with the small words names carry inside.
_WORD = r"(?:[A-Z][\w'’-]*(?:\.(?=[ \w]))?|\d+)"  # a full stop only inside: "S. Truman"
_NAME = rf"{_WORD}(?: (?:(?:of|de|da|du|del|von|van|al-|the|and|for|ibn) )*{_WORD}){{0,5}}"
# One of the subject's other names: a proper name, a quoted name, or (for a species) a
# lower-case common name ("the monkey-eating eagle").
_ALIAS = rf"(?:the )?(?:[\"“][^\"”]{{2,40}}[\"”]|{_NAME}|[a-z][\w-]*(?: [\w-]+){{0,3}})"
_BE = r"(?P<be>is|was|are|were)"
_SUP = r"largest|longest|tallest|biggest|oldest|highest|deepest|busiest|heaviest"
_COMPARATIVE = {"largest": "larger", "longest": "longer", "tallest": "taller",
                "biggest": "bigger", "oldest": "older", "highest": "higher",
                "deepest": "deeper", "busiest": "busier", "heaviest": "heavier"}
_ALSO = r"also|commonly|officially|formally|sometimes|popularly|locally|informally"


def fact_questions(infos: Sequence[SentenceInfo], topic: Topic, text: str,
                   person_names: Sequence[str] = ()) -> list[Candidate]:
    """Questions from the sentences of ``infos`` (in article order) that state one of the
    shapes above about the subject. ``text``: the article text (to see paragraph breaks);
    ``person_names``: names known to be people ("after whom" rather than "after what")."""
    out: list[Candidate] = []
    names = _all_other_names(infos, topic, text)
    prev_about = False
    prev_end = 0
    for si in infos:
        raw = strip_parens(si.cleaned).strip()
        para_start = "\n" in text[prev_end:si.sentence.start] or prev_end == 0
        at = _subject_end(raw, topic, prev_about or para_start)
        prev_about, prev_end = at is not None, si.sentence.end
        if at is None:
            continue
        rest = raw[at:]
        out += _named_after(si, topic, rest, person_names)
        out += _other_names(si, topic, rest, names)
        out += _founded_by(si, topic, rest)
        out += _record(si, topic, raw, rest)
        out += _heritage(si, topic, rest, raw[:at])
    return out


# -- who the sentence is about


def _subject_forms(topic: Topic) -> list[str]:
    forms = [topic.title, capitalise_first(topic.noun_phrase), topic.short, *topic.aliases]
    return sorted({f for f in forms if f}, key=len, reverse=True)


def _subject_end(raw: str, topic: Topic, after_topic: bool) -> int | None:
    """Where the subject ends if the sentence opens with it: its name, or (right after a
    sentence about it) "It", "He"/"She", "The city", "The species"."""
    intro = re.match(r"(?:(?:In|On|By|Since|After|Along with|Today|Currently|Now) [^,]{1,50},? )?",
                     raw)
    at = intro.end() if intro else 0
    for form in _subject_forms(topic):
        end = at + len(form)
        if raw.startswith(form, at) and not re.match(r"['’\w]", raw[end:end + 1]):
            return end
    if not after_topic and not (at and raw[at:at + 3] == "it "):
        return None
    heads = "|".join(re.escape(h) for h in sorted(topic.heads)) or "(?!)"
    pron = r"(?:He|She|he|she)" if topic.is_person else r"(?:It|it)"
    m = re.compile(rf"(?:{pron}|(?:The|This) (?:{heads}|species|dolphin|bird|city|town|"
                   rf"island|river|bridge|building|mosque|dam))\b").match(raw, at)
    if m and (after_topic or m.group(0) in ("it", "It")):
        return m.end()
    return None


# -- the shapes


def _subject(topic: Topic) -> str:
    return topic.noun_phrase


def _named_after(si: SentenceInfo, topic: Topic, rest: str,
                 person_names: Sequence[str]) -> list[Candidate]:
    m = re.match(rf",? {_BE} (?:also )?(?:named|called) (?:after|for|in hono[u]?r of) "
                 rf"(?P<y>{_NAME})(?=[,.;]| who\b| which\b| in\b|$)", rest)
    if not m or m["y"].startswith("The "):
        return []
    who = m["y"].removeprefix("the ")
    person = any(fold(who) == fold(p) or fold(who).endswith(" " + fold(p).split()[-1])
                 for p in person_names) or si_kind(si, who) == PERSON
    be = "is" if m["be"] in ("is", "are") else "was"
    prompt = f"After {'whom' if person else 'what'} {be} {_subject(topic)} named?"
    accept = [m["y"]] if m["y"] != who else []
    return [_base(si, "named-after", "text", prompt, who, "person" if person else "name", who,
                  accept=accept, score=3.2, tags=["names"])]


def si_kind(si: SentenceInfo, name: str) -> str | None:
    for m in si.raw_mentions:
        if fold(m.text) == fold(name):
            return m.kind
    return None


_ALIAS_HEAD = (rf"(?:,? (?P<be>is|was|are|were)|,) (?P<how>(?:{_ALSO}|formerly|previously|"
               r"originally|once)) (?:(?:known|called|named) (?:as )?)?")
_TIMED_ALIAS = (r" (?P<be>was|were) (?:known as|called|named) "
                r"(?P<names>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})"
                r" (?P<when>(?:from|between|until|before|in) \d{3,4}(?:(?: to|–|-| and) \d{3,4})?)")


_ANOTHER = ("also", "sometimes", "informally", "popularly", "locally")  # "another name"


def _names_follow(rest: str, m: re.Match[str]) -> bool:
    """Without "known as" / "called" only a name can follow: "X, formerly Vila Rica", never
    "X was formally established in Misford"."""
    return bool(re.search(r"(?:known|called|named) $", m.group(0).removesuffix("as "))
                or re.match(r"(?:the )?[A-Z\"“]", rest[m.end():]))
_SPELLING = re.compile(r"(?:romani[sz]ed|spelled|spelt|transliterated|written)\b")


def _alias_list(s: str) -> list[str]:
    """``the Hangchow River or Tsientang River`` -> both; a list ends where the sentence
    goes on (", is a ...", ", was held ...")."""
    s = re.split(r", (?=(?:is|was|are|were|and (?:is|was|commonly|officially)|has|had|a|an|"
                 r"the [a-z]|which|who)\b)", s, maxsplit=1)[0]
    parts = re.split(r"(,? (?:or|and) |, )", s)
    out: list[str] = []
    for n in range(0, len(parts), 2):
        p = parts[n].strip().strip(".").strip()
        if n and parts[n - 1] == ", " and not re.match(r"(?:the )?[A-Z\"“]", p):
            return out  # ", runs east": the sentence goes on, the list has ended
        p = re.sub(r"^[\"“](.*)[\"”]$", r"\1", p.removeprefix("the ").strip())
        p = p.strip("\"“”")
        if not p or len(p.split()) > 5 or not re.fullmatch(r"[\w'’ .-]+", p):
            return out
        out.append(p)
    return out


def _all_other_names(infos: Sequence[SentenceInfo], topic: Topic, text: str) -> list[str]:
    """Every other name the article gives its subject (any of them answers "another name")."""
    found: list[str] = []
    for si in infos:
        raw = strip_parens(si.cleaned).strip()
        for form in _subject_forms(topic):
            if raw.startswith(form):
                m = re.match(_ALIAS_HEAD, raw[len(form):])
                if m and m["how"] in _ANOTHER and _names_follow(raw[len(form):], m) \
                        and not _SPELLING.match(raw, len(form) + m.end()):
                    found += _alias_list(raw[len(form) + m.end():])
                break
    return list(dict.fromkeys(found))


def _other_names(si: SentenceInfo, topic: Topic, rest: str, names: list[str]
                 ) -> list[Candidate]:
    subj = _subject(topic)
    timed = re.match(_TIMED_ALIAS, rest)
    if timed:
        return _alias_question(si, topic, f"What was {subj} called {timed['when']}?",
                               f"{subj} was called {{}} {timed['when']}.", [timed["names"]])
    m = re.match(_ALIAS_HEAD, rest)
    if not m or not _names_follow(rest, m):
        return []
    how = m["how"]
    if _SPELLING.match(rest, m.end()):
        return []  # a transliteration is not worth asking
    listed = _alias_list(rest[m.end():])
    if not listed:
        return []
    if how in ("formerly", "previously", "originally", "once"):
        prompt, cloze = f"What was {subj} {how} called?", f"{subj} was {how} called {{}}."
    elif how in _ANOTHER:
        prompt = f"What is another name for {subj}?"
        cloze = f"{subj} is also called {{}}."
        listed = listed + [n for n in names if n not in listed]
    else:
        be = "is" if m["be"] in (None, "is", "are") else "was"
        prompt = f"By what name {be} {subj} {how} known?"
        cloze = f"{subj} {be} {how} known as {{}}."
    return _alias_question(si, topic, prompt, cloze, listed)


def _alias_question(si: SentenceInfo, topic: Topic, prompt: str, cloze: str,
                    listed: list[str]) -> list[Candidate]:
    """Ask for the name that shares the fewest words with the subject's own (the least
    guessable); where it shares some ("the Xinhai Revolution" for "the 1911 Revolution"),
    only the words that differ are blanked, for the shared ones would give it away."""
    own = content_words(topic.title)
    ranked = sorted(listed, key=lambda n: (len(content_words(n) & own), listed.index(n)))
    answer = ranked[0]
    others = [n for n in listed if n != answer]
    words, title = answer.split(), topic.title.split()
    head = 0
    while head < min(len(words), len(title)) - 1 and words[head] == title[head]:
        head += 1
    tail = 0
    while tail < min(len(words), len(title)) - 1 - head and words[-1 - tail] == title[-1 - tail]:
        tail += 1
    if not head and not tail:
        return [_base(si, "other-name", "text", capitalise_first(prompt), answer, "alias",
                      answer, accept=others, score=2.8, tags=["names"])]
    middle = " ".join(words[head:len(words) - tail])
    if len(middle) < 3 or not re.search(r"[A-Za-z]{3}", middle) or re.search(r"\d", middle):
        return []  # "San Marco A" for "San Marco 1", "7th CISM": nothing worth learning
    before, after = " ".join(words[:head]), " ".join(words[len(words) - tail:])
    shown = " ".join(x for x in (before, BLANK, after) if x)
    # another name of the same build fills the same blank
    accept = []
    for n in others:
        w = n.split()
        if w[:head] == words[:head] and (not tail or w[-tail:] == words[-tail:]):
            accept.append(" ".join(w[head:len(w) - tail]))
    # "the _____ Revolution", "the Battle of _____": the subject's own article
    the = "the " if topic.noun_phrase.startswith("the ") else ""
    text = capitalise_first(cloze.format(the + shown))
    return [_base(si, "other-name", "text", text, middle, "alias", middle, accept=accept,
                  score=2.8, tags=["names"], statement=cloze.format(answer))]


def _founded_by(si: SentenceInfo, topic: Topic, rest: str) -> list[Candidate]:
    """``X was founded in 1887 by Y`` -> ``Who founded X?``; ``X traces its roots to a
    bookshop in Kyoto founded circa 1615 by Y`` -> ``Who founded the bookshop in Kyoto to
    which X traces its roots?``"""
    subj = _subject(topic)
    m = re.match(rf",? {_BE} (?P<verb>founded|established|created|designed|built|"
                 rf"discovered|invented) (?:(?:in|on|circa|c\.) [^,]{{1,30}} )?by "
                 rf"(?P<who>{_NAME})(?=[,.;]| in\b| on\b| and\b|$)", rest)
    roots = re.match(rf" traces its (?P<what>roots|origins?) to (?P<thing>(?:a|an|the) "
                     rf"[a-z][\w-]*(?: (?:in|at) {_NAME})?) (?P<verb>founded|established) "
                     rf"(?:(?:in|on|circa|c\.) [^,]{{1,30}} )?by (?P<who>{_NAME})(?=[,.;]|$)",
                     rest)
    hit = m or roots
    if not hit:
        return []
    who = hit["who"]
    if si_kind(si, who) in (PLACE, EVENT) or len(who.split()) > 4:
        return []  # "founded by Portugal": a place is no founder to ask "who" about
    if roots:
        thing = re.sub(r"^(?:a|an) ", "the ", roots["thing"])
        prompt = f"Who {roots['verb']} {thing} to which {subj} traces its {roots['what']}?"
    else:
        prompt = f"Who {hit['verb']} {subj}?"
    return [_base(si, "founded-by", "text", prompt, who, "person", who, score=3.2,
                  tags=["people"])]


def _record(si: SentenceInfo, topic: Topic, raw: str, rest: str) -> list[Candidate]:
    """The subject's record: second to what, or of what kind."""
    subj = _subject(topic)
    out: list[Candidate] = []
    second = re.match(rf",? {_BE} (?:currently |now )?the world's second[- ](?P<sup>{_SUP}) "
                      rf"(?P<what>[a-z][\w-]*(?: [a-z][\w-]*){{0,4}}), after (?P<y>(?:the )?"
                      rf"{_NAME})(?=[,.;]|$)", rest)
    after = re.match(rf"After (?P<y>(?:the )?{_NAME}), (?:it|{re.escape(subj)}) {_BE} "
                     rf"the (?P<sup>{_SUP}) (?P<what>[a-z][\w-]*(?: [a-z][\w-]*){{0,4}}) "
                     rf"(?:worldwide|in the world)\.?$", raw, re.IGNORECASE)
    hit = second or after
    if hit:
        y = hit["y"]
        bare = y.removeprefix("the ")
        comp = _COMPARATIVE[hit["sup"].lower()]
        be = "is" if hit["be"] in ("is", "are") else "was"
        prompt = f"Which {hit['what']} {be} {comp} than {subj}?"
        out.append(_base(si, "record", "text", prompt, bare, "name", bare,
                         accept=[y] if y != bare else [], score=3.0, tags=["records"]))
        return out
    # "the largest adobe brick building in the world": blank what makes it a record
    m = re.match(rf"(?: [^,;]{{0,60}}?)? (?P<be>is|was) (?:considered |currently |now )?"
                 rf"the (?P<sup>{_SUP}) (?P<mod>[a-z][\w-]*(?: [a-z][\w-]*)?) "
                 rf"(?P<noun>[a-z]+) in the world\.?$", rest)
    if not m or m["mod"] in ("of", "in", "and", "city", "island"):
        return out
    be = m["be"]
    prompt = f"{capitalise_first(subj)} {be} the {m['sup']} {BLANK} {m['noun']} in the world."
    mod = m["mod"]
    accept = [mod.split()[0]] if " " in mod else []
    out.append(_base(si, "record", "text", prompt, mod, "kind", mod, accept=accept,
                     score=2.6, tags=["records"], statement=f"{subj} {be} the {m['sup']} "
                     f"{mod} {m['noun']} in the world."))
    return out


def _heritage(si: SentenceInfo, topic: Topic, rest: str, intro: str) -> list[Candidate]:
    """The year UNESCO listed the subject (at the end or in an opening "In 1996,"), or why."""
    year = re.match(r"In (\d{4}),? ", intro)
    if year:
        rest = rest.rstrip(". ") + f" in {year.group(1)}."
    m = re.match(r"(?:,? [^;]{0,100}?)? (?P<be>was|were) (?P<verb>designated|inscribed|"
                 r"listed|recognised|recognized|declared) (?P<as>as )?a (?:UNESCO )?"
                 r"World Heritage Site(?: by UNESCO)? (?:in (?P<y>\d{4})|(?:due to|because of|for) "
                 r"(?P<why>[^,;.]{4,60}))\.?$", rest)
    if not m:
        return []
    ask = f"{_subject(topic)} {m['verb']} {m['as'] or ''}a UNESCO World Heritage Site"
    if m["y"]:
        span = next((s for s in find_spans(rest) if s.kind == "year" and s.text == m["y"]),
                    None)
        return [_base(si, "heritage", "number", f"In what year was {ask}?", int(m["y"]),
                      "year", m["y"], span=span, number_format=m["y"], score=3.0,
                      tags=["dates"])]
    why = m["why"]
    bare = re.sub(r"^(?:its|their|the) ", "", why)
    return [_base(si, "heritage", "text", f"Why was {ask}?", why, "cause", why,
                  accept=[bare] if bare != why else [], score=2.8, difficulty=3,
                  tags=["causes"])]
